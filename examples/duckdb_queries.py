"""The seed's tables as Parquet partitioned by article, queried with DuckDB: statements per
speaker per month, who met whom, consensus items by status (needs diplomodel[arrow,duckdb]).

    python examples/duckdb_queries.py          # exports the seed to a temporary folder
    python examples/duckdb_queries.py FOLDER   # queries an earlier export, as written by
    diplomodel export --format parquet --output FOLDER
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import duckdb

import diplomodel as dm
from diplomodel.exports.arrow import write_parquet
from diplomodel.records import SHARED_TABLES

QUERIES = {
    # A statement counts in the month it was made, or its article's month when the
    # article gives no date; one in the article's own voice counts for the publisher.
    "Statements per speaker per month": """
        SELECT strftime(coalesce(s.earliest, a.published), '%Y-%m') AS month,
               coalesce(p.name, i.name, sp.speaker, a.publisher) AS speaker,
               count(*) AS statements
        FROM statements AS s
        JOIN articles AS a ON a.article = s.article
        LEFT JOIN statement_speakers AS sp ON sp.article = s.article AND sp.statement = s.id
        LEFT JOIN people AS p ON p.id = sp.speaker
        LEFT JOIN institutions AS i ON i.id = sp.speaker
        GROUP BY ALL
        ORDER BY month, statements DESC, speaker
    """,
    # Two people met when both took part in one event; ids repeat across articles, so
    # an event is an article's id and the event's.
    "Who met whom": """
        SELECT px.name AS first, py.name AS second,
               count(DISTINCT x.article || '/' || x.event) AS events
        FROM participations AS x
        JOIN participations AS y
          ON y.article = x.article AND y.event = x.event AND x.participant < y.participant
        JOIN people AS px ON px.id = x.participant
        JOIN people AS py ON py.id = y.participant
        GROUP BY ALL
        ORDER BY events DESC, first, second
    """,
    "Consensus items by status": """
        SELECT c.status, count(DISTINCT c.article || '/' || c.id) AS items,
               count(DISTINCT cp.party) AS parties
        FROM consensus_items AS c
        LEFT JOIN consensus_parties AS cp
          ON cp.article = c.article AND cp.consensus_item = c.id
        GROUP BY ALL
        ORDER BY items DESC, c.status
    """,
}
"""The queries, by title; each reads the views :func:`open_tables` makes."""


def open_tables(folder: Path) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with one view per table of the export in ``folder``."""
    connection = duckdb.connect()
    for name in dm.TABLES:
        where = str(folder / name).replace("'", "''")
        if name in SHARED_TABLES:  # merged across articles: one file, no partitions
            source = f"read_parquet('{where}/*.parquet')"
        else:  # article=<id>/part-0.parquet; article ids are text, even "2025"
            source = (
                f"read_parquet('{where}/*/*.parquet', hive_partitioning = true, "
                "hive_types = {'article': VARCHAR})"
            )
        connection.execute(f"CREATE VIEW {name} AS SELECT * FROM {source}")
    return connection


def show(connection: duckdb.DuckDBPyConnection) -> None:
    """Run every query and print its rows, one a line, columns between bars."""
    for title, query in QUERIES.items():
        result = connection.execute(query)
        columns = [column[0] for column in result.description]
        print(f"{title} ({' | '.join(columns)})")
        for row in result.fetchall():
            print("  " + " | ".join(str(value) for value in row))
        print()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        show(open_tables(Path(sys.argv[1])))
    else:
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary) / "tables"
            write_parquet(dm.load_seed(), folder)
            show(open_tables(folder))
