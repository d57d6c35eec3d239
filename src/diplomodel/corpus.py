"""A corpus: several dossiers as one world, each thing merged across articles, with its sources.

People, institutions, countries, events and consensus items that share an id (or
that a curation declares the same with ``same_as``) are one thing, merged field by
field (:mod:`diplomodel.merge`); statements and evidence stay with their article.
A corpus is written as ``{"dossiers": [...]}``: :func:`~diplomodel.to_json` writes
it, ``from_json(text, Corpus)`` and :func:`read_corpus` read it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from .collector import collector_paused
from .countries import Country
from .dossier import Dossier
from .entities import Entity
from .errors import Problem, ValidationError, shorten, shorten_path
from .events import Event
from .institutions import Institution
from .loader import read_dossier
from .merge import Attestation, Conflict, StatusReport, World
from .people import Person
from .queries import Queries, QueryIndex, cached_index
from .serialize import from_json

__all__ = ["Conflict", "Corpus", "is_corpus_json", "read_corpus"]

_ARTICLES_SHOWN = 3  # in a repr: the first few, then how many more


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


def _duplicate_articles(dossiers: tuple[Dossier, ...]) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for index, dossier in enumerate(dossiers):
        article = dossier.article.id
        if article in first:
            problems.append(
                Problem(
                    f"$.dossiers[{index}].article.id",
                    f"duplicate article id {shorten(article)}, first at "
                    f"$.dossiers[{first[article]}]; an article counts once in a corpus",
                )
            )
        first.setdefault(article, index)
    return problems


@attrs.define(frozen=True, repr=False)
class Corpus(Queries):
    """Several dossiers as one world.

    Things with one id across articles are merged field by field (see
    ``docs/corpus.md``): names gather, roles and participants unite, date windows
    intersect, a status is history. Facts that cannot both be true are listed in
    :attr:`conflicts`, and :meth:`check` raises them. Every query of
    :class:`~diplomodel.Dossier` works across the corpus and gives each merged
    event once, with the articles that report it; :meth:`sources` and
    :meth:`attestations` say which article supports what.

    Raises :class:`~diplomodel.ValidationError` when two dossiers are of one article.
    """

    dossiers: tuple[Dossier, ...] = attrs.field(converter=_dossier_tuple)
    """The dossiers, in the order given."""

    _world: World | None = attrs.field(init=False, repr=False, eq=False, default=None)
    _by_id: dict[str, Entity] | None = attrs.field(init=False, repr=False, eq=False, default=None)
    _index: QueryIndex | None = attrs.field(init=False, repr=False, eq=False, default=None)
    _by_kind: dict[type[Any], tuple[Any, ...]] | None = attrs.field(
        init=False, repr=False, eq=False, default=None
    )
    _conflicts: tuple[Conflict, ...] | None = attrs.field(
        init=False, repr=False, eq=False, default=None
    )

    def __attrs_post_init__(self) -> None:
        problems = _duplicate_articles(self.dossiers)
        if problems:
            raise ValidationError("the corpus holds an article twice", problems)

    def __repr__(self) -> str:
        articles = ", ".join(repr(d.article.id) for d in self.dossiers[:_ARTICLES_SHOWN])
        if len(self.dossiers) > _ARTICLES_SHOWN:
            articles += f", \u2026 {len(self.dossiers) - _ARTICLES_SHOWN} more"
        return (
            f"Corpus(articles=[{articles}], people={len(self.people)}, "
            f"institutions={len(self.institutions)}, countries={len(self.countries)}, "
            f"events={len(self._query_index().events)}, "
            f"statements={len(self._merged_world().statements)}, "
            f"conflicts={len(self.conflicts)})"
        )

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> Corpus:
        """A corpus of curation files (``.toml``), JSON dumps and corpus files (``.json``)."""
        with collector_paused():  # many objects, no garbage: see diplomodel.collector
            return cls([dossier for path in paths for dossier in read_corpus(path).dossiers])

    def _merged_world(self) -> World:
        return cached_index(self, lambda: World(self.dossiers), "_world")

    def _query_index(self) -> QueryIndex:
        return cached_index(self, lambda: QueryIndex(self.dossiers, self._merged_world()))

    def _indexed(self) -> tuple[Dossier, ...]:
        return self.dossiers

    def _entities_by_id(self) -> dict[str, Entity]:
        def build() -> dict[str, Entity]:
            world = self._merged_world()
            # An id declared the same as another finds the merged thing too; a statement
            # id, its first article's statement, unless a merged thing has that id.
            statements = {id: found[0][1] for id, found in world.statement_versions.items()}
            aliases = {id: world.entities[merged] for id, merged in world.merged_id.items()}
            return {**statements, **aliases, **world.entities}

        return cached_index(self, build, "_by_id")

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        """Every fact on which articles disagree about one thing."""
        return cached_index(self, lambda: tuple(self._merged_world().conflicts), "_conflicts")

    def check(self) -> Corpus:
        """The corpus itself, or :class:`~diplomodel.ValidationError` listing its conflicts."""
        conflicts = self.conflicts
        if conflicts:
            problems = [Problem(f"{c.id}.{c.field}", str(c)) for c in conflicts]
            raise ValidationError("the corpus's articles disagree", problems)
        return self

    def _merged_id(self, id: str) -> str:
        return self.get(id).id

    def sources(self, id: str) -> tuple[tuple[str, Entity], ...]:
        """Each article's own account of the thing: ``(article id, object)`` pairs, in
        corpus order; ``id`` may be any id declared the same as it."""
        return tuple(self._merged_world().accounts(self._merged_id(id)))

    def attestations(self, id: str, field: str) -> tuple[Attestation, ...]:
        """Each value the articles give one field of the thing, with the articles that
        give it: ``attestations("talks", "date")`` tells which articles date it how.

        Raises :class:`~diplomodel.errors.NotFoundError` for an unknown id, and
        :class:`~diplomodel.ValidationError` for a field the thing does not have.
        """
        merged = self.get(id)
        names = [f.name for f in attrs.fields(type(merged)) if f.init]
        if field not in names:
            raise ValidationError(
                f"unknown field {shorten(field)}",
                [Problem("field", f"{shorten(field)} is not one of: {', '.join(names)}")],
            )
        return self._merged_world().attestations(merged.id, field)

    def names(self, id: str) -> tuple[str, ...]:
        """Every name the articles give the thing, the merged (first) name first."""
        return self._merged_world().names(self._merged_id(id))

    def history(self, id: str) -> tuple[StatusReport, ...]:
        """The status each article gives an event or consensus item, by publication date;
        the merged status is the latest article's."""
        return self._merged_world().history(self._merged_id(id))

    def article_of(self, id: str) -> str:
        """Id of the first article that has the object."""
        return self.sources(id)[0][0]

    def _merged(self, kind: type[Any]) -> tuple[Any, ...]:
        def build() -> dict[type[Any], tuple[Any, ...]]:
            # One pass over the merged things for every kind, kept for later calls.
            grouped: dict[type[Any], list[Any]] = {Person: [], Institution: [], Country: []}
            for entity in self._merged_world().entities.values():
                grouped.get(type(entity), []).append(entity)
            return {each: tuple(found) for each, found in grouped.items()}

        return cached_index(self, build, "_by_kind")[kind]

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

    @property
    def events(self) -> tuple[Event, ...]:
        """Every event, merged across articles: each once."""
        return self._query_index().events


