"""Fuzzy dates: the vague and relative dates of news, resolved and kept honest.

A :class:`FuzzyDate` keeps the words as written, the first and last day they can
mean, how precise they are, and an EDTF (ISO 8601-2) rendering.
:func:`resolve_date` reads the words against the article's publication date with
python-dateutil and never invents a day the words do not give.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from typing import Any

import attrs
from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from .errors import DateResolutionError
from .identifiers import non_empty

__all__ = ["DatePrecision", "FuzzyDate", "resolve_date"]


class DatePrecision(enum.Enum):
    """How precisely the words fix a date."""

    DAY = "day"
    """One known day: "on Tuesday"."""
    DAYS = "days"
    """A known span of days, every day of it covered: "a three-day trip through Wednesday"."""
    WEEK = "week"
    """Some time within a week or part of one: "later this week"."""
    PART_OF_MONTH = "part-of-month"
    """Some time within a third of a month: "early", "mid-" or "late January"."""
    MONTH = "month"
    """Some time within a month: "December 2024"."""
    SEASON = "season"
    """Some time within a (northern, meteorological) season: "this autumn"."""
    YEAR = "year"
    """Some time within a year: "the new year"."""


# EDTF season codes (Level 1): 21 spring, 22 summer, 23 autumn, 24 winter.
_SEASON_CODES = {3: 21, 6: 22, 9: 23, 12: 24}
_SEASON_START_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _last_day_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _season_window(year: int, start_month: int) -> tuple[dt.date, dt.date]:
    end = dt.date(year, start_month, 1) + relativedelta(months=3, days=-1)
    return dt.date(year, start_month, 1), end


def _render_edtf(precision: DatePrecision, earliest: dt.date, latest: dt.date) -> str:
    """The EDTF form of a window; raises ValueError when the window does not fit the precision."""
    if precision is DatePrecision.DAY:
        if earliest != latest:
            raise ValueError("a day-precise date needs earliest == latest")
        return earliest.isoformat()
    if precision is DatePrecision.DAYS:
        return f"{earliest.isoformat()}/{latest.isoformat()}"
    if precision in (DatePrecision.WEEK, DatePrecision.PART_OF_MONTH):
        # One-of set: the day lies somewhere in the range; the words do not say which.
        return f"[{earliest.isoformat()}..{latest.isoformat()}]"
    if precision is DatePrecision.MONTH:
        if earliest.day != 1 or latest != _last_day_of_month(earliest.year, earliest.month):
            raise ValueError("a month-precise date must span exactly one calendar month")
        return f"{earliest.year:04d}-{earliest.month:02d}"
    if precision is DatePrecision.SEASON:
        code = _SEASON_CODES.get(earliest.month)
        if (
            code is None
            or earliest.day != 1
            or (earliest, latest) != _season_window(earliest.year, earliest.month)
        ):
            raise ValueError("a season-precise date must span exactly one meteorological season")
        return f"{earliest.year:04d}-{code}"
    if (earliest.month, earliest.day, latest.month, latest.day) != (1, 1, 12, 31) or (
        earliest.year != latest.year
    ):
        raise ValueError("a year-precise date must span exactly one calendar year")
    return f"{earliest.year:04d}"


def _edtf_default(instance: FuzzyDate) -> str:
    return _render_edtf(instance.precision, instance.earliest, instance.latest)


def _check_window(instance: FuzzyDate, _attribute: attrs.Attribute[Any], latest: dt.date) -> None:
    if latest < instance.earliest:
        raise ValueError(f"latest day {latest} comes before earliest day {instance.earliest}")


def _check_edtf(instance: FuzzyDate, _attribute: attrs.Attribute[Any], edtf: str) -> None:
    expected = _render_edtf(instance.precision, instance.earliest, instance.latest)
    if edtf != expected:
        raise ValueError(f"edtf {edtf!r} does not match the window, which renders as {expected!r}")


@attrs.define(frozen=True, kw_only=True)
class FuzzyDate:
    """A date as news writes it: the words, the window of days they allow, and how precise.

    ``earliest`` and ``latest`` are the first and last possible day (both
    included); ``edtf`` is derived from them and the precision when omitted, and
    checked against them when given.
    """

    text: str = attrs.field(validator=non_empty)
    """The words as written in the article: "on Tuesday", "mid-January"."""

    earliest: dt.date
    """The first day the words can mean."""

    latest: dt.date = attrs.field(validator=_check_window)
    """The last day the words can mean."""

    precision: DatePrecision
    """How precisely the words fix the date."""

    edtf: str = attrs.field(
        default=attrs.Factory(_edtf_default, takes_self=True), validator=_check_edtf
    )
    """The window in EDTF (ISO 8601-2): ``2025-01-14``, ``2025-01-13/2025-01-15``
    (a span), ``[2025-01-11..2025-01-20]`` (one day of a range), ``2024-12``,
    ``2025-23`` (autumn), ``2025``."""

    @property
    def is_exact(self) -> bool:
        """Whether the words give one known day."""
        return self.precision is DatePrecision.DAY


_WEEKDAYS: dict[str, weekday] = {
    "monday": MO,
    "tuesday": TU,
    "wednesday": WE,
    "thursday": TH,
    "friday": FR,
    "saturday": SA,
    "sunday": SU,
}
_MONTHS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_PART_OF_MONTH_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_MAX_FILLER_WORDS = 4

_WEEKDAY_RE = "|".join(_WEEKDAYS)
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))  # longest first
_SEASON_RE = "|".join(_SEASON_START_MONTH)


def _day(text: str, day: dt.date) -> FuzzyDate:
    return FuzzyDate(text=text, earliest=day, latest=day, precision=DatePrecision.DAY)


def _window(text: str, first: dt.date, last: dt.date, precision: DatePrecision) -> FuzzyDate:
    return FuzzyDate(text=text, earliest=first, latest=last, precision=precision)


def _nearest_year(month: int, reference: dt.date) -> int:
    """The year that puts ``month`` closest to the reference (a tie goes to the future)."""
    candidates = (reference.year - 1, reference.year, reference.year + 1)

    def distance(year: int) -> tuple[int, int]:
        months = (year - reference.year) * 12 + month - reference.month
        return abs(months), -months

    return min(candidates, key=distance)


def _month_window(text: str, month: int, year: int, part: str | None) -> FuzzyDate:
    if part is None:
        return _window(
            text, dt.date(year, month, 1), _last_day_of_month(year, month), DatePrecision.MONTH
        )
    first_day, last_day = _PART_OF_MONTH_DAYS[part]
    last = min(
        dt.date(year, month, 1) + relativedelta(day=last_day), _last_day_of_month(year, month)
    )
    return _window(text, dt.date(year, month, first_day), last, DatePrecision.PART_OF_MONTH)


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day + relativedelta(weekday=MO(-1))
    return monday, monday + dt.timedelta(days=6)


def _resolve_week(text: str, which: str, reference: dt.date) -> FuzzyDate:
    monday, sunday = _week_of(reference)
    if which == "this week":
        return _window(text, monday, sunday, DatePrecision.WEEK)
    if which == "next week":
        return _window(text, monday + dt.timedelta(7), sunday + dt.timedelta(7), DatePrecision.WEEK)
    if which == "last week":
        return _window(text, monday - dt.timedelta(7), sunday - dt.timedelta(7), DatePrecision.WEEK)
    if which == "later this week":
        if reference == sunday:
            raise DateResolutionError(text, "the reference day is a Sunday: no week is left")
        return _window(text, reference + dt.timedelta(1), sunday, DatePrecision.WEEK)
    # earlier this week
    if reference == monday:
        raise DateResolutionError(text, "the reference day is a Monday: no week has passed")
    return _window(text, monday, reference - dt.timedelta(1), DatePrecision.WEEK)


def _resolve_season(text: str, which: str, season: str, reference: dt.date) -> FuzzyDate:
    start_month = _SEASON_START_MONTH[season]
    if which.isdigit():
        year = int(which)
    else:
        # The season "this" names is the one of the reference's season-year:
        # January and February still belong to the winter that began in December.
        season_year = reference.year - 1 if reference.month < 3 else reference.year
        current = season_year if start_month == 12 else reference.year
        year = current + {"this": 0, "next": 1, "last": -1}[which]
    first, last = _season_window(year, start_month)
    return _window(text, first, last, DatePrecision.SEASON)


def _year_window(text: str, year: int) -> FuzzyDate:
    return _window(text, dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR)


def _parse_full_date(text: str, words: str, reference: dt.date) -> FuzzyDate | None:
    """A calendar date such as "January 14, 2025", "14 Jan 2025" or "2025-01-14"."""
    if not re.fullmatch(
        rf"\d{{4}}-\d{{2}}-\d{{2}}|(?:(?:{_MONTH_RE})\.? \d{{1,2}}(?:st|nd|rd|th)?,?(?: \d{{4}})?)"
        rf"|(?:\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTH_RE}),?(?: \d{{4}})?)",
        words,
    ):
        return None
    # Two parses with different defaults tell which parts the words really give.
    try:
        first = date_parser.parse(words, default=dt.datetime(2000, 1, 1))
        second = date_parser.parse(words, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError) as error:
        raise DateResolutionError(text, f"not a calendar date ({error})") from None
    if first.year != second.year:
        year = _nearest_year(first.month, reference)
        try:
            return _day(text, first.date().replace(year=year))
        except ValueError as error:
            raise DateResolutionError(text, str(error)) from None
    return _day(text, first.date())


def _resolve_point(text: str, words: str, reference: dt.date) -> FuzzyDate:
    """Resolve words naming a day or a window (no duration)."""
    for prefix in ("on ", "in ", "during "):
        if words.startswith(prefix):
            words = words[len(prefix) :]
            break

    if words in ("today", "yesterday", "tomorrow"):
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[words]
        return _day(text, reference + dt.timedelta(days=offset))
    if match := re.fullmatch(rf"(?:(last|next) )?({_WEEKDAY_RE})", words):
        which, name = match.groups()
        day_of_week = _WEEKDAYS[name]
        if which == "last":
            return _day(text, reference + relativedelta(days=-1, weekday=day_of_week(-1)))
        if which == "next":
            return _day(text, reference + relativedelta(days=+1, weekday=day_of_week(+1)))
        return _day(text, reference + relativedelta(weekday=day_of_week(-1)))
    if match := re.fullmatch(rf"(?:through|until|till|to) ({_WEEKDAY_RE})", words):
        return _day(text, reference + relativedelta(weekday=_WEEKDAYS[match.group(1)](+1)))
    if match := re.fullmatch(r"((?:later|earlier) this week|this week|next week|last week)", words):
        return _resolve_week(text, match.group(1), reference)
    if match := re.fullmatch(rf"(?:(early|mid|late)[- ])?({_MONTH_RE})(?:,? (\d{{4}}))?", words):
        part, month_name, year_words = match.groups()
        month = _MONTHS[month_name]
        year = int(year_words) if year_words else _nearest_year(month, reference)
        return _month_window(text, month, year, part)
    if match := re.fullmatch(
        rf"(?:(this|next|last) ({_SEASON_RE})|({_SEASON_RE}) (\d{{4}}))", words
    ):
        which, season, season_named, year_words = match.groups()
        if season is None:
            return _resolve_season(text, year_words, season_named, reference)
        return _resolve_season(text, which, season, reference)
    if match := re.fullmatch(r"(this|next|last) year", words):
        return _year_window(text, reference.year + {"this": 0, "next": 1, "last": -1}[match[1]])
    if words in ("the new year", "new year"):
        # The year that begins on the New Year's Day nearest the reference.
        return _year_window(text, reference.year + (1 if reference.month >= 7 else 0))
    if re.fullmatch(r"\d{4}", words):
        return _year_window(text, int(words))
    parsed = _parse_full_date(text, words, reference)
    if parsed is not None:
        return parsed
    raise DateResolutionError(text, f"no date form matches {words!r}")


def _duration_days(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _resolve_span(text: str, days: int, rest: list[str], reference: dt.date) -> FuzzyDate:
    """``rest`` is a short noun phrase ("trip to china") and then the words that date it."""
    last_error: DateResolutionError | None = None
    for filler in range(min(_MAX_FILLER_WORDS, len(rest) - 1) + 1):
        anchor_words = " ".join(rest[filler:])
        through = re.fullmatch(rf"(?:through|until|till|to) ({_WEEKDAY_RE})", anchor_words)
        if through:
            last = reference + relativedelta(weekday=_WEEKDAYS[through.group(1)](+1))
            return _window(text, last - dt.timedelta(days=days - 1), last, DatePrecision.DAYS)
        try:
            anchor = _resolve_point(text, anchor_words, reference)
        except DateResolutionError as error:
            last_error = error
            continue
        window = (anchor.latest - anchor.earliest).days + 1
        if anchor.precision is DatePrecision.DAY or window < days:
            raise DateResolutionError(
                text,
                f"a {days}-day span needs 'through <weekday>' or a window of at least "
                f"{days} days, and {anchor_words!r} gives {window}",
            )
        return _window(text, anchor.earliest, anchor.latest, anchor.precision)
    reason = last_error.reason if last_error else "no date words after the duration"
    raise DateResolutionError(text, reason)


def resolve_date(text: str, reference: dt.date) -> FuzzyDate:
    """Resolve the date words of a news article against its publication date.

    Relative words are read from ``reference`` (the publication date): a bare or
    "on" weekday is the latest such day on or before it, "through <weekday>" the
    next one on or after it, weeks run Monday to Sunday, seasons are the
    northern meteorological ones (autumn is September to November). Forms::

        on Tuesday · Monday · through Wednesday · last/next Friday · today
        this week · later this week · earlier this week · next week · last week
        early January · mid-January · late March 2025 · December 2024 · December
        this autumn · next spring · winter 2024 · this year · the new year · 2024
        January 14, 2025 · 14 January 2025 · 2025-01-14
        a three-day trip to China through Wednesday · a 3-day visit later this week

    Raises :class:`~diplomodel.DateResolutionError`, naming the words, for any
    other words, and for a span whose anchor does not give it room.
    """
    if not isinstance(text, str):
        raise DateResolutionError(repr(text), "date words must be a string")
    if not isinstance(reference, dt.date) or isinstance(reference, dt.datetime):
        raise DateResolutionError(text, f"the reference must be a datetime.date, got {reference!r}")
    words = " ".join(text.strip().rstrip(".,;").lower().split())
    if not words:
        raise DateResolutionError(text, "there are no words")
    tokens = words.split(" ")
    if tokens[0] in ("a", "an"):
        tokens = tokens[1:]
    if tokens and (match := re.fullmatch(r"(\w+)-day", tokens[0])):
        days = _duration_days(match.group(1))
        if days is None or days < 1:
            raise DateResolutionError(text, f"{match.group(1)!r} is not a number of days")
        if len(tokens) < 2:
            raise DateResolutionError(text, "a duration needs date words after it")
        return _resolve_span(text, days, tokens[1:], reference)
    return _resolve_point(text, words, reference)
