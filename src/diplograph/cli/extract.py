"""Commands for new articles: extract a draft, add a reviewed annotation, evaluate extraction."""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import AnnotationError, InputError, StoreError
from .output import emit

__all__ = ["add_article", "register"]


def register(sub: Any) -> None:
    """Register this module's subcommands."""
    p = sub.add_parser("extract", help="draft an annotation for a news article (Arabic or English)",
                       description="Find the people, dates, contacts, plans and claims of ARTICLE by rules and the "
                                   "entity registry, and write a draft annotation in the reviewed format. Every "
                                   "proposal carries its quote; unknown people are listed as candidates.")
    p.add_argument("article", type=Path, help="the article as UTF-8 text")
    p.add_argument("--lang", choices=("ar", "en"), help="the article's language (detected when absent)")
    p.add_argument("--published", help="publication date-time, ISO (read from the page when absent)")
    p.add_argument("--output", "-o", type=Path, help="write the draft here (default: standard output)")
    p.add_argument("--graph-dir", type=Path, default=None, help="folder with registry.yaml (default: the seed graph)")
    p.add_argument("--review", action="store_true",
                   help="also write the review page next to the draft (OUTPUT with .html; needs --output)")
    p.add_argument("--threshold", type=float, default=None,
                   help="mark contacts and plans below this confidence for review (default: 0.7)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("review", help="write a review page for a draft annotation (offline HTML)",
                       description="Write one offline HTML page showing the article of DRAFT with every proposed "
                                   "fact's evidence highlighted in place, and a card for each fact: kind, date and "
                                   "how it was read, participants and how each name was resolved, confidence and "
                                   "why, and the draft lines it comes from.")
    p.add_argument("draft", type=Path, help="the draft annotation (YAML)")
    p.add_argument("--output", "-o", type=Path, help="the page to write (default: DRAFT with .html)")
    p.add_argument("--graph-dir", type=Path, default=None, help="folder with registry.yaml (default: the seed graph)")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("add", help="add a reviewed annotation and its article to the graph, atomically",
                       description="Validate ANNOTATION against the registry, copy it and its text into the graph "
                                   "folder and rebuild the graph. Nothing changes unless every step succeeds; "
                                   "adding an article that is already in the graph changes nothing.")
    p.add_argument("annotation", type=Path)
    p.add_argument("--graph-dir", type=Path, default=None, help="the graph folder (default: the seed graph)")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("evaluate", help="precision, recall and F1 of extraction against gold annotations",
                       description="Extract each gold annotation's article afresh and score entities, dates, "
                                   "contacts and plans against the annotation. Default: the seed annotation and "
                                   "the test articles in tests/data/articles.")
    p.add_argument("gold", nargs="*", type=Path, help="gold annotation files")
    p.add_argument("--graph-dir", type=Path, default=None, help="folder with registry.yaml (default: the seed graph)")
    p.add_argument("--details", action="store_true", help="list what was missed and what was extra")
    p.add_argument("--format", "-f", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("evaluate-pages", help="score extraction on saved real news pages against their gold facts",
                       description="Extract each page saved in TEXTS (<id>.txt for every gold file <id>.yaml) and "
                                   "score contacts, plans, dates, denials and new people against the gold facts "
                                   "(eval/real/README.md describes both). Nothing is fetched.")
    p.add_argument("texts", type=Path, help="the folder of saved page texts")
    p.add_argument("gold", nargs="+", type=Path, help="gold files, or folders of them")
    p.add_argument("--threshold", type=float, default=None,
                   help="count contacts and plans of at least this confidence (default: the extractor's)")
    p.add_argument("--graph-dir", type=Path, default=None, help="folder with registry.yaml (default: the seed graph)")
    p.add_argument("--details", action="store_true", help="list what was missed and what was extra")
    p.add_argument("--format", "-f", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_evaluate_pages)


def _graph_dir(args: argparse.Namespace) -> Path:
    from ..bundled import GRAPH_DIR

    return Path(args.graph_dir) if args.graph_dir else GRAPH_DIR


def _threshold(value: float | None) -> float:
    from ..extract import DEFAULT_THRESHOLD

    if value is None:
        return DEFAULT_THRESHOLD
    if not 0 <= value <= 1:
        raise InputError(f"--threshold {value!r} is not between 0 and 1")
    return value


def cmd_review(args: argparse.Namespace) -> int:
    from ..registry import Registry
    from ..review import write_review

    if not args.draft.is_file():
        raise InputError(f"{args.draft}: no such draft annotation")
    out = args.output or args.draft.with_suffix(".html")
    if out.resolve() == args.draft.resolve():
        raise InputError(f"--output {out} is the draft itself")
    counts = write_review(args.draft, out, Registry.read(_graph_dir(args) / "registry.yaml"))
    print(f"wrote {out}: {counts['contact']} contact(s), {counts['plan']} plan(s), {counts['denial']} denial(s), "
          f"{counts['candidate']} new person/people, {counts['to_review']} to review", file=sys.stderr)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from ..atomic import write_atomic
    from ..extract import extract_file
    from ..registry import Registry

    if args.review and not args.output:
        raise InputError("--review writes the page next to the draft: give the draft's file with --output")
    threshold = _threshold(args.threshold)
    published = None
    if args.published:
        try:
            published = datetime.fromisoformat(args.published)
        except ValueError:
            raise InputError(f"--published {args.published!r} is not an ISO date or date-time") from None
    registry = Registry.read(_graph_dir(args) / "registry.yaml")
    draft = extract_file(args.article, registry, lang=args.lang, published=published, draft_path=args.output,
                         threshold=threshold)
    text = draft.to_yaml()
    if args.output:
        write_atomic(args.output, text.encode("utf-8"))
        low = sum(1 for e in draft.events if e.confidence < threshold)
        print(f"wrote {args.output}: {len(draft.contacts)} contact(s), {len(draft.plans)} plan(s) "
              f"({low} marked for review), {len(draft.denials)} denial(s), {len(draft.claims)} claim(s), "
              f"{len(draft.candidates)} candidate(s)", file=sys.stderr)
        if args.review:
            from ..review import write_review

            page = args.output.with_suffix(".html")
            write_review(args.output, page, registry)
            print(f"wrote {page}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


_SOURCE_LINE = re.compile(r"^(  )(id|text):.*$", re.MULTILINE)


def _retarget(yaml_text: str, source_id: str, text_ref: str) -> str:
    """Point the ``source`` block of an annotation at its new id and text file."""
    start = yaml_text.find("\nsource:")
    start = 0 if yaml_text.startswith("source:") else start
    if start < 0:
        raise AnnotationError("the annotation has no 'source' block")
    end = re.search(r"\n\S", yaml_text[start + 2:])
    stop = start + 2 + end.start() if end else len(yaml_text)
    block = yaml_text[start:stop]
    values = {"id": source_id, "text": text_ref}
    block = _SOURCE_LINE.sub(lambda m: f'{m.group(1)}{m.group(2)}: "{values[m.group(2)]}"', block)
    return yaml_text[:start] + block + yaml_text[stop:]


def add_article(annotation: Path, graph_dir: Path) -> tuple[str, bool]:
    """Add *annotation* and its text to *graph_dir* and rebuild; return (source id, whether anything changed).

    Raises
    ------
    AnnotationError, UnknownEntityError, ShapeViolationError, StoreError
        Nothing in *graph_dir* is changed.
    """
    from ..annotation import load_annotation
    from ..atomic import write_atomic
    from ..build import build
    from ..registry import Registry
    from ..sources import SourceText

    registry = Registry.read(graph_dir / "registry.yaml")
    ann = load_annotation(annotation, registry)
    if ann.candidates:
        names = ", ".join(repr(c.name) for c in ann.candidates)
        raise AnnotationError(f"{len(ann.candidates)} candidate(s) not resolved: {names}; add them to the registry "
                              "and to the contacts, then drop the 'candidates' section", str(annotation))
    marked = [c for c in ann.contacts + ann.plans if c.review]
    if marked:
        first = marked[0]
        where, _, line = first.where.rpartition(":")
        raise AnnotationError(f"{len(marked)} proposal(s) still marked for review (first: {first.id!r}); check "
                              "each against the text, then delete its 'review' line or the entry",
                              where or str(annotation), int(line) if line.isdigit() else None)
    digest = ann.source.text.sha256
    sources = graph_dir / "sources"
    for existing in sorted(sources.glob("*.txt")):
        if SourceText.read(existing).sha256 == digest:
            return existing.stem, False
    numbers = [int(m.group(1)) for p in (graph_dir / "annotations").glob("*.yaml")
               if (m := re.match(r"^(\d+)_", p.name))]
    source_id = f"{max(numbers, default=-1) + 1:03d}_{digest[:16]}"  # number, then the text's SHA-256
    text_ref = f"sources/{source_id}.txt"
    yaml_text = _retarget(annotation.read_text(encoding="utf-8"), source_id, text_ref)
    text_bytes = ann.source.text.text.encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="diplograph-add-") as tmp:
        trial = Path(tmp) / "graph"
        shutil.copytree(graph_dir, trial, ignore=shutil.ignore_patterns("diplograph.ttl", ".*"))
        (trial / "sources").mkdir(exist_ok=True)
        (trial / "annotations").mkdir(exist_ok=True)
        (trial / text_ref).write_bytes(text_bytes)
        (trial / "annotations" / f"{source_id}.yaml").write_text(yaml_text, encoding="utf-8")
        build(trial, trial / "diplograph.ttl")
        built = (trial / "diplograph.ttl").read_bytes()
    written: list[Path] = []
    try:
        for sub in ("sources", "annotations"):  # the writer makes no folder outside the current one
            (graph_dir / sub).mkdir(exist_ok=True)
        for target, data in ((graph_dir / text_ref, text_bytes),
                             (graph_dir / "annotations" / f"{source_id}.yaml", yaml_text.encode("utf-8"))):
            write_atomic(target, data)
            written.append(target)
        write_atomic(graph_dir / "diplograph.ttl", built)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return source_id, True


def cmd_add(args: argparse.Namespace) -> int:
    graph_dir = _graph_dir(args)
    if not (graph_dir / "registry.yaml").is_file():
        raise StoreError(f"{graph_dir}: no registry.yaml; is this a graph folder?")
    source_id, changed = add_article(args.annotation, graph_dir)
    if changed:
        print(f"added {source_id}; rebuilt {graph_dir / 'diplograph.ttl'}")
    else:
        print(f"{args.annotation}: its text is already in the graph as {source_id}; nothing changed")
    return 0


def default_gold(graph_dir: Path) -> list[Path]:
    """The seed annotations and, in a source checkout, the test articles' gold annotations."""
    paths = sorted((graph_dir / "annotations").glob("*.yaml"))
    tests = Path(__file__).resolve().parents[3] / "tests" / "data" / "articles"
    return paths + sorted(tests.glob("*.yaml"))


def cmd_evaluate(args: argparse.Namespace) -> int:
    from ..extract.evaluate import MEASURES, Score, evaluate
    from ..registry import Registry

    graph_dir = _graph_dir(args)
    registry = Registry.read(graph_dir / "registry.yaml")
    results = evaluate(args.gold or default_gold(graph_dir), registry)
    rows: list[dict[str, Any]] = []
    totals = {m: Score() for m in MEASURES}
    for r in results:
        for m in MEASURES:
            s = r.scores[m]
            totals[m] = totals[m] + s
            rows.append({"article": r.name, "lang": r.language, "measure": m, "tp": s.tp, "fp": s.fp, "fn": s.fn,
                         "precision": f"{s.precision:.3f}", "recall": f"{s.recall:.3f}", "f1": f"{s.f1:.3f}"})
    for m in MEASURES:
        s = totals[m]
        rows.append({"article": "ALL (micro)", "lang": "", "measure": m, "tp": s.tp, "fp": s.fp, "fn": s.fn,
                     "precision": f"{s.precision:.3f}", "recall": f"{s.recall:.3f}", "f1": f"{s.f1:.3f}"})
    emit(rows, ["article", "lang", "measure", "tp", "fp", "fn", "precision", "recall", "f1"], args.format)
    for r in results:
        if r.error:
            print(f"{r.name}: extraction failed, everything counted as missed: {r.error}", file=sys.stderr)
    if args.details:
        for r in results:
            for m in MEASURES:
                for what, items in (("missed", r.missed[m]), ("extra", r.extra[m])):
                    for item in items:
                        print(f"{r.name}  {m:<9} {what:<6} {item}")
    return 0


_PAGE_MEASURES = (("contacts", "contacts strict"), ("contacts_loose", "contacts loose"), ("plans", "plans strict"),
                  ("plans_loose", "plans loose"), ("denials", "denials"), ("people", "new people"))


def _page_row(name: str, lang: str, scores: dict[str, Any], denied: int) -> dict[str, Any]:
    row: dict[str, Any] = {"page": name, "lang": lang}
    for key, _ in _PAGE_MEASURES:
        s = scores[key]
        row[key] = f"{s.tp}/{s.fp}/{s.fn}"
    d = scores["dates"]
    row["dates"] = f"{d.tp}/{d.tp + d.fn}"
    row["denied_as_contacts"] = denied
    return row


def cmd_evaluate_pages(args: argparse.Namespace) -> int:
    from ..extract.evaluate import Score
    from ..extract.pages import MEASURES, score_pages
    from ..registry import Registry

    threshold = _threshold(args.threshold)
    if not args.texts.is_dir():
        raise InputError(f"{args.texts}: no such folder of page texts")
    registry = Registry.read(_graph_dir(args) / "registry.yaml")
    results = score_pages(args.texts, args.gold, registry, threshold)
    rows = [_page_row(r.name, r.language, r.scores, r.denied_contacts) for r in results]
    for lang in ("ar", "en", ""):
        chosen = [r for r in results if not lang or r.language == lang]
        if not chosen:
            continue
        totals = {m: sum((r.scores[m] for r in chosen), Score()) for m in MEASURES}
        rows.append(_page_row(f"ALL {lang or 'pages'} ({len(chosen)})", lang, totals,
                              sum(r.denied_contacts for r in chosen)))
    columns = ["page", "lang", *(k for k, _ in _PAGE_MEASURES), "dates", "denied_as_contacts"]
    emit(rows, columns, args.format)
    totals = {m: sum((r.scores[m] for r in results), Score()) for m in MEASURES}
    print(f"threshold {threshold:g}; cells are tp/fp/fn (dates: right/matched)", file=sys.stderr)
    for key, label in _PAGE_MEASURES:
        s = totals[key]
        print(f"{label:<16} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}", file=sys.stderr)
    d = totals["dates"]
    print(f"date accuracy    {d.tp}/{d.tp + d.fn} of loose contact matches", file=sys.stderr)
    for r in results:
        if r.error:
            print(f"{r.name}: extraction failed, everything counted as missed: {r.error}", file=sys.stderr)
    if args.details:
        for r in results:
            for item in r.missed:
                print(f"{r.name}  missed {item}")
            for item in r.extra:
                print(f"{r.name}  extra  {item}")
    return 0
