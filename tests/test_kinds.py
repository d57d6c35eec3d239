"""The kinds of facts real articles need, each on a sentence of the fixture articles.

The curations in ``tests/fixtures/kinds/`` cite the fixture texts in
``tests/fixtures/articles/``: event kinds, co-chairs, consensus that was reaffirmed
or not reached, unnamed people, quantities, roles in time, offices of state, a
place named by its city, and the artifacts of a wire copy.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import diplomodel as dm
from diplomodel.cli import main
from diplomodel.loader import loads_curation
from diplomodel.quantities import Quantity, numbers_in

KINDS = Path(__file__).parent / "fixtures" / "kinds"
ARTICLES = Path(__file__).parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def wire() -> dm.Dossier:
    return dm.load(KINDS / "wire-report.toml")


@pytest.fixture(scope="module")
def briefing() -> dm.Dossier:
    return dm.load(KINDS / "briefing.toml")


@pytest.fixture(scope="module")
def weekly() -> dm.Dossier:
    return dm.load(KINDS / "weekly-review.toml")


def curation_problems(name: str, change: Any) -> dict[str, str]:
    """The problems of a fixture curation after ``change`` (old, new) to its text."""
    text = (KINDS / name).read_text("utf-8")
    old, new = change
    assert old in text
    with pytest.raises(dm.CurationError) as caught:
        loads_curation(text.replace(old, new, 1), KINDS, name)
    return {problem.path: problem.message for problem in caught.value.problems}


def json_problems(dossier: dm.Dossier, change: Any) -> dict[str, str]:
    """The problems of a dossier's JSON after ``change`` edits its dict form."""
    data = dm.to_dict(dossier)
    change(data)
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_json(json.dumps(data), dm.Dossier)
    return {problem.path: problem.message for problem in caught.value.problems}


def index_of(items: tuple[Any, ...], id: str) -> int:
    return next(i for i, item in enumerate(items) if item.id == id)


# -- every new construction loads, round-trips through JSON and fits the schema ----------


@pytest.mark.parametrize("name", ["wire", "briefing", "weekly"])
def test_the_kinds_fixtures_round_trip_and_fit_the_schema(
    name: str, request: pytest.FixtureRequest, schema: Any
) -> None:
    dossier: dm.Dossier = request.getfixturevalue(name)
    assert dm.from_json(dm.to_json(dossier), dm.Dossier) == dossier
    errors = [error.message for error in schema.iter_errors(dm.to_dict(dossier))]
    assert errors == []


# -- event kinds, co-chairs, consensus statuses ------------------------------------------


def test_event_kinds_from_the_fixture_sentences(
    wire: dm.Dossier, briefing: dm.Dossier, weekly: dm.Dossier
) -> None:
    kinds = {
        "a summit between Chinese President Xi Jinping": (wire, dm.EventKind.SUMMIT),
        "regular press briefing": (briefing, dm.EventKind.PRESS_CONFERENCE),
        "signed a memorandum on school exchange trips": (briefing, dm.EventKind.SIGNING),
        "took office as Japan's consul general": (weekly, dm.EventKind.APPOINTMENT),
        "China has eased the ban": (briefing, dm.EventKind.POLICY_MEASURE),
    }
    for words, (dossier, kind) in kinds.items():
        (event,) = [e for e in dossier.events if any(words in s.quote for s in e.evidence)]
        assert event.kind is kind
        assert dossier.events_where(kind=kind.value) == (event,)


def test_co_chairs_of_the_dialogue(briefing: dm.Dossier) -> None:
    dialogue = briefing.get("exchanges-dialogue", dm.Event)
    parts = {p.participant: p.part for p in dialogue.participants}
    assert parts == {
        "wang-yi": dm.ParticipantPart.CO_CHAIR,
        "takeshi-iwaya": dm.ParticipantPart.CO_CHAIR,
    }
    (met,) = briefing.interactions("wang-yi")
    assert met.pair == {"wang-yi", "takeshi-iwaya"}
    rows = dm.to_records(briefing)["participations"]
    assert {r["part"] for r in rows if r["event"] == "exchanges-dialogue"} == {"co-chair"}


