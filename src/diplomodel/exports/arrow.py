"""Typed tables: a dossier or corpus as Arrow tables, as Parquet partitioned by article,
and as CSV (needs the ``arrow`` extra: ``pip install 'diplomodel[arrow]'``).

Each table has one fixed schema, read off :data:`diplomodel.records.COLUMNS`: ids,
text and enum values are ``string``, integers ``int64``, flags ``bool``, dates
``date32`` and lists ``list<string>``. It is the same whether the table has many rows,
none, or only nulls in a column, so files from different exports always line up.

Every table but the ones a corpus merges (:data:`diplomodel.records.SHARED_TABLES`:
countries, institutions, people) starts with an ``article`` column, the id of the
article its row comes from; link tables that lack one in :func:`~diplomodel.to_records`
get it here, since ids repeat across the articles of a corpus.

The Parquet layout is Hive-style, which DuckDB, Spark, Dask and pyarrow read as it is::

    FOLDER/<table>/article=<article id>/part-0.parquet   (one per article, rows or not)
    FOLDER/countries/part-0.parquet                       (and institutions, people)

The ``article`` column lives in the folder name, not in the files.
"""

from __future__ import annotations

import errno
import functools
import importlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from diplomodel.corpus import Corpus
from diplomodel.dossier import Dossier
from diplomodel.errors import (
    DiplomodelError,
    NotFoundError,
    Problem,
    ValidationError,
    shorten,
    shorten_path,
)
from diplomodel.records import (
    COLUMNS,
    SHARED_TABLES,
    TABLES,
    ColumnType,
    Record,
    to_records,
)

__all__ = [
    "ARROW_TYPES",
    "MissingExtraError",
    "column_types",
    "read_parquet",
    "schema",
    "to_arrow",
    "write_csv",
    "write_parquet",
]

Source = Dossier | Corpus

ARROW_TYPES: dict[ColumnType, str] = {
    "string": "string",
    "integer": "int64",
    "number": "double",
    "boolean": "bool",
    "date": "date32[day]",
    "strings": "list<item: string>",
}
"""The Arrow type of each kind of column, as Arrow spells it."""

PARTITION = "article"
"""The column the Parquet tables are partitioned by."""

PART = "part-0.parquet"
"""The name of the one file in each partition (and of a shared table's file)."""


class MissingExtraError(DiplomodelError, ImportError):
    """An optional dependency that is not installed; the message names the extra to install."""


def _pyarrow() -> Any:
    """The ``pyarrow`` module, or an error that says how to install it."""
    try:
        return importlib.import_module("pyarrow")
    except ModuleNotFoundError as error:
        if error.name != "pyarrow":
            raise _broken(error) from None
        raise MissingExtraError(
            "typed tables need pyarrow, which is not installed: pip install 'diplomodel[arrow]'"
        ) from None
    except ImportError as error:  # installed, but built for another NumPy, say
        raise _broken(error) from None


def _broken(error: ImportError) -> MissingExtraError:
    return MissingExtraError(
        f"typed tables need pyarrow, which is installed but does not import "
        f"({shorten(str(error), 120)}): pip install 'diplomodel[arrow]' brings one that does"
    )


def column_types(table: str) -> dict[str, str]:
    """The columns of ``table`` in order, each with its Arrow type (``"date32[day]"``).

    Needs no pyarrow; :func:`schema` is the same as a ``pyarrow.Schema``.
    """
    if table not in COLUMNS:
        raise NotFoundError(
            f"no table is called {shorten(table)}; the tables are {', '.join(TABLES)}", table
        )
    return {name: ARROW_TYPES[kind] for name, kind in _kinds(table).items()}


def _arrow_type(pa: Any, kind: ColumnType) -> Any:
    return {
        "string": pa.string,
        "integer": pa.int64,
        "number": pa.float64,
        "boolean": pa.bool_,
        "date": pa.date32,
        "strings": lambda: pa.list_(pa.string()),
    }[kind]()


def _kinds(table: str) -> dict[str, ColumnType]:
    declared = COLUMNS[table]
    if table in SHARED_TABLES or PARTITION in declared:
        return declared
    return {PARTITION: "string", **declared}


def schema(table: str) -> Any:
    """The fixed ``pyarrow.Schema`` of ``table`` (see :func:`column_types`)."""
    column_types(table)  # an unknown table is a NotFoundError
    return _schema(table)


