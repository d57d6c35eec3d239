"""Queries over one dossier or a corpus, answered from indexes built once.

:class:`Queries` holds the methods; :class:`~diplomodel.Dossier` and
:class:`~diplomodel.Corpus` inherit them and supply the dossiers to index. Every
method accepts an object or its id, and returns typed objects.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import itertools
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, overload

import attrs

from .consensus import ConsensusItem, ConsensusStatus
from .countries import Country
from .dates import FuzzyDate
from .entities import KIND_NAMES, Entity, a_kind, kind_name, label_of
from .errors import NotFoundError, Problem, ValidationError, shorten
from .events import Event, EventKind, EventStatus, Participation
from .institutions import Institution
from .people import Person, Role
from .statements import SpeechAct, Statement, StatementMode
from .walk import EvidenceSite, iter_evidence

if TYPE_CHECKING:
    from .dossier import Dossier

__all__ = [
    "Appointment",
    "Interaction",
    "Queries",
    "QueryIndex",
    "TimelineEntry",
    "cached_index",
    "fold_name",
]

_NOT_YET = (EventStatus.PLANNED, EventStatus.TENTATIVE)


@attrs.define(frozen=True, kw_only=True, repr=False)
class Appointment:
    """A role as held by a person: who, which title, in which institution or country, per
    which article."""

    article: str
    """Id of the article that states it."""
    person: str
    """Id of the person."""
    role: Role
    """The role, with its institution or country id, its times and evidence."""

    def __repr__(self) -> str:
        return (
            f"Appointment(article={self.article!r}, person={self.person!r}, "
            f"title={shorten(self.role.title)}, {self.role.held_in})"
        )


@attrs.define(frozen=True, kw_only=True, repr=False)
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

    def __repr__(self) -> str:
        date = self.date.edtf if self.date is not None else None
        return (
            f"TimelineEntry(article={self.article!r}, event={self.event.id!r}, "
            f"name={shorten(self.event.name)}, date={date!r}, date_from={self.date_from!r})"
        )


@attrs.define(frozen=True, kw_only=True, repr=False)
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

    def __repr__(self) -> str:
        first, second = self.first, self.second
        date = self.date.edtf if self.date is not None else None
        return (
            f"Interaction(article={self.article!r}, event={self.event.id!r}, "
            f"first={first.participant!r} ({first.part.value}), "
            f"second={second.participant!r} ({second.part.value}), date={date!r})"
        )


_T = TypeVar("_T")


def _sort_key(entry: TimelineEntry) -> tuple[dt.date, dt.date, str]:
    if entry.date is None:
        return (dt.date.max, dt.date.max, entry.event.id)
    # An open start sorts first, an open end last.
    earliest, latest = entry.date.earliest or dt.date.min, entry.date.latest or dt.date.max
    return (earliest, latest, entry.event.id)


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
        items: list[Statement | ConsensusItem] = [*self.statements, *self.consensus_items]
        self.topics: list[str] = sorted({topic for item in items for topic in item.topics})

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
                self.appointments_of[role.holder].append(appointment)
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


_E = TypeVar("_E", bound=enum.Enum)
_A = TypeVar("_A", Country, Institution, Person, Event, Statement, ConsensusItem)
_B = TypeVar("_B", Country, Institution, Person, Event, Statement, ConsensusItem)
_C = TypeVar("_C", Country, Institution, Person, Event, Statement, ConsensusItem)
_D = TypeVar("_D", Country, Institution, Person, Event, Statement, ConsensusItem)


_ENTITY_KINDS: tuple[type[Any], ...] = tuple(KIND_NAMES)
_SPEAKER_KINDS: tuple[type[Any], ...] = (Person, Institution)
_PARTY_KINDS: tuple[type[Any], ...] = (Person, Institution, Country)
_TOPICS_SHOWN = 8
_KIND_LIST = ", ".join(kind.__name__ for kind in _ENTITY_KINDS)

# One lock for every lazy index: building is quick, and a lock per object would
# need a place on frozen, slotted objects to keep it.
_INDEX_LOCK = threading.RLock()


def cached_index(
    owner: object, build: Callable[[], QueryIndex], attribute: str = "_index"
) -> QueryIndex:
    """The query index kept in ``owner``'s ``attribute``, built by ``build`` on first use.

    Safe under threads: however many ask at once, ``build`` runs once per owner.
    """
    index: QueryIndex | None = getattr(owner, attribute)
    if index is None:
        with _INDEX_LOCK:
            index = getattr(owner, attribute)
            if index is None:
                index = build()
                object.__setattr__(owner, attribute, index)
    return index


def fold_name(name: str) -> str:
    """``name`` compared loosely: case folded and accents dropped (``Lü`` as ``lu``)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _type_error(parameter: str, accepts: str, value: object) -> TypeError:
    return TypeError(f"{parameter} must be {accepts}, got {type(value).__name__} {shorten(value)}")


