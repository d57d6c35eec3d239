"""The fast path of ``from_json`` (msgspec) against the reference reader (cattrs).

Both must accept the same texts, build equal objects (written back byte for
byte alike) and refuse the same texts with the same messages. The reference
reader is run alone by leaving it no class to read fast.
"""

from __future__ import annotations

import gc
import json
import random
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import json_cases, mutate_document, mutate_json_text
from strategies import dossiers

import diplomodel as dm
from diplomodel import serialize
from diplomodel.dossier import check_dossier
from diplomodel.walk import SECTIONS, evidence_of, references_of, spans_of, targets_of

pytest.importorskip("msgspec")

from diplomodel.fastjson import NOT_FAST, fast_reader

SEED = dm.load_seed()
DOCUMENT, SLOTS, _TEXT = json_cases(SEED)
DIFFERENTIAL = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@contextmanager
def reference_only() -> Iterator[None]:
    with mock.patch.object(serialize, "_fast_classes", return_value=()):
        yield


def outcome(text: str | bytes, cls: type[Any]) -> tuple[str, Any, Any]:
    """What ``from_json`` makes of ``text``: the object and its JSON, or the error."""
    try:
        read = dm.from_json(text, cls)
    except dm.ValidationError as error:
        return ("refused", str(error), error.problems)
    return ("read", dm.to_json(read, indent=None), read)


def fast_outcome(text: str | bytes, cls: type[Any]) -> Any:
    """What the fast reader alone makes of ``text``: an object, or NOT_FAST."""
    reader = fast_reader(cls)
    assert reader is not None
    try:
        return reader(text)
    except (dm.DiplomodelError, ValueError, TypeError):
        return NOT_FAST


def assert_same_verdict(text: str | bytes, cls: type[Any] = dm.Dossier) -> None:
    with reference_only():
        expected = outcome(text, cls)
    assert outcome(text, cls) == expected
    fast = fast_outcome(text, cls)
    if fast is not NOT_FAST:  # what the fast path accepts, the reference reader accepts alike
        assert expected[0] == "read"
        assert fast == expected[2]
        assert dm.to_json(fast, indent=None) == expected[1]


@pytest.mark.parametrize("indent", [None, 2])
def test_the_seed_is_read_on_the_fast_path_as_the_reference_reads_it(indent: int | None) -> None:
    text = dm.to_json(SEED, indent=indent)
    fast = fast_outcome(text, dm.Dossier)
    assert fast is not NOT_FAST
    assert fast == SEED
    # Quantities written as integers stay integers, so the text comes back unchanged.
    assert dm.to_json(fast, indent=indent) == text
    assert_same_verdict(text)
    assert_same_verdict(text.encode())


def test_a_corpus_is_read_on_the_fast_path() -> None:
    corpus = dm.Corpus(dossiers=(SEED,))
    text = dm.to_json(corpus, indent=None)
    fast = fast_outcome(text, dm.Corpus)
    assert fast is not NOT_FAST
    assert fast == corpus
    assert_same_verdict(text, dm.Corpus)


