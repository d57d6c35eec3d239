"""PLOVER event records: PLOVER types, the dossier's actors and countries, JSON Lines."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from export_sources import NAMES, SECOND, curated

import diplomodel as dm
from diplomodel.cli import main
from diplomodel.exports.plover import to_plover, to_plover_jsonl
from diplomodel.loader import seed_path

# The event types of PLOVER (Open Event Data Alliance, 2021), the targets of the
# CAMEO-to-PLOVER table.
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
}  # fmt: skip
VISITING = {"guest", "delegation-lead", "delegation-member"}
ACTING = {"host", "author", "speaker", "co-chair"}


@functools.cache
def dossiers() -> dict[str, dm.Dossier]:
    return curated()


def coded(dossier: dm.Dossier) -> list[dm.Event]:
    return [event for event in dossier.events if event.cameo is not None]


def actor_ids(record: dict[str, Any], side: str) -> list[str]:
    return [actor["id"] for actor in record.get(side, [])]


@pytest.mark.parametrize("name", NAMES)
def test_one_record_per_event_with_a_cameo_code_typed_by_the_table(name: str) -> None:
    dossier = dossiers()[name]
    records = to_plover(dossier)
    events = coded(dossier)
    assert [r["event_id"] for r in records] == [e.id for e in events]
    assert len({r["id"] for r in records}) == len(records)
    for record, event in zip(records, events, strict=True):
        assert event.cameo is not None
        code = dm.cameo_code(event.cameo)
        assert record["event"] == [code.plover]
        assert set(record["event"]) <= PLOVER_TYPES
        assert record.get("mode") == code.mode
        assert record["cameo"] == event.cameo
        assert record["status"] == event.status.value


def test_the_seed_has_records_to_check() -> None:
    records = to_plover(dossiers()["seed"])
    assert len(records) >= 5
    assert {"visit"} <= {r.get("mode") for r in records}


@pytest.mark.parametrize("name", NAMES)
def test_actors_and_their_countries_are_the_dossiers(name: str) -> None:
    dossier = dossiers()[name]
    for record, event in zip(to_plover(dossier), coded(dossier), strict=True):
        participants = {p.participant for p in event.participants}
        source, recipient = actor_ids(record, "source"), actor_ids(record, "recipient")
        assert not set(source) & set(recipient)
        assert set(source) | set(recipient) >= participants
        place_country = event.place.country if event.place else None
        assert set(source) | set(recipient) <= participants | {place_country}
        for actor in record.get("source", []) + record.get("recipient", []):
            entity = dossier.get(actor["id"])
            assert actor["actor_text"] == dm.label_of(entity)
            country_id = entity.id if isinstance(entity, dm.Country) else entity.country
            if country_id is None:
                assert "code" not in actor
            else:
                assert actor["code"] == dossier.get(country_id).alpha3


@pytest.mark.parametrize("name", NAMES)
def test_who_acts_is_the_source(name: str) -> None:
    dossier = dossiers()[name]
    for record, event in zip(to_plover(dossier), coded(dossier), strict=True):
        parts = {p.participant: p.part.value for p in event.participants}
        source, recipient = actor_ids(record, "source"), actor_ids(record, "recipient")
        visiting = [id for id, part in parts.items() if part in VISITING]
        acting = [id for id, part in parts.items() if part in ACTING]
        if event.cameo == "042" and visiting:  # make a visit: the visitors
            assert source == visiting
            visited = event.place.country if event.place else None
            assert recipient == (acting or ([visited] if visited else []))
        elif visiting and acting:
            assert (source, recipient) == (acting, visiting)
        else:  # no sides: everyone, as PLOVER codes reciprocal events
            assert (source, recipient) == (list(parts), [])


def test_the_seed_has_each_way_of_telling_the_sides() -> None:
    dossier = dossiers()["seed"]
    records = {r["event_id"]: r for r in to_plover(dossier)}
    trip = records["coalition-delegation-trip"]  # a visit to China with no host named
    assert actor_ids(trip, "recipient") == ["cn"]
    meeting = records["wang-huning-meets-delegation"]  # Wang Huning hosts the delegation
    assert actor_ids(meeting, "source") == ["wang-huning"]
    assert "jp-ruling-coalition-delegation" in actor_ids(meeting, "recipient")
    session = records["mechanism-meeting-9"]  # participants only
    assert "recipient" not in session


@pytest.mark.parametrize("name", NAMES)
def test_dates_are_the_windows_with_their_words(name: str) -> None:
    dossier = dossiers()[name]
    placed = {entry.event.id: entry for entry in dossier.timeline()}
    for record, event in zip(to_plover(dossier), coded(dossier), strict=True):
        entry = placed[event.id]
        date = entry.date
        if date is None:
            assert "date" not in record
            assert "date_text" not in record
            continue
        assert record.get("date") == (date.earliest.isoformat() if date.earliest else None)
        assert record.get("enddate") == (date.latest.isoformat() if date.latest else None)
        assert (record["date_text"], record["date_precision"], record["date_edtf"]) == (
            date.text,
            date.precision.value,
            date.edtf,
        )
        assert record["date_from"] == entry.date_from
        if event.date is None:  # placed by the event it is part of
            assert record["date_from"] != event.id


def test_an_undated_meeting_takes_the_date_of_the_trip_it_is_part_of() -> None:
    records = {r["event_id"]: r for r in to_plover(dossiers()["seed"])}
    session = records["mechanism-meeting-9"]
    trip = records["coalition-delegation-trip"]
    assert session["date_from"] == "coalition-delegation-trip"
    assert (session["date"], session["enddate"]) == (trip["date"], trip["enddate"])


@pytest.mark.parametrize("name", NAMES)
def test_location_sentence_and_story(name: str) -> None:
    dossier = dossiers()[name]
    article = dossier.article
    for record, event in zip(to_plover(dossier), coded(dossier), strict=True):
        if event.place is None:
            assert "event_loc" not in record
        else:
            location = record["event_loc"]
            assert location["name"] == event.place.name
            if event.place.country is not None:
                country = dossier.get(event.place.country)
                assert (location["country code"], location["cc3"]) == (
                    country.alpha2,
                    country.alpha3,
                )
            elif event.place.country_code is not None:
                iso = dm.iso_country(event.place.country_code)
                assert (location["country code"], location["cc3"]) == (iso.alpha2, iso.alpha3)
            else:
                assert "country code" not in location
        info = record["text_info"]
        assert record["text"] == article.text[info["start"] : info["end"]]
        first = min(event.evidence)
        assert info["start"] <= first.start
        assert first.end <= info["end"]
        assert "\n" not in record["text"]  # a sentence, not the paragraph
        assert record["event_text"] == [span.quote for span in event.evidence]
        assert record["story_id"] == article.id
        assert record["cite_info"]["publication"] == article.publisher
        assert record["cite_info"]["url"] == f"urn:diplomodel:article:{article.id}"


def with_codes(dossier: dm.Dossier, codes: dict[str, str]) -> dm.Dossier:
    """The dossier with CAMEO codes given to some of its events, as a curator would."""
    events = tuple(
        attrs.evolve(e, cameo=codes[e.id]) if e.id in codes else e for e in dossier.events
    )
    return attrs.evolve(dossier, events=events)


def test_the_new_kinds_give_records_only_where_a_code_is_given() -> None:
    wire = dossiers()["kinds/wire-report"]
    assert to_plover(wire) == []  # a summit, talks and a visit, but no CAMEO code given
    coded_wire = with_codes(wire, {"xi-ishiba-summit": "040", "exchanges-dialogue": "040"})
    records = {r["event_id"]: r for r in to_plover(coded_wire)}
    assert list(records) == ["xi-ishiba-summit", "exchanges-dialogue"]
    # Co-chairs lead together: both are sources, as PLOVER codes a reciprocal event.
    dialogue = records["exchanges-dialogue"]
    assert actor_ids(dialogue, "source") == ["wang-yi", "takeshi-iwaya"]
    assert "recipient" not in dialogue
    # Lima is in a country the article does not name: the curator's code gives it.
    assert records["xi-ishiba-summit"]["event_loc"] == {
        "name": "Lima",
        "country code": "PE",
        "cc3": "PER",
    }
    weekly = with_codes(dossiers()["kinds/weekly-review"], {"astana-meeting": "040"})
    (meeting,) = to_plover(weekly)
    assert (meeting["event_loc"]["country code"], meeting["event_loc"]["cc3"]) == ("KZ", "KAZ")


def test_co_chairs_are_the_source_beside_guests() -> None:
    briefing = dossiers()["kinds/briefing"]
    dialogue = next(e for e in briefing.events if e.id == "exchanges-dialogue")
    guest = dm.Participation(
        participant="ministry-spokesperson",
        part=dm.ParticipantPart.GUEST,
        evidence=dialogue.participants[0].evidence,
    )
    changed = attrs.evolve(dialogue, participants=(*dialogue.participants, guest), cameo="040")
    dossier = attrs.evolve(
        briefing, events=tuple(changed if e is dialogue else e for e in briefing.events)
    )
    (record,) = to_plover(dossier)
    assert actor_ids(record, "source") == ["wang-yi", "takeshi-iwaya"]
    assert actor_ids(record, "recipient") == ["ministry-spokesperson"]
    # An unnamed actor is given by the article's description.
    assert record["recipient"][0]["actor_text"] == "a foreign ministry spokesperson"


def test_identifiers_give_the_geonames_place_and_the_wikidata_actor() -> None:
    tiny = dossiers()["tiny"]
    talks = tiny.events[0]
    assert talks.place is not None
    place = attrs.evolve(
        talks.place, identifiers=(dm.Identifier(scheme="geonames", identifier="1816670"),)
    )
    # The ids are the identifier module's examples, not checked against the databases.
    wang = attrs.evolve(
        tiny.people[0], identifiers=(dm.Identifier(scheme="wikidata", identifier="Q22686"),)
    )
    dossier = attrs.evolve(
        tiny,
        events=(attrs.evolve(talks, place=place), *tiny.events[1:]),
        people=(wang, *tiny.people[1:]),
    )
    (record,) = to_plover(dossier)
    assert record["event_loc"]["geonameid"] == 1816670
    actors = {a["id"]: a for a in record["source"] + record.get("recipient", [])}
    assert actors[wang.id]["identifier_id"] == "Q22686"
    assert "identifier_id" not in actors["takeshi-iwaya"]


@pytest.mark.parametrize("name", NAMES)
def test_json_lines_parse_back_to_the_records(name: str) -> None:
    dossier = dossiers()[name]
    text = to_plover_jsonl(dossier)
    lines = text.splitlines()
    assert text.endswith("\n") or not lines
    assert [json.loads(line) for line in lines] == to_plover(dossier)


def test_a_corpus_gives_each_articles_records_in_turn() -> None:
    seed, second = dossiers()["seed"], dossiers()["second"]
    together = to_plover(dm.Corpus([seed, second]))
    assert together == to_plover(seed) + to_plover(second)
    assert {r["story_id"] for r in together} == {seed.article.id, second.article.id}


def test_in_a_corpus_every_record_keeps_its_articles_date() -> None:
    wire, briefing = dossiers()["articles/wire-report"], dossiers()["articles/briefing"]
    corpus = dm.Corpus([wire, briefing])
    records = to_plover(corpus)
    # The briefing reports events the wire reported first: each record still has the
    # date its own story gives ("yesterday"), as a record of the briefing alone has.
    assert records == to_plover(wire) + to_plover(briefing)
    shared = {e.id for e in coded(wire)} & {e.id for e in coded(briefing)}
    assert shared
    for record in records:
        if record["story_id"] != briefing.article.id or record["event_id"] not in shared:
            continue
        entry = next(e for e in briefing.timeline() if e.event.id == record["event_id"])
        assert entry.date is not None
        assert (record["date_text"], record["date_from"]) == (entry.date.text, entry.date_from)
        assert record["date"] == entry.date.earliest.isoformat()


def test_a_corpus_whose_articles_share_an_id_is_refused() -> None:
    seed = dossiers()["seed"]
    with pytest.raises(dm.ValidationError) as caught:
        to_plover(dm.Corpus([seed, seed, dm.load(SECOND)]))
    assert [p.path for p in caught.value.problems] == ["$.dossiers[1].article.id"]


def test_anything_else_is_a_type_error_naming_the_function() -> None:
    with pytest.raises(TypeError, match=r"to_plover\(\) takes a Dossier or a Corpus, got NoneType"):
        to_plover(None)  # type: ignore[arg-type]


def test_the_command_line_writes_json_lines_for_a_corpus(
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed = seed_path()
    assert main(["export", "--format", "plover", str(seed), str(SECOND)]) == 0
    lines = capsys.readouterr().out.splitlines()
    corpus = dm.Corpus([dossiers()["seed"], dossiers()["second"]])
    assert [json.loads(line) for line in lines] == to_plover(corpus)


def test_the_command_line_refuses_a_corpus_whose_articles_share_an_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "events.jsonl"
    seed = str(seed_path())
    code = main(["export", "--format", "plover", "--output", str(target), seed, seed])
    assert code == 1
    err = capsys.readouterr().err
    assert "the same article is given twice" in err
    assert "Traceback" not in err
    assert not target.exists()
