"""One reading of a query's text for the guard and the engine: the canonical form.

SPARQL engines do not all read a query's text the same way: rdflib ends a
``#`` comment only at a line feed, Oxigraph also at a carriage return; they
differ on escapes in single-quoted strings, on tabs inside strings, on
``\\u`` escapes that produce surrogates. A query that one parser reads as
harmless and the other as ``SERVICE <http://...>`` is a request forgery.
So the endpoint never hands an engine the text it received. This module
reads the text once, by the SPARQL 1.1 grammar's terminals, and writes it
again in a form on which no two readers can differ:

- ``\\u`` (four hex digits) and ``\\U`` (eight) escapes are expanded first (as the grammar
  says); one that names a surrogate or no character is refused, and so is
  any ``\\u`` or ``\\U`` left after expansion;
- comments are dropped (each keeps only its line break);
- whitespace is a space or a line feed;
- every string literal is written again as ``"..."`` with only the escapes
  ``\\" \\\\ \\n \\r \\t \\b \\f``;
- characters that some reader could take for a line break, a space or
  nothing (U+2028, U+0085, vertical tab, zero-width and bidi controls,
  NUL...) are refused outside string literals, comments included, and a
  carriage return inside a comment must be followed by a line feed.

The guard parses the canonical text and the engine runs that same text.
:func:`read_query` also lists the words of the text that are neither in a
string nor in an IRI, for the guard's keyword check.

Examples
--------
>>> canonical_query("SELECT ?s # who\\r\\nWHERE { ?s ?p 'it\\\\'s' }")
'SELECT ?s \\nWHERE { ?s ?p "it\\'s" }'
>>> canonical_query("ASK { # c\\r SERVICE <http://127.0.0.1:9/> {} \\n}")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
diplograph.errors.QueryError: a carriage return inside a comment (at char 9) must be followed by a line feed: ...
>>> read_query('SELECT ?x WHERE { ?x ex:p "SERVICE" ; ex:q <urn:from> }').words
['SELECT', '?x', 'WHERE', '?x', 'ex:p', 'ex:q']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import QueryError

__all__ = ["Reading", "canonical_query", "read_query"]

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_WRITE = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_PN_LOCAL_ESC = set("_~.-!$&\"'()*+,;=/?#@%")
#: Unicode categories refused outside string literals: controls, format characters (zero-width,
#: bidi), surrogates, private use, unassigned, and line, paragraph and other space separators.
_REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"}
_WORD = re.compile(r"[^\s{}()\[\],;<>=!&|*/+\"'^]+")


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def _expand_codepoints(text: str) -> str:
    def expand(m: re.Match[str]) -> str:
        value = int(m.group(1) or m.group(2), 16)
        if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF or value == 0:
            raise QueryError(f"the escape {m.group(0)} (at char {m.start()}) names no character "
                             "(a surrogate, NUL, or beyond U+10FFFF)")
        return chr(value)

    expanded = _CODEPOINT.sub(expand, text)
    left = re.search(r"\\[uU]", expanded)
    if left:
        raise QueryError(f"a \\u or \\U (at char {left.start()} after expanding escapes) that is not a complete "
                         "escape, or that an escape produced: refused, since engines would expand it differently")
    return expanded


def _check_outside_strings(ch: str, pos: int, where: str) -> None:
    if ch in "\t\n\r ":
        return
    if unicodedata.category(ch) in _REFUSED_CATEGORIES:
        raise QueryError(f"the character {_describe(ch)} (at char {pos}) is refused {where}: SPARQL engines "
                         "disagree on whether it ends a line, separates words or is nothing")


class _Reader:
    """A single pass over the expanded text, writing the canonical form."""

    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.out: list[str] = []
        self.code: list[str] = []  # the text outside strings and IRIs, each of those a space

    def run(self) -> str:
        text, n = self.text, len(self.text)
        while self.pos < n:
            ch = text[self.pos]
            if ch == "#":
                self._comment()
            elif ch in "\"'":
                self._string(ch)
            elif ch in " \t\r\n":
                self._space()
            elif ch == "<" and (m := _IRIREF.match(text, self.pos)):
                for c in m.group(0):
                    _check_outside_strings(c, self.pos, "in an IRI")
                self.out.append(m.group(0))
                self.code.append(" ")
                self.pos = m.end()
            elif ch == "\\":
                self._escape()
            else:
                _check_outside_strings(ch, self.pos, "outside a string literal")
                self.out.append(ch)
                self.code.append(ch)
                self.pos += 1
        return "".join(self.out)

    def _space(self) -> None:
        text, start = self.text, self.pos
        while self.pos < len(text) and text[self.pos] in " \t\r\n":
            self.pos += 1
        run = text[start:self.pos]
        self.out.append("\n" if "\n" in run or "\r" in run else " ")
        self.code.append(" ")

    def _comment(self) -> None:
        text, n = self.text, len(self.text)
        i = self.pos + 1
        while i < n and text[i] not in "\r\n":
            _check_outside_strings(text[i], i, "in a comment")
            i += 1
        if i < n and text[i] == "\r" and not text.startswith("\r\n", i):
            raise QueryError(f"a carriage return inside a comment (at char {i}) must be followed by a line feed: "
                             "SPARQL engines disagree on where such a comment ends")
        self.pos = i  # the line break is kept, as whitespace

    def _escape(self) -> None:
        # outside strings a backslash only escapes a character of a prefixed name's local part
        text, i = self.text, self.pos
        after = text[i + 1] if i + 1 < len(text) else ""
        if after not in _PN_LOCAL_ESC or not self.code or not _WORD.fullmatch(self.code[-1]):
            raise QueryError(f"a backslash (at char {i}) outside a string literal that does not escape a "
                             "character of a prefixed name")
        self.out.append(text[i:i + 2])
        self.code.append("_")  # an escaped character only continues the word
        self.pos = i + 2

    def _string(self, quote: str) -> None:
        text, n = self.text, len(self.text)
        start = self.pos
        long = text.startswith(quote * 3, start)
        delim = quote * 3 if long else quote
        i = start + len(delim)
        value: list[str] = []
        while True:
            if i >= n:
                raise QueryError(f"a string literal (at char {start}) is not closed")
            ch = text[i]
            if text.startswith(delim, i):
                break
            if ch == "\\":
                esc = text[i + 1] if i + 1 < n else ""
                if esc not in _ECHAR:
                    raise QueryError(f"the escape \\{esc} (at char {i}) is not a SPARQL string escape")
                value.append(_ECHAR[esc])
                i += 2
                continue
            if not long and ch in "\r\n":
                raise QueryError(f"a line break inside a short string literal (at char {i}); "
                                 'use \\n or """..."""')
            if ch == "\x00" or "\ud800" <= ch <= "\udfff":
                raise QueryError(f"the character {_describe(ch)} inside a string literal (at char {i}) is no text")
            value.append(ch)
            i += 1
        self.pos = i + len(delim)
        self.out.append('"' + "".join(_WRITE.get(c, c) for c in value) + '"')
        self.code.append(" ")


@dataclass(frozen=True)
class Reading:
    """A query read once: its canonical *text*, and the *words* outside its strings and IRIs."""

    text: str
    words: list[str]


def read_query(text: str) -> Reading:
    """Read *text* once by the SPARQL terminals; its canonical form and its bare words.

    Raises
    ------
    QueryError
        The text holds something on which readers could disagree (see the module's notes).
    """
    reader = _Reader(_expand_codepoints(text))
    canonical = reader.run()
    return Reading(canonical, _WORD.findall("".join(reader.code)))


def canonical_query(text: str) -> str:
    """The query *text* written so that every SPARQL reader reads it the same way (see :func:`read_query`)."""
    return read_query(text).text
