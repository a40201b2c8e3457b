"""Normalisation for matching only."""

from __future__ import annotations

import pytest

from diplograph.text import find_mentions, normalize


@pytest.mark.parametrize(
    ("a", "b"),
    [("أوكرانيا", "اوكرانيا"), ("إيران", "ايران"), ("مصطفى", "مصطفي"), ("فاطمة", "فاطمه"), ("بـوتـين", "بوتين"),
     ("بُوتِين", "بوتين"), ("کرملین", "كرملين"), ("Trump", "TRUMP"), ("  a   b ", "a b")],
)
def test_variants_fold_together(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_different_names_stay_apart() -> None:
    assert normalize("ترامب") != normalize("ترمب")  # variants are listed in the registry, not guessed


def test_mentions_allow_proclitics_and_respect_word_ends() -> None:
    text = "وأكد ترامب أن بوتين دعا لترامب وللرئيس، لا ترامبي"
    assert [text[s:e] for s, e in find_mentions(text, "ترامب")] == ["ترامب", "ترامب"]
    assert find_mentions("Trumpet and Trump", "trump") == [(12, 17)]
