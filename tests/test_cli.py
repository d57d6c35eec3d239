"""The command line, on the seed: readable text, --json, exit codes, and no tracebacks."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import diplomodel as dm
from diplomodel import cli
from diplomodel.cli import main
from diplomodel.errors import shorten

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
    assert (
        "  2025-27 (this autumn: 2025-09-01..2025-11-30)  tentative  Tenth meeting of the "
        "China-Japan ruling party exchange mechanism\n" in out
    )
    assert "  2024-12                                        took-place Wang Yi and" in out


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
    assert tenth["date"]["text"] == "this autumn"


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


def test_statements_by_mode_and_act(capsys: pytest.CaptureFixture[str]) -> None:
    seed = dm.load_seed()
    _, out, _ = run(capsys, "statements", "--act", "question", "--json")
    questions = [s.id for s in seed.statements if s.act is dm.SpeechAct.QUESTION]
    assert questions  # the Sankei editorial's title asks, in quotation marks
    assert [s["id"] for s in json.loads(out)] == questions
    _, out, _ = run(capsys, "statements", "--mode", "direct-quote", "--act", "question", "--json")
    assert [s["id"] for s in json.loads(out)] == [
        s.id
        for s in seed.statements
        if s.act is dm.SpeechAct.QUESTION and s.mode is dm.StatementMode.DIRECT_QUOTE
    ]
    with pytest.raises(SystemExit) as caught:
        main(["statements", "--act", "asks"])
    assert caught.value.code == 2
    assert "invalid choice: 'asks'" in capsys.readouterr().err


def test_an_unknown_or_ambiguous_speaker_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "statements", "--by", "Xi Jinping")
    assert (code, out) == (1, "")
    assert "no person or institution is called 'Xi Jinping'" in err
    code, out, err = run(capsys, "statements", "--by", "Liu Jianchoa")
    assert (code, out) == (1, "")
    assert err == (
        "diplomodel: error: no person or institution is called 'Liu Jianchoa'; "
        "did you mean 'Liu Jianchao' or 'Liu Jiangyong' or 'Lü Chao'?\n"
    )
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
    stretches = len(dm.load_seed().coverage().uncited_stretches)
    assert (
        "valid (10 people, 12 events, 18 statements; 0 sentences unaccounted for, "
        f"{stretches} uncited stretch"
    ) in out
    code, out, _ = run(capsys, "people", str(target), "--json")
    assert len(json.loads(out)) == 10


def test_export_jsonl_needs_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "export", "--format", "jsonl", "--output", str(tmp_path / "t"))
    assert code == 0
    assert len(out.splitlines()) == len(dm.TABLES)
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
    assert (
        "people[0] (\"wang-yi\").evidence[1].context: quote 'Wong said' is not in the text" in err
    )
    assert (
        "statements[0] (\"wang-yi-constructive-relationship\").evidence[0]: quote 'Wong said' is not in the text"
        in err
    )
    assert (
        "events[0] (\"beijing-talks-2024-12-25\").participants[1].part: 'visitor' is not a valid ParticipantPart: one of"
        in err
    )
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


# -- a variant of the second article: country id "china", no consensus items -----


def small_variant(folder: Path) -> Path:
    """The second fixture with the country id ``china`` (not its ISO code) and its one
    consensus item dropped, which leaves the sentence that stated it unaccounted for."""
    shutil.copy(SECOND.with_suffix(".txt"), folder / "talks.txt")
    text = SECOND.read_text("utf-8")
    text = text.replace('id = "cn"', 'id = "china"').replace('country = "cn"', 'country = "china"')
    text = text[: text.index("[[consensus_items]]")]
    (folder / "talks.toml").write_text(text, encoding="utf-8")
    return folder / "talks.toml"


SMALL_SUMMARY = """\
Fixture Wire, Wednesday 25 December 2024 [fixture-foreign-ministers-talks]
  4 sentences, 1 unaccounted for; 0 text artifacts set aside
  - 'The two ministers agreed to resume the'… (at 269..353)
