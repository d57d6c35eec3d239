"""The loader: a curation file and its article text in, a checked :class:`Dossier` out.

The curation file is TOML (see ``docs/curation.md``). It mirrors the model, with
two differences that keep curating honest: evidence is written as quotes, never
offsets, and dates as the article's own words. The loader finds every quote in
the text (refusing one that is absent or ambiguous), resolves every date with
:func:`resolve_date` against the publication date, builds the model, and reports
every problem of the file at once in one :class:`CurationError`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
import tomllib
import types
import typing
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from .article import Article, Artifact, UncitedPassage
from .consensus import ConsensusItem
from .countries import Country
from .dates import FuzzyDate, resolve_date
from .dossier import Dossier
from .errors import CurationError, DateResolutionError, Problem, ValidationError
from .events import Event
from .evidence import Evidence, find_occurrences
from .institutions import Institution
from .people import Person
from .serialize import from_json
from .statements import Statement

__all__ = ["SEED_CURATION", "load", "load_seed", "read_dossier", "seed_path"]

SEED_CURATION = "000_25c877c6326c8c1d.toml"
"""File name of the seed article's curation inside the package's ``seeds`` folder."""

# Curation keys that differ from the model's field names: a statement's or
# consensus item's content, and an artifact's or uncited passage's span, are
# written as one ``quote``.
_KEY_OF_FIELD: dict[tuple[type[Any], str], str] = {
    (Statement, "content"): "quote",
    (ConsensusItem, "content"): "quote",
    (Artifact, "evidence"): "quote",
    (UncitedPassage, "evidence"): "quote",
}
_DOSSIER_SECTIONS: tuple[tuple[str, type[Any]], ...] = (
    ("countries", Country),
    ("institutions", Institution),
    ("people", Person),
    ("events", Event),
    ("statements", Statement),
    ("consensus_items", ConsensusItem),
    ("uncited", UncitedPassage),
)
_QUOTE_KEYS = {"quote", "occurrence", "context"}


class _ReportedError(Exception):
    """A value could not be read; its problem is already recorded."""


def _closest_passage(text: str, quote: str) -> str | None:
    """The passage of ``text`` most like ``quote``, as a hint for a typo."""
    size = len(quote)
    starts = [0, *(match.end() for match in re.finditer(r"\s+", text))]
    candidates = {text[start : start + size] for start in starts}
    found = difflib.get_close_matches(quote, list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


class _Reader:
    """Reads one curation document, recording problems instead of stopping at the first."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.text = ""
        self.published = dt.date.min

    def problem(self, path: str, message: str) -> _ReportedError:
        self.problems.append(Problem(path, message))
        return _ReportedError()

    # -- quotes ------------------------------------------------------------

    def evidence(self, spec: Any, path: str) -> Evidence:
        """Find a quote spec ("words" or {quote, occurrence | context}) in the text."""
        quote: Any
        if isinstance(spec, str):
            quote, occurrence, context = spec, None, None
        elif isinstance(spec, dict):
            unknown = set(spec) - _QUOTE_KEYS
            if unknown:
                raise self.problem(path, f"unknown key(s) {sorted(unknown)} in a quote")
            quote, occurrence, context = (
                spec.get("quote"),
                spec.get("occurrence"),
                spec.get("context"),
            )
            if occurrence is not None and context is not None:
                raise self.problem(path, "give occurrence or context, not both")
        else:
            raise self.problem(path, f"expected a quote (a string or a table), got {spec!r}")
        if not isinstance(quote, str) or not quote.strip():
            raise self.problem(path, "a quote must be non-empty words from the text")
        if context is not None:
            return self._quote_in_context(quote, context, path)
        starts = find_occurrences(self.text, quote)
        if not starts:
            hint = _closest_passage(self.text, quote)
            suffix = f"; the closest passage is {hint!r}" if hint else ""
            raise self.problem(path, f"quote {quote!r} is not in the text{suffix}")
        if occurrence is None:
            if len(starts) > 1:
                raise self.problem(
                    path,
                    f"quote {quote!r} occurs {len(starts)} times in the text; "
                    "pick one with occurrence = N or context = '…'",
                )
            start = starts[0]
        else:
            if not isinstance(occurrence, int) or isinstance(occurrence, bool):
                raise self.problem(path, f"occurrence must be a whole number, got {occurrence!r}")
            if not 1 <= occurrence <= len(starts):
                raise self.problem(
                    path,
                    f"occurrence {occurrence} of quote {quote!r} asked for, "
                    f"but it occurs {len(starts)} time(s)",
                )
            start = starts[occurrence - 1]
        return Evidence(quote=quote, start=start, end=start + len(quote))

    def _quote_in_context(self, quote: str, context: Any, path: str) -> Evidence:
        if not isinstance(context, str):
            raise self.problem(path, f"context must be a string, got {context!r}")
        around = self.evidence(context, f"{path}.context")
        inside = find_occurrences(around.quote, quote)
        if len(inside) != 1:
            found = "is not" if not inside else f"occurs {len(inside)} times"
            raise self.problem(path, f"quote {quote!r} {found} in its context {context!r}")
        start = around.start + inside[0]
        return Evidence(quote=quote, start=start, end=start + len(quote))

    # -- values --------------------------------------------------------------

    def value(self, annotation: Any, raw: Any, path: str) -> Any:
        origin = typing.get_origin(annotation)
        if origin in (types.UnionType, typing.Union):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            return self.value(options[0], raw, path)
        if origin is tuple:
            (item_type, _ellipsis) = typing.get_args(annotation)
            if not isinstance(raw, list):
                raise self.problem(path, f"expected a list, got {type(raw).__name__} {raw!r}")
            items = []
            for index, item in enumerate(raw):
                try:
                    items.append(self.value(item_type, item, f"{path}[{index}]"))
                except _ReportedError:
                    continue
            if len(items) != len(raw):
                raise _ReportedError()
            return tuple(items)
        if annotation is Evidence:
            return self.evidence(raw, path)
        if annotation is FuzzyDate:
            return self.date(raw, path)
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            allowed = [member.value for member in annotation]
            if raw not in allowed:
                raise self.problem(path, f"{raw!r} is not one of {allowed}")
            return annotation(raw)
        if attrs.has(annotation):
            if not isinstance(raw, dict):
                raise self.problem(path, f"expected a table, got {type(raw).__name__} {raw!r}")
            return self.instance(annotation, raw, path)
        if annotation is dt.date:
            if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
                return raw
            raise self.problem(path, f"expected a TOML date such as 2025-01-14, got {raw!r}")
        if annotation is int and (not isinstance(raw, int) or isinstance(raw, bool)):
            raise self.problem(path, f"expected a whole number, got {raw!r}")
        if annotation is str and not isinstance(raw, str):
            raise self.problem(path, f"expected a string, got {type(raw).__name__} {raw!r}")
        return raw

    def date(self, raw: Any, path: str) -> FuzzyDate:
        if not isinstance(raw, str):
            raise self.problem(path, f"expected the article's date words as a string, got {raw!r}")
        if raw not in self.text:
            raise self.problem(path, f"date words {raw!r} are not in the text")
        try:
            return resolve_date(raw, self.published)
        except DateResolutionError as error:
            raise self.problem(path, f"{error.reason} (resolving {raw!r})") from None

    def instance(self, cls: type[Any], table: dict[str, Any], path: str) -> Any:
        hints = typing.get_type_hints(cls)
        keys = {}
        for field in attrs.fields(cls):
            if field.init:
                keys[_KEY_OF_FIELD.get((cls, field.name), field.name)] = field
        prefix = f"{path}." if path else ""
        for key in table:
            if key not in keys:
                near = difflib.get_close_matches(key, list(keys), n=1)
                hint = f"; did you mean {near[0]!r}?" if near else ""
                self.problem(f"{prefix}{key}", f"unknown key {key!r}{hint}")
        values: dict[str, Any] = {}
        complete = True
        for key, field in keys.items():
            if key not in table:
                if field.default is attrs.NOTHING:
                    self.problem(f"{prefix}{key}", "required key missing")
                    complete = False
                continue
            try:
                values[field.name] = self.value(hints[field.name], table[key], f"{prefix}{key}")
            except _ReportedError:
                complete = False
        if not complete:
            raise _ReportedError()
        try:
            return cls(**values)
        except (ValueError, TypeError) as error:
            raise self.problem(path or cls.__name__, str(error)) from None

    # -- the document -------------------------------------------------------

    def article(self, table: Any, folder: Path) -> Article:
        if not isinstance(table, dict):
            raise self.problem("article", "required table missing")
        text_name = table.get("text")
        if not isinstance(text_name, str):
            raise self.problem("article.text", "the article's text file name is required")
        published = table.get("published")
        if isinstance(published, dt.date) and not isinstance(published, dt.datetime):
            self.published = published
        text_path = folder / text_name
        try:
            self.text = text_path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            raise self.problem("article.text", f"text file {str(text_path)!r} not found") from None
        except UnicodeDecodeError as error:
            raise self.problem(
                "article.text",
                f"text file {str(text_path)!r} is not UTF-8 (byte {error.start}: {error.reason})",
            ) from None
        except OSError as error:
            raise self.problem("article.text", f"cannot read {str(text_path)!r}: {error}") from None
        # The file name stands where the model holds the text itself.
        article: Article = self.instance(Article, {**table, "text": self.text}, "article")
        return article

    def dossier(self, document: dict[str, Any], folder: Path) -> Dossier | None:
        allowed = {"article", *(name for name, _cls in _DOSSIER_SECTIONS)}
        for key in document:
            if key not in allowed:
                near = difflib.get_close_matches(key, list(allowed), n=1)
                hint = f"; did you mean {near[0]!r}?" if near else ""
                self.problem(key, f"unknown section {key!r}{hint}")
        try:
            article = self.article(document.get("article"), folder)
        except _ReportedError:
            return None
        sections: dict[str, tuple[Any, ...]] = {}
        for name, cls in _DOSSIER_SECTIONS:
            raw = document.get(name, [])
            if not isinstance(raw, list):
                self.problem(name, f"expected an array of tables ([[{name}]]), got {raw!r}")
                continue
            items = []
            for index, table in enumerate(raw):
                try:
                    items.append(self.value(cls, table, f"{name}[{index}]"))
                except _ReportedError:
                    continue
            sections[name] = tuple(items)
        if self.problems:
            return None
        try:
            return Dossier(article=article, **sections)
        except ValidationError as error:
            for problem in error.problems:
                self.problems.append(Problem(_curation_path(problem.path), problem.message))
            return None


