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
from collections.abc import Callable
from typing import Any, ClassVar

import attrs
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from .errors import DateResolutionError, FieldError, shorten
from .identifiers import NON_BLANK_PATTERN, non_empty, schema_keywords, valid_id

__all__ = [
    "DateBasis",
    "DatePrecision",
    "DayOrder",
    "EffectiveDate",
    "EffectiveDateSource",
    "FuzzyDate",
    "curator_date",
    "day_order_of",
    "relative_date",
    "resolve_date",
]


class DatePrecision(enum.Enum):
    """How precisely the words fix a date (for an open interval, its known bound)."""

    DAY = "day"
    """One known day: "on Tuesday", "Wednesday evening"."""
    DAYS = "days"
    """A known span of days, every day of it covered: "a three-day trip through Wednesday",
    "January 13-15"."""
    WEEK = "week"
    """Some time within a week or part of one: "later this week", "over the weekend"."""
    PART_OF_MONTH = "part-of-month"
    """Some time within part of a month: "early", "mid-" or "late January",
    "later this month"."""
    MONTH = "month"
    """Some time within a month: "December 2024", "last month"."""
    SEASON = "season"
    """Some time within a (northern, meteorological) season: "this autumn"."""
    YEAR = "year"
    """Some time within a year: "the new year"."""
    PART_OF_YEAR = "part-of-year"
    """Some time within a third of a year (January-April, May-August or
    September-December): "early 2025", "late last year"."""
    QUARTER = "quarter"
    """Some time within a calendar quarter: "the first quarter", "Q1 2025"."""
    HALF = "half"
    """Some time within a half year: "the first half of the year"."""
    DECADE = "decade"
    """Some time within a decade, a year ending in 0 and the nine after it: "the 2000s"."""


class DateBasis(enum.Enum):
    """Where a date's window comes from."""

    WORDS = "words"
    """The words alone, read against the publication date by :func:`resolve_date`."""
    EVENT = "event"
    """Another event's date, which the words say this one shares ("Earlier in the day"):
    see :attr:`FuzzyDate.relative_to` and :attr:`FuzzyDate.order`."""
    CURATOR = "curator"
    """The curator's window, for words no form reads; :attr:`FuzzyDate.note` says why."""


class DayOrder(enum.Enum):
    """Where a date relative to another event lies within that event's day."""

    BEFORE = "before"
    """Earlier the same day: "Earlier in the day"."""
    AFTER = "after"
    """Later the same day: "Later in the day"."""
    SAME = "same"
    """The same day, order not said: "On the same day"."""


# EDTF Level 2 sub-year codes: 25-28 are the northern hemisphere's seasons (spring
# to winter), so no reader takes "winter 2024" for a calendar quarter (33-36).
_SEASON_CODES = {3: 25, 6: 26, 9: 27, 12: 28}
_SEASON_START_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_QUARTER_CODE = 33  # the first quarter; 34-36 follow
_HALF_CODE = 40  # the first half; 41 the second
# The months of the year's thirds, as early/mid/late January are its days.
_PART_OF_YEAR_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
# The precisions a bound of an open interval can have: those EDTF can end an interval with.
_BOUND_PRECISIONS = frozenset({DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR})


def _last_day_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months_window(earliest: dt.date, latest: dt.date) -> tuple[int, int] | None:
    """The first and last month of a window of whole months within one year, else None."""
    if earliest.day != 1 or earliest.year != latest.year:
        return None
    if latest != _last_day_of_month(latest.year, latest.month):
        return None
    return earliest.month, latest.month