def _member(enum_type: type[_E], value: _E | str | None, parameter: str) -> _E | None:
    """The enum member for a member or its string value (as JSON and the CLI write it)."""
    if value is None or isinstance(value, enum_type):
        return value
    if not isinstance(value, str):
        raise _type_error(parameter, f"a {enum_type.__name__} or one of its values", value)
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in enum_type)
        raise ValidationError(
            f"unknown {parameter} {shorten(value)}",
            [Problem(parameter, f"{shorten(value)} is not one of: {allowed}")],
        ) from None


def _kind_tuple(kind: object) -> tuple[type[Any], ...]:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not kinds or not all(k in KIND_NAMES for k in kinds):
        raise _type_error("kind", f"one of {_KIND_LIST}, or a tuple of them", kind)
    return kinds


def _filter(items: Iterable[_T], keep: bool, test: Any) -> Iterable[_T]:
    return (item for item in items if test(item)) if keep else items


class Queries:
    """The queries that :class:`~diplomodel.Dossier` and :class:`~diplomodel.Corpus` share.

    Wherever a query takes an object, it takes its id too. Unknown ids, and
    objects of the wrong kind, raise :class:`~diplomodel.errors.NotFoundError`;
    arguments of the wrong type raise :class:`TypeError` naming the parameter.
    """

    __slots__ = ()

    def _query_index(self) -> QueryIndex:  # pragma: no cover - supplied by subclasses
        raise NotImplementedError

    def _entities_by_id(self) -> dict[str, Entity]:  # pragma: no cover - supplied by subclasses
        raise NotImplementedError

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and id in self._entities_by_id()

    @overload
    def get(self, id: str) -> Entity: ...
    @overload
    def get(self, id: str, kind: type[_A]) -> _A: ...
    @overload
    def get(self, id: str, kind: tuple[type[_A], type[_B]]) -> _A | _B: ...
    @overload
    def get(self, id: str, kind: tuple[type[_A], type[_B], type[_C]]) -> _A | _B | _C: ...
    @overload
    def get(
        self, id: str, kind: tuple[type[_A], type[_B], type[_C], type[_D]]
    ) -> _A | _B | _C | _D: ...
    @overload
    def get(self, id: str, kind: tuple[type[Entity], ...]) -> Entity: ...
    def get(self, id: str, kind: type[Any] | tuple[type[Any], ...] | None = None) -> Entity:
        """The object with this id (in a corpus, merged); with ``kind`` (a class, or a
        tuple of classes), also check its class.

        Without ``kind`` the type is :data:`~diplomodel.Entity`; every kind has a
        ``name`` (``None`` for an unnamed person), and :func:`~diplomodel.label_of`
        gives what to show for any of them.

        Raises :class:`~diplomodel.errors.NotFoundError` (a :class:`LookupError`)
        naming the id, and the kind it has when that is not the kind asked for.
        """
        if not isinstance(id, str):
            raise _type_error("id", "an id (str)", id)
        kinds = _kind_tuple(kind) if kind is not None else None
        entities = self._entities_by_id()
        found = entities.get(id)
        if found is None:
            near = difflib.get_close_matches(id, list(entities), n=1)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise NotFoundError(f"no object with id {shorten(id)}{hint}", id)
        if kinds is not None and not isinstance(found, kinds):
            wanted = " or ".join(a_kind(KIND_NAMES[k]) for k in kinds)
            raise NotFoundError(f"{shorten(id)} is {a_kind(kind_name(found))}, not {wanted}", id)
        return found

    def name_of(self, id: str) -> str:
        """The name of the object with this id: a statement's or consensus item's is a
        label of its words, an unnamed person's its description (see :func:`label_of`)."""
        return label_of(self.get(id))

    def _ref(self, value: object, parameter: str, kinds: tuple[type[Any], ...]) -> str:
        """The id of ``value`` (an id, an object, or the name of a person or an
        institution), checked to be known and of ``kinds``."""
        if isinstance(value, str):
            id = value
            if id not in self._entities_by_id() and set(kinds) & {Person, Institution}:
                id = self._id_of_name(value) or id
        elif isinstance(value, _ENTITY_KINDS):
            id = value.id
        else:
            names = " or ".join(a_kind(KIND_NAMES[k]) for k in kinds)
            raise _type_error(parameter, f"an id (str), a name or {names}", value)
        return self.get(id, kinds).id

    def _id_of_name(self, name: str) -> str | None:
        """The id of the one person or institution called ``name``; none if nobody is."""
        found = self.named(name)
        if len(found) > 1:
            ids = ", ".join(entity.id for entity in found)
            raise NotFoundError(f"{shorten(name)} names more than one: {ids}; give an id", name)
        return found[0].id if found else None

    def _topic(self, topic: str | None) -> str | None:
        """``topic``, checked to be one some statement or consensus item uses."""
        if topic is None:
            return None
        if not isinstance(topic, str):
            raise _type_error("topic", "a topic (str)", topic)
        known = self._query_index().topics
        if topic not in known:
            near = difflib.get_close_matches(topic, known, n=1)
            hint = f"did you mean {near[0]!r}? " if near else ""
            shown = ", ".join(known[:_TOPICS_SHOWN])
            more = f" and {len(known) - _TOPICS_SHOWN} more" if len(known) > _TOPICS_SHOWN else ""
            raise NotFoundError(
                f"unknown topic {shorten(topic)}; {hint}known topics: {shown}{more}", topic
            )
        return topic

    def statements_by(self, speaker: str | Person | Institution) -> tuple[Statement, ...]:
        """Every statement the person or institution made, alone or jointly, in text order."""
        id = self._ref(speaker, "speaker", _SPEAKER_KINDS)
        return tuple(self._query_index().statements_by.get(id, ()))

    def events_involving(self, participant: str | Person | Institution) -> tuple[Event, ...]:
        """Every event at which the person or institution is a participant."""
        id = self._ref(participant, "participant", _SPEAKER_KINDS)
        return tuple(self._query_index().events_involving.get(id, ()))

    def mentions(self, subject: str | Entity) -> tuple[EvidenceSite, ...]:
        """Every evidence span that refers to the object: its own evidence, and the
        evidence of the roles, participations and places that name it."""
        id = self._ref(subject, "subject", _ENTITY_KINDS)
        return tuple(self._query_index().mentions.get(id, ()))

    def roles_of(self, holder: str | Person | Institution | Country) -> tuple[Appointment, ...]:
        """The roles a person holds, or the roles held in an institution or (offices of
        state) a country."""
        id = self._ref(holder, "holder", _PARTY_KINDS)
        return tuple(self._query_index().appointments_of.get(id, ()))

    def timeline(self, *, include_planned: bool = True) -> tuple[TimelineEntry, ...]:
        """Events by their earliest possible day (undated ones last); planned and
        tentative ones are included and marked by ``is_planned`` unless excluded."""
        entries = self._query_index().timeline
        return tuple(_filter(entries, not include_planned, lambda e: not e.is_planned))

    def interactions(
        self, participant: str | Person | Institution | None = None
    ) -> tuple[Interaction, ...]:
        """Who met whom: each pair of participants of each event, optionally those of one."""
        found = self._query_index().interactions
        if participant is None:
            return tuple(found)
        id = self._ref(participant, "participant", _SPEAKER_KINDS)
        return tuple(i for i in found if id in i.pair)

    def statements_where(
        self,
        *,
        by: str | Person | Institution | None = None,
        topic: str | None = None,
        channel: str | Institution | None = None,
        mode: StatementMode | str | None = None,
        event: str | Event | None = None,
        act: SpeechAct | str | None = None,
    ) -> tuple[Statement, ...]:
        """Statements, filtered by speaker, topic, reporting channel, mode, event and act.

        ``mode`` is a :class:`~diplomodel.StatementMode` or its value (``"paraphrase"``),
        ``act`` a :class:`~diplomodel.SpeechAct` or its value (``"question"``);
        an unknown value raises :class:`~diplomodel.ValidationError` naming the allowed
        ones, and an unknown topic :class:`~diplomodel.errors.NotFoundError`. A known
        topic that no statement matches gives ``()``.
        """
        index = self._query_index()
        wanted_mode = _member(StatementMode, mode, "mode")
        wanted_act = _member(SpeechAct, act, "act")
        wanted_topic = self._topic(topic)
        by_id = self._ref(by, "by", _SPEAKER_KINDS) if by is not None else None
        channel_id = self._ref(channel, "channel", (Institution,)) if channel is not None else None
        event_id = self._ref(event, "event", (Event,)) if event is not None else None
        found: Iterable[Statement] = (
            index.statements_by.get(by_id, ()) if by_id is not None else index.statements
        )
        found = _filter(found, topic is not None, lambda s: wanted_topic in s.topics)
        found = _filter(found, channel is not None, lambda s: s.channel == channel_id)
        found = _filter(found, mode is not None, lambda s: s.mode is wanted_mode)
        found = _filter(found, event is not None, lambda s: s.event == event_id)
        found = _filter(found, act is not None, lambda s: s.act is wanted_act)
        return tuple(found)

    def events_where(
        self,
        *,
        status: EventStatus | str | None = None,
        kind: EventKind | str | None = None,
        involving: str | Person | Institution | None = None,
    ) -> tuple[Event, ...]:
        """Events, filtered by status, kind and participant; ``status`` and ``kind``
        are enum members or their values (``"planned"``, ``"visit"``)."""
        index = self._query_index()
        wanted_status = _member(EventStatus, status, "status")
        wanted_kind = _member(EventKind, kind, "kind")
        involving_id = (
            self._ref(involving, "involving", _SPEAKER_KINDS) if involving is not None else None
        )
        found: Iterable[Event] = (
            index.events_involving.get(involving_id, ())
            if involving_id is not None
            else index.events
        )
        found = _filter(found, status is not None, lambda e: e.status is wanted_status)
        found = _filter(found, kind is not None, lambda e: e.kind is wanted_kind)
        return tuple(found)

    def consensus_where(
        self,
        *,
        status: ConsensusStatus | str | None = None,
        topic: str | None = None,
        party: str | Person | Institution | Country | None = None,
    ) -> tuple[ConsensusItem, ...]:
        """Consensus items, filtered by status (a member or its value, ``"agreed"``),
        topic and party.

        As in :meth:`statements_where`, an unknown status raises
        :class:`~diplomodel.ValidationError` and an unknown topic
        :class:`~diplomodel.errors.NotFoundError`; a known topic may match nothing.
        """
        wanted_status = _member(ConsensusStatus, status, "status")
        wanted_topic = self._topic(topic)
        party_id = self._ref(party, "party", _PARTY_KINDS) if party is not None else None
        found: Iterable[ConsensusItem] = self._query_index().consensus_items
        found = _filter(found, status is not None, lambda c: c.status is wanted_status)
        found = _filter(found, topic is not None, lambda c: wanted_topic in c.topics)
        found = _filter(found, party is not None, lambda c: party_id in c.parties)
        return tuple(found)

    def topics(self) -> tuple[str, ...]:
        """Every topic used by a statement or consensus item, sorted."""
        return tuple(self._query_index().topics)

    def named(self, name: str) -> tuple[Person | Institution, ...]:
        """People and institutions whose id, name, alias or abbreviation is ``name``,
        compared without case or accents (``lu chao`` finds ``Lü Chao``)."""
        if not isinstance(name, str):
            raise _type_error("name", "a name (str)", name)
        wanted = fold_name(name)
        found: list[Person | Institution] = []
        for entity in self._entities_by_id().values():
            if not isinstance(entity, Person | Institution):
                continue
            names = [entity.id, entity.name or entity.id]  # an unnamed person has its id
            names += entity.aliases if isinstance(entity, Person) else entity.abbreviations
            if any(fold_name(n) == wanted for n in names):
                found.append(entity)
        return tuple(found)
