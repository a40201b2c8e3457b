"""Every spelling resolves to one entity; near misses are suggested, never merged."""

from __future__ import annotations

from pathlib import Path

import pytest

import diplograph as dg
from diplograph.errors import RegistryError
from diplograph.registry import Registry


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("ترامب", "donald-trump"), ("ترمب", "donald-trump"), ("TRUMP", "donald-trump"),
        ("دونالد ترامب", "donald-trump"),
        ("فلاديمير بوتين", "vladimir-putin"), ("فيلاديمير بوتين", "vladimir-putin"), ("بوتين", "vladimir-putin"),
        ("بُوتِين", "vladimir-putin"), ("Putin", "vladimir-putin"), ("البيت الأبيض", "white-house"),
        ("البيت الابيض", "white-house"), ("CIA", "cia"), ("زيلنسكي", "volodymyr-zelensky"),
        ("هامبورغ", "hamburg"), ("vladimir-putin", "vladimir-putin"),
    ],
)
def test_spellings_resolve(registry: Registry, kg: dg.KnowledgeGraph, name: str, entity: str) -> None:
    assert registry.resolve(name).id == entity
    assert kg.resolve(name).id == entity


def test_wikidata_only_where_certain(registry: Registry) -> None:
    assert registry.resolve("Trump").wikidata == "Q22686"
    assert registry.resolve("Putin").wikidata == "Q7747"
    assert registry.resolve("Witkoff").wikidata is None


def test_unknown_name_lists_near_matches(kg: dg.KnowledgeGraph) -> None:
    with pytest.raises(dg.UnknownEntityError) as info:
        kg.resolve("بوتن")
    assert "بوتين" in info.value.suggestions
    with pytest.raises(dg.UnknownEntityError) as info:
        kg.resolve("Zzyzx")
    assert info.value.suggestions == ()


def test_two_people_are_never_merged_on_similarity(kg: dg.KnowledgeGraph) -> None:
    with pytest.raises(dg.UnknownEntityError):
        kg.resolve("فلاديمير")  # a first name shared by Putin and (in some spellings) Zelensky


def test_duplicate_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "registry.yaml"
    path.write_text("people:\n  - id: a\n    en: A\n    ar: أ\n    aliases: [X]\n"
                    "  - id: b\n    en: B\n    ar: ب\n    aliases: [x]\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="already names 'a'"):
        Registry.read(path)


def test_bad_registry_entries_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "registry.yaml"
    path.write_text("people:\n  - id: a\n    en: A\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"registry.yaml:2: missing 'ar'"):
        Registry.read(path)
    path.write_text("people:\n  - id: a\n    en: A\n    ar: أ\n    wikidata: Trump\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="malformed Wikidata ID"):
        Registry.read(path)
