"""The loader: a curation file and its article text in, a checked :class:`Dossier` out.

The curation file is TOML (see ``docs/curation.md``). It mirrors the model, with
two differences that keep curating honest: evidence is written as quotes, never
offsets, and dates as the article's own words. The loader finds every quote in
the text (refusing one that is absent or ambiguous), resolves every date with
:func:`resolve_date` against the publication date, builds the model, and reports
every problem of the file at once in one :class:`CurationError`.

The curation is one more unstructured form of the model's classes: it is read by
a copy of the JSON reader's cattrs converter, with hooks for what it writes
differently (quotes, date words, TOML dates) and its renamed keys in one place,
:data:`CURATION_KEYS`. Problem paths come from that converter, as for JSON.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import stat
import sys
import tomllib
import typing
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import cattrs
from cattrs.gen import override

from .article import Article, Artifact, UncitedPassage
from .consensus import ConsensusItem
from .countries import Country
from .dates import (
    DatePrecision,
    DayOrder,
    FuzzyDate,
    curator_date,
    day_order_of,
    relative_date,
    resolve_date,
)
from .dossier import Dossier, check_dossier
from .draft import DRAFT_KEY, DRAFT_REFUSAL
from .errors import (
    CurationError,
    DateResolutionError,
    DiplomodelError,
    FieldError,
    Problem,
    ValidationError,
    cap_message,
    id_at_index,
    path_with_id,
    shorten,
    shorten_path,
)
from .events import Event
from .evidence import Evidence, find_occurrences
from .identifiers import broken_rules
from .institutions import Institution
from .passages import Passages
from .people import Person
from .serialize import _READING_ERRORS as READING_ERRORS
from .serialize import _problems_of as problems_of
from .serialize import _ReadProblemsError as ReadProblemsError
from .serialize import converter as json_converter
from .serialize import from_json
from .statements import Statement

__all__ = ["SEED_CURATION", "load", "load_seed", "loads_curation", "read_dossier", "seed_path"]

SEED_CURATION = "000_25c877c6326c8c1d.toml"
"""File name of the seed article's curation inside the package's ``seeds`` folder."""

# The one place where curation keys differ from the model's field names: a
# statement's or consensus item's content, and an artifact's or uncited passage's
# span, are written as one ``quote``. The curation converter reads keys through
# these overrides; problem paths from the dossier's checks are renamed through them.
CURATION_KEYS: dict[type[Any], dict[str, Any]] = {  # field name -> cattrs override
    Statement: {"content": override(rename="quote")},
    ConsensusItem: {"content": override(rename="quote")},
    Artifact: {"evidence": override(rename="quote")},
    UncitedPassage: {"evidence": override(rename="quote")},
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
_RELATIVE_KEYS = {"words", "relative_to", "order"}
_WINDOW_KEYS = {"words", "earliest", "latest", "precision", "note"}
# The sections whose objects' own date may be relative to another event: the loader
# replaces it once every event is read.
_OWN_DATES = ("events", "statements")


def _key_of(cls: type[Any], field: str) -> str:
    """The curation key of a field of ``cls``."""
    renamed: str | None = getattr(CURATION_KEYS.get(cls, {}).get(field), "rename", None)
    return renamed or field


def _fields_of(cls: type[Any]) -> tuple[dict[str, Any], dict[str, attrs.Attribute[Any]]]:
    """The type hints of ``cls``, and its curation keys each with the field it fills."""
    known = _FIELDS_OF.get(cls)
    if known is None:  # classes do not change, and type hints are dear to resolve
        keys = {_key_of(cls, field.name): field for field in attrs.fields(cls) if field.init}
        known = _FIELDS_OF[cls] = (typing.get_type_hints(cls), keys)
    return known


_FIELDS_OF: dict[type[Any], tuple[dict[str, Any], dict[str, attrs.Attribute[Any]]]] = {}


_KEY_OF_FIELD: dict[tuple[type[Any], str], str] = {
    (cls, field): _key_of(cls, field) for cls, fields in CURATION_KEYS.items() for field in fields
}
"""The renames as (class, field) -> key, for the curation-rules script."""


@attrs.define(frozen=True)
class _PendingDate:
    """A date relative to another event, read but not yet resolved."""

    section: str
    index: int
    words: str
    relative_to: str
    order: DayOrder | None


class _UnreadableFileError(Exception):
    """A file that cannot be read; the message says why, after the file's name."""


_STAND_IN_DATE = dt.date(2000, 1, 1)
"""Resolves date words (for their local checks only) when the publication date is unknown."""


