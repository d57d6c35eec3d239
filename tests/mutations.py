"""Hostile inputs made from the seed: mutated JSON dumps, TOML curations and article texts.

Shared by the bounded fuzz tests (``tests/test_fuzz.py``) and the longer campaign
(``benchmarks/fuzz_campaign.py``). Each mutator takes a :class:`random.Random`,
so that a campaign is repeatable from its seed and hypothesis can drive it too.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from typing import Any

import diplomodel as dm

# Values that break a rule somewhere: wrong types, empty or blank strings, strings
# that are almost slugs, numbers at the edges, dates that are not canonical.
HOSTILE_VALUES: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    -1,
    1.5,
    10**40,
    "",
    " ",
    "x\n",
    "wang-yi\n",
    "Wang Yi",
    "\ud800",
    "a\u0000b",
    "2025-02-30",
    "20250114",
    "2025-W03-2",
    "planned",
    "took-place",
    "nope",
    [],
    {},
    ["wang-yi", "wang-yi"],
    {"quote": "x", "start": 0, "end": 1},
)


def _deep(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


def _slots(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON-ready value: dict keys and list indexes, as paths."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield (*path, key)
            yield from _slots(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield (*path, index)
            yield from _slots(inner, (*path, index))


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        document = document[step]
    return document


def mutate_document(document: Any, rng: random.Random, slots: list[tuple[Any, ...]]) -> Any:
    """A deep copy of ``document`` with one place replaced, removed, repeated or added to."""
    mutated = copy.deepcopy(document)
    path = rng.choice(slots)
    parent = _parent(mutated, path)
    key = path[-1]
    action = rng.randrange(7)
    if action == 0:
        parent[key] = rng.choice(HOSTILE_VALUES)
    elif action == 1:
        del parent[key]
    elif action == 2 and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(parent[key]))
    elif action == 2:
        parent["unknown_key"] = parent[key]
    elif action == 3:
        # A value from elsewhere in the document: right type, wrong place.
        other = rng.choice(slots)
        try:
            parent[key] = copy.deepcopy(_parent(document, other)[other[-1]])
        except (KeyError, IndexError, TypeError):
            parent[key] = None
    elif action == 4:
        parent[key] = _deep(rng.choice((10, 100, 400)))
    elif action == 5 and isinstance(parent[key], str):
        text = parent[key]
        cut = rng.randrange(len(text) + 1)
        parent[key] = text[:cut] + rng.choice(("", "\n", " ", "X", "\ufeff", "\u00e9")) + text[cut:]
    elif action == 5 and isinstance(parent[key], int) and not isinstance(parent[key], bool):
        parent[key] = parent[key] + rng.choice((-1, 1, -(10**6), 10**6))
    else:
        parent[key] = "x" * rng.choice((1, 1_000, 200_000))
    return mutated


def mutate_json_text(text: str, rng: random.Random) -> str | bytes:
    """JSON text broken as a file can be: cut, flipped, prefixed, or given a duplicate key."""
    action = rng.randrange(6)
    if action == 0:
        return text[: rng.randrange(len(text))]
    if action == 1:
        data = bytearray(text.encode("utf-8"))
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if action == 2:
        return "\ufeff" + text
    if action == 3:
        # Repeat the first key of some object: {"id": "a", "id": "a", ...
        at = text.find('"id": ', rng.randrange(len(text)))
        if at < 0:
            at = text.find('"id": ')
        end = text.find(",", at)
        return text[:end] + ", " + text[at:end] + text[end:]
    if action == 4:
        return "[" * 5_000 + "]" * 5_000
    return text.replace('"number": 9', '"number": ' + "9" * 5_000, 1)


def mutate_toml(text: str, rng: random.Random) -> str:
    """The curation's TOML with one line removed, repeated, renamed or given another value."""
    lines = text.split("\n")
    index = rng.randrange(len(lines))
    line = lines[index]
    action = rng.randrange(6)
    if action == 0:
        del lines[index]
    elif action == 1:
        lines.insert(index, line)
    elif action == 2 and "=" in line:
        key, _, _value = line.partition("=")
        lines[index] = f"{key}= {rng.choice(_TOML_VALUES)}"
    elif action == 3 and "=" in line:
        key, _, value = line.partition("=")
        lines[index] = f"{key.rstrip()}x ={value}"
    elif action == 4:
        other = rng.randrange(len(lines))
        lines[index], lines[other] = lines[other], lines[index]
    else:
        cut = rng.randrange(len(line) + 1)
        lines[index] = line[:cut] + rng.choice(('"', "]", "[", "\\", "#", "\u00e9")) + line[cut:]
    return "\n".join(lines)


_TOML_VALUES = (
    '""',
    '" "',
    "1",
    "-5",
    "0",
    "true",
    "1979-05-27",
    "1979-05-27T07:32:00",
    "[]",
    "[1, 2]",
    "{}",
    '{ quote = "Wang" }',
    '{ quote = "Wang", occurrence = 100000000000000000000 }',
    '"Wang"',
    '"May 99"',
    '"\\u0000"',
    '"nope"',
    '"text.txt\\u0000"',
    "99999999999999999999",
)


def mutate_article_text(text: str, rng: random.Random) -> str:
    """The article text with a character changed, removed or added, or a BOM before it."""
    action = rng.randrange(4)
    at = rng.randrange(len(text))
    if action == 0:
        return text[:at] + text[at + 1 :]
    if action == 1:
        return text[:at] + rng.choice("xX .\n\u00e9") + text[at:]
    if action == 2:
        return "\ufeff" + text
    return text[:at] + text[at:].replace(" ", "  ", 1)


def json_cases(seed: dm.Dossier) -> tuple[Any, list[tuple[Any, ...]], str]:
    """The seed's JSON-ready form, its places, and its JSON text."""
    document = dm.to_dict(seed)
    return document, list(_slots(document)), json.dumps(document, ensure_ascii=False)
