"""Popolo JSON: every object valid against the official Popolo schemas, and true to the dossier."""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from export_sources import ARTICLE_CURATIONS, NAMES, SECOND, curated

import diplomodel as dm
from diplomodel.cli import main
from diplomodel.exports.popolo import to_popolo

SCHEMAS = Path(__file__).parent / "popolo_schemas"
SCHEMA_OF = {
    "persons": "person",
    "organizations": "organization",
    "memberships": "membership",
    "areas": "area",
    "events": "event",
    "speeches": "speech",
}


@functools.cache
def dossiers() -> dict[str, dm.Dossier]:
    return curated()


@functools.cache
def validators() -> dict[str, Any]:
    """A Draft 3 validator per Popolo list, resolving the schemas' references locally."""
    jsonschema = pytest.importorskip("jsonschema")
    referencing = pytest.importorskip("referencing")
    from referencing.jsonschema import DRAFT3

    schemas = {p.stem: json.loads(p.read_text("utf-8")) for p in SCHEMAS.glob("*.json")}
    registry = referencing.Registry().with_resources(
        (schema["id"].rstrip("#"), DRAFT3.create_resource(schema)) for schema in schemas.values()
    )
    checker = jsonschema.Draft3Validator.FORMAT_CHECKER
    return {
        key: jsonschema.Draft3Validator(schemas[name], registry=registry, format_checker=checker)
        for key, name in SCHEMA_OF.items()
    }


def invalid(popolo: dict[str, list[dict[str, Any]]]) -> list[str]:
    found = []
    for key, objects in popolo.items():
        validator = validators()[key]
        for index, obj in enumerate(objects):
            found += [f"{key}[{index}]: {error.message}" for error in validator.iter_errors(obj)]
    return found


@pytest.mark.parametrize("name", NAMES)
def test_every_object_passes_the_popolo_schemas(name: str) -> None:
    popolo = to_popolo(dossiers()[name])
    assert sorted(popolo) == sorted(SCHEMA_OF)
    assert invalid(popolo) == []


def test_a_corpus_of_every_curated_dossier_passes_the_popolo_schemas() -> None:
    popolo = to_popolo(dm.Corpus(dossiers().values()))
    assert popolo["events"]
    assert invalid(popolo) == []


def test_the_schemas_catch_what_popolo_forbids() -> None:
    # The validators do check: a date Popolo cannot read (an EDTF span) and an identifier
    # without a value.
    popolo = to_popolo(dossiers()["seed"])
    event = {**popolo["events"][0], "start_date": "2025-01-13/2025-01-15"}
    person = {**popolo["persons"][0], "identifiers": [{"scheme": "wikidata"}]}
    assert len(invalid({"events": [event], "persons": [person]})) == 2


@pytest.mark.parametrize("name", NAMES)
def test_people_organizations_and_areas_are_the_dossiers(name: str) -> None:
    dossier = dossiers()[name]
    popolo = to_popolo(dossier)
    persons = {p["id"]: p for p in popolo["persons"]}
    assert list(persons) == [p.id for p in dossier.people]
    for person in dossier.people:
        exported = persons[person.id]
        names = (exported.get("name"), exported.get("family_name"), exported.get("given_name"))
        assert names == (person.name, person.family_name, person.given_name)
        # An unnamed person is described in Popolo's one-line account, never given a name.
        assert exported.get("summary") == person.description
        assert [n["name"] for n in exported.get("other_names", [])] == list(person.aliases)
        if person.country:
            assert exported["national_identity"] == dossier.get(person.country).name
        identifiers = [(i.scheme, i.identifier) for i in person.identifiers]
        assert [(i["scheme"], i["identifier"]) for i in exported.get("identifiers", [])] == (
            identifiers
        )
    organizations = {o["id"]: o for o in popolo["organizations"]}
    assert list(organizations) == [i.id for i in dossier.institutions]
    for institution in dossier.institutions:
        exported = organizations[institution.id]
        assert exported["classification"] == institution.kind.value
        assert exported.get("parent_id") == institution.parent
        assert exported.get("area_id") == institution.country
        shorts = [n["name"] for n in exported.get("other_names", [])]
        assert shorts == list(institution.abbreviations)
    areas = {a["id"]: a for a in popolo["areas"]}
    assert {id: (a["name"], a["identifier"]) for id, a in areas.items()} == {
        c.id: (c.name, c.alpha2) for c in dossier.countries
    }


