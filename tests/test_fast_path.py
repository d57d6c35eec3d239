"""The fast path of ``from_json`` (msgspec) against the reference reader (cattrs).

Both must accept the same texts, build equal objects (written back byte for
byte alike) and refuse the same texts with the same messages. The reference
reader is run alone by leaving it no class to read fast.
"""

from __future__ import annotations

import copy
import gc
import json
import random
import re
import sys
import typing
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import json_cases, mutate_document, mutate_json_text
from strategies import dossiers

import diplomodel as dm
from diplomodel import serialize
from diplomodel.dossier import check_dossier
from diplomodel.identifiers import field_rules
from diplomodel.walk import SECTIONS, evidence_of, references_of, spans_of, targets_of

pytest.importorskip("msgspec")

from diplomodel.fastjson import NOT_FAST, fast_reader

SEED = dm.load_seed()
DOCUMENT, SLOTS, _TEXT = json_cases(SEED)
DIFFERENTIAL = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@contextmanager
def reference_only() -> Iterator[None]:
    with mock.patch.object(serialize, "_fast_classes", return_value=()):
        yield


def outcome(text: str | bytes, cls: type[Any]) -> tuple[str, Any, Any]:
    """What ``from_json`` makes of ``text``: the object and its JSON, or the error."""
    try:
        read = dm.from_json(text, cls)
    except dm.ValidationError as error:
        return ("refused", str(error), error.problems)
    return ("read", dm.to_json(read, indent=None), read)


def fast_outcome(text: str | bytes, cls: type[Any]) -> Any:
    """What the fast reader alone makes of ``text``: an object, or NOT_FAST."""
    reader = fast_reader(cls)
    assert reader is not None
    try:
        return reader(text)
    except (dm.DiplomodelError, ValueError, TypeError):
        return NOT_FAST


def assert_same_verdict(text: str | bytes, cls: type[Any] = dm.Dossier) -> None:
    with reference_only():
        expected = outcome(text, cls)
    assert outcome(text, cls) == expected
    fast = fast_outcome(text, cls)
    if fast is not NOT_FAST:  # what the fast path accepts, the reference reader accepts alike
        assert expected[0] == "read"
        assert fast == expected[2]
        assert dm.to_json(fast, indent=None) == expected[1]


@pytest.mark.parametrize("indent", [None, 2])
def test_the_seed_is_read_on_the_fast_path_as_the_reference_reads_it(indent: int | None) -> None:
    text = dm.to_json(SEED, indent=indent)
    fast = fast_outcome(text, dm.Dossier)
    assert fast is not NOT_FAST
    assert fast == SEED
    # Quantities written as integers stay integers, so the text comes back unchanged.
    assert dm.to_json(fast, indent=indent) == text
    assert_same_verdict(text)
    assert_same_verdict(text.encode())


def test_a_corpus_is_read_on_the_fast_path() -> None:
    corpus = dm.Corpus(dossiers=(SEED,))
    text = dm.to_json(corpus, indent=None)
    fast = fast_outcome(text, dm.Corpus)
    assert fast is not NOT_FAST
    assert fast == corpus
    assert_same_verdict(text, dm.Corpus)


