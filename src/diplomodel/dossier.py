"""The dossier: everything curated from one article, checked whole on construction.

The whole-dossier checks live in :func:`check_dossier`, which also runs on
partial input: the loader and the JSON reader call it with the objects they
could build, so that one pass reports every problem of a file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import types
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from .article import Article, UncitedPassage
from .consensus import ConsensusItem
from .countries import Country
from .coverage import Coverage
from .dates import EffectiveDate, EffectiveDateSource
from .entities import Entity, a_kind, kind_name
from .errors import Problem, ValidationError, path_with_id, shorten
from .events import Event, EventKind
from .evidence import Evidence
from .institutions import Institution
from .people import Person
from .queries import Queries, QueryIndex, cached_index
from .statements import Statement
from .walk import (
    KIND_OF_SECTION,
    SECTIONS,
    Reference,
    evidence_of,
    references_of,
    spans_of,
    targets_of,
)

__all__ = ["Dossier", "check_dossier"]


_KIND_OF_SECTION = KIND_OF_SECTION
"""The sections whose objects have ids, and the kind of object each holds."""

_NOTHING_UNREADABLE: Mapping[str, str] = types.MappingProxyType({})


@attrs.define(frozen=True, kw_only=True)
class Dossier(Queries):
    """Everything curated from one article, with lookup by id.

    Construction checks the whole (see :func:`check_dossier`): ids are unique
    across all kinds, every reference resolves to an object of the right kind,
    institution parents and event nesting have no cycles, every evidence quote
    equals ``article.text[start:end]``, no fact cites a text artifact (but for a
    caption, which may carry facts), a place's country code is its country's, a role
    that ended before the article's date is ``former`` (and a former one did not end
    after it), and every
    alias of a person occurs in the text. All problems are raised at once as a
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
        sections = {
            name: tuple(enumerate(getattr(self, name)))
            for name in SECTIONS  # every field that holds a list of objects
        }
        problems = check_dossier(self.article, sections)
        if problems:
            raise ValidationError(f"dossier {shorten(self.article.id)} is not valid", problems)
        # Valid, so every id is unique.
        object.__setattr__(self, "_by_id", {entity.id: entity for entity in self.entities()})

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(getattr(self, name))}" for name in SECTIONS)
        return f"Dossier(article={shorten(self.article.id)}, {counts})"

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
        return cached_index(self, lambda: QueryIndex([self]))

    def effective_date(self, item: Statement | ConsensusItem | str) -> EffectiveDate | None:
        """The date that holds for a statement or consensus item (or its id), and whose it is.

        Its own date, else its event's, else the date of the event that event is
        part of; ``None`` when none of them has one. Raises
        :class:`~diplomodel.NotFoundError` for an id of anything else.
        """
        if isinstance(item, str):
            item = self.get(item, (Statement, ConsensusItem))
        own = item.date if isinstance(item, Statement) else None
        if own is not None:
            return EffectiveDate(date=own, source=EffectiveDateSource.OWN)
        event = self._by_id.get(item.event or "")
        if not isinstance(event, Event):
            return None
        if event.date is not None:
            return EffectiveDate(date=event.date, source=EffectiveDateSource.EVENT, event=event.id)
        parent = self._by_id.get(event.part_of or "")
        if isinstance(parent, Event) and parent.date is not None:
            return EffectiveDate(
                date=parent.date, source=EffectiveDateSource.PARENT_EVENT, event=parent.id
            )
        return None

    def coverage(self) -> Coverage:
        """Which sentences of the article the curation cites, explains, or leaves unaccounted."""
        return Coverage.of(self)

    def _entities_by_id(self) -> dict[str, Entity]:
        return self._by_id


