"""The annotation loader: typed records out, clear errors with file and line in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import diplograph as dg
from diplograph.annotation import load_annotation
from diplograph.bundled import ANNOTATIONS_DIR, GRAPH_DIR
from diplograph.errors import AmbiguousQuoteError, InputError, InvalidDateError
from diplograph.registry import Registry

from ..conftest import SEED

HEADER = """source:
  id: test
  text: seed.txt
  title: "بعد انقطاع 36 شهرًا.. تفاصيل أول 90 دقيقة بين الكرملين والبيت الأبيض"
  published: "2025-02-13T00:26:00"
  published_quote: "الخميس، 13 فبراير 2025"
  language: ar
"""


def _load(tmp_path: Path, body: str, registry: Registry) -> object:
    path = tmp_path / "a.yaml"
    shutil.copyfile(GRAPH_DIR / "sources" / f"{SEED}.txt", tmp_path / "seed.txt")
    path.write_text(HEADER + body, encoding="utf-8")
    return load_annotation(path, registry)


def test_seed_annotation_loads(registry: Registry) -> None:
    ann = load_annotation(ANNOTATIONS_DIR / f"{SEED}.yaml", registry)
    assert len(ann.contacts) == 10 and len(ann.plans) == 4 and len(ann.claims) == 16
    assert ann.source.published.isoformat() == "2025-02-13T00:26:00"
    today = ann.contacts[0]
    assert today.date.iso == "2025-02-13" and today.date.expression == "اليوم"
    # offsets are computed from the text, and the quote is the text's own characters
    text = ann.source.text.text
    for c in ann.contacts + ann.plans:
        assert text[c.evidence.start:c.evidence.end] == c.evidence.text
        for role in c.roles:
            assert text[role.quote.start:role.quote.end] == role.quote.text


def test_role_quotes_narrow_to_the_name(registry: Registry) -> None:
    ann = load_annotation(ANNOTATIONS_DIR / f"{SEED}.yaml", registry)
    by_id = {c.id: c for c in ann.contacts + ann.plans}
    call = by_id["trump-putin-call-2025-02-13"]
    assert [r.quote.text for r in call.roles] == ["دونالد ترامب", "فلاديمير بوتين"]
    invite = by_id["putin-invites-trump-to-moscow-2025"]
    assert [r.quote.text for r in invite.roles] == ["بوتين", "ترامب"]  # found inside "لترامب"


def test_quotes_match_across_no_break_spaces(tmp_path: Path, registry: Registry) -> None:
    ann = _load(tmp_path, """plans:
  - id: p
    kind: visit
    status: invited
    participants: [بوتين, ترامب]
    evidence: "حيث وجه بوتين دعوة لترامب لزيارة موسكو"
