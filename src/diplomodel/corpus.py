"""A corpus: several dossiers queried as one, people, institutions and countries merged by id."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from .countries import Country
from .dossier import Dossier
from .entities import Entity, kind_name
from .errors import Problem, ValidationError, shorten
from .institutions import Institution
from .loader import read_dossier
from .people import Person, Role
from .queries import Queries, QueryIndex, cached_index
from .serialize import to_dict

__all__ = ["Conflict", "Corpus"]

_ARTICLES_SHOWN = 3  # in a repr: the first few, then how many more

_MERGED_KINDS = (Country, Person, Institution)
# Fields that may differ between articles: evidence is per article, and the
# rest are lists whose union is the merged value.
_UNION_FIELDS = ("aliases", "abbreviations", "members")
_PER_ARTICLE_FIELDS = ("evidence", "roles", *_UNION_FIELDS)


@attrs.define(frozen=True, kw_only=True, repr=False)
class Conflict:
    """Articles that disagree about one fact of the same id."""

    id: str
    """The id the articles share."""
    field: str
    """The field they disagree on (``kind`` when they are different kinds of object,
    ``id`` when an id that may not be shared is)."""
    values: tuple[tuple[str, Any], ...]
    """Each article's id and its value, in JSON form."""

    def __str__(self) -> str:
        shown = "; ".join(f"{article}: {value!r}" for article, value in self.values)
        return f"{self.id}.{self.field} differs between articles ({shown})"

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{article!r}: {shorten(value)}" for article, value in self.values[:_ARTICLES_SHOWN]
        )
        if len(self.values) > _ARTICLES_SHOWN:
            shown += f", \u2026 {len(self.values) - _ARTICLES_SHOWN} more"
        return f"Conflict(id={self.id!r}, field={self.field!r}, values={{{shown}}})"


def _merge(versions: list[tuple[str, Entity]]) -> tuple[Entity, list[Conflict]]:
    """The merged object (the first version, with list fields united) and the conflicts."""
    id = versions[0][1].id
    first = versions[0][1]
    if len(versions) == 1:
        return first, []
    kinds = {kind_name(entity) for _article, entity in versions}
    if len(kinds) > 1:
        values = tuple((article, kind_name(entity)) for article, entity in versions)
        return first, [Conflict(id=id, field="kind", values=values)]
    if not isinstance(first, _MERGED_KINDS):
        values = tuple((article, kind_name(entity)) for article, entity in versions)
        return first, [Conflict(id=id, field="id", values=values)]
    conflicts = []
    for field in attrs.fields(type(first)):
        if field.name in _PER_ARTICLE_FIELDS:
            continue
        seen = {repr(getattr(entity, field.name)) for _article, entity in versions}
        if len(seen) > 1:
            values = tuple(
                (article, to_dict(getattr(entity, field.name))) for article, entity in versions
            )
            conflicts.append(Conflict(id=id, field=field.name, values=values))
    changes: dict[str, Any] = {}
    for name in _UNION_FIELDS:
        if hasattr(first, name):
            merged = dict.fromkeys(v for _a, entity in versions for v in getattr(entity, name))
            changes[name] = tuple(merged)
    if isinstance(first, Person):
        # One role per (title, institution), with the evidence of its first article.
        roles: dict[tuple[str, str], Role] = {}
        for _article, person in versions:
            for role in person.roles if isinstance(person, Person) else ():
                roles.setdefault((role.title, role.holder), role)
        changes["roles"] = tuple(roles.values())
    return attrs.evolve(first, **changes), conflicts


def _dossier_tuple(dossiers: Iterable[Dossier]) -> tuple[Dossier, ...]:
    if isinstance(dossiers, str | bytes | Path) or not isinstance(dossiers, Iterable):
        raise TypeError(
            f"dossiers must be an iterable of Dossier objects (Corpus.load reads files), "
            f"got {type(dossiers).__name__} {shorten(dossiers)}"
        )
    found = tuple(dossiers)
    for index, dossier in enumerate(found):
        if not isinstance(dossier, Dossier):
            raise TypeError(
                f"dossiers[{index}] is a {type(dossier).__name__} {shorten(dossier)}, not a Dossier"
            )
    return found


