"""PLOVER event records: one per event with a CAMEO code, for event-data pipelines.

Each record follows the JSON fields of the PLOVER specification (Open Event Data
Alliance, draft 0.8): ``id``, ``date`` and ``enddate``, ``source`` and
``recipient`` (lists of actor objects: ``code`` is the actor's country as an
ISO 3166-1 alpha-3 code), ``event``, ``mode`` and ``context`` (from the shipped
CAMEO-to-PLOVER table, :func:`diplomodel.cameo_code`), ``event_loc`` (a location
object in GeoNames' field names), ``event_text``, ``text`` and ``text_info`` (the
sentence that tells of the event and where it stands) and ``cite_info`` (the
article). PLOVER invites fields of one's own; these records add ``story_id`` (the
article's id), the date's words, precision and EDTF form, the event's id, status
and CAMEO code, and each actor's ``id`` in the dossier.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable
from typing import Any

from diplomodel.cameo import cameo_code
from diplomodel.countries import Country, iso_country
from diplomodel.coverage import split_sentences
from diplomodel.dossier import Dossier
from diplomodel.entities import label_of
from diplomodel.events import Event, ParticipantPart, Participation
from diplomodel.evidence import Evidence
from diplomodel.institutions import Institution, InstitutionKind
from diplomodel.people import Person
from diplomodel.queries import TimelineEntry

from ._sources import Source, article_iri, dossiers_of

__all__ = ["to_plover", "to_plover_jsonl"]

CODEBOOK = "PLOVER 0.8 (CAMEO2PLOVER-2021)"
"""What the records' ``cite_info.codebook`` names: the PLOVER draft and the table."""

_VISITING = frozenset(
    {ParticipantPart.GUEST, ParticipantPart.DELEGATION_LEAD, ParticipantPart.DELEGATION_MEMBER}
)
# Co-chairs lead the event together, as a host does: each is a source.
_ACTING = frozenset(
    {
        ParticipantPart.HOST,
        ParticipantPart.AUTHOR,
        ParticipantPart.SPEAKER,
        ParticipantPart.CO_CHAIR,
    }
)
_MAKE_A_VISIT = "042"  # CAMEO's "Make a visit": the visitors act, unlike "Host a visit" (043)

# PLOVER's sector codes, where the kind of institution says it plainly. A party, a
# delegation or a mechanism has none: whether a party governs is not the kind's to say.
_SECTORS = {
    InstitutionKind.GOVERNMENT: "GOV",
    InstitutionKind.MINISTRY: "GOV",
    InstitutionKind.STATE_BODY: "GOV",
    InstitutionKind.MILITARY: "MIL",
    InstitutionKind.MILITARY_COMMAND: "MIL",
    InstitutionKind.NEWS_OUTLET: "JRN",
    InstitutionKind.UNIVERSITY: "EDU",
    InstitutionKind.RESEARCH_INSTITUTE: "EDU",
}


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in obj.items() if value is not None and value != []}


class _Dossier:
    """One dossier's lookups for its records: names, countries, sentences, dates."""

    def __init__(self, dossier: Dossier, dates: dict[str, TimelineEntry]) -> None:
        self.dossier = dossier
        self.dates = dates
        self.sentences = split_sentences(dossier.article.text)
        self.sentence_starts = [sentence.start for sentence in self.sentences]

    def country(self, id: str | None) -> Country | None:
        found = self.dossier.get(id) if id is not None else None
        return found if isinstance(found, Country) else None

    def actor(self, id: str) -> dict[str, Any]:
        entity = self.dossier.get(id)
        if isinstance(entity, Country):
            country: Country | None = entity
            sector = None
        else:
            country = self.country(getattr(entity, "country", None))
            sector = _SECTORS.get(entity.kind) if isinstance(entity, Institution) else None
        identifiers = getattr(entity, "identifiers", ())
        wikidata = next((i.identifier for i in identifiers if i.scheme == "wikidata"), None)
        office = None
        if isinstance(entity, Person) and entity.roles:
            office = "; ".join(
                f"{role.title}, {self.dossier.name_of(role.holder)}" for role in entity.roles
            )
        return _clean(
            {
                "code": country.alpha3 if country else None,
                "sector": sector,
                "actor_text": label_of(entity),
                "identifier_id": wikidata,
                "office": office,
                "id": entity.id,
            }
        )

    def sentence_of(self, span: Evidence) -> tuple[int, Evidence, Evidence]:
        """The index of the sentence the span starts in, and its first and last sentences."""
        first = max(0, bisect.bisect_right(self.sentence_starts, span.start) - 1)
        last = max(first, bisect.bisect_right(self.sentence_starts, span.end - 1) - 1)
        return first, self.sentences[first], self.sentences[last]


