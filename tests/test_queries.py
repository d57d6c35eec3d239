"""Queries on the seed dossier, with answers read off the article."""

from __future__ import annotations

import pytest

import diplomodel as dm
from diplomodel import EventStatus as ES
from diplomodel import ParticipantPart as PP


@pytest.fixture(scope="module")
def seed() -> dm.Dossier:
    return dm.load_seed()


def test_statements_by_accepts_an_id_or_the_object(seed: dm.Dossier) -> None:
    expected = ("wang-yi-close-neighbors", "wang-yi-important-opportunity")
    assert tuple(s.id for s in seed.statements_by("wang-yi")) == expected
    assert seed.statements_by(seed.get("wang-yi")) == seed.statements_by("wang-yi")


def test_joint_statements_count_for_each_speaker(seed: dm.Dossier) -> None:
    moriyama = {s.id for s in seed.statements_by("hiroshi-moriyama")}
    nishida = {s.id for s in seed.statements_by("makoto-nishida")}
    assert (
        moriyama
        == nishida
        == {
            "secretaries-general-resumption",
            "secretaries-general-closer-exchanges",
        }
    )
    assert [s.id for s in seed.statements_by("sankei-shimbun")] == [
        "sankei-editorial-title",
        "sankei-editorial-priorities",
    ]


def test_liu_added_is_found_under_liu_jianchao_not_liu_jiangyong(seed: dm.Dossier) -> None:
    assert "liu-jianchao-strengthen-dialogue" in {s.id for s in seed.statements_by("liu-jianchao")}
    assert "liu-jianchao-strengthen-dialogue" not in {
        s.id for s in seed.statements_by("liu-jiangyong")
    }


def test_unknown_ids_are_named(seed: dm.Dossier) -> None:
    with pytest.raises(LookupError, match="'xi-jinping'"):
        seed.statements_by("xi-jinping")


def test_events_involving(seed: dm.Dossier) -> None:
    assert [e.id for e in seed.events_involving("hiroshi-moriyama")] == [
        "coalition-delegation-trip",
        "wang-huning-meets-delegation",
        "wang-yi-meets-delegation",
        "mechanism-meeting-9",
    ]
    assert [e.id for e in seed.events_involving("wang-yi")] == [
        "wang-yi-meets-delegation",
        "foreign-ministers-talks-2024-12",
    ]


def test_mentions_gather_every_span_that_names_the_subject(seed: dm.Dossier) -> None:
    quotes = [site.evidence.quote for site in seed.mentions("lu-chao")]
    assert quotes == [
        "Lü Chao",
        "Lü",
        "an expert on the Korean Peninsula at the Liaoning Academy of Social Sciences",
    ]
    academy = seed.mentions("liaoning-academy-of-social-sciences")
    assert {site.owner for site in academy} == {"liaoning-academy-of-social-sciences", "lu-chao"}
    for site in seed.mentions("cpc"):
        assert seed.article.text[site.evidence.start : site.evidence.end] == site.evidence.quote
        assert site.article == seed.article.id


def test_roles_of_a_person_and_of_an_institution(seed: dm.Dossier) -> None:
    assert [(a.role.title, a.role.institution) for a in seed.roles_of("wang-yi")] == [
        ("member of the Political Bureau", "cpc-political-bureau"),
        ("foreign minister", "cn-foreign-ministry"),
    ]
    assert [a.person for a in seed.roles_of("cpc-international-department")] == ["liu-jianchao"]


def test_the_timeline_orders_by_earliest_day_and_marks_planned_events(seed: dm.Dossier) -> None:
    entries = seed.timeline()
    ids = [e.event.id for e in entries]
    assert ids[0] == "foreign-ministers-talks-2024-12"  # December 2024 comes first
    assert ids.index("defense-ministry-announcement") < ids.index("wang-huning-meets-delegation")
    assert ids[-2] == "mechanism-meeting-10"  # this autumn
    assert ids[-1] == "readout-mechanism-meeting-9"  # the article dates it nowhere
    planned = {e.event.id for e in entries if e.is_planned}
    assert planned == {
        "eto-visit-to-china",
        "eastern-theater-command-visit-to-japan",
        "mechanism-meeting-10",
    }
    earliest = [e.date.earliest for e in entries if e.date is not None]
    assert earliest == sorted(earliest)
    past = {e.event.id for e in seed.timeline(include_planned=False)}
    assert past == set(ids) - planned


