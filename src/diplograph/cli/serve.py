"""Commands that serve or ship the graph: ``serve`` (a SPARQL endpoint) and ``push`` (to a remote store)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import DiplographError, StoreError
from .numbers import more_than_zero

__all__ = ["port_number", "register"]

_MB = 1024 * 1024


def port_number(text: str) -> int:
    """A TCP port, 1 to 65535.

    Examples
    --------
    >>> port_number("8000")
    8000
    >>> port_number("99999")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: '99999': must be 65535 or less (the highest port)
    """
    value = more_than_zero(int)(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"{text!r}: must be 65535 or less (the highest port)")
    return int(value)


def register(sub: Any) -> None:
    """Register this module's subcommands."""
    p = sub.add_parser("serve", help="run a read-only SPARQL 1.1 endpoint with a query page",
                       description="Serve the graph over the SPARQL 1.1 Protocol (GET and POST) with a query "
                                   "page at / and the endpoint at /sparql. Read-only; SERVICE, FROM and updates "
                                   "are refused; every query runs in a worker process under a hard time limit.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=port_number, default=8000, help="port, 1 to 65535 (default: 8000)")
    p.add_argument("--store", default="memory", metavar="STORE",
                   help="memory (default), oxigraph:PATH or sparql:URL")
    p.add_argument("--graph", "-g", action="append", metavar="FILE",
                   help="graph file to serve (repeatable; default: the built graph); with an Oxigraph "
                        "store, these replace its data first")
    p.add_argument("--create", action="store_true",
                   help="with oxigraph:PATH, make the store there if there is none (with the built graph, or the "
                        "--graph files); without it a store that does not exist is an error")
    p.add_argument("--graph-iri", default=None, metavar="IRI",
                   help="with sparql:URL, the named graph to query (default: https://w3id.org/diplograph/graph, "
                        "where push writes; 'default' for the endpoint's default graph)")
    p.add_argument("--timeout", type=more_than_zero(float), default=10.0,
                   help="hard time limit per query in seconds (default: 10)")
    p.add_argument("--max-rows", type=more_than_zero(int), default=10_000, help="row cap per result (default: 10000)")
    p.add_argument("--workers", type=more_than_zero(int), default=2,
                   help="queries that may run at once under the full time limit (default: 2; one more worker "
                        "answers short queries while these are busy)")
    p.add_argument("--max-bytes", type=more_than_zero(int), default=16, metavar="MB",
                   help="largest answer, in MB (default: 16)")
    p.add_argument("--max-memory", type=more_than_zero(int), default=1024, metavar="MB",
                   help="memory a query's worker may use, in MB (default: 1024)")
    p.add_argument("--per-client", type=more_than_zero(int), default=2,
                   help="queries one client address may have running or waiting (default: 2)")
    p.add_argument("--client-timeout", type=more_than_zero(float), default=10.0, metavar="S",
                   help="seconds a client may take to send a request's head or its body (default: 10); an idle "
                        "kept-alive connection is closed after 5 s, or this if shorter")
    p.add_argument("--max-connections", type=more_than_zero(int), default=512,
                   help="connections open at once (default: 512, lowered to what the file limit allows)")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="a name the Host header may give besides --host, localhost and 127.0.0.1 "
                        "(repeatable; '*' for any, e.g. behind a proxy that checks it)")
    p.add_argument("--cors", action="store_true", help="allow cross-origin requests from any page")
    p.add_argument("--page", type=Path, default=None, metavar="FILE",
                   help="the interactive graph page to serve at /graph/diplograph.html "
                        "(default: graph/diplograph.html, as 'diplograph view' writes it)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("push", help="replace a named graph on a SPARQL server with the built graph",
                       description="Load the built graph (and the ontology) into a named graph of a remote "
                                   "SPARQL 1.1 store, replacing that graph whole: data goes to a staging graph "
                                   "first and is swapped in with one MOVE (or one Graph Store Protocol PUT).")
    p.add_argument("--to", required=True, metavar="URL", help="the SPARQL update endpoint")
    p.add_argument("--graph", default=None, metavar="IRI",
                   help="the named graph to replace (default: https://w3id.org/diplograph/graph)")
    p.add_argument("--file", "-g", action="append", metavar="FILE", help="graph file (default: the built graph)")
    p.add_argument("--no-ontology", action="store_true", help="leave the ontology out")
    p.add_argument("--gsp", metavar="URL", help="use this Graph Store Protocol endpoint (one PUT) instead")
    p.add_argument("--user", help="HTTP basic auth user (password from DIPLOGRAPH_PASSWORD)")
    p.set_defaults(func=cmd_push)