2 people, 2 institutions, 2 countries, 1 event, 2 statements, 0 consensus items

People
  Wang Yi (CN): foreign minister, Ministry of Foreign Affairs of China
  Takeshi Iwaya (JP): Minister for Foreign Affairs, Ministry of Foreign Affairs of Japan

Timeline
  2024-12-25  took-place Wang Yi and Takeshi Iwaya hold talks in Beijing

Who said most
  1  Wang Yi
  1  Takeshi Iwaya
"""


def test_the_summary_shows_iso_codes_right_plurals_and_no_empty_sections(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "summary", str(small_variant(tmp_path)))
    assert (code, err) == (0, "")
    assert out == SMALL_SUMMARY
    _, out, _ = run(capsys, "consensus", str(tmp_path / "talks.toml"))
    assert out == "no consensus items\n"


def test_validate_names_the_unaccounted_sentences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = str(small_variant(tmp_path))
    code, out, _ = run(capsys, "validate", path)
    assert code == 0
    assert out == (
        f"{path}: valid (2 people, 1 event, 2 statements; 1 sentence unaccounted for, "
        "0 uncited stretches):\n"
        "  - 'The two ministers agreed to resume the'… (at 269..353)\n"
    )
    code, out, _ = run(capsys, "validate", "--json", path)
    (report,) = json.loads(out)
    assert report["valid"] is True
    assert report["counts"] == {"people": 2, "events": 1, "statements": 2}
    assert [u["text"] for u in report["unaccounted"]] == [
        "The two ministers agreed to resume the high-level economic dialogue early next year."
    ]


def test_validate_reports_each_file_and_exits_1_if_any_is_bad(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = str(small_variant(tmp_path))
    missing = str(tmp_path / "missing.toml")
    code, out, err = run(capsys, "validate", good, missing, str(SECOND))
    assert code == 1
    assert out.splitlines()[0].startswith(f"{good}: valid")
    assert out.splitlines()[-1].startswith(f"{SECOND}: valid")
    assert err == f"diplomodel: {missing}: 1 problem in the curation\n  - curation file not found\n"
    code, out, _ = run(capsys, "validate", "--json", good, missing)
    assert code == 1
    reports = json.loads(out)
    assert [r["valid"] for r in reports] == [True, False]
    assert reports[1]["problems"] == [{"path": "", "message": "curation file not found"}]


def test_by_ignores_accents_and_help_names_abbreviations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "statements", "--by", "Lu Chao")
    assert out.count("- Lü Chao, paraphrase") == 2
    _, out, _ = run(capsys, "statements", "--by", "CPPCC", "--json")
    assert json.loads(out) == []
    with pytest.raises(SystemExit):
        main(["statements", "--help"])
    assert "id, name, alias or abbreviation" in capsys.readouterr().out


def test_an_unknown_topic_exits_1_naming_the_known_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "statements", "--topic", "seafood")
    assert (code, out) == (1, "")
    assert err.startswith(
        "diplomodel: error: unknown topic 'seafood'; did you mean 'seafood-imports'? "
        "known topics: bilateral-relations, "
    )


def test_options_are_honest_per_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "--json"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: diplomodel export ")
    assert "unrecognized arguments: --json; export writes JSON already" in err
    code, out, _ = run(capsys, "schema", "--json")
    assert code == 0
    assert json.loads(out)["title"] == "diplomodel Dossier"


def test_a_subcommand_usage_error_shows_the_subcommand_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "--format", "jsonl"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: diplomodel export ")
    assert err.endswith("diplomodel export: error: export --format jsonl needs --output FOLDER\n")
    with pytest.raises(SystemExit):
        main(["people", "--past-only"])
    assert capsys.readouterr().err.startswith("usage: diplomodel people ")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"diplomodel {dm.__version__}\n"


def test_a_failing_export_leaves_the_old_file_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.json"
    assert run(capsys, "export", "--output", str(target))[0] == 0
    before = target.read_bytes()
    # Text that cannot be written as UTF-8 fails halfway through the write.
    monkeypatch.setattr(cli, "to_json", lambda _source: '{"title": "\ud800 broken"}')
    code, out, err = run(capsys, "export", "--output", str(target))
    assert (code, out) == (1, "")
    assert f"cannot write {target}" in err
    assert "Traceback" not in err
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]

    tables = tmp_path / "tables"
    assert run(capsys, "export", "--format", "jsonl", "--output", str(tables))[0] == 0
    old_tables = {p.name: p.read_bytes() for p in tables.iterdir()}

    def disk_full(_source: object, folder: Path) -> list[Path]:
        (folder / "people.jsonl").write_text("{}\n", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli, "write_jsonl", disk_full)
    code, _, err = run(capsys, "export", "--format", "jsonl", "--output", str(tables))
    assert code == 1
    assert "No space left on device" in err
    assert {p.name: p.read_bytes() for p in tables.iterdir()} == old_tables


# -- real processes: pipes, encodings, FIFOs, standard input ----------------------

CLI = [sys.executable, "-m", "diplomodel"]


def test_a_closed_pipe_is_a_normal_end(tmp_path: Path) -> None:
    # As `diplomodel statements | head -1`: the reader goes away before the writer is done.
    process = subprocess.Popen(
        [*CLI, "statements"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert err == b""


def test_an_ascii_terminal_gets_escapes_not_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [*CLI, "people"],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    assert b"  L\\xfc Chao (CN): expert on the Korean Peninsula" in done.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    for command in (["validate", str(fifo)], ["summary", str(fifo)]):
        done = subprocess.run(
            [*CLI, *command], capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 1
        assert done.stderr == (
            f"diplomodel: {fifo}: 1 problem in the curation\n"
            "  - curation file is a FIFO (named pipe), not a regular file\n"
        )


def test_standard_input_takes_json_or_a_curation(tmp_path: Path) -> None:
    dump = dm.to_json(dm.load(SECOND))
    done = subprocess.run(
        [*CLI, "validate", "-"], input=dump, capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert (
        done.stdout == "-: valid (2 people, 1 event, 2 statements; "
        "0 sentences unaccounted for, 0 uncited stretches)\n"
    )
    # A curation from standard input names its text file relative to the current directory.
    curation = SECOND.read_text("utf-8")
    done = subprocess.run(
        [*CLI, "people", "-"],
        input=curation,
        capture_output=True,
        text=True,
        cwd=SECOND.parent,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("  Wang Yi (CN): foreign minister")
    done = subprocess.run(
        [*CLI, "people", "-"],
        input=curation,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 1
    assert "article.text: text file 'talks.txt' not found" in done.stderr


def test_the_docs_show_what_the_command_line_prints(capsys: pytest.CaptureFixture[str]) -> None:
    page = (Path(__file__).parent.parent / "docs" / "cli.md").read_text("utf-8")
    samples = [
        block
        for block in re.findall(r"^```text\n(.*?)^```", page, re.DOTALL | re.MULTILINE)
        if block.startswith("$ diplomodel ")
    ]
    assert samples
    for sample in samples:
        command, expected = sample.split("\n", 1)
        code, out, err = run(capsys, *shlex.split(command)[2:])
        assert (code, err) == (0, "")
        assert out == expected, command


def test_an_export_to_a_missing_folder_names_the_target(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "seed.json"
    code, out, err = run(capsys, "export", "--output", str(target))
    assert (code, out) == (1, "")
    assert err == (
        f"diplomodel: error: cannot write {target}: No such file or directory; "
        "nothing was changed\n"
    )
    (tmp_path / "file").write_text("old", encoding="utf-8")
    code, _, err = run(capsys, "export", "--format", "jsonl", "--output", str(tmp_path / "file"))
    assert code == 1
    assert err.startswith(f"diplomodel: error: cannot write {tmp_path / 'file'}: ")
    assert (tmp_path / "file").read_text("utf-8") == "old"


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"[" * 5000 + b"]" * 5000, "nest 5000 deep, more than 64"),
        (b'{"article": ' + b"9" * 5000 + b"}", "5000 digits"),
        (b'{"article": "\xff\xfe"}', "not UTF-8"),
    ],
)
def test_hostile_json_exits_1_with_the_problem_and_no_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, said: str
) -> None:
    path = tmp_path / "hostile.json"
    path.write_bytes(content)
    for command in ("validate", "summary"):
        code, out, err = run(capsys, command, str(path))
        assert code == 1, command
        assert said in out + err, (command, out, err)
        assert "Traceback" not in err


# -- validate: uncited stretches -------------------------------------------------


def test_validate_lists_the_uncited_stretches_of_cited_sentences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A statement whose quote drops its last words leaves them uncited in a cited sentence."""
    shutil.copy(SECOND.with_suffix(".txt"), tmp_path / "talks.txt")
    whole = "the two countries should build a constructive and stable relationship"
    curation = SECOND.read_text("utf-8").replace(
        f'quote = "{whole}"', 'quote = "the two countries should build"'
    )
    path = tmp_path / "talks.toml"
    path.write_text(curation, encoding="utf-8")
    text = SECOND.with_suffix(".txt").read_text("utf-8")
    dropped = "a constructive and stable relationship"
    start = text.index(dropped)
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    assert out == (
        f"{path}: valid (2 people, 1 event, 2 statements; 0 sentences unaccounted for, "
        "1 uncited stretch):\n"
        f"  - {shorten(dropped)} (uncited stretch at {start}..{start + len(dropped)})\n"
    )
    code, out, _ = run(capsys, "validate", "--json", str(path))
    (report,) = json.loads(out)
    assert report["uncited_stretches"] == [
        {"start": start, "end": start + len(dropped), "text": dropped}
    ]
    assert report["unaccounted"] == []


