"""One world across articles: four fixture reports of one meeting, merged field by field."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from conftest import calls_made
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import dossiers as dossier_strategy

import diplomodel as dm
from diplomodel import corpus as corpus_module
from diplomodel.loader import loads_curation
from diplomodel.merge import World
from diplomodel.queries import QueryIndex

FIXTURES = Path(__file__).parent / "fixtures" / "merge"
PREVIEW, REPORT, REVIEW, CONTRADICTING = (
    FIXTURES / f"{name}.toml" for name in ("preview", "report", "review", "contradicting")
)
TALKS = "pt-no-foreign-ministers-talks-2025-03"


@pytest.fixture(scope="module")
def dossiers() -> dict[str, dm.Dossier]:
    return {path.stem: dm.load(path) for path in (PREVIEW, REPORT, REVIEW, CONTRADICTING)}


@pytest.fixture(scope="module")
def world(dossiers: dict[str, dm.Dossier]) -> dm.Corpus:
    """The three reports that agree."""
    return dm.Corpus([dossiers["preview"], dossiers["report"], dossiers["review"]])


@pytest.fixture(scope="module")
def disputed(dossiers: dict[str, dm.Dossier]) -> dm.Corpus:
    """The three reports and the one that contradicts them."""
    return dm.Corpus(list(dossiers.values()))


def article(dossiers: dict[str, dm.Dossier], name: str) -> str:
    return dossiers[name].article.id


def test_three_reports_of_one_meeting_merge_without_a_conflict(world: dm.Corpus) -> None:
    assert world.conflicts == ()
    assert world.check() is world
    assert len(world.events) == 1
    assert [p.id for p in world.people] == ["lars-holm", "ana-ferreira"]
    assert [i.id for i in world.institutions] == [
        "pt-foreign-ministry",
        "no-foreign-ministry",
        "pt-government",
    ]


def test_date_windows_are_intersected(world: dm.Corpus, dossiers: dict[str, dm.Dossier]) -> None:
    # "next week" (a week), "on Wednesday" (a day), "in March" (a month): one day.
    windows = [d.events[0].date for name, d in dossiers.items() if name != "contradicting"]
    assert [w.precision.value for w in windows if w is not None] == ["week", "day", "month"]
    talks = world.get(TALKS, dm.Event)
    assert talks.date is not None
    assert (talks.date.earliest, talks.date.latest) == (dt.date(2025, 3, 12),) * 2
    assert talks.date.text == "on Wednesday"


def test_each_window_keeps_its_articles(world: dm.Corpus, dossiers: dict[str, dm.Dossier]) -> None:
    dated = {a.value.edtf: a.articles for a in world.attestations(TALKS, "date")}
    assert dated == {
        "[2025-03-10..2025-03-16]": (article(dossiers, "preview"),),
        "2025-03-12": (article(dossiers, "report"),),
        "2025-03": (article(dossiers, "review"),),
    }


def test_overlapping_windows_give_their_common_days(dossiers: dict[str, dm.Dossier]) -> None:
    # "mid-March" (11-20) and "next week" (10-16) overlap, neither inside the other.
    report = dossiers["report"]
    mid_march = dm.resolve_date("mid-March", report.article.published)
    moved = attrs.evolve(report.events[0], date=mid_march)
    corpus = dm.Corpus([dossiers["preview"], attrs.evolve(report, events=(moved,))])
    date = corpus.get(TALKS, dm.Event).date
    assert date is not None
    assert (date.earliest, date.latest) == (dt.date(2025, 3, 11), dt.date(2025, 3, 16))
    assert corpus.conflicts == ()


def test_a_status_that_changes_between_days_is_history(
    world: dm.Corpus, dossiers: dict[str, dm.Dossier]
) -> None:
    assert world.get(TALKS, dm.Event).status is dm.EventStatus.TOOK_PLACE
    history = [(r.published.isoformat(), r.status.value) for r in world.history(TALKS)]
    assert history == [
        ("2025-03-03", "planned"),
        ("2025-03-13", "took-place"),
        ("2025-04-02", "took-place"),
    ]
    assert world.history(TALKS)[0].article == article(dossiers, "preview")


def test_statuses_of_one_day_that_differ_are_a_conflict(dossiers: dict[str, dm.Dossier]) -> None:
    preview, report = dossiers["preview"], dossiers["report"]
    same_day = attrs.evolve(preview.article, published=report.article.published)
    corpus = dm.Corpus([attrs.evolve(preview, article=same_day), report])
    (conflict,) = corpus.conflicts
    assert (conflict.id, conflict.field) == (TALKS, "status")
    assert conflict.values == (
        (preview.article.id, "planned"),
        (report.article.id, "took-place"),
    )


def test_the_more_specific_part_stands(world: dm.Corpus) -> None:
    parts = {p.participant: p.part for p in world.get(TALKS, dm.Event).participants}
    assert parts == {"ana-ferreira": dm.ParticipantPart.HOST, "lars-holm": dm.ParticipantPart.GUEST}
    by_part = {
        (a.value.participant, a.value.part.value): len(a.articles)
        for a in world.attestations(TALKS, "participants")
    }
    assert by_part == {
        ("lars-holm", "participant"): 2,
        ("ana-ferreira", "participant"): 2,
        ("ana-ferreira", "host"): 1,
        ("lars-holm", "guest"): 1,
    }


def test_roles_merge_up_to_case_and_spacing(world: dm.Corpus) -> None:
    # "foreign minister", "Foreign Minister", "Foreign  minister": one post.
    ferreira = world.get("ana-ferreira", dm.Person)
    assert [(r.title, r.institution) for r in ferreira.roles] == [
        ("foreign minister", "pt-foreign-ministry")
    ]
    titles = [a.value.title for a in world.attestations("ana-ferreira", "roles")]
    assert titles == ["foreign minister"]
    (said,) = world.attestations("ana-ferreira", "roles")
    assert len(said.articles) == 3
    assert len(world.roles_of("pt-foreign-ministry")) == 1


def test_names_gather_and_never_conflict(world: dm.Corpus) -> None:
    assert world.names("pt-foreign-ministry") == (
        "Ministry of Foreign Affairs of Portugal",
        "Portuguese Foreign Ministry",
        "Foreign Ministry of Portugal",
    )
    assert world.get("pt-foreign-ministry").name == "Ministry of Foreign Affairs of Portugal"
    assert [i.id for i in world.named("Foreign Ministry of Portugal")] == ["pt-foreign-ministry"]
    assert world.names(TALKS)[1:] == (
        "Portugal-Norway foreign ministers' talks",
        "Ferreira-Holm talks",
    )


def test_same_as_makes_two_ids_one_thing(world: dm.Corpus, dossiers: dict[str, dm.Dossier]) -> None:
    assert world.get("portugal-mfa") is world.get("pt-foreign-ministry")
    assert [a for a, _v in world.sources("portugal-mfa")] == [
        article(dossiers, "preview"),
        article(dossiers, "report"),
        article(dossiers, "review"),
    ]
    # The review's own references to its id now name the merged thing.
    _review, version = world.sources("ana-ferreira")[2]
    assert isinstance(version, dm.Person)
    assert version.roles[0].institution == "pt-foreign-ministry"
    assert "portugal-mfa" not in {i.id for i in world.institutions}


def test_a_fact_given_by_one_article_is_kept(world: dm.Corpus) -> None:
    # Only the wire report says which body the ministry sits in.
    ministry = world.get("pt-foreign-ministry", dm.Institution)
    assert ministry.parent == "pt-government"
    (parent,) = world.attestations("pt-foreign-ministry", "parent")
    assert parent.articles == ("north-sea-wire-2025-03-13-fisheries-working-group",)


def test_each_article_keeps_its_own_evidence(
    world: dm.Corpus, dossiers: dict[str, dm.Dossier]
) -> None:
    evidence = world.attestations("lars-holm", "evidence")
    assert [a.articles for a in evidence] == [
        (article(dossiers, name),) for name in ("preview", "report", "review")
    ]
    for said in evidence:
        text = next(d.article.text for d in dossiers.values() if d.article.id == said.articles[0])
        assert all(text[e.start : e.end] == e.quote for e in said.value)
    assert {s.article for s in world.mentions("lars-holm")} == {
        article(dossiers, name) for name in ("preview", "report", "review")
    }


def test_consensus_items_merge_and_statements_stay_with_their_article(
    world: dm.Corpus, dossiers: dict[str, dm.Dossier]
) -> None:
    (item,) = world.consensus_where(party="lars-holm")
    assert [a for a, _v in world.sources(item.id)] == [
        article(dossiers, "report"),
        article(dossiers, "review"),
    ]
    assert [s.id for s in world.statements_by("lars-holm")] == [
        "holm-build-together",
        "holm-ferry-budget",
    ]


def test_the_contradicting_report_gives_conflicts_naming_field_values_and_articles(
    disputed: dm.Corpus, dossiers: dict[str, dm.Dossier]
) -> None:
    rumour = article(dossiers, "contradicting")
    found = {(c.id, c.field): dict(c.values) for c in disputed.conflicts}
    assert set(found) == {
        ("pt-foreign-ministry", "parent"),
        ("lars-holm", "country"),
        (TALKS, "date"),
        (TALKS, "place"),
        (TALKS, "participants[lars-holm].part"),
        (TALKS, "participants[ana-ferreira].part"),
    }
    assert found[("pt-foreign-ministry", "parent")] == {
        article(dossiers, "report"): "pt-government",
        rumour: "pt-presidency",
    }
    assert found[("lars-holm", "country")][rumour] == "dk"
    assert found[(TALKS, "date")][rumour] == "2025-02 (in February)"
    assert found[(TALKS, "date")][article(dossiers, "report")] == "2025-03-12 (on Wednesday)"
    assert found[(TALKS, "place")][rumour] == {"name": "Porto", "country": "pt"}
    assert found[(TALKS, "participants[lars-holm].part")] == {
        article(dossiers, "preview"): "participant",
        article(dossiers, "report"): "guest",
        article(dossiers, "review"): "participant",
        rumour: "host",
    }
    with pytest.raises(dm.ValidationError) as raised:
        disputed.check()
    assert len(raised.value.problems) == 6
    assert "pt-foreign-ministry.parent differs between articles" in str(raised.value)


def test_a_conflict_keeps_the_first_articles_value(disputed: dm.Corpus) -> None:
    talks = disputed.get(TALKS, dm.Event)
    assert talks.place is not None
    assert talks.place.name == "Lisbon"
    assert disputed.get("lars-holm", dm.Person).country == "no"


def test_an_article_given_twice_is_an_error(dossiers: dict[str, dm.Dossier]) -> None:
    with pytest.raises(dm.ValidationError) as raised:
        dm.Corpus([dossiers["preview"], dossiers["report"], dossiers["preview"]])
    (problem,) = raised.value.problems
    assert problem.path == "$.dossiers[2].article.id"
    assert (
        "duplicate article id 'harbour-ledger-2025-03-03-holm-to-visit-lisbon'" in problem.message
    )
    assert "first at $.dossiers[0]" in problem.message


def test_attestations_refuse_an_unknown_field(world: dm.Corpus) -> None:
    with pytest.raises(dm.ValidationError, match="'colour' is not one of: id, name"):
        world.attestations("lars-holm", "colour")
    with pytest.raises(dm.NotFoundError, match="no object with id 'nobody'"):
        world.attestations("nobody", "name")


# -- queries over the merged world ----------------------------------------------


def test_queries_give_the_merged_event_once_with_its_sources(world: dm.Corpus) -> None:
    (entry,) = world.timeline()
    assert entry.event.id == TALKS
    assert entry.sources == tuple(d.article.id for d in world.dossiers)
    assert entry.date is not None
    assert entry.date.edtf == "2025-03-12"
    assert [e.id for e in world.events_involving("lars-holm")] == [TALKS]
    (meeting,) = world.interactions()
    assert meeting.pair == {"lars-holm", "ana-ferreira"}
    assert meeting.sources == entry.sources
    assert [e.id for e in world.events_where(status="took-place")] == [TALKS]


def test_interactions_filter_by_status_and_sides(dossiers: dict[str, dm.Dossier]) -> None:
    planned_only = dm.Corpus([dossiers["preview"]])
    assert len(planned_only.interactions()) == 1
    assert planned_only.interactions(took_place=True) == ()
    seed = dm.load_seed()
    everyone = seed.interactions()
    across = seed.interactions(across_sides=True)
    countries = {p.id: p.country for p in seed.people}
    same_side = [
        i for i in everyone if i.pair <= set(countries) and len({countries[p] for p in i.pair}) == 1
    ]
    assert same_side  # the delegation's members travelled together
    assert not set(map(id, same_side)) & set(map(id, across))
    assert any(i.pair == {"wang-yi", "hiroshi-moriyama"} for i in across)
    assert not any(i.pair == {"hiroshi-moriyama", "makoto-nishida"} for i in across)


def _copies(dossiers: list[dm.Dossier], n: int) -> list[dm.Dossier]:
    """The dossiers and ``n - 1`` copies of them in which every id is another."""
    copies = list(dossiers)
    ids = {d.article.id for d in dossiers} | {e.id for d in dossiers for e in d.entities()}
    ids |= {other for d in dossiers for e in d.entities() for other in getattr(e, "same_as", ())}
    for copy in range(1, n):
        for dossier in dossiers:
            text = dm.to_json(dossier)
            for id in ids:
                text = text.replace(json.dumps(id), json.dumps(f"{id}-copy-{copy}"))
            copies.append(dm.from_json(text, dm.Dossier))
    return copies


def test_queries_on_a_corpus_cost_the_size_of_their_answer(
    dossiers: dict[str, dm.Dossier],
) -> None:
    agreeing = [dossiers["preview"], dossiers["report"], dossiers["review"]]
    small, large = dm.Corpus(_copies(agreeing, 3)), dm.Corpus(_copies(agreeing, 9))
    assert len(large.events) == 3 * len(small.events)
    queries: list[Callable[[dm.Corpus], Any]] = [
        lambda c: c.events_involving("lars-holm"),
        lambda c: c.interactions("lars-holm", took_place=True, across_sides=True),
        lambda c: c.statements_by("lars-holm"),
        lambda c: c.roles_of("portugal-mfa"),
        lambda c: c.consensus_where(party="ana-ferreira"),
        lambda c: c.mentions("lars-holm"),
        lambda c: c.named("lars-holm"),
        lambda c: c.sources("portugal-mfa"),
        lambda c: c.attestations(TALKS, "date"),
        lambda c: c.history(TALKS),
    ]
    for corpus in (small, large):
        for query in queries:
            query(corpus)  # the index is built once, on first use
    for query in queries:
        assert query(small) == query(large)
        assert calls_made(lambda q=query: q(small)) == calls_made(lambda q=query: q(large))


def test_a_corpus_repr_and_its_kinds_cost_the_same_however_big_it_is(
    dossiers: dict[str, dm.Dossier],
) -> None:
    agreeing = [dossiers["preview"], dossiers["report"], dossiers["review"]]
    small, large = dm.Corpus(_copies(agreeing, 3)), dm.Corpus(_copies(agreeing, 9))
    for corpus in (small, large):
        repr(corpus)  # the merged kinds are gathered once, on first use
    assert len(large.people) == 3 * len(small.people)
    asks: list[Callable[[dm.Corpus], Any]] = [
        repr,
        lambda c: c.people,
        lambda c: c.institutions,
        lambda c: c.countries,
    ]
    for ask in asks:
        assert calls_made(lambda a=ask: a(small)) == calls_made(lambda a=ask: a(large))


def test_the_merged_world_and_its_index_are_built_once(
    dossiers: dict[str, dm.Dossier], monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []

    class CountingWorld(World):
        def __init__(self, found: Any) -> None:
            built.append("world")
            super().__init__(found)

    class CountingIndex(QueryIndex):
        def __init__(self, found: Any, world: World | None = None) -> None:
            built.append("index")
            super().__init__(found, world)

    monkeypatch.setattr(corpus_module, "World", CountingWorld)
    monkeypatch.setattr(corpus_module, "QueryIndex", CountingIndex)
    corpus = dm.Corpus(list(dossiers.values()))
    assert built == []  # nothing is merged until asked
    for _ in range(3):
        assert len(corpus.conflicts) == 6
        corpus.timeline()
        corpus.interactions("lars-holm")
    assert built == ["world", "index"]


# -- one corpus file format -------------------------------------------------------


def test_a_corpus_is_written_and_read_as_one_format(world: dm.Corpus, tmp_path: Path) -> None:
    text = dm.to_json(world)
    assert list(json.loads(text)) == ["dossiers"]
    assert dm.from_json(text, dm.Corpus) == world
    path = tmp_path / "corpus.json"
    path.write_text(text, encoding="utf-8")
    assert dm.read_corpus(path) == world
    assert dm.Corpus.load([path]) == world
    assert dm.read_corpus(PREVIEW).dossiers == (world.dossiers[0],)


def test_a_corpus_file_with_an_article_twice_is_refused(world: dm.Corpus, tmp_path: Path) -> None:
    data = json.loads(dm.to_json(world))
    data["dossiers"].append(data["dossiers"][0])
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(dm.ValidationError) as raised:
        dm.read_corpus(path)
    assert raised.value.summary.startswith("twice.json: ") or "twice.json" in str(raised.value)
    assert [p.path for p in raised.value.problems] == ["$.dossiers[3].article.id"]


def test_a_corpus_file_with_a_bad_dossier_names_its_path(world: dm.Corpus) -> None:
    data = json.loads(dm.to_json(world))
    data["dossiers"][1]["events"][0]["status"] = "happened"
    with pytest.raises(dm.ValidationError) as raised:
        dm.from_json(json.dumps(data), dm.Corpus)
    paths = [p.path for p in raised.value.problems]
    assert "$.dossiers[1].events[0].status" in paths


# -- tables ---------------------------------------------------------------------


def test_tables_carry_articles_sources_and_edges(
    world: dm.Corpus, dossiers: dict[str, dm.Dossier]
) -> None:
    tables = dm.to_records(world)
    for name in (
        "statement_speakers",
        "statement_topics",
        "consensus_parties",
        "consensus_topics",
        "participations",
        "roles",
    ):
        assert tables[name], name
        assert all(row["article"] in {d.article.id for d in world.dossiers} for row in tables[name])
    talks = next(row for row in tables["entities"] if row["id"] == TALKS)
    assert (talks["kind"], talks["source_count"]) == ("event", 3)
    assert talks["sources"] == [d.article.id for d in world.dossiers]
    ministry = next(row for row in tables["entities"] if row["id"] == "pt-foreign-ministry")
    assert ministry["other_names"] == [
        "Portuguese Foreign Ministry",
        "Foreign Ministry of Portugal",
    ]
    (edge,) = tables["interactions"]
    assert {edge["first"], edge["second"]} == {"lars-holm", "ana-ferreira"}
    assert (edge["status"], edge["edtf"], edge["across_sides"]) == (
        "took-place",
        "2025-03-12",
        True,
    )
    # A statement said at the talks takes the talks' merged date; one with neither
    # date nor event has none (it is not made up from the article's day).
    statements = {row["id"]: row for row in tables["statements"]}
    said_at_talks = statements["ferreira-same-ocean"]
    assert (said_at_talks["effective_date_source"], said_at_talks["effective_earliest"]) == (
        "event",
        "2025-03-12",
    )
    undated = statements["holm-ferry-budget"]
    assert (undated["effective_date_source"], undated["effective_earliest"]) == (None, None)


def test_a_field_without_a_rule_of_its_own_merges_when_equal_and_conflicts_when_not(
    world: dm.Corpus, dossiers: dict[str, dm.Dossier]
) -> None:
    # Every article calls the ministry a ministry: merged, no conflict.
    assert world.get("pt-foreign-ministry", dm.Institution).kind is dm.InstitutionKind.MINISTRY
    report = dossiers["report"]
    changed = tuple(
        attrs.evolve(i, kind=dm.InstitutionKind.STATE_BODY) if i.id == "pt-foreign-ministry" else i
        for i in report.institutions
    )
    corpus = dm.Corpus([dossiers["preview"], attrs.evolve(report, institutions=changed)])
    (conflict,) = corpus.conflicts
    assert (conflict.id, conflict.field, conflict.values) == (
        "pt-foreign-ministry",
        "kind",
        ((article(dossiers, "preview"), "ministry"), (article(dossiers, "report"), "state-body")),
    )


ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def fixture_article(name: str, *changes: tuple[str, str]) -> dm.Dossier:
    """A fixture article's curation with each ``(old, new)`` text replaced once."""
    text = (ARTICLES / f"{name}.toml").read_text("utf-8")
    for old, new in changes:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    return loads_curation(text, ARTICLES, f"{name}.toml")


