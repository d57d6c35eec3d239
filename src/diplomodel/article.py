"""The article: the source text every fact of a dossier points into."""

from __future__ import annotations

import datetime as dt
import enum
import re

import attrs

from .evidence import Evidence
from .identifiers import brief, matches, non_empty, valid_id

__all__ = ["Article", "Artifact", "ArtifactKind", "UncitedPassage"]


class ArtifactKind(enum.Enum):
    """What sort of noise an artifact is."""

    PHOTO_CREDIT = "photo-credit"
    """A credit line of a picture, which says who took it: "Photo:VCG"."""
    CAPTION = "caption"
    """The caption of a picture: "Photo: Wang Yi and Takeshi Iwaya shake hands…". The one
    kind facts may cite, since a caption can carry facts; it stays marked as a caption."""
    DATELINE = "dateline"
    """The place (and date, source) that opens a report: "BEIJING:",
    "BEIJING, Dec. 25 (Fixture Wire) --"."""
    TRUNCATION = "truncation"
    """Text cut off mid-word or mid-sentence, where the copy ends: "expect the sec"."""
    SOURCE_PREFIX = "source-prefix"
    """Words the source of the text put before it: "[Fixture Wire service copy]"."""
    STRAY_TOKEN = "stray-token"
    """Words that slipped into the text from elsewhere, such as an advert."""
    OTHER = "other"
    """Anything else that is not part of the article's prose."""

    @property
    def citable(self) -> bool:
        """Whether facts may cite words inside an artifact of this kind: only a caption's."""
        return self is ArtifactKind.CAPTION


@attrs.define(frozen=True, kw_only=True, repr=False)
class Artifact:
    """Words in the text that are not part of any fact, and why."""

    kind: ArtifactKind
    """What sort of noise it is."""

    reason: str = attrs.field(validator=non_empty)
    """Why it is not part of the article's facts."""

    evidence: Evidence
    """The words and where they stand."""

    def __repr__(self) -> str:
        return f"Artifact(kind={self.kind.value!r}, evidence={self.evidence!r})"


@attrs.define(frozen=True, kw_only=True, repr=False)
class UncitedPassage:
    """A sentence the curation leaves uncited on purpose, and why."""

    reason: str = attrs.field(validator=non_empty)
    """Why no fact cites it."""

    evidence: Evidence
    """The passage and where it stands."""

    def __repr__(self) -> str:
        return f"UncitedPassage(reason={brief(self.reason)}, evidence={self.evidence!r})"


@attrs.define(frozen=True, kw_only=True, repr=False)
class Article:
    """A news article: its metadata and full text."""

    id: str = attrs.field(validator=valid_id)
    """Unique id of the article."""

    title: str | None = None
    """The headline, when the source text carries one."""

    publisher: str = attrs.field(validator=non_empty)
    """Who published it: "Global Times"."""

    published: dt.date
    """Publication date; relative dates in the text are resolved against it."""

    language: str = attrs.field(
        default="en",
        validator=matches(
            re.compile("[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"),
            "a BCP 47 language tag such as 'en' or 'zh-Hans'",
        ),
    )
    """BCP 47 language tag of the text."""

    url: str | None = None
    """Where the article was published, when known."""

    text: str = attrs.field(validator=non_empty)
    """The full text, exactly as published; evidence offsets count its code points."""

    artifacts: tuple[Artifact, ...] = ()
    """Lines or tokens of the text that are not part of any fact."""

    def __repr__(self) -> str:
        return (
            f"Article(id={self.id!r}, publisher={brief(self.publisher)}, "
            f"published='{self.published.isoformat()}', {len(self.text)} characters)"
        )