@pytest.mark.parametrize("name", NAMES)
def test_memberships_are_the_roles_and_the_members(name: str) -> None:
    dossier = dossiers()[name]
    memberships = to_popolo(dossier)["memberships"]
    roles = [
        (m["person_id"], m.get("organization_id"), m.get("area_id"), m["role"])
        for m in memberships
        if "person_id" in m
    ]
    assert roles == [
        (p.id, r.institution, r.country, r.title) for p in dossier.people for r in p.roles
    ]
    former = [m.get("label") for m in memberships if "person_id" in m]
    assert former == [
        f"former {r.title}" if r.former else None for p in dossier.people for r in p.roles
    ]
    members = [(m["organization_id"], m["member"]) for m in memberships if "member" in m]
    assert members == [
        (i.id, {"@type": "Organization", "id": m}) for i in dossier.institutions for m in i.members
    ]
    assert len({m["id"] for m in memberships}) == len(memberships)


def test_the_seed_has_organizations_inside_organizations_and_members() -> None:
    popolo = to_popolo(dossiers()["seed"])
    parents = {o["id"]: o.get("parent_id") for o in popolo["organizations"]}
    assert parents["cpc-political-bureau-standing-committee"] == "cpc-political-bureau"
    members = {m["member"]["id"] for m in popolo["memberships"] if "member" in m}
    assert {"ldp", "komeito"} <= members


def test_a_roles_start_and_end_become_the_memberships_dates() -> None:
    seed = dossiers()["seed"]
    published = seed.article.published
    person = seed.people[0]
    role = attrs.evolve(
        person.roles[0],
        start=dm.resolve_date("in October", published),
        end=dm.resolve_date("this month", published),
    )
    changed = attrs.evolve(person, roles=(role, *person.roles[1:]))
    dossier = attrs.evolve(seed, people=(changed, *seed.people[1:]))
    membership = to_popolo(dossier)["memberships"][0]
    assert membership["start_date"] == "2024-10"
    assert membership["end_date"] == published.strftime("%Y-%m")
    assert invalid({"memberships": [membership]}) == []


def test_offices_of_state_are_held_in_an_area_and_roles_keep_their_times() -> None:
    wire, weekly = dossiers()["kinds/wire-report"], dossiers()["kinds/weekly-review"]
    memberships = {m["id"]: m for m in to_popolo(wire)["memberships"]}
    # Xi Jinping is President in China: no organization is made up for the office.
    president = memberships["xi-jinping/roles/0"]
    assert (president.get("organization_id"), president["area_id"]) == (None, "cn")
    assert president["role"] == "President"
    # "since assuming his post in October" of an article of December 2024.
    assert memberships["takeshi-iwaya/roles/0"]["start_date"] == "2024-10"
    # "his predecessor": a former role whose end the article does not give.
    predecessor = memberships["iwaya-predecessor/roles/0"]
    assert predecessor["label"] == "former Foreign Minister"
    assert "end_date" not in predecessor
    consul = to_popolo(weekly)["memberships"][0]
    assert consul["start_date"] == weekly.article.published.strftime("%Y-%m")
    persons = {p["id"]: p for p in to_popolo(wire)["persons"]}
    unnamed = persons["familiar-source"]
    assert unnamed["summary"] == "a person familiar with the matter"
    assert not {"name", "family_name", "given_name"} & set(unnamed)