def _render_window(precision: DatePrecision, earliest: dt.date, latest: dt.date) -> str:
    """The EDTF form of a closed window; raises ValueError when it does not fit the precision."""
    if precision is DatePrecision.DAY:
        if earliest != latest:
            raise ValueError("a day-precise date needs earliest == latest")
        return earliest.isoformat()
    if precision is DatePrecision.DAYS:
        return f"{earliest.isoformat()}/{latest.isoformat()}"
    if precision in (DatePrecision.WEEK, DatePrecision.PART_OF_MONTH):
        # One-of set: the day lies somewhere in the range; the words do not say which.
        return f"[{earliest.isoformat()}..{latest.isoformat()}]"
    year = earliest.year
    if precision is DatePrecision.SEASON:
        code = _SEASON_CODES.get(earliest.month)
        # A winter that starts in December 9999 ends past the calendar: never whole.
        spans_season = (
            code is not None
            and earliest.day == 1
            and earliest < dt.date(dt.MAXYEAR, 12, 1)
            and latest == earliest + relativedelta(months=3, days=-1)
        )
        if not spans_season:
            raise ValueError("a season-precise date must span exactly one meteorological season")
        return f"{year:04d}-{code}"
    months = _months_window(earliest, latest)
    if precision is DatePrecision.MONTH:
        if months is None or months[0] != months[1]:
            raise ValueError("a month-precise date must span exactly one calendar month")
        return f"{year:04d}-{earliest.month:02d}"
    if precision is DatePrecision.PART_OF_YEAR:
        if months not in _PART_OF_YEAR_MONTHS.values():
            raise ValueError(
                "a part-of-year date must span January-April, May-August or "
                "September-December of one year"
            )
        # One-of set of months: the words name a third of the year, not a day in it.
        return f"[{year:04d}-{earliest.month:02d}..{year:04d}-{latest.month:02d}]"
    if precision is DatePrecision.QUARTER:
        if months is None or months[0] % 3 != 1 or months[1] != months[0] + 2:
            raise ValueError("a quarter-precise date must span exactly one calendar quarter")
        return f"{year:04d}-{_QUARTER_CODE + months[0] // 3}"
    if precision is DatePrecision.HALF:
        if months not in ((1, 6), (7, 12)):
            raise ValueError("a half-precise date must span January-June or July-December")
        return f"{year:04d}-{_HALF_CODE + months[0] // 7}"
    if precision is DatePrecision.DECADE:
        # EDTF Level 1's unspecified rightmost digit: 199X is some year of the 1990s.
        whole = (earliest, latest) == (dt.date(year, 1, 1), dt.date(latest.year, 12, 31))
        if not whole or year % 10 != 0 or latest.year != year + 9:
            raise ValueError("a decade-precise date must span the ten years from one ending in 0")
        return f"{year // 10:03d}X"
    if months != (1, 12):
        raise ValueError("a year-precise date must span exactly one calendar year")
    return f"{year:04d}"


def _render_bound(precision: DatePrecision, day: dt.date, *, start: bool) -> str:
    """The EDTF form of an open interval's known bound (its first or its last day)."""
    if precision not in _BOUND_PRECISIONS:
        raise ValueError(
            "an open interval's known bound must be a day, a month or a year, "
            f"not {precision.value}"
        )
    if precision is DatePrecision.DAY:
        return day.isoformat()
    if precision is DatePrecision.MONTH:
        edge = day.replace(day=1) if start else _last_day_of_month(day.year, day.month)
        if day != edge:
            side = "first" if start else "last"
            raise ValueError(f"a month bound must be the {side} day of its month, not {day}")
        return f"{day.year:04d}-{day.month:02d}"
    if day != (dt.date(day.year, 1, 1) if start else dt.date(day.year, 12, 31)):
        side = "first" if start else "last"
        raise ValueError(f"a year bound must be the {side} day of its year, not {day}")
    return f"{day.year:04d}"


def _render_edtf(precision: DatePrecision, earliest: dt.date | None, latest: dt.date | None) -> str:
    """The EDTF form of a window, open at an end whose day is None (``2019/..``)."""
    if earliest is None and latest is None:
        raise ValueError("a date needs earliest, latest or both")
    if earliest is None:
        assert latest is not None
        return f"../{_render_bound(precision, latest, start=False)}"
    if latest is None:
        return f"{_render_bound(precision, earliest, start=True)}/.."
    return _render_window(precision, earliest, latest)


def _edtf_default(instance: FuzzyDate) -> str:
    return _render_edtf(instance.precision, instance.earliest, instance.latest)


def _check_window(
    instance: FuzzyDate, _attribute: attrs.Attribute[Any], latest: dt.date | None
) -> None:
    if latest is not None and instance.earliest is not None and latest < instance.earliest:
        raise ValueError(f"latest day {latest} comes before earliest day {instance.earliest}")


