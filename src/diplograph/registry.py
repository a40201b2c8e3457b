"""The entity registry: one entry per entity, every spelling that names it.

Names resolve after normalisation (:func:`diplograph.text.normalize`), so
"ترامب", "ترمب" (an alias), "TRUMP" and "donald-trump" (the id) all name the
same person. Variants are listed explicitly; nothing is merged on a
similarity score, which only ever serves to suggest near matches in errors.

Examples
--------
>>> index = NameIndex()
>>> trump = Entity("donald-trump", "person", "Donald Trump", "دونالد ترامب", ("ترمب", "Trump"))
>>> index.add(trump)
>>> index.resolve("ترمب").id, index.resolve("TRUMP").id
('donald-trump', 'donald-trump')
>>> index.resolve("Trumb")
Traceback (most recent call last):
...
diplograph.errors.UnknownEntityError: unknown entity 'Trumb'; did you mean 'Trump'?
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RegistryError, UnknownEntityError
from .text import normalize
from .vocab import ID
from .yamlfile import YList, YMap, YScalar, YValue, read_yaml

__all__ = ["KINDS", "Entity", "NameIndex", "Registry", "Term"]

#: Entity kinds, the registry section each comes from, and the IRI path segment.
KINDS: dict[str, tuple[str, str]] = {
    "person": ("people", "person"),
    "organisation": ("organisations", "org"),
    "country": ("countries", "country"),
    "place": ("places", "place"),
    "group": ("groups", "group"),
}


@dataclass(frozen=True)
class Entity:
    """A person, organisation, country, place or unnamed group."""

    id: str
    kind: str
    en: str
    ar: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    note: str | None = None
    office_of: str | None = None
    head_role: str | None = None
    country: str | None = None
    iri: str = ""

    def __post_init__(self) -> None:
        if not self.iri:
            segment = KINDS[self.kind][1] if self.kind in KINDS else self.kind
            object.__setattr__(self, "iri", f"{ID}{segment}/{self.id}")

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the entity answers to: id, labels, aliases."""
        return (self.id, self.en, self.ar, *self.aliases)

    @property
    def label(self) -> str:
        """The English label."""
        return self.en

    def label_in(self, lang: str) -> str:
        """The label in *lang* ("en" or "ar")."""
        return self.ar if lang == "ar" else self.en


@dataclass(frozen=True)
class Term:
    """A role (post title) or a topic: an id with English and Arabic labels."""

    id: str
    en: str
    ar: str
    broader: str | None = None
    iri: str = ""


