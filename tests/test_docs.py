"""The docs stay true to the code.

Every ```python block of every page runs as a doctest; the API reference
documents exactly the exported names; every enum member has a docstring; the
intersphinx inventories are what their script writes; the limits and names the
pages give are the code's.
"""

from __future__ import annotations

import ast
import doctest
import enum
import importlib
import importlib.util
import inspect
import pkgutil
import re
import textwrap
import zlib
from pathlib import Path
from typing import Any

import pytest

import diplomodel as dm

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
    spec = importlib.util.spec_from_file_location(
        "make_inventories", INVENTORIES / "make_inventories.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def _member_docstrings(cls: type[enum.Enum]) -> dict[str, str | None]:
    """Each member assigned in the class body, with the string literal right after it.

    That string is what Sphinx's autodoc shows as the member's docstring.
    """
    (body,) = ast.parse(textwrap.dedent(inspect.getsource(cls))).body
    assert isinstance(body, ast.ClassDef)
    docstrings: dict[str, str | None] = {}
    for statement, following in zip(body.body, [*body.body[1:], None], strict=True):
        if isinstance(statement, ast.Assign):
            (target,) = statement.targets
            assert isinstance(target, ast.Name)
            docstring = None
            if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
                docstring = (
                    following.value.value if isinstance(following.value.value, str) else None
                )
            docstrings[target.id] = docstring
    return docstrings


def test_every_exported_enum_is_checked() -> None:
    exported = {
        value
        for value in map(vars(dm).__getitem__, dm.__all__)
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
