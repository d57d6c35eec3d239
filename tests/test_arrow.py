"""Typed tables: the declared columns every row obeys, Arrow tables with one fixed schema,
Parquet partitioned by article (read back by pyarrow and DuckDB), CSV, and the CLI export.

Tests that need pyarrow or duckdb skip without them; the declaration tests need neither.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from conftest import module_from_path

import diplomodel as dm
from diplomodel import records
from diplomodel.cli import main
from diplomodel.exports import arrow

SECOND = Path(__file__).parent / "fixtures" / "second" / "talks.toml"


@pytest.fixture(scope="module")
def seed() -> dm.Dossier:
    return dm.load_seed()


@pytest.fixture(scope="module")
def second() -> dm.Dossier:
    return dm.load(SECOND)


@pytest.fixture(scope="module")
def corpus(seed: dm.Dossier, second: dm.Dossier) -> dm.Corpus:
    return dm.Corpus([seed, second])


@pytest.fixture
def pa() -> Any:
    return pytest.importorskip("pyarrow", reason="typed tables need the arrow extra")


def empty_dossier(seed: dm.Dossier) -> dm.Dossier:
    """The seed's article and nothing curated in it: every table but articles is empty."""
    return dm.Dossier(article=seed.article)


def all_null_dossier(tiny: dm.Dossier) -> dm.Dossier:
    """The tiny dossier with every optional field that feeds a column left out."""
    return attrs.evolve(
        tiny,
        institutions=tuple(attrs.evolve(i, country=None) for i in tiny.institutions),
        people=tuple(attrs.evolve(p, country=None, aliases=()) for p in tiny.people),
        events=tuple(
            attrs.evolve(e, date=None, place=None, cameo=None, participants=()) for e in tiny.events
        ),
        statements=tuple(
            attrs.evolve(s, event=None, channel=None, date=None) for s in tiny.statements
        ),
        consensus_items=tuple(attrs.evolve(c, event=None) for c in tiny.consensus_items),
    )


# -- the declared columns (no pyarrow needed) ------------------------------------------

_FITS = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "date": lambda v: isinstance(v, str) and dt.date.fromisoformat(v).isoformat() == v,
    "strings": lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
}


def undeclared(tables: dict[str, list[dm.Record]]) -> Iterator[str]:
    """Each way the rows break :data:`records.COLUMNS`, naming the table and the column."""
    for name in tables.keys() - records.COLUMNS.keys():
        yield f"table {name!r} is not declared in diplomodel.records.COLUMNS"
    for name, rows in tables.items():
        declared = records.COLUMNS.get(name, {})
        for row in rows:
            for column in row.keys() - declared.keys():
                yield f"{name}.{column}: not declared in diplomodel.records.COLUMNS[{name!r}]"
            for column in declared.keys() - row.keys():
                yield f"{name}.{column}: declared, but the rows have no such column"
            for column, kind in declared.items():
                value = row.get(column)
                if value is not None and not _FITS[kind](value):
                    yield f"{name}.{column}: {value!r} is not a {kind}"


def test_the_declaration_covers_every_table() -> None:
    assert tuple(records.COLUMNS) == dm.TABLES
    assert set(dm.TABLES) > records.SHARED_TABLES


def test_every_row_of_the_seed_and_the_fixtures_fits_its_declared_columns(
    seed: dm.Dossier, second: dm.Dossier, corpus: dm.Corpus, tiny: dm.Dossier
) -> None:
    checked = 0
    for source in (seed, second, corpus, tiny, all_null_dossier(tiny)):
        tables = dm.to_records(source)
        assert sorted(set(undeclared(tables))) == []
        checked += sum(map(len, tables.values()))
    assert checked > 500


def test_a_column_added_without_a_declaration_is_named(seed: dm.Dossier) -> None:
    tables = dm.to_records(seed)
    tables["events"][3]["quantity"] = 5
    tables["statements"][0]["speaker_inferred"] = "no"
    del tables["roles"][0]["title"]
    assert set(undeclared(tables)) == {
        "events.quantity: not declared in diplomodel.records.COLUMNS['events']",
        "statements.speaker_inferred: 'no' is not a boolean",
        "roles.title: declared, but the rows have no such column",
    }