def test_a_reaffirmed_earlier_agreement_and_a_disagreement(wire: dm.Dossier) -> None:
    (reaffirmed,) = wire.consensus_where(status="reaffirmed")
    assert reaffirmed.content.quote.endswith("agreed by their predecessors")
    assert set(reaffirmed.parties) == {"xi-jinping", "shigeru-ishiba"}
    (not_agreed,) = wire.consensus_where(status=dm.ConsensusStatus.NOT_AGREED)
    assert "seafood imports" in not_agreed.content.quote
    assert "did not agree" in not_agreed.evidence[0].quote
    rows = dm.to_records(wire)["consensus_items"]
    assert {r["id"]: r["status"] for r in rows} == {
        reaffirmed.id: "reaffirmed",
        not_agreed.id: "not-agreed",
    }


def test_an_unknown_event_kind_lists_the_new_ones() -> None:
    problems = curation_problems("briefing.toml", ('kind = "signing"', 'kind = "sign"'))
    ((path, message),) = problems.items()
    assert path.startswith("events[")
    assert path.endswith("].kind")
    for kind in ("summit", "press-conference", "signing", "appointment", "policy-measure"):
        assert repr(kind) in message


# -- unnamed people ------------------------------------------------------------------------


def test_an_unnamed_person_speaks_and_holds_a_role(briefing: dm.Dossier) -> None:
    spokesperson = briefing.get("ministry-spokesperson", dm.Person)
    assert spokesperson.name is None
    assert not spokesperson.is_named
    assert spokesperson.label == "a foreign ministry spokesperson"
    assert briefing.name_of("ministry-spokesperson") == "a foreign ministry spokesperson"
    assert dm.label_of(spokesperson) == spokesperson.label
    (said,) = briefing.statements_by("ministry-spokesperson")
    assert said.act is dm.SpeechAct.DENIAL
    (role,) = briefing.roles_of("ministry-spokesperson")
    assert (role.role.title, role.role.institution) == ("spokesperson", "cn-foreign-ministry")
    official = briefing.get("senior-official", dm.Person)
    assert [s.id for s in briefing.statements_by(official)] == ["monitoring-data-expected"]
    row = next(r for r in dm.to_records(briefing)["people"] if r["id"] == "senior-official")
    assert (row["name"], row["family_name"], row["description"]) == (
        None,
        None,
        "a senior official",
    )


def test_an_unnamed_person_is_listed_by_description(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["people", str(KINDS / "wire-report.toml")]) == 0
    out = capsys.readouterr().out
    assert "a person familiar with the matter: no role given" in out
    assert "his predecessor (JP): Foreign Minister (former), Japan" in out
    assert "Xi Jinping (CN): President, China" in out


def test_a_person_needs_a_name_or_a_description() -> None:
    problems = curation_problems("briefing.toml", ('description = "a senior official"\n', ""))
    (message,) = problems.values()
    assert list(problems) == ["people[1].description"]
    assert "no name" in message
    assert "description" in message
    # A name without its parts is not half a name.
    problems = curation_problems(
        "briefing.toml",
        ('description = "a senior official"', 'name = "Senior Official"'),
    )
    assert list(problems) == ["people[1].family_name"]


def test_a_person_without_name_or_description_is_refused_in_json(briefing: dm.Dossier) -> None:
    index = index_of(briefing.people, "senior-official")

    def drop_description(data: dict[str, Any]) -> None:
        data["people"][index]["description"] = None

    problems = json_problems(briefing, drop_description)
    assert list(problems) == [f"$.people[{index}].description"]


def test_the_schema_wants_a_name_or_a_description(briefing: dm.Dossier, schema: Any) -> None:
    data = dm.to_dict(briefing)
    index = index_of(briefing.people, "senior-official")
    data["people"][index]["description"] = None
    assert not schema.is_valid(data)
    data["people"][index]["description"] = "a senior official"
    data["people"][index]["given_name"] = "Official"
    assert not schema.is_valid(data)


# -- quantities ----------------------------------------------------------------------------


