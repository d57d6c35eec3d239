"""Queries on the seed dossier, with answers read off the article."""

from __future__ import annotations

from pathlib import Path

import pytest

import diplomodel as dm
from diplomodel import EventStatus as ES
from diplomodel import ParticipantPart as PP
from diplomodel.errors import NotFoundError


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
        "wang-huning-cppcc-contributions",
        "sankei-editorial-title",
        "sankei-editorial-priorities",
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


# -- filters take what JSON, tables and the command line show ----------------------


def test_filters_accept_enum_values_as_strings(seed: dm.Dossier) -> None:
    for mode in dm.StatementMode:
        assert seed.statements_where(mode=mode.value) == seed.statements_where(mode=mode)
    paraphrases = seed.statements_where(mode="paraphrase")
    assert paraphrases
    assert {s.mode for s in paraphrases} == {dm.StatementMode.PARAPHRASE}
    assert len(paraphrases) == sum(s.mode is dm.StatementMode.PARAPHRASE for s in seed.statements)
    for status in dm.EventStatus:
        assert seed.events_where(status=status.value) == seed.events_where(status=status)
    for kind in dm.EventKind:
        assert seed.events_where(kind=kind.value) == seed.events_where(kind=kind)
    for agreement in dm.ConsensusStatus:
        assert seed.consensus_where(status=agreement.value) == seed.consensus_where(
            status=agreement
        )
    assert [c.id for c in seed.consensus_where(status="tentatively-agreed")] == [
        "tenth-meeting-in-japan"
    ]


def test_an_unknown_enum_value_names_the_allowed_ones(seed: dm.Dossier) -> None:
    with pytest.raises(dm.ValidationError) as caught:
        seed.statements_where(mode="quoted")
    (problem,) = caught.value.problems
    assert problem.path == "mode"
    assert problem.message == (
        "'quoted' is not one of: direct-quote, paraphrase, partial-quote, assertion"
    )
    with pytest.raises(dm.ValidationError, match=r"'soon' is not one of: .*planned"):
        seed.events_where(status="soon")
    with pytest.raises(dm.ValidationError, match="'yes' is not one of: agreed, "):
        seed.consensus_where(status="yes")
    with pytest.raises(TypeError, match="mode must be a StatementMode or one of its values"):
        seed.statements_where(mode=3)  # type: ignore[arg-type]


def test_an_unknown_topic_is_an_error_and_a_known_one_may_match_nothing(
    seed: dm.Dossier,
) -> None:
    with pytest.raises(NotFoundError, match="unknown topic 'seafood'; did you mean") as caught:
        seed.statements_where(topic="seafood")
    assert caught.value.id == "seafood"
    assert "known topics: bilateral-relations, " in str(caught.value)
    with pytest.raises(NotFoundError, match="unknown topic"):
        seed.consensus_where(topic="nope")
    # Used by a consensus item but by no statement of Moriyama's: a known topic, no match.
    assert "leaders-consensus" in seed.topics()
    assert seed.statements_where(by="hiroshi-moriyama", topic="leaders-consensus") == ()


# -- one not-found error, clear type errors -----------------------------------------


def test_lookups_raise_not_found_errors(seed: dm.Dossier) -> None:
    for lookup in (
        lambda: seed.get("nope"),
        lambda: seed.statements_by("nope"),
        lambda: seed.events_involving("nope"),
        lambda: seed.mentions("nope"),
        lambda: seed.roles_of("nope"),
        lambda: seed.interactions("nope"),
        lambda: seed.consensus_where(party="nope"),
    ):
        with pytest.raises(NotFoundError, match="no object with id 'nope'") as caught:
            lookup()
        assert isinstance(caught.value, dm.DiplomodelError)
        assert isinstance(caught.value, LookupError)
        assert caught.value.id == "nope"
    with pytest.raises(NotFoundError, match="did you mean 'wang-yi'"):
        seed.get("wang-yj")
    with pytest.raises(NotFoundError, match="'mechanism-meeting-9' is an event, not a person"):
        seed.statements_by("mechanism-meeting-9")


def test_get_takes_a_kind_or_a_tuple_of_kinds(seed: dm.Dossier) -> None:
    assert seed.get("mechanism-meeting-9").name.startswith("Ninth meeting")
    assert seed.get("wang-yi-close-neighbors").name.startswith("China and Japan are close")
    with pytest.raises(NotFoundError, match="is a statement, not a country or an institution"):
        seed.get("wang-yi-close-neighbors", (dm.Country, dm.Institution))
    assert seed.get("wang-yi", (dm.Person, dm.Institution)).name == "Wang Yi"
    assert seed.get("cpc", (dm.Person, dm.Institution)).id == "cpc"
    with pytest.raises(NotFoundError, match="'wang-yi' is a person, not an event or a country"):
        seed.get("wang-yi", (dm.Event, dm.Country))
    with pytest.raises(TypeError, match="kind must be one of Country, Institution, "):
        seed.get("wang-yi", str)  # type: ignore[call-overload]


