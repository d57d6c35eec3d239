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
import math
import re
import sys
import threading
import types
import typing
from collections.abc import Callable
from itertools import accumulate
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.cols import is_sequence
from cattrs.fns import identity
from cattrs.preconf.json import make_converter

from .collector import collector_paused
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


# Writing. The converter unstructures an attrs object, a tuple, an optional, an enum
# or a date with a function generated for its type: one expression, a dict literal
# per object with the objects inside written in place (a comprehension per tuple),
# so a dossier is written in a few calls rather than one cattrs dispatch per value.
# Each hook keeps its writer, which the generated code of enclosing types asks for
# the expression; a hook of any other kind is called as it is.

_TO_DICT = "to_dict"
"""Generated code that gives exactly the converter's JSON-ready form."""

_FOR_MSGSPEC = "for_msgspec"
"""Generated code that gives the same values for msgspec to write: tuples of plain values
stay tuples (written as arrays), and every float is checked to be one msgspec writes as
the standard library does."""

_WRITER = "diplomodel_writer"
"""The attribute of a generated hook that holds its writer."""

_PLAIN = frozenset({str, int, bool, type(None)})
"""The classes of JSON-ready values that msgspec and the standard library write alike."""


class _WrittenOtherwiseError(Exception):
    """A value that msgspec would write unlike the standard library: write the standard way."""


def _float_written_alike(value: Any) -> Any:
    """``value``, if msgspec writes it as the standard library does.

    Python writes a float with an exponent below 1e-4 and from 1e16 (``1e-05``,
    ``1e+16``), msgspec without one (``0.00001``, ``1e16``); elsewhere both write the
    shortest digits that read back the same. msgspec writes NaN and infinities as
    ``null``, the standard library as ``NaN`` and ``Infinity``.
    """
    if isinstance(value, float) and not (1e-4 <= abs(value) < 1e16 or value == 0.0):
        raise _WrittenOtherwiseError
    return value


def _written_alike(data: Any) -> Any:
    """JSON-ready ``data``, if msgspec writes all of it as the standard library does
    (a walk of its values, linear in their number)."""
    stack = [data]
    while stack:
        value = stack.pop()
        kind = value.__class__
        if kind in _PLAIN:
            continue
        if kind is dict:
            for key in value:
                if key.__class__ is not str:
                    raise _WrittenOtherwiseError
            stack.extend(value.values())
        elif kind is list or kind is tuple:
            stack.extend(value)
        elif kind is float:
            _float_written_alike(value)
        else:
            raise _WrittenOtherwiseError
    return data


def _may_be_float(hint: Any) -> bool:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return float in typing.get_args(hint)
    return hint is float


class _Code:
    """Generated code being written: its mode, and the objects its names stand for."""

    def __init__(self, mode: str, made: cattrs.Converter) -> None:
        self.mode = mode
        self.made = made
        self.namespace: dict[str, Any] = {}
        self.inlining: list[_Writer] = []  # objects written in place, to call a type inside itself
        self._names: dict[int, str] = {}
        self._locals = 0

    def bind(self, value: Any) -> str:
        """The name of ``value`` in the generated code."""
        name = self._names.get(id(value))
        if name is None:
            name = self._names[id(value)] = f"_{len(self._names)}"
            self.namespace[name] = value
        return name

    def fresh(self) -> str:
        """A local name not used yet."""
        self._locals += 1
        return f"v{self._locals}"

    def value(self, hint: Any, expression: str) -> str:
        """An expression for the JSON-ready form of ``expression``, of type ``hint``
        (``None``: not annotated, found at run time as cattrs does)."""
        hook = self.made.unstructure if hint is None else self.made.get_unstructure_hook(hint)
        writer: _Writer | None = getattr(hook, _WRITER, None)
        if writer is not None:
            return writer.write(expression, self)
        if hook is identity:
            if self.mode == _FOR_MSGSPEC and _may_be_float(hint):
                return f"{self.bind(_float_written_alike)}({expression})"
            return expression
        written = f"{self.bind(hook)}({expression})"
        return f"{self.bind(_written_alike)}({written})" if self.mode == _FOR_MSGSPEC else written

    def function(self, write: Callable[[str, _Code], str]) -> Callable[[Any], Any]:
        """The function of one parameter that returns what ``write`` writes of it."""
        parameter = self.fresh()
        source = f"def write({parameter}):\n    return {write(parameter, self)}\n"
        exec(compile(source, "<diplomodel writer>", "exec"), self.namespace)
        return typing.cast(Callable[[Any], Any], self.namespace["write"])


_GENERATING = threading.RLock()
"""Held while code is generated: by one thread at a time, which may generate the code of
the types inside on its way."""


