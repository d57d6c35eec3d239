"""Statements: who said what, how, where and through whom (after Popolo's Speech)."""

from __future__ import annotations

import enum

import attrs

from .dates import FuzzyDate
from .evidence import Evidence
from .identifiers import brief, non_empty, quote_label, valid_id, valid_ids, valid_topics

__all__ = ["Statement", "StatementMode"]


class StatementMode(enum.Enum):
    """How the article renders what was said."""

    DIRECT_QUOTE = "direct-quote"
    """The speaker's own words, in quotation marks."""
    PARAPHRASE = "paraphrase"
    """Reported speech: "said the ruling parties should…"."""
    QUESTION = "question"
    """A question put by the speaker."""
    ASSERTION = "assertion"
    """A claim the article makes in its own voice, attributed to no one else."""


@attrs.define(frozen=True, kw_only=True, repr=False)
class Statement:
    """Something said: by whom, in what mode, at which event, reported through which channel."""

    id: str = attrs.field(validator=valid_id)
    """Unique id in the dossier."""

    speakers: tuple[str, ...] = attrs.field(validator=[non_empty, valid_ids])
    """Ids of the persons or institutions who said it (a joint statement has several)."""

    mode: StatementMode
    """Direct quote, paraphrase, question or the article's own assertion."""

    content: Evidence
    """The words of what was said, exactly as the article gives them."""

    event: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the event it was said at."""

    channel: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the institution that reports it ("according to Xinhua", "told the Global Times")."""

    date: FuzzyDate | None = None
    """When it was said, when the article says so."""

    topics: tuple[str, ...] = attrs.field(default=(), validator=valid_topics)
    """What it is about, as slugs: ``bilateral-relations``."""

    evidence: tuple[Evidence, ...] = attrs.field(validator=non_empty)
    """The words that attribute it: the speaker's name, "said", the channel."""

    @property
    def name(self) -> str:
        """A label for tables and listings: the words, cut to about 60 characters."""
        return quote_label(self.content.quote)

    def __repr__(self) -> str:
        return f"Statement(id={self.id!r}, content={brief(self.content.quote)})"