@attrs.define(frozen=True, repr=False)
class Corpus(Queries):
    """Several dossiers queried as one.

    People, institutions and countries that share an id across articles are
    merged: the merged object is the first article's, with aliases,
    abbreviations, members and roles united (its evidence stays the first
    article's; :meth:`mentions` gives every article's). Facts that differ between
    articles are not silently picked: they are listed in :attr:`conflicts`, and
    :meth:`check` raises them. Every query of :class:`~diplomodel.Dossier` works
    across the corpus; results carry the id of the article they come from.
    """

    dossiers: tuple[Dossier, ...] = attrs.field(converter=_dossier_tuple)
    """The dossiers, in the order given."""

    _entities: dict[str, Entity] = attrs.field(init=False, repr=False, eq=False)
    _sources: dict[str, tuple[tuple[str, Entity], ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _conflicts: tuple[Conflict, ...] = attrs.field(init=False, repr=False, eq=False)
    _index: QueryIndex | None = attrs.field(init=False, repr=False, eq=False, default=None)

    def __attrs_post_init__(self) -> None:
        versions: dict[str, list[tuple[str, Entity]]] = {}
        for dossier in self.dossiers:
            for entity in dossier.entities():
                versions.setdefault(entity.id, []).append((dossier.article.id, entity))
        entities: dict[str, Entity] = {}
        conflicts: list[Conflict] = []
        for id, found in versions.items():
            entities[id], problems = _merge(found)
            conflicts += problems
        object.__setattr__(self, "_entities", entities)
        object.__setattr__(self, "_sources", {id: tuple(v) for id, v in versions.items()})
        object.__setattr__(self, "_conflicts", tuple(conflicts))

    def __repr__(self) -> str:
        articles = ", ".join(repr(d.article.id) for d in self.dossiers[:_ARTICLES_SHOWN])
        if len(self.dossiers) > _ARTICLES_SHOWN:
            articles += f", \u2026 {len(self.dossiers) - _ARTICLES_SHOWN} more"
        return (
            f"Corpus(articles=[{articles}], people={len(self.people)}, "
            f"institutions={len(self.institutions)}, countries={len(self.countries)}, "
            f"events={sum(len(d.events) for d in self.dossiers)}, "
            f"statements={sum(len(d.statements) for d in self.dossiers)}, "
            f"conflicts={len(self._conflicts)})"
        )

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> Corpus:
        """A corpus of curation files (``.toml``) and JSON dumps (``.json``)."""
        return cls([read_dossier(path) for path in paths])

    def _query_index(self) -> QueryIndex:
        return cached_index(self, lambda: QueryIndex(self.dossiers))

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        """Every fact on which two articles disagree about the same id."""
        return self._conflicts

    def check(self) -> Corpus:
        """The corpus itself, or :class:`~diplomodel.ValidationError` listing its conflicts."""
        if self._conflicts:
            problems = [Problem(f"{c.id}.{c.field}", str(c)) for c in self._conflicts]
            raise ValidationError("the corpus's articles disagree", problems)
        return self

    def _entities_by_id(self) -> dict[str, Entity]:
        return self._entities

    def sources(self, id: str) -> tuple[tuple[str, Entity], ...]:
        """Each article's own version of the object: ``(article id, object)`` pairs."""
        self.get(id)
        return self._sources[id]

    def article_of(self, id: str) -> str:
        """Id of the first article that has the object."""
        return self.sources(id)[0][0]

    def _merged(self, kind: type[Any]) -> tuple[Any, ...]:
        return tuple(e for e in self._entities.values() if isinstance(e, kind))

    @property
    def people(self) -> tuple[Person, ...]:
        """Every person, merged across articles."""
        return self._merged(Person)

    @property
    def institutions(self) -> tuple[Institution, ...]:
        """Every institution, merged across articles."""
        return self._merged(Institution)

    @property
    def countries(self) -> tuple[Country, ...]:
        """Every country, merged across articles."""
        return self._merged(Country)
