"""Number options of every command: a bad value is a usage error (exit 2) naming it, never a traceback."""

from __future__ import annotations

import pytest

from diplograph.cli import build_parser, main


@pytest.mark.parametrize(("args", "message"), [
    (("serve", "--port", "0"), "argument --port: '0': must be more than 0"),
    (("serve", "--port", "80.5"), "argument --port: '80.5' is not a whole number"),
    (("serve", "--timeout", "nan"), "argument --timeout: 'nan': must be more than 0"),
    (("serve", "--timeout", "soon"), "argument --timeout: 'soon' is not a number"),
    (("serve", "--max-rows", "-1"), "argument --max-rows: '-1': must be more than 0"),
    (("serve", "--workers", "0"), "argument --workers: '0': must be more than 0"),
    (("synth", "--contacts", "-5", "-o", "x.nt"), "argument --contacts/-n: '-5': must be 0 or more"),
    (("synth", "--contacts", "1e6", "-o", "x.nt"), "argument --contacts/-n: '1e6' is not a whole number"),
    (("synth", "--contacts", "10", "--countries", "many", "-o", "x.nt"), "'many' is not a whole number"),
    (("view", "--depth", "-1"), "argument --depth: '-1': must be more than 0"),
    (("view", "--max-nodes", "lots"), "argument --max-nodes: 'lots' is not a whole number"),
])
def test_bad_numbers_are_usage_errors(args: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_underscores_group_digits() -> None:
    args = build_parser().parse_args(["synth", "--contacts", "1_000", "-o", "x.nt"])
    assert args.contacts == 1000
