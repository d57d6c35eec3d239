"""Countries, by their ISO 3166-1 codes."""

from __future__ import annotations

import re

import attrs

from .evidence import Evidence
from .identifiers import brief, matches, non_empty, valid_id

__all__ = ["Country"]


@attrs.define(frozen=True, kw_only=True, repr=False)
class Country:
    """A country named or implied in the article (ISO 3166-1)."""

    id: str = attrs.field(validator=valid_id)
    """Unique id in the dossier, e.g. ``cn``."""

    name: str = attrs.field(validator=non_empty)
    """Short English name: "China"."""

    alpha2: str = attrs.field(
        validator=matches(re.compile("[A-Z]{2}"), "two capital letters (ISO 3166-1 alpha-2)")
    )
    """ISO 3166-1 alpha-2 code: ``CN``."""

    alpha3: str = attrs.field(
        validator=matches(re.compile("[A-Z]{3}"), "three capital letters (ISO 3166-1 alpha-3)")
    )
    """ISO 3166-1 alpha-3 code: ``CHN``."""

    evidence: tuple[Evidence, ...] = attrs.field(validator=non_empty)
    """Where the article names the country."""

    def __repr__(self) -> str:
        return f"Country(id={self.id!r}, name={brief(self.name)})"
