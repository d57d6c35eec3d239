"""`diplomodel draft`: a starting curation of real article texts, checked against them.

The draft of each real text (the seed, the fixture articles) is valid TOML in the
curation format, holds every quotation and every date phrase the resolver reads,
finds the seed's people, is refused by the loader until the curator deletes
``draft = true``, never crashes on hostile text, and costs time linear in the text.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import module_from_path
from hypothesis import given, settings
from hypothesis import strategies as st
from test_dossier_checks import LINEAR, growth, lines_run

import diplomodel as dm
from diplomodel.cli import main
from diplomodel.coverage import split_sentences
from diplomodel.draft import (
    DRAFT_REFUSAL,
    MAX_DATE_WORDS,
    draft_curation,
    find_candidates,
    toml_string,
)
from diplomodel.loader import seed_path

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
SEED_TEXT = seed_path().with_suffix(".txt")
# The publication dates the fixtures' README gives.
PUBLISHED = {
    SEED_TEXT: dt.date(2025, 1, 14),
    ARTICLES / "wire-report.txt": dt.date(2024, 12, 25),
    ARTICLES / "briefing.txt": dt.date(2024, 12, 26),
    ARTICLES / "weekly-review.txt": dt.date(2025, 1, 3),
    ARTICLES / "contradicting.txt": dt.date(2024, 12, 27),
}
TEXTS = sorted(PUBLISHED, key=lambda path: path.name)


def _text(path: Path) -> str:
    return path.read_text("utf-8")


def _draft(path: Path) -> str:
    return draft_curation(
        _text(path),
        article_id=path.stem,
        text_file=path.name,
        published=PUBLISHED[path],
        publisher="Example News",
    )


@pytest.fixture(scope="module", params=TEXTS, ids=lambda path: path.stem)
def article(request: pytest.FixtureRequest) -> tuple[Path, str, dict[str, Any]]:
    """A real article text, its draft, and the draft read as TOML."""
    path: Path = request.param
    draft = _draft(path)
    return path, draft, tomllib.loads(draft)


def _commented(draft: str, key: str) -> list[str]:
    """The values of ``#   key = "…"`` comment lines: the draft's lists of quotations."""
    pattern = re.compile(rf'^#\s+{key} = ("(?:[^"\\]|\\.)*")', re.MULTILINE)
    return [tomllib.loads(f"v = {literal}")["v"] for literal in pattern.findall(draft)]


# -- the format ---------------------------------------------------------------------


def test_the_draft_is_a_curation_file_filled_from_the_options(
    article: tuple[Path, str, dict[str, Any]],
) -> None:
    path, _draft_text, document = article
    assert document["draft"] is True
    # An id is a slug of the file name: "000_25c8" becomes "000-25c8".
    assert document["article"]["id"] == path.stem.lower().replace("_", "-")
    assert document["article"]["text"] == path.name
    assert document["article"]["published"] == PUBLISHED[path]
    assert document["article"]["publisher"] == "Example News"
    # Every section the loader knows, and no other besides the marker.
    known = {"draft", "article", "countries", "institutions", "people", "events"}
    assert set(document) <= known | {"statements", "consensus_items", "uncited"}


def test_every_sentence_is_listed_with_its_offsets(
    article: tuple[Path, str, dict[str, Any]],
) -> None:
    path, draft, _document = article
    text = _text(path)
    listed = re.findall(r"^# \[(\d+)\] (\d+)\.\.(\d+) ", draft, re.MULTILINE)
    sentences = split_sentences(text)
    assert [(int(s), int(e)) for _n, s, e in listed] == [(s.start, s.end) for s in sentences]
    assert [int(n) for n, _s, _e in listed] == list(range(1, len(sentences) + 1))


def _pairs(text: str) -> list[str]:
    """The words between each pair of quotation marks of each line, as a reader pairs them."""
    found = []
    for line in text.split("\n"):
        found += [piece for piece in line.split('"')[1:-1:2]]
        found += re.findall("\u201c([^\u201c\u201d]*)\u201d", line)
    return [piece.strip().rstrip(",").strip() for piece in found if piece.strip(" ,")]