def check_dossier(
    article: Article | None,
    sections: Mapping[str, Sequence[tuple[int, Any]]],
    unreadable: Mapping[str, str] = _NOTHING_UNREADABLE,
) -> list[Problem]:
    """Whole-dossier checks over the objects that could be read.

    ``sections`` maps a dossier field name (countries, institutions, people,
    events, statements, consensus_items, uncited) to (index in the input,
    object) pairs; problem paths are JSON paths that use those indices
    (``$.events[3].part_of``), so an item dropped from the input leaves the
    others' paths as they were. A missing section counts as empty.
    ``unreadable`` maps ids of input objects that could not be built to their
    section name: references to them are not reported as unknown (only as of
    the wrong kind, when the section says so). With no article, checks that
    need the text (quotes against the text, artifacts, aliases) are skipped.

    The checks are those of :class:`Dossier`; their cost grows linearly (or as
    n log n) with the size of the input. Returns the problems, in the order:
    ids, references, same_as, cycles, statement voices, place countries, evidence, aliases,
    former roles.
    A section name it does not know is a mistake of the caller, not of the input,
    and raises :class:`ValueError`.
    """
    unknown = sorted(set(sections) - set(SECTIONS))
    if unknown:
        raise ValueError(f"unknown dossier section(s) {unknown}; expected some of {SECTIONS}")
    by_id, problems = _index_ids(sections)
    problems += _check_references(sections, by_id, unreadable)
    problems += _check_same_as(sections, by_id)
    problems += _check_cycles(sections, by_id)
    problems += _check_relative_dates(sections, by_id)
    problems += _check_statement_voices(sections)
    problems += _check_place_countries(sections, by_id)
    if article is not None:
        problems += _check_evidence(article, sections)
        problems += _check_aliases(article.text, sections)
        problems += _check_former_roles(article.published, sections)
    if not problems:
        return problems
    ids = {
        (section, index): getattr(obj, "id", None)
        for section, items in sections.items()
        for index, obj in items
    }
    return [
        Problem(path_with_id(problem.path, lambda *at: ids.get(at)), problem.message)
        for problem in problems
    ]


def _index_ids(
    sections: Mapping[str, Sequence[tuple[int, Any]]],
) -> tuple[dict[str, Entity], list[Problem]]:
    """Each id's object (the first that has it), and a problem for each later one."""
    by_id: dict[str, Entity] = {}
    first_at: dict[str, tuple[str, int]] = {}  # a path is written only for a duplicate
    problems: list[Problem] = []
    for section in _KIND_OF_SECTION:
        for index, entity in sections.get(section, ()):
            if entity.id in by_id:
                first_section, first_index = first_at[entity.id]
                problems.append(
                    Problem(
                        f"$.{section}[{index}].id",
                        f"duplicate id {shorten(entity.id)}, first used at "
                        f"$.{first_section}[{first_index}].id",
                    )
                )
                continue
            by_id[entity.id] = entity
            first_at[entity.id] = (section, index)
    return by_id, problems


def _check_references(
    sections: Mapping[str, Sequence[tuple[int, Any]]],
    by_id: Mapping[str, Entity],
    unreadable: Mapping[str, str],
) -> list[Problem]:
    problems: list[Problem] = []
    sound = _references_sound(sections, by_id, unreadable)
    for section in SECTIONS if not sound else ():
        for index, obj in sections.get(section, ()):
            for reference in references_of(section, index, obj):
                problem = _reference_problem(reference, by_id, unreadable)
                if problem is not None:
                    problems.append(problem)
    for index, item in sections.get("consensus_items", ()):
        document = by_id.get(item.document or "")
        # A consensus item's document is the official account of it: a report (a readout).
        if isinstance(document, Event) and document.kind is not EventKind.REPORT:
            problems.append(
                Problem(
                    f"$.consensus_items[{index}].document",
                    f"{shorten(document.id)} is {a_kind(document.kind.value)} event, "
                    "expected a report event (the readout that records the consensus)",
                )
            )
    return problems


def _references_sound(
    sections: Mapping[str, Sequence[tuple[int, Any]]],
    by_id: Mapping[str, Entity],
    unreadable: Mapping[str, str],
) -> bool:
    """Whether :func:`_reference_problem` finds nothing, told without building paths."""
    # The kind of each id (None: an unreadable object of a section with no kind).
    kind_of: dict[str, str | None] = {id: kind_name(entity) for id, entity in by_id.items()}
    for id, section in unreadable.items():
        kind_of.setdefault(id, _KIND_OF_SECTION.get(section))
    for section in SECTIONS:
        for _index, obj in sections.get(section, ()):
            for target, kinds in targets_of(obj):
                if target not in kind_of:
                    return False
                kind = kind_of[target]
                if kind is not None and kind not in kinds:
                    return False
    return True


def _check_same_as(
    sections: Mapping[str, Sequence[tuple[int, Any]]], by_id: Mapping[str, Entity]
) -> list[Problem]:
    """A ``same_as`` id must not be one of this dossier's ids: it ties a thing to another
    article's id for it, and one article keeps its own things apart."""
    problems: list[Problem] = []
    for section in _KIND_OF_SECTION:
        for index, entity in sections.get(section, ()):
            for position, other in enumerate(getattr(entity, "same_as", ())):
                if other not in by_id:
                    continue
                whose = (
                    "its own id"
                    if other == entity.id
                    else f"the id of {a_kind(kind_name(by_id[other]))} of this article"
                )
                problems.append(
                    Problem(
                        f"$.{section}[{index}].same_as[{position}]",
                        f"{shorten(other)} is {whose}; same_as names another article's id "
                        "for the same thing",
                    )
                )
    return problems


