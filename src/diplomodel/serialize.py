"""JSON serialization: one configured cattrs converter and the functions around it.

Enums are written by value, dates as ISO strings, a :class:`FuzzyDate` as an
object. Reading is strict: unknown keys, duplicate keys, missing keys and wrong
primitive types (a number where a string belongs, a string where a list
belongs) are errors, never coerced; so are strings with lone surrogates and
dates not written exactly ``YYYY-MM-DD``. Every failure becomes one
:class:`~diplomodel.ValidationError` listing each problem with its JSON path,
every broken field rule of every object included, with input values quoted
in short.
"""

from __future__ import annotations

import codecs
import collections.abc
import datetime as dt
import enum
import json
import re
import sys
import typing
from itertools import accumulate
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.cols import is_sequence
from cattrs.preconf.json import make_converter

from .errors import (
    DiplomodelError,
    FieldError,
    Problem,
    ValidationError,
    cap_message,
    id_at_index,
    path_with_id,
    shorten,
)
from .identifiers import ItemFieldError, broken_rules

__all__ = ["MAX_DEPTH", "MAX_PROBLEMS", "converter", "from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")

MAX_DEPTH = 64
"""The deepest nesting of JSON arrays and objects :func:`from_json` reads.

A dossier nests about eight levels deep; deeper text is refused before parsing.
"""

