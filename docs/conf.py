"""Sphinx configuration for the diplomodel docs (MyST Markdown)."""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

from sphinx.ext import intersphinx
from sphinx.pycode import ModuleAnalyzer

import diplomodel

project = "diplomodel"
author = "The diplomodel developers"
copyright = "2026, The diplomodel developers"

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.intersphinx"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_inventories"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}

# The build runs offline: each mapping reads a small local inventory, written by
# _inventories/make_inventories.py, that holds the objects these docs refer to.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", "_inventories/python.inv"),
    "attrs": ("https://www.attrs.org/en/stable", "_inventories/attrs.inv"),
    "cattrs": ("https://catt.rs/en/stable", "_inventories/cattrs.inv"),
}

# For a local `sphinx-build -n` run: type variables and private helpers are not
# documented, so references to them in signatures and docstrings stay plain text.
nitpick_ignore_regex = [
    ("py:class", r"diplomodel\.\w+\.(_[A-Z]|T)"),
    ("py:func", r"check_dossier"),
]

html_theme = "alabaster"
html_title = "diplomodel"

_MODULES = [
    importlib.import_module(f"diplomodel.{info.name}")
    for info in pkgutil.iter_modules(diplomodel.__path__)
    if not info.name.startswith("_")
]
_IN_A_MODULE = re.compile(r"diplomodel\.[a-z_]+\.(\w+(?:\.\w+)*)")


def _defining_module_docs(
    app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Give ``diplomodel.NAME`` data the docstring written where NAME is assigned.

    The package re-exports names such as ``TABLES`` and ``Record``; their
    docstrings sit after the assignment in their own module, where autodoc,
    reading ``diplomodel/__init__.py``, does not look (it shows the docstring
    of the value's type instead, such as ``dict``'s for ``Record``).
    """
    module_name, _, attribute = name.rpartition(".")
    if what != "data" or module_name != "diplomodel":
        return
    for module in _MODULES:
        if attribute in getattr(module, "__all__", ()) and getattr(module, attribute) is obj:
            found = ModuleAnalyzer.for_module(module.__name__).find_attr_docs()
            docstring = found.get(("", attribute))
            if docstring:
                lines[:] = list(docstring)
                return


def _exported_name(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve ``diplomodel.errors.NotFoundError`` to ``diplomodel.NotFoundError``.

    Docstrings and signatures name objects by the module that defines them; the
    reference documents them under the package, which exports them. A bare
    ``Iterable`` (from a signature) is ``collections.abc.Iterable``.
    """
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    in_module = _IN_A_MODULE.fullmatch(target)
    if in_module and in_module[1].split(".")[0] in diplomodel.__all__:
        python = env.get_domain("py")
        return python.resolve_xref(
            env,
            node["refdoc"],
            app.builder,
            node["reftype"],
            f"diplomodel.{in_module[1]}",
            node,
            contnode,
        )
    if target in {"Iterable", "Iterator"}:
        qualified = node.deepcopy()
        qualified["reftarget"] = f"collections.abc.{target}"
        return intersphinx.missing_reference(app, env, qualified, contnode)
    return None


def setup(app: Any) -> None:
    app.connect("autodoc-process-docstring", _defining_module_docs)
    app.connect("missing-reference", _exported_name)