def test_an_undated_event_is_placed_by_the_event_it_is_part_of(seed: dm.Dossier) -> None:
    ninth = next(e for e in seed.timeline() if e.event.id == "mechanism-meeting-9")
    assert ninth.date_from == "coalition-delegation-trip"
    assert ninth.date is not None
    assert ninth.date.edtf == "2025-01-13/2025-01-15"
    assert ninth.event.date is None


def test_interactions_list_who_met_whom(seed: dm.Dossier) -> None:
    pairs = {(i.pair, i.event.id) for i in seed.interactions()}
    assert (frozenset({"hiroshi-moriyama", "wang-yi"}), "wang-yi-meets-delegation") in pairs
    assert (frozenset({"wang-huning", "makoto-nishida"}), "wang-huning-meets-delegation") in pairs
    assert (frozenset({"wang-yi", "takeshi-iwaya"}), "foreign-ministers-talks-2024-12") in pairs
    assert (frozenset({"liu-jianchao", "hiroshi-moriyama"}), "mechanism-meeting-9") in pairs
    meeting = next(
        i for i in seed.interactions("wang-yi") if i.pair == {"wang-yi", "hiroshi-moriyama"}
    )
    assert (meeting.first.part, meeting.second.part) == (PP.HOST, PP.DELEGATION_LEAD)
    assert meeting.date is not None
    assert meeting.date.edtf == "2025-01-14"
    # Nobody meets at an announcement with one speaker.
    assert not [i for i in seed.interactions() if i.event.id == "defense-ministry-announcement"]


def test_filters_by_topic_channel_mode_and_event(seed: dm.Dossier) -> None:
    assert [s.id for s in seed.statements_where(channel="xinhua")] == [
        "wang-huning-in-depth-exchanges",
        "liu-jianchao-implement-consensus",
    ]
    assert {s.id for s in seed.statements_where(topic="us-japan-alliance")} == {
        "sankei-editorial-title",
        "sankei-editorial-priorities",
    }
    assert [s.id for s in seed.statements_where(mode=dm.StatementMode.DIRECT_QUOTE)] == [
        "wang-huning-cppcc-contributions"
    ]
    assert [s.id for s in seed.statements_where(by="liu-jiangyong", topic="seafood-imports")] == [
        "liu-jiangyong-substantial-results"
    ]
    assert len(seed.statements_where(event="mechanism-meeting-9")) == 5
    assert [e.id for e in seed.events_where(status=ES.TENTATIVE)] == ["mechanism-meeting-10"]
    assert {e.id for e in seed.events_where(kind=dm.EventKind.VISIT, status=ES.PLANNED)} == {
        "eto-visit-to-china",
        "eastern-theater-command-visit-to-japan",
    }
    assert [c.id for c in seed.consensus_where(status=dm.ConsensusStatus.TENTATIVELY_AGREED)] == [
        "tenth-meeting-in-japan"
    ]
    assert [c.id for c in seed.consensus_where(party="takeshi-iwaya")] == [
        "people-to-people-exchanges-2024-12"
    ]
    assert {c.id for c in seed.consensus_where(topic="seafood-imports")} == {
        "fukushima-water-and-seafood-views",
        "implement-government-consensus",
    }


def test_named_finds_people_and_institutions_by_name_alias_or_abbreviation(
    seed: dm.Dossier,
) -> None:
    assert [e.id for e in seed.named("Lü")] == ["lu-chao"]
    assert [e.id for e in seed.named("moriyama")] == ["hiroshi-moriyama"]
    assert [e.id for e in seed.named("CPPCC")] == ["cppcc"]
    assert [e.id for e in seed.named("Wang Yi")] == ["wang-yi"]
    assert seed.named("Wang") == ()


def test_topics_lists_the_vocabulary_in_use(seed: dm.Dossier) -> None:
    topics = seed.topics()
    assert list(topics) == sorted(topics)
    assert {"seafood-imports", "fukushima-water-discharge", "us-japan-alliance"} <= set(topics)