def test_quantities_on_events_and_statements(wire: dm.Dossier, briefing: dm.Dossier) -> None:
    (agreements,) = briefing.get("iwaya-visit", dm.Event).quantities
    assert (agreements.value, agreements.unit, agreements.counts) == (8, None, "agreements")
    (fund,) = wire.get("green-fund-proposal", dm.Statement).quantities
    assert (fund.value, fund.unit) == (1_000_000_000, "USD")
    (days,) = wire.get("iwaya-visit", dm.Event).quantities
    assert (days.value, days.unit, days.evidence[0].quote) == (3, "day", "three-day visit")
    rows = dm.to_records(wire)["quantities"]
    assert {(r["owner"], r["value"], r["unit"], r["quote"]) for r in rows} == {
        ("iwaya-visit", 3, "day", "three-day visit"),
        ("green-fund-proposal", 1_000_000_000, "USD", "$1 billion"),
    }
    # Their words are evidence of their owner, at their own path.
    paths = {site.path for site in wire.mentions("green-fund-proposal")}
    assert (
        f"$.statements[{index_of(wire.statements, 'green-fund-proposal')}].quantities[0].evidence[0]"
        in paths
    )


def test_a_quantity_on_a_consensus_item() -> None:
    text = (KINDS / "wire-report.toml").read_text("utf-8") + (
        '\n[[consensus_items.quantities]]\nvalue = 1\ncounts = "earlier relationship"\n'
        'evidence = ["the mutually beneficial strategic relationship"]\n'
    )
    # "1" is not written in the words: nothing to check, so the curator's value stands.
    dossier = loads_curation(text, KINDS)
    assert dossier.consensus_items[-1].quantities[0].value == 1


@pytest.mark.parametrize(
    ("toml", "old", "new", "written"),
    [
        ("briefing.toml", "value = 8", "value = 9", "8"),
        ("wire-report.toml", "value = 1_000_000_000", "value = 1", "1000000000"),
        ("wire-report.toml", "value = 3", "value = 30", "3"),
    ],
)
def test_a_value_the_words_do_not_write_is_refused(
    toml: str, old: str, new: str, written: str
) -> None:
    problems = curation_problems(toml, (old, new))
    ((path, message),) = problems.items()
    assert path.endswith("quantities[0].value")
    assert f"gives {written}" in message


def test_a_value_must_be_a_number() -> None:
    problems = curation_problems("briefing.toml", ("value = 8", 'value = "8"'))
    ((path, message),) = problems.items()
    assert path.endswith("quantities[0].value")
    assert "must be a finite number" in message
    problems = curation_problems("briefing.toml", ("value = 8", "value = inf"))
    assert "must be a finite number" in next(iter(problems.values()))


def test_a_value_in_json_must_be_a_number(briefing: dm.Dossier) -> None:
    index = index_of(briefing.events, "iwaya-visit")

    def as_text(data: dict[str, Any]) -> None:
        data["events"][index]["quantities"][0]["value"] = "8"

    problems = json_problems(briefing, as_text)
    assert list(problems) == [f"$.events[{index}].quantities[0].value"]

    def as_boolean(data: dict[str, Any]) -> None:
        data["events"][index]["quantities"][0]["value"] = True

    assert list(json_problems(briefing, as_boolean)) == [f"$.events[{index}].quantities[0].value"]


def test_a_value_in_json_is_checked_against_its_words(briefing: dm.Dossier) -> None:
    index = index_of(briefing.events, "iwaya-visit")

    def nine(data: dict[str, Any]) -> None:
        data["events"][index]["quantities"][0]["value"] = 9

    problems = json_problems(briefing, nine)
    assert list(problems) == [f"$.events[{index}].quantities[0].value"]
    assert "gives 8" in problems[f"$.events[{index}].quantities[0].value"]


def test_the_forms_of_numbers_that_are_read() -> None:
    assert list(numbers_in("produced eight agreements")) == [8]
    assert list(numbers_in("a $1 billion fund")) == [1_000_000_000]
    assert list(numbers_in("a three-day visit")) == [3]
    assert list(numbers_in("twenty-five years, 1,200 people, 2.5 percent")) == [25, 1200, 2.5]
    assert list(numbers_in("a dozen envoys")) == []  # not a checked form


def test_a_quantity_built_in_code_checks_its_words() -> None:
    words = dm.Evidence(quote="eight agreements", start=0, end=16)
    assert Quantity(value=8.0, counts="agreements", evidence=(words,)).value == 8
    with pytest.raises(dm.FieldError) as caught:
        Quantity(value=7, counts="agreements", evidence=(words,))
    assert caught.value.field == "value"


# -- roles in time -------------------------------------------------------------------------


