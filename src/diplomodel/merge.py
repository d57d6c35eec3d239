"""One world across articles: the same id in several dossiers is one thing, merged field by field.

People, institutions, countries, events and consensus items are things in the
world: two dossiers that use one id (or ids that a curation declares the same
with ``same_as``) speak of one thing, and :class:`World` merges their accounts
with one rule per field (see ``docs/corpus.md``). Statements and evidence belong
to their article and are never merged. Every merged fact keeps the articles that
support it (:meth:`World.attestations`), and facts that cannot both be true are
:class:`Conflict` objects naming the field, each value and each article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .consensus import ConsensusItem, ConsensusStatus
from .countries import Country
from .dates import FuzzyDate
from .entities import Entity, kind_name
from .errors import shorten
from .events import Event, EventStatus, ParticipantPart, Participation, Place
from .evidence import Evidence
from .institutions import Institution
from .people import Person, Role
from .serialize import to_dict
from .statements import Statement

if TYPE_CHECKING:
    from .dossier import Dossier

__all__ = [
    "GUEST_SIDE",
    "HOST_SIDE",
    "Attestation",
    "Conflict",
    "StatusReport",
    "World",
    "fold_title",
    "role_keys",
]

_ARTICLES_SHOWN = 3  # in a repr: the first few, then how many more

MERGED_KINDS = (Country, Institution, Person, Event, ConsensusItem)
"""The kinds of thing that are one thing across articles; statements are not."""

# Fields that hold ids of other objects: rewritten to the merged id where a
# curation declared two ids the same.
_REFERENCE_FIELDS = frozenset(
    {
        "addressees",
        "channel",
        "country",
        "document",
        "event",
        "institution",
        "members",
        "on_behalf_of",
        "parent",
        "part_of",
        "participant",
        "parties",
        "reported_by",
        "series",
        "speakers",
    }
)
# Lists whose merged value is the union of every article's, in order of first mention.
_UNION_FIELDS = frozenset(
    {"abbreviations", "aliases", "identifiers", "members", "parties", "same_as", "topics"}
)
# Fields that belong to their article: the merged object keeps its first article's.
# ``reported_by`` is whom the article has the fact from: each article has its own source.
_PER_ARTICLE_FIELDS = frozenset({"content", "evidence", "id", "reported_by"})


def fold_title(title: str) -> str:
    """A role title compared loosely: case folded, runs of spaces made one."""
    return " ".join(title.split()).casefold()


def _stated(value: Any) -> bool:
    """Whether an article says something in this field: ``None`` and ``()`` say nothing."""
    return value is not None and value != () and value != ""


def _substance(value: Any) -> Any:
    """The JSON form of a value without its evidence, which differs between articles by nature."""
    data = to_dict(value)
    return _strip_evidence(data)


def _strip_evidence(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _strip_evidence(v) for k, v in data.items() if k not in ("evidence", "content")}
    if isinstance(data, list):
        return [_strip_evidence(item) for item in data]
    return data


def _key(value: Any) -> str:
    """A hashable form of a value's substance, to group equal values."""
    return repr(_substance(value))


@attrs.define(frozen=True, kw_only=True, repr=False)
class Conflict:
    """Articles that disagree about one fact of the same thing."""

    id: str
    """The id of the thing (the merged id, when a curation declared ids the same)."""
    field: str
    """The field they disagree on: ``place``, ``date``, ``participants[wang-yi].part``;
    ``id`` when they use one id for different kinds of object (the values are the kinds)."""
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


@attrs.define(frozen=True, kw_only=True)
class Attestation:
    """One value of one field, and the articles that give it."""

    value: Any
    """The value as the first of those articles gives it: a string, a date, a role,
    a participation, … (evidence and date words may differ between the articles)."""
    articles: tuple[str, ...]
    """Ids of the articles that give it, in corpus order."""


@attrs.define(frozen=True, kw_only=True)
class StatusReport:
    """Where an event or consensus item stood by one article, at its publication date."""

    article: str
    """Id of the article."""
    published: dt.date
    """The article's publication date."""
    status: EventStatus | ConsensusStatus
    """The status it gives."""


_Versions = Sequence[tuple[str, Any]]


