"""Events: meetings, talks, visits, summits, briefings, signings, appointments, measures, ….

Popolo's Event, with the participants' parts, the event an event belongs to
(the meetings inside a three-day trip), its number in a series ("the ninth
meeting" of an exchange mechanism) and, where it fits, a CAMEO code that maps
to a PLOVER event type.
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar

import attrs

from .cameo import cameo_codes
from .countries import iso_countries
from .dates import FuzzyDate
from .errors import FieldError, shorten
from .evidence import Evidence
from .external import Identifier, unique_identifiers
from .identifiers import (
    brief,
    non_empty,
    require_whole_number,
    schema_keywords,
    valid_id,
    valid_ids,
)
from .quantities import Quantity

__all__ = ["Event", "EventKind", "EventStatus", "ParticipantPart", "Participation", "Place"]


class EventKind(enum.Enum):
    """What sort of event."""

    MEETING = "meeting"
    """Two sides meet: Wang Yi meets the delegation."""
    TALKS = "talks"
    """Formal talks: the foreign ministers' talks."""
    VISIT = "visit"
    """A trip to another country, which may hold several meetings."""
    MECHANISM_SESSION = "mechanism-session"
    """A numbered session of a standing exchange mechanism."""
    ANNOUNCEMENT = "announcement"
    """Something made public by a body or a person."""
    PUBLICATION = "publication"
    """A text published: an editorial."""
    REPORT = "report"
    """An official account of another event: a readout."""
    SUMMIT = "summit"
    """Heads of state or government meet: "a summit between Xi and Ishiba"."""
    PRESS_CONFERENCE = "press-conference"
    """A press conference or briefing: "the ministry's regular press briefing"."""
    SIGNING = "signing"
    """A document is signed: "vice ministers signed a memorandum"."""
    APPOINTMENT = "appointment"
    """Someone takes office: "took office as consul general"."""
    POLICY_MEASURE = "policy-measure"
    """A measure is imposed, eased or lifted: a ban, "eased the ban"."""


class EventStatus(enum.Enum):
    """Where the event stands at the article's date."""

    TOOK_PLACE = "took-place"
    """It happened."""
    ONGOING = "ongoing"
    """It had begun and had not ended."""
    PLANNED = "planned"
    """It is set to happen."""
    TENTATIVE = "tentative"
    """It is only tentatively agreed."""


class ParticipantPart(enum.Enum):
    """The part a person or institution plays in an event."""

    HOST = "host"
    """Receives the others: the side the event takes place with."""
    GUEST = "guest"
    """Is received by the host: a visitor, a visiting delegation."""
    DELEGATION_LEAD = "delegation-lead"
    """Heads a delegation."""
    DELEGATION_MEMBER = "delegation-member"
    """Belongs to a delegation without heading it."""
    PARTICIPANT = "participant"
    """Takes part; the article does not say in what part."""
    SPEAKER = "speaker"
    """Says something, in an announcement or remarks."""
    AUTHOR = "author"
    """Issues or publishes a text: an editorial, a readout."""
    CO_CHAIR = "co-chair"
    """Chairs the event jointly with another: "which the two men co-chaired"."""


@attrs.define(frozen=True, kw_only=True, repr=False)
class Participation:
    """One participant in an event and its part there."""

    participant: str = attrs.field(validator=valid_id)
    """Id of a person or institution."""

    part: ParticipantPart
    """The part played."""

    evidence: tuple[Evidence, ...] = attrs.field(validator=non_empty)
    """Where the article puts the participant at the event."""

    def __repr__(self) -> str:
        return f"Participation(participant={self.participant!r}, part={self.part.value!r})"


@schema_keywords(lambda _is_array: {"enum": sorted(iso_countries())})
def _assigned_alpha2(_instance: Any, attribute: attrs.Attribute[Any], code: str | None) -> None:
    if code is not None and code not in iso_countries():
        raise FieldError(
            attribute.name,
            f"{shorten(code)} is not an assigned ISO 3166-1 alpha-2 code (such as 'KZ')",
        )


