"""Every script in examples/ runs, and says what the article says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