def test_the_draft_lists_every_quotation(article: tuple[Path, str, dict[str, Any]]) -> None:
    path, draft, _document = article
    listed = _commented(draft, "quote")
    assert _pairs(_text(path)) == listed


def _date_phrases(text: str, published: dt.date) -> list[tuple[int, int, str]]:
    """Every run of up to MAX_DATE_WORDS words of a sentence that the resolver reads,
    with a month or weekday written with a capital (a lower-case "may" is a verb)."""
    calendar = {"may", "march", "sunday", "monday", "june", "july", "august", "sept", "dec"}
    found = []
    for sentence in split_sentences(text):
        words = [m.span() for m in re.finditer(r"\S+", text[: sentence.end])][::-1]
        words = [w for w in words if w[0] >= sentence.start][::-1]
        for first in range(len(words)):
            for last in range(first, min(first + MAX_DATE_WORDS, len(words))):
                start, end = words[first][0], words[last][1]
                while start < end and text[start] in "\"'(\u201c":
                    start += 1
                while end > start and text[end - 1] in "\"'),.;:?!\u201d":
                    end -= 1
                phrase = text[start:end]
                if not phrase or any(
                    w.rstrip(".").lower() in calendar and w[0].islower() for w in phrase.split()
                ):
                    continue
                try:
                    dm.resolve_date(phrase, published)
                except dm.DateResolutionError:
                    continue
                # "in", "at" and "during" are left out of the draft's date words.
                dropped = re.match(r"(?:in|at|during) ", phrase, re.IGNORECASE)
                if dropped:
                    start += dropped.end()
                found.append((start, end, text[start:end]))
    return found


def test_the_draft_holds_every_date_phrase_the_resolver_reads(
    article: tuple[Path, str, dict[str, Any]],
) -> None:
    path, _draft_text, document = article
    text, published = _text(path), PUBLISHED[path]
    dates = find_candidates(text, published).dates
    spans = [(d.span.start, d.span.end) for d in dates]
    phrases = _date_phrases(text, published)
    assert phrases
    missed = [
        phrase
        for start, end, phrase in phrases
        if not any(a <= start and end <= b for a, b in spans)
    ]
    assert missed == []
    # Each is an event's date in the draft, with the window the resolver gives.
    assert [event["date"] for event in document.get("events", [])] == [d.span.quote for d in dates]
    for date in dates:
        window = dm.resolve_date(date.span.quote, published)
        assert date.window.startswith(str(window.earliest or ".."))
        assert str(window.latest or "..") in date.window


def test_the_date_phrases_of_the_fixture_readme_are_drafted() -> None:
    # The README's table names the date forms each fixture text holds.
    readme = (ARTICLES / "README.md").read_text("utf-8")
    checked = 0
    for row in re.findall(r"^\| (.*?) \| (\S+\.txt) \| `(.*)` \|$", readme, re.MULTILINE):
        construction, file, fragment = row
        words = re.search(r'"([^"]+)"', construction)
        path = ARTICLES / file
        if not words:
            continue
        try:  # the rows of date forms: their words are date words
            dm.resolve_date(words[1], PUBLISHED[path])
        except dm.DateResolutionError:
            continue
        drafted = [d.span.quote for d in find_candidates(_text(path), PUBLISHED[path]).dates]
        if words[1] in fragment:
            # "in December" is drafted as "December": "in", "at" and "during" are left out.
            phrase = re.sub(r"^(?:in|at|during) ", "", words[1]).lower()
            assert any(phrase in d.lower() for d in drafted), (file, words[1])
            checked += 1
    assert checked >= 20


# -- people and statements -------------------------------------------------------------