def test_a_role_since_a_month_and_a_former_role(wire: dm.Dossier) -> None:
    (role,) = wire.get("takeshi-iwaya", dm.Person).roles
    assert role.start is not None
    assert role.start.text == "in October"
    assert (role.start.earliest, role.start.latest) == (dt.date(2024, 10, 1), dt.date(2024, 10, 31))
    assert role.end is None
    assert not role.former
    (earlier,) = wire.get("iwaya-predecessor", dm.Person).roles
    assert earlier.former
    assert earlier.title == role.title
    rows = {r["person"]: r for r in dm.to_records(wire)["roles"]}
    assert rows["takeshi-iwaya"]["start_earliest"] == "2024-10-01"
    assert rows["iwaya-predecessor"]["former"] is True


def test_a_role_cannot_end_before_it_starts() -> None:
    published = dt.date(2024, 12, 25)
    words = dm.Evidence(quote="x", start=0, end=1)
    with pytest.raises(dm.FieldError) as caught:
        dm.Role(
            title="Foreign Minister",
            country="jp",
            start=dm.resolve_date("in October", published),
            end=dm.resolve_date("last month", dt.date(2024, 10, 5)),
            evidence=(words,),
        )
    assert caught.value.field == "end"
    assert "before the start" in caught.value.message
    # A fuzzy end that may fall after the start is accepted.
    role = dm.Role(
        title="Foreign Minister",
        country="jp",
        start=dm.resolve_date("in October", published),
        end=dm.resolve_date("in October", published),
        evidence=(words,),
    )
    assert role.start == role.end


def test_a_role_ending_before_it_starts_in_a_curation() -> None:
    # The weekly review's "late last year" ends before "this month" starts.
    problems = curation_problems(
        "weekly-review.toml",
        ('start = "this month"', 'start = "this month"\nend = "late last year"'),
    )
    assert list(problems) == ["people[0].roles[0].end"]


def test_a_role_that_ended_before_the_article_is_former() -> None:
    predecessor = 'former = true\nevidence = ["the previous visit'
    # "last month" ends before the report's date: the predecessor's role is former.
    dossier = loads_curation(
        (KINDS / "wire-report.toml")
        .read_text("utf-8")
        .replace(predecessor, 'former = true\nend = "last month"\nevidence = ["the previous visit'),
        KINDS,
    )
    (role,) = dossier.get("iwaya-predecessor", dm.Person).roles
    assert role.end is not None
    assert role.end.latest == dt.date(2024, 11, 30)
    problems = curation_problems(
        "wire-report.toml", (predecessor, 'end = "last month"\nevidence = ["the previous visit')
    )
    assert list(problems) == ["people[2].roles[0].former"]
    assert "set former = true" in problems["people[2].roles[0].former"]
    # A role still held may end later ("later this month"), but not a former one.
    problems = curation_problems(
        "wire-report.toml",
        (predecessor, 'former = true\nend = "later this month"\nevidence = ["the previous visit'),
    )
    assert list(problems) == ["people[2].roles[0].end"]


# -- offices of state ----------------------------------------------------------------------


def test_heads_of_state_and_government_hold_offices_of_their_country(wire: dm.Dossier) -> None:
    (president,) = wire.get("xi-jinping", dm.Person).roles
    assert (president.title, president.country, president.institution) == ("President", "cn", None)
    holders = {a.person for a in wire.roles_of("jp")}
    assert {"shigeru-ishiba", "takeshi-iwaya", "iwaya-predecessor"} <= holders
    assert "xi-jinping" in {a.person for a in wire.roles_of(wire.get("cn", dm.Country))}
    assert "cn" in {c for site in wire.mentions("cn") for c in site.subjects}


def test_the_schema_wants_exactly_one_of_institution_and_country(
    wire: dm.Dossier, schema: Any
) -> None:
    data = dm.to_dict(wire)
    xi = index_of(wire.people, "xi-jinping")
    role = data["people"][xi]["roles"][0]
    assert schema.is_valid(data)
    role["institution"] = "cn"
    assert not schema.is_valid(data)
    role["institution"] = role["country"] = None
    assert not schema.is_valid(data)


@pytest.mark.parametrize(
    ("new", "says"),
    [
        ('title = "President"\ncountry = "cn"\ninstitution = "cn"', "both"),
        ('title = "President"', "neither"),
    ],
)
def test_a_role_is_held_in_exactly_one_of_institution_and_country(new: str, says: str) -> None:
    problems = curation_problems("wire-report.toml", ('title = "President"\ncountry = "cn"', new))
    ((path, message),) = problems.items()
    assert path.endswith("roles[0].institution")
    assert message.startswith(says)


