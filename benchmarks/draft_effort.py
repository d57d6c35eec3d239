"""How much of a hand curation `diplomodel draft` writes already: a reproducible measure.

For each article of the project curated in full (the seed, and every ``*.toml``
curation under ``tests`` that loads and accounts for every sentence), the article
text is drafted with the curation's own id, text file, publication date and
publisher, and the draft is compared with the hand curation:

- the share of the curation's statement quotes, people's names, date words and
  statements that the draft holds verbatim (a statement counts when a stub has its
  quote, and again when the stub's speakers, mode and act are right as well);
- the edit effort, as characters of content a curator must type. Both files are
  read as TOML and written back in one canonical form, one ``key = value`` line per
  value (comments, blank lines, key order and spacing do not count: they are layout,
  not curation). Each entry of an array of tables (a person, an event, a role…) is
  matched with the draft's entry of the same section that shares most lines with
  it, whatever their order in the files; then, key by key, the characters the
  curation's line inserts or replaces against the draft's line count as typed
  (a character diff with :mod:`difflib`), and a key the draft lacks is typed whole.
  Starting from an empty file, every canonical line is typed. Deleting the draft's
  surplus (wrong candidates, a longer quote cut down) is counted apart: it costs
  keystrokes too, but far fewer per character than typing. The typing left is
  broken down by section and key (``statements.quote``, ``events.id``, …).
- for comparison, the same effort on the files as written (a line diff, then a
  character diff inside each changed block), which counts layout and order too.

Run from a source checkout: ``python benchmarks/draft_effort.py``.
"""

from __future__ import annotations

import difflib
import re
import sys
import tomllib
from collections import Counter
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
            line_typed, line_deleted = _edit("".join(old[i1:i2]), "".join(new[j1:j2]))
            typed += line_typed
            deleted += line_deleted
    return typed, deleted