def declared_same(id: str, other: str) -> tuple[str, str]:
    """The change that adds ``same_as = [other]`` to the thing ``id``."""
    return (f'id = "{id}"\n', f'id = "{id}"\nsame_as = ["{other}"]\n')


def test_same_as_naming_an_id_of_the_same_article_is_a_problem_of_the_curation() -> None:
    with pytest.raises(dm.CurationError) as raised:
        fixture_article("briefing", declared_same("takeshi-iwaya", "wang-yi"))
    (problem,) = raised.value.problems
    assert problem.path == 'people[1] ("takeshi-iwaya").same_as[0]'
    assert "'wang-yi' is the id of a person of this article" in problem.message


def test_two_things_of_one_article_made_one_through_other_articles_are_conflicts() -> None:
    # Neither curation names an id of its own article, but together they tie Wang Yi
    # and Iwaya into one: each article's list naming both would name one id twice.
    wire = fixture_article("wire-report", declared_same("takeshi-iwaya", "minister"))
    briefing = fixture_article("briefing", declared_same("wang-yi", "minister"))
    corpus = dm.Corpus([wire, briefing])
    found = {(c.id, c.field): c.values for c in corpus.conflicts}
    merged = corpus.get("minister").id
    assert [c.values for c in corpus.conflicts if c.field == "same_as"] == [
        ((article, "wang-yi"), (article, "takeshi-iwaya"))
        for article in (wire.article.id, briefing.article.id)
    ]
    assert {c.id for c in corpus.conflicts if c.field == "same_as"} == {merged}
    # The lists keep each article's own ids, and name the article and its value.
    assert found[("seafood-imports-timing", "parties")] == (
        (wire.article.id, ["wang-yi", "takeshi-iwaya"]),
    )
    assert found[("stay-in-close-touch", "parties")] == (
        (briefing.article.id, ["wang-yi", "takeshi-iwaya"]),
    )
    parties = corpus.get("stay-in-close-touch", dm.ConsensusItem).parties
    assert parties == ("wang-yi", "takeshi-iwaya")
    # Everything else reads the corpus as ever.
    assert len(corpus.timeline()) == len(corpus.events)
    assert all(len(i.pair) == 2 for i in corpus.interactions())
    assert [row["id"] for row in dm.to_records(corpus)["people"]] == [p.id for p in corpus.people]
    assert [p["id"] for p in dm.to_popolo(corpus)["persons"]] == [p.id for p in corpus.people]
    assert len(dm.to_plover(corpus)) == len(dm.to_plover(wire)) + len(dm.to_plover(briefing))


