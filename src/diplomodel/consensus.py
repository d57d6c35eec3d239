"""Consensus items: what the sides agreed, confirmed or only discussed."""

from __future__ import annotations

import enum

import attrs

from .evidence import Evidence
from .identifiers import valid_id, valid_ids, valid_topics

__all__ = ["ConsensusItem", "ConsensusStatus"]


class ConsensusStatus(enum.Enum):
    """How far the sides went on an item."""

    AGREED = "agreed"
    CONFIRMED = "confirmed"
    TENTATIVELY_AGREED = "tentatively-agreed"
    VIEWS_EXCHANGED = "views-exchanged"
    """Discussed, with no agreement stated."""


def _two_or_more(
    _instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if len(value) < 2:
        raise ValueError(f"{attribute.name} needs at least two sides, got {list(value)!r}")


@attrs.define(frozen=True, kw_only=True)
class ConsensusItem:
    """One item two or more sides agreed, confirmed or discussed."""

    id: str = attrs.field(validator=valid_id)
    """Unique id in the dossier."""

    parties: tuple[str, ...] = attrs.field(validator=[_two_or_more, valid_ids])
    """Ids of the sides: persons, institutions or countries."""

    status: ConsensusStatus
    """Agreed, confirmed, tentatively agreed, or views exchanged."""

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
