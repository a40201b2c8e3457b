"""Commands on the knowledge graph itself: build, query, show, timeline, gaps, claims, planned."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InvalidArgumentError, QueryError
from .numbers import more_than_zero
from .output import FORMATS, add_paging, emit, json_lines, page_of

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

__all__ = ["add_format", "add_graph", "open_kg", "register"]


def add_graph(p: argparse.ArgumentParser) -> None:
    """Add the ``--graph``, ``--store`` and ``--create`` options (which data, kept where)."""
    p.add_argument("--graph", "-g", action="append", metavar="FILE",
                   help="graph file to load (repeatable); default: the built graph of the seed article")
    p.add_argument("--store", default="memory", metavar="STORE",
                   help="where the graph is kept: memory (default), oxigraph:FOLDER (on disk: opened read-only "
                        "as it is, or loaded with the --graph files) or sparql:URL")
    p.add_argument("--create", action="store_true",
                   help="make the store when it does not exist yet (with the --graph files, or the seed graph); "
                        "without it, a store that does not exist is an error")


def add_format(p: argparse.ArgumentParser) -> None:
    """Add the ``--format`` option."""
    p.add_argument("--format", "-f", choices=FORMATS, default="table", help="output format (default: table)")


def open_kg(args: argparse.Namespace) -> KnowledgeGraph:
    """The knowledge graph the arguments name: a store is opened read-only unless files are loaded into it."""
    from ..kg import load

    files = args.graph or []
    create = bool(getattr(args, "create", False))
    return load(*files, store=getattr(args, "store", "memory"), create=create, read_only=not files and not create,
                index=getattr(args, "index", "auto"))


def register(sub: Any) -> None:
    """Register this module's subcommands."""
    p = sub.add_parser("build", help="validate the annotations and write the graph",
                       description="Read the registry and every annotation, map them to RDF, validate with "
                                   "SHACL and write the graph atomically (nothing is written on any error).")
    p.add_argument("--graph-dir", type=Path, default=None, help="folder with registry.yaml and annotations/")
    p.add_argument("--output", "-o", type=Path, default=None, help="output file (default: GRAPH_DIR/diplograph.ttl)")
    p.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    p.add_argument("--warnings", action="store_true", help="list SHACL warnings and notes")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("query", help="run a named query, a .rq file or SPARQL text",
                       description="Run NAME (see --list), a .rq FILE, or SPARQL text. Values are bound with "
                                   "--bind var=value as each variable declares it takes them (an entity's name is "
                                   "resolved to its IRI, an unknown name is an error), never pasted into the text.")
    p.add_argument("query", nargs="?", help="query name, .rq file or SPARQL text")
    p.add_argument("--list", action="store_true", help="list the named queries and the questions they answer")
    p.add_argument("--bind", "-b", action="append", default=[], metavar="VAR=VALUE",
                   help="bind a variable (repeat a variable for several values); a name given for an entity "
                        "becomes its IRI")
    add_graph(p)
    add_format(p)
    add_paging(p)
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("show", help="everything the graph says of an entity",
                       description="Labels, aliases, Wikidata ID, posts, contacts, plans and claims of an entity.")
    p.add_argument("entity", help="a name in any spelling, Arabic or English")
    add_graph(p)
    p.add_argument("--format", "-f", choices=("text", "json"), default="text")
    p.add_argument("--limit", type=more_than_zero(int), default=None, metavar="N",
                   help="in text, list at most N contacts, plans and claims each (default: all)")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("timeline", help="contacts and plans between two actors, in date order")
    p.add_argument("a")
    p.add_argument("b", nargs="?")
    add_graph(p)
    add_format(p)
    add_paging(p)
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("gaps", help="gaps between consecutive direct contacts of two actors, longest first")
    p.add_argument("a")
    p.add_argument("b")
    add_graph(p)
    add_format(p)
    add_paging(p)
    p.set_defaults(func=cmd_gaps)

    p = sub.add_parser("claims", help="claims with their quotes, optionally by one speaker")
    p.add_argument("--by", help="the speaker (any spelling)")
    add_graph(p)
    add_format(p)
    add_paging(p)
    p.set_defaults(func=cmd_claims)