def _reference_problem(
    reference: Reference, by_id: Mapping[str, Entity], unreadable: Mapping[str, str]
) -> Problem | None:
    target = by_id.get(reference.target)
    if target is not None:
        found: str | None = kind_name(target)
    elif reference.target in unreadable:
        # It exists; its section tells its kind (an unknown section, nothing).
        found = _KIND_OF_SECTION.get(unreadable[reference.target])
    else:
        wanted = " or ".join(reference.kinds)  # "person or institution"
        return Problem(reference.path, f"unknown id {shorten(reference.target)} ({wanted})")
    if found is None or found in reference.kinds:
        return None
    wanted = " or ".join(reference.kinds)
    return Problem(
        reference.path,
        f"{shorten(reference.target)} is {a_kind(found)}, expected {a_kind(wanted)}",
    )


def _check_statement_voices(sections: Mapping[str, Sequence[tuple[int, Any]]]) -> list[Problem]:
    """A statement's addressees and the body it speaks for are not among its own speakers."""
    problems: list[Problem] = []
    for index, statement in sections.get("statements", ()):
        speakers = set(statement.speakers)
        if statement.on_behalf_of in speakers:
            problems.append(
                Problem(
                    f"$.statements[{index}].on_behalf_of",
                    f"{shorten(statement.on_behalf_of)} is also a speaker: a body that speaks "
                    "for itself is a speaker, one that a spokesperson speaks for is on_behalf_of",
                )
            )
        for j, addressee in enumerate(statement.addressees):
            if addressee in speakers:
                problems.append(
                    Problem(
                        f"$.statements[{index}].addressees[{j}]",
                        f"{shorten(addressee)} is also a speaker: a statement is not "
                        "said to its own speaker",
                    )
                )
    return problems


def _check_place_countries(
    sections: Mapping[str, Sequence[tuple[int, Any]]], by_id: Mapping[str, Entity]
) -> list[Problem]:
    """A place given both a country and a country code names one country with both."""
    problems: list[Problem] = []
    for index, event in sections.get("events", ()):
        place = event.place
        if place is None or place.country is None or place.country_code is None:
            continue
        country = by_id.get(place.country)
        if isinstance(country, Country) and country.alpha2 != place.country_code:
            problems.append(
                Problem(
                    f"$.events[{index}].place.country_code",
                    f"{shorten(place.country_code)} is not the code of the place's country "
                    f"{shorten(country.id)} ({country.alpha2}); give one of the two, or both alike",
                )
            )
    return problems


def _check_relative_dates(
    sections: Mapping[str, Sequence[tuple[int, Any]]], by_id: Mapping[str, Entity]
) -> list[Problem]:
    """A date relative to another event has that event's window (cycles of relative dates
    are found with the other cycles)."""
    problems: list[Problem] = []
    for section in ("events", "statements"):
        for index, obj in sections.get(section, ()):
            date = obj.date
            target = by_id.get(date.relative_to or "") if date is not None else None
            if date is None or not isinstance(target, Event):
                continue  # no relative date, or the reference check reports it
            path = f"$.{section}[{index}].date"
            if target.date is None:
                problems.append(
                    Problem(
                        f"{path}.relative_to",
                        f"event {shorten(target.id)} has no date for this one to be relative to",
                    )
                )
            elif (date.earliest, date.latest, date.precision) != (
                target.date.earliest,
                target.date.latest,
                target.date.precision,
            ):
                problems.append(
                    Problem(
                        path,
                        f"a date relative to {shorten(target.id)} has its window "
                        f"{target.date.edtf!r}, not {date.edtf!r}",
                    )
                )
    return problems


def _relative_to(event: Event) -> str | None:
    return event.date.relative_to if event.date is not None else None


# Walk states of the cycle check: not yet reached, on the walk under way, done.
_NEW, _ON_WALK, _DONE = 0, 1, 2


