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

For each step the table gives the median time at k = n, 4n and 16n copies (the
checks at four times the sizes of loading), and the growth per 4x of size from
n to 4n and from 4n to 16n: linear work grows about 4x, quadratic about 16x. The
three sizes are timed one after the other in every round and the growth is the
median of the rounds' own ratios, so a busy spell of a shared machine weighs on
both sides of a ratio alike. A
step whose time grows more than 6x from 4n to 16n (where fixed costs weigh
least) is marked SUPERLINEAR.

Run: python benchmarks/scaling.py [--copies N] [--rounds R] [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import itertools
import json
import math
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
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
        "addressees",
        "on_behalf_of",
        "reported_by",
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


def _timed(work: Callable[[], object], calls: int) -> float:
    """Seconds per call of ``calls`` calls, collected before and the collector paused:
    its passes over the whole heap would blur the growth of the work itself."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        for _ in range(calls):
            work()
        return (time.perf_counter() - start) / calls
    finally:
        gc.enable()


def _calls_for(work: Callable[[], object], least: float) -> int:
    """How many calls make a round of at least ``least`` seconds: on a busy machine a
    run much shorter than a time slice escapes the preemption longer runs suffer."""
    calls = 1
    while _timed(work, calls) * calls < least:
        calls *= 2
    return calls


def paired_times(
    works: Sequence[Callable[[], object]], rounds: int, least: float = 0.05
) -> tuple[list[float], list[list[float]]]:
    """Per size, the median seconds per call; and per round, the times of all sizes.

    The sizes are timed one after the other within each round, so that a busy
    spell of the machine weighs on all of a round's sizes alike and the growth
    ratios of one round are fair pairs.
    """
    calls = [_calls_for(work, least) for work in works]
    per_round = [
        [_timed(work, n) for work, n in zip(works, calls, strict=True)] for _ in range(rounds)
    ]
    medians = [statistics.median(column) for column in zip(*per_round, strict=True)]
    return medians, per_round


def _load_refused(path: Path) -> None:
    try:
        dm.load(path)
    except dm.CurationError:
        return
    raise AssertionError(f"{path} has absent quotes but loaded")


class Inputs:
    """One size's inputs, each made when first asked for: the scaled dossier, its
    sections, and its curation files."""

    def __init__(self, seed: dm.Dossier, copies: int, folder: Path) -> None:
        self.seed = seed
        self.copies = copies
        self.folder = folder

    @functools.cached_property
    def dossier(self) -> dm.Dossier:
        """The seed made bigger, checked."""
        return replicated_dossier(self.seed, self.copies)

    @functools.cached_property
    def sections(self) -> Mapping[str, Sequence[tuple[int, Any]]]:
        """The dossier's sections as ``check_dossier`` takes them."""
        return {name: tuple(enumerate(getattr(self.dossier, name))) for name in SECTIONS}

    @functools.cached_property
    def curation(self) -> Path:
        """The scaled curation, every quote present."""
        folder = self.folder / f"all-{self.copies}"
        folder.mkdir()
        return write_replicated_curation(self.seed, self.copies, folder)

    @functools.cached_property
    def curation_with_absent_quotes(self) -> Path:
        """The same with one absent quote per copy of the seed."""
        folder = self.folder / f"absent-{self.copies}"
        folder.mkdir()
        return write_replicated_curation(self.seed, self.copies, folder, absent=True)


# The checks run on sizes four times those of loading, so that even the
# smallest is well past what fits in the processor's caches, where the cost per
# object steps up once; their times then show the growth of the work itself.
CHECKS, LOADS = 4, 1

STEPS: tuple[tuple[str, int, Callable[[Inputs], Callable[[], object]]], ...] = (
    (
        "ids, references, cycles (no text)",
        CHECKS,
        lambda i: partial(check_dossier, None, i.sections),
    ),
    (
        "evidence vs artifacts",
        CHECKS,
        lambda i: partial(_check_evidence, i.dossier.article, i.sections),
    ),
    (
        "cycles: parents and part_of",
        CHECKS,
        lambda i: partial(_check_cycles, i.sections, _index_ids(i.sections)[0]),
    ),
    (
        "aliases in the text",
        CHECKS,
        lambda i: partial(_check_aliases, i.dossier.article.text, i.sections),
    ),
    (
        "check_dossier, all checks",
        CHECKS,
        lambda i: partial(check_dossier, i.dossier.article, i.sections),
    ),
    ("first timeline() (builds the index)", CHECKS, lambda i: partial(QueryIndex, [i.dossier])),
    ("coverage()", CHECKS, lambda i: partial(dm.Coverage.of, i.dossier)),
    ("load: curation with many quotes", LOADS, lambda i: partial(dm.load, i.curation)),
    (
        "load: many absent quotes (hints)",
        LOADS,
        lambda i: partial(_load_refused, i.curation_with_absent_quotes),
    ),
)
"""Each step's name, the factor its sizes are scaled by, and how to make its work
from one size's inputs (the inputs are made then, outside the time measured)."""


def growth_per_4x(sizes: Sequence[int], seconds: Sequence[float]) -> list[float]:
    """How many times the time grows per 4x of size, from each size to the next."""
    growths = []
    for (small, before), (big, after) in itertools.pairwise(zip(sizes, seconds, strict=True)):
        ratio = after / before if before > 0 else math.inf
        growths.append(ratio ** (math.log(4) / math.log(big / small)))
    return growths


def median_growth(sizes: Sequence[int], per_round: Sequence[Sequence[float]]) -> list[float]:
    """The median, over rounds, of each round's own growth per 4x: medians of pairs."""
    growths = [growth_per_4x(sizes, times) for times in per_round]
    return [statistics.median(column) for column in zip(*growths, strict=True)]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=2, help="n: the smallest size, in copies")
    parser.add_argument("--rounds", type=int, default=5, help="runs per step and size")
    parser.add_argument("--quick", action="store_true", help="a tiny run: sizes 1, 2, 4, one round")
    args = parser.parse_args(argv)
    base = (1, 2, 4) if args.quick else (args.copies, 4 * args.copies, 16 * args.copies)
    rounds = 1 if args.quick else args.rounds
    least = 0.0 if args.quick else 0.05

    seed = dm.load_seed()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        inputs: dict[int, Inputs] = {}
        for name, scale, make in STEPS:
            sizes = [scale * size for size in base]
            works = [
                make(inputs.setdefault(size, Inputs(seed, size, Path(folder)))) for size in sizes
            ]
            times, per_round = paired_times(works, rounds, least)
            rows.append((name, sizes, times, median_growth(sizes, per_round)))

    # Times at the three sizes, and the growth per 4x of size between them.
    labels = ("copies k", "ms at 1st", "ms at 2nd", "ms at 3rd", "1st>2nd", "2nd>3rd")
    print(f"{'step':<38} {' '.join(f'{label:>10}' for label in labels)}  verdict")
    for name, sizes, times, growths in rows:
        # The larger sizes tell the growth best: fixed costs weigh least there.
        verdict = "linear" if growths[-1] < LINEAR_LIMIT else "SUPERLINEAR"
        copies = "/".join(str(size) for size in sizes)
        cells = " ".join(f"{seconds * 1e3:10.2f}" for seconds in times)
        ratios = " ".join(f"{growth:9.1f}x" for growth in growths)
        print(f"{name:<38} {copies:>10} {cells} {ratios}  {verdict}")
    print(
        f"(per call: median of {rounds} round(s), the sizes interleaved in each round; growth: "
        "median of the rounds' own ratios; k is the number of copies of the seed)"
    )


if __name__ == "__main__":
    main()
