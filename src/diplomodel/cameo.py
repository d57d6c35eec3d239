"""CAMEO event codes and their PLOVER categories, from the CAMEO-to-PLOVER table (2021)."""

from __future__ import annotations

import functools
import re

import attrs

from .errors import NotFoundError, shorten
from .package_data import read_package_text

__all__ = ["CameoCode", "cameo_code", "cameo_codes"]

_LINE = re.compile(r"^(?P<code>\d{2,4}):\s*(?P<fields>[^#]*?)\s*(?:#\s*(?P<label>.*))?$")


@attrs.define(frozen=True, kw_only=True)
class CameoCode:
    """One CAMEO code with the PLOVER event type, mode and context it maps to."""

    code: str
    """The CAMEO code: ``036``, ``042``."""
    plover: str
    """The PLOVER event type: ``AGREE``, ``CONSULT``."""
    mode: str | None
    """The PLOVER mode, when the table gives one: ``visit``."""
    context: str | None
    """The PLOVER context, when the table gives one: ``diplomatic``."""
    label: str
    """The CAMEO label: "Make a visit"."""


@functools.cache
def cameo_codes() -> dict[str, CameoCode]:
    """The whole CAMEO-to-PLOVER table, read once from the package's data, by code."""
    text = read_package_text("data/CAMEO2PLOVER-2021.txt")
    table: dict[str, CameoCode] = {}
    for line in text.splitlines():
        match = _LINE.match(line.strip())
        if not match:
            continue
        fields = [part.strip() for part in match["fields"].split(",")]
        fields += [""] * (3 - len(fields))
        table[match["code"]] = CameoCode(
            code=match["code"],
            plover=fields[0],
            mode=fields[1] or None,
            context=fields[2] or None,
            label=(match["label"] or fields[0]).strip(),
        )
    return table


def cameo_code(code: str) -> CameoCode:
    """Look up one CAMEO code.

    Raises ``diplomodel.errors.NotFoundError`` naming an unknown code.
    """
    try:
        return cameo_codes()[code]
    except (KeyError, TypeError):  # TypeError: an unhashable value is no code either
        raise NotFoundError(
            f"{shorten(code)} is not a CAMEO code of the CAMEO-to-PLOVER table", None
        ) from None