def test_wrong_argument_types_raise_clear_type_errors(seed: dm.Dossier) -> None:
    with pytest.raises(TypeError, match=r"id must be an id \(str\), got list \[\]"):
        seed.get([])  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"name must be a name \(str\), got NoneType None"):
        seed.named(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"speaker must be an id \(str\), a name or a person or"):
        seed.statements_by(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"topic must be a topic \(str\), got int 1"):
        seed.statements_where(topic=1)  # type: ignore[arg-type]


def test_named_folds_accents(seed: dm.Dossier) -> None:
    assert [e.id for e in seed.named("Lu Chao")] == ["lu-chao"]
    assert [e.id for e in seed.named("lu")] == ["lu-chao"]
    assert [e.id for e in seed.named("LÜ CHAO")] == ["lu-chao"]
    assert seed.name_of("lu-chao") == "Lü Chao"
    assert seed.name_of("wang-yi-close-neighbors").startswith("China and Japan are close")


# -- reprs: one line, not the whole event --------------------------------------------


def test_reprs_are_one_short_line(seed: dm.Dossier) -> None:
    tenth = next(e for e in seed.timeline() if e.event.id == "mechanism-meeting-10")
    assert repr(tenth) == (
        "TimelineEntry(article='gt-2025-01-14-japan-ruling-coalition-beijing', "
        "event='mechanism-meeting-10', name='Tenth meeting of the China-Japan ruling'…, "
        "date='2025-27', date_from='mechanism-meeting-10')"
    )
    meeting = next(
        i for i in seed.interactions("wang-yi") if i.pair == {"wang-yi", "hiroshi-moriyama"}
    )
    assert repr(meeting) == (
        "Interaction(article='gt-2025-01-14-japan-ruling-coalition-beijing', "
        "event='wang-yi-meets-delegation', first='wang-yi' (host), "
        "second='hiroshi-moriyama' (delegation-lead), date='2025-01-14')"
    )
    assert repr(seed.roles_of("liu-jianchao")[0]) == (
        "Appointment(article='gt-2025-01-14-japan-ruling-coalition-beijing', "
        "person='liu-jianchao', title='head', institution='cpc-international-department')"
    )
    for value in (*seed.timeline(), *seed.interactions(), *seed.roles_of("wang-yi")):
        assert "\n" not in repr(value)
        assert len(repr(value)) < 300


# -- typed use: mypy --strict users need no casts --------------------------------------

TYPED_USE = """
import diplomodel as dm

seed = dm.load_seed()
person: dm.Person = seed.get("wang-yi", dm.Person)
either: dm.Person | dm.Institution = seed.get("cpc", (dm.Person, dm.Institution))
named = seed.get("mechanism-meeting-9")
names: list[str] = [person.label, dm.label_of(either), dm.label_of(named), seed.name_of("cpc")]
by_object = seed.statements_by(person)
by_id = seed.statements_where(by="wang-yi", mode="paraphrase", topic="bilateral-relations")
events = seed.events_where(status=dm.EventStatus.PLANNED, kind="visit", involving=either)
agreed = seed.consensus_where(status="agreed", party=seed.get("jp", dm.Country))
found: tuple[dm.Person | dm.Institution, ...] = seed.named("Lu Chao")
"""

TYPED_MISUSE = """
import diplomodel as dm

seed = dm.load_seed()
seed.statements_by(42)
seed.events_where(status=1)
"""


def test_typed_use_passes_mypy_strict_and_misuse_is_caught(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api")
    good = tmp_path / "typed_use.py"
    good.write_text(TYPED_USE, encoding="utf-8")
    out, err, status = api.run(["--strict", "--no-incremental", str(good)])
    assert status == 0, out + err
    bad = tmp_path / "typed_misuse.py"
    bad.write_text(TYPED_MISUSE, encoding="utf-8")
    out, _err, status = api.run(["--strict", "--no-incremental", str(bad)])
    assert status == 1
    assert out.count("[arg-type]") == 2
    # The good snippet really runs, too.
    exec(compile(TYPED_USE, str(good), "exec"), {})


def test_a_query_takes_a_name_where_it_takes_an_id(seed: dm.Dossier) -> None:
    by_name = seed.statements_where(by="Wang Yi")
    assert by_name == seed.statements_by("wang-yi") != ()
    assert seed.statements_by("Lu Chao") == seed.statements_by("lu-chao")
    assert seed.roles_of("CPC") == seed.roles_of("cpc")
    with pytest.raises(NotFoundError, match="no object with id 'Nobody Here'"):
        seed.statements_by("Nobody Here")