def _files(given: list[str] | None, ontology: bool = True) -> list[Path]:
    from ..bundled import GRAPH_FILE, ONTOLOGY_FILE

    files = [Path(f) for f in given] if given else [GRAPH_FILE]
    return [*files, ONTOLOGY_FILE] if ontology else files


def _default_page(graph_dir: Path) -> Path:
    here = Path("graph/diplograph.html")
    return here if here.is_file() else graph_dir / "diplograph.html"


def _prepare_store(args: argparse.Namespace, files: list[Path]) -> dict[str, Any]:
    """Check or fill the store before any worker opens it; the backend options the workers need."""
    from ..backends import open_store, unknown_store
    from ..backends.memory import MemoryBackend

    options: dict[str, Any] = {}
    if args.store == "memory":
        MemoryBackend().load(files)  # fail here, with the file's name, rather than in every worker
    elif args.store.startswith("oxigraph:"):
        store = open_store(args.store, create=bool(args.graph) or args.create)
        try:
            if args.graph or not store.execute("ASK { ?s ?p ?o }").boolean:
                store.load(files)
        finally:
            store.close()
    elif args.store.startswith("sparql:"):
        from ..backends.remote import DEFAULT_GRAPH

        iri = args.graph_iri or DEFAULT_GRAPH
        options["graph"] = None if iri == "default" else iri
    else:
        raise unknown_store(args.store)
    return options


def _allowed_hosts(args: argparse.Namespace) -> list[str]:
    hosts = ["127.0.0.1", "localhost", *args.allow_host]
    if args.host not in ("0.0.0.0", "::", ""):
        hosts.append(args.host)
    return list(dict.fromkeys(hosts))


def cmd_serve(args: argparse.Namespace) -> int:
    from ..bundled import GRAPH_DIR
    from ..server.app import ServerConfig, create_app
    from ..server.http import HttpLimits, bind, serve

    files = _files(args.graph)
    options = _prepare_store(args, files)
    try:
        sock = bind(args.host, args.port)
    except OSError as exc:
        raise DiplographError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None

    config = ServerConfig(store=args.store, files=files, timeout=args.timeout, max_rows=args.max_rows,
                          max_bytes=args.max_bytes * _MB, max_memory=args.max_memory * _MB,
                          workers=args.workers, per_client=args.per_client, body_timeout=args.client_timeout,
                          allowed_hosts=_allowed_hosts(args),
                          cors=args.cors, graph_page=args.page or _default_page(GRAPH_DIR), options=options)
    pool = config.pool()
    try:
        try:
            pool.start()
        except RuntimeError as exc:
            raise StoreError(str(exc)) from None
        confined = f"; query workers without network ({pool.confinement})" if pool.confinement else ""
        print(f"diplograph: serving {args.store} at http://{args.host}:{args.port}/ (endpoint: /sparql){confined}",
              file=sys.stderr, flush=True)
        if args.host in ("0.0.0.0", "::") and not args.allow_host:
            print("diplograph: note: requests whose Host header is not localhost or 127.0.0.1 are refused; "
                  "name this machine with --allow-host NAME", file=sys.stderr, flush=True)
        limits = HttpLimits(header_timeout=args.client_timeout, idle_timeout=min(5.0, args.client_timeout),
                            max_connections=args.max_connections)
        serve(create_app(config, pool), sock, limits)
    finally:
        pool.close()
        sock.close()
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    import os

    from ..backends.remote import DEFAULT_GRAPH, SparqlBackend
    from ..graphfiles import read_graph

    auth = (args.user, os.environ.get("DIPLOGRAPH_PASSWORD", "")) if args.user else None
    data = read_graph(_files(args.file, ontology=not args.no_ontology))
    remote = SparqlBackend(args.to, update_url=args.to, graph=args.graph or DEFAULT_GRAPH, gsp_url=args.gsp,
                           auth=auth)
    try:
        count = remote.replace_graph(data)
    finally:
        remote.close()
    print(f"pushed {count} triples to <{remote.graph}> at {args.to}")
    return 0
