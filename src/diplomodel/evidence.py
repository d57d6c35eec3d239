"""Evidence: the exact words of the article that support a fact.

An :class:`Evidence` is a W3C Web Annotation TextQuote selector (``quote``) and
TextPosition selector (``start``, ``end``) in one: offsets count code points of
the article text, ``end`` exclusive, so ``article.text[start:end] == quote``.
"""

from __future__ import annotations

from typing import Any

import attrs

from .errors import FieldError, shorten
from .identifiers import brief, non_empty, require_whole_number, schema_keywords

__all__ = ["Evidence", "find_occurrences"]


# end = start + len(quote) >= 1; JSON Schema cannot compare fields, so it says only that.
@schema_keywords(lambda _is_array: {"minimum": 1})
def _offsets_fit_quote(instance: Evidence, attribute: attrs.Attribute[Any], end: int) -> None:
    require_whole_number(attribute.name, end)
    if end - instance.start != len(instance.quote):
        raise FieldError(
            attribute.name,
            f"offsets {shorten(instance.start)}..{shorten(end)} span "
            f"{shorten(end - instance.start)} code points but the quote "
            f"{shorten(instance.quote)} has {len(instance.quote)}; end must be "
            f"{shorten(instance.start + len(instance.quote))}",
        )


@schema_keywords(lambda _is_array: {"minimum": 0}, exact=True)
def _not_negative(_instance: Any, attribute: attrs.Attribute[Any], start: int) -> None:
    require_whole_number(attribute.name, start)
    if start < 0:
        raise FieldError(attribute.name, f"must be 0 or more, got {shorten(start)}")


@attrs.define(frozen=True, kw_only=True, order=True, repr=False)
class Evidence:
    """The exact words in the article behind a fact, and where they stand.

    Ordered by position (``start``, then ``end``) so that lists of evidence
    sort in reading order.
    """

    quote: str = attrs.field(validator=non_empty, order=False)
    """The words exactly as the article writes them."""

    start: int = attrs.field(validator=_not_negative)
    """Offset of the first code point of the quote in the article text."""

    end: int = attrs.field(validator=_offsets_fit_quote)
    """Offset just past the last code point of the quote (exclusive)."""

    def overlaps(self, other: Evidence) -> bool:
        """Whether this span and ``other`` share at least one code point."""
        return self.start < other.end and other.start < self.end

    def __repr__(self) -> str:
        return f"Evidence(quote={brief(self.quote)}, start={self.start}, end={self.end})"


def find_occurrences(text: str, quote: str) -> tuple[int, ...]:
    """Every offset at which ``quote`` starts in ``text``, overlapping ones included."""
    if not quote:
        return ()
    found: list[int] = []
    position = text.find(quote)
    while position != -1:
        found.append(position)
        position = text.find(quote, position + 1)
    return tuple(found)
