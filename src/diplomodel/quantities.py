"""Quantities: the numbers an article gives ("eight agreements", "$1 billion", "a three-day visit").

A :class:`Quantity` holds the number as a value an analyst can add up, its unit,
what it counts or measures, and the words that give it. Where the words write
the number in a form this module reads, the value must be that number:

- digits, with or without thousands commas and a decimal part: ``8``, ``1,200``,
  ``2.5``;
- number words from ``zero`` to ``ninety-nine``: ``eight``, ``three`` (in
  ``three-day``), ``twenty-five``;
- either of those followed by ``hundred``, ``thousand``, ``million``, ``billion``
  or ``trillion``, which multiply it: ``$1 billion`` is 1000000000.

Other forms ("a dozen", "dozens", "a pair", "half") are not checked: the value
is then the curator's reading of the words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

import attrs

from .errors import FieldError, shorten
from .evidence import Evidence
from .identifiers import brief, non_empty, non_empty_if_given, schema_keywords

__all__ = ["Quantity", "numbers_in"]

_UNITS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    word: 20 + 10 * index
    for index, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
_WORD_VALUES = _UNITS | _TENS
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)"
    r"|(?<![A-Za-z])(?P<word>[A-Za-z]+(?:-[A-Za-z]+)?)"
)
_SCALE_AFTER = re.compile(r"[ \u00a0-]+(?P<scale>[A-Za-z]+)")


def _word_number(word: str) -> int | None:
    """The number a word writes (``eight``, ``twenty-five``), or ``None``."""
    first, _hyphen, second = word.lower().partition("-")
    value = _WORD_VALUES.get(first)
    if value is None:
        return None
    unit = _WORD_VALUES.get(second)
    if first in _TENS and unit is not None and 0 < unit < 10:
        return value + unit
    return value


def numbers_in(words: str) -> Iterator[float]:
    """Every number ``words`` write in a form that is checked (see the module's description).

    A number followed by a scale word (``1 billion``) is given multiplied.
    """
    for match in _NUMBER.finditer(words):
        digits = match.group("digits")
        value: float | None
        if digits is not None:
            number = float(digits.replace(",", ""))
            value = int(number) if number.is_integer() else number
        else:
            value = _word_number(match.group("word"))
        if value is None:
            continue
        scale = _SCALE_AFTER.match(words, match.end())
        factor = _SCALES.get(scale.group("scale").lower()) if scale else None
        yield value * factor if factor else value


def _shown(number: float) -> str:
    """A number as written plainly: ``1000000000``, ``2.5``."""
    return str(int(number)) if float(number).is_integer() else repr(number)


@schema_keywords(lambda _is_array: {})
def _finite_number(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise FieldError(attribute.name, f"must be a finite number, got {shorten(value)}")


@attrs.define(frozen=True, kw_only=True, repr=False)
class Quantity:
    """A number the article gives, with its unit and what it counts, and the words that give it.

    When the evidence writes numbers in a checked form (see the module's
    description), ``value`` must be one of them.
    """

    value: float = attrs.field(validator=_finite_number)
    """The number in full: 8 for "eight agreements", 1000000000 for "$1 billion"."""

    unit: str | None = attrs.field(default=None, validator=non_empty_if_given)
    """The unit, when the number measures rather than counts: "USD", "day", "percent"."""

    counts: str = attrs.field(validator=non_empty)
    """What the number counts or measures: "agreements", "fund size", "visit length"."""

    evidence: tuple[Evidence, ...] = attrs.field(validator=non_empty)
    """The words that give the number: "eight agreements", "$1 billion"."""

    def __attrs_post_init__(self) -> None:
        written = [number for span in self.evidence for number in numbers_in(span.quote)]
        if written and not any(math.isclose(self.value, number) for number in written):
            shown = ", ".join(_shown(number) for number in dict.fromkeys(written))
            raise FieldError(
                "value",
                f"{_shown(self.value)} is not a number the evidence writes "
                f"({shorten(self.evidence[0].quote)} gives {shown})",
            )

    def __repr__(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"Quantity({_shown(self.value)}{unit}, counts={brief(self.counts)})"
