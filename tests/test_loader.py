"""The loader: good curation loads; each kind of bad curation gets a clear error and no dossier."""

from __future__ import annotations

import copy
import datetime as dt
import enum
import json
import math
import os
import random
import re
import textwrap
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest
from cattrs.gen import override
from hypothesis import given, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel.errors import FieldError, shorten
from diplomodel.evidence import find_occurrences
from diplomodel.passages import CANDIDATES_PER_QUOTE, CANDIDATES_PER_TEXT, Passages

TEXT = (
    "Wang Yi met Takeshi Iwaya in Beijing on Tuesday. "
    "Wang said the talks were useful. Iwaya said the talks were frank."
)

HEAD = """
[article]
id = "small"
text = "small.txt"
publisher = "Example News"
published = 2025-01-14
"""

PEOPLE = """
[[countries]]
id = "cn"
name = "China"
alpha2 = "CN"
alpha3 = "CHN"
evidence = ["Beijing"]

[[people]]
id = "wang-yi"
name = "Wang Yi"
family_name = "Wang"
given_name = "Yi"
aliases = ["Wang"]
country = "cn"
evidence = ["Wang Yi", { quote = "Wang", occurrence = 2 }]

[[people]]
id = "takeshi-iwaya"
name = "Takeshi Iwaya"
family_name = "Iwaya"
given_name = "Takeshi"
evidence = ["Takeshi Iwaya", { quote = "Iwaya", context = "Iwaya said" }]
"""

MEETING = """
[[events]]
id = "meeting"
name = "Wang Yi meets Takeshi Iwaya"
kind = "meeting"
status = "took-place"
date = "on Tuesday"
evidence = ["Wang Yi met Takeshi Iwaya in Beijing on Tuesday"]

[[events.participants]]
participant = "wang-yi"
part = "host"
evidence = ["Wang Yi"]
"""


def write(tmp_path: Path, toml: str, text: str | bytes = TEXT) -> Path:
    data = text.encode("utf-8") if isinstance(text, str) else text
    (tmp_path / "small.txt").write_bytes(data)
    path = tmp_path / "small.toml"
    path.write_text(textwrap.dedent(toml), encoding="utf-8")
    return path


def problems(tmp_path: Path, toml: str, text: str | bytes = TEXT) -> dm.CurationError:
    path = write(tmp_path, toml, text)
    with pytest.raises(dm.CurationError) as caught:
        dm.load(path)
    error = caught.value
    assert isinstance(error, dm.DiplomodelError)
    assert isinstance(error, dm.ValidationError)
    assert error.file == str(path)
    assert str(path) in str(error)
    return error


def only(error: dm.CurationError) -> dm.Problem:
    assert len(error.problems) == 1, str(error)
    return error.problems[0]


def test_good_curation_loads_with_offsets_and_resolved_dates(tmp_path: Path) -> None:
    dossier = dm.load(write(tmp_path, HEAD + PEOPLE + MEETING))
    wang = dossier.get("wang-yi", dm.Person)
    assert [(e.quote, e.start) for e in wang.evidence] == [("Wang Yi", 0), ("Wang", 49)]
    iwaya = dossier.get("takeshi-iwaya", dm.Person)
    assert iwaya.evidence[1].start == TEXT.index("Iwaya said")
    meeting = dossier.get("meeting", dm.Event)
    assert meeting.date is not None
    assert meeting.date.edtf == "2025-01-14"
    assert dossier.article.text == TEXT


