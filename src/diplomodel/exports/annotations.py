"""W3C Web Annotations: one annotation per evidence span, in JSON-LD.

Each annotation targets the article (:func:`article_iri`) with two selectors of
the same words: a ``TextQuoteSelector`` (the words, with
:data:`CONTEXT_CHARACTERS` characters before and after them, more only where the
same words stand elsewhere with the same context, so that a reader can find the
words again in a copy of the text whose offsets have drifted) and a
``TextPositionSelector`` (the offsets, counted in code points). Its body says
which fact the words support: the kind of object, its id and the field that
holds the span, as ``dcterms:type``, ``dcterms:identifier`` and
``schema:propertyID`` (prefixes the Web Annotation context defines), and in
words as the body's ``value``.
"""

from __future__ import annotations

import bisect
import re
from typing import Any
from urllib.parse import quote as percent_encoded

from diplomodel.consensus import ConsensusItem
from diplomodel.dossier import Dossier
from diplomodel.entities import label_of
from diplomodel.events import Event
from diplomodel.evidence import Evidence
from diplomodel.passages import Passages
from diplomodel.quantities import Quantity
from diplomodel.statements import Statement
from diplomodel.walk import KIND_OF_SECTION, EvidenceSite, iter_evidence

from ._sources import Source, article_iri, dossiers_of

__all__ = ["CONTEXT", "CONTEXT_CHARACTERS", "WIDEST_CONTEXT", "to_annotations"]

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
"""The JSON-LD context of the W3C Web Annotation Data Model."""

CONTEXT_CHARACTERS = 32
"""Characters of the text before (``prefix``) and after (``suffix``) the words, in
each ``TextQuoteSelector``: this many, fewer at an end of the text, and more (twice,
four times, …) only where the same words with the same 32 characters around them
stand elsewhere in the text, so that every quote selector finds its words once
(up to :data:`WIDEST_CONTEXT`)."""

WIDEST_CONTEXT = 1024
"""The widest context a quote selector gets: a text that repeats a passage longer than
twice this around the same words leaves its quote selector ambiguous (the position
selector still says where the words are), so that the cost stays bounded."""

_KIND_OF_SECTION = {"article": "artifact", "uncited": "uncited passage", **KIND_OF_SECTION}
# "$.people[3].roles[0].evidence[1]": the section, the index, and the rest.
_PATH = re.compile(r"^\$\.(?P<section>\w+)(?:\[(?P<index>\d+)\])?\.(?P<rest>.+)$")
_LAST_INDEX = re.compile(r"\[\d+\]$")
_ARTIFACT = re.compile(r"^artifacts\[(\d+)\]")
_QUANTITY = re.compile(r"^quantities\[(\d+)\]\.")


class _Captions:
    """The spans of a text's citable artifacts (captions), to tell which fact's words
    stand in one."""

    def __init__(self, dossier: Dossier) -> None:
        spans = sorted(a.evidence for a in dossier.article.artifacts if a.kind.citable)
        self.spans = spans
        self.starts = [span.start for span in spans]

    def holding(self, span: Evidence) -> Evidence | None:
        # Artifacts do not overlap: only the last one starting at or before can hold it.
        index = bisect.bisect_right(self.starts, span.start) - 1
        if index >= 0 and span.end <= self.spans[index].end:
            return self.spans[index]
        return None


def _quantity_words(quantity: Quantity) -> str:
    value = int(quantity.value) if float(quantity.value).is_integer() else quantity.value
    unit = f" {quantity.unit}" if quantity.unit else ""
    return f"{value}{unit} ({quantity.counts})"


def _body(dossier: Dossier, site: EvidenceSite, captions: _Captions) -> tuple[str, dict[str, Any]]:
    """The annotation's motivation and body: which fact the span supports, or why the
    words are set aside (or, for a caption, set aside but citable)."""
    match = _PATH.match(site.path)
    assert match is not None, site.path  # iter_evidence writes every path in this form
    section, rest = match["section"], match["rest"]
    kind = _KIND_OF_SECTION[section]
    field = _LAST_INDEX.sub("", rest)  # the field, not which of its spans
    body: dict[str, Any] = {"type": "TextualBody", "format": "text/plain"}
    if section == "article":
        found = _ARTIFACT.match(rest)
        assert found is not None, site.path
        artifact = dossier.article.artifacts[int(found[1])]
        body["purpose"] = "commenting"
        standing = "may be cited" if artifact.kind.citable else "not a fact"
        body["value"] = f"artifact ({artifact.kind.value}), {standing}: {artifact.reason}"
    elif section == "uncited":
        passage = dossier.uncited[int(match["index"])]
        body["purpose"] = "commenting"
        body["value"] = f"uncited passage: {passage.reason}"
    else:
        fact = dossier.get(site.owner)
        body["purpose"] = "identifying"
        body["value"] = f"{kind} {site.owner} ({label_of(fact)}), {field}"
        body["dcterms:identifier"] = site.owner
        quantity = _QUANTITY.match(rest)
        if quantity is not None and isinstance(fact, Event | Statement | ConsensusItem):
            # The number as schema.org's QuantitativeValue gives it.
            counted = fact.quantities[int(quantity[1])]
            body["value"] += f": {_quantity_words(counted)}"
            body["schema:value"] = counted.value
            if counted.unit is not None:
                body["schema:unitText"] = counted.unit
            body["schema:description"] = counted.counts
        if captions.holding(site.evidence) is not None:
            body["value"] += ", cited from a caption"
    body["dcterms:type"] = kind
    body["schema:propertyID"] = field
    return body["purpose"], body


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    return text[max(0, start - width) : start], text[end : end + width]


