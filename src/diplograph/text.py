"""Text normalisation for matching names and phrases, never for stored quotes.

Arabic spellings of one name differ in diacritics (tashkeel), tatweel, the
forms of alef (أ إ آ ٱ), final yeh (ى / ي), teh marbuta (ة / ه) and Persian
letters (ک ی گ پ چ ژ ڤ ە) and digits (٠-٩, ۰-۹). Matching
folds all of these, and Latin case; quotes kept as evidence are always the
exact text.

Examples
--------
>>> normalize("فَلاديمير") == normalize("فلاديمير")
True
>>> normalize("Trump") == normalize("TRUMP")
True
>>> normalize("ترامـــب") == normalize("ترامب"), normalize("٢٠١٧"), normalize("گزارش") == normalize("كزارش")
(True, '2017', True)
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["DIGITS", "FoldedText", "ascii_digits", "find_mentions", "normalize", "normalize_with_map"]

#: Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII digits: the one table of them.
DIGITS: dict[int, str] = {**{0x0660 + i: str(i) for i in range(10)}, **{0x06F0 + i: str(i) for i in range(10)}}

_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_FOLD = str.maketrans(
    {
        "\u0623": "\u0627",  # أ -> ا
        "\u0625": "\u0627",  # إ -> ا
        "\u0622": "\u0627",  # آ -> ا
        "\u0671": "\u0627",  # ٱ -> ا
        "\u0649": "\u064a",  # ى -> ي
        "\u0629": "\u0647",  # ة -> ه
        "\u06a9": "\u0643",  # ک -> ك
        "\u06cc": "\u064a",  # ی -> ي
        "\u06af": "\u0643",  # گ -> ك (nearest Arabic letter)
        "\u067e": "\u0628",  # پ -> ب
        "\u0686": "\u062c",  # چ -> ج
        "\u0698": "\u0632",  # ژ -> ز
        "\u06a4": "\u0641",  # ڤ -> ف
        "\u06d5": "\u0647",  # ە -> ه
        "\u06c0": "\u0647",  # ۀ -> ه
        "\u06be": "\u0647",  # ھ -> ه
        "\u06c1": "\u0647",  # ہ -> ه
        "\u06d2": "\u064a",  # ے -> ي
        "\u06d0": "\u064a",  # ې -> ي
        "\u0640": None,  # tatweel
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u200f": None,  # right-to-left mark
        "\u200e": None,  # left-to-right mark
    }
)
_FOLD.update(DIGITS)
_SPACE = re.compile(r"\s+")


def ascii_digits(text: str) -> str:
    """*text* with Arabic-Indic and Persian digits as ASCII digits (nothing else changed).

    >>> ascii_digits("٢٠١٧ و۱۲")
    '2017 و12'
    """
    return text.translate(DIGITS)


def _fold_char(ch: str) -> str:
    if _TASHKEEL.match(ch):
        return ""
    folded = ch.translate(_FOLD)
    return folded.casefold() if folded else ""


def normalize(text: str) -> str:
    """Fold *text* for matching: Arabic variants, diacritics, case, spacing.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The folded text, with runs of white space collapsed to one space and
        the ends stripped.

    Examples
    --------
    >>> normalize("  إسرائيل ")
    'اسرائيل'
    """
    folded, _ = normalize_with_map(text)
    return folded.strip()


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Fold *text* and map every folded character back to its source offset.

    Returns
    -------
    folded : str
        The folded text (white space runs collapsed, not stripped).
    offsets : list of int
        ``offsets[i]`` is the index in *text* of the character that produced
        ``folded[i]``; one extra entry holds ``len(text)``.

    Examples
    --------
    >>> folded, offsets = normalize_with_map("بُوتين")
    >>> folded, offsets[:3]
    ('بوتين', [0, 2, 3])
    """
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    offsets: list[int] = []
    previous_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if previous_space:
                continue
            out.append(" ")
            offsets.append(i)
            previous_space = True
            continue
        previous_space = False
        for folded in _fold_char(ch):
            out.append(folded)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


# One-letter Arabic proclitics that attach to a name: wa-, fa-, bi-, li-, ka-.
_PROCLITICS = set("وفبلك")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_mentions(text: str, phrase: str) -> list[tuple[int, int]]:
    """Find where *phrase* is mentioned in *text*, under normalisation.

    A mention starts at a word boundary or after an Arabic proclitic letter
    (و ف ب ل ك, possibly two of them as in "ولترامب"), and ends at a word
    boundary.

    Parameters
    ----------
    text : str
        The text to search (exact source text).
    phrase : str
        The name or phrase to look for.

    Returns
    -------
    list of (start, end)
        Offsets into *text* of every mention, in order.

    Examples
    --------
    >>> find_mentions("حيث وجه بوتين دعوة لترامب", "ترامب")
    [(20, 25)]
    >>> find_mentions("Trumpet", "Trump")
    []
    """
    return FoldedText(text).mentions(phrase)


class FoldedText:
    """A text folded once (:func:`normalize_with_map`) for many searches.

    Parameters
    ----------
    text : str
        The exact source text; offsets returned always point into it.

    Examples
    --------
    >>> folded = FoldedText("التقى أردوغان ولافروف")
    >>> [folded.text[s:e] for s, e in folded.mentions("اردوغان") + folded.mentions("لافروف")]
    ['أردوغان', 'لافروف']
    """

    def __init__(self, text: str):
        self.text = text
        self.folded, self.offsets = normalize_with_map(text)

    def mentions(self, phrase: str) -> list[tuple[int, int]]:
        """Offsets of every mention of *phrase* (see :func:`find_mentions`)."""
        folded, offsets = self.folded, self.offsets
        needle = normalize(phrase)
        if not needle:
            return []
        found: list[tuple[int, int]] = []
        start = folded.find(needle)
        while start != -1:
            end = start + len(needle)
            after_ok = end >= len(folded) or not _is_word_char(folded[end])
            before_ok = start == 0 or not _is_word_char(folded[start - 1])
            if not before_ok:
                # allow up to two proclitic letters directly before the name
                j = start
                while j > 0 and start - j < 2 and folded[j - 1] in _PROCLITICS:
                    j -= 1
                before_ok = j < start and (j == 0 or not _is_word_char(folded[j - 1]))
            if before_ok and after_ok:
                found.append((offsets[start], offsets[end - 1] + 1))
            start = folded.find(needle, start + 1)
        return found