class World:
    """The merged world of a sequence of dossiers: built once, read by the corpus.

    Duplicate article ids are the caller's to refuse (:class:`~diplomodel.Corpus` does).
    """

    def __init__(self, dossiers: Sequence[Dossier]) -> None:
        self.published: dict[str, dt.date] = {d.article.id: d.article.published for d in dossiers}
        self.merged_id = _same_as_groups(dossiers)
        self.versions: dict[str, list[tuple[str, Entity]]] = {}
        # Statements belong to their article: their ids stay out of the merged things',
        # so that one article's statement never hides another article's event.
        self.statement_versions: dict[str, list[tuple[str, Statement]]] = {}
        self.statements: list[tuple[str, Statement]] = []
        self.conflicts: list[Conflict] = []
        for dossier in dossiers:
            article = dossier.article.id
            own_ids: dict[str, list[str]] = {}  # merged id -> this article's ids for it
            for entity in dossier.entities():
                own = self._rewritten(article, entity) if self.merged_id else entity
                if isinstance(own, Statement):
                    told = (article, own)  # one pair in both: fewer objects for the collector
                    self.statement_versions.setdefault(own.id, []).append(told)
                    self.statements.append(told)
                    continue
                self.versions.setdefault(own.id, []).append((article, own))
                if self.merged_id:
                    own_ids.setdefault(own.id, []).append(entity.id)
            for id, ids in own_ids.items():
                # Two things of one article made one through other articles' same_as.
                if len(ids) > 1:
                    values = tuple((article, own_id) for own_id in ids)
                    self.conflicts.append(Conflict(id=id, field="same_as", values=values))
        self.entities: dict[str, Entity] = {}
        for id, found in self.versions.items():
            self.entities[id] = self._merge(id, found)

    def _rewritten(self, article: str, entity: Entity) -> Entity:
        """``entity`` naming merged ids. A field whose class refuses its rewritten value
        (a list in which two ids declared the same would stand twice) keeps the
        article's own ids and is a conflict naming the field and the article's value."""
        owner = entity.id if isinstance(entity, Statement) else self.resolve(entity.id)
        changes: dict[str, Any] = {}
        for field in attrs.fields(type(entity)):
            if not field.init or (field.name == "id" and isinstance(entity, Statement)):
                continue  # a statement's id is its article's own
            value = getattr(entity, field.name)
            try:
                new = _rewritten_field(field.name, value, self.merged_id)
            except (ValueError, TypeError):  # refused inside: a role, a participation
                self.conflict(owner, field.name, [(article, value)])
                continue
            if new is not value:
                changes[field.name] = new
        rewritten: Entity
        rewritten, refused = _evolve_what_fits(entity, changes)
        for name in refused:
            self.conflict(owner, name, [(article, getattr(entity, name))])
        return rewritten

    def resolve(self, id: str) -> str:
        """The merged id of ``id``: itself, or the id it was declared the same as."""
        return self.merged_id.get(id, id)

    def accounts(self, id: str) -> Sequence[tuple[str, Entity]]:
        """Each article's own object with this (merged) id: ``(article id, object)`` pairs,
        in corpus order; a statement id's statements when no merged thing has the id."""
        found: Sequence[tuple[str, Entity]] | None = self.versions.get(id)
        return found if found is not None else self.statement_versions.get(id, [])

    def _merge(self, id: str, versions: _Versions) -> Entity:
        first: Entity = versions[0][1]
        if len(versions) == 1:
            return first
        kinds = dict.fromkeys(kind_name(entity) for _article, entity in versions)
        if len(kinds) > 1:
            values = tuple((article, kind_name(entity)) for article, entity in versions)
            self.conflicts.append(Conflict(id=id, field="id", values=values))
            return first
        if not isinstance(first, MERGED_KINDS):
            return first  # statements belong to their article: ids repeat freely
        changes: dict[str, Any] = {}
        for field in attrs.fields(type(first)):
            name = field.name
            if not field.init or name in _PER_ARTICLE_FIELDS or name == "name":
                continue
            said = [(a, getattr(e, name)) for a, e in versions if _stated(getattr(e, name))]
            if not said:
                continue
            rule = _RULES.get(name, _one_value)
            try:
                merged = rule(self, id, name, said)
            except (ValueError, TypeError):  # values that cannot be put together
                self._unmerged(id, name, versions)
                continue
            if merged is not getattr(first, name):
                changes[name] = merged
        # Values each valid alone may not fit together (a person unnamed in one article,
        # another's family name): the first article's value of such a field stands.
        whole: Entity
        whole, refused = _evolve_what_fits(first, changes)
        for name in refused:
            self._unmerged(id, name, versions)
        return whole

    def _unmerged(self, id: str, field: str, versions: _Versions) -> None:
        """A conflict on a field whose values cannot be merged: every article's value."""
        self.conflict(id, field, [(article, getattr(e, field, None)) for article, e in versions])

    def attestations(self, id: str, field: str) -> tuple[Attestation, ...]:
        """Each value the articles give ``field`` of the thing ``id``, with its articles.

        List fields give one attestation per item; a date, one per window (``December
        2024`` and ``2024-12-25`` are two; ``on Wednesday`` and ``2024-12-25`` one);
        evidence, one per article. Fields an article leaves empty it does not attest.
        """
        groups: dict[Any, tuple[Any, dict[str, None]]] = {}
        for article, entity in self.accounts(id):
            value = getattr(entity, field, None)  # a thing of another kind has no such field
            if not _stated(value):
                continue
            if field in _PER_ARTICLE_FIELDS:
                items: Iterable[tuple[Any, Any]] = [(article, value)]
            elif isinstance(entity, Person) and field == "roles":
                items = zip(role_keys(entity.roles), entity.roles, strict=True)
            elif isinstance(value, tuple):
                items = ((_item_key(field, item), item) for item in value)
            elif isinstance(value, FuzzyDate):
                items = [((value.earliest, value.latest), value)]
            else:
                items = [(_key(value), value)]
            for key, item in items:
                groups.setdefault(key, (item, {}))[1][article] = None
        return tuple(Attestation(value=v, articles=tuple(a)) for v, a in groups.values())

    def names(self, id: str) -> tuple[str, ...]:
        """Every name the articles give the thing: the merged name first."""
        found = dict.fromkeys(getattr(e, "name", None) for _a, e in self.accounts(id))
        return tuple(name for name in found if isinstance(name, str))

    def history(self, id: str) -> tuple[StatusReport, ...]:
        """The status each article gives the thing, by publication date."""
        reports = [
            StatusReport(article=a, published=self.published[a], status=e.status)
            for a, e in self.accounts(id)
            if isinstance(e, Event | ConsensusItem)
        ]
        return tuple(sorted(reports, key=lambda r: r.published))

    # -- the rules -------------------------------------------------------------

    def conflict(self, id: str, field: str, said: Iterable[tuple[str, Any]]) -> None:
        """Record that the articles in ``said`` disagree on ``field``."""
        values = tuple((article, to_dict(value)) for article, value in said)
        self.conflicts.append(Conflict(id=id, field=field, values=values))


