"""diplomodel: a typed, verifiable data model of diplomatic news.

Load a curated article with :func:`load` (or the bundled seed with
:func:`load_seed`), query the :class:`Dossier`, and write it to JSON with
:func:`to_json` and back with :func:`from_json`.
"""

from importlib import metadata as _metadata

from .article import Article, Artifact, ArtifactKind, UncitedPassage
from .cameo import CameoCode, cameo_code
from .consensus import ConsensusItem, ConsensusStatus
from .corpus import Conflict, Corpus
from .countries import Country, IsoCountry, iso_countries, iso_country
from .coverage import Coverage, SentenceCoverage, SentenceStatus
from .dates import DatePrecision, FuzzyDate, resolve_date
from .dossier import Dossier
from .entities import Entity, label_of
from .errors import (
    CurationError,
    DateResolutionError,
    DiplomodelError,
    FieldError,
    NotFoundError,
    Problem,
    ValidationError,
)
from .events import Event, EventKind, EventStatus, ParticipantPart, Participation, Place
from .evidence import Evidence
from .exports.annotations import to_annotations
from .exports.plover import to_plover
from .exports.popolo import to_popolo
from .external import Identifier
from .institutions import Institution, InstitutionKind
from .loader import load, load_seed, read_dossier
from .people import Person, Role
from .quantities import Quantity
from .queries import Appointment, Interaction, TimelineEntry
from .records import TABLES, Record, to_records, write_jsonl
from .schema import json_schema
from .serialize import converter, from_dict, from_json, to_dict, to_json
from .statements import ARTICLE_VOICE, SpeechAct, Statement, StatementMode
from .walk import EvidenceSite

__all__ = [
    "ARTICLE_VOICE",
    "TABLES",
    "Appointment",
    "Article",
    "Artifact",
    "ArtifactKind",
    "CameoCode",
    "Conflict",
    "ConsensusItem",
    "ConsensusStatus",
    "Corpus",
    "Country",
    "Coverage",
    "CurationError",
    "DatePrecision",
    "DateResolutionError",
    "DiplomodelError",
    "Dossier",
    "Entity",
    "Event",
    "EventKind",
    "EventStatus",
    "Evidence",
    "EvidenceSite",
    "FieldError",
    "FuzzyDate",
    "Identifier",
    "Institution",
    "InstitutionKind",
    "Interaction",
    "IsoCountry",
    "NotFoundError",
    "ParticipantPart",
    "Participation",
    "Person",
    "Place",
    "Problem",
    "Quantity",
    "Record",
    "Role",
    "SentenceCoverage",
    "SentenceStatus",
    "SpeechAct",
    "Statement",
    "StatementMode",
    "TimelineEntry",
    "UncitedPassage",
    "ValidationError",
    "cameo_code",
    "converter",
    "from_dict",
    "from_json",
    "iso_countries",
    "iso_country",
    "json_schema",
    "label_of",
    "load",
    "load_seed",
    "read_dossier",
    "resolve_date",
    "to_annotations",
    "to_dict",
    "to_json",
    "to_plover",
    "to_popolo",
    "to_records",
    "write_jsonl",
]

try:
    __version__ = _metadata.version("diplomodel")
except _metadata.PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"
