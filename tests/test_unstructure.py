"""The converter's generated unstructure hooks against cattrs's own, value for value.

The reference is a converter as cattrs's JSON preset makes it, with none of
diplomodel's hooks: the generated hooks must give exactly its values (lists, not
tuples; the same key order; no field that is not an ``__init__`` argument) for
every class the model writes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from cattrs.preconf.json import make_converter
from hypothesis import HealthCheck, given, settings
from strategies import dossiers, parts_of

import diplomodel as dm

SEED = dm.load_seed()
REFERENCE = make_converter()


def same(ours: Any, theirs: Any) -> bool:
    """Equal, and of the same classes all the way down, dict keys in the same order."""
    if type(ours) is not type(theirs):
        return False
    if isinstance(ours, dict):
        return list(ours) == list(theirs) and all(same(ours[key], theirs[key]) for key in ours)
    if isinstance(ours, list):
        return len(ours) == len(theirs) and all(map(same, ours, theirs))
    return bool(ours == theirs)


def written_objects(dossier: dm.Dossier) -> Iterator[Any]:
    """The dossier, every object inside it, and the objects its queries give."""
    yield dossier
    yield dm.Corpus(dossiers=(dossier,))
    yield from parts_of(dossier)
    for event in dossier.events:
        yield from event.quantities
        yield from event.participants
    yield dossier.coverage()
    yield from dossier.coverage().sentences
    yield from dossier.timeline()
    yield from dossier.interactions()
    for entity in dossier.entities():
        yield from dossier.mentions(entity.id)
    for person in dossier.people:
        yield from dossier.roles_of(person.id)
    for item in (*dossier.statements, *dossier.consensus_items):
        effective = dossier.effective_date(item)
        if effective is not None:
            yield effective


def assert_written_as_cattrs_writes(dossier: dm.Dossier) -> set[type[Any]]:
    """Each written object's values are cattrs's; gives the classes written."""
    kinds = set()
    for obj in written_objects(dossier):
        kinds.add(type(obj))
        ours, theirs = dm.to_dict(obj), REFERENCE.unstructure(obj)
        assert same(ours, theirs), type(obj).__name__
    return kinds


def test_the_seed_and_everything_in_it_is_written_as_cattrs_writes_it() -> None:
    kinds = assert_written_as_cattrs_writes(SEED)
    model = {dm.Dossier, dm.Corpus, dm.Article, dm.Event, dm.Statement, dm.ConsensusItem}
    found = {dm.Quantity, dm.Coverage, dm.TimelineEntry, dm.Interaction, dm.EffectiveDate}
    assert model | found <= kinds


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossier=dossiers())
def test_generated_dossiers_are_written_as_cattrs_writes_them(dossier: dm.Dossier) -> None:
    assert_written_as_cattrs_writes(dossier)


def test_only_init_fields_are_written_in_field_order() -> None:
    for obj in written_objects(SEED):
        data = dm.to_dict(obj)
        if attrs.has(type(obj)):
            names = [field.name for field in attrs.fields(type(obj)) if field.init]
            assert list(data) == names, type(obj).__name__
    hidden = [field.name for field in attrs.fields(dm.Dossier) if not field.init]
    assert hidden
    assert not set(hidden) & set(dm.to_dict(SEED))


def test_a_copy_of_the_converter_writes_nested_values_with_its_own_hooks() -> None:
    made = dm.converter.copy()
    made.register_unstructure_hook(dm.Evidence, lambda span: [span.start, span.end])
    event = SEED.events[0]
    written = made.unstructure(SEED)["events"][0]["evidence"]
    assert written == [[span.start, span.end] for span in event.evidence]
    # The original converter is untouched, and its copy still writes the rest alike.
    assert dm.to_dict(SEED)["events"][0]["evidence"][0] == {
        "quote": event.evidence[0].quote,
        "start": event.evidence[0].start,
        "end": event.evidence[0].end,
    }
    article = made.unstructure(SEED)["article"]
    assert article["published"] == SEED.article.published.isoformat()
    span = SEED.article.artifacts[0].evidence
    assert article["artifacts"][0]["evidence"] == [span.start, span.end]


@attrs.define(frozen=True)
class _Note:
    """A class that holds itself, which no model class does yet."""

    words: str
    replies: tuple[_Note, ...] = ()
    parent: _Note | None = None


def test_a_class_that_holds_itself_is_written_to_any_depth() -> None:
    words = [span.quote for span in SEED.people[0].evidence] * 30
    note = _Note(words=words[0])
    for each in words[1:]:
        note = _Note(words=each, replies=(note,), parent=_Note(words=each))
    assert same(dm.to_dict(note), REFERENCE.unstructure(note))


def test_a_class_whose_hints_cannot_be_resolved_is_refused_as_cattrs_refuses_it() -> None:
    @attrs.define
    class Unresolved:
        missing: NoSuchClass  # type: ignore[name-defined]  # noqa: F821

    with pytest.raises(NameError):
        REFERENCE.unstructure(Unresolved(missing=1))
    with pytest.raises(NameError):
        dm.converter.copy().unstructure(Unresolved(missing=1))


def test_a_thread_waits_for_the_function_another_is_generating() -> None:
    """The first two writes of a class, at once: the second waits for the generated
    function rather than call one not made yet."""
    made = dm.converter.copy()
    generating, second_started = threading.Event(), threading.Event()

    def evidence_hook(_cls: Any) -> Any:  # asked for while the dossier's code is generated
        generating.set()
        second_started.wait(timeout=10)
        time.sleep(0.2)  # time for the second thread to reach the function
        return lambda span: [span.start, span.end]

    made.register_unstructure_hook_factory(lambda cls: cls is dm.Evidence, evidence_hook)
    hook = made.get_unstructure_hook(dm.Dossier)
    results: dict[str, Any] = {}

    def write(name: str) -> None:
        try:
            results[name] = hook(SEED)
        except Exception as error:  # the test says which thread failed and how
            results[name] = error

    first = threading.Thread(target=write, args=("first",))
    first.start()
    assert generating.wait(timeout=10)
    second = threading.Thread(target=write, args=("second",))
    second.start()
    second_started.set()
    first.join()
    second.join()
    assert results["first"] == results["second"]
    span = SEED.events[0].evidence[0]
    assert results["second"]["events"][0]["evidence"][0] == [span.start, span.end]
