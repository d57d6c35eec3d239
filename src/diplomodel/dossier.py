"""The dossier: everything curated from one article, checked whole on construction."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .article import Article, UncitedPassage
from .consensus import ConsensusItem
from .countries import Country
from .coverage import Coverage
from .entities import Entity, a_kind, kind_name
from .errors import Problem, ValidationError
from .events import Event, EventKind
from .institutions import Institution
from .people import Person
from .queries import Queries, QueryIndex
from .statements import Statement
from .walk import iter_evidence, iter_references

__all__ = ["Dossier"]

_DOCUMENT_KINDS = (EventKind.REPORT, EventKind.PUBLICATION, EventKind.ANNOUNCEMENT)


@attrs.define(frozen=True, kw_only=True)
class Dossier(Queries):
    """Everything curated from one article, with lookup by id.

    Construction checks the whole: ids are unique across all kinds, every
    reference resolves to an object of the right kind, institution parents and
    event nesting have no cycles, every evidence quote equals
    ``article.text[start:end]``, no fact cites a text artifact, and every alias
    of a person occurs in the text. All problems are raised at once as a
    :class:`~diplomodel.ValidationError` whose paths are JSON paths.
    """

    article: Article
    """The source article."""
    countries: tuple[Country, ...] = ()
    """Countries named or implied."""
    institutions: tuple[Institution, ...] = ()
    """Parties, organs, state bodies, outlets, academies, mechanisms."""
    people: tuple[Person, ...] = ()
    """People named, with their roles."""
    events: tuple[Event, ...] = ()
    """Events that took place, are under way, or are planned."""
    statements: tuple[Statement, ...] = ()
    """Who said what."""
    consensus_items: tuple[ConsensusItem, ...] = ()
    """What the sides agreed, confirmed or discussed."""
    uncited: tuple[UncitedPassage, ...] = ()
    """Sentences deliberately left uncited, each with its reason."""

    _by_id: dict[str, Entity] = attrs.field(init=False, repr=False, eq=False)
    _index: QueryIndex | None = attrs.field(init=False, repr=False, eq=False, default=None)

    def __attrs_post_init__(self) -> None:
        by_id, problems = _index_ids(self)
        object.__setattr__(self, "_by_id", by_id)
        problems += _check_references(self, by_id)
        problems += _check_cycles(self)
        problems += _check_evidence(self)
        problems += _check_aliases(self)
        if problems:
            raise ValidationError(f"dossier {self.article.id!r} is not valid", problems)

    def _sections(self) -> tuple[tuple[str, tuple[Entity, ...]], ...]:
        """The fields that hold objects with ids, by name, in field order."""
        return (
            ("countries", self.countries),
            ("institutions", self.institutions),
            ("people", self.people),
            ("events", self.events),
            ("statements", self.statements),
            ("consensus_items", self.consensus_items),
        )

    def entities(self) -> Iterator[Entity]:
        """Every object with an id, kind by kind in field order."""
        for _name, group in self._sections():
            yield from group

    def _query_index(self) -> QueryIndex:
        if self._index is None:
            object.__setattr__(self, "_index", QueryIndex([self]))
        assert self._index is not None
        return self._index

    def coverage(self) -> Coverage:
        """Which sentences of the article the curation cites, explains, or leaves unaccounted."""
        return Coverage.of(self)

    def _entities_by_id(self) -> dict[str, Entity]:
        return self._by_id


def _index_ids(dossier: Dossier) -> tuple[dict[str, Entity], list[Problem]]:
    by_id: dict[str, Entity] = {}
    first_path: dict[str, str] = {}
    problems: list[Problem] = []
    for field_name, group in dossier._sections():
        for index, entity in enumerate(group):
            path = f"$.{field_name}[{index}].id"
            if entity.id in by_id:
                problems.append(
                    Problem(
                        path, f"duplicate id {entity.id!r}, first used at {first_path[entity.id]}"
                    )
                )
                continue
            by_id[entity.id] = entity
            first_path[entity.id] = path
    return by_id, problems


def _check_references(dossier: Dossier, by_id: dict[str, Entity]) -> list[Problem]:
    problems: list[Problem] = []
    for reference in iter_references(dossier):
        target = by_id.get(reference.target)
        wanted = " or ".join(reference.kinds)  # "person or institution"
        if target is None:
            problems.append(Problem(reference.path, f"unknown id {reference.target!r} ({wanted})"))
        elif kind_name(target) not in reference.kinds:
            problems.append(
                Problem(
                    reference.path,
                    f"{reference.target!r} is {a_kind(kind_name(target))}, "
                    f"expected {a_kind(wanted)}",
                )
            )
    for index, item in enumerate(dossier.consensus_items):
        document = by_id.get(item.document or "")
        if isinstance(document, Event) and document.kind not in _DOCUMENT_KINDS:
            problems.append(
                Problem(
                    f"$.consensus_items[{index}].document",
                    f"{document.id!r} is {a_kind(document.kind.value)} event, expected a report, "
                    "publication or announcement",
                )
            )
    return problems


def _check_cycles(dossier: Dossier) -> list[Problem]:
    problems: list[Problem] = []
    chains: tuple[tuple[str, str, dict[str, str | None]], ...] = (
        ("institutions", "parent", {i.id: i.parent for i in dossier.institutions}),
        ("events", "part_of", {e.id: e.part_of for e in dossier.events}),
    )
    for field_name, link, parent_of in chains:
        for index, start in enumerate(parent_of):
            seen = {start}
            current = parent_of[start]
            while current is not None and current in parent_of:
                if current in seen:
                    problems.append(
                        Problem(f"$.{field_name}[{index}].{link}", f"{start!r} is part of a cycle")
                    )
                    break
                seen.add(current)
                current = parent_of[current]
    return problems


def _check_evidence(dossier: Dossier) -> list[Problem]:
    text = dossier.article.text
    artifacts = [artifact.evidence for artifact in dossier.article.artifacts]
    problems: list[Problem] = []
    for site in iter_evidence(dossier):
        evidence = site.evidence
        found = text[evidence.start : evidence.end]
        if found != evidence.quote:
            problems.append(
                Problem(
                    site.path,
                    f"quote {evidence.quote!r} does not match the text at "
                    f"{evidence.start}..{evidence.end}, which reads {found!r}",
                )
            )
        elif site.subjects and any(evidence.overlaps(artifact) for artifact in artifacts):
            problems.append(
                Problem(site.path, f"quote {evidence.quote!r} overlaps a text artifact")
            )
    return problems


def _check_aliases(dossier: Dossier) -> list[Problem]:
    text = dossier.article.text
    return [
        Problem(f"$.people[{i}].aliases[{j}]", f"alias {alias!r} does not occur in the text")
        for i, person in enumerate(dossier.people)
        for j, alias in enumerate(person.aliases)
        if alias not in text
    ]