class _Writer:
    """Writes values of one type as an expression of generated code; makes its hook."""

    def __init__(self, made: cattrs.Converter) -> None:
        self.made = made
        self._functions: dict[str, Callable[[Any], Any]] = {}
        self._generating: set[str] = set()

    def write(self, expression: str, code: _Code) -> str:
        """An expression for the JSON-ready form of ``expression``."""
        raise NotImplementedError

    def function(self, mode: str) -> Callable[[Any], Any]:
        """The generated function of this type in ``mode``, made on first use (when every
        class a hint names exists)."""
        function = self._functions.get(mode)
        if function is None:
            with _GENERATING:  # another thread waits for the function rather than half of it
                function = self._functions.get(mode)
                if function is None:
                    if mode in self._generating:  # a type inside itself: found when called
                        return lambda value: self._functions[mode](value)
                    self._generating.add(mode)
                    try:
                        code = _Code(mode, self.made)
                        function = self._functions[mode] = code.function(self.write)
                    finally:
                        self._generating.discard(mode)
        return function

    def hook(self) -> Callable[[Any], Any]:
        """The converter's unstructure hook of this type, which keeps this writer."""

        def unstructure(value: Any) -> Any:
            return self.function(_TO_DICT)(value)

        setattr(unstructure, _WRITER, self)
        return unstructure


class _ObjectWriter(_Writer):
    """An attrs object as a dict of its init fields, in field order, as cattrs writes it."""

    def __init__(self, cls: type[Any], made: cattrs.Converter) -> None:
        super().__init__(made)
        hints = typing.get_type_hints(cls)
        self.fields = [
            (field.name, hints.get(field.name)) for field in attrs.fields(cls) if field.init
        ]

    def write(self, expression: str, code: _Code) -> str:
        if not expression.isidentifier() or self in code.inlining:
            return f"{code.bind(self.function(code.mode))}({expression})"
        code.inlining.append(self)
        try:
            items = [
                f"{name!r}: {code.value(hint, f'{expression}.{name}')}"
                for name, hint in self.fields
            ]
        finally:
            code.inlining.pop()
        return "{" + ", ".join(items) + "}"


class _TupleWriter(_Writer):
    """A ``tuple[X, ...]`` as a list (cattrs's form), or for msgspec as a tuple if its items
    are written as they are."""

    def __init__(self, item_hint: Any, made: cattrs.Converter) -> None:
        super().__init__(made)
        self.item_hint = item_hint

    def write(self, expression: str, code: _Code) -> str:
        item = code.fresh()
        written = code.value(self.item_hint, item)
        if written == item:
            return expression if code.mode == _FOR_MSGSPEC else f"list({expression})"
        empty = "()" if code.mode == _FOR_MSGSPEC else "[]"
        if expression.isidentifier():
            return f"([{written} for {item} in {expression}] if {expression} else {empty})"
        items = code.fresh()
        return f"([{written} for {item} in {items}] if ({items} := {expression}) else {empty})"


class _OptionalWriter(_Writer):
    """An ``X | None``: ``None``, or the value written as an ``X``."""

    def __init__(self, hint: Any, made: cattrs.Converter) -> None:
        super().__init__(made)
        self.hint = hint

    def write(self, expression: str, code: _Code) -> str:
        name = expression if expression.isidentifier() else code.fresh()
        written = code.value(self.hint, name)
        if written == name:
            return expression
        if name == expression:
            return f"(None if {name} is None else {written})"
        return f"(None if ({name} := {expression}) is None else {written})"


class _EnumWriter(_Writer):
    """A member of an enum of strings, as its value (read directly: ``Enum.value`` is a
    property, dearer than the attribute behind it)."""

    def write(self, expression: str, code: _Code) -> str:
        return f"{expression}._value_"


class _DateWriter(_Writer):
    """A date as ``YYYY-MM-DD``."""

    def write(self, expression: str, code: _Code) -> str:
        return f"{expression}.isoformat()"


