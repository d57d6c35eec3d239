"""The data files shipped inside the package: the ISO 3166-1 and CAMEO-to-PLOVER tables."""

from __future__ import annotations

import os

__all__ = ["read_package_text"]


def read_package_text(name: str) -> str:
    """The text of the package's data file ``name`` (``data/iso3166-1.tsv``), as UTF-8."""
    # Installed as files, the package reads its data beside its modules; importing
    # importlib.resources costs more than everything else reading a dossier needs.
    here = globals().get("__file__")
    path = os.path.join(os.path.dirname(here), *name.split("/")) if here else ""
    if path and os.path.isfile(path):
        with open(path, encoding="utf-8") as data:
            return data.read()
    from importlib import resources  # a package inside a zip file, or another loader

    return resources.files("diplomodel").joinpath(name).read_text("utf-8")
