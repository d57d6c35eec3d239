"""Building a corpus and querying it at growing sizes; prints a table.

Each corpus is the first N of the same copies of the seed, every copy under ids
and topics of its own (``bench.renamed_texts`` with ``everything``), so a query
about the first copy's things has the same answers at every size: if its time
per call grows with N, the query scans.

Building is ``Corpus(dossiers)`` with its merged world, its query index and its
lookups of ids and kinds (all built lazily, forced here). In every round it is timed with the
garbage collector off and then on, so a busy spell of a shared machine weighs on
both; the table gives the medians, per dossier, and the median of the rounds'
own ratios on / off. Each query is then timed on the corpus just built: its
first call (which builds what that query keeps, such as the evidence spans of
``mentions``) and its repeated calls (per call, over a batch).

``--mentions`` builds the evidence spans that ``mentions`` answers from with the
rest, to time the collector's cost on the biggest part of the index too.

Run: python benchmarks/corpus_scale.py [--sizes 1000,4000] [--rounds R] [--mentions]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from bench import (  # this folder is on the path of a script run from it
    renamed_texts,
    timed_with_collector,
)

import diplomodel as dm

REPEATED_CALLS = 200
LABEL = 64  # width of the first column


def queries(seed: dm.Dossier) -> dict[str, Callable[[dm.Corpus], Any]]:
    """The queries timed, each about the first copy's things (ids and topics end in ``-0``)."""
    speaker = max(seed.people, key=lambda p: len(seed.statements_by(p))).id + "-0"
    topic = seed.statements[0].topics[0] + "-0"
    channel = next(s.channel for s in seed.statements if s.channel is not None) + "-0"
    event = next(s.event for s in seed.statements if s.event is not None) + "-0"
    party = seed.consensus_items[0].parties[0] + "-0"
    print(f"queries about person {speaker!r}, topic {topic!r}, channel {channel!r},")
    print(f"  event {event!r} and party {party!r}")
    return {
        "interactions(person)": lambda c: c.interactions(speaker),
        "interactions(person, took_place, across_sides)": lambda c: c.interactions(
            speaker, took_place=True, across_sides=True
        ),
        "statements_where(topic=)": lambda c: c.statements_where(topic=topic),
        "statements_where(channel=)": lambda c: c.statements_where(channel=channel),
        "statements_where(event=)": lambda c: c.statements_where(event=event),
        "statements_where(event=, mode='paraphrase')": lambda c: c.statements_where(
            event=event, mode="paraphrase"
        ),
        "statements_by(person)": lambda c: c.statements_by(speaker),
        "named(person)": lambda c: c.named(speaker),
        "mentions(person)": lambda c: c.mentions(speaker),
        "consensus_where(party=)": lambda c: c.consensus_where(party=party),
        "consensus_where(topic=)": lambda c: c.consensus_where(topic=topic),
        "corpus.people": lambda c: c.people,
        "corpus.institutions": lambda c: c.institutions,
        "corpus.events": lambda c: c.events,
        "corpus.conflicts": lambda c: c.conflicts,
        "timeline()": lambda c: c.timeline(),
        "timeline(include_planned=False)": lambda c: c.timeline(include_planned=False),
    }


def build(dossiers: Sequence[dm.Dossier], mentions: bool) -> dm.Corpus:
    """A corpus with its merged world, query index and lookups built; with ``mentions``,
    the evidence spans of every thing too."""
    corpus = dm.Corpus(dossiers)
    _ = corpus.events, corpus.people, "" in corpus
    if mentions:
        corpus.mentions(corpus.people[0])
    return corpus


def timed_build(
    dossiers: Sequence[dm.Dossier], collect: bool, mentions: bool
) -> tuple[float, dm.Corpus]:
    gc.collect()  # the last round's corpus is garbage: not this round's cost
    return timed_with_collector(lambda: build(dossiers, mentions), collect)


def per_call(query: Callable[[dm.Corpus], Any], corpus: dm.Corpus) -> tuple[float, float]:
    """Seconds of the first call and per repeated call."""
    start = time.perf_counter()
    query(corpus)
    first = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(REPEATED_CALLS):
        query(corpus)
    return first, (time.perf_counter() - start) / REPEATED_CALLS


def measure(
    dossiers: Sequence[dm.Dossier],
    asks: dict[str, Callable[[dm.Corpus], Any]],
    rounds: int,
    mentions: bool,
) -> dict[str, float]:
    """The figures of one size: medians over rounds."""
    samples: dict[str, list[float]] = {}

    def note(key: str, value: float) -> None:
        samples.setdefault(key, []).append(value)

    for _round in range(rounds):
        off, corpus = timed_build(dossiers, collect=False, mentions=mentions)
        del corpus
        on, corpus = timed_build(dossiers, collect=True, mentions=mentions)
        note("build, GC off (ms per dossier)", off * 1e3 / len(dossiers))
        note("build, GC on (ms per dossier)", on * 1e3 / len(dossiers))
        note("build, GC on / off", on / off)
        for label, query in asks.items():
            first, repeated = per_call(query, corpus)
            note(f"{label} first (µs)", first * 1e6)
            note(f"{label} repeated (µs)", repeated * 1e6)
        for label, query in asks.items():
            note(f"{label} answers", len(query(corpus)))
        del corpus
    return {key: statistics.median(values) for key, values in samples.items()}


def main(argv: list[str] | None = None) -> dict[int, dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000", help="corpus sizes (default 1000,4000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds (default 5)")
    parser.add_argument(
        "--mentions",
        action="store_true",
        help="build the evidence spans of mentions() with the rest, not on its first call",
    )
    args = parser.parse_args(argv)
    sizes = sorted({int(size) for size in args.sizes.split(",")})

    seed = dm.load_seed()
    texts = renamed_texts(seed, max(sizes), everything=True)
    every = [dm.from_json(text, dm.Dossier) for text in texts]
    asks = queries(seed)
    figures = {size: measure(every[:size], asks, args.rounds, args.mentions) for size in sizes}

    print(f"corpora of seed-sized dossiers that share nothing; median of {args.rounds} rounds")
    header = "".join(f"{f'{size:,} dossiers':>16}" for size in sizes)
    print(f"{'':<{LABEL}}{header}")
    for key in figures[sizes[0]]:
        if key.endswith(" answers"):
            continue
        values = "".join(f"{figures[size][key]:16.2f}" for size in sizes)
        print(f"{key:<{LABEL}}{values}")
    for label in asks:
        counts = "".join(f"{int(figures[size][f'{label} answers']):16d}" for size in sizes)
        print(f"{f'{label} answers':<{LABEL}}{counts}")
    return figures


if __name__ == "__main__":
    main()