def test_the_draft_finds_the_seeds_people() -> None:
    seed = dm.load_seed()
    document = tomllib.loads(_draft(SEED_TEXT))
    drafted = {person["name"]: person for person in document["people"]}
    for person in seed.people:
        assert person.name in drafted
        assert drafted[person.name]["id"] == person.id
        # The family name, when the text uses it alone ("Moriyama and Nishida"), is right.
        family = drafted[person.name].get("family_name")
        assert family in (None, person.family_name)


def test_statement_stubs_of_the_wire_report_carry_their_quotes() -> None:
    path = ARTICLES / "wire-report.txt"
    document = tomllib.loads(_draft(path))
    stubs = {stub["quote"]: stub for stub in document["statements"]}
    direct = stubs[
        "Our two countries share a responsibility for calm in this region, "
        "and we mean to carry it together"
    ]
    assert (direct["speakers"], direct["mode"]) == (["takeshi-iwaya"], "direct-quote")
    assert direct["evidence"] == ["Iwaya said"]
    partial = stubs['ties should move "onto a steady track"']
    assert partial["mode"] == "partial-quote"
    assert stubs["Tokyo to handle questions of history and Taiwan with care"]["act"] == "call"
    assert stubs["keep channels open at every level"]["act"] == "pledge"


def test_reported_clauses_are_cut_as_curators_cut_them() -> None:
    # "…that the high-level economic dialogue resume in early 2025, and that both sides study…"
    wire = tomllib.loads(_draft(ARTICLES / "wire-report.txt"))
    quotes = [stub.get("quote") for stub in wire["statements"]]
    curated = {s.content.quote for s in dm.load(ARTICLES / "wire-report.toml").statements}
    for words in (
        "the high-level economic dialogue resume in early 2025",
        "both sides study a $1 billion fund for joint green technology projects",
    ):
        assert words in curated
        assert words in quotes
    # "…will keep up high-level contacts into the new year after their foreign ministers met…"
    briefing = tomllib.loads(_draft(ARTICLES / "briefing.txt"))
    quotes = [stub.get("quote") for stub in briefing["statements"]]
    assert "China and Japan will keep up high-level contacts into the new year" in quotes
    # "…had held "candid and in-depth" talks yesterday during Iwaya's visit, …": a partial quote.
    held = next(s for s in briefing["statements"] if str(s.get("quote", "")).startswith("H.E."))
    assert (
        held["quote"]
        == 'H.E. Wang Yi and H.E. Takeshi Iwaya had held "candid and in-depth" talks yesterday'
    )
    assert held["mode"] == "partial-quote"


def test_statements_and_consensus_items_name_the_event_before_and_their_parties() -> None:
    path = ARTICLES / "briefing.txt"
    document = tomllib.loads(_draft(path))
    events = [event["id"] for event in document["events"]]
    for stub in document["statements"]:
        if "event" in stub:
            assert stub["event"] in events
    # Each refers to the last event drafted in or before its sentence: the first
    # statement's sentence ("…into the new year after their foreign ministers met in
    # Beijing on Wednesday") dates events itself, and the last of them is taken.
    text = _text(path)
    first_sentence = split_sentences(text)[0]
    dates = find_candidates(text, PUBLISHED[path]).dates
    dated = [date for date in dates if date.span.start < first_sentence.end]
    assert dated
    assert document["statements"][0]["event"] == events[len(dated) - 1]
    # "…the two ministers had agreed to stay in close touch…": who agreed, named in its
    # sentence, is among the parties the curator gives.
    curated = {c.content.quote: c for c in dm.load(_curated(path)).consensus_items}
    item = next(c for c in document["consensus_items"] if c["quote"].startswith("stay in close"))
    assert item["parties"]
    assert set(item["parties"]) <= set(curated["stay in close touch"].parties)
    assert item["event"] in events


def test_a_question_in_quotation_marks_is_a_direct_quote_and_a_question() -> None:
    document = tomllib.loads(_draft(ARTICLES / "briefing.txt"))
    (stub,) = [s for s in document["statements"] if s["quote"].startswith("Will China lift")]
    assert (stub["mode"], stub["act"]) == ("direct-quote", "question")
    assert stub["evidence"] == ["A reporter from a Japanese broadcaster asked"]


