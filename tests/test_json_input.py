"""Hostile JSON text: every way it can be wrong ends as a ValidationError naming the problem."""

from __future__ import annotations

import codecs
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel.identifiers import MAX_ITEM_ERRORS
from diplomodel.serialize import MAX_DEPTH, MAX_PROBLEMS


def _problems(text: Any, cls: type[Any] = dm.Dossier) -> list[dm.Problem]:
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_json(text, cls)
    return list(caught.value.problems)


def _messages_at(problems: list[dm.Problem], path: str) -> list[str]:
    return [problem.message for problem in problems if problem.path == path]


@pytest.fixture(scope="module")
def seed_json() -> str:
    return dm.to_json(dm.load_seed())


def test_deep_nesting_is_refused_with_the_limit_before_python_recurses() -> None:
    for depth in (MAX_DEPTH + 1, 1_000, 100_000):
        text = '{"article": ' + "[" * depth + "]" * depth + "}"
        (problem,) = _problems(text)
        assert problem.path == "$"
        assert f"nest {depth + 1} deep, more than {MAX_DEPTH}" in problem.message


def test_nesting_within_the_limit_is_read_and_brackets_in_strings_do_not_count() -> None:
    text = json.dumps({"quote": "[" * 500 + "{" * 500, "start": 0, "end": 1000})
    assert dm.from_json(text, dm.Evidence).quote.startswith("[[")
    problems = _problems('{"article": ' + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2) + "}")
    assert _messages_at(problems, "$.article")  # read, then refused as no article


def test_an_integer_too_long_for_python_is_refused() -> None:
    digits = 5_000
    (problem,) = _problems('{"quote": "x", "start": ' + "9" * digits + ', "end": 1}', dm.Evidence)
    assert f"integer literal of {digits} digits" in problem.message
    assert len(str(problem)) < 200


def test_bytes_that_are_not_utf8_are_refused_with_their_offset(seed_json: str) -> None:
    raw = seed_json.encode("utf-8")
    broken = raw[:100] + b"\xff" + raw[100:]
    (problem,) = _problems(broken)
    assert "not UTF-8" in problem.message
    assert "offset 100" in problem.message
    utf16 = seed_json.encode("utf-16")
    assert "not UTF-8" in _problems(utf16)[0].message


@pytest.mark.parametrize("text", [None, 42, ["{}"], {"article": {}}])
def test_anything_but_str_or_bytes_is_refused(text: Any) -> None:
    (problem,) = _problems(text)
    assert f"got {type(text).__name__}" in problem.message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(constant: str) -> None:
    (problem,) = _problems('{"quote": "x", "start": ' + constant + ', "end": 1}', dm.Evidence)
    assert f"{constant} is not JSON" in problem.message


def test_a_byte_order_mark_is_skipped_in_str_and_bytes(seed_json: str) -> None:
    seed = dm.load_seed()
    assert dm.from_json("\ufeff" + seed_json, dm.Dossier) == seed
    assert dm.from_json(codecs.BOM_UTF8 + seed_json.encode("utf-8"), dm.Dossier) == seed
    # Only the leading one is a signature; a second one is content, and not JSON.
    assert "not JSON" in _problems("\ufeff\ufeff" + seed_json)[0].message


def test_duplicate_keys_are_reported_at_their_object(seed_json: str) -> None:
    data = json.loads(seed_json)
    person = json.dumps(data["people"][2])
    twice = person[:-1] + ', "name": ' + json.dumps(data["people"][2]["name"]) + "}"
    whole = json.dumps(data)
    problems = _problems(whole.replace(person, twice, 1))
    assert _messages_at(problems, '$.people[2] ("hiroshi-moriyama")') == ["duplicate key 'name'"]
    text = '{"quote": "a", "quote": "b", "quote": "c", "start": 0, "end": 1, "end": 1}'
    assert _messages_at(_problems(text, dm.Evidence), "$") == [
        "duplicate key 'quote'",
        "duplicate key 'end'",
    ]


def test_lone_surrogates_are_refused_wherever_they_stand(seed_json: str) -> None:
    data = json.loads(seed_json)
    data["people"][0]["given_name"] = "Yi\ud800"
    data["events"][0]["evidence"][0]["quote"] = "\udfff"
    problems = _problems(json.dumps(data))
    assert any(
        "lone surrogate" in m
        for m in _messages_at(problems, '$.people[0] ("wang-huning").given_name')
    )
    assert any(
        "lone surrogate" in m
        for m in _messages_at(
            problems, '$.events[0] ("coalition-delegation-trip").evidence[0].quote'
        )
    )
    # A pair of surrogate escapes is one character, and fine.
    quote = json.dumps("\U0001f600")
    assert dm.from_json('{"quote": ' + quote + ', "start": 0, "end": 1}', dm.Evidence).end == 1