def test_lists_are_lists_of_strings_in_the_rows(seed: dm.Dossier) -> None:
    tables = dm.to_records(seed)
    aliases = {row["id"]: row["aliases"] for row in tables["people"]}
    assert aliases == {person.id: list(person.aliases) for person in seed.people}
    assert any(len(a) for a in aliases.values() if isinstance(a, list))


def test_column_types_needs_no_pyarrow_and_names_unknown_tables() -> None:
    assert arrow.column_types("people")["aliases"] == "list<item: string>"
    assert arrow.column_types("articles")["published"] == "date32[day]"
    assert next(iter(arrow.column_types("statement_speakers"))) == "article"
    assert "article" not in arrow.column_types("people")
    with pytest.raises(dm.NotFoundError, match="no table is called 'speeches'"):
        arrow.column_types("speeches")


def test_without_pyarrow_the_library_imports_and_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['pyarrow'] = None\n"  # as if it were not installed
        "import diplomodel as dm\n"
        "from diplomodel.exports import arrow\n"
        "for call in (lambda: arrow.to_arrow(dm.load_seed()), lambda: arrow.schema('people')):\n"
        "    try:\n"
        "        call()\n"
        "    except dm.DiplomodelError as error:\n"
        "        assert isinstance(error, arrow.MissingExtraError), error\n"
        "        print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert all("pip install 'diplomodel[arrow]'" in line for line in lines)


# -- Arrow tables ---------------------------------------------------------------------


def schemas(tables: dict[str, Any]) -> dict[str, Any]:
    return {name: table.schema for name, table in tables.items()}


def test_the_schema_is_the_same_for_an_empty_dossier_the_seed_and_all_null_columns(
    pa: Any, seed: dm.Dossier, tiny: dm.Dossier
) -> None:
    full = arrow.to_arrow(seed)
    empty = arrow.to_arrow(empty_dossier(seed))
    nulls = arrow.to_arrow(all_null_dossier(tiny))
    nothing = arrow.to_arrow(dm.Corpus([]))
    assert tuple(full) == dm.TABLES
    assert schemas(full) == schemas(empty) == schemas(nulls) == schemas(nothing)
    assert schemas(full) == {name: arrow.schema(name) for name in dm.TABLES}
    # The cases are what they claim: no rows, and columns of nothing but nulls.
    assert empty["statements"].num_rows == 0
    assert nothing["articles"].num_rows == 0
    for table, column in [("events", "earliest"), ("statements", "channel"), ("people", "country")]:
        values = nulls[table][column]
        assert len(values) > 0
        assert values.null_count == len(values), (table, column)


def test_the_schema_types_are_the_documented_ones(pa: Any, seed: dm.Dossier) -> None:
    for name, table in arrow.to_arrow(seed).items():
        assert {f.name: str(f.type) for f in table.schema} == arrow.column_types(name)
    people = arrow.to_arrow(seed)["people"]
    assert people.schema.field("aliases").type == pa.list_(pa.string())


def test_values_are_typed_and_match_the_rows(pa: Any, seed: dm.Dossier) -> None:
    tables = arrow.to_arrow(seed)
    rows = dm.to_records(seed)
    article = seed.article
    assert tables["articles"]["published"].to_pylist() == [article.published]
    events = {e.id: e for e in seed.events}
    for row in tables["events"].to_pylist():
        date = events[row["id"]].date
        assert row["earliest"] == (date.earliest if date else None)
        assert row["number"] == events[row["id"]].number
    assert tables["statements"]["speaker_inferred"].type == pa.bool_()
    # The link tables carry their article's id, so ids that repeat across a corpus join.
    speakers = tables["statement_speakers"].to_pylist()
    assert speakers == rows["statement_speakers"]
    assert {r["article"] for r in speakers} == {article.id}


