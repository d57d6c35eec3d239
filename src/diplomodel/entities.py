"""The objects of a dossier that have ids of their own, and their kinds in words."""

from __future__ import annotations

from typing import Any

from .consensus import ConsensusItem
from .countries import Country
from .events import Event
from .institutions import Institution
from .people import Person
from .statements import Statement

__all__ = ["NAMED_KINDS", "Entity", "Named", "a_kind", "kind_name"]

Entity = Country | Institution | Person | Event | Statement | ConsensusItem
"""Any object of a dossier that has an id of its own."""

Named = Country | Institution | Person | Event
"""The objects that also have a ``name``; statements and consensus items have none."""

NAMED_KINDS: tuple[type[Country], type[Institution], type[Person], type[Event]] = (
    Country,
    Institution,
    Person,
    Event,
)
"""The kinds of :data:`Named`, to pass to ``get``: ``dossier.get(id, NAMED_KINDS).name``
type-checks, and raises when the id is a statement's."""

KIND_NAMES: dict[type[Any], str] = {
    Country: "country",
    Institution: "institution",
    Person: "person",
    Event: "event",
    Statement: "statement",
    ConsensusItem: "consensus item",
}


def kind_name(obj: object) -> str:
    """The kind of a dossier object in words: ``person``, ``consensus item``."""
    return KIND_NAMES[type(obj)]


def a_kind(word: str) -> str:
    """The word with its indefinite article: ``a person``, ``an event``, ``an institution``."""
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"
