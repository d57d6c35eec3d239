"""Queries on a corpus answer from indexes built once, and building pauses the collector.

Nothing here is timed: the work of a query is the number of Python and C function
calls it makes, counted under ``sys.setprofile``, on two corpora of copies of the
seed that share nothing (the copies of ``benchmarks/corpus_scale.py``), one three
times the other. A query about the first copy's things has the same answers in
both, so a query that scans the corpus makes more calls in the bigger one.
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import re
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from conftest import calls_made, module_from_path

import diplomodel as dm
from diplomodel import corpus as corpus_module
from diplomodel.collector import collector_paused

BENCH = Path(__file__).parent.parent / "benchmarks" / "bench.py"
MERGE = Path(__file__).parent / "fixtures" / "merge"
SMALL, LARGE = 3, 9


def _bench() -> ModuleType:
    """``benchmarks/bench.py``, whose copies of the seed the benchmark uses too."""
    return module_from_path("bench", BENCH)


@pytest.fixture(scope="module")
def copies() -> list[dm.Dossier]:
    texts = _bench().renamed_texts(dm.load_seed(), LARGE, everything=True)
    return [dm.from_json(text, dm.Dossier) for text in texts]


@pytest.fixture(scope="module")
def corpora(copies: list[dm.Dossier]) -> tuple[dm.Corpus, dm.Corpus]:
    return dm.Corpus(copies[:SMALL]), dm.Corpus(copies)


@pytest.fixture(scope="module")
def merged() -> dm.Corpus:
    """Four reports of one meeting, one of them contradicting the others."""
    return dm.Corpus([dm.load(path) for path in sorted(MERGE.glob("*.toml"))])


def _first_copys(seed: dm.Dossier) -> dict[str, str]:
    """Ids and a topic of the seed's things, as the first copy names them."""
    statement = next(s for s in seed.statements if s.channel and s.event and s.topics)
    item = seed.consensus_items[0]
    speaker = statement.speakers[0]
    holder = next(p for p in seed.people if p.roles).roles[0].holder
    return {
        "speaker": f"{speaker}-0",
        "topic": f"{statement.topics[0]}-0",
        "channel": f"{statement.channel}-0",
        "event": f"{statement.event}-0",
        "party": f"{item.parties[0]}-0",
        "holder": f"{holder}-0",
        "item topic": f"{item.topics[0]}-0",
        "name": seed.get(speaker).name or speaker,
    }


QUERIES: dict[str, Callable[[dm.Corpus, dict[str, str]], Any]] = {
    "interactions": lambda c, a: c.interactions(a["speaker"]),
    "interactions took place": lambda c, a: c.interactions(a["speaker"], took_place=True),
    "interactions across sides": lambda c, a: c.interactions(
        a["speaker"], took_place=True, across_sides=True
    ),
    "statements_where topic": lambda c, a: c.statements_where(topic=a["topic"]),
    "statements_where channel": lambda c, a: c.statements_where(channel=a["channel"]),
    "statements_where event": lambda c, a: c.statements_where(event=a["event"]),
    "statements_where by and topic": lambda c, a: c.statements_where(
        by=a["speaker"], topic=a["topic"]
    ),
    "statements_where event and mode": lambda c, a: c.statements_where(
        event=a["event"], mode="paraphrase"
    ),
    "statements_by": lambda c, a: c.statements_by(a["speaker"]),
    "named": lambda c, a: c.named(a["speaker"]),
    "consensus_where party": lambda c, a: c.consensus_where(party=a["party"]),
    "consensus_where topic": lambda c, a: c.consensus_where(topic=a["item topic"]),
    "consensus_where party and status": lambda c, a: c.consensus_where(
        party=a["party"], status="agreed"
    ),
    "events_where involving": lambda c, a: c.events_where(involving=a["speaker"]),
    "roles_of": lambda c, a: c.roles_of(a["holder"]),
    "mentions": lambda c, a: c.mentions(a["speaker"]),
}

# What grows with the corpus, answered from what is kept: the same work at any size.
WHOLE: dict[str, Callable[[dm.Corpus], Any]] = {
    "people": lambda c: c.people,
    "institutions": lambda c: c.institutions,
    "countries": lambda c: c.countries,
    "events": lambda c: c.events,
    "conflicts": lambda c: c.conflicts,
    "timeline": lambda c: c.timeline(),
    "timeline without planned": lambda c: c.timeline(include_planned=False),
    "interactions": lambda c: c.interactions(),
    "interactions took place": lambda c: c.interactions(took_place=True),
    "events_where status": lambda c: c.events_where(status="took-place"),
    "statements_where mode": lambda c: c.statements_where(mode="paraphrase"),
    "consensus_where status": lambda c: c.consensus_where(status="agreed"),
    "topics": lambda c: c.topics(),
}


