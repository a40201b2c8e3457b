"""New people (candidates) and people named by their title alone."""

from diplograph.extract.names import find_candidates, find_entities
from diplograph.extract.titles import title_mentions


def cands(text: str, registry) -> list[tuple[str, str]]:
    return [(c.name, c.title) for c in find_candidates(text, registry, find_entities(text, registry))]


def titled(text: str, registry) -> list[tuple[str, str]]:
    return [(m.entity.id, m.text) for m in title_mentions(text, find_entities(text, registry), registry)]


def test_an_arabic_title_before_a_name_is_kept_whole(registry) -> None:
    assert cands("استقبل وزير الخارجية الموريتاني محمد سالم ولد مرزوك نظيره.", registry) == [
        ("محمد سالم ولد مرزوك", "وزير الخارجية الموريتاني")]  # "وزير" keeps its و
    assert cands("التقى بوتين والرئيس البولندي أندريه دودا.", registry) == [("أندريه دودا", "الرئيس البولندي")]


def test_an_arabic_title_after_a_name(registry) -> None:
    text = "وقال مارتن بيرغ، وزير خارجية السويد، إن الاتصال جرى."
    (c,) = find_candidates(text, registry, find_entities(text, registry))
    assert (c.name, c.title, c.country.id if c.country else None) == ("مارتن بيرغ", "وزير خارجية السويد", "sweden")


def test_people_told_by_their_role_are_no_names(registry) -> None:
    assert cands("وقال مسؤول كبير، وزير سابق، إن الاتصال جرى.", registry) == []


def test_english_titles_and_surname_mentions(registry) -> None:
    text = "Polish President Andrzej Duda met Vladimir Putin. Duda said the talks were useful."
    (c,) = find_candidates(text, registry, find_entities(text, registry))
    assert (c.name, c.title) == ("Andrzej Duda", "Polish President")
    assert [text[a:b] for a, b in c.mentions] == ["Andrzej Duda", "Duda"]
    assert c.entity is not None and c.entity.id == "new-1"


def test_a_bare_title_names_the_one_person_given_it(registry) -> None:
    text = "Turkish President Recep Tayyip Erdogan called Vladimir Putin. The Turkish president said they agreed."
    assert titled(text, registry) == [("recep-tayyip-erdogan", "The Turkish president")]
    text = ("وصل الرئيس الروسي فلاديمير بوتين. واستقبل رجب طيب أردوغان رئيس الجمهورية التركية الضيف. "
            "وقال الرئيس التركي إن الزيارة ناجحة.")
    assert titled(text, registry) == [("recep-tayyip-erdogan", "الرئيس التركي")]


def test_a_definite_title_after_a_name_is_the_object_not_an_apposition(registry) -> None:
    assert titled("استقبل فلاديمير بوتين الرئيس التركي. وقال الرئيس التركي إن الزيارة ناجحة.", registry) == []


def test_an_honorific_alone_names_the_one_emir(registry) -> None:
    text = ("استقبل الشيخ تميم بن حمد آل ثاني أمير البلاد الرئيس دونالد ترامب. "
            "وكان سمو الأمير قد أجرى اتصالا هاتفيا مع ترامب.")
    assert titled(text, registry) == [("tamim-bin-hamad", "الأمير")]


def test_a_title_two_people_hold_names_no_one(registry) -> None:
    text = ("التقى الرئيس الروسي فلاديمير بوتين والرئيس التركي رجب طيب أردوغان. وقال الرئيس إن اللقاء مثمر.")
    assert titled(text, registry) == []
