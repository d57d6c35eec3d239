"""How long importing diplomodel takes against ``import attrs, cattrs``, its floor.

``import diplomodel`` alone loads none of its modules: each name is imported
when first used. So the table also gives what a script pays before its first
real step: the model and the JSON reader (``from diplomodel import Dossier,
from_json``) and the curation loader (``from diplomodel import load``).

Each round starts one fresh interpreter per statement, in turns, and sums what
``-X importtime`` reports for the modules the statement imports (interpreter
start-up left out). Ratios are medians over rounds of each round's own ratio,
so a busy spell of a shared machine weighs on both sides alike. Every module
is imported from its compiled bytecode, as from an installed package: the
interpreters write it to a temporary cache first (``PYTHONPYCACHEPREFIX``),
even where ``PYTHONDONTWRITEBYTECODE`` is set, so that no side pays for
compiling its source.

Run: python benchmarks/import_time.py [--rounds R]
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

FLOOR = "import attrs, cattrs"
STATEMENTS = (
    FLOOR,
    "import diplomodel",
    "from diplomodel import Dossier, from_json",
    "from diplomodel import load",
)


_BYTECODE = tempfile.mkdtemp(prefix="diplomodel-import-time-")
atexit.register(shutil.rmtree, _BYTECODE, ignore_errors=True)
_ENVIRONMENT = {
    **{key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": _BYTECODE,
}


def _importtime(statement: str) -> list[tuple[str, int]]:
    """(module, cumulative microseconds) of each module imported at the top level."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
        env=_ENVIRONMENT,
    )
    found = []
    for line in done.stderr.splitlines():
        # "import time: self [us] | cumulative | imported package", nesting shown by indent
        if not line.startswith("import time:") or line.count("|") != 2:
            continue
        _self, cumulative, name = line.removeprefix("import time:").split("|")
        if cumulative.strip().isdigit() and not name.startswith("  "):
            found.append((name.strip(), int(cumulative)))
    return found


def import_microseconds(statement: str, at_start: frozenset[str]) -> int:
    """Microseconds that the imports of ``statement`` take in a fresh interpreter."""
    return sum(time for name, time in _importtime(statement) if name not in at_start)


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="rounds (default 15)")
    args = parser.parse_args(argv)
    for statement in STATEMENTS:  # writes the bytecode that the rounds read
        _importtime(statement)
    at_start = frozenset(name for name, _time in _importtime("pass"))
    times: dict[str, list[int]] = {statement: [] for statement in STATEMENTS}
    ratios: dict[str, list[float]] = {statement: [] for statement in STATEMENTS[1:]}
    for _round in range(args.rounds):
        for statement in STATEMENTS:
            times[statement].append(import_microseconds(statement, at_start))
        for statement in STATEMENTS[1:]:
            ratios[statement].append(times[statement][-1] / times[FLOOR][-1])
    result = {}
    print(f"{'statement':<44}{'ms':>8}{'/ floor':>9}")
    for statement in STATEMENTS:
        milliseconds = statistics.median(times[statement]) / 1000
        ratio = statistics.median(ratios[statement]) if statement != FLOOR else 1.0
        result[statement] = ratio
        print(f"{statement:<44}{milliseconds:8.1f}{ratio:9.2f}")
    return result


if __name__ == "__main__":
    main()
