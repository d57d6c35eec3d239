"""A page to look at: a dossier or a corpus as one self-contained HTML file.

:func:`to_html` shows the article text with every evidence span highlighted by
the kind of fact it supports (hover for the fact, click for every fact at that
place), and beside it the facts: people and their roles, the events on a
timeline drawn to scale, statements by speaker, consensus items by status, and
who met whom. The page loads nothing: its style and its small script are inline,
its drawings are SVG made here, a content security policy forbids any fetch, and
every word taken from a dossier is escaped.

Each highlighted span is a ``<mark>`` with ``data-start``, ``data-end``,
``data-kind``, ``data-id`` and ``data-path``; spans that cross one another are
split into fragments (``data-part`` counts them) so that the marks nest.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from diplomodel.consensus import ConsensusItem
from diplomodel.corpus import Corpus
from diplomodel.countries import Country
from diplomodel.dates import DatePrecision, FuzzyDate
from diplomodel.dossier import Dossier
from diplomodel.entities import label_of
from diplomodel.errors import shorten
from diplomodel.events import Event
from diplomodel.institutions import Institution
from diplomodel.people import Person, Role
from diplomodel.quantities import Quantity
from diplomodel.queries import Queries, TimelineEntry
from diplomodel.statements import Statement
from diplomodel.walk import KIND_OF_SECTION, EvidenceSite, iter_evidence

__all__ = ["HIGHLIGHT_KINDS", "to_html"]

HIGHLIGHT_KINDS = (
    "person",
    "institution",
    "country",
    "event",
    "statement",
    "consensus",
    "date",
    "artifact",
    "uncited",
)
"""The kinds a highlighted span can have (its ``data-kind``): the section of the
fact its evidence supports, ``date`` for the words of an event's or a statement's
date, ``artifact`` for text that is no part of any fact (struck through), and
``uncited`` for passages left uncited on purpose."""

# The page's kinds are single words (they are also its CSS classes).
_KIND_OF_SECTION = {**KIND_OF_SECTION, "consensus_items": "consensus", "uncited": "uncited"}

_KIND_WORDS = {
    "person": "person",
    "institution": "institution",
    "country": "country",
    "event": "event",
    "statement": "statement",
    "consensus": "consensus item",
    "date": "date words",
    "artifact": "artifact",
    "uncited": "left uncited",
}

_PART_OF_PATH = re.compile(r"\.(roles|participants)\[(\d+)\]")
_QUANTITY_OF_PATH = re.compile(r"\.quantities\[(\d+)\]\.")


def _e(text: object) -> str:
    """Text, escaped for an element's content or a quoted attribute."""
    return html.escape(str(text), quote=True)


@attrs.define(frozen=True, kw_only=True)
class _Mark:
    """A span of the text to highlight."""

    start: int
    end: int
    kind: str
    id: str
    """Id of the fact the words support (the article's, for artifacts and uncited passages)."""
    path: str
    label: str
    """What the words support, in a line."""
    site: int | None
    """Position among the dossier's evidence spans; none for date words."""
    citable: bool = False
    """An artifact whose words facts may cite (a caption): marked, not struck through."""


# -- the marks -------------------------------------------------------------------


def _kind_of(site: EvidenceSite) -> str:
    if site.path.startswith("$.article."):
        return "artifact"
    return _KIND_OF_SECTION[site.path[2 : site.path.index("[")]]


def _names(source: Queries, ids: Iterable[str]) -> str:
    return " and ".join(source.name_of(id) for id in ids)


def _quantity_words(quantity: Quantity) -> str:
    """A number the article gives, in its words and in full: "eight agreements = 8
    (agreements)"."""
    words = " \u2026 ".join(span.quote for span in quantity.evidence)
    return f"{words} = {_quantity_value(quantity)}"


def _quantity_value(quantity: Quantity) -> str:
    """A number in full with its unit and what it counts: "3 day (length of the visit)"."""
    value = int(quantity.value) if float(quantity.value).is_integer() else quantity.value
    unit = f" {quantity.unit}" if quantity.unit else ""
    return f"{value}{unit} ({quantity.counts})"


def _quantities_words(quantities: Iterable[Quantity]) -> str:
    return "; ".join(_quantity_words(quantity) for quantity in quantities)


def _role_words(dossier: Dossier, role: Role) -> str:
    """A role as the page lists it: title, where it is held, and when."""
    words = f"{role.title}, {dossier.name_of(role.holder)}"
    if role.start is not None:
        words += f", began {role.start.text}"
    if role.end is not None:
        words += f", ended {role.end.text}"
    return words


