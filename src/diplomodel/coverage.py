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

__all__ = [
    "ABBREVIATIONS",
    "SENTENCE_OPENERS",
    "STRETCH_WORDS",
    "TITLES",
    "Coverage",
    "SentenceCoverage",
    "SentenceStatus",
    "split_sentences",
]

STRETCH_WORDS = 4
"""How many words in a row of a cited sentence, cited by nothing, make an uncited stretch."""

# A word: letters or digits, joined by inner apostrophes or hyphens ("Iwaya's", "co-chair").
_WORD = re.compile("\\w+(?:[-'\u2019]\\w+)*")

# A candidate end: . ? or ! (and a closing quotation mark), before white space and
# a capital letter or an opening quotation mark; each line is its own paragraph.
_SENTENCE_END = re.compile('(?<=[.?!])["\u201d\u2019]?(?=\\s+["\u201cA-Z])')
# The first word after a candidate end, past white space and an opening quotation mark.
_NEXT_WORD = re.compile('\\s+["\u201c]?([A-Za-z]+)(\\.?)')
_OPENING_PUNCTUATION = "\"'([\u201c\u2018"

TITLES = frozenset(
    """Mr Mrs Ms Mme Messrs Dr Prof H.E Gen Lt Col Capt Sgt Adm Sen Rep Gov Amb Rev
    Hon""".split()  # noqa: SIM905 - a list of words reads best as words
)
"""Abbreviations that stand before a name (without their last full stop): never an end."""

ABBREVIATIONS = frozenset(
    """St No Nos Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Co Corp Inc Ltd Jr
    Sr""".split()  # noqa: SIM905 - a list of words reads best as words
)
"""Other abbreviations (without their last full stop): an end only before a sentence opener."""

SENTENCE_OPENERS = frozenset(
    """The A An It Its He She His Her They Their Them We Our I You Your This That
    These Those There Here But And Or So Yet Nor In On At For From With By To Of
    After Before As If When While Although Though Since Because However Meanwhile
    Both Some Many Most Such Other Another Each Every All Neither Either What Who
    Why How Where""".split()  # noqa: SIM905 - a list of words reads best as words
)
"""Words that often open a sentence and seldom follow an abbreviation inside one."""

_INITIALS = re.compile(r"[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]")


def _ends_sentence(line: str, stop: int, cut: int, token_start: int) -> bool:
    """Whether the candidate end whose full stop (or ? or !) is at ``stop`` ends a sentence."""
    if line[stop] != "." or cut > stop + 1:
        return True  # a question, an exclamation, or a quotation closing after the stop
    word = line[token_start:stop].lstrip(_OPENING_PUNCTUATION)
    if word in TITLES:
        return False
    if word in ABBREVIATIONS or _INITIALS.fullmatch(word):
        following = _NEXT_WORD.match(line, cut)
        if following is None:
            return False
        word, stop_after = following.groups()
        # "J. A. Smith": a one-letter opener with a full stop is one more initial.
        return word in SENTENCE_OPENERS and not (len(word) == 1 and stop_after)
    return True


def split_sentences(text: str) -> tuple[Evidence, ...]:
    """The article's sentences as spans, in order (white space between them left out).

    A sentence ends at ``.``, ``?`` or ``!`` (and a closing quotation mark)
    followed by white space and a capital letter or an opening quotation mark,
    and at the end of each line. A full stop that ends an abbreviation is not
    taken for an end on its own:

    - after a title that stands before a name (``Mr.``, ``Mrs.``, ``Dr.``,
      ``H.E.``, ``Gen.``, … see ``TITLES``) the sentence never ends;
    - after another known abbreviation (``St.``, ``No.``, a month such as
      ``Dec.``, ``Corp.``, … see ``ABBREVIATIONS``), an initial (``F.`` in
      "John F. Kennedy") or letters with full stops (``U.S.``, ``U.K.``) the
      sentence ends only when the next word is a common sentence opener (see
      ``SENTENCE_OPENERS``): "ties with the U.S. The talks went on" is two
      sentences, "the U.S. State Department" is one. Before a number
      ("Dec. 25", "No. 1") nothing ends, as before a lower-case word.

    Each candidate end looks back over its own word and forward over the next
    one only, so the cost is linear in the text.
    """
    sentences: list[Evidence] = []
    for line_match in re.finditer(r"[^\n]+", text):
        line = line_match.group()
        offset = line_match.start()
        start = 0
        token_floor = 0  # no word looked back over reaches before this
        for match in _SENTENCE_END.finditer(line):
            stop = match.start() - 1
            token_start = stop
            while token_start > token_floor and not line[token_start - 1].isspace():
                token_start -= 1
            token_floor = match.end()
            if _ends_sentence(line, stop, match.end(), token_start):
                _add_sentence(sentences, line, offset, start, match.end())
                start = match.end()
        _add_sentence(sentences, line, offset, start, len(line))
    return tuple(sentences)


