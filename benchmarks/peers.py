"""diplomodel against msgspec and pydantic on the same data, measured side by side.

The peers are the model's own shape: for every attrs class reachable from
:class:`diplomodel.Dossier`, a msgspec ``Struct`` (unknown fields forbidden) and
a pydantic v2 model (strict, extra keys forbidden) are generated from the
class's fields and type hints, so they follow the model as it changes. Each
peer decodes the same JSON bytes with full type validation; the peers check
types only, while diplomodel also checks slugs, non-empty texts, quotes
against the text, references and cycles.

The corpus is the seed copied under fresh ids. In every round each library
decodes (garbage collector off, then on) and encodes every document, in
turns, and the table gives the median over rounds of the per-round ratio
diplomodel / peer, so a busy spell of a shared machine weighs on both sides
of a ratio alike; two more rows give what indenting adds to each library's own
compact writing. Memory is what the decoded graph of the whole corpus holds
(tracemalloc), once per library. Before timing, each peer's decoding is
checked to give back the same data as the JSON (a round trip).

Run: python benchmarks/peers.py [--dossiers N] [--rounds R]
Needs the ``bench`` extra: ``pip install ".[bench]"``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import gc
import json
import statistics
import sys
import tracemalloc
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
from bench import (  # this folder is on the path of a script run from it
    renamed_texts,
    timed_with_collector,
)

import diplomodel as dm

try:
    import msgspec
    import pydantic
except ImportError as missing:  # pragma: no cover - said to the user, not tested
    sys.exit(f"benchmarks/peers.py needs msgspec and pydantic ({missing}): pip install '.[bench]'")


def _peer_type(hint: Any, make: Callable[[type[Any]], Any]) -> Any:
    """``hint`` with every attrs class in it replaced by ``make(cls)``."""
    if isinstance(hint, type) and attrs.has(hint):
        return make(hint)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is tuple:
        return tuple[_peer_type(args[0], make), ...]  # type: ignore[misc]
    if origin in (typing.Union, types.UnionType):
        mapped = [_peer_type(arg, make) for arg in args]
        result = mapped[0]
        for arg in mapped[1:]:
            result = result | arg
        return result
    if hint in (str, int, bool, float, dt.date, type(None)) or (
        isinstance(hint, type) and issubclass(hint, enum.Enum)
    ):
        return hint
    raise TypeError(f"no peer type for {hint!r}")


def _fields(cls: type[Any]) -> list[tuple[str, Any, bool, Any]]:
    """(name, hint, has_default, default) of each init field of an attrs class."""
    hints = typing.get_type_hints(cls)
    result = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            result.append((field.name, hints[field.name], True, None))
        else:
            result.append((field.name, hints[field.name], default is not attrs.NOTHING, default))
    return result


def msgspec_peers() -> type[Any]:
    """The msgspec Struct of a Dossier, with Structs for every class inside."""
    made: dict[type[Any], Any] = {}

    def make(cls: type[Any]) -> Any:
        if cls not in made:
            fields = []
            for name, hint, has_default, default in _fields(cls):
                peer = _peer_type(hint, make)
                if has_default:
                    fields.append((name, peer | None if default is None else peer, default))
                else:
                    fields.append((name, peer))
            made[cls] = msgspec.defstruct(
                cls.__name__, fields, kw_only=True, frozen=True, forbid_unknown_fields=True
            )
        return made[cls]

    return typing.cast(type[Any], make(dm.Dossier))


def pydantic_peers() -> type[pydantic.BaseModel]:
    """The pydantic model of a Dossier, with models for every class inside."""
    made: dict[type[Any], Any] = {}
    config = pydantic.ConfigDict(strict=True, extra="forbid", frozen=True)

    def make(cls: type[Any]) -> Any:
        if cls not in made:
            fields: dict[str, Any] = {}
            for name, hint, has_default, default in _fields(cls):
                peer = _peer_type(hint, make)
                if has_default:
                    fields[name] = (peer | None if default is None else peer, default)
                else:
                    fields[name] = (peer, ...)
            made[cls] = pydantic.create_model(cls.__name__, __config__=config, **fields)
        return made[cls]

    return typing.cast(type[pydantic.BaseModel], make(dm.Dossier))


TARGETS = {
    "from_json (GC off) / msgspec": 4.0,
    "from_json (GC off) / pydantic": 1.0,
    "from_json (GC on) / pydantic": 0.6,
    "to_json compact / msgspec": 2.0,
    "to_json compact / pydantic": 0.5,
    "to_json indent=2 / msgspec": 2.0,
    "to_json indent=2 / pydantic": 0.5,
    "to_json indent=2 / compact, diplomodel's own": 1.2,
    "graph memory / msgspec": 1.1,
}
"""The ratios diplomodel aims at: each at most this."""


def corpus_documents(count: int) -> list[bytes]:
    """``count`` seed-sized dossiers as compact JSON bytes, each under ids of its own."""
    return [text.encode() for text in renamed_texts(dm.load_seed(), count)]


def check_round_trips(documents: list[bytes], struct: type[Any], model: Any) -> None:
    """Every library reads each document back to the same data; stops the run if not."""
    decoder = msgspec.json.Decoder(struct)
    for document in documents[:3]:
        data = json.loads(document)
        ours = dm.to_dict(dm.from_json(document, dm.Dossier))
        theirs = msgspec.to_builtins(decoder.decode(document))
        pydantics = model.model_validate_json(document).model_dump(mode="json")
        for name, got in (("diplomodel", ours), ("msgspec", theirs), ("pydantic", pydantics)):
            if json.loads(json.dumps(got)) != data:
                sys.exit(f"{name} does not round-trip the corpus: the comparison would be unfair")


def graph_memory(build: Callable[[], Any]) -> int:
    """Bytes the result of ``build`` holds, measured with tracemalloc."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = build()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return after - before


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=500, help="corpus size (default 500)")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds (default 7)")
    args = parser.parse_args(argv)

    documents = corpus_documents(args.dossiers)
    struct, model = msgspec_peers(), pydantic_peers()
    check_round_trips(documents, struct, model)
    decoder = msgspec.json.Decoder(struct)
    megabytes = sum(map(len, documents)) / 1e6
    print(f"{args.dossiers} seed-sized dossiers, {megabytes:.1f} MB of JSON, {args.rounds} rounds")

    def ours() -> list[dm.Dossier]:
        return [dm.from_json(document, dm.Dossier) for document in documents]

    def theirs() -> list[Any]:
        return [decoder.decode(document) for document in documents]

    def pydantics() -> list[Any]:
        return [model.model_validate_json(document) for document in documents]

    our_objects, their_objects, pydantic_objects = ours(), theirs(), pydantics()
    encoder = msgspec.json.Encoder()
    steps: dict[str, dict[str, Callable[[], Any]]] = {
        "from_json": {"diplomodel": ours, "msgspec": theirs, "pydantic": pydantics},
        "to_json compact": {
            "diplomodel": lambda: [dm.to_json(o, indent=None) for o in our_objects],
            "msgspec": lambda: [encoder.encode(o) for o in their_objects],
            "pydantic": lambda: [o.model_dump_json() for o in pydantic_objects],
        },
        "to_json indent=2": {
            "diplomodel": lambda: [dm.to_json(o, indent=2) for o in our_objects],
            "msgspec": lambda: [msgspec.json.format(encoder.encode(o)) for o in their_objects],
            "pydantic": lambda: [o.model_dump_json(indent=2) for o in pydantic_objects],
        },
    }
    ratios: dict[str, list[float]] = {}
    for _round in range(args.rounds):
        writing: dict[str, dict[str, float]] = {}
        for step, runners in steps.items():
            for collect in (False, True) if step == "from_json" else (True,):
                times = {
                    name: timed_with_collector(run, collect)[0] for name, run in runners.items()
                }
                label = f"{step} (GC {'on' if collect else 'off'})" if step == "from_json" else step
                writing[label] = times
                for peer in ("msgspec", "pydantic"):
                    key = f"{label} / {peer}"
                    ratios.setdefault(key, []).append(times["diplomodel"] / times[peer])
        # What indenting adds to each library's own compact writing.
        for name in ("diplomodel", "msgspec"):
            indented, compact = writing["to_json indent=2"][name], writing["to_json compact"][name]
            key = f"to_json indent=2 / compact, {name}'s own"
            ratios.setdefault(key, []).append(indented / compact)
    for objects in (our_objects, their_objects, pydantic_objects):
        objects.clear()  # measured afresh below
    memory = {
        "diplomodel": graph_memory(ours),
        "msgspec": graph_memory(theirs),
        "pydantic": graph_memory(pydantics),
    }
    result = {key: statistics.median(values) for key, values in ratios.items()}
    for peer in ("msgspec", "pydantic"):
        result[f"graph memory / {peer}"] = memory["diplomodel"] / memory[peer]
    print(
        f"{'diplomodel time or memory / peer (median of paired ratios)':<58}"
        f"{'ratio':>8}{'target':>9}  met"
    )
    for key, value in result.items():
        target = TARGETS.get(key)
        shown = f"{'':>9}" if target is None else f"{'<= ' + format(target, 'g'):>9}"
        verdict = "" if target is None else ("  yes" if round(value, 2) <= target else "  no")
        print(f"{key:<58}{value:8.2f}{shown}{verdict}")
    return result


if __name__ == "__main__":
    main()