def _check_cycles(
    sections: Mapping[str, Sequence[tuple[int, Any]]], by_id: Mapping[str, Entity]
) -> list[Problem]:
    """Each member of a cycle of institution parents or event nesting, at its own path.

    An id names the first object that has it, so a later twin (already reported
    as a duplicate) has no object pointing at it and is never in a cycle. Each
    object's link is followed once: a walk stops at an object already reached,
    and finds a cycle only when that object is on the walk itself. Objects that
    merely lead into a cycle are not reported: their own links are sound.
    """
    problems: list[Problem] = []
    chains: tuple[tuple[str, str, Callable[[Any], str | None]], ...] = (
        ("institutions", "parent", lambda institution: institution.parent),
        ("events", "part_of", lambda event: event.part_of),
        ("events", "date.relative_to", _relative_to),
    )
    for section, link, follow in chains:
        items: Sequence[tuple[int, Any]] = sections.get(section, ())
        position_of: dict[str, int] = {}
        for position, (_index, obj) in enumerate(items):
            own_id: str = obj.id
            if own_id not in position_of and by_id.get(own_id) is obj:
                position_of[own_id] = position
        following = [position_of.get(follow(obj) or "") for _index, obj in items]
        state = [_NEW] * len(items)
        for start in range(len(items)):
            walk: list[int] = []
            step: int | None = start
            while step is not None and state[step] == _NEW:
                state[step] = _ON_WALK
                walk.append(step)
                step = following[step]
            if step is not None and state[step] == _ON_WALK:
                cycle = walk[walk.index(step) :]
                for member in sorted(cycle):
                    index, obj = items[member]
                    problems.append(
                        Problem(
                            f"$.{section}[{index}].{link}",
                            _cycle_message(obj, link, follow(obj), cycle),
                        )
                    )
            for done in walk:
                state[done] = _DONE
    return problems


def _cycle_message(
    obj: Institution | Event, link: str, target: str | None, cycle: Sequence[int]
) -> str:
    kind = kind_name(obj)
    if len(cycle) == 1:
        return f"{shorten(obj.id)} is part of a cycle of one {kind}: its {link} is itself"
    return (
        f"{shorten(obj.id)} is part of a cycle of {len(cycle)} {kind}s: "
        f"its {link} {shorten(target)} leads back to it"
    )


class _ArtifactSpans:
    """The article's artifacts, sorted once, to tell in log time whether a span overlaps one."""

    def __init__(self, artifacts: Iterable[Evidence], skip: Container[int] = ()) -> None:
        """``skip``: indices of artifacts that facts may overlap (captions)."""
        ordered = sorted(
            ((index, span) for index, span in enumerate(artifacts) if index not in skip),
            key=lambda pair: pair[1].start,
        )
        self.starts = [span.start for _index, span in ordered]
        # reach[k]: the furthest end among the first k + 1 artifacts, and whose it is.
        self.reach: list[tuple[int, int]] = []
        for index, span in ordered:
            if not self.reach or span.end > self.reach[-1][0]:
                self.reach.append((span.end, index))
            else:
                self.reach.append(self.reach[-1])

    def overlapping(self, span: Evidence) -> int | None:
        """The index of an artifact that shares a code point with ``span``, if any."""
        # Only artifacts starting before the span ends can overlap it; of those,
        # one does exactly when the furthest-reaching ends after the span starts.
        before = bisect.bisect_left(self.starts, span.end)
        if before and self.reach[before - 1][0] > span.start:
            return self.reach[before - 1][1]
        return None


def _check_evidence(
    article: Article, sections: Mapping[str, Sequence[tuple[int, Any]]]
) -> list[Problem]:
    text = article.text
    # A caption may carry facts, so evidence inside one is allowed (ArtifactKind.citable).
    artifacts = _ArtifactSpans(
        (artifact.evidence for artifact in article.artifacts),
        skip={index for index, artifact in enumerate(article.artifacts) if artifact.kind.citable},
    )
    problems: list[Problem] = []

    def check(path: str, evidence: Evidence, is_fact: bool) -> None:
        found = text[evidence.start : evidence.end]
        if found != evidence.quote:
            problems.append(
                Problem(
                    path,
                    f"quote {shorten(evidence.quote)} does not match the text at "
                    f"{evidence.start}..{evidence.end}, which reads {shorten(found)}",
                )
            )
            return
        artifact = artifacts.overlapping(evidence) if is_fact else None
        if artifact is not None:
            problems.append(
                Problem(
                    path,
                    f"quote {shorten(evidence.quote)} overlaps a text artifact "
                    f"($.article.artifacts[{artifact}])",
                )
            )

    if _evidence_sound(text, artifacts, article, sections):
        return problems
    for index, artifact_ in enumerate(article.artifacts):
        check(f"$.article.artifacts[{index}].evidence", artifact_.evidence, False)
    for section in ("uncited", *_KIND_OF_SECTION):
        for index, obj in sections.get(section, ()):
            for site in evidence_of(article.id, section, index, obj):
                check(site.path, site.evidence, bool(site.subjects))
    return problems