def _add_sentence(sentences: list[Evidence], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        begin = offset + start + len(piece) - len(piece.lstrip())
        sentences.append(Evidence(quote=stripped, start=begin, end=begin + len(stripped)))


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
    uncited_stretches: tuple[Evidence, ...] = ()
    """In a cited sentence, each run of ``STRETCH_WORDS`` or more words in a
    row that no span of the dossier touches (a fact's evidence, an artifact or an
    uncited passage), in order: a clause the curation may have dropped."""

    def __repr__(self) -> str:
        span = self.sentence
        stretches = len(self.uncited_stretches)
        return (
            f"SentenceCoverage({span.start}..{span.end} {shorten(span.quote)}, "
            f"{self.status.value}, cited_by={len(self.cited_by)}"
            + (f", stretches={stretches})" if stretches else ")")
        )


@attrs.define(frozen=True, kw_only=True)
class Coverage:
    """Sentence-by-sentence account of what a dossier cites."""

    sentences: tuple[SentenceCoverage, ...]

    def __repr__(self) -> str:
        counts = collections.Counter(s.status for s in self.sentences)
        by_status = ", ".join(f"{status.value}={counts[status]}" for status in SentenceStatus)
        stretches = sum(len(s.uncited_stretches) for s in self.sentences)
        return f"Coverage(sentences={len(self.sentences)}, {by_status}, stretches={stretches})"

    @property
    def uncited_stretches(self) -> tuple[Evidence, ...]:
        """Every uncited stretch of every cited sentence, in reading order."""
        return tuple(span for s in self.sentences for span in s.uncited_stretches)

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
        number of sentences times the number of spans. The uncited stretches
        come from one walk over the words of the cited sentences beside the
        sorted, merged spans: linear in the text after an n log n sort.
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
        spans = []  # every span, artifacts' and uncited passages' too: all cover words
        for site in iter_evidence(dossier):
            spans.append(site.evidence)
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
        statuses = []
        for index in range(len(sentences)):
            if cited_by[index]:
                status = SentenceStatus.CITED
            elif artifact[index]:
                status = SentenceStatus.ARTIFACT
            elif uncited[index]:
                status = SentenceStatus.UNCITED
            else:
                status = SentenceStatus.UNACCOUNTED
            statuses.append(status)
        cited = [
            sentence
            for sentence, status in zip(sentences, statuses, strict=True)
            if status is SentenceStatus.CITED
        ]
        stretches = iter(_uncited_stretches(dossier.article.text, cited, spans))
        report = [
            SentenceCoverage(
                sentence=sentence,
                status=status,
                cited_by=tuple(owners),
                uncited_stretches=next(stretches) if status is SentenceStatus.CITED else (),
            )
            for sentence, status, owners in zip(sentences, statuses, cited_by, strict=True)
        ]
        return cls(sentences=tuple(report))


def _merged(spans: list[Evidence]) -> list[tuple[int, int]]:
    """The stretches of text the spans cover, as (start, end) pairs, in order and apart."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((span.start, span.end) for span in spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _uncited_stretches(
    text: str, sentences: list[Evidence], spans: list[Evidence]
) -> list[tuple[Evidence, ...]]:
    """For each of ``sentences`` (in order), its runs of ``STRETCH_WORDS`` or
    more words that no span touches; a word touched in one code point is cited."""
    covered = _merged(spans)
    index = 0  # the first covered stretch that may still touch a word further on
    found: list[tuple[Evidence, ...]] = []
    for sentence in sentences:
        stretches: list[Evidence] = []
        # The words of the current run: how many, where the first starts, where the last ends.
        words, run_start, run_end = 0, 0, 0
        for word in _WORD.finditer(text, sentence.start, sentence.end):
            while index < len(covered) and covered[index][1] <= word.start():
                index += 1
            if index < len(covered) and covered[index][0] < word.end():
                if words >= STRETCH_WORDS:
                    stretches.append(_span(text, run_start, run_end))
                words = 0
                continue
            if not words:
                run_start = word.start()
            run_end = word.end()
            words += 1
        if words >= STRETCH_WORDS:
            stretches.append(_span(text, run_start, run_end))
        found.append(tuple(stretches))
    return found


def _span(text: str, start: int, end: int) -> Evidence:
    """The words of ``text`` from ``start`` to ``end`` as a span."""
    return Evidence(quote=text[start:end], start=start, end=end)