def test_values_that_cannot_be_merged_are_a_conflict_naming_every_article(
    tiny: dm.Dossier,
) -> None:
    # One article has Iwaya unnamed ("Japan's minister"), the other names him: his names
    # cannot join the unnamed person, and both articles' values are shown; what does
    # fit (the alias) is merged all the same.
    iwaya = tiny.get("takeshi-iwaya", dm.Person)
    unnamed = attrs.evolve(
        iwaya, name=None, family_name=None, given_name=None, description="Japan's minister"
    )
    first = attrs.evolve(
        tiny,
        article=attrs.evolve(tiny.article, id="unnamed"),
        people=tuple(unnamed if p is iwaya else p for p in tiny.people),
    )
    named = attrs.evolve(
        tiny,
        people=tuple(attrs.evolve(p, aliases=("Iwaya",)) if p is iwaya else p for p in tiny.people),
    )
    corpus = dm.Corpus([first, named])
    assert [(c.id, c.field, c.values) for c in corpus.conflicts] == [
        ("takeshi-iwaya", "family_name", (("unnamed", None), ("tiny", "Iwaya"))),
        ("takeshi-iwaya", "given_name", (("unnamed", None), ("tiny", "Takeshi"))),
    ]
    merged = corpus.get("takeshi-iwaya", dm.Person)
    assert (merged.name, merged.description, merged.aliases) == (
        None,
        "Japan's minister",
        ("Iwaya",),
    )


