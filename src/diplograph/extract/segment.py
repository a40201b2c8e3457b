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

#: Words of page furniture (menus, widgets, sharing buttons), compared folded.
_UI_WORDS = {
    "search", "share", "print", "menu", "home", "login", "subscribe", "advertisement", "read more", "related",
    "بحث", "شارك", "طباعة", "إعلان", "اقرأ أيضا", "اقرأ أيضًا", "تابعنا", "الرئيسية", "مشاركة", "المزيد",
}
_SENTENCE_END = re.compile(r"[.!?؟]+(?=\s|$)|\n")
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
                           r"U\.S|U\.N|U\.K|No|vs|Gen|Sen|Rep|Gov|Col|Lt))$")
_CLAUSE_BREAK = re.compile(r"[،,;؛:]")
_HEADING_MAX_WORDS = 14


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


def noise_lines(text: str) -> list[NoiseLine]:
    """Lines that are page furniture, not article text.

    A line is noise when it repeats word for word (photo captions), names a
    page widget ("search", "شارك"), or holds almost no letters ("A .A").
    Lines holding a date or time are kept (they date the article).
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    counts = Counter(lines)
    out: list[NoiseLine] = []
    seen: set[str] = set()
    for line in lines:
        if line in seen:
            continue
        seen.add(line)
        bare = line.strip(" .:-|").casefold()
        if counts[line] > 1 and len(line.split()) <= 12:
            out.append(NoiseLine(line, "repeated line (photo caption or page furniture)", True))
        elif bare in _UI_WORDS:
            out.append(NoiseLine(line, "page widget label"))
        elif not re.search(r"\d", line) and _letters(line) <= 3:
            out.append(NoiseLine(line, "too few letters to be text (page widget)"))
    return out


def _noise_spans(text: str, noise: list[NoiseLine]) -> list[tuple[int, int]]:
    spans = []
    for n in noise:
        for m in re.finditer(re.escape(n.text), text):
            spans.append((m.start(), m.end()))
    return spans


def sentences(text: str, noise: list[NoiseLine] | None = None) -> list[Sentence]:
    """Sentences and heading lines of *text*, noise lines left out.

    A heading is a line of at most fourteen words without final punctuation.
    """
    noise_spans = _noise_spans(text, noise or [])
    out: list[Sentence] = []
    pos = 0
    for line_match in re.finditer(r"[^\n]+", text):
        line_start, line = line_match.start(), line_match.group()
        if not line.strip():
            continue
        stripped = line.strip()
        s0 = line_start + (len(line) - len(line.lstrip()))
        if any(a <= s0 < b for a, b in noise_spans):
            continue
        if stripped[-1] not in ".!?؟" and len(stripped.split()) <= _HEADING_MAX_WORDS:
            out.append(Sentence(s0, s0 + len(stripped), stripped, True, len(out)))
            continue
        pos = s0
        end_of_line = line_start + len(line.rstrip())
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