def _compact(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def test_text_the_shape_check_must_refuse_goes_the_reference_way() -> None:
    text = dm.to_json(SEED, indent=None)
    first_id = text.index('"id":')
    repeated_key = text[:first_id] + '"id":"x",' + text[first_id:]
    person = dict(DOCUMENT["people"][0], nickname="Wang")
    unknown_key = _compact({**DOCUMENT, "people": [person, *DOCUMENT["people"][1:]]})
    spaced = json.dumps(DOCUMENT, ensure_ascii=False)
    for refused in (repeated_key, unknown_key):
        assert fast_outcome(refused, dm.Dossier) is NOT_FAST
        assert outcome(refused, dm.Dossier)[0] == "refused"
        assert_same_verdict(refused)
    assert fast_outcome(spaced, dm.Dossier) is NOT_FAST  # not as to_json writes it
    assert_same_verdict(spaced)


@settings(DIFFERENTIAL, max_examples=60)
@given(dossier=dossiers(), indent=st.sampled_from([None, 2]))
def test_generated_dossiers_are_read_alike(dossier: dm.Dossier, indent: int | None) -> None:
    text = dm.to_json(dossier, indent=indent)
    fast = fast_outcome(text, dm.Dossier)
    assert fast is not NOT_FAST
    assert fast == dossier
    assert dm.to_json(fast, indent=indent) == text
    assert_same_verdict(text)


@DIFFERENTIAL
@given(rng=st.randoms(use_true_random=False), how=st.sampled_from(["compact", "spaced", "text"]))
def test_mutated_documents_get_the_same_verdict_and_message(rng: random.Random, how: str) -> None:
    mutated = mutate_document(DOCUMENT, rng, SLOTS)
    if how == "compact":  # as to_json writes it, so that the fast path reads it in full
        text: str | bytes = _compact(mutated)
    elif how == "spaced":
        text = json.dumps(mutated, ensure_ascii=False)
    else:
        text = mutate_json_text(_compact(DOCUMENT), rng)
    assert_same_verdict(text)


def _spans_by_walk(dossier: dm.Dossier, name: str, index: int, obj: Any) -> Counter[Any]:
    return Counter(site.evidence for site in evidence_of(dossier.article.id, name, index, obj))


@settings(DIFFERENTIAL, max_examples=40)
@given(dossier=dossiers())
def test_the_lean_walks_see_what_the_walks_with_paths_see(dossier: dm.Dossier) -> None:
    for candidate in (dossier, SEED):
        for name in SECTIONS:
            for index, obj in enumerate(getattr(candidate, name)):
                assert Counter(spans_of(obj)) == _spans_by_walk(candidate, name, index, obj)
                assert Counter(targets_of(obj)) == Counter(
                    (ref.target, ref.kinds) for ref in references_of(name, index, obj)
                )


def test_the_lean_pass_still_reports_each_broken_quote_and_reference_at_its_path() -> None:
    event = SEED.events[1]
    span = event.evidence[0]
    misquoted = attrs.evolve(span, quote=span.quote[1:] + "x")  # same length, other words
    broken = attrs.evolve(event, evidence=(misquoted, *event.evidence[1:]), part_of="no-such-event")
    sections: dict[str, list[tuple[int, Any]]] = {
        name: list(enumerate(getattr(SEED, name))) for name in SECTIONS
    }
    sections["events"][1] = (1, broken)
    problems = check_dossier(SEED.article, sections)
    at = f'$.events[1] ("{event.id}")'
    assert [problem.path for problem in problems] == [f"{at}.part_of", f"{at}.evidence[0]"]
    assert "no-such-event" in problems[0].message
    assert misquoted.quote[:10] in problems[1].message


def test_the_collector_pauses_while_a_document_is_read_and_resumes_after() -> None:
    text = dm.to_json(SEED, indent=None)
    collections: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    dm.from_json(text, dm.Dossier)  # the first read also makes the reader
    assert gc.isenabled()
    thresholds = gc.get_threshold()
    gc.set_threshold(10)  # a collection every few new objects, unless paused
    gc.callbacks.append(note)
    try:
        read = dm.from_json(text, dm.Dossier)
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*thresholds)
    assert read == SEED
    assert gc.isenabled()
    # Unpaused, the youngest generation would be collected dozens of times over;
    # paused, at most at its edges: as the pause is entered, and as it ends.
    assert len(collections) <= 2
    gc.disable()
    try:
        assert dm.from_json(text, dm.Dossier) == SEED
        assert not gc.isenabled()  # left as the caller set it
    finally:
        gc.enable()


def test_without_msgspec_there_is_no_fast_path_and_reading_is_the_same() -> None:
    from diplomodel import fastjson

    text = dm.to_json(SEED, indent=None)
    with (
        mock.patch.object(fastjson, "_msgspec", return_value=None),
        mock.patch.dict(fastjson._READERS, clear=True),
    ):
        assert fast_reader(dm.Dossier) is None
        assert dm.from_json(text, dm.Dossier) == SEED
    assert fast_reader(dm.Dossier) is not None  # the cache of readers is as it was