def _days(start: str, end: str) -> tuple[dt.date, dt.date]:
    """The first and last day a Popolo date range stands for."""
    first = dt.date.fromisoformat(start + "-01-01"[len(start) - 4 :])
    last_year, *rest = end.split("-")
    if len(rest) == 2:
        return first, dt.date.fromisoformat(end)
    if len(rest) == 1:
        month = dt.date(int(last_year), int(rest[0]), 28) + dt.timedelta(days=4)
        return first, month - dt.timedelta(days=month.day)
    return first, dt.date(int(last_year), 12, 31)


@pytest.mark.parametrize("name", NAMES)
def test_event_dates_hold_every_day_the_words_allow_and_no_more_than_needed(name: str) -> None:
    dossier = dossiers()[name]
    events = {e["id"]: e for e in to_popolo(dossier)["events"]}
    for event in dossier.events:
        exported = events[event.id]
        date = event.date
        if date is None:
            assert "start_date" not in exported
            continue
        if date.earliest is None or date.latest is None:
            continue  # an open interval: only its known end is given
        start, end = exported.get("start_date"), exported.get("end_date")
        if date.precision is dm.DatePrecision.DAYS:
            assert (start, end) == (date.earliest.isoformat(), date.latest.isoformat())
            continue
        if date.earliest.year != date.latest.year:
            assert start is None
            assert end is None
            continue
        assert start == end
        first, last = _days(start, end)
        assert first <= date.earliest <= date.latest <= last
        # No coarser than needed: a month only when the days differ, a year when the months do.
        if len(start) == 7:
            assert date.earliest != date.latest
        if len(start) == 4:
            assert date.earliest.month != date.latest.month


def test_a_vague_day_is_given_as_its_month() -> None:
    # "mid-January" of the seed: some day of 11-20 January 2025.
    events = {e["id"]: e for e in to_popolo(dossiers()["seed"])["events"]}
    visit = events["eastern-theater-command-visit-to-japan"]
    assert (visit["start_date"], visit["end_date"]) == ("2025-01", "2025-01")


@pytest.mark.parametrize("name", NAMES)
def test_events_carry_place_status_kind_attendees_and_parent(name: str) -> None:
    dossier = dossiers()[name]
    events = {e["id"]: e for e in to_popolo(dossier)["events"]}
    assert list(events) == [e.id for e in dossier.events]
    people = {p.id for p in dossier.people}
    for event in dossier.events:
        exported = events[event.id]
        assert exported["status"] == event.status.value
        assert exported["classification"] == event.kind.value
        assert exported.get("location") == (event.place.name if event.place else None)
        assert exported.get("parent_id") == event.part_of
        attendees = [a["id"] for a in exported.get("attendees", [])]
        expected = [p.participant for p in event.participants if p.participant in people]
        assert attendees == list(dict.fromkeys(expected))
        if event.series is not None:
            assert exported["organization_id"] == event.series


@pytest.mark.parametrize("name", NAMES)
def test_speeches_are_the_statements_with_speaker_event_and_words(name: str) -> None:
    dossier = dossiers()[name]
    speeches = {s["id"]: s for s in to_popolo(dossier)["speeches"]}
    assert list(speeches) == [s.id for s in dossier.statements]
    people = {p.id for p in dossier.people}
    for statement in dossier.statements:
        speech = speeches[statement.id]
        assert speech["text"] == statement.content.quote
        assert speech.get("event_id") == statement.event
        persons = [s for s in statement.speakers if s in people]
        assert speech.get("creator_id") == (persons[0] if persons else None)
        for words in statement.evidence:
            assert words.quote in speech["attribution_text"]
        expected = (
            "question"
            if statement.act is dm.SpeechAct.QUESTION
            else "narrative"
            if statement.mode is dm.StatementMode.ASSERTION
            else "speech"
        )
        assert speech["type"] == expected
    # Positions follow the order of the words in the article.
    by_position = sorted(dossier.statements, key=lambda s: speeches[s.id]["position"])
    assert [s.content.start for s in by_position] == sorted(s.content.start for s in by_position)


