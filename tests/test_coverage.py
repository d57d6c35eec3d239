"""Coverage: sentence splitting and the account of what a dossier cites."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import attrs
import pytest
from conftest import cite
from hypothesis import assume, given
from hypothesis import strategies as st
from test_dossier_checks import LINEAR, growth, lines_run

import diplomodel as dm
from diplomodel.coverage import ABBREVIATIONS, STRETCH_WORDS, TITLES, split_sentences
from diplomodel.walk import iter_evidence


def test_sentences_split_at_full_stops_questions_and_lines() -> None:
    text = 'Photo:X\nHe came. "Is it so?" she asked. Why? Because.\nA new line'
    assert [s.quote for s in split_sentences(text)] == [
        "Photo:X",
        "He came.",
        '"Is it so?" she asked.',
        "Why?",
        "Because.",
        "A new line",
    ]


@given(
    st.lists(
        st.sampled_from(
            ["Wang said so.", "Is it?", "\n", " ", "ok", '"Yes."', "Mr.", "U.S.", "F.", "The"]
        ),
        max_size=12,
    )
)
def test_sentences_are_exact_spans_in_order(parts: list[str]) -> None:
    text = "".join(parts)
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.quote
        assert sentence.quote == sentence.quote.strip()
    ends = [s.end for s in sentences]
    starts = [s.start for s in sentences]
    assert all(end <= start for end, start in zip(ends, starts[1:], strict=False))
    # Nothing but white space is left out.
    rest = list(text)
    for sentence in sentences:
        rest[sentence.start : sentence.end] = [" "] * len(sentence.quote)
    assert not "".join(rest).strip()


def test_the_tiny_dossier_is_covered_and_reports_who_cites_what(tiny: dm.Dossier) -> None:
    coverage = tiny.coverage()
    assert coverage.complete
    first = coverage.sentences[1]
    assert first.sentence.quote.startswith("Wang Yi met Takeshi Iwaya")
    assert {"wang-yi", "takeshi-iwaya", "talks", "xinhua"} <= set(first.cited_by)
    assert coverage.sentences[0].status is dm.SentenceStatus.ARTIFACT


def test_an_uncited_sentence_is_unaccounted_until_explained(tiny: dm.Dossier) -> None:
    wang = attrs.evolve(tiny.people[0], evidence=tiny.people[0].evidence[:1])
    without_statement = attrs.evolve(tiny, statements=(), people=(wang, tiny.people[1]))
    coverage = without_statement.coverage()
    assert not coverage.complete
    assert [s.sentence.quote for s in coverage.unaccounted] == ['"We are neighbors," Wang said.']
    assert coverage.cited_share < 1
    explained = attrs.evolve(
        without_statement,
        uncited=(
            dm.UncitedPassage(reason="a courtesy", evidence=cite('"We are neighbors," Wang said.')),
        ),
    )
    assert explained.coverage().complete
    statuses = [s.status for s in explained.coverage().sentences]
    assert dm.SentenceStatus.UNCITED in statuses


def _coverage_by_definition(dossier: dm.Dossier) -> list[tuple[dm.SentenceStatus, tuple[str, ...]]]:
    """Each sentence against each span, as the coverage is defined."""
    facts = [site for site in iter_evidence(dossier) if site.subjects]
    result = []
    for sentence in split_sentences(dossier.article.text):
        owners = tuple(dict.fromkeys(s.owner for s in facts if s.evidence.overlaps(sentence)))
        if owners:
            status = dm.SentenceStatus.CITED
        elif any(a.evidence.overlaps(sentence) for a in dossier.article.artifacts):
            status = dm.SentenceStatus.ARTIFACT
        elif any(u.evidence.overlaps(sentence) for u in dossier.uncited):
            status = dm.SentenceStatus.UNCITED
        else:
            status = dm.SentenceStatus.UNACCOUNTED
        result.append((status, owners))
    return result


def test_coverage_agrees_with_its_definition(tiny: dm.Dossier) -> None:
    seed = dm.load_seed()
    wang = attrs.evolve(tiny.people[0], evidence=tiny.people[0].evidence[:1])
    partly = attrs.evolve(
        tiny,
        statements=(),
        people=(wang, tiny.people[1]),
        uncited=(dm.UncitedPassage(reason="a courtesy", evidence=cite("We are neighbors")),),
    )
    for dossier in (seed, tiny, partly):
        found = [(s.status, s.cited_by) for s in dossier.coverage().sentences]
        assert found == _coverage_by_definition(dossier)


# -- abbreviations and initials ----------------------------------------------------------

ARTICLES = Path(__file__).parent / "fixtures" / "articles"

# Fragments of the fixture articles that hold an abbreviation inside a sentence.
INSIDE_A_SENTENCE = {
    "weekly-review.txt": [
        "led by Mr. Haruki Sato, chairman",
        "Mr. Kenta Morioka took office",
        "Mrs. Yumiko Hayase, who runs",
        "Dr. Aya Kuroda, who teaches",
        "at St. Hilda's College",
        "its U.S. alliance against trade",
        "a U.K. consultancy",
        "as the No. 1 irritant",
    ],
    "briefing.txt": ["the spokesperson said H.E. Wang Yi and H.E. Takeshi Iwaya had held"],
    "contradicting.txt": ["TOKYO, Dec. 27 --", "on Monday, Dec. 23, in", "Mrs. Keiko Nishida, a"],
    "wire-report.txt": [
        "BEIJING, Dec. 25 (Fixture",
        "visit, Dec. 24-26.",
        "Beijing, Dec. 25, 2024.",
    ],
}


def _sentence_around(text: str, fragment: str) -> str:
    """The one sentence of ``text`` that holds all of ``fragment``."""
    start = text.index(fragment)
    (found,) = [
        s.quote
        for s in split_sentences(text)
        if s.start <= start and start + len(fragment) <= s.end
    ]
    return found


@pytest.mark.parametrize("name", sorted(INSIDE_A_SENTENCE))
def test_abbreviations_in_the_fixture_articles_do_not_end_sentences(name: str) -> None:
    text = (ARTICLES / name).read_text("utf-8")
    for fragment in INSIDE_A_SENTENCE[name]:
        _sentence_around(text, fragment)
    for sentence in split_sentences(text):
        last_word = sentence.quote.rsplit(maxsplit=1)[-1]
        assert last_word.rstrip(".") not in TITLES | ABBREVIATIONS, sentence.quote
        assert not re.fullmatch(r"(?:[A-Z]\.)+", last_word), sentence.quote


def test_a_title_sentence_runs_from_the_title_to_its_own_full_stop() -> None:
    text = (ARTICLES / "weekly-review.txt").read_text("utf-8")
    start = text.index("Dr. Aya Kuroda")
    end = text.index(" Japan must still weigh")
    assert _sentence_around(text, "Dr. Aya") == text[start:end]
    start = text.index("Mrs. Yumiko Hayase")
    end = text.index("\n", start)
    assert _sentence_around(text, "Mrs. Yumiko") == text[start:end]


def test_a_dotted_abbreviation_ends_a_sentence_only_before_a_sentence_opener() -> None:
    text = (ARTICLES / "contradicting.txt").read_text("utf-8")
    # In the article "the U.S." runs on ("and said"); the same words before "The" end it.
    inside = _sentence_around(text, "its security ties with the U.S.")
    assert inside.endswith('threatening anyone."')
    ended = text.replace("the U.S. and said", "the U.S. The talks went on and he said")
    assert _sentence_around(ended, "its security ties with the U.S.").endswith("the U.S.")
    assert _sentence_around(ended, "The talks went on").startswith("The talks went on")
    both_sides = [
        ("Wang urged restraint on the U.K. It said the talks were useful.", 2),
        ("He met U.S. Secretary of State Antony Blinken in Lima.", 1),
        ("The talks were moved to St. Petersburg on Dec. 25 and Jan. 14.", 1),
        ("They met in late Dec. The talks went well.", 2),
        ("John F. Kennedy and H. Nakamura signed it.", 1),
        ("Talks on J. A. Smith's plan went on.", 1),
        ("They chose Plan B. The talks went on.", 2),
        ('"We are ready," he told Mr. Wang. "So are we."', 2),
    ]
    for sample, count in both_sides:
        assert len(split_sentences(sample)) == count, sample


def test_questions_and_quotations_after_an_abbreviation_still_end_sentences() -> None:
    assert len(split_sentences("He asked about the U.S.? The talks went on.")) == 2
    assert len(split_sentences('She said "it was the U.S." Wang did not answer.')) == 2


@pytest.mark.parametrize(
    "line",
    [
        "Mr. Wang met the U.S. envoy on Dec. 25 at St. Hilda's, No. 1 in Kobe. ",
        "U.S. ",
        "F. ",
        "Mr. ",
        "Xy" * 25 + ". ",
    ],
)
def test_splitting_is_linear_in_the_text(line: str) -> None:
    def lines(copies: int) -> int:
        text = (line * copies * 50).strip()
        return lines_run(lambda: split_sentences(text), "split_sentences")

    assert growth(lines, 2) < LINEAR


# -- uncited stretches -------------------------------------------------------------------

WIRE = (ARTICLES / "wire-report.txt").read_text("utf-8")
TRAILING_CLAUSE = "amid lingering disputes over seafood imports"
# The wire report's first sentence up to the clause a curator might drop.
HEAD = WIRE.splitlines()[1][: WIRE.splitlines()[1].index(" " + TRAILING_CLAUSE)]


def _span(text: str, quote: str) -> dm.Evidence:
    """``quote``'s first place in ``text`` past its first line (the wire's service prefix)."""
    start = text.index(quote, text.index("\n"))
    return dm.Evidence(quote=quote, start=start, end=start + len(quote))


def _wire_dossier(*quotes: str, uncited: tuple[str, ...] = ()) -> dm.Dossier:
    """The wire report with one country cited by ``quotes`` and ``uncited`` set aside."""
    return dm.Dossier(
        article=dm.Article(
            id="wire",
            publisher="Fixture Wire",
            published=dt.date(2024, 12, 25),
            text=WIRE,
        ),
        countries=(
            dm.Country(
                id="cn",
                name="China",
                alpha2="CN",
                alpha3="CHN",
                evidence=tuple(_span(WIRE, quote) for quote in quotes),
            ),
        ),
        uncited=tuple(
            dm.UncitedPassage(reason="not a fact", evidence=_span(WIRE, quote)) for quote in uncited
        ),
    )


def test_a_dropped_trailing_clause_is_an_uncited_stretch() -> None:
    coverage = _wire_dossier(HEAD).coverage()
    sentence = next(s for s in coverage.sentences if s.status is dm.SentenceStatus.CITED)
    assert HEAD in sentence.sentence.quote
    assert sentence.uncited_stretches == (_span(WIRE, TRAILING_CLAUSE),)
    assert coverage.uncited_stretches == sentence.uncited_stretches
    # Once the clause is cited, nothing is left.
    assert _wire_dossier(HEAD, TRAILING_CLAUSE).coverage().uncited_stretches == ()


def test_uncited_passages_and_artifacts_cover_words() -> None:
    set_aside = _wire_dossier(HEAD, uncited=(TRAILING_CLAUSE,)).coverage()
    assert set_aside.uncited_stretches == ()
    dossier = _wire_dossier(HEAD)
    artifact = dm.Artifact(
        kind=dm.ArtifactKind.OTHER, reason="a test", evidence=_span(WIRE, TRAILING_CLAUSE)
    )
    article = attrs.evolve(dossier.article, artifacts=(artifact,))
    assert attrs.evolve(dossier, article=article).coverage().uncited_stretches == ()


def test_four_uncited_words_make_a_stretch_and_three_do_not() -> None:
    four_left = _wire_dossier(HEAD, "amid lingering").coverage()
    assert four_left.uncited_stretches == (_span(WIRE, "disputes over seafood imports"),)
    three_left = _wire_dossier(HEAD, "amid lingering disputes").coverage()
    assert three_left.uncited_stretches == ()


def test_punctuation_between_cited_words_makes_no_stretch() -> None:
    sentence = WIRE.splitlines()[1]
    # Every word cited, piece by piece between the commas, dashes and brackets.
    pieces = [p.strip() for p in re.split(r"[,()]|--", sentence.rstrip(".")) if p.strip()]
    coverage = _wire_dossier(*pieces).coverage()
    assert coverage.sentences[1].sentence.quote == sentence
    assert coverage.uncited_stretches == ()
    # Leave out one long piece and it shows.
    longest = max(pieces, key=len)
    partial = _wire_dossier(*(p for p in pieces if p != longest)).coverage()
    assert partial.uncited_stretches == (_span(WIRE, longest),)


def test_only_cited_sentences_have_stretches() -> None:
    coverage = _wire_dossier(HEAD).coverage()
    for sentence in coverage.sentences:
        if sentence.status is not dm.SentenceStatus.CITED:
            assert sentence.uncited_stretches == ()
    assert len(coverage.unaccounted) == len(coverage.sentences) - 1


def _stretches_by_definition(dossier: dm.Dossier) -> list[tuple[dm.Evidence, ...]]:
    """Each word of each cited sentence against every span, as stretches are defined."""
    text = dossier.article.text
    spans = [site.evidence for site in iter_evidence(dossier)]
    result = []
    for sentence, (status, _) in zip(
        split_sentences(text), _coverage_by_definition(dossier), strict=True
    ):
        if status is not dm.SentenceStatus.CITED:
            result.append(())
            continue
        runs: list[list[re.Match[str]]] = [[]]
        for word in re.finditer(r"\w+(?:[-'\u2019]\w+)*", sentence.quote):
            start, end = sentence.start + word.start(), sentence.start + word.end()
            if any(span.start < end and start < span.end for span in spans):
                runs.append([])
            else:
                runs[-1].append(word)
        result.append(
            tuple(
                _span_at(text, sentence.start + run[0].start(), sentence.start + run[-1].end())
                for run in runs
                if len(run) >= STRETCH_WORDS
            )
        )
    return result


def _span_at(text: str, start: int, end: int) -> dm.Evidence:
    return dm.Evidence(quote=text[start:end], start=start, end=end)


def test_stretches_agree_with_their_definition(tiny: dm.Dossier) -> None:
    seed = dm.load_seed()
    without_statement = attrs.evolve(tiny, statements=())
    wire = _wire_dossier(
        "Chinese Foreign Minister",
        "Wang Yi",
        "Takeshi Iwaya",
        "in Beijing on Wednesday",
        "Wang told Iwaya",
        "Tokyo",
        "He pledged",
        "2019",
        "seafood imports",
    )
    for dossier in (seed, tiny, without_statement, wire):
        found = [s.uncited_stretches for s in dossier.coverage().sentences]
        assert found == _stretches_by_definition(dossier)
    assert any(wire.coverage().uncited_stretches)


@given(
    st.lists(st.tuples(st.integers(0, len(WIRE) - 1), st.integers(1, 120)), min_size=1, max_size=30)
)
def test_stretches_agree_with_their_definition_for_any_spans(
    places: list[tuple[int, int]],
) -> None:
    ends = [(start, min(start + length, len(WIRE))) for start, length in places]
    # A quote of white space alone is not evidence.
    spans = tuple(_span_at(WIRE, start, end) for start, end in ends if WIRE[start:end].strip())
    assume(spans)
    dossier = attrs.evolve(
        _wire_dossier(HEAD),
        countries=(dm.Country(id="cn", name="China", alpha2="CN", alpha3="CHN", evidence=spans),),
    )
    found = [s.uncited_stretches for s in dossier.coverage().sentences]
    assert found == _stretches_by_definition(dossier)


def test_the_seeds_stretches_are_inside_its_cited_sentences() -> None:
    coverage = dm.load_seed().coverage()
    text = dm.load_seed().article.text
    assert coverage.uncited_stretches
    for sentence in coverage.sentences:
        for stretch in sentence.uncited_stretches:
            assert sentence.status is dm.SentenceStatus.CITED
            assert sentence.sentence.start <= stretch.start < stretch.end <= sentence.sentence.end
            assert text[stretch.start : stretch.end] == stretch.quote


def test_reprs_count_the_stretches_and_stay_short() -> None:
    coverage = _wire_dossier(HEAD).coverage()
    text = repr(coverage)
    assert len(text) < 120
    assert f"stretches={len(coverage.uncited_stretches)}" in text
    sentence = next(s for s in coverage.sentences if s.uncited_stretches)
    line = repr(sentence)
    assert len(line) < 120
    assert f"stretches={len(sentence.uncited_stretches)}" in line
