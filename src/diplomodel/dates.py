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
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from .errors import DateResolutionError, shorten
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
# The calendar holds 3,652,059 days: a longer count can only overflow it.
_MAX_SPAN_DIGITS = 7
_CALENDAR = f"the calendar ({dt.date.min} to {dt.date.max})"

_WEEKDAY_RE = "|".join(_WEEKDAYS)
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))  # longest first
_SEASON_RE = "|".join(_SEASON_START_MONTH)
# ASCII digits only: "\d" and str.isdigit() also take "³" and "٣".
_YEAR_RE = "[0-9]{4}"
_DAY_RE = "([0-9]{1,2})(?:st|nd|rd|th)?"


def _day(text: str, day: dt.date) -> FuzzyDate:
    return FuzzyDate(text=text, earliest=day, latest=day, precision=DatePrecision.DAY)


def _window(text: str, first: dt.date, last: dt.date, precision: DatePrecision) -> FuzzyDate:
    return FuzzyDate(text=text, earliest=first, latest=last, precision=precision)


def _calendar_year(text: str, year: int) -> int:
    """``year``, or a DateResolutionError when the calendar has no such year."""
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise DateResolutionError(text, f"year {year} is outside {_CALENDAR}")
    return year


_MONTH_LENGTHS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    # calendar.monthrange refuses years the calendar lacks; this works for any year.
    return _MONTH_LENGTHS[month] + (month == 2 and calendar.isleap(year))


def _calendar_day(text: str, year: int, month: int, day: int) -> dt.date:
    """The day, or a DateResolutionError saying why the calendar has no such day."""
    _calendar_year(text, year)
    length = _days_in_month(year, month)
    if not 1 <= day <= length:
        raise DateResolutionError(
            text,
            f"not a calendar date: {calendar.month_name[month]} {year} has {length} days, "
            f"not {day}",
        )
    return dt.date(year, month, day)


def _shift(text: str, day: dt.date, delta: relativedelta) -> dt.date:
    """``day + delta``, or a DateResolutionError when that leaves the calendar."""
    try:
        shifted: dt.date = day + delta
    except (OverflowError, ValueError):
        raise DateResolutionError(text, f"counting from {day} runs past {_CALENDAR}") from None
    return shifted


def _month_distance(year: int, month: int, reference: dt.date) -> tuple[int, int]:
    """How far a month is from the reference's, nearest first (a tie goes to the future)."""
    months = (year - reference.year) * 12 + month - reference.month
    return abs(months), -months


def _nearest_year(text: str, month: int, reference: dt.date) -> int:
    """The year that puts ``month`` closest to the reference (a tie goes to the future)."""
    candidates = (reference.year - 1, reference.year, reference.year + 1)
    year = min(candidates, key=lambda year: _month_distance(year, month, reference))
    return _calendar_year(text, year)


def _nearest_day(text: str, month: int, day: int, reference: dt.date) -> dt.date:
    """A day of the year named nowhere: the nearest year (by month) that has it."""
    most = _days_in_month(2000, month)  # a leap year: every month at its longest
    if not 1 <= day <= most:
        raise DateResolutionError(
            text,
            f"not a calendar date: {calendar.month_name[month]} has at most {most} days, not {day}",
        )
    # Leap years are at most eight apart, so February 29 is always within reach.
    candidates = sorted(
        range(reference.year - 8, reference.year + 9),
        key=lambda year: _month_distance(year, month, reference),
    )
    for year in candidates:
        _calendar_year(text, year)
        if day <= _days_in_month(year, month):
            return dt.date(year, month, day)
    raise DateResolutionError(  # pragma: no cover - unreachable, see above
        text, f"no year near {reference.year} has {calendar.month_name[month]} {day}"
    )


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


def _week_of(text: str, day: dt.date) -> tuple[dt.date, dt.date]:
    monday = _shift(text, day, relativedelta(weekday=MO(-1)))
    return monday, _shift(text, monday, relativedelta(days=6))


def _resolve_week(text: str, which: str, reference: dt.date) -> FuzzyDate:
    if which in ("next week", "last week"):
        step = 7 if which == "next week" else -7
        reference = _shift(text, reference, relativedelta(days=step))
    monday, sunday = _week_of(text, reference)
    if which in ("this week", "next week", "last week"):
        return _window(text, monday, sunday, DatePrecision.WEEK)
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
    if re.fullmatch(_YEAR_RE, which):
        year = int(which)
    else:
        # The season "this" names is the one of the reference's season-year:
        # January and February still belong to the winter that began in December.
        season_year = reference.year - 1 if reference.month < 3 else reference.year
        current = season_year if start_month == 12 else reference.year
        year = current + {"this": 0, "next": 1, "last": -1}[which]
    first = dt.date(_calendar_year(text, year), start_month, 1)
    last = _shift(text, first, relativedelta(months=3, days=-1))
    return _window(text, first, last, DatePrecision.SEASON)


def _year_window(text: str, year: int) -> FuzzyDate:
    _calendar_year(text, year)
    return _window(text, dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR)