def test_a_dateline_is_not_said_and_saying_continues_the_statement_before() -> None:
    document = tomllib.loads(_draft(ARTICLES / "briefing.txt"))
    quotes = [stub.get("quote", "") for stub in document["statements"]]
    # "BEIJING: China and Japan will keep up …, a foreign ministry spokesperson said"
    assert quotes[0].startswith("China and Japan will keep up high-level contacts")
    # "criticised what were called "careless remarks" …, saying such comments …"
    criticism = quotes.index(
        'what were called "careless remarks" made about Taiwan by some Japanese lawmakers'
        " over the weekend"
    )
    assert document["statements"][criticism]["act"] == "criticism"
    assert quotes[criticism + 1] == "such comments did nothing to help the atmosphere"


def test_the_seeds_statement_stubs_hold_most_of_its_quotes() -> None:
    seed = dm.load_seed()
    document = tomllib.loads(_draft(SEED_TEXT))
    stubs = {stub.get("quote") for stub in document["statements"]}
    held = [s.id for s in seed.statements if s.content.quote in stubs]
    assert len(held) * 2 > len(seed.statements)


def _curated(path: Path) -> Path:
    """The hand curation of a fixture article text."""
    return path.with_suffix(".toml") if path != SEED_TEXT else seed_path()


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.stem)
def test_the_artifacts_drafted_are_the_curators_artifacts(path: Path) -> None:
    # Source prefix, dateline, picture credit or caption, a text cut off mid-word:
    # each drafted artifact is one the hand curation records, with the same kind and words.
    curated = dm.load(_curated(path)).article.artifacts
    found = find_candidates(_text(path), PUBLISHED[path]).artifacts
    wanted = {(a.kind.value, a.evidence.quote) for a in curated}
    assert {(a.kind, a.span.quote) for a in found} <= wanted
    # All but the seed's advert that broke into a sentence, which no rule can tell.
    assert len(found) == len([a for a in curated if a.kind is not dm.ArtifactKind.STRAY_TOKEN])


def test_drafted_artifacts_are_written_with_a_reason_to_check() -> None:
    document = tomllib.loads(_draft(ARTICLES / "wire-report.txt"))
    artifacts = document["article"]["artifacts"]
    assert [a["kind"] for a in artifacts] == ["source-prefix", "dateline", "caption"]
    assert artifacts[1]["quote"] == "BEIJING, Dec. 25 (Fixture Wire) --"
    assert all(a["reason"] for a in artifacts)
    # A text that ends on a full stop is not cut off.
    assert "truncation" not in {a.kind for a in find_candidates("Wang said so.").artifacts}


def test_sentences_no_drafted_fact_cites_are_uncited_stubs() -> None:
    path = ARTICLES / "contradicting.txt"
    text = _text(path)
    document = tomllib.loads(_draft(path))
    stubs = [stub["quote"] for stub in document["uncited"]]
    assert stubs
    cited = [
        spec if isinstance(spec, str) else spec["quote"]
        for section in ("events", "statements", "consensus_items")
        for item in document.get(section, [])
        if item.get("mode") != "assertion"  # the same sentence, offered as an assertion
        for spec in [item.get("quote", ""), *item.get("evidence", [])]
    ]
    for stub in stubs:
        sentence = next(s for s in split_sentences(text) if stub in s.quote)
        # A whole sentence, that no drafted fact's words touch.
        assert sentence.quote.strip() == stub
        assert not any(words and words in sentence.quote for words in cited)
    assert all(stub["reason"] == "" for stub in document["uncited"])  # the curator says why


