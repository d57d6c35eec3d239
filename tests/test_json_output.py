"""The JSON text diplomodel writes: compact or indented, the same bytes with or without msgspec."""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel import serialize


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
