import ast
from pathlib import Path

from diplograph.extract.names import find_candidates, find_entities
from diplograph.text import FoldedText


def ids(text: str, registry) -> list[str]:
    return [m.entity.id for m in find_entities(text, registry)]


def test_spelling_variants_resolve_through_the_alias_table(registry) -> None:
    assert ids("أيد ترمب و ترامب وفيلاديمير بوتين", registry) == ["donald-trump", "donald-trump", "vladimir-putin"]
    assert ids("التقى إردوغان وأردوغان", registry) == ["recep-tayyip-erdogan", "recep-tayyip-erdogan"]


def test_two_similar_names_stay_two_people(registry) -> None:
    assert ids("محمد بن سلمان ومحمد بن زايد", registry) == ["mohammed-bin-salman", "mohammed-bin-zayed"]


def test_longest_name_wins_and_quotes_are_exact(registry) -> None:
    text = "الرئيس الأوكراني فولوديمير زيلينسكي"
    (m,) = find_entities(text, registry)
    assert m.entity.id == "volodymyr-zelensky" and text[m.start:m.end] == m.text == "فولوديمير زيلينسكي"


def test_english_common_words_and_acronyms(registry) -> None:
    # "reports" is an alias of a group but a common word in English; "us" is not "US"
    assert ids("He said reports told us nothing.", registry) == []
    assert ids("US officials and the CIA", registry) == ["united-states", "cia"]


def test_unknown_people_become_candidates_with_their_quote(registry) -> None:
    text = "قال وزير الخارجية التركي هاكان فيدان إن أنقرة مستعدة. Iranian Foreign Minister Abbas Araghchi spoke."
    found = find_candidates(text, registry, find_entities(text, registry))
    assert [(c.name, text[c.start:c.end]) for c in found] == [("هاكان فيدان", "هاكان فيدان"),
                                                             ("Abbas Araghchi", "Abbas Araghchi")]


def test_known_people_and_verbs_after_titles_are_no_candidates(registry) -> None:
    text = "الرئيس الروسي أبدى رغبة، والرئيس الروسي فلاديمير بوتين وصل. President Donald Trump left."
    assert find_candidates(text, registry, find_entities(text, registry)) == []


def _rule_strings(path: Path) -> list[str]:
    """Every string constant of a module except docstrings (which hold examples, not rules)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docs.add(id(first.value))
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_no_rule_names_a_person_of_the_registry(registry) -> None:
    """Extraction rules are generic: no person's name (any spelling) is written into them."""
    folder = Path(__file__).parents[2] / "src" / "diplograph" / "extract"
    strings = [s for p in sorted(folder.glob("*.py")) for s in _rule_strings(p)]
    assert len(strings) > 50
    rules = FoldedText("\n".join(strings))
    for entity in registry.entities.values():
        if entity.kind != "person":
            continue
        for name in {entity.en, entity.ar, *entity.aliases}:
            assert not rules.mentions(name), name


def test_spellings_alike_but_for_long_vowels_are_proposed_not_merged(registry) -> None:
    from diplograph.extract.names import find_variants

    text = "التقى فلاديمر بوتن مع محمد بن سليمان"
    found = find_variants(text, registry, find_entities(text, registry))
    assert [(c.name, c.similar_to.id if c.similar_to else None) for c in found] == [
        ("فلاديمر بوتن", "vladimir-putin"), ("محمد بن سليمان", "mohammed-bin-salman")]
    assert ids(text, registry) == []  # neither is resolved to the person it resembles


def test_words_after_a_title_that_are_no_name(registry) -> None:
    text = "ولم يجر الرئيس الفرنسي أي اتصال مع الرئيس الإماراتي محمد بن زايد"
    assert find_candidates(text, registry, find_entities(text, registry)) == []