def _evolve_what_fits(obj: Any, changes: dict[str, Any]) -> tuple[Any, list[str]]:
    """``obj`` with ``changes``; when its class refuses them together, with each change
    it accepts, in field order, and the names of the fields it refused."""
    if not changes:
        return obj, []
    try:
        return attrs.evolve(obj, **changes), []
    except (ValueError, TypeError):
        pass
    refused = []
    for name, value in changes.items():
        try:
            obj = attrs.evolve(obj, **{name: value})
        except (ValueError, TypeError):
            refused.append(name)
    return obj, refused


def _item_key(field: str, item: Any) -> Any:
    if isinstance(item, Participation):
        return (item.participant, item.part)
    return _key(item)


def _one_value(world: World, id: str, field: str, said: _Versions) -> Any:
    """Equal in every article that gives it: that value; different: a conflict."""
    first = said[0][1]
    if len({_key(value) for _article, value in said}) > 1:
        world.conflict(id, field, said)
    return first


def _union(_world: World, _id: str, _field: str, said: _Versions) -> Any:
    """The first article's list as it is, then what the others add."""
    (_first_article, first), *others = said
    merged = list(first)
    known = {_key(value) for value in first}
    for _article, values in others:
        for value in values:
            if _key(value) not in known:
                known.add(_key(value))
                merged.append(value)
    return tuple(merged)


def role_keys(roles: Iterable[Role]) -> list[tuple[str, str, int]]:
    """What makes each role one across articles: its title up to case and spacing, its
    holder (institution or country), and which time the list gives that title there.

    A person named twice to one post in one article (two terms) keeps both: the
    n-th of one article is the n-th of another.
    """
    times: dict[tuple[str, str], int] = {}
    keys = []
    for role in roles:
        title_at = (fold_title(role.title), role.holder)
        times[title_at] = times.get(title_at, 0) + 1
        keys.append((*title_at, times[title_at]))
    return keys


