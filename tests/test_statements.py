"""Who said it, and how: reporting mode and speech act, spokespeople, addressees,
inferred speakers, the publisher's own voice, and events or agreements reported by someone.

The seed gives the questions in quotation marks; the fixture articles give the
other constructions, each curated here from its real sentence.
"""

from __future__ import annotations

import ast
import io
import itertools
import json
import shutil
import textwrap
from pathlib import Path

import pytest

import diplomodel as dm
from diplomodel import statements as statements_module
from diplomodel.cli import main
from diplomodel.statements import ARTICLE_VOICE, SpeechAct

ARTICLES = Path(__file__).parent / "fixtures" / "articles"

WIRE = """
[article]
id = "wire"
text = "wire-report.txt"
publisher = "Fixture Wire"
published = 2024-12-25

[[countries]]
id = "cn"
name = "China"
alpha2 = "CN"
alpha3 = "CHN"
evidence = ["Chinese Foreign Minister"]

[[countries]]
id = "jp"
name = "Japan"
alpha2 = "JP"
alpha3 = "JPN"
evidence = ["Japanese Foreign Minister"]

[[people]]
id = "wang-yi"
name = "Wang Yi"
family_name = "Wang"
given_name = "Yi"
aliases = ["Wang"]
country = "cn"
evidence = ["Chinese Foreign Minister Wang Yi"]

[[people]]
id = "takeshi-iwaya"
name = "Takeshi Iwaya"
family_name = "Iwaya"
given_name = "Takeshi"
aliases = ["Iwaya"]
country = "jp"
evidence = ["Japanese Foreign Minister Takeshi Iwaya"]

[[events]]
id = "talks"
name = "Wang Yi and Takeshi Iwaya hold talks"
kind = "talks"
status = "took-place"
evidence = ["held talks with Japanese Foreign Minister Takeshi Iwaya in Beijing on Wednesday"]
"""

BRIEFING = """
[article]
id = "briefing"
text = "briefing.txt"
publisher = "Fixture Briefing"
published = 2024-12-26

[[countries]]
id = "cn"
name = "China"
alpha2 = "CN"
alpha3 = "CHN"
evidence = [{ quote = "China", occurrence = 1 }]

[[countries]]
id = "jp"
name = "Japan"
alpha2 = "JP"
alpha3 = "JPN"
evidence = [{ quote = "Japan", occurrence = 1 }]

[[institutions]]
id = "cn-foreign-ministry"
name = "Ministry of Foreign Affairs of China"
kind = "ministry"
country = "cn"
evidence = ["foreign ministry"]

[[institutions]]
id = "foreign-ministry-spokesperson"
name = "Spokesperson of the Chinese foreign ministry"
kind = "state-body"
country = "cn"
parent = "cn-foreign-ministry"
evidence = ["a foreign ministry spokesperson"]

[[institutions]]
id = "japanese-broadcaster"
name = "A Japanese broadcaster"
kind = "news-outlet"
country = "jp"
evidence = ["a Japanese broadcaster"]

[[people]]
id = "wang-yi"
name = "Wang Yi"
family_name = "Wang"
given_name = "Yi"
country = "cn"
evidence = ["Wang Yi"]

[[people]]
id = "takeshi-iwaya"
name = "Takeshi Iwaya"
family_name = "Iwaya"
given_name = "Takeshi"
country = "jp"
evidence = ["Takeshi Iwaya"]
"""


def curate(tmp_path: Path, head: str, body: str) -> Path:
    """A curation of a fixture article: its text copied beside ``head`` + ``body``."""
    for name in ("wire-report.txt", "briefing.txt"):
        shutil.copyfile(ARTICLES / name, tmp_path / name)
    path = tmp_path / "curation.toml"
    path.write_text(textwrap.dedent(head) + textwrap.dedent(body), encoding="utf-8")
    return path


def rejected(tmp_path: Path, head: str, body: str) -> dict[str, str]:
    """The problems of a curation that must not load, by path."""
    with pytest.raises(dm.CurationError) as caught:
        dm.load(curate(tmp_path, head, body))
    return {problem.path: problem.message for problem in caught.value.problems}


def surrounding(dossier: dm.Dossier, span: dm.Evidence) -> str:
    """The characters just before and just after a span of the article."""
    text = dossier.article.text
    return text[span.start - 1] + text[span.end : span.end + 1]


# -- 1. reporting mode and speech act are two things ---------------------------


