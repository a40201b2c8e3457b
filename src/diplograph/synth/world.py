"""The synthetic world: countries, their capitals and offices, the people who hold their posts and when.

Everything is drawn from one :class:`random.Random`, so a seed gives the same
world. Names are built from syllables that have both a Latin and an Arabic
spelling, so every agent carries an English and an Arabic label as the
project's shapes require.

Examples
--------
>>> import random
>>> w = World.generate(random.Random(1), countries=5)
>>> len(w.countries), w.countries[0].iri.split("/")[-1]
(5, 'c000')
>>> holder = w.holder(0, "head-of-state", 730_000)
>>> holder.en == w.people[holder.index].en
True
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field
from datetime import date

from ..text import normalize
from ..vocab import ID

__all__ = ["ROLES", "SLOTS", "Country", "Person", "Tenure", "World"]

#: Latin and Arabic spellings of the syllables names are built from.
_SYLLABLES = [
    ("ba", "با"), ("da", "دا"), ("ka", "كا"), ("la", "لا"), ("ma", "ما"), ("na", "نا"), ("ra", "را"),
    ("sa", "سا"), ("ta", "تا"), ("za", "زا"), ("bi", "بي"), ("di", "دي"), ("ki", "كي"), ("li", "لي"),
    ("mi", "مي"), ("ni", "ني"), ("ri", "ري"), ("si", "سي"), ("ti", "تي"), ("vo", "فو"), ("ro", "رو"),
    ("lo", "لو"), ("mo", "مو"), ("no", "نو"), ("ko", "كو"), ("du", "دو"), ("su", "سو"), ("ha", "ها"),
    ("fa", "فا"), ("ja", "جا"), ("wa", "وا"), ("ya", "يا"), ("qa", "قا"), ("sha", "شا"), ("gu", "غو"),
]
_COUNTRY_ENDINGS = [("ria", "ريا"), ("stan", "ستان"), ("land", "لاند"), ("nia", "نيا"), ("via", "فيا"), ("ra", "را")]

#: Posts every country has: (slot id, English, Arabic, organisation suffix, mean tenure in years).
SLOTS = [
    ("head-of-state", "President", "رئيس", "", 7.0),
    ("head-of-government", "Prime Minister", "رئيس الوزراء", "government", 5.0),
    ("foreign-minister", "Foreign Minister", "وزير الخارجية", "foreign-ministry", 4.0),
    ("defence-minister", "Defence Minister", "وزير الدفاع", "government", 4.0),
    ("special-envoy", "Special Envoy", "مبعوث خاص", "foreign-ministry", 3.0),
]
#: Roles (org:Role) by id: English and Arabic labels.
ROLES = {slot: (en, ar) for slot, en, ar, _org, _years in SLOTS}
#: Offices of each country: (suffix, English pattern, Arabic pattern, head role or None, is the office of the head).
OFFICES = [
    ("presidency", "Presidential Office of {}", "الرئاسة في {}", None, True),
    ("government", "Government of {}", "حكومة {}", "head-of-government", False),
    ("foreign-ministry", "Foreign Ministry of {}", "وزارة خارجية {}", "foreign-minister", False),
]
#: Which earlier post feeds which (a foreign minister may become prime minister, ...).
_FEEDERS = {"head-of-state": "head-of-government", "head-of-government": "foreign-minister"}

FIRST_DAY = date(1988, 1, 1).toordinal()
LAST_DAY = date(2026, 6, 30).toordinal()


@dataclass(frozen=True)
class Person:
    """A synthetic office holder."""

    index: int
    iri: str
    en: str
    ar: str
    family_en: str
    family_ar: str
    country: int
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tenure:
    """One holding of a post: who, which post, from when to when (ordinal days)."""

    person: int
    country: int
    slot: str
    begin: int
    end: int

    @property
    def iri(self) -> str:
        return f"{ID}post/p{self.person:05d}-{self.slot}-c{self.country:03d}-{date.fromordinal(self.begin).year}"


@dataclass
class Country:
    """A synthetic country, its capital and its offices."""

    index: int
    iri: str
    en: str
    ar: str
    capital_iri: str
    capital_en: str
    capital_ar: str
    weight: float
    tenures: dict[str, list[Tenure]] = field(default_factory=dict)
    _starts: dict[str, list[int]] = field(default_factory=dict)

    def office_iri(self, suffix: str) -> str:
        return f"{ID}org/c{self.index:03d}-{suffix}"


class _Names:
    """Names already given, normalised as the name index compares them: a spelling names one entity only."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, *names: str) -> bool:
        keys = [normalize(n) for n in names]
        if len(set(keys)) < len(keys) or any(k in self.used for k in keys):
            return False
        self.used.update(keys)
        return True


