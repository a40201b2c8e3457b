"""YAML documents that remember where each value came from.

Every scalar is kept as a string (no implicit dates or numbers: the schema
decides types), and every value knows its file and line, so a problem deep in
a document is reported as ``annotation.yaml:57: ...``.

A document is read only when it is at most :data:`MAX_YAML_BYTES` long and
nests at most :data:`MAX_DEPTH` deep (checked on the parser's event stream
before a tree is built, so a hostile file gets a one-line error, never a
``RecursionError``); anchors and aliases are refused.

Examples
--------
>>> doc = parse_yaml("a:\\n  - x\\n  - 2017-07-07\\n", "demo.yaml")
>>> doc["a"].items[1].value, doc["a"].items[1].where
('2017-07-07', 'demo.yaml:3')
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import InputError, StoreError

__all__ = ["MAX_DEPTH", "MAX_YAML_BYTES", "YList", "YMap", "YScalar", "YValue", "parse_yaml", "read_yaml"]

#: How deep mappings and sequences may nest in a registry or an annotation.
MAX_DEPTH = 32

#: The largest YAML file read.
MAX_YAML_BYTES = 32 * 1024 * 1024


@dataclass
class YScalar:
    """A scalar value (always a string) and where it stands."""

    value: str
    path: str
    line: int
    quoted: bool = False

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class YList:
    """A sequence and where it starts."""

    items: list[YValue]
    path: str
    line: int

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class YMap:
    """A mapping with string keys, and where it starts."""

    entries: dict[str, YValue]
    path: str
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def __getitem__(self, key: str) -> YValue:
        return self.entries[key]

    def get(self, key: str) -> YValue | None:
        return self.entries.get(key)


YValue = YScalar | YList | YMap


def _convert(node: yaml.Node, path: str) -> YValue:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        quoted = node.style in ("'", '"')
        value = node.value
        if (not quoted and node.tag == "tag:yaml.org,2002:null") or (not quoted and value in ("", "~", "null")):
            value = ""
        return YScalar(value, path, line, quoted)
    if isinstance(node, yaml.SequenceNode):
        return YList([_convert(item, path) for item in node.value], path, line)
    if isinstance(node, yaml.MappingNode):
        entries: dict[str, YValue] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError("mapping keys must be plain words", path, key_node.start_mark.line + 1)
            key = key_node.value
            if key in entries:
                raise InputError(f"duplicate key {key!r}", path, key_node.start_mark.line + 1)
            entries[key] = _convert(value_node, path)
            key_lines[key] = key_node.start_mark.line + 1
        return YMap(entries, path, line, key_lines)
    raise InputError(f"unsupported YAML node {node.tag}", path, line)  # pragma: no cover


def parse_yaml(text: str, path: str = "<yaml>") -> YMap:
    """Parse one YAML document whose top level is a mapping.

    Raises
    ------
    InputError
        Malformed YAML (with the parser's line), aliases/anchors, nesting
        deeper than :data:`MAX_DEPTH`, or a top level that is not a mapping.
    """
    try:
        _check_depth(text, path)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(f"malformed YAML: {exc.problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"malformed YAML: {exc}", path) from None
    if node is None:
        raise InputError("empty document", path)
    if "*" in text and _has_alias(node):
        raise InputError("YAML anchors and aliases are not accepted", path)
    value = _convert(node, path)
    if not isinstance(value, YMap):
        raise InputError("the document must be a mapping at the top level", path, 1)
    return value


def _check_depth(text: str, path: str) -> None:
    """Refuse a document that nests deeper than :data:`MAX_DEPTH` (the parser keeps an explicit stack)."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise InputError(f"nested more than {MAX_DEPTH} deep; an annotation or registry needs far fewer "
                                 "levels", path, mark.line + 1 if mark is not None else None)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _has_alias(node: yaml.Node, seen: set[int] | None = None) -> bool:
    seen = set() if seen is None else seen
    if id(node) in seen:
        return True
    seen.add(id(node))
    children: list[yaml.Node] = []
    if isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    elif isinstance(node, yaml.MappingNode):
        children = [n for pair in node.value for n in pair]
    return any(_has_alias(child, seen) for child in children)


def read_yaml(path: str | Path) -> YMap:
    """Read and parse a YAML file (see :func:`parse_yaml`): a regular file of at most :data:`MAX_YAML_BYTES`."""
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK)  # a pipe must not block the reader
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise InputError("not a regular file", p)
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(MAX_YAML_BYTES + 1)
        if len(data) > MAX_YAML_BYTES:
            raise InputError(f"longer than {MAX_YAML_BYTES >> 20} MiB; not read", p)
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise StoreError(f"{p}: file not found") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", p) from None
    return parse_yaml(text, str(p))