def _site_label(dossier: Dossier, site: EvidenceSite, kind: str) -> str:
    """A line saying which fact the span supports, and how."""
    path = site.path
    if kind == "artifact":
        index = int(path[len("$.article.artifacts[") : path.index("]")])
        artifact = dossier.article.artifacts[index]
        standing = ", may be cited" if artifact.kind.citable else ""
        return f"artifact ({artifact.kind.value}{standing}): {artifact.reason}"
    if kind == "uncited":
        index = int(path[len("$.uncited[") : path.index("]")])
        return f"left uncited: {dossier.uncited[index].reason}"
    fact = dossier.get(site.owner)
    part = _PART_OF_PATH.search(path)
    quantity = _QUANTITY_OF_PATH.search(path)
    if quantity is not None and isinstance(fact, Event | Statement | ConsensusItem):
        counted = fact.quantities[int(quantity.group(1))]
        return f"{_KIND_WORDS[kind]} {fact.id}, a number: {_quantity_words(counted)}"
    if isinstance(fact, Statement):
        who = _names(dossier, fact.speakers) if fact.speakers else dossier.article.publisher
        what = "words" if path.endswith(".content") else "attribution"
        return f"statement {fact.id} ({what}): {who}, {fact.mode.value}, {fact.act.value}"
    if isinstance(fact, ConsensusItem):
        what = "content" if path.endswith(".content") else "support"
        parties = _names(dossier, fact.parties)
        return f"consensus item {fact.id} ({what}, {fact.status.value}): {parties}"
    label = f"{_KIND_WORDS[kind]} {label_of(fact)} ({fact.id})"
    if part is not None and isinstance(fact, Person):
        role = fact.roles[int(part.group(2))]
        label += f": {'former ' if role.former else ''}{_role_words(dossier, role)}"
    elif part is not None and isinstance(fact, Event):
        participation = fact.participants[int(part.group(2))]
        label += f": {dossier.name_of(participation.participant)} as {participation.part.value}"
    elif ".place" in path and isinstance(fact, Event) and fact.place is not None:
        label += f": at {fact.place.name}"
    return label


def _date_marks(dossier: Dossier) -> list[_Mark]:
    """The words of each dated event's and statement's date, where its own evidence holds them.

    Dates carry no offsets, so their words are looked for inside the spans of the
    fact they date: the cost is the length of those spans, not of the text.
    """
    marks: list[_Mark] = []
    dated: list[tuple[str, Event | Statement]] = [
        *(("events", event) for event in dossier.events),
        *(("statements", statement) for statement in dossier.statements),
    ]
    index_in: dict[str, int] = {}
    for section, fact in dated:
        position = index_in.get(section, 0)
        index_in[section] = position + 1
        date = fact.date
        if date is None:
            continue
        spans = fact.evidence if isinstance(fact, Event) else (fact.content, *fact.evidence)
        for span in spans:
            found = span.quote.find(date.text)
            if found == -1:
                continue
            start = span.start + found
            marks.append(
                _Mark(
                    start=start,
                    end=start + len(date.text),
                    kind="date",
                    id=fact.id,
                    path=f"$.{section}[{position}].date",
                    label=f"date of {fact.id}: {date.text} = {_window_words(date)}",
                    site=None,
                )
            )
            break
    return marks


def _marks(dossier: Dossier) -> list[_Mark]:
    marks = []
    citable = {a.evidence for a in dossier.article.artifacts if a.kind.citable}
    for number, site in enumerate(iter_evidence(dossier)):
        kind = _kind_of(site)
        span = site.evidence
        marks.append(
            _Mark(
                start=span.start,
                end=span.end,
                kind=kind,
                id=site.owner,
                path=site.path,
                label=_site_label(dossier, site, kind),
                site=number,
                citable=kind == "artifact" and span in citable,
            )
        )
    return marks + _date_marks(dossier)


def _open_tag(mark: _Mark, part: int) -> str:
    site = "" if mark.site is None else f' data-site="{mark.site}"'
    fragment = f' data-part="{part}"' if part else ""
    role = "ev" if mark.site is not None else "dw"
    if mark.citable:
        role += " citable"
    return (
        f'<mark class="{role} k-{mark.kind}" data-kind="{mark.kind}" data-id="{_e(mark.id)}" '
        f'data-start="{mark.start}" data-end="{mark.end}" data-path="{_e(mark.path)}"'
        f'{site}{fragment} title="{_e(mark.label)} \u00b7 {_e(mark.path)}">'
    )


def _highlighted(text: str, marks: Sequence[_Mark]) -> str:
    """The text as HTML, each mark a ``<mark>`` element, nested where the spans nest.

    The text is cut at every span boundary (sorted once: n log n). At each cut
    the spans that end there are closed; a span still open inside one of them
    crosses it, so it is closed too and reopened as a further fragment. Spans
    that open at a cut open outermost first (the one that ends last), so that
    only spans that truly cross are ever split.
    """
    order = sorted(range(len(marks)), key=lambda i: (marks[i].start, -marks[i].end, i))
    rank = {mark_index: position for position, mark_index in enumerate(order)}
    starting: defaultdict[int, list[int]] = defaultdict(list)
    ending: defaultdict[int, int] = defaultdict(int)
    for mark_index in order:
        starting[marks[mark_index].start].append(mark_index)
        ending[marks[mark_index].end] += 1
    cuts = sorted({0, len(text), *starting, *ending})
    parts_of = [0] * len(marks)
    out: list[str] = []
    stack: list[int] = []
    previous = 0
    for cut in cuts:
        out.append(html.escape(text[previous:cut], quote=False))
        previous = cut
        to_close = ending.get(cut, 0)
        reopen: list[int] = []
        while to_close:
            top = stack.pop()
            out.append("</mark>")
            if marks[top].end == cut:
                to_close -= 1
            else:
                reopen.append(top)
        opening = reopen + starting.get(cut, [])
        opening.sort(key=lambda i: (-marks[i].end, rank[i]))
        for mark_index in opening:
            out.append(_open_tag(marks[mark_index], parts_of[mark_index]))
            parts_of[mark_index] += 1
            stack.append(mark_index)
    return "".join(out)


