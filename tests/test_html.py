"""The page of a dossier or corpus: every evidence span marked at its offsets, hostile
text escaped, nothing fetched, the drawings true to the data, and a real browser's view."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import shutil
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import attrs
import pytest
from conftest import module_from_path
from export_sources import KIND_CURATIONS, NAMES, curated
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel.cli import main
from diplomodel.exports.html import HIGHLIGHT_KINDS, to_html
from diplomodel.walk import iter_evidence

ROOT = Path(__file__).parent.parent
SECOND = Path(__file__).parent / "fixtures" / "second" / "talks.toml"

_SECTION_KINDS = {
    "countries": "country",
    "institutions": "institution",
    "people": "person",
    "events": "event",
    "statements": "statement",
    "consensus_items": "consensus",
    "uncited": "uncited",
    "article": "artifact",
}


@attrs.define
class Element:
    tag: str
    attributes: dict[str, str]
    text: str = ""
    section: str | None = None
    """The ``data-article`` of the article section it sits in."""
    in_text: bool = False
    """Whether it sits in an article's text."""
    parent: Element | None = None


class Page(HTMLParser):
    """Every element of a page, with the text it holds; checks that tags nest."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr"})

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.texts: dict[str, str] = {}
        self.feed(source)
        self.close()
        assert not self.open, f"unclosed: {[e.tag for e in self.open]}"

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs_}
        parent = self.open[-1] if self.open else None
        element = Element(tag, attributes, parent=parent)
        if parent is not None:
            element.section = parent.section
            element.in_text = parent.in_text
        if tag == "section" and "data-article" in attributes:
            element.section = attributes["data-article"]
        if tag == "div" and "text" in attributes.get("class", "").split():
            element.in_text = True
            self.texts[attributes["data-article"]] = ""
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs_)
        if tag not in self.VOID:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        assert self.open, f"</{tag}> closes nothing"
        assert self.open[-1].tag == tag, f"</{tag}> closes <{self.open[-1].tag}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data
            if element.tag == "div" and "text" in element.attributes.get("class", "").split():
                self.texts[element.attributes["data-article"]] += data

    def find(self, tag: str, cls: str | None = None, **data: str) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag == tag
            and (cls is None or cls in e.attributes.get("class", "").split())
            and all(e.attributes.get(f"data-{k}") == v for k, v in data.items())
        ]


@attrs.define
class MarkedSpan:
    start: int
    end: int
    kind: str
    id: str
    path: str
    text: str
    fragments: int


def marked_spans(page: Page, article: str) -> dict[str, MarkedSpan]:
    """The evidence marks of one article's text, their fragments joined, by site number."""
    spans: dict[str, MarkedSpan] = {}
    for mark in page.find("mark", "ev"):
        if mark.section != article or not mark.in_text:
            continue
        a = mark.attributes
        span = spans.setdefault(
            a["data-site"],
            MarkedSpan(
                int(a["data-start"]),
                int(a["data-end"]),
                a["data-kind"],
                a["data-id"],
                a["data-path"],
                "",
                0,
            ),
        )
        assert int(a.get("data-part", "0")) == span.fragments  # fragments in reading order
        span.text += mark.text
        span.fragments += 1
    return spans


def load_second() -> dm.Dossier:
    return dm.load(SECOND)


def expected_kind(path: str) -> str:
    return _SECTION_KINDS[path.split("[")[0].split(".")[1]]


# -- every evidence span --------------------------------------------------------------


@functools.cache
def dossiers() -> dict[str, dm.Dossier]:
    return curated()


@pytest.mark.parametrize("name", NAMES)
def test_every_evidence_span_is_marked_at_its_offsets_with_its_words(name: str) -> None:
    dossier = dossiers()[name]
    page = Page(to_html(dossier))
    text = dossier.article.text
    assert page.texts[dossier.article.id] == text
    spans = marked_spans(page, dossier.article.id)
    sites = list(iter_evidence(dossier))
    assert len(spans) == len(sites)
    for number, site in enumerate(sites):
        span = spans[str(number)]
        assert (span.start, span.end, span.path, span.id) == (
            site.evidence.start,
            site.evidence.end,
            site.path,
            site.owner,
        )
        assert span.text == text[span.start : span.end] == site.evidence.quote
        assert span.kind == expected_kind(site.path)
    assert {span.kind for span in spans.values()} <= set(HIGHLIGHT_KINDS)