def test_an_own_voice_sentence_is_an_assertion_stub() -> None:
    # The weekly review's closing judgement, in the article's own voice, cited by no drafted fact.
    path = ARTICLES / "weekly-review.txt"
    document = tomllib.loads(_draft(path))
    curated = {s.id: s for s in dm.load(_curated(path)).statements}
    assertions = [s for s in curated.values() if s.mode is dm.StatementMode.ASSERTION]
    stubs = {s["quote"]: s for s in document["statements"] if s["mode"] == "assertion"}
    held = [s for s in assertions if s.content.quote in stubs]
    assert held
    for statement in held:
        stub = stubs[statement.content.quote]
        assert stub["speakers"] == []
        assert stub["act"] == statement.act.value
        # Its evidence is the sentence's opening, as the curator cites it.
        assert statement.content.quote.startswith(stub["evidence"][0])
    assert any([e.quote for e in s.evidence] == stubs[s.content.quote]["evidence"] for s in held)
    # The same sentence is offered as an uncited passage, for the curator to choose.
    assert {u["quote"] for u in document["uncited"]} >= {s.content.quote for s in held}


def test_a_ministers_title_gives_the_ministry_and_the_persons_country() -> None:
    # "Chinese Foreign Minister Wang Yi held talks with Japanese Foreign Minister Takeshi Iwaya"
    path = ARTICLES / "wire-report.txt"
    document = tomllib.loads(_draft(path))
    curated = dm.load(_curated(path))
    institutions = {i.id: i for i in curated.institutions}
    drafted = {i["id"]: i for i in document["institutions"]}
    for ministry in ("cn-foreign-ministry", "jp-foreign-ministry"):
        institution = institutions[ministry]
        assert drafted[ministry]["name"] == institution.name
        assert drafted[ministry]["country"] == institution.country
        assert drafted[ministry]["kind"] == institution.kind.value
    people = {p["id"]: p for p in document["people"]}
    curated_people = {p.id: p for p in curated.people}
    for id in ("wang-yi", "takeshi-iwaya"):
        assert people[id]["country"] == curated_people[id].country
        roles = [role["institution"] for role in people[id]["roles"]]
        assert roles[0] == curated_people[id].roles[0].institution
    # "Prime Minister" is a rank, not a ministry of prime affairs.
    assert not any(id.endswith("-prime-ministry") for id in drafted)


def test_event_ids_say_who_what_and_when() -> None:
    # "Xi Jinping and Japanese Prime Minister Shigeru Ishiba … summit … in November"
    document = tomllib.loads(_draft(ARTICLES / "wire-report.txt"))
    ids = [event["id"] for event in document["events"]]
    assert "iwaya-visit-2024-12" in ids
    assert any(id.endswith("-summit-2024-11") and "ishiba" in id for id in ids)
    assert len(set(ids)) == len(ids)
    # Without a publication date there is no month: the id stays a number.
    bare = tomllib.loads(draft_curation(_text(ARTICLES / "wire-report.txt")))
    assert all(re.fullmatch(r"event-\d+", event["id"]) for event in bare["events"])


# -- never loaded as curated --------------------------------------------------------------


def _write(folder: Path, path: Path, draft: str) -> Path:
    (folder / path.name).write_text(_text(path), encoding="utf-8")
    curation = folder / f"{path.stem}.toml"
    curation.write_text(draft, encoding="utf-8")
    return curation


def test_an_unedited_draft_is_refused_with_what_to_do(tmp_path: Path) -> None:
    curation = _write(tmp_path, SEED_TEXT, _draft(SEED_TEXT))
    with pytest.raises(dm.CurationError) as caught:
        dm.load(curation)
    assert dm.Problem("draft", DRAFT_REFUSAL) in caught.value.problems
    assert "delete the line `draft = true`" in str(caught.value)


def test_a_draft_without_date_or_publisher_is_refused_for_them_too(tmp_path: Path) -> None:
    draft = draft_curation(_text(SEED_TEXT), article_id="seed", text_file=SEED_TEXT.name)
    curation = _write(tmp_path, SEED_TEXT, draft.replace("draft = true\n", ""))
    with pytest.raises(dm.CurationError) as caught:
        dm.load(curation)
    paths = {problem.path for problem in caught.value.problems}
    assert {"article.published", "article.publisher"} <= paths


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.stem)
def test_every_quote_the_draft_writes_is_found_once_in_the_text(tmp_path: Path, path: Path) -> None:
    # Without the marker the loader reads every quote: none is absent or ambiguous.
    curation = _write(tmp_path, path, _draft(path).replace("draft = true\n", ""))
    with pytest.raises(dm.CurationError) as caught:
        dm.load(curation)
    about_quotes = [
        p
        for p in caught.value.problems
        if re.search(r"not in the text|occurs|occurrence|date words", p.message)
    ]
    assert about_quotes == []