def test_a_corpus_keeps_each_rows_article(pa: Any, corpus: dm.Corpus) -> None:
    tables = arrow.to_arrow(corpus)
    rows = dm.to_records(corpus)
    for name in dm.TABLES:
        assert tables[name].num_rows == len(rows[name]), name
    for dossier in corpus.dossiers:
        mine = [
            r for r in tables["statement_topics"].to_pylist() if r["article"] == dossier.article.id
        ]
        assert [(r["statement"], r["topic"]) for r in mine] == [
            (s.id, t) for s in dossier.statements for t in s.topics
        ]
    assert tables["people"].num_rows == len(corpus.people)


def test_to_arrow_refuses_what_is_not_a_dossier(pa: Any) -> None:
    with pytest.raises(TypeError, match="source must be a Dossier or a Corpus, not a str"):
        arrow.to_arrow("seed")  # type: ignore[arg-type]


# -- Parquet --------------------------------------------------------------------------


def by_article(table: Any) -> Any:
    return table.sort_by([("article", "ascending")]) if "article" in table.column_names else table


def test_parquet_reads_back_as_to_arrow_gives(pa: Any, corpus: dm.Corpus, tmp_path: Path) -> None:
    arrow.write_parquet(corpus, tmp_path / "out")
    back = arrow.read_parquet(tmp_path / "out")
    expected = arrow.to_arrow(corpus)
    assert tuple(back) == dm.TABLES
    for name in dm.TABLES:
        assert back[name].schema == expected[name].schema, name
        # Sorting is stable: within an article, rows keep their order.
        assert by_article(back[name]).equals(by_article(expected[name])), name


