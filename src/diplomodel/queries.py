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
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

import attrs

from .collector import collector_paused
from .consensus import ConsensusItem, ConsensusStatus
from .countries import Country
from .dates import FuzzyDate
from .entities import KIND_NAMES, Entity, a_kind, kind_name, label_of
from .errors import NotFoundError, Problem, ValidationError, shorten
from .events import Event, EventKind, EventStatus, Participation
from .institutions import Institution
from .merge import GUEST_SIDE, HOST_SIDE, World, role_keys
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
    """Id of the (first) article that tells of it; :attr:`sources` has them all."""
    event: Event
    """The event."""
    date: FuzzyDate | None
    """Its own date, or the date of the event it is part of; none when the article gives neither."""
    date_from: str | None
    """Id of the event whose date it is placed by: its own id, an enclosing event's, or none."""
    sources: tuple[str, ...] = ()
    """Ids of every article that tells of the event (in a corpus, it is merged from them)."""

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
    """Id of the (first) article that tells of it; :attr:`sources` has them all."""
    event: Event
    """The event at which they met."""
    first: Participation
    """One participant and its part."""
    second: Participation
    """The other participant and its part."""
    date: FuzzyDate | None
    """The event's date, or that of the event it is part of (as on the timeline)."""
    sources: tuple[str, ...] = ()
    """Ids of the articles that put both participants at the event."""
    across_sides: bool = False
    """Whether the two stand for different sides: different countries, or, where a country
    is not known, host and guest (who met whom, not who travelled with whom)."""

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
_Built = TypeVar("_Built")


def _sort_key(entry: TimelineEntry) -> tuple[dt.date, dt.date, str]:
    if entry.date is None:
        return (dt.date.max, dt.date.max, entry.event.id)
    # An open start sorts first, an open end last.
    earliest, latest = entry.date.earliest or dt.date.min, entry.date.latest or dt.date.max
    return (earliest, latest, entry.event.id)


_K = TypeVar("_K")
_V = TypeVar("_V")


def _frozen(grouped: dict[_K, list[_V]]) -> dict[_K, tuple[_V, ...]]:
    """The lists of an index as tuples: a query hands out the index's own, which no
    caller can change."""
    return {key: tuple(values) for key, values in grouped.items()}


