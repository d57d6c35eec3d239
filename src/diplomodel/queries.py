"""Queries over one dossier or a corpus, answered from indexes built once.

:class:`Queries` holds the methods; :class:`~diplomodel.Dossier` and
:class:`~diplomodel.Corpus` inherit them and supply the dossiers to index. Every
method accepts an object or its id, and returns typed objects.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, overload

import attrs

from .consensus import ConsensusItem, ConsensusStatus
from .dates import FuzzyDate
from .entities import KIND_NAMES, Entity, EntityT, a_kind, kind_name
from .events import Event, EventKind, EventStatus, Participation
from .institutions import Institution
from .people import Person, Role
from .statements import Statement, StatementMode
from .walk import EvidenceSite, iter_evidence

if TYPE_CHECKING:
    from .dossier import Dossier

__all__ = ["Appointment", "Interaction", "Queries", "QueryIndex", "TimelineEntry"]

_NOT_YET = (EventStatus.PLANNED, EventStatus.TENTATIVE)


@attrs.define(frozen=True, kw_only=True)
class Appointment:
    """A role as held by a person: who, which title, in which institution, per which article."""

    article: str
    """Id of the article that states it."""
    person: str
    """Id of the person."""
    role: Role
    """The role, with its institution id and evidence."""


@attrs.define(frozen=True, kw_only=True)
class TimelineEntry:
    """An event on the timeline, with the date it is placed by."""

    article: str
    """Id of the article that tells of it."""
    event: Event
    """The event."""
    date: FuzzyDate | None
    """Its own date, or the date of the event it is part of; none when the article gives neither."""
    date_from: str | None
    """Id of the event whose date it is placed by: its own id, an enclosing event's, or none."""

    @property
    def is_planned(self) -> bool:
        """Whether it is still to come: planned or only tentatively agreed."""
        return self.event.status in _NOT_YET


@attrs.define(frozen=True, kw_only=True)
class Interaction:
    """Two participants of the same event: who met whom, in what parts, and when."""

    article: str
    """Id of the article that tells of it."""
    event: Event
    """The event at which they met."""
    first: Participation
    """One participant and its part."""
    second: Participation
    """The other participant and its part."""
    date: FuzzyDate | None
    """The event's date, or that of the event it is part of (as on the timeline)."""

    @property
    def pair(self) -> frozenset[str]:
        """The two participants' ids, in no order."""
        return frozenset((self.first.participant, self.second.participant))


_T = TypeVar("_T")


def _sort_key(entry: TimelineEntry) -> tuple[dt.date, dt.date, str]:
    if entry.date is None:
        return (dt.date.max, dt.date.max, entry.event.id)
    return (entry.date.earliest, entry.date.latest, entry.event.id)