def test_crossing_spans_of_the_seed_are_split_into_fragments_that_join_up() -> None:
    seed = dm.load_seed()
    spans = marked_spans(Page(to_html(seed)), seed.article.id)

    def cross(a: MarkedSpan, b: MarkedSpan) -> bool:  # overlap, and neither holds the other
        return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end

    every = list(spans.values())
    crossing = [(a, b) for i, a in enumerate(every) for b in every[i + 1 :] if cross(a, b)]
    assert crossing, "the seed has spans that cross"
    for a, b in crossing:
        assert a.fragments > 1 or b.fragments > 1
    split = [span for span in every if span.fragments > 1]
    for span in split:
        assert any(cross(span, other) for other in every)
        assert span.text == seed.article.text[span.start : span.end]


def test_artifacts_are_struck_and_uncited_passages_marked() -> None:
    seed = dm.load_seed()
    page = Page(to_html(seed))
    artifacts = page.find("mark", "ev", kind="artifact")
    assert [m.text for m in artifacts] == [a.evidence.quote for a in seed.article.artifacts]
    assert "line-through" in page.find("style")[0].text.split("mark.k-artifact{")[1].split("}")[0]


def test_a_caption_is_marked_as_an_artifact_that_facts_may_cite() -> None:
    wire = dossiers()["kinds/wire-report"]
    page = Page(to_html(wire))
    artifacts = page.find("mark", "ev", kind="artifact")
    citable = [m.text for m in artifacts if "citable" in m.attributes["class"].split()]
    assert citable == [a.evidence.quote for a in wire.article.artifacts if a.kind.citable]
    assert len(citable) == 1 < len(artifacts)
    (caption,) = [m for m in artifacts if "citable" in m.attributes["class"].split()]
    assert "may be cited" in caption.attributes["title"]
    style = page.find("style")[0].text.split("mark.k-artifact.citable{")[1].split("}")[0]
    assert "line-through" not in style
    # The talks' evidence inside the caption is marked inside the caption's mark.
    inside = [m for m in page.find("mark", "ev", id="wang-iwaya-talks") if m.parent is caption]
    assert [m.text for m in inside] == [wire.events[1].evidence[1].quote]


def test_date_words_are_marked_inside_the_evidence_of_what_they_date() -> None:
    seed = dm.load_seed()
    page = Page(to_html(seed))
    text = seed.article.text
    dated = {e.id: e.date for e in seed.events if e.date is not None}
    marks = page.find("mark", "dw")
    assert marks
    joined: dict[tuple[str, int, int], str] = defaultdict(str)
    for mark in marks:
        start, end = int(mark.attributes["data-start"]), int(mark.attributes["data-end"])
        joined[mark.attributes["data-id"], start, end] += mark.text
    found: dict[str, str] = {}
    for (id, start, end), words in joined.items():
        assert words == text[start:end]
        found[id] = words
    for id, date in dated.items():
        event = seed.get(id, dm.Event)
        if any(date.text in span.quote for span in event.evidence):
            assert found[id] == date.text
    assert {m.attributes["data-kind"] for m in marks} == {"date"}


def test_every_mark_names_its_fact_and_id_on_hover() -> None:
    seed = dm.load_seed()
    page = Page(to_html(seed))
    for mark in page.find("mark", "ev"):
        title = mark.attributes["title"]
        assert mark.attributes["data-path"] in title
        if mark.attributes["data-kind"] not in ("artifact", "uncited"):
            assert mark.attributes["data-id"] in title
    wang = [
        m
        for m in page.find("mark", "ev")
        if m.attributes["data-path"] == "$.people[0].roles[1].evidence[0]"
    ]
    person = seed.people[0]
    role = person.roles[1]
    assert wang
    assert f"{role.title}, {seed.name_of(role.institution)}" in wang[0].attributes["title"]


# -- hostile text and no network ------------------------------------------------------

HOSTILE = (
    '<script>alert("x")</script>\n'
    'Wang Yi said "<b>friends</b> & neighbors" </div></mark><!-- in Beijing.'
)


