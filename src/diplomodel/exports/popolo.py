"""Popolo JSON: people, organizations, memberships, areas, events and speeches.

One object with the lists Popolo's JSON serialization uses (``persons``,
``organizations``, ``memberships``, ``areas``, ``events``, ``speeches``), each
object valid against the Popolo JSON Schemas. People, institutions and countries
keep their ids (in a corpus, one object per id, merged as
:class:`~diplomodel.Corpus` merges them); events and speeches belong to one
article, so in a corpus their ids are ``<article id>/<id>``. Every object's
``sources`` links the articles that tell of it. ``docs/exports.md`` says what is
carried where and what Popolo has no field for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from diplomodel.article import Article
from diplomodel.corpus import Corpus
from diplomodel.countries import Country
from diplomodel.dates import DatePrecision, FuzzyDate
from diplomodel.dossier import Dossier
from diplomodel.events import Event, ParticipantPart
from diplomodel.external import Identifier
from diplomodel.institutions import Institution
from diplomodel.merge import fold_title
from diplomodel.people import Person, Role
from diplomodel.statements import SpeechAct, Statement, StatementMode

from ._sources import Source, article_iri, dossiers_of

__all__ = ["to_popolo"]

# Parts whose institution organizes the event, in Popolo's words.
_ORGANIZING = (ParticipantPart.HOST, ParticipantPart.AUTHOR)


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    """The object without the fields it has no value for."""
    return {key: value for key, value in obj.items() if value is not None and value != []}


def _link(article: Article) -> dict[str, Any]:
    note = f"{article.publisher}, {article.published.isoformat()}"
    if article.title:
        note += f": {article.title}"
    return {"url": article_iri(article), "note": note}


def _identifiers(identifiers: Iterable[Identifier]) -> list[dict[str, Any]]:
    return [{"scheme": each.scheme, "identifier": each.identifier} for each in identifiers]


def _within(earliest: dt.date, latest: dt.date) -> str | None:
    """The most precise Popolo date (a day, a month or a year) that holds every day from
    ``earliest`` to ``latest``; none when the days run over a new year."""
    if earliest == latest:
        return earliest.isoformat()
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.year:04d}-{earliest.month:02d}"
    if earliest.year == latest.year:
        return f"{earliest.year:04d}"
    return None


def _bound(day: dt.date, precision: DatePrecision) -> str:
    """An open interval's known bound, as precisely as the words give it."""
    if precision is DatePrecision.YEAR:
        return f"{day.year:04d}"
    if precision is DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _event_dates(date: FuzzyDate | None) -> tuple[str | None, str | None]:
    """Popolo's start and end dates of an event: the days of a span, the month or year
    that holds a vague day, or the known end of an open interval."""
    if date is None:
        return None, None
    earliest, latest = date.earliest, date.latest
    if earliest is None or latest is None:
        start = _bound(earliest, date.precision) if earliest is not None else None
        end = _bound(latest, date.precision) if latest is not None else None
        return start, end
    if date.precision is DatePrecision.DAYS:  # every day of the span: it lasts from..to
        return earliest.isoformat(), latest.isoformat()
    within = _within(earliest, latest)  # one day somewhere in the window
    return within, within


def _role_date(value: FuzzyDate | None) -> str | None:
    """A role's start or end as a Popolo date: the day, month or year that holds every
    day the words allow; none for an open interval, whose one bound says no more."""
    if value is None or value.earliest is None or value.latest is None:
        return None
    return _within(value.earliest, value.latest)


_Resolve = Callable[[str], str]
"""An id as the export names it: in a corpus, the merged id of an id declared the same."""


def _resolver(source: Source) -> _Resolve:
    if not isinstance(source, Corpus):
        return lambda id: id
    return lambda id: source.get(id).id if id in source else id


