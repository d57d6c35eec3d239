"""The JSON text diplomodel writes: compact or indented, the same bytes with or without msgspec."""

from __future__ import annotations

import datetime as dt
import enum
import json
import math
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import dossiers, parts_of

import diplomodel as dm
from diplomodel import serialize
from diplomodel.quantities import numbers_in

SEED = dm.load_seed()


@pytest.fixture
def standard_library_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serialize, "_MSGSPEC", [None])


def test_compact_text_has_no_spaces_between_tokens(standard_library_only: None) -> None:
    seed = dm.load_seed()
    compact = dm.to_json(seed, indent=None)
    assert "\n" not in compact
    assert compact == json.dumps(json.loads(compact), ensure_ascii=False, separators=(",", ":"))
    assert dm.from_json(compact, dm.Dossier) == seed


def test_indented_text_is_the_standard_librarys(standard_library_only: None) -> None:
    seed = dm.load_seed()
    indented = dm.to_json(seed)
    assert indented == json.dumps(json.loads(indented), ensure_ascii=False, indent=2)
    assert '"publisher": ' in indented


@pytest.mark.parametrize("indent", [None, 1, 2, 4])
def test_msgspec_writes_the_same_bytes_for_the_seed(indent: int | None) -> None:
    pytest.importorskip("msgspec")
    seed = dm.load_seed()
    fast = dm.to_json(seed, indent=indent)
    serialize._MSGSPEC[:] = [None]
    try:
        standard = dm.to_json(seed, indent=indent)
    finally:
        serialize._MSGSPEC.clear()
    assert fast == standard


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([1e16, 1.5e-5, 1e-4, 0.00012, -2.5e21, 1e-7, 123456789.25])
    | st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(st.characters(exclude_categories=["Cs"]), max_size=6), children, max_size=4
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300)
@given(value=_JSON_VALUES, indent=st.sampled_from([None, 1, 2, 3]))
def test_msgspec_and_the_standard_library_agree_on_every_value_the_model_writes(
    value: Any, indent: int | None
) -> None:
    """Strings with every kind of character, integers past 64 bits, floats written with
    and without an exponent, nesting: one text."""
    msgspec = pytest.importorskip("msgspec")
    expected = (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        if indent is None
        else json.dumps(value, ensure_ascii=False, indent=indent)
    )
    serialize._MSGSPEC[:] = [msgspec.json]
    try:
        assert serialize._json_text_of(value, indent) == expected
    finally:
        serialize._MSGSPEC.clear()


def _value_types(cls: type[Any], seen: set[type[Any]]) -> Iterator[Any]:
    if cls in seen:
        return
    seen.add(cls)
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if not field.init:  # not written to JSON
            continue
        stack = [hints[field.name]]
        while stack:
            each = stack.pop()
            if isinstance(each, type) and attrs.has(each):
                yield from _value_types(each, seen)
            elif typing.get_origin(each) in (tuple, typing.Union, types.UnionType):
                stack.extend(typing.get_args(each))
            else:
                yield each


def test_the_model_writes_only_values_the_differential_test_covers() -> None:
    """A field of a new kind of value (a Decimal, a time) needs its own row above."""
    kinds = set(_value_types(dm.Dossier, set()))
    allowed = {str, int, float, bool, dt.date, type(None), Ellipsis}
    assert all(
        kind in allowed or (isinstance(kind, type) and issubclass(kind, enum.Enum))
        for kind in kinds
    ), kinds


def _with_quantity(value: Any) -> dm.Dossier:
    """The seed with one more quantity of ``value``, cited by words that write no number."""
    index, event = next((i, e) for i, e in enumerate(SEED.events) if e.quantities)
    span = next(span for span in event.evidence if not list(numbers_in(span.quote)))
    extra = dm.Quantity(value=value, counts="things", evidence=(span,))
    changed = attrs.evolve(event, quantities=(*event.quantities, extra))
    return attrs.evolve(SEED, events=(*SEED.events[:index], changed, *SEED.events[index + 1 :]))


def _texts(obj: Any, indent: int | None) -> tuple[str, str]:
    """``obj`` as to_json writes it with msgspec, and with the standard library alone."""
    msgspec = pytest.importorskip("msgspec")
    serialize._MSGSPEC[:] = [msgspec.json]
    try:
        fast = dm.to_json(obj, indent=indent)
        serialize._MSGSPEC[:] = [None]
        standard = dm.to_json(obj, indent=indent)
    finally:
        serialize._MSGSPEC.clear()
    return fast, standard


