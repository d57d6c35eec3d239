"""``import diplomodel`` loads nothing until a name is used, and every name still resolves."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import diplomodel as dm

INIT = Path(dm.__file__)


def _type_checking_imports() -> dict[str, tuple[str, ...]]:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    return {
        node.module: tuple(alias.name for alias in node.names)
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module is not None
    }


def test_the_run_time_table_is_the_imports_type_checkers_read() -> None:
    assert _type_checking_imports() == dm._EXPORTED_BY
    assert sorted(dm._MODULE_OF) == sorted(dm.__all__)
    assert len(dm._MODULE_OF) == sum(map(len, dm._EXPORTED_BY.values()))  # no name twice


def test_every_exported_name_resolves_to_its_modules_object() -> None:
    import importlib

    for name, module in dm._MODULE_OF.items():
        expected = getattr(importlib.import_module(f"diplomodel.{module}"), name)
        assert getattr(dm, name) is expected
    assert set(dm.__all__) <= set(dir(dm))
    assert dm.__version__


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        dm.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_importing_the_package_loads_no_module_of_its_own_nor_dateutil() -> None:
    probe = (
        "import sys, diplomodel\n"
        "print(sorted(m for m in sys.modules if m.startswith(('diplomodel.', 'dateutil', 'cattrs'))))\n"
        "diplomodel.Dossier\n"
        "print('diplomodel.loader' in sys.modules, 'diplomodel.dossier' in sys.modules)\n"
        "diplomodel.load_seed\n"
        "print('diplomodel.loader' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    first, after_dossier, after_loader = done.stdout.splitlines()
    assert first == "[]"
    assert after_dossier == "False True"
    assert after_loader == "True"