def test_a_statement_id_never_hides_another_articles_event() -> None:
    briefing_event = "cn-foreign-ministry-press-briefing-2024-12-26"
    wire = fixture_article(
        "wire-report",
        ('id = "wire-neighbours-firmer-footing"', f'id = "{briefing_event}"'),
    )
    briefing = fixture_article("briefing")
    corpus = dm.Corpus([wire, briefing])
    assert [c for c in corpus.conflicts if c.field == "id"] == []
    assert corpus.get(briefing_event, dm.Event) == briefing.get(briefing_event)
    assert briefing_event in {event.id for event in corpus.events}
    assert [a for a, _v in corpus.sources(briefing_event)] == [briefing.article.id]
    # The wire's statement stays its article's own.
    assert briefing_event in {s.id for s in corpus.statements_where()}


def test_ids_in_a_corpus_tables_are_keys_of_its_merged_tables(world: dm.Corpus) -> None:
    tables = dm.to_records(world)
    people = {row["id"] for row in tables["people"]}
    institutions = {row["id"] for row in tables["institutions"]}
    things = {row["id"] for row in tables["entities"]}
    # The review names the ministry portugal-mfa: its rows name the merged id.
    assert {row["institution"] for row in tables["roles"]} <= institutions
    assert "pt-foreign-ministry" in {row["institution"] for row in tables["roles"]}
    assert {row["participant"] for row in tables["participations"]} <= people | institutions
    assert {row["party"] for row in tables["consensus_parties"]} <= people | institutions
    assert {row["event"] for row in tables["participations"]} <= things
    assert "portugal-mfa" not in {row["owner"] for row in tables["evidence"]}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossier=dossier_strategy())
