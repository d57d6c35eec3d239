"""Walking a dossier's parts: every evidence span and every reference, with its path.

Validation, coverage and the queries all read the dossier through these two
walks, so that a new field with evidence or a reference is added in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .evidence import Evidence

if TYPE_CHECKING:
    from .dossier import Dossier

__all__ = ["EvidenceSite", "Reference", "iter_evidence", "iter_references"]


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


def iter_evidence(dossier: Dossier) -> Iterator[EvidenceSite]:
    """Every evidence span of the dossier, in the order of its fields."""
    article = dossier.article
    a = article.id
    for i, artifact in enumerate(article.artifacts):
        yield _site(a, f"$.article.artifacts[{i}].evidence", a, (), artifact.evidence)
    for i, passage in enumerate(dossier.uncited):
        yield _site(a, f"$.uncited[{i}].evidence", a, (), passage.evidence)
    for i, country in enumerate(dossier.countries):
        yield from _sites(a, f"$.countries[{i}]", country.id, (country.id,), country.evidence)
    for i, institution in enumerate(dossier.institutions):
        yield from _sites(
            a, f"$.institutions[{i}]", institution.id, (institution.id,), institution.evidence
        )
    for i, person in enumerate(dossier.people):
        yield from _sites(a, f"$.people[{i}]", person.id, (person.id,), person.evidence)
        for j, role in enumerate(person.roles):
            yield from _sites(
                a,
                f"$.people[{i}].roles[{j}]",
                person.id,
                (person.id, role.institution),
                role.evidence,
            )
    for i, event in enumerate(dossier.events):
        yield from _sites(a, f"$.events[{i}]", event.id, (event.id,), event.evidence)
        if event.place is not None:
            subjects = (
                (event.id,) if event.place.country is None else (event.id, event.place.country)
            )
            yield from _sites(a, f"$.events[{i}].place", event.id, subjects, event.place.evidence)
        for j, participation in enumerate(event.participants):
            yield from _sites(
                a,
                f"$.events[{i}].participants[{j}]",
                event.id,
                (event.id, participation.participant),
                participation.evidence,
            )
    for i, statement in enumerate(dossier.statements):
        own = (statement.id,)
        yield _site(a, f"$.statements[{i}].content", statement.id, own, statement.content)
        yield from _sites(
            a, f"$.statements[{i}]", statement.id, (statement.id,), statement.evidence
        )
    for i, item in enumerate(dossier.consensus_items):
        yield _site(a, f"$.consensus_items[{i}].content", item.id, (item.id,), item.content)
        yield from _sites(a, f"$.consensus_items[{i}]", item.id, (item.id,), item.evidence)


_PERSON_OR_INSTITUTION = ("person", "institution")


def iter_references(dossier: Dossier) -> Iterator[Reference]:
    """Every reference from one object of the dossier to another."""

    def ref(path: str, target: str | None, *kinds: str) -> Iterator[Reference]:
        if target is not None:
            yield Reference(path=path, target=target, kinds=kinds)

    for i, institution in enumerate(dossier.institutions):
        path = f"$.institutions[{i}]"
        yield from ref(f"{path}.country", institution.country, "country")
        yield from ref(f"{path}.parent", institution.parent, "institution")
        for j, member in enumerate(institution.members):
            yield from ref(f"{path}.members[{j}]", member, "institution")
    for i, person in enumerate(dossier.people):
        yield from ref(f"$.people[{i}].country", person.country, "country")
        for j, role in enumerate(person.roles):
            yield from ref(f"$.people[{i}].roles[{j}].institution", role.institution, "institution")
    for i, event in enumerate(dossier.events):
        path = f"$.events[{i}]"
        if event.place is not None:
            yield from ref(f"{path}.place.country", event.place.country, "country")
        for j, participation in enumerate(event.participants):
            yield from ref(
                f"{path}.participants[{j}].participant",
                participation.participant,
                *_PERSON_OR_INSTITUTION,
            )
        yield from ref(f"{path}.part_of", event.part_of, "event")
        yield from ref(f"{path}.series", event.series, "institution")
    for i, statement in enumerate(dossier.statements):
        path = f"$.statements[{i}]"
        for j, speaker in enumerate(statement.speakers):
            yield from ref(f"{path}.speakers[{j}]", speaker, *_PERSON_OR_INSTITUTION)
        yield from ref(f"{path}.event", statement.event, "event")
        yield from ref(f"{path}.channel", statement.channel, "institution")
    for i, item in enumerate(dossier.consensus_items):
        path = f"$.consensus_items[{i}]"
        for j, party in enumerate(item.parties):
            yield from ref(f"{path}.parties[{j}]", party, "person", "institution", "country")
        yield from ref(f"{path}.event", item.event, "event")
        yield from ref(f"{path}.document", item.document, "event")
