"""The fixture articles as one corpus: the talks merged, with where each fact comes from.

Three reports agree (the wire report, the briefing and the weekly review) and give
the talks with different precision, names and wordings of one post: they merge
into one world with no conflict. The contradicting report disagrees on the day,
the city, who hosted and whose visit it was: each disagreement is a conflict that
names the field, every value and every article. The seed reports the same talks
under the same id, and merges with the three.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

import diplomodel as dm

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
AGREEING = ("wire-report", "briefing", "weekly-review")

MEETING = "foreign-ministers-talks-2024-12"
VISIT = "iwaya-visit-to-china-2024-12"
DIALOGUE = "people-to-people-dialogue-2024-12"

WIRE = "fixture-wire-2024-12-25-wang-iwaya-talks"
BRIEFING = "fixture-briefing-2024-12-26-wang-iwaya-talks"
WEEKLY = "fixture-weekly-2025-01-03-china-japan-calendar"
CONTRADICTING = "fixture-contradicting-2024-12-27-wang-iwaya-talks"
SEED = "gt-2025-01-14-japan-ruling-coalition-beijing"


@functools.cache
def dossier(name: str) -> dm.Dossier:
    return dm.load(ARTICLES / f"{name}.toml")


def agreeing() -> dm.Corpus:
    return dm.Corpus([dossier(name) for name in AGREEING])


def all_four() -> dm.Corpus:
    return dm.Corpus([dossier(name) for name in (*AGREEING, "contradicting")])


def test_the_article_ids_are_the_ones_this_module_names() -> None:
    ids = [dossier(name).article.id for name in (*AGREEING, "contradicting")]
    assert ids == [WIRE, BRIEFING, WEEKLY, CONTRADICTING]
    assert dm.load_seed().article.id == SEED


# -- the three agreeing reports -------------------------------------------------------


def test_three_agreeing_reports_give_no_conflict() -> None:
    assert agreeing().conflicts == ()
    assert agreeing().check().dossiers == tuple(dossier(name) for name in AGREEING)


def test_the_talks_merge_into_one_event_on_the_intersected_day() -> None:
    corpus = agreeing()
    talks = corpus.get(MEETING, dm.Event)
    assert talks.date is not None
    # "on Wednesday" and "yesterday" give 25 December; "in December" the month.
    assert (talks.date.earliest, talks.date.latest) == (dt.date(2024, 12, 25),) * 2
    assert talks.date.edtf == "2024-12-25"
    assert [e.event.id for e in corpus.timeline()].count(MEETING) == 1
    assert [e.id for e in corpus.events_involving("takeshi-iwaya")].count(MEETING) == 1
    (entry,) = [e for e in corpus.timeline() if e.event.id == MEETING]
    assert entry.sources == (WIRE, BRIEFING, WEEKLY)
    # Which report dates it how: a script can say "2024-12-25 by A and B; 2024-12 by C".
    dated = [(a.value.edtf, a.value.text, a.articles) for a in corpus.attestations(MEETING, "date")]
    assert dated == [
        ("2024-12-25", "on Wednesday", (WIRE, BRIEFING)),
        ("2024-12", "in December", (WEEKLY,)),
    ]


def test_the_talks_keep_their_one_place_parent_and_sides() -> None:
    talks = agreeing().get(MEETING, dm.Event)
    assert talks.place is not None
    assert (talks.place.name, talks.place.country) == ("Beijing", "cn")
    assert talks.part_of == VISIT
    assert {(p.participant, p.part.value) for p in talks.participants} == {
        ("wang-yi", "host"),
        ("takeshi-iwaya", "guest"),
    }


def test_one_role_per_post_for_iwaya_whatever_its_case() -> None:
    corpus = agreeing()
    wordings = {
        name: [r.title for r in dossier(name).get("takeshi-iwaya", dm.Person).roles]
        for name in AGREEING
    }
    # The reports write the post in two cases; it is one post.
    assert {title for titles in wordings.values() for title in titles} == {
        "Foreign Minister",
        "foreign minister",
    }
    (role,) = corpus.get("takeshi-iwaya", dm.Person).roles
    assert (role.title, role.institution) == ("Foreign Minister", "jp-foreign-ministry")
    (attested,) = corpus.attestations("takeshi-iwaya", "roles")
    assert attested.articles == (WIRE, BRIEFING, WEEKLY)


def test_other_names_are_collected_not_conflicts() -> None:
    corpus = agreeing()
    assert corpus.names("cn-foreign-ministry") == (
        "Ministry of Foreign Affairs of China",
        "Chinese foreign ministry",
    )
    assert corpus.get("cn-foreign-ministry").name == "Ministry of Foreign Affairs of China"
    assert corpus.named("Chinese foreign ministry") == (corpus.get("cn-foreign-ministry"),)
    named = corpus.attestations("cn-foreign-ministry", "name")
    assert [(a.value, a.articles) for a in named] == [
        ("Ministry of Foreign Affairs of China", (WIRE, BRIEFING)),
        ("Chinese foreign ministry", (WEEKLY,)),
    ]


def test_every_fact_of_the_talks_has_its_sources() -> None:
    corpus = agreeing()
    sources = corpus.sources(MEETING)
    assert [article for article, _ in sources] == [WIRE, BRIEFING, WEEKLY]
    # Each article's own account, with its own evidence.
    for article, told in sources:
        (found,) = [dossier(name) for name in AGREEING if dossier(name).article.id == article]
        assert told == found.get(MEETING, dm.Event)
    place = corpus.attestations(MEETING, "place")
    assert [(a.value.name, a.articles) for a in place] == [("Beijing", (WIRE, BRIEFING, WEEKLY))]
    parts = corpus.attestations(MEETING, "participants")
    assert [(a.value.participant, a.value.part.value, a.articles) for a in parts] == [
        ("wang-yi", "host", (WIRE, BRIEFING, WEEKLY)),
        ("takeshi-iwaya", "guest", (WIRE, BRIEFING, WEEKLY)),
    ]


def test_a_planned_dialogue_later_held_is_history_not_conflict() -> None:
    corpus = agreeing()
    history = [(h.article, h.status.value) for h in corpus.history(DIALOGUE)]
    assert history == [(WIRE, "planned"), (BRIEFING, "took-place")]
    assert corpus.get(DIALOGUE, dm.Event).status is dm.EventStatus.TOOK_PLACE


def test_the_visit_the_talks_belong_to_is_one_visit_of_three_days() -> None:
    corpus = agreeing()
    visit = corpus.get(VISIT, dm.Event)
    assert visit.date is not None
    assert (visit.date.earliest, visit.date.latest) == (
        dt.date(2024, 12, 24),
        dt.date(2024, 12, 26),
    )
    assert [article for article, _ in corpus.sources(VISIT)] == [WIRE, BRIEFING, WEEKLY]


# -- the contradicting report -------------------------------------------------------


def test_the_contradicting_report_gives_one_conflict_per_contradiction() -> None:
    got = {(c.id, c.field): c.values for c in all_four().conflicts}
    agreeing_three = (WIRE, BRIEFING, WEEKLY)
    assert got == {
        (MEETING, "date"): (
            (WIRE, "2024-12-25 (on Wednesday)"),
            (BRIEFING, "2024-12-25 (yesterday)"),
            (WEEKLY, "2024-12 (in December)"),
            (CONTRADICTING, "2024-12-23 (on Monday, Dec. 23)"),
        ),
        (MEETING, "place"): (
            *((article, {"name": "Beijing", "country": "cn"}) for article in agreeing_three),
            (CONTRADICTING, {"name": "Tokyo", "country": "jp"}),
        ),
        (MEETING, "participants[wang-yi].part"): (
            *((article, "host") for article in agreeing_three),
            (CONTRADICTING, "guest"),
        ),
        (MEETING, "participants[takeshi-iwaya].part"): (
            *((article, "guest") for article in agreeing_three),
            (CONTRADICTING, "host"),
        ),
        (MEETING, "part_of"): (
            *((article, VISIT) for article in agreeing_three),
            (CONTRADICTING, "wang-yi-visit-to-japan-2024-12"),
        ),
    }


def test_each_conflict_reads_with_its_field_values_and_articles() -> None:
    (place,) = [c for c in all_four().conflicts if c.field == "place"]
    said = str(place)
    assert said.startswith(f"{MEETING}.place differs between articles (")
    assert f"{CONTRADICTING}: {{'name': 'Tokyo', 'country': 'jp'}}" in said
    assert f"{WIRE}: {{'name': 'Beijing', 'country': 'cn'}}" in said
    with pytest.raises(dm.ValidationError) as caught:
        all_four().check()
    assert [p.path for p in caught.value.problems] == [
        f"{MEETING}.date",
        f"{MEETING}.place",
        f"{MEETING}.participants[wang-yi].part",
        f"{MEETING}.participants[takeshi-iwaya].part",
        f"{MEETING}.part_of",
    ]


def test_a_second_post_is_a_second_role_with_its_own_source() -> None:
    # "Defense Minister" is another post, not another wording of the same one: the
    # merge keeps both roles, and says which report gives which.
    corpus = all_four()
    roles = [
        (a.value.title, a.value.institution, a.articles)
        for a in corpus.attestations("takeshi-iwaya", "roles")
    ]
    assert roles == [
        ("Foreign Minister", "jp-foreign-ministry", (WIRE, BRIEFING, WEEKLY)),
        ("Defense Minister", "jp-defense-ministry", (CONTRADICTING,)),
    ]


def test_the_conflicting_talks_still_show_once() -> None:
    corpus = all_four()
    (entry,) = [e for e in corpus.timeline() if e.event.id == MEETING]
    assert entry.sources == (WIRE, BRIEFING, WEEKLY, CONTRADICTING)
    # The first article's value stands where they conflict; nothing is picked silently.
    talks = corpus.get(MEETING, dm.Event)
    assert talks.place is not None
    assert talks.place.name == "Beijing"


# -- the seed with the fixtures ---------------------------------------------------------


def test_the_seeds_talks_merge_with_the_fixtures() -> None:
    seed = dm.load_seed()
    corpus = dm.Corpus([seed, *(dossier(name) for name in AGREEING)])
    assert corpus.conflicts == ()
    talks = corpus.get(MEETING, dm.Event)
    assert talks.date is not None
    assert talks.date.edtf == "2024-12-25"
    assert [article for article, _ in corpus.sources(MEETING)] == [SEED, WIRE, BRIEFING, WEEKLY]
    dated = [(a.value.edtf, a.articles) for a in corpus.attestations(MEETING, "date")]
    assert dated == [("2024-12", (SEED, WEEKLY)), ("2024-12-25", (WIRE, BRIEFING))]
    assert [e.event.id for e in corpus.timeline()].count(MEETING) == 1
    # The seed's own events stay, one each, beside the fixtures'.
    assert {e.id for e in seed.events} <= {e.id for e in corpus.events}


def test_the_seed_and_all_four_fixtures_conflict_only_where_the_contradicting_one_does() -> None:
    seed = dm.load_seed()
    corpus = dm.Corpus([seed, *(dossier(name) for name in (*AGREEING, "contradicting"))])
    fields = [(c.id, c.field) for c in corpus.conflicts]
    assert fields == [(c.id, c.field) for c in all_four().conflicts]
    for conflict in corpus.conflicts:
        articles = [article for article, _ in conflict.values]
        assert articles[-1] == CONTRADICTING
        assert CONTRADICTING not in articles[:-1]
