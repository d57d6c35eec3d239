"""Coverage: which sentences of the article the curation cites, and which it does not."""

from __future__ import annotations

import bisect
import collections
import enum
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .errors import shorten
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

    def __repr__(self) -> str:
        span = self.sentence
        return (
            f"SentenceCoverage({span.start}..{span.end} {shorten(span.quote)}, "
            f"{self.status.value}, cited_by={len(self.cited_by)})"
        )


@attrs.define(frozen=True, kw_only=True)
class Coverage:
    """Sentence-by-sentence account of what a dossier cites."""

    sentences: tuple[SentenceCoverage, ...]

    def __repr__(self) -> str:
        counts = collections.Counter(s.status for s in self.sentences)
        by_status = ", ".join(f"{status.value}={counts[status]}" for status in SentenceStatus)
        return f"Coverage(sentences={len(self.sentences)}, {by_status})"

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
        """Compute the coverage of ``dossier``'s article by its evidence.

        Each span finds the sentences it overlaps by bisection (the sentences
        are in order and apart), so the cost grows as n log n, not as the
        number of sentences times the number of spans.
        """
        sentences = split_sentences(dossier.article.text)
        ends = [sentence.end for sentence in sentences]

        def overlapped(span: Evidence) -> Iterator[int]:
            index = bisect.bisect_right(ends, span.start)
            while index < len(sentences) and sentences[index].start < span.end:
                yield index
                index += 1

        # Walked in dossier order, so each sentence's citers come in dossier order.
        cited_by: list[dict[str, None]] = [{} for _ in sentences]
        for site in iter_evidence(dossier):
            if site.subjects:
                for index in overlapped(site.evidence):
                    cited_by[index][site.owner] = None
        artifact = [False] * len(sentences)
        for item in dossier.article.artifacts:
            for index in overlapped(item.evidence):
                artifact[index] = True
        uncited = [False] * len(sentences)
        for passage in dossier.uncited:
            for index in overlapped(passage.evidence):
                uncited[index] = True
        report = []
        for index, sentence in enumerate(sentences):
            if cited_by[index]:
                status = SentenceStatus.CITED
            elif artifact[index]:
                status = SentenceStatus.ARTIFACT
            elif uncited[index]:
                status = SentenceStatus.UNCITED
            else:
                status = SentenceStatus.UNACCOUNTED
            owners = tuple(cited_by[index])
            report.append(SentenceCoverage(sentence=sentence, status=status, cited_by=owners))
        return cls(sentences=tuple(report))