@schema_keywords(lambda _is_array: {"minLength": 1, "pattern": NON_BLANK_PATTERN}, exact=True)
def _optional_text(instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        non_empty(instance, attribute, value)


def _check_basis(instance: FuzzyDate) -> None:
    """A relative date names its event and its order; only a curator's window has a note."""
    relative = instance.basis is DateBasis.EVENT
    if relative and instance.relative_to is None:
        raise FieldError("relative_to", "a date taken from another event (basis 'event') names it")
    if relative and instance.order is None:
        raise FieldError("order", "a date taken from another event (basis 'event') needs an order")
    if not relative and instance.relative_to is not None:
        raise FieldError(
            "relative_to", f"only a date of basis 'event' names one, not {instance.basis.value!r}"
        )
    if not relative and instance.order is not None:
        raise FieldError(
            "order", f"only a date of basis 'event' has one, not {instance.basis.value!r}"
        )
    if instance.note is not None and instance.basis is not DateBasis.CURATOR:
        raise FieldError("note", "only a curator's window (basis 'curator') has a note")


def _check_edtf(instance: FuzzyDate, _attribute: attrs.Attribute[Any], edtf: str) -> None:
    expected = _render_edtf(instance.precision, instance.earliest, instance.latest)
    if edtf != expected:
        raise ValueError(
            f"edtf {shorten(edtf)} does not match the window, which renders as {expected!r}"
        )


@attrs.define(frozen=True, kw_only=True)
class FuzzyDate:
    """A date as news writes it: the words, the window of days they allow, and how precise.

    ``earliest`` and ``latest`` are the first and last possible day (both
    included). One of them is ``None`` for an open interval ("since 2019",
    "until March"): the words give no day on that side, and ``precision`` is
    then the known bound's (a day, a month or a year). ``edtf`` is derived from
    the window and the precision when omitted, and checked against them when
    given.
    """

    text: str = attrs.field(validator=non_empty)
    """The words as written in the article: "on Tuesday", "mid-January"."""

    earliest: dt.date | None
    """The first day the words can mean; ``None`` when they leave the start open."""

    latest: dt.date | None = attrs.field(validator=_check_window)
    """The last day the words can mean; ``None`` when they leave the end open."""

    precision: DatePrecision
    """How precisely the words fix the date (for an open interval, its known bound)."""

    edtf: str = attrs.field(
        default=attrs.Factory(_edtf_default, takes_self=True), validator=_check_edtf
    )
    """The window in EDTF (ISO 8601-2): ``2025-01-14``, ``2025-01-13/2025-01-15``
    (a span), ``[2025-01-11..2025-01-20]`` (one day of a range), ``2024-12``,
    ``2025-27`` (autumn, northern hemisphere), ``2025-33`` (the first quarter),
    ``2025-40`` (the first half), ``[2025-01..2025-04]`` (early 2025), ``2025``,
    ``199X`` (the 1990s),
    ``2019/..`` and ``../2025-03`` (open intervals)."""

    basis: DateBasis = DateBasis.WORDS
    """Where the window comes from: the words, another event's date, or the curator."""

    relative_to: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the event whose day this date shares (basis ``event`` only)."""

    order: DayOrder | None = None
    """Where in that event's day this date lies (basis ``event`` only)."""

    note: str | None = attrs.field(default=None, validator=_optional_text)
    """Why the curator gave the window (basis ``curator`` only)."""

    _schema_rules: ClassVar[dict[str, Any]] = {
        "anyOf": [
            {
                "properties": {
                    "basis": {"enum": [DateBasis.WORDS.value]},
                    **{key: {"type": "null"} for key in ("relative_to", "order", "note")},
                }
            },
            {
                "required": ["basis"],
                "properties": {
                    "basis": {"enum": [DateBasis.CURATOR.value]},
                    **{key: {"type": "null"} for key in ("relative_to", "order")},
                },
            },
            {
                "required": ["basis", "relative_to", "order"],
                "properties": {
                    "basis": {"enum": [DateBasis.EVENT.value]},
                    "relative_to": {"type": "string"},
                    "order": {"type": "string"},
                    "note": {"type": "null"},
                },
            },
        ]
    }
    """Which of relative_to, order and note each basis has, as JSON Schema."""

    def __attrs_post_init__(self) -> None:
        _check_basis(self)

    @property
    def is_exact(self) -> bool:
        """Whether the words give one known day."""
        return (
            self.precision is DatePrecision.DAY
            and self.earliest is not None
            and self.earliest == self.latest
        )

    @property
    def is_open(self) -> bool:
        """Whether the words leave one end open ("since 2019", "until March")."""
        return self.earliest is None or self.latest is None


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


def _check_day_of_month(text: str, month: int, day: int) -> None:
    most = _days_in_month(2000, month)  # a leap year: every month at its longest
    if not 1 <= day <= most:
        raise DateResolutionError(
            text,
            f"not a calendar date: {calendar.month_name[month]} has at most {most} days, not {day}",
        )


def _nearest_year_with(
    text: str, month: int, reference: dt.date, has_days: Callable[[int], bool]
) -> int:
    """The year nearest the reference (by ``month``) for which ``has_days`` holds."""
    # Leap years are at most eight apart, so February 29 is always within reach.
    candidates = sorted(
        range(reference.year - 8, reference.year + 9),
        key=lambda year: _month_distance(year, month, reference),
    )
    for year in candidates:
        if has_days(_calendar_year(text, year)):
            return year
    raise DateResolutionError(  # pragma: no cover - unreachable, see above
        text, f"no year near {reference.year} has the days"
    )


def _nearest_day(text: str, month: int, day: int, reference: dt.date) -> dt.date:
    """A day of the year named nowhere: the nearest year (by month) that has it."""
    _check_day_of_month(text, month, day)
    year = _nearest_year_with(
        text, month, reference, lambda year: day <= _days_in_month(year, month)
    )
    return dt.date(year, month, day)


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
    later = which == "later this week"
    return _rest_of(text, later, reference, (monday, sunday), DatePrecision.WEEK, "week")


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


def _decade_window(text: str, first_year: int) -> FuzzyDate:
    """ "the 1990s": the ten years from 1990 through 1999."""
    _calendar_year(text, first_year)
    last_year = _calendar_year(text, first_year + 9)
    return _window(
        text, dt.date(first_year, 1, 1), dt.date(last_year, 12, 31), DatePrecision.DECADE
    )


def _weekday_and_date(
    text: str, name: str, date_words: str, reference: dt.date
) -> FuzzyDate | None:
    """ "Monday, Dec. 23": the date decides the day, and the weekday must be its own.

    None when the words after the weekday are no calendar date ("Tuesday morning").
    """
    parsed = _parse_full_date(text, date_words, reference)
    if parsed is None:
        return None
    assert parsed.earliest is not None  # a calendar date is one day
    if parsed.earliest.weekday() != _WEEKDAYS[name].weekday:
        raise DateResolutionError(
            text,
            f"the weekday does not match the date: {parsed.earliest} is a "
            f"{parsed.earliest:%A}, not a {name.capitalize()}",
        )
    return parsed


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


_YEAR_WORDS_RE = rf"{_YEAR_RE}|this year|next year|last year|the year"
_MONTH_WORDS_RE = rf"(?:{_MONTH_RE})\.?(?:,? {_YEAR_RE})?|(?:this|next|last|the) month"
_RELATIVE = {"this": 0, "the": 0, "next": 1, "last": -1}
# "the end of January" is late January, as "early 2025" is its first third.
_PART_WORDS = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}
_PART_RE = r"(?:(early|mid|late)[- ]|(?:the )?(beginning|start|middle|end) of )"
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}  # fmt: skip
_ORDINAL_RE = "|".join(_ORDINALS)
_DAY_PARTS_RE = "morning|afternoon|evening|night"
_RANGE_SEP = r"(?: ?- ?| (?:to|through|till|until|and) )"


