"""The objects of a dossier that have ids of their own, and their kinds in words."""

from __future__ import annotations

from typing import Any

from .consensus import ConsensusItem
from .countries import Country
from .events import Event
from .institutions import Institution
from .people import Person
from .statements import Statement

__all__ = ["Entity", "Named", "a_kind", "kind_name", "label_of"]

Entity = Country | Institution | Person | Event | Statement | ConsensusItem
"""Any object of a dossier that has an id of its own; each has a ``name`` (a statement's
and a consensus item's is a label made from their words; an unnamed person's is ``None``,
so show :func:`label_of`)."""

Named = Country | Institution | Person | Event
"""The objects whose ``name`` is a field of their own, given by the curation (a person's
may be absent: see :attr:`Person.label`)."""

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


def label_of(entity: Entity) -> str:
    """What to show for an object: its name, or an unnamed person's description."""
    return entity.label if isinstance(entity, Person) else entity.name
