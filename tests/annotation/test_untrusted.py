"""Annotations from outside: the YAML cannot crash the reader, and ``source.text`` reads only a source text."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.annotation import load_annotation
from diplograph.annotation.load import MAX_SOURCE_BYTES
from diplograph.bundled import GRAPH_DIR
from diplograph.cli import main
from diplograph.errors import AnnotationError, InputError
from diplograph.registry import Registry
from diplograph.yamlfile import MAX_DEPTH, parse_yaml, read_yaml

from ..conftest import ROOT, SEED

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
SEED_TEXT = GRAPH_DIR / "sources" / f"{SEED}.txt"
SEED_ANNOTATION = GRAPH_DIR / "annotations" / f"{SEED}.yaml"


def _pointing(annotation: Path, ref: str) -> Path:
    """The seed annotation, written to *annotation* with its ``source.text`` set to *ref*."""
    text = SEED_ANNOTATION.read_text(encoding="utf-8")
    old = f"  text: sources/{SEED}.txt\n"
    assert old in text
    annotation.write_text(text.replace(old, f'  text: "{ref}"\n'), encoding="utf-8")
    return annotation


def _line_of_text(annotation: Path) -> int:
    lines = annotation.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith("  text:"))


def test_deep_yaml_is_a_one_line_error(tmp_path: Path) -> None:
    for text in ("a: " + "[" * 5000 + "]" * 5000 + "\n",
                 "a:\n" + "".join("  " * i + "- \n" for i in range(1, 5000)),
                 "a: " + "{b: " * 5000 + "c" + "}" * 5000 + "\n"):
        with pytest.raises(InputError, match=rf"^deep\.yaml:\d+: nested more than {MAX_DEPTH} deep"):
            parse_yaml(text, "deep.yaml")
    ok = "a: " + "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1) + "\n"
    assert parse_yaml(ok, "ok.yaml")["a"].line == 1


def test_a_deep_annotation_gives_no_traceback(graph_dir: Path) -> None:
    (graph_dir / "annotations" / "001_deep.yaml").write_text("source: " + "[" * 5000 + "]" * 5000 + "\n")
    result = subprocess.run([sys.executable, "-m", "diplograph", "build", "--graph-dir", str(graph_dir)],
                            capture_output=True, text=True, env=ENV, timeout=120)
    assert result.returncode == 3  # was 1, with a RecursionError traceback
    assert "001_deep.yaml:1: nested more than" in result.stderr and "Traceback" not in result.stderr


def test_yaml_files_are_regular_and_bounded(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a regular file"):
        read_yaml("/dev/zero")
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_yaml(fifo)


@pytest.mark.parametrize("ref, why", [
    ("../../outside/file.txt", "without '..'"),
    ("../sources/{seed}.txt", "without '..'"),
    ("/etc/hostname.txt", "without '..'"),
    ("{abs}", "without '..'"),
    ("~/notes.txt", "without '..'"),
    ("/dev/zero", "without '..'"),
    ("notes.md", "must be a .txt file"),
    (".secret/key.txt", "not a hidden one"),
    ("missing.txt", "not found beside the annotation or in the graph folder's sources/"),
])
def test_a_source_text_outside_its_place_is_refused_naming_the_line(ref: str, why: str, tmp_path: Path,
                                                                    registry: Registry) -> None:
    annotation = _pointing(tmp_path / "a.yaml", ref.format(seed=SEED, abs=SEED_TEXT))
    with pytest.raises(AnnotationError, match=rf"a\.yaml:{_line_of_text(annotation)}: source text .*{why}"):
        load_annotation(annotation, registry)


def test_links_devices_pipes_and_huge_files_are_refused(tmp_path: Path, registry: Registry) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(SEED_TEXT, outside / "article.txt")
    here = tmp_path / "here"
    here.mkdir()
    cases = {
        "link.txt": ("symlink", outside / "article.txt", "leads outside"),
        "zero.txt": ("symlink", Path("/dev/zero"), "leads outside"),
        "pipe.txt": ("fifo", None, "not a regular file"),
        "folder.txt": ("folder", None, "not a regular file"),
        "huge.txt": ("huge", None, f"longer than {MAX_SOURCE_BYTES >> 20} MiB"),
        "latin1.txt": ("bytes", None, "not UTF-8"),
    }
    for name, (kind, target, why) in cases.items():
        path = here / name
        if kind == "symlink":
            path.symlink_to(target)
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
        elif kind == "huge":
            with path.open("wb") as fh:
                fh.truncate(MAX_SOURCE_BYTES + 1)
        else:
            path.write_bytes(b"caf\xe9\n")
        annotation = _pointing(here / f"{name}.yaml", name)
        with pytest.raises(AnnotationError, match=rf"{name}\.yaml:{_line_of_text(annotation)}: source text .*{why}"):
            load_annotation(annotation, registry)


def test_source_texts_in_their_places_are_read(tmp_path: Path, registry: Registry, graph_dir: Path) -> None:
    shutil.copy(SEED_TEXT, tmp_path / "article.txt")  # beside the annotation
    assert load_annotation(_pointing(tmp_path / "a.yaml", "article.txt"), registry).source.text.text.startswith(
        SEED_TEXT.read_text(encoding="utf-8")[:40])
    (tmp_path / "texts").mkdir()  # or below it
    shutil.copy(SEED_TEXT, tmp_path / "texts" / "article.txt")
    load_annotation(_pointing(tmp_path / "b.yaml", "texts/article.txt"), registry)
    # in a graph folder: the graph folder's sources/, also through a link that stays inside it
    (graph_dir / "sources" / "alias.txt").symlink_to(graph_dir / "sources" / f"{SEED}.txt")
    load_annotation(_pointing(graph_dir / "annotations" / "c.yaml", "sources/alias.txt"), registry)


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("ref", ["../outside/secret.txt", "{abs}", "/dev/zero"])
def test_add_copies_nothing_from_elsewhere(ref: str, tmp_path: Path, graph_dir: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "outside").mkdir()
    secret = tmp_path / "outside" / "secret.txt"
    shutil.copy(SEED_TEXT, secret)  # a text the annotation's quotes would match
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    annotation = _pointing(drafts / "draft.yaml", ref.format(abs=secret))
    before = _digests(graph_dir)
    assert main(["add", str(annotation), "--graph-dir", str(graph_dir)]) == 3
    err = capsys.readouterr().err
    assert f"draft.yaml:{_line_of_text(annotation)}: source text" in err
    assert _digests(graph_dir) == before


def test_build_reads_only_the_graph_folders_sources(graph_dir: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside.txt"
    shutil.copy(SEED_TEXT, outside)
    annotation = graph_dir / "annotations" / f"{SEED}.yaml"
    _pointing(annotation, f"../../{outside.name}")
    before = (graph_dir / "diplograph.ttl").read_bytes()
    assert main(["build", "--graph-dir", str(graph_dir)]) == 3
    assert "without '..'" in capsys.readouterr().err
    assert (graph_dir / "diplograph.ttl").read_bytes() == before