# -- dates -----------------------------------------------------------------------


def _window_words(date: FuzzyDate) -> str:
    """The window of days the words allow, as a reader says it."""
    earliest, latest = date.earliest, date.latest
    if earliest is None and latest is not None:
        return f"until {latest.isoformat()} (open start)"
    if latest is None and earliest is not None:
        return f"from {earliest.isoformat()} (open end)"
    if earliest == latest and earliest is not None:
        return earliest.isoformat()
    return f"{earliest.isoformat() if earliest else ''}..{latest.isoformat() if latest else ''}"


# -- the timeline ----------------------------------------------------------------

_TL_WIDTH = 640
_TL_LEFT = 12
_TL_RIGHT = 12
_TL_ROW = 40
_TL_TOP = 50
_LABEL_CHARACTERS = 72
_NUMBERS_CHARACTERS = 40
_OPEN_REACH = 0.06
"""How far past its known bound an open window is drawn, as a share of the scale."""


def _short(text: str, characters: int) -> str:
    return text if len(text) <= characters else text[: characters - 1].rstrip() + "\u2026"


def _month_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """First days of months within the scale, thinned to at most about eight."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = max(1, math.ceil(months / 8))
    ticks = []
    year, month = first.year, first.month
    for number in range(months + 1):
        if number % step == 0:
            day = dt.date(year, month, 1)
            if first <= day <= last:
                ticks.append(day)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return ticks


def _undated_quantities(event: Event) -> str:
    return f" \u00b7 {_quantities_words(event.quantities)}" if event.quantities else ""


def _timeline_svg(
    entries: Sequence[TimelineEntry],
    published: Sequence[dt.date],
    article_tag: dict[str, str],
) -> str:
    """The dated events drawn to scale: a point for a day, a bar for a window, an
    arrow for an open end; planned events hollow."""
    dated = [entry for entry in entries if entry.date is not None]
    if not dated:
        return '<p class="none">No event has a date.</p>'
    days = [*published]
    for entry in dated:
        assert entry.date is not None
        days += [day for day in (entry.date.earliest, entry.date.latest) if day is not None]
    first, last = min(days), max(days)
    span_days = max((last - first).days, 1)
    # Room on both sides for an open window's arrow.
    pad = max(1, round(span_days * _OPEN_REACH * 1.5))
    low, high = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
    scale = (_TL_WIDTH - _TL_LEFT - _TL_RIGHT) / max((high - low).days + 1, 1)

    def x(day: dt.date, end: bool = False) -> float:
        return _TL_LEFT + ((day - low).days + (1 if end else 0)) * scale

    height = _TL_TOP + len(dated) * _TL_ROW + 8
    out = [
        f'<svg class="timeline" viewBox="0 0 {_TL_WIDTH} {height}" role="img" '
        f'aria-label="Timeline of {len(dated)} dated events">'
    ]
    for tick in _month_ticks(low, high):
        out.append(
            f'<line class="tick" x1="{x(tick):.1f}" y1="{_TL_TOP - 4}" '
            f'x2="{x(tick):.1f}" y2="{height - 4}"/>'
            f'<text class="tick" x="{x(tick) + 3:.1f}" y="{_TL_TOP - 8}">'
            f"{tick:%b %Y}</text>"
        )
    for number, day in enumerate(sorted(set(published))):
        line_x = x(day) + scale / 2
        # Alternate heights, so that the labels of near days do not overlap.
        label_y = 11 + 12 * (number % 2)
        out.append(
            f'<line class="published" x1="{line_x:.1f}" y1="{label_y + 3}" '
            f'x2="{line_x:.1f}" y2="{height - 4}"><title>published '
            f"{day.isoformat()}</title></line>"
            f'<text class="published" x="{line_x + 3:.1f}" y="{label_y}">'
            f"published {day:%d %b %Y}</text>"
        )
    reach = (_TL_WIDTH - _TL_LEFT - _TL_RIGHT) * _OPEN_REACH
    for row, entry in enumerate(dated):
        date = entry.date
        assert date is not None
        event = entry.event
        top = _TL_TOP + row * _TL_ROW
        y = top + 26
        classes = ["tl-row", "planned" if entry.is_planned else "past"]
        inherited = entry.date_from not in (None, event.id)
        if inherited:
            classes.append("inherited")
        if date.earliest is not None and date.latest is not None:
            left, right = x(date.earliest), x(date.latest, end=True)
        elif date.earliest is not None:
            left = x(date.earliest)
            right = left + reach
        else:
            assert date.latest is not None
            right = x(date.latest, end=True)
            left = right - reach
        within = f" (within {entry.date_from})" if inherited else ""
        tag = article_tag.get(entry.article, "")
        counted = f" \u00b7 {_quantities_words(event.quantities)}" if event.quantities else ""
        words = f"{tag}{event.name} \u2014 {date.text}{within}"
        anchor, text_x = ("start", left) if left < _TL_WIDTH / 2 else ("end", right)
        out.append(
            f'<g class="{" ".join(classes)}" data-id="{_e(event.id)}" '
            f'data-article="{_e(entry.article)}" data-precision="{date.precision.value}">'
            f"<title>{_e(event.name)} ({_e(event.id)}): {_e(date.text)} = "
            f"{_e(date.edtf)}, {_e(_window_words(date))}; {event.kind.value}, "
            f"{event.status.value}{_e(within)}{_e(counted)}</title>"
            f'<text x="{text_x:.1f}" y="{top + 14}" text-anchor="{anchor}">'
            f"{_e(_short(words, _LABEL_CHARACTERS))}</text>"
        )
        if date.is_exact:
            out.append(f'<circle class="day" cx="{(left + right) / 2:.1f}" cy="{y}" r="5"/>')
        else:
            solid = date.precision is DatePrecision.DAYS and not date.is_open
            shape = "span" if solid else "window"
            width = max(right - left, 3.0)
            out.append(
                f'<rect class="{shape}" x="{left:.1f}" y="{y - 5}" width="{width:.1f}" '
                f'height="10" rx="3"/>'
            )
            if date.latest is None:
                out.append(
                    f'<path class="open" d="M{right:.1f},{y - 8} l9,8 l-9,8 z"/>'
                    f'<text class="open" x="{right + 11:.1f}" y="{y + 4}">\u2026</text>'
                )
            if date.earliest is None:
                out.append(
                    f'<path class="open" d="M{left:.1f},{y - 8} l-9,8 l9,8 z"/>'
                    f'<text class="open" x="{left - 22:.1f}" y="{y + 4}">\u2026</text>'
                )
        if event.quantities:
            # The numbers beside the bar, on the side with room for them.
            numbers = _short(
                "; ".join(_quantity_value(quantity) for quantity in event.quantities),
                _NUMBERS_CHARACTERS,
            )
            beyond = 22 if date.latest is None else 6
            if right < _TL_WIDTH * 0.6:
                side = f'x="{right + beyond:.1f}" text-anchor="start"'
            else:
                side = f'x="{left - beyond:.1f}" text-anchor="end"'
            out.append(f'<text class="numbers" {side} y="{y + 4}">{_e(numbers)}</text>')
        out.append("</g>")
    out.append("</svg>")
    undated = [entry for entry in entries if entry.date is None]
    if undated:
        items = "".join(
            f'<li data-id="{_e(entry.event.id)}">{_e(article_tag.get(entry.article, ""))}'
            f"{_e(entry.event.name)} ({entry.event.kind.value}, {entry.event.status.value})"
            f"{_e(_undated_quantities(entry.event))}</li>"
            for entry in undated
        )
        out.append(f'<p class="sub">Undated</p><ul class="undated">{items}</ul>')
    out.append(
        '<p class="key"><span class="key-day"></span> a day '
        '<span class="key-span"></span> a span of days '
        '<span class="key-window"></span> one day somewhere in a window '
        '<span class="key-planned"></span> planned or tentative; '
        "\u25b8 an open end</p>"
    )
    return "".join(out)


# -- who met whom ----------------------------------------------------------------

_GRAPH_WIDTH = 640
_GRAPH_RADIUS = 140
"""The circle's radius for many participants; fewer sit on a smaller one."""
_GRAPH_MARGIN = 70
"""Room above and below the circle for the names."""
_NODE_CHARACTERS = 30


