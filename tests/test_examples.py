"""Every script in examples/ runs, and says what the article says."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import diplomodel as dm

EXAMPLES = Path(__file__).parent.parent / "examples"


def run(name: str) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_example_is_tested() -> None:
    tested = {
        "who_met_whom.py",
        "who_said_what.py",
        "timeline.py",
        "pandas_tables.py",
        "json_round_trip.py",
        "what_each_source_says.py",
        "duckdb_queries.py",
    }
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_who_met_whom() -> None:
    lines = run("who_met_whom.py").splitlines()
    assert lines[0].startswith("2024-12")
    assert "Wang Yi (participant) met Takeshi Iwaya" in lines[0]
    assert any(
        "Wang Yi (host) met Hiroshi Moriyama (delegation-lead) at Wang Yi meets" in line
        for line in lines
    )
    assert any("Liu Jianchao (participant) met Makoto Nishida" in line for line in lines)


def test_who_said_what() -> None:
    out = run("who_said_what.py")
    assert "Taku Eto\n  [paraphrase, via Kyodo News] he will make a three-day visit" in out
    assert "Sankei Shimbun\n  [direct-quote, via the article] Why Are Japanese Politicians" in out
    assert "[assertion, via the article] There is strong criticism" in out


def test_timeline() -> None:
    out = run("timeline.py")
    past, planned = out.split("Planned or tentative\n")
    assert "2024-12                  Wang Yi and Takeshi Iwaya hold talks in Beijing" in past
    assert "undated                  International Department readout" in past
    assert planned.splitlines() == [
        "  2025-01-11 to 2025-01-20 ('mid-January', planned): PLA Eastern Theater Command delegation's visit to Japan",
        "  2025-01-15 to 2025-01-19 ('a three-day visit to China later this week', planned): Taku Eto's visit to China",
        "  2025-09-01 to 2025-11-30 ('this autumn', tentative): Tenth meeting of the China-Japan ruling party exchange mechanism",
    ]


def test_pandas_tables() -> None:
    pytest.importorskip("pandas", reason="pandas comes with the dev and pandas extras")
    out = run("pandas_tables.py")
    assert "xinhua           2" in out
    assert "Hiroshi Moriyama    4" in out
    assert "agreed                4" in out


def test_json_round_trip() -> None:
    out = run("json_round_trip.py")
    assert "read back equal: True" in out
    assert "people: 10, events: 12, statements: 18" in out


def test_what_each_source_says() -> None:
    out = run("what_each_source_says.py")
    assert out.startswith("Ana Ferreira and Lars Holm hold talks in Lisbon (4 sources)\n")
    assert (
        "  dated [2025-03-10..2025-03-16] ('next week') by Harbour Ledger; "
        "2025-03-12 ('on Wednesday') by North Sea Wire; "
        "2025-03 ('in March') by Atlantic Monthly Review; "
        "2025-02 ('in February') by Rumour Gazette\n"
    ) in out
    assert "  planned on 2025-03-03 by Harbour Ledger\n" in out
    assert "  Ana Ferreira as host by North Sea Wire\n" in out
    assert "(by North Sea Wire and Atlantic Monthly Review)" in out
    disagreements = out.split("Where the sources disagree (6):\n")[1].splitlines()
    assert disagreements[0] == (
        '  pt-foreign-ministry.parent: "pt-government" by North Sea Wire; '
        '"pt-presidency" by Rumour Gazette'
    )
    assert len(disagreements) == 6


def _sections(out: str) -> dict[str, list[list[str]]]:
    """The rows the example prints under each query's title, split at the bars."""
    sections: dict[str, list[list[str]]] = {}
    for block in out.strip().split("\n\n"):
        title, *rows = block.splitlines()
        sections[title.split(" (")[0]] = [row.strip().split(" | ") for row in rows]
    return sections


def test_duckdb_queries() -> None:
    pytest.importorskip("pyarrow", reason="pyarrow comes with the dev and arrow extras")
    pytest.importorskip("duckdb", reason="duckdb comes with the dev and duckdb extras")
    seed = dm.load_seed()
    sections = _sections(run("duckdb_queries.py"))
    assert list(sections) == [
        "Statements per speaker per month",
        "Who met whom",
        "Consensus items by status",
    ]
    # What the queries say is what the model says.
    spoken: Counter[tuple[str, str]] = Counter()
    for statement in seed.statements:
        day = statement.date.earliest if statement.date and statement.date.earliest else None
        month = (day or seed.article.published).strftime("%Y-%m")
        names = [seed.name_of(s) for s in statement.speakers] or [seed.article.publisher]
        spoken.update((month, name) for name in names)
    printed = sections["Statements per speaker per month"]
    assert {(m, s): int(n) for m, s, n in printed} == spoken
    people = {p.id for p in seed.people}
    met: dict[frozenset[str], set[str]] = {}
    for meeting in seed.interactions():
        pair = frozenset(seed.name_of(p.participant) for p in (meeting.first, meeting.second))
        if {meeting.first.participant, meeting.second.participant} <= people:
            met.setdefault(pair, set()).add(meeting.event.id)
    printed = sections["Who met whom"]
    assert {frozenset((a, b)): int(n) for a, b, n in printed} == {
        pair: len(events) for pair, events in met.items()
    }
    statuses = Counter(item.status.value for item in seed.consensus_items)
    printed = sections["Consensus items by status"]
    assert {status: int(n) for status, n, _ in printed} == statuses
    assert [int(n) for _, n, _ in printed] == sorted(statuses.values(), reverse=True)
