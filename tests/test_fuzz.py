"""Bounded fuzzing: mutated seed JSON, TOML and article texts get library errors only.

Whatever the input, a read returns a whole, valid dossier or raises a
:class:`~diplomodel.DiplomodelError` whose messages stay short; a dossier is never
accepted where the JSON Schema refuses the document. ``benchmarks/fuzz_campaign.py``
runs the same mutators for longer.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import (
    json_cases,
    mutate_article_text,
    mutate_document,
    mutate_json_text,
    mutate_toml,
)

import diplomodel as dm

jsonschema = pytest.importorskip("jsonschema")

SEED = dm.load_seed()
DOCUMENT, SLOTS, SEED_JSON = json_cases(SEED)
SCHEMA = jsonschema.Draft202012Validator(dm.json_schema())
CURATION = dm.loader.seed_path()
LONGEST_MESSAGE = 400  # a problem's message, values shortened included

FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)


def _read_json(text: str | bytes) -> dm.Dossier | dm.ValidationError:
    try:
        return dm.from_json(text, dm.Dossier)
    except dm.ValidationError as error:
        return error


def _assert_short(error: dm.ValidationError) -> None:
    assert error.problems, "an error names at least one problem"
    for problem in error.problems:
        assert len(problem.message) <= LONGEST_MESSAGE, problem.message[:200]
        assert len(problem.path) <= LONGEST_MESSAGE, problem.path[:200]


def _schema_accepts(text: str | bytes) -> bool:
    try:
        document: Any = json.loads(text)
    except (ValueError, RecursionError):
        return False
    try:
        return bool(SCHEMA.is_valid(document))
    except RecursionError:
        return False


@FUZZ
@given(st.randoms(use_true_random=False))
def test_a_mutated_json_dump_is_read_whole_or_refused(rng: random.Random) -> None:
    document = mutate_document(DOCUMENT, rng, SLOTS)
    text = json.dumps(document, ensure_ascii=rng.random() < 0.5)
    outcome = _read_json(text)
    if isinstance(outcome, dm.Dossier):
        assert _schema_accepts(text), "accepted a document the schema refuses"
        assert dm.from_json(dm.to_json(outcome), dm.Dossier) == outcome
    else:
        _assert_short(outcome)


@FUZZ
@given(st.randoms(use_true_random=False))
def test_broken_json_text_is_refused_with_a_library_error(rng: random.Random) -> None:
    text = mutate_json_text(SEED_JSON, rng)
    outcome = _read_json(text)
    if isinstance(outcome, dm.ValidationError):
        _assert_short(outcome)
    else:  # a change that keeps the document valid: a BOM, a flipped byte in a title
        plain = text.decode("utf-8") if isinstance(text, bytes) else text
        assert _schema_accepts(plain.removeprefix("\ufeff"))
        assert dm.from_json(dm.to_json(outcome), dm.Dossier) == outcome


def _load(curation: str, text: str) -> dm.Dossier | dm.CurationError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, CURATION.name)
        path.write_text(curation, encoding="utf-8")
        Path(folder, CURATION.with_suffix(".txt").name).write_text(text, encoding="utf-8")
        try:
            return dm.load(path)
        except dm.CurationError as error:
            return error


@FUZZ
@given(st.randoms(use_true_random=False), st.booleans())
def test_a_mutated_curation_loads_whole_or_is_refused(rng: random.Random, text_too: bool) -> None:
    curation = mutate_toml(CURATION.read_text("utf-8"), rng)
    text = CURATION.with_suffix(".txt").read_text("utf-8")
    if text_too:
        text = mutate_article_text(text, rng)
    outcome = _load(curation, text)
    if isinstance(outcome, dm.Dossier):
        assert dm.from_json(dm.to_json(outcome), dm.Dossier) == outcome
        assert SCHEMA.is_valid(dm.to_dict(outcome))
    else:
        _assert_short(outcome)