def _roles(world: World, id: str, field: str, said: _Versions) -> Any:
    """One role per :func:`role_keys` key; the first wording stands."""
    merged: dict[tuple[str, str, int], tuple[str, Role]] = {}
    for article, roles in said:
        for key, role in zip(role_keys(roles), roles, strict=True):
            if key not in merged:
                merged[key] = (article, role)
                continue
            first_article, first = merged[key]
            term = "" if key[2] == 1 else f" (term {key[2]})"
            for extra in attrs.fields(Role):
                name = extra.name
                if name in ("title", "institution", "country", "evidence"):
                    continue
                mine, theirs = getattr(first, name), getattr(role, name)
                if _stated(mine) and _stated(theirs) and _key(mine) != _key(theirs):
                    where = f"{field}[{first.title} at {first.holder}{term}].{name}"
                    world.conflict(id, where, [(first_article, mine), (article, theirs)])
                elif _stated(theirs) and not _stated(mine):
                    merged[key] = (first_article, attrs.evolve(first, **{name: theirs}))
                    first = merged[key][1]
    return tuple(role for _article, role in merged.values())


# A part refines another when it says more of the same: a delegation's lead is a guest.
_REFINES = {
    ParticipantPart.PARTICIPANT: frozenset(ParticipantPart),
    ParticipantPart.GUEST: frozenset(
        {ParticipantPart.DELEGATION_LEAD, ParticipantPart.DELEGATION_MEMBER}
    ),
}


HOST_SIDE = frozenset({ParticipantPart.HOST})
"""The parts of the side that receives."""
GUEST_SIDE = frozenset(
    {ParticipantPart.GUEST, ParticipantPart.DELEGATION_LEAD, ParticipantPart.DELEGATION_MEMBER}
)
"""The parts of the side that is received: a guest, a visiting delegation."""


def _participants(world: World, id: str, field: str, said: _Versions) -> Any:
    """Every participant in every part the articles give; a part that another article
    says more specifically gives way to it ("participant" to "host"), and an article
    that has someone only as host against one that has them only as guest is a conflict."""
    # The participations of each (participant, part) as the first article that gives
    # it has them, in the order the articles give them.
    found: list[Participation] = []
    seen: set[tuple[str, ParticipantPart]] = set()
    parts_of: dict[str, dict[str, set[ParticipantPart]]] = {}  # who -> article -> parts
    for article, participations in said:
        first_here: set[tuple[str, ParticipantPart]] = set()
        for participation in participations:
            key = (participation.participant, participation.part)
            parts_of.setdefault(key[0], {}).setdefault(article, set()).add(key[1])
            if key not in seen:
                seen.add(key)
                first_here.add(key)
            if key in first_here:
                found.append(participation)
    for who, by_article in parts_of.items():
        only_host = [a for a, parts in by_article.items() if parts <= HOST_SIDE]
        only_guest = [a for a, parts in by_article.items() if parts and parts <= GUEST_SIDE]
        if only_host and only_guest:
            values = tuple(
                (article, part.value)
                for article, parts in by_article.items()
                for part in ParticipantPart
                if part in parts
            )
            world.conflicts.append(Conflict(id=id, field=f"{field}[{who}].part", values=values))

    def gives_way(who: str, part: ParticipantPart) -> bool:
        finer = _REFINES.get(part, frozenset()) - {part}
        by_article = parts_of[who]
        if not any(parts & finer for parts in by_article.values()):
            return False
        # An article that names both keeps both: its curator set them apart.
        return not any(part in parts and parts & finer for parts in by_article.values())

    return tuple(p for p in found if not gives_way(p.participant, p.part))


def _place(world: World, id: str, field: str, said: _Versions) -> Any:
    """One place: the same name (up to case) in the same country, or a conflict."""

    def key(place: Place) -> tuple[str, str | None]:
        return (place.name.casefold(), place.country)

    if len({key(place) for _article, place in said}) > 1:
        values = tuple(
            (article, {"name": place.name, "country": place.country}) for article, place in said
        )
        world.conflicts.append(Conflict(id=id, field=field, values=values))
    return said[0][1]


def _describe_date(date: FuzzyDate) -> str:
    return f"{date.edtf} ({date.text})"


