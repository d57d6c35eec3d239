"""External identifiers (Popolo ``identifiers``) on people, institutions, countries and places."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from conftest import build_tiny_dossier

import diplomodel as dm
from diplomodel.errors import FieldError
from diplomodel.external import SCHEMES, Identifier

WIKIDATA_CHINA = Identifier(scheme="wikidata", identifier="Q148")


def _with_identifiers() -> dm.Dossier:
    """The tiny dossier with identifiers on a country, an institution, a person and a place."""
    tiny = build_tiny_dossier()
    talks = tiny.events[0]
    assert talks.place is not None
    place = attrs.evolve(
        talks.place, identifiers=(Identifier(scheme="geonames", identifier="1816670"),)
    )
    return attrs.evolve(
        tiny,
        countries=(
            attrs.evolve(
                tiny.countries[0],
                identifiers=(WIKIDATA_CHINA, Identifier(scheme="iso3166-1", identifier="CN")),
            ),
            tiny.countries[1],
        ),
        institutions=(
            attrs.evolve(
                tiny.institutions[0],
                identifiers=(Identifier(scheme="news-registry", identifier="xinhua 1"),),
            ),
        ),
        people=(
            attrs.evolve(tiny.people[0], identifiers=(Identifier(scheme="viaf", identifier="1"),)),
            tiny.people[1],
        ),
        events=(attrs.evolve(talks, place=place), *tiny.events[1:]),
    )


def _problems(data: Any) -> dict[str, str]:
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_dict(data, dm.Dossier)
    return {problem.path: problem.message for problem in caught.value.problems}


def test_every_kind_round_trips_its_identifiers_through_json(schema: Any) -> None:
    dossier = _with_identifiers()
    text = dm.to_json(dossier)
    data = json.loads(text)
    assert data["countries"][0]["identifiers"] == [
        {"scheme": "wikidata", "identifier": "Q148"},
        {"scheme": "iso3166-1", "identifier": "CN"},
    ]
    assert data["events"][0]["place"]["identifiers"][0]["scheme"] == "geonames"
    back = dm.from_json(text, dm.Dossier)
    assert back == dossier
    assert back.get("wang-yi", dm.Person).identifiers == (
        Identifier(scheme="viaf", identifier="1"),
    )
    assert schema.is_valid(data)


def test_identifiers_default_to_none_and_the_seed_has_none() -> None:
    seed = dm.load_seed()
    for obj in (*seed.countries, *seed.institutions, *seed.people):
        assert obj.identifiers == ()
    assert "identifiers" in dm.to_dict(seed)["people"][0]


@pytest.mark.parametrize(
    ("scheme", "value"),
    [
        ("wikidata", "Q22686"),
        ("iso3166-1", "JP"),
        ("geonames", "1816670"),
        ("viaf", "102333412"),
        ("some-registry", "any value"),
    ],
)
def test_a_value_of_the_schemes_form_is_accepted(scheme: str, value: str) -> None:
    assert Identifier(scheme=scheme, identifier=value).identifier == value


@pytest.mark.parametrize(
    ("scheme", "value", "field"),
    [
        ("wikidata", "Q0", "identifier"),
        ("wikidata", "22686", "identifier"),
        ("wikidata", "Q22686\n", "identifier"),
        ("iso3166-1", "XX", "identifier"),
        ("iso3166-1", "CHN", "identifier"),
        ("geonames", "0", "identifier"),
        ("some-registry", " ", "identifier"),
        ("Wikidata", "Q22686", "scheme"),
        ("some registry", "x", "scheme"),
    ],
)
def test_a_bad_identifier_names_its_field(scheme: str, value: str, field: str) -> None:
    with pytest.raises(FieldError) as caught:
        Identifier(scheme=scheme, identifier=value)
    assert caught.value.field == field
    assert repr(value) in caught.value.message or repr(scheme) in caught.value.message


def test_a_known_schemes_message_says_its_form() -> None:
    with pytest.raises(FieldError) as caught:
        Identifier(scheme="wikidata", identifier="Q0")
    assert caught.value.message == (f"must be {SCHEMES['wikidata'][1]} for 'wikidata', got 'Q0'")


def test_bad_identifiers_are_reported_at_their_json_paths_all_at_once(schema: Any) -> None:
    data = dm.to_dict(_with_identifiers())
    data["countries"][0]["identifiers"].append({"scheme": "wikidata", "identifier": "Q148"})
    data["people"][0]["identifiers"] = [{"scheme": "wikidata", "identifier": "P" + "1" * 500}]
    data["institutions"][0]["identifiers"][0]["scheme"] = "News Registry"
    data["events"][0]["place"]["identifiers"].append({"scheme": "geonames"})
    problems = _problems(data)
    assert set(problems) == {
        '$.countries[0] ("cn").identifiers[2]',
        '$.people[0] ("wang-yi").identifiers[0].identifier',
        '$.institutions[0] ("xinhua").identifiers[0].scheme',
        '$.events[0] ("talks").place.identifiers[1].identifier',
    }
    assert problems['$.countries[0] ("cn").identifiers[2]'] == (
        "repeats wikidata:'Q148', given at identifiers[0]"
    )
    assert (
        len(problems['$.people[0] ("wang-yi").identifiers[0].identifier']) < 150
    )  # the value is cut
    assert (
        problems['$.events[0] ("talks").place.identifiers[1].identifier'] == "required key missing"
    )
    assert not schema.is_valid(data)


def test_the_schema_says_each_schemes_form(schema: Any) -> None:
    data = dm.to_dict(_with_identifiers())
    for scheme, value in [("wikidata", "Q0"), ("iso3166-1", "XX"), ("viaf", "V1")]:
        changed = json.loads(json.dumps(data))
        changed["countries"][0]["identifiers"][0] = {"scheme": scheme, "identifier": value}
        assert not schema.is_valid(changed), scheme
        assert '$.countries[0] ("cn").identifiers[0].identifier' in _problems(changed)
    changed = json.loads(json.dumps(data))
    changed["countries"][0]["identifiers"][0] = {"scheme": "other", "identifier": "Q0"}
    assert schema.is_valid(changed)
    assert dm.from_dict(changed, dm.Dossier).countries[0].identifiers[0].identifier == "Q0"


TEXT = "Wang Yi met officials of Xinhua in Beijing, China."

CURATION = """
[article]
id = "small"
text = "small.txt"
publisher = "Example News"
published = 2025-01-14

