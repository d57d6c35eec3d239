"""The package as installed: its dependencies, types marker, public names, version and license;
and CI's list of the declared minimum versions."""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys
import textwrap
import tomllib
from importlib import metadata, resources
from pathlib import Path

import pytest

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
    from diplomodel import loader  # not loaded by ``import diplomodel`` on its own

    assert loader.seed_path().is_file()
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


ROOT = Path(__file__).parent.parent
MINIMUM_PINS = ROOT / ".ci" / "minimum_pins.py"


def _version_seen_when(metadata_version: str | None) -> str:
    """``diplomodel.__version__`` in a fresh interpreter whose installed metadata gives
    ``metadata_version`` for diplomodel (``None``: diplomodel is not installed)."""
    script = textwrap.dedent(
        f"""
        from importlib import metadata
        real_version = metadata.version

        def version(name):
            if name != "diplomodel":
                return real_version(name)
            if {metadata_version!r} is None:
                raise metadata.PackageNotFoundError(name)
            return {metadata_version!r}

        metadata.version = version
        import diplomodel
        print(diplomodel.__version__)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_version_is_the_installed_metadatas() -> None:
    assert dm.__version__ == metadata.version("diplomodel")
    pyproject = ROOT / "pyproject.toml"
    if pyproject.is_file():  # a source checkout or sdist: one version, written once
        declared = tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"]
        assert dm.__version__ == declared


def test_the_version_follows_the_metadata_and_says_when_it_is_unknown() -> None:
    other = f"{dm.__version__}.post7"
    assert _version_seen_when(other) == other
    assert _version_seen_when(None) == "0+unknown"


def test_the_license_is_declared_as_an_spdx_expression_with_its_files() -> None:
    """hatchling before 1.27 builds, but writes neither field."""
    meta = metadata.metadata("diplomodel")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert meta["License-Expression"] == project["license"]
    assert meta.get_all("License-File") == project["license-files"]
    for path in project["license-files"]:
        assert metadata.distribution("diplomodel").read_text(f"licenses/{path}")


def _minimum_pins(pyproject: Path) -> subprocess.CompletedProcess[str]:
    if not MINIMUM_PINS.is_file():
        pytest.skip("CI's scripts are in a source checkout only")
    return subprocess.run(
        [sys.executable, str(MINIMUM_PINS), str(pyproject)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_ci_pins_every_declared_floor_exactly() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    done = _minimum_pins(ROOT / "pyproject.toml")
    assert done.returncode == 0, done.stderr
    pins = dict(line.split("==") for line in done.stdout.splitlines())
    dev = project["project"]["optional-dependencies"]["dev"]
    declared = [
        *project["build-system"]["requires"],
        *project["project"]["dependencies"],
        *(r for r in dev if r.startswith(("pytest>", "hypothesis>"))),
    ]
    assert dict(r.split(">=") for r in declared) == pins
    assert set(pins) >= {"hatchling", "attrs", "cattrs", "python-dateutil", "pytest"}


def test_ci_refuses_a_requirement_without_a_floor(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        textwrap.dedent(
            """
            [build-system]
            requires = ["hatchling"]
            [project]
            dependencies = ["attrs>=24.3", "cattrs~=25.2", "python-dateutil>=2.7"]
            optional-dependencies = { dev = ["pytest>=8"] }
            """
        ),
        encoding="utf-8",
    )
    done = _minimum_pins(pyproject)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "build-system.requires: 'hatchling' is not 'name>=version'" in done.stderr
    assert "project.dependencies: 'cattrs~=25.2' is not 'name>=version'" in done.stderr
    assert "project.optional-dependencies.dev: no 'hypothesis'" in done.stderr
    assert "Traceback" not in done.stderr


def test_package_data_reads_alike_from_files_and_through_importlib_resources() -> None:
    from importlib import resources
    from unittest import mock

    from diplomodel.package_data import read_package_text

    for name in ("data/iso3166-1.tsv", "data/CAMEO2PLOVER-2021.txt"):
        expected = resources.files("diplomodel").joinpath(name).read_text("utf-8")
        assert read_package_text(name) == expected
        with mock.patch("os.path.isfile", return_value=False):  # as from a zip file
            assert read_package_text(name) == expected