def _year_of(text: str, words: str, reference: dt.date) -> int:
    """The year that year words ("2025", "next year", "the year") name."""
    if re.fullmatch(_YEAR_RE, words):
        return _calendar_year(text, int(words))
    return _calendar_year(text, reference.year + _RELATIVE[words.split(" ")[0]])


def _month_of(text: str, words: str, reference: dt.date) -> tuple[int, int]:
    """The year and month that month words ("December 2024", "last month") name."""
    if match := re.fullmatch(r"(this|next|last|the) month", words):
        first = _shift(text, reference.replace(day=1), relativedelta(months=_RELATIVE[match[1]]))
        return first.year, first.month
    match = re.fullmatch(rf"({_MONTH_RE})\.?(?:,? ({_YEAR_RE}))?", words)
    assert match is not None  # the caller matched _MONTH_WORDS_RE
    month = _MONTHS[match[1]]
    if match[2]:
        return _calendar_year(text, int(match[2])), month
    return _nearest_year(text, month, reference), month


def _part(early_mid_late: str | None, named: str | None) -> str | None:
    return early_mid_late or (_PART_WORDS[named] if named else None)


def _months(text: str, year: int, first: int, last: int, precision: DatePrecision) -> FuzzyDate:
    return _window(text, dt.date(year, first, 1), _last_day_of_month(year, last), precision)


def _resolve_this_month(text: str, which: str, reference: dt.date) -> FuzzyDate:
    """The month's days after ("later this month") or before ("earlier") the reference."""
    month = (reference.replace(day=1), _last_day_of_month(reference.year, reference.month))
    return _rest_of(text, which == "later", reference, month, DatePrecision.PART_OF_MONTH, "month")


