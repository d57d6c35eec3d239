"""Coverage: sentence splitting and the account of what a dossier cites."""

from __future__ import annotations

import attrs
from conftest import cite
from hypothesis import given
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel.coverage import split_sentences
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
    st.lists(st.sampled_from(["Wang said so.", "Is it?", "\n", " ", "ok", '"Yes."']), max_size=12)
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