def _found_at(text: str, at: int, length: int, prefix: str, suffix: str) -> bool:
    """Whether the words at ``at`` have this prefix and suffix around them."""
    return (
        at >= len(prefix)
        and text.startswith(prefix, at - len(prefix))
        and text.startswith(suffix, at + length)
    )


def _context_widths(
    text: str, quote: str, starts: set[int], everywhere: list[int]
) -> dict[int, int]:
    """For each start of ``quote`` that a span has, the context width that makes its quote
    selector match there only.

    The rivals are the other places of the same words; each round keeps the rivals that
    still match some span's context and doubles the width for those spans, so the work
    is about the places of the words, not the length of the text.
    """
    length = len(quote)
    widths: dict[int, int] = {}
    pending = sorted(starts)
    rivals = everywhere
    width = CONTEXT_CHARACTERS
    while pending and width <= WIDEST_CONTEXT:
        by_context: dict[tuple[str, str], list[int]] = {}
        for at in rivals:
            by_context.setdefault(_context(text, at, at + length, width), []).append(at)
        still: list[int] = []
        matching: set[int] = set()
        for start in pending:
            prefix, suffix = _context(text, start, start + length, width)
            if len(prefix) == len(suffix) == width:
                found = by_context[(prefix, suffix)]
            else:  # near an end of the text: a rival's longer context may hold this one
                found = [at for at in rivals if _found_at(text, at, length, prefix, suffix)]
            if len(found) == 1:
                widths[start] = width
            else:
                still.append(start)
                matching.update(found)
        pending, rivals, width = still, sorted(matching), width * 2
    widths.update(dict.fromkeys(pending, WIDEST_CONTEXT))
    return widths


def _all_context_widths(text: str, sites: list[EvidenceSite]) -> dict[tuple[int, int], int]:
    """The context width of each span, by (start, end)."""
    passages = Passages(text)
    starts_by_quote: dict[str, set[int]] = {}
    for site in sites:
        starts_by_quote.setdefault(site.evidence.quote, set()).add(site.evidence.start)
    widths: dict[tuple[int, int], int] = {}
    for quote, starts in starts_by_quote.items():
        for start, width in _context_widths(text, quote, starts, passages.starts(quote)).items():
            widths[(start, start + len(quote))] = width
    return widths


def _annotation(
    dossier: Dossier, site: EvidenceSite, source: str, width: int, captions: _Captions
) -> dict[str, Any]:
    text = dossier.article.text
    span = site.evidence
    quote_selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": span.quote}
    prefix, suffix = _context(text, span.start, span.end, width)
    if prefix:
        quote_selector["prefix"] = prefix
    if suffix:
        quote_selector["suffix"] = suffix
    motivation, body = _body(dossier, site, captions)
    path = percent_encoded(site.path, safe="")
    return {
        "@context": CONTEXT,
        "id": f"urn:diplomodel:annotation:{dossier.article.id}:{path}",
        "type": "Annotation",
        "motivation": motivation,
        "body": body,
        "target": {
            "source": source,
            "selector": [
                quote_selector,
                {"type": "TextPositionSelector", "start": span.start, "end": span.end},
            ],
        },
    }


def to_annotations(source: Source) -> list[dict[str, Any]]:
    """One W3C Web Annotation (JSON-LD) per evidence span of a dossier or a corpus.

    The spans come in the order of :func:`diplomodel.walk.iter_evidence`, dossier by
    dossier: the text's artifacts and uncited passages (motivation ``commenting``),
    then every fact's spans (motivation ``identifying``). Each annotation's ``id`` is
    ``urn:diplomodel:annotation:<article id>:<JSON path of the span>``, the path
    percent-encoded. Offsets count code points, as diplomodel's do (a tool that counts
    UTF-16 code units differs after a character outside the Basic Multilingual Plane).

    Raises :class:`TypeError` for anything but a :class:`~diplomodel.Dossier` or a
    :class:`~diplomodel.Corpus`, and :class:`~diplomodel.ValidationError` for a
    corpus whose articles share an id.
    """
    annotations: list[dict[str, Any]] = []
    for dossier in dossiers_of(source, "to_annotations"):
        iri = article_iri(dossier.article)
        sites = list(iter_evidence(dossier))
        widths = _all_context_widths(dossier.article.text, sites)
        captions = _Captions(dossier)
        annotations.extend(
            _annotation(
                dossier, site, iri, widths[(site.evidence.start, site.evidence.end)], captions
            )
            for site in sites
        )
    return annotations
