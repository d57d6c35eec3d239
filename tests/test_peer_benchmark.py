"""The peer benchmark (``benchmarks/peers.py``) runs at a small size, so it cannot rot.

Nothing here is timed: the run checks that every peer is generated from the
model's current classes, reads the same documents back to the same data, and
that the script prints a ratio for every row of its table.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).parent.parent / "benchmarks" / "peers.py"
ROWS = (
    "from_json (GC off) / msgspec",
    "from_json (GC off) / pydantic",
    "from_json (GC on) / msgspec",
    "from_json (GC on) / pydantic",
    "to_json compact / msgspec",
    "to_json compact / pydantic",
    "to_json indent=2 / msgspec",
    "to_json indent=2 / pydantic",
    "graph memory / msgspec",
    "graph memory / pydantic",
)


def test_the_peer_benchmark_runs_and_prints_every_ratio() -> None:
    pytest.importorskip("msgspec")
    pytest.importorskip("pydantic")
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), "--dossiers", "4", "--rounds", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("4 seed-sized dossiers")
    for row in ROWS:
        line = next(line for line in lines if line.startswith(row))
        ratio, *target = line.removeprefix(row).split()
        assert float(ratio) > 0
        if target:  # a row with a target says whether the ratio meets it
            assert target[0] == "<="
            assert target[2] == ("yes" if float(ratio) <= float(target[1]) else "no")