@dataclass
class NameIndex:
    """Resolve names to entities under normalisation.

    Two entities may not share a normalised name; :meth:`add` refuses it.
    """

    _by_name: dict[str, Entity] = field(default_factory=dict)
    _display: dict[str, str] = field(default_factory=dict)
    _by_iri: dict[str, Entity] = field(default_factory=dict)

    def add(self, entity: Entity, where: str | None = None) -> None:
        """Index *entity* under all its names.

        Raises
        ------
        RegistryError
            A name already names another entity.
        """
        self._by_iri[entity.iri] = entity
        for name in entity.names:
            key = normalize(name)
            if not key:
                continue
            other = self._by_name.get(key)
            if other is not None and other.id != entity.id:
                raise RegistryError(
                    f"name {name!r} of {entity.id!r} already names {other.id!r}; "
                    "a spelling may name one entity only",
                    where,
                )
            self._by_name[key] = entity
            self._display.setdefault(key, name)

    def keys(self) -> Iterator[tuple[str, str, str]]:
        """Every normalised name: the key, the IRI of the entity it names, and the spelling it was first given in."""
        for key, entity in self._by_name.items():
            yield key, entity.iri, self._display[key]

    @classmethod
    def from_keys(cls, entities: Iterable[Entity], keys: Iterable[tuple[str, str, str]]) -> NameIndex:
        """The index of *entities* under the normalised names :meth:`keys` gave (nothing is normalised again).

        Examples
        --------
        >>> index = NameIndex()
        >>> index.add(Entity(id="x", kind="person", en="Xavier", ar="إكزافييه"))
        >>> again = NameIndex.from_keys(list(index), index.keys())
        >>> again.resolve("xavier").id, list(again.keys()) == list(index.keys())
        ('x', True)
        """
        index = cls()
        index._by_iri = {e.iri: e for e in entities}
        for key, iri, shown in keys:
            index._by_name[key] = index._by_iri[iri]
            index._display[key] = shown
        return index

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_iri.values())

    def __len__(self) -> int:
        return len(self._by_iri)

    def get(self, name: str) -> Entity | None:
        """The entity named *name* (a name or an IRI), or None."""
        if name in self._by_iri:
            return self._by_iri[name]
        return self._by_name.get(normalize(name))

    def resolve(self, name: str, where: str | None = None) -> Entity:
        """The entity named *name*.

        Raises
        ------
        UnknownEntityError
            No entity has that name; the error lists up to five near matches.
        """
        found = self.get(name)
        if found is None:
            raise UnknownEntityError(name, self.suggest(name), where)
        return found

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Up to *n* known names close to *name*, best first."""
        key = normalize(name)
        close = difflib.get_close_matches(key, list(self._by_name), n=n * 3, cutoff=0.6)
        if not close and key:
            close = [k for k in self._by_name if key in k or k in key][: n * 3]
        seen: set[str] = set()
        out: list[str] = []
        for k in close:
            entity = self._by_name[k]
            if entity.id in seen:
                continue
            seen.add(entity.id)
            out.append(self._display[k])
            if len(out) == n:
                break
        return out


def _scalar(value: YValue | None, what: str, where: str, required: bool = True) -> str | None:
    if value is None:
        if required:
            raise RegistryError(f"missing {what!r}", *_split_where(where))
        return None
    if not isinstance(value, YScalar):
        raise RegistryError(f"{what!r} must be a single value", value.path, value.line)
    if required and not value.value.strip():
        raise RegistryError(f"{what!r} is empty", value.path, value.line)
    return value.value.strip() or None


def _strings(value: YValue | None, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, YScalar):
        return (value.value,) if value.value else ()
    if isinstance(value, YList) and all(isinstance(v, YScalar) for v in value.items):
        return tuple(v.value for v in value.items if isinstance(v, YScalar))
    raise RegistryError(f"{what!r} must be a list of names", value.path, value.line)


def _entries(doc: YMap, section: str) -> Iterable[YMap]:
    value = doc.get(section)
    if value is None:
        return []
    if not isinstance(value, YList):
        raise RegistryError(f"section {section!r} must be a list", value.path, value.line)
    for item in value.items:
        if not isinstance(item, YMap):
            raise RegistryError(f"entries of {section!r} must be mappings", item.path, item.line)
    return [i for i in value.items if isinstance(i, YMap)]


_ENTITY_KEYS = {"id", "en", "ar", "aliases", "wikidata", "note", "office_of", "head_role", "country"}
_TERM_KEYS = {"id", "en", "ar", "broader", "note"}


class Registry:
    """Entities, roles and topics, read from a registry YAML file.

    Parameters
    ----------
    entities, roles, topics : iterables
        The registry's content.
    path : str
        Where it was read from (for messages).
    """

    def __init__(self, entities: Iterable[Entity], roles: Iterable[Term], topics: Iterable[Term],
                 path: str = "<registry>"):
        self.path = path
        self.names = NameIndex()
        self.entities: dict[str, Entity] = {}
        for entity in entities:
            if entity.id in self.entities:
                raise RegistryError(f"duplicate entity id {entity.id!r}", path)
            self.entities[entity.id] = entity
            self.names.add(entity, path)
        self.roles = {r.id: r for r in roles}
        self.topics = {t.id: t for t in topics}
        self._check_links()

    def _check_links(self) -> None:
        for e in self.entities.values():
            if e.office_of and e.office_of not in self.entities:
                raise RegistryError(f"{e.id!r}: office_of names unknown entity {e.office_of!r}", self.path)
            if e.head_role and e.head_role not in self.roles:
                raise RegistryError(f"{e.id!r}: head_role names unknown role {e.head_role!r}", self.path)
            if e.country and e.country not in self.entities:
                raise RegistryError(f"{e.id!r}: country names unknown entity {e.country!r}", self.path)
        for t in self.topics.values():
            if t.broader and t.broader not in self.topics:
                raise RegistryError(f"topic {t.id!r}: broader names unknown topic {t.broader!r}", self.path)

    @classmethod
    def read(cls, path: str | Path) -> Registry:
        """Read a registry YAML file.

        Raises
        ------
        RegistryError
            With the file and line of the first problem.
        """
        doc = read_yaml(path)
        entities: list[Entity] = []
        for kind, (section, _) in KINDS.items():
            for item in _entries(doc, section):
                unknown = set(item.entries) - _ENTITY_KEYS
                if unknown:
                    raise RegistryError(f"unknown key(s) {sorted(unknown)}", item.path, item.line)
                w = item.where
                entities.append(
                    Entity(
                        id=str(_scalar(item.get("id"), "id", w)),
                        kind=kind,
                        en=str(_scalar(item.get("en"), "en", w)),
                        ar=str(_scalar(item.get("ar"), "ar", w)),
                        aliases=_strings(item.get("aliases"), "aliases"),
                        wikidata=_scalar(item.get("wikidata"), "wikidata", w, required=False),
                        note=_scalar(item.get("note"), "note", w, required=False),
                        office_of=_scalar(item.get("office_of"), "office_of", w, required=False),
                        head_role=_scalar(item.get("head_role"), "head_role", w, required=False),
                        country=_scalar(item.get("country"), "country", w, required=False),
                    )
                )
        terms: dict[str, list[Term]] = {"roles": [], "topics": []}
        for section, segment in (("roles", "role"), ("topics", "topic")):
            for item in _entries(doc, section):
                unknown = set(item.entries) - _TERM_KEYS
                if unknown:
                    raise RegistryError(f"unknown key(s) {sorted(unknown)}", item.path, item.line)
                w = item.where
                tid = str(_scalar(item.get("id"), "id", w))
                terms[section].append(
                    Term(
                        id=tid,
                        en=str(_scalar(item.get("en"), "en", w)),
                        ar=str(_scalar(item.get("ar"), "ar", w)),
                        broader=_scalar(item.get("broader"), "broader", w, required=False),
                        iri=f"{ID}{segment}/{tid}",
                    )
                )
        for item_id in (e.wikidata for e in entities if e.wikidata):
            if not (item_id.startswith("Q") and item_id[1:].isdigit()):
                raise RegistryError(f"malformed Wikidata ID {item_id!r}", path)
        unknown_sections = set(doc.entries) - {s for s, _ in KINDS.values()} - {"roles", "topics"}
        if unknown_sections:
            raise RegistryError(f"unknown section(s) {sorted(unknown_sections)}", path)
        return cls(entities, terms["roles"], terms["topics"], str(path))

    def resolve(self, name: str, where: str | None = None) -> Entity:
        """The entity named *name* (see :meth:`NameIndex.resolve`)."""
        return self.names.resolve(name, where)

    def role(self, role_id: str, where: str | None = None) -> Term:
        """The role with id *role_id* (a :class:`RegistryError` names near ids)."""
        return self._term(self.roles, "role", role_id, where)

    def topic(self, topic_id: str, where: str | None = None) -> Term:
        """The topic with id *topic_id* (a :class:`RegistryError` names near ids)."""
        return self._term(self.topics, "topic", topic_id, where)

    def _term(self, terms: dict[str, Term], what: str, term_id: str, where: str | None) -> Term:
        if term_id in terms:
            return terms[term_id]
        close = difflib.get_close_matches(term_id, list(terms), n=3)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        path, line = _split_where(where or self.path)
        raise RegistryError(f"unknown {what} {term_id!r}{hint}", path, line)


def _split_where(where: str) -> tuple[str, int | None]:
    path, _, line = where.rpartition(":")
    if path and line.isdigit():
        return path, int(line)
    return where, None
