"""The loader: good curation loads; each kind of bad curation gets a clear error and no dossier."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplomodel as dm

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
    assert problem.path == "people[1].evidence[0]"
    assert "'Takeshi Iwaja' is not in the text" in problem.message
    assert "closest passage is 'Takeshi Iwaya'" in problem.message


def test_an_ambiguous_quote_must_pick_an_occurrence(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace('{ quote = "Wang", occurrence = 2 }', '"Wang"')
    problem = only(problems(tmp_path, toml))
    assert problem.path == "people[0].evidence[1]"
    assert "occurs 2 times" in problem.message
    assert "occurrence" in problem.message


def test_an_occurrence_beyond_the_count_is_refused(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace("occurrence = 2", "occurrence = 3")
    assert "occurs 2 time(s)" in only(problems(tmp_path, toml)).message


def test_a_context_must_hold_the_quote_once(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace('context = "Iwaya said"', 'context = "Wang said"')
    problem = only(problems(tmp_path, toml))
    assert problem.path == "people[1].evidence[1]"
    assert "not in its context" in problem.message


def test_an_unknown_id_is_named_with_its_place(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE + MEETING.replace('participant = "wang-yi"', 'participant = "wang-huning"')
    problem = only(problems(tmp_path, toml))
    assert problem.path == "events[0].participants[0].participant"
    assert "unknown id 'wang-huning'" in problem.message


def test_a_duplicate_id_is_refused(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace('id = "takeshi-iwaya"', 'id = "wang-yi"')
    problem = only(problems(tmp_path, toml))
    assert problem.path == "people[1].id"
    assert "duplicate id 'wang-yi'" in problem.message


def test_a_reference_to_the_wrong_kind_is_refused(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace('country = "cn"', 'country = "takeshi-iwaya"') + MEETING
    problem = only(problems(tmp_path, toml))
    assert problem.path == "people[0].country"
    assert "'takeshi-iwaya' is a person, expected a country" in problem.message


def test_date_words_it_cannot_resolve_are_named(tmp_path: Path) -> None:
    text = TEXT.replace("on Tuesday", "some day soon")
    toml = (HEAD + PEOPLE + MEETING).replace("on Tuesday", "some day soon")
    problem = only(problems(tmp_path, toml, text))
    assert problem.path == "events[0].date"
    assert "'some day soon'" in problem.message


def test_date_words_must_be_the_articles_own(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE + MEETING.replace('date = "on Tuesday"', 'date = "on Monday"')
    problem = only(problems(tmp_path, toml))
    assert problem.path == "events[0].date"
    assert "not in the text" in problem.message


def test_a_missing_required_field_is_named(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE + MEETING.replace('status = "took-place"\n', "")
    problem = only(problems(tmp_path, toml))
    assert problem.path == "events[0].status"
    assert problem.message == "required key missing"


def test_an_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE.replace("given_name", "givn_name", 1)
    error = problems(tmp_path, toml)
    by_path = {p.path: p.message for p in error.problems}
    assert "did you mean 'given_name'?" in by_path["people[0].givn_name"]
    assert by_path["people[0].given_name"] == "required key missing"


def test_an_unknown_section_is_named(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, HEAD + "[[peple]]\nid = 'x'\n"))
    assert problem.path == "peple"
    assert "did you mean 'people'?" in problem.message


def test_a_bad_enum_value_lists_the_allowed_ones(tmp_path: Path) -> None:
    toml = HEAD + PEOPLE + MEETING.replace('part = "host"', 'part = "chair"')
    problem = only(problems(tmp_path, toml))
    assert problem.path == "events[0].participants[0].part"
    assert "'chair' is not one of" in problem.message
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
        "people[0].gn",
        "people[0].given_name",
        "people[1].evidence[0]",
        "events[0].participants[0].part",
        "events[0].date",
    }


def test_a_quote_inside_a_text_artifact_is_refused(tmp_path: Path) -> None:
    artifact = '\n[[article.artifacts]]\nkind = "other"\nquote = "Iwaya said the talks were frank."\nreason = "x"\n'
    toml = HEAD + artifact + PEOPLE
    problem = only(problems(tmp_path, toml))
    assert problem.path == "people[1].evidence[1]"
    assert "artifact" in problem.message


def test_statement_content_problems_point_at_its_quote_key(tmp_path: Path) -> None:
    statement = """
[[statements]]
id = "useful"
speakers = ["wang-yi"]
mode = "paraphrase"
quote = "the talks were useful"
evidence = [{ quote = "Wang said", occurrence = 1 }]
"""
    dossier = dm.load(write(tmp_path, HEAD + PEOPLE + statement))
    assert dossier.get("useful", dm.Statement).content.quote == "the talks were useful"
    broken = statement.replace("the talks were useful", "the talks were useless")
    problem = only(problems(tmp_path, HEAD + PEOPLE + broken))
    assert problem.path == "statements[0].quote"


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
