"""Typed tables at scale: to_arrow, write_parquet (partitioned by article) and DuckDB
queries over a corpus of seed-sized dossiers; prints figures.

Run: python benchmarks/tables.py [--dossiers N] (default 10,000; needs diplomodel[arrow,duckdb]).
Each dossier is the seed under an article id of its own, so every article gets its own
partition in every table.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import diplomodel as dm
from diplomodel.exports.arrow import to_arrow, write_parquet

EXAMPLE = Path(__file__).parent.parent / "examples" / "duckdb_queries.py"


def timed(label: str, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = work()
    print(f"{label:<52} {time.perf_counter() - start:9.2f} s")
    return result


def reidentified(seed: dm.Dossier, count: int) -> list[dm.Dossier]:
    """``count`` copies of the seed, each with an article id of its own."""
    return [
        attrs.evolve(seed, article=attrs.evolve(seed.article, id=f"{seed.article.id}-{k}"))
        for k in range(count)
    ]


def example() -> Any:
    """The DuckDB example as a module: its queries are the ones measured."""
    spec = importlib.util.spec_from_file_location("duckdb_queries", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dossiers", type=int, default=10_000, metavar="N")
    args = parser.parse_args()
    queries = example()

    seed = dm.load_seed()
    dossiers = timed(
        f"{args.dossiers:,} re-id'd copies of the seed", lambda: reidentified(seed, args.dossiers)
    )
    corpus = timed("Corpus(...)", lambda: dm.Corpus(dossiers))
    tables = timed("to_arrow(corpus)", lambda: to_arrow(corpus))
    rows = sum(table.num_rows for table in tables.values())
    evidence = tables["evidence"].num_rows
    print(f"{'':<4}{rows:,} rows in {len(tables)} tables, {evidence:,} of them evidence")
    del tables

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "tables"
        files = timed(
            "write_parquet(corpus) (partitioned by article)", lambda: write_parquet(corpus, folder)
        )
        size = sum(path.stat().st_size for path in files)
        print(f"{'':<4}{len(files):,} files, {size / 2**20:,.1f} MiB")
        connection = timed("DuckDB: a view per table", lambda: queries.open_tables(folder))
        for title, query in queries.QUERIES.items():
            result = timed(
                f"DuckDB: {title.lower()}", lambda q=query: connection.execute(q).fetchall()
            )
            print(f"{'':<4}{len(result):,} rows")
        (count,) = timed(
            "DuckDB: count(*) of evidence",
            lambda: connection.execute("SELECT count(*) FROM evidence").fetchone(),
        )
        print(f"{'':<4}{count:,} rows")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10
    print(f"{'peak resident memory':<52} {peak:9.0f} MiB")


if __name__ == "__main__":
    main()