def hostile_dossier() -> dm.Dossier:
    def cite(quote: str) -> dm.Evidence:
        start = HOSTILE.index(quote)
        return dm.Evidence(quote=quote, start=start, end=start + len(quote))

    return dm.Dossier(
        article=dm.Article(
            id="hostile",
            title='</title><script>alert("title")</script>',
            publisher='Evil "Wire" <img src=x onerror=alert(1)>',
            published=dt.date(2025, 1, 14),
            url="https://example.org/<script>",
            text=HOSTILE,
            artifacts=(
                dm.Artifact(
                    kind=dm.ArtifactKind.STRAY_TOKEN,
                    reason='"><img src=x onerror=alert(2)>',
                    evidence=cite('<script>alert("x")</script>'),
                ),
            ),
        ),
        people=(
            dm.Person(
                id="wang-yi",
                name="Wang Yi",
                family_name="Wang",
                given_name="Yi",
                evidence=(cite("Wang Yi"),),
            ),
        ),
        statements=(
            dm.Statement(
                id="friends",
                speakers=("wang-yi",),
                mode=dm.StatementMode.DIRECT_QUOTE,
                act=dm.SpeechAct.CLAIM,
                content=cite("<b>friends</b> & neighbors"),
                evidence=(cite("said"),),
            ),
        ),
        uncited=(dm.UncitedPassage(reason="<i>not news</i>", evidence=cite("</div></mark><!--")),),
    )


def test_hostile_text_is_escaped_everywhere() -> None:
    dossier = hostile_dossier()
    source = to_html(dossier)
    page = Page(source)
    assert page.texts["hostile"] == HOSTILE
    assert len(page.find("script")) == 1  # the page's own
    assert not page.find("img")
    assert not [e for e in page.elements if e.in_text and e.tag not in ("div", "mark")]
    assert all(not name.startswith("on") for e in page.elements for name in e.attributes)
    assert page.find("title")[0].text == dossier.article.title
    spans = marked_spans(page, "hostile")
    assert sorted(s.text for s in spans.values()) == sorted(
        s.evidence.quote for s in iter_evidence(dossier)
    )
    assert '<script>alert("x")' not in source
    assert "<!--" not in source


def test_the_page_fetches_nothing() -> None:
    for source in (to_html(dm.load_seed()), to_html(dm.Corpus([dm.load_seed(), load_second()]))):
        page = Page(source)
        assert not re.search(r"https?://", source)
        assert not page.find("link")
        assert not page.find("img")
        assert all("src" not in e.attributes for e in page.elements)
        assert all(
            not e.attributes.get("href") or e.attributes["href"].startswith("#")
            for e in page.elements
        )
        style = "".join(e.text for e in page.find("style"))
        assert "url(" not in style
        assert "@import" not in style
        policy = [m for m in page.find("meta") if m.attributes.get("http-equiv")]
        assert "default-src 'none'" in policy[0].attributes["content"]


# -- the facts ----------------------------------------------------------------------------


def rows(page: Page) -> dict[str, Element]:
    return {g.attributes["data-id"]: g for g in page.find("g", "tl-row")}


def test_the_timeline_draws_days_as_points_and_windows_as_bars_to_scale() -> None:
    seed = dm.load_seed()
    source = to_html(seed)
    page = Page(source)
    drawn = rows(page)
    entries = [e for e in seed.timeline() if e.date is not None]
    assert list(drawn) == [e.event.id for e in entries]
    shapes: dict[str, Element] = {}
    index = {id(e): n for n, e in enumerate(page.elements)}
    for entry in entries:
        g = drawn[entry.event.id]
        after = page.elements[index[id(g)] + 1 :]
        shape = next(e for e in after if e.tag in ("circle", "rect"))
        shapes[entry.event.id] = shape
        assert entry.date is not None
        assert shape.tag == ("circle" if entry.date.is_exact else "rect")
    # Bars are as wide as their windows: pixels per day agree between any two bars.
    per_day = {
        entry.event.id: float(shapes[entry.event.id].attributes["width"])
        / ((entry.date.latest - entry.date.earliest).days + 1)
        for entry in entries
        if entry.date is not None
        and not entry.date.is_exact
        and entry.date.earliest
        and entry.date.latest
        and (entry.date.latest - entry.date.earliest).days >= 2
    }
    assert len(per_day) >= 2
    values = list(per_day.values())
    assert max(values) - min(values) < 0.05 * max(values)
    planned = {e.event.id for e in entries if e.is_planned}
    assert {id for id, g in drawn.items() if "planned" in g.attributes["class"]} == planned