@pytest.mark.parametrize("name", list(QUERIES))
def test_a_query_about_a_few_things_costs_the_same_in_a_corpus_three_times_bigger(
    corpora: tuple[dm.Corpus, dm.Corpus], name: str
) -> None:
    small, large = corpora
    asked = _first_copys(dm.load_seed())
    query = QUERIES[name]
    answers = [query(corpus, asked) for corpus in (small, large)]  # first calls build
    assert answers[0] == answers[1]
    assert answers[0]  # a query with no answer would prove nothing
    assert calls_made(lambda: query(small, asked)) == calls_made(lambda: query(large, asked))


@pytest.mark.parametrize("name", list(WHOLE))
def test_what_grows_with_the_corpus_is_kept_and_handed_out_as_it_is(
    corpora: tuple[dm.Corpus, dm.Corpus], name: str
) -> None:
    small, large = corpora
    ask = WHOLE[name]
    answers = [ask(corpus) for corpus in (small, large)]
    assert len(answers[1]) == LARGE // SMALL * len(answers[0])
    for corpus, answer in zip((small, large), answers, strict=True):
        again = ask(corpus)
        assert isinstance(again, tuple)  # no caller can change what the next one gets
        assert again is answer
    assert calls_made(lambda: ask(small)) == calls_made(lambda: ask(large))


def test_named_finds_a_name_shared_by_every_copy_at_the_cost_of_the_answer(
    corpora: tuple[dm.Corpus, dm.Corpus],
) -> None:
    small, large = corpora
    name = _first_copys(dm.load_seed())["name"]
    assert len(large.named(name)) == LARGE // SMALL * len(small.named(name)) > 0
    assert calls_made(lambda: small.named(name)) == calls_made(lambda: large.named(name))


# -- the indexes give what a scan gives --------------------------------------------


def _statement_filters(source: dm.Dossier | dm.Corpus) -> Iterator[dict[str, Any]]:
    """Every value of every filter of statements_where that the source uses, alone and
    in pairs."""
    statements = [s for d in _dossiers(source) for s in d.statements]
    values: dict[str, set[Any]] = {
        "by": {speaker for s in statements for speaker in s.speakers},
        "topic": {topic for s in statements for topic in s.topics},
        "channel": {s.channel for s in statements} - {None},
        "event": {s.event for s in statements} - {None},
        "mode": {s.mode for s in statements},
        "act": {s.act for s in statements},
    }
    singles = [{key: value} for key, found in values.items() for value in sorted(found, key=str)]
    yield from singles
    for first, second in itertools.combinations(singles, 2):
        if first.keys() != second.keys():
            yield {**first, **second}


def _dossiers(source: dm.Dossier | dm.Corpus) -> tuple[dm.Dossier, ...]:
    return source.dossiers if isinstance(source, dm.Corpus) else (source,)


def _passes(statement: dm.Statement, source: Any, filters: dict[str, Any]) -> bool:
    resolve = source.get
    tests = {
        "by": lambda v: resolve(v).id in statement.speakers,
        "topic": lambda v: v in statement.topics,
        "channel": lambda v: statement.channel == resolve(v).id,
        "event": lambda v: statement.event == resolve(v).id,
        "mode": lambda v: statement.mode is v,
        "act": lambda v: statement.act is v,
    }
    return all(tests[key](value) for key, value in filters.items())


@pytest.mark.parametrize("source_name", ["seed", "merged"])
def test_statements_where_gives_what_a_scan_gives_for_every_filter_and_pair(
    merged: dm.Corpus, source_name: str
) -> None:
    source: dm.Dossier | dm.Corpus = dm.load_seed() if source_name == "seed" else merged
    every = source.statements_where()
    checked = 0
    for filters in _statement_filters(source):
        expected = tuple(s for s in every if _passes(s, source, filters))
        assert source.statements_where(**filters) == expected, filters
        checked += bool(expected)
    assert checked > 20


