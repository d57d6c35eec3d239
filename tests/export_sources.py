"""The curated dossiers every export is tested on: the seed, the second fixture, the tiny
hand-built dossier, each curation of the fixture articles, and the small curations of
the kinds of facts the seed lacks (unnamed people, offices of state, quantities, …)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_tiny_dossier

import diplomodel as dm

FIXTURES = Path(__file__).parent / "fixtures"
SECOND = FIXTURES / "second" / "talks.toml"
ARTICLE_CURATIONS = sorted((FIXTURES / "articles").glob("*.toml"))
KIND_CURATIONS = sorted((FIXTURES / "kinds").glob("*.toml"))


def curated() -> dict[str, dm.Dossier]:
    """Every curated dossier of the tests, by a short name."""
    found = {"seed": dm.load_seed(), "second": dm.load(SECOND), "tiny": build_tiny_dossier()}
    for path in ARTICLE_CURATIONS:
        found[f"articles/{path.stem}"] = dm.load(path)
    for path in KIND_CURATIONS:
        found[f"kinds/{path.stem}"] = dm.load(path)
    return found


NAMES = [
    "seed",
    "second",
    "tiny",
    *(f"articles/{p.stem}" for p in ARTICLE_CURATIONS),
    *(f"kinds/{p.stem}" for p in KIND_CURATIONS),
]
"""The names :func:`curated` gives, for test ids."""
