"""Coverage: which sentences of the article the curation cites, and which it does not."""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING

import attrs

from .evidence import Evidence
from .walk import iter_evidence

if TYPE_CHECKING:
    from .dossier import Dossier

__all__ = ["Coverage", "SentenceCoverage", "SentenceStatus", "split_sentences"]

# A sentence ends at . ? or ! (and a closing quotation mark), before white space
# and a capital letter or an opening quotation mark; each line is its own paragraph.
_SENTENCE_END = re.compile('(?<=[.?!])["\u201d\u2019]?(?=\\s+["\u201cA-Z])')


def split_sentences(text: str) -> tuple[Evidence, ...]:
    """The article's sentences as spans, in order (white space between them left out)."""
    sentences: list[Evidence] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        cuts = [match.end() + line.start() for match in _SENTENCE_END.finditer(line.group())]
        for end in [*cuts, line.end()]:
            piece = text[start:end]
            stripped = piece.strip()
            if stripped:
                offset = start + len(piece) - len(piece.lstrip())
                sentences.append(Evidence(quote=stripped, start=offset, end=offset + len(stripped)))
            start = end
    return tuple(sentences)


class SentenceStatus(enum.Enum):
    """How the curation accounts for a sentence."""

    CITED = "cited"
    """Evidence of at least one fact overlaps it."""
    ARTIFACT = "artifact"
    """It is (part of) a recorded text artifact and nothing else."""
    UNCITED = "uncited"
    """It is listed as deliberately uncited, with a reason."""
    UNACCOUNTED = "unaccounted"
    """Nothing cites it and nothing explains why."""


@attrs.define(frozen=True, kw_only=True)
class SentenceCoverage:
    """One sentence and what cites it."""

    sentence: Evidence
    """The sentence and where it stands."""
    status: SentenceStatus
    """How it is accounted for."""
    cited_by: tuple[str, ...]
    """Ids of the objects whose evidence overlaps it, in dossier order."""


@attrs.define(frozen=True, kw_only=True)
class Coverage:
    """Sentence-by-sentence account of what a dossier cites."""

    sentences: tuple[SentenceCoverage, ...]

    @property
    def unaccounted(self) -> tuple[SentenceCoverage, ...]:
        """Sentences nothing cites or explains."""
        return tuple(s for s in self.sentences if s.status is SentenceStatus.UNACCOUNTED)

    @property
    def complete(self) -> bool:
        """Whether every sentence is cited, an artifact, or deliberately uncited."""
        return not self.unaccounted

    @property
    def cited_share(self) -> float:
        """The share of sentences cited by at least one fact (0 to 1)."""
        if not self.sentences:
            return 1.0
        cited = sum(s.status is SentenceStatus.CITED for s in self.sentences)
        return cited / len(self.sentences)

    @classmethod
    def of(cls, dossier: Dossier) -> Coverage:
        """Compute the coverage of ``dossier``'s article by its evidence."""
        facts = [site for site in iter_evidence(dossier) if site.subjects]
        artifacts = [artifact.evidence for artifact in dossier.article.artifacts]
        uncited = [passage.evidence for passage in dossier.uncited]
        report = []
        for sentence in split_sentences(dossier.article.text):
            owners = tuple(
                dict.fromkeys(site.owner for site in facts if site.evidence.overlaps(sentence))
            )
            if owners:
                status = SentenceStatus.CITED
            elif any(span.overlaps(sentence) for span in artifacts):
                status = SentenceStatus.ARTIFACT
            elif any(span.overlaps(sentence) for span in uncited):
                status = SentenceStatus.UNCITED
            else:
                status = SentenceStatus.UNACCOUNTED
            report.append(SentenceCoverage(sentence=sentence, status=status, cited_by=owners))
        return cls(sentences=tuple(report))
