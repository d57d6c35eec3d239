"""The fast path of :func:`~diplomodel.from_json`, where msgspec is installed.

msgspec reads the text into Structs of the model's own shape (every key
required, unknown keys forbidden, types checked without coercion, and the
field rules whose JSON Schema keywords say all of them, such as "at least one
item" or "0 or more", as constraints), then writes them back: only text that
comes back byte for byte, compact or indented as :func:`~diplomodel.to_json`
writes it, goes on. So the text has no repeated key, no key the model lacks,
no number or string written in another way, and reads to the same values as
the reference reader would give. The model's objects are then made from the
Structs by one generated builder per class, which sets the fields, runs every
validator the Struct did not check and the class's own checks
(``__attrs_post_init__``, the whole-dossier checks among them): the rules
that building the object with its constructor would run.

Anything else, including every invalid document, is left to the reference
reader (:mod:`diplomodel.serialize`), which explains every problem: the fast
path changes how soon a valid document is read, never what is accepted or
what an error says.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from .identifiers import field_rules

__all__ = ["NOT_FAST", "fast_reader"]

NOT_FAST: Any = object()
"""What a fast reader returns for text it leaves to the reference reader."""

_PLAIN = (str, int, bool, dt.date, type(None))

# JSON Schema keywords of exact field rules, as msgspec constraints. Not "pattern":
# msgspec checks a pattern by calling Python's re for each value, which costs more
# than the validator that says the same rule.
_CONSTRAINT_OF_KEYWORD = {"minLength": "min_length", "minimum": "ge"}
_CONSTRAINT_OF_ARRAY_KEYWORD = {"minItems": "min_length"}


class _UnsupportedTypeError(Exception):
    """A type the fast path does not mirror: its class is read the reference way."""


class _UnsupportedRuleError(Exception):
    """A field rule the structs cannot check: the builder runs its validator."""


def _msgspec() -> Any:
    try:
        import msgspec
    except ImportError:
        return None
    return msgspec


def _fresh_text(text: str) -> str:
    """A copy of a non-ASCII ``text`` without the UTF-8 copy that writing it left inside."""
    return text.encode().decode()


def _fresh_texts(texts: tuple[str, ...]) -> tuple[str, ...]:
    if all(map(str.isascii, texts)):
        return texts
    return tuple(text if text.isascii() else _fresh_text(text) for text in texts)


class _Mirror:
    """Structs of the shape of the attrs classes, and builders of the classes from them.

    A field rule whose JSON Schema keywords are the whole rule (``json_schema_exact``)
    becomes a constraint of the struct, checked by msgspec as it reads; the builder
    runs every other validator, and the class's ``__attrs_post_init__``.
    """

    def __init__(self, msgspec: Any) -> None:
        self.msgspec = msgspec
        self.structs: dict[type[Any], Any] = {}
        self.builders: dict[type[Any], Callable[[Any], Any]] = {}
        self.checked_by_struct: dict[tuple[type[Any], str], list[Any]] = {}
        """The rules of each (class, field) that its struct checks; the builder runs the rest."""

    def _constrained(self, shape: Any, keywords: dict[str, Any], is_array: bool) -> Any:
        names = _CONSTRAINT_OF_ARRAY_KEYWORD if is_array else _CONSTRAINT_OF_KEYWORD
        unknown = set(keywords) - set(names) - ({"items"} if is_array else set())
        if unknown:
            raise _UnsupportedRuleError(unknown)
        constraints = {names[key]: value for key, value in keywords.items() if key != "items"}
        if "items" in keywords:
            (item,) = typing.get_args(shape)[:1]
            shape = tuple[self._constrained(item, keywords["items"], False), ...]  # type: ignore[misc]
        if not constraints:
            return shape
        return typing.Annotated[shape, self.msgspec.Meta(**constraints)]

    def constrained_shape(self, hint: Any, keywords: dict[str, Any]) -> Any:
        """The Struct type for a field of type ``hint`` whose exact rules say ``keywords``."""
        shape, _holds_objects = self.shape(hint)
        if not keywords:
            return shape
        args = typing.get_args(shape)
        if typing.get_origin(shape) in (typing.Union, types.UnionType) and type(None) in args:
            others = [arg for arg in args if arg is not type(None)]
            if len(others) != 1:
                raise _UnsupportedRuleError(hint)
            return self.constrained_shape(others[0], keywords) | None
        if shape is str or shape is int:
            return self._constrained(shape, keywords, False)
        if typing.get_origin(shape) is tuple:
            return self._constrained(shape, keywords, True)
        raise _UnsupportedRuleError(hint)

    def shape(self, hint: Any) -> tuple[Any, bool]:
        """The Struct type for ``hint``, and whether its value holds model objects to
        build: a class, a tuple of a class, or a class or None (nothing deeper)."""
        if isinstance(hint, type) and attrs.has(hint):
            return self.struct(hint), True
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item, holds_objects = self.shape(args[0])
            if holds_objects and not attrs.has(args[0]):
                raise _UnsupportedTypeError(hint)  # a tuple of tuples or options of objects
            return tuple[item, ...], holds_objects  # type: ignore[valid-type]
        if origin in (typing.Union, types.UnionType):
            shapes = [self.shape(arg) for arg in args]
            holds_objects = any(holds for _shape, holds in shapes)
            if holds_objects and (len(args) != 2 or type(None) not in args):
                raise _UnsupportedTypeError(hint)  # only "a class or None" is mirrored
            if holds_objects and not any(attrs.has(arg) for arg in args):
                raise _UnsupportedTypeError(hint)
            union = shapes[0][0]
            for each, _holds in shapes[1:]:
                union = union | each
            return union, holds_objects
        if hint is float:
            return int | float, False  # the reference reader keeps an integer as written
        if hint in _PLAIN or (isinstance(hint, type) and issubclass(hint, enum.Enum)):
            return hint, False
        raise _UnsupportedTypeError(hint)

    def _field_rules(
        self, cls: type[Any], hint: Any, field: attrs.Attribute[Any]
    ) -> tuple[Any, list[Any]]:
        """The field's Struct type with its exact rules as constraints, and the
        validators left for the builder to run."""
        is_array = typing.get_origin(hint) is tuple
        keywords: dict[str, Any] = {}
        unchecked: list[Any] = []
        checked = self.checked_by_struct[cls, field.name] = []
        for rule in field_rules(field.validator):
            said = rule.json_schema(is_array) if getattr(rule, "json_schema_exact", False) else None
            if said is None or set(said) & set(keywords):
                unchecked.append(rule)
                continue
            try:
                self.constrained_shape(hint, {**keywords, **said})
            except _UnsupportedRuleError:
                unchecked.append(rule)
                continue
            keywords.update(said)
            checked.append(rule)
        return self.constrained_shape(hint, keywords), unchecked

    def _built(self, hint: Any, name: str, namespace: dict[str, Any]) -> str:
        """Python code for the model's value of a field of type ``hint`` from its Struct
        value, held in the variable ``name``."""
        if hint is str:
            return f"{name} if {name}.isascii() else fresh_text({name})"
        if hint == str | None:
            return f"{name} if {name} is None or {name}.isascii() else fresh_text({name})"
        if hint == tuple[str, ...]:
            return f"fresh_texts({name}) if {name} else {name}"
        _shape, holds_objects = self.shape(hint)  # refuses what is not mirrored; makes builders
        if not holds_objects:
            return name
        built = next(arg for arg in (hint, *typing.get_args(hint)) if attrs.has(arg))
        build = f"build_{built.__name__}"
        namespace[build] = self.builders[built]
        if hint is built:
            return f"{build}({name})"
        if typing.get_origin(hint) is tuple:
            return f"tuple(map({build}, {name}))"
        return f"None if {name} is None else {build}({name})"  # the one union shape() mirrors

    def struct(self, cls: type[Any]) -> Any:
        if cls in self.structs:
            return self.structs[cls]
        if hasattr(cls, "__attrs_pre_init__"):
            raise _UnsupportedTypeError(cls)  # a builder does not run it: read the reference way
        hints = typing.get_type_hints(cls)
        namespace: dict[str, Any] = {
            "cls": cls,
            "new": object.__new__,
            "set": object.__setattr__,
            "fresh_text": _fresh_text,
            "fresh_texts": _fresh_texts,
        }
        lines = ["def build(value):", "    made = new(cls)"]
        checks: list[str] = []
        struct_fields = []
        for index, field in enumerate(attrs.fields(cls)):
            if not field.init:
                if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                    raise _UnsupportedTypeError(cls)
                if field.default is not attrs.NOTHING:
                    namespace[f"default{index}"] = field.default
                    lines.append(f"    set(made, {field.name!r}, default{index})")
                continue
            hint = hints[field.name]
            shape, unchecked = self._field_rules(cls, hint, field)
            struct_fields.append((field.name, shape))
            lines.append(f"    value{index} = value.{field.name}")
            value = self._built(hint, f"value{index}", namespace)
            if field.converter is not None:
                if not callable(field.converter):
                    raise _UnsupportedTypeError(cls)
                namespace[f"converter{index}"] = field.converter
                value = f"converter{index}({value})"
            lines.append(f"    set(made, {field.name!r}, {value})")
            namespace[f"field{index}"] = field
            for number, rule in enumerate(unchecked):
                namespace[f"rule{index}_{number}"] = rule
                checks.append(f"    rule{index}_{number}(made, field{index}, made.{field.name})")
        lines += checks
        post_init = getattr(cls, "__attrs_post_init__", None)
        if post_init is not None:
            namespace["post_init"] = post_init
            lines.append("    post_init(made)")
        lines.append("    return made")
        # One generated function per class, as attrs' own __init__ is generated: it sets
        # the fields, then runs the rules the struct did not check, then the class's checks.
        exec("\n".join(lines), namespace)
        self.builders[cls] = namespace["build"]
        # Every key required: the text to_json writes has them all.
        self.structs[cls] = self.msgspec.defstruct(
            cls.__name__, struct_fields, kw_only=True, forbid_unknown_fields=True
        )
        return self.structs[cls]


_READERS: dict[type[Any], Callable[[str | bytes], Any] | None] = {}


def fast_reader(cls: type[Any]) -> Callable[[str | bytes], Any] | None:
    """A reader of ``cls`` from JSON text, or ``None`` where there is no fast path.

    The reader returns :data:`NOT_FAST` for text it leaves to the reference
    reader; errors raised by the model's checks also mean that.
    """
    if cls in _READERS:
        return _READERS[cls]
    msgspec = _msgspec()
    reader: Callable[[str | bytes], Any] | None = None
    if msgspec is not None and isinstance(cls, type) and attrs.has(cls):
        mirror = _Mirror(msgspec)
        try:
            shape, _holds_objects = mirror.shape(cls)
        except (_UnsupportedTypeError, NameError):  # NameError: a hint it cannot resolve
            pass
        else:
            reader = _reader(msgspec, shape, mirror.builders[cls])
    _READERS[cls] = reader
    return reader


def _reader(msgspec: Any, shape: Any, build: Callable[[Any], Any]) -> Callable[[str | bytes], Any]:
    decoder = msgspec.json.Decoder(shape)
    encoder = msgspec.json.Encoder()
    format_ = msgspec.json.format

    def read(text: str | bytes) -> Any:
        if not isinstance(text, str | bytes | bytearray):
            return NOT_FAST  # the reference reader names what was given
        try:
            raw = text.encode() if isinstance(text, str) else bytes(text)
            value = decoder.decode(raw)
            written = encoder.encode(value)
        except (msgspec.MsgspecError, ValueError, TypeError, OverflowError):
            return NOT_FAST
        if written != raw and (b"\n" not in raw or format_(written, indent=2) != raw):
            return NOT_FAST
        return build(value)  # which copies the strings that writing gave a UTF-8 copy

    return read
