"""Scores against gold annotations: the seed article and the test articles."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from diplograph.extract.evaluate import Score, evaluate

ARTICLES = Path(__file__).parents[1] / "data" / "articles"


def test_score_arithmetic() -> None:
    s = Score.of(["a", "a", "b"], ["a", "c"])
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)
    assert s.precision == pytest.approx(1 / 3) and s.recall == 0.5 and s.f1 == pytest.approx(0.4)
    assert Score().f1 == 1.0 and Score(0, 1, 0).f1 == 0.0
    assert (Score(1, 2, 3) + Score(1, 1, 1)) == Score(2, 3, 4)


@pytest.fixture(scope="module")
def seed_scores(registry, seed_annotation_path):
    (result,) = evaluate([seed_annotation_path], registry)
    return result.scores


def test_seed_contacts_f1_at_least_0_9(seed_scores) -> None:
    assert seed_scores["contacts"].f1 >= 0.9
    assert seed_scores["dates"].f1 >= 0.9


def test_test_articles_are_scored(registry) -> None:
    gold = sorted(ARTICLES.glob("*.yaml"))
    assert len(gold) >= 5
    results = evaluate(gold, registry)
    assert {r.language for r in results} == {"ar", "en"}
    total = sum((r.scores["contacts"] for r in results), Score())
    assert total.tp + total.fn == sum(len(yaml.safe_load(p.read_text())["contacts"]) for p in gold)
    assert total.f1 >= 0.8


def test_a_wrong_draft_scores_lower(registry, seed_annotation_path) -> None:
    from diplograph.annotation import load_annotation
    from diplograph.extract import extract_text
    from diplograph.extract.evaluate import evaluate_article

    gold = load_annotation(seed_annotation_path, registry)
    draft = extract_text(gold.source.text.text, registry)
    draft.events = draft.events[:3]
    scores = evaluate_article(draft, gold).scores
    assert scores["contacts"].recall < 0.5 and scores["contacts"].precision == 1.0