def _evidence_sound(
    text: str,
    artifacts: _ArtifactSpans,
    article: Article,
    sections: Mapping[str, Sequence[tuple[int, Any]]],
) -> bool:
    """Whether :func:`_check_evidence` finds nothing, told without building paths."""
    for artifact in article.artifacts:
        span = artifact.evidence
        if text[span.start : span.end] != span.quote:
            return False
    overlapping = artifacts.overlapping if artifacts.starts else None
    for section in ("uncited", *_KIND_OF_SECTION):
        check_artifacts = overlapping if section != "uncited" else None
        for _index, obj in sections.get(section, ()):
            for span in spans_of(obj):
                if text[span.start : span.end] != span.quote:
                    return False
                if check_artifacts is not None and check_artifacts(span) is not None:
                    return False
    return True


def _check_aliases(text: str, sections: Mapping[str, Sequence[tuple[int, Any]]]) -> list[Problem]:
    people: Sequence[tuple[int, Person]] = sections.get("people", ())
    found = _occurring(text, (alias for _index, person in people for alias in person.aliases))
    return [
        Problem(
            f"$.people[{index}].aliases[{j}]", f"alias {shorten(alias)} does not occur in the text"
        )
        for index, person in people
        for j, alias in enumerate(person.aliases)
        if alias not in found
    ]


def _check_former_roles(
    published: dt.date, sections: Mapping[str, Sequence[tuple[int, Any]]]
) -> list[Problem]:
    """A role that surely ended before the article's date is former, and a former one
    did not surely end after it."""
    problems: list[Problem] = []
    for index, person in sections.get("people", ()):
        for j, role in enumerate(person.roles):
            end = role.end
            if end is None:
                continue
            path = f"$.people[{index}].roles[{j}]"
            if not role.former and end.latest is not None and end.latest < published:
                problems.append(
                    Problem(
                        f"{path}.former",
                        f"the role ended {shorten(end.text)} (by {end.latest.isoformat()}), "
                        f"before the article's date {published.isoformat()}: set former = true",
                    )
                )
            if role.former and end.earliest is not None and end.earliest > published:
                problems.append(
                    Problem(
                        f"{path}.end",
                        f"a former role cannot end after the article's date "
                        f"{published.isoformat()}, but {shorten(end.text)} is from "
                        f"{end.earliest.isoformat()}",
                    )
                )
    return problems


_FEW_WORDS = 16
"""Up to this many words, :func:`_occurring` scans the text once per word."""


def _occurring(text: str, words: Iterable[str]) -> set[str]:
    """The words that occur in ``text``, found in one pass over it.

    Aho-Corasick: a trie of the words with failure links, walked once along the
    text. The cost grows with the text's length plus the words' total length,
    where testing ``word in text`` word by word grows with their product. A
    few words are still looked up one by one: a bounded number of C-speed
    scans costs less than one walk in Python.
    """
    distinct = set(words)
    if len(distinct) <= _FEW_WORDS:
        return {word for word in distinct if word in text}
    children: list[dict[str, int]] = [{}]  # the trie: state -> character -> state
    state_of: dict[str, int] = {}  # word -> the state at which it ends
    for word in distinct:
        state = 0
        for character in word:
            child = children[state].get(character)
            if child is None:
                child = len(children)
                children.append({})
                children[state][character] = child
            state = child
        state_of[word] = state
    # Failure link: the state of the longest proper suffix that is also in the trie.
    fallback = [0] * len(children)
    breadth_first: list[int] = []
    queue = deque(children[0].values())
    while queue:
        state = queue.popleft()
        breadth_first.append(state)
        for character, child in children[state].items():
            back = fallback[state]
            while back and character not in children[back]:
                back = fallback[back]
            fallback[child] = children[back].get(character, 0)
            queue.append(child)
    reached = [False] * len(children)
    state = 0
    for character in text:
        while state and character not in children[state]:
            state = fallback[state]
        state = children[state].get(character, 0)
        reached[state] = True
    # Reaching a state also means its suffixes occurred; pass that down, deepest first.
    for state in reversed(breadth_first):
        if reached[state]:
            reached[fallback[state]] = True
    return {word for word, state in state_of.items() if reached[state]}