MAX_PROBLEMS = 200
"""The most problems one :class:`~diplomodel.ValidationError` of the reader lists."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_READING_ERRORS = (DiplomodelError, cattrs.BaseValidationError, ValueError, TypeError)
_LIST_TYPES = (list, collections.abc.MutableSequence)


class _ReadProblemsError(ValidationError):
    """Problems found by the converter's hooks, with paths from the value being read.

    Raised at every level of nesting, so its message is only built when shown.
    """

    def __init__(self, summary: str, problems: list[Problem]) -> None:
        self.summary = summary
        self.problems = tuple(problems)
        Exception.__init__(self, summary)

    def __str__(self) -> str:
        return "\n".join([self.summary, *(f"  - {problem}" for problem in self.problems)])


def _kind(value: object) -> str:
    return type(value).__name__


def _strict(kind: type[Any], *, reject: tuple[type[Any], ...] = ()) -> Any:
    def structure(value: Any, _type: Any) -> Any:
        if not isinstance(value, kind) or isinstance(value, reject):
            raise TypeError(f"expected {kind.__name__}, got {_kind(value)} {shorten(value)}")
        return value

    return structure


def _structure_number(value: Any, _type: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {_kind(value)} {shorten(value)}")
    return value


def _structure_str(value: Any, _type: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected str, got {_kind(value)} {shorten(value)}")
    surrogate = _SURROGATE.search(value)
    if surrogate is not None:
        raise ValueError(
            f"lone surrogate {surrogate.group()!r} at index {surrogate.start()} of "
            f"{shorten(value)}: strings must be valid Unicode"
        )
    return value


def _structure_date(value: Any, _type: Any) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {_kind(value)} {shorten(value)}")
    try:
        if _ISO_DATE.fullmatch(value) is None:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{shorten(value)} is not an ISO date written exactly YYYY-MM-DD"
        ) from None


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    if isinstance(value, str):
        for member in cls:
            if member.value == value:
                return member
    allowed = ", ".join(repr(member.value) for member in cls)
    raise ValueError(f"{shorten(value)} is not a valid {cls.__name__}: one of {allowed}")


def _key_list(keys: list[str]) -> str:
    shown = ", ".join(shorten(key) for key in keys[:5])
    return shown if len(keys) <= 5 else f"{shown} and {len(keys) - 5} more"


def _make_converter() -> cattrs.Converter:
    made = make_converter(forbid_extra_keys=True, detailed_validation=True)
    made.register_structure_hook(str, _structure_str)
    made.register_structure_hook(int, _strict(int, reject=(bool,)))
    made.register_structure_hook(float, _structure_number)
    made.register_structure_hook(bool, _strict(bool))
    made.register_structure_hook(dt.date, _structure_date)
    # By class, so that it wins over the enum hooks of every cattrs version.
    made.register_structure_hook(enum.Enum, _structure_enum)

    # Factories take the converter that asks, so that a copy of this one (the
    # curation loader's) reads nested values with its own hooks.
    def tuple_from_list(type_: Any, made: cattrs.Converter) -> Any:
        (item_type, *_rest) = typing.get_args(type_) or (Any,)
        # A list where one is asked for; the model's own fields hold tuples.
        container = list if (typing.get_origin(type_) or type_) in _LIST_TYPES else tuple
        hook: list[Any] = []  # found on first use: the item class may not be registered yet

        def structure(value: Any, _type: Any) -> Any:
            if not isinstance(value, list):
                raise TypeError(f"expected a list, got {_kind(value)} {shorten(value)}")
            if not hook:
                hook.append(made.get_structure_hook(item_type))
            structure_item = hook[0]
            items: list[Any] = []
            problems: list[Problem] = []
            for index, item in enumerate(value):
                try:
                    items.append(structure_item(item, item_type))
                except _READING_ERRORS as error:
                    problems += _problems_of(error, f"$[{index}]")
            if problems:
                raise _ReadProblemsError("invalid list", problems)
            return container(items)

        return structure

    made.register_structure_hook_factory(is_sequence, tuple_from_list)

    def object_from_dict(cls: type[Any], made: cattrs.Converter) -> Any:
        fields = [field for field in attrs.fields(cls) if field.init]
        known = {field.name for field in fields}
        hooks: dict[str, tuple[Any, Any]] = {}

        def structure(value: Any, _type: Any) -> Any:
            if not isinstance(value, dict):
                raise TypeError(
                    f"expected an object for {cls.__name__}, got {_kind(value)} {shorten(value)}"
                )
            if not hooks:  # found on first use: the classes may not all exist at import
                for name, hint in typing.get_type_hints(cls).items():
                    if name in known:
                        hooks[name] = (made.get_structure_hook(hint), hint)
            problems = [
                Problem("$", f"duplicate key {shorten(key)}")
                for key in getattr(value, "duplicates", ())
            ]
            unknown = [key for key in value if key not in known]
            if unknown:
                problems.append(Problem("$", f"unknown key(s): {_key_list(unknown)}"))
            values: dict[str, Any] = {}
            broken: set[str] = set()
            for field in fields:
                if field.name not in value:
                    if field.default is attrs.NOTHING:
                        problems.append(Problem(f"$.{field.name}", "required key missing"))
                        broken.add(field.name)
                    continue
                try:
                    structure_field, hint = hooks[field.name]
                    values[field.name] = structure_field(value[field.name], hint)
                except _READING_ERRORS as error:
                    problems += _problems_of(error, f"$.{field.name}")
                    broken.add(field.name)
            if not problems:
                try:
                    return cls(
                        **{
                            field.alias: values[field.name]
                            for field in fields
                            if field.name in values
                        }
                    )
                except ValidationError:
                    raise  # the object's own whole checks (a dossier's), with their paths
                except (ValueError, TypeError) as error:
                    rules = broken_rules(cls, values)
                    if not rules:  # a check beyond the field rules
                        raise _ReadProblemsError(
                            f"invalid {cls.__name__}", _problems_of(error)
                        ) from None
                    problems = [Problem(f"$.{rule.field}", rule.message) for rule in rules]
            else:
                rules = broken_rules(cls, values, broken)
                problems += [Problem(f"$.{rule.field}", rule.message) for rule in rules]
            raise _ReadProblemsError(f"invalid {cls.__name__}", problems)

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
        # Raised by the converter's hooks or a class's own checks; its paths start at "$".
        return [
            Problem(path + problem.path[1:], cap_message(problem.message))
            for problem in error.problems
        ]
    if isinstance(error, ItemFieldError):
        return [Problem(f"{path}.{each.field}", cap_message(each.message)) for each in error.errors]
    if isinstance(error, FieldError):
        return [Problem(f"{path}.{error.field}", cap_message(error.message))]
    if isinstance(error, cattrs.ClassValidationError | cattrs.IterableValidationError):
        problems: list[Problem] = []
        for inner in error.exceptions:
            problems += _problems_of(inner, path)
        return problems
    if isinstance(error, KeyError):
        return [Problem(path, "required key missing")]
    return [Problem(path, cap_message(str(error) or type(error).__name__))]


def _is_dossier(cls: type[Any]) -> bool:
    from .dossier import Dossier  # the dossier module needs this one: import when used

    return isinstance(cls, type) and issubclass(cls, Dossier)


def _dossier_parts_problems(data: Any) -> list[Problem]:
    """The whole-dossier checks (ids, references, cycles, quotes) over the parts of a
    dossier document that can be read on their own."""
    from .article import Article
    from .dossier import Dossier, check_dossier
    from .walk import SECTIONS

    if not isinstance(data, dict):
        return []
    article: Article | None = None
    try:
        article = converter.structure(data.get("article"), Article)
    except (*_READING_ERRORS, RecursionError):
        pass
    hints = typing.get_type_hints(Dossier)
    sections: dict[str, list[tuple[int, Any]]] = {}
    unreadable: dict[str, str] = {}
    for name in SECTIONS:
        items = data.get(name, [])
        if not isinstance(items, list):
            continue
        (item_type, _ellipsis) = typing.get_args(hints[name])
        read = sections[name] = []
        for index, item in enumerate(items):
            try:
                read.append((index, converter.structure(item, item_type)))
            except (*_READING_ERRORS, RecursionError):
                id = item.get("id") if isinstance(item, dict) else None
                if isinstance(id, str):
                    unreadable.setdefault(id, name)
    return check_dossier(article, sections, unreadable)


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a ``cls`` from its JSON-ready form; raises :class:`~diplomodel.ValidationError`.

    The error lists every problem found, up to ``MAX_PROBLEMS`` of them and
    then a count of the rest, so that its message stays readable.
    """
    try:
        return converter.structure(data, cls)
    except (*_READING_ERRORS, RecursionError) as error:
        problems = _problems_of(error)
        if _is_dossier(cls):
            # Objects that could not be read must not hide what is wrong between the others.
            seen = set(problems)
            problems += [p for p in _dossier_parts_problems(data) if p not in seen]
            problems = [
                Problem(path_with_id(p.path, id_at_index(data)), p.message) for p in problems
            ]
        if len(problems) > MAX_PROBLEMS:
            rest = len(problems) - MAX_PROBLEMS
            problems = [*problems[:MAX_PROBLEMS], Problem("$", f"and {rest} more problems")]
        raise ValidationError(f"invalid {cls.__name__} data", problems) from None


