"""Effective dates: a statement's or consensus item's own date, else its event's, else the
date of the event that event is part of."""

from __future__ import annotations

import attrs
import pytest
from conftest import build_tiny_dossier

import diplomodel as dm
from diplomodel import EffectiveDateSource as Source


def test_every_seed_item_with_a_dated_event_gets_its_date_and_says_whose() -> None:
    seed = dm.load_seed()
    sources = set()
    for item in (*seed.statements, *seed.consensus_items):
        effective = seed.effective_date(item)
        if isinstance(item, dm.Statement):
            assert item.date is None  # the seed dates no statement itself
        event = seed.get(item.event, dm.Event) if item.event else None
        if effective is None:
            parent = seed.get(event.part_of, dm.Event) if event and event.part_of else None
            assert event is None or (event.date is None and (parent is None or not parent.date))
            continue
        sources.add(effective.source)
        assert event is not None
        if effective.source is Source.EVENT:
            assert (effective.event, effective.date) == (event.id, event.date)
        else:
            assert effective.source is Source.PARENT_EVENT
            assert event.date is None
            assert effective.event == event.part_of
            assert effective.date == seed.get(event.part_of, dm.Event).date
        assert seed.effective_date(item.id) == effective
    assert sources == {Source.EVENT, Source.PARENT_EVENT}


def test_an_own_date_comes_first() -> None:
    tiny = build_tiny_dossier()
    own = dm.resolve_date("this autumn", tiny.article.published)
    statement = attrs.evolve(tiny.statements[0], date=own)
    dossier = attrs.evolve(tiny, statements=(statement,))
    assert dossier.effective_date(statement) == dm.EffectiveDate(date=own, source=Source.OWN)
    assert tiny.effective_date("neighbors") == dm.EffectiveDate(
        date=tiny.get("talks", dm.Event).date,  # type: ignore[arg-type]
        source=Source.EVENT,
        event="talks",
    )


def test_an_undated_event_passes_to_its_parent_and_no_date_at_all_is_none() -> None:
    tiny = build_tiny_dossier()
    talks, autumn = tiny.events
    undated = attrs.evolve(talks, date=None, part_of="autumn-talks")
    dossier = attrs.evolve(tiny, events=(undated, autumn))
    effective = dossier.effective_date("hold-talks")
    assert effective is not None
    assert (effective.source, effective.event, effective.date) == (
        Source.PARENT_EVENT,
        "autumn-talks",
        autumn.date,
    )
    orphan = attrs.evolve(tiny, events=(attrs.evolve(talks, date=None), autumn))
    assert orphan.effective_date("hold-talks") is None
    no_event = attrs.evolve(tiny.statements[0], event=None)
    assert attrs.evolve(tiny, statements=(no_event,)).effective_date("neighbors") is None


def test_an_id_of_another_kind_is_not_found() -> None:
    with pytest.raises(dm.NotFoundError, match="talks"):
        build_tiny_dossier().effective_date("talks")


def test_the_statement_and_consensus_tables_carry_the_effective_date() -> None:
    seed = dm.load_seed()
    tables = dm.to_records(seed)
    for table, items in (
        ("statements", seed.statements),
        ("consensus_items", seed.consensus_items),
    ):
        for row, item in zip(tables[table], items, strict=True):
            effective = seed.effective_date(item)
            expected = (effective.date.edtf, effective.source.value) if effective else (None, None)
            assert (row["effective_date"], row["effective_date_source"]) == expected
    assert any(row["effective_date"] for row in tables["consensus_items"])
