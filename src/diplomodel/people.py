"""People and the roles they hold (Popolo Person and Membership).

A person is named ("Wang Huning") or, when the article gives no name, described
("a senior official", "a person familiar with the matter"); never both absent,
and never a made-up name. A role is held in an institution or, for an office of
state ("Chinese President Xi Jinping"), in a country; it may say when it began
and ended, or only that it is a former one ("his predecessor").
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from .dates import FuzzyDate
from .errors import FieldError, shorten
from .evidence import Evidence
from .external import Identifier, unique_identifiers
from .identifiers import (
    brief,
    non_empty,
    non_empty_if_given,
    non_empty_items,
    schema_keywords,
    valid_id,
)

__all__ = ["Person", "Role"]


@attrs.define(frozen=True, kw_only=True, repr=False)
class Role:
    """A title a person holds in an institution or a country, and when, as the article says.

    Exactly one of :attr:`institution` and :attr:`country` is given: an office of
    state ("President", "Prime Minister") is held in the country, so no institution
    is made up for it.
    """

    title: str = attrs.field(validator=non_empty)
    """The title as the article gives it: "Secretary General", "vice dean"."""

    institution: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the institution the title is held in."""

    country: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the country whose office it is, for a head of state or government:
    "Chinese President", "Japanese Prime Minister"."""

    start: FuzzyDate | None = None
    """When the person took up the role: "since assuming his post in October"."""

    end: FuzzyDate | None = None
    """When the person left, or is to leave, the role."""

    former: bool = False
    """The person no longer holds the role at the article's date ("his predecessor",
    "a former diplomat"), whether or not the article says when it ended."""

    evidence: tuple[Evidence, ...] = attrs.field(validator=non_empty)
    """Where the article states the role."""

    _schema_rules: ClassVar[dict[str, Any]] = {
        "anyOf": [
            {
                "required": ["institution"],
                "properties": {"institution": {"type": "string"}, "country": {"type": "null"}},
            },
            {
                "required": ["country"],
                "properties": {"country": {"type": "string"}, "institution": {"type": "null"}},
            },
        ],
    }
    """Exactly one of institution and country, as JSON Schema (read by :func:`json_schema`)."""

    def __attrs_post_init__(self) -> None:
        if (self.institution is None) == (self.country is None):
            given = "both" if self.institution is not None else "neither"
            raise FieldError(
                "institution",
                f"{given} of institution and country given: a role is held in exactly one, "
                "an institution, or a country for an office of state",
            )
        start, end = self.start, self.end
        # Fuzzy bounds: wrong only when the start is surely after the end.
        if (
            start is not None
            and end is not None
            and start.earliest is not None
            and end.latest is not None
            and start.earliest > end.latest
        ):
            raise FieldError(
                "end",
                f"{shorten(end.text)} (by {end.latest.isoformat()}) is before the start "
                f"{shorten(start.text)} (from {start.earliest.isoformat()})",
            )

    @property
    def holder(self) -> str:
        """Id of what the role is held in: the institution, else the country."""
        return self.institution or self.country or ""

    def __repr__(self) -> str:
        return f"Role(title={brief(self.title)}, {self.held_in})"

    @property
    def held_in(self) -> str:
        """``institution='…'`` or ``country='…'``: where it is held, for reprs."""
        if self.institution is not None:
            return f"institution={self.institution!r}"
        return f"country={self.country!r}"


# JSON Schema cannot compare fields: the rule carries no schema keywords.
@schema_keywords(lambda _is_array: {})
def _name_is_given_and_family(
    instance: Person, attribute: attrs.Attribute[Any], name: str | None
) -> None:
    family, given = instance.family_name, instance.given_name
    if name is None or family is None or given is None:
        return  # all three or none: the class's own rule
    if name != f"{family} {given}" and name != f"{given} {family}":
        raise FieldError(
            attribute.name,
            f"{shorten(name)} must be the family and given names in either order "
            f"({shorten(family)}, {shorten(given)})",
        )


_NAME_FIELDS = ("name", "family_name", "given_name")


@attrs.define(frozen=True, kw_only=True, repr=False)
class Person:
    """A person named or described in the article (Popolo Person).

    ``name`` is the display name in the order the article uses: family name
    first for Chinese names ("Wang Huning"), given name first for Japanese ones
    ("Hiroshi Moriyama"). A person the article does not name ("a senior
    official") has no ``name``, ``family_name`` or ``given_name`` but a
    ``description``; :attr:`label` shows either.
    """

    id: str = attrs.field(validator=valid_id)
    """Unique id in the dossier, e.g. ``wang-huning``."""

    name: str | None = attrs.field(
        default=None, validator=[non_empty_if_given, _name_is_given_and_family]
    )
    """Display name as the article writes it in full; none for a person it does not name."""

    family_name: str | None = attrs.field(default=None, validator=non_empty_if_given)
    """Family name: "Wang", "Moriyama"; given with ``name``."""

    given_name: str | None = attrs.field(default=None, validator=non_empty_if_given)
    """Given name: "Huning", "Hiroshi"; given with ``name``."""

    description: str | None = attrs.field(default=None, validator=non_empty_if_given)
    """Who the person is, in the article's words, when it gives no name: "a senior
    official", "a person familiar with the matter". Required then."""

    aliases: tuple[str, ...] = attrs.field(default=(), validator=non_empty_items)
    """Shorter names the article uses for the person: "Moriyama", "Lü"."""

    country: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the person's country."""

    roles: tuple[Role, ...] = ()
    """Every role the article gives the person."""

    evidence: tuple[Evidence, ...] = attrs.field(validator=non_empty)
    """Where the article names or describes the person."""

    identifiers: tuple[Identifier, ...] = attrs.field(default=(), validator=unique_identifiers)
    """Identifiers of the person in other databases: a Wikidata QID."""

    _schema_rules: ClassVar[dict[str, Any]] = {
        "anyOf": [
            {
                "required": list(_NAME_FIELDS),
                "properties": {field: {"type": "string"} for field in _NAME_FIELDS},
            },
            {
                "required": ["description"],
                "properties": {
                    "description": {"type": "string"},
                    **{field: {"type": "null"} for field in _NAME_FIELDS},
                },
            },
        ],
    }
    """A name with its family and given names, or else a description, as JSON Schema
    (read by :func:`json_schema`)."""

    def __attrs_post_init__(self) -> None:
        given = [field for field in _NAME_FIELDS if getattr(self, field) is not None]
        if given and len(given) < len(_NAME_FIELDS):
            missing = next(field for field in _NAME_FIELDS if field not in given)
            raise FieldError(
                missing,
                f"required key missing for a named person ({', '.join(given)} given): a named "
                "person has name, family_name and given_name, an unnamed one none of them",
            )
        if not given and self.description is None:
            raise FieldError(
                "description",
                "missing: a person with no name needs a description in the article's words "
                "('a senior official'); no name is ever made up",
            )

    @property
    def label(self) -> str:
        """The name, or for an unnamed person the description: for listings and tables."""
        return self.name or self.description or self.id

    @property
    def is_named(self) -> bool:
        """Whether the article names the person."""
        return self.name is not None

    def __repr__(self) -> str:
        shown = f"name={brief(self.name)}" if self.name else f"description={brief(self.label)}"
        return f"Person(id={self.id!r}, {shown})"
