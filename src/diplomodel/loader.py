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
import os
import re
import stat
import sys
import tomllib
import types
import typing
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from .article import Article, Artifact, UncitedPassage
from .consensus import ConsensusItem
from .countries import Country
from .dates import FuzzyDate, resolve_date
from .dossier import Dossier, check_dossier
from .errors import (
    CurationError,
    DateResolutionError,
    DiplomodelError,
    FieldError,
    Problem,
    ValidationError,
    cap_message,
    shorten,
    shorten_path,
)
from .events import Event
from .evidence import Evidence, find_occurrences
from .institutions import Institution
from .passages import Passages
from .people import Person
from .serialize import from_json
from .statements import Statement

__all__ = ["SEED_CURATION", "load", "load_seed", "loads_curation", "read_dossier", "seed_path"]

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


class _UnreadableFileError(Exception):
    """A file that cannot be read; the message says why, after the file's name."""


_STAND_IN_DATE = dt.date(2000, 1, 1)
"""Resolves date words (for their local checks only) when the publication date is unknown."""

_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]{1,48}")


def _key_in_path(key: str) -> str:
    """A key as a path step: as written when plain, else quoted and shortened."""
    return key if _PLAIN_KEY.fullmatch(key) else shorten(key)


def _described(value: Any) -> str:
    """A value's type and shortened repr: ``list [1, 2, 3, 4, ...]``."""
    return f"{type(value).__name__} {shorten(value)}"