def dangling(popolo: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every reference in a Popolo export to an object it does not hold, as ``where: id``."""
    ids = {key: {obj["id"] for obj in objects} for key, objects in popolo.items()}
    people, bodies, areas = ids["persons"], ids["organizations"], ids["areas"]
    wanted: list[tuple[str, Any, set[str]]] = []
    for org in popolo["organizations"]:
        wanted += [(f"organization {org['id']}", org.get("parent_id"), bodies)]
        wanted += [(f"organization {org['id']}", org.get("area_id"), areas)]
    for membership in popolo["memberships"]:
        where = f"membership {membership['id']}"
        assert "organization_id" in membership or "area_id" in membership
        wanted += [(where, membership.get("organization_id"), bodies)]
        wanted += [(where, membership.get("area_id"), areas)]
        member = membership.get("person_id") or membership["member"]["id"]
        wanted += [(where, member, people | bodies)]
    for event in popolo["events"]:
        where = f"event {event['id']}"
        wanted += [(where, event.get("parent_id"), ids["events"])]
        wanted += [(where, event.get("organization_id"), bodies)]
        wanted += [(where, attendee["id"], people) for attendee in event.get("attendees", [])]
    for speech in popolo["speeches"]:
        where = f"speech {speech['id']}"
        wanted += [(where, speech.get("event_id"), ids["events"])]
        wanted += [(where, speech.get("creator_id"), people)]
        wanted += [(where, speech.get("audience_id"), people)]
    return [f"{where}: {id}" for where, id, known in wanted if id is not None and id not in known]


@pytest.mark.parametrize("name", NAMES)
def test_every_reference_names_an_exported_object(name: str) -> None:
    assert dangling(to_popolo(dossiers()[name])) == []


ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def renamed(name: str, ids: dict[str, str]) -> dm.Dossier:
    """A fixture article whose curator calls each id of ``ids`` otherwise, saying (with
    ``same_as``) that it is the same thing."""
    from diplomodel.loader import loads_curation

    text = (ARTICLES / f"{name}.toml").read_text("utf-8")
    for old, new in ids.items():
        text = text.replace(f'"{old}"', f'"{new}"')
        text = text.replace(f'id = "{new}"\n', f'id = "{new}"\nsame_as = ["{old}"]\n', 1)
    return loads_curation(text, ARTICLES, f"{name}.toml")


def test_a_corpus_export_names_only_objects_it_holds() -> None:
    articles = [dossiers()[f"articles/{path.stem}"] for path in ARTICLE_CURATIONS]
    assert dangling(to_popolo(dm.Corpus(articles))) == []


def test_a_corpus_export_names_things_by_their_merged_ids() -> None:
    weekly = dossiers()["articles/weekly-review"]
    # The contradicting report's curator calls Japan's government and Iwaya otherwise.
    other = renamed(
        "contradicting",
        {"jp-government": "japan-government", "takeshi-iwaya": "iwaya-takeshi"},
    )
    popolo = to_popolo(dm.Corpus([weekly, other]))
    assert dangling(popolo) == []
    assert invalid(popolo) == []
    persons = {p["id"]: p for p in popolo["persons"]}
    assert "iwaya-takeshi" not in persons
    sources = [s["note"] for s in persons["takeshi-iwaya"]["sources"]]
    assert sources == [_note(weekly), _note(other)]
    events = {
        e["id"].split("/", 1)[1]: e
        for e in popolo["events"]
        if e["id"].startswith(other.article.id)
    }
    talks = events["foreign-ministers-talks-2024-12"]
    assert "takeshi-iwaya" in [a["id"] for a in talks["attendees"]]
    authored = [e for e in events.values() if e.get("organization_id") == "jp-government"]
    assert authored  # the event the government authors names the merged organization
    said = [s for s in popolo["speeches"] if s["id"].startswith(other.article.id)]
    assert "takeshi-iwaya" in {s.get("creator_id") for s in said}


def _note(dossier: dm.Dossier) -> str:
    """The note of a link to the dossier's article."""
    article = dossier.article
    note = f"{article.publisher}, {article.published.isoformat()}"
    return f"{note}: {article.title}" if article.title else note


def test_a_role_worded_otherwise_in_another_article_is_credited_to_it() -> None:
    wire, briefing, weekly = (
        dossiers()[f"articles/{name}"] for name in ("wire-report", "briefing", "weekly-review")
    )
    # The weekly review writes "foreign minister", the others "Foreign Minister": one post.
    memberships = to_popolo(dm.Corpus([wire, briefing, weekly]))["memberships"]
    (minister,) = [
        m
        for m in memberships
        if m.get("person_id") == "takeshi-iwaya"
        and m.get("organization_id") == "jp-foreign-ministry"
    ]
    assert minister["role"] == "Foreign Minister"
    assert [s["note"] for s in minister["sources"]] == [_note(d) for d in (wire, briefing, weekly)]


def test_a_corpus_merges_people_and_keeps_each_articles_events_apart() -> None:
    seed, second = dossiers()["seed"], dossiers()["second"]
    corpus = dm.Corpus([seed, second])
    popolo = to_popolo(corpus)
    persons = {p["id"]: p for p in popolo["persons"]}
    assert list(persons) == [p.id for p in corpus.people]
    shared = {p.id for p in seed.people} & {p.id for p in second.people}
    assert shared
    for id in shared:
        notes = [s["note"] for s in persons[id]["sources"]]
        assert notes == [
            f"{d.article.publisher}, {d.article.published.isoformat()}" for d in (seed, second)
        ]
    event_ids = [e["id"] for e in popolo["events"]]
    assert event_ids == [f"{d.article.id}/{e.id}" for d in (seed, second) for e in d.events]
    assert all(s.get("event_id", "/").count("/") == 1 for s in popolo["speeches"])
    assert invalid(popolo) == []


def test_in_a_corpus_a_roles_sources_are_the_articles_that_give_it() -> None:
    seed, second = dossiers()["seed"], dossiers()["second"]
    memberships = to_popolo(dm.Corpus([seed, second]))["memberships"]
    notes = {
        (m["person_id"], m["role"]): [s["note"] for s in m["sources"]]
        for m in memberships
        if "person_id" in m
    }
    both = 0
    for person_id, title in notes:
        giving = [
            f"{d.article.publisher}, {d.article.published.isoformat()}"
            for d in (seed, second)
            if any(p.id == person_id and any(r.title == title for r in p.roles) for p in d.people)
        ]
        assert notes[(person_id, title)] == giving
        both += len(giving) == 2
    assert both  # the foreign ministers' titles stand in both articles


def test_a_corpus_whose_articles_share_an_id_is_refused() -> None:
    seed = dossiers()["seed"]
    with pytest.raises(dm.ValidationError) as caught:
        to_popolo(dm.Corpus([seed, dm.load(SECOND), seed]))
    assert [p.path for p in caught.value.problems] == ["$.dossiers[2].article.id"]


def test_anything_else_is_a_type_error_naming_the_function() -> None:
    with pytest.raises(TypeError, match=r"to_popolo\(\) takes a Dossier or a Corpus, got list"):
        to_popolo([dossiers()["seed"]])  # type: ignore[arg-type]


def test_the_command_line_writes_popolo_json(tmp_path: Path) -> None:
    target = tmp_path / "popolo.json"
    assert main(["export", "--format", "popolo", "--output", str(target)]) == 0
    written = json.loads(target.read_text("utf-8"))
    assert written == to_popolo(dossiers()["seed"])
    assert invalid(written) == []
