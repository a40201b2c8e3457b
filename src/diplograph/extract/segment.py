"""Language detection, page noise, sentences and clauses of an article.

Offsets always point into the exact text: nothing here rewrites it.

Examples
--------
>>> detect_language("التقى الرئيسان في موسكو"), detect_language("The two presidents met in Moscow.")
('ar', 'en')
>>> text = "عنوان الخبر\\n\\nالتقى الرئيسان. وناقشا التجارة، والأمن.\\nشارك\\n"
>>> [s.text for s in sentences(text, noise_lines(text))]
['عنوان الخبر', 'التقى الرئيسان.', 'وناقشا التجارة، والأمن.']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

__all__ = ["NoiseLine", "Sentence", "clauses", "detect_language", "noise_lines", "sentences"]

_ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile("[A-Za-z]")

#: Words of page furniture (menus, widgets, sharing buttons, comment forms), compared folded.
_UI_WORDS = {
    "search", "share", "print", "menu", "home", "login", "subscribe", "advertisement", "read more", "related",
    "comments", "comment", "image", "icon", "photo", "video", "details", "recall", "background", "left menu",
    "also read", "recommended for you", "story highlights", "comments are closed", "leave a comment",
    "please enter your comment!", "please enter your name here", "x",
    "بحث", "شارك", "طباعة", "إعلان", "اقرأ أيضا", "اقرأ أيضًا", "اقرأ ايضا", "تابعنا", "الرئيسية", "مشاركة", "المزيد",
    "شاهد أيضاً", "شاهد أيضا", "اترك تعليقاً", "اترك تعليقا", "التعليقات مغلقة", "إضافة تعليق جديد", "قد يعجبك أيضا",
    "النشرة البريدية", "صورة", "مباشر", "استمع إلى الملخص", "اظهر الملخص", "+ الخط -", "كلمات دليلية",
}
#: Labels after which the short lines that follow are other articles' headlines.
_LIST_LABELS = {"also read", "related", "read more", "recommended for you", "اقرأ أيضا", "اقرأ أيضًا", "اقرأ ايضا",
                "شاهد أيضاً", "شاهد أيضا", "المزيد", "قد يعجبك أيضا"}
#: Lines that are page furniture by their form: an aggregator's footer, a copyright line, the byline of an
#: embedded post, a notice that the page was printed.
_FURNITURE = re.compile(
    r"^(?:ظهرت المقالة .+ أولا?ً? على .+|The post .+ appeared first on .+|"
    r".*(?:Copyright|©|All rights reserved|جميع الحقوق محفوظة).*|[—–-]\s.+\(@\w+\).*|"
    r"هذا المحتوى مطبوع من موقع .+|Read more at .+|المشاهدات\s*:.*|التعليقات\s*:.*)$",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?؟]+(?=\s|$)"
                           # a full stop with no space after it: "الأبيض.وقالت", "refused.Then"
                           r"|(?<=[\u0621-\u064a])\.(?=[\u0621-\u064a])|(?<=[a-z])\.(?=[A-Z][a-z])")
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
                           r"U\.S|U\.N|U\.K|No|vs|Gen|Sen|Rep|Gov|Col|Lt))$")
_CLAUSE_BREAK = re.compile(r"[،,;؛:]")
_HEADING_MAX_WORDS = 14
#: Words a wrapped line may end on without ending its sentence.
_CONTINUES = re.compile(r"(?:^|\s)(?:of|the|a|an|and|or|in|on|at|to|with|from|for|by|that|as|his|her|their|its|"
                        r"في|من|إلى|الى|على|عن|مع|أن|ان|و|بين|لدى)$", re.IGNORECASE)


def detect_language(text: str) -> str:
    """``"ar"`` when Arabic letters outnumber Latin ones, else ``"en"``."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    return "ar" if arabic >= latin and arabic > 0 else "en"


@dataclass(frozen=True)
class NoiseLine:
    """A line of page furniture, why it is taken for noise, and whether it repeats."""

    text: str
    why: str
    repeated: bool = False


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a heading line) of the article, by its offsets."""

    start: int
    end: int
    text: str
    heading: bool
    index: int


def _letters(line: str) -> int:
    return len(_ARABIC_LETTER.findall(line)) + len(_LATIN_LETTER.findall(line))


def _repeats_one_word(line: str) -> bool:
    """A widget's sprite of labels: ten words or more, one of them making up a third of them."""
    words = line.casefold().split()
    return len(words) >= 10 and Counter(words).most_common(1)[0][1] * 3 >= len(words)


def _why(line: str, count: int) -> str | None:
    bare = line.strip(" .:-|").casefold()
    if count > 1 and 2 <= len(line.split()) <= 12:
        return "repeated line (photo caption or page furniture)"
    if bare in _UI_WORDS:
        return "page widget label"
    if _FURNITURE.match(line):
        return "page furniture (footer, copyright or an embedded post's byline)"
    if _repeats_one_word(line):
        return "a widget's labels"
    if not re.search(r"\d", line) and _letters(line) <= 2:
        return "too few letters to be text (page widget)"
    return None


