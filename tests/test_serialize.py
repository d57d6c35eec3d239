"""The JSON serializer: lossless round trips, a schema every dump meets, and readable errors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import dossiers, fuzzy_dates, parts_of

import diplomodel as dm

try:
    import jsonschema
except ImportError:  # a run with only the runtime dependencies skips the schema checks
    jsonschema = None
needs_jsonschema = pytest.mark.skipif(
    jsonschema is None, reason="jsonschema comes with the dev extra"
)
SCHEMA_VALIDATOR = jsonschema and jsonschema.Draft202012Validator(
    dm.json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers())
def test_random_dossiers_round_trip_through_json(dossier: dm.Dossier) -> None:
    text = dm.to_json(dossier)
    assert dm.from_json(text, dm.Dossier) == dossier
    assert dm.from_dict(json.loads(text), dm.Dossier) == dossier


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers())
def test_every_part_round_trips_as_its_own_class(dossier: dm.Dossier) -> None:
    for part in parts_of(dossier):
        assert dm.from_json(dm.to_json(part), type(part)) == part


@needs_jsonschema
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers())
def test_every_dump_validates_against_the_schema(dossier: dm.Dossier) -> None:
    SCHEMA_VALIDATOR.validate(dm.to_dict(dossier))


@given(fuzzy_dates())
def test_fuzzy_dates_are_objects_with_iso_strings(date: dm.FuzzyDate) -> None:
    data = dm.to_dict(date)
    assert data == {
        "text": date.text,
        "earliest": date.earliest.isoformat(),
        "latest": date.latest.isoformat(),
        "precision": date.precision.value,
        "edtf": date.edtf,
        "basis": "words",
        "relative_to": None,
        "order": None,
        "note": None,
    }
    assert dm.from_dict(data, dm.FuzzyDate) == date


def test_enums_are_written_by_value(tiny: dm.Dossier) -> None:
    data = dm.to_dict(tiny)
    assert data["events"][0]["kind"] == "meeting"
    assert data["events"][0]["status"] == "took-place"
    assert data["events"][0]["participants"][0]["part"] == "host"
    assert data["statements"][0]["mode"] == "direct-quote"
    assert data["article"]["published"] == "2025-01-14"


@needs_jsonschema
def test_the_schema_is_a_valid_2020_12_schema_built_from_the_classes() -> None:
    schema = dm.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    defs = schema["$defs"]
    # Every attrs field of Person is a property, and nothing else is.
    assert set(defs["Person"]["properties"]) == {
        "id", "name", "family_name", "given_name", "description", "aliases", "country", "roles",
        "evidence", "identifiers", "same_as",
    }  # fmt: skip
    assert defs["Person"]["additionalProperties"] is False
    assert defs["EventStatus"]["enum"] == [status.value for status in dm.EventStatus]
    assert dm.json_schema(dm.Evidence)["$ref"] == "#/$defs/Evidence"


@needs_jsonschema
def test_the_schema_rejects_what_the_reader_rejects(tiny: dm.Dossier) -> None:
    data = dm.to_dict(tiny)
    data["people"][0]["nickname"] = "x"
    assert not SCHEMA_VALIDATOR.is_valid(data)
    data = dm.to_dict(tiny)
    data["people"][0]["id"] = "Not A Slug"
    assert not SCHEMA_VALIDATOR.is_valid(data)


def _broken(tiny: dm.Dossier, change: Any) -> dm.ValidationError:
    data = dm.to_dict(tiny)
    change(data)
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_json(json.dumps(data), dm.Dossier)
    assert isinstance(caught.value, dm.DiplomodelError)
    return caught.value


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (
            lambda d: d["people"][0].pop("family_name"),
            '$.people[0] ("wang-yi").family_name',
            "missing",
        ),
        (
            lambda d: d["events"][0].update(colour="red"),
            '$.events[0] ("talks")',
            "unknown key(s): 'colour'",
        ),
        (
            lambda d: d["countries"][1].update(alpha2=392),
            '$.countries[1] ("jp").alpha2',
            "expected str",
        ),
        (
            lambda d: d["events"][0].update(number="9"),
            '$.events[0] ("talks").number',
            "expected int",
        ),
        (
            lambda d: d["people"][0].update(aliases="Wang"),
            '$.people[0] ("wang-yi").aliases',
            "expected a list",
        ),
        (lambda d: d["events"][0].update(status="done"), '$.events[0] ("talks").status', "'done'"),
        (
            lambda d: d["article"].update(published="14/01/2025"),
            "$.article.published",
            "not an ISO date",
        ),
        (
            lambda d: d["events"][0]["date"].update(earliest=20250114),
            '$.events[0] ("talks").date.earliest',
            "ISO date string",
        ),
        (
            lambda d: d["statements"][0].update(channel="kyodo"),
            '$.statements[0] ("neighbors").channel',
            "unknown id 'kyodo'",
        ),
        (
            lambda d: d["statements"][0].update(speakers=["talks"]),
            '$.statements[0] ("neighbors").speakers[0]',
            "'talks' is an event, expected a person or institution",
        ),
        (
            lambda d: d["people"][1]["evidence"][0].update(start=0, end=13),
            '$.people[1] ("takeshi-iwaya").evidence[0]',
            "does not match the text",
        ),
        (
            lambda d: d["people"][1]["evidence"][0].update(end=99),
            '$.people[1] ("takeshi-iwaya").evidence[0].end',
            "span",
        ),
        (
            lambda d: d["people"][1].update(id="wang-yi"),
            '$.people[1] ("wang-yi").id',
            "duplicate id 'wang-yi'",
        ),
        (
            lambda d: d["events"][1].update(part_of="autumn-talks"),
            '$.events[1] ("autumn-talks").part_of',
            "cycle",
        ),
        (
            lambda d: d["people"][0]["evidence"].append({"quote": "VCG", "start": 6, "end": 9}),
            '$.people[0] ("wang-yi").evidence[2]',
            "artifact",
        ),
        (
            lambda d: d["people"][1].update(aliases=["Taro"]),
            '$.people[1] ("takeshi-iwaya").aliases[0]',
            "'Taro'",
        ),
        (lambda d: d["events"][0].update(cameo="999"), '$.events[0] ("talks").cameo', "CAMEO"),
        (
            lambda d: d["consensus_items"][0].update(document="talks"),
            '$.consensus_items[0] ("hold-talks").document',
            "expected a report",
        ),
    ],
)
def test_broken_json_names_the_path_and_the_problem(
    tiny: dm.Dossier, change: Any, path: str, words: str
) -> None:
    error = _broken(tiny, change)
    matching = [problem for problem in error.problems if problem.path == path]
    assert matching, f"no problem at {path}: {error}"
    assert any(words in problem.message for problem in matching), str(error)
    assert path in str(error)


def test_all_problems_are_reported_at_once(tiny: dm.Dossier) -> None:
    def break_three(data: dict[str, Any]) -> None:
        data["people"][0].pop("name")
        data["countries"][0]["alpha3"] = None
        data["article"]["language"] = 7

    error = _broken(tiny, break_three)
    assert {p.path for p in error.problems} == {
        '$.people[0] ("wang-yi").name',
        '$.countries[0] ("cn").alpha3',
        "$.article.language",
    }


def test_not_json_at_all_is_a_validation_error() -> None:
    with pytest.raises(dm.ValidationError, match="not JSON"):
        dm.from_json("{", dm.Dossier)


def test_a_top_level_of_the_wrong_shape_is_reported() -> None:
    with pytest.raises(dm.ValidationError, match=r"\$"):
        dm.from_dict([], dm.Dossier)


def test_objects_that_cannot_be_read_do_not_hide_the_problems_between_the_others() -> None:
    document = dm.to_dict(dm.load_seed())
    document["events"][3]["kind"] = "banquet"  # mechanism-meeting-9, cited by statements
    document["people"][2]["country"] = "xx"
    document["article"]["published"] = "14 January 2025"
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_json(json.dumps(document), dm.Dossier)
    paths = [problem.path for problem in caught.value.problems]
    assert paths == [
        "$.article.published",
        '$.events[3] ("mechanism-meeting-9").kind',
        '$.people[2] ("hiroshi-moriyama").country',
    ]
    assert caught.value.problems[2].message == "unknown id 'xx' (country)"


def test_a_reference_to_an_unreadable_object_of_the_wrong_kind_is_still_named() -> None:
    document = dm.to_dict(dm.load_seed())
    document["events"][3]["kind"] = "banquet"
    document["people"][0]["country"] = "mechanism-meeting-9"
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_json(json.dumps(document), dm.Dossier)
    problems = {problem.path: problem.message for problem in caught.value.problems}
    assert set(problems) == {
        '$.events[3] ("mechanism-meeting-9").kind',
        '$.people[0] ("wang-huning").country',
    }
    assert "an event" in problems['$.people[0] ("wang-huning").country']


def test_a_list_asked_for_is_read_as_a_list_and_a_tuple_as_a_tuple(tiny: dm.Dossier) -> None:
    text = "[" + dm.to_json(tiny, indent=None) + "]"
    as_list = dm.from_json(text, list[dm.Dossier])
    as_tuple = dm.from_json(text, tuple[dm.Dossier, ...])
    assert isinstance(as_list, list)
    assert as_list == [tiny]
    assert isinstance(as_tuple, tuple)
    assert as_tuple == (tiny,)
    assert dm.from_json('["wang-yi"]', list[str]) == ["wang-yi"]
    # The model's own list fields stay tuples, so that its objects stay hashable.
    assert isinstance(as_list[0].people, tuple)