def _rest_of(
    text: str,
    later: bool,
    reference: dt.date,
    period: tuple[dt.date, dt.date],
    precision: DatePrecision,
    name: str,
) -> FuzzyDate:
    """The days of ``period`` after the reference ("later this week") or before it."""
    first, last = period
    if later:
        if reference == last:
            raise DateResolutionError(
                text, f"the reference, a {reference:%A}, is the {name}'s last day: none is left"
            )
        return _window(text, reference + dt.timedelta(1), last, precision)
    if reference == first:
        raise DateResolutionError(
            text, f"the reference, a {reference:%A}, is the {name}'s first day: none has passed"
        )
    return _window(text, first, reference - dt.timedelta(1), precision)


def _resolve_weekend(text: str, which: str, reference: dt.date) -> FuzzyDate:
    """A Saturday and Sunday: "the weekend" is the latest begun by the reference."""
    if which == "the":
        saturday = _shift(text, reference, relativedelta(weekday=SA(-1)))
    else:
        monday, _sunday = _week_of(text, reference)
        saturday = _shift(text, monday, relativedelta(days=5 + 7 * _RELATIVE[which]))
    sunday = _shift(text, saturday, relativedelta(days=1))
    return _window(text, saturday, sunday, DatePrecision.WEEK)


def _resolve_day_range(text: str, match: re.Match[str], reference: dt.date) -> FuzzyDate:
    """ "January 13-15", "from July 26 to August 2", "13-15 January 2025"."""
    groups = match.groupdict()
    first_month = _MONTHS[groups["month"]]
    last_month = _MONTHS[groups["month2"]] if groups.get("month2") else first_month
    first_day, last_day = int(groups["day"]), int(groups["day2"])
    crosses_year = last_month < first_month  # "December 30 to January 2"
    if groups["year"]:
        last_year = _calendar_year(text, int(groups["year"]))
        first = _calendar_day(text, last_year - crosses_year, first_month, first_day)
    else:
        # The nearest year that has both days: "February 28-29" finds a leap year.
        _check_day_of_month(text, first_month, first_day)
        _check_day_of_month(text, last_month, last_day)

        def has_both(year: int) -> bool:
            return first_day <= _days_in_month(year, first_month) and last_day <= (
                _days_in_month(year + crosses_year, last_month)
            )

        year = _nearest_year_with(text, first_month, reference, has_both)
        first = dt.date(year, first_month, first_day)
        last_year = year + crosses_year
    last = _calendar_day(text, last_year, last_month, last_day)
    if last <= first:
        raise DateResolutionError(text, f"the range ends on {last}, not after its start {first}")
    return _window(text, first, last, DatePrecision.DAYS)


def _resolve_weekday_range(
    text: str, first_name: str, last_name: str, reference: dt.date
) -> FuzzyDate:
    """ "from Tuesday to Thursday": the first day as a bare weekday, the last the next after it."""
    first_weekday, last_weekday = _WEEKDAYS[first_name], _WEEKDAYS[last_name]
    gap = (last_weekday.weekday - first_weekday.weekday) % 7
    if gap == 0:
        raise DateResolutionError(text, "a range of weekdays needs two different days")
    first = _shift(text, reference, relativedelta(weekday=first_weekday(-1)))
    return _window(text, first, _shift(text, first, relativedelta(days=gap)), DatePrecision.DAYS)


def _named_day(name: str) -> str:
    return rf"(?P<{name}>[0-9]{{1,2}})(?:st|nd|rd|th)?"


_DAY_RANGES = (
    re.compile(  # "January 13-15", "from July 30 to August 2, 2025"
        rf"(?:from |between )?(?P<month>{_MONTH_RE})\.? {_named_day('day')}"
        rf"{_RANGE_SEP}(?:(?P<month2>{_MONTH_RE})\.? )?{_named_day('day2')}"
        rf",?(?: (?P<year>{_YEAR_RE}))?"
    ),
    re.compile(  # "13-15 January 2025"
        rf"(?:from |between )?{_named_day('day')}{_RANGE_SEP}{_named_day('day2')}"
        rf" (?P<month>{_MONTH_RE})\.?,?(?: (?P<year>{_YEAR_RE}))?"
    ),
)


