"""Identifiers and the small field validators every model class shares."""

from __future__ import annotations

import re
from collections.abc import Sized
from typing import Any

import attrs

__all__ = ["ID_PATTERN", "TOPIC_PATTERN", "is_id", "non_empty", "valid_id", "valid_ids"]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Ids are lower-case slugs: ``wang-huning``, ``cpc-central-committee``."""

TOPIC_PATTERN = ID_PATTERN
"""Topics are slugs too: ``bilateral-relations``, ``seafood-imports``."""

_ID = re.compile(ID_PATTERN)


def is_id(value: object) -> bool:
    """Whether ``value`` is a well-formed id."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def valid_id(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: ``value`` is an id (``None`` passes, for optional references)."""
    if value is not None and not is_id(value):
        raise ValueError(f"{attribute.name} must be a slug id matching {ID_PATTERN}, got {value!r}")


def valid_ids(_instance: Any, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """attrs validator: every item of the tuple is an id, and none repeats."""
    for item in value:
        if not is_id(item):
            raise ValueError(
                f"{attribute.name} must hold slug ids matching {ID_PATTERN}, got {item!r}"
            )
    if len(set(value)) != len(value):
        raise ValueError(f"{attribute.name} repeats an id: {list(value)!r}")


def non_empty(_instance: Any, attribute: attrs.Attribute[Any], value: Sized) -> None:
    """attrs validator: a string with more than white space, or a non-empty tuple."""
    if isinstance(value, str):
        if not value.strip():
            raise ValueError(f"{attribute.name} must not be empty")
    elif len(value) == 0:
        raise ValueError(f"{attribute.name} must not be empty")


def valid_topics(
    _instance: Any, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    """attrs validator: every topic is a slug, and none repeats."""
    for topic in value:
        if not is_id(topic):
            raise ValueError(
                f"{attribute.name} must hold slug topics matching {TOPIC_PATTERN}, got {topic!r}"
            )
    if len(set(value)) != len(value):
        raise ValueError(f"{attribute.name} repeats a topic: {list(value)!r}")
