"""Field rules: every broken rule of every object is reported at once, at its field's path."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from conftest import attrs_objects, cite

import diplomodel as dm
from diplomodel.errors import FieldError
from diplomodel.identifiers import broken_rules

_BAD_STRINGS = ("", " \n", "Not A Slug", "x\n", "\ud800")
_BAD_INTS = (-1, 0, 10**40)


def _problems(data: Any, cls: type[Any] = dm.Dossier) -> list[dm.Problem]:
    try:
        dm.from_dict(data, cls)
    except dm.ValidationError as error:
        return list(error.problems)
    return []


def test_every_local_problem_of_the_seed_names_a_field_and_says_what_is_wrong() -> None:
    objects = [obj for obj in attrs_objects(dm.load_seed()) if not isinstance(obj, dm.Dossier)]
    reported = 0
    for obj in objects[:: max(1, len(objects) // 120)]:  # a spread across the whole seed
        original = dm.to_dict(obj)
        for key, value in original.items():
            if isinstance(value, bool) or not isinstance(value, str | int):
                continue
            for bad in _BAD_INTS if isinstance(value, int) else _BAD_STRINGS:
                for problem in _problems({**original, key: bad}, type(obj)):
                    reported += 1
                    assert problem.path.startswith("$."), problem
                    assert "Attribute(" not in problem.message, problem
                    assert len(problem.message) < 300, problem
    assert reported > 300


def test_every_broken_field_of_one_object_is_reported_at_once() -> None:
    data = dm.to_dict(dm.load_seed().countries[0])
    data.update(id="China", name=" ", alpha2="cn", alpha3="CHINA", evidence=[])
    problems = _problems(data, dm.Country)
    assert {problem.path for problem in problems} == {
        "$.id",
        "$.name",
        "$.alpha2",
        "$.alpha3",
        "$.evidence",
    }
    messages = {problem.path: problem.message for problem in problems}
    assert messages["$.alpha2"] == "must be two capital letters (ISO 3166-1 alpha-2), got 'cn'"
    assert messages["$.alpha3"].startswith("must be three capital letters")


def test_rules_of_an_object_are_reported_beside_its_unreadable_fields() -> None:
    data = dm.to_dict(dm.load_seed().events[0])
    data.update(id="Bad", kind="party", participants="nobody")
    paths = {problem.path for problem in _problems(data, dm.Event)}
    assert paths == {"$.id", "$.kind", "$.participants"}


def test_list_rules_name_each_bad_item() -> None:
    seed = dm.load_seed()
    data = dm.to_dict(seed.statements[0])
    data["speakers"] = ["wang-yi", "Wang Yi", "wang-yi", ""]
    data["topics"] = ["a", "a"]
    messages = {problem.path: problem.message for problem in _problems(data, dm.Statement)}
    assert set(messages) == {"$.speakers[1]", "$.speakers[2]", "$.speakers[3]", "$.topics[1]"}
    assert messages["$.speakers[2]"] == "repeats the id 'wang-yi'"
    person = dm.to_dict(next(p for p in seed.people if p.aliases))
    person["aliases"] = [" ", "ok", ""]
    paths = {problem.path for problem in _problems(person, dm.Person)}
    assert paths == {"$.aliases[0]", "$.aliases[2]"}


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"number": 0, "series": "s"}, "$.number", "must be 1 or more, got 0"),
        ({"number": 3, "series": None}, "$.series", "series and number go together"),
        ({"number": None, "series": "s"}, "$.number", "series and number go together"),
        ({"cameo": "999"}, "$.cameo", "'999' is not a CAMEO code"),
    ],
)
def test_event_rules_are_reported_at_their_field(
    change: dict[str, Any], path: str, words: str
) -> None:
    data = dm.to_dict(dm.load_seed().events[0])
    data.update(change)
    problems = _problems(data, dm.Event)
    assert [problem.path for problem in problems] == [path]
    assert words in problems[0].message


def test_cross_field_rules_name_the_field_they_judge() -> None:
    person = dm.to_dict(dm.load_seed().people[0])
    person["name"] = "Somebody Else"
    (problem,) = _problems(person, dm.Person)
    assert problem.path == "$.name"
    assert "family and given names" in problem.message
    evidence = {"quote": "Wang", "start": 3, "end": 9}
    (problem,) = _problems(evidence, dm.Evidence)
    assert problem.path == "$.end"
    assert "end must be 7" in problem.message
    item = dm.to_dict(dm.load_seed().consensus_items[0])
    item["parties"] = item["parties"][:1]
    (problem,) = _problems(item, dm.ConsensusItem)
    assert (problem.path, problem.message.split(",")[0]) == (
        "$.parties",
        "needs at least two sides",
    )


def test_building_an_object_in_python_raises_a_field_error_naming_the_field() -> None:
    with pytest.raises(FieldError) as caught:
        dm.Article(
            id="a",
            publisher="P",
            published=dm.load_seed().article.published,
            text="t",
            language="English",
        )
    assert caught.value.field == "language"
    assert "BCP 47" in caught.value.message
    assert "Attribute(" not in str(caught.value)
    assert isinstance(caught.value, dm.DiplomodelError)


def test_broken_rules_runs_every_validator_not_only_the_first() -> None:
    values = {"quote": " ", "start": -4, "end": 9}
    fields = {error.field for error in broken_rules(dm.Evidence, values)}
    assert fields == {"quote", "start", "end"}
    good = attrs.asdict(cite("Wang"))
    assert broken_rules(dm.Evidence, good) == []


def test_the_json_of_every_object_reads_back_through_the_new_hooks() -> None:
    seed = dm.load_seed()
    for entity in seed.entities():
        assert dm.from_json(json.dumps(dm.to_dict(entity)), type(entity)) == entity


def test_ids_known_valid_are_remembered_within_a_bound_and_others_never() -> None:
    from unittest import mock

    from diplomodel import identifiers

    with (
        mock.patch.object(identifiers, "_KNOWN_IDS", set()),
        mock.patch.object(identifiers, "_KNOWN_IDS_KEPT", 3),
    ):
        ids = [f"person-{number}" for number in range(10)]
        assert all(identifiers.is_id(each) for each in ids)
        assert 0 < len(identifiers._KNOWN_IDS) <= 3
        assert all(identifiers.is_id(each) for each in ids)  # and still valid once forgotten
        for bad in ("Wang Yi", "a--b", "", "x\n", ["wang-yi"], {"id": 1}, None, 7):
            assert not identifiers.is_id(bad)
        assert all(isinstance(each, str) and "-" in each for each in identifiers._KNOWN_IDS)


def test_a_list_of_ids_still_names_each_bad_or_repeated_item() -> None:
    seed = dm.load_seed()
    item = next(each for each in seed.consensus_items if len(each.parties) >= 2)
    data = dm.to_dict(item)
    data["parties"] = [data["parties"][0], "Not A Slug", data["parties"][0]]
    paths = {problem.path: problem.message for problem in _problems(data, dm.ConsensusItem)}
    assert "must be a slug id" in paths["$.parties[1]"]
    assert "repeats the id" in paths["$.parties[2]"]


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: dm.Evidence(quote="abc", start=1.0, end=4), "start"),
        (lambda: dm.Evidence(quote="abc", start=1, end=4.0), "end"),
        (lambda: dm.Evidence(quote="abc", start=True, end=4), "start"),
        (lambda: attrs.evolve(dm.load_seed().events[0], number=1e16), "number"),
    ],
    ids=["float start", "float end", "bool start", "float number"],
)
def test_a_whole_number_field_refuses_other_numbers_built_in_python(build: Any, field: str) -> None:
    # Every writer then writes the field alike: msgspec would write 1e16 where Python
    # writes 1e+16, and null for an infinity.
    with pytest.raises(FieldError) as refused:
        build()
    assert refused.value.field == field
    assert "whole number" in refused.value.message
