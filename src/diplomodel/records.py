"""Tables: a dossier or corpus as flat rows, ready for pandas, DuckDB or JSON Lines.

Each table is a list of dicts whose values are strings, numbers, booleans, lists of
strings or ``None``; ids are the foreign keys between tables, dates are ISO strings,
and lists of ids (speakers, addressees, parties, topics, participants, quantities) are
tables of their own. :data:`COLUMNS` declares each table's columns and their types,
which every row obeys and from which typed exports (Arrow, Parquet) take their schema.

A role's row names its institution or, for an office of state, its country, and its
start and end (``start_text``, ``start_earliest``, ``start_latest``, likewise ``end_…``)
and whether it is a ``former`` one. An unnamed person's row has no names but a
``description``. The ``quantities`` table has one row per number an event, statement
or consensus item gives: its ``owner`` (the id), ``value``, ``unit``, what it
``counts``, and the ``quote`` of its first evidence.
Every row of an article's account carries its article's id (a statement's id is
unique only in its article); ``entities`` has one row per merged thing with the
articles that tell of it, and ``interactions`` one row per pair who met.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Literal

from .consensus import ConsensusItem
from .corpus import Corpus
from .countries import Country
from .dates import FuzzyDate
from .dossier import Dossier
from .entities import Entity, kind_name
from .evidence import Evidence
from .institutions import Institution
from .people import Person
from .quantities import Quantity
from .statements import Statement
from .walk import iter_evidence

__all__ = [
    "COLUMNS",
    "SHARED_TABLES",
    "TABLES",
    "ColumnType",
    "Record",
    "to_records",
    "write_jsonl",
]

Record = dict[str, str | int | float | bool | list[str] | None]
"""One flat row."""

TABLES = (
    "articles",
    "countries",
    "institutions",
    "people",
    "roles",
    "events",
    "participations",
    "statements",
    "statement_speakers",
    "statement_topics",
    "statement_addressees",
    "consensus_items",
    "consensus_parties",
    "consensus_topics",
    "quantities",
    "evidence",
    "entities",
    "interactions",
)
"""The names of the tables :func:`to_records` returns, in order."""

ColumnType = Literal["string", "integer", "number", "boolean", "date", "strings"]
"""What a column holds: text (ids and enum values too), an integer, a number (a
quantity's value), a boolean, a date (an ISO string in a row), or a list of strings.
Any column may be ``None``."""

_DATE_COLUMNS: dict[str, ColumnType] = {
    "date_text": "string",
    "earliest": "date",
    "latest": "date",
    "precision": "string",
    "edtf": "string",
    "date_basis": "string",
    "date_relative_to": "string",
    "date_order": "string",
    "date_note": "string",
}
_EFFECTIVE_DATE_COLUMNS: dict[str, ColumnType] = {
    "effective_date": "string",
    "effective_earliest": "date",
    "effective_latest": "date",
    "effective_date_source": "string",
}
_SPAN_COLUMNS: dict[str, ColumnType] = {"start": "integer", "end": "integer"}

COLUMNS: dict[str, dict[str, ColumnType]] = {
    "articles": {
        "article": "string",
        "title": "string",
        "publisher": "string",
        "published": "date",
        "language": "string",
        "url": "string",
        "characters": "integer",
    },
    "countries": {"id": "string", "name": "string", "alpha2": "string", "alpha3": "string"},
    "institutions": {
        "id": "string",
        "name": "string",
        "kind": "string",
        "abbreviations": "strings",
        "country": "string",
        "parent": "string",
    },
    "people": {
        "id": "string",
        "name": "string",
        "family_name": "string",
        "given_name": "string",
        "description": "string",
        "aliases": "strings",
        "country": "string",
    },
    "roles": {
        "article": "string",
        "person": "string",
        "title": "string",
        "institution": "string",
        "country": "string",
        "start_text": "string",
        "start_earliest": "date",
        "start_latest": "date",
        "end_text": "string",
        "end_earliest": "date",
        "end_latest": "date",
        "former": "boolean",
    },
    "events": {
        "article": "string",
        "id": "string",
        "name": "string",
        "kind": "string",
        "status": "string",
        **_DATE_COLUMNS,
        "place": "string",
        "place_country": "string",
        "place_country_code": "string",
        "part_of": "string",
        "series": "string",
        "number": "integer",
        "title": "string",
        "cameo": "string",
        "reported_by": "string",
    },
    "participations": {
        "article": "string",
        "event": "string",
        "participant": "string",
        "part": "string",
    },
    "statements": {
        "article": "string",
        "id": "string",
        "mode": "string",
        "act": "string",
        "content": "string",
        **_SPAN_COLUMNS,
        "event": "string",
        "channel": "string",
        "on_behalf_of": "string",
        "speaker_inferred": "boolean",
        **_DATE_COLUMNS,
        **_EFFECTIVE_DATE_COLUMNS,
    },
    "statement_speakers": {"article": "string", "statement": "string", "speaker": "string"},
    "statement_topics": {"article": "string", "statement": "string", "topic": "string"},
    "statement_addressees": {"article": "string", "statement": "string", "addressee": "string"},
    "consensus_items": {
        "article": "string",
        "id": "string",
        "status": "string",
        "content": "string",
        **_SPAN_COLUMNS,
        "event": "string",
        "document": "string",
        "reported_by": "string",
        **_EFFECTIVE_DATE_COLUMNS,
    },
    "consensus_parties": {"article": "string", "consensus_item": "string", "party": "string"},
    "consensus_topics": {"article": "string", "consensus_item": "string", "topic": "string"},
    "quantities": {
        "article": "string",
        "owner": "string",
        "value": "number",
        "unit": "string",
        "counts": "string",
        "quote": "string",
    },
    "evidence": {
        "article": "string",
        "owner": "string",
        "path": "string",
        "quote": "string",
        **_SPAN_COLUMNS,
    },
    "entities": {
        "id": "string",
        "kind": "string",
        "name": "string",
        "other_names": "strings",
        "same_as": "strings",
        "sources": "strings",
        "source_count": "integer",
    },
    "interactions": {
        "event": "string",
        "first": "string",
        "first_part": "string",
        "second": "string",
        "second_part": "string",
        "status": "string",
        "earliest": "date",
        "latest": "date",
        "edtf": "string",
        "across_sides": "boolean",
        "sources": "strings",
    },
}
"""Each table's columns, in order, and what each holds: every row of every table of
:func:`to_records` has exactly these keys, with values of these types or ``None``."""

SHARED_TABLES = frozenset({"countries", "institutions", "people", "entities", "interactions"})
"""The tables of the merged world (one row per merged thing or pair, with its sources);
every row of every other table belongs to one article."""


def _date_columns(date: FuzzyDate | None) -> Record:
    if date is None:
        return {
            "date_text": None,
            "earliest": None,
            "latest": None,
            "precision": None,
            "edtf": None,
            "date_basis": None,
            "date_relative_to": None,
            "date_order": None,
            "date_note": None,
        }
    return {
        "date_text": date.text,
        "earliest": date.earliest.isoformat() if date.earliest else None,
        "latest": date.latest.isoformat() if date.latest else None,
        "precision": date.precision.value,
        "edtf": date.edtf,
        "date_basis": date.basis.value,
        "date_relative_to": date.relative_to,
        "date_order": date.order.value if date.order else None,
        "date_note": date.note,
    }


def _effective_date_columns(
    item: Statement | ConsensusItem,
    dossier: Dossier,
    event_dates: Mapping[str, FuzzyDate | None],
    resolve: Callable[[str], str],
) -> Record:
    """The date that holds (:meth:`Dossier.effective_date`) and whose it is: ``own``,
    ``event`` or ``parent-event``; an event's date is its merged one in a corpus."""
    effective = dossier.effective_date(item)
    if effective is None:
        return dict.fromkeys(
            ("effective_date", "effective_earliest", "effective_latest", "effective_date_source")
        )
    date = effective.date
    if effective.event is not None:
        date = event_dates.get(resolve(effective.event)) or date
    return {
        "effective_date": date.edtf,
        "effective_earliest": date.earliest.isoformat() if date.earliest else None,
        "effective_latest": date.latest.isoformat() if date.latest else None,
        "effective_date_source": effective.source.value,
    }


def _prefixed(prefix: str, date: FuzzyDate | None) -> Record:
    """A date's text and window as ``<prefix>_text``, ``<prefix>_earliest``, ``<prefix>_latest``."""
    columns = _date_columns(date)
    return {
        f"{prefix}_text": columns["date_text"],
        f"{prefix}_earliest": columns["earliest"],
        f"{prefix}_latest": columns["latest"],
    }


def _quantity_rows(article: str, owner: str, quantities: Iterable[Quantity]) -> list[Record]:
    return [
        {
            "article": article,
            "owner": owner,
            "value": quantity.value,
            "unit": quantity.unit,
            "counts": quantity.counts,
            "quote": quantity.evidence[0].quote,
        }
        for quantity in quantities
    ]


def _span_columns(evidence: Evidence, text_column: str) -> Record:
    return {text_column: evidence.quote, "start": evidence.start, "end": evidence.end}


def _add_dossier(
    tables: dict[str, list[Record]],
    dossier: Dossier,
    merged: bool,
    event_dates: Mapping[str, FuzzyDate | None],
    resolve: Callable[[str], str],
) -> None:
    article = dossier.article
    a = article.id
    # In a corpus, ids name the merged things (an id declared the same as another, the
    # merged one), so that every id is a key of the merged tables.
    r = resolve

    def ro(id: str | None) -> str | None:
        return None if id is None else resolve(id)

    tables["articles"].append(
        {
            "article": a,
            "title": article.title,
            "publisher": article.publisher,
            "published": article.published.isoformat(),
            "language": article.language,
            "url": article.url,
            "characters": len(article.text),
        }
    )
    if not merged:
        _add_entities(tables, dossier.countries, dossier.institutions, dossier.people)
    for person in dossier.people:
        for role in person.roles:
            tables["roles"].append(
                {
                    "article": a,
                    "person": r(person.id),
                    "title": role.title,
                    "institution": ro(role.institution),
                    "country": ro(role.country),
                    **_prefixed("start", role.start),
                    **_prefixed("end", role.end),
                    "former": role.former,
                }
            )
    for event in dossier.events:
        place = event.place
        tables["events"].append(
            {
                "article": a,
                "id": r(event.id),
                "name": event.name,
                "kind": event.kind.value,
                "status": event.status.value,
                **_date_columns(event.date),
                "place": place.name if place else None,
                "place_country": ro(place.country) if place else None,
                "place_country_code": place.country_code if place else None,
                "part_of": ro(event.part_of),
                "series": ro(event.series),
                "number": event.number,
                "title": event.title,
                "cameo": event.cameo,
                "reported_by": ro(event.reported_by),
            }
        )
        tables["quantities"] += _quantity_rows(a, event.id, event.quantities)
        for participation in event.participants:
            tables["participations"].append(
                {
                    "article": a,
                    "event": r(event.id),
                    "participant": r(participation.participant),
                    "part": participation.part.value,
                }
            )
    for statement in dossier.statements:
        tables["statements"].append(
            {
                "article": a,
                "id": statement.id,
                "mode": statement.mode.value,
                "act": statement.act.value,
                **_span_columns(statement.content, "content"),
                "event": ro(statement.event),
                "channel": ro(statement.channel),
                "on_behalf_of": ro(statement.on_behalf_of),
                "speaker_inferred": statement.speaker_inferred,
                **_date_columns(statement.date),
                **_effective_date_columns(statement, dossier, event_dates, resolve),
            }
        )
        tables["quantities"] += _quantity_rows(a, statement.id, statement.quantities)
        for speaker in statement.speakers:
            tables["statement_speakers"].append(
                {"article": a, "statement": statement.id, "speaker": r(speaker)}
            )
        for topic in statement.topics:
            tables["statement_topics"].append(
                {"article": a, "statement": statement.id, "topic": topic}
            )
        for addressee in statement.addressees:
            tables["statement_addressees"].append(
                {"article": a, "statement": statement.id, "addressee": r(addressee)}
            )
    for item in dossier.consensus_items:
        tables["consensus_items"].append(
            {
                "article": a,
                "id": r(item.id),
                "status": item.status.value,
                **_span_columns(item.content, "content"),
                "event": ro(item.event),
                "document": ro(item.document),
                "reported_by": ro(item.reported_by),
                **_effective_date_columns(item, dossier, event_dates, resolve),
            }
        )
        tables["quantities"] += _quantity_rows(a, item.id, item.quantities)
        for party in item.parties:
            tables["consensus_parties"].append(
                {"article": a, "consensus_item": r(item.id), "party": r(party)}
            )
        for topic in item.topics:
            tables["consensus_topics"].append(
                {"article": a, "consensus_item": r(item.id), "topic": topic}
            )
    for site in iter_evidence(dossier):
        tables["evidence"].append(
            {
                "article": a,
                "owner": r(site.owner),
                "path": site.path,
                **_span_columns(site.evidence, "quote"),
            }
        )


def _add_entities(
    tables: dict[str, list[Record]],
    countries: Iterable[Country],
    institutions: Iterable[Institution],
    people: Iterable[Person],
) -> None:
    for country in countries:
        tables["countries"].append(
            {
                "id": country.id,
                "name": country.name,
                "alpha2": country.alpha2,
                "alpha3": country.alpha3,
            }
        )
    for institution in institutions:
        tables["institutions"].append(
            {
                "id": institution.id,
                "name": institution.name,
                "kind": institution.kind.value,
                "abbreviations": list(institution.abbreviations),
                "country": institution.country,
                "parent": institution.parent,
            }
        )
    for person in people:
        tables["people"].append(
            {
                "id": person.id,
                "name": person.name,
                "family_name": person.family_name,
                "given_name": person.given_name,
                "description": person.description,
                "aliases": list(person.aliases),
                "country": person.country,
            }
        )


def _add_merged(tables: dict[str, list[Record]], source: Dossier | Corpus) -> None:
    """The merged things with their sources, and who met whom."""
    for entity in source.entities() if isinstance(source, Dossier) else _corpus_things(source):
        if isinstance(source, Corpus):
            articles = tuple(dict.fromkeys(a for a, _v in source.sources(entity.id)))
            names = source.names(entity.id)
        else:
            articles = (source.article.id,)
            names = (entity.name,) if entity.name is not None else ()
        tables["entities"].append(
            {
                "id": entity.id,
                "kind": kind_name(entity),
                "name": entity.name,
                "other_names": list(names[1:]),
                "same_as": list(getattr(entity, "same_as", ())),
                "sources": list(articles),
                "source_count": len(articles),
            }
        )
    for interaction in source.interactions():
        date = _date_columns(interaction.date)
        tables["interactions"].append(
            {
                "event": interaction.event.id,
                "first": interaction.first.participant,
                "first_part": interaction.first.part.value,
                "second": interaction.second.participant,
                "second_part": interaction.second.part.value,
                "status": interaction.event.status.value,
                "earliest": date["earliest"],
                "latest": date["latest"],
                "edtf": date["edtf"],
                "across_sides": interaction.across_sides,
                "sources": list(interaction.sources),
            }
        )


def _corpus_things(corpus: Corpus) -> list[Entity]:
    """Every merged thing of a corpus, statements (each its article's) left out."""
    merged: list[Entity] = [*corpus.countries, *corpus.institutions, *corpus.people]
    return [*merged, *corpus.events, *corpus.consensus_where()]


def to_records(source: Dossier | Corpus) -> dict[str, list[Record]]:
    """Every table of a dossier or corpus, by name (see :data:`TABLES`).

    In a corpus, countries, institutions and people are merged (one row per id), and
    ``entities`` has a row per merged thing, with its sources; every other row is
    one article's account and carries its article's id. ``interactions`` has one
    row per pair of participants of each (merged) event.
    """
    tables: dict[str, list[Record]] = {name: [] for name in TABLES}
    event_dates = {entry.event.id: entry.date for entry in source.timeline()}
    if isinstance(source, Corpus):
        _add_entities(tables, source.countries, source.institutions, source.people)

        def resolve(id: str) -> str:
            return source.get(id).id if id in source else id

        for dossier in source.dossiers:
            _add_dossier(tables, dossier, True, event_dates, resolve)
    else:
        _add_dossier(tables, source, False, event_dates, lambda id: id)
    _add_merged(tables, source)
    return tables


def write_jsonl(source: Dossier | Corpus, folder: str | Path) -> list[Path]:
    """Write each table as ``<folder>/<table>.jsonl`` (one JSON object a line); return the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in to_records(source).items():
        path = folder / f"{name}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        written.append(path)
    return written