def test_the_seeds_quoted_questions_are_direct_quotes_and_questions() -> None:
    seed = dm.load_seed()
    questions = seed.statements_where(act="question")
    assert questions == tuple(s for s in seed.statements if s.act is SpeechAct.QUESTION)
    assert {"sankei-editorial-title", "sankei-editorial-priorities"} <= {s.id for s in questions}
    for statement in questions:
        assert statement.mode is dm.StatementMode.DIRECT_QUOTE, statement.id
        assert statement.content.quote.rstrip(",").endswith(("?", "US")), statement.id
        # Verbatim: the words stand between quotation marks in the published text.
        assert surrounding(seed, statement.content)[0] == '"', statement.id
    assert seed.statements_where(act=SpeechAct.QUESTION, mode="direct-quote") == questions
    assert seed.statements_where(act="question", mode="paraphrase") == ()


def test_every_seed_statement_has_a_mode_and_an_act_and_acts_are_counted() -> None:
    seed = dm.load_seed()
    by_act = {act: seed.statements_where(act=act) for act in SpeechAct}
    assert sum(len(found) for found in by_act.values()) == len(seed.statements)
    for act, found in by_act.items():
        assert all(s.act is act for s in found)
    # The Wang Huning quote in quotation marks is a pledge; his call is a paraphrase.
    pledges = {s.id for s in by_act[SpeechAct.PLEDGE]}
    assert "wang-huning-cppcc-contributions" in pledges
    assert seed.get("wang-huning-in-depth-exchanges", dm.Statement).act is SpeechAct.CALL


def test_an_unknown_act_names_the_allowed_ones() -> None:
    with pytest.raises(dm.ValidationError) as caught:
        dm.load_seed().statements_where(act="asks")
    (problem,) = caught.value.problems
    assert problem.path == "act"
    assert problem.message == ("'asks' is not one of: " + ", ".join(act.value for act in SpeechAct))


def test_every_act_is_documented_with_an_example() -> None:
    tree = ast.parse(Path(statements_module.__file__).read_text(encoding="utf-8"))
    (speech_act,) = (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "SpeechAct")
    documented: dict[str, str] = {}
    body = speech_act.body
    for assignment, following in itertools.pairwise(body):
        if isinstance(assignment, ast.Assign) and isinstance(following, ast.Expr):
            (target,) = assignment.targets
            assert isinstance(target, ast.Name)
            assert isinstance(following.value, ast.Constant)
            documented[target.id] = str(following.value.value)
    assert set(documented) == {act.name for act in SpeechAct}
    for name, doc in documented.items():
        assert "``" in doc, name  # an example of the words
    assert len(SpeechAct) <= 10  # small enough to count by


def test_old_mode_question_says_what_to_write_instead(tmp_path: Path) -> None:
    seed_toml = dm.loader.seed_path()
    old = seed_toml.read_text(encoding="utf-8").replace(
        'mode = "direct-quote"\nact = "question"', 'mode = "question"'
    )
    assert old.count('mode = "question"') == 2
    (tmp_path / "seed.toml").write_text(old, encoding="utf-8")
    shutil.copyfile(seed_toml.with_suffix(".txt"), tmp_path / "000_25c877c6326c8c1d.txt")
    with pytest.raises(dm.CurationError) as caught:
        dm.load(tmp_path / "seed.toml")
    messages = {p.path: p.message for p in caught.value.problems}
    modes = [path for path in messages if path.endswith(".mode")]
    assert len(modes) == 2
    for path in modes:
        for mode in dm.StatementMode:
            assert repr(mode.value) in messages[path]
        assert messages[path.replace(".mode", ".act")] == "required key missing"
    # The same in JSON: the enum error lists the modes there are.
    data = json.loads(dm.to_json(dm.load_seed()))
    data["statements"][-3]["mode"] = "question"
    with pytest.raises(dm.ValidationError, match="'question' is not a valid StatementMode: one"):
        dm.from_json(json.dumps(data), dm.Dossier)


# -- partial quotes, addressees, and the article's own voice (wire report) -----