def _ids(participations: Iterable[Participation]) -> list[str]:
    return list(dict.fromkeys(p.participant for p in participations))


def _sides(event: Event, code: str) -> tuple[list[str], list[str]]:
    """The ids of the source and recipient actors.

    Whoever acts is the source: the visitors of a visit (CAMEO 042), else the host, author
    or speaker, with the guests and delegations as recipients. Where the parts tell no
    sides (a meeting of participants), everyone is a source and there is no recipient,
    as PLOVER codes reciprocal events.
    """
    visiting = [p for p in event.participants if p.part in _VISITING]
    acting = [p for p in event.participants if p.part in _ACTING]
    if code == _MAKE_A_VISIT and visiting:
        recipient = _ids(acting)
        if not recipient and event.place is not None and event.place.country is not None:
            recipient = [event.place.country]  # the visited country, when no host is named
        return _ids(visiting), recipient
    if acting and visiting:
        return _ids(acting), _ids(visiting)
    return _ids(event.participants), []


def _location(event: Event, lookups: _Dossier) -> dict[str, Any] | None:
    place = event.place
    if place is None:
        return None
    country = lookups.country(place.country)
    # A country the article does not name is known by the curator's ISO code alone.
    alpha2 = country.alpha2 if country else place.country_code
    alpha3 = country.alpha3 if country else None
    if alpha3 is None and alpha2 is not None:
        alpha3 = iso_country(alpha2).alpha3
    geonames = next((i.identifier for i in place.identifiers if i.scheme == "geonames"), None)
    return _clean(
        {
            "name": place.name,
            "geonameid": int(geonames) if geonames is not None else None,
            "country code": alpha2,
            "cc3": alpha3,
        }
    )


def _record(event: Event, code: str, lookups: _Dossier) -> dict[str, Any]:
    article = lookups.dossier.article
    cameo = cameo_code(code)
    source, recipient = _sides(event, code)
    entry = lookups.dates.get(event.id)
    date = entry.date if entry is not None else None
    sequence, first, last = lookups.sentence_of(min(event.evidence))
    return _clean(
        {
            "id": f"{article.id}/{event.id}",
            "date": date.earliest.isoformat() if date and date.earliest else None,
            "enddate": date.latest.isoformat() if date and date.latest else None,
            "date_text": date.text if date else None,
            "date_precision": date.precision.value if date else None,
            "date_edtf": date.edtf if date else None,
            "date_from": entry.date_from if entry is not None and date is not None else None,
            "source": [lookups.actor(id) for id in source],
            "recipient": [lookups.actor(id) for id in recipient],
            "event": [cameo.plover],
            "mode": cameo.mode,
            "context": [part.strip() for part in cameo.context.split(";")]
            if cameo.context
            else None,
            "event_loc": _location(event, lookups),
            "event_text": [span.quote for span in event.evidence],
            "text": article.text[first.start : last.end],
            # Sentences are numbered from 1, as they are read.
            "text_info": {"sequence": sequence + 1, "start": first.start, "end": last.end},
            "story_id": article.id,
            "cite_info": _clean(
                {
                    "citation": f"{article.publisher}, {article.published.isoformat()}",
                    "url": article_iri(article),
                    "title": article.title,
                    "language": article.language,
                    "publication": article.publisher,
                    "codebook": CODEBOOK,
                }
            ),
            "coder": "diplomodel",
            "comment": event.name,
            "event_id": event.id,
            "status": event.status.value,
            "cameo": code,
            "cameo_label": cameo.label,
        }
    )


def to_plover(source: Source) -> list[dict[str, Any]]:
    """One PLOVER record per event with a CAMEO code, dossier by dossier, in event order.

    ``date`` and ``enddate`` are the first and last day the event's date words allow
    (its own, or those of the event it is part of, named by ``date_from``), as the
    record's own article gives them, also in a corpus: the days of a span, or the
    window one vague day lies in, as ``date_precision`` tells; an open end is left out.
    Planned and tentative events are included, marked by ``status``.

    Raises :class:`TypeError` for anything but a :class:`~diplomodel.Dossier` or a
    :class:`~diplomodel.Corpus`, and :class:`~diplomodel.ValidationError` for a
    corpus whose articles share an id.
    """
    dossiers = dossiers_of(source, "to_plover")
    records = []
    for dossier in dossiers:
        # A record is its story's: the date its article gives, not the corpus's merged one.
        dates = {entry.event.id: entry for entry in dossier.timeline()}
        lookups = _Dossier(dossier, dates)
        for event in dossier.events:
            if event.cameo is not None:
                records.append(_record(event, event.cameo, lookups))
    return records


def to_plover_jsonl(source: Source) -> str:
    """The records of :func:`to_plover` as JSON Lines: one record a line, each line ending
    in a newline (an empty string when there is none)."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in to_plover(source))