def noise_lines(text: str) -> list[NoiseLine]:
    """Lines that are page furniture, not article text.

    A line is noise when it repeats word for word (photo captions), names a
    page widget ("search", "شارك"), is a footer, copyright line or embedded
    post's byline, repeats one label (a widget's sprite), or holds almost no
    letters ("A .A"). The short lines after "also read" are other articles'
    headlines. Lines holding a date or time are kept (they date the article).
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    counts = Counter(lines)
    out: list[NoiseLine] = []
    seen: set[str] = set()
    listing = 0  # lines of a list of other articles still to come
    for line in lines:
        if line in seen:
            continue
        seen.add(line)
        why = _why(line, counts[line])
        if why is None and listing and line[-1] not in ".!?؟" and len(line.split()) <= _HEADING_MAX_WORDS:
            why = "another article's headline (after a list label)"
            listing -= 1
        else:
            listing = 0
        if line.strip(" .:-|").casefold() in _LIST_LABELS:
            listing = 10
        if why is not None:
            out.append(NoiseLine(line, why, counts[line] > 1 and 2 <= len(line.split()) <= 12))
    return out


def _noise_spans(text: str, noise: list[NoiseLine]) -> list[tuple[int, int]]:
    spans = []
    for n in noise:
        for m in re.finditer(re.escape(n.text), text):
            spans.append((m.start(), m.end()))
    return spans


def _paragraph_lines(text: str, noise_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) of each line that is not noise, a wrapped line joined to the next one.

    A line continues on the next when no blank line comes between and it ends
    on a word that cannot end a sentence ("of", "في"), or the next line starts
    in lower case, or it is a word or two before a line that ends a sentence.
    """
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if not line.strip():
            continue
        s0 = m.start() + (len(line) - len(line.lstrip()))
        if any(a <= s0 < b for a, b in noise_spans):
            continue
        spans.append((s0, m.start() + len(line.rstrip())))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _continues(text, out[-1], (a, b)):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _continues(text: str, prev: tuple[int, int], line: tuple[int, int]) -> bool:
    between = text[prev[1]:line[0]]
    if between.count("\n") != 1 or text[prev[1] - 1] in ".!?؟:":
        return False
    first, words = text[prev[0]:prev[1]], text[line[0]:line[1]]
    if words[:1].islower() or _CONTINUES.search(first):
        return True
    # "Russian\nPresident Vladimir Putin and ...": a word or two of English wrapped onto a line of their own
    return len(first.split()) <= 2 and bool(re.search(r"[A-Za-z]$", first)) and bool(re.match(r"[A-Z]", words)) \
        and len(words.split()) > 8


def sentences(text: str, noise: list[NoiseLine] | None = None) -> list[Sentence]:
    """Sentences and heading lines of *text*, noise lines left out.

    A heading is a line of at most fourteen words without final punctuation.
    Lines wrapped inside a sentence are joined; a full stop with no space
    after it still ends a sentence ("رفض.وجرت").
    """
    noise_spans = _noise_spans(text, noise or [])
    out: list[Sentence] = []
    for s0, end_of_line in _paragraph_lines(text, noise_spans):
        stripped = text[s0:end_of_line]
        if stripped[-1] not in ".!?؟" and len(stripped.split()) <= _HEADING_MAX_WORDS:
            out.append(Sentence(s0, end_of_line, stripped, True, len(out)))
            continue
        pos = s0
        for m in _SENTENCE_END.finditer(text, s0, end_of_line):
            before = text[pos:m.start()]
            if m.group() == "." and _ABBREVIATION.search(before):
                continue
            if m.group().startswith(".") and m.end() < end_of_line and text[m.end():m.end() + 1] == ".":
                continue
            _add(out, text, pos, m.end())
            pos = m.end()
        _add(out, text, pos, end_of_line)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2 and _letters(text[start:end]) >= 2:
        out.append(Sentence(start, end, text[start:end], False, len(out)))


def clauses(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """The comma-, colon- and semicolon-delimited clauses of *sentence*, as offsets.

    Commas inside parentheses or quotation marks, and between digits, do not break.
    """
    out: list[tuple[int, int]] = []
    start = sentence.start
    depth = 0
    for i in range(sentence.start, sentence.end):
        ch = text[i]
        if ch in "([«":
            depth += 1
        elif ch in ")]»":
            depth = max(0, depth - 1)
        elif _CLAUSE_BREAK.match(ch) and depth == 0:
            if ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue
            if i > start:
                out.append((start, i))
            start = i + 1
    if sentence.end > start:
        out.append((start, sentence.end))
    return [(a, b) for a, b in out if text[a:b].strip()]
