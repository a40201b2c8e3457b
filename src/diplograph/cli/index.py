"""The ``diplograph index`` command: build, check or describe the contact index of a store."""

from __future__ import annotations

import argparse
from typing import Any

from .core import add_graph

__all__ = ["register"]


def register(sub: Any) -> None:
    """Register ``diplograph index``."""
    p = sub.add_parser(
        "index", help="build or check the contact index of a store",
        description="The contact index answers the analyst's questions (contacts, timelines, gaps, claims, networks) "
                    "from columnar tables beside the store. An Oxigraph store keeps it in its folder and rewrites it "
                    "at every load; this command rebuilds it (--rebuild), checks that it matches the store "
                    "(--check: exit 7 when it does not), or says what it holds.")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--rebuild", action="store_true", help="build the index afresh, even if it matches")
    mode.add_argument("--check", action="store_true", help="only check that the index matches the store; build nothing")
    add_graph(p)
    p.set_defaults(func=cmd_index)


def cmd_index(args: argparse.Namespace) -> int:
    from ..index import build, index_path, open_index, read_index, store_version
    from .core import open_kg

    # files given are loaded with their index (read beside the load); a store opened as it is, without one yet
    kg = open_kg(argparse.Namespace(graph=args.graph, store=args.store, index="auto" if args.graph else False))
    path = index_path(kg.store)
    if args.check:
        if path is None:
            print(f"{kg.store.spec}: its index lives in memory, built when asked for; nothing to check")
            return 0
        read_index(path, store_version(kg.store)).close()
        print(f"{path}: matches {kg.store.spec}")
        return 0
    if args.rebuild and path is not None:
        build(kg.store, path)
    index = open_index(kg.store)
    meta = index.meta()
    counts = {t: index.sql(f'SELECT count(*) FROM "{t}"')[0][0] for t in ("contacts", "roles", "claims", "entities")}
    where = str(path) if path is not None else "memory"
    print(f"index of {kg.store.spec} ({where}), built {meta.get('built')} in {meta.get('build_seconds')} s")
    for key, value in counts.items():
        print(f"  {key:<12} {value:,}")
    if path is not None:
        print(f"  {'size':<12} {path.stat().st_size / 1e6:,.1f} MB")
    index.close()
    kg.close()
    return 0