@pytest.mark.parametrize(
    "written", ["20250114", "2025-W03-2", "2025-014", "2025-01-14\n", "٢٠٢٥-01-14"]
)
def test_dates_must_be_written_exactly_yyyy_mm_dd(seed_json: str, written: str) -> None:
    data = json.loads(seed_json)
    data["article"]["published"] = written
    messages = _messages_at(_problems(json.dumps(data)), "$.article.published")
    assert messages
    assert "YYYY-MM-DD" in messages[0]


def test_messages_quote_huge_values_in_short(seed_json: str) -> None:
    data = json.loads(seed_json)
    huge = "X" * 5_000_000
    data["countries"][0]["alpha2"] = huge
    data["countries"][1]["name"] = [huge]
    data["events"][0]["kind"] = huge
    data["people"][0][huge] = 1
    data["statements"][0]["speakers"] = [huge, huge]
    data["article"]["published"] = huge
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_json(json.dumps(data), dm.Dossier)
    error = caught.value
    paths = {problem.path for problem in error.problems}
    assert {
        '$.countries[0] ("cn").alpha2',
        '$.countries[1] ("jp").name',
        '$.events[0] ("coalition-delegation-trip").kind',
        '$.people[0] ("wang-huning")',
        '$.statements[0] ("wang-huning-in-depth-exchanges").speakers[0]',
        '$.statements[0] ("wang-huning-in-depth-exchanges").speakers[1]',
        "$.article.published",
    } <= paths
    assert all(len(problem.message) < 300 for problem in error.problems), str(error)[:2000]


def test_validating_a_list_of_dossiers_as_one_gives_a_short_message(seed_json: str) -> None:
    three = "[" + ", ".join([seed_json] * 3) + "]"
    assert len(three) > 100_000
    (problem,) = _problems(three)
    assert "expected an object for Dossier, got list" in problem.message
    assert len(str(problem)) < 300


def test_a_flood_of_problems_is_listed_up_to_a_limit_then_counted(seed_json: str) -> None:
    data = json.loads(seed_json)
    data["people"][0]["aliases"] = [""] * 50_000
    data["events"][0]["evidence"] = [{"quote": "x"}] * 5_000
    problems = _problems(json.dumps(data))
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].path == "$"
    assert problems[-1].message.startswith("and ")
    aliases = [p for p in problems if p.path.startswith('$.people[0] ("wang-huning").aliases')]
    assert len(aliases) == MAX_ITEM_ERRORS + 1
    assert aliases[-1] == dm.Problem(
        '$.people[0] ("wang-huning").aliases',
        f"and {50_000 - MAX_ITEM_ERRORS} more items break the same rules",
    )
    evidence = [
        p
        for p in problems
        if p.path.startswith('$.events[0] ("coalition-delegation-trip").evidence')
    ]
    assert evidence[0].path == '$.events[0] ("coalition-delegation-trip").evidence[0].start'


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=6)
    | st.sampled_from(["wang-yi", "2025-01-14", "meeting", "host", "CN", "en", "043"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "name", "quote", "start", "end", "evidence", "kind", "x"]),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


def _outcome(read: Any) -> tuple[dm.Problem, ...]:
    """The problems a read reports (none when it succeeds); any other exception fails the test."""
    try:
        read()
    except dm.ValidationError as error:
        if not error.problems:
            raise AssertionError("a ValidationError without problems") from error
        return error.problems
    return ()


_CLASSES = [dm.Dossier, dm.Person, dm.Event, dm.Evidence, dm.Country, dm.FuzzyDate]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_CLASSES), _JSON_VALUES)
def test_any_json_value_is_read_or_refused_with_a_validation_error(
    cls: type[Any], data: Any
) -> None:
    problems = _outcome(lambda: dm.from_dict(data, cls))
    assert all(problem.path.startswith("$") for problem in problems)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_CLASSES), st.binary(max_size=40) | st.text(max_size=40))
def test_any_text_or_bytes_is_read_or_refused_with_a_validation_error(
    cls: type[Any], text: str | bytes
) -> None:
    problems = _outcome(lambda: dm.from_json(text, cls))
    assert all(problem.path.startswith("$") for problem in problems)
