"""Write the Sphinx inventories (``objects.inv``, version 2) that ``conf.py`` maps.

The docs build offline, so intersphinx reads these small local inventories
instead of fetching the projects' own. Each lists only the objects the docs
refer to, each with its true place on the project's documentation site. To
link to another object, add it to ``INVENTORIES`` and run this script from
any folder: ``python docs/_inventories/make_inventories.py``.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).parent

# Per file: the project's name and version as its inventory states them, then
# (name, domain:role, uri relative to the site's root) for every object.
INVENTORIES: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "python.inv": (
        "Python",
        "3",
        [
            ("None", "py:data", "library/constants.html#None"),
            ("bool", "py:class", "library/functions.html#bool"),
            ("bytes", "py:class", "library/stdtypes.html#bytes"),
            ("dict", "py:class", "library/stdtypes.html#dict"),
            ("float", "py:class", "library/functions.html#float"),
            ("frozenset", "py:class", "library/stdtypes.html#frozenset"),
            ("int", "py:class", "library/functions.html#int"),
            ("list", "py:class", "library/stdtypes.html#list"),
            ("str", "py:class", "library/stdtypes.html#str"),
            ("tuple", "py:class", "library/stdtypes.html#tuple"),
            ("type", "py:class", "library/functions.html#type"),
            ("LookupError", "py:exception", "library/exceptions.html#LookupError"),
            ("RecursionError", "py:exception", "library/exceptions.html#RecursionError"),
            ("TypeError", "py:exception", "library/exceptions.html#TypeError"),
            ("ValueError", "py:exception", "library/exceptions.html#ValueError"),
            (
                "collections.abc.Iterable",
                "py:class",
                "library/collections.abc.html#collections.abc.Iterable",
            ),
            (
                "collections.abc.Iterator",
                "py:class",
                "library/collections.abc.html#collections.abc.Iterator",
            ),
            ("datetime.date", "py:class", "library/datetime.html#datetime.date"),
            ("json.loads", "py:function", "library/json.html#json.loads"),
            ("pathlib.Path", "py:class", "library/pathlib.html#pathlib.Path"),
            ("typing.Any", "py:data", "library/typing.html#typing.Any"),
        ],
    ),
    "attrs.inv": (
        "attrs",
        "stable",
        [
            ("attrs.define", "py:function", "api.html#attrs.define"),
            ("attrs.evolve", "py:function", "api.html#attrs.evolve"),
        ],
    ),
    "cattrs.inv": (
        "cattrs",
        "stable",
        [
            ("cattrs.Converter", "py:class", "cattrs.html#cattrs.Converter"),
            (
                "cattrs.preconf.json.make_converter",
                "py:function",
                "cattrs.preconf.html#cattrs.preconf.json.make_converter",
            ),
        ],
    ),
}


def inventory(project: str, version: str, objects: list[tuple[str, str, str]]) -> bytes:
    """One inventory file: four header lines, then zlib-compressed object lines.

    An object line is ``name domain:role priority uri dispname``; priority 1 is
    the usual one, and a display name of ``-`` means the name itself.
    """
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in sorted(objects))
    return header.encode("utf-8") + zlib.compress(lines.encode("utf-8"), 9)


def main() -> None:
    for file, (project, version, objects) in INVENTORIES.items():
        (HERE / file).write_bytes(inventory(project, version, objects))


if __name__ == "__main__":
    main()
