"""The docs' code runs: every ```python block of every page is a doctest."""

from __future__ import annotations

import doctest
import re
from pathlib import Path
from typing import Any

import pytest

DOCS = Path(__file__).parent.parent / "docs"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.DOTALL | re.MULTILINE)


def blocks(page: Path, language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(page.read_text("utf-8")) if lang == language]


def run_doctests(page: Path, globs: dict[str, Any]) -> doctest.TestResults:
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    examples = 0
    for index, source in enumerate(blocks(page, "python")):
        test = parser.get_doctest(source, globs, f"{page.name}[{index}]", str(page), 0)
        examples += len(test.examples)
        runner.run(test, clear_globs=False)
        globs.update(test.globs)  # later blocks build on earlier ones
    results = runner.summarize(verbose=False)
    assert examples > 0, f"{page.name} has no examples to run"
    return results


def test_the_curation_guides_worked_example_loads(tmp_path: Path) -> None:
    page = DOCS / "curation.md"
    (text,) = blocks(page, "text")[:1]
    (tmp_path / "small.txt").write_text(text.rstrip("\n"), encoding="utf-8")
    (tmp_path / "small.toml").write_text(blocks(page, "toml")[0], encoding="utf-8")
    results = run_doctests(page, {"folder": tmp_path})
    assert results.failed == 0


PAGES_WITH_CODE = sorted(
    p.name for p in DOCS.glob("*.md") if p.name != "curation.md" and blocks(p, "python")
)


def test_the_tutorial_and_the_dates_guide_have_code() -> None:
    assert {"tutorial.md", "dates.md"} <= set(PAGES_WITH_CODE)


@pytest.mark.parametrize("name", PAGES_WITH_CODE)
def test_every_other_page_runs(name: str) -> None:
    if "import pandas" in (DOCS / name).read_text("utf-8"):
        pytest.importorskip("pandas", reason="this page's examples use pandas (dev extra)")
    assert run_doctests(DOCS / name, {}).failed == 0