def _is_optional(hint: Any) -> bool:
    args = typing.get_args(hint)
    return (
        typing.get_origin(hint) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _is_homogeneous_tuple(hint: Any) -> bool:
    args = typing.get_args(hint)
    return typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_enum_of_strings(hint: Any) -> bool:
    """An enum whose members are neither strings nor integers themselves (cattrs leaves
    those as they are) and whose values are all strings."""
    return (
        isinstance(hint, type)
        and issubclass(hint, enum.Enum)
        and not issubclass(hint, str | int)
        and all(isinstance(member.value, str) for member in hint)
    )


def _register_writers(made: cattrs.Converter) -> None:
    """Generated unstructure hooks: each factory takes the converter that asks, so that a
    copy of ``made`` writes nested values with its own hooks."""

    def object_to_dict(cls: Any, made: cattrs.Converter) -> Any:
        try:
            if typing.get_origin(cls) is None:  # not a generic class given its parameters
                return _ObjectWriter(cls, made).hook()
        except NameError:  # a hint that cannot be resolved: cattrs says which
            pass
        return made.gen_unstructure_attrs_fromdict(cls)

    def tuple_to_list(hint: Any, made: cattrs.Converter) -> Any:
        return _TupleWriter(typing.get_args(hint)[0], made).hook()

    def optional(hint: Any, made: cattrs.Converter) -> Any:
        (value_hint,) = (arg for arg in typing.get_args(hint) if arg is not type(None))
        return _OptionalWriter(value_hint, made).hook()

    made.register_unstructure_hook_factory(_is_optional, optional)
    made.register_unstructure_hook_factory(_is_homogeneous_tuple, tuple_to_list)
    made.register_unstructure_hook_factory(
        _is_enum_of_strings, lambda _enum, made: _EnumWriter(made).hook()
    )
    made.register_unstructure_hook_factory(attrs.has, object_to_dict)
    made.register_unstructure_hook(dt.date, _DateWriter(made).hook())


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
    _register_writers(made)
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


def _non_finite_numbers(data: Any) -> list[Problem]:
    """A problem at the JSON path of each NaN or infinity in JSON-ready ``data``."""
    problems: list[Problem] = []
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((f"{path}.{key}", item) for key, item in reversed(value.items()))
        elif isinstance(value, list | tuple):
            stack.extend(
                (f"{path}[{index}]", item) for index, item in reversed(list(enumerate(value)))
            )
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append(
                Problem(path, f"{shorten(value)} is not a finite number: JSON has none")
            )
    return problems


def _standard_text(data: Any, indent: int | None, what: str) -> str:
    """JSON-ready ``data`` as the standard library writes it; ``what`` names it in an error."""
    try:
        if indent is None:
            return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        return json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)
    except ValueError:
        problems = _non_finite_numbers(data)
        if not problems:
            raise
        problems = [Problem(path_with_id(p.path, id_at_index(data)), p.message) for p in problems]
        raise ValidationError(f"{what} cannot be written as JSON", problems) from None


def _msgspec_text(fast: Any, data: Any, indent: int | None) -> str | None:
    """Values msgspec writes as the standard library does, as text; ``None`` where it
    cannot write them (an integer beyond 64 bits, for a msgspec that has no way to;
    a lone surrogate, which has no UTF-8 form)."""
    try:
        encoded: bytes = fast.encode(data)
    except (TypeError, OverflowError, UnicodeEncodeError):
        return None
    return (encoded if indent is None else fast.format(encoded, indent=indent)).decode()


def _writes_by_msgspec(indent: int | None) -> Any:
    """msgspec's JSON module if it writes text with this indent, else ``None``."""
    fast = _msgspec_json()
    numeric = isinstance(indent, int) and not isinstance(indent, bool)
    return fast if indent is None or (numeric and indent > 0) else None


def _json_text_of(data: Any, indent: int | None, what: str = "the value") -> str:
    """JSON-ready ``data`` as text: by msgspec where it writes the standard library's
    bytes, which a walk of the values decides."""
    fast = _writes_by_msgspec(indent)
    if fast is not None:
        try:
            text = _msgspec_text(fast, _written_alike(data), indent)
        except _WrittenOtherwiseError:
            text = None
        if text is not None:
            return text
    return _standard_text(data, indent, what)


def to_json(obj: Any, *, indent: int | None = 2) -> str:
    """A model object as JSON text (UTF-8 kept as is, keys in field order).

    ``indent=None`` gives compact text, with no space after ``,`` and ``:``.
    Where msgspec is installed (the ``fast`` extra) it writes the text, byte for
    byte the same as the standard library writes it, only sooner. A NaN or an
    infinity (which no field rule lets in) is refused with a
    :class:`~diplomodel.ValidationError` naming where it is, since JSON has none.
    Values are written as their fields' types say (the types mypy checks): a
    value of another type in a field without a rule that checks it, such as a
    ``Decimal`` set as an event's title in Python, may be written differently
    with msgspec and without it.
    """
    what = type(obj).__name__
    fast = _writes_by_msgspec(indent)
    if fast is not None:
        hook = converter.get_unstructure_hook(type(obj))
        writer: _Writer | None = getattr(hook, _WRITER, None)
        if writer is None:  # a hook of another kind: its values are walked
            return _json_text_of(hook(obj), indent, what)
        try:
            text = _msgspec_text(fast, writer.function(_FOR_MSGSPEC)(obj), indent)
        except _WrittenOtherwiseError:
            text = None
        if text is not None:
            return text
    return _standard_text(to_dict(obj), indent, what)


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

    The garbage collector is paused while the text is read (see
    :mod:`diplomodel.collector`): a document makes thousands of objects and no
    garbage cycle, and collecting while they are made walks them over and over.
    """
    with collector_paused():
        return _read_json(text, cls)


def _read_json(text: str | bytes, cls: type[T]) -> T:
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