def _curation_path(json_path: str) -> str:
    """The place in the curation file of a dossier JSON path.

    ``$.statements[4].content`` is ``statements[4].quote``: see ``_KEY_OF_FIELD``.
    """
    path = json_path.removeprefix("$.")
    path = re.sub(r"^((?:statements|consensus_items)\[\d+\])\.content", r"\1.quote", path)
    return re.sub(r"^((?:article\.artifacts|uncited)\[\d+\])\.evidence", r"\1.quote", path)


def load(path: str | Path) -> Dossier:
    """Load a curation file (TOML) and the article text it names, and check them whole.

    Raises :class:`~diplomodel.CurationError` listing every problem, each with
    its place in the file, and returns nothing half-loaded.
    """
    path = Path(path)
    file = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CurationError(file, [Problem("", "curation file not found")]) from None
    except OSError as error:
        raise CurationError(
            file, [Problem("", f"cannot read the curation file: {error}")]
        ) from None
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CurationError(
            file, [Problem("", f"the curation file is not UTF-8 (byte {error.start})")]
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise CurationError(file, [Problem("", f"invalid TOML: {error}")]) from None
    reader = _Reader(file)
    dossier = reader.dossier(document, path.parent)
    if dossier is None or reader.problems:
        raise CurationError(file, reader.problems)
    return dossier


def read_dossier(path: str | Path) -> Dossier:
    """A dossier from a curation file (``.toml``) or a JSON dump (``.json``).

    Raises :class:`~diplomodel.CurationError` or :class:`~diplomodel.ValidationError`
    (both :class:`~diplomodel.DiplomodelError`) naming the file and its problems.
    """
    path = Path(path)
    if path.suffix.lower() != ".json":
        return load(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError(f"{path}: cannot read", [Problem("", str(error))]) from None
    try:
        return from_json(text, Dossier)
    except ValidationError as error:
        raise ValidationError(f"{path}: {error.summary}", error.problems) from None


def seed_path() -> Path:
    """Where the seed article's curation file is installed.

    A wheel carries the seed inside the package; an editable install of a source
    checkout reads it from the checkout's top-level ``seeds`` folder.
    """
    installed = Path(str(resources.files("diplomodel").joinpath("seeds", SEED_CURATION)))
    if installed.is_file():
        return installed
    checkout = Path(__file__).resolve().parents[2] / "seeds" / SEED_CURATION
    return checkout if checkout.is_file() else installed


def load_seed() -> Dossier:
    """The seed article's dossier, curated in full.

    The article tells of the January 2025 visit of Japan's ruling-coalition
    delegation to Beijing and the ninth meeting of the China-Japan ruling-party
    exchange mechanism.
    """
    return load(seed_path())
