"""Tables: a dossier or corpus as flat rows, ready for pandas, DuckDB or JSON Lines.

Each table is a list of dicts whose values are strings, numbers, booleans or ``None``;
ids are the foreign keys between tables, dates are ISO strings, and lists
(speakers, addressees, parties, topics, participants, quantities) are tables of their own.

A role's row names its institution or, for an office of state, its country, and its
start and end (``start_text``, ``start_earliest``, ``start_latest``, likewise ``end_…``)
and whether it is a ``former`` one. An unnamed person's row has no names but a
``description``. The ``quantities`` table has one row per number an event, statement
or consensus item gives: its ``owner`` (the id), ``value``, ``unit``, what it
``counts``, and the ``quote`` of its first evidence.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .corpus import Corpus
from .countries import Country
from .dates import FuzzyDate
from .dossier import Dossier
from .evidence import Evidence
from .institutions import Institution
from .people import Person
from .quantities import Quantity
from .walk import iter_evidence

__all__ = ["TABLES", "Record", "to_records", "write_jsonl"]

Record = dict[str, str | int | float | bool | None]
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
)
"""The names of the tables :func:`to_records` returns, in order."""


def _date_columns(date: FuzzyDate | None) -> Record:
    if date is None:
        return {
            "date_text": None,
            "earliest": None,
            "latest": None,
            "precision": None,
            "edtf": None,
        }
    return {
        "date_text": date.text,
        "earliest": date.earliest.isoformat() if date.earliest else None,
        "latest": date.latest.isoformat() if date.latest else None,
        "precision": date.precision.value,
        "edtf": date.edtf,
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


def _add_dossier(tables: dict[str, list[Record]], dossier: Dossier, merged: bool) -> None:
    article = dossier.article
    a = article.id
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
                    "person": person.id,
                    "title": role.title,
                    "institution": role.institution,
                    "country": role.country,
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
                "id": event.id,
                "name": event.name,
                "kind": event.kind.value,
                "status": event.status.value,
                **_date_columns(event.date),
                "place": place.name if place else None,
                "place_country": place.country if place else None,
                "place_country_code": place.country_code if place else None,
                "part_of": event.part_of,
                "series": event.series,
                "number": event.number,
                "title": event.title,
                "cameo": event.cameo,
                "reported_by": event.reported_by,
            }
        )
        tables["quantities"] += _quantity_rows(a, event.id, event.quantities)
        for participation in event.participants:
            tables["participations"].append(
                {
                    "article": a,
                    "event": event.id,
                    "participant": participation.participant,
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
                "event": statement.event,
                "channel": statement.channel,
                "on_behalf_of": statement.on_behalf_of,
                "speaker_inferred": statement.speaker_inferred,
                **_date_columns(statement.date),
            }
        )
        tables["quantities"] += _quantity_rows(a, statement.id, statement.quantities)
        for speaker in statement.speakers:
            tables["statement_speakers"].append({"statement": statement.id, "speaker": speaker})
        for topic in statement.topics:
            tables["statement_topics"].append({"statement": statement.id, "topic": topic})
        for addressee in statement.addressees:
            tables["statement_addressees"].append(
                {"statement": statement.id, "addressee": addressee}
            )
    for item in dossier.consensus_items:
        tables["consensus_items"].append(
            {
                "article": a,
                "id": item.id,
                "status": item.status.value,
                **_span_columns(item.content, "content"),
                "event": item.event,
                "document": item.document,
                "reported_by": item.reported_by,
            }
        )
        tables["quantities"] += _quantity_rows(a, item.id, item.quantities)
        for party in item.parties:
            tables["consensus_parties"].append({"consensus_item": item.id, "party": party})
        for topic in item.topics:
            tables["consensus_topics"].append({"consensus_item": item.id, "topic": topic})
    for site in iter_evidence(dossier):
        tables["evidence"].append(
            {
                "article": a,
                "owner": site.owner,
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
                "abbreviations": "; ".join(institution.abbreviations) or None,
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
                "aliases": "; ".join(person.aliases) or None,
                "country": person.country,
            }
        )


def to_records(source: Dossier | Corpus) -> dict[str, list[Record]]:
    """Every table of a dossier or corpus, by name (see :data:`TABLES`).

    In a corpus, countries, institutions and people are merged (one row per id);
    every other row carries the id of its article.
    """
    tables: dict[str, list[Record]] = {name: [] for name in TABLES}
    if isinstance(source, Corpus):
        _add_entities(tables, source.countries, source.institutions, source.people)
        for dossier in source.dossiers:
            _add_dossier(tables, dossier, merged=True)
    else:
        _add_dossier(tables, source, merged=False)
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