def _mirror() -> Any:
    import msgspec

    from diplomodel.fastjson import _Mirror

    mirror = _Mirror(msgspec)
    mirror.shape(dm.Corpus)
    return mirror


def test_every_field_rule_is_checked_by_the_struct_or_run_by_the_builder() -> None:
    mirror = _mirror()
    assert mirror.checked_by_struct  # the structs check some rules themselves
    for (cls, name), by_struct in mirror.checked_by_struct.items():
        field = attrs.fields_dict(cls)[name]
        namespace = mirror.builders[cls].__globals__
        index = list(attrs.fields(cls)).index(field)
        by_builder = [value for key, value in namespace.items() if key.startswith(f"rule{index}_")]
        rules = list(field_rules(field.validator))
        assert sorted(map(id, by_struct + by_builder)) == sorted(map(id, rules)), (cls, name)
        assert not set(map(id, by_struct)) & set(map(id, by_builder)), (cls, name)
    # The class's own cross-field checks run too.
    for cls, build in mirror.builders.items():
        if hasattr(cls, "__attrs_post_init__"):
            assert build.__globals__["post_init"] is cls.__attrs_post_init__


def _satisfies(value: Any, keywords: dict[str, Any]) -> bool:
    """Whether ``value`` meets JSON Schema ``keywords``, as JSON Schema reads them."""
    for keyword, wanted in keywords.items():
        if keyword == "pattern":
            met = re.search(wanted, value) is not None
        elif keyword in ("minLength", "minItems"):
            met = len(value) >= wanted
        elif keyword == "minimum":
            met = value >= wanted
        elif keyword == "items":
            met = all(_satisfies(item, wanted) for item in value)
        else:
            raise AssertionError(f"no exact rule says {keyword}")
        if not met:
            return False
    return True


_TEXTS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "\t\n", "\u00a0", "\u3000x", "wang-yi", "a--b", "-a", "a-", "A"]),
)


def _exact_rules() -> list[tuple[type[Any], attrs.Attribute[Any], Any, bool]]:
    found = []
    for cls in _mirror().builders:
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            is_array = typing.get_origin(hints[field.name]) is tuple
            for rule in field_rules(field.validator):
                if getattr(rule, "json_schema_exact", False):
                    found.append((cls, field, rule, is_array))
    return found


EXACT_RULES = _exact_rules()


@settings(DIFFERENTIAL, max_examples=300)
@given(data=st.data())
def test_a_rule_marked_exact_says_all_of_itself_in_its_json_schema_keywords(data: Any) -> None:
    cls, field, rule, is_array = data.draw(st.sampled_from(EXACT_RULES))
    keywords = rule.json_schema(is_array)
    if "minimum" in keywords:
        value: Any = data.draw(st.integers(-3, 3))
    elif is_array:
        value = tuple(data.draw(st.lists(_TEXTS, max_size=3)))
    else:
        value = data.draw(_TEXTS)
    try:
        rule(object.__new__(cls), field, value)
    except dm.DiplomodelError:
        passes = False
    else:
        passes = True
    assert passes == _satisfies(value, keywords), (cls.__name__, field.name, value)


def test_rules_the_struct_checks_are_refused_on_the_fast_path_with_the_reference_message() -> None:
    no_evidence = copy.deepcopy(DOCUMENT)
    no_evidence["people"][0]["evidence"] = []
    before_the_text = copy.deepcopy(DOCUMENT)
    before_the_text["events"][0]["evidence"][0]["start"] = -1
    for broken in (no_evidence, before_the_text):
        text = _compact(broken)
        assert fast_outcome(text, dm.Dossier) is NOT_FAST
        verdict = outcome(text, dm.Dossier)
        assert verdict[0] == "refused"
        assert_same_verdict(text)
    assert "must not be empty" in outcome(_compact(no_evidence), dm.Dossier)[1]
    assert "must be 0 or more" in outcome(_compact(before_the_text), dm.Dossier)[1]


def _one_slot_per_field() -> list[tuple[Any, ...]]:
    """A place of each field of each kind of object in the seed's document."""
    chosen: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for path in SLOTS:
        parent = DOCUMENT
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, dict):
            chosen.setdefault((tuple(sorted(parent)), path[-1]), path)
    return list(chosen.values())


