"""diplomodel: a typed, verifiable data model of diplomatic news.

Load a curated article with :func:`load` (or the bundled seed with
:func:`load_seed`), query the :class:`Dossier`, and write it to JSON with
:func:`to_json` and back with :func:`from_json`.
"""

from .article import Article, Artifact, ArtifactKind, UncitedPassage
from .cameo import CameoCode, cameo_code
from .consensus import ConsensusItem, ConsensusStatus
from .countries import Country
from .coverage import Coverage, SentenceCoverage, SentenceStatus
from .dates import DatePrecision, FuzzyDate, resolve_date
from .dossier import Dossier, Entity
from .errors import CurationError, DateResolutionError, DiplomodelError, Problem, ValidationError
from .events import Event, EventKind, EventStatus, ParticipantPart, Participation, Place
from .evidence import Evidence
from .institutions import Institution, InstitutionKind
from .loader import load, load_seed
from .people import Person, Role
from .schema import json_schema
from .serialize import converter, from_dict, from_json, to_dict, to_json
from .statements import Statement, StatementMode

__all__ = [
    "Article",
    "Artifact",
    "ArtifactKind",
    "CameoCode",
    "ConsensusItem",
    "ConsensusStatus",
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
    "FuzzyDate",
    "Institution",
    "InstitutionKind",
    "ParticipantPart",
    "Participation",
    "Person",
    "Place",
    "Problem",
    "Role",
    "SentenceCoverage",
    "SentenceStatus",
    "Statement",
    "StatementMode",
    "UncitedPassage",
    "ValidationError",
    "cameo_code",
    "converter",
    "from_dict",
    "from_json",
    "json_schema",
    "load",
    "load_seed",
    "resolve_date",
    "to_dict",
    "to_json",
]

__version__ = "0.1.0"