def test_an_open_ended_window_is_drawn_open() -> None:
    tiny = dm.load_seed()
    since = dm.FuzzyDate(
        text="since 2019",
        earliest=dt.date(2019, 1, 1),
        latest=None,
        precision=dm.DatePrecision.YEAR,
    )
    events = (attrs.evolve(tiny.events[0], date=since), *tiny.events[1:])
    dossier = attrs.evolve(tiny, events=events)
    page = Page(to_html(dossier))
    row = rows(page)[events[0].id]
    index = {id(e): n for n, e in enumerate(page.elements)}
    inside = page.elements[index[id(row)] + 1 : index[id(row)] + 6]
    assert [e.attributes.get("class") for e in inside if e.tag == "path"] == ["open"]
    assert "from 2019-01-01 (open end)" in row.text


def test_statements_are_grouped_by_speaker_with_mode_and_act() -> None:
    seed = dm.load_seed()
    page = Page(to_html(seed))
    listed: dict[str, str] = {}
    for item in page.find("li", "k-statement"):
        group = item.parent.parent  # type: ignore[union-attr]
        assert group is not None
        assert group.attributes["class"] == "speaker"
        listed[item.attributes["data-fact"]] = group.text
    assert set(listed) == {s.id for s in seed.statements}
    for statement in seed.statements:
        text = listed[statement.id]
        who = " and ".join(seed.name_of(s) for s in statement.speakers) or seed.article.publisher
        assert text.startswith(who)
        assert statement.mode.value in text
        assert statement.act.value in text
    groups = Counter(s.speakers for s in seed.statements)
    assert len(page.find("div", "speaker")) == len(groups)


def test_consensus_items_show_status_and_parties() -> None:
    seed = dm.load_seed()
    page = Page(to_html(seed))
    items = {
        e.attributes["data-fact"]: e.text
        for e in page.find("li", "fact")
        if "k-consensus" in e.attributes["class"]
    }
    assert set(items) == {c.id for c in seed.consensus_items}
    for item in seed.consensus_items:
        assert item.status.value in items[item.id]
        assert " and ".join(seed.name_of(p) for p in item.parties) in items[item.id]


@pytest.mark.parametrize("name", NAMES)
def test_people_are_listed_with_their_roles(name: str) -> None:
    dossier = dossiers()[name]
    page = Page(to_html(dossier))
    people = {e.attributes["data-fact"]: e.text for e in page.find("li", "k-person")}
    assert list(people) == [p.id for p in dossier.people]
    for person in dossier.people:
        # The name, or for an unnamed person the article's description.
        assert people[person.id].startswith(person.name or f"{person.description} unnamed")
        for role in person.roles:
            assert f"{role.title}, {dossier.name_of(role.holder)}" in people[person.id]


def test_offices_of_state_role_times_and_former_roles_are_shown() -> None:
    wire, weekly = dossiers()["kinds/wire-report"], dossiers()["kinds/weekly-review"]
    page = Page(to_html(wire))
    people = {e.attributes["data-fact"]: e for e in page.find("li", "k-person")}
    roles = {
        id: [
            li.text
            for li in page.elements
            if li.tag == "li" and li.parent and li.parent.parent is person
        ]
        for id, person in people.items()
    }
    assert roles["xi-jinping"] == ["President, China office of state"]
    assert roles["takeshi-iwaya"] == ["Foreign Minister, Japan, began in October office of state"]
    assert roles["iwaya-predecessor"] == ["former Foreign Minister, Japan office of state"]
    assert people["familiar-source"].text.startswith("a person familiar with the matter unnamed")
    weekly_page = Page(to_html(weekly))
    (consul,) = weekly_page.find("li", "k-person")
    assert "consul general in Shanghai, Japan, began this month" in consul.text