class QueryIndex:
    """Lookups built once from a sequence of dossiers, for :class:`Queries`."""

    def __init__(self, dossiers: Sequence[Dossier]) -> None:
        self.statements: list[Statement] = []
        self.events: list[Event] = []
        self.consensus_items: list[ConsensusItem] = []
        self.statements_by: defaultdict[str, list[Statement]] = defaultdict(list)
        self.events_involving: defaultdict[str, list[Event]] = defaultdict(list)
        self.mentions: defaultdict[str, list[EvidenceSite]] = defaultdict(list)
        self.appointments_of: defaultdict[str, list[Appointment]] = defaultdict(list)
        self.timeline: list[TimelineEntry] = []
        self.interactions: list[Interaction] = []
        for dossier in dossiers:
            self._add(dossier)
        self.timeline.sort(key=_sort_key)

    def _add(self, dossier: Dossier) -> None:
        article = dossier.article.id
        self.statements += dossier.statements
        self.events += dossier.events
        self.consensus_items += dossier.consensus_items
        for statement in dossier.statements:
            for speaker in statement.speakers:
                self.statements_by[speaker].append(statement)
        for site in iter_evidence(dossier):
            for subject in site.subjects:
                self.mentions[subject].append(site)
        for person in dossier.people:
            for role in person.roles:
                appointment = Appointment(article=article, person=person.id, role=role)
                self.appointments_of[person.id].append(appointment)
                self.appointments_of[role.institution].append(appointment)
        events = {event.id: event for event in dossier.events}
        placed_by: dict[str, Event | None] = {}
        for event in dossier.events:
            for participant in dict.fromkeys(p.participant for p in event.participants):
                self.events_involving[participant].append(event)
            entry = self._timeline_entry(article, event, events, placed_by)
            self.timeline.append(entry)
            for first, second in itertools.combinations(event.participants, 2):
                if first.participant != second.participant:
                    self.interactions.append(
                        Interaction(
                            article=article,
                            event=event,
                            first=first,
                            second=second,
                            date=entry.date,
                        )
                    )

    @staticmethod
    def _timeline_entry(
        article: str, event: Event, events: dict[str, Event], placed_by: dict[str, Event | None]
    ) -> TimelineEntry:
        """The event's entry; ``placed_by`` remembers, per event id, the event whose date
        places it (none when no event up its ``part_of`` chain has a date), so that each
        chain is walked once for all the events on it."""
        # An event with no date of its own is placed by the event it is part of.
        walked: list[str] = []
        on_walk: set[str] = set()
        current: Event | None = event
        while current is not None and current.id not in placed_by:
            if current.date is not None:
                placed_by[current.id] = current
                break
            if current.id in on_walk:  # a cycle with no date on it
                break
            walked.append(current.id)
            on_walk.add(current.id)
            current = events.get(current.part_of) if current.part_of else None
        placing = placed_by.get(current.id) if current is not None else None
        for id in walked:
            placed_by[id] = placing
        if placing is None or placing.date is None:
            return TimelineEntry(article=article, event=event, date=None, date_from=None)
        return TimelineEntry(article=article, event=event, date=placing.date, date_from=placing.id)


def _id_of(x: Any) -> str:
    if isinstance(x, str):
        return x
    id = getattr(x, "id", None)
    if not isinstance(id, str):
        raise TypeError(f"expected an id or an object with an id, got {x!r}")
    return id


def _filter(items: Iterable[_T], keep: bool, test: Any) -> Iterable[_T]:
    return (item for item in items if test(item)) if keep else items