def _stand_in(published: dt.date | None) -> FuzzyDate:
    """A day's date that a relative date stands on until its event's date is known."""
    day = published or _STAND_IN_DATE
    return FuzzyDate(text="stand-in", earliest=day, latest=day, precision=DatePrecision.DAY)


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]{1,48}")


def _key_in_path(key: str) -> str:
    """A key as a path step: as written when plain, else quoted and shortened."""
    return key if _PLAIN_KEY.fullmatch(key) else shorten(key)


def _described(value: Any) -> str:
    """A value's type and shortened repr: ``list [1, 2, 3, 4, ...]``."""
    return f"{type(value).__name__} {shorten(value)}"


def _at(path: str, message: str) -> ReadProblemsError:
    """One problem at ``path`` (``$`` is the value being read, ``$.context`` a key of it)."""
    return ReadProblemsError("invalid curation value", [Problem(path, cap_message(message))])


def _curation(problem: Problem) -> Problem:
    """A problem of the converter, its path a JSON path, as a curation path (no ``$.``)."""
    return Problem(problem.path.removeprefix("$").removeprefix("."), problem.message)


def _toml_date(value: Any, _type: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise TypeError(f"expected a TOML date such as 2025-01-14, got {_described(value)}")


def _curation_converter(reader: _Reader) -> cattrs.Converter:
    """The JSON reader's converter, made to read what a curation writes differently.

    Quotes become :class:`Evidence` and date words a :class:`FuzzyDate`, both
    through ``reader`` (which holds the text and the publication date); dates are
    TOML dates; and the attrs classes are read by their curation keys
    (:data:`CURATION_KEYS`), with a suggestion for an unknown key. Every other
    value is read by the JSON reader's own hooks.
    """
    made = json_converter.copy()
    made.register_structure_hook(dt.date, _toml_date)
    made.register_structure_hook(Evidence, lambda value, _type: reader.evidence(value))
    made.register_structure_hook(FuzzyDate, lambda value, _type: reader.date(value))
    made.register_structure_hook_factory(attrs.has, _object_from_table)
    return made


def _object_from_table(cls: type[Any], made: cattrs.Converter) -> Any:
    """The structuring hook of an attrs class read from a curation table.

    Every problem of the table is raised at once, each at its key: unknown keys
    (with the closest known one), missing keys, values that cannot be read, and
    the class's field rules, all with the curation key of the field.
    """
    fields = {_key_of(cls, field.name): field for field in attrs.fields(cls) if field.init}
    hooks: dict[str, tuple[Any, Any]] = {}

    def structure(table: Any, _type: Any) -> Any:
        if not isinstance(table, dict):
            raise TypeError(f"expected a table, got {_described(table)}")
        if not hooks:  # found on first use: the classes may not all exist at import
            hints, _keys = _fields_of(cls)
            for key, field in fields.items():
                hooks[key] = (made.get_structure_hook(hints[field.name]), hints[field.name])
        problems: list[Problem] = []
        for key in table:
            if key not in fields:
                near = difflib.get_close_matches(key, list(fields), n=1)
                hint = f"; did you mean {near[0]!r}?" if near else ""
                problems.append(
                    Problem(f"$.{_key_in_path(key)}", f"unknown key {shorten(key)}{hint}")
                )
        values: dict[str, Any] = {}
        broken: set[str] = set()
        for key, field in fields.items():
            if key not in table:
                if field.default is attrs.NOTHING:
                    problems.append(Problem(f"$.{key}", "required key missing"))
                    broken.add(field.name)
                continue
            structure_field, hint = hooks[key]
            try:
                values[field.name] = structure_field(table[key], hint)
            except READING_ERRORS as error:
                problems += problems_of(error, f"$.{key}")
                broken.add(field.name)
        if not problems:
            try:
                return cls(
                    **{
                        fields[key].alias: values[fields[key].name]
                        for key in fields
                        if fields[key].name in values
                    }
                )
            except (DiplomodelError, ValueError, TypeError, LookupError, OverflowError) as error:
                rules = broken_rules(cls, values)
                if not rules and isinstance(error, FieldError):
                    rules = [error]
                if not rules:  # a rule not raised as a FieldError: reported at the object
                    raise _at("$", str(error)) from None
        else:
            rules = broken_rules(cls, values, broken)
        problems += [
            Problem(f"$.{_key_of(cls, rule.field)}", cap_message(rule.message)) for rule in rules
        ]
        raise ReadProblemsError(f"invalid {cls.__name__}", problems)

    return structure


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
    """Reads one curation document, recording problems instead of stopping at the first.

    Every value is read by one cattrs converter (:attr:`converter`): the JSON
    reader's, with hooks for what a curation writes differently (quotes, date
    words, TOML dates, renamed keys).
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.passages: Passages | None = None
        """The article text, indexed; ``None`` when it could not be read."""
        self.published: dt.date | None = None
        self.pending: list[_PendingDate] = []
        """Dates relative to another event, resolved once every event is read."""
        self.relative_dates = 0
        """How many dates relative to another event were read, own dates or not."""
        self.converter = _curation_converter(self)

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def read(self, raw: Any, cls: type[Any], path: str) -> Any:
        """``raw`` read as a ``cls``; ``None`` when it cannot be, with its problems recorded."""
        try:
            return self.converter.structure(raw, cls)
        except (*READING_ERRORS, RecursionError) as error:
            for problem in problems_of(error, f"$.{path}"):
                self.problems.append(_curation(problem))
            return None

    # -- quotes ------------------------------------------------------------

    def evidence(self, spec: Any) -> Evidence:
        """Find a quote spec ("words" or {quote, occurrence | context}) in the text."""
        quote: Any
        if isinstance(spec, str):
            quote, occurrence, context = spec, None, None
        elif isinstance(spec, dict):
            unknown = set(spec) - _QUOTE_KEYS
            if unknown:
                raise _at("$", f"unknown key(s) {shorten(sorted(unknown))} in a quote")
            quote, occurrence, context = (
                spec.get("quote"),
                spec.get("occurrence"),
                spec.get("context"),
            )
            if occurrence is not None and context is not None:
                raise _at("$", "give occurrence or context, not both")
        else:
            raise _at("$", f"expected a quote (a string or a table), got {_described(spec)}")
        if not isinstance(quote, str) or not quote.strip():
            raise _at("$", "a quote must be non-empty words from the text")
        if occurrence is not None and (
            not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1
        ):
            raise _at(
                "$", f"occurrence must be a whole number from 1 up, got {_described(occurrence)}"
            )
        if context is not None and not isinstance(context, str):
            raise _at("$", f"context must be a string, got {_described(context)}")
        if self.passages is None:
            # Said once, at article.text; a stand-in lets the item's other keys be checked.
            return Evidence(quote=quote, start=0, end=len(quote))
        if context is not None:
            return self._quote_in_context(quote, context)
        # Two starts decide whether a bare quote is unique; a count only for the message.
        starts = self.passages.starts(quote, limit=2 if occurrence is None else occurrence)
        if not starts:
            hint = self.passages.closest(quote)
            suffix = f"; the closest passage is {shorten(hint, 80)}" if hint else ""
            raise _at("$", f"quote {shorten(quote)} is not in the text{suffix}")
        if occurrence is None:
            if len(starts) > 1:
                count = len(self.passages.starts(quote))
                raise _at(
                    "$",
                    f"quote {shorten(quote)} occurs {count} times in the text; "
                    "pick one with occurrence = N or context = '…'",
                )
            start = starts[0]
        else:
            if len(starts) < occurrence:
                raise _at(
                    "$",
                    f"occurrence {shorten(occurrence)} of quote {shorten(quote)} asked for, "
                    f"but it occurs {len(starts)} time(s)",
                )
            start = starts[occurrence - 1]
        return Evidence(quote=quote, start=start, end=start + len(quote))

    def _quote_in_context(self, quote: str, context: str) -> Evidence:
        try:
            around = self.evidence(context)
        except ReadProblemsError as error:
            raise ReadProblemsError(
                error.summary,
                [Problem("$.context" + p.path[1:], p.message) for p in error.problems],
            ) from None
        inside = find_occurrences(around.quote, quote)
        if len(inside) != 1:
            found = "is not" if not inside else f"occurs {len(inside)} times"
            raise _at("$", f"quote {shorten(quote)} {found} in its context {shorten(context)}")
        start = around.start + inside[0]
        return Evidence(quote=quote, start=start, end=start + len(quote))

    # -- dates ---------------------------------------------------------------

    def date(self, raw: Any) -> FuzzyDate:
        """Date words, or a table of words with another event's id or the curator's window."""
        if isinstance(raw, dict):
            return self.date_table(raw)
        if not isinstance(raw, str):
            raise _at(
                "$",
                f"expected the article's date words as a string or a table, got {_described(raw)}",
            )
        self.date_words(raw, "$")
        try:
            return resolve_date(raw, self.published or _STAND_IN_DATE)
        except DateResolutionError as error:
            if self.published is None:
                # article.published names the cause; the dossier cannot be built anyway.
                return _stand_in(None)
            raise _at("$", f"{error.reason} (resolving {shorten(raw)})") from None
        except (ValueError, OverflowError, LookupError) as error:
            raise _at("$", f"cannot resolve {shorten(raw)}: {error}") from None

    def date_words(self, words: Any, path: str) -> str:
        """``words``, which must be the article's own."""
        if not isinstance(words, str) or not words.strip():
            raise _at(path, f"expected the article's date words, got {_described(words)}")
        if self.passages is not None and words not in self.passages:
            raise _at(path, f"date words {shorten(words)} are not in the text")
        return words

    def date_table(self, table: dict[str, Any]) -> FuzzyDate:
        """``{ words, relative_to[, order] }`` or ``{ words, earliest, latest[, note] }``."""
        relative = "relative_to" in table
        allowed = _RELATIVE_KEYS if relative else _WINDOW_KEYS
        problems: list[Problem] = []

        def read(key: str, cls: Any) -> Any:
            try:
                return self.converter.structure(table[key], cls)
            except READING_ERRORS as error:
                problems.extend(problems_of(error, f"$.{key}"))
                return None

        for key in table:
            if key not in allowed:
                known = key in _RELATIVE_KEYS | _WINDOW_KEYS
                why = "a relative date takes its window from its event: no" if relative else ""
                message = f"{why} {shorten(key)}" if known else f"unknown key {shorten(key)}"
                problems.append(Problem(f"$.{_key_in_path(key)}", message.strip()))
        words: str | None = None
        if "words" not in table:
            problems.append(Problem("$.words", "required key missing"))
        else:
            try:
                words = self.date_words(table["words"], "$.words")
            except ReadProblemsError as error:
                problems += error.problems
        if relative:
            target = read("relative_to", str)
            order = read("order", DayOrder) if "order" in table else None
            if problems or words is None:
                raise ReadProblemsError("invalid date", problems)
            said = day_order_of(words)
            try:
                # Its message says what is missing or contradictory; the window comes later.
                date = relative_date(words, _stand_in(self.published), target, order or said)
                if order is not None:
                    relative_date(words, _stand_in(self.published), target, order)
            except DateResolutionError as error:
                raise _at("$", error.reason) from None
            self.relative_dates += 1
            return date
        if "earliest" not in table and "latest" not in table:
            problems.append(
                Problem(
                    "$",
                    "a date table gives relative_to = 'event-id' or earliest and/or latest; "
                    "write words alone as date = '…'",
                )
            )
        earliest = read("earliest", dt.date) if "earliest" in table else None
        latest = read("latest", dt.date) if "latest" in table else None
        precision = read("precision", DatePrecision) if "precision" in table else None
        note = read("note", str) if "note" in table else None
        if problems or words is None:
            raise ReadProblemsError("invalid date", problems)
        try:
            return curator_date(words, earliest, latest, precision=precision, note=note)
        except DateResolutionError as error:
            raise _at("$", error.reason) from None

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
        article = self.read({**table, "text": "…" if text is None else text}, Article, "article")
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
        if DRAFT_KEY in document:  # written by `diplomodel draft`: never loaded as curated
            self.problem(DRAFT_KEY, DRAFT_REFUSAL)
            allowed.add(DRAFT_KEY)
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
                relative_before = self.relative_dates
                obj = self.read(table, cls, f"{name}[{index}]")
                if obj is not None:
                    obj = self.own_relative_date(name, index, obj, relative_before)
                if obj is not None:
                    built.append((index, obj))
                    continue
                parts.unbuilt[name] = parts.unbuilt.get(name, 0) + 1
                if isinstance(table, dict) and isinstance(table.get("id"), str):
                    parts.unbuilt_ids.setdefault(table["id"], name)
        self.resolve_relative_dates(parts)
        return self.across(parts)

    def own_relative_date(self, name: str, index: int, obj: Any, relative_before: int) -> Any:
        """``obj``, its own date relative to another event noted for resolving; ``None``
        (with a problem) when a relative date stands anywhere else in it."""
        own = getattr(obj, "date", None) if name in _OWN_DATES else None
        is_relative = False
        if isinstance(own, FuzzyDate) and own.relative_to is not None:
            is_relative = True
            self.pending.append(_PendingDate(name, index, own.text, own.relative_to, own.order))
        if self.relative_dates - relative_before > int(is_relative):
            self.problem(
                f"{name}[{index}]",
                "only an event's or a statement's own date may be relative to another event",
            )
            return None
        return obj

    def resolve_relative_dates(self, parts: _Parts) -> None:
        """Give each date relative to another event that event's window, in place.

        A chain of relative dates is followed to a date of its own, each link once;
        an unknown or undated event, or a cycle, is a problem, and its object is
        dropped from the built ones so that no check sees its stand-in date.
        """
        if not self.pending:
            return
        events: dict[str, Event] = {}
        for _index, event in parts.built.get("events", []):
            events.setdefault(event.id, event)
        built = {
            (name, index): (position, obj)
            for name in ("events", "statements")
            for position, (index, obj) in enumerate(parts.built.get(name, []))
        }
        pending_of_event: dict[str, _PendingDate] = {}
        for each in self.pending:
            if each.section == "events" and (each.section, each.index) in built:
                event_id = built[each.section, each.index][1].id
                if events.get(event_id) is built[each.section, each.index][1]:
                    pending_of_event[event_id] = each
        resolved: dict[str, FuzzyDate | None] = {}  # event id -> its date, None when failed

        def date_of(event_id: str) -> FuzzyDate | None:
            """The final date of an event, following relative dates without recursion."""
            walk: list[str] = []
            on_walk: set[str] = set()
            current = event_id
            while current not in resolved and current in pending_of_event:
                if current in on_walk:
                    cycle = walk[walk.index(current) :]
                    shown = " \u2192 ".join(shorten(member) for member in [*cycle, current])
                    for member in cycle:
                        step = pending_of_event[member]
                        self.problem(
                            f"{step.section}[{step.index}].date.relative_to",
                            cap_message(f"a cycle of relative dates: {shown}"),
                        )
                        resolved[member] = None
                    break
                walk.append(current)
                on_walk.add(current)
                current = pending_of_event[current].relative_to
            for member in reversed(walk):
                if member not in resolved:
                    step = pending_of_event[member]
                    resolved[member] = self.resolve_one(step, parts, events, resolved)
            return resolved.get(event_id, events[event_id].date if event_id in events else None)

        failed: set[tuple[str, int]] = set()
        for each in self.pending:
            key = (each.section, each.index)
            if key not in built:
                continue
            position, obj = built[key]
            if each.section == "events" and pending_of_event.get(obj.id) is each:
                date = date_of(obj.id)
            else:
                date = self.resolve_one(each, parts, events, resolved, date_of)
            if date is None:
                failed.add(key)
                continue
            parts.built[each.section][position] = (each.index, attrs.evolve(obj, date=date))
        for name in ("events", "statements"):
            kept = []
            for index, obj in parts.built.get(name, []):
                if (name, index) in failed:
                    parts.unbuilt[name] = parts.unbuilt.get(name, 0) + 1
                    parts.unbuilt_ids.setdefault(obj.id, name)
                else:
                    kept.append((index, obj))
            parts.built[name] = kept

    def resolve_one(
        self,
        step: _PendingDate,
        parts: _Parts,
        events: dict[str, Event],
        resolved: dict[str, FuzzyDate | None],
        date_of: typing.Callable[[str], FuzzyDate | None] | None = None,
    ) -> FuzzyDate | None:
        """The date of one relative date whose target's own date is resolved, or a problem."""
        path = f"{step.section}[{step.index}].date"
        target = step.relative_to
        if target not in events:
            if parts.unbuilt_ids.get(target) != "events":  # else its own problem is reported
                self.problem(f"{path}.relative_to", f"unknown event id {shorten(target)}")
            return None
        if date_of is not None:
            target_date = date_of(target)
        elif target in resolved:
            target_date = resolved[target]
        else:
            target_date = events[target].date
        if target in resolved and resolved[target] is None:
            return None  # the target's own problem is reported
        if target_date is None:
            self.problem(
                f"{path}.relative_to",
                f"event {shorten(target)} has no date for this one to be relative to",
            )
            return None
        try:
            return relative_date(step.words, target_date, target, step.order)
        except DateResolutionError as error:
            self.problem(path, cap_message(error.reason))
            return None

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


_FIRST_KEY = re.compile(r'(?P<section>[a-z_.]+)\[[0-9]+\](?: \("[^"]*"\))?\.(?P<key>\w+)')
_SECTION_CLASS = {**dict(_DOSSIER_SECTIONS), "article.artifacts": Artifact}


def _curation_path(json_path: str) -> str:
    """The place in the curation file of a dossier JSON path.

    ``$.statements[4].content`` is ``statements[4].quote``: see :data:`CURATION_KEYS`.
    """
    path = json_path.removeprefix("$.")
    match = _FIRST_KEY.match(path)
    if match is None or match["section"] not in _SECTION_CLASS:
        return path
    key = _key_of(_SECTION_CLASS[match["section"]], match["key"])
    return f"{path[: match.start('key')]}{key}{path[match.end('key') :]}"


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
        id_at = id_at_index(document)
        raise CurationError(
            file, [Problem(path_with_id(p.path, id_at), p.message) for p in reader.problems]
        )
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
