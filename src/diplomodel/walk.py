"""Walking a dossier's parts: every evidence span and every reference, with its path.

Validation, coverage and the queries all read the dossier through these walks,
so that a new field with evidence or a reference is added in one place. The
walks go object by object (:func:`evidence_of`, :func:`references_of`), so that
they also serve checks of partial input, where each object keeps the index it
had in the input.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .article import UncitedPassage
from .consensus import ConsensusItem
from .countries import Country
from .errors import shorten
from .events import Event
from .evidence import Evidence
from .institutions import Institution
from .people import Person
from .statements import Statement

if TYPE_CHECKING:
    from .dossier import Dossier

__all__ = [
    "KIND_OF_SECTION",
    "SECTIONS",
    "EvidenceSite",
    "Reference",
    "Sectioned",
    "evidence_of",
    "iter_evidence",
    "iter_references",
    "references_of",
    "spans_of",
    "targets_of",
]

SECTIONS = (
    "countries",
    "institutions",
    "people",
    "events",
    "statements",
    "consensus_items",
    "uncited",
)
"""The dossier fields that hold lists of objects, in field order."""

KIND_OF_SECTION = {
    "countries": "country",
    "institutions": "institution",
    "people": "person",
    "events": "event",
    "statements": "statement",
    "consensus_items": "consensus item",
}
"""The kind of thing each section of facts holds, as problems and exports name it."""

Sectioned = Country | Institution | Person | Event | Statement | ConsensusItem | UncitedPassage
"""An object that sits in one of the :data:`SECTIONS` of a dossier."""


@attrs.define(frozen=True, kw_only=True)
class EvidenceSite:
    """One evidence span, where it sits in the dossier, and what it speaks of."""

    article: str
    """Id of the article whose text the evidence quotes."""
    path: str
    """JSON path of the evidence in its dossier, e.g. ``$.people[0].evidence[1]``."""
    owner: str
    """Id of the object that carries it (the article's id for artifacts)."""
    subjects: tuple[str, ...]
    """Ids of the objects the words refer to: the owner, and for a role or a
    participation also the person or institution it names."""
    evidence: Evidence
    """The span."""

    def __repr__(self) -> str:
        span = self.evidence
        return (
            f"EvidenceSite(path={self.path!r}, owner={shorten(self.owner)}, "
            f"evidence={span.start}..{span.end} {shorten(span.quote)})"
        )


@attrs.define(frozen=True, kw_only=True)
class Reference:
    """One id used as a reference, where it is used, and which kinds it may name."""

    path: str
    target: str
    kinds: tuple[str, ...]
    """Kinds of object the reference may name: ``person``, ``institution``, …"""


def _sites(
    article: str, path: str, owner: str, subjects: tuple[str, ...], spans: tuple[Evidence, ...]
) -> Iterator[EvidenceSite]:
    for index, evidence in enumerate(spans):
        yield _site(article, f"{path}.evidence[{index}]", owner, subjects, evidence)


def _site(
    article: str, path: str, owner: str, subjects: tuple[str, ...], evidence: Evidence
) -> EvidenceSite:
    return EvidenceSite(
        article=article, path=path, owner=owner, subjects=subjects, evidence=evidence
    )


def evidence_of(article: str, section: str, index: int, obj: Sectioned) -> Iterator[EvidenceSite]:
    """Every evidence span of one object, at its path ``$.<section>[<index>]…``.

    ``article`` is the id of the article the spans quote (and the owner of an
    uncited passage's span).
    """
    a = article
    path = f"$.{section}[{index}]"
    if isinstance(obj, UncitedPassage):
        yield _site(a, f"{path}.evidence", a, (), obj.evidence)
    elif isinstance(obj, Country | Institution):
        yield from _sites(a, path, obj.id, (obj.id,), obj.evidence)
    elif isinstance(obj, Person):
        yield from _sites(a, path, obj.id, (obj.id,), obj.evidence)
        for j, role in enumerate(obj.roles):
            subjects = (obj.id, role.holder)
            yield from _sites(a, f"{path}.roles[{j}]", obj.id, subjects, role.evidence)
    elif isinstance(obj, Event):
        yield from _sites(a, path, obj.id, (obj.id,), obj.evidence)
        if obj.place is not None:
            place = obj.place
            at_place = (obj.id,) if place.country is None else (obj.id, place.country)
            yield from _sites(a, f"{path}.place", obj.id, at_place, place.evidence)
        for j, participation in enumerate(obj.participants):
            subjects = (obj.id, participation.participant)
            yield from _sites(
                a, f"{path}.participants[{j}]", obj.id, subjects, participation.evidence
            )
    else:  # a statement or a consensus item: its content, then its further evidence
        yield _site(a, f"{path}.content", obj.id, (obj.id,), obj.content)
        yield from _sites(a, path, obj.id, (obj.id,), obj.evidence)
    if isinstance(obj, Event | Statement | ConsensusItem):
        for j, quantity in enumerate(obj.quantities):
            yield from _sites(a, f"{path}.quantities[{j}]", obj.id, (obj.id,), quantity.evidence)


def spans_of(obj: Sectioned) -> list[Evidence]:
    """The evidence spans :func:`evidence_of` walks for one object, without paths.

    For checks that build paths only once they know something is wrong.
    """
    if isinstance(obj, UncitedPassage):
        return [obj.evidence]
    spans = [obj.content] if isinstance(obj, Statement | ConsensusItem) else []
    spans += obj.evidence
    if isinstance(obj, Person):
        for role in obj.roles:
            spans += role.evidence
    elif isinstance(obj, Event):
        if obj.place is not None:
            spans += obj.place.evidence
        for participation in obj.participants:
            spans += participation.evidence
    if isinstance(obj, Event | Statement | ConsensusItem):
        for quantity in obj.quantities:
            spans += quantity.evidence
    return spans


_PERSON_OR_INSTITUTION = ("person", "institution")
_COUNTRY = ("country",)
_INSTITUTION = ("institution",)
_EVENT = ("event",)
_PARTY = ("person", "institution", "country")


def targets_of(obj: Sectioned) -> list[tuple[str, tuple[str, ...]]]:
    """The references :func:`references_of` walks for one object, as (target, kinds),
    without paths."""
    found: list[tuple[str | None, tuple[str, ...]]] = []
    if isinstance(obj, Institution):
        found += [(obj.country, _COUNTRY), (obj.parent, _INSTITUTION)]
        found += [(member, _INSTITUTION) for member in obj.members]
    elif isinstance(obj, Person):
        found.append((obj.country, _COUNTRY))
        for role in obj.roles:
            found += [(role.institution, _INSTITUTION), (role.country, _COUNTRY)]
    elif isinstance(obj, Event):
        if obj.place is not None:
            found.append((obj.place.country, _COUNTRY))
        found += [(each.participant, _PERSON_OR_INSTITUTION) for each in obj.participants]
        found += [
            (obj.part_of, _EVENT),
            (obj.series, _INSTITUTION),
            (obj.reported_by, _PERSON_OR_INSTITUTION),
            (obj.date.relative_to if obj.date else None, _EVENT),
        ]
    elif isinstance(obj, Statement):
        found += [(speaker, _PERSON_OR_INSTITUTION) for speaker in obj.speakers]
        found += [
            (obj.event, _EVENT),
            (obj.channel, _INSTITUTION),
            (obj.on_behalf_of, _INSTITUTION),
            (obj.date.relative_to if obj.date else None, _EVENT),
        ]
        found += [(addressee, _PARTY) for addressee in obj.addressees]
    elif isinstance(obj, ConsensusItem):
        found += [(party, _PARTY) for party in obj.parties]
        found += [
            (obj.event, _EVENT),
            (obj.document, _EVENT),
            (obj.reported_by, _PERSON_OR_INSTITUTION),
        ]
    return [(target, kinds) for target, kinds in found if target is not None]


def _dossier_sections(dossier: Dossier) -> dict[str, tuple[Sectioned, ...]]:
    return {
        "uncited": dossier.uncited,
        "countries": dossier.countries,
        "institutions": dossier.institutions,
        "people": dossier.people,
        "events": dossier.events,
        "statements": dossier.statements,
        "consensus_items": dossier.consensus_items,
    }


def iter_evidence(dossier: Dossier) -> Iterator[EvidenceSite]:
    """Every evidence span of the dossier: the artifacts', the uncited passages',
    then each section's in field order."""
    article = dossier.article
    a = article.id
    for i, artifact in enumerate(article.artifacts):
        yield _site(a, f"$.article.artifacts[{i}].evidence", a, (), artifact.evidence)
    for section, group in _dossier_sections(dossier).items():
        for index, obj in enumerate(group):
            yield from evidence_of(a, section, index, obj)


def _ref(path: str, target: str | None, *kinds: str) -> Iterator[Reference]:
    if target is not None:
        yield Reference(path=path, target=target, kinds=kinds)


def references_of(section: str, index: int, obj: Sectioned) -> Iterator[Reference]:
    """Every reference from one object to another, at its path ``$.<section>[<index>]…``."""
    path = f"$.{section}[{index}]"
    if isinstance(obj, Institution):
        yield from _ref(f"{path}.country", obj.country, "country")
        yield from _ref(f"{path}.parent", obj.parent, "institution")
        for j, member in enumerate(obj.members):
            yield from _ref(f"{path}.members[{j}]", member, "institution")
    elif isinstance(obj, Person):
        yield from _ref(f"{path}.country", obj.country, "country")
        for j, role in enumerate(obj.roles):
            yield from _ref(f"{path}.roles[{j}].institution", role.institution, "institution")
            yield from _ref(f"{path}.roles[{j}].country", role.country, "country")
    elif isinstance(obj, Event):
        if obj.place is not None:
            yield from _ref(f"{path}.place.country", obj.place.country, "country")
        for j, participation in enumerate(obj.participants):
            yield from _ref(
                f"{path}.participants[{j}].participant",
                participation.participant,
                *_PERSON_OR_INSTITUTION,
            )
        yield from _ref(f"{path}.part_of", obj.part_of, "event")
        yield from _ref(f"{path}.series", obj.series, "institution")
        yield from _ref(f"{path}.reported_by", obj.reported_by, *_PERSON_OR_INSTITUTION)
        yield from _ref(
            f"{path}.date.relative_to", obj.date.relative_to if obj.date else None, "event"
        )
    elif isinstance(obj, Statement):
        for j, speaker in enumerate(obj.speakers):
            yield from _ref(f"{path}.speakers[{j}]", speaker, *_PERSON_OR_INSTITUTION)
        yield from _ref(f"{path}.event", obj.event, "event")
        yield from _ref(f"{path}.channel", obj.channel, "institution")
        yield from _ref(f"{path}.on_behalf_of", obj.on_behalf_of, "institution")
        yield from _ref(
            f"{path}.date.relative_to", obj.date.relative_to if obj.date else None, "event"
        )
        for j, addressee in enumerate(obj.addressees):
            yield from _ref(
                f"{path}.addressees[{j}]", addressee, "person", "institution", "country"
            )
    elif isinstance(obj, ConsensusItem):
        for j, party in enumerate(obj.parties):
            yield from _ref(f"{path}.parties[{j}]", party, "person", "institution", "country")
        yield from _ref(f"{path}.event", obj.event, "event")
        yield from _ref(f"{path}.document", obj.document, "event")
        yield from _ref(f"{path}.reported_by", obj.reported_by, *_PERSON_OR_INSTITUTION)


def iter_references(dossier: Dossier) -> Iterator[Reference]:
    """Every reference from one object of the dossier to another."""
    for section, group in _dossier_sections(dossier).items():
        for index, obj in enumerate(group):
            yield from references_of(section, index, obj)