@pytest.mark.parametrize("source_name", ["seed", "merged"])
def test_events_consensus_and_interactions_give_what_a_scan_gives(
    merged: dm.Corpus, source_name: str
) -> None:
    source: dm.Dossier | dm.Corpus = dm.load_seed() if source_name == "seed" else merged
    events = source.events_where()
    people = {p.participant for e in events for p in e.participants}
    for status, kind in itertools.product([None, *dm.EventStatus], [None, *dm.EventKind]):
        expected = tuple(e for e in events if status in (None, e.status) and kind in (None, e.kind))
        assert source.events_where(status=status, kind=kind) == expected
        for who in people:
            involving = tuple(e for e in expected if who in {p.participant for p in e.participants})
            assert source.events_where(status=status, kind=kind, involving=who) == involving
    items = source.consensus_where()
    parties = {party for item in items for party in item.parties}
    topics = {topic for item in items for topic in item.topics}
    for status, party, topic in itertools.product(
        [None, *dm.ConsensusStatus], [None, *parties], [None, *topics]
    ):
        expected_items = tuple(
            c
            for c in items
            if status in (None, c.status)
            and party in (None, *c.parties)
            and topic in (None, *c.topics)
        )
        found = source.consensus_where(status=status, party=party, topic=topic)
        assert found == expected_items
    everyone = source.interactions()
    for who, took_place, across in itertools.product([None, *people], [False, True], [False, True]):
        expected_pairs = tuple(
            i
            for i in everyone
            if (who is None or who in i.pair)
            and (not took_place or i.event.status is dm.EventStatus.TOOK_PLACE)
            and (not across or i.across_sides)
        )
        found_pairs = source.interactions(who, took_place=took_place, across_sides=across)
        assert found_pairs == expected_pairs
    planned = [entry for entry in source.timeline() if not entry.is_planned]
    assert list(source.timeline(include_planned=False)) == planned


