"""The ``diplomodel`` command line: a quick look at a dossier (or several) from the shell.

Every reading command takes curation files (``.toml``) or JSON dumps (``.json``),
or ``-`` for standard input, and defaults to the bundled seed. Output is readable
text, or JSON with ``--json``. Bad input exits 1 with every problem listed; usage
errors exit 2, with the usage of the command at fault.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import difflib
import errno
import io
import json
import os
import re
import shutil
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from . import __version__
from .corpus import Conflict, Corpus, is_corpus_json, read_corpus
from .countries import Country
from .coverage import SentenceCoverage
from .dates import DatePrecision, FuzzyDate
from .dossier import Dossier
from .draft import draft_curation
from .errors import (
    CurationError,
    DiplomodelError,
    Problem,
    ValidationError,
    shorten,
    shorten_path,
)
from .exports.annotations import to_annotations
from .exports.plover import to_plover_jsonl
from .exports.popolo import to_popolo
from .institutions import Institution
from .loader import _read_file, _UnreadableFileError, load_seed, loads_curation
from .people import Person
from .queries import Queries, fold_name
from .records import write_jsonl
from .schema import json_schema
from .serialize import from_json, to_dict, to_json
from .statements import SpeechAct, Statement, StatementMode

__all__ = ["main"]

Source = Dossier | Corpus

STDIN = "-"
"""The path that stands for standard input."""


class _UsageError(Exception):
    """A command line that asks for something impossible: exit 2."""


class _InputError(Exception):
    """Input the command cannot use, in one line: exit 1."""


# -- reading -------------------------------------------------------------------


def _read_stdin(stdin: BinaryIO | None) -> tuple[Dossier, ...]:
    """Dossiers from standard input: JSON (a dump or a corpus) when it starts with ``{``,
    TOML otherwise.

    A TOML curation names its article text file relative to the current directory.
    """
    name = "<stdin>"
    try:
        text = (stdin or sys.stdin.buffer).read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CurationError(name, [Problem("", f"not UTF-8 (byte {error.start})")]) from None
    if text.lstrip().startswith("{"):
        try:
            if is_corpus_json(text):
                return from_json(text, Corpus).dossiers
            return (from_json(text, Dossier),)
        except ValidationError as error:
            raise ValidationError(f"{name}: {error.summary}", error.problems) from None
    return (loads_curation(text, Path.cwd(), name),)


def _read_one(path: str, stdin: BinaryIO | None) -> tuple[Dossier, ...]:
    """The dossiers of one source: one of a curation or dump, several of a corpus file."""
    if path == STDIN:
        return _read_stdin(stdin)
    return read_corpus(path).dossiers


def _read(paths: Sequence[str], stdin: BinaryIO | None) -> Source:
    """The seed, one dossier, or a corpus of every dossier the paths hold."""
    if not paths:
        return load_seed()
    found = [(path, dossier) for path in paths for dossier in _read_one(path, stdin)]
    if len(found) == 1:  # one article, even from a corpus file: a dossier
        return found[0][1]
    return _corpus(found)


def _corpus(found: Sequence[tuple[str, Dossier]]) -> Corpus:
    """A corpus of the dossiers read; the corpus's problems (an article read twice) name
    the files they were read from rather than their place in the corpus."""
    try:
        return Corpus([dossier for _path, dossier in found])
    except ValidationError as error:
        labels = [shorten_path(path) for path, _dossier in found]

        def named(match: re.Match[str]) -> str:
            return labels[int(match[1])] if int(match[1]) < len(labels) else match[0]

        problems = [
            Problem(_DOSSIER_AT.sub(named, p.path), _DOSSIER_AT.sub(named, p.message))
            for p in error.problems
        ]
        raise ValidationError(
            "the same article is given twice; each counts once", problems
        ) from None


_DOSSIER_AT = re.compile(r"\$\.dossiers\[(\d+)\](?:\.article\.id)?")


def _dossiers(source: Source) -> tuple[Dossier, ...]:
    return source.dossiers if isinstance(source, Corpus) else (source,)


# -- words ---------------------------------------------------------------------


def _count(n: int, singular: str, plural: str | None = None) -> str:
    """``1 event``, ``2 events``, ``3 people``."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def _when(date: FuzzyDate | None) -> str:
    """A date as EDTF; a season, quarter or half, whose EDTF code (``2025-27``) no reader
    can guess, with the article's words and the window of days beside it."""
    if date is None:
        return "undated"
    if date.precision in _CODED and date.earliest is not None and date.latest is not None:
        window = f"{date.earliest.isoformat()}..{date.latest.isoformat()}"
        return f"{date.edtf} ({date.text}: {window})"
    return date.edtf


# Precisions whose EDTF form is a sub-year code (25-28, 33-36, 40-41).
_CODED = (DatePrecision.SEASON, DatePrecision.QUARTER, DatePrecision.HALF)


def _country_code(source: Queries, id: str) -> str:
    """The country's ISO 3166-1 alpha-2 code, which readers know, rather than its id."""
    return source.get(id, Country).alpha2


def _emit_json(value: Any, out: TextIO) -> None:
    out.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def _print_unaccounted(sentences: Iterable[SentenceCoverage], out: TextIO) -> None:
    for sentence in sentences:
        evidence = sentence.sentence
        print(f"  - {shorten(evidence.quote)} (at {evidence.start}..{evidence.end})", file=out)


# -- commands ------------------------------------------------------------------


def _conflicts(source: Source) -> tuple[Conflict, ...]:
    return source.conflicts if isinstance(source, Corpus) else ()


def _summary(source: Source, args: argparse.Namespace, out: TextIO) -> int:
    """The summary; exit 1 under ``--strict`` when the articles disagree."""
    dossiers = _dossiers(source)
    consensus = source.consensus_where()
    # Merged counts: a thing several articles tell of counts once; statements are each
    # article's own.
    counts = {
        "people": len(source.people),
        "institutions": len(source.institutions),
        "countries": len(source.countries),
        "events": len(source.events_where()),
        "statements": sum(len(d.statements) for d in dossiers),
        "consensus_items": len(consensus),
    }
    conflicts = _conflicts(source)
    code = 1 if args.strict and conflicts else 0
    coverages = {d.article.id: d.coverage() for d in dossiers}
    # The merged world's statements: a speaker has one id however the articles named it.
    speakers = Counter(s for st in source.statements_where() for s in st.speakers)
    if args.json:
        _emit_json(
            {
                "articles": [
                    {k: v for k, v in to_dict(d.article).items() if k != "text"} for d in dossiers
                ],
                "counts": counts,
                "coverage": {
                    id: {"sentences": len(c.sentences), "unaccounted": len(c.unaccounted)}
                    for id, c in coverages.items()
                },
                "top_speakers": [{"id": id, "statements": n} for id, n in speakers.most_common()],
                "conflicts": [_conflict_json(c) for c in conflicts],
            },
            out,
        )
        return code
    for dossier in dossiers:
        article = dossier.article
        coverage = coverages[article.id]
        print(f"{article.publisher}, {article.published:%A %d %B %Y} [{article.id}]", file=out)
        print(
            f"  {_count(len(coverage.sentences), 'sentence')}, "
            f"{len(coverage.unaccounted)} unaccounted for; "
            f"{_count(len(article.artifacts), 'text artifact')} set aside",
            file=out,
        )
        _print_unaccounted(coverage.unaccounted, out)
    words = [
        _count(counts["people"], "person", "people"),
        _count(counts["institutions"], "institution"),
        _count(counts["countries"], "country", "countries"),
        _count(counts["events"], "event"),
        _count(counts["statements"], "statement"),
        _count(counts["consensus_items"], "consensus item"),
    ]
    print(", ".join(words), file=out)
    if source.people:
        print("\nPeople", file=out)
        _print_people(source, out)
    if counts["events"]:
        print("\nTimeline", file=out)
        _print_timeline(source, out, include_planned=True)
    if speakers:
        print("\nWho said most", file=out)
        for id, n in speakers.most_common(5):
            print(f"  {n}  {source.name_of(id)}", file=out)
    statuses = Counter(c.status.value for c in consensus)
    if statuses:
        print("\nConsensus", file=out)
        for status, n in statuses.most_common():
            print(f"  {n}  {status}", file=out)
    if isinstance(source, Corpus):
        _print_conflicts(conflicts, out)
    return code


def _conflict_json(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "field": conflict.field,
        "values": [{"article": a, "value": v} for a, v in conflict.values],
    }


def _print_conflicts(conflicts: Sequence[Conflict], out: TextIO) -> None:
    """Where the articles disagree: each fact, each value, each article; or "no conflicts"."""
    if not conflicts:
        print("\nno conflicts between the articles", file=out)
        return
    print(f"\n{_count(len(conflicts), 'conflict')} between the articles", file=out)
    for conflict in conflicts:
        print(f"  {conflict.id}.{conflict.field}:", file=out)
        for article, value in conflict.values:
            print(f"    {shorten(value)} in {article}", file=out)


def _print_people(source: Source, out: TextIO) -> None:
    for person in source.people:
        roles = "; ".join(
            f"{role.title}{' (former)' if role.former else ''}, {source.name_of(role.holder)}"
            for role in person.roles
        )
        country = f" ({_country_code(source, person.country)})" if person.country else ""
        print(f"  {person.label}{country}: {roles or 'no role given'}", file=out)


def _people_command(source: Source, args: argparse.Namespace, out: TextIO) -> None:
    if args.json:
        _emit_json([to_dict(p) for p in source.people], out)
    else:
        _print_people(source, out)


def _print_timeline(source: Queries, out: TextIO, *, include_planned: bool) -> None:
    entries = source.timeline(include_planned=include_planned)
    whens = [_when(entry.date) for entry in entries]
    width = max(map(len, whens), default=0)
    for entry, when in zip(entries, whens, strict=True):
        event = entry.event
        inherited = "" if entry.date_from in (None, event.id) else f" (within {entry.date_from})"
        told = f" ({len(entry.sources)} articles)" if len(entry.sources) > 1 else ""
        print(
            f"  {when:<{width}}  {event.status.value:<10} {event.name}{inherited}{told}", file=out
        )


def _timeline_command(source: Source, args: argparse.Namespace, out: TextIO) -> None:
    entries = source.timeline(include_planned=not args.past_only)
    if args.json:
        _emit_json(
            [
                {
                    "article": e.article,
                    "event": e.event.id,
                    "name": e.event.name,
                    "status": e.event.status.value,
                    "planned": e.is_planned,
                    "date": to_dict(e.date) if e.date else None,
                    "date_from": e.date_from,
                }
                for e in entries
            ],
            out,
        )
    else:
        _print_timeline(source, out, include_planned=not args.past_only)


def _resolve_name(source: Source, name: str) -> str:
    found = source.named(name)
    if len(found) == 1:
        return found[0].id
    if found:
        ids = ", ".join(entity.id for entity in found)
        raise _InputError(f"{shorten(name)} names more than one: {ids}; give an id")
    # Suggest the closest names, compared as named() compares them, one per entity.
    names: dict[str, tuple[str, str]] = {}
    entities: list[Person | Institution] = [*source.people, *source.institutions]
    for entity in entities:
        others = entity.abbreviations if isinstance(entity, Institution) else entity.aliases
        for known in (entity.name or entity.id, *others, entity.id):
            names.setdefault(fold_name(known), (known, entity.id))
    near = difflib.get_close_matches(fold_name(name), list(names), n=9)
    suggestions: dict[str, str] = {}
    for folded in near:
        shown, owner = names[folded]
        suggestions.setdefault(owner, shown)
    shown_names = list(suggestions.values())[:3]
    hint = f"; did you mean {' or '.join(map(repr, shown_names))}?" if shown_names else ""
    raise _InputError(f"no person or institution is called {shorten(name)}{hint}")


def _statement_heading(source: Source, statement: Statement, publisher_of: dict[int, str]) -> str:
    """Who says it, how, doing what, to whom, through whom: one line of the listing."""
    if statement.in_article_voice:
        who = f"the article ({publisher_of[id(statement)]})"
    else:
        who = " and ".join(source.name_of(s) for s in statement.speakers)
    if statement.on_behalf_of is not None:
        who += f" for {source.name_of(statement.on_behalf_of)}"
    parts = [who, statement.mode.value, statement.act.value]
    if statement.addressees:
        parts.append("to " + " and ".join(source.name_of(a) for a in statement.addressees))
    heading = ", ".join(parts)
    if statement.channel is not None:
        heading += f" (via {source.name_of(statement.channel)})"
    if statement.speaker_inferred:
        heading += " (speaker inferred)"
    return heading


def _statements_command(source: Source, args: argparse.Namespace, out: TextIO) -> None:
    by = _resolve_name(source, args.by) if args.by is not None else None
    found = source.statements_where(by=by, topic=args.topic, mode=args.mode, act=args.act)
    if args.json:
        _emit_json([to_dict(s) for s in found], out)
        return
    publisher_of = {
        id(statement): dossier.article.publisher
        for dossier in _dossiers(source)
        for statement in dossier.statements
        if statement.in_article_voice
    }
    for statement in found:
        print(f"- {_statement_heading(source, statement, publisher_of)}:", file=out)
        print(f"  \u201c{statement.content.quote}\u201d", file=out)
        if statement.topics:
            print(f"  topics: {', '.join(statement.topics)}", file=out)
    if not found:
        print("no statements match", file=out)


def _consensus_command(source: Source, args: argparse.Namespace, out: TextIO) -> None:
    found = source.consensus_where()
    if args.json:
        _emit_json([to_dict(c) for c in found], out)
        return
    for item in found:
        parties = " and ".join(source.name_of(p) for p in item.parties)
        print(f"- [{item.status.value}] {parties}:", file=out)
        print(f"  \u201c{item.content.quote}\u201d", file=out)
    if not found:
        print("no consensus items", file=out)


def _new_file_mode(path: Path) -> int:
    """The mode the written file gets: the old file's, or what the umask allows."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(os.stat(path).st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``:
    a failed write leaves the old file as it was.

    A symbolic link is followed, so the file it names is replaced and the link kept;
    a stream that is not a file (a pipe, ``/dev/stdout``) is written to as it is,
    never replaced by a file.
    """
    path = Path(os.path.realpath(path))
    if path.exists() and not path.is_file():
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file")
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
        return
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, _new_file_mode(path))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _write_tables(source: Source, folder: Path) -> list[Path]:
    """Write the JSON Lines tables into a temporary folder inside ``folder``, then move
    each into place: a failed export leaves the old tables as they were."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=folder, prefix=".export."))
    try:
        written = []
        for path in write_jsonl(source, temporary):
            target = folder / path.name
            os.replace(path, target)
            written.append(target)
        return written
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


# The formats of diplomodel.exports: Popolo JSON, PLOVER JSON Lines, Web Annotations.
def _popolo_text(source: Source) -> str:
    return json.dumps(to_popolo(source), indent=2, ensure_ascii=False) + "\n"


def _annotations_text(source: Source) -> str:
    return json.dumps(to_annotations(source), indent=2, ensure_ascii=False) + "\n"


_EXPORT_WRITERS: dict[str, Callable[[Source], str]] = {
    "popolo": _popolo_text,
    "plover": to_plover_jsonl,
    "annotations": _annotations_text,
}


# Typed tables (needs the arrow extra): each writes a whole folder, then puts it in place.
_TABLE_FORMATS = {"parquet": "write_parquet", "csv": "write_csv"}


def _write_typed_tables(source: Source, args: argparse.Namespace, out: TextIO) -> None:
    from .exports import arrow

    if not args.output:
        raise _UsageError(f"export --format {args.format} needs --output FOLDER")
    for path in getattr(arrow, _TABLE_FORMATS[args.format])(source, args.output):
        print(path, file=out)


@contextlib.contextmanager
def _write_errors_named(target: str | None) -> Iterator[None]:
    """Turn a failed write into an error naming the target the user gave (not the
    temporary file beside it) and saying that nothing was changed."""
    try:
        yield
    except UnicodeEncodeError as error:
        where = shorten(error.object[error.start : error.end])
        raise _InputError(
            f"cannot write {target}: the dossier holds text that is not valid "
            f"Unicode ({where}); nothing was changed"
        ) from None
    except BrokenPipeError:
        raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise _InputError(f"cannot write {target}: {reason}; nothing was changed") from None


def _emit(text: str, output: str | None, out: TextIO) -> None:
    """Write ``text`` to the file ``output`` (replaced only once written) or to ``out``."""
    if output:
        _write_atomically(Path(output), text)
        print(output, file=out)
    else:
        out.write(text)


def _export_command(source: Source, args: argparse.Namespace, out: TextIO) -> None:
    with _write_errors_named(args.output):
        if args.format in _TABLE_FORMATS:
            _write_typed_tables(source, args, out)
        elif args.format in _EXPORT_WRITERS:
            _emit(_EXPORT_WRITERS[args.format](source), args.output, out)
        elif args.format == "jsonl":
            if not args.output:
                raise _UsageError("export --format jsonl needs --output FOLDER")
            for path in _write_tables(source, Path(args.output)):
                print(path, file=out)
        else:  # a corpus as {"dossiers": [...]}, which every command reads
            _emit(to_json(source) + "\n", args.output, out)


def _html_command(source: Source, args: argparse.Namespace, out: TextIO) -> None:
    """Write the page of the dossier or corpus, replacing the file only once it is written."""
    from .exports.html import to_html

    with _write_errors_named(args.output):
        _emit(to_html(source), args.output, out)


def _schema_command(args: argparse.Namespace, out: TextIO) -> None:
    _emit_json(json_schema(), out)


def _validate_one(
    path: str, stdin: BinaryIO | None, read: list[tuple[str, Dossier]]
) -> list[dict[str, Any]]:
    """The reports on one file (one per article of a corpus file): counts, unaccounted
    sentences and uncited stretches, or its problems. Adds what it read to ``read``."""
    try:
        dossiers = _read_one(path, stdin)
    except ValidationError as error:
        return [
            {
                "path": path,
                "valid": False,
                "error": error.summary,
                "problems": [{"path": p.path, "message": p.message} for p in error.problems],
            }
        ]
    except (DiplomodelError, _InputError) as error:
        return [{"path": path, "valid": False, "error": str(error), "problems": []}]
    read += [(path, dossier) for dossier in dossiers]
    return [_dossier_report(path, dossier, len(dossiers) > 1) for dossier in dossiers]


def _dossier_report(path: str, dossier: Dossier, in_corpus_file: bool) -> dict[str, Any]:
    coverage = dossier.coverage()
    return {
        "path": f"{path} [{dossier.article.id}]" if in_corpus_file else path,
        "valid": True,
        "article": dossier.article.id,
        "counts": {
            "people": len(dossier.people),
            "events": len(dossier.events),
            "statements": len(dossier.statements),
        },
        "unaccounted": [
            {"start": s.sentence.start, "end": s.sentence.end, "text": s.sentence.quote}
            for s in coverage.unaccounted
        ],
        "uncited_stretches": [
            {"start": span.start, "end": span.end, "text": span.quote}
            for span in coverage.uncited_stretches
        ],
    }


def _set_report(paths: Sequence[str], read: Sequence[tuple[str, Dossier]]) -> dict[str, Any]:
    """The report on several articles as one set: an article given twice, or the
    conflicts between them, make it invalid."""
    report: dict[str, Any] = {"paths": list(paths), "articles": len(read)}
    try:
        conflicts = _corpus(read).conflicts
    except ValidationError as error:
        problems = [{"path": p.path, "message": p.message} for p in error.problems]
        return {**report, "valid": False, "error": error.summary, "problems": problems}
    valid = not conflicts
    report.update(valid=valid, conflicts=[_conflict_json(c) for c in conflicts])
    if not valid:
        report.update(error=f"the articles disagree: {_count(len(conflicts), 'conflict')}")
        report["problems"] = [
            {"path": f"{c.id}.{c.field}", "message": str(c).removeprefix(f"{c.id}.{c.field} ")}
            for c in conflicts
        ]
    return report


def _validate_command(args: argparse.Namespace, out: TextIO, stdin: BinaryIO | None) -> int:
    if args.paths.count(STDIN) > 1:
        raise _UsageError("standard input (-) can be read only once")
    read: list[tuple[str, Dossier]] = []
    reports = [report for path in args.paths for report in _validate_one(path, stdin, read)]
    # Several articles, each valid alone, are checked as one set.
    if len(read) > 1 and all(r["valid"] for r in reports):
        reports.append(_set_report(args.paths, read))
    if args.json:
        _emit_json(reports, out)
        return 0 if all(r["valid"] for r in reports) else 1
    for report in reports:
        if not report["valid"]:
            # As main() reports them: a list of problems, or one error in a line.
            problems = [f"  - {Problem(**p)}" for p in report["problems"]]
            prefix = "diplomodel: " if problems else "diplomodel: error: "
            print(prefix + "\n".join([report["error"], *problems]), file=sys.stderr)
            continue
        if "paths" in report:
            print(
                f"the set of {_count(report['articles'], 'article')}: valid, "
                "no conflicts between the articles",
                file=out,
            )
            continue
        counts = report["counts"]
        unaccounted = report["unaccounted"]
        stretches = report["uncited_stretches"]
        ending = ":" if unaccounted or stretches else ""
        print(
            f"{report['path']}: valid ({_count(counts['people'], 'person', 'people')}, "
            f"{_count(counts['events'], 'event')}, {_count(counts['statements'], 'statement')}; "
            f"{_count(len(unaccounted), 'sentence')} unaccounted for, "
            f"{_count(len(stretches), 'uncited stretch', 'uncited stretches')}){ending}",
            file=out,
        )
        for sentence in unaccounted:
            where = f"at {sentence['start']}..{sentence['end']}"
            print(f"  - {shorten(sentence['text'])} ({where})", file=out)
        for stretch in stretches:
            where = f"uncited stretch at {stretch['start']}..{stretch['end']}"
            print(f"  - {shorten(stretch['text'])} ({where})", file=out)
    return 0 if all(r["valid"] for r in reports) else 1


# -- draft: a starting curation for a new article --------------------------------


def _publication_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date such as 2025-01-14, got {shorten(value)}"
        ) from None


def _add_draft_parser(command: Any) -> None:
    draft = command(
        "draft",
        "Write a starting curation of an article text: candidates to check, never loaded as is.",
        json_help=None,
    )
    draft.add_argument("article", metavar="ARTICLE.txt", help="the article text, UTF-8")
    draft.add_argument(
        "--published", type=_publication_date, metavar="YYYY-MM-DD", help="publication date"
    )
    draft.add_argument("--publisher", metavar="NAME", help="who published the article")
    draft.add_argument(
        "-o",
        "--output",
        metavar="OUT.toml",
        help="write here (never over an existing file) instead of to standard output",
    )


def _write_new_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path``, which must not exist: a draft never replaces a curation."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, _new_file_mode(path))
        os.link(temporary, path)  # fails, and writes nothing, when path exists
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _draft_command(args: argparse.Namespace, out: TextIO) -> None:
    article = Path(args.article)
    try:
        text = _read_file(article, f"article text {shorten_path(article)}")
    except _UnreadableFileError as error:
        raise _InputError(str(error)) from None
    output = Path(args.output) if args.output else None
    # The curation names its text relative to its own folder.
    folder = output.absolute().parent if output else article.absolute().parent
    text_file = Path(os.path.relpath(article.absolute(), folder)).as_posix()
    draft = draft_curation(
        text,
        article_id=article.stem,
        text_file=text_file,
        published=args.published,
        publisher=args.publisher,
    )
    if output is None:
        out.write(draft)
        return
    try:
        _write_new_file(output, draft)
    except FileExistsError:
        raise _InputError(
            f"{shorten_path(output)} exists: a draft never replaces a file; "
            "choose another name or delete it"
        ) from None
    except OSError as error:
        raise _InputError(
            f"cannot write {shorten_path(output)}: {error.strerror or error}"
        ) from None
    print(output, file=out)


# -- the parser ----------------------------------------------------------------


_SOURCES_HELP = (
    "curation files (.toml) or JSON dumps (.json), or - for standard input "
    "(default: the bundled seed); several make a corpus"
)


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(
        prog="diplomodel",
        description="Look at dossiers of diplomatic news: curation files (.toml) or JSON dumps.",
        epilog=(
            "Standard input (-) is read as JSON when it starts with '{', as a TOML curation "
            "otherwise; a curation read from standard input names its text file relative "
            "to the current directory."
        ),
    )
    parser.add_argument("--version", action="version", version=f"diplomodel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    subparsers: dict[str, argparse.ArgumentParser] = {}

    def command(
        name: str, help: str, *, json_help: str | None = "print JSON instead of text"
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        subparsers[name] = sub
        if json_help is not None:
            sub.add_argument("--json", action="store_true", help=json_help)
        return sub

    def reading(
        name: str, help: str, *, json_help: str | None = "print JSON instead of text"
    ) -> argparse.ArgumentParser:
        sub = command(name, help, json_help=json_help)
        sub.add_argument("sources", nargs="*", metavar="PATH", help=_SOURCES_HELP)
        return sub

    summary = reading("summary", "What the dossier holds, at a glance; for several, merged.")
    summary.add_argument(
        "--strict", action="store_true", help="exit 1 when the articles disagree (a conflict)"
    )
    reading("people", "Every person and their roles.")
    timeline = reading("timeline", "Events by date, planned ones included.")
    timeline.add_argument("--past-only", action="store_true", help="leave out planned events")
    statements = reading("statements", "Who said what.")
    statements.add_argument(
        "--by",
        metavar="NAME",
        help="a speaker's id, name, alias or abbreviation (case and accents ignored)",
    )
    statements.add_argument("--topic", metavar="TOPIC", help="a topic, such as seafood-imports")
    statements.add_argument(
        "--mode", choices=[mode.value for mode in StatementMode], help="how the words are reported"
    )
    statements.add_argument(
        "--act", choices=[act.value for act in SpeechAct], help="what the speaker does"
    )
    reading("consensus", "What the sides agreed, confirmed or discussed.")
    export = reading(
        "export",
        "Write the dossier as JSON, or its tables as JSON Lines, Parquet (partitioned by "
        "article) or CSV.",
        json_help=None,
    )
    export.add_argument(
        "--format",
        choices=["json", "jsonl", *_TABLE_FORMATS, *_EXPORT_WRITERS],
        default="json",
        help="json, jsonl, parquet, csv (typed tables), popolo (Popolo JSON), plover "
        "(PLOVER JSON Lines) or annotations (W3C Web Annotations, JSON-LD); see the docs",
    )
    export.add_argument(
        "--output",
        metavar="PATH",
        help="a file (json, popolo, plover, annotations) or folder (jsonl, parquet, csv); "
        "replaced only once the export has succeeded",
    )
    page = reading("html", "Write the dossier (or corpus) as one HTML page.", json_help=None)
    page.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="the page; replaced once written"
    )
    validate = command(
        "validate",
        "Check curation files or JSON dumps; exit 1 if any is bad, listing every problem.",
        json_help="print a JSON report for each file",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="files to check, or -")
    command(
        "schema",
        "Print the JSON Schema of the JSON dumps.",
        json_help="accepted for uniformity: the schema is JSON either way",
    )
    _add_draft_parser(command)
    return parser, subparsers


def _extra_arguments_error(command: str, extras: list[str]) -> str:
    message = f"unrecognized arguments: {' '.join(extras)}"
    if command == "export" and "--json" in extras:
        message += "; export writes JSON already (--format json, the default)"
    return message


# -- running -------------------------------------------------------------------

_COMMANDS: dict[str, Callable[[Source, argparse.Namespace, TextIO], int | None]] = {
    "summary": _summary,
    "people": _people_command,
    "timeline": _timeline_command,
    "statements": _statements_command,
    "consensus": _consensus_command,
    "export": _export_command,
    "html": _html_command,
}


def _tolerate_unencodable(stream: TextIO) -> None:
    """Write what the stream's encoding lacks (``ü`` in ASCII) as ``\\xfc``, not a traceback."""
    if isinstance(stream, io.TextIOWrapper):
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the flush at exit cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())