def _read_file(path: Path, label: str) -> str:
    """The text of ``path``, which must name a regular UTF-8 file; never blocks on a FIFO.

    A leading byte-order mark is an encoding signature, not content, and is
    skipped. Raises :class:`_UnreadableFileError` saying why, after ``label``
    (how messages name the file).
    """
    if "\0" in str(path):
        raise _UnreadableFileError(f"{label}: the file name holds a NUL character")
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise _UnreadableFileError(f"{label} is {_kind_of_file(mode)}, not a regular file")
        # O_NONBLOCK: should the name turn into a FIFO after the check, opening
        # it must not wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as file:
            mode = os.fstat(file.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise _UnreadableFileError(f"{label} is {_kind_of_file(mode)}, not a regular file")
            data = file.read()
    except FileNotFoundError:
        raise _UnreadableFileError(f"{label} not found") from None
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise _UnreadableFileError(f"cannot read {label}: {reason}") from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise _UnreadableFileError(
            f"{label} is not UTF-8 (byte {error.start}: {error.reason})"
        ) from None


def _kind_of_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


_FIELDS_OF: dict[type[Any], tuple[dict[str, Any], dict[str, attrs.Attribute[Any]]]] = {}


def _fields_of(cls: type[Any]) -> tuple[dict[str, Any], dict[str, attrs.Attribute[Any]]]:
    """The type hints of ``cls``, and its curation keys each with the field it fills."""
    found = _FIELDS_OF.get(cls)
    if found is None:
        keys = {
            _KEY_OF_FIELD.get((cls, field.name), field.name): field
            for field in attrs.fields(cls)
            if field.init
        }
        found = _FIELDS_OF[cls] = (typing.get_type_hints(cls), keys)
    return found


@attrs.define
class _Parts:
    """What could be read of a curation file: the one place cross-object checks look.

    ``built`` holds, per section, the (index, object) pairs that could be built;
    ``unbuilt`` the number of items per section that could not be, and
    ``unbuilt_ids`` their ids, each with its section (so that a reference to one
    of them need not be reported as unknown). When the text could not be read (``text_read`` false)
    ``article`` is ``None`` and the evidence offsets of the built objects are
    stand-ins, so only checks that do not look at the text apply to them.
    """

    article: Article | None = None
    text_read: bool = False
    built: dict[str, list[tuple[int, Any]]] = attrs.Factory(dict)
    unbuilt: dict[str, int] = attrs.Factory(dict)
    unbuilt_ids: dict[str, str] = attrs.Factory(dict)

    def complete(self) -> bool:
        """Whether the article and every item of every section were built."""
        return self.article is not None and not any(self.unbuilt.values())


class _Reader:
    """Reads one curation document, recording problems instead of stopping at the first."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.passages: Passages | None = None
        """The article text, indexed; ``None`` when it could not be read."""
        self.published: dt.date | None = None

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
                raise self.problem(path, f"unknown key(s) {shorten(sorted(unknown))} in a quote")
            quote, occurrence, context = (
                spec.get("quote"),
                spec.get("occurrence"),
                spec.get("context"),
            )
            if occurrence is not None and context is not None:
                raise self.problem(path, "give occurrence or context, not both")
        else:
            raise self.problem(
                path, f"expected a quote (a string or a table), got {_described(spec)}"
            )
        if not isinstance(quote, str) or not quote.strip():
            raise self.problem(path, "a quote must be non-empty words from the text")
        if occurrence is not None and (
            not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1
        ):
            raise self.problem(
                path, f"occurrence must be a whole number from 1 up, got {_described(occurrence)}"
            )
        if context is not None and not isinstance(context, str):
            raise self.problem(path, f"context must be a string, got {_described(context)}")
        if self.passages is None:
            # Said once, at article.text; a stand-in lets the item's other keys be checked.
            return Evidence(quote=quote, start=0, end=len(quote))
        if context is not None:
            return self._quote_in_context(quote, context, path)
        # Two starts decide whether a bare quote is unique; a count only for the message.
        starts = self.passages.starts(quote, limit=2 if occurrence is None else occurrence)
        if not starts:
            hint = self.passages.closest(quote)
            suffix = f"; the closest passage is {shorten(hint, 80)}" if hint else ""
            raise self.problem(path, f"quote {shorten(quote)} is not in the text{suffix}")
        if occurrence is None:
            if len(starts) > 1:
                count = len(self.passages.starts(quote))
                raise self.problem(
                    path,
                    f"quote {shorten(quote)} occurs {count} times in the text; "
                    "pick one with occurrence = N or context = '…'",
                )
            start = starts[0]
        else:
            if len(starts) < occurrence:
                raise self.problem(
                    path,
                    f"occurrence {shorten(occurrence)} of quote {shorten(quote)} asked for, "
                    f"but it occurs {len(starts)} time(s)",
                )
            start = starts[occurrence - 1]
        return Evidence(quote=quote, start=start, end=start + len(quote))

    def _quote_in_context(self, quote: str, context: str, path: str) -> Evidence:
        around = self.evidence(context, f"{path}.context")
        inside = find_occurrences(around.quote, quote)
        if len(inside) != 1:
            found = "is not" if not inside else f"occurs {len(inside)} times"
            raise self.problem(
                path, f"quote {shorten(quote)} {found} in its context {shorten(context)}"
            )
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
                raise self.problem(path, f"expected a list, got {_described(raw)}")
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
            if not isinstance(raw, str) or raw not in allowed:
                raise self.problem(path, f"{shorten(raw)} is not one of {allowed}")
            return annotation(raw)
        if attrs.has(annotation):
            if not isinstance(raw, dict):
                raise self.problem(path, f"expected a table, got {_described(raw)}")
            return self.instance(annotation, raw, path)
        if annotation is dt.date:
            if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
                return raw
            raise self.problem(
                path, f"expected a TOML date such as 2025-01-14, got {_described(raw)}"
            )
        if annotation is int and (not isinstance(raw, int) or isinstance(raw, bool)):
            raise self.problem(path, f"expected a whole number, got {_described(raw)}")
        if annotation is str and not isinstance(raw, str):
            raise self.problem(path, f"expected a string, got {_described(raw)}")
        return raw

    def date(self, raw: Any, path: str) -> FuzzyDate:
        if not isinstance(raw, str):
            raise self.problem(
                path, f"expected the article's date words as a string, got {_described(raw)}"
            )
        if self.passages is not None and raw not in self.passages:
            raise self.problem(path, f"date words {shorten(raw)} are not in the text")
        try:
            return resolve_date(raw, self.published or _STAND_IN_DATE)
        except DateResolutionError as error:
            if self.published is None:
                raise _ReportedError() from None  # article.published names the cause
            raise self.problem(
                path, f"{cap_message(error.reason)} (resolving {shorten(raw)})"
            ) from None
        except (ValueError, OverflowError, LookupError) as error:
            raise self.problem(
                path, f"cannot resolve {shorten(raw)}: {cap_message(str(error))}"
            ) from None

    def instance(self, cls: type[Any], table: dict[str, Any], path: str) -> Any:
        hints, keys = _fields_of(cls)
        prefix = f"{path}." if path else ""
        for key in table:
            if key not in keys:
                near = difflib.get_close_matches(key, list(keys), n=1)
                hint = f"; did you mean {near[0]!r}?" if near else ""
                self.problem(f"{prefix}{_key_in_path(key)}", f"unknown key {shorten(key)}{hint}")
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
        except FieldError as error:
            key = _KEY_OF_FIELD.get((cls, error.field), error.field)
            raise self.problem(f"{prefix}{key}", cap_message(error.message)) from None
        except (DiplomodelError, ValueError, TypeError, LookupError, OverflowError) as error:
            # A rule not yet raised as a FieldError: reported at the object.
            raise self.problem(path or cls.__name__, cap_message(str(error))) from None

    # -- the document -------------------------------------------------------

    def article(self, table: Any, folder: Path) -> Article | None:
        """The article, its text read and indexed; ``None`` when either cannot be had."""
        if not isinstance(table, dict):
            self.problem("article", "required table missing")
            self.problem("article.text", f"no article text{_NO_TEXT}")
            return None
        published = table.get("published")
        if isinstance(published, dt.date) and not isinstance(published, dt.datetime):
            self.published = published
        text = self.text(table.get("text"), folder)
        if text is not None:
            self.passages = Passages(text)
        # The file name stands where the model holds the text itself; without the
        # text, a stand-in lets the article's other keys be checked.
        try:
            article: Article = self.instance(
                Article, {**table, "text": "…" if text is None else text}, "article"
            )
        except _ReportedError:
            return None
        return article if text is not None else None

    def text(self, name: Any, folder: Path) -> str | None:
        """The article text named by ``[article] text``, or ``None`` with its one problem."""
        if not isinstance(name, str) or not name:
            got = "" if name is None else f", got {_described(name)}"
            self.problem("article.text", f"the article's text file name is required{got}{_NO_TEXT}")
            return None
        if Path(name).is_absolute():
            self.problem(
                "article.text",
                f"the text file name {shorten(name)} must be relative to the curation file"
                + _NO_TEXT,
            )
            return None
        try:
            return _read_file(folder / name, f"text file {shorten(name)}")
        except _UnreadableFileError as error:
            self.problem("article.text", f"{error}{_NO_TEXT}")
            return None

    def dossier(self, document: dict[str, Any], folder: Path) -> Dossier | None:
        allowed = {"article", *(name for name, _cls in _DOSSIER_SECTIONS)}
        for key in document:
            if key not in allowed:
                near = difflib.get_close_matches(key, list(allowed), n=1)
                hint = f"; did you mean {near[0]!r}?" if near else ""
                self.problem(_key_in_path(key), f"unknown section {shorten(key)}{hint}")
        parts = _Parts()
        parts.article = self.article(document.get("article"), folder)
        parts.text_read = self.passages is not None
        for name, cls in _DOSSIER_SECTIONS:
            raw = document.get(name, [])
            built = parts.built.setdefault(name, [])
            if not isinstance(raw, list):
                self.problem(
                    name, f"expected an array of tables ([[{name}]]), got {_described(raw)}"
                )
                parts.unbuilt[name] = 1
                continue
            for index, table in enumerate(raw):
                try:
                    built.append((index, self.value(cls, table, f"{name}[{index}]")))
                except _ReportedError:
                    parts.unbuilt[name] = parts.unbuilt.get(name, 0) + 1
                    if isinstance(table, dict) and isinstance(table.get("id"), str):
                        parts.unbuilt_ids.setdefault(table["id"], name)
        return self.across(parts)

    def across(self, parts: _Parts) -> Dossier | None:
        """The cross-object checks (ids, references, cycles, evidence) over what was read.

        When every part was built they run as the :class:`Dossier` is built; otherwise
        :func:`check_dossier` runs them over the parts that were, so that one bad
        object hides nothing wrong between the others.
        """
        if parts.article is not None and parts.complete():
            sections = {
                name: tuple(item for _index, item in built) for name, built in parts.built.items()
            }
            try:
                return Dossier(article=parts.article, **sections)
            except ValidationError as error:
                self._add_dossier_problems(error.problems)
                return None
        # Without the text, evidence offsets are stand-ins: leave the text out of the checks.
        article = parts.article if parts.text_read else None
        self._add_dossier_problems(check_dossier(article, parts.built, parts.unbuilt_ids))
        return None

    def _add_dossier_problems(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.problems.append(
                Problem(_curation_path(problem.path), cap_message(problem.message))
            )


_NO_TEXT = "; no quote or date words can be checked without the text"


def _curation_path(json_path: str) -> str:
    """The place in the curation file of a dossier JSON path.

    ``$.statements[4].content`` is ``statements[4].quote``: see ``_KEY_OF_FIELD``.
    """
    path = json_path.removeprefix("$.")
    path = re.sub(r"^((?:statements|consensus_items)\[\d+\])\.content", r"\1.quote", path)
    return re.sub(r"^((?:article\.artifacts|uncited)\[\d+\])\.evidence", r"\1.quote", path)


def _read_curation(path: Path) -> dict[str, Any]:
    """The TOML document of a curation file, or a :class:`CurationError` naming the file."""
    file = str(path)
    try:
        text = _read_file(path, "curation file")
    except _UnreadableFileError as error:
        raise CurationError(file, [Problem("", str(error))]) from None
    return _parse_toml(text, file)


def _path_argument(path: object) -> Path:
    """``path`` as a :class:`~pathlib.Path`; a clear :class:`TypeError` for anything else."""
    if isinstance(path, str | os.PathLike) and not isinstance(path, bytes):
        return Path(path)
    raise TypeError(f"path must be a str or a path-like object, got {type(path).__name__}")


def _parse_toml(text: str, file: str) -> dict[str, Any]:
    """The TOML document in ``text``, or a :class:`CurationError` naming ``file``."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CurationError(file, [Problem("", f"invalid TOML: {error}")]) from None
    except RecursionError:
        raise CurationError(file, [Problem("", "invalid TOML: nested too deeply")]) from None
    except ValueError:  # an integer literal longer than Python converts
        limit = sys.get_int_max_str_digits()
        message = f"invalid TOML: an integer of more than {limit} digits"
        raise CurationError(file, [Problem("", message)]) from None


def loads_curation(text: str, folder: str | Path, name: str = "<string>") -> Dossier:
    """Load a curation given as TOML text; its article text file is found in ``folder``.

    ``name`` stands for the file in error messages. Raises
    :class:`~diplomodel.CurationError` as :func:`load` does.
    """
    document = _parse_toml(text.removeprefix("\ufeff"), name)
    return _build(document, Path(folder), name)


def _build(document: dict[str, Any], folder: Path, file: str) -> Dossier:
    reader = _Reader(file)
    dossier = reader.dossier(document, folder)
    if dossier is None or reader.problems:
        raise CurationError(file, reader.problems)
    return dossier


def load(path: str | Path) -> Dossier:
    """Load a curation file (TOML) and the article text it names, and check them whole.

    Raises :class:`~diplomodel.CurationError` listing every problem, each with
    its place in the file, and returns nothing half-loaded. A leading byte-order
    mark in either file is an encoding signature, not content, and is skipped.
    """
    path = _path_argument(path)
    return _build(_read_curation(path), path.parent, str(path))


_KNOWN_SUFFIXES = (".toml", ".json")
_CORPUS_FILE = re.compile(r'\s*\{\s*"dossiers"\s*:')


def read_dossier(path: str | Path) -> Dossier:
    """A dossier from a curation file (``.toml``) or a JSON dump (``.json``).

    The suffix decides, in any case (``.TOML`` too); any other is refused.
    Raises :class:`~diplomodel.CurationError` or :class:`~diplomodel.ValidationError`
    (both :class:`~diplomodel.DiplomodelError`) naming the file and its problems.
    """
    path = _path_argument(path)
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return load(path)
    if suffix != ".json":
        got = f"suffix {shorten(path.suffix)}" if path.suffix else "no suffix"
        known = " (a curation file) or ".join(_KNOWN_SUFFIXES)
        raise CurationError(
            str(path), [Problem("", f"unknown kind of file ({got}): expected {known} (a dump)")]
        )
    try:
        text = _read_file(path, "dossier file")
    except _UnreadableFileError as error:
        raise ValidationError(
            f"{shorten_path(path)}: cannot read", [Problem("", str(error))]
        ) from None
    if _CORPUS_FILE.match(text):
        raise ValidationError(
            f"{shorten_path(path)}: a corpus file, not one dossier",
            [Problem("$.dossiers", "several articles: read them with read_corpus or Corpus.load")],
        )
    try:
        return from_json(text, Dossier)
    except ValidationError as error:
        raise ValidationError(f"{shorten_path(path)}: {error.summary}", error.problems) from None


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