# -- the collector while a corpus is built ------------------------------------------


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generations collected while the test runs, with a collection due every
    hundred new objects unless the collector is paused."""
    found: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            found.append(info["generation"])

    assert gc.isenabled()
    thresholds = gc.get_threshold()
    gc.set_threshold(100)
    gc.callbacks.append(note)
    try:
        yield found
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*thresholds)
        gc.enable()


def test_the_collector_pauses_while_the_merged_world_and_index_are_built(
    copies: list[dm.Dossier], collections: list[int]
) -> None:
    corpus = dm.Corpus(copies[:SMALL])
    expected = SMALL * len(copies[0].events)
    collections.clear()
    events = corpus.events
    during = len(collections)
    assert len(events) == expected
    # Unpaused, the youngest generation would be collected hundreds of times;
    # paused, at most once, as the collector resumes.
    assert during <= 1
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(copies: list[dm.Dossier]) -> None:
    gc.disable()
    try:
        corpus = dm.Corpus(copies[:SMALL])
        assert corpus.events
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_back_on_when_building_raises(
    copies: list[dm.Dossier], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_dossiers: Any) -> None:
        assert not gc.isenabled()  # paused while it builds
        raise MemoryError("no room for the world")

    monkeypatch.setattr(corpus_module, "World", broken)
    corpus = dm.Corpus(copies[:SMALL])
    with pytest.raises(MemoryError):
        _ = corpus.events
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(MemoryError):
            _ = corpus.people
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reading_a_corpus_that_is_refused_leaves_the_collector_on(
    copies: list[dm.Dossier], tmp_path: Path
) -> None:
    data = json.loads(dm.to_json(dm.Corpus(copies[:SMALL])))
    data["dossiers"][2]["events"][0]["status"] = "happened"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(dm.ValidationError) as raised:
        dm.read_corpus(bad)
    assert "$.dossiers[2].events[0].status" in [p.path for p in raised.value.problems]
    assert gc.isenabled()
    with pytest.raises(dm.ValidationError):
        dm.Corpus.load([bad])
    assert gc.isenabled()
    good = tmp_path / "good.json"
    good.write_text(dm.to_json(dm.Corpus(copies[:SMALL])), encoding="utf-8")
    assert dm.Corpus.load([good]).dossiers == tuple(copies[:SMALL])
    assert gc.isenabled()


def test_the_pause_that_turned_the_collector_off_turns_it_back_on() -> None:
    inside, leave = threading.Event(), threading.Event()

    def long_pause() -> None:
        with collector_paused():
            inside.set()
            leave.wait(timeout=30)

    with collector_paused():  # nested pauses change nothing: the outer one resumes
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    other = threading.Thread(target=long_pause)
    other.start()
    try:
        assert inside.wait(timeout=30)
        assert not gc.isenabled()
        with collector_paused():  # begun while the other thread's pause goes on
            assert not gc.isenabled()
        assert not gc.isenabled()  # the other thread's pause is still under way
    finally:
        leave.set()
        other.join()
    assert gc.isenabled()


def test_pauses_in_threads_that_overlap_end_to_end_do_not_keep_the_collector_off() -> None:
    first_in, second_in, first_out, second_out = (threading.Event() for _ in range(4))

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait(timeout=30)
        first_out.set()

    def second() -> None:
        first_in.wait(timeout=30)
        with collector_paused():
            second_in.set()
            first_out.wait(timeout=30)
            # The first pause, which turned the collector off, has ended.
            assert gc.isenabled()
        second_out.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert second_out.is_set()
    assert gc.isenabled()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_process_forked_during_a_pause_starts_with_the_collector_on() -> None:
    with collector_paused(), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork beside pytest's threads
        reading, writing = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - the child reports through the pipe
            try:
                with collector_paused():
                    pass
                os.write(writing, b"on" if gc.isenabled() else b"off")
            finally:
                os._exit(0)
        os.close(writing)
        said = os.read(reading, 8)
        os.close(reading)
        os.waitpid(child, 0)
        assert not gc.isenabled()
    assert said == b"on"
    assert gc.isenabled()


# -- the benchmark ------------------------------------------------------------------


def test_the_corpus_benchmark_runs_and_its_queries_have_answers_at_every_size() -> None:
    script = BENCH.with_name("corpus_scale.py")
    done = subprocess.run(
        [sys.executable, str(script), "--sizes", "2,6", "--rounds", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = {}
    for line in done.stdout.splitlines():
        label, *values = re.split(r" {2,}", line.strip())  # the columns: 2 spaces or more
        rows[label] = values
    for step in ("build, GC off (ms per dossier)", "build, GC on (ms per dossier)"):
        assert all(float(value) > 0 for value in rows[step])
    for about in ("interactions(person)", "statements_where(topic=)", "named(person)"):
        small, large = rows[f"{about} answers"]
        assert small == large != "0"  # about the first copy: as many answers at any size
    small, large = rows["corpus.events answers"]
    assert int(large) == 3 * int(small)


# -- merging ------------------------------------------------------------------------


def test_a_title_an_article_gives_twice_in_one_place_stays_twice_when_merged() -> None:
    seed = dm.load_seed()
    person = next(p for p in seed.people if p.roles)
    twice = attrs.evolve(person, roles=(*person.roles, person.roles[0]))
    people = tuple(twice if p.id == person.id else p for p in seed.people)
    dossier = attrs.evolve(seed, people=people)
    copy = attrs.evolve(dossier, article=attrs.evolve(dossier.article, id="another-article"))
    corpus = dm.Corpus([dossier, copy])
    assert corpus.get(person.id) == twice
    assert corpus.conflicts == ()
    assert len(corpus.roles_of(person.id)) == len(twice.roles)


def test_the_mentions_of_a_thing_known_by_two_ids_are_the_same_under_either() -> None:
    corpus = dm.Corpus([dm.load(path) for path in sorted(MERGE.glob("*.toml"))])
    one, other = corpus.mentions("portugal-mfa"), corpus.mentions("pt-foreign-ministry")
    assert one == other
    by_article = [
        len(dossier.mentions(id))
        for dossier in corpus.dossiers
        for id in ("portugal-mfa", "pt-foreign-ministry")
        if id in dossier
    ]
    assert len(one) == sum(by_article)  # every article's mentions, under either id


def test_queries_hand_out_the_lookups_own_tuples() -> None:
    corpus = dm.Corpus([dm.load(path) for path in sorted(MERGE.glob("*.toml"))])
    assert corpus.conflicts
    speaker = next(p.id for p in corpus.people if corpus.statements_by(p.id))
    participant = next(p.id for p in corpus.people if corpus.interactions(p.id))
    topic = next(t for d in corpus.dossiers for said in d.statements for t in said.topics)
    asked: list[Callable[[], Any]] = [
        lambda: corpus.conflicts,
        lambda: corpus.statements_by(speaker),
        lambda: corpus.statements_where(topic=topic),
        lambda: corpus.interactions(participant),
        lambda: corpus.events_involving(participant),
        lambda: corpus.timeline(include_planned=False),
    ]
    for ask in asked:
        answer = ask()
        assert isinstance(answer, tuple)
        assert answer
        assert ask() is answer


def test_loading_a_corpus_of_files_pauses_the_collector() -> None:
    collections: list[int] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(1)

    paths = sorted(MERGE.glob("*.toml"))
    thresholds = gc.get_threshold()
    gc.set_threshold(10)  # a collection every few new objects, unless paused
    gc.callbacks.append(note)
    try:
        corpus = dm.Corpus.load(paths)
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*thresholds)
    assert len(corpus.dossiers) == len(paths)
    assert len(collections) <= 2  # at the pause's edges; unpaused, hundreds
    assert gc.isenabled()
