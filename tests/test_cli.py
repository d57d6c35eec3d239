"""The command line, on the seed: readable text, --json, exit codes, and no tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from diplomodel.cli import main

SECOND = Path(__file__).parent / "fixtures" / "second" / "talks.toml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_summary_shows_the_seed_at_a_glance(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summary")
    assert code == 0
    assert "Global Times, Tuesday 14 January 2025" in out
    assert (
        "10 people, 27 institutions, 3 countries, 12 events, 18 statements, 8 consensus items"
        in out
    )
    assert "0 unaccounted for" in out
    assert (
        "Lü Chao (CN): expert on the Korean Peninsula, Liaoning Academy of Social Sciences" in out
    )
    assert "2025-27                    tentative  Tenth meeting" in out


def test_summary_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summary", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["counts"]["statements"] == 18
    assert data["articles"][0]["published"] == "2025-01-14"
    assert "text" not in data["articles"][0]


def test_people(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "people")
    assert (
        "Wang Yi (CN): member of the Political Bureau, Political Bureau of the CPC Central Committee; foreign minister"
        in out
    )
    _, out, _ = run(capsys, "people", "--json")
    assert [p["id"] for p in json.loads(out)][:2] == ["wang-huning", "wang-yi"]


def test_timeline_marks_and_can_drop_planned_events(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "timeline")
    lines = out.splitlines()
    assert lines[0].startswith("  2024-12")
    assert any("planned    Taku Eto's visit to China" in line for line in lines)
    _, out, _ = run(capsys, "timeline", "--past-only")
    assert "Taku Eto's visit" not in out
    _, out, _ = run(capsys, "timeline", "--json")
    entries = json.loads(out)
    tenth = next(e for e in entries if e["event"] == "mechanism-meeting-10")
    assert tenth["planned"] is True
    assert tenth["date"]["edtf"] == "2025-27"


def test_statements_by_name_or_alias_and_by_topic(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "statements", "--by", "Lü")
    assert out.count("- Lü Chao, paraphrase") == 2
    assert "(via Global Times)" in out
    _, out, _ = run(capsys, "statements", "--topic", "us-japan-alliance", "--json")
    assert [s["id"] for s in json.loads(out)] == [
        "sankei-editorial-title",
        "sankei-editorial-priorities",
    ]
    _, out, _ = run(capsys, "statements", "--by", "moriyama", "--topic", "seafood-imports")
    assert out.strip() == "no statements match"


def test_an_unknown_or_ambiguous_speaker_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "statements", "--by", "Xi Jinping")
    assert (code, out) == (1, "")
    assert "no person or institution is called 'Xi Jinping'" in err
    code, _, err = run(capsys, "statements", "--by", "Liu Jiangyong")
    assert code == 0


def test_consensus(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "consensus")
    assert "- [tentatively-agreed] Communist Party of China and Japan's ruling coalition:" in out
    assert "- [agreed] Wang Yi and Takeshi Iwaya:" in out


def test_export_json_round_trips(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "seed.json"
    code, _, _ = run(capsys, "export", "--output", str(target))
    assert code == 0
    code, out, _ = run(capsys, "validate", str(target))
    assert code == 0
    assert "valid (10 people, 12 events, 18 statements; 0 sentences unaccounted for)" in out
    code, out, _ = run(capsys, "people", str(target), "--json")
    assert len(json.loads(out)) == 10


def test_export_jsonl_needs_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "export", "--format", "jsonl", "--output", str(tmp_path / "t"))
    assert code == 0
    assert len(out.splitlines()) == 14
    with pytest.raises(SystemExit) as caught:
        main(["export", "--format", "jsonl"])
    assert caught.value.code == 2
    assert "needs --output" in capsys.readouterr().err


def test_several_sources_make_a_corpus(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seed_json = tmp_path / "seed.json"
    run(capsys, "export", "--output", str(seed_json))
    _, out, _ = run(capsys, "statements", str(seed_json), str(SECOND), "--by", "wang-yi")
    assert out.count("- Wang Yi, paraphrase") == 3


def test_validate_lists_every_problem_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(SECOND.with_suffix(".txt"), tmp_path / "talks.txt")
    broken = (
        SECOND.read_text("utf-8")
        .replace('"Wang said"', '"Wong said"')
        .replace('part = "guest"', 'part = "visitor"')
    )
    (tmp_path / "talks.toml").write_text(broken, encoding="utf-8")
    code, out, err = run(capsys, "validate", str(tmp_path / "talks.toml"))
    assert (code, out) == (1, "")
    # "Wang said" stands twice in the curation: as a statement's evidence and a quote's context.
    assert "3 problems" in err
    assert "people[0].evidence[1].context: quote 'Wong said' is not in the text" in err
    assert "statements[0].evidence[0]: quote 'Wong said' is not in the text" in err
    assert "events[0].participants[1].part: 'visitor' is not one of" in err
    assert "Traceback" not in err


def test_bad_json_and_missing_files_exit_1_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"article": {}}', encoding="utf-8")
    code, _, err = run(capsys, "validate", str(bad))
    assert code == 1
    assert "$.article.id: required key missing" in err
    code, _, err = run(capsys, "summary", str(tmp_path / "missing.toml"))
    assert code == 1
    assert "curation file not found" in err


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "schema")
    assert json.loads(out)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in ([], ["dance"], ["export", "--format", "xml"]):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2
    capsys.readouterr()


@pytest.mark.parametrize(
    "command",
    [
        [str(Path(sys.executable).parent / "diplomodel")],
        [sys.executable, "-m", "diplomodel"],
    ],
)
def test_the_installed_script_and_python_m_run(command: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [*command, "summary"], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Global Times" in done.stdout
    failed = subprocess.run(
        [*command, "validate", "nowhere.toml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