@pytest.mark.parametrize("path", _one_slot_per_field(), ids=lambda path: ".".join(map(str, path)))
def test_each_field_of_each_kind_broken_gets_the_same_verdict_on_both_paths(
    path: tuple[Any, ...],
) -> None:
    parent = DOCUMENT
    for step in path[:-1]:
        parent = parent[step]
    value = parent[path[-1]]
    if isinstance(value, bool) or value is None:
        bad_values: tuple[Any, ...] = (0, "x")
    elif isinstance(value, int):
        bad_values = (-1, 0, value + 1)
    elif isinstance(value, str):
        bad_values = ("", " ", "Not A Slug", value + "\n")
    elif isinstance(value, list):
        bad_values = ([], [*value, *value[:1]])
    else:
        bad_values = ({},)
    for bad in bad_values:
        broken = copy.deepcopy(DOCUMENT)
        target = broken
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = bad
        assert_same_verdict(_compact(broken))


def test_text_read_fast_keeps_no_utf8_copy_of_its_strings() -> None:
    text = dm.to_json(SEED, indent=None)
    assert not SEED.article.text.isascii()
    fast = fast_outcome(text, dm.Dossier)
    with reference_only():
        reference = dm.from_json(text, dm.Dossier)
    # msgspec leaves a UTF-8 copy inside each non-ASCII string it writes; the fast
    # path writes the text back to compare it, so it must build from fresh strings.
    assert sys.getsizeof(fast.article.text) == sys.getsizeof(reference.article.text)


def test_a_class_with_a_pre_init_hook_is_left_to_the_reference_reader() -> None:
    @attrs.frozen
    class Hooked:
        name: str

        def __attrs_pre_init__(self) -> None:
            pass

    assert fast_reader(Hooked) is None
    assert dm.from_json('{"name": "x"}', Hooked) == Hooked(name="x")


@pytest.mark.parametrize(
    "given",
    [
        lambda raw: memoryview(raw),
        lambda raw: list(raw),
        lambda raw: 10**15,
        lambda raw: raw.decode() + "\ud800",
    ],
    ids=["memoryview", "list of bytes", "a large int", "a lone surrogate"],
)
def test_what_is_not_json_text_is_left_to_the_reference_reader(given: Any) -> None:
    text = given(dm.to_json(SEED, indent=None).encode())
    assert fast_outcome(text, dm.Dossier) is NOT_FAST
    with pytest.raises(dm.ValidationError) as refused:
        dm.from_json(text, dm.Dossier)
    assert refused.value.problems[0].path == "$"


def test_a_misplaced_end_is_reported_by_the_whole_dossier_check_too() -> None:
    event = SEED.events[0]
    span = event.evidence[0]
    with attrs.validators.disabled():  # as a caller may build it
        stretched = attrs.evolve(span, end=span.end + 3)
    sections: dict[str, list[tuple[int, Any]]] = {
        name: list(enumerate(getattr(SEED, name))) for name in SECTIONS
    }
    sections["events"][0] = (0, attrs.evolve(event, evidence=(stretched, *event.evidence[1:])))
    problems = check_dossier(SEED.article, sections)
    assert [problem.path for problem in problems] == [f'$.events[0] ("{event.id}").evidence[0]']


@attrs.frozen
class _Inner:
    name: str


@attrs.frozen
class _Rows:
    rows: tuple[tuple[_Inner, ...], ...]


@attrs.frozen
class _Options:
    items: tuple[_Inner | None, ...]


def test_objects_nested_deeper_than_the_model_nests_them_are_read_the_reference_way() -> None:
    for cls in (_Rows, _Options):
        assert fast_reader(cls) is None
    assert dm.from_json('{"rows": [[{"name": "x"}]]}', _Rows) == _Rows(((_Inner("x"),),))
    assert fast_reader(_Inner) is not None


def test_a_class_whose_hints_cannot_be_resolved_has_no_fast_reader() -> None:
    @attrs.frozen
    class Local:
        inner: _Unknown  # type: ignore[name-defined]  # noqa: F821

    assert fast_reader(Local) is None