def _open_interval(text: str, words: str, reference: dt.date, *, start: bool) -> FuzzyDate:
    """ "since 2019", "until March": one bound from ``words``, the other left open."""
    bound = _resolve_point(text, words, reference, nested=True)
    if bound.precision not in _BOUND_PRECISIONS:
        raise DateResolutionError(
            text,
            f"an open interval needs a day, a month or a year as its bound, "
            f"and {shorten(words)} is a {bound.precision.value}",
        )
    return FuzzyDate(
        text=text,
        earliest=bound.earliest if start else None,
        latest=None if start else bound.latest,
        precision=bound.precision,
    )


def _resolve_compound(text: str, words: str, reference: dt.date) -> FuzzyDate | None:
    """The forms built on another form: parts of a day, open intervals. Not nested."""
    if match := re.fullmatch(rf"(.+) ({_DAY_PARTS_RE})", words):
        if match[1] == "last":
            return None  # "last night" may be the reference's evening or the one before
        day = _resolve_point(text, match[1], reference, nested=True)
        if day.precision is not DatePrecision.DAY:
            raise DateResolutionError(
                text,
                f"a part of a day needs a day, and {shorten(match[1])} is a {day.precision.value}",
            )
        return day
    if match := re.fullmatch(r"since (.+)", words):
        return _open_interval(text, match[1], reference, start=True)
    if match := re.fullmatch(r"(?:until|till|up to) (.+)", words):
        return _open_interval(text, match[1], reference, start=False)
    return None


def _resolve_point(text: str, words: str, reference: dt.date, *, nested: bool = False) -> FuzzyDate:
    """Resolve words naming a day or a window (no duration).

    ``nested`` words are the inside of a compound form ("since <words>"), which
    cannot be compound again: one level only, so no input can recurse deeply.
    """
    for prefix in ("on ", "in ", "during ", "over ", "at "):
        if words.startswith(prefix):
            words = words[len(prefix) :]
            break

    if words in ("today", "yesterday", "tomorrow", "tonight") or re.fullmatch(
        rf"this (?:{_DAY_PARTS_RE})", words
    ):
        offset = {"yesterday": -1, "tomorrow": 1}.get(words, 0)
        return _day(text, _shift(text, reference, relativedelta(days=offset)))
    if match := re.fullmatch(rf"(?:(early|late) )?(?:(last|next) )?({_WEEKDAY_RE})", words):
        _part_of_day, which, name = match.groups()
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
    if match := re.fullmatch(
        rf"(?:from |between )?({_WEEKDAY_RE}){_RANGE_SEP}({_WEEKDAY_RE})", words
    ):
        return _resolve_weekday_range(text, match[1], match[2], reference)
    if match := re.fullmatch(r"((?:later|earlier) this week|this week|next week|last week)", words):
        return _resolve_week(text, match.group(1), reference)
    if match := re.fullmatch(r"(the|this|last|next) weekend", words):
        return _resolve_weekend(text, match[1], reference)
    if match := re.fullmatch(r"(later|earlier) this month", words):
        return _resolve_this_month(text, match[1], reference)
    if match := re.fullmatch(rf"{_PART_RE}?({_MONTH_WORDS_RE})", words):
        part = _part(match[1], match[2])
        year, month = _month_of(text, match[3], reference)
        return _month_window(text, month, year, part)
    if match := re.fullmatch(rf"{_PART_RE}({_YEAR_WORDS_RE})", words):
        first_month, last_month = _PART_OF_YEAR_MONTHS[_part(match[1], match[2]) or "early"]
        year = _year_of(text, match[3], reference)
        return _months(text, year, first_month, last_month, DatePrecision.PART_OF_YEAR)
    if match := re.fullmatch(
        rf"(?:the )?({_ORDINAL_RE}) quarter(?: of ({_YEAR_WORDS_RE}))?"
        rf"|q([1-4])(?:,? ({_YEAR_WORDS_RE}))?",
        words,
    ):
        quarter = _ORDINALS[match[1]] if match[1] else int(match[3])
        year = _year_of(text, match[2] or match[4] or "this year", reference)
        first_month = 3 * quarter - 2
        return _months(text, year, first_month, first_month + 2, DatePrecision.QUARTER)
    if match := re.fullmatch(
        rf"(?:the )?(first|second|1st|2nd) half(?: of ({_YEAR_WORDS_RE}))?"
        rf"|h([12])(?:,? ({_YEAR_WORDS_RE}))?",
        words,
    ):
        half = _ORDINALS[match[1]] if match[1] else int(match[3])
        year = _year_of(text, match[2] or match[4] or "this year", reference)
        return _months(text, year, 6 * half - 5, 6 * half, DatePrecision.HALF)
    if match := re.fullmatch(
        rf"(?:(this|next|last) ({_SEASON_RE})|({_SEASON_RE}) ({_YEAR_RE}))", words
    ):
        which, season, season_named, year_words = match.groups()
        if season is None:
            return _resolve_season(text, year_words, season_named, reference)
        return _resolve_season(text, which, season, reference)
    if re.fullmatch(r"(?:this|next|last) year|[0-9]{4}", words):
        return _year_window(text, _year_of(text, words, reference))
    if words in ("the new year", "new year"):
        # The year that begins on the New Year's Day nearest the reference.
        return _year_window(text, reference.year + (1 if reference.month >= 7 else 0))
    if match := re.fullmatch(r"(?:the )?([0-9]{3}0)'?s", words):
        return _decade_window(text, int(match[1]))
    for day_range in _DAY_RANGES:
        if match := day_range.fullmatch(words):
            return _resolve_day_range(text, match, reference)
    if (match := re.fullmatch(rf"({_WEEKDAY_RE}),? (.+)", words)) and (
        dated := _weekday_and_date(text, match[1], match[2], reference)
    ):
        return dated
    parsed = _parse_full_date(text, words, reference)
    if parsed is not None:
        return parsed
    if not nested and (compound := _resolve_compound(text, words, reference)):
        return compound
    raise DateResolutionError(text, f"no date form matches {shorten(words)}")