class Queries:
    """The queries that :class:`~diplomodel.Dossier` and :class:`~diplomodel.Corpus` share."""

    __slots__ = ()

    def _query_index(self) -> QueryIndex:  # pragma: no cover - supplied by subclasses
        raise NotImplementedError

    def _entities_by_id(self) -> dict[str, Entity]:  # pragma: no cover - supplied by subclasses
        raise NotImplementedError

    def __contains__(self, id: object) -> bool:
        return id in self._entities_by_id()

    @overload
    def get(self, id: str) -> Entity: ...
    @overload
    def get(self, id: str, kind: type[EntityT]) -> EntityT: ...
    def get(self, id: str, kind: type[Any] | None = None) -> Any:
        """The object with this id (in a corpus, merged); with ``kind``, also check its class.

        Raises :class:`LookupError` naming the id (and the kind it has) otherwise.
        """
        try:
            found = self._entities_by_id()[id]
        except KeyError:
            raise LookupError(f"no object with id {id!r}") from None
        if kind is not None and not isinstance(found, kind):
            wanted = KIND_NAMES.get(kind, kind.__name__)
            raise LookupError(f"{id!r} is {a_kind(kind_name(found))}, not {a_kind(wanted)}")
        return found

    def _known(self, x: Any) -> str:
        return self.get(_id_of(x)).id

    def statements_by(self, speaker: Any) -> tuple[Statement, ...]:
        """Every statement the person or institution made, alone or jointly, in text order."""
        return tuple(self._query_index().statements_by.get(self._known(speaker), ()))

    def events_involving(self, participant: Any) -> tuple[Event, ...]:
        """Every event at which the person or institution is a participant."""
        return tuple(self._query_index().events_involving.get(self._known(participant), ()))

    def mentions(self, subject: Any) -> tuple[EvidenceSite, ...]:
        """Every evidence span that refers to the object: its own evidence, and the
        evidence of the roles, participations and places that name it."""
        return tuple(self._query_index().mentions.get(self._known(subject), ()))

    def roles_of(self, holder: Any) -> tuple[Appointment, ...]:
        """The roles a person holds, or the roles held in an institution."""
        return tuple(self._query_index().appointments_of.get(self._known(holder), ()))

    def timeline(self, *, include_planned: bool = True) -> tuple[TimelineEntry, ...]:
        """Events by their earliest possible day (undated ones last); planned and
        tentative ones are included and marked by ``is_planned`` unless excluded."""
        entries = self._query_index().timeline
        return tuple(_filter(entries, not include_planned, lambda e: not e.is_planned))

    def interactions(self, participant: Any | None = None) -> tuple[Interaction, ...]:
        """Who met whom: each pair of participants of each event, optionally those of one."""
        found = self._query_index().interactions
        if participant is None:
            return tuple(found)
        id = self._known(participant)
        return tuple(i for i in found if id in i.pair)

    def statements_where(
        self,
        *,
        by: Any | None = None,
        topic: str | None = None,
        channel: Any | None = None,
        mode: StatementMode | None = None,
        event: Any | None = None,
    ) -> tuple[Statement, ...]:
        """Statements, filtered by speaker, topic, reporting channel, mode and event."""
        index = self._query_index()
        found: Iterable[Statement] = (
            index.statements_by.get(self._known(by), ()) if by is not None else index.statements
        )
        channel_id = self._known(channel) if channel is not None else None
        event_id = self._known(event) if event is not None else None
        found = _filter(found, topic is not None, lambda s: topic in s.topics)
        found = _filter(found, channel is not None, lambda s: s.channel == channel_id)
        found = _filter(found, mode is not None, lambda s: s.mode is mode)
        found = _filter(found, event is not None, lambda s: s.event == event_id)
        return tuple(found)

    def events_where(
        self,
        *,
        status: EventStatus | None = None,
        kind: EventKind | None = None,
        involving: Any | None = None,
    ) -> tuple[Event, ...]:
        """Events, filtered by status, kind and participant."""
        index = self._query_index()
        found: Iterable[Event] = (
            index.events_involving.get(self._known(involving), ())
            if involving is not None
            else index.events
        )
        found = _filter(found, status is not None, lambda e: e.status is status)
        found = _filter(found, kind is not None, lambda e: e.kind is kind)
        return tuple(found)

    def consensus_where(
        self,
        *,
        status: ConsensusStatus | None = None,
        topic: str | None = None,
        party: Any | None = None,
    ) -> tuple[ConsensusItem, ...]:
        """Consensus items, filtered by status, topic and party."""
        party_id = self._known(party) if party is not None else None
        found: Iterable[ConsensusItem] = self._query_index().consensus_items
        found = _filter(found, status is not None, lambda c: c.status is status)
        found = _filter(found, topic is not None, lambda c: topic in c.topics)
        found = _filter(found, party is not None, lambda c: party_id in c.parties)
        return tuple(found)

    def topics(self) -> tuple[str, ...]:
        """Every topic used by a statement or consensus item, sorted."""
        index = self._query_index()
        items: list[Statement | ConsensusItem] = [*index.statements, *index.consensus_items]
        return tuple(sorted({topic for item in items for topic in item.topics}))

    def named(self, name: str) -> tuple[Entity, ...]:
        """People and institutions whose id, name, alias or abbreviation is ``name``
        (case-insensitive)."""
        wanted = name.casefold()
        found = []
        for entity in self._entities_by_id().values():
            if not isinstance(entity, Person | Institution):
                continue
            names = {entity.id, entity.name}
            names.update(entity.aliases if isinstance(entity, Person) else entity.abbreviations)
            if wanted in {n.casefold() for n in names}:
                found.append(entity)
        return tuple(found)