def test_quantities_stand_beside_their_facts_and_kinds_are_named() -> None:
    wire = dossiers()["kinds/wire-report"]
    page = Page(to_html(wire))
    (fund,) = [
        e
        for e in page.find("li", "k-statement")
        if e.attributes["data-fact"] == "green-fund-proposal"
    ]
    assert "numbers: $1 billion = 1000000000 USD (size of the proposed fund)" in fund.text
    visit = rows(page)["iwaya-visit"]
    assert "three-day visit = 3 day (length of the visit)" in visit.text
    # Drawn beside the bar, not only on hover.
    numbers = [e.text for e in page.find("text", "numbers") if e.parent is visit]
    assert numbers == ["3 day (length of the visit)"]
    assert "visit, ongoing" in visit.text
    summit = rows(page)["xi-ishiba-summit"]
    assert "summit, took-place" in summit.text
    consensus = {e.attributes["data-fact"]: e.text for e in page.find("li", "k-consensus")}
    assert consensus["seafood-timing-not-agreed"].startswith("not-agreed")
    assert consensus["strategic-relationship-reaffirmed"].startswith("reaffirmed")
    style = page.find("style")[0].text
    assert ".status-not-agreed{" in style
    assert ".status-reaffirmed{" in style
    # Hovering a quantity's words says the number.
    marks = [m for m in page.find("mark", "ev") if ".quantities[" in m.attributes["data-path"]]
    assert {m.attributes["data-id"] for m in marks} == {"iwaya-visit", "green-fund-proposal"}
    assert all("a number: " in m.attributes["title"] for m in marks)


def test_who_met_whom_draws_each_pair_once_on_a_circle() -> None:
    seed = dm.load_seed()
    page = Page(to_html(seed))
    nodes = [g.attributes["data-id"] for g in page.find("g", "node")]
    pairs = {frozenset(line.attributes["data-pair"].split()) for line in page.find("line", "edge")}
    met = seed.interactions()
    assert set(nodes) == {i.first.participant for i in met} | {i.second.participant for i in met}
    assert pairs == {i.pair for i in met}
    assert len(page.find("line", "edge")) == len(pairs)
    # Every node sits on one circle: the same distance from their mean.
    centres = []
    for g in page.find("g", "node"):
        shape = page.elements[page.elements.index(g) + 2]  # after the <g> and its <title>
        if shape.tag == "circle":
            centres.append((float(shape.attributes["cx"]), float(shape.attributes["cy"])))
        else:
            half = float(shape.attributes["width"]) / 2
            x, y = float(shape.attributes["x"]) + half, float(shape.attributes["y"]) + half
            centres.append((x, y))
    middle_x = sum(x for x, _ in centres) / len(centres)
    middle_y = sum(y for _, y in centres) / len(centres)
    radii = [((x - middle_x) ** 2 + (y - middle_y) ** 2) ** 0.5 for x, y in centres]
    assert max(radii) - min(radii) < 0.5


def test_same_dossier_same_page() -> None:
    assert to_html(dm.load_seed()) == to_html(dm.load_seed())


# -- a corpus ------------------------------------------------------------------------------


def test_a_corpus_has_a_section_per_article_and_says_which_article_says_what() -> None:
    seed, second = dm.load_seed(), load_second()
    corpus = dm.Corpus([seed, second])
    page = Page(to_html(corpus))
    sections = [s.attributes["data-article"] for s in page.find("section", "article")]
    assert sections == [seed.article.id, second.article.id]
    for dossier in (seed, second):
        spans = marked_spans(page, dossier.article.id)
        assert len(spans) == len(list(iter_evidence(dossier)))
        assert all(s.text == dossier.article.text[s.start : s.end] for s in spans.values())
    table = {tr.attributes["data-id"]: tr for tr in page.find("tr") if "data-id" in tr.attributes}
    assert set(table) == {e.id for e in (*corpus.people, *corpus.institutions, *corpus.countries)}
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for entity in table:
        for site in corpus.mentions(entity):
            counts[entity][site.article] += 1
    assert set(counts["wang-yi"]) == {seed.article.id, second.article.id}
    for entity, tr in table.items():
        cells = [e.text for e in page.elements if e.tag == "td" and e.parent is tr]
        assert cells == [str(counts[entity][d.article.id] or "") for d in (seed, second)]
    # The corpus timeline tags each event with its article.
    tags = {g.attributes["data-article"] for g in page.find("g", "tl-row") if g.section is None}
    assert tags == {seed.article.id, second.article.id}