[[countries]]
id = "cn"
name = "China"
alpha2 = "CN"
alpha3 = "CHN"
evidence = ["China"]
identifiers = [{ scheme = "wikidata", identifier = "Q148" }]

[[institutions]]
id = "xinhua"
name = "Xinhua News Agency"
kind = "news-outlet"
evidence = ["Xinhua"]
identifiers = [{ scheme = "example-registry", identifier = "xinhua" }]

[[people]]
id = "wang-yi"
name = "Wang Yi"
family_name = "Wang"
given_name = "Yi"
evidence = ["Wang Yi"]
identifiers = [{ scheme = "wikidata", identifier = "WANG" }]

[[events]]
id = "meeting"
name = "Wang Yi meets Xinhua"
kind = "meeting"
status = "took-place"
evidence = ["Wang Yi met officials of Xinhua"]

[events.place]
name = "Beijing"
country = "cn"
evidence = ["Beijing"]
identifiers = [{ scheme = "geonames", identifier = "1816670" }]
"""


def _curation(tmp_path: Path, text: str) -> Path:
    (tmp_path / "small.txt").write_text(TEXT, "utf-8")
    curation = tmp_path / "small.toml"
    curation.write_text(text, "utf-8")
    return curation


def test_a_curation_gives_identifiers_as_inline_tables(tmp_path: Path) -> None:
    good = CURATION.replace('"WANG"', '"Q1"')
    dossier = dm.load(_curation(tmp_path, good))
    assert dossier.get("cn", dm.Country).identifiers == (WIKIDATA_CHINA,)
    assert dossier.get("xinhua", dm.Institution).identifiers == (
        Identifier(scheme="example-registry", identifier="xinhua"),
    )
    assert dossier.get("wang-yi", dm.Person).identifiers[0].identifier == "Q1"
    place = dossier.get("meeting", dm.Event).place
    assert place is not None
    assert place.identifiers == (Identifier(scheme="geonames", identifier="1816670"),)


def test_a_bad_identifier_in_a_curation_is_named_at_its_key(tmp_path: Path) -> None:
    bad = CURATION.replace(
        '{ scheme = "wikidata", identifier = "Q148" }',
        '{ scheme = "wikidata", identifier = "Q148" }, { scheme = "wikidata", identifier = "Q148" }',
    )
    with pytest.raises(dm.CurationError) as caught:
        dm.load(_curation(tmp_path, bad))
    problems = {problem.path: problem.message for problem in caught.value.problems}
    assert set(problems) == {
        'countries[0] ("cn").identifiers[1]',
        'people[0] ("wang-yi").identifiers[0].identifier',
    }
    assert "'WANG'" in problems['people[0] ("wang-yi").identifiers[0].identifier']
