"""Flat tables of the seed, ready for pandas and DuckDB, and their JSON Lines files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import diplomodel as dm


@pytest.fixture(scope="module")
def tables() -> dict[str, list[dm.Record]]:
    return dm.to_records(dm.load_seed())


def test_every_table_is_present_and_flat(tables: dict[str, list[dm.Record]]) -> None:
    assert tuple(tables) == dm.TABLES
    for name, rows in tables.items():
        assert rows, name
        for row in rows:
            for value in row.values():
                flat = isinstance(value, str | int) or (
                    isinstance(value, list) and all(isinstance(item, str) for item in value)
                )
                assert value is None or flat, (name, row)


def test_rows_match_the_article(tables: dict[str, list[dm.Record]]) -> None:
    assert len(tables["people"]) == 10
    assert len(tables["roles"]) == 12
    wang_yi_roles = [r["title"] for r in tables["roles"] if r["person"] == "wang-yi"]
    assert wang_yi_roles == ["member of the Political Bureau", "foreign minister"]
    tenth = next(e for e in tables["events"] if e["id"] == "mechanism-meeting-10")
    assert (
        tenth["status"],
        tenth["earliest"],
        tenth["latest"],
        tenth["edtf"],
        tenth["number"],
    ) == (
        "tentative",
        "2025-09-01",
        "2025-11-30",
        "2025-27",
        10,
    )
    speakers = [
        r["speaker"]
        for r in tables["statement_speakers"]
        if r["statement"] == "secretaries-general-resumption"
    ]
    assert speakers == ["hiroshi-moriyama", "makoto-nishida"]
    parties = {r["party"] for r in tables["consensus_parties"]}
    assert parties == {"cpc", "jp-ruling-coalition", "wang-yi", "takeshi-iwaya"}
    article = tables["articles"][0]
    assert (article["publisher"], article["published"]) == ("Global Times", "2025-01-14")


def test_ids_are_foreign_keys_between_tables(tables: dict[str, list[dm.Record]]) -> None:
    people = {r["id"] for r in tables["people"]}
    institutions = {r["id"] for r in tables["institutions"]}
    events = {r["id"] for r in tables["events"]}
    statements = {r["id"] for r in tables["statements"]}
    assert {r["person"] for r in tables["roles"]} <= people
    assert {r["institution"] for r in tables["roles"]} <= institutions
    assert {r["participant"] for r in tables["participations"]} <= people | institutions
    assert {r["event"] for r in tables["participations"]} <= events
    assert {r["statement"] for r in tables["statement_speakers"]} <= statements


def test_tables_load_into_pandas_and_answer_questions(tables: dict[str, list[dm.Record]]) -> None:
    pd = pytest.importorskip("pandas", reason="pandas comes with the dev and pandas extras")
    frames = {name: pd.DataFrame(rows) for name, rows in tables.items()}
    by_channel = frames["statements"].groupby("channel").size().to_dict()
    assert by_channel == {"global-times": 3, "kyodo-news": 1, "xinhua": 2}
    joined = frames["participations"].merge(frames["people"], left_on="participant", right_on="id")
    moriyama_events = set(joined[joined["name"] == "Hiroshi Moriyama"]["event"])
    assert "wang-yi-meets-delegation" in moriyama_events


def test_write_jsonl_writes_one_file_per_table(tmp_path: Path) -> None:
    paths = dm.write_jsonl(dm.load_seed(), tmp_path / "tables")
    assert [p.name for p in paths] == [f"{name}.jsonl" for name in dm.TABLES]
    lines = (tmp_path / "tables" / "people.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 10
    assert json.loads(lines[-1])["name"] == "Lü Chao"  # UTF-8 kept as is