_CORPUS_START = re.compile(r'\s*\{\s*"dossiers"\s*:')


def is_corpus_json(text: str) -> bool:
    """Whether JSON text is a corpus (its first key ``dossiers``) rather than one dossier."""
    return _CORPUS_START.match(text) is not None


def read_corpus(path: str | Path) -> Corpus:
    """A corpus from a corpus file (JSON ``{"dossiers": [...]}``, as ``diplomodel export``
    writes for several articles), or of the one dossier of a curation file or JSON dump.

    Raises :class:`~diplomodel.ValidationError` or :class:`~diplomodel.CurationError`
    naming the file and every problem.
    """
    if isinstance(path, str | Path) and Path(path).suffix.lower() == ".json":
        text = _json_text(Path(path))
        if is_corpus_json(text):
            try:
                return from_json(text, Corpus)  # which pauses the collector
            except ValidationError as error:
                label = shorten_path(path)
                raise ValidationError(f"{label}: {error.summary}", error.problems) from None
    return Corpus([read_dossier(path)])


def _json_text(path: Path) -> str:
    """The first characters of a JSON file, enough to tell a corpus from a dossier; the
    whole text when it is a corpus."""
    if not path.is_file():  # a FIFO must not be opened here: read_dossier refuses it
        return ""
    try:
        with path.open("r", encoding="utf-8-sig") as file:
            start = file.read(64)
            return start + file.read() if is_corpus_json(start) else start
    except (OSError, UnicodeDecodeError):
        return ""  # read_dossier says why, with its own checks of the file