WIRE_STATEMENTS = """
[[statements]]
id = "delicate-moment"
speakers = ["wang-yi"]
addressees = ["takeshi-iwaya"]
mode = "partial-quote"
act = "claim"
quote = 'relations stood at "a delicate but hopeful moment."'
event = "talks"
evidence = ["Wang told Iwaya at the outset of the talks"]

[[statements]]
id = "steady-track"
speakers = ["wang-yi"]
mode = "partial-quote"
act = "call"
quote = 'ties should move "onto a steady track"'
evidence = ["He said"]

[[statements]]
id = "calm-in-region"
speakers = ["takeshi-iwaya"]
mode = "direct-quote"
act = "pledge"
quote = "Our two countries share a responsibility for calm in this region, and we mean to carry it together,"
evidence = ["Iwaya said"]

[[statements]]
id = "economic-dialogue"
speakers = ["wang-yi"]
mode = "paraphrase"
act = "proposal"
quote = "the high-level economic dialogue resume in early 2025"
evidence = ["Wang proposed that"]

[[statements]]
id = "first-visit-in-a-year"
speakers = []
mode = "assertion"
act = "claim"
quote = "The visit is the first by a Japanese foreign minister to China in more than a year."
evidence = ["The visit is the first"]
"""


def test_partial_quotes_addressees_and_the_articles_voice_load(tmp_path: Path) -> None:
    wire = dm.load(curate(tmp_path, WIRE, WIRE_STATEMENTS))
    track = wire.get("steady-track", dm.Statement)
    assert track.mode is dm.StatementMode.PARTIAL_QUOTE
    assert '"onto a steady track"' in track.content.quote  # quoted words inside reported speech
    told = wire.get("delicate-moment", dm.Statement)
    assert told.addressees == ("takeshi-iwaya",)
    assert wire.name_of(told.addressees[0]) == "Takeshi Iwaya"
    own = wire.get("first-visit-in-a-year", dm.Statement)
    assert own.speakers == ()
    assert own.in_article_voice
    assert own.voices == (ARTICLE_VOICE,)
    assert track.voices == track.speakers == ("wang-yi",)
    assert "Fixture Wire" not in own.content.quote  # the text never names the outlet
    assert {s.act for s in wire.statements} == {
        SpeechAct.CLAIM,
        SpeechAct.CALL,
        SpeechAct.PLEDGE,
        SpeechAct.PROPOSAL,
    }
    # A JSON round trip keeps every new field.
    assert dm.from_json(dm.to_json(wire), dm.Dossier) == wire


def test_only_an_assertion_may_name_no_speaker(tmp_path: Path) -> None:
    body = WIRE_STATEMENTS.replace(
        'speakers = ["wang-yi"]\nmode = "paraphrase"', 'speakers = []\nmode = "paraphrase"'
    )
    problems = rejected(tmp_path, WIRE, body)
    assert problems == {
        'statements[3] ("economic-dialogue").speakers': "must not be empty for mode 'paraphrase': only an "
        "assertion (the article's own voice) may name no speaker"
    }


@pytest.mark.parametrize(
    ("added", "path", "message"),
    [
        (
            'on_behalf_of = "wang-yi"',
            'statements[4] ("first-visit-in-a-year").on_behalf_of',
            "needs a speaker who speaks for 'wang-yi'; the article's own voice (no speakers) "
            "speaks for no one",
        ),
        (
            "speaker_inferred = true",
            'statements[4] ("first-visit-in-a-year").speaker_inferred',
            "must be false when no speaker is named: the article's own voice is not inferred",
        ),
    ],
)
def test_the_articles_voice_has_no_spokesperson_and_is_not_inferred(
    tmp_path: Path, added: str, path: str, message: str
) -> None:
    body = WIRE_STATEMENTS.replace("speakers = []\n", f"speakers = []\n{added}\n")
    assert rejected(tmp_path, WIRE, body) == {path: message}


def test_addressees_are_checked_references(tmp_path: Path) -> None:
    body = WIRE_STATEMENTS.replace(
        'addressees = ["takeshi-iwaya"]', 'addressees = ["iwaya", "talks", "wang-yi"]'
    )
    problems = rejected(tmp_path, WIRE, body)
    assert problems == {
        'statements[0] ("delicate-moment").addressees[0]': "unknown id 'iwaya' (person or institution or country)",
        'statements[0] ("delicate-moment").addressees[1]': "'talks' is an event, expected a person or institution "
        "or country",
        'statements[0] ("delicate-moment").addressees[2]': "'wang-yi' is also a speaker: a statement is not said "
        "to its own speaker",
    }


