"""The docs stay true to the code.

Every ```python block of every page runs as a doctest; the API reference
documents exactly the exported names; every enum member has a docstring; the
intersphinx inventories are what their script writes; the limits and names the
pages give are the code's; the curation guide's keys and allowed values are what its
script writes from the code.
"""

from __future__ import annotations

import doctest
import enum
import importlib
import importlib.util
import pkgutil
import re
import tomllib
import typing
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from conftest import module_from_path

import diplomodel as dm
from diplomodel.loader import _fields_of, seed_path

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


# -- the API reference -------------------------------------------------------------

REFERENCE = DOCS / "reference.md"
NAMED = re.compile(r"\bdiplomodel\.([A-Za-z_]\w*)")
DOCUMENTED = re.compile(r"^\.\. auto\w+:: diplomodel\.(\w+)$", re.MULTILINE)


def test_the_reference_documents_every_exported_name() -> None:
    documented = DOCUMENTED.findall(REFERENCE.read_text("utf-8"))
    assert sorted(set(dm.__all__) - set(documented)) == []
    assert len(documented) == len(set(documented)), "a name is documented twice"


def test_the_reference_names_only_exported_names() -> None:
    # "Everything below is exported": a name from a module (diplomodel.queries.X) is not.
    named = set(NAMED.findall(REFERENCE.read_text("utf-8")))
    assert named, "the reference names nothing"
    assert sorted(named - set(dm.__all__)) == []


# -- intersphinx inventories ---------------------------------------------------------

INVENTORIES = DOCS / "_inventories"


def _inventory_script() -> Any:
    return _load_script(INVENTORIES / "make_inventories.py")


def test_the_committed_inventories_are_what_the_script_writes() -> None:
    script = _inventory_script()
    assert script.INVENTORIES
    for file, (project, version, objects) in script.INVENTORIES.items():
        committed = (INVENTORIES / file).read_bytes()
        assert committed == script.inventory(project, version, objects), f"rerun for {file}"


def test_the_inventories_are_sphinx_inventories_version_2() -> None:
    for path in sorted(INVENTORIES.glob("*.inv")):
        data = path.read_bytes()
        header = data.split(b"\n", 4)
        assert header[0] == b"# Sphinx inventory version 2"
        assert header[1].startswith(b"# Project: ")
        assert header[2].startswith(b"# Version: ")
        assert header[3] == b"# The remainder of this file is compressed using zlib."
        lines = zlib.decompress(header[4]).decode("utf-8").splitlines()
        assert lines, f"{path.name} lists no object"
        for line in lines:
            name, role, priority, uri, shown = line.split(" ")
            assert role.startswith("py:"), line
            assert (priority, shown) == ("1", "-"), line
            # Sphinx anchors an object by its full name: the uri ends in "#name".
            assert uri.endswith(f"#{name}"), line


# -- enum members ------------------------------------------------------------------


def _package_enums() -> list[type[enum.Enum]]:
    """Every enum class defined in a module of the package."""
    found = []
    for info in pkgutil.iter_modules(dm.__path__):
        if info.name.startswith("_"):  # __main__ would run the command line
            continue
        module = importlib.import_module(f"diplomodel.{info.name}")
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, enum.Enum)
            and value.__module__ == module.__name__
        ]
    return found


ENUMS = _package_enums()


def _load_script(path: Path) -> Any:
    """A docs script as a module, so that its functions can be called and compared."""
    return module_from_path(path.stem, path)


# The curation guide's rules are written by this script; its docstring reader is the
# one both the page and the test below use.
RULES_SCRIPT = DOCS / "_generated" / "make_curation_rules.py"
RULES = _load_script(RULES_SCRIPT)
_member_docstrings = RULES.member_docstrings


def test_every_exported_enum_is_checked() -> None:
    exported = {
        value
        for value in (getattr(dm, name) for name in dm.__all__)
        if isinstance(value, type) and issubclass(value, enum.Enum)
    }
    assert exported
    assert exported <= set(ENUMS)


@pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
def test_every_enum_member_has_its_own_docstring(cls: type[enum.Enum]) -> None:
    docstrings = _member_docstrings(cls)
    assert set(docstrings) == set(cls.__members__)
    undocumented = [name for name, text in docstrings.items() if not (text and text.strip())]
    assert undocumented == []
    texts = [text for text in docstrings.values() if text]
    assert len(set(texts)) == len(texts), "two members share a docstring"


# -- numbers the pages state -----------------------------------------------------------


def _stated_limits() -> list[tuple[str, str]]:
    from diplomodel import passages, serialize

    return [
        ("curation.md", f"at most {passages.CANDIDATES_PER_QUOTE} passages"),
        ("curation.md", f"at most {passages.CANDIDATES_PER_TEXT} in total"),
        ("curation.md", f"longer than {passages.LONGEST_HINTED_QUOTE} characters"),
        ("tutorial.md", f"`diplomodel.serialize.MAX_DEPTH` ({serialize.MAX_DEPTH})"),
        ("tutorial.md", f"`diplomodel.serialize.MAX_PROBLEMS` ({serialize.MAX_PROBLEMS})"),
    ]


@pytest.mark.parametrize(("page", "phrase"), _stated_limits())
def test_a_page_states_the_limits_the_code_keeps(page: str, phrase: str) -> None:
    words = " ".join((DOCS / page).read_text("utf-8").split())
    assert phrase in words


DOTTED = re.compile(r"\bdiplomodel(?:\.[A-Za-z_]\w*)+")


def _resolves(dotted: str) -> bool:
    """Whether ``diplomodel.x.y`` names something: an attribute, or a module to import."""
    parts = dotted.split(".")
    found: Any = importlib.import_module(parts[0])
    for count, part in enumerate(parts[1:], start=2):
        if hasattr(found, part):
            found = getattr(found, part)
            continue
        try:
            found = importlib.import_module(".".join(parts[:count]))
        except ImportError:
            return False
    return True


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_every_name_a_page_gives_exists(page: str) -> None:
    names = set(DOTTED.findall((DOCS / page).read_text("utf-8")))
    assert sorted(name for name in names if not _resolves(name)) == []


# -- every key and every allowed value, in the curation guide ---------------------------

CURATION = DOCS / "curation.md"


def test_the_curation_guides_rules_are_what_the_code_says() -> None:
    on_page = RULES.current_block(CURATION.read_text("utf-8"))
    assert on_page == RULES.rules_block(), (
        "docs/curation.md's rules differ from the code: "
        "run `python docs/_generated/make_curation_rules.py` and commit the page"
    )


def _tables(block: str) -> dict[str, list[list[str]]]:
    """The rows of each table of the block, under its heading (``#### Event``)."""
    tables: dict[str, list[list[str]]] = {}
    heading = ""
    for line in block.splitlines():
        if line.startswith("#### "):
            heading = line.removeprefix("#### ")
            tables[heading] = []
        elif line.startswith("| ") and not line.startswith("| ---") and heading:
            cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
            tables[heading].append(cells)
    return {name: rows[1:] for name, rows in tables.items()}  # without the header row


PAGE_TABLES = _tables(RULES.current_block(CURATION.read_text("utf-8")))


def _keys_on_page(cls: type[Any]) -> set[str]:
    return {row[0].strip("`") for row in PAGE_TABLES[cls.__name__]}


def test_the_guide_lists_each_key_the_loader_reads_under_its_curation_name() -> None:
    classes = RULES.curated_classes()
    assert {dm.Person, dm.Role, dm.Place, dm.Participation, dm.Identifier} <= set(classes)
    for cls in classes:
        assert _keys_on_page(cls) == set(_fields_of(cls)[1]), cls.__name__
    # The renames: a statement's words are its quote, not its content.
    assert "quote" in _keys_on_page(dm.Statement)
    assert "content" not in _keys_on_page(dm.Statement)
    assert "quote" in _keys_on_page(dm.UncitedPassage)


def _element(cls: type[Any], key: str) -> Any:
    """The class or enum a curation key of ``cls`` holds (a list's element type)."""
    hints, fields = _fields_of(cls)
    return RULES.parts_of(hints[fields[key].name])[0]


