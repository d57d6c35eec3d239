"""The JSON Schema (2020-12) of what :func:`~diplomodel.to_dict` writes, read off the classes."""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import types
import typing
from typing import Any

import attrs

from .identifiers import END, NO_SURROGATE_PATTERN, field_rules

__all__ = ["json_schema"]

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_ISO_DATE_PATTERN = f"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}{END}"


def _summary(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return doc.split("\n\n")[0].replace("\n", " ")


def _validator_schema(validator: Any, is_array: bool) -> dict[str, Any]:
    """The JSON Schema keywords of a field's validators, which carry them (``json_schema``)."""
    merged: dict[str, Any] = {}
    for rule in field_rules(validator):
        keywords = getattr(rule, "json_schema", None)
        if keywords is not None:  # else a rule across fields that JSON Schema cannot say
            merged.update(keywords(is_array))
    return merged


class _SchemaBuilder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def for_type(self, annotation: Any) -> dict[str, Any]:
        origin = typing.get_origin(annotation)
        if origin in (types.UnionType, typing.Union):
            options = [self.for_type(arg) for arg in typing.get_args(annotation)]
            return {"anyOf": options}
        if origin is tuple:
            item_type, _ellipsis = typing.get_args(annotation)
            return {"type": "array", "items": self.for_type(item_type)}
        if annotation is type(None):
            return {"type": "null"}
        if annotation is str:
            return {"type": "string", "pattern": NO_SURROGATE_PATTERN}
        if annotation is bool:
            return {"type": "boolean"}
        if annotation is int:
            return {"type": "integer"}
        if annotation is float:
            return {"type": "number"}
        if annotation is dt.date:
            return {"type": "string", "format": "date", "pattern": _ISO_DATE_PATTERN}
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            return self.for_enum(annotation)
        if attrs.has(annotation):
            return self.for_class(annotation)
        raise TypeError(f"no JSON Schema mapping for {annotation!r}")

    def for_enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {
                "description": _summary(cls),
                "enum": [member.value for member in cls],
            }
        return {"$ref": f"#/$defs/{cls.__name__}"}

    def for_class(self, cls: type[Any]) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: breaks recursion
            hints = typing.get_type_hints(cls)
            properties: dict[str, Any] = {}
            required: list[str] = []
            for field in attrs.fields(cls):
                if not field.init:
                    continue
                schema = self.for_type(hints[field.name])
                is_array = typing.get_origin(hints[field.name]) is tuple
                extra = _validator_schema(field.validator, is_array)
                if "items" in extra and "items" in schema:
                    extra["items"] = {**schema["items"], **extra["items"]}
                if extra and "anyOf" in schema:
                    schema = {"anyOf": [{**schema["anyOf"][0], **extra}, *schema["anyOf"][1:]]}
                elif extra and "$ref" in schema:
                    schema = {"allOf": [schema], **extra}
                else:
                    schema = {**schema, **extra}
                properties[field.name] = schema
                if field.default is attrs.NOTHING:
                    required.append(field.name)
            self.defs[name] = {
                "type": "object",
                "description": _summary(cls),
                "properties": properties,
                "required": required,
                "additionalProperties": False,
                **getattr(cls, "_schema_rules", {}),  # rules across fields, such as Event's
            }
        return {"$ref": f"#/$defs/{name}"}


def json_schema(cls: type[Any] | None = None) -> dict[str, Any]:
    r"""The JSON Schema (2020-12) of ``to_dict(obj)`` for ``obj`` of class ``cls``.

    ``cls`` defaults to :class:`~diplomodel.Dossier`. The schema is built from the
    attrs classes themselves: field types, defaults, and the JSON Schema
    keywords each field validator carries, so every rule of one object that
    JSON Schema can say, it says as the library checks it: slugs, ISO codes
    and dates written exactly ``YYYY-MM-DD``, strings with more than white
    space and without lone surrogates, non-empty and duplicate-free lists,
    ranges, CAMEO codes, assigned ISO 3166-1 codes, each identifier scheme's
    form of value, an event's series and number together. Patterns end
    with ``(?![\s\S])``, which means end of string in both ECMA-262 and
    Python, so a trailing newline does not slip through.

    Beyond JSON Schema, and checked by :func:`~diplomodel.from_dict` alone:
    rules that compare fields (a person's name made of the family and given
    names, evidence ``end - start`` equal to the quote's length, a fuzzy
    date's window and EDTF, a country's alpha-3 code and name, which must be
    those of its alpha-2 code in the ISO 3166-1 table, a role's start not after
    its end, a quantity's value against the number its words write, a finite
    quantity), rules on the JSON
    text itself (no repeated key in an object, integers without a fraction:
    JSON Schema counts ``1.0`` as an integer), and checks that need the
    whole dossier (references, quotes against the text).
    """
    if cls is None:
        from .dossier import Dossier

        cls = Dossier
    builder = _SchemaBuilder()
    root = builder.for_class(cls)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": f"diplomodel {cls.__name__}",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
