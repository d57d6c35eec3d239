"""The ``diplomodel`` command line: a quick look at a dossier (or several) from the shell.

Every command reads curation files (``.toml``) or JSON dumps (``.json``) and
defaults to the bundled seed. Output is readable text, or JSON with ``--json``.
Bad input exits 1 with every problem listed; usage errors exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from .corpus import Corpus
from .dossier import Dossier
from .errors import DiplomodelError, ValidationError
from .loader import load_seed, read_dossier
from .queries import Queries
from .records import write_jsonl
from .schema import json_schema
from .serialize import to_dict, to_json

__all__ = ["main"]

Source = Dossier | Corpus


def _read(paths: Sequence[str]) -> Source:
    if not paths:
        return load_seed()
    if len(paths) == 1:
        return read_dossier(paths[0])
    return Corpus.load(paths)


def _dossiers(source: Source) -> tuple[Dossier, ...]:
    return source.dossiers if isinstance(source, Corpus) else (source,)


def _name(source: Source, id: str) -> str:
    found = source.get(id)
    return getattr(found, "name", id)


def _emit_json(value: Any, out: TextIO) -> None:
    out.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


# -- commands ------------------------------------------------------------------


def _summary(source: Source, args: argparse.Namespace, out: TextIO) -> None:
    dossiers = _dossiers(source)
    counts = {
        "people": len(source.people),
        "institutions": len(source.institutions),
        "countries": len(source.countries),
        "events": sum(len(d.events) for d in dossiers),
        "statements": sum(len(d.statements) for d in dossiers),
        "consensus_items": sum(len(d.consensus_items) for d in dossiers),
    }
    coverages = {d.article.id: d.coverage() for d in dossiers}
    speakers = Counter(s for d in dossiers for st in d.statements for s in st.speakers)
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
            },
            out,
        )
        return
    for dossier in dossiers:
        article = dossier.article
        coverage = coverages[article.id]
        print(f"{article.publisher}, {article.published:%A %d %B %Y} [{article.id}]", file=out)
        print(
            f"  {len(coverage.sentences)} sentences, {len(coverage.unaccounted)} unaccounted for; "
            f"{len(article.artifacts)} text artifacts set aside",
            file=out,
        )
    print(", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items()), file=out)
    print("\nPeople", file=out)
    _print_people(source, out)
    print("\nTimeline", file=out)
    _print_timeline(source, out, include_planned=True)
    print("\nWho said most", file=out)
    for id, n in speakers.most_common(5):
        print(f"  {n}  {_name(source, id)}", file=out)
    print("\nConsensus", file=out)
    statuses = Counter(c.status.value for d in dossiers for c in d.consensus_items)
    for status, n in statuses.most_common():
        print(f"  {n}  {status}", file=out)


def _print_people(source: Source, out: TextIO) -> None:
    for person in source.people:
        roles = "; ".join(
            f"{role.title}, {_name(source, role.institution)}" for role in person.roles
        )
        country = f" ({person.country.upper()})" if person.country else ""
        print(f"  {person.name}{country}: {roles or 'no role given'}", file=out)


def _people_command(source: Source, args: argparse.Namespace, out: TextIO) -> None:
    if args.json:
        _emit_json([to_dict(p) for p in source.people], out)
    else:
        _print_people(source, out)


def _print_timeline(source: Queries, out: TextIO, *, include_planned: bool) -> None:
    for entry in source.timeline(include_planned=include_planned):
        event = entry.event
        inherited = "" if entry.date_from in (None, event.id) else f" (within {entry.date_from})"
        when = entry.date.edtf if entry.date is not None else "undated"
        print(f"  {when:<26} {event.status.value:<10} {event.name}{inherited}", file=out)


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
    if not found:
        raise LookupError(f"no person or institution is called {name!r}")
    if len(found) > 1:
        ids = ", ".join(entity.id for entity in found)
        raise LookupError(f"{name!r} names more than one: {ids}; give an id")
    return found[0].id


def _statements_command(source: Source, args: argparse.Namespace, out: TextIO) -> None:
    by = _resolve_name(source, args.by) if args.by else None
    found = source.statements_where(by=by, topic=args.topic)
    if args.json:
        _emit_json([to_dict(s) for s in found], out)
        return
    for statement in found:
        speakers = " and ".join(_name(source, s) for s in statement.speakers)
        channel = f" (via {_name(source, statement.channel)})" if statement.channel else ""
        print(f"- {speakers}, {statement.mode.value}{channel}:", file=out)
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
        parties = " and ".join(_name(source, p) for p in item.parties)
        print(f"- [{item.status.value}] {parties}:", file=out)
        print(f"  \u201c{item.content.quote}\u201d", file=out)


def _export_command(source: Source, args: argparse.Namespace, out: TextIO) -> None:
    if args.format == "jsonl":
        if not args.output:
            raise _UsageError("export --format jsonl needs --output FOLDER")
        for path in write_jsonl(source, args.output):
            print(path, file=out)
        return
    if isinstance(source, Corpus):
        text = json.dumps([to_dict(d) for d in source.dossiers], indent=2, ensure_ascii=False)
    else:
        text = to_json(source)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(args.output, file=out)
    else:
        out.write(text + "\n")


def _schema_command(_source: Source | None, _args: argparse.Namespace, out: TextIO) -> None:
    _emit_json(json_schema(), out)


class _UsageError(Exception):
    """A command line that asks for something impossible: exit 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diplomodel",
        description="Look at dossiers of diplomatic news: curation files (.toml) or JSON dumps.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument(
            "sources",
            nargs="*",
            metavar="PATH",
            help="curation files or JSON dumps (default: the bundled seed); several make a corpus",
        )
        sub.add_argument("--json", action="store_true", help="print JSON instead of text")
        return sub

    command("summary", "What the dossier holds, at a glance.")
    command("people", "Every person and their roles.")
    timeline = command("timeline", "Events by date, planned ones included.")
    timeline.add_argument("--past-only", action="store_true", help="leave out planned events")
    statements = command("statements", "Who said what.")
    statements.add_argument("--by", metavar="NAME", help="a speaker's id, name or alias")
    statements.add_argument("--topic", metavar="TOPIC", help="a topic, such as seafood-imports")
    command("consensus", "What the sides agreed, confirmed or discussed.")
    export = command("export", "Write the dossier as JSON, or its tables as JSON Lines.")
    export.add_argument("--format", choices=["json", "jsonl"], default="json")
    export.add_argument("--output", metavar="PATH", help="a file (json) or folder (jsonl)")
    validate = commands.add_parser(
        "validate",
        help="Check a curation file or JSON dump; exit 1 listing every problem.",
        description="Check a curation file or JSON dump; exit 1 listing every problem.",
    )
    validate.add_argument("path", metavar="PATH")
    commands.add_parser("schema", help="Print the JSON Schema of the JSON dumps.")
    return parser


_COMMANDS = {
    "summary": _summary,
    "people": _people_command,
    "timeline": _timeline_command,
    "statements": _statements_command,
    "consensus": _consensus_command,
    "export": _export_command,
}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 bad input, 2 usage)."""
    out = out or sys.stdout
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "schema":
            _schema_command(None, args, out)
        elif args.command == "validate":
            dossier = read_dossier(args.path)
            coverage = dossier.coverage()
            print(
                f"{args.path}: valid ({len(dossier.people)} people, {len(dossier.events)} events, "
                f"{len(dossier.statements)} statements; "
                f"{len(coverage.unaccounted)} sentences unaccounted for)",
                file=out,
            )
        else:
            _COMMANDS[args.command](_read(args.sources), args, out)
    except _UsageError as error:
        parser.error(str(error))
    except ValidationError as error:
        print(f"diplomodel: {error}", file=sys.stderr)
        return 1
    except (DiplomodelError, LookupError, OSError) as error:
        message = error.args[0] if isinstance(error, LookupError) and error.args else error
        print(f"diplomodel: error: {message}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return 0
