"""How the cost of each whole-dossier check, of coverage, of the index and of loading
grows with the size of the input; prints a table.

The inputs are the seed made k times bigger: its text repeated k times, its
objects copied once per repeat under suffixed ids. In every copy after the
first, each top-level institution sits inside its twin of the copy before and
each top-level event is part of its twin (with its date dropped), so parent
chains, ``part_of`` chains and the walks that place undated events on the
timeline grow with k too. For loading, the copies are written as a curation
whose quotes pick their occurrence; one quote per copy may be made absent, to
measure the closest-passage hint.

For each step the table gives the median time at k = n, 4n and 16n copies and
the growth per 4x of size: linear work grows about 4x, quadratic about 16x; a
step that grows more than 6x per 4x is marked SUPERLINEAR.

Run: python benchmarks/scaling.py [--copies N] [--rounds R] [--quick]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import gc
import json
import math
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import diplomodel as dm
from diplomodel.dossier import (
    _check_aliases,
    _check_cycles,
    _check_evidence,
    _index_ids,
    check_dossier,
)
from diplomodel.evidence import find_occurrences
from diplomodel.queries import QueryIndex
from diplomodel.walk import SECTIONS

LINEAR_LIMIT = 6.0
"""Growth per 4x of size above which a step is called superlinear."""

# Keys whose values are ids (or lists of ids) in a dossier's JSON form.
_ID_KEYS = frozenset(
    {
        "id",
        "country",
        "parent",
        "members",
        "part_of",
        "series",
        "participant",
        "institution",
        "speakers",
        "event",
        "channel",
        "parties",
        "document",
    }
)
_EVIDENCE_KEYS = {"quote", "start", "end"}
# Curation keys that differ from the model's field names (see docs/curation.md).
_CURATION_KEY = {
    ("statements", "content"): "quote",
    ("consensus_items", "content"): "quote",
    ("uncited", "evidence"): "quote",
    ("artifacts", "evidence"): "quote",
}


def _copied(value: Any, copy: int, evidence: Callable[[dict[str, Any]], Any]) -> Any:
    """A JSON value with its ids suffixed by the copy's number and its evidence redone."""
    if isinstance(value, list):
        return [_copied(item, copy, evidence) for item in value]
    if not isinstance(value, dict):
        return value
    if set(value) == _EVIDENCE_KEYS:
        return evidence(value)
    result: dict[str, Any] = {}
    for key, item in value.items():
        if key in _ID_KEYS and isinstance(item, str):
            result[key] = f"{item}-{copy}"
        elif key in _ID_KEYS and isinstance(item, list):
            result[key] = [f"{id}-{copy}" for id in item]
        else:
            result[key] = _copied(item, copy, evidence)
    return result


def _chain(section: str, item: dict[str, Any], copy: int) -> None:
    """Hang a top-level institution or event of a copy under its twin in the copy before."""
    twin = f"{item['id'].removesuffix(f'-{copy}')}-{copy - 1}"
    if section == "institutions" and item["parent"] is None:
        item["parent"] = twin
    elif section == "events" and item["part_of"] is None:
        item["part_of"] = twin
        item["date"] = None  # so that the timeline places it by walking the chain


def replicated_data(seed: dm.Dossier, copies: int) -> dict[str, Any]:
    """The JSON form of the seed made ``copies`` times bigger (see the module's notes)."""
    data = dm.to_dict(seed)
    text = seed.article.text
    stride = len(text) + 1  # the copies of the text are joined by a line break

    def shifted(copy: int) -> Callable[[dict[str, Any]], Any]:
        def evidence(span: dict[str, Any]) -> dict[str, Any]:
            offset = copy * stride
            return {**span, "start": span["start"] + offset, "end": span["end"] + offset}

        return evidence

    article = {
        **data["article"],
        "text": "\n".join([text] * copies),
        "artifacts": [
            _copied(artifact, copy, shifted(copy))
            for copy in range(copies)
            for artifact in data["article"]["artifacts"]
        ],
    }
    result: dict[str, Any] = {"article": article}
    for section in SECTIONS:
        items = []
        for copy in range(copies):
            for item in data[section]:
                copied = _copied(item, copy, shifted(copy))
                if copy:
                    _chain(section, copied, copy)
                items.append(copied)
        result[section] = items
    return result


def replicated_dossier(seed: dm.Dossier, copies: int) -> dm.Dossier:
    """The seed made ``copies`` times bigger, as a checked dossier."""
    return dm.from_dict(replicated_data(seed, copies), dm.Dossier)


def _toml(value: Any) -> str:
    """A value as an inline TOML value (JSON strings are valid TOML basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str | int):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    pairs = (f"{key} = {_toml(item)}" for key, item in value.items() if item is not None)
    return "{" + ", ".join(pairs) + "}"


def _curation_table(section: str, item: dict[str, Any]) -> Iterator[str]:
    yield f"[[{section}]]"
    for key, value in item.items():
        if value is not None:
            yield f"{_CURATION_KEY.get((section, key), key)} = {_toml(value)}"
    yield ""


def _curation_values(value: Any) -> Any:
    """Dates back to the article's words, with everything else as it is."""
    if isinstance(value, list):
        return [_curation_values(item) for item in value]
    if isinstance(value, dict):
        if "edtf" in value:
            return value["text"]
        return {key: _curation_values(item) for key, item in value.items()}
    return value


