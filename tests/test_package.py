"""The package as installed: its runtime dependencies, its types marker, its public names."""

from __future__ import annotations

import inspect
import json
import re
from importlib import metadata, resources

import diplomodel as dm


def test_runtime_dependencies_are_attrs_cattrs_and_dateutil_only() -> None:
    requirements = metadata.requires("diplomodel") or []
    runtime = {
        re.split(r"[<>=!~ ;\[]", requirement)[0].lower()
        for requirement in requirements
        if "extra ==" not in requirement
    }
    assert runtime == {"attrs", "cattrs", "python-dateutil"}


def _installed_editable() -> bool:
    direct_url = metadata.distribution("diplomodel").read_text("direct_url.json")
    return bool(direct_url and json.loads(direct_url).get("dir_info", {}).get("editable"))


def test_the_package_is_typed_and_ships_its_data() -> None:
    files = resources.files("diplomodel")
    assert files.joinpath("py.typed").is_file()
    assert files.joinpath("data", "CAMEO2PLOVER-2021.txt").is_file()
    assert dm.loader.seed_path().is_file()
    if not _installed_editable():  # a wheel carries the seed inside the package
        assert files.joinpath("seeds", "000_25c877c6326c8c1d.txt").is_file()
        assert files.joinpath("seeds", "000_25c877c6326c8c1d.toml").is_file()


def test_every_public_class_and_function_has_a_docstring_of_its_own() -> None:
    checked = 0
    for name in dm.__all__:
        value = getattr(dm, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert value.__module__.startswith("diplomodel"), name
            assert inspect.getdoc(value), name
            checked += 1
    assert checked > 40