@functools.cache
def _schema(table: str) -> Any:
    pa = _pyarrow()
    return pa.schema([(name, _arrow_type(pa, kind)) for name, kind in _kinds(table).items()])


def _table(pa: Any, name: str, rows: list[Record]) -> Any:
    """One table of rows, with its declared schema whatever the rows hold."""
    full = _schema(name)
    arrays = []
    for field in full:
        values = [row[field.name] for row in rows]
        if field.type == pa.date32():  # ISO strings in the rows: Arrow parses them at once
            arrays.append(pa.array(values, type=pa.string()).cast(field.type))
        else:
            arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=full)


def _dossiers(source: object, parameter: str) -> tuple[Dossier, ...]:
    if isinstance(source, Corpus):
        return source.dossiers
    if isinstance(source, Dossier):
        return (source,)
    raise TypeError(f"{parameter} must be a Dossier or a Corpus, not a {type(source).__name__}")


def to_arrow(source: Dossier | Corpus) -> dict[str, Any]:
    """Every table of a dossier or corpus as a ``pyarrow.Table``, by name, in the order of
    :data:`diplomodel.TABLES`, each with its fixed :func:`schema`.

    The rows are those of :func:`diplomodel.to_records`, typed: a corpus's shared
    tables hold its merged things, and every other row names its article.
    """
    pa = _pyarrow()
    _dossiers(source, "source")
    rows = to_records(source)
    return {name: _table(pa, name, rows[name]) for name in TABLES}


# -- files ---------------------------------------------------------------------


def _replace_folder(
    folder: str | Path, owned: Callable[[str], bool], write: Callable[[Path], list[Path]]
) -> list[Path]:
    """Write a whole folder beside ``folder``, then put it in its place: a failed write
    leaves the old folder as it was, and no reader sees a half-written one.

    An existing folder is replaced only if it is empty or holds only what ``owned``
    names (an earlier export's own files); a file, or a folder with anything else in
    it, is refused and left alone.
    """
    given = Path(folder)
    target = Path(os.path.realpath(given))
    if target.exists():
        if not target.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", shorten_path(given))
        strangers = sorted(entry.name for entry in target.iterdir() if not owned(entry.name))
        if strangers:
            raise FileExistsError(
                errno.EEXIST,
                f"holds {shorten(strangers[0])}, which no export writes; "
                "give a new or empty folder",
                shorten_path(given),
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    old = temporary.with_suffix(".old")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o777 & ~umask)  # as mkdir would make it, not mkdtemp's 0o700
        written = write(temporary)
        if target.exists():
            os.rename(target, old)
            try:
                os.rename(temporary, target)
            except BaseException:
                os.rename(old, target)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return [given / path.relative_to(temporary) for path in written]


def write_parquet(source: Dossier | Corpus, folder: str | Path) -> list[Path]:
    """Write every table as Parquet into ``folder``, partitioned by article; return the
    files written.

    Each table is a folder of Hive-style partitions, ``<table>/article=<id>/part-0.parquet``
    (one for every article, rows or not), but for the shared tables, one file each:
    ``people/part-0.parquet``. ``folder`` is written whole
    and then put in place: an existing folder is replaced only if it is empty or
    holds an earlier export's tables, and never left half-written. A file at
    ``folder`` raises :class:`NotADirectoryError` and a folder that holds anything
    else :class:`FileExistsError`, both before anything is written. (A corpus never
    holds an article twice: it refuses one when it is built.)
    """
    pa = _pyarrow()
    pq = importlib.import_module("pyarrow.parquet")
    dossiers = _dossiers(source, "source")

    def write(root: Path) -> list[Path]:
        written = []
        tables = to_records(source)
        for name in TABLES:
            rows = tables[name]
            if name in SHARED_TABLES:
                part = root / name / PART
                part.parent.mkdir(parents=True)
                pq.write_table(_table(pa, name, rows), part)
                written.append(part)
                continue
            by_article: dict[str, list[Record]] = {d.article.id: [] for d in dossiers}
            for row in rows:
                by_article[str(row[PARTITION])].append(row)
            for article, article_rows in by_article.items():
                part = root / name / f"{PARTITION}={article}" / PART
                part.parent.mkdir(parents=True)
                pq.write_table(_table(pa, name, article_rows).drop_columns([PARTITION]), part)
                written.append(part)
        for name in TABLES:  # a corpus of no dossiers still has every table's folder
            (root / name).mkdir(exist_ok=True)
        return sorted(written)

    return _replace_folder(folder, lambda name: name in COLUMNS, write)