def _parse_full_date(text: str, words: str, reference: dt.date) -> FuzzyDate | None:
    """A calendar date such as "January 14, 2025", "14 Jan 2025" or "2025-01-14"."""
    if match := re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", words):
        year, month, day = (int(part) for part in match.groups())
        if not 1 <= month <= 12:
            raise DateResolutionError(text, f"not a calendar date: there is no month {month}")
        return _day(text, _calendar_day(text, year, month, day))
    match = re.fullmatch(rf"({_MONTH_RE})\.? {_DAY_RE},?(?: ({_YEAR_RE}))?", words)
    if match:
        month_name, day_words, year_words = match.groups()
    elif match := re.fullmatch(rf"{_DAY_RE} ({_MONTH_RE})\.?,?(?: ({_YEAR_RE}))?", words):
        day_words, month_name, year_words = match.groups()
    else:
        return None
    month, day = _MONTHS[month_name], int(day_words)
    if year_words is None:
        return _day(text, _nearest_day(text, month, day, reference))
    return _day(text, _calendar_day(text, int(year_words), month, day))


def _resolve_point(text: str, words: str, reference: dt.date) -> FuzzyDate:
    """Resolve words naming a day or a window (no duration)."""
    for prefix in ("on ", "in ", "during "):
        if words.startswith(prefix):
            words = words[len(prefix) :]
            break

    if words in ("today", "yesterday", "tomorrow"):
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[words]
        return _day(text, _shift(text, reference, relativedelta(days=offset)))
    if match := re.fullmatch(rf"(?:(last|next) )?({_WEEKDAY_RE})", words):
        which, name = match.groups()
        day_of_week = _WEEKDAYS[name]
        if which == "last":
            step = relativedelta(days=-1, weekday=day_of_week(-1))
        elif which == "next":
            step = relativedelta(days=+1, weekday=day_of_week(+1))
        else:
            step = relativedelta(weekday=day_of_week(-1))
        return _day(text, _shift(text, reference, step))
    if match := re.fullmatch(rf"(?:through|until|till|to) ({_WEEKDAY_RE})", words):
        step = relativedelta(weekday=_WEEKDAYS[match.group(1)](+1))
        return _day(text, _shift(text, reference, step))
    if match := re.fullmatch(r"((?:later|earlier) this week|this week|next week|last week)", words):
        return _resolve_week(text, match.group(1), reference)
    if match := re.fullmatch(rf"(?:(early|mid|late)[- ])?({_MONTH_RE})(?:,? ({_YEAR_RE}))?", words):
        part, month_name, year_words = match.groups()
        month = _MONTHS[month_name]
        if year_words:
            year = _calendar_year(text, int(year_words))
        else:
            year = _nearest_year(text, month, reference)
        return _month_window(text, month, year, part)
    if match := re.fullmatch(
        rf"(?:(this|next|last) ({_SEASON_RE})|({_SEASON_RE}) ({_YEAR_RE}))", words
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
    if re.fullmatch(_YEAR_RE, words):
        return _year_window(text, int(words))
    parsed = _parse_full_date(text, words, reference)
    if parsed is not None:
        return parsed
    raise DateResolutionError(text, f"no date form matches {shorten(words)}")


def _duration_days(text: str, word: str) -> int:
    """The number of days a duration word such as "three" or "3" gives."""
    if re.fullmatch("[0-9]+", word):
        if len(word.lstrip("0")) > _MAX_SPAN_DIGITS:
            raise DateResolutionError(text, f"{shorten(word)} days is more than {_CALENDAR} holds")
        days = int(word)
    else:
        days = _NUMBER_WORDS.get(word, 0)
    if days < 1:
        raise DateResolutionError(text, f"{shorten(word)} is not a number of days")
    return days


def _resolve_span(text: str, days: int, rest: list[str], reference: dt.date) -> FuzzyDate:
    """``rest`` is a short noun phrase ("trip to china") and then the words that date it."""
    last_error: DateResolutionError | None = None
    for filler in range(min(_MAX_FILLER_WORDS, len(rest) - 1) + 1):
        anchor_words = " ".join(rest[filler:])
        through = re.fullmatch(rf"(?:through|until|till|to) ({_WEEKDAY_RE})", anchor_words)
        if through:
            step = relativedelta(weekday=_WEEKDAYS[through.group(1)](+1))
            last = _shift(text, reference, step)
            first = _shift(text, last, relativedelta(days=1 - days))
            return _window(text, first, last, DatePrecision.DAYS)
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
                f"{days} days, and {shorten(anchor_words)} gives {window}",
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
        January 14, 2025 · 14 January 2025 · 2025-01-14 · Dec 25
        a three-day trip to China through Wednesday · a 3-day visit later this week

    A day of the month is checked against its month and year; a day named
    without a year takes the nearest year (by month) that has it, so
    "February 29" finds a leap year. Digits are ASCII digits only.

    Raises :class:`~diplomodel.DateResolutionError`, naming the words and why,
    for any other words, for a day the calendar does not have, for words that
    reach past the calendar's ends (years 1 to 9999), and for a span whose
    anchor does not give it room.
    """
    if not isinstance(text, str):
        raise DateResolutionError(shorten(text), "date words must be a string")
    if not isinstance(reference, dt.date) or isinstance(reference, dt.datetime):
        raise DateResolutionError(
            text, f"the reference must be a datetime.date, got {shorten(reference)}"
        )
    words = " ".join(text.strip().rstrip(".,;").lower().split())
    if not words:
        raise DateResolutionError(text, "there are no words")
    tokens = words.split(" ")
    if tokens[0] in ("a", "an"):
        tokens = tokens[1:]
    if tokens and (match := re.fullmatch(r"([^-]+)-day", tokens[0])):
        days = _duration_days(text, match.group(1))
        if len(tokens) < 2:
            raise DateResolutionError(text, "a duration needs date words after it")
        return _resolve_span(text, days, tokens[1:], reference)
    return _resolve_point(text, words, reference)