@pytest.fixture
def standard_way_counted(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The values written the standard library's way, while msgspec is installed."""
    msgspec = pytest.importorskip("msgspec")
    monkeypatch.setattr(serialize, "_MSGSPEC", [msgspec.json])
    written: list[Any] = []
    standard = serialize._standard_text

    def counted(data: Any, indent: int | None, what: str) -> str:
        written.append(data)
        return standard(data, indent, what)

    monkeypatch.setattr(serialize, "_standard_text", counted)
    return written


# Python writes 1e-05 and 1e+16 (an exponent below 1e-4 and from 1e16), msgspec 0.00001
# and 1e16: those go the standard way; the others are written by msgspec alike.
WRITTEN_BY_MSGSPEC = [1e-4, 0.00012, 1e15, 9999999999999998.0, -0.0, 0.0, 2.5, -123456.75]
WRITTEN_THE_STANDARD_WAY = [1e-5, 9.999999999999999e-05, 1e16, -1e16, 2.5e21, 5e-324]
LARGE_INTEGERS = [2**53 + 1, 2**63, 2**64 - 1, 2**64, -(2**63) - 1, 2**80]


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("value", WRITTEN_BY_MSGSPEC + WRITTEN_THE_STANDARD_WAY + LARGE_INTEGERS)
def test_numbers_at_the_boundaries_are_written_alike_both_ways(
    value: Any, indent: int | None
) -> None:
    dossier = _with_quantity(value)
    fast, standard = _texts(dossier, indent)
    assert fast == standard
    assert dm.from_json(fast, dm.Dossier) == dossier
    written = json.loads(fast, parse_float=str, parse_int=str)["events"]
    assert repr(value) in [q["value"] for e in written for q in e["quantities"]]


@pytest.mark.parametrize("value", [*WRITTEN_BY_MSGSPEC, 2**63])
def test_numbers_msgspec_writes_alike_are_written_by_msgspec(
    value: Any, standard_way_counted: list[Any]
) -> None:
    dm.to_json(_with_quantity(value), indent=None)
    dm.to_json(_with_quantity(value), indent=2)
    assert standard_way_counted == []


@pytest.mark.parametrize("value", WRITTEN_THE_STANDARD_WAY)
def test_numbers_msgspec_writes_otherwise_go_the_standard_way(
    value: float, standard_way_counted: list[Any]
) -> None:
    text = dm.to_json(_with_quantity(value), indent=None)
    assert len(standard_way_counted) == 1
    assert f'"value":{value!r},' in text


def test_the_seed_is_written_by_msgspec_whatever_its_words(
    standard_way_counted: list[Any],
) -> None:
    """Words that look like numbers written otherwise ("1e16", "0.00001") are only words:
    the values decide, not the text."""
    article = attrs.evolve(SEED.article, title="1e16 and 0.00001 and 2E5", publisher="3e-7")
    dossier = attrs.evolve(SEED, article=article)
    for indent in (None, 2):
        text = dm.to_json(dossier, indent=indent)
        assert "0.00001 and 2E5" in text
        assert dm.from_json(text, dm.Dossier) == dossier
    assert standard_way_counted == []


@settings(max_examples=60, deadline=None)
@given(
    value=st.floats(allow_nan=False, allow_infinity=False)
    | st.integers(min_value=-(2**70), max_value=2**70),
    indent=st.sampled_from([None, 2]),
)
def test_any_finite_quantity_is_written_alike_both_ways(value: float, indent: int | None) -> None:
    fast, standard = _texts(_with_quantity(value), indent)
    assert fast == standard


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossier=dossiers(), indent=st.sampled_from([None, 2]))
def test_generated_dossiers_and_their_parts_are_written_alike_both_ways(
    dossier: dm.Dossier, indent: int | None
) -> None:
    for obj in (dossier, dm.Corpus(dossiers=(dossier,)), *parts_of(dossier)):
        fast, standard = _texts(obj, indent)
        assert fast == standard


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("with_msgspec", [True, False])
def test_a_number_json_has_not_is_refused_naming_where_it_is(
    value: float, with_msgspec: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No field rule lets a NaN or an infinity in; one slipped past them is not written
    (the standard library would write NaN, which no JSON reader takes; msgspec null)."""
    if with_msgspec:
        monkeypatch.setattr(serialize, "_MSGSPEC", [pytest.importorskip("msgspec").json])
    else:
        monkeypatch.setattr(serialize, "_MSGSPEC", [None])
    with attrs.validators.disabled():
        dossier = _with_quantity(value)
    index = next(i for i, e in enumerate(dossier.events) if e.quantities)
    event = dossier.events[index]
    for indent in (None, 2):
        with pytest.raises(dm.ValidationError) as raised:
            dm.to_json(dossier, indent=indent)
        at = f'$.events[{index}] ("{event.id}").quantities[{len(event.quantities) - 1}].value'
        assert [problem.path for problem in raised.value.problems] == [at]
        assert repr(value) in raised.value.problems[0].message
        assert "Dossier" in str(raised.value)


def test_a_dossier_and_a_corpus_are_checked_field_by_field_not_walked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only the fields typed float are looked at: the JSON-ready values are not walked
    again (a hook of another kind is, see _json_text_of)."""
    msgspec = pytest.importorskip("msgspec")
    monkeypatch.setattr(serialize, "_MSGSPEC", [msgspec.json])
    walked: list[Any] = []
    monkeypatch.setattr(serialize, "_written_alike", walked.append)
    corpus = dm.Corpus(dossiers=(SEED,))
    for indent in (None, 2):
        text = dm.to_json(corpus, indent=indent)
        assert dm.from_json(text, dm.Corpus) == corpus
        assert dm.from_json(dm.to_json(SEED, indent=indent), dm.Dossier) == SEED
    assert walked == []


def test_a_lone_surrogate_is_written_the_standard_way_not_raised() -> None:
    pytest.importorskip("msgspec")
    event = attrs.evolve(SEED.events[0], title="talks \ud800")  # built in Python, unchecked
    for indent in (None, 2):
        fast, standard = _texts(event, indent)
        assert fast == standard
        assert "talks \ud800" in fast


def test_a_string_indent_is_the_standard_librarys() -> None:
    data = dm.to_dict(SEED)
    text = dm.to_json(SEED, indent="\t")  # type: ignore[arg-type]
    assert text == json.dumps(data, indent="\t", ensure_ascii=False)
