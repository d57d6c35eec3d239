"""The exceptions diplomodel raises, each naming what is wrong and where."""

from __future__ import annotations

import re
import reprlib
from collections.abc import Callable, Iterable

import attrs

__all__ = [
    "CurationError",
    "DateResolutionError",
    "DiplomodelError",
    "FieldError",
    "NotFoundError",
    "Problem",
    "ValidationError",
    "cap_message",
    "id_at_index",
    "path_with_id",
    "shorten",
    "shorten_path",
]

_SHORT = reprlib.Repr()
_SHORT.maxstring = 48
_SHORT.maxother = 48
_SHORT.maxlong = 24
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = _SHORT.maxset = 4
_SHORT.maxlevel = 3
_SHORTEST = 80


def shorten(value: object, width: int = _SHORT.maxstring) -> str:
    """The ``repr`` of ``value`` for an error message, cut to a few dozen characters.

    Long strings, big numbers and big or deeply nested containers are cut with
    an ellipsis, so an error about a 5 MB value stays one line long; the cost
    does not grow with the value. A string of more than ``width`` characters
    keeps its start, cut at a word where there is one, never in its middle.
    """
    if isinstance(value, int) and value.bit_length() > 64:
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    if isinstance(value, str):
        if len(value) <= width:
            return repr(value)
        kept = value[: width - 8]
        space = kept.rfind(" ")
        return repr(kept[:space] if space > len(kept) // 2 else kept) + "\u2026"
    text = _SHORT.repr(value)
    return text if len(text) <= _SHORTEST else text[: _SHORTEST - 1] + "\u2026"


def cap_message(message: str) -> str:
    """A problem's message cut to a few lines: a safety net, since messages quote
    values with :func:`shorten` already."""
    if len(message) <= _LONGEST_MESSAGE:
        return message
    return message[: _LONGEST_MESSAGE - 1] + "\u2026"


_LONGEST_MESSAGE = 300


def shorten_path(path: object) -> str:
    """A file's path for an error message: whole when short, else its last part after an
    ellipsis, since the end names the file."""
    text = str(path)
    return text if len(text) <= _LONGEST_PATH else "\u2026" + text[-(_LONGEST_PATH - 1) :]


_LONGEST_PATH = 160


# The first step of a path when it is an item of a list: ``events[5]`` or ``$.events[5]``,
# not already followed by its id.
_FIRST_ITEM = re.compile(r"(?:\$\.)?(?P<section>[a-z_]+)\[(?P<index>[0-9]+)\](?![ ])")
_NAMED_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LONGEST_NAMED_ID = 64


def path_with_id(path: str, id_at: Callable[[str, int], object]) -> str:
    """``path`` with the id of the object it starts in beside that object's index.

    ``events[5].date`` becomes ``events[5] ("talks-with-premier").date``, and
    ``$.events[5].date`` becomes ``$.events[5] ("talks-with-premier").date``:
    ``id_at(section, index)`` gives the object's id, or anything else (``None``)
    when it has none. Only a well-formed id is named (a malformed one is a problem
    of its own); a path that names its id already is returned as it is.
    """
    match = _FIRST_ITEM.match(path)
    if match is None:
        return path
    id = id_at(match["section"], int(match["index"]))
    if not (isinstance(id, str) and len(id) <= _LONGEST_NAMED_ID and _NAMED_ID.fullmatch(id)):
        return path
    return f'{path[: match.end()]} ("{id}"){path[match.end() :]}'


def id_at_index(document: object) -> Callable[[str, int], object]:
    """``id_at`` for :func:`path_with_id` over a document read from JSON or TOML: the
    ``id`` key of ``document[section][index]``, if there is one."""

    def id_at(section: str, index: int) -> object:
        items = document.get(section) if isinstance(document, dict) else None
        item = items[index] if isinstance(items, list) and index < len(items) else None
        return item.get("id") if isinstance(item, dict) else None

    return id_at


class DiplomodelError(Exception):
    """Base class of every error diplomodel raises on purpose."""


@attrs.define(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, and what is wrong there."""

    path: str
    """Where the problem is: a JSON path such as ``$.people[3] ("wang-yi").roles[0].institution``
    or a curation path such as ``statements[4] ("useful").quote``; an object with an id
    is named by its index and, after it, its id."""

    message: str
    """What is wrong, in words."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ValidationError(DiplomodelError, ValueError):
    """Data that does not make a valid model object.

    ``problems`` lists every problem found, each with its path; the message
    shows them one a line.
    """

    def __init__(self, summary: str, problems: Iterable[Problem]) -> None:
        self.summary = summary
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = [summary, *(f"  - {problem}" for problem in self.problems)]
        super().__init__("\n".join(lines))


class CurationError(ValidationError):
    """A curation file (or its article text) that cannot be loaded.

    ``file`` is the curation file; every problem's path is a place in it such as
    ``statements[4].quote``. One load reports all problems at once.
    """

    def __init__(self, file: str, problems: Iterable[Problem]) -> None:
        self.file = file
        problems = tuple(problems)
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{shorten_path(file)}: {count} {noun} in the curation", problems)


class FieldError(DiplomodelError, ValueError):
    """A field value that breaks its class's rule, raised while a model object is built.

    ``field`` names the field (``number``, ``alpha2``) so that readers of JSON and
    curation files can report the problem at the field's own path.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class NotFoundError(DiplomodelError, LookupError):
    """A lookup by id (or name) that finds nothing, or finds another kind of object."""

    def __init__(self, message: str, id: str | None = None) -> None:
        self.id = id
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class DateResolutionError(DiplomodelError, ValueError):
    """Date words that :func:`diplomodel.resolve_date` cannot read."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot resolve the date words {shorten(text)}: {reason}")
