"""Statements: who said what, how, where and through whom (after Popolo's Speech).

Two things describe what a statement does: its :class:`StatementMode`, how the
article reports the words (quoted, paraphrased, partly quoted, or in its own
voice), and its :class:`SpeechAct`, what the speaker does with them (claims,
asks, calls for, pledges, …). A verbatim question is a direct quote *and* a
question.
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar

import attrs

from .dates import FuzzyDate
from .errors import FieldError
from .evidence import Evidence
from .identifiers import brief, non_empty, quote_label, valid_id, valid_ids, valid_topics
from .quantities import Quantity

__all__ = ["ARTICLE_VOICE", "SpeechAct", "Statement", "StatementMode"]

ARTICLE_VOICE = "article"
"""What :attr:`Statement.voices` gives for the article's own voice (no speakers):
the article's publisher, named by :attr:`~diplomodel.Article.publisher`."""


class StatementMode(enum.Enum):
    """How the article reports the words: quoted, paraphrased, partly quoted, or its own."""

    DIRECT_QUOTE = "direct-quote"
    """The speaker's own words, in quotation marks: ``"We are neighbors," Wang said``."""
    PARAPHRASE = "paraphrase"
    """Reported speech, no quotation marks: ``said the ruling parties should…``."""
    PARTIAL_QUOTE = "partial-quote"
    """Reported speech that quotes some of the speaker's words:
    ``said ties should move "onto a steady track"``."""
    ASSERTION = "assertion"
    """The article's own voice, attributed to no one else: ``The visit is the first…``."""


class SpeechAct(enum.Enum):
    """What the speaker does with the words: a small vocabulary to count by.

    Pick the act the sentence is built around: "said China was willing to" is
    a pledge even though it also states a fact.
    """

    CLAIM = "claim"
    """States or assesses something as so: ``said China and Japan are close neighbors``."""
    QUESTION = "question"
    """Asks, even rhetorically: ``"Don't these party bigwigs have their priorities…?"``."""
    CALL = "call"
    """Calls on someone to act, says what should be done: ``the ruling parties should…``,
    ``called on Tokyo to…``."""
    PLEDGE = "pledge"
    """Commits the speaker's own side: ``is ready to make positive contributions``,
    ``pledged to keep channels open``."""
    PROPOSAL = "proposal"
    """Puts forward a plan for the other side to accept: ``proposed that the dialogue resume``."""
    ANNOUNCEMENT = "announcement"
    """Makes a decision or plan known: ``announced that a delegation will visit Japan``."""
    DENIAL = "denial"
    """Says something is not so: ``denied that any deadline had been set``."""
    CRITICISM = "criticism"
    """Finds fault with someone's words or deeds: ``criticised "careless remarks"``."""


def _speakers_needed(statement: Statement) -> None:
    if statement.speakers:
        return
    if statement.mode is not StatementMode.ASSERTION:
        raise FieldError(
            "speakers",
            f"must not be empty for mode {statement.mode.value!r}: only an assertion "
            "(the article's own voice) may name no speaker",
        )
    # The article's own voice has no spokesperson and nobody to infer.
    if statement.on_behalf_of is not None:
        raise FieldError(
            "on_behalf_of",
            f"needs a speaker who speaks for {statement.on_behalf_of!r}; the article's "
            "own voice (no speakers) speaks for no one",
        )
    if statement.speaker_inferred:
        raise FieldError(
            "speaker_inferred",
            "must be false when no speaker is named: the article's own voice is not inferred",
        )


@attrs.define(frozen=True, kw_only=True, repr=False)
class Statement:
    """Something said: by whom, how reported, doing what, at which event, through which channel."""

    id: str = attrs.field(validator=valid_id)
    """Unique id in the dossier."""

    speakers: tuple[str, ...] = attrs.field(validator=valid_ids)
    """Ids of the persons or institutions who said it (a joint statement has several).

    Empty only for an assertion the text attributes to no one, not even the
    outlet: then the speaker is the article's publisher (see :attr:`voices`).
    """

    mode: StatementMode
    """How the words are reported: direct quote, paraphrase, partial quote or assertion."""

    act: SpeechAct
    """What the speaker does: claims, asks, calls for, pledges, proposes, …"""

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

    on_behalf_of: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the institution the speaker speaks for: "a foreign ministry spokesperson
    said". One voice for a body, not a joint statement of two."""

    addressees: tuple[str, ...] = attrs.field(default=(), validator=valid_ids)
    """Ids of the persons, institutions or countries it was said to: "Wang told Iwaya"."""

    speaker_inferred: bool = False
    """The text does not name the speaker at the words; the curator infers who it is
    from context (a first-person quote attributed only by its position)."""

    quantities: tuple[Quantity, ...] = ()
    """Numbers the statement gives: "study a $1 billion fund"."""

    _schema_rules: ClassVar[dict[str, Any]] = {
        "anyOf": [
            {"properties": {"speakers": {"minItems": 1}}},
            {
                "properties": {
                    "mode": {"const": StatementMode.ASSERTION.value},
                    "on_behalf_of": {"type": "null"},
                    "speaker_inferred": {"const": False},
                }
            },
        ],
    }
    """Only an assertion may name no speaker, and then with no body it speaks for and no
    inferred speaker, as JSON Schema (read by :func:`json_schema`)."""

    def __attrs_post_init__(self) -> None:
        _speakers_needed(self)

    @property
    def in_article_voice(self) -> bool:
        """Whether it is the article's own voice, with no speaker named in the text."""
        return not self.speakers

    @property
    def voices(self) -> tuple[str, ...]:
        """Who says it: the speakers' ids, or ``("article",)`` (:data:`ARTICLE_VOICE`)
        for the article's own voice."""
        return self.speakers or (ARTICLE_VOICE,)

    @property
    def name(self) -> str:
        """A label for tables and listings: the words, cut to about 60 characters."""
        return quote_label(self.content.quote)

    def __repr__(self) -> str:
        return f"Statement(id={self.id!r}, content={brief(self.content.quote)})"