def _word(rng: random.Random, n: int) -> tuple[str, str]:
    parts = [rng.choice(_SYLLABLES) for _ in range(n)]
    return "".join(p[0] for p in parts), "".join(p[1] for p in parts)


class World:
    """Countries with capitals and offices, people, and who held which post when."""

    def __init__(self, countries: list[Country], people: list[Person]):
        self.countries = countries
        self.people = people
        cumulative, total = [], 0.0
        for c in countries:
            total += c.weight
            cumulative.append(total)
        self._cumulative = cumulative
        self._total = total

    @classmethod
    def generate(cls, rng: random.Random, countries: int = 190) -> World:
        """Draw a world of *countries* countries with post holders from 1988 to 2026."""
        names = _Names()
        out: list[Country] = []
        for i in range(countries):
            while True:
                stem_en, stem_ar = _word(rng, rng.choice((1, 2, 2)))
                end_en, end_ar = rng.choice(_COUNTRY_ENDINGS)
                en, ar = (stem_en + end_en).capitalize(), stem_ar + end_ar
                cap_en, cap_ar = _word(rng, 3)
                cap_en, cap_ar = cap_en.capitalize() + " City", "مدينة " + cap_ar
                offices = [n.format(x) for _s, o_en, o_ar, _h, _o in OFFICES for n, x in ((o_en, en), (o_ar, ar))]
                if names.claim(en, ar, cap_en, cap_ar, *offices):
                    break
            out.append(Country(
                index=i, iri=f"{ID}country/c{i:03d}", en=en, ar=ar, capital_iri=f"{ID}place/c{i:03d}-capital",
                capital_en=cap_en, capital_ar=cap_ar, weight=1.0 / (i + 1) ** 1.1,
            ))
        people: list[Person] = []

        def new_person(country: int) -> int:
            while True:
                g_en, g_ar = _word(rng, 2)
                f_en, f_ar = _word(rng, rng.choice((2, 3)))
                en, ar = f"{g_en.capitalize()} {f_en.capitalize()}", f"{g_ar} {f_ar}"
                if names.claim(en, ar):
                    break
            family_en = f_en.capitalize()
            aliases = (family_en, f_ar) if names.claim(family_en, f_ar) else ()
            idx = len(people)
            people.append(Person(idx, f"{ID}person/p{idx:05d}", en, ar, family_en, f_ar, country, aliases))
            return idx

        for c in out:
            # feeders first, so that a head of government can be a former foreign minister
            for slot in ("special-envoy", "defence-minister", "foreign-minister", "head-of-government",
                         "head-of-state"):
                years = next(s[4] for s in SLOTS if s[0] == slot)
                tenures: list[Tenure] = []
                day = FIRST_DAY - rng.randrange(int(years * 365))
                while day < LAST_DAY:
                    length = max(120, int(rng.expovariate(1 / (years * 365))))
                    end = min(day + length, LAST_DAY)
                    if end < FIRST_DAY:  # a term over before the period starts
                        day = end + 1
                        continue
                    person = -1
                    feeder = _FEEDERS.get(slot)
                    if feeder and rng.random() < 0.3:
                        earlier = [t for t in c.tenures[feeder] if t.end <= day]
                        if earlier and earlier[-1].person not in {t.person for t in tenures}:
                            person = earlier[-1].person
                    if person < 0:
                        person = new_person(c.index)
                    tenures.append(Tenure(person, c.index, slot, max(day, FIRST_DAY), end))
                    day = end + 1
                c.tenures[slot] = tenures
                c._starts[slot] = [t.begin for t in tenures]
        return cls(out, people)

    def pick_country(self, rng: random.Random, other_than: int = -1) -> int:
        """A country drawn with heavy-tailed weights (a few countries have most contacts)."""
        while True:
            i = bisect.bisect_left(self._cumulative, rng.random() * self._total)
            i = min(i, len(self.countries) - 1)
            if i != other_than:
                return i

    def holder(self, country: int, slot: str, day: int) -> Person:
        """Who held *slot* in *country* on ordinal *day*."""
        c = self.countries[country]
        i = max(0, bisect.bisect_right(c._starts[slot], day) - 1)
        return self.people[c.tenures[slot][i].person]

    def tenures(self) -> list[Tenure]:
        """Every post holding, country by country."""
        return [t for c in self.countries for slot, *_ in SLOTS for t in c.tenures[slot]]