# Words that begin a span's date words, never part of its noun phrase.
_ANCHOR_WORDS = frozenset(
    {"since", "until", "till", "up", "from", "between", "starting", "beginning"}
)


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
        if filler and rest[filler - 1] in _ANCHOR_WORDS:
            break  # "a visit since 2019" is not "a visit ... 2019"
        anchor_words = " ".join(rest[filler:])
        through = re.fullmatch(rf"(?:through|until|till|to) ({_WEEKDAY_RE})", anchor_words)
        if through:
            step = relativedelta(weekday=_WEEKDAYS[through.group(1)](+1))
            last = _shift(text, reference, step)
            first = _shift(text, last, relativedelta(days=1 - days))
            return _window(text, first, last, DatePrecision.DAYS)
        try:
            starting = re.fullmatch(r"(?:starting|beginning|from) (.+)", anchor_words)
            if starting:
                start = _resolve_point(text, starting[1], reference, nested=True)
                if start.precision is DatePrecision.DAY and start.earliest is not None:
                    last = _shift(text, start.earliest, relativedelta(days=days - 1))
                    return _window(text, start.earliest, last, DatePrecision.DAYS)
            anchor = _resolve_point(text, anchor_words, reference, nested=True)
        except DateResolutionError as error:
            last_error = error
            continue
        # Nested words are never an open interval.
        assert anchor.earliest is not None
        assert anchor.latest is not None
        window = (anchor.latest - anchor.earliest).days + 1
        if anchor.precision is DatePrecision.DAY or window < days:
            raise DateResolutionError(
                text,
                f"a {days}-day span needs 'through <weekday>', 'starting <day>' or a window "
                f"of at least {days} days, and {shorten(anchor_words)} gives {window}",
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
        Tuesday morning · Wednesday evening · early Friday · this morning · tonight
        this week · later this week · earlier this week · next week · last week
        over the weekend · this weekend · last/next weekend
        early January · mid-January · late March 2025 · the end of January
        December 2024 · December · this/last/next month · earlier/later this month
        this autumn · next spring · winter 2024
        this year · the new year · 2024 · early 2025 · mid-2025 · late last year
        the first quarter · Q1 2025 · the third quarter of 2024 · the first half of the year · H2
        January 14, 2025 · 14 January 2025 · 2025-01-14 · Dec 25
        Monday, Dec. 23 · on Monday, December 23, 2024 · the 1990s · in the 2000s
        January 13-15 · Dec. 24-26 · from July 26 to 27 · between March 3 and 5
        from July 30 to August 2 · 13-15 January 2025 · from Tuesday to Thursday
        since 2019 · since last month · until March · until January 20
        a three-day trip to China through Wednesday · a 3-day visit later this week
        a two-day visit starting Tuesday

    A day of the month is checked against its month and year; a day named
    without a year takes the nearest year (by month) that has it, so
    "February 29" finds a leap year, and "Dec. 24-26" read in January is the
    December before. A weekday before a date must be the date's own (the date
    decides). A decade ("the 1990s") is the ten years from its year ending in 0.
    A part of a day ("Tuesday morning") resolves to the day; the words keep the
    part. "Since" and "until" leave the other end open
    (``earliest`` or ``latest`` is ``None``). Digits are ASCII digits only.

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
    # News types ranges with an en dash: "January 13\u201315".
    words = " ".join(text.strip().rstrip(".,;").lower().replace("\u2013", "-").split())
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


