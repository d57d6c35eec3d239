"""The fast path of :func:`~diplomodel.from_json`, where msgspec is installed.

msgspec reads the text into Structs of the model's own shape (every key
required, unknown keys forbidden, types checked without coercion), then
writes them back: only text that comes back byte for byte, compact or
indented as :func:`~diplomodel.to_json` writes it, goes on. So the text has
no repeated key, no key the model lacks, no number or string written in
another way, and reads to the same values as the reference reader would give.
The model's objects are then built from the Structs with their own
constructors, which enforce every field rule and the whole-dossier checks.

Anything else, including every invalid document, is left to the reference
reader (:mod:`diplomodel.serialize`), which explains every problem: the fast
path changes how soon a valid document is read, never what is accepted or
what an error says.
"""

from __future__ import annotations

import datetime as dt
import enum
import gc
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["NOT_FAST", "fast_reader"]

NOT_FAST: Any = object()
"""What a fast reader returns for text it leaves to the reference reader."""

_PLAIN = (str, int, bool, dt.date, type(None))


class _UnsupportedTypeError(Exception):
    """A type the fast path does not mirror: its class is read the reference way."""


def _msgspec() -> Any:
    try:
        import msgspec
    except ImportError:
        return None
    return msgspec


class _Mirror:
    """Structs of the shape of the attrs classes, and builders of the classes from them."""

    def __init__(self, msgspec: Any) -> None:
        self.msgspec = msgspec
        self.structs: dict[type[Any], Any] = {}
        self.builders: dict[type[Any], Callable[[Any], Any]] = {}

    def shape(self, hint: Any) -> tuple[Any, Callable[[Any], Any] | None]:
        """The Struct type for ``hint``, and how to turn its value into the model's
        (``None``: the value is the model's as it is)."""
        if isinstance(hint, type) and attrs.has(hint):
            return self.struct(hint), self.builders[hint]
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item, build_item = self.shape(args[0])
            if build_item is None:
                return tuple[item, ...], None  # type: ignore[valid-type]
            convert = build_item
            return tuple[item, ...], lambda items: tuple(map(convert, items))  # type: ignore[valid-type]
        if origin in (typing.Union, types.UnionType):
            shapes = [self.shape(arg) for arg in args]
            builds = [build for _shape, build in shapes if build is not None]
            if builds and (len(args) != 2 or type(None) not in args):
                raise _UnsupportedTypeError(hint)  # only "a class or None" is mirrored
            union = shapes[0][0]
            for each, _build in shapes[1:]:
                union = union | each
            if not builds:
                return union, None
            build = builds[0]
            return union, lambda value: None if value is None else build(value)
        if hint is float:
            return int | float, None  # the reference reader keeps an integer as written
        if hint in _PLAIN or (isinstance(hint, type) and issubclass(hint, enum.Enum)):
            return hint, None
        raise _UnsupportedTypeError(hint)

    def struct(self, cls: type[Any]) -> Any:
        if cls in self.structs:
            return self.structs[cls]
        hints = typing.get_type_hints(cls)
        fields = [field for field in attrs.fields(cls) if field.init]
        namespace: dict[str, Any] = {"cls": cls}
        arguments: list[str] = []
        struct_fields = []
        for index, field in enumerate(fields):
            shape, convert = self.shape(hints[field.name])
            struct_fields.append((field.name, shape))
            if convert is None:
                arguments.append(f"{field.alias}=value.{field.name}")
            else:
                namespace[f"convert{index}"] = convert
                arguments.append(f"{field.alias}=convert{index}(value.{field.name})")
        # One generated function per class: a call with keywords, as a hand-written one.
        exec(f"def build(value):\n    return cls({', '.join(arguments)})", namespace)
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
    reader; errors raised by the model's constructors also mean that.
    """
    if cls in _READERS:
        return _READERS[cls]
    msgspec = _msgspec()
    reader: Callable[[str | bytes], Any] | None = None
    if msgspec is not None and isinstance(cls, type) and attrs.has(cls):
        mirror = _Mirror(msgspec)
        try:
            shape, build = mirror.shape(cls)
        except _UnsupportedTypeError:
            shape = build = None
        if build is not None:
            reader = _reader(msgspec, shape, build)
    _READERS[cls] = reader
    return reader


def _reader(msgspec: Any, shape: Any, build: Callable[[Any], Any]) -> Callable[[str | bytes], Any]:
    decoder = msgspec.json.Decoder(shape)
    encoder = msgspec.json.Encoder()
    format_ = msgspec.json.format

    def read(text: str | bytes) -> Any:
        # A document makes thousands of objects and no garbage cycle: collecting while
        # they are made only walks the graph read so far, over and over.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return _read(text)
        finally:
            if collecting:
                gc.enable()

    def _read(text: str | bytes) -> Any:
        try:
            raw = text.encode() if isinstance(text, str) else bytes(text)
            value = decoder.decode(raw)
            written = encoder.encode(value)
        except (msgspec.MsgspecError, ValueError, TypeError, OverflowError):
            return NOT_FAST
        if written != raw and (b"\n" not in raw or format_(written, indent=2) != raw):
            return NOT_FAST
        # Writing kept a UTF-8 copy inside each non-ASCII string: build from fresh ones.
        return build(decoder.decode(raw))

    return read