def read_parquet(folder: str | Path) -> dict[str, Any]:
    """The tables :func:`write_parquet` wrote into ``folder``, as :func:`to_arrow` gives
    them: same schemas, the ``article`` column read back from the folder names.

    Missing tables raise :class:`~diplomodel.errors.NotFoundError` naming them all; files
    whose columns are not their table's raise :class:`~diplomodel.ValidationError`, with
    a problem for each such file, at its path inside ``folder``.
    """
    pa = _pyarrow()
    dataset = importlib.import_module("pyarrow.dataset")
    root = Path(folder)
    missing = [name for name in TABLES if not (root / name).is_dir()]
    if missing:
        raise NotFoundError(
            f"{shorten_path(root)}: no folder for the tables {', '.join(missing)}; "
            "is it an export of diplomodel's Parquet tables?"
        )
    hive = dataset.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")
    tables: dict[str, Any] = {}
    problems = []
    for name in TABLES:
        full = _schema(name)
        shared = name in SHARED_TABLES
        found = dataset.dataset(
            root / name, schema=full, format="parquet", partitioning=None if shared else hive
        )
        in_files = full if shared else full.remove(full.get_field_index(PARTITION))
        for fragment in found.get_fragments():
            differences = _columns_differ(fragment.physical_schema, in_files)
            if differences:
                where = Path(os.path.relpath(fragment.path, root)).as_posix()
                problems.append(Problem(where, "; ".join(differences)))
        if not problems:
            tables[name] = found.to_table().select(full.names)
    if problems:
        count = f"{len(problems)} file{'s' if len(problems) > 1 else ''}"
        raise ValidationError(
            f"{shorten_path(root)}: {count} whose columns are not their table's", problems
        )
    return tables


def _columns_differ(found: Any, wanted: Any) -> list[str]:
    """How a file's columns differ from its table's, in words; none if they are the same.

    A list's item may be called ``item`` or ``element`` (Parquet's own name for it).
    """
    types = {field.name: _type_name(field.type) for field in found}
    words = []
    for field in wanted:
        if field.name not in types:
            words.append(f"no column {field.name!r}")
        elif (given := types.pop(field.name)) != _type_name(field.type):
            words.append(f"{field.name!r} is {given}, not {_type_name(field.type)}")
    words += [f"an unknown column {shorten(extra)}" for extra in types]
    return words


def _type_name(type: Any) -> str:
    value = getattr(type, "value_type", None)  # a list's: its items'
    return f"list<{value}>" if value is not None else str(type)


def _csv_column(pa: Any, column: Any, kind: ColumnType) -> Any:
    """A list column as JSON arrays of strings, which CSV can hold; others as they are."""
    if kind != "strings":
        return column
    texts = [None if v is None else json.dumps(v, ensure_ascii=False) for v in column.to_pylist()]
    return pa.array(texts, type=pa.string())


def write_csv(source: Dossier | Corpus, folder: str | Path) -> list[Path]:
    """Write every table as ``<folder>/<table>.csv``, with a header row even when empty;
    return the files written.

    Columns and their order are the :func:`schema`'s; dates are ISO dates, booleans
    ``true``/``false``, nulls empty, and lists JSON arrays (``["Wang"]``). The folder is
    written whole and put in place, as :func:`write_parquet` does.
    """
    pa = _pyarrow()
    csv = importlib.import_module("pyarrow.csv")
    tables = to_arrow(source)

    def write(root: Path) -> list[Path]:
        written = []
        for name, table in tables.items():
            kinds = _kinds(name)
            columns = [_csv_column(pa, table[c], kinds[c]) for c in table.column_names]
            path = root / f"{name}.csv"
            csv.write_csv(pa.Table.from_arrays(columns, names=table.column_names), path)
            written.append(path)
        return written

    return _replace_folder(
        folder, lambda name: name.endswith(".csv") and name[:-4] in COLUMNS, write
    )
