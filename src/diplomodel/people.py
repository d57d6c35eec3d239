"""People and the roles they hold (Popolo Person and Membership)."""

from __future__ import annotations

from typing import Any

import attrs

from .errors import FieldError, shorten
from .evidence import Evidence
from .external import Identifier, unique_identifiers
from .identifiers import brief, non_empty, non_empty_items, schema_keywords, valid_id, valid_ids

__all__ = ["Person", "Role"]


@attrs.define(frozen=True, kw_only=True, repr=False)
class Role:
    """A title a person holds in an institution, as stated at the article's date."""

    title: str = attrs.field(validator=non_empty)
    """The title as the article gives it: "Secretary General", "vice dean"."""

    institution: str = attrs.field(validator=valid_id)
    """Id of the institution the title is held in."""

    evidence: tuple[Evidence, ...] = attrs.field(validator=non_empty)
    """Where the article states the role."""

    def __repr__(self) -> str:
        return f"Role(title={brief(self.title)}, institution={self.institution!r})"


# JSON Schema cannot compare fields: the rule carries no schema keywords.
@schema_keywords(lambda _is_array: {})
def _name_is_given_and_family(instance: Person, attribute: attrs.Attribute[Any], name: str) -> None:
    family, given = instance.family_name, instance.given_name
    if name != f"{family} {given}" and name != f"{given} {family}":
        raise FieldError(
            attribute.name,
            f"{shorten(name)} must be the family and given names in either order "
            f"({shorten(family)}, {shorten(given)})",
        )


@attrs.define(frozen=True, kw_only=True, repr=False)
class Person:
    """A person named in the article (Popolo Person).

    ``name`` is the display name in the order the article uses: family name
    first for Chinese names ("Wang Huning"), given name first for Japanese ones
    ("Hiroshi Moriyama").
    """

    id: str = attrs.field(validator=valid_id)
    """Unique id in the dossier, e.g. ``wang-huning``."""

    name: str = attrs.field(validator=_name_is_given_and_family)
    """Display name as the article writes it in full."""

    family_name: str = attrs.field(validator=non_empty)
    """Family name: "Wang", "Moriyama"."""

    given_name: str = attrs.field(validator=non_empty)
    """Given name: "Huning", "Hiroshi"."""

    aliases: tuple[str, ...] = attrs.field(default=(), validator=non_empty_items)
    """Shorter names the article uses for the person: "Moriyama", "Lü"."""

    country: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the person's country."""

    roles: tuple[Role, ...] = ()
    """Every role the article gives the person."""

    evidence: tuple[Evidence, ...] = attrs.field(validator=non_empty)
    """Where the article names the person."""

    identifiers: tuple[Identifier, ...] = attrs.field(default=(), validator=unique_identifiers)
    """Identifiers of the person in other databases: a Wikidata QID."""

    same_as: tuple[str, ...] = attrs.field(default=(), validator=valid_ids)
    """Ids another curation gives the same thing, where its curator chose another id:
    a corpus merges them into one (see ``docs/corpus.md``)."""

    def __repr__(self) -> str:
        return f"Person(id={self.id!r}, name={brief(self.name)})"