@attrs.define(frozen=True, kw_only=True, repr=False)
class Place:
    """Where an event happens, as precisely as the article says.

    A place named only by its city ("their meeting in Astana") is a place with
    that name and no country: the country is given only when the dossier has it
    (``country``) or the curator knows it (``country_code``), never guessed.
    """

    name: str = attrs.field(validator=non_empty)
    """The place as written: "Beijing", "Japan", "Astana"."""

    country: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the country the place is in, when the dossier has that country."""

    country_code: str | None = attrs.field(default=None, validator=_assigned_alpha2)
    """ISO 3166-1 alpha-2 code of the country the place is in (``KZ`` for Astana),
    for a country the article does not name; with ``country`` too, the same country's."""

    evidence: tuple[Evidence, ...] = attrs.field(validator=non_empty)
    """Where the article names the place."""

    identifiers: tuple[Identifier, ...] = attrs.field(default=(), validator=unique_identifiers)
    """Identifiers of the place in other databases: a Wikidata QID, a GeoNames id."""

    def __repr__(self) -> str:
        code = f", country_code={self.country_code!r}" if self.country_code else ""
        return f"Place(name={brief(self.name)}, country={self.country!r}{code})"


@schema_keywords(lambda _is_array: {"enum": sorted(cameo_codes())})
def _known_cameo(_instance: Any, attribute: attrs.Attribute[Any], code: str | None) -> None:
    if code is not None and code not in cameo_codes():
        raise FieldError(
            attribute.name,
            f"{shorten(code)} is not a CAMEO code of the CAMEO-to-PLOVER table",
        )


@schema_keywords(lambda _is_array: {"minimum": 1}, exact=True)
def _positive(_instance: Any, attribute: attrs.Attribute[Any], number: int | None) -> None:
    if number is not None:
        require_whole_number(attribute.name, number)
    if number is not None and number < 1:
        raise FieldError(attribute.name, f"must be 1 or more, got {shorten(number)}")


@attrs.define(frozen=True, kw_only=True, repr=False)
class Event:
    """Something that happened, is happening or is to happen (Popolo Event)."""

    id: str = attrs.field(validator=valid_id)
    """Unique id in the dossier, e.g. ``mechanism-meeting-9``."""

    name: str = attrs.field(validator=non_empty)
    """A short name for tables and timelines."""

    kind: EventKind
    """What sort of event."""

    status: EventStatus
    """Where it stands at the article's date."""

    date: FuzzyDate | None = None
    """When, from the article's own words; none when the article gives no date."""

    place: Place | None = None
    """Where, when the article says."""

    participants: tuple[Participation, ...] = ()
    """Who takes part, and in what part."""

    part_of: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the event this one belongs to (a meeting inside a trip)."""

    series: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the institution (an exchange mechanism) whose numbered series it belongs to."""

    number: int | None = attrs.field(default=None, validator=_positive)
    """Its number in the series: 9 for "the ninth meeting"."""

    title: str | None = None
    """The title of a published text, for publications."""

    cameo: str | None = attrs.field(default=None, validator=_known_cameo)
    """CAMEO code of the event (from the host's side), mapped to PLOVER by :func:`cameo_code`."""

    evidence: tuple[Evidence, ...] = attrs.field(validator=non_empty)
    """Where the article tells of the event."""

    reported_by: str | None = attrs.field(default=None, validator=valid_id)
    """Id of the person or institution the article has it from ("both ministers
    attended the dialogue, the spokesperson said"); the words that say so belong
    in :attr:`evidence`, so the report is not also curated as a statement."""

    quantities: tuple[Quantity, ...] = ()
    """Numbers the article gives about the event: "a three-day visit", "produced eight
    agreements"."""
    same_as: tuple[str, ...] = attrs.field(default=(), validator=valid_ids)
    """Ids another curation gives the same thing, where its curator chose another id:
    a corpus merges them into one (see ``docs/corpus.md``)."""

    _schema_rules: ClassVar[dict[str, Any]] = {
        "anyOf": [
            {"properties": {"series": {"type": "null"}, "number": {"type": "null"}}},
            {
                "required": ["series", "number"],
                "properties": {"series": {"type": "string"}, "number": {"type": "integer"}},
            },
        ],
    }
    """Series and number go together, as JSON Schema (read by :func:`json_schema`)."""

    def __attrs_post_init__(self) -> None:
        # A number means nothing without its series, and a series member has a number.
        if self.number is not None and self.series is None:
            raise FieldError(
                "series",
                f"missing: an event with a number ({self.number}) needs the series it is "
                "numbered in; series and number go together",
            )
        if self.series is not None and self.number is None:
            raise FieldError(
                "number",
                f"missing: an event of the series {self.series!r} needs its number in it; "
                "series and number go together",
            )

    def __repr__(self) -> str:
        return f"Event(id={self.id!r}, name={brief(self.name)})"