def _msgspec_json() -> Any:
    """msgspec's JSON module where the ``fast`` extra is installed, else ``None``."""
    if not _MSGSPEC:
        try:
            import msgspec.json
        except ImportError:
            _MSGSPEC.append(None)
        else:
            _MSGSPEC.append(msgspec.json)
    return _MSGSPEC[0]


_MSGSPEC: list[Any] = []  # found on first use, so that importing diplomodel stays quick

# msgspec and Python write a float alike except where Python uses an exponent (below
# 1e-4, from 1e16): there msgspec writes "1e16" for "1e+16" and "0.00001" for "1e-05".
# Text that may hold such a number (or only words that look like one) goes the standard way.
_DIGIT_THEN_EXPONENT = re.compile(rb"[0-9][eE]")
_SMALL_FRACTION = b"0.0000"


def _may_hold_floats_written_otherwise(encoded: bytes) -> bool:
    """Whether msgspec may have written a float unlike Python (two quick scans of the text:
    words that only look like such a number send it the standard way too)."""
    return _SMALL_FRACTION in encoded or _DIGIT_THEN_EXPONENT.search(encoded) is not None


def _json_text_of(data: Any, indent: int | None) -> str:
    """JSON-ready ``data`` as text: by msgspec where it writes the standard library's bytes."""
    fast = _msgspec_json()
    if fast is not None and (indent is None or indent > 0):
        try:
            encoded: bytes = fast.encode(data)
        except (TypeError, OverflowError):  # an integer beyond 64 bits: the standard way
            pass
        else:
            if not _may_hold_floats_written_otherwise(encoded):
                text = encoded if indent is None else fast.format(encoded, indent=indent)
                return text.decode()
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, indent=indent, ensure_ascii=False)


def to_json(obj: Any, *, indent: int | None = 2) -> str:
    """A model object as JSON text (UTF-8 kept as is, keys in field order).

    ``indent=None`` gives compact text, with no space after ``,`` and ``:``.
    Where msgspec is installed (the ``fast`` extra) it writes the text, byte for
    byte the same as the standard library writes it, only sooner.
    """
    return _json_text_of(to_dict(obj), indent)


