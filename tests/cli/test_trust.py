"""Questions asked wrongly are errors that say so; questions without an answer say they have none.

Each case gave a confident answer with exit code 0 before: a literal that
matched nothing, a page of isolated dots, a path through a post of another
time, an ego network of one actor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("args", "code", "message"), [
    (("query", "direct-contacts", "--bind", "a=Trmp"), 4, "?a: unknown entity 'Trmp'; did you mean 'Trump'?"),
    (("query", "direct-contacts", "--bind", "a=Trump", "--bind", "c=Putin"), 6, "no variable ?c"),
    (("query", "contacts", "--bind", "contact=trump-putin-call-2019-05-01"), 2, "?contact takes an IRI"),
    (("path", "Sullivan", "Putin", "--institutional"), 8, "no chain of contacts and ties whose times join"),
    (("ego", "Putin", "--depth", "0"), 2, "must be more than 0"),
    (("rhythm", "Putin", "بوتين"), 2, "'Vladimir Putin' was given twice"),
    (("centrality", "--top", "0"), 2, "must be more than 0"),
    (("centrality", "--tpo", "3"), 2, "--tpo: did you mean --top?"),
    (("evaluate-pages", "texts", "gold", "--treshold", "0.5"), 2, "--treshold: did you mean --threshold?"),
])
def test_wrong_questions_are_errors(capsys: pytest.CaptureFixture[str], args: tuple[str, ...], code: int,
                                    message: str) -> None:
    got, out, err = run(capsys, *args)
    assert got == code, err
    assert message in err and "Traceback" not in err and out == ""


@pytest.mark.parametrize(("args", "code", "message"), [
    (("--since", "2030"), 8, "no contact or tie between 2030 and … under these options"),
    (("--since", "2031", "--until", "2032"), 8, "the page would be empty"),
    (("--max-nodes", "0"), 2, "--max-nodes: '0': must be more than 0"),
    (("--around", "Putin", "--depth", "0"), 2, "--depth: '0': must be more than 0"),
])
def test_an_empty_or_meaningless_page_is_not_written(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     args: tuple[str, ...], code: int, message: str) -> None:
    out = tmp_path / "page.html"
    got, _, err = run(capsys, "view", *args, "-o", str(out))
    assert got == code and message in err
    assert not out.exists() and list(tmp_path.iterdir()) == []