def _role_key(person: str, role: Role, resolve: _Resolve) -> tuple[str, str, str]:
    """A role as the corpus merges it: one per holder and title up to case and spacing."""
    return (person, fold_title(role.title), resolve(role.holder))


class _Sources:
    """The articles that tell of each object, in corpus order, as Popolo links."""

    def __init__(self, dossiers: Iterable[Dossier], resolve: _Resolve) -> None:
        # Per object (and per role), its articles by id: one article may tell of one
        # thing under two ids declared the same, or give a person one role twice.
        self.articles: dict[str, dict[str, Article]] = {}
        self.roles: dict[tuple[str, str, str], dict[str, Article]] = {}
        for dossier in dossiers:
            article = dossier.article
            for entity in dossier.entities():
                self.articles.setdefault(resolve(entity.id), {}).setdefault(article.id, article)
            for person in dossier.people:
                for role in person.roles:
                    key = _role_key(resolve(person.id), role, resolve)
                    self.roles.setdefault(key, {}).setdefault(article.id, article)
        self.resolve = resolve

    def of(self, id: str) -> list[dict[str, Any]]:
        return [_link(article) for article in self.articles.get(id, {}).values()]

    def of_role(self, person: Person, role: Role) -> list[dict[str, Any]]:
        key = _role_key(person.id, role, self.resolve)
        return [_link(article) for article in self.roles.get(key, {}).values()]


def _person(person: Person, countries: dict[str, Country], sources: _Sources) -> dict[str, Any]:
    country = countries.get(person.country) if person.country else None
    return _clean(
        {
            "id": person.id,
            "name": person.name,
            # An unnamed source ("a senior official") is known by its description only:
            # Popolo's one-line account of a person, never a made-up name.
            "summary": person.description,
            "family_name": person.family_name,
            "given_name": person.given_name,
            "other_names": [{"name": alias, "note": "alias"} for alias in person.aliases],
            "national_identity": country.name if country else None,
            "identifiers": _identifiers(person.identifiers),
            "sources": sources.of(person.id),
        }
    )


def _organization(institution: Institution, sources: _Sources) -> dict[str, Any]:
    return _clean(
        {
            "id": institution.id,
            "name": institution.name,
            "classification": institution.kind.value,
            "other_names": [
                {"name": short, "note": "abbreviation"} for short in institution.abbreviations
            ],
            "parent_id": institution.parent,
            "area_id": institution.country,
            "identifiers": _identifiers(institution.identifiers),
            "sources": sources.of(institution.id),
        }
    )


def _memberships(
    people: Iterable[Person], institutions: Iterable[Institution], sources: _Sources
) -> list[dict[str, Any]]:
    found = []
    for person in people:
        for index, role in enumerate(person.roles):
            found.append(
                _clean(
                    {
                        "id": f"{person.id}/roles/{index}",
                        "person_id": person.id,
                        # An office of state is held in a country: Popolo's area, with
                        # no organization made up for it.
                        "organization_id": role.institution,
                        "area_id": role.country,
                        "role": role.title,
                        # Popolo has no flag for a role given up at an unknown date.
                        "label": f"former {role.title}" if role.former else None,
                        "start_date": _role_date(role.start),
                        "end_date": _role_date(role.end),
                        "sources": sources.of_role(person, role),
                    }
                )
            )
    for institution in institutions:
        for index, member in enumerate(institution.members):
            found.append(
                _clean(
                    {
                        "id": f"{institution.id}/members/{index}",
                        "member": {"@type": "Organization", "id": member},
                        "organization_id": institution.id,
                        "sources": sources.of(institution.id),
                    }
                )
            )
    return found


def _area(country: Country, sources: _Sources) -> dict[str, Any]:
    return _clean(
        {
            "id": country.id,
            "name": country.name,
            "identifier": country.alpha2,
            "classification": "country",
            "sources": sources.of(country.id),
        }
    )


