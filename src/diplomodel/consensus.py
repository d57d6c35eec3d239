"""Consensus items: what the sides agreed, confirmed, reaffirmed, discussed or did not agree."""

from __future__ import annotations

import enum

import attrs

from .errors import FieldError, shorten
from .evidence import Evidence
from .identifiers import brief, quote_label, schema_keywords, valid_id, valid_ids, valid_topics
from .quantities import Quantity

__all__ = ["ConsensusItem", "ConsensusStatus"]


class ConsensusStatus(enum.Enum):
    """How far the sides went on an item."""

    AGREED = "agreed"
    """The sides agreed on it: "the two sides agreed to"."""
    CONFIRMED = "confirmed"
    """The sides confirmed a shared commitment or position: "Both sides confirmed their
    commitment to"."""
    REAFFIRMED = "reaffirmed"
    """The sides reaffirmed an agreement the article says was made earlier: "reaffirmed
    the relationship agreed by their predecessors"."""
    TENTATIVELY_AGREED = "tentatively-agreed"
    """The sides agreed only tentatively, in principle, or subject to arrangement."""
    VIEWS_EXCHANGED = "views-exchanged"
    """Discussed, with no agreement stated."""
    NOT_AGREED = "not-agreed"
    """The sides discussed it and did not agree: "did not agree on the timing"."""


@schema_keywords(lambda _is_array: {"minItems": 2})
def _two_or_more(
    _instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if len(value) < 2:
        raise FieldError(attribute.name, f"needs at least two sides, got {shorten(list(value))}")


@attrs.define(frozen=True, kw_only=True, repr=False)
class ConsensusItem:
    """One item two or more sides agreed, confirmed or discussed."""

    id: str = attrs.field(validator=valid_id)
    """Unique id in the dossier."""

    parties: tuple[str, ...] = attrs.field(validator=[_two_or_more, valid_ids])
    """Ids of the sides: persons, institutions or countries."""

    status: ConsensusStatus
    """Agreed, confirmed, reaffirmed, tentatively agreed, views exchanged, or not agreed."""

    content: Evidence
    """What was agreed, exactly as the article words it."""

    event: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the event at which it was reached."""

    document: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the event (a report, such as a readout) that carries it."""

    topics: tuple[str, ...] = attrs.field(
        default=(),
        validator=valid_topics,
    )
    """What it is about, as slugs."""

    evidence: tuple[Evidence, ...] = ()
    """Further words that support it, beyond its content: "They agreed to"."""

    reported_by: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the person or institution the article has it from ("the two sides agreed
    to…, the spokesperson said"); the words that say so belong in :attr:`evidence`."""

    quantities: tuple[Quantity, ...] = ()
    """Numbers the item gives: "a $1 billion fund"."""

    @property
    def name(self) -> str:
        """A label for tables and listings: the words, cut to about 60 characters."""
        return quote_label(self.content.quote)

    def __repr__(self) -> str:
        return f"ConsensusItem(id={self.id!r}, content={brief(self.content.quote)})"
