"""A longer fuzz campaign than the tests run: mutated seed JSON, TOML and article texts.

    python benchmarks/fuzz_campaign.py [--cases N] [--seed S]

For each family of mutations it counts the inputs read whole, the inputs refused
with a library error, and anything else: an exception that is not a
``DiplomodelError`` ("escaped"), a dossier accepted where the JSON Schema refuses
the document ("schema"), or a problem message longer than the tests allow
("long"). Exits 1 when any of those is found, printing the first few.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import jsonschema
from mutations import (
    json_cases,
    mutate_article_text,
    mutate_document,
    mutate_json_text,
    mutate_toml,
)

import diplomodel as dm

LONGEST_MESSAGE = 400


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=5_000, help="inputs per family")
    parser.add_argument("--seed", type=int, default=0, help="the campaign's random seed")
    args = parser.parse_args()

    seed = dm.load_seed()
    document, slots, seed_json = json_cases(seed)
    schema = jsonschema.Draft202012Validator(dm.json_schema())
    curation_path = dm.loader.seed_path()
    curation = curation_path.read_text("utf-8")
    article = curation_path.with_suffix(".txt").read_text("utf-8")
    folder = Path(tempfile.mkdtemp(prefix="diplomodel-fuzz-"))

    def schema_accepts(text: str | bytes) -> bool:
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8")
            except UnicodeDecodeError:
                return False
        try:
            # A leading byte-order mark is no content, for the schema's reading too.
            return bool(schema.is_valid(json.loads(text.removeprefix("\ufeff"))))
        except (ValueError, RecursionError):
            return False

    def read_json(text: str | bytes) -> str:
        try:
            dm.from_json(text, dm.Dossier)
        except dm.ValidationError as error:
            return _verdict(error)
        return "accepted" if schema_accepts(text) else "schema"

    def load(curation_text: str, article_text: str) -> str:
        (folder / curation_path.name).write_text(curation_text, encoding="utf-8")
        (folder / curation_path.with_suffix(".txt").name).write_text(article_text, encoding="utf-8")
        try:
            loaded = dm.load(folder / curation_path.name)
        except dm.CurationError as error:
            return _verdict(error)
        return "accepted" if schema.is_valid(dm.to_dict(loaded)) else "schema"

    families: dict[str, Callable[[random.Random], str]] = {
        "json document": lambda rng: read_json(
            json.dumps(mutate_document(document, rng, slots), ensure_ascii=rng.random() < 0.5)
        ),
        "json text": lambda rng: read_json(mutate_json_text(seed_json, rng)),
        "toml curation": lambda rng: load(mutate_toml(curation, rng), article),
        "article text": lambda rng: load(curation, mutate_article_text(article, rng)),
        "both": lambda rng: load(mutate_toml(curation, rng), mutate_article_text(article, rng)),
    }
    failures: list[str] = []
    print(f"{'family':<16}{'cases':>7}{'accepted':>10}{'refused':>9}{'bad':>6}{'seconds':>9}")
    for index, (name, run) in enumerate(families.items()):
        tally: Counter[str] = Counter()
        shown = 0
        started = time.perf_counter()
        for case in range(args.cases):
            rng = random.Random(args.seed * 1_000_003 + index * 100_000_007 + case)
            try:
                verdict = run(rng)
            except Exception:  # the campaign's whole point: count what escapes
                verdict = "escaped"
                if shown < 3:
                    failures.append(f"{name} case {case}:\n{traceback.format_exc(limit=-2)}")
                    shown += 1
            if verdict in ("schema", "long") and shown < 3:
                failures.append(f"{name} case {case}: {verdict}")
                shown += 1
            tally[verdict] += 1
        seconds = time.perf_counter() - started
        bad = tally["escaped"] + tally["schema"] + tally["long"]
        print(
            f"{name:<16}{args.cases:>7}{tally['accepted']:>10}{tally['refused']:>9}"
            f"{bad:>6}{seconds:>9.1f}"
        )
    for failure in failures:
        print("\n" + failure)
    return 1 if failures else 0


def _verdict(error: dm.ValidationError) -> str:
    too_long = any(len(problem.message) > LONGEST_MESSAGE for problem in error.problems)
    return "long" if too_long or not error.problems else "refused"


if __name__ == "__main__":
    raise SystemExit(main())