def test_a_role_names_a_country_that_exists() -> None:
    problems = curation_problems(
        "wire-report.toml",
        ('title = "President"\ncountry = "cn"', 'title = "President"\ncountry = "kz"'),
    )
    assert problems == {"people[3].roles[0].country": "unknown id 'kz' (country)"}


# -- a place in a third country named by its city --------------------------------------------


def test_a_city_in_a_third_country(weekly: dm.Dossier, wire: dm.Dossier) -> None:
    astana = weekly.get("astana-meeting", dm.Event).place
    assert astana is not None
    assert (astana.name, astana.country, astana.country_code) == ("Astana", None, "KZ")
    assert dm.iso_country(astana.country_code).name == "Kazakhstan"
    lima = wire.get("xi-ishiba-summit", dm.Event).place
    assert lima is not None
    assert lima.country_code == "PE"
    row = next(r for r in dm.to_records(weekly)["events"] if r["id"] == "astana-meeting")
    assert (row["place"], row["place_country"], row["place_country_code"]) == ("Astana", None, "KZ")


def test_a_place_code_must_be_assigned_and_agree_with_its_country() -> None:
    problems = curation_problems(
        "weekly-review.toml", ('country_code = "KZ"', 'country_code = "XK"')
    )
    ((path, message),) = problems.items()
    assert path == "events[1].place.country_code"
    assert "'XK' is not an assigned ISO 3166-1 alpha-2 code" in message
    problems = curation_problems(
        "wire-report.toml",
        (
            'name = "Beijing"\ncountry = "cn"',
            'name = "Beijing"\ncountry = "cn"\ncountry_code = "JP"',
        ),
    )
    ((path, message),) = problems.items()
    assert path == "events[1].place.country_code"
    assert "'JP' is not the code of the place's country 'cn' (CN)" in message


# -- artifacts -----------------------------------------------------------------------------


def test_the_wire_copys_artifacts_and_a_cited_caption(wire: dm.Dossier) -> None:
    kinds = {artifact.kind: artifact.evidence.quote for artifact in wire.article.artifacts}
    assert kinds[dm.ArtifactKind.SOURCE_PREFIX] == "[Fixture Wire service copy]"
    assert kinds[dm.ArtifactKind.DATELINE] == "BEIJING, Dec. 25 (Fixture Wire) --"
    caption = next(a for a in wire.article.artifacts if a.kind is dm.ArtifactKind.CAPTION)
    talks = wire.get("wang-iwaya-talks", dm.Event)
    inside = [e for e in talks.evidence if caption.evidence.start <= e.start < caption.evidence.end]
    assert [e.quote for e in inside] == [
        "Wang Yi and Takeshi Iwaya shake hands before the talks in Beijing"
    ]
    assert dm.ArtifactKind.CAPTION.citable
    assert not any(kind.citable for kind in dm.ArtifactKind if kind is not dm.ArtifactKind.CAPTION)


def test_words_inside_other_artifacts_stay_uncitable() -> None:
    problems = curation_problems(
        "wire-report.toml",
        ('evidence = ["Iwaya arrived', 'evidence = ["BEIJING, Dec. 25", "Iwaya arrived'),
    )
    ((path, message),) = problems.items()
    assert path == "events[0].evidence[0]"
    assert "overlaps a text artifact ($.article.artifacts[1])" in message
    # Marked as a photo credit rather than a caption, the caption's words are not citable.
    problems = curation_problems("wire-report.toml", ('kind = "caption"', 'kind = "photo-credit"'))
    ((path, message),) = problems.items()
    assert path == "events[1].evidence[1]"
    assert "overlaps a text artifact ($.article.artifacts[2])" in message


def test_a_text_cut_off_mid_word_is_a_truncation() -> None:
    toml = """
[article]
id = "contradicting-cut"
publisher = "Fixture Daily"
published = 2024-12-27
text = "contradicting.txt"

[[article.artifacts]]
kind = "truncation"
reason = "the copy stops mid-word"
quote = "and some in Tokyo expect the sec"
"""
    dossier = loads_curation(toml, ARTICLES)
    (artifact,) = dossier.article.artifacts
    assert artifact.kind is dm.ArtifactKind.TRUNCATION
    assert dossier.article.text.endswith(artifact.evidence.quote)
    assert attrs.evolve(artifact).kind.value == "truncation"
