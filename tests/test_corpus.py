"""A corpus: the seed with a second small article, and the command line on the merge fixtures."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest

import diplomodel as dm
from diplomodel import cli
from diplomodel import corpus as corpus_module
from diplomodel import dossier as dossier_module
from diplomodel.cli import main
from diplomodel.errors import NotFoundError, shorten_path
from diplomodel.merge import World
from diplomodel.queries import QueryIndex, cached_index

SECOND = Path(__file__).parent / "fixtures" / "second" / "talks.toml"


@pytest.fixture(scope="module")
def corpus() -> dm.Corpus:
    return dm.Corpus([dm.load_seed(), dm.load(SECOND)])


def test_shared_people_are_merged_without_conflict(corpus: dm.Corpus) -> None:
    assert corpus.conflicts == ()
    assert corpus.check() is corpus
    assert len(corpus.people) == 10  # the second article adds no new person
    iwaya = corpus.get("takeshi-iwaya")
    assert isinstance(iwaya, dm.Person)
    assert iwaya.aliases == ("Iwaya",)  # only the second article uses the alias
    assert [article for article, _v in corpus.sources("takeshi-iwaya")] == [
        "gt-2025-01-14-japan-ruling-coalition-beijing",
        "fixture-foreign-ministers-talks",
    ]
    wang_yi = corpus.get("wang-yi")
    assert isinstance(wang_yi, dm.Person)
    assert [r.title for r in wang_yi.roles] == [
        "member of the Political Bureau",
        "foreign minister",
    ]


def test_queries_run_across_articles(corpus: dm.Corpus) -> None:
    assert [s.id for s in corpus.statements_by("wang-yi")] == [
        "wang-yi-close-neighbors",
        "wang-yi-important-opportunity",
        "wang-yi-constructive-relationship",
    ]
    meetings = {(i.article, i.event.id) for i in corpus.interactions("takeshi-iwaya")}
    assert meetings == {
        ("gt-2025-01-14-japan-ruling-coalition-beijing", "foreign-ministers-talks-2024-12"),
        ("fixture-foreign-ministers-talks", "beijing-talks-2024-12-25"),
    }
    timeline = [e.event.id for e in corpus.timeline()]
    assert timeline.index("foreign-ministers-talks-2024-12") < timeline.index(
        "beijing-talks-2024-12-25"
    )
    assert timeline.index("beijing-talks-2024-12-25") < timeline.index(
        "wang-huning-meets-delegation"
    )
    mentions = {site.article for site in corpus.mentions("takeshi-iwaya")}
    assert mentions == {
        "gt-2025-01-14-japan-ruling-coalition-beijing",
        "fixture-foreign-ministers-talks",
    }
    assert corpus.article_of("resume-economic-dialogue") == "fixture-foreign-ministers-talks"
    assert [c.id for c in corpus.consensus_where(party="takeshi-iwaya")] == [
        "people-to-people-exchanges-2024-12",
        "resume-economic-dialogue",
    ]


def test_conflicting_facts_are_reported_not_picked(corpus: dm.Corpus) -> None:
    seed, second = corpus.dossiers
    renamed = attrs.evolve(second.people[1], country="cn")
    changed = attrs.evolve(second, people=(second.people[0], renamed))
    disputed = dm.Corpus([seed, changed])
    (conflict,) = disputed.conflicts
    assert (conflict.id, conflict.field) == ("takeshi-iwaya", "country")
    assert conflict.values == (
        ("gt-2025-01-14-japan-ruling-coalition-beijing", "jp"),
        ("fixture-foreign-ministers-talks", "cn"),
    )
    with pytest.raises(dm.ValidationError, match=r"takeshi-iwaya\.country differs"):
        disputed.check()


def test_one_id_for_two_different_events_gives_a_conflict_on_the_facts_that_differ(
    corpus: dm.Corpus,
) -> None:
    seed, second = corpus.dossiers
    clash = attrs.evolve(second.events[0], id="mechanism-meeting-9")
    changed = attrs.evolve(
        second,
        events=(clash,),
        statements=tuple(attrs.evolve(s, event="mechanism-meeting-9") for s in second.statements),
        consensus_items=tuple(
            attrs.evolve(c, event="mechanism-meeting-9") for c in second.consensus_items
        ),
    )
    conflicts = {c.field: c for c in dm.Corpus([seed, changed]).conflicts}
    assert all(c.id == "mechanism-meeting-9" for c in conflicts.values())
    assert conflicts["kind"].values == (
        ("gt-2025-01-14-japan-ruling-coalition-beijing", "mechanism-session"),
        ("fixture-foreign-ministers-talks", "talks"),
    )


def test_one_id_for_two_kinds_of_thing_is_a_conflict(corpus: dm.Corpus) -> None:
    seed, second = corpus.dossiers
    clash = attrs.evolve(second.consensus_items[0], id="mechanism-meeting-9")
    changed = attrs.evolve(second, consensus_items=(clash,))
    (conflict,) = dm.Corpus([seed, changed]).conflicts
    assert (conflict.id, conflict.field) == ("mechanism-meeting-9", "id")
    assert conflict.values == (
        ("gt-2025-01-14-japan-ruling-coalition-beijing", "event"),
        ("fixture-foreign-ministers-talks", "consensus item"),
    )


def test_a_corpus_loads_curation_files_and_json_dumps(tmp_path: Path) -> None:
    dump = tmp_path / "seed.json"
    dump.write_text(dm.to_json(dm.load_seed()), encoding="utf-8")
    corpus = dm.Corpus.load([dump, SECOND])
    assert [d.article.id for d in corpus.dossiers] == [
        "gt-2025-01-14-japan-ruling-coalition-beijing",
        "fixture-foreign-ministers-talks",
    ]
    tables = dm.to_records(corpus)
    assert len(tables["articles"]) == 2
    assert len(tables["people"]) == 10  # merged: one row per person
    assert {r["article"] for r in tables["statements"]} == {
        "gt-2025-01-14-japan-ruling-coalition-beijing",
        "fixture-foreign-ministers-talks",
    }


def test_a_corpus_takes_only_dossiers() -> None:
    with pytest.raises(TypeError, match=r"dossiers\[0\] is a str"):
        dm.Corpus(["seed.toml"])  # type: ignore[list-item]


def test_lookup_in_a_corpus_works_as_in_a_dossier(corpus: dm.Corpus) -> None:
    assert "resume-economic-dialogue" in corpus
    assert "nobody" not in corpus
    assert corpus.get("wang-yi", dm.Person).name == "Wang Yi"
    with pytest.raises(LookupError, match="'wang-yi' is a person, not an event"):
        corpus.get("wang-yi", dm.Event)


def test_a_corpus_refuses_what_is_not_a_list_of_dossiers(corpus: dm.Corpus) -> None:
    with pytest.raises(TypeError, match=r"dossiers\[1\] is a str 'x', not a Dossier"):
        dm.Corpus([corpus.dossiers[0], "x"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="dossiers must be an iterable of Dossier objects"):
        dm.Corpus(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"\(Corpus\.load reads files\), got str 'seed\.toml'"):
        dm.Corpus("seed.toml")  # type: ignore[arg-type]


def test_lookups_in_a_corpus_raise_not_found_errors(corpus: dm.Corpus) -> None:
    with pytest.raises(NotFoundError, match="no object with id 'nobody'"):
        corpus.sources("nobody")
    with pytest.raises(NotFoundError, match="'wang-yi' is a person, not an event"):
        corpus.get("wang-yi", dm.Event)


def test_the_lazy_index_is_built_once_under_many_threads(
    corpus: dm.Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[int] = []

    class CountingIndex(QueryIndex):
        def __init__(self, dossiers: Sequence[dm.Dossier], world: World | None = None) -> None:
            builds.append(1)
            time.sleep(0.05)  # widen the window in which other threads could start a build
            super().__init__(dossiers, world)

    monkeypatch.setattr(corpus_module, "QueryIndex", CountingIndex)
    fresh = dm.Corpus(corpus.dossiers)
    start = threading.Barrier(16)

    def ask() -> tuple[str, ...]:
        start.wait()
        return tuple(e.event.id for e in fresh.timeline())

    with ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(lambda _: ask(), range(16)))
    assert len(builds) == 1
    assert len(set(answers)) == 1
    assert answers[0] == tuple(e.event.id for e in corpus.timeline())


def test_a_dossiers_lazy_index_is_built_once_under_many_threads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    builds: list[int] = []

    class CountingIndex(QueryIndex):
        def __init__(self, dossiers: Sequence[dm.Dossier]) -> None:
            builds.append(1)
            time.sleep(0.05)
            super().__init__(dossiers)

    monkeypatch.setattr(dossier_module, "QueryIndex", CountingIndex)
    fresh = dm.from_json(dm.to_json(dm.load_seed()), dm.Dossier)
    start = threading.Barrier(16)

    def ask() -> int:
        start.wait()
        return len(fresh.statements_where(mode="paraphrase"))

    with ThreadPoolExecutor(16) as pool:
        answers = set(pool.map(lambda _: ask(), range(16)))
    assert len(builds) == 1
    assert answers == {14}


def test_cached_index_builds_once_for_any_owner(corpus: dm.Corpus) -> None:
    # The helper a dossier uses too: an owner with a slot that starts empty.
    class Owner:
        _index: QueryIndex | None = None

    owner = Owner()
    builds: list[int] = []

    def build() -> QueryIndex:
        builds.append(1)
        time.sleep(0.05)
        return QueryIndex(corpus.dossiers)

    start = threading.Barrier(16)

    def ask() -> QueryIndex:
        start.wait()
        return cached_index(owner, build)

    with ThreadPoolExecutor(16) as pool:
        indexes = list(pool.map(lambda _: ask(), range(16)))
    assert len(builds) == 1
    assert all(index is indexes[0] for index in indexes)
    assert len(indexes[0].statements) == sum(len(d.statements) for d in corpus.dossiers)


def test_corpus_and_conflict_reprs_are_one_line(corpus: dm.Corpus) -> None:
    assert repr(corpus) == (
        "Corpus(articles=['gt-2025-01-14-japan-ruling-coalition-beijing', "
        "'fixture-foreign-ministers-talks'], people=10, institutions=27, countries=3, "
        "events=13, statements=20, conflicts=0)"
    )
    seed, second = corpus.dossiers
    renamed = attrs.evolve(second.people[1], country="cn")
    disputed = dm.Corpus([seed, attrs.evolve(second, people=(second.people[0], renamed))])
    (conflict,) = disputed.conflicts
    assert repr(conflict) == (
        "Conflict(id='takeshi-iwaya', field='country', values={"
        "'gt-2025-01-14-japan-ruling-coalition-beijing': 'jp', "
        "'fixture-foreign-ministers-talks': 'cn'})"
    )


def test_the_merged_kinds_are_gathered_once_under_many_threads(corpus: dm.Corpus) -> None:
    fresh = dm.Corpus(corpus.dossiers)
    start = threading.Barrier(8)

    def ask(_: int) -> tuple[tuple[dm.Person, ...], tuple[dm.Institution, ...]]:
        start.wait()
        return fresh.people, fresh.institutions

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, range(8)))
    # One tuple per kind, kept: later calls (and the repr) scan nothing again.
    assert all(people is answers[0][0] for people, _ in answers)
    assert all(institutions is answers[0][1] for _, institutions in answers)
    assert fresh.countries is fresh.countries
    assert [p.id for p in fresh.people] == [p.id for p in corpus.people]
    assert all(isinstance(p, dm.Person) for p in fresh.people)
    assert len(fresh.countries) == 3


def test_a_big_corpus_repr_stays_one_short_line() -> None:
    seed = dm.load_seed()
    text = dm.to_json(seed)
    copies = [
        dm.from_json(text.replace(seed.article.id, f"copy-{n}"), dm.Dossier) for n in range(50)
    ]
    shown = repr(dm.Corpus(copies))
    assert len(shown) < 250
    assert "'copy-0', 'copy-1', 'copy-2', \u2026 47 more" in shown


# -- the command line on a corpus ----------------------------------------------

MERGE = Path(__file__).parent / "fixtures" / "merge"
AGREEING = [str(MERGE / f"{name}.toml") for name in ("preview", "report", "review")]
CONTRADICTING = str(MERGE / "contradicting.toml")
RUMOUR = "rumour-gazette-2025-03-14-harbour-rumours"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_summary_of_several_articles_counts_the_merged_world(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "summary", "--strict", *AGREEING)
    assert (code, err) == (0, "")
    assert "2 people, 3 institutions, 2 countries, 1 event, 3 statements, 1 consensus item" in out
    assert "Ana Ferreira (PT): foreign minister, Ministry of Foreign Affairs of Portugal\n" in out
    assert (
        "2025-03-12  took-place Ana Ferreira and Lars Holm hold talks in Lisbon (3 articles)" in out
    )
    assert out.endswith("\nno conflicts between the articles\n")


def test_summary_shows_the_conflicts_and_strict_makes_them_fail(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "summary", *AGREEING, CONTRADICTING)
    assert code == 0
    conflicts = out[out.index("6 conflicts between the articles") :]
    assert "  pt-foreign-ministry.parent:\n" in conflicts
    assert f"    'pt-presidency' in {RUMOUR}\n" in conflicts
    assert f"    '2025-02 (in February)' in {RUMOUR}\n" in conflicts
    assert "1 event," in out  # the contradicting report is still the same meeting
    code, _, _ = run(capsys, "summary", "--strict", *AGREEING, CONTRADICTING)
    assert code == 1
    code, out, _ = run(capsys, "summary", "--json", *AGREEING, CONTRADICTING)
    report = json.loads(out)
    assert report["counts"]["events"] == 1
    fields = {(c["id"], c["field"]) for c in report["conflicts"]}
    assert ("lars-holm", "country") in fields
    assert len(fields) == 6


def test_an_article_given_twice_is_an_error_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "summary", AGREEING[0], AGREEING[1], AGREEING[0])
    assert (code, out) == (1, "")
    assert "the same article is given twice" in err
    # The corpus's check, its places in the corpus told as the files read.
    (problem,) = [line for line in err.splitlines() if line.startswith("  - ")]
    preview = shorten_path(AGREEING[0])
    assert problem == (
        f"  - {preview}: duplicate article id 'harbour-ledger-2025-03-03-holm-to-visit-lisbon', "
        f"first at {preview}; an article counts once in a corpus"
    )
    assert "$.dossiers" not in err
    code, _, err = run(capsys, "validate", AGREEING[0], AGREEING[0])
    assert code == 1
    assert "the same article is given twice" in err


def test_validate_checks_the_set(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", *AGREEING)
    assert code == 0
    assert out.endswith("the set of 3 articles: valid, no conflicts between the articles\n")
    code, out, err = run(capsys, "validate", *AGREEING, CONTRADICTING)
    assert code == 1
    assert "contradicting.toml: valid" in out  # valid alone
    assert "diplomodel: the articles disagree: 6 conflicts" in err
    assert "  - lars-holm.country: differs between articles (" in err
    code, out, _ = run(capsys, "validate", "--json", *AGREEING, CONTRADICTING)
    *files, whole = json.loads(out)
    assert [f["valid"] for f in files] == [True] * 4
    assert (whole["valid"], whole["articles"], len(whole["conflicts"])) == (False, 4, 6)


def test_export_of_several_articles_writes_a_corpus_every_command_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "corpus.json"
    assert run(capsys, "export", *AGREEING, "--output", str(target))[0] == 0
    assert dm.from_json(target.read_text("utf-8"), dm.Corpus) == dm.Corpus.load(AGREEING)
    code, out, _ = run(capsys, "summary", str(target))
    assert code == 0
    assert "1 event, 3 statements" in out
    assert out.endswith("no conflicts between the articles\n")
    code, out, _ = run(capsys, "validate", str(target))
    assert code == 0
    assert out.count(f"{target} [") == 3
    code, out, _ = run(capsys, "timeline", str(target), CONTRADICTING)
    assert "(4 articles)" in out
    # A corpus file and one of its articles again: the article counts once, or is an error.
    code, _, err = run(capsys, "people", str(target), AGREEING[1])
    assert code == 1
    assert f"  - {shorten_path(AGREEING[1])}: duplicate article id" in err
    assert f"first at {shorten_path(str(target))};" in err


def test_a_corpus_on_standard_input_is_read_as_a_corpus() -> None:
    text = dm.to_json(dm.Corpus.load(AGREEING))
    out = io.StringIO()
    assert cli._run(["timeline", "-"], out, io.BytesIO(text.encode("utf-8"))) == 0
    assert "hold talks in Lisbon (3 articles)" in out.getvalue()
