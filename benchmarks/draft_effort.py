"""How much of a hand curation `diplomodel draft` writes already: a reproducible measure.

For each article of the project curated in full (the seed, and every ``*.toml``
curation under ``tests`` that loads and accounts for every sentence), the article
text is drafted with the curation's own id, text file, publication date and
publisher, and the draft is compared with the hand curation:

- the share of the curation's statement quotes, people's names, date words and
  statements that the draft holds verbatim (a statement counts when a stub has its
  quote, and again when the stub's speakers, mode and act are right as well);
- the edit effort, as characters a curator must type: the whole curation when
  starting from an empty file, against the characters the curation inserts or
  replaces when starting from the draft (a line diff, then a character diff inside
  each changed block, with :mod:`difflib`). Deleting the draft's surplus (its
  sentence list, wrong candidates) is counted apart: it costs keystrokes too,
  but far fewer per character than typing.

Run from a source checkout: ``python benchmarks/draft_effort.py``.
"""

from __future__ import annotations

import difflib
import sys
import tomllib
from pathlib import Path
from typing import Any

import diplomodel as dm
from diplomodel.draft import toml_string

ROOT = Path(__file__).resolve().parent.parent


def curations() -> list[Path]:
    """Every article of the project curated in full: the seed, then the fixtures' curations
    that load and account for every sentence (a curation of a few facts for one test
    would make the draft look better than it is)."""
    found = []
    for path in [
        *sorted((ROOT / "seeds").glob("*.toml")),
        *sorted((ROOT / "tests").rglob("*.toml")),
    ]:
        try:
            complete = dm.load(path).coverage().complete
        except dm.DiplomodelError:
            complete = False
        if complete:
            found.append(path)
    return found


def typed_and_deleted(draft: str, final: str) -> tuple[int, int]:
    """Characters of ``final`` a curator types, and characters of ``draft`` deleted,
    to turn the draft into the curation."""
    old, new = draft.splitlines(keepends=True), final.splitlines(keepends=True)
    typed = deleted = 0
    lines = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag == "insert":
            typed += sum(map(len, new[j1:j2]))
        elif tag == "delete":
            deleted += sum(map(len, old[i1:i2]))
        elif tag == "replace":
            before, after = "".join(old[i1:i2]), "".join(new[j1:j2])
            chars = difflib.SequenceMatcher(None, before, after, autojunk=False)
            for op, a1, a2, b1, b2 in chars.get_opcodes():
                if op in ("insert", "replace"):
                    typed += b2 - b1
                if op in ("delete", "replace"):
                    deleted += a2 - a1
    return typed, deleted


def _quote_of(spec: Any) -> str:
    return spec if isinstance(spec, str) else str(spec.get("quote", ""))


def _dates(value: Any) -> list[str]:
    """Every ``date`` value written anywhere in a curation table."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "date" and isinstance(item, str):
                found.append(item)
            elif key == "date" and isinstance(item, dict) and isinstance(item.get("words"), str):
                found.append(item["words"])
            else:
                found += _dates(item)
    elif isinstance(value, list):
        for item in value:
            found += _dates(item)
    return found


def _share(found: int, total: int) -> str:
    return f"{found}/{total}" + (f" ({100 * found / total:.0f}%)" if total else "")


def measure(path: Path) -> dict[str, Any]:
    """The figures for one curated article."""
    final = path.read_text("utf-8")
    document = tomllib.loads(final)
    article = document["article"]
    text = (path.parent / article["text"]).read_text("utf-8").removeprefix("\ufeff")
    draft = dm.draft_curation(
        text,
        article_id=article["id"],
        text_file=article["text"],
        published=article.get("published"),
        publisher=article.get("publisher"),
    )
    drafted = tomllib.loads(draft)
    stubs = {_quote_of(s.get("quote", "")): s for s in drafted.get("statements", [])}
    statements = document.get("statements", [])
    quotes = [_quote_of(s["quote"]) for s in statements]
    # Unnamed people ("a senior official") have a description, and no name to draft.
    names = [p["name"] for p in document.get("people", []) if "name" in p]
    dates = _dates(document)
    full = sum(
        1
        for s in statements
        if (stub := stubs.get(_quote_of(s["quote"])))
        and stub["speakers"] == s.get("speakers", [])
        and (stub["mode"], stub["act"]) == (s.get("mode"), s.get("act"))
    )
    typed, deleted = typed_and_deleted(draft, final)
    return {
        "article": path.relative_to(ROOT).as_posix(),
        "quotes": (sum(toml_string(q) in draft for q in quotes), len(quotes)),
        "people": (sum(f"name = {toml_string(n)}" in draft for n in names), len(names)),
        "dates": (sum(f"date = {toml_string(d)}" in draft for d in dates), len(dates)),
        "stubs": (sum(q in stubs for q in quotes), len(quotes)),
        "full stubs": (full, len(statements)),
        "typed from scratch": len(final),
        "typed from the draft": typed,
        "deleted from the draft": deleted,
    }


def main() -> int:
    rows = [measure(path) for path in curations()]
    if not rows:
        print("no curated article found", file=sys.stderr)
        return 1
    shares = ("quotes", "people", "dates", "stubs", "full stubs")
    for row in rows:
        print(row["article"])
        for key in shares:
            print(f"  {key:<24} {_share(*row[key])}")
        scratch, drafted = row["typed from scratch"], row["typed from the draft"]
        print(f"  {'typed from scratch':<24} {scratch}")
        print(f"  {'typed from the draft':<24} {drafted} ({100 * drafted / scratch:.0f}%)")
        print(f"  {'deleted from the draft':<24} {row['deleted from the draft']}")
    scratch = sum(row["typed from scratch"] for row in rows)
    drafted = sum(row["typed from the draft"] for row in rows)
    print(f"all {len(rows)} articles")
    for key in shares:
        print(f"  {key:<24} {_share(sum(r[key][0] for r in rows), sum(r[key][1] for r in rows))}")
    print(f"  typed: {drafted} of {scratch} characters ({100 * drafted / scratch:.0f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