# -- hostile text -------------------------------------------------------------------------

# Characters and words that the rules look for, in any order.
_CHARACTERS = "\"\u201c\u201d'.,;:?!-() \n\t\r\x00\x7fAaZzMr.U.S said told asked 0123456789"
_WORDS = ["Wang Yi ", "Minister ", "said ", "on Tuesday ", "Dec. 24-26 ", "according to "]
_WORDS += ["ü", "\u2028", "\U0001f600", "\\", "\x1b", "early 2025 ", "Q1 ", "'s ", "agreed to "]
HOSTILE = st.lists(
    st.sampled_from([*_CHARACTERS, *_WORDS]),
    max_size=120,
).map("".join)


def _check_draft(text: str, published: dt.date | None) -> None:
    draft = draft_curation(text, published=published, publisher="P")
    document = tomllib.loads(draft)
    assert document["draft"] is True
    for quotation in find_candidates(text, published).quotations:
        assert text[quotation.start : quotation.end] == quotation.quote


@settings(max_examples=150, deadline=None)
@given(text=HOSTILE, published=st.one_of(st.none(), st.dates()))
def test_hostile_text_makes_a_valid_draft(text: str, published: dt.date | None) -> None:
    _check_draft(text, published)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "?!.,;:\"'()",
        '" "',  # quotation marks around white space only (found by the test above)
        '"\u3000"',
        '"unbalanced quote, said Wang Yi.',
        '\u201cnever closed, Iwaya said. "',
        "word " * 4000,
        "Foreign Minister Wang Yi said " * 500,
        "\u0000\u0001\u001f\u007f said \\ \u2028 Lü Chao told",
        "Zürich \u00e9t\u00e9 \u4e2d\u56fd Müller said on Tuesday.",
        "said said said said.",
    ],
)
def test_awkward_text_makes_a_valid_draft(text: str) -> None:
    _check_draft(text, dt.date(2025, 1, 14))
    _check_draft(text, None)


def test_toml_strings_keep_every_character() -> None:
    value = '"\\\x00\x1f\x7f\t\n\r\u2028ü\U0001f600'
    assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value


def test_the_draft_takes_only_strings_and_dates() -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        find_candidates(b"said")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"published must be a datetime\.date"):
        find_candidates("said", dt.datetime(2025, 1, 14))


# -- cost ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "unit",
    [
        _text(SEED_TEXT),
        '"We are neighbors," Wang Yi said on Tuesday. Liu added. ',
        "Foreign Minister Wang Yi said. Iwaya said. ",
        "said aaaa1, said aaaa2. ",
        # One sentence that never ends: every verb, name and date in the same one.
        "Foreign Minister Wang Yi said on Tuesday, Iwaya added, ",
        '"we agree," Liu said and according to Xinhua they agreed to meet on Monday ',
        "Diplomats, officials, lawmakers and envoys said ",
    ],
    ids=["seed", "quotes", "names", "said", "one-sentence", "one-sentence-quotes", "commas"],
)
def test_drafting_is_linear_in_the_text(unit: str) -> None:
    def lines(copies: int) -> int:
        text = ("" if unit.endswith(" ") else "\n").join([unit] * copies)
        return lines_run(lambda: draft_curation(text), "draft_curation")

    assert growth(lines, 2) < LINEAR


# -- the command line -----------------------------------------------------------------------