def _graph_svg(source: Queries) -> str:
    """Who met whom: the participants on a circle, in order of first appearance, a
    line between each two who took part in an event together, thicker for more."""
    pairs: dict[tuple[str, str], list[str]] = {}
    order: dict[str, int] = {}
    for interaction in source.interactions():
        first, second = interaction.first.participant, interaction.second.participant
        for id in (first, second):
            order.setdefault(id, len(order))
        key = (first, second) if order[first] < order[second] else (second, first)
        names = pairs.setdefault(key, [])
        if interaction.event.name not in names:
            names.append(interaction.event.name)
    if not pairs:
        return '<p class="none">No event has two participants.</p>'
    radius = min(_GRAPH_RADIUS, 50 + 15 * len(order))
    height = 2 * (radius + _GRAPH_MARGIN)
    center_x, center_y = _GRAPH_WIDTH / 2, height / 2
    where: dict[str, tuple[float, float, float]] = {}
    for id, position in order.items():
        angle = -math.pi / 2 + 2 * math.pi * position / len(order)
        where[id] = (
            center_x + radius * math.cos(angle),
            center_y + radius * math.sin(angle),
            angle,
        )
    out = [
        f'<svg class="graph" viewBox="0 0 {_GRAPH_WIDTH} {height}" role="img" '
        f'aria-label="Who met whom: {len(order)} participants, {len(pairs)} pairs">'
    ]
    for (first, second), events in pairs.items():
        x1, y1, _ = where[first]
        x2, y2, _ = where[second]
        said = f"{source.name_of(first)} and {source.name_of(second)}: " + "; ".join(events)
        out.append(
            f'<line class="edge" data-pair="{_e(first)} {_e(second)}" x1="{x1:.1f}" '
            f'y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{min(1 + len(events), 6)}"><title>{_e(said)}</title></line>'
        )
    for id, (node_x, node_y, angle) in where.items():
        is_body = isinstance(source.get(id), Institution)
        name = source.name_of(id)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        label_x = node_x + 12 * cos
        label_y = node_y + 14 * math.sin(angle) + 4
        shape = (
            f'<rect x="{node_x - 6:.1f}" y="{node_y - 6:.1f}" width="12" height="12"/>'
            if is_body
            else f'<circle cx="{node_x:.1f}" cy="{node_y:.1f}" r="7"/>'
        )
        out.append(
            f'<g class="node {"body" if is_body else "person"}" data-id="{_e(id)}">'
            f"<title>{_e(name)} ({_e(id)})</title>{shape}"
            f'<text x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="{anchor}">'
            f"{_e(_short(name, _NODE_CHARACTERS))}</text></g>"
        )
    out.append("</svg>")
    out.append(
        '<p class="key">\u25cf a person \u25a0 an institution; a line for each two '
        "who took part in an event together, thicker for more events</p>"
    )
    return "".join(out)


