"""The whole-dossier checks: their cost, cycles after duplicate ids, partial input, short reprs.

Cost is measured without clocks: by the lines of diplomodel code a check runs,
or by the characters of the text it scans, at two sizes four times apart.
Linear work grows about 4x, quadratic work about 16x.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import attrs
import pytest
from conftest import cite, module_from_path
from hypothesis import given
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel.dossier import _ArtifactSpans, _occurring, check_dossier
from diplomodel.errors import path_with_id
from diplomodel.walk import SECTIONS, iter_evidence, references_of

BENCHMARK = Path(__file__).parent.parent / "benchmarks" / "scaling.py"
PACKAGE = str(Path(dm.__file__).parent)
LINEAR = 6  # growth per 4x of size below which work counts as linear
PUBLISHED = dt.date(2025, 1, 14)  # the tiny article's date


def _load_scaling() -> ModuleType:
    return module_from_path("scaling", BENCHMARK)


scaling = _load_scaling()


@pytest.fixture(scope="module")
def seed() -> dm.Dossier:
    return dm.load_seed()


def lines_run(work: Callable[[], object], *functions: str) -> int:
    """How many lines of diplomodel code run inside the named functions (and what they
    call) while ``work`` runs: a measure of cost that does not depend on the machine."""
    count = 0

    def count_lines(frame: FrameType, event: str, _arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return count_lines

    def on_call(frame: FrameType, _event: str, _arg: Any) -> Any:
        if not frame.f_code.co_filename.startswith(PACKAGE):
            return None
        caller: FrameType | None = frame
        while caller is not None:
            code = caller.f_code
            if code.co_name in functions and code.co_filename.startswith(PACKAGE):
                return count_lines
            caller = caller.f_back
        return None

    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        work()
    finally:
        sys.settrace(previous)
    assert count, f"none of {functions} ran"
    return count


def growth(measure: Callable[[int], int], small: int) -> float:
    """How many times ``measure`` grows from size ``small`` to four times that."""
    return measure(4 * small) / measure(small)


def sections_of(dossier: dm.Dossier) -> dict[str, tuple[tuple[int, Any], ...]]:
    return {name: tuple(enumerate(getattr(dossier, name))) for name in SECTIONS}


def institution(id: str, parent: str | None) -> dm.Institution:
    return dm.Institution(
        id=id,
        name=id.upper(),
        kind=dm.InstitutionKind.PARTY,
        parent=parent,
        evidence=(cite("Wang"),),
    )


def event(id: str, part_of: str | None, dated: bool = False) -> dm.Event:
    return dm.Event(
        id=id,
        name=id,
        kind=dm.EventKind.MEETING,
        status=dm.EventStatus.TOOK_PLACE,
        date=dm.resolve_date("on Tuesday", PUBLISHED) if dated else None,
        part_of=part_of,
        evidence=(cite("Wang Yi met Takeshi Iwaya"),),
    )


def problems_of(build: Callable[[], object]) -> tuple[dm.Problem, ...]:
    with pytest.raises(dm.ValidationError) as caught:
        build()
    return caught.value.problems


def cycle_paths(problems: Sequence[dm.Problem]) -> list[str]:
    return [p.path for p in problems if "cycle" in p.message]


# -- cost: linear in the input ---------------------------------------------------------


def test_evidence_against_artifacts_is_linear(seed: dm.Dossier) -> None:
    # Every copy of the seed adds its artifacts and its evidence.
    def lines(copies: int) -> int:
        data = scaling.replicated_data(seed, copies)
        return lines_run(lambda: dm.from_dict(data, dm.Dossier), "_check_evidence")

    assert growth(lines, 2) < LINEAR


def test_cycle_walks_are_linear_in_the_chain(tiny: dm.Dossier) -> None:
    def lines(size: int) -> int:
        chain = [institution("i-0", None)]
        chain += [institution(f"i-{k}", f"i-{k - 1}") for k in range(1, size)]
        events = [event("e-0", None, dated=True)]
        events += [event(f"e-{k}", f"e-{k - 1}") for k in range(1, size)]
        return lines_run(
            lambda: attrs.evolve(
                tiny, institutions=(*tiny.institutions, *chain), events=(*tiny.events, *events)
            ),
            "_check_cycles",
        )

    assert growth(lines, 50) < LINEAR


def test_first_timeline_walks_each_part_of_chain_once(tiny: dm.Dossier) -> None:
    def lines(size: int) -> int:
        events = [event("e-0", None, dated=True)]
        events += [event(f"e-{k}", f"e-{k - 1}") for k in range(1, size)]
        dossier = attrs.evolve(tiny, events=(*tiny.events, *events))
        return lines_run(dossier.timeline, "_timeline_entry")

    assert growth(lines, 50) < LINEAR


class ScanCountingText(str):
    """Article text that counts the characters its whole-text scans go over."""

    scanned = 0

    def _scan(self) -> None:
        ScanCountingText.scanned += len(self)

    def __contains__(self, part: object) -> bool:
        self._scan()
        return super().__contains__(part)  # type: ignore[operator]

    def find(self, *args: Any) -> int:
        self._scan()
        return super().find(*args)

    def index(self, *args: Any) -> int:
        self._scan()
        return super().index(*args)

    def count(self, *args: Any) -> int:
        self._scan()
        return super().count(*args)

    def __iter__(self) -> Iterator[str]:
        self._scan()
        return super().__iter__()


def test_alias_check_scans_the_text_a_bounded_number_of_times(seed: dm.Dossier) -> None:
    # Every copy of the seed adds its people's aliases and its text.
    def scanned(copies: int) -> int:
        dossier = scaling.replicated_dossier(seed, copies)
        text = ScanCountingText(dossier.article.text)
        article = attrs.evolve(dossier.article, text=text)
        ScanCountingText.scanned = 0
        attrs.evolve(dossier, article=article)
        return ScanCountingText.scanned

    assert growth(scanned, 2) < LINEAR


def test_coverage_is_linear(seed: dm.Dossier) -> None:
    def lines(copies: int) -> int:
        dossier = scaling.replicated_dossier(seed, copies)
        return lines_run(dossier.coverage, "of")

    assert growth(lines, 2) < LINEAR


# -- linear, and still right -----------------------------------------------------------


spans = st.tuples(st.integers(0, 40), st.integers(1, 8)).map(
    lambda pair: dm.Evidence(quote="x" * pair[1], start=pair[0], end=pair[0] + pair[1])
)


@given(st.lists(spans, max_size=12), spans)
def test_artifact_lookup_finds_an_overlap_exactly_when_there_is_one(
    artifacts: list[dm.Evidence], span: dm.Evidence
) -> None:
    found = _ArtifactSpans(artifacts).overlapping(span)
    if any(span.overlaps(artifact) for artifact in artifacts):
        assert found is not None
        assert span.overlaps(artifacts[found])
    else:
        assert found is None


@given(
    st.text(alphabet="abc ", max_size=40),
    st.lists(st.text(alphabet="abc ", min_size=1, max_size=5), max_size=40),
)
def test_words_found_in_one_pass_are_the_words_in_the_text(text: str, words: list[str]) -> None:
    """Both ways of finding them: one scan per word for a few, the automaton for more."""
    assert _occurring(text, words) == {word for word in words if word in text}


def test_a_fact_inside_an_artifact_names_the_artifact(seed: dm.Dossier) -> None:
    second = seed.article.artifacts[1].evidence
    inside = dm.Evidence(quote=second.quote[1:], start=second.start + 1, end=second.end)
    person = seed.people[0]
    moved = attrs.evolve(person, evidence=(*person.evidence, inside))
    problems = problems_of(lambda: attrs.evolve(seed, people=(moved, *seed.people[1:])))
    assert [(p.path, p.message) for p in problems] == [
        (
            f'$.people[0] ("wang-huning").evidence[{len(person.evidence)}]',
            f"quote {inside.quote!r} overlaps a text artifact ($.article.artifacts[1])",
        )
    ]


def test_aliases_are_found_anywhere_in_the_text_and_only_there(tiny: dm.Dossier) -> None:
    wang = attrs.evolve(tiny.people[0], aliases=("Wang", "Yi met", "ang Y", "Yi Wang", "Wang Yi"))
    problems = problems_of(lambda: attrs.evolve(tiny, people=(wang, tiny.people[1])))
    assert [(p.path, p.message) for p in problems] == [
        ('$.people[0] ("wang-yi").aliases[3]', "alias 'Yi Wang' does not occur in the text")
    ]


def test_the_timeline_places_each_event_by_the_nearest_date_up_its_chain(
    seed: dm.Dossier,
) -> None:
    dossier = scaling.replicated_dossier(seed, 3)
    events = {e.id: e for e in dossier.events}

    def placed_by(e: dm.Event) -> str | None:
        current: dm.Event | None = e
        while current is not None:
            if current.date is not None:
                return current.id
            current = events.get(current.part_of or "")
        return None

    entries = dossier.timeline()
    assert len(entries) == len(dossier.events)
    assert any(entry.date_from not in (None, entry.event.id) for entry in entries)
    for entry in entries:
        assert entry.date_from == placed_by(entry.event)
        expected = events[entry.date_from].date if entry.date_from else None
        assert entry.date == expected


# -- cycles after duplicate ids --------------------------------------------------------


def test_a_cycle_after_a_duplicate_is_reported_at_its_members_own_indices(
    tiny: dm.Dossier,
) -> None:
    twins = (institution("x", None), institution("x", None))
    cycle = (institution("a", "b"), institution("b", "a"))
    problems = problems_of(
        lambda: attrs.evolve(tiny, institutions=(*tiny.institutions, *twins, *cycle))
    )
    assert [p.path for p in problems] == [
        '$.institutions[2] ("x").id',
        '$.institutions[3] ("a").parent',
        '$.institutions[4] ("b").parent',
    ]
    assert problems[1].message == (
        "'a' is part of a cycle of 2 institutions: its parent 'b' leads back to it"
    )


def test_a_duplicate_makes_no_spurious_cycle(tiny: dm.Dossier) -> None:
    # An id names its first object: b's parent is the first a, which has none.
    members = (institution("a", None), institution("b", "a"), institution("a", "b"))
    problems = problems_of(lambda: attrs.evolve(tiny, institutions=(*tiny.institutions, *members)))
    assert [p.path for p in problems] == ['$.institutions[3] ("a").id']


def test_a_twin_of_a_cycle_member_is_not_in_the_cycle(tiny: dm.Dossier) -> None:
    events = (event("a", "b", dated=True), event("b", "a"), event("a", "b"))
    problems = problems_of(lambda: attrs.evolve(tiny, events=(*tiny.events, *events)))
    assert cycle_paths(problems) == ['$.events[2] ("a").part_of', '$.events[3] ("b").part_of']
    assert [p.path for p in problems if "duplicate" in p.message] == ['$.events[4] ("a").id']


def test_objects_leading_into_a_cycle_are_not_reported(tiny: dm.Dossier) -> None:
    leading = (institution("c", "a"), institution("d", "c"), institution("e", "a"))
    cycle = (institution("a", "b"), institution("b", "a"))
    problems = problems_of(
        lambda: attrs.evolve(tiny, institutions=(*tiny.institutions, *leading, *cycle))
    )
    assert [p.path for p in problems] == [
        '$.institutions[4] ("a").parent',
        '$.institutions[5] ("b").parent',
    ]


def test_each_member_of_a_long_cycle_is_reported_once_briefly(tiny: dm.Dossier) -> None:
    size = 300
    ring = [event(f"e-{k}", f"e-{(k + 1) % size}") for k in range(size)]
    problems = problems_of(lambda: attrs.evolve(tiny, events=(*ring, *tiny.events)))
    assert cycle_paths(problems) == [f'$.events[{k}] ("e-{k}").part_of' for k in range(size)]
    assert all(f"cycle of {size} events" in p.message for p in problems)
    assert max(len(p.message) for p in problems) < 100


def test_an_object_that_is_its_own_parent_is_a_cycle_of_one(tiny: dm.Dossier) -> None:
    problems = problems_of(
        lambda: attrs.evolve(tiny, institutions=(*tiny.institutions, institution("a", "a")))
    )
    assert [(p.path, p.message) for p in problems] == [
        (
            '$.institutions[1] ("a").parent',
            "'a' is part of a cycle of one institution: its parent is itself",
        )
    ]


# -- check_dossier on partial input ----------------------------------------------------


def test_check_dossier_passes_the_seed_and_is_what_the_dossier_runs(seed: dm.Dossier) -> None:
    assert check_dossier(seed.article, sections_of(seed)) == []
    mixed = attrs.evolve(seed.people[0], country="nowhere", aliases=("Nobody",))
    people = (mixed, *seed.people[1:])
    problems = problems_of(lambda: attrs.evolve(seed, people=people))
    broken = {**sections_of(seed), "people": tuple(enumerate(people))}
    assert list(problems) == check_dossier(seed.article, broken)
    assert [p.path for p in problems] == [
        '$.people[0] ("wang-huning").country',
        '$.people[0] ("wang-huning").aliases[0]',
    ]


def test_a_dropped_item_leaves_the_others_at_their_input_indices(seed: dm.Dossier) -> None:
    sections = sections_of(seed)
    dropped_index, dropped = sections["events"][0]
    kept_events = tuple(pair for pair in sections["events"] if pair[0] != dropped_index)
    last_index, last = kept_events[-1]
    bad = dm.Evidence(quote="nowhere", start=0, end=7)
    kept_events = (*kept_events[:-1], (last_index, attrs.evolve(last, evidence=(bad,))))
    partial = {**sections, "events": kept_events}
    ids = {(name, index): obj.id for name, pairs in partial.items() for index, obj in pairs}
    cited = {
        path_with_id(reference.path, lambda *at: ids.get(at))
        for name, pairs in partial.items()
        for index, obj in pairs
        for reference in references_of(name, index, obj)
        if reference.target == dropped.id
    }
    assert cited  # the seed's trip holds meetings and the mechanism's ninth meeting

    unknown = check_dossier(seed.article, partial)
    last_path = f'$.events[{last_index}] ("{last.id}").evidence[0]'
    assert {p.path for p in unknown} == {*cited, last_path}
    assert all(f"unknown id {dropped.id!r}" in p.message for p in unknown if p.path in cited)

    known = check_dossier(seed.article, partial, {dropped.id: "events"})
    assert [p.path for p in known] == [last_path]


def test_a_reference_to_an_unreadable_object_of_the_wrong_kind_is_reported(
    tiny: dm.Dossier,
) -> None:
    sections = sections_of(tiny)
    without_wang = {**sections, "people": sections["people"][1:]}
    problems = check_dossier(tiny.article, without_wang, {"wang-yi": "countries"})
    assert '$.statements[0] ("neighbors").speakers[0]' in {p.path for p in problems}
    assert all(
        p.message == "'wang-yi' is a country, expected a person or institution" for p in problems
    )


def test_a_reference_to_an_absent_id_is_reported_even_with_unreadable_objects(
    tiny: dm.Dossier,
) -> None:
    statement = attrs.evolve(tiny.statements[0], channel="nobody")
    sections = {**sections_of(tiny), "statements": ((0, statement),)}
    problems = check_dossier(tiny.article, sections, {"somebody": "institutions"})
    assert [(p.path, p.message) for p in problems] == [
        ('$.statements[0] ("neighbors").channel', "unknown id 'nobody' (institution)")
    ]


def test_with_no_article_the_text_checks_are_skipped(tiny: dm.Dossier) -> None:
    wang = attrs.evolve(
        tiny.people[0],
        aliases=("Nobody",),
        evidence=(dm.Evidence(quote="elsewhere", start=0, end=9),),
    )
    sections = {**sections_of(tiny), "people": ((0, wang), (1, tiny.people[1]))}
    assert check_dossier(None, sections) == []
    assert {p.path for p in check_dossier(tiny.article, sections)} == {
        '$.people[0] ("wang-yi").evidence[0]',
        '$.people[0] ("wang-yi").aliases[0]',
    }
    assert [p.path for p in check_dossier(None, {"countries": ((4, tiny.countries[0]),) * 2})] == [
        '$.countries[4] ("cn").id'
    ]


def test_check_dossier_refuses_a_section_it_does_not_know(tiny: dm.Dossier) -> None:
    with pytest.raises(ValueError, match="unknown dossier section"):
        check_dossier(tiny.article, {"persons": ()})


# -- short reprs -----------------------------------------------------------------------


def test_a_dossier_repr_is_its_article_and_counts(seed: dm.Dossier) -> None:
    text = repr(seed)
    assert len(text) < 200
    assert "\n" not in text
    assert repr(seed.article.id) in text
    for name in SECTIONS:
        assert f"{name}={len(getattr(seed, name))}" in text


def test_coverage_reprs_are_counts_and_a_short_start(seed: dm.Dossier) -> None:
    coverage = seed.coverage()
    text = repr(coverage)
    assert len(text) < 120
    assert f"sentences={len(coverage.sentences)}" in text
    unaccounted = len(coverage.unaccounted)
    assert f"unaccounted={unaccounted}" in text
    longest = max(coverage.sentences, key=lambda s: len(s.sentence.quote))
    assert len(longest.sentence.quote) > 200
    line = repr(longest)
    assert len(line) < 120
    assert f"{longest.sentence.start}..{longest.sentence.end}" in line
    assert longest.sentence.quote[:30] in line
    assert longest.status.value in line
    assert f"cited_by={len(longest.cited_by)}" in line


def test_an_evidence_site_repr_is_short(seed: dm.Dossier) -> None:
    sites = list(iter_evidence(seed))
    longest = max(sites, key=lambda site: len(site.evidence.quote))
    assert len(longest.evidence.quote) > 100
    text = repr(longest)
    assert len(text) < 160
    assert longest.path in text
    assert f"{longest.evidence.start}..{longest.evidence.end}" in text


# -- the scaling benchmark -------------------------------------------------------------


def test_the_scaling_benchmark_runs_and_prints_every_step() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), "--quick"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for name, _scale, _make in scaling.STEPS:
        row = next(line for line in lines if line.startswith(name))
        assert row.split()[-1] in {"linear", "SUPERLINEAR"}


def test_the_scaled_curation_loads_as_the_scaled_seed(seed: dm.Dossier, tmp_path: Path) -> None:
    (tmp_path / "all").mkdir()
    (tmp_path / "absent").mkdir()
    loaded = dm.load(scaling.write_replicated_curation(seed, 3, tmp_path / "all"))
    assert loaded.article.text == "\n".join([seed.article.text] * 3)
    for name in SECTIONS:
        assert len(getattr(loaded, name)) == 3 * len(getattr(seed, name))
    assert [p.evidence for p in loaded.people[: len(seed.people)]] == [
        p.evidence for p in seed.people
    ]
    with pytest.raises(dm.CurationError) as caught:
        dm.load(scaling.write_replicated_curation(seed, 3, tmp_path / "absent", absent=True))
    assert len(caught.value.problems) == 3
    assert all("is not in the text" in p.message for p in caught.value.problems)
