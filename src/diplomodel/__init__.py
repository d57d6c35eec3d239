"""diplomodel: a typed, verifiable data model of diplomatic news.

Load a curated article with :func:`load` (or the bundled seed with
:func:`load_seed`), query the :class:`Dossier`, and write it to JSON with
:func:`to_json` and back with :func:`from_json`.

The names below are imported from their modules when first used, so that
``import diplomodel`` stays quick and a script pays only for what it uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    __version__: str

    from .article import Article, Artifact, ArtifactKind, UncitedPassage
    from .cameo import CameoCode, cameo_code
    from .consensus import ConsensusItem, ConsensusStatus
    from .corpus import Conflict, Corpus, read_corpus
    from .countries import Country, IsoCountry, iso_countries, iso_country
    from .coverage import Coverage, SentenceCoverage, SentenceStatus
    from .dates import (
        DateBasis,
        DatePrecision,
        DayOrder,
        EffectiveDate,
        EffectiveDateSource,
        FuzzyDate,
        curator_date,
        relative_date,
        resolve_date,
    )
    from .dossier import Dossier
    from .draft import draft_curation
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
    from .merge import Attestation, StatusReport
    from .people import Person, Role
    from .quantities import Quantity
    from .queries import Appointment, Interaction, TimelineEntry
    from .records import TABLES, Record, to_records, write_jsonl
    from .schema import json_schema
    from .serialize import converter, from_dict, from_json, to_dict, to_json
    from .statements import ARTICLE_VOICE, SpeechAct, Statement, StatementMode
    from .walk import EvidenceSite

# Module -> the names it gives the package: what the imports above say, for use at run time.
_EXPORTED_BY: dict[str, tuple[str, ...]] = {
    "article": ("Article", "Artifact", "ArtifactKind", "UncitedPassage"),
    "cameo": ("CameoCode", "cameo_code"),
    "consensus": ("ConsensusItem", "ConsensusStatus"),
    "corpus": ("Conflict", "Corpus", "read_corpus"),
    "countries": ("Country", "IsoCountry", "iso_countries", "iso_country"),
    "coverage": ("Coverage", "SentenceCoverage", "SentenceStatus"),
    "dates": (
        "DateBasis",
        "DatePrecision",
        "DayOrder",
        "EffectiveDate",
        "EffectiveDateSource",
        "FuzzyDate",
        "curator_date",
        "relative_date",
        "resolve_date",
    ),
    "dossier": ("Dossier",),
    "draft": ("draft_curation",),
    "entities": ("Entity", "label_of"),
    "errors": (
        "CurationError",
        "DateResolutionError",
        "DiplomodelError",
        "FieldError",
        "NotFoundError",
        "Problem",
        "ValidationError",
    ),
    "events": ("Event", "EventKind", "EventStatus", "ParticipantPart", "Participation", "Place"),
    "evidence": ("Evidence",),
    "exports.annotations": ("to_annotations",),
    "exports.plover": ("to_plover",),
    "exports.popolo": ("to_popolo",),
    "external": ("Identifier",),
    "institutions": ("Institution", "InstitutionKind"),
    "loader": ("load", "load_seed", "read_dossier"),
    "merge": ("Attestation", "StatusReport"),
    "people": ("Person", "Role"),
    "quantities": ("Quantity",),
    "queries": ("Appointment", "Interaction", "TimelineEntry"),
    "records": ("TABLES", "Record", "to_records", "write_jsonl"),
    "schema": ("json_schema",),
    "serialize": ("converter", "from_dict", "from_json", "to_dict", "to_json"),
    "statements": ("ARTICLE_VOICE", "SpeechAct", "Statement", "StatementMode"),
    "walk": ("EvidenceSite",),
}
_MODULE_OF = {name: module for module, names in _EXPORTED_BY.items() for name in names}

__all__ = [
    "ARTICLE_VOICE",
    "TABLES",
    "Appointment",
    "Article",
    "Artifact",
    "ArtifactKind",
    "Attestation",
    "CameoCode",
    "Conflict",
    "ConsensusItem",
    "ConsensusStatus",
    "Corpus",
    "Country",
    "Coverage",
    "CurationError",
    "DateBasis",
    "DatePrecision",
    "DateResolutionError",
    "DayOrder",
    "DiplomodelError",
    "Dossier",
    "EffectiveDate",
    "EffectiveDateSource",
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
    "StatusReport",
    "TimelineEntry",
    "UncitedPassage",
    "ValidationError",
    "cameo_code",
    "converter",
    "curator_date",
    "draft_curation",
    "from_dict",
    "from_json",
    "iso_countries",
    "iso_country",
    "json_schema",
    "label_of",
    "load",
    "load_seed",
    "read_corpus",
    "read_dossier",
    "relative_date",
    "resolve_date",
    "to_annotations",
    "to_dict",
    "to_json",
    "to_plover",
    "to_popolo",
    "to_records",
    "write_jsonl",
]


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("diplomodel")
    except metadata.PackageNotFoundError:  # imported from a source tree never installed
        return "0+unknown"


# Hidden from type checkers, which would otherwise take any misspelt name for Any.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _MODULE_OF.get(name)
        if module is not None:
            value = getattr(importlib.import_module(f".{module}", __name__), name)
        elif name == "__version__":
            value = _version()
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value  # found once; later lookups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__, "__version__"})