def test_the_command_writes_a_draft_beside_nothing_it_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "texts" / "wire.txt"
    text.parent.mkdir()
    text.write_text(_text(ARTICLES / "wire-report.txt"), encoding="utf-8")
    out = tmp_path / "wire.toml"
    argv = ["draft", str(text), "--published", "2024-12-25", "--publisher", "Fixture Wire"]
    assert main([*argv, "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"{out}\n"
    document = tomllib.loads(out.read_text("utf-8"))
    # The text is named relative to the curation file, as the loader reads it.
    assert document["article"]["text"] == "texts/wire.txt"
    assert document["article"]["id"] == "wire"
    with pytest.raises(dm.CurationError) as caught:
        dm.load(out)
    assert [p.path for p in caught.value.problems if p.path.startswith("article")] == []
    # A second run never replaces the file.
    before = out.read_text("utf-8")
    assert main([*argv, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "exists: a draft never replaces a file" in err
    assert out.read_text("utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["texts", "wire.toml"]


def test_the_command_prints_the_draft_and_names_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["draft", str(SEED_TEXT)]) == 0
    out = capsys.readouterr().out
    assert tomllib.loads(out)["article"]["text"] == SEED_TEXT.name
    assert main(["draft", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt not found" in capsys.readouterr().err
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    assert main(["draft", str(tmp_path / "latin1.txt")]) == 1
    assert "not UTF-8" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["draft", str(SEED_TEXT), "--published", "14/01/2025"])
    assert exit_.value.code == 2
    assert "expected a date such as 2025-01-14" in capsys.readouterr().err


# -- the benchmark --------------------------------------------------------------------------


def _benchmark() -> ModuleType:
    return module_from_path(
        "draft_effort", Path(__file__).parent.parent / "benchmarks" / "draft_effort.py"
    )


def test_the_benchmark_measures_every_curated_article() -> None:
    benchmark = _benchmark()
    paths = benchmark.curations()
    assert seed_path().name in [path.name for path in paths]
    row = benchmark.measure(Path(benchmark.ROOT) / "seeds" / seed_path().name)
    for key in ("quotes", "people", "dates", "stubs", "full stubs"):
        found, total = row[key]
        assert 0 <= found <= total
    assert row["people"] == (10, 10)
    assert 0 < row["typed from the draft"] < row["typed from scratch"]
    assert sum(row["typed by key"].values()) == row["typed from the draft"]


def test_the_benchmark_leaves_out_curations_of_a_few_facts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    benchmark = _benchmark()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "tests").mkdir()
    for folder in ("seeds", "tests"):
        (tmp_path / folder / SEED_TEXT.name).write_text(_text(SEED_TEXT), encoding="utf-8")
    full = seed_path().read_text("utf-8")
    (tmp_path / "seeds" / seed_path().name).write_text(full, encoding="utf-8")
    # The same article with its statements and consensus items left out: not curated in full.
    partial = full[
        : full.index(
            "# ---------------------------------------------------------------- statements"
        )
    ]
    (tmp_path / "tests" / "partial.toml").write_text(partial, encoding="utf-8")
    monkeypatch.setattr(benchmark, "ROOT", tmp_path)
    assert benchmark.curations() == [tmp_path / "seeds" / seed_path().name]


def test_the_edit_effort_counts_what_the_curator_types() -> None:
    typed_and_deleted = _benchmark().typed_and_deleted
    assert typed_and_deleted("", "abc\n") == (4, 0)
    assert typed_and_deleted("abc\n", "abc\n") == (0, 0)
    assert typed_and_deleted("abc\nxyz\n", "abc\n") == (0, 4)
    assert typed_and_deleted('quote = "x"\n', 'quote = "xy"\n') == (1, 0)


def test_the_content_effort_ignores_layout_and_order() -> None:
    content_effort = _benchmark().content_effort
    final = '[[people]]\nid = "a"\nname = "Ann"\n\n[[people]]\nid = "b"\nname = "Bo"\n'
    # The same entries, reordered, with other spacing, key order and comments: nothing typed.
    draft = '# note\n[[people]]\nname="Bo"\nid = "b"\n[[people]]\nid = "a"  # x\nname = "Ann"\n'
    assert content_effort(draft, final)[:2] == (0, 0)
    # A wrong value: only the characters that differ are typed; a missing key is typed whole.
    typed, deleted, where = content_effort('[[people]]\nid = "a"\nname = "Al"\n', final)
    assert where["people.name"] == len("nn") + len('name = "Bo"')
    assert where["people.id"] == len('id = "b"')
    assert deleted == len("l")
    assert typed == sum(where.values())
    # From an empty file, every canonical line is typed.
    assert content_effort("", final)[0] == 2 * len('id = "a"') + len('name = "Ann"name = "Bo"')


def _seed_draft() -> dict[str, Any]:
    return tomllib.loads(_draft(SEED_TEXT))


def test_he_is_the_person_named_last_and_cites_that_person() -> None:
    # "…, Liu Jiangyong, vice dean of …, told the Global Times … He pointed out that …":
    # no statement names a speaker before "He", so he is the person named last.
    document = _seed_draft()
    stub = next(s for s in document["statements"] if s["evidence"] == ["He pointed out"])
    assert stub["speakers"] == ["liu-jiangyong"]
    person = next(p for p in document["people"] if p["id"] == "liu-jiangyong")
    assert {"quote": "He", "context": "He pointed out"} in person["evidence"]


def test_a_word_of_a_name_alone_is_cited_with_the_words_after_it() -> None:
    # "Moriyama and Nishida are leading a group …": curators tell the word apart by its
    # neighbours rather than by counting occurrences.
    document = _seed_draft()
    person = next(p for p in document["people"] if p["id"] == "hiroshi-moriyama")
    assert {"quote": "Moriyama", "context": "Moriyama and Nishida"} in person["evidence"]


def test_an_event_gets_its_place_and_a_name() -> None:
    document = _seed_draft()
    # "…Takeshi Iwaya held talks in Beijing in December 2024, …"
    talks = next(e for e in document["events"] if "held talks in Beijing" in e["evidence"][0])
    assert talks["place"]["name"] == "Beijing"
    context = "held talks in Beijing in December"
    assert talks["place"]["evidence"] == [{"quote": "Beijing", "context": context}]
    assert talks["name"] == "Wang Yi and Takeshi Iwaya hold talks in Beijing"
    # "…will visit Japan in mid-January …": a country's place gets its country.
    visit = next(e for e in document["events"] if "visit Japan" in e["evidence"][0])
    assert visit["place"]["name"] == "Japan"
    assert visit["place"]["country"] == "jp"
    assert visit["place"]["evidence"] == [
        {"quote": "Japan", "context": "Army will visit Japan in mid-January"}
    ]
    # "Moriyama and Nishida are leading … on a three-day trip to China through Wednesday."
    trip = next(e for e in document["events"] if e["evidence"][0].startswith("Moriyama and"))
    assert trip["name"] == "Hiroshi Moriyama's visit to China"
    # Months and weekdays are no places: "in December 2024", "on Tuesday in Tokyo".
    places = [e["place"]["name"] for e in document["events"] if "place" in e]
    assert "December" not in places
    assert "Tokyo" in places


def test_consensus_parties_without_people_are_the_countries_of_the_sentence() -> None:
    # "They agreed to adhere to the principles … between China and Japan, …"
    document = _seed_draft()
    item = next(c for c in document["consensus_items"] if c["quote"].startswith("adhere to"))
    assert item["parties"] == ["cn", "jp"]


def test_countries_and_institutions_cite_every_place_they_are_named() -> None:
    text = _text(SEED_TEXT)
    document = _seed_draft()
    china = next(c for c in document["countries"] if c["id"] == "cn")
    assert len(china["evidence"]) == len(re.findall(r"\bChina\b", text))
    xinhua = next(i for i in document["institutions"] if i["name"] == "Xinhua News Agency")
    assert len(xinhua["evidence"]) == text.count("Xinhua News Agency")