class _RefusedError(Exception):
    """JSON text refused while parsing; the message says why."""


class _JsonObject(dict[str, Any]):
    """A JSON object whose text repeats keys; ``duplicates`` names them (the last value wins)."""

    __slots__ = ("duplicates",)

    def __init__(self, pairs: list[tuple[str, Any]], duplicates: list[str]) -> None:
        super().__init__(pairs)
        self.duplicates = duplicates


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    plain = dict(pairs)
    if len(plain) == len(pairs):
        return plain
    counts: dict[str, int] = {}
    for key, _value in pairs:
        counts[key] = counts.get(key, 0) + 1
    return _JsonObject(pairs, [key for key, count in counts.items() if count > 1])


def _json_int(literal: str) -> int:
    try:
        return int(literal)
    except ValueError:  # longer than the interpreter converts
        digits = len(literal.lstrip("-"))
        raise _RefusedError(
            f"an integer literal of {digits} digits, more than the "
            f"{sys.get_int_max_str_digits()} digits allowed"
        ) from None


def _json_constant(name: str) -> Any:
    raise _RefusedError(f"{name} is not JSON (JSON numbers are finite)")


def _nesting_depth(text: str) -> int:
    """How deep arrays and objects nest in JSON text, strings skipped; linear in the text."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(map(_BRACKET_STEP.__getitem__, brackets)), default=0)


def _json_text(text: object) -> str:
    """The text to parse: decoded from UTF-8 if bytes, without a byte-order mark."""
    if isinstance(text, bytes | bytearray):
        raw = bytes(text)
        if raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as error:
            bad = raw[error.start : min(error.end, error.start + 4)]
            raise _RefusedError(
                f"not UTF-8: byte(s) {bad!r} at byte offset {error.start}"
            ) from None
    if isinstance(text, str):
        return text[1:] if text.startswith("\ufeff") else text
    raise _RefusedError(f"expected JSON text as str or bytes, got {_kind(text)} {shorten(text)}")


def _fast_classes() -> tuple[type[Any], ...]:
    """The classes :func:`from_json` first tries to read on the fast path."""
    from .corpus import Corpus
    from .dossier import Dossier

    return (Dossier, Corpus)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Read a ``cls`` from JSON text; raises :class:`~diplomodel.ValidationError`.

    ``text`` is a ``str`` or UTF-8 ``bytes``. A leading U+FEFF (byte-order mark)
    is an encoding signature, not content: it is skipped before reading, as
    for every text diplomodel reads. The text must be JSON as RFC 8259 defines
    it: no ``NaN`` or ``Infinity``, no repeated key in an object, no lone
    surrogate in a string, arrays and objects nested at most
    ``MAX_DEPTH`` (64) deep, and integers short enough for Python to read.

    Where msgspec is installed (the ``fast`` extra), a dossier or a corpus
    written as :func:`to_json` writes it is read by a fast path
    (``diplomodel.fastjson``); every other text, and every invalid one, is
    read here, so what is accepted and what an error says are the same.
    """
    if cls in _fast_classes():
        from .fastjson import NOT_FAST, fast_reader

        reader = fast_reader(cls)
        if reader is not None:
            try:
                fast = reader(text)
            except (DiplomodelError, ValueError, TypeError, RecursionError):
                fast = NOT_FAST  # the reference reader below says what is wrong
            if fast is not NOT_FAST:
                return typing.cast(T, fast)
    try:
        decoded = _json_text(text)
        depth = _nesting_depth(decoded)
        if depth > MAX_DEPTH:
            raise _RefusedError(f"arrays and objects nest {depth} deep, more than {MAX_DEPTH}")
        data = json.loads(
            decoded,
            object_pairs_hook=_json_object,
            parse_int=_json_int,
            parse_constant=_json_constant,
        )
    except _RefusedError as error:
        raise ValidationError(f"invalid {cls.__name__} JSON", [Problem("$", str(error))]) from None
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"invalid {cls.__name__} JSON",
            [Problem("$", f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}")],
        ) from None
    except RecursionError:  # only if the interpreter's own limit is below MAX_DEPTH
        raise ValidationError(
            f"invalid {cls.__name__} JSON", [Problem("$", "nested too deep to read")]
        ) from None
    return from_dict(data, cls)
