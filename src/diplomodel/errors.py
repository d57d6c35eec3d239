"""The exceptions diplomodel raises, each naming what is wrong and where."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "CurationError",
    "DateResolutionError",
    "DiplomodelError",
    "Problem",
    "ValidationError",
]


class DiplomodelError(Exception):
    """Base class of every error diplomodel raises on purpose."""


@attrs.define(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, and what is wrong there."""

    path: str
    """Where the problem is: a JSON path such as ``$.people[3].roles[0].institution``
    or a curation path such as ``statements[4].quote``."""

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
        super().__init__(f"{file}: {count} {noun} in the curation", problems)


class DateResolutionError(DiplomodelError, ValueError):
    """Date words that :func:`diplomodel.resolve_date` cannot read."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot resolve the date words {text!r}: {reason}")