def _date(world: World, id: str, field: str, said: _Versions) -> Any:
    """The intersection of every article's window; an empty one is a conflict."""
    earliest = max((d.earliest for _a, d in said if d.earliest is not None), default=None)
    latest = min((d.latest for _a, d in said if d.latest is not None), default=None)
    if earliest is not None and latest is not None and earliest > latest:
        values = tuple((article, _describe_date(date)) for article, date in said)
        world.conflicts.append(Conflict(id=id, field=field, values=values))
        return said[0][1]
    for _article, date in said:  # the narrowest window, as an article words it
        if (date.earliest, date.latest) == (earliest, latest):
            return date
    # Windows that overlap without one inside the others: their common days.
    narrowest = min(
        (date for _a, date in said if date.earliest and date.latest),
        key=lambda d: (d.latest or dt.date.max) - (d.earliest or dt.date.min),
        default=said[0][1],
    )
    words = "; ".join(dict.fromkeys(date.text for _a, date in said))
    try:
        return FuzzyDate(
            text=words, earliest=earliest, latest=latest, precision=narrowest.precision
        )
    except ValueError:
        return narrowest


def _status(world: World, id: str, field: str, said: _Versions) -> Any:
    """History, not conflict: the status of the latest article is current; articles of
    one day that disagree are a conflict."""
    by_day: dict[dt.date, dict[Any, list[str]]] = {}
    for article, status in said:
        by_day.setdefault(world.published[article], {}).setdefault(status, []).append(article)
    for _day, statuses in by_day.items():
        if len(statuses) > 1:
            world.conflict(id, field, [(a, s) for s, arts in statuses.items() for a in arts])
    latest_day = max(by_day)
    return next(iter(by_day[latest_day]))


_Rule = Callable[[World, str, str, _Versions], Any]
_RULES: dict[str, _Rule] = {
    **dict.fromkeys(_UNION_FIELDS, _union),
    "roles": _roles,
    "participants": _participants,
    "place": _place,
    "date": _date,
    "status": _status,
}


def _same_as_groups(dossiers: Sequence[Dossier]) -> dict[str, str]:
    """Each id that a ``same_as`` ties to others, mapped to the group's merged id: the id
    the corpus meets first. Ids that no ``same_as`` names are left out."""
    parent: dict[str, str] = {}
    order: dict[str, int] = {}

    def root(id: str) -> str:
        while parent.get(id, id) != id:
            parent[id] = parent.get(parent[id], parent[id])  # halve the path
            id = parent[id]
        return id

    merged = [e for d in dossiers for e in d.entities() if isinstance(e, MERGED_KINDS)]
    for entity in merged:
        order.setdefault(entity.id, len(order))
    tied = False
    for entity in merged:
        for other in getattr(entity, "same_as", ()):
            tied = True
            order.setdefault(other, len(order))
            a, b = root(entity.id), root(other)
            if a != b:
                keep, drop = (a, b) if order[a] < order[b] else (b, a)
                parent[drop] = keep
                parent.setdefault(keep, keep)
    if not tied:
        return {}
    return {id: root(id) for id in parent if root(id) != id}


def _rewritten_field(name: str, value: Any, merged_id: dict[str, str]) -> Any:
    """The value of the field ``name`` with every id in it replaced by the merged id;
    ``value`` itself when none changes."""
    if name == "id" or name in _REFERENCE_FIELDS:
        if isinstance(value, str):
            return merged_id.get(value, value)
        if isinstance(value, tuple):
            new = tuple(merged_id.get(v, v) if isinstance(v, str) else v for v in value)
            return value if new == value else new
        return value
    if isinstance(value, tuple) or attrs.has(type(value)):
        return _rewritten(value, merged_id)
    return value


def _rewritten(obj: Any, merged_id: dict[str, str]) -> Any:
    """``obj`` with its id and every id it refers to replaced by the merged id."""
    if isinstance(obj, tuple):
        items = tuple(_rewritten(item, merged_id) for item in obj)
        return items if any(a is not b for a, b in zip(items, obj, strict=True)) else obj
    if not attrs.has(type(obj)) or isinstance(obj, Evidence | FuzzyDate):
        return obj
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(obj)):
        if not field.init:
            continue
        value = getattr(obj, field.name)
        new = _rewritten_field(field.name, value, merged_id)
        if new is not value and new != value:
            changes[field.name] = new
    return attrs.evolve(obj, **changes) if changes else obj