def _value(value: Any) -> str:
    """A parsed TOML value written back in one canonical form."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(map(_value, value)) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in sorted(value.items())) + " }"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


Entry = dict[str, str]  # a table's canonical lines by key


def entries(document: dict[str, Any]) -> dict[str, list[Entry]]:
    """Every table of a parsed curation by section (``people``, ``people.roles``, …),
    each as its ``key = value`` lines, arrays of tables taken apart entry by entry."""
    found: dict[str, list[Entry]] = {}

    def visit(section: str, table: dict[str, Any]) -> None:
        entry: Entry = {}
        for key, value in table.items():
            if isinstance(value, dict) and not _is_inline(value):
                visit(f"{section}.{key}" if section else key, value)
            elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                if all(_is_inline(v) for v in value):  # quote specs, kept on their line
                    entry[key] = f"{key} = {_value(value)}"
                else:
                    for item in value:
                        visit(f"{section}.{key}" if section else key, item)
            else:
                entry[key] = f"{key} = {_value(value)}"
        if entry:
            found.setdefault(section or "top", []).append(entry)

    visit("", document)
    return found


def _is_inline(table: dict[str, Any]) -> bool:
    """A quote spec written inline (``{ quote = …, occurrence = 2 }``), not a table."""
    return "quote" in table and table.keys() <= {"quote", "occurrence", "context"}


def _edit(before: str, after: str) -> tuple[int, int]:
    """Characters typed and deleted to turn one line into another."""
    if before == after:
        return 0, 0
    typed = deleted = 0
    chars = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, a1, a2, b1, b2 in chars.get_opcodes():
        if op in ("insert", "replace"):
            typed += b2 - b1
        if op in ("delete", "replace"):
            deleted += a2 - a1
    return typed, deleted


_WORDS = re.compile(r"\w+")


def _matched(wanted: list[Entry], offered: list[Entry]) -> dict[int, int]:
    """Each wanted entry's draft entry: the pairs that share most lines, then most words,
    taken best first, each entry once; entries left over pair up in order."""
    lines = [set(entry.values()) for entry in offered]
    words = [set(_WORDS.findall(" ".join(entry.values()))) for entry in offered]
    scored = []
    for i, entry in enumerate(wanted):
        mine, my_words = set(entry.values()), set(_WORDS.findall(" ".join(entry.values())))
        for j in range(len(offered)):
            union = len(my_words | words[j]) or 1
            scored.append((len(mine & lines[j]), len(my_words & words[j]) / union, -i, -j))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _lines, _words, i, j in sorted(scored, reverse=True):
        if -i not in pairs and -j not in taken:
            pairs[-i] = -j
            taken.add(-j)
    return pairs


def content_effort(draft: str, final: str) -> tuple[int, int, Counter[str]]:
    """Characters of content typed, and deleted, to turn ``draft`` into ``final``
    (two curation files), order and layout aside, with the typing by section and key."""
    old, new = entries(tomllib.loads(draft)), entries(tomllib.loads(final))
    typed: Counter[str] = Counter()
    deleted = 0
    for section, wanted in new.items():
        offered = old.get(section, [])
        pairs = _matched(wanted, offered)
        for index, entry in enumerate(wanted):
            match = dict(offered[pairs[index]]) if index in pairs else {}
            for key, line in entry.items():
                t, d = _edit(match.pop(key, ""), line)
                typed[f"{section}.{key}"] += t
                deleted += d
            deleted += sum(map(len, match.values()))
        taken = set(pairs.values())
        rest = [entry for index, entry in enumerate(offered) if index not in taken]
        deleted += sum(len(line) for entry in rest for line in entry.values())
    for section in old.keys() - new.keys():
        deleted += sum(len(line) for entry in old[section] for line in entry.values())
    return sum(typed.values()), deleted, typed


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
    typed, deleted, where = content_effort(draft, final)
    scratch, _deleted, _where = content_effort("", final)
    layout_typed, _layout_deleted = typed_and_deleted(draft, final)
    return {
        "article": path.relative_to(ROOT).as_posix(),
        "quotes": (sum(toml_string(q) in draft for q in quotes), len(quotes)),
        "people": (sum(f"name = {toml_string(n)}" in draft for n in names), len(names)),
        "dates": (sum(f"date = {toml_string(d)}" in draft for d in dates), len(dates)),
        "stubs": (sum(q in stubs for q in quotes), len(quotes)),
        "full stubs": (full, len(statements)),
        "typed from scratch": scratch,
        "typed from the draft": typed,
        "deleted from the draft": deleted,
        "typed by key": where,
        "file typed from scratch": len(final),
        "file typed from the draft": layout_typed,
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
        file_scratch, file_drafted = (
            row["file typed from scratch"],
            row["file typed from the draft"],
        )
        print(f"  {'as files, line diff':<24} {file_drafted} of {file_scratch}", end="")
        print(f" ({100 * file_drafted / file_scratch:.0f}%)")
    scratch = sum(row["typed from scratch"] for row in rows)
    drafted = sum(row["typed from the draft"] for row in rows)
    print(f"all {len(rows)} articles")
    for key in shares:
        print(f"  {key:<24} {_share(sum(r[key][0] for r in rows), sum(r[key][1] for r in rows))}")
    print(f"  typed: {drafted} of {scratch} characters ({100 * drafted / scratch:.0f}%)")
    file_scratch = sum(row["file typed from scratch"] for row in rows)
    file_drafted = sum(row["file typed from the draft"] for row in rows)
    share = 100 * file_drafted / file_scratch
    print(f"  as files, line diff: {file_drafted} of {file_scratch} ({share:.0f}%)")
    where: Counter[str] = sum((row["typed by key"] for row in rows), Counter())
    print("  where the typing left goes (section.key: characters, share of the typing left):")
    for key, chars in where.most_common(BREAKDOWN_LINES):
        print(f"    {key:<32} {chars:>6} ({100 * chars / drafted:.0f}%)")
    rest = drafted - sum(chars for _key, chars in where.most_common(BREAKDOWN_LINES))
    print(f"    {'everything else':<32} {rest:>6} ({100 * rest / drafted:.0f}%)")
    return 0


BREAKDOWN_LINES = 20


if __name__ == "__main__":
    sys.exit(main())
