"""Countries, by their ISO 3166-1 codes, checked against the ISO 3166-1 table.

The table ships as package data (``data/iso3166-1.tsv``, from iso-codes
4.15.0) and is read on first use. A country's ``alpha2`` must be an assigned
alpha-2 code, its ``alpha3`` the alpha-3 code of the same country, and its
``name`` one of that country's names: the table's short, official or common
name, or one of a few common English short names the table lacks ("Russia",
"Turkey", "the United States", "Britain"), listed in the table's last column.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from .errors import FieldError, NotFoundError, shorten
from .evidence import Evidence
from .external import Identifier, unique_identifiers
from .identifiers import brief, non_empty, schema_keywords, valid_id, valid_ids
from .package_data import read_package_text

__all__ = ["Country", "IsoCountry", "iso_countries", "iso_country"]

_ALPHA2 = re.compile("[A-Z]{2}")
_ALPHA3 = re.compile("[A-Z]{3}")


@attrs.define(frozen=True, kw_only=True)
class IsoCountry:
    """One row of the ISO 3166-1 table: a country's codes and English names."""

    alpha2: str
    """Alpha-2 code: ``CN``."""
    alpha3: str
    """Alpha-3 code: ``CHN``."""
    numeric: str
    """Numeric code, three digits: ``156``."""
    name: str
    """The table's short name: "China", "Korea, Republic of"."""
    official_name: str | None
    """The official name, when the table gives one: "People's Republic of China"."""
    common_name: str | None
    """The common name, when the table gives one: "South Korea"."""
    other_names: tuple[str, ...]
    """Common English short names the table lacks, added by diplomodel: "Russia"."""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a :class:`Country` of this code may have, the table's own first."""
        own = (self.name, self.official_name, self.common_name)
        return (*(name for name in own if name), *self.other_names)


@functools.cache
def iso_countries() -> dict[str, IsoCountry]:
    """The whole ISO 3166-1 table, read once from the package's data, by alpha-2 code."""
    text = read_package_text("data/iso3166-1.tsv")
    table: dict[str, IsoCountry] = {}
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    next(lines)  # the column names
    for line in lines:
        alpha2, alpha3, numeric, name, official, common, others = line.split("\t")
        table[alpha2] = IsoCountry(
            alpha2=alpha2,
            alpha3=alpha3,
            numeric=numeric,
            name=name,
            official_name=official or None,
            common_name=common or None,
            other_names=tuple(others.split(";")) if others else (),
        )
    return table


@functools.cache
def _by_alpha3() -> dict[str, IsoCountry]:
    return {row.alpha3: row for row in iso_countries().values()}


def iso_country(code: str) -> IsoCountry:
    """Look up one country of the ISO 3166-1 table by its alpha-2 or alpha-3 code.

    Raises ``diplomodel.errors.NotFoundError`` naming a code the table does not have.
    """
    if isinstance(code, str):
        found = iso_countries().get(code) or _by_alpha3().get(code)
        if found is not None:
            return found
    raise NotFoundError(f"{shorten(code)} is not an ISO 3166-1 alpha-2 or alpha-3 code", None)


def _row(code: object) -> IsoCountry | None:
    """The table's row of an alpha-2 code, or ``None`` for anything else."""
    return iso_countries().get(code) if isinstance(code, str) else None


@schema_keywords(lambda _is_array: {"enum": sorted(iso_countries())})
def _assigned_alpha2(_instance: Any, attribute: attrs.Attribute[Any], code: object) -> None:
    if not isinstance(code, str) or _ALPHA2.fullmatch(code) is None:
        raise FieldError(
            attribute.name, f"must be two capital letters (ISO 3166-1 alpha-2), got {shorten(code)}"
        )
    if _row(code) is None:
        raise FieldError(attribute.name, f"{code!r} is not an assigned ISO 3166-1 alpha-2 code")


# The code must also be that of the country of ``alpha2``: a rule across fields,
# which JSON Schema cannot say; the schema says only that the code is assigned.
@schema_keywords(lambda _is_array: {"enum": sorted(_by_alpha3())})
def _alpha3_of_alpha2(instance: Country, attribute: attrs.Attribute[Any], code: object) -> None:
    if not isinstance(code, str) or _ALPHA3.fullmatch(code) is None:
        raise FieldError(
            attribute.name,
            f"must be three capital letters (ISO 3166-1 alpha-3), got {shorten(code)}",
        )
    owner = _by_alpha3().get(code)
    if owner is None:
        raise FieldError(attribute.name, f"{code!r} is not an assigned ISO 3166-1 alpha-3 code")
    row = _row(instance.alpha2)
    if row is not None and row.alpha3 != code:
        raise FieldError(
            attribute.name,
            f"{code!r} is the alpha-3 code of {owner.name} ({owner.alpha2}/{owner.alpha3}); "
            f"{row.alpha2} is {row.name}, whose codes are {row.alpha2}/{row.alpha3}",
        )


# A rule across fields (the name depends on ``alpha2``): no JSON Schema keywords.
@schema_keywords(lambda _is_array: {})
def _name_of_alpha2(instance: Country, attribute: attrs.Attribute[Any], name: object) -> None:
    row = _row(instance.alpha2)
    if row is not None and name not in row.names:
        accepted = ", ".join(repr(each) for each in row.names)
        raise FieldError(
            attribute.name,
            f"{shorten(name)} is not a name of {row.alpha2} in the ISO 3166-1 table; "
            f"accepted: {accepted}",
        )


@attrs.define(frozen=True, kw_only=True, repr=False)
class Country:
    """A country named or implied in the article (ISO 3166-1).

    The codes and the name are checked against the ISO 3166-1 table
    (:func:`iso_countries`): see the module's description.
    """

    id: str = attrs.field(validator=valid_id)
    """Unique id in the dossier, e.g. ``cn``."""

    name: str = attrs.field(validator=[non_empty, _name_of_alpha2])
    """Short English name: "China"; one of the names :attr:`IsoCountry.names` of ``alpha2``."""

    alpha2: str = attrs.field(validator=_assigned_alpha2)
    """ISO 3166-1 alpha-2 code: ``CN``."""

    alpha3: str = attrs.field(validator=_alpha3_of_alpha2)
    """ISO 3166-1 alpha-3 code of the same country: ``CHN``."""

    evidence: tuple[Evidence, ...] = attrs.field(validator=non_empty)
    """Where the article names the country."""

    identifiers: tuple[Identifier, ...] = attrs.field(default=(), validator=unique_identifiers)
    """Identifiers of the country in other databases: a Wikidata QID."""

    same_as: tuple[str, ...] = attrs.field(default=(), validator=valid_ids)
    """Ids another curation gives the same thing, where its curator chose another id:
    a corpus merges them into one (see ``docs/corpus.md``)."""

    def __repr__(self) -> str:
        return f"Country(id={self.id!r}, name={brief(self.name)})"