def test_a_dossier_merged_with_a_copy_of_itself_is_itself(dossier: dm.Dossier) -> None:
    copy = attrs.evolve(dossier, article=attrs.evolve(dossier.article, id="another-article"))
    corpus = dm.Corpus([dossier, copy])
    assert corpus.conflicts == ()
    for entity in dossier.entities():
        assert corpus.get(entity.id) == entity
        assert [a for a, _v in corpus.sources(entity.id)] == [dossier.article.id, "another-article"]
    assert [e.event for e in corpus.timeline()] == [e.event for e in dossier.timeline()]
    assert len(corpus.interactions()) == len(dossier.interactions())


def test_repeats_within_one_article_survive_a_merge_with_a_copy() -> None:
    """A list that names one thing twice, or a participant twice in two parts, merged
    with the same list of another article, is that list (found by the test above)."""
    seed = dm.load_seed()
    institution = seed.institutions[0]
    person = next(p for p in seed.people if p.aliases)
    event = next(e for e in seed.events if e.participants)
    first = event.participants[0]
    other_part = next(part for part in dm.ParticipantPart if part is not first.part)
    repeated = attrs.evolve(
        seed,
        institutions=(
            attrs.evolve(institution, abbreviations=("X", "Y", "X")),
            *seed.institutions[1:],
        ),
        people=tuple(
            attrs.evolve(p, aliases=(*p.aliases, p.aliases[0])) if p is person else p
            for p in seed.people
        ),
        events=tuple(
            attrs.evolve(
                e,
                participants=(
                    first,
                    attrs.evolve(first, part=other_part),
                    first,
                    *e.participants[1:],
                ),
            )
            if e is event
            else e
            for e in seed.events
        ),
    )
    copy = attrs.evolve(repeated, article=attrs.evolve(repeated.article, id="another-article"))
    corpus = dm.Corpus([repeated, copy])
    for entity in (*repeated.institutions[:1], *repeated.people, *repeated.events):
        assert corpus.get(entity.id) == entity