class QueryIndex:
    """Lookups built once from a sequence of dossiers, for :class:`Queries`.

    The dossiers are merged first (see :class:`~diplomodel.merge.World`): an event
    that several articles report is indexed once, with the ids of those articles.
    Every lookup holds tuples, which a query returns as they are: a query costs the
    size of its answer, never the size of the corpus, and no caller can change what
    the next one gets.
    """

    def __init__(self, dossiers: Sequence[Dossier], world: World | None = None) -> None:
        world = World(dossiers) if world is None else world
        self.statements: tuple[Statement, ...] = tuple(s for _a, s in world.statements)
        statements_by: defaultdict[str, list[Statement]] = defaultdict(list)
        # One map per kind of thing for all its filters: a key names its filter, as
        # in ("topic", "trade") or ("mode", StatementMode.PARAPHRASE).
        statements_on: defaultdict[tuple[str, object], list[Statement]] = defaultdict(list)
        for statement in self.statements:
            for speaker in statement.speakers:
                statements_by[speaker].append(statement)
            for topic in dict.fromkeys(statement.topics):
                statements_on[("topic", topic)].append(statement)
            for key in ("channel", "event", "mode", "act"):
                value = getattr(statement, key)
                if value is not None:
                    statements_on[(key, value)].append(statement)
        events: list[Event] = []
        events_on: defaultdict[tuple[str, object], list[Event]] = defaultdict(list)
        consensus_items: list[ConsensusItem] = []
        consensus_on: defaultdict[tuple[str, object], list[ConsensusItem]] = defaultdict(list)
        named: defaultdict[str, list[Person | Institution]] = defaultdict(list)
        appointments: defaultdict[str, list[Appointment]] = defaultdict(list)
        for id, entity in world.entities.items():
            if isinstance(entity, Event):
                events.append(entity)
                events_on[("status", entity.status)].append(entity)
                events_on[("kind", entity.kind)].append(entity)
            elif isinstance(entity, ConsensusItem):
                consensus_items.append(entity)
                for party in dict.fromkeys(entity.parties):
                    consensus_on[("party", party)].append(entity)
                for topic in dict.fromkeys(entity.topics):
                    consensus_on[("topic", topic)].append(entity)
                consensus_on[("status", entity.status)].append(entity)
            elif isinstance(entity, Person | Institution):
                _add_names(world, entity, named)
                if isinstance(entity, Person):
                    _add_appointments(world, id, entity, appointments)
        self.events: tuple[Event, ...] = tuple(events)
        self.consensus_items: tuple[ConsensusItem, ...] = tuple(consensus_items)
        self.statements_by = _frozen(statements_by)
        self.statements_on = _frozen(statements_on)
        self.events_on = _frozen(events_on)
        self.consensus_on = _frozen(consensus_on)
        self.named = _frozen(named)
        self.appointments_of = _frozen(appointments)
        timeline, involving, interactions = self._add_events(world)
        self.timeline: tuple[TimelineEntry, ...] = tuple(sorted(timeline, key=_sort_key))
        self.timeline_done = tuple(entry for entry in self.timeline if not entry.is_planned)
        """The timeline without planned and tentative events."""
        self.events_involving = _frozen(involving)
        self.interactions = _frozen(interactions)
        """Interactions by (participant, or ``None`` for all, ``took_place``,
        ``across_sides``): the arguments of :meth:`Queries.interactions`."""
        items: list[Statement | ConsensusItem] = [*self.statements, *self.consensus_items]
        self.topics: tuple[str, ...] = tuple(sorted({t for item in items for t in item.topics}))
        self.known_topics = frozenset(self.topics)
        self._world = world
        self._mentions: dict[str, tuple[EvidenceSite, ...]] | None = None

    def mentions(self, dossiers: Sequence[Dossier]) -> dict[str, tuple[EvidenceSite, ...]]:
        """The evidence spans that refer to each thing, by its merged id, built on the
        first call from the dossiers the index was built from. Spans outnumber every
        other object of the index: they are made only for a query that needs them."""

        def build() -> dict[str, tuple[EvidenceSite, ...]]:
            mentions: defaultdict[str, list[EvidenceSite]] = defaultdict(list)
            for dossier in dossiers:
                for site in iter_evidence(dossier):
                    for subject in site.subjects:
                        mentions[self._world.resolve(subject)].append(site)
            return _frozen(mentions)

        return cached_index(self, build, "_mentions")

    def _add_events(
        self, world: World
    ) -> tuple[
        list[TimelineEntry],
        dict[str, list[Event]],
        dict[tuple[str | None, bool, bool], list[Interaction]],
    ]:
        """The timeline's entries, the events by participant, and the interactions by
        participant (``None`` for all) and the filters they pass."""
        events = {event.id: event for event in self.events}
        placed_by: dict[str, Event | None] = {}
        timeline: list[TimelineEntry] = []
        involving: defaultdict[str, list[Event]] = defaultdict(list)
        interactions: defaultdict[tuple[str | None, bool, bool], list[Interaction]]
        interactions = defaultdict(list)
        for event in self.events:
            versions = world.versions[event.id]
            sources = tuple(dict.fromkeys(article for article, _v in versions))
            # Which articles put each participant at the event.
            saying: dict[str, set[str]] = {}
            for article, version in versions:
                for participation in version.participants if isinstance(version, Event) else ():
                    saying.setdefault(participation.participant, set()).add(article)
            for participant in dict.fromkeys(p.participant for p in event.participants):
                involving[participant].append(event)
            entry = self._timeline_entry(event, events, placed_by, sources)
            timeline.append(entry)
            took_place = event.status is EventStatus.TOOK_PLACE
            for first, second in itertools.combinations(event.participants, 2):
                if first.participant == second.participant:
                    continue
                both = saying[first.participant] & saying[second.participant]
                saying_both = tuple(a for a in sources if a in both)
                interaction = Interaction(
                    article=sources[0],
                    event=event,
                    first=first,
                    second=second,
                    date=entry.date,
                    # The event's own tuple when every article says both: fewer objects.
                    sources=sources if len(saying_both) == len(sources) else saying_both,
                    across_sides=_across_sides(world, first, second),
                )
                # Under each set of filters it passes; (False, False) is no filter.
                across = interaction.across_sides
                passes = {
                    (False, False),
                    (took_place, False),
                    (False, across),
                    (took_place, across),
                }
                for who in (None, first.participant, second.participant):
                    for took, sides in passes:
                        interactions[(who, took, sides)].append(interaction)
        return timeline, involving, interactions

    @staticmethod
    def _timeline_entry(
        event: Event,
        events: dict[str, Event],
        placed_by: dict[str, Event | None],
        sources: tuple[str, ...],
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
        article = sources[0]
        if placing is None or placing.date is None:
            return TimelineEntry(
                article=article, event=event, date=None, date_from=None, sources=sources
            )
        return TimelineEntry(
            article=article, event=event, date=placing.date, date_from=placing.id, sources=sources
        )


def _add_names(
    world: World, entity: Person | Institution, named: defaultdict[str, list[Person | Institution]]
) -> None:
    others = entity.aliases if isinstance(entity, Person) else entity.abbreviations
    names = dict.fromkeys(fold_name(name) for name in (entity.id, *world.names(entity.id), *others))
    for name in names:
        named[name].append(entity)


def _add_appointments(
    world: World, id: str, person: Person, appointments: defaultdict[str, list[Appointment]]
) -> None:
    first_article: dict[tuple[str, str, int], str] = {}
    for article, version in world.versions[id]:
        if isinstance(version, Person):
            for key in role_keys(version.roles):
                first_article.setdefault(key, article)
    for key, role in zip(role_keys(person.roles), person.roles, strict=True):
        article = first_article[key]
        appointment = Appointment(article=article, person=id, role=role)
        appointments[id].append(appointment)
        appointments[role.holder].append(appointment)


def _across_sides(world: World, first: Participation, second: Participation) -> bool:
    """Whether two participants stand for different sides: different countries, or, where a
    country is not known, host and guest (or a delegation)."""
    countries = [
        getattr(world.entities.get(p.participant), "country", None) for p in (first, second)
    ]
    if None not in countries:
        return countries[0] != countries[1]
    parts = {first.part, second.part}
    return bool(parts & HOST_SIDE) and bool(parts & GUEST_SIDE)


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


def cached_index(owner: object, build: Callable[[], _Built], attribute: str = "_index") -> _Built:
    """The query index kept in ``owner``'s ``attribute``, built by ``build`` on first use,
    with the collector paused (:func:`~diplomodel.collector.collector_paused`).

    Safe under threads: however many ask at once, ``build`` runs once per owner.
    """
    index: _Built | None = getattr(owner, attribute)
    if index is None:
        with _INDEX_LOCK:
            index = getattr(owner, attribute)
            if index is None:
                with collector_paused():
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


def _narrowest(
    everything: tuple[_T, ...], filters: list[tuple[tuple[_T, ...], Callable[[_T], bool]]]
) -> tuple[_T, ...]:
    """What passes every filter, each given as its lookup and its test: the shortest
    lookup as it is, or filtered by the others' tests; with no filter, ``everything``."""
    if not filters:
        return everything
    (found, _test), *others = sorted(filters, key=lambda lookup_test: len(lookup_test[0]))
    if not others:
        return found
    return tuple(item for item in found if all(test(item) for _lookup, test in others))


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

    def _indexed(self) -> Sequence[Dossier]:
        """The dossiers the index is built from: a dossier's own self (a corpus has its
        dossiers). Asked for when a lookup is built, never kept by the index, which
        would make a reference cycle of a dossier and its index."""
        return (cast("Dossier", self),)

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
        index = self._query_index()
        if topic not in index.known_topics:
            known = index.topics
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
        return self._query_index().statements_by.get(id, ())

    def events_involving(self, participant: str | Person | Institution) -> tuple[Event, ...]:
        """Every event at which the person or institution is a participant."""
        id = self._ref(participant, "participant", _SPEAKER_KINDS)
        return self._query_index().events_involving.get(id, ())

    def mentions(self, subject: str | Entity) -> tuple[EvidenceSite, ...]:
        """Every evidence span that refers to the object: its own evidence, and the
        evidence of the roles, participations and places that name it."""
        id = self._ref(subject, "subject", _ENTITY_KINDS)
        return self._query_index().mentions(self._indexed()).get(id, ())

    def roles_of(self, holder: str | Person | Institution | Country) -> tuple[Appointment, ...]:
        """The roles a person holds, or the roles held in an institution or (offices of
        state) a country."""
        id = self._ref(holder, "holder", _PARTY_KINDS)
        return self._query_index().appointments_of.get(id, ())

    def timeline(self, *, include_planned: bool = True) -> tuple[TimelineEntry, ...]:
        """Events by their earliest possible day (undated ones last); planned and
        tentative ones are included and marked by ``is_planned`` unless excluded."""
        index = self._query_index()
        return index.timeline if include_planned else index.timeline_done

    def interactions(
        self,
        participant: str | Person | Institution | None = None,
        *,
        took_place: bool = False,
        across_sides: bool = False,
    ) -> tuple[Interaction, ...]:
        """Who met whom: each pair of participants of each event, optionally those of one.

        ``took_place`` keeps only events that took place (not planned, tentative or
        ongoing); ``across_sides`` only pairs from different sides (see
        :attr:`Interaction.across_sides`), so that who met whom is not who travelled
        with whom.
        """
        index = self._query_index()
        id = None if participant is None else self._ref(participant, "participant", _SPEAKER_KINDS)
        return index.interactions.get((id, bool(took_place), bool(across_sides)), ())

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
        on = index.statements_on
        filters: list[tuple[tuple[Statement, ...], Callable[[Statement], bool]]] = []
        if by_id is not None:
            filters.append((index.statements_by.get(by_id, ()), lambda s: by_id in s.speakers))
        if wanted_topic is not None:
            filters.append(
                (on.get(("topic", wanted_topic), ()), lambda s: wanted_topic in s.topics)
            )
        if channel_id is not None:
            filters.append((on.get(("channel", channel_id), ()), lambda s: s.channel == channel_id))
        if wanted_mode is not None:
            filters.append((on.get(("mode", wanted_mode), ()), lambda s: s.mode is wanted_mode))
        if event_id is not None:
            filters.append((on.get(("event", event_id), ()), lambda s: s.event == event_id))
        if wanted_act is not None:
            filters.append((on.get(("act", wanted_act), ()), lambda s: s.act is wanted_act))
        return _narrowest(index.statements, filters)

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
        filters: list[tuple[tuple[Event, ...], Callable[[Event], bool]]] = []
        if involving_id is not None:
            filters.append(
                (
                    index.events_involving.get(involving_id, ()),
                    lambda e: any(p.participant == involving_id for p in e.participants),
                )
            )
        if wanted_status is not None:
            on_status = index.events_on.get(("status", wanted_status), ())
            filters.append((on_status, lambda e: e.status is wanted_status))
        if wanted_kind is not None:
            on_kind = index.events_on.get(("kind", wanted_kind), ())
            filters.append((on_kind, lambda e: e.kind is wanted_kind))
        return _narrowest(index.events, filters)

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
        index = self._query_index()
        on = index.consensus_on
        filters: list[tuple[tuple[ConsensusItem, ...], Callable[[ConsensusItem], bool]]] = []
        if party_id is not None:
            filters.append((on.get(("party", party_id), ()), lambda c: party_id in c.parties))
        if wanted_status is not None:
            on_status = on.get(("status", wanted_status), ())
            filters.append((on_status, lambda c: c.status is wanted_status))
        if wanted_topic is not None:
            filters.append(
                (on.get(("topic", wanted_topic), ()), lambda c: wanted_topic in c.topics)
            )
        return _narrowest(index.consensus_items, filters)

    def topics(self) -> tuple[str, ...]:
        """Every topic used by a statement or consensus item, sorted."""
        return self._query_index().topics

    def named(self, name: str) -> tuple[Person | Institution, ...]:
        """People and institutions whose id, name, alias or abbreviation is ``name``,
        compared without case or accents (``lu chao`` finds ``Lü Chao``)."""
        if not isinstance(name, str):
            raise _type_error("name", "a name (str)", name)
        return self._query_index().named.get(fold_name(name), ())
