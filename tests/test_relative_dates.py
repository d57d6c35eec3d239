"""Dates relative to another event ("Earlier in the day", "the same day"), on fixture sentences."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import diplomodel as dm
from diplomodel import DayOrder

ARTICLES = Path(__file__).parent / "fixtures" / "articles"

WIRE_HEAD = """
[article]
id = "wire"
text = "wire-report.txt"
publisher = "Fixture Wire"
published = 2024-12-25
"""

BRIEFING_HEAD = """
[article]
id = "briefing"
text = "briefing.txt"
publisher = "Fixture Briefing"
published = 2024-12-26
"""


def event(id: str, date: str, evidence: str, kind: str = "meeting") -> str:
    """An event table whose date is ``date``, a TOML value."""
    return f"""
[[events]]
id = "{id}"
name = "{id}"
kind = "{kind}"
status = "took-place"
date = {date}
evidence = [{json.dumps(evidence)}]
"""


TALKS = event("talks", '"on Wednesday"', "held talks with Japanese Foreign Minister")
BUSINESS = event(
    "business-meeting",
    '{ words = "Earlier in the day", relative_to = "talks" }',
    "Iwaya met members of the Japanese business community",
)
BANQUET = event(
    "banquet",
    '{ words = "Later in the day", relative_to = "talks" }',
    "attend a banquet hosted by Wang",
)


def write(folder: Path, toml: str, article: str) -> Path:
    shutil.copy(ARTICLES / article, folder / article)
    path = folder / "curation.toml"
    path.write_text(toml, encoding="utf-8")
    return path


def load_wire(folder: Path, toml: str) -> dm.Dossier:
    return dm.load(write(folder, WIRE_HEAD + toml, "wire-report.txt"))


def wire_problems(folder: Path, toml: str) -> list[dm.Problem]:
    with pytest.raises(dm.CurationError) as caught:
        load_wire(folder, toml)
    return list(caught.value.problems)


def test_earlier_and_later_in_the_day_take_the_events_day_and_keep_the_order(
    tmp_path: Path,
) -> None:
    dossier = load_wire(tmp_path, TALKS + BUSINESS + BANQUET)
    talks = dossier.get("talks", dm.Event).date
    assert talks is not None
    for id, order in (("business-meeting", DayOrder.BEFORE), ("banquet", DayOrder.AFTER)):
        date = dossier.get(id, dm.Event).date
        assert date is not None
        assert (date.earliest, date.latest, date.edtf) == (talks.earliest, talks.latest, talks.edtf)
        assert date.basis is dm.DateBasis.EVENT
        assert date.relative_to == "talks"
        assert date.order is order
        assert date.text in dossier.article.text


def test_the_same_day_in_the_briefing_takes_the_talks_day(tmp_path: Path) -> None:
    toml = (
        BRIEFING_HEAD
        + event("talks", '"yesterday"', '"candid and in-depth" talks')
        + event(
            "memorandum",
            '{ words = "On the same day", relative_to = "talks" }',
            "signed a memorandum on school exchange trips",
        )
    )
    dossier = dm.load(write(tmp_path, toml, "briefing.txt"))
    memorandum = dossier.get("memorandum", dm.Event).date
    assert memorandum is not None
    assert memorandum.order is DayOrder.SAME
    assert memorandum.edtf == dossier.get("talks", dm.Event).date.edtf  # type: ignore[union-attr]


def test_a_date_relative_to_a_relative_date_follows_the_chain(tmp_path: Path) -> None:
    chained = BANQUET.replace('relative_to = "talks"', 'relative_to = "business-meeting"')
    dossier = load_wire(tmp_path, chained + BUSINESS + TALKS)  # the target comes last
    banquet = dossier.get("banquet", dm.Event).date
    assert banquet is not None
    assert banquet.relative_to == "business-meeting"
    assert banquet.edtf == dossier.get("talks", dm.Event).date.edtf  # type: ignore[union-attr]


def test_relative_dates_round_trip_through_json_and_fit_the_schema(
    tmp_path: Path, schema: Any
) -> None:
    dossier = load_wire(tmp_path, TALKS + BUSINESS + BANQUET)
    data = dm.to_dict(dossier)
    schema.validate(data)
    business = data["events"][1]["date"]
    assert (business["basis"], business["relative_to"], business["order"]) == (
        "event",
        "talks",
        "before",
    )
    assert dm.from_json(dm.to_json(dossier), dm.Dossier) == dossier


def test_the_events_table_says_whose_day_and_which_order(tmp_path: Path) -> None:
    rows = dm.to_records(load_wire(tmp_path, TALKS + BUSINESS + BANQUET))["events"]
    assert [
        (row["id"], row["date_basis"], row["date_relative_to"], row["date_order"]) for row in rows
    ] == [
        ("talks", "words", None, None),
        ("business-meeting", "event", "talks", "before"),
        ("banquet", "event", "talks", "after"),
    ]


def test_words_that_say_no_order_need_the_curators_order(tmp_path: Path) -> None:
    unordered = event(
        "business-meeting",
        '{ words = "members of the Japanese business community", relative_to = "talks" }',
        "Iwaya met members",
    )
    (problem,) = wire_problems(tmp_path, TALKS + unordered)
    assert problem.path.startswith("events[1]")
    assert problem.path.endswith(".date")
    assert "order" in problem.message
    given = unordered.replace('relative_to = "talks"', 'relative_to = "talks", order = "before"')
    date = load_wire(tmp_path, TALKS + given).get("business-meeting", dm.Event).date
    assert date is not None
    assert date.order is DayOrder.BEFORE


def test_an_order_that_contradicts_the_words_is_refused(tmp_path: Path) -> None:
    wrong = BANQUET.replace('relative_to = "talks"', 'relative_to = "talks", order = "before"')
    (problem,) = wire_problems(tmp_path, TALKS + wrong)
    assert "'before' contradicts the words, which say 'after'" in problem.message


@pytest.mark.parametrize(
    ("toml", "at", "says"),
    [
        (TALKS + BANQUET.replace('"talks" }', '"dinner" }'), 1, "unknown event id 'dinner'"),
        (
            BUSINESS.replace('"talks" }', '"banquet" }')
            + BANQUET.replace('"talks" }', '"business-meeting" }'),
            0,
            "a cycle of relative dates",
        ),
        (
            event("talks", '{ words = "Later in the day", relative_to = "talks" }', "held talks"),
            0,
            "a cycle of relative dates",
        ),
    ],
    ids=["unknown", "cycle", "itself"],
)
def test_an_unknown_id_or_a_cycle_is_a_problem_at_relative_to(
    tmp_path: Path, toml: str, at: int, says: str
) -> None:
    found = wire_problems(tmp_path, toml)
    assert found, found
    problem = found[0]
    assert problem.path.startswith(f"events[{at}]")
    assert problem.path.endswith(".date.relative_to")
    assert says in problem.message


def test_a_date_relative_to_an_undated_event_is_a_problem(tmp_path: Path) -> None:
    undated = TALKS.replace('date = "on Wednesday"\n', "")
    (problem,) = wire_problems(tmp_path, undated + BUSINESS)
    assert problem.path.endswith(".date.relative_to")
    assert "'talks' has no date" in problem.message


def test_a_span_of_days_is_no_day_to_be_relative_to(tmp_path: Path) -> None:
    visit = event("visit", '"Dec. 24-26"', "a three-day visit", "visit")
    (problem,) = wire_problems(
        tmp_path, visit + BUSINESS.replace('relative_to = "talks"', 'relative_to = "visit"')
    )
    assert "is not one day" in problem.message


def test_relative_date_words_must_be_the_articles_own(tmp_path: Path) -> None:
    (problem,) = wire_problems(tmp_path, TALKS + BANQUET.replace("Later in", "Late in"))
    assert problem.path.endswith(".date.words")
    assert "'Late in the day' are not in the text" in problem.message


def test_a_relative_date_takes_no_window_of_its_own(tmp_path: Path) -> None:
    windowed = BANQUET.replace(
        'relative_to = "talks"', 'relative_to = "talks", latest = 2024-12-25'
    )
    (problem,) = wire_problems(tmp_path, TALKS + windowed)
    assert problem.path.endswith(".date.latest")
    assert "takes its window from its event" in problem.message


def test_a_json_dossier_whose_relative_date_disagrees_with_its_event_is_refused(
    tmp_path: Path,
) -> None:
    data = dm.to_dict(load_wire(tmp_path, TALKS + BUSINESS))
    data["events"][1]["date"].update(earliest="2024-12-24", latest="2024-12-24", edtf="2024-12-24")
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_dict(data, dm.Dossier)
    (problem,) = caught.value.problems
    assert problem.path.startswith("$.events[1]")
    assert problem.path.endswith(".date")
    assert "has its window '2024-12-25', not '2024-12-24'" in problem.message


def test_json_relative_dates_are_checked_for_unknown_ids_and_cycles(tmp_path: Path) -> None:
    data = dm.to_dict(load_wire(tmp_path, TALKS + BUSINESS + BANQUET))
    data["events"][2]["date"]["relative_to"] = "gala"
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_dict(data, dm.Dossier)
    assert [p.message for p in caught.value.problems] == ["unknown id 'gala' (event)"]
    data["events"][2]["date"]["relative_to"] = "business-meeting"
    data["events"][1]["date"]["relative_to"] = "banquet"
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_dict(data, dm.Dossier)
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 2
    assert all("cycle of 2 events" in message for message in messages)


def test_a_long_chain_of_relative_dates_resolves_without_recursion(tmp_path: Path) -> None:
    # A chain of 3,000 events each relative to the one before: no recursion, no rescans.
    chain = [event("e0", '"on Wednesday"', "held talks")] + [
        event(f"e{n}", f'{{ words = "Later in the day", relative_to = "e{n - 1}" }}', "held talks")
        for n in range(1, 3000)
    ]
    dossier = load_wire(tmp_path, "".join(reversed(chain)))
    assert {e.date.edtf for e in dossier.events if e.date} == {"2024-12-25"}


def test_a_statements_own_date_may_be_relative_to_an_event(tmp_path: Path) -> None:
    statement = """
[[statements]]
id = "calm"
speakers = []
mode = "assertion"
act = "claim"
quote = "Iwaya met members of the Japanese business community in Beijing"
date = { words = "Earlier in the day", relative_to = "talks" }
evidence = ["Earlier in the day"]
"""
    dossier = load_wire(tmp_path, TALKS + statement)
    date = dossier.get("calm", dm.Statement).date
    assert date is not None
    assert (date.edtf, date.order) == ("2024-12-25", DayOrder.BEFORE)
    effective = dossier.effective_date("calm")
    assert effective is not None
    assert effective.source is dm.EffectiveDateSource.OWN
    unknown = statement.replace('relative_to = "talks"', 'relative_to = "gala"')
    (problem,) = wire_problems(tmp_path, TALKS + unknown)
    assert problem.path == 'statements[0] ("calm").date.relative_to'
    assert problem.message == "unknown event id 'gala'"