def test_anything_else_is_refused_with_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"source must be a Dossier or a Corpus, got list \[\]"):
        to_html([])  # type: ignore[arg-type]


# -- the command line ------------------------------------------------------------------------


def test_cli_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "page.html"
    assert main(["html", str(SECOND), "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"{target}\n"
    assert target.read_text(encoding="utf-8") == to_html(load_second())
    corpus = tmp_path / "corpus.html"
    seed = ROOT / "seeds" / "000_25c877c6326c8c1d.toml"
    assert main(["html", str(seed), str(SECOND), "-o", str(corpus)]) == 0
    expected = to_html(dm.Corpus([dm.load(seed), load_second()]))
    assert corpus.read_text(encoding="utf-8") == expected


def test_cli_needs_an_output_and_reports_an_unwritable_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["html", str(SECOND)])
    assert exit.value.code == 2
    assert "-o/--output" in capsys.readouterr().err
    assert main(["html", str(SECOND), "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == f"diplomodel: error: cannot write {tmp_path}: is a folder, not a file; nothing was changed\n"
    )
    existing = tmp_path / "kept.html"
    existing.write_text("old", encoding="utf-8")
    missing = tmp_path / "missing.toml"
    assert main(["html", str(missing), "-o", str(existing)]) == 1
    assert existing.read_text(encoding="utf-8") == "old"
    assert "Traceback" not in capsys.readouterr().err


# -- in a real browser ------------------------------------------------------------------------


def browser_module() -> ModuleType:
    return module_from_path("screenshot", ROOT / "tools" / "screenshot.py")


def chromium(module: ModuleType) -> str:
    found: str | None = module.find_chromium()
    if found is None:
        reason = "no Chromium found (install Debian's package: apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, and the page must be tried in a browser: {reason}")
        pytest.skip(reason)
    return found


RENDERED = """
(() => {
  const found = [];
  for (const section of document.querySelectorAll("section.article")) {
    const text = section.querySelector(".text");
    const sites = {};
    for (const mark of text.querySelectorAll("mark.ev")) {
      const style = getComputedStyle(mark);
      const painted = style.backgroundColor !== "rgba(0, 0, 0, 0)"
        || style.textDecorationLine !== "none";
      const shown = mark.getClientRects().length > 0;
      const site = sites[mark.dataset.site] ??= {
        start: Number(mark.dataset.start), end: Number(mark.dataset.end),
        kind: mark.dataset.kind, path: mark.dataset.path, text: "", highlighted: true,
      };
      site.text += mark.textContent;
      site.highlighted = site.highlighted && painted && shown;
    }
    found.push({article: section.dataset.article, text: text.textContent,
                spans: Object.values(sites)});
  }
  return found;
})()
"""

CLICK = """
(() => {
  const mark = document.querySelector('.text mark[data-kind="person"]');
  mark.click();
  const inspector = document.getElementById("inspector");
  const card = document.querySelector('.fact[data-fact="' + mark.dataset.id + '"]');
  card.click();
  return {
    shown: !inspector.hidden,
    said: inspector.textContent.includes(mark.dataset.id),
    hit: card.classList.contains("hit"),
    lit: document.querySelectorAll('mark.lit').length,
    marks: document.querySelectorAll('.text mark[data-id="' + mark.dataset.id + '"]').length,
  };
})()
"""


def _kinds() -> list[dm.Dossier]:
    return [dm.load(path) for path in KIND_CURATIONS]


@pytest.mark.parametrize(
    "which", ["seed", "corpus", "kinds"], ids=["seed", "corpus", "kinds-corpus"]
)
def test_the_page_renders_in_headless_chromium(tmp_path: Path, which: str) -> None:
    module = browser_module()
    executable = chromium(module)
    seed = dm.load_seed()
    corpus = which != "seed"
    dossiers = {"seed": [seed], "corpus": [seed, load_second()], "kinds": _kinds()}[which]
    source: dm.Dossier | dm.Corpus = dm.Corpus(dossiers) if corpus else seed
    page = tmp_path / "page.html"
    page.write_text(to_html(source), encoding="utf-8")
    with module.Browser(executable, 1400, 1000) as browser:
        browser.open(page)
        rendered = browser.evaluate(RENDERED)
        clicked = browser.evaluate(CLICK)
        shot = browser.screenshot(tmp_path / "page.png")
        errors = browser.errors
    print(f"screenshot: {shot}")
    assert errors == []
    assert [r["article"] for r in rendered] == [d.article.id for d in dossiers]
    for dossier, found in zip(dossiers, rendered, strict=True):
        text = dossier.article.text
        assert found["text"] == text
        sites = list(iter_evidence(dossier))
        assert len(found["spans"]) == len(sites)
        for span in found["spans"]:
            assert span["highlighted"], span["path"]
            assert span["text"] == text[span["start"] : span["end"]]
        assert sorted((s["start"], s["end"], s["path"]) for s in found["spans"]) == sorted(
            (s.evidence.start, s.evidence.end, s.path) for s in sites
        )
    assert clicked["shown"]
    assert clicked["said"]
    assert clicked["hit"]
    assert clicked["lit"] == clicked["marks"] > 0
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_large_corpus_lists_for_each_object_only_the_articles_that_name_it() -> None:
    seed, second = dm.load_seed(), load_second()
    copies = [
        attrs.evolve(seed, article=attrs.evolve(seed.article, id=f"copy-{n}")) for n in range(12)
    ]
    corpus = dm.Corpus([*copies, second])
    page = Page(to_html(corpus))
    table = {tr.attributes["data-id"]: tr for tr in page.find("tr") if "data-id" in tr.attributes}
    assert set(table) == {e.id for e in (*corpus.people, *corpus.institutions, *corpus.countries)}
    tag = {d.article.id: f"A{n}" for n, d in enumerate(corpus.dossiers, start=1)}
    for entity, tr in table.items():
        (cell,) = [e.text for e in page.elements if e.tag == "td" and e.parent is tr]
        counts = Counter(site.article for site in corpus.mentions(entity))
        assert cell == ", ".join(f"{tag[article]} ({n})" for article, n in counts.items())


def test_no_browser_skips_with_a_reason_except_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    module = browser_module()
    monkeypatch.setenv("DIPLOMODEL_CHROMIUM", "no-such-browser-anywhere")
    assert module.find_chromium() is None
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium found"):
        chromium(module)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        chromium(module)


def test_a_browser_that_does_not_start_is_reported_not_waited_for(tmp_path: Path) -> None:
    module = browser_module()
    not_a_browser = shutil.which("false")
    if not_a_browser is None:
        pytest.skip("no `false` command to stand in for a browser that exits at once")
    browser = module.Browser(not_a_browser)
    browser._process.wait(timeout=30)  # it has exited, so its pipe is closed
    with pytest.raises(module.BrowserError, match=r"not running \(exit code 1\)"):
        browser.open(tmp_path / "page.html")
    browser.close()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7000), st.integers(1, 300)), min_size=1, max_size=40))
def test_any_spans_however_they_overlap_are_marked_whole(spans: list[tuple[int, int]]) -> None:
    seed = dm.load_seed()
    text = seed.article.text
    passages = []
    for start, length in spans:
        start = min(start, len(text) - 1)
        end = min(start + length, len(text))
        if not text[start:end].strip():
            continue  # a quote is never white space alone
        evidence = dm.Evidence(quote=text[start:end], start=start, end=end)
        passages.append(dm.UncitedPassage(reason="a test span", evidence=evidence))
    assume(passages)
    dossier = dm.Dossier(article=seed.article, uncited=tuple(passages))
    page = Page(to_html(dossier))
    assert page.texts[seed.article.id] == text
    marked = marked_spans(page, seed.article.id)
    sites = list(iter_evidence(dossier))
    assert len(marked) == len(sites)
    for number, site in enumerate(sites):
        span = marked[str(number)]
        assert (span.start, span.end) == (site.evidence.start, site.evidence.end)
        assert span.text == site.evidence.quote