def test_a_quote_not_in_the_text_names_the_closest_passage(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace('"Takeshi Iwaya", {', '"Takeshi Iwaja", {')
    problem = only(problems(tmp_path, toml))
    assert problem.path == 'people[1] ("takeshi-iwaya").evidence[0]'
    assert "'Takeshi Iwaja' is not in the text" in problem.message
    assert "closest passage is 'Takeshi Iwaya'" in problem.message


def test_an_ambiguous_quote_must_pick_an_occurrence(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace('{ quote = "Wang", occurrence = 2 }', '"Wang"')
    problem = only(problems(tmp_path, toml))
    assert problem.path == 'people[0] ("wang-yi").evidence[1]'
    assert "occurs 2 times" in problem.message
    assert "occurrence" in problem.message


def test_an_occurrence_beyond_the_count_is_refused(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace("occurrence = 2", "occurrence = 3")
    assert "occurs 2 time(s)" in only(problems(tmp_path, toml)).message


def test_a_context_must_hold_the_quote_once(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace('context = "Iwaya said"', 'context = "Wang said"')
    problem = only(problems(tmp_path, toml))
    assert problem.path == 'people[1] ("takeshi-iwaya").evidence[1]'
    assert "not in its context" in problem.message


def test_an_unknown_id_is_named_with_its_place(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE + MEETING.replace('participant = "wang-yi"', 'participant = "wang-huning"')
    problem = only(problems(tmp_path, toml))
    assert problem.path == 'events[0] ("meeting").participants[0].participant'
    assert "unknown id 'wang-huning'" in problem.message


def test_a_duplicate_id_is_refused(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace('id = "takeshi-iwaya"', 'id = "wang-yi"')
    problem = only(problems(tmp_path, toml))
    assert problem.path == 'people[1] ("wang-yi").id'
    assert "duplicate id 'wang-yi'" in problem.message


def test_a_reference_to_the_wrong_kind_is_refused(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace('country = "cn"', 'country = "takeshi-iwaya"') + MEETING
    problem = only(problems(tmp_path, toml))
    assert problem.path == 'people[0] ("wang-yi").country'
    assert "'takeshi-iwaya' is a person, expected a country" in problem.message


def test_date_words_it_cannot_resolve_are_named(tmp_path: Path) -> None:
    text = TEXT.replace("on Tuesday", "some day soon")
    toml = (HEAD + PEOPLE + MEETING).replace("on Tuesday", "some day soon")
    problem = only(problems(tmp_path, toml, text))
    assert problem.path == 'events[0] ("meeting").date'
    assert "'some day soon'" in problem.message


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        ("May 99", "May has at most 31 days"),
        ("January 32", "January has at most 31 days"),
        ("December 0000", "outside the calendar"),
        ("a 99999999-day trip", "days is more than the calendar"),
    ],
)
def test_date_words_that_name_no_day_are_a_problem_at_the_date(
    tmp_path: Path, words: str, reason: str
) -> None:
    text = TEXT.replace("on Tuesday", words)
    toml = (HEAD + PEOPLE + MEETING).replace("on Tuesday", words)
    problem = only(problems(tmp_path, toml, text))
    assert problem.path == 'events[0] ("meeting").date'
    assert reason in problem.message


def test_date_words_must_be_the_articles_own(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE + MEETING.replace('date = "on Tuesday"', 'date = "on Monday"')
    problem = only(problems(tmp_path, toml))
    assert problem.path == 'events[0] ("meeting").date'
    assert "not in the text" in problem.message


def test_a_missing_required_field_is_named(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE + MEETING.replace('status = "took-place"\n', "")
    problem = only(problems(tmp_path, toml))
    assert problem.path == 'events[0] ("meeting").status'
    assert problem.message == "required key missing"


def test_an_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace("given_name", "givn_name", 1)
    error = problems(tmp_path, toml)
    by_path = {p.path: p.message for p in error.problems}
    assert "did you mean 'given_name'?" in by_path['people[0] ("wang-yi").givn_name']
    assert by_path['people[0] ("wang-yi").given_name'].startswith("required key missing")


def test_an_unknown_section_is_named(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, HEAD + "[[peple]]\nid = 'x'\n"))
    assert problem.path == "peple"
    assert "did you mean 'people'?" in problem.message


def test_a_bad_enum_value_lists_the_allowed_ones(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE + MEETING.replace('part = "host"', 'part = "chair"')
    problem = only(problems(tmp_path, toml))
    assert problem.path == 'events[0] ("meeting").participants[0].part'
    assert "'chair' is not a valid ParticipantPart: one of" in problem.message
    assert "'host'" in problem.message


def test_invalid_toml_names_its_line(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, HEAD + "[[people]]\nid = wang-yi\n"))
    assert "invalid TOML" in problem.message
    assert "line 8" in problem.message


def test_a_missing_text_file_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD.replace("small.txt", "absent.txt") + PEOPLE)
    with pytest.raises(dm.CurationError) as caught:
        dm.load(path)
    problem = only(caught.value)
    assert problem.path == "article.text"
    assert "absent.txt" in problem.message
    assert "not found" in problem.message


def test_a_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, HEAD + PEOPLE, TEXT.encode("utf-16")))
    assert problem.path == "article.text"
    assert "not UTF-8" in problem.message


def test_a_missing_curation_file_is_a_curation_error(tmp_path: Path) -> None:
    with pytest.raises(dm.CurationError, match="curation file not found"):
        dm.load(tmp_path / "nothing.toml")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    toml = (
        HEAD
        + PEOPLE.replace('"Takeshi Iwaya", {', '"Takeshi Iwaja", {').replace("given_name", "gn", 1)
        + MEETING.replace('part = "host"', 'part = "chair"').replace('on Tuesday"\n', 'soon"\n')
    )
    error = problems(tmp_path, toml)
    assert {p.path for p in error.problems} >= {
        'people[0] ("wang-yi").gn',
        'people[0] ("wang-yi").given_name',
        'people[1] ("takeshi-iwaya").evidence[0]',
        'events[0] ("meeting").participants[0].part',
        'events[0] ("meeting").date',
    }


def test_a_quote_inside_a_text_artifact_is_refused(tmp_path: Path) -> None:
    artifact = '\n[[article.artifacts]]\nkind = "other"\nquote = "Iwaya said the talks were frank."\nreason = "x"\n'
    toml = HEAD + artifact + PEOPLE
    problem = only(problems(tmp_path, toml))
    assert problem.path == 'people[1] ("takeshi-iwaya").evidence[1]'
    assert "artifact" in problem.message


def test_statement_content_problems_point_at_its_quote_key(tmp_path: Path) -> None:
    statement = """
[[statements]]
id = "useful"
speakers = ["wang-yi"]
mode = "paraphrase"
act = "claim"
quote = "the talks were useful"
evidence = [{ quote = "Wang said", occurrence = 1 }]
"""
    dossier = dm.load(write(tmp_path, HEAD + PEOPLE + statement))
    assert dossier.get("useful", dm.Statement).content.quote == "the talks were useful"
    broken = statement.replace("the talks were useful", "the talks were useless")
    problem = only(problems(tmp_path, HEAD + PEOPLE + broken))
    assert problem.path == 'statements[0] ("useful").quote'


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_picked_occurrence_lands_on_its_offset(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    words = data.draw(
        st.lists(
            st.sampled_from(["Wang", "Yi", "met", "Iwaya", "said", "so"]), min_size=3, max_size=30
        )
    )
    text = " ".join(words)
    quote = data.draw(st.sampled_from(sorted(set(words))))
    starts = [i for i in range(len(text)) if text.startswith(quote, i)]
    occurrence = data.draw(st.integers(1, len(starts)))
    folder = tmp_path_factory.mktemp("occurrence")
    (folder / "t.txt").write_text(text, encoding="utf-8")
    (folder / "t.toml").write_text(
        HEAD.replace("small.txt", "t.txt")
        + f'[[countries]]\nid = "cn"\nname = "China"\nalpha2 = "CN"\nalpha3 = "CHN"\n'
        f'evidence = [{{ quote = "{quote}", occurrence = {occurrence} }}]\n',
        encoding="utf-8",
    )
    (evidence,) = dm.load(folder / "t.toml").countries[0].evidence
    assert evidence.start == starts[occurrence - 1]
    assert text[evidence.start : evidence.end] == quote


# -- hostile input ---------------------------------------------------------------

SEED_TEXT_NAME = "000_25c877c6326c8c1d.txt"


def copy_seed(folder: Path, toml: str | None = None, text: str | bytes | None = None) -> Path:
    """The seed's curation and text in ``folder``, optionally replaced; the curation's path."""
    seed = dm.loader.seed_path()
    source = seed.with_suffix(".txt").read_bytes()
    data = text.encode("utf-8") if isinstance(text, str) else text
    (folder / SEED_TEXT_NAME).write_bytes(source if data is None else data)
    path = folder / "seed.toml"
    path.write_text(seed.read_text("utf-8") if toml is None else toml, encoding="utf-8")
    return path


def seed_toml() -> str:
    return dm.loader.seed_path().read_text("utf-8")


def seed_text() -> str:
    return dm.loader.seed_path().with_suffix(".txt").read_text("utf-8")


def with_text_name(name: str) -> str:
    return HEAD.replace('text = "small.txt"', f"text = {json.dumps(name)}") + PEOPLE


def make_directory(folder: Path) -> str:
    (folder / "folder.txt").mkdir()
    return "folder.txt"


def make_fifo(folder: Path) -> str:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(folder / "pipe.txt")
    return "pipe.txt"


@pytest.mark.parametrize(
    ("make_name", "says"),
    [
        (lambda folder: "small\0.txt", "NUL"),
        (make_directory, "is a directory, not a regular file"),
        (make_fifo, "is a FIFO (named pipe), not a regular file"),
        (lambda folder: str(folder / "small.txt"), "must be relative to the curation file"),
        (lambda folder: "a" * 5000 + ".txt", "File name too long"),
        (lambda folder: "", "text file name is required"),
    ],
    ids=["nul", "directory", "fifo", "absolute", "too-long", "empty"],
)
def test_an_odd_text_file_name_is_one_problem_at_article_text(
    tmp_path: Path, make_name: Any, says: str
) -> None:
    name = make_name(tmp_path)
    problem = only(problems(tmp_path, with_text_name(name)))
    assert problem.path == "article.text"
    assert says in problem.message
    assert len(problem.message) < 300  # a long name is shortened, not echoed


@pytest.mark.parametrize("read", [dm.load, dm.read_dossier], ids=["load", "read_dossier"])
@pytest.mark.parametrize(
    ("make_path", "says"),
    [
        (lambda folder: folder / "cur\0ation.toml", "NUL"),
        (lambda folder: (folder / "folder.toml").mkdir() or folder / "folder.toml", "directory"),
        (lambda folder: os.mkfifo(folder / "pipe.toml") or folder / "pipe.toml", "FIFO"),
    ],
    ids=["nul", "directory", "fifo"],
)
def test_an_odd_curation_path_is_a_curation_error(
    tmp_path: Path, read: Any, make_path: Any, says: str
) -> None:
    path = make_path(tmp_path)
    with pytest.raises(dm.CurationError) as caught:
        read(path)
    assert says in only(caught.value).message


@pytest.mark.parametrize("make_path", [make_directory, make_fifo], ids=["directory", "fifo"])
def test_read_dossier_refuses_a_json_path_that_is_not_a_regular_file(
    tmp_path: Path, make_path: Any
) -> None:
    path = tmp_path / make_path(tmp_path)
    json_path = path.rename(tmp_path / "dump.json")
    with pytest.raises(dm.ValidationError, match="not a regular file"):
        dm.read_dossier(json_path)


def test_a_byte_order_mark_is_skipped_in_the_text_and_the_curation(tmp_path: Path) -> None:
    bom = "\ufeff"
    path = copy_seed(tmp_path, toml=bom + seed_toml(), text=bom + seed_text())
    dossier = dm.load(path)
    assert dossier == dm.load_seed()
    assert dossier.article.text == seed_text()


def test_an_unreadable_text_still_reports_every_section_and_says_so_once(tmp_path: Path) -> None:
    toml = (
        HEAD.replace("small.txt", "absent.txt")
        + PEOPLE.replace("given_name", "gn", 1).replace('id = "cn"', 'id = "C N"')
        + MEETING.replace('part = "host"', 'part = "chair"')
    )
    error = problems(tmp_path, toml)
    by_path = {p.path: p.message for p in error.problems}
    assert set(by_path) == {
        "article.text",
        "countries[0]",  # the id rule, at the object until it names its field
        'people[0] ("wang-yi").gn',
        'people[0] ("wang-yi").given_name',
        'events[0] ("meeting").participants[0].part',
    } or set(by_path) == {
        "article.text",
        "countries[0].id",
        'people[0] ("wang-yi").gn',
        'people[0] ("wang-yi").given_name',
        'events[0] ("meeting").participants[0].part',
    }
    assert "no quote or date words can be checked" in by_path["article.text"]


def test_a_problem_in_the_article_hides_nothing_else(tmp_path: Path) -> None:
    toml = (
        HEAD.replace('publisher = "Example News"\n', "")
        + PEOPLE.replace("family_name", "famly_name", 1)
        + MEETING.replace('kind = "meeting"', 'kind = "gala"')
    )
    paths = {p.path for p in problems(tmp_path, toml).problems}
    assert paths == {
        "article.publisher",
        'people[0] ("wang-yi").famly_name',
        'people[0] ("wang-yi").family_name',
        'events[0] ("meeting").kind',
    }


def test_what_could_be_read_is_collected_for_the_cross_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Any] = []
    real_across = dm.loader._Reader.across

    def across(reader: Any, parts: Any) -> Any:
        seen.append(parts)
        return real_across(reader, parts)

    monkeypatch.setattr(dm.loader._Reader, "across", across)
    toml = HEAD + PEOPLE.replace('family_name = "Iwaya"', "family_name = 7") + MEETING
    problems(tmp_path, toml)
    (parts,) = seen
    assert parts.text_read
    assert parts.article is not None
    assert [(i, p.id) for i, p in parts.built["people"]] == [(0, "wang-yi")]
    assert [i for i, _event in parts.built["events"]] == [0]
    assert parts.unbuilt_ids == {"takeshi-iwaya": "people"}
    assert not parts.complete()


@attrs.define(frozen=True, kw_only=True)
class _Numbered:
    """A stand-in model class whose rule names its field, as the model's rules do."""

    number: int = attrs.field()
    content: str = "x"

    @number.validator
    def _positive(self, _attribute: Any, number: int) -> None:
        if number < 1:
            raise FieldError("number", f"must be 1 or more, got {shorten(number)}")

    def __attrs_post_init__(self) -> None:
        if self.content == "bad":
            raise FieldError("content", "bad content")


def test_a_rule_that_names_its_field_is_reported_at_the_fields_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(dm.loader.CURATION_KEYS, _Numbered, {"content": override(rename="quote")})
    reader = dm.loader._Reader("x.toml")
    assert reader.read({"number": 0}, _Numbered, "events[3]") is None
    assert reader.read({"number": 2, "quote": "bad"}, _Numbered, "statements[1]") is None
    assert reader.read({"number": 2, "content": "x"}, _Numbered, "statements[2]") is None
    assert reader.problems == [
        dm.Problem("events[3].number", "must be 1 or more, got 0"),
        dm.Problem("statements[1].quote", "bad content"),
        dm.Problem("statements[2].content", "unknown key 'content'"),
    ]
    assert reader.read({"number": 2, "quote": "ok"}, _Numbered, "x") == _Numbered(
        number=2, content="ok"
    )


def test_the_curation_is_read_by_the_json_readers_converter_with_its_own_hooks() -> None:
    reader = dm.loader._Reader("x.toml")
    converter = reader.converter
    # The JSON reader's hooks read what both write alike: strings, numbers, enums, lists.
    assert converter.get_structure_hook(str) is dm.converter.get_structure_hook(str)
    assert converter.get_structure_hook(dm.EventKind) is dm.converter.get_structure_hook(
        dm.EventKind
    )
    # A curation writes quotes, date words and TOML dates where JSON writes objects.
    assert converter.structure("on Tuesday", dm.FuzzyDate).precision is dm.DatePrecision.DAY
    assert converter.structure("Wang", dm.Evidence) == dm.Evidence(quote="Wang", start=0, end=4)
    assert converter.structure(dt.date(2025, 1, 14), dt.date) == dt.date(2025, 1, 14)
    with pytest.raises(TypeError, match="expected a TOML date"):
        converter.structure("2025-01-14", dt.date)
    assert dm.loader._key_of(dm.Statement, "content") == "quote"
    assert dm.loader._KEY_OF_FIELD[dm.Statement, "content"] == "quote"


def test_a_rule_of_the_model_is_reported_at_its_object_or_field(tmp_path: Path) -> None:
    path = copy_seed(tmp_path, toml=seed_toml().replace("number = 9", "number = 0"))
    with pytest.raises(dm.CurationError) as caught:
        dm.load(path)
    problem = only(caught.value)
    index, id = next((i, e.id) for i, e in enumerate(dm.load_seed().events) if e.number == 9)
    assert problem.path in {f'events[{index}] ("{id}")', f'events[{index}] ("{id}").number'}
    assert "number" in problem.path + problem.message


def test_no_message_echoes_a_long_value(tmp_path: Path) -> None:
    megabyte = "X" * 1_000_000
    toml = seed_toml()
    toml = toml.replace('id = "us"', f'id = "{megabyte}"', 1)
    toml = toml.replace('name = "China"', f'name = ["{megabyte}"]', 1)
    toml = toml.replace('alpha2 = "JP"', "alpha2 = [" + ", ".join(["1"] * 100_000) + "]", 1)
    toml = toml.replace("occurrence = 2", f"occurrence = {10**30}", 1)
    toml += f'\n[[uncited]]\nreason = "r"\nquote = "{megabyte}"\n'
    toml += f'\n[[uncited]]\nreason = "r"\nquote = {{ quote = "{megabyte}", occurrence = 1 }}\n'
    toml += f"\n[{megabyte}]\n"
    with pytest.raises(dm.CurationError) as caught:
        dm.load(copy_seed(tmp_path, toml=toml))
    paths = {p.path for p in caught.value.problems}
    assert {
        'countries[0] ("cn").name',
        'countries[1] ("jp").alpha2',
        "uncited[0].quote",
        "uncited[1].quote",
    } <= paths
    assert "countries[2]" in paths or "countries[2].id" in paths
    assert f"'{'X' * 40}'…" in paths  # the unknown section, named short
    assert all(len(str(p)) < 400 for p in caught.value.problems), caught.value
    assert "an integer of about 30 digits" in str(caught.value)


def test_a_quote_costs_about_the_places_that_start_like_it() -> None:
    text = seed_text() * 14  # about 100 KB
    passages = Passages(text)
    for quote in ("Liberal Democratic Party", "Wang Huning", "exchange mechanism"):
        before = passages.checked
        assert passages.starts(quote) == list(find_occurrences(text, quote))
        assert passages.checked - before <= text.count(quote[:4])
    assert passages.checked < len(text) / 100


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet="ab c\n", max_size=60), quote=st.text(alphabet="ab c", max_size=6))
def test_the_index_finds_what_a_scan_finds(text: str, quote: str) -> None:
    assert Passages(text).starts(quote) == list(find_occurrences(text, quote))


def near_misses(text: str, count: int, seed: int) -> list[tuple[str, str]]:
    """``count`` (quote, passage) pairs: a passage of whole words with its last word mistyped."""
    words = [match for match in re.finditer(r"[A-Za-z]{3,}(?: [A-Za-z]{3,}){3}", text)]
    rng = random.Random(seed)
    pairs = []
    for match in rng.sample(words, count):
        passage = match[0]
        pairs.append((passage[:-1] + "#", passage))
    return pairs


def test_300_absent_quotes_in_100kb_get_hints_at_a_bounded_cost() -> None:
    text = seed_text() * 14
    passages = Passages(text)
    pairs = near_misses(text, 300, seed=7)
    hints = [passages.closest(quote) for quote, _passage in pairs]
    assert sum(hint == passage for hint, (_q, passage) in zip(hints, pairs, strict=True)) >= 290
    assert passages.compared <= 300 * CANDIDATES_PER_QUOTE
    assert passages.compared <= CANDIDATES_PER_TEXT


def test_a_file_of_300_absent_quotes_loads_and_fails_with_hints(tmp_path: Path) -> None:
    text = seed_text() * 14
    pairs = near_misses(text, 300, seed=11)
    toml = HEAD.replace("small.txt", SEED_TEXT_NAME) + "".join(
        f'\n[[uncited]]\nreason = "r"\nquote = {json.dumps(quote)}\n' for quote, _p in pairs
    )
    path = copy_seed(tmp_path, toml=toml, text=text)
    with pytest.raises(dm.CurationError) as caught:
        dm.load(path)
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 300
    hinted = sum(
        f"the closest passage is {passage!r}" in m
        for m, (_q, passage) in zip(messages, pairs, strict=True)
    )
    assert hinted >= 290


def test_the_closest_passage_ends_on_a_word_boundary(tmp_path: Path) -> None:
    toml = seed_toml().replace(
        '{ quote = "Liberal Democratic Party", occurrence = 1 }',
        '{ quote = "the Liberal Democratc Party", occurrence = 1 }',
    )
    with pytest.raises(dm.CurationError) as caught:
        dm.load(copy_seed(tmp_path, toml=toml))
    assert "the closest passage is 'the Liberal Democratic Party'" in only(caught.value).message


def test_a_word_boundary_hint_is_whole_words_of_the_text() -> None:
    text = seed_text()
    passages = Passages(text)
    for quote, _passage in near_misses(text, 40, seed=3):
        hint = passages.closest(quote[:-6] + "#")
        assert hint is not None
        start = text.index(hint)
        end = start + len(hint)
        assert start == 0 or not text[start - 1].isalnum()
        assert end == len(text) or not text[end].isalnum()


def test_read_dossier_knows_toml_and_json_in_any_case_and_names_them(tmp_path: Path) -> None:
    path = copy_seed(tmp_path)
    shouting = path.rename(tmp_path / "SEED.TOML")
    assert dm.read_dossier(shouting) == dm.load_seed()
    dump = tmp_path / "seed.dump"
    dump.write_text(dm.to_json(dm.load_seed()), encoding="utf-8")
    with pytest.raises(dm.CurationError) as caught:
        dm.read_dossier(dump)
    message = only(caught.value).message
    assert "'.dump'" in message
    assert ".toml" in message
    assert ".json" in message


# -- a mutated seed: only CurationError escapes --------------------------------


def toml_value(value: Any) -> str:
    """``value`` written as a TOML inline value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return repr(value) if math.isfinite(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml_document(document: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(key)} = {toml_value(value)}\n" for key, value in document.items())


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value) for leaf in leaves(item, (*path, index))]
    return [path]


def holds(holder: Any, key: Any) -> bool:
    if isinstance(holder, dict):
        return key in holder
    return isinstance(holder, list) and isinstance(key, int) and key < len(holder)


SEED_DOCUMENT = tomllib.loads(seed_toml())
# Every leaf and every table or array above one: the places a mutation may hit.
SEED_PLACES = sorted(
    {leaf[:size] for leaf in leaves(SEED_DOCUMENT) for size in range(1, len(leaf) + 1)}, key=str
)
toml_scalars = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", " ", "cn", "wang-yi", "on Tuesday", "meeting", "China", "Beijing"]),
    st.integers(),
    st.integers(min_value=10**20, max_value=10**40),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["quote", "id", "x", "occurrence"]), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_mutated_seed_loads_whole_or_raises_only_a_curation_error(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    document = copy.deepcopy(SEED_DOCUMENT)
    for _ in range(data.draw(st.integers(1, 3))):
        *parents, last = data.draw(st.sampled_from(SEED_PLACES))
        holder: Any = document
        for key in parents:
            holder = holder[key] if holds(holder, key) else None
        if not holds(holder, last):
            continue  # an earlier mutation took this leaf's place away
        if data.draw(st.booleans()) and isinstance(holder, dict):
            del holder[last]
        else:
            holder[last] = data.draw(toml_values)
    folder = tmp_path_factory.mktemp("mutated")
    path = copy_seed(folder, toml=toml_document(document))
    try:
        dossier = dm.load(path)
    except dm.CurationError as error:
        problems = error.problems
    else:
        problems = ()
        assert isinstance(dossier, dm.Dossier)
        text = dossier.article.text
        assert all(
            text[site.evidence.start : site.evidence.end] == site.evidence.quote
            for site in dm.walk.iter_evidence(dossier)
        )
    assert all(len(str(problem)) < 500 for problem in problems)


def test_an_empty_text_file_is_refused(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, HEAD, ""))
    assert problem.path in {"article", "article.text"}
    assert "empty" in problem.message


def test_a_mistyped_single_word_gets_a_hint(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace('"Takeshi Iwaya", {', '"Iwaja", {')
    problem = only(problems(tmp_path, toml))
    assert problem.path == 'people[1] ("takeshi-iwaya").evidence[0]'
    assert "the closest passage is 'Iwaya'" in problem.message


def test_a_bad_object_does_not_hide_what_is_wrong_between_the_others(tmp_path: Path) -> None:
    # A bad enum in one event, an unknown country in one person, and a statement that
    # cites the unreadable event: the first two are reported, the citation is not.
    toml = (
        HEAD
        + PEOPLE.replace('given_name = "Takeshi"', 'given_name = "Takeshi"\ncountry = "xx"')
        + MEETING.replace('kind = "meeting"', 'kind = "banquet"')
        + """
[[statements]]
id = "neighbors"
speakers = ["wang-yi"]
mode = "direct-quote"
act = "claim"
quote = "the talks were useful"
event = "meeting"
evidence = ["Wang said"]
"""
    )
    found = [str(problem) for problem in problems(tmp_path, toml).problems]
    assert len(found) == 2, found
    assert found[0].startswith("events[0] (\"meeting\").kind: 'banquet'")
    assert found[1] == "people[1] (\"takeshi-iwaya\").country: unknown id 'xx' (country)"


def test_a_long_closest_passage_is_cut_at_a_word(tmp_path: Path) -> None:
    text = TEXT + " Secretary General Hiroshi Moriyama of the Liberal Democratic Party spoke."
    toml = HEAD + PEOPLE.replace(
        'evidence = ["Takeshi Iwaya",',
        'evidence = ["Hiroshi Moriyama of the Liberal Democratik Party", "Takeshi Iwaya",',
    )
    problem = only(problems(tmp_path, toml, text))
    assert problem.message.endswith(
        "the closest passage is 'Hiroshi Moriyama of the Liberal Democratic Party'"
    ), problem.message


def test_an_integer_too_long_for_python_is_invalid_toml_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + PEOPLE + "\n[[x]]\ny = " + "1" * 5000 + "\n")
    with pytest.raises(dm.CurationError) as caught:
        dm.load(path)
    assert [str(p) for p in caught.value.problems] == [
        "invalid TOML: an integer of more than 4300 digits"
    ]


@pytest.mark.parametrize("bad", [5, None, b"seed.toml"])
def test_a_path_that_is_no_path_is_a_clear_type_error(bad: object) -> None:
    for read in (dm.load, dm.read_dossier):
        with pytest.raises(TypeError, match="path must be a str or a path-like object, got"):
            read(bad)  # type: ignore[arg-type]


def test_loads_curation_reads_toml_text_with_its_text_file_in_a_folder(tmp_path: Path) -> None:
    write(tmp_path, HEAD + PEOPLE + MEETING)
    toml = (tmp_path / "small.toml").read_text("utf-8")
    assert dm.loader.loads_curation(toml, tmp_path) == dm.load(tmp_path / "small.toml")
    with pytest.raises(dm.CurationError, match="<string>: 1 problem"):
        dm.loader.loads_curation("[article", tmp_path)


# -- ids in problem paths -------------------------------------------------------------


def test_both_readers_name_the_objects_id_beside_its_index(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE + MEETING.replace('kind = "meeting"', 'kind = "banquet"')
    (problem,) = problems(tmp_path, toml).problems
    assert problem.path == 'events[0] ("meeting").kind'
    data = dm.to_dict(dm.load(write(tmp_path, HEAD + PEOPLE + MEETING)))
    data["events"][0]["kind"] = "banquet"
    data["people"][1]["country"] = "xx"
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_dict(data, dm.Dossier)
    assert [p.path for p in caught.value.problems] == [
        '$.events[0] ("meeting").kind',
        '$.people[1] ("takeshi-iwaya").country',
    ]


def test_the_dossier_names_ids_in_its_own_checks(tmp_path: Path) -> None:
    dossier = dm.load(write(tmp_path, HEAD + PEOPLE + MEETING))
    broken = attrs.evolve(dossier.people[1], country="xx")
    with pytest.raises(dm.ValidationError) as caught:
        attrs.evolve(dossier, people=(dossier.people[0], broken))
    assert [p.path for p in caught.value.problems] == ['$.people[1] ("takeshi-iwaya").country']


def test_an_id_that_is_no_valid_id_is_not_named_in_the_path(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace('id = "wang-yi"', 'id = "Wang Yi!"')
    paths = {p.path for p in problems(tmp_path, toml).problems}
    assert paths == {"people[0].id"}


def test_naming_the_id_is_done_once() -> None:
    id_at = dm.errors.id_at_index({"events": [{"id": "talks"}, {"id": 5}]})
    once = dm.errors.path_with_id("events[0].date", id_at)
    assert once == 'events[0] ("talks").date'
    assert dm.errors.path_with_id(once, id_at) == once
    assert dm.errors.path_with_id("$.events[1].date", id_at) == "$.events[1].date"
    assert dm.errors.path_with_id("article.text", id_at) == "article.text"
    assert dm.errors.path_with_id("$.events[7]", id_at) == "$.events[7]"


# -- type-directed: a field added to the model loads with no change to the loader ---------


class _Unit(enum.Enum):
    DAY = "day"
    AGREEMENT = "agreement"


@attrs.define(frozen=True, kw_only=True)
class _Quantity:
    """A stand-in for a class another part of the model may add."""

    value: int
    unit: _Unit
    evidence: tuple[dm.Evidence, ...] = ()


@attrs.define(frozen=True, kw_only=True)
class _Extended:
    """A stand-in model class with new kinds of field: a date, nested objects, a quote."""

    id: str
    start: dm.FuzzyDate | None = None
    quantities: tuple[_Quantity, ...] = ()
    content: dm.Evidence | None = None


def test_new_fields_of_the_model_load_through_the_converter(tmp_path: Path) -> None:
    write(tmp_path, HEAD + PEOPLE)
    reader = dm.loader._Reader("x.toml")
    reader.passages = Passages(TEXT)
    reader.published = dt.date(2025, 1, 14)
    table = {
        "id": "x",
        "start": "on Tuesday",
        "quantities": [{"value": 2, "unit": "day", "evidence": ["Wang said"]}],
        "content": {"quote": "Iwaya", "occurrence": 2},
    }
    extended = reader.read(table, _Extended, "extended[0]")
    assert extended is not None, reader.problems
    assert extended.start.edtf == "2025-01-14"
    assert extended.quantities[0].evidence[0].start == TEXT.index("Wang said")
    assert extended.content.start == TEXT.index("Iwaya said")
    broken = {
        "id": "x",
        "start": "on Monday",
        "quantities": [{"value": "2", "unit": "week", "evidence": ["Wong said"]}],
    }
    assert reader.read(broken, _Extended, "extended[0]") is None
    assert {p.path for p in reader.problems} == {
        "extended[0].start",
        "extended[0].quantities[0].value",
        "extended[0].quantities[0].unit",
        "extended[0].quantities[0].evidence[0]",
    }


def test_a_second_load_resolves_no_type_hints_again() -> None:
    import typing
    from unittest import mock

    dm.load_seed()
    with mock.patch.object(typing, "get_type_hints", wraps=typing.get_type_hints) as hints:
        dm.load_seed()
    assert hints.call_count == 0
