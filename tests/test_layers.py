"""The house has no import circle: every import of the package, lazy or for types only, goes one way.

Data flows one way (source text → annotation → mapping → store → queries →
contact source → network → page; the API, the server and the CLI on top), so
the imports between the package's modules form no cycle. Imports inside
functions and under ``TYPE_CHECKING`` count too: a two-way dependency hidden
in a function body is still one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

import diplograph

PACKAGE = Path(diplograph.__file__).parent


def _module_name(path: Path) -> str:
    parts = ["diplograph", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules *name* imports, anywhere in its file."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            for a in node.names:  # a submodule, or a name the module (or package) defines
                sub = f"{base}.{a.name}"
                out.add(sub if sub in known else base)
    out.discard(name)
    return out & known


def import_graph() -> nx.DiGraph:
    modules = _modules()
    G = nx.DiGraph()
    for name, path in modules.items():
        G.add_node(name)
        G.add_edges_from((name, target) for target in _imports(name, path, set(modules)))
    return G


def test_the_package_has_no_import_cycle() -> None:
    G = import_graph()
    assert G.number_of_edges() > 50  # the graph was read
    cycles = [sorted(c) for c in nx.strongly_connected_components(G) if len(c) > 1]
    assert cycles == []


def test_lower_layers_never_import_the_layers_above() -> None:
    G = import_graph()
    below = {"diplograph.errors", "diplograph.dates", "diplograph.vocab", "diplograph.text", "diplograph.records",
             "diplograph.contacts", "diplograph.query", "diplograph.backends"}
    above = {"diplograph.kg", "diplograph.cli", "diplograph.server", "diplograph.view", "diplograph.network"}
    for low in below:
        reached = nx.descendants(G, low)
        assert not {m for m in reached if any(m == a or m.startswith(a + ".") for a in above)}, low