def _compact(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def test_text_the_shape_check_must_refuse_goes_the_reference_way() -> None:
    text = dm.to_json(SEED, indent=None)
    first_id = text.index('"id":')
    repeated_key = text[:first_id] + '"id":"x",' + text[first_id:]
    person = dict(DOCUMENT["people"][0], nickname="Wang")
    unknown_key = _compact({**DOCUMENT, "people": [person, *DOCUMENT["people"][1:]]})
    spaced = json.dumps(DOCUMENT, ensure_ascii=False)
    for refused in (repeated_key, unknown_key):
        assert fast_outcome(refused, dm.Dossier) is NOT_FAST
        assert outcome(refused, dm.Dossier)[0] == "refused"
        assert_same_verdict(refused)
    assert fast_outcome(spaced, dm.Dossier) is NOT_FAST  # not as to_json writes it
    assert_same_verdict(spaced)


@settings(DIFFERENTIAL, max_examples=60)
@given(dossier=dossiers(), indent=st.sampled_from([None, 2]))
def test_generated_dossiers_are_read_alike(dossier: dm.Dossier, indent: int | None) -> None:
    text = dm.to_json(dossier, indent=indent)
    fast = fast_outcome(text, dm.Dossier)
    assert fast is not NOT_FAST
    assert fast == dossier
    assert dm.to_json(fast, indent=indent) == text
    assert_same_verdict(text)


@DIFFERENTIAL
@given(rng=st.randoms(use_true_random=False), how=st.sampled_from(["compact", "spaced", "text"]))
def test_mutated_documents_get_the_same_verdict_and_message(rng: random.Random, how: str) -> None:
    mutated = mutate_document(DOCUMENT, rng, SLOTS)
    if how == "compact":  # as to_json writes it, so that the fast path reads it in full
        text: str | bytes = _compact(mutated)
    elif how == "spaced":
        text = json.dumps(mutated, ensure_ascii=False)
    else:
        text = mutate_json_text(_compact(DOCUMENT), rng)
    assert_same_verdict(text)


def _spans_by_walk(dossier: dm.Dossier, name: str, index: int, obj: Any) -> Counter[Any]:
    return Counter(site.evidence for site in evidence_of(dossier.article.id, name, index, obj))


@settings(DIFFERENTIAL, max_examples=40)
@given(dossier=dossiers())
def test_the_lean_walks_see_what_the_walks_with_paths_see(dossier: dm.Dossier) -> None:
    for candidate in (dossier, SEED):
        for name in SECTIONS:
            for index, obj in enumerate(getattr(candidate, name)):
                assert Counter(spans_of(obj)) == _spans_by_walk(candidate, name, index, obj)
                assert Counter(targets_of(obj)) == Counter(
                    (ref.target, ref.kinds) for ref in references_of(name, index, obj)
                )


def test_the_lean_pass_still_reports_each_broken_quote_and_reference_at_its_path() -> None:
    event = SEED.events[1]
    span = event.evidence[0]
    misquoted = attrs.evolve(span, quote=span.quote[1:] + "x")  # same length, other words
    broken = attrs.evolve(event, evidence=(misquoted, *event.evidence[1:]), part_of="no-such-event")
    sections: dict[str, list[tuple[int, Any]]] = {
        name: list(enumerate(getattr(SEED, name))) for name in SECTIONS
    }
    sections["events"][1] = (1, broken)
    problems = check_dossier(SEED.article, sections)
    at = f'$.events[1] ("{event.id}")'
    assert [problem.path for problem in problems] == [f"{at}.part_of", f"{at}.evidence[0]"]
    assert "no-such-event" in problems[0].message
    assert misquoted.quote[:10] in problems[1].message


def test_the_collector_pauses_while_a_document_is_read_and_resumes_after() -> None:
    text = dm.to_json(SEED, indent=None)
    collections: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    dm.from_json(text, dm.Dossier)  # the first read also makes the reader
    assert gc.isenabled()
    thresholds = gc.get_threshold()
    gc.set_threshold(10)  # a collection every few new objects, unless paused
    gc.callbacks.append(note)
    try:
        read = dm.from_json(text, dm.Dossier)
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*thresholds)
    assert read == SEED
    assert gc.isenabled()
    # Unpaused, the youngest generation would be collected dozens of times over;
    # paused, at most once, as the collector resumes.
    assert len(collections) <= 1
    gc.disable()
    try:
        assert dm.from_json(text, dm.Dossier) == SEED
        assert not gc.isenabled()  # left as the caller set it
    finally:
        gc.enable()


def test_without_msgspec_there_is_no_fast_path_and_reading_is_the_same() -> None:
    from diplomodel import fastjson

    text = dm.to_json(SEED, indent=None)
    with (
        mock.patch.object(fastjson, "_msgspec", return_value=None),
        mock.patch.dict(fastjson._READERS, clear=True),
    ):
        assert fast_reader(dm.Dossier) is None
        assert dm.from_json(text, dm.Dossier) == SEED
    assert fast_reader(dm.Dossier) is not None  # the cache of readers is as it was
