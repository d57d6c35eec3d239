"""External identifiers: the same person, institution, country or place in other databases.

Popolo's ``identifiers``: each a scheme and a value, such as Wikidata's
``Q22686``, so that dossiers from different curators can be matched. A known
scheme's values follow its own form (:data:`SCHEMES`); any other scheme is a
lower-case slug and takes any value with more than white space. An object may
have several identifiers of one scheme (Popolo allows it: a merged Wikidata
item keeps its old QID), but never the same identifier twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

import attrs

from .errors import FieldError, shorten
from .identifiers import (
    END,
    ID_PATTERN,
    _raise_items,
    brief,
    non_empty,
    schema_keywords,
)

__all__ = ["SCHEMES", "Identifier", "unique_identifiers"]

_ISO_3166_1 = "iso3166-1"

SCHEMES: dict[str, tuple[str, str]] = {
    "wikidata": ("Q[1-9][0-9]*", "a Wikidata item id such as 'Q22686'"),
    _ISO_3166_1: ("[A-Z]{2}", "an assigned ISO 3166-1 alpha-2 code such as 'CN'"),
    "geonames": ("[1-9][0-9]*", "a GeoNames id such as '1816670'"),
    "viaf": ("[1-9][0-9]*", "a VIAF id such as '102333412'"),
}
"""The known schemes: each one's pattern for the whole value, and the value in words."""

_PATTERNS = {scheme: re.compile(pattern) for scheme, (pattern, _words) in SCHEMES.items()}
_SLUG = re.compile(ID_PATTERN)


def _assigned_alpha2() -> list[str]:
    from .countries import iso_countries  # the countries module needs this one

    return sorted(iso_countries())


def _is_assigned_alpha2(value: str) -> bool:
    from .countries import iso_countries

    return value in iso_countries()


@schema_keywords(lambda _is_array: {"pattern": ID_PATTERN})
def _valid_scheme(_instance: Any, attribute: attrs.Attribute[Any], scheme: object) -> None:
    if not isinstance(scheme, str) or _SLUG.match(scheme) is None:
        known = ", ".join(repr(each) for each in SCHEMES)
        raise FieldError(
            attribute.name,
            f"must be a scheme ({known}) or another lower-case slug, got {shorten(scheme)}",
        )


# The form depends on ``scheme``; the schema says it in Identifier._schema_rules.
@schema_keywords(lambda _is_array: {})
def _valid_for_scheme(instance: Identifier, attribute: attrs.Attribute[Any], value: str) -> None:
    scheme = instance.scheme
    pattern = _PATTERNS.get(scheme) if isinstance(scheme, str) else None
    if pattern is None:
        return
    words = SCHEMES[scheme][1]
    if pattern.fullmatch(value) is None or (
        scheme == _ISO_3166_1 and not _is_assigned_alpha2(value)
    ):
        raise FieldError(attribute.name, f"must be {words} for {scheme!r}, got {shorten(value)}")


def _scheme_rules() -> Iterator[dict[str, Any]]:
    for scheme, (pattern, _words) in SCHEMES.items():
        value: dict[str, Any] = {"pattern": f"^(?:{pattern}){END}"}
        if scheme == _ISO_3166_1:
            value = {"enum": _assigned_alpha2()}
        yield {
            "if": {"required": ["scheme"], "properties": {"scheme": {"const": scheme}}},
            "then": {"properties": {"identifier": value}},
        }


class _SchemeRules:
    """Identifier's rules across fields as JSON Schema, built when the schema is."""

    def __get__(self, _instance: object, _owner: type[Any]) -> dict[str, Any]:
        return {"allOf": list(_scheme_rules())}


@attrs.define(frozen=True, kw_only=True, repr=False)
class Identifier:
    """The object's identifier in another database (Popolo Identifier): a scheme and a value."""

    scheme: str = attrs.field(validator=_valid_scheme)
    """The database: ``wikidata``, ``iso3166-1``, ``geonames``, ``viaf``, or another slug."""

    identifier: str = attrs.field(validator=[non_empty, _valid_for_scheme])
    """The object's id there: ``Q22686`` for Wikidata."""

    _schema_rules: ClassVar[Any] = _SchemeRules()
    """Each known scheme's form of value, as JSON Schema (read by :func:`json_schema`)."""

    def __repr__(self) -> str:
        return f"Identifier({self.scheme!r}, {brief(self.identifier)})"


@schema_keywords(lambda _is_array: {"uniqueItems": True})
def unique_identifiers(
    _instance: Any, attribute: attrs.Attribute[Any], identifiers: tuple[Identifier, ...]
) -> None:
    """attrs validator: no identifier of the tuple repeats an earlier one."""
    if not identifiers:
        return
    first: dict[object, int] = {}

    def repeats() -> Iterator[tuple[int, str]]:
        for index, identifier in enumerate(identifiers):
            if not isinstance(identifier, Identifier):
                yield index, f"must be an Identifier, got {shorten(identifier)}"
                continue
            key = (identifier.scheme, identifier.identifier)
            if key in first:
                yield (
                    index,
                    f"repeats {identifier.scheme}:{shorten(identifier.identifier)}, "
                    f"given at {attribute.name}[{first[key]}]",
                )
            else:
                first[key] = index

    _raise_items(attribute.name, repeats())
