"""Drafts from the seed article and the test articles load unchanged and carry their quotes."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from diplograph.annotation import load_annotation
from diplograph.bundled import GRAPH_DIR
from diplograph.errors import InputError
from diplograph.extract import extract_file, extract_text

ARTICLES = Path(__file__).parents[1] / "data" / "articles"
TEXTS = sorted(ARTICLES.glob("*.txt")) + sorted((GRAPH_DIR / "sources").glob("*.txt"))


@pytest.fixture(scope="module", params=TEXTS, ids=lambda p: p.stem)
def drafted(request, registry, tmp_path_factory):
    out = tmp_path_factory.mktemp("drafts") / f"{request.param.stem}.yaml"
    text = shutil.copy(request.param, out.parent)  # a draft's text is read from beside it only
    draft = extract_file(text, registry, draft_path=out)
    out.write_text(draft.to_yaml(), encoding="utf-8")
    return draft, out


def test_draft_loads_with_the_annotation_loader(drafted, registry) -> None:
    draft, path = drafted
    ann = load_annotation(path, registry)
    assert len(ann.contacts) == len(draft.contacts) and len(ann.plans) == len(draft.plans)
    assert len(ann.claims) == len(draft.claims) + len(draft.stated_denials)
    assert [c.name for c in ann.candidates] == [c.name for c in draft.candidates]


def test_every_proposal_carries_words_of_the_text(drafted, registry) -> None:
    _, path = drafted
    ann = load_annotation(path, registry)
    text = ann.source.text.text
    for c in ann.contacts + ann.plans:
        assert text[c.evidence.start:c.evidence.end] == c.evidence.text
        for role in c.roles:
            assert text[role.quote.start:role.quote.end] == role.quote.text
    for cl in ann.claims:
        assert cl.evidence.text in text
    for cand in ann.candidates:
        assert cand.quote.text == cand.name


def test_unknown_people_are_candidates(registry) -> None:
    draft = extract_file(ARTICLES / "en_qatar_mediation.txt", registry)
    assert {c.name for c in draft.candidates} == {"Abbas Araghchi", "Masoud Pezeshkian"}
    assert "candidates:" in draft.to_yaml()


def test_plans_are_told_from_contacts_that_took_place(registry) -> None:
    text = "9 March 2025\n\nPresident Donald Trump will meet Vladimir Putin next month. Trump met Putin on Friday."
    draft = extract_text(text, registry)
    assert [(e.planned, e.status, e.date.iso if e.date else None) for e in draft.events] == [
        (True, "announced", "2025-04"), (False, None, "2025-03-07")]


def test_negated_contacts_are_left_out(registry) -> None:
    text = "الأحد 9 فبراير 2025\n\nولم يلتق السيسي بالرئيس الإماراتي محمد بن زايد منذ عام 2023."
    assert extract_text(text, registry).events == []


def test_kinds_participants_initiator_duration_from_one_sentence(registry) -> None:
    text = "الأحد 9 فبراير 2025\n\nأجرى الرئيس ترامب أمس اتصالاً هاتفياً مع بوتين استمر نحو ساعة، بحثا خلاله الحرب."
    (ev,) = extract_text(text, registry).events
    assert ev.kind == "phoneCall" and ev.date is not None and ev.date.iso == "2025-02-08"
    assert [p.id for p in ev.participants] == ["donald-trump", "vladimir-putin"]
    assert [p.id for p in ev.initiators] == ["donald-trump"]
    assert ev.duration is not None and ev.duration[:2] == (60.0, "approximate")


def test_sidelines_meeting_with_its_gathering(registry) -> None:
    text = ("1 أغسطس 2025\n\nالتقى بوتين وأردوغان في 16 تشرين الأول 2024 على هامش قمة مجموعة بريكس في قازان.")
    (ev,) = extract_text(text, registry).events
    assert ev.kind == "sidelinesMeeting" and ev.gathering is not None
    assert ev.gathering.convener is not None and ev.gathering.convener.id == "brics"
    assert ev.place is not None and ev.place.id == "kazan"


def test_publication_date_is_required(registry) -> None:
    with pytest.raises(InputError, match="--published"):
        extract_text("Trump met Putin.", registry)
    draft = extract_text("Trump met Putin yesterday.", registry, published=datetime(2025, 1, 2))
    assert draft.published_quote is None
    assert "published_quote" not in draft.to_yaml()


def test_new_people_take_part_in_contacts_as_provisional_entities(registry, tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("13 February 2025\n\nPolish President Jan Nowak met Vladimir Putin in Moscow on Monday. "
                       "The Kremlin denied reports that Putin had spoken with Emmanuel Macron.\n", encoding="utf-8")
    out = tmp_path / "a.yaml"
    draft = extract_file(article, registry, draft_path=out)
    out.write_text(draft.to_yaml(), encoding="utf-8")
    ann = load_annotation(out, registry)
    (meeting,) = ann.contacts
    nowak = next(p for p in meeting.participants if p.id not in registry.entities)
    assert (nowak.en, ann.candidates[0].name, ann.candidates[0].title) == ("Jan Nowak", "Jan Nowak", "Polish President")
    assert meeting.confidence is not None and meeting.confidence >= 0.7 and not meeting.review
    (denial,) = [cl for cl in ann.claims if cl.denies is not None]
    assert denial.by.id == "kremlin"
    assert {p.id for p in denial.denies.participants} == {"vladimir-putin", "emmanuel-macron"}


def test_proposals_below_the_threshold_are_marked_for_review(registry) -> None:
    text = "13 February 2025\n\nVladimir Putin and Recep Tayyip Erdogan spoke by phone on Tuesday.\n"
    assert "review:" not in extract_text(text, registry).to_yaml()
    marked = extract_text(text, registry, threshold=1.0).to_yaml()
    assert "    review: " in marked and "confidence: " in marked