def test_the_listing_shows_act_addressees_and_the_articles_voice(tmp_path: Path) -> None:
    path = curate(tmp_path, WIRE, WIRE_STATEMENTS)
    out = io.StringIO()
    assert main(["statements", str(path)], out) == 0
    lines = out.getvalue().splitlines()
    assert "- Wang Yi, partial-quote, claim, to Takeshi Iwaya:" in lines
    assert "- Takeshi Iwaya, direct-quote, pledge:" in lines
    assert "- the article (Fixture Wire), assertion, claim:" in lines


def test_tables_carry_act_and_addressees(tmp_path: Path) -> None:
    wire = dm.load(curate(tmp_path, WIRE, WIRE_STATEMENTS))
    tables = dm.to_records(wire)
    rows = {row["id"]: row for row in tables["statements"]}
    for statement in wire.statements:
        row = rows[statement.id]
        assert (row["mode"], row["act"]) == (statement.mode.value, statement.act.value)
        assert row["speaker_inferred"] is statement.speaker_inferred
    assert tables["statement_addressees"] == [
        {"article": wire.article.id, "statement": s.id, "addressee": a}
        for s in wire.statements
        for a in s.addressees
    ]
    assert {r["statement"] for r in tables["statement_speakers"]} == {
        s.id for s in wire.statements if s.speakers
    }


# -- spokespeople, inferred speakers, reported events (briefing) -------------

BRIEFING_BODY = """
[[events]]
id = "people-to-people-dialogue"
name = "Dialogue on people-to-people and cultural exchanges"
kind = "meeting"
status = "took-place"
reported_by = "foreign-ministry-spokesperson"
evidence = ["After the talks, both ministers attended the dialogue, the spokesperson said"]

[[statements]]
id = "high-level-contacts"
speakers = ["foreign-ministry-spokesperson"]
on_behalf_of = "cn-foreign-ministry"
mode = "paraphrase"
act = "claim"
quote = "China and Japan will keep up high-level contacts into the new year"
evidence = ["a foreign ministry spokesperson said on Thursday"]

[[statements]]
id = "careless-remarks"
speakers = ["foreign-ministry-spokesperson"]
on_behalf_of = "cn-foreign-ministry"
mode = "partial-quote"
act = "criticism"
quote = 'what were called "careless remarks" made about Taiwan by some Japanese lawmakers'
evidence = ["The spokesperson also criticised"]

[[statements]]
id = "seafood-question"
speakers = ["japanese-broadcaster"]
mode = "direct-quote"
act = "question"
quote = "Will China lift its ban on Japanese seafood imports before the end of January?"
evidence = ["A reporter from a Japanese broadcaster asked:"]

[[statements]]
id = "no-deadline"
speakers = ["foreign-ministry-spokesperson"]
on_behalf_of = "cn-foreign-ministry"
mode = "paraphrase"
act = "denial"
quote = "any deadline had been set"
evidence = ["The spokesperson denied that"]

[[statements]]
id = "meet-japan-halfway"
# First person, no quotation marks: "the spokesperson" is the ministry's, by position.
speakers = ["foreign-ministry-spokesperson"]
on_behalf_of = "cn-foreign-ministry"
speaker_inferred = true
mode = "paraphrase"
act = "pledge"
quote = "We are ready to meet Japan halfway, as long as the science is sound"
evidence = [{ quote = "the spokesperson said", context = "is sound, the spokesperson said." }]

[[consensus_items]]
id = "stay-in-close-touch"
parties = ["wang-yi", "takeshi-iwaya"]
status = "agreed"
reported_by = "foreign-ministry-spokesperson"
quote = "stay in close touch"
evidence = ["the spokesperson said only that the two ministers had agreed"]
"""


def test_a_spokesperson_speaks_for_the_ministry(tmp_path: Path) -> None:
    briefing = dm.load(curate(tmp_path, BRIEFING, BRIEFING_BODY))
    for_ministry = [s for s in briefing.statements if s.on_behalf_of is not None]
    assert {s.act for s in for_ministry} == {
        SpeechAct.CLAIM,
        SpeechAct.CRITICISM,
        SpeechAct.DENIAL,
        SpeechAct.PLEDGE,
    }
    for statement in for_ministry:
        assert briefing.name_of(statement.on_behalf_of or "") == (
            "Ministry of Foreign Affairs of China"
        )
        # One voice for the body, not a joint statement of the two.
        assert statement.speakers == ("foreign-ministry-spokesperson",)
    assert dm.from_json(dm.to_json(briefing), dm.Dossier) == briefing


