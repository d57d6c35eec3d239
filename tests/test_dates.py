"""resolve_date on every form it reads, with the seed's reference date, and on words it refuses."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import fuzzy_dates

import diplomodel as dm
from diplomodel import DatePrecision as P

SEED_DAY = dt.date(2025, 1, 14)  # a Tuesday: the seed article's publication date


def d(text: str) -> str:
    return dt.date.fromisoformat(text).isoformat()


@pytest.mark.parametrize(
    ("words", "earliest", "latest", "precision", "edtf"),
    [
        ("on Tuesday", "2025-01-14", "2025-01-14", P.DAY, "2025-01-14"),
        ("Tuesday", "2025-01-14", "2025-01-14", P.DAY, "2025-01-14"),
        ("on Monday", "2025-01-13", "2025-01-13", P.DAY, "2025-01-13"),
        ("Wednesday", "2025-01-08", "2025-01-08", P.DAY, "2025-01-08"),
        ("through Wednesday", "2025-01-15", "2025-01-15", P.DAY, "2025-01-15"),
        ("until Tuesday", "2025-01-14", "2025-01-14", P.DAY, "2025-01-14"),
        ("last Friday", "2025-01-10", "2025-01-10", P.DAY, "2025-01-10"),
        ("next Tuesday", "2025-01-21", "2025-01-21", P.DAY, "2025-01-21"),
        ("today", "2025-01-14", "2025-01-14", P.DAY, "2025-01-14"),
        ("yesterday", "2025-01-13", "2025-01-13", P.DAY, "2025-01-13"),
        ("later this week", "2025-01-15", "2025-01-19", P.WEEK, "[2025-01-15..2025-01-19]"),
        ("earlier this week", "2025-01-13", "2025-01-13", P.WEEK, "[2025-01-13..2025-01-13]"),
        ("this week", "2025-01-13", "2025-01-19", P.WEEK, "[2025-01-13..2025-01-19]"),
        ("next week", "2025-01-20", "2025-01-26", P.WEEK, "[2025-01-20..2025-01-26]"),
        ("last week", "2025-01-06", "2025-01-12", P.WEEK, "[2025-01-06..2025-01-12]"),
        ("early January", "2025-01-01", "2025-01-10", P.PART_OF_MONTH, "[2025-01-01..2025-01-10]"),
        ("mid-January", "2025-01-11", "2025-01-20", P.PART_OF_MONTH, "[2025-01-11..2025-01-20]"),
        ("in mid-January", "2025-01-11", "2025-01-20", P.PART_OF_MONTH, "[2025-01-11..2025-01-20]"),
        ("late February", "2025-02-21", "2025-02-28", P.PART_OF_MONTH, "[2025-02-21..2025-02-28]"),
        (
            "late February 2024",
            "2024-02-21",
            "2024-02-29",
            P.PART_OF_MONTH,
            "[2024-02-21..2024-02-29]",
        ),
        ("December 2024", "2024-12-01", "2024-12-31", P.MONTH, "2024-12"),
        ("in December 2024", "2024-12-01", "2024-12-31", P.MONTH, "2024-12"),
        ("December", "2024-12-01", "2024-12-31", P.MONTH, "2024-12"),
        ("March", "2025-03-01", "2025-03-31", P.MONTH, "2025-03"),
        ("this autumn", "2025-09-01", "2025-11-30", P.SEASON, "2025-27"),
        ("this fall", "2025-09-01", "2025-11-30", P.SEASON, "2025-27"),
        ("this spring", "2025-03-01", "2025-05-31", P.SEASON, "2025-25"),
        ("this summer", "2025-06-01", "2025-08-31", P.SEASON, "2025-26"),
        ("this winter", "2024-12-01", "2025-02-28", P.SEASON, "2024-28"),
        ("next winter", "2025-12-01", "2026-02-28", P.SEASON, "2025-28"),
        ("last autumn", "2024-09-01", "2024-11-30", P.SEASON, "2024-27"),
        ("autumn 2025", "2025-09-01", "2025-11-30", P.SEASON, "2025-27"),
        ("this year", "2025-01-01", "2025-12-31", P.YEAR, "2025"),
        ("next year", "2026-01-01", "2026-12-31", P.YEAR, "2026"),
        ("the new year", "2025-01-01", "2025-12-31", P.YEAR, "2025"),
        ("in the new year", "2025-01-01", "2025-12-31", P.YEAR, "2025"),
        ("2024", "2024-01-01", "2024-12-31", P.YEAR, "2024"),
        ("January 14, 2025", "2025-01-14", "2025-01-14", P.DAY, "2025-01-14"),
        ("14 January 2025", "2025-01-14", "2025-01-14", P.DAY, "2025-01-14"),
        ("2024-12-25", "2024-12-25", "2024-12-25", P.DAY, "2024-12-25"),
        ("Dec 25", "2024-12-25", "2024-12-25", P.DAY, "2024-12-25"),
        ("Sept. 3, 2025", "2025-09-03", "2025-09-03", P.DAY, "2025-09-03"),
        ("mid-Jan", "2025-01-11", "2025-01-20", P.PART_OF_MONTH, "[2025-01-11..2025-01-20]"),
        (
            "a three-day trip to China through Wednesday",
            "2025-01-13",
            "2025-01-15",
            P.DAYS,
            "2025-01-13/2025-01-15",
        ),
        (
            "a 3-day visit through Wednesday",
            "2025-01-13",
            "2025-01-15",
            P.DAYS,
            "2025-01-13/2025-01-15",
        ),
        (
            "a three-day visit to China later this week",
            "2025-01-15",
            "2025-01-19",
            P.WEEK,
            "[2025-01-15..2025-01-19]",
        ),
    ],
)
def test_resolves_each_form_against_the_seed_date(
    words: str, earliest: str, latest: str, precision: dm.DatePrecision, edtf: str
) -> None:
    resolved = dm.resolve_date(words, SEED_DAY)
    assert resolved.text == words
    assert (resolved.earliest.isoformat(), resolved.latest.isoformat()) == (d(earliest), d(latest))
    assert resolved.precision is precision
    assert resolved.edtf == edtf


def test_the_new_year_late_in_a_year_is_the_next_one() -> None:
    assert dm.resolve_date("the new year", dt.date(2024, 12, 20)).edtf == "2025"


def test_a_month_named_without_a_year_takes_the_nearest_one() -> None:
    assert dm.resolve_date("January", dt.date(2024, 12, 20)).edtf == "2025-01"
    assert dm.resolve_date("November", dt.date(2025, 1, 14)).edtf == "2024-11"


@pytest.mark.parametrize(
    ("words", "named"),
    [
        ("someday", "someday"),
        ("", "no words"),
        ("   ", "no words"),
        ("next Blursday", "blursday"),
        ("February 30, 2025", "not a calendar date"),
        ("a three-day trip on Tuesday", "3-day span"),
        ("a zillion-day trip through Wednesday", "zillion"),
        ("a six-day visit later this week", "6-day span"),
        ("the 12th", "the 12th"),
        ("soon after the talks", "soon after the talks"),
    ],
)
def test_refuses_words_it_cannot_read_and_names_them(words: str, named: str) -> None:
    with pytest.raises(dm.DateResolutionError) as caught:
        dm.resolve_date(words, SEED_DAY)
    assert isinstance(caught.value, dm.DiplomodelError)
    assert caught.value.text == words
    assert named in str(caught.value)


def test_later_this_week_on_a_sunday_is_refused() -> None:
    with pytest.raises(dm.DateResolutionError, match="Sunday"):
        dm.resolve_date("later this week", dt.date(2025, 1, 19))


def test_reference_must_be_a_date() -> None:
    with pytest.raises(dm.DateResolutionError, match=r"datetime\.date"):
        dm.resolve_date("on Tuesday", dt.datetime(2025, 1, 14, 9, 0))  # type: ignore[arg-type]


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(reference=st.dates(), weekday=st.sampled_from(WEEKDAYS))
def test_a_weekday_is_the_latest_on_or_before_and_through_the_next_on_or_after(
    reference: dt.date, weekday: str
) -> None:
    try:
        before = dm.resolve_date(f"on {weekday}", reference)
        after = dm.resolve_date(f"through {weekday}", reference)
    except dm.DateResolutionError:
        assert reference.year in (1, 9999)  # the calendar's ends
        return
    for resolved in (before, after):
        assert resolved.earliest == resolved.latest
        assert resolved.earliest.strftime("%A") == weekday
    assert 0 <= (reference - before.earliest).days <= 6
    assert 0 <= (after.earliest - reference).days <= 6


@given(reference=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_windows_hold_what_they_promise(reference: dt.date) -> None:
    for words in ("this week", "next week", "this autumn", "this winter", "this year", "mid-March"):
        resolved = dm.resolve_date(words, reference)
        assert resolved.earliest <= resolved.latest
        assert resolved.precision is not P.DAY
    this_week = dm.resolve_date("this week", reference)
    assert this_week.earliest <= reference <= this_week.latest
    assert this_week.earliest.weekday() == 0
    assert (this_week.latest - this_week.earliest).days == 6
    assert dm.resolve_date("this year", reference).earliest.year == reference.year


@given(fuzzy_dates())
def test_edtf_is_derived_from_the_window_and_checked(date: dm.FuzzyDate) -> None:
    rebuilt = dm.FuzzyDate(
        text=date.text, earliest=date.earliest, latest=date.latest, precision=date.precision
    )
    assert rebuilt == date
    with pytest.raises(ValueError, match="edtf"):
        dm.FuzzyDate(
            text=date.text,
            earliest=date.earliest,
            latest=date.latest,
            precision=date.precision,
            edtf="not-edtf",
        )


def test_windows_must_fit_their_precision() -> None:
    with pytest.raises(ValueError, match="calendar month"):
        dm.FuzzyDate(
            text="x", earliest=dt.date(2025, 1, 2), latest=dt.date(2025, 1, 31), precision=P.MONTH
        )
    with pytest.raises(ValueError, match="before earliest"):
        dm.FuzzyDate(
            text="x", earliest=dt.date(2025, 1, 2), latest=dt.date(2025, 1, 1), precision=P.DAYS
        )


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        ("May 99", "May has at most 31 days, not 99"),
        ("June 45", "June has at most 30 days, not 45"),
        ("January 32", "January has at most 31 days, not 32"),
        ("31 April", "April has at most 30 days, not 31"),
        ("May 0", "May has at most 31 days, not 0"),
        ("February 29, 2025", "February 2025 has 28 days, not 29"),
        ("2025-02-30", "February 2025 has 28 days, not 30"),
        ("2025-13-01", "no month 13"),
    ],
)
def test_a_day_the_month_does_not_have_is_refused_not_read_as_a_year(
    words: str, reason: str
) -> None:
    with pytest.raises(dm.DateResolutionError) as caught:
        dm.resolve_date(words, SEED_DAY)
    assert caught.value.text == words
    assert "not a calendar date" in caught.value.reason
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (dt.date(2024, 1, 10), "2024-02-29"),  # the reference's own leap year
        (dt.date(2024, 3, 1), "2024-02-29"),
        (dt.date(2025, 1, 14), "2024-02-29"),  # 2024 is nearer than 2028
        (dt.date(2027, 10, 1), "2028-02-29"),
        (dt.date(2100, 1, 1), "2096-02-29"),  # 2100 is no leap year
    ],
)
def test_february_29_without_a_year_takes_the_nearest_year_that_has_it(
    reference: dt.date, expected: str
) -> None:
    resolved = dm.resolve_date("February 29", reference)
    assert resolved.edtf == expected
    assert resolved.precision is P.DAY
    with pytest.raises(dm.DateResolutionError, match="has 28 days"):
        dm.resolve_date("February 29, 2100", reference)


def test_a_day_of_the_month_is_read_as_a_day_when_it_fits() -> None:
    assert dm.resolve_date("May 31", SEED_DAY).edtf == "2025-05-31"
    assert dm.resolve_date("30 June 2024", SEED_DAY).edtf == "2024-06-30"
    assert dm.resolve_date("February 29, 2024", SEED_DAY).edtf == "2024-02-29"


@pytest.mark.parametrize(
    ("words", "reference", "reason"),
    [
        ("0000", SEED_DAY, "year 0 is outside the calendar"),
        ("December 0000", SEED_DAY, "year 0 is outside the calendar"),
        ("0000-01-01", SEED_DAY, "year 0 is outside the calendar"),
        ("winter 9999", SEED_DAY, "runs past the calendar"),
        ("a ³-day trip through Wednesday", SEED_DAY, "'³' is not a number of days"),
        ("a \u0663-day trip through Wednesday", SEED_DAY, "is not a number of days"),
        ("a 0-day trip through Wednesday", SEED_DAY, "'0' is not a number of days"),
        ("a 99999999-day trip through Wednesday", SEED_DAY, "more than the calendar"),
        ("a 9999999-day trip through Wednesday", SEED_DAY, "runs past the calendar"),
        ("a 1" + "0" * 5000 + "-day trip", SEED_DAY, "more than the calendar"),
        ("May \u0665", SEED_DAY, "no date form matches"),
        ("next week", dt.date(9999, 12, 28), "runs past the calendar"),
        ("this week", dt.date.max, "runs past the calendar"),
        ("tomorrow", dt.date.max, "runs past the calendar"),
        ("through Sunday", dt.date.max, "runs past the calendar"),
        ("next Friday", dt.date.max, "runs past the calendar"),
        ("this winter", dt.date(9999, 12, 2), "runs past the calendar"),
        ("next year", dt.date(9999, 5, 5), "year 10000 is outside the calendar"),
        ("the new year", dt.date(9999, 9, 9), "year 10000 is outside the calendar"),
        ("January", dt.date(9999, 12, 1), "year 10000 is outside the calendar"),
        ("January 2", dt.date(9999, 12, 1), "year 10000 is outside the calendar"),
        ("yesterday", dt.date.min, "runs past the calendar"),
        ("last week", dt.date.min, "runs past the calendar"),
        ("last Friday", dt.date.min, "runs past the calendar"),
        ("Tuesday", dt.date.min, "runs past the calendar"),
        ("this winter", dt.date(1, 1, 3), "year 0 is outside the calendar"),
        ("December", dt.date(1, 1, 3), "year 0 is outside the calendar"),
        ("last year", dt.date(1, 6, 1), "year 0 is outside the calendar"),
    ],
)
def test_words_beyond_the_calendar_or_its_digits_are_refused_with_a_reason(
    words: str, reference: dt.date, reason: str
) -> None:
    with pytest.raises(dm.DateResolutionError) as caught:
        dm.resolve_date(words, reference)
    assert caught.value.text == words
    assert reason in caught.value.reason


def test_a_long_input_is_quoted_short_in_the_error() -> None:
    words = "soon " * 100_000
    with pytest.raises(dm.DateResolutionError) as caught:
        dm.resolve_date(words, SEED_DAY)
    assert caught.value.text == words
    assert len(str(caught.value)) < 300


# Words of the grammar, to be combined at random: most combinations mean
# nothing, and some reach past the calendar's ends.
GRAMMAR_WORDS = [
    *("a", "an", "on", "in", "during", "through", "until", "till", "to", "from", "since"),
    *("between", "and", "starting", "the", "of", "end", "this", "next", "last", "later"),
    *("earlier", "early", "mid", "mid-", "late", "week", "month", "year", "new", "weekend"),
    *("today", "yesterday", "tomorrow", "morning", "evening", "over", "first", "half"),
    *("quarter", "q1", "q4", "h2", "spring", "summer", "autumn", "fall", "winter"),
    *(w.lower() for w in WEEKDAYS),
    *("january", "feb", "february", "sept.", "dec.", "december", "may"),
    *("three-day", "3-day", "0-day", "³-day", "9999999-day", "trip", "visit", "china"),
    *("0", "1", "13", "24-26", "29", "31", "32", "99", "0000", "0001", "2024", "9999"),
    *("2024-02-29", "0001-01-01", "9999-12-31", "1st", "3rd", ",", "-", "\u2013", "³", "\u0663"),
    *("monday,", "1990s", "2000s", "0000s", "9990s", "1995s", "'90s"),
]
grammar_text = st.lists(st.sampled_from(GRAMMAR_WORDS), min_size=1, max_size=6).map(" ".join)
any_reference = st.dates(min_value=dt.date.min, max_value=dt.date.max)
near_the_ends = st.one_of(
    st.dates(min_value=dt.date.min, max_value=dt.date(1, 3, 31)),
    st.dates(min_value=dt.date(9999, 10, 1), max_value=dt.date.max),
)


def assert_resolves_or_refuses(words: str, reference: dt.date) -> None:
    """resolve_date gives a consistent window or a DateResolutionError, nothing else."""
    try:
        resolved = dm.resolve_date(words, reference)
    except dm.DateResolutionError as error:
        refused = error
    else:
        refused = None
    if refused is not None:
        assert refused.text == words
        assert refused.reason
        return
    assert resolved.text == words
    if resolved.earliest is None or resolved.latest is None:
        assert resolved.is_open
        assert resolved.precision in (P.DAY, P.MONTH, P.YEAR)
        assert ".." in resolved.edtf
    else:
        assert resolved.earliest <= resolved.latest
    rebuilt = dm.FuzzyDate(
        text=resolved.text,
        earliest=resolved.earliest,
        latest=resolved.latest,
        precision=resolved.precision,
    )
    assert rebuilt.edtf == resolved.edtf


@settings(max_examples=300)
@given(
    words=st.one_of(st.text(max_size=30), grammar_text, st.from_regex(r"[0-9 a-z³\u0663-]{1,12}")),
    reference=any_reference,
)
def test_any_text_against_any_reference_resolves_or_is_refused(
    words: str, reference: dt.date
) -> None:
    assert_resolves_or_refuses(words, reference)


@settings(max_examples=300)
@given(words=grammar_text, reference=near_the_ends)
def test_grammar_words_near_the_calendars_ends_resolve_or_are_refused(
    words: str, reference: dt.date
) -> None:
    assert_resolves_or_refuses(words, reference)


@pytest.mark.parametrize(
    "words",
    ["today", "on Tuesday", "through Sunday", "this week", "later this week", "January",
     "late December", "Dec 31", "this winter", "next winter", "the new year", "this year",
     "a three-day trip through Friday", "a 2-day visit this week"],
)  # fmt: skip
@pytest.mark.parametrize(
    "reference", [dt.date.min, dt.date(1, 1, 7), dt.date(9999, 12, 26), dt.date.max]
)
def test_every_form_at_the_calendars_ends_resolves_or_is_refused(
    words: str, reference: dt.date
) -> None:
    assert_resolves_or_refuses(words, reference)


SUNDAY = dt.date(2025, 1, 19)
NEW_YEARS_DAY = dt.date(2025, 1, 1)
DECEMBER = dt.date(2024, 12, 20)


@pytest.mark.parametrize(
    ("words", "reference", "earliest", "latest", "precision", "edtf"),
    [
        # ranges of days
        ("from July 26 to 27", SEED_DAY, "2025-07-26", "2025-07-27", P.DAYS, "2025-07-26/2025-07-27"),
        ("Dec. 24-26", SEED_DAY, "2024-12-24", "2024-12-26", P.DAYS, "2024-12-24/2024-12-26"),
        ("Dec. 24-26", DECEMBER, "2024-12-24", "2024-12-26", P.DAYS, "2024-12-24/2024-12-26"),
        ("January 13-15", SEED_DAY, "2025-01-13", "2025-01-15", P.DAYS, "2025-01-13/2025-01-15"),
        ("January 13\u201315", DECEMBER, "2025-01-13", "2025-01-15", P.DAYS, "2025-01-13/2025-01-15"),
        ("February 28-29", SEED_DAY, "2024-02-28", "2024-02-29", P.DAYS, "2024-02-28/2024-02-29"),
        ("January 13-15, 2024", SEED_DAY, "2024-01-13", "2024-01-15", P.DAYS, "2024-01-13/2024-01-15"),
        ("13-15 January 2025", SEED_DAY, "2025-01-13", "2025-01-15", P.DAYS, "2025-01-13/2025-01-15"),
        ("between March 3 and 5", SEED_DAY, "2025-03-03", "2025-03-05", P.DAYS, "2025-03-03/2025-03-05"),
        ("from July 30 to August 2", SEED_DAY, "2025-07-30", "2025-08-02", P.DAYS, "2025-07-30/2025-08-02"),
        ("from December 30 to January 2", DECEMBER, "2024-12-30", "2025-01-02", P.DAYS, "2024-12-30/2025-01-02"),
        ("from December 30 to January 2, 2025", SEED_DAY, "2024-12-30", "2025-01-02", P.DAYS, "2024-12-30/2025-01-02"),
        ("from Tuesday to Thursday", SEED_DAY, "2025-01-14", "2025-01-16", P.DAYS, "2025-01-14/2025-01-16"),
        ("from Friday to Monday", SEED_DAY, "2025-01-10", "2025-01-13", P.DAYS, "2025-01-10/2025-01-13"),
        ("a two-day visit starting Tuesday", SEED_DAY, "2025-01-14", "2025-01-15", P.DAYS, "2025-01-14/2025-01-15"),
        ("a three-day visit from December 31", SEED_DAY, "2024-12-31", "2025-01-02", P.DAYS, "2024-12-31/2025-01-02"),
        ("a three-day visit from Tuesday to Thursday", SEED_DAY, "2025-01-14", "2025-01-16", P.DAYS, "2025-01-14/2025-01-16"),
        # months relative to the reference
        ("last month", SEED_DAY, "2024-12-01", "2024-12-31", P.MONTH, "2024-12"),
        ("this month", SEED_DAY, "2025-01-01", "2025-01-31", P.MONTH, "2025-01"),
        ("next month", DECEMBER, "2025-01-01", "2025-01-31", P.MONTH, "2025-01"),
        ("next month", SEED_DAY, "2025-02-01", "2025-02-28", P.MONTH, "2025-02"),
        ("earlier this month", SEED_DAY, "2025-01-01", "2025-01-13", P.PART_OF_MONTH, "[2025-01-01..2025-01-13]"),
        ("later this month", SEED_DAY, "2025-01-15", "2025-01-31", P.PART_OF_MONTH, "[2025-01-15..2025-01-31]"),
        ("end of January", SEED_DAY, "2025-01-21", "2025-01-31", P.PART_OF_MONTH, "[2025-01-21..2025-01-31]"),
        ("at the end of the month", DECEMBER, "2024-12-21", "2024-12-31", P.PART_OF_MONTH, "[2024-12-21..2024-12-31]"),
        ("early next month", DECEMBER, "2025-01-01", "2025-01-10", P.PART_OF_MONTH, "[2025-01-01..2025-01-10]"),
        ("early 2025", SEED_DAY, "2025-01-01", "2025-04-30", P.PART_OF_YEAR, "[2025-01..2025-04]"),
        ("mid-2025", SEED_DAY, "2025-05-01", "2025-08-31", P.PART_OF_YEAR, "[2025-05..2025-08]"),
        ("late last year", SEED_DAY, "2024-09-01", "2024-12-31", P.PART_OF_YEAR, "[2024-09..2024-12]"),
        ("the end of the year", DECEMBER, "2024-09-01", "2024-12-31", P.PART_OF_YEAR, "[2024-09..2024-12]"),
        ("the first quarter", SEED_DAY, "2025-01-01", "2025-03-31", P.QUARTER, "2025-33"),
        ("Q1 2025", DECEMBER, "2025-01-01", "2025-03-31", P.QUARTER, "2025-33"),
        ("in the fourth quarter of last year", SEED_DAY, "2024-10-01", "2024-12-31", P.QUARTER, "2024-36"),
        ("the first half of the year", SEED_DAY, "2025-01-01", "2025-06-30", P.HALF, "2025-40"),
        ("the second half of 2024", SEED_DAY, "2024-07-01", "2024-12-31", P.HALF, "2024-41"),
        ("H2", SEED_DAY, "2025-07-01", "2025-12-31", P.HALF, "2025-41"),
        # parts of a day and weekends
        ("Tuesday morning", SEED_DAY, "2025-01-14", "2025-01-14", P.DAY, "2025-01-14"),
        ("Wednesday evening", SEED_DAY, "2025-01-08", "2025-01-08", P.DAY, "2025-01-08"),
        ("on Monday afternoon", SEED_DAY, "2025-01-13", "2025-01-13", P.DAY, "2025-01-13"),
        ("yesterday evening", NEW_YEARS_DAY, "2024-12-31", "2024-12-31", P.DAY, "2024-12-31"),
        ("early Friday", SEED_DAY, "2025-01-10", "2025-01-10", P.DAY, "2025-01-10"),
        ("this morning", SEED_DAY, "2025-01-14", "2025-01-14", P.DAY, "2025-01-14"),
        ("over the weekend", SEED_DAY, "2025-01-11", "2025-01-12", P.WEEK, "[2025-01-11..2025-01-12]"),
        ("over the weekend", SUNDAY, "2025-01-18", "2025-01-19", P.WEEK, "[2025-01-18..2025-01-19]"),
        ("this weekend", SEED_DAY, "2025-01-18", "2025-01-19", P.WEEK, "[2025-01-18..2025-01-19]"),
        ("this weekend", NEW_YEARS_DAY, "2025-01-04", "2025-01-05", P.WEEK, "[2025-01-04..2025-01-05]"),
        ("last weekend", SEED_DAY, "2025-01-11", "2025-01-12", P.WEEK, "[2025-01-11..2025-01-12]"),
        # seasons carry the northern-hemisphere codes, never a quarter's
        ("winter 2024", SEED_DAY, "2024-12-01", "2025-02-28", P.SEASON, "2024-28"),
        ("this spring", SEED_DAY, "2025-03-01", "2025-05-31", P.SEASON, "2025-25"),
    ],
)  # fmt: skip
def test_resolves_ranges_relative_months_parts_of_days_and_years(
    words: str,
    reference: dt.date,
    earliest: str,
    latest: str,
    precision: dm.DatePrecision,
    edtf: str,
) -> None:
    resolved = dm.resolve_date(words, reference)
    assert resolved.text == words
    assert resolved.earliest == dt.date.fromisoformat(earliest)
    assert resolved.latest == dt.date.fromisoformat(latest)
    assert resolved.precision is precision
    assert resolved.edtf == edtf
    assert not resolved.is_open
    assert_json_round_trip_and_schema(resolved)


@pytest.mark.parametrize(
    ("words", "reference", "earliest", "latest", "precision", "edtf"),
    [
        ("since 2019", SEED_DAY, "2019-01-01", None, P.YEAR, "2019/.."),
        ("since last month", SEED_DAY, "2024-12-01", None, P.MONTH, "2024-12/.."),
        ("since Tuesday", SEED_DAY, "2025-01-14", None, P.DAY, "2025-01-14/.."),
        ("until March", SEED_DAY, None, "2025-03-31", P.MONTH, "../2025-03"),
        ("until March", DECEMBER, None, "2025-03-31", P.MONTH, "../2025-03"),
        ("until January 20", SEED_DAY, None, "2025-01-20", P.DAY, "../2025-01-20"),
        ("till next year", SEED_DAY, None, "2026-12-31", P.YEAR, "../2026"),
    ],
)
def test_since_and_until_leave_one_end_open_and_say_so(
    words: str,
    reference: dt.date,
    earliest: str | None,
    latest: str | None,
    precision: dm.DatePrecision,
    edtf: str,
) -> None:
    resolved = dm.resolve_date(words, reference)
    assert resolved.earliest == (dt.date.fromisoformat(earliest) if earliest else None)
    assert resolved.latest == (dt.date.fromisoformat(latest) if latest else None)
    assert resolved.precision is precision
    assert resolved.edtf == edtf
    assert resolved.is_open
    assert not resolved.is_exact
    assert_json_round_trip_and_schema(resolved)


try:  # the dev extra's jsonschema; without it the schema half of the check is left out
    import jsonschema
except ImportError:  # pragma: no cover - the minimum-versions run
    FUZZY_DATE_SCHEMA = None
else:
    FUZZY_DATE_SCHEMA = jsonschema.Draft202012Validator(
        dm.json_schema(dm.FuzzyDate), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def assert_json_round_trip_and_schema(date: dm.FuzzyDate) -> None:
    data = dm.to_dict(date)
    if FUZZY_DATE_SCHEMA is not None:
        FUZZY_DATE_SCHEMA.validate(data)
    assert dm.from_dict(data, dm.FuzzyDate) == date
    assert dm.from_json(dm.to_json(date), dm.FuzzyDate) == date


@pytest.mark.parametrize(
    ("words", "reference", "reason"),
    [
        ("March 5 to 3", SEED_DAY, "the range ends on 2025-03-03, not after its start 2025-03-05"),
        ("January 30-32", SEED_DAY, "January has at most 31 days, not 32"),
        ("January 30-32, 2025", SEED_DAY, "January 2025 has 31 days, not 32"),
        ("February 28-30", SEED_DAY, "February has at most 29 days, not 30"),
        ("February 28-29, 2025", SEED_DAY, "February 2025 has 28 days, not 29"),
        ("from Monday to Monday", SEED_DAY, "two different days"),
        ("earlier this month", NEW_YEARS_DAY, "first day"),
        ("later this month", dt.date(2025, 1, 31), "last day"),
        ("since this week", SEED_DAY, "'this week' is a week"),
        ("until the first quarter", SEED_DAY, "is a quarter"),
        ("a 3-day visit since 2019", SEED_DAY, "no date form matches 'since 2019'"),
        ("a two-day visit starting Tuesday morning", SEED_DAY, "no date form matches"),
        ("Tuesday morning morning", SEED_DAY, "no date form matches 'tuesday morning'"),
        ("since since 2019", SEED_DAY, "no date form matches 'since 2019'"),
        ("this week morning", SEED_DAY, "a part of a day needs a day"),
        ("Q5 2025", SEED_DAY, "no date form matches"),
        ("last night", SEED_DAY, "no date form matches"),
        ("the fifth quarter", SEED_DAY, "no date form matches"),
        ("next month", dt.date(9999, 12, 5), "runs past the calendar"),
        ("this weekend", dt.date.max, "runs past the calendar"),
        ("late last year", dt.date(1, 5, 5), "year 0 is outside the calendar"),
        ("since 0000", SEED_DAY, "year 0 is outside the calendar"),
    ],
)
def test_refuses_new_forms_it_cannot_honour_and_says_why(
    words: str, reference: dt.date, reason: str
) -> None:
    with pytest.raises(dm.DateResolutionError) as caught:
        dm.resolve_date(words, reference)
    assert caught.value.text == words
    assert reason in caught.value.reason


def test_a_part_of_a_day_is_kept_in_the_words_and_gives_the_day() -> None:
    morning = dm.resolve_date("Tuesday morning", SEED_DAY)
    assert morning.text == "Tuesday morning"
    assert (morning.earliest, morning.latest) == (
        dm.resolve_date("Tuesday", SEED_DAY).earliest,
    ) * 2
    assert morning.is_exact


def test_open_windows_must_name_a_bound_that_edtf_can_end_an_interval_with() -> None:
    with pytest.raises(ValueError, match="earliest, latest or both"):
        dm.FuzzyDate(text="x", earliest=None, latest=None, precision=P.DAY)
    with pytest.raises(ValueError, match="a day, a month or a year, not week"):
        dm.FuzzyDate(text="x", earliest=dt.date(2025, 1, 13), latest=None, precision=P.WEEK)
    with pytest.raises(ValueError, match="first day of its month"):
        dm.FuzzyDate(text="x", earliest=dt.date(2025, 3, 5), latest=None, precision=P.MONTH)
    with pytest.raises(ValueError, match="last day of its year"):
        dm.FuzzyDate(text="x", earliest=None, latest=dt.date(2025, 3, 31), precision=P.YEAR)
    with pytest.raises(ValueError, match="edtf"):
        dm.FuzzyDate(
            text="x", earliest=None, latest=dt.date(2025, 3, 31), precision=P.MONTH, edtf="2025-03"
        )


@pytest.mark.parametrize(
    ("precision", "earliest", "latest", "message"),
    [
        (P.QUARTER, "2025-02-01", "2025-04-30", "one calendar quarter"),
        (P.HALF, "2025-01-01", "2025-07-31", "January-June or July-December"),
        (P.PART_OF_YEAR, "2025-01-01", "2025-03-31", "January-April"),
        (P.SEASON, "2025-01-01", "2025-03-31", "meteorological season"),
        (P.SEASON, "9999-12-01", "9999-12-31", "meteorological season"),
    ],
)
def test_new_windows_must_fit_their_precision(
    precision: dm.DatePrecision, earliest: str, latest: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        dm.FuzzyDate(
            text="x",
            earliest=dt.date.fromisoformat(earliest),
            latest=dt.date.fromisoformat(latest),
            precision=precision,
        )


def test_open_dates_sort_and_flatten_without_an_invented_day(tiny: dm.Dossier) -> None:
    talks, autumn_talks = tiny.events
    since = attrs.evolve(talks, date=dm.resolve_date("since 2019", SEED_DAY))
    until = attrs.evolve(autumn_talks, date=dm.resolve_date("until March", SEED_DAY))
    dossier = attrs.evolve(tiny, events=(since, until))
    # An open start comes before any known first day.
    assert [entry.event.id for entry in dossier.timeline()] == ["autumn-talks", "talks"]
    swapped = attrs.evolve(
        tiny,
        events=(
            attrs.evolve(talks, date=dm.resolve_date("until 2018", SEED_DAY)),
            attrs.evolve(autumn_talks, date=dm.resolve_date("since 2019", SEED_DAY)),
        ),
    )
    assert [entry.event.id for entry in swapped.timeline()] == ["talks", "autumn-talks"]
    rows = {row["id"]: row for row in dm.to_records(dossier)["events"]}
    assert (rows["talks"]["earliest"], rows["talks"]["latest"]) == ("2019-01-01", None)
    assert (rows["autumn-talks"]["earliest"], rows["autumn-talks"]["latest"]) == (
        None,
        "2025-03-31",
    )
    assert rows["talks"]["edtf"] == "2019/.."
    assert dm.from_json(dm.to_json(dossier), dm.Dossier) == dossier


# -- the curator's window: words no form reads, a window the curator gives -------------

WIRE = Path(__file__).parent / "fixtures" / "articles" / "wire-report.txt"
WIRE_HEAD = """
[article]
id = "wire"
text = "wire-report.txt"
publisher = "Fixture Wire"
published = 2024-12-25