_MERGED_SECTIONS = ("countries", "institutions", "people", "events", "consensus_items")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=dossier_strategy(), second=dossier_strategy(), data=st.data())
def test_any_same_as_between_two_articles_merges_without_a_raw_error(
    first: dm.Dossier, second: dm.Dossier, data: st.DataObject
) -> None:
    # The second curation declares its things the same as any ids of the first (of
    # whatever kind): the merge may find conflicts, never raise.
    own = {e.id for e in second.entities()}
    others = sorted({e.id for e in first.entities()} - own)
    sections = {}
    for section in _MERGED_SECTIONS:
        sections[section] = tuple(
            attrs.evolve(
                e,
                same_as=tuple(
                    data.draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
                ),
            )
            if others
            else e
            for e in getattr(second, section)
        )
    article = attrs.evolve(second.article, id=f"{first.article.id}-other")
    corpus = dm.Corpus([first, attrs.evolve(second, article=article, **sections)])
    assert all(isinstance(c, dm.Conflict) for c in corpus.conflicts)
    assert len(corpus.timeline()) == len(corpus.events)
    for entity in [*first.entities(), *second.entities()]:
        assert corpus.get(entity.id).id == corpus.get(corpus.get(entity.id).id).id
    assert dangling_ids(dm.to_records(corpus)) == set()
    assert len(dm.to_plover(corpus)) == len(dm.to_plover(first)) + len(dm.to_plover(second))
    dm.to_popolo(corpus)