# -- the facts -------------------------------------------------------------------


def _fact_attributes(prefix: str, id: str, kind: str) -> str:
    return f'id="{prefix}-{_e(id)}" class="fact k-{kind}" data-fact="{_e(id)}"'


def _role_item(dossier: Dossier, role: Role) -> str:
    """A role in a person's list: a former one marked so, an office of state tagged."""
    former = '<span class="tag">former</span> ' if role.former else ""
    office = ' <span class="tag">office of state</span>' if role.country is not None else ""
    attributes = ' class="former"' if role.former else ""
    return f"<li{attributes}>{former}{_e(_role_words(dossier, role))}{office}</li>"


def _people_html(dossier: Dossier, prefix: str) -> str:
    if not dossier.people:
        return '<p class="none">Nobody is named.</p>'
    items = []
    for person in dossier.people:
        country = ""
        if person.country is not None:
            country = f' <span class="code">{_e(dossier.name_of(person.country))}</span>'
        roles = "".join(_role_item(dossier, role) for role in person.roles)
        also = f' <span class="aka">also \u201c{_e(", ".join(person.aliases))}\u201d</span>'
        # An unnamed person is listed by the article's description, never a made-up name.
        shown = (
            f"<b>{_e(person.name)}</b>"
            if person.name is not None
            else f'<i class="unnamed">{_e(person.label)}</i> <span class="tag">unnamed</span>'
        )
        items.append(
            f"<li {_fact_attributes(prefix, person.id, 'person')}>"
            f"{shown}{country}{also if person.aliases else ''}"
            f' <span class="id">{_e(person.id)}</span>'
            f"{f'<ul>{roles}</ul>' if roles else ''}</li>"
        )
    return f'<ul class="people">{"".join(items)}</ul>'


def _bodies_html(dossier: Dossier, prefix: str) -> str:
    items = []
    for institution in dossier.institutions:
        inside = ""
        if institution.parent is not None:
            inside = f", in {_e(dossier.name_of(institution.parent))}"
        items.append(
            f"<li {_fact_attributes(prefix, institution.id, 'institution')}>"
            f'{_e(institution.name)} <span class="tag">{institution.kind.value}</span>'
            f'{inside} <span class="id">{_e(institution.id)}</span></li>'
        )
    for country in dossier.countries:
        items.append(
            f"<li {_fact_attributes(prefix, country.id, 'country')}>{_e(country.name)} "
            f'<span class="tag">country {_e(country.alpha2)}</span> '
            f'<span class="id">{_e(country.id)}</span></li>'
        )
    if not items:
        return '<p class="none">No institution or country is named.</p>'
    return f'<ul class="bodies">{"".join(items)}</ul>'


def _statement_details(dossier: Dossier, statement: Statement) -> str:
    details = []
    if statement.addressees:
        details.append(f"to {_names(dossier, statement.addressees)}")
    if statement.on_behalf_of is not None:
        details.append(f"for {dossier.name_of(statement.on_behalf_of)}")
    if statement.event is not None:
        details.append(f"at {dossier.name_of(statement.event)}")
    if statement.channel is not None:
        details.append(f"via {dossier.name_of(statement.channel)}")
    if statement.date is not None:
        details.append(f"on {statement.date.text}")
    if statement.speaker_inferred:
        details.append("speaker inferred")
    if statement.topics:
        details.append("topics: " + ", ".join(statement.topics))
    if statement.quantities:
        details.append("numbers: " + _quantities_words(statement.quantities))
    return "; ".join(details)


def _statements_html(dossier: Dossier, prefix: str) -> str:
    if not dossier.statements:
        return '<p class="none">Nobody is quoted.</p>'
    groups: dict[tuple[str, ...], list[Statement]] = {}
    for statement in dossier.statements:
        groups.setdefault(statement.speakers, []).append(statement)
    out = []
    for speakers, statements in groups.items():
        publisher = f"{dossier.article.publisher} (the article)"
        who = _names(dossier, speakers) if speakers else publisher
        items = "".join(
            f"<li {_fact_attributes(prefix, s.id, 'statement')}>"
            f'<span class="tag">{s.mode.value}</span> <span class="tag act">{s.act.value}</span>'
            f" <q>{_e(s.content.quote)}</q> "
            f'<span class="detail">{_e(_statement_details(dossier, s))}</span> '
            f'<span class="id">{_e(s.id)}</span></li>'
            for s in statements
        )
        out.append(
            f'<div class="speaker"><h4>{_e(who)} <span class="count">{len(statements)}</span>'
            f'</h4><ul class="statements">{items}</ul></div>'
        )
    return "".join(out)