_ORDER_WORDS = (
    (re.compile(r"\b(?:earlier|before)\b"), DayOrder.BEFORE),
    (re.compile(r"\b(?:later|after)\b"), DayOrder.AFTER),
    (re.compile(r"\b(?:same|that) day\b"), DayOrder.SAME),
)


def day_order_of(words: str) -> DayOrder | None:
    """The order within a day that words relative to another event say, if they say one.

    "Earlier in the day" is before, "Later in the day" after, "the same day" the
    same; words that say none of these give ``None``.
    """
    lowered = " ".join(words.lower().split())
    found = {order for pattern, order in _ORDER_WORDS if pattern.search(lowered)}
    return found.pop() if len(found) == 1 else None


def relative_date(
    text: str, target: FuzzyDate, relative_to: str, order: DayOrder | None = None
) -> FuzzyDate:
    """The date of words relative to another event ("Earlier in the day"): its window.

    ``target`` is the date of the event ``relative_to`` names; the date shares it,
    so it must be one day or a window of "some day within" (a week, a month, …),
    never a span of days each covered, nor open. ``order`` is read from the words
    (see :func:`day_order_of`) when not given; given, it must agree with them.
    Raises :class:`~diplomodel.DateResolutionError` saying why.
    """
    said = day_order_of(text)
    if order is None:
        if said is None:
            raise DateResolutionError(
                text,
                "the words say no order within the day (earlier, later, the same day): "
                "give order = 'before', 'after' or 'same'",
            )
        order = said
    elif said is not None and said is not order:
        raise DateResolutionError(
            text, f"order {order.value!r} contradicts the words, which say {said.value!r}"
        )
    if target.is_open or target.precision is DatePrecision.DAYS:
        raise DateResolutionError(
            text,
            f"the date of {shorten(relative_to)} ({target.edtf}) is not one day: "
            "a date relative to it would not be the same day",
        )
    return FuzzyDate(
        text=text,
        earliest=target.earliest,
        latest=target.latest,
        precision=target.precision,
        basis=DateBasis.EVENT,
        relative_to=relative_to,
        order=order,
    )


def curator_date(
    text: str,
    earliest: dt.date | None,
    latest: dt.date | None,
    *,
    precision: DatePrecision | None = None,
    note: str | None = None,
) -> FuzzyDate:
    """A window the curator gives for words no form reads, marked as the curator's.

    Either bound may be open (``None``), not both. ``precision`` defaults to
    ``day`` for one day or an open window and ``days`` (every day covered) for
    a longer one; give ``week`` or ``part-of-month`` for "some day within".
    Raises :class:`~diplomodel.DateResolutionError` when the window is empty,
    inverted or does not fit the precision.
    """
    if earliest is None and latest is None:
        raise DateResolutionError(text, "a curator's window needs earliest, latest or both")
    if earliest is not None and latest is not None and latest < earliest:
        raise DateResolutionError(text, f"latest {latest} comes before earliest {earliest}")
    if precision is None:
        several = earliest is not None and latest is not None and earliest != latest
        precision = DatePrecision.DAYS if several else DatePrecision.DAY
    try:
        return FuzzyDate(
            text=text,
            earliest=earliest,
            latest=latest,
            precision=precision,
            basis=DateBasis.CURATOR,
            note=note,
        )
    except FieldError as error:
        raise DateResolutionError(text, f"{error.field}: {error.message}") from None
    except ValueError as error:
        raise DateResolutionError(text, str(error)) from None


class EffectiveDateSource(enum.Enum):
    """Whose date a statement's or consensus item's effective date is."""

    OWN = "own"
    """Its own date."""
    EVENT = "event"
    """The date of the event it belongs to."""
    PARENT_EVENT = "parent-event"
    """The date of the event its event is part of."""


@attrs.define(frozen=True, kw_only=True)
class EffectiveDate:
    """The date that holds for a statement or consensus item, and whose date it is."""

    date: FuzzyDate
    """The date."""
    source: EffectiveDateSource
    """Whose it is: the object's own, its event's, or that event's parent's."""
    event: str | None = None
    """Id of the event whose date it is; ``None`` for the object's own."""