""", registry)
    assert "\xa0" in ann.plans[0].evidence.text  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "error", "message", "line"),
    [
        ("contacts:\n  - id: x\n    kind: phoneCall\n    participants: [Trump, Putin]\n    date: \"2017-13-01\"\n"
         "    evidence: \"بين ترامب وبوتين\"\n    occurrence: 1\n", InvalidDateError, "impossible date", 12),
        ("contacts:\n  - id: x\n    kind: fax\n    participants: [Trump, Putin]\n    date: \"2017\"\n"
         "    evidence: \"x\"\n", InputError, "expected one of: phoneCall", 10),
        ("contacts:\n  - id: x\n    kind: phoneCall\n    participants: [Trump, Putin]\n    date: \"2017\"\n"
         "    evidence: \"بين ترامب وبوتين\"\n", AmbiguousQuoteError, "occurs 3 times", 13),
        ("contacts:\n  - id: x\n    kind: phoneCall\n    participants: [Trump, Putin]\n    initiator: Biden\n"
         "    date: \"2017\"\n    evidence: \"بين ترامب وبوتين\"\n    occurrence: 2\n", InputError,
         "is not a participant", 12),
        ("contacts:\n  - id: x\n    kind: phoneCall\n    participants: [Trump, Putin]\n    date: today\n"
         "    evidence: \"بين ترامب وبوتين\"\n    occurrence: 2\n", InputError, "needs 'date_expression'", 12),
        ("claims:\n  - id: c\n    by: Trump\n    medium: remarks\n    statement: s\n    evidence: \"وأشار ترامب\"\n"
         "    supports: [nothing]\n", InputError, "supports 'nothing'", 14),
        ("contacts:\n  - id: x\n    kind: phoneCall\n    participants: [Trump, Putin]\n    date: \"2017\"\n"
         "    evidence: \"بين ترامب وبوتين\"\n    occurrence: 2\n    unknown_key: 1\n", InputError,
         "unknown key 'unknown_key'", 15),
        ("contacts: [\n", InputError, "malformed YAML", None),
        ("contacts:\n  - id: x\n    kind: phoneCall\n    participants: [Trump, Zorro]\n"
         "    evidence: \"بين ترامب وبوتين\"\n    occurrence: 2\n", dg.UnknownEntityError,
         "unknown entity 'Zorro'", 11),
    ],
    ids=["impossible-date", "unknown-kind", "ambiguous-quote", "initiator-not-participant", "today-needs-words",
         "dangling-support", "unknown-key", "malformed-yaml", "unknown-entity"],
)
def test_errors_name_file_and_line(tmp_path: Path, registry: Registry, body: str, error: type[Exception],
                                   message: str, line: int | None) -> None:
    with pytest.raises(error) as info:
        _load(tmp_path, body, registry)
    text = str(info.value)
    assert message in text
    assert "a.yaml" in text
    if line is not None:
        assert f"a.yaml:{line}" in text, text


def test_hostile_strings_are_data_not_markup(tmp_path: Path, registry: Registry) -> None:
    ann = _load(tmp_path, """claims:
  - id: c
    by: Trump
    medium: remarks
    statement: "<img src=x onerror=alert(1)></script>"
    evidence: "وأشار ترامب"
""", registry)
    assert ann.claims[0].statement == "<img src=x onerror=alert(1)></script>"  # type: ignore[attr-defined]


def test_ids_cannot_inject_iris(tmp_path: Path, registry: Registry) -> None:
    with pytest.raises(InputError, match="may hold only letters"):
        _load(tmp_path, """claims:
  - id: "x> <urn:evil"
    by: Trump
    medium: remarks
    statement: s
    evidence: "وأشار ترامب"
""", registry)


_BOUNDED = """contacts:
  - id: x
    kind: indirectContact
    participants: [بايدن, بوتين]
    roles:
      - agent: بايدن
        quote: "أنه لم يتحدث مع الرئيس بايدن منذ ذلك الحين"
      - agent: بوتين
        quote: "أشار الرئيس بوتين"
    date: {date}
    bounds:
{bounds}
    evidence: "لكنه أكد وجود \\"اتصالات غير مباشرة\\" بين الجانبين"
"""


def test_an_undated_contact_carries_the_bounds_its_source_states(tmp_path: Path, registry: Registry) -> None:
    ann = _load(tmp_path, _BOUNDED.format(date="undated", bounds='      after: "2022-02-12"\n'
                                                                  '      before: "2024-02"'), registry)
    (c,) = ann.contacts  # type: ignore[attr-defined]
    assert c.date.undated and [(b.iso, b.precision) for b in c.bounds] == [("2022-02-12", "day"), ("2024-02", "month")]
    # "before" defaults to the day the source was published: a contact that took place did so before its report
    ann = _load(tmp_path, _BOUNDED.format(date="undated", bounds='      after: "2022-02-12"'), registry)
    assert [b.iso for b in ann.contacts[0].bounds] == ["2022-02-12", "2025-02-13"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("date", "bounds", "message"), [
    ('"2023"', '      after: "2022-02-12"', "has a date; 'bounds' are for an undated contact"),
    ("undated", '      before: "2024-02"', "'bounds' needs 'after'"),
    ("undated", '      after: "2024-03"\n      before: "2024-02"', "leave no day"),
    ("undated", '      after: "2026-01"', "after the source was published"),
    ("undated", '      after: "2022-02-12"\n      until: "2024"', "unknown key 'until'"),
])
def test_bad_bounds_are_errors_naming_the_line(tmp_path: Path, registry: Registry, date: str, bounds: str,
                                               message: str) -> None:
    with pytest.raises(InputError, match=r"a\.yaml:") as info:
        _load(tmp_path, _BOUNDED.format(date=date, bounds=bounds), registry)
    assert message in str(info.value)