def cmd_build(args: argparse.Namespace) -> int:
    from ..build import build
    from ..bundled import GRAPH_DIR

    result = build(args.graph_dir or GRAPH_DIR, args.output, check=not args.no_validate)
    for path in result.outputs:
        print(f"wrote {path}")
    for key, value in result.summary.items():
        print(f"  {key:<28} {value}")
    if result.report is not None:
        r = result.report
        print(f"  SHACL: conforms, {len(r.warnings)} warning(s), {len(r.infos)} note(s)")
        if args.warnings:
            for f in r.warnings + r.infos:
                print(f"    {f}")
    return 0


def _bindings(pairs: list[str]) -> dict[str, Any]:
    """``--bind VAR=VALUE`` pairs as bindings; a variable given twice takes both values (one row each)."""
    out: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InvalidArgumentError(f"--bind takes VAR=VALUE, got {pair!r}")
        out.setdefault(name.strip(), []).append(value.strip())
    return {k: v[0] if len(v) == 1 else v for k, v in out.items()}


def cmd_query(args: argparse.Namespace) -> int:
    from ..query import Rows, named_queries

    if args.list:
        rows = [{"name": q.name, "question": q.question, "bind": q.bind} for q in named_queries().values()]
        emit(rows, ["name", "question", "bind"], args.format)
        return 0
    if not args.query:
        raise QueryError("give a query name, a .rq file or SPARQL text (or --list)")
    kg = open_kg(args)
    result = kg.query(args.query, _bindings(args.bind))
    if isinstance(result, Rows):
        emit(result, result.vars, args.format, page_of(args))
    elif isinstance(result, bool):
        print("true" if result else "false")
    else:
        print(result.serialize(format="turtle"))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    kg = open_kg(args)
    info = kg.describe(args.entity, limit=None if args.format == "json" else args.limit)  # JSON: all of them
    if args.format == "json":
        for line in json_lines(info):
            print(line)
        return 0
    print(f"{info['label']} — {info['label_ar']}")
    print(f"  {info['kind']}  {info['iri']}")
    if info["wikidata"]:
        print(f"  Wikidata: {info['wikidata']}")
    if info["aliases"]:
        print(f"  also: {', '.join(info['aliases'])}")
    if info["posts"]:
        print("posts:")
        for p in info["posts"]:
            when = f"{p['begin']}–{p['end']}" if p["begin"] else (p["attested"] or "undated")
            print(f"  {p['role']}, {p['organisation']['label']} ({when})  «{p['quote']}»")
    limit = args.limit
    for title, key in (("contacts", "contacts"), ("planned contacts", "planned")):
        if info["counts"][key]:
            print(f"{title}:")
            for c in info[key][:limit]:
                others = ", ".join(p["label"] for p in c["participants"] if p["iri"] != info["iri"])
                status = f" [{c['status']}]" if c["status"] else ""
                print(f"  {c['date'] or 'undated':<10}  {c['kind']:<17} with {others}{status}")
                print(f"              «{c['evidence']['quote']}»")
            _more(info["counts"][key], limit)
    if info["counts"]["claims"]:
        print("claims:")
        for c in info["claims"][:limit]:
            print(f"  {c['stated'] or '':<10}  {c['text']}")
            print(f"              «{c['evidence']['quote']}»")
        _more(info["counts"]["claims"], limit)
    return 0


def _more(count: int, limit: int | None) -> None:
    if limit is not None and count > limit:
        print(f"  … and {count - limit:,} more (of {count:,}; --limit N shows more, --format json all)")


def _contact_row(c: Any) -> dict[str, Any]:
    return {
        "date": c.date, "kind": c.kind, "planned": c.status or "", "participants": [p.label for p in c.participants],
        "place": c.place, "topics": list(c.topics), "quote": c.evidence.quote, "contact": c.iri,
    }


def cmd_timeline(args: argparse.Namespace) -> int:
    kg = open_kg(args)
    rows = [_contact_row(c) for c in kg.timeline(args.a, args.b)]
    emit(rows, ["date", "kind", "planned", "participants", "place", "topics", "quote"], args.format, page_of(args))
    return 0


def cmd_gaps(args: argparse.Namespace) -> int:
    kg = open_kg(args)
    rows = [g.as_dict() for g in kg.gaps(args.a, args.b)]
    emit(rows, ["start", "end", "days", "months", "approximate"], args.format, page_of(args))
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    kg = open_kg(args)
    rows = [{"by": c.by.label, "medium": c.medium, "stated": c.stated, "claim": c.text, "quote": c.evidence.quote,
             "hedges": list(c.hedges)} for c in kg.claims(by=args.by)]
    emit(rows, ["by", "medium", "stated", "claim", "quote", "hedges"], args.format, page_of(args))
    return 0