def write_replicated_curation(
    seed: dm.Dossier, copies: int, folder: Path, *, absent: bool = False
) -> Path:
    """Write the seed made ``copies`` times bigger as a curation file and its text.

    Each quote names its occurrence in the repeated text. With ``absent``, the
    first quote of every copy is changed so that the text does not hold it.
    Returns the curation file's path.
    """
    text = seed.article.text
    (folder / "scaled.txt").write_text("\n".join([text] * copies), encoding="utf-8")
    in_one_copy: dict[str, tuple[int, ...]] = {}

    def quoted(copy: int, first_in_copy: list[bool]) -> Callable[[dict[str, Any]], Any]:
        def evidence(span: dict[str, Any]) -> Any:
            quote = span["quote"]
            if absent and first_in_copy[0]:
                first_in_copy[0] = False
                return quote[:-1] + "#"  # the seed's text has no "#"
            starts = in_one_copy.setdefault(quote, find_occurrences(text, quote))
            occurrence = copy * len(starts) + starts.index(span["start"]) + 1
            return {"quote": quote, "occurrence": occurrence}

        return evidence

    data = dm.to_dict(seed)
    lines = ["[article]"]
    article = {**data["article"], "text": "scaled.txt"}
    article["published"] = seed.article.published
    artifacts = article.pop("artifacts")
    lines += [f"{key} = {_toml(value)}" for key, value in article.items() if value is not None]
    lines.append("")
    tables: dict[str, list[dict[str, Any]]] = {"article.artifacts": []}
    tables.update({section: [] for section in SECTIONS})
    for copy in range(copies):
        first = [True]
        tables["article.artifacts"] += _copied(artifacts, copy, quoted(copy, first))
        for section in SECTIONS:
            tables[section] += _copied(data[section], copy, quoted(copy, first))
    for section, items in tables.items():
        short = section.removeprefix("article.")
        for item in items:
            renamed = {_CURATION_KEY.get((short, key), key): value for key, value in item.items()}
            lines += _curation_table(section, _curation_values(renamed))
    path = folder / "scaled.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def median_seconds(work: Callable[[], object], rounds: int) -> float:
    """The median time of ``work`` over ``rounds`` runs.

    Garbage is collected before each run and the collector paused during it, so
    that its passes over the whole heap (which grows with the size) do not blur
    the growth of the work itself.
    """
    times = []
    for _ in range(rounds):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return statistics.median(times)


def _load_refused(path: Path) -> None:
    try:
        dm.load(path)
    except dm.CurationError:
        return
    raise AssertionError(f"{path} has absent quotes but loaded")


@dataclasses.dataclass(frozen=True)
class Inputs:
    """One size's inputs: the scaled dossier, its sections, and its curation files."""

    dossier: dm.Dossier
    sections: Mapping[str, Sequence[tuple[int, Any]]]
    curation: Path
    """The scaled curation, every quote present."""
    curation_with_absent_quotes: Path
    """The same with one absent quote per copy of the seed."""


STEPS: tuple[tuple[str, Callable[[Inputs], object]], ...] = (
    ("ids, references, cycles (no text)", lambda i: check_dossier(None, i.sections)),
    ("evidence vs artifacts", lambda i: _check_evidence(i.dossier.article, i.sections)),
    ("cycles: parents and part_of", lambda i: _check_cycles(i.sections, _index_ids(i.sections)[0])),
    ("aliases in the text", lambda i: _check_aliases(i.dossier.article.text, i.sections)),
    ("check_dossier, all checks", lambda i: check_dossier(i.dossier.article, i.sections)),
    ("first timeline() (builds the index)", lambda i: QueryIndex([i.dossier]).timeline),
    ("coverage()", lambda i: i.dossier.coverage()),
    ("load: curation with many quotes", lambda i: dm.load(i.curation)),
    ("load: many absent quotes (hints)", lambda i: _load_refused(i.curation_with_absent_quotes)),
)
"""Each step's name and its work on one size's inputs."""


def growth_per_4x(sizes: Sequence[int], seconds: Sequence[float]) -> float:
    """How many times the time grows when the size grows 4x, from the smallest to the largest."""
    if seconds[0] <= 0:
        return math.inf
    growth: float = (seconds[-1] / seconds[0]) ** (math.log(4) / math.log(sizes[-1] / sizes[0]))
    return growth


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=2, help="n: the smallest size, in copies")
    parser.add_argument("--rounds", type=int, default=5, help="runs per step and size")
    parser.add_argument("--quick", action="store_true", help="a tiny run: sizes 1, 2, 4, one round")
    args = parser.parse_args(argv)
    sizes = (1, 2, 4) if args.quick else (args.copies, 4 * args.copies, 16 * args.copies)
    rounds = 1 if args.quick else args.rounds

    seed = dm.load_seed()
    times: dict[str, list[float]] = {name: [] for name, _step in STEPS}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            many_dir = Path(folder, f"many-{size}")
            absent_dir = Path(folder, f"absent-{size}")
            many_dir.mkdir()
            absent_dir.mkdir()
            dossier = replicated_dossier(seed, size)
            inputs = Inputs(
                dossier=dossier,
                sections={name: tuple(enumerate(getattr(dossier, name))) for name in SECTIONS},
                curation=write_replicated_curation(seed, size, many_dir),
                curation_with_absent_quotes=write_replicated_curation(
                    seed, size, absent_dir, absent=True
                ),
            )
            for name, step in STEPS:
                times[name].append(median_seconds(functools.partial(step, inputs), rounds))

    header = " ".join(f"{f'k={size} (ms)':>12}" for size in sizes)
    print(f"{'step':<38} {header} {'per 4x':>7}  verdict")
    for name, _step in STEPS:
        growth = growth_per_4x(sizes, times[name])
        verdict = "linear" if growth < LINEAR_LIMIT else "SUPERLINEAR"
        cells = " ".join(f"{seconds * 1e3:12.2f}" for seconds in times[name])
        print(f"{name:<38} {cells} {growth:7.1f}  {verdict}")
    print(f"(median of {rounds} round(s); k is the number of copies of the seed)")


if __name__ == "__main__":
    main()
