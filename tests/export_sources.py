"""The curated dossiers every export is tested on: the seed, the second fixture, the tiny
hand-built dossier, and each curation of the fixture articles that exists."""

from __future__ import annotations

from pathlib import Path

from conftest import build_tiny_dossier

import diplomodel as dm

FIXTURES = Path(__file__).parent / "fixtures"
SECOND = FIXTURES / "second" / "talks.toml"
ARTICLE_CURATIONS = sorted((FIXTURES / "articles").glob("*.toml"))


def curated() -> dict[str, dm.Dossier]:
    """Every curated dossier of the tests, by a short name."""
    found = {"seed": dm.load_seed(), "second": dm.load(SECOND), "tiny": build_tiny_dossier()}
    for path in ARTICLE_CURATIONS:
        found[f"articles/{path.stem}"] = dm.load(path)
    return found


NAMES = ["seed", "second", "tiny", *(f"articles/{p.stem}" for p in ARTICLE_CURATIONS)]
"""The names :func:`curated` gives, for test ids."""
