"""Sphinx configuration for the diplomodel docs (MyST Markdown)."""

project = "diplomodel"
author = "The diplomodel developers"
copyright = "2026, The diplomodel developers"

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.intersphinx"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
intersphinx_mapping: dict[str, tuple[str, None]] = {}

html_theme = "alabaster"
html_title = "diplomodel"
