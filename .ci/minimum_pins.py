"""Print the declared minimum versions as exact pins, one per line, for `pip install`.

Covers the build backend, every runtime dependency, and the test runners from the
dev extra (pytest, hypothesis). Each must be declared as `name>=version`; anything
else is an error, so a floor cannot go missing or drift from what CI installs.

Usage: python3 .ci/minimum_pins.py [path/to/pyproject.toml]
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from typing import Any

FLOOR = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*>=\s*([0-9][0-9A-Za-z.]*)\s*$")
NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
TEST_RUNNERS = ("pytest", "hypothesis")


def pins(pyproject: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The pins, and a problem for each requirement that is not a plain `name>=version`."""
    project = pyproject.get("project", {})
    dev = project.get("optional-dependencies", {}).get("dev", [])
    runners = [r for r in dev if (m := NAME.match(r)) and m[1].lower() in TEST_RUNNERS]
    wanted = [
        ("build-system.requires", pyproject.get("build-system", {}).get("requires", [])),
        ("project.dependencies", project.get("dependencies", [])),
        ("project.optional-dependencies.dev", runners),
    ]
    found, problems = [], []
    for where, requirements in wanted:
        for requirement in requirements:
            match = FLOOR.match(requirement)
            if match is None:
                problems.append(f"{where}: {requirement!r} is not 'name>=version'")
            else:
                found.append(f"{match[1]}=={match[2]}")
    declared = {m[1].lower() for r in runners if (m := NAME.match(r))}
    missing = [name for name in TEST_RUNNERS if name not in declared]
    problems += [f"project.optional-dependencies.dev: no {name!r}" for name in missing]
    return found, problems


def main(argv: list[str]) -> int:
    path = Path(argv[1] if len(argv) > 1 else "pyproject.toml")
    found, problems = pins(tomllib.loads(path.read_text("utf-8")))
    if problems:
        print(f"{path}: no exact minimum to install:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print("\n".join(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
