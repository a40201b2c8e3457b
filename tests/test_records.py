"""Records as dictionaries: what ``dataclasses.asdict`` gives, for every kind of record the API returns."""

from __future__ import annotations

import dataclasses
import json

import diplograph as dg
from diplograph.dates import Span
from diplograph.records import ActorRef, Tie


def test_as_dict_is_asdict_for_every_record_of_the_seed() -> None:
    kg = dg.load()
    records = [*kg.source.all_contacts(), *kg.planned(), *kg.claims(), *kg.posts(), *kg.source.ties(),
               *kg.source.events(), *kg.gaps("Trump", "Putin")]
    assert len({type(r) for r in records}) >= 6
    for r in records:
        got, want = r.as_dict(), dataclasses.asdict(r)
        assert got == want and list(got) == list(want)


def test_as_dict_copies_containers_and_keeps_nested_dataclasses_as_dicts() -> None:
    span = Span.of("2017", "2021", throughout=True)
    tie = Tie(kind="post", a="urn:a", b="urn:b", post="urn:p", label="a: b", date=None, quote="q",
              span=span, head=False)
    got = tie.as_dict()
    assert got == dataclasses.asdict(tie)
    assert got["span"] == {"first": span.first, "last": span.last, "throughout": True, "text": "2017/2021"}
    ref = ActorRef("urn:x", "X").as_dict()
    assert ref == {"iri": "urn:x", "label": "X", "label_ar": None}
    json.dumps(got, default=str)