def dangling_ids(tables: dict[str, list[dict[str, Any]]]) -> set[str]:
    """Ids the link tables name that no table of things holds."""
    things = {row["id"] for row in tables["entities"]}
    named = {row["participant"] for row in tables["participations"]}
    named |= {row["party"] for row in tables["consensus_parties"]}
    return named - things


def test_read_dossier_points_a_corpus_file_to_read_corpus(world: dm.Corpus, tmp_path: Path) -> None:
    path = tmp_path / "corpus.json"
    path.write_text(dm.to_json(world), encoding="utf-8")
    with pytest.raises(dm.ValidationError) as raised:
        dm.read_dossier(path)
    assert "corpus.json: a corpus file, not one dossier" in str(raised.value)
    (problem,) = raised.value.problems
    assert problem.path == "$.dossiers"
    assert "read_corpus" in problem.message


def test_a_second_term_of_one_post_is_its_own_role_in_roles_of_and_attestations() -> None:
    seed = dm.load_seed()
    person = next(p for p in seed.people if p.roles)
    first = person.roles[0]

    def article(id: str, roles: tuple[dm.Role, ...]) -> dm.Dossier:
        people = tuple(
            attrs.evolve(p, roles=roles) if p.id == person.id else p for p in seed.people
        )
        return attrs.evolve(seed, article=attrs.evolve(seed.article, id=id), people=people)

    once, twice = article("art-once", (first,)), article("art-twice", (first, first))
    corpus = dm.Corpus([once, twice])
    assert corpus.get(person.id).roles == (first, first)
    assert [each.article for each in corpus.roles_of(person.id)] == ["art-once", "art-twice"]
    attested = corpus.attestations(person.id, "roles")
    assert [each.articles for each in attested] == [("art-once", "art-twice"), ("art-twice",)]
    assert corpus.conflicts == ()