def _event(
    event: Event, dossier: Dossier, own: str, people: dict[str, Person], resolve: _Resolve
) -> dict[str, Any]:
    start, end = _event_dates(event.date)
    attendees: dict[str, dict[str, Any]] = {}
    organizer = resolve(event.series) if event.series else None
    for participation in event.participants:
        participant = resolve(participation.participant)
        person = people.get(participant)
        if person is not None:
            attendees.setdefault(person.id, {"id": person.id, "name": person.label})
        elif organizer is None and participation.part in _ORGANIZING:
            organizer = participant
    return _clean(
        {
            "id": own + event.id,
            "name": event.name,
            "start_date": start,
            "end_date": end,
            "location": event.place.name if event.place else None,
            "status": event.status.value,
            "classification": event.kind.value,
            "organization_id": organizer,
            "attendees": list(attendees.values()),
            "parent_id": own + event.part_of if event.part_of else None,
            "sources": [_link(dossier.article)],
        }
    )


def _speech_type(statement: Statement) -> str:
    """Popolo's (Akoma Ntoso's) kind of transcript part."""
    if statement.act is SpeechAct.QUESTION:
        return "question"
    if statement.mode is StatementMode.ASSERTION:
        return "narrative"  # the article's own voice, no speaker
    return "speech"


def _speeches(
    dossier: Dossier, own: str, people: dict[str, Person], resolve: _Resolve
) -> list[dict[str, Any]]:
    in_reading_order = sorted(dossier.statements, key=lambda s: (s.content.start, s.content.end))
    position = {id(statement): n for n, statement in enumerate(in_reading_order, start=1)}
    found = []
    for statement in dossier.statements:
        # Popolo's speaker and audience are each one person.
        speaker = next((s for s in map(resolve, statement.speakers) if s in people), None)
        audience = next((a for a in map(resolve, statement.addressees) if a in people), None)
        found.append(
            _clean(
                {
                    "id": own + statement.id,
                    "creator_id": speaker,
                    "attribution_text": " \u2026 ".join(e.quote for e in statement.evidence),
                    "audience_id": audience,
                    "text": statement.content.quote,
                    "type": _speech_type(statement),
                    "position": position[id(statement)],
                    "event_id": own + statement.event if statement.event else None,
                    "sources": [_link(dossier.article)],
                }
            )
        )
    return found


def to_popolo(source: Source) -> dict[str, list[dict[str, Any]]]:
    """A dossier or a corpus as Popolo JSON: a dict of ``persons``, ``organizations``,
    ``memberships``, ``areas``, ``events`` and ``speeches``.

    Memberships are people's roles (``<person id>/roles/<n>``, with ``start_date``
    and ``end_date`` where the role has them) and institutions' members
    (``<institution id>/members/<n>``, the member an ``Organization``). Dates are
    Popolo's: a day, or the month or year that holds every day the words allow.

    Raises :class:`TypeError` for anything but a :class:`~diplomodel.Dossier` or a
    :class:`~diplomodel.Corpus`, and :class:`~diplomodel.ValidationError` for a
    corpus whose articles share an id.
    """
    dossiers = dossiers_of(source, "to_popolo")
    resolve = _resolver(source)
    sources = _Sources(dossiers, resolve)
    people = {person.id: person for person in source.people}
    countries = {country.id: country for country in source.countries}
    events: list[dict[str, Any]] = []
    speeches: list[dict[str, Any]] = []
    for dossier in dossiers:
        own = f"{dossier.article.id}/" if isinstance(source, Corpus) else ""
        events += (_event(event, dossier, own, people, resolve) for event in dossier.events)
        speeches += _speeches(dossier, own, people, resolve)
    return {
        "persons": [_person(person, countries, sources) for person in source.people],
        "organizations": [_organization(each, sources) for each in source.institutions],
        "memberships": _memberships(source.people, source.institutions, sources),
        "areas": [_area(country, sources) for country in source.countries],
        "events": events,
        "speeches": speeches,
    }