def _consensus_html(dossier: Dossier, prefix: str) -> str:
    if not dossier.consensus_items:
        return '<p class="none">No consensus is reported.</p>'
    items = []
    for item in dossier.consensus_items:
        at = f"; at {dossier.name_of(item.event)}" if item.event is not None else ""
        if item.quantities:
            at += f"; numbers: {_quantities_words(item.quantities)}"
        items.append(
            f"<li {_fact_attributes(prefix, item.id, 'consensus')}>"
            f'<span class="tag status-{item.status.value}">{item.status.value}</span> '
            f"<b>{_e(_names(dossier, item.parties))}</b>: <q>{_e(item.content.quote)}</q>"
            f'<span class="detail">{_e(at)}</span> <span class="id">{_e(item.id)}</span></li>'
        )
    return f'<ul class="consensus">{"".join(items)}</ul>'


def _legend() -> str:
    chips = "".join(
        f'<mark class="chip k-{kind}" data-legend="{kind}">{_KIND_WORDS[kind]}</mark> '
        for kind in HIGHLIGHT_KINDS
    )
    return f'<p class="legend">{chips}</p>'


def _article_section(dossier: Dossier, position: int, tag: str | None) -> str:
    """One article: its text, highlighted, and its facts beside it; headed by its
    title and ``tag`` in a corpus (``tag`` not None), where the page names it once."""
    article = dossier.article
    prefix = f"a{position}"
    marks = _marks(dossier)
    spans = sum(1 for mark in marks if mark.site is not None)
    title = article.title or f"{article.publisher}, {article.published:%d %B %Y}"
    source = ""
    if article.url is not None:
        source = f' \u00b7 <span class="url">{_e(article.url)}</span>'
    meta = (
        f"{_e(article.publisher)} \u00b7 {article.published:%A %d %B %Y} \u00b7 "
        f'<span class="id">{_e(article.id)}</span>{source} \u00b7 '
        f"{spans} evidence spans, {len(article.text)} characters"
    )
    timeline = _timeline_svg(dossier.timeline(), [article.published], {})
    heading = "" if tag is None else f"<h2>{_e(tag)}{_e(title)}</h2>"
    return (
        f'<section class="article" id="{prefix}" data-article="{_e(article.id)}">'
        f'{heading}<p class="meta">{meta}</p>'
        '<div class="columns"><div class="text-column">'
        f'<div class="text" lang="{_e(article.language)}" data-article="{_e(article.id)}">'
        f"{_highlighted(article.text, marks)}</div></div>"
        '<div class="facts">'
        f"<h3>People</h3>{_people_html(dossier, prefix)}"
        f"<h3>Timeline</h3>{timeline}"
        f"<h3>Who met whom</h3>{_graph_svg(dossier)}"
        f"<h3>Statements by speaker</h3>{_statements_html(dossier, prefix)}"
        f"<h3>Consensus</h3>{_consensus_html(dossier, prefix)}"
        f"<h3>Institutions and countries</h3>{_bodies_html(dossier, prefix)}"
        "</div></div></section>"
    )


_TABLE_ARTICLES = 12
"""Up to this many articles, who is named where is a table with a column per article;
beyond it, each row lists only the articles that name the object, so that the
listing grows with the mentions, not with objects times articles."""


def _who_says_what(corpus: Corpus, tags: Sequence[str]) -> str:
    """Which article names each person, institution and country, and how often."""
    articles = [dossier.article.id for dossier in corpus.dossiers]
    tag_of = {id: tag.strip(" :") for id, tag in zip(articles, tags, strict=True)}
    entities: list[Person | Institution | Country] = [
        *corpus.people,
        *corpus.institutions,
        *corpus.countries,
    ]
    as_table = len(articles) <= _TABLE_ARTICLES
    if as_table:
        head = "".join(f'<th title="{_e(id)}">{_e(tag)}</th>' for id, tag in tag_of.items())
    else:
        head = "<th>articles (evidence spans)</th>"
    rows = []
    for entity in entities:
        counts: dict[str, int] = {}
        for site in corpus.mentions(entity.id):
            counts[site.article] = counts.get(site.article, 0) + 1
        if as_table:
            cells = "".join(
                f'<td class="{"yes" if counts.get(id) else "no"}">{counts.get(id) or ""}</td>'
                for id in articles
            )
        else:
            named = ", ".join(f"{tag_of[id]} ({n})" for id, n in counts.items())
            cells = f'<td class="in">{_e(named)}</td>'
        kind = type(entity).__name__.lower()
        rows.append(
            f'<tr data-id="{_e(entity.id)}"><th>{_e(label_of(entity))} '
            f'<span class="tag">{kind}</span></th>{cells}</tr>'
        )
    conflicts = "".join(f"<li>{_e(str(conflict))}</li>" for conflict in corpus.conflicts)
    disagreements = (
        f'<p class="sub">Where the articles disagree</p><ul class="conflicts">{conflicts}</ul>'
        if conflicts
        else '<p class="none">The articles do not disagree on any shared fact.</p>'
    )
    return (
        '<table class="says"><thead><tr><th>named in (evidence spans)</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{disagreements}"
    )