def test_a_speaker_inferred_from_context_is_marked(tmp_path: Path) -> None:
    briefing = dm.load(curate(tmp_path, BRIEFING, BRIEFING_BODY))
    inferred = [s for s in briefing.statements if s.speaker_inferred]
    assert [s.id for s in inferred] == ["meet-japan-halfway"]
    (halfway,) = inferred
    assert halfway.content.quote.startswith("We ")  # first person
    assert surrounding(briefing, halfway.content) == " ,"  # no quotation marks
    out = io.StringIO()
    assert main(["statements", str(curate(tmp_path, BRIEFING, BRIEFING_BODY))], out) == 0
    assert (
        "- Spokesperson of the Chinese foreign ministry for Ministry of Foreign Affairs of China,"
        " paraphrase, pledge (speaker inferred):" in out.getvalue().splitlines()
    )


def test_events_and_agreements_carry_who_reported_them(tmp_path: Path) -> None:
    briefing = dm.load(curate(tmp_path, BRIEFING, BRIEFING_BODY))
    dialogue = briefing.get("people-to-people-dialogue", dm.Event)
    touch = briefing.get("stay-in-close-touch", dm.ConsensusItem)
    for reported in (dialogue, touch):
        assert reported.reported_by == "foreign-ministry-spokesperson"
        # The words that name the source are among the object's own evidence.
        assert any("the spokesperson said" in e.quote for e in reported.evidence)
    # Not duplicated as a statement.
    assert not any("attended the dialogue" in s.content.quote for s in briefing.statements)
    tables = dm.to_records(briefing)
    assert [e["reported_by"] for e in tables["events"]] == ["foreign-ministry-spokesperson"]
    assert [c["reported_by"] for c in tables["consensus_items"]] == [
        "foreign-ministry-spokesperson"
    ]


def test_who_speaks_for_whom_is_checked(tmp_path: Path) -> None:
    body = (
        BRIEFING_BODY.replace(
            'reported_by = "foreign-ministry-spokesperson"\nevidence = ["After',
            'reported_by = "spokesperson"\nevidence = ["After',
        )
        .replace(
            'reported_by = "foreign-ministry-spokesperson"\nquote',
            'reported_by = "jp"\nquote',
        )
        .replace(
            'on_behalf_of = "cn-foreign-ministry"\nmode = "paraphrase"\nact = "claim"',
            'on_behalf_of = "wang-yi"\nmode = "paraphrase"\nact = "claim"',
        )
        .replace(
            'on_behalf_of = "cn-foreign-ministry"\nmode = "partial-quote"',
            'on_behalf_of = "foreign-ministry-spokesperson"\nmode = "partial-quote"',
        )
    )
    assert rejected(tmp_path, BRIEFING, body) == {
        'events[0] ("people-to-people-dialogue").reported_by': "unknown id 'spokesperson' (person or institution)",
        'consensus_items[0] ("stay-in-close-touch").reported_by': "'jp' is a country, expected a person or institution",
        'statements[0] ("high-level-contacts").on_behalf_of': "'wang-yi' is a person, expected an institution",
        'statements[1] ("careless-remarks").on_behalf_of': "'foreign-ministry-spokesperson' is also a speaker: a "
        "body that speaks for itself is a speaker, one that a spokesperson speaks for is "
        "on_behalf_of",
    }


def test_the_schema_takes_the_new_fields_and_refuses_a_speakerless_paraphrase(
    tmp_path: Path,
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(dm.json_schema())
    briefing = dm.load(curate(tmp_path, BRIEFING, BRIEFING_BODY))
    wire = dm.load(curate(tmp_path, WIRE, WIRE_STATEMENTS))
    for dossier in (dm.load_seed(), briefing, wire):
        validator.validate(dm.to_dict(dossier))
    data = dm.to_dict(wire)
    assert any(s["speakers"] == [] for s in data["statements"])  # an assertion may
    data["statements"][0]["speakers"] = []
    assert not validator.is_valid(data)
    own = next(s for s in data["statements"] if s["mode"] == "assertion")
    own["speaker_inferred"] = True
    assert not validator.is_valid({**data, "statements": [own]})
    own["speaker_inferred"] = False
    own["on_behalf_of"] = "wang-yi"
    assert not validator.is_valid({**data, "statements": [own]})
    with pytest.raises(
        dm.ValidationError, match=r"\$\.statements\[0\] \(\"delicate-moment\"\)\.speakers"
    ):
        dm.from_dict(data, dm.Dossier)
