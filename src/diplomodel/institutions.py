"""Institutions: parties and their organs, state bodies, outlets, academies, mechanisms.

Popolo calls these Organizations; ``parent`` builds the same tree
(the Standing Committee sits inside the Political Bureau, inside the CPC
Central Committee, inside the CPC).
"""

from __future__ import annotations

import enum

import attrs

from .evidence import Evidence
from .external import Identifier, unique_identifiers
from .identifiers import brief, non_empty, non_empty_items, valid_id, valid_ids

__all__ = ["Institution", "InstitutionKind"]


class InstitutionKind(enum.Enum):
    """What sort of body an institution is."""

    PARTY = "party"
    """A political party: the CPC, the Liberal Democratic Party."""
    PARTY_ORGAN = "party-organ"
    """A body inside a party: the Central Committee, the Political Bureau."""
    COALITION = "coalition"
    """Parties governing together: Japan's ruling coalition."""
    DELEGATION = "delegation"
    """A group sent on a visit by another body."""
    GOVERNMENT = "government"
    """A government or administration: the Shigeru Ishiba administration."""
    MINISTRY = "ministry"
    """A government ministry: the Defense Ministry."""
    STATE_BODY = "state-body"
    """Another state or advisory body: the CPPCC and its National Committee."""
    MILITARY = "military"
    """An armed force: the People's Liberation Army."""
    MILITARY_COMMAND = "military-command"
    """A command within an armed force: the Eastern Theater Command."""
    NEWS_OUTLET = "news-outlet"
    """A news agency or newspaper: Xinhua, Kyodo News, Sankei Shimbun."""
    UNIVERSITY = "university"
    """A university: Tsinghua University."""
    RESEARCH_INSTITUTE = "research-institute"
    """An institute or academy for research: the Liaoning Academy of Social Sciences."""
    EXCHANGE_MECHANISM = "exchange-mechanism"
    """A standing framework of meetings between two sides."""


@attrs.define(frozen=True, kw_only=True, repr=False)
class Institution:
    """A party, organ, state body, outlet, academy or mechanism (Popolo Organization)."""

    id: str = attrs.field(validator=valid_id)
    """Unique id in the dossier, e.g. ``cpc-central-committee``."""

    name: str = attrs.field(validator=non_empty)
    """Full English name as the article gives it."""

    kind: InstitutionKind
    """What sort of body it is."""

    abbreviations: tuple[str, ...] = attrs.field(default=(), validator=non_empty_items)
    """Standard short forms: ``CPC``, ``CPPCC``, ``LDP``, ``PLA``."""

    country: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the country it belongs to; none for a bilateral body."""

    parent: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the institution it sits inside."""

    members: tuple[str, ...] = attrs.field(default=(), validator=valid_ids)
    """Ids of the institutions that make it up (a coalition's parties, a mechanism's sides)."""

    evidence: tuple[Evidence, ...] = attrs.field(validator=non_empty)
    """Where the article names it."""

    identifiers: tuple[Identifier, ...] = attrs.field(default=(), validator=unique_identifiers)
    """Identifiers of the institution in other databases: a Wikidata QID."""

    same_as: tuple[str, ...] = attrs.field(default=(), validator=valid_ids)
    """Ids another curation gives the same thing, where its curator chose another id:
    a corpus merges them into one (see ``docs/corpus.md``)."""

    def __repr__(self) -> str:
        return f"Institution(id={self.id!r}, name={brief(self.name)})"