def test_parquet_of_an_empty_dossier_has_the_seeds_schema(
    pa: Any, seed: dm.Dossier, tmp_path: Path
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    arrow.write_parquet(seed, tmp_path / "seed")
    arrow.write_parquet(empty_dossier(seed), tmp_path / "empty")
    for name in dm.TABLES:
        (seed_file,) = (tmp_path / "seed" / name).rglob("*.parquet")
        (empty_file,) = (tmp_path / "empty" / name).rglob("*.parquet")
        assert pq.read_schema(seed_file) == pq.read_schema(empty_file), name
    back = arrow.read_parquet(tmp_path / "empty")
    assert schemas(back) == schemas(arrow.to_arrow(seed))
    assert back["statements"].num_rows == 0


def test_parquet_is_partitioned_by_article_hive_style(
    pa: Any, corpus: dm.Corpus, tmp_path: Path
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    written = arrow.write_parquet(corpus, tmp_path / "out")
    ids = [d.article.id for d in corpus.dossiers]
    expected = set()
    for name in dm.TABLES:
        if name in records.SHARED_TABLES:
            expected.add(Path(name, "part-0.parquet"))
        else:
            expected |= {Path(name, f"article={id}", "part-0.parquet") for id in ids}
    assert {p.relative_to(tmp_path / "out") for p in written} == expected
    assert {
        p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*") if p.is_file()
    } == expected
    # The article is in the folder's name, not in the file (as Spark requires).
    events = pq.read_schema(tmp_path / "out" / "events" / f"article={ids[1]}" / "part-0.parquet")
    assert "article" not in events.names
    assert events.names == arrow.schema("events").names[1:]


def test_an_export_replaces_an_earlier_one_whole(
    pa: Any, corpus: dm.Corpus, seed: dm.Dossier, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    arrow.write_parquet(corpus, out)
    arrow.write_parquet(seed, out)
    partitions = {p.name for p in (out / "statements").iterdir()}
    assert partitions == {f"article={seed.article.id}"}  # no stale article left behind
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left


def test_duckdb_reads_the_partitioned_folder(pa: Any, corpus: dm.Corpus, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb comes with the dev and duckdb extras")
    arrow.write_parquet(corpus, tmp_path / "out")
    tables = arrow.to_arrow(corpus)
    connection = duckdb.connect()
    for name in dm.TABLES:
        folder = tmp_path / "out" / name
        if name in records.SHARED_TABLES:
            source = f"read_parquet('{folder}/*.parquet')"
        else:
            source = (
                f"read_parquet('{folder}/*/*.parquet', hive_partitioning = true, "
                "hive_types = {'article': VARCHAR})"
            )
        (count,) = connection.execute(f"SELECT count(*) FROM {source}").fetchone()
        assert count == tables[name].num_rows, name
        if name not in records.SHARED_TABLES:
            counted = dict(
                connection.execute(f"SELECT article, count(*) FROM {source} GROUP BY 1").fetchall()
            )
            expected = {
                d.article.id: sum(r == d.article.id for r in tables[name]["article"].to_pylist())
                for d in corpus.dossiers
            }
            assert counted == {k: v for k, v in expected.items() if v}, name
        columns = [
            row[0] for row in connection.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
        ]
        assert sorted(columns) == sorted(arrow.schema(name).names), name


def test_read_parquet_names_every_missing_table(pa: Any, tmp_path: Path) -> None:
    (tmp_path / "people").mkdir()
    with pytest.raises(dm.NotFoundError) as error:
        arrow.read_parquet(tmp_path)
    missing = ", ".join(name for name in dm.TABLES if name != "people")
    assert str(error.value) == (
        f"{tmp_path}: no folder for the tables {missing}; "
        "is it an export of diplomodel's Parquet tables?"
    )


def test_read_parquet_names_each_file_whose_columns_are_wrong(
    pa: Any, corpus: dm.Corpus, tmp_path: Path
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    arrow.write_parquet(corpus, tmp_path)
    people = tmp_path / "people" / "part-0.parquet"
    table = pq.read_table(people)
    aliases = pa.array(["; ".join(a) for a in table["aliases"].to_pylist()])
    table = table.set_column(table.schema.get_field_index("aliases"), "aliases", aliases)
    pq.write_table(table.append_column("nickname", pa.nulls(len(table), pa.string())), people)
    article = corpus.dossiers[1].article.id
    events = tmp_path / "events" / f"article={article}" / "part-0.parquet"
    pq.write_table(pq.read_table(events).drop_columns(["number"]), events)
    with pytest.raises(dm.ValidationError) as error:
        arrow.read_parquet(tmp_path)
    assert error.value.summary == f"{tmp_path}: 2 files whose columns are not their table's"
    assert error.value.problems == (
        dm.Problem(
            "people/part-0.parquet",
            "'aliases' is string, not list<string>; an unknown column 'nickname'",
        ),
        dm.Problem(f"events/article={article}/part-0.parquet", "no column 'number'"),
    )


# -- CSV ------------------------------------------------------------------------------


def test_csv_has_every_column_even_when_empty_and_lists_as_json(
    pa: Any, seed: dm.Dossier, tmp_path: Path
) -> None:
    import csv

    arrow.write_csv(empty_dossier(seed), tmp_path / "empty")
    arrow.write_csv(seed, tmp_path / "seed")
    for name in dm.TABLES:
        with (tmp_path / "empty" / f"{name}.csv").open(encoding="utf-8") as file:
            assert next(csv.reader(file)) == list(arrow.column_types(name)), name
    with (tmp_path / "seed" / "people.csv").open(encoding="utf-8") as file:
        people = {row["id"]: row for row in csv.DictReader(file)}
    assert {id: json.loads(row["aliases"]) for id, row in people.items()} == {
        p.id: list(p.aliases) for p in seed.people
    }
    with (tmp_path / "seed" / "articles.csv").open(encoding="utf-8") as file:
        (article,) = csv.DictReader(file)
    assert article["published"] == seed.article.published.isoformat()


# -- the command line -----------------------------------------------------------------


def test_cli_exports_parquet(pa: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "tables"
    assert main(["export", "--format", "parquet", "--output", str(out), str(SECOND)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == sorted(str(p) for p in out.rglob("*.parquet"))
    assert arrow.read_parquet(out)["statements"].num_rows == len(dm.load(SECOND).statements)


def test_cli_export_parquet_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["export", "--format", "parquet"])
    assert exit.value.code == 2
    assert "export --format parquet needs --output FOLDER" in capsys.readouterr().err


def test_cli_without_pyarrow_names_the_extra_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed
    assert main(["export", "--format", "parquet", "--output", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        "diplomodel: error: typed tables need pyarrow, which is not installed: "
        "pip install 'diplomodel[arrow]'\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_a_file_and_leaves_it_alone(
    pa: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    assert main(["export", "--format", "parquet", "--output", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"cannot write {target}: is a file, not a folder; nothing was changed" in err
    assert target.read_text("utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_cli_refuses_a_folder_that_holds_other_things(
    pa: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "thesis.tex").write_text("mine", encoding="utf-8")
    assert main(["export", "--format", "parquet", "--output", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "holds 'thesis.tex', which no export writes; give a new or empty folder" in err
    assert [p.name for p in tmp_path.iterdir()] == ["thesis.tex"]


def test_a_failed_export_leaves_the_old_one_and_no_half_written_folder(
    pa: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    corpus: dm.Corpus,
    tmp_path: Path,
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "tables"
    arrow.write_parquet(corpus, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real = pq.write_table
    calls = 0

    def fail_on_the_fifth(*args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise OSError(28, "No space left on device")
        real(*args, **kwargs)

    monkeypatch.setattr(pq, "write_table", fail_on_the_fifth)
    assert main(["export", "--format", "parquet", "--output", str(out)]) == 1
    assert "No space left on device; nothing was changed" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]


def test_a_symbolic_link_to_an_export_keeps_the_link(
    pa: Any, seed: dm.Dossier, tmp_path: Path
) -> None:
    real = tmp_path / "real"
    link = tmp_path / "link"
    arrow.write_parquet(seed, real)
    link.symlink_to(real)
    arrow.write_parquet(seed, link)
    assert link.is_symlink()
    assert os.path.realpath(link) == str(real)
    assert arrow.read_parquet(link)["articles"].num_rows == 1


def test_a_pyarrow_that_does_not_import_is_named_as_such(tmp_path: Path) -> None:
    # As pyarrow 14 does under NumPy 2: installed, but its import fails.
    (tmp_path / "pyarrow").mkdir()
    (tmp_path / "pyarrow" / "__init__.py").write_text(
        "raise ImportError('numpy.core.multiarray failed to import')\n", encoding="utf-8"
    )
    code = (
        "import diplomodel as dm\n"
        "from diplomodel.exports import arrow\n"
        "try:\n"
        "    arrow.to_arrow(dm.load_seed())\n"
        "except arrow.MissingExtraError as error:\n"
        "    print(error)\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=environment
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "typed tables need pyarrow, which is installed but does not import "
        "('numpy.core.multiarray failed to import'): "
        "pip install 'diplomodel[arrow]' brings one that does\n"
    )


@pytest.mark.parametrize("ids", [("2025-01-14", "2025-01-15"), ("7", "2025")])
def test_duckdb_keeps_article_ids_that_look_like_dates_or_numbers_as_text(
    pa: Any, seed: dm.Dossier, tmp_path: Path, ids: tuple[str, str]
) -> None:
    # Left to guess, DuckDB would read these partitions as DATE or BIGINT.
    pytest.importorskip("duckdb", reason="duckdb comes with the dev and duckdb extras")
    copies = [attrs.evolve(seed, article=attrs.evolve(seed.article, id=id)) for id in ids]
    arrow.write_parquet(dm.Corpus(copies), tmp_path / "out")
    connection = example_module().open_tables(tmp_path / "out")
    found = connection.execute(
        "SELECT DISTINCT article, typeof(article) FROM statements ORDER BY 1"
    ).fetchall()
    assert found == sorted((id, "VARCHAR") for id in ids)


def example_module() -> Any:
    """The DuckDB example as a module, for the views it makes over an export."""
    path = Path(__file__).parent.parent / "examples" / "duckdb_queries.py"
    return module_from_path("duckdb_queries", path)
