"""JSON serialization: one configured cattrs converter and the functions around it.

Enums are written by value, dates as ISO strings, a :class:`FuzzyDate` as an
object. Reading is strict: unknown keys, missing keys and wrong primitive types
(a number where a string belongs, a string where a list belongs) are errors,
never coerced; every failure becomes one :class:`~diplomodel.ValidationError`
listing each problem with its JSON path.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter

from .errors import Problem, ValidationError

__all__ = ["converter", "from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")


def _strict(kind: type[Any], *, reject: tuple[type[Any], ...] = ()) -> Any:
    def structure(value: Any, _type: Any) -> Any:
        if not isinstance(value, kind) or isinstance(value, reject):
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    return structure


def _structure_date(value: Any, _type: Any) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__} {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _make_converter() -> cattrs.Converter:
    made = make_converter(forbid_extra_keys=True, detailed_validation=True)
    made.register_structure_hook(str, _strict(str))
    made.register_structure_hook(int, _strict(int, reject=(bool,)))
    made.register_structure_hook(bool, _strict(bool))
    made.register_structure_hook(dt.date, _structure_date)

    def tuple_from_list(type_: Any) -> Any:
        items = homogenous_tuple_structure_factory(type_, made)

        def structure(value: Any, _type: Any) -> Any:
            if not isinstance(value, list):
                raise TypeError(f"expected a list, got {type(value).__name__} {value!r}")
            return items(value, _type)

        return structure

    made.register_structure_hook_factory(is_sequence, tuple_from_list)

    def object_from_dict(cls: type[Any]) -> Any:
        fields = make_dict_structure_fn(cls, made)

        def structure(value: Any, _type: Any) -> Any:
            if not isinstance(value, dict):
                raise TypeError(
                    f"expected an object for {cls.__name__}, got {type(value).__name__} {value!r}"
                )
            return fields(value, _type)

        return structure

    made.register_structure_hook_factory(attrs.has, object_from_dict)
    return made


converter: cattrs.Converter = _make_converter()
"""The one cattrs converter that reads and writes every diplomodel class."""


def to_dict(obj: Any) -> Any:
    """The JSON-ready form of a model object: dicts, lists, strings, numbers, ``None``."""
    return converter.unstructure(obj)


def _problems_of(error: BaseException, path: str = "$") -> list[Problem]:
    """Flatten a (possibly nested) structuring error into problems with JSON paths."""
    if isinstance(error, ValidationError):
        # Raised by a class's own checks (the dossier's); its paths start at "$".
        return [Problem(path + problem.path[1:], problem.message) for problem in error.problems]
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        keys = ", ".join(sorted(error.extra_fields))
        return [Problem(path, f"unknown key(s): {keys}")]
    if isinstance(error, cattrs.ClassValidationError):
        problems: list[Problem] = []
        with_field, without = error.group_exceptions()
        for inner, note in with_field:
            problems += _problems_of(inner, f"{path}.{note.name}")
        for inner in without:
            problems += _problems_of(inner, path)
        return problems
    if isinstance(error, cattrs.IterableValidationError):
        problems = []
        with_index, without = error.group_exceptions()
        for inner, item_note in with_index:
            problems += _problems_of(inner, f"{path}[{item_note.index!r}]")
        for inner in without:
            problems += _problems_of(inner, path)
        return problems
    if isinstance(error, KeyError):
        return [Problem(path, "required key missing")]
    return [Problem(path, str(error) or type(error).__name__)]


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a ``cls`` from its JSON-ready form; raises :class:`~diplomodel.ValidationError`."""
    try:
        return converter.structure(data, cls)
    except (cattrs.BaseValidationError, ValidationError, ValueError, TypeError) as error:
        raise ValidationError(f"invalid {cls.__name__} data", _problems_of(error)) from error


def to_json(obj: Any, *, indent: int | None = 2) -> str:
    """A model object as JSON text (UTF-8 kept as is, keys in field order)."""
    return json.dumps(to_dict(obj), indent=indent, ensure_ascii=False)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Read a ``cls`` from JSON text; raises :class:`~diplomodel.ValidationError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"invalid {cls.__name__} JSON",
            [Problem("$", f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}")],
        ) from None
    return from_dict(data, cls)