[[events]]
id = "business-meeting"
name = "Iwaya meets Japanese business people"
kind = "meeting"
status = "took-place"
evidence = ["Iwaya met members of the Japanese business community"]
"""


def load_with_date(folder: Path, date: str) -> dm.Dossier:
    shutil.copy(WIRE, folder / WIRE.name)
    path = folder / "wire.toml"
    path.write_text(WIRE_HEAD + f"date = {date}\n", encoding="utf-8")
    return dm.load(path)


def date_problems(folder: Path, date: str) -> list[dm.Problem]:
    with pytest.raises(dm.CurationError) as caught:
        load_with_date(folder, date)
    return list(caught.value.problems)


def test_a_curators_window_loads_marked_as_the_curators(tmp_path: Path, schema: Any) -> None:
    dossier = load_with_date(
        tmp_path,
        '{ words = "Earlier in the day", earliest = 2024-12-25, latest = 2024-12-25, '
        'note = "the day of the talks" }',
    )
    date = dossier.get("business-meeting", dm.Event).date
    assert date is not None
    assert (date.earliest, date.latest, date.edtf) == (dt.date(2024, 12, 25),) * 2 + ("2024-12-25",)
    assert date.basis is dm.DateBasis.CURATOR
    assert date.note == "the day of the talks"
    assert date.text == "Earlier in the day"
    data = dm.to_dict(dossier)
    schema.validate(data)
    assert data["events"][0]["date"]["basis"] == "curator"
    assert dm.from_json(dm.to_json(dossier), dm.Dossier) == dossier


def test_a_curators_window_may_leave_one_bound_open(tmp_path: Path) -> None:
    date = (
        load_with_date(tmp_path, '{ words = "Earlier in the day", latest = 2024-12-25 }')
        .events[0]
        .date
    )
    assert date is not None
    assert (date.earliest, date.is_open, date.edtf) == (None, True, "../2024-12-25")
    longer = (
        load_with_date(
            tmp_path, '{ words = "Earlier in the day", earliest = 2024-12-23, latest = 2024-12-25 }'
        )
        .events[0]
        .date
    )
    assert longer is not None
    assert (longer.precision, longer.edtf) == (P.DAYS, "2024-12-23/2024-12-25")


@pytest.mark.parametrize(
    ("date", "path", "says"),
    [
        (
            '{ words = "Earlier in the day", earliest = 2024-12-26, latest = 2024-12-25 }',
            ".date",
            "latest 2024-12-25 comes before earliest 2024-12-26",
        ),
        ('{ words = "Earlier in the day", note = "n" }', ".date", "earliest and/or latest"),
        ('{ words = "Early in the day", latest = 2024-12-25 }', ".date.words", "not in the text"),
        ('{ words = "Earlier in the day", latest = "Dec. 25" }', ".date.latest", "TOML date"),
        ('{ words = "Earlier in the day", lastest = 2024-12-25 }', ".date.lastest", "unknown"),
        ("{ earliest = 2024-12-25 }", ".date.words", "required key missing"),
        (
            '{ words = "Earlier in the day", latest = 2024-12-25, precision = "month" }',
            ".date",
            "month",
        ),
    ],
    ids=["inverted", "no-bound", "not-in-text", "not-a-date", "unknown-key", "no-words", "misfit"],
)
def test_a_bad_curators_window_is_a_problem_at_its_place(
    tmp_path: Path, date: str, path: str, says: str
) -> None:
    problems = date_problems(tmp_path, date)
    assert any(p.path.endswith(path) and says in p.message for p in problems), problems
    assert all(p.path.startswith("events[0]") for p in problems), problems


def test_curator_date_checks_its_window() -> None:
    with pytest.raises(dm.DateResolutionError, match="comes before"):
        dm.curator_date("x", dt.date(2024, 9, 21), dt.date(2024, 9, 20))
    with pytest.raises(dm.DateResolutionError, match="earliest, latest or both"):
        dm.curator_date("x", None, None)
    one_day = dm.curator_date("x", dt.date(2024, 9, 20), dt.date(2024, 9, 20), note="n")
    assert (one_day.precision, one_day.basis, one_day.note) == (P.DAY, dm.DateBasis.CURATOR, "n")


def test_only_a_curators_window_has_a_note_and_only_a_relative_date_an_order() -> None:
    day = dm.resolve_date("on Tuesday", SEED_DAY)
    with pytest.raises(dm.FieldError, match="note"):
        attrs.evolve(day, note="why")
    with pytest.raises(dm.FieldError, match="order"):
        attrs.evolve(day, order=dm.DayOrder.SAME)
    with pytest.raises(dm.FieldError, match="relative_to"):
        attrs.evolve(day, basis=dm.DateBasis.EVENT, order=dm.DayOrder.SAME)
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_dict({**dm.to_dict(day), "relative_to": "talks"}, dm.FuzzyDate)
    assert caught.value.problems[0].path == "$.relative_to"


@settings(max_examples=60)
@given(
    first=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    length=st.integers(0, 40),
    open_end=st.sampled_from(["none", "earliest", "latest"]),
    note=st.none() | st.text(alphabet="abc ", min_size=1, max_size=10).filter(str.strip),
)
def test_curator_windows_round_trip_and_fit_the_schema(
    first: dt.date, length: int, open_end: str, note: str | None
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    earliest: dt.date | None = first
    latest: dt.date | None = first + dt.timedelta(days=length)
    if open_end == "earliest":
        earliest = None
    elif open_end == "latest":
        latest = None
    date = dm.curator_date("by then", earliest, latest, note=note)
    data = dm.to_dict(date)
    assert data["basis"] == "curator"
    assert dm.from_dict(data, dm.FuzzyDate) == date
    jsonschema.validate(data, dm.json_schema(dm.FuzzyDate))
    assert date.is_open is (open_end != "none")


# -- a weekday with its date, and decades ---------------------------------------------

CHRISTMAS_WEEK = dt.date(2024, 12, 27)  # a Friday: the contradicting fixture's date


@pytest.mark.parametrize(
    "words",
    ["on Monday, Dec. 23", "Monday, December 23", "Monday, December 23, 2024",
     "monday 23 December 2024", "on Monday, 2024-12-23"],
)  # fmt: skip
def test_a_weekday_with_its_date_is_that_day(words: str) -> None:
    resolved = dm.resolve_date(words, CHRISTMAS_WEEK)
    assert (resolved.earliest, resolved.latest, resolved.precision) == (
        dt.date(2024, 12, 23),
        dt.date(2024, 12, 23),
        P.DAY,
    )
    assert resolved.text == words
    assert resolved.basis is dm.DateBasis.WORDS


def test_the_date_decides_not_the_weekday() -> None:
    # Read on a Friday, a bare "Monday" is the Monday before; with a date it is that date.
    assert dm.resolve_date("Monday", CHRISTMAS_WEEK).earliest == dt.date(2024, 12, 23)
    resolved = dm.resolve_date("Monday, December 16", CHRISTMAS_WEEK)
    assert resolved.earliest == dt.date(2024, 12, 16)


@pytest.mark.parametrize(
    ("words", "said"),
    [
        ("on Tuesday, Dec. 23", "2024-12-23 is a Monday, not a Tuesday"),
        ("Sunday, December 23, 2024", "2024-12-23 is a Monday, not a Sunday"),
        ("Friday, 2024-12-23", "2024-12-23 is a Monday, not a Friday"),
    ],
)
def test_a_weekday_the_date_does_not_fall_on_is_refused_and_says_so(words: str, said: str) -> None:
    with pytest.raises(dm.DateResolutionError) as caught:
        dm.resolve_date(words, CHRISTMAS_WEEK)
    assert caught.value.text == words
    assert caught.value.reason == f"the weekday does not match the date: {said}"


def test_a_weekday_before_other_words_keeps_its_own_forms() -> None:
    # A part of the day is no date: "Tuesday morning" is still the Tuesday.
    assert dm.resolve_date("Tuesday morning", CHRISTMAS_WEEK).earliest == dt.date(2024, 12, 24)
    with pytest.raises(dm.DateResolutionError, match="not a calendar date"):
        dm.resolve_date("Monday, February 30", CHRISTMAS_WEEK)


dated_days = st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9998, 12, 31))


def said_with_weekday(day: dt.date, weekday: str, style: int) -> str:
    """The day as news writes it, with ``weekday`` before it, in one of three styles."""
    return [
        f"on {weekday}, {day:%B} {day.day}, {day.year:04d}",
        f"{weekday} {day.day} {day:%b} {day.year:04d}",
        f"{weekday}, {day:%b}. {day.day}",
    ][style]


@given(day=dated_days, style=st.integers(0, 2), offset=st.integers(-400, 400))
def test_every_date_with_its_true_weekday_resolves_to_that_day(
    day: dt.date, style: int, offset: int
) -> None:
    # Without a year the nearest one is taken, so read it near the day.
    reference = day + dt.timedelta(days=offset // 3) if style == 2 else day + dt.timedelta(offset)
    words = said_with_weekday(day, f"{day:%A}", style)
    resolved = dm.resolve_date(words, reference)
    assert (resolved.earliest, resolved.latest, resolved.precision) == (day, day, P.DAY)


@given(day=dated_days, style=st.integers(0, 2), shift=st.integers(1, 6))
def test_a_wrong_weekday_never_resolves(day: dt.date, style: int, shift: int) -> None:
    wrong = WEEKDAYS[(day.weekday() + shift) % 7]
    with pytest.raises(dm.DateResolutionError, match="the weekday does not match the date"):
        dm.resolve_date(said_with_weekday(day, wrong, style), day)


@pytest.mark.parametrize(
    ("words", "first_year", "edtf"),
    [("in the 2000s", 2000, "200X"), ("the 1990s", 1990, "199X"), ("1980s", 1980, "198X"),
     ("the 1970's", 1970, "197X"), ("the 9990s", 9990, "999X"), ("the 0010s", 10, "001X")],
)  # fmt: skip
def test_a_decade_is_its_ten_years(words: str, first_year: int, edtf: str) -> None:
    resolved = dm.resolve_date(words, CHRISTMAS_WEEK)
    assert (resolved.earliest, resolved.latest, resolved.precision, resolved.edtf) == (
        dt.date(first_year, 1, 1),
        dt.date(first_year + 9, 12, 31),
        P.DECADE,
        edtf,
    )


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        ("the 0000s", "year 0 is outside the calendar"),
        ("the 1995s", "no date form matches"),
        ("since the 1990s", "'the 1990s' is a decade"),
    ],
)
def test_a_decade_that_is_not_one_is_refused(words: str, reason: str) -> None:
    with pytest.raises(dm.DateResolutionError) as caught:
        dm.resolve_date(words, CHRISTMAS_WEEK)
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    ("earliest", "latest"),
    [("1995-01-01", "2004-12-31"), ("1990-01-01", "1999-12-30"), ("1990-01-01", "2000-12-31")],
)
def test_a_decade_window_must_be_ten_years_from_one_ending_in_0(earliest: str, latest: str) -> None:
    with pytest.raises(ValueError, match="ten years from one ending in 0"):
        dm.FuzzyDate(
            text="x",
            earliest=dt.date.fromisoformat(earliest),
            latest=dt.date.fromisoformat(latest),
            precision=P.DECADE,
        )


@given(year=st.integers(1, 999))
def test_every_decade_of_the_calendar_resolves_to_its_years(year: int) -> None:
    first = year * 10
    resolved = dm.resolve_date(f"the {first:04d}s", CHRISTMAS_WEEK)
    assert (resolved.earliest, resolved.latest) == (
        dt.date(first, 1, 1),
        dt.date(first + 9, 12, 31),
    )
    assert resolved.edtf == f"{first:04d}"[:3] + "X"