def _seed_tables(table: dict[str, Any], cls: type[Any]) -> Iterator[tuple[dict[str, Any], Any]]:
    """Each table of the seed's curation, nested ones too, with the class it is read as."""
    yield table, cls
    for key, value in table.items():
        element = _element(cls, key)
        if attrs.has(element) and element not in (dm.Evidence, dm.FuzzyDate):
            for item in value if isinstance(value, list) else [value]:
                yield from _seed_tables(item, element)


def test_every_key_and_value_the_seed_curation_writes_is_in_the_guide() -> None:
    seed = tomllib.loads(seed_path().read_text("utf-8"))
    values_on_page = {
        name: {row[0].strip("`") for row in rows} for name, rows in PAGE_TABLES.items()
    }
    checked = 0
    for section, value in seed.items():
        cls = RULES.parts_of(typing.get_type_hints(dm.Dossier)[section])[0]
        for item in value if isinstance(value, list) else [value]:
            for table, owner in _seed_tables(item, cls):
                assert set(table) <= _keys_on_page(owner), owner.__name__
                for key, written in table.items():
                    element = _element(owner, key)
                    if isinstance(element, type) and issubclass(element, enum.Enum):
                        assert written in values_on_page[element.__name__], (key, written)
                        checked += 1
    assert checked > 10, "the seed writes too few enum values to check the guide"


def test_the_guide_lists_every_member_of_every_enum_a_curation_writes() -> None:
    enums = RULES.curated_enums(RULES.curated_classes())
    assert {dm.EventKind, dm.ParticipantPart, dm.SpeechAct, dm.ConsensusStatus} <= set(enums)
    assert dm.DatePrecision not in enums, "a curation writes date words, not a precision"
    for cls in enums:
        rows = PAGE_TABLES[cls.__name__]
        assert [row[0].strip("`") for row in rows] == [member.value for member in cls]
        assert all(row[1] for row in rows), f"a member of {cls.__name__} has no meaning"


def _row(cls: type[Any], key: str) -> list[str]:
    (row,) = [row for row in PAGE_TABLES[cls.__name__] if row[0] == f"`{key}`"]
    return row


def test_the_guide_states_the_schemas_counts_and_requirements() -> None:
    schema = dm.json_schema()["$defs"]
    parties = schema["ConsensusItem"]["properties"]["parties"]
    assert f"at least {parties['minItems']}" in _row(dm.ConsensusItem, "parties")[3]
    assert "no repeats" in _row(dm.ConsensusItem, "parties")[3]
    assert "at least 1" in _row(dm.Event, "evidence")[3]
    assert (
        f"≥ {schema['Event']['properties']['number']['anyOf'][0]['minimum']}"
        in (_row(dm.Event, "number")[3])
    )
    for cls in RULES.curated_classes():
        required = set(schema[cls.__name__]["required"])
        for row in PAGE_TABLES[cls.__name__]:
            key = row[0].strip("`")
            field = _fields_of(cls)[1][key].name
            assert (row[1] == "required") == (field in required), (cls.__name__, key)


def test_the_guide_follows_the_schema_it_is_written_from(monkeypatch: pytest.MonkeyPatch) -> None:
    # A rule the model changes changes the page: the text is read off json_schema.
    real = dm.json_schema

    def stricter(cls: Any = None) -> Any:
        schema = real(cls)
        schema["$defs"]["ConsensusItem"]["properties"]["parties"]["minItems"] = 3
        return schema

    monkeypatch.setattr(dm, "json_schema", stricter)
    block = RULES.rules_block()
    assert block != RULES.current_block(CURATION.read_text("utf-8"))
    assert "at least 3" in _tables(block)["ConsensusItem"][1][3]


def test_the_guide_refuses_a_rule_it_cannot_say(monkeypatch: pytest.MonkeyPatch) -> None:
    # A new kind of rule stops the script rather than going unsaid on the page.
    real = dm.json_schema

    def with_a_maximum(cls: Any = None) -> Any:
        schema = real(cls)
        schema["$defs"]["ConsensusItem"]["properties"]["parties"]["maxItems"] = 9
        return schema

    monkeypatch.setattr(dm, "json_schema", with_a_maximum)
    with pytest.raises(ValueError, match=r"ConsensusItem\.parties: .*\['maxItems'\]"):
        RULES.rules_block()