def _run(argv: Sequence[str] | None, out: TextIO, stdin: BinaryIO | None) -> int:
    parser, subparsers = _parser()
    args, extras = parser.parse_known_args(argv)
    subparser = subparsers[args.command]
    if extras:
        subparser.error(_extra_arguments_error(args.command, extras))
    try:
        if args.command == "schema":
            _schema_command(args, out)
        elif args.command == "draft":
            _draft_command(args, out)
        elif args.command == "validate":
            code = _validate_command(args, out, stdin)
            out.flush()
            return code
        else:
            if args.sources.count(STDIN) > 1:
                raise _UsageError("standard input (-) can be read only once")
            outcome = _COMMANDS[args.command](_read(args.sources, stdin), args, out)
            out.flush()
            return outcome or 0
        out.flush()
    except _UsageError as error:
        subparser.error(str(error))
    except BrokenPipeError:
        raise
    except ValidationError as error:
        print(f"diplomodel: {error}", file=sys.stderr)
        return 1
    except (DiplomodelError, _InputError, OSError) as error:
        print(f"diplomodel: error: {error}", file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 bad input, 2 usage).

    A closed pipe (``diplomodel statements | head -1``) is a normal end: exit 0.
    """
    if out is None:
        out = sys.stdout
        _tolerate_unencodable(out)
    try:
        return _run(argv, out, None)
    except BrokenPipeError:
        _silence_stdout()
        return 0