def test_validate_shows_the_seeds_uncited_stretches_shortened_with_offsets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    seed_json = tmp_path / "seed.json"
    run(capsys, "export", "--output", str(seed_json))
    stretches = dm.load_seed().coverage().uncited_stretches
    assert stretches
    code, out, _ = run(capsys, "validate", str(seed_json))
    assert code == 0
    first, *listed = out.splitlines()
    assert first.endswith(
        f"0 sentences unaccounted for, {len(stretches)} uncited stretch"
        + ("):" if len(stretches) == 1 else "es):")
    )
    assert listed == [
        f"  - {shorten(s.quote)} (uncited stretch at {s.start}..{s.end})" for s in stretches
    ]
    code, out, _ = run(capsys, "validate", "--json", str(seed_json))
    (report,) = json.loads(out)
    assert [(s["start"], s["end"], s["text"]) for s in report["uncited_stretches"]] == [
        (s.start, s.end, s.quote) for s in stretches
    ]


def test_export_writes_through_links_and_streams_and_never_replaces_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    real = tmp_path / "real.json"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run(capsys, "export", "--output", str(link))[0] == 0
    assert link.is_symlink()
    assert dm.from_json(real.read_text("utf-8"), dm.Dossier) == dm.load_seed()

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert run(capsys, "export", "--output", str(fifo))[0] == 0
    out, _ = reader.communicate(timeout=60)
    assert fifo.is_fifo()
    assert dm.from_json(out, dm.Dossier) == dm.load_seed()

    code, _, err = run(capsys, "export", "--output", str(tmp_path))
    assert code == 1
    assert "is a folder" in err


def test_a_very_long_file_name_is_not_echoed_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path.joinpath(*["d" * 100] * 30, "absent.toml")  # 3,000 characters
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert "absent.toml" in err
    assert len(err) < 600, len(err)
