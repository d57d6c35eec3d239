"""Speed and memory of diplomodel on the seed and on a synthetic corpus; prints figures.

Run: python benchmarks/bench.py [--copies N]. Targets (on a 2-core machine):
loading the seed under 100 ms, a JSON round trip of it under 50 ms, a query
answered from the index under 50 µs, and a corpus of 200 seed-sized dossiers
built and indexed under 10 s and in under 500 MB.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import diplomodel as dm

_T = TypeVar("_T")


def timed(label: str, work: Callable[[], Any], repeat: int) -> Any:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    unit, scale = ("ms", 1e3) if median >= 1e-3 else ("µs", 1e6)
    print(f"{label:<44} {median * scale:10.2f} {unit}  (median of {repeat})")
    return result


def timed_with_collector(work: Callable[[], _T], collect: bool) -> tuple[float, _T]:
    """Seconds ``work`` takes with the garbage collector on or off, and its result.

    The collector is on again afterwards, as a script has it by default.
    """
    if collect:
        gc.enable()
    else:
        gc.disable()
    try:
        start = time.perf_counter()
        result = work()
        return time.perf_counter() - start, result
    finally:
        gc.enable()


def renamed_texts(seed: dm.Dossier, copies: int, *, everything: bool = False) -> Iterator[str]:
    """The seed as compact JSON, ``copies`` times, each copy's article, events, statements
    and consensus items under ids of their own; with ``everything``, its people,
    institutions, countries and topics too, so that copies share nothing."""
    text = dm.to_json(seed, indent=None)
    own_ids = [e.id for e in (*seed.events, *seed.statements, *seed.consensus_items)]
    if everything:
        own_ids += [e.id for e in (*seed.people, *seed.institutions, *seed.countries)]
    topics = set(seed.topics())
    for k in range(copies):
        copy = text.replace(f'"{seed.article.id}"', f'"{seed.article.id}-{k}"')
        for id in own_ids:
            copy = copy.replace(f'"{id}"', f'"{id}-{k}"')
        if everything:  # a topic may be spelt as an enum value is: renamed where it is a topic
            data = json.loads(copy)
            for item in (*data["statements"], *data["consensus_items"]):
                item["topics"] = [f"{t}-{k}" if t in topics else t for t in item["topics"]]
            copy = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        yield copy


def renamed_copies(seed: dm.Dossier, copies: int) -> list[dm.Dossier]:
    """Copies of the seed whose events, statements and consensus items get ids of their own."""
    return [dm.from_dict(json.loads(copy), dm.Dossier) for copy in renamed_texts(seed, copies)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=200)
    args = parser.parse_args()

    seed = timed("load_seed (TOML, quotes, dates, checks)", dm.load_seed, 20)
    text = timed("to_json(seed)", lambda: dm.to_json(seed), 50)
    timed("from_json(seed)", lambda: dm.from_json(text, dm.Dossier), 50)
    timed("coverage()", seed.coverage, 50)
    timed("to_records(seed)", lambda: dm.to_records(seed), 50)
    fresh = dm.from_json(text, dm.Dossier)
    timed("first query (builds the index)", lambda: fresh.statements_by("wang-yi"), 1)
    timed("statements_by (indexed)", lambda: seed.statements_by("wang-yi"), 1000)
    timed("interactions (indexed)", seed.interactions, 1000)
    timed("timeline (indexed)", seed.timeline, 1000)
    print(f"{'seed JSON size':<44} {len(text.encode('utf-8')) / 1024:10.1f} KiB")

    start = time.perf_counter()
    dossiers = renamed_copies(seed, args.copies)
    copied = time.perf_counter() - start
    print(f"{f'{args.copies} renamed copies from JSON':<44} {copied * 1e3:10.0f} ms")
    tracemalloc.start()
    start = time.perf_counter()
    corpus = dm.Corpus(dossiers)
    corpus.statements_by("wang-yi")
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{f'corpus of {args.copies} dossiers: build + index':<44} {elapsed * 1e3:10.0f} ms")
    print(f"{'  peak traced memory':<44} {peak / 2**20:10.1f} MiB")
    print(f"{'  conflicts':<44} {len(corpus.conflicts):10d}")
    timed("  corpus.statements_by (indexed)", lambda: corpus.statements_by("wang-yi"), 1000)
    timed("  corpus.timeline (indexed)", corpus.timeline, 100)


if __name__ == "__main__":
    main()