# -- the page ----------------------------------------------------------------------

_STYLE = """
:root{--person:#fde68a;--institution:#bfdbfe;--country:#ddd6fe;--date:#a5f3fc;
--event:#15803d;--statement:#db2777;--consensus:#ea580c;--ink:#1f2328;--muted:#667085}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 "DejaVu Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);
background:#f3f4f6}
header.page{padding:14px 24px 6px;background:#fff;border-bottom:1px solid #d0d7de}
header.page h1{margin:0 0 4px;font-size:20px}
h2{font-size:18px;margin:0 0 2px}
h3{font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);
margin:18px 0 6px;border-bottom:1px solid #e5e7eb;padding-bottom:2px}
h4{margin:10px 0 4px;font-size:14px}
section.article,section.overview{padding:16px 24px}
.meta{color:var(--muted);margin:0 0 10px}
.columns{display:grid;grid-template-columns:minmax(0,1.05fr) minmax(0,1fr);gap:22px;
align-items:start}
.text-column{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow-y:auto;
border-radius:8px}
.text{white-space:pre-wrap;font:16px/2.15 "DejaVu Serif","Liberation Serif",Georgia,serif;
background:#fff;padding:18px 22px;border-radius:8px;border:1px solid #d0d7de}
.facts{background:#fff;padding:4px 18px 14px;border-radius:8px;border:1px solid #d0d7de}
mark{background:none;color:inherit;cursor:pointer;border-radius:2px}
mark.k-person{background:var(--person)}
mark.k-institution{background:var(--institution)}
mark.k-country{background:var(--country)}
mark.k-date{background:var(--date)}
mark.k-event{text-decoration:underline 2px var(--event);text-underline-offset:4px}
mark.k-statement{text-decoration:underline 2px var(--statement);text-underline-offset:7px}
mark.k-consensus{text-decoration:underline 2px var(--consensus);text-underline-offset:10px}
mark.k-uncited{text-decoration:underline dotted 2px #98a2b3;text-underline-offset:4px}
mark.k-artifact{text-decoration:line-through 2px #9ca3af;color:#9ca3af}
mark.k-artifact.citable{text-decoration:underline dashed 2px #6b7280;color:inherit;
text-underline-offset:4px}
mark.lit{outline:2px solid #111;outline-offset:1px}
.legend{margin:6px 0 4px;line-height:2.2}
.chip{padding:1px 6px;margin-right:4px;border:1px solid #e5e7eb;font-size:13px}
.id{color:var(--muted);font:12px "DejaVu Sans Mono",monospace}
.tag{display:inline-block;font-size:11px;padding:0 5px;border-radius:8px;background:#eef2f6;
color:#344054;border:1px solid #d0d7de}
.tag.act{background:#fdf2f8}
.status-agreed{background:#dcfce7}.status-confirmed{background:#e0f2fe}
.status-tentatively-agreed{background:#fef9c3}.status-views-exchanged{background:#f3f4f6}
.status-reaffirmed{background:#d1fae5}.status-not-agreed{background:#fee2e2}
.unnamed{color:#344054}.people li.former{color:var(--muted)}
.code,.aka,.detail,.none,.key,.count{color:var(--muted)}
.detail{font-size:12px}
ul{margin:0;padding-left:18px}
li{margin:2px 0}
.fact{border-left:3px solid transparent;padding-left:4px}
.fact.k-person{border-color:#eab308}.fact.k-institution{border-color:#60a5fa}
.fact.k-country{border-color:#a78bfa}.fact.k-statement{border-color:var(--statement)}
.fact.k-consensus{border-color:var(--consensus)}
.fact.hit{background:#fff7c2;outline:1px solid #eab308}
q{font-style:italic}
.people>li>ul{list-style:square;color:#344054}
.speaker h4 .count{font-weight:normal}
svg{width:100%;max-width:780px;height:auto;display:block;font:12px "DejaVu Sans",sans-serif}
svg text{fill:var(--ink)}
.tick{stroke:#e5e7eb}text.tick{fill:var(--muted);stroke:none}
line.published{stroke:#dc2626;stroke-dasharray:3 3}text.published{fill:#dc2626}
.tl-row circle.day{fill:var(--event)}
.tl-row rect.span{fill:var(--event)}
.tl-row rect.window{fill:#86efac;stroke:var(--event);stroke-dasharray:4 2}
.tl-row path.open{fill:var(--event)}
.tl-row.planned circle,.tl-row.planned rect{fill:#fff;stroke:var(--event);stroke-width:1.5}
.tl-row.inherited text{fill:var(--muted)}
.tl-row text.numbers{fill:#166534;font-size:11px}
.key span{display:inline-block;width:18px;height:9px;margin:0 3px 0 8px;vertical-align:middle}
.key-day{background:var(--event);border-radius:50%;width:9px!important}
.key-span{background:var(--event)}.key-window{background:#86efac;border:1px dashed var(--event)}
.key-planned{border:1.5px solid var(--event);background:#fff}
.edge{stroke:#94a3b8;stroke-opacity:.8}
.node circle{fill:var(--person);stroke:#a16207}
.node rect{fill:var(--institution);stroke:#1d4ed8}
table.says{border-collapse:collapse;background:#fff}
.says th,.says td{border:1px solid #e5e7eb;padding:2px 8px;text-align:left}
.says td.yes{background:#dcfce7;text-align:center}
#inspector{position:fixed;right:16px;bottom:16px;max-width:460px;background:#111827;
color:#f9fafb;padding:10px 12px;border-radius:8px;font-size:13px;box-shadow:0 4px 16px #0004}
#inspector[hidden]{display:none}
#inspector ul{padding-left:16px}
#inspector .id{color:#cbd5e1}
"""

_SCRIPT = """
(function () {
  "use strict";
  var inspector = document.getElementById("inspector");
  var list = inspector.querySelector("ul");
  function clear(name) {
    document.querySelectorAll("." + name).forEach(function (el) { el.classList.remove(name); });
  }
  function cardIn(section, id) {
    return section.querySelector('[data-fact="' + CSS.escape(id) + '"]');
  }
  function showMarks(mark) {
    var section = mark.closest("section");
    clear("hit");
    list.textContent = "";
    var first = null;
    for (var at = mark; at; at = at.parentElement.closest("mark")) {
      var item = document.createElement("li");
      item.textContent = at.title;
      list.appendChild(item);
      var card = section && cardIn(section, at.dataset.id);
      if (card) { card.classList.add("hit"); first = first || card; }
    }
    inspector.hidden = false;
    if (first) { first.scrollIntoView({block: "nearest"}); }
  }
  function lightFact(card) {
    var section = card.closest("section");
    var id = card.dataset.fact;
    clear("lit");
    section.querySelectorAll('mark[data-id="' + CSS.escape(id) + '"]').forEach(function (m) {
      m.classList.add("lit");
    });
    var shown = section.querySelector("mark.lit");
    if (shown) { shown.scrollIntoView({block: "center"}); }
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    if (target.closest("#inspector")) { inspector.hidden = true; clear("hit"); return; }
    var mark = target.closest(".text mark");
    if (mark) { showMarks(mark); return; }
    var card = target.closest("[data-fact]");
    if (card) { lightFact(card); }
  });
})();
"""

_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)
"""The page may load nothing: no script, style, font or picture from anywhere."""


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="diplomodel">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>"
        f"{body}"
        '<div id="inspector" hidden><b>At this place</b> '
        '<span class="id">(click here to close)</span><ul></ul></div>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def to_html(source: Dossier | Corpus) -> str:
    """The dossier or corpus as one self-contained HTML page.

    For a corpus, the page opens with which article names whom (and where the
    articles disagree) and a timeline of every article's events, then gives one
    section per article. The cost grows as n log n with the text and its spans.

    Raises :class:`TypeError` when ``source`` is neither a
    :class:`~diplomodel.Dossier` nor a :class:`~diplomodel.Corpus`.
    """
    header = '<header class="page"><h1>{}</h1><p class="meta">{}</p>' + _legend() + "</header>"
    hint = (
        "Hover over highlighted words for the fact they support; click them for every "
        "fact at that place, or click a fact to light up its words."
    )
    if isinstance(source, Dossier):
        article = source.article
        title = article.title or f"{article.publisher}, {article.published:%d %B %Y}"
        body = header.format(_e(title), _e(hint)) + _article_section(source, 0, None)
        return _page(title, body)
    if isinstance(source, Corpus):
        dossiers = source.dossiers
        tags = [f"A{number}: " for number in range(1, len(dossiers) + 1)]
        article_tag = {dossier.article.id: tag for dossier, tag in zip(dossiers, tags, strict=True)}
        title = f"A corpus of {len(dossiers)} articles"
        timeline = _timeline_svg(
            source.timeline(), [d.article.published for d in dossiers], article_tag
        )
        contents = "".join(
            f'<li><a href="#a{number}">{_e(tag)}{_e(d.article.publisher)}, '
            f"{d.article.published:%d %B %Y}</a> "
            f'<span class="id">{_e(d.article.id)}</span></li>'
            for number, (d, tag) in enumerate(zip(dossiers, tags, strict=True))
        )
        overview = (
            f'<section class="overview"><h2>Articles</h2><ul>{contents}</ul>'
            f"<h3>Which article says what</h3>{_who_says_what(source, tags)}"
            f"<h3>Every article's events</h3>{timeline}"
            f"<h3>Who met whom, in all articles</h3>{_graph_svg(source)}</section>"
        )
        sections = "".join(
            _article_section(dossier, number, tags[number])
            for number, dossier in enumerate(dossiers)
        )
        return _page(title, header.format(_e(title), _e(hint)) + overview + sections)
    raise TypeError(
        f"source must be a Dossier or a Corpus, got {type(source).__name__} {shorten(source)}"
    )
