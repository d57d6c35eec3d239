"""The JSON Schema and the reader agree on every rule of one object, on mutated real data."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from conftest import attrs_objects, build_tiny_dossier
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel.external import Identifier
from diplomodel.identifiers import END

jsonschema = pytest.importorskip("jsonschema")

# Objects whose rules are their own: no dossier check runs when one is read alone.
CLASSES = (
    dm.Article,
    dm.Artifact,
    dm.UncitedPassage,
    dm.Country,
    dm.Institution,
    dm.Person,
    dm.Role,
    dm.Event,
    dm.Place,
    dm.Participation,
    dm.Statement,
    dm.ConsensusItem,
    dm.Evidence,
    dm.FuzzyDate,
    Identifier,
)

VALIDATORS = {
    cls: jsonschema.Draft202012Validator(
        dm.json_schema(cls), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for cls in CLASSES
}

# Fields whose rules compare them with other fields, which JSON Schema cannot say
# (see json_schema's docstring): only mutations that change their JSON type are compared.
COMPARED_FIELDS = {
    "Country": {"name", "alpha2", "alpha3"},
    "Evidence": {"quote", "start", "end"},
    "Person": {"name", "family_name", "given_name"},
    "FuzzyDate": {"earliest", "latest", "precision", "edtf"},
    "Quantity": {"value", "evidence"},  # the value is one the evidence writes
    "Role": {"start", "end"},  # a role does not surely end before it starts
}


def _tiny_with_identifiers() -> dm.Dossier:
    """The tiny dossier with identifiers of every known scheme and of an unknown one."""
    tiny = build_tiny_dossier()
    china = attrs.evolve(
        tiny.countries[0],
        identifiers=(
            Identifier(scheme="wikidata", identifier="Q148"),
            Identifier(scheme="iso3166-1", identifier="CN"),
        ),
    )
    talks = tiny.events[0]
    assert talks.place is not None
    beijing = attrs.evolve(
        talks.place,
        identifiers=(
            Identifier(scheme="geonames", identifier="1816670"),
            Identifier(scheme="wikidata", identifier="Q956"),
        ),
    )
    xinhua = attrs.evolve(
        tiny.institutions[0],
        identifiers=(
            Identifier(scheme="viaf", identifier="123456789"),
            Identifier(scheme="example-registry", identifier="xinhua/1"),
        ),
    )
    return attrs.evolve(
        tiny,
        countries=(china, *tiny.countries[1:]),
        institutions=(xinhua,),
        events=(attrs.evolve(talks, place=beijing), *tiny.events[1:]),
    )


def _samples() -> list[tuple[type[Any], Any]]:
    found: dict[type[Any], list[Any]] = {cls: [] for cls in CLASSES}
    for dossier in (dm.load_seed(), build_tiny_dossier(), _tiny_with_identifiers()):
        for obj in attrs_objects(dossier):
            if type(obj) in found and len(found[type(obj)]) < 12:
                found[type(obj)].append(obj)
    return [(cls, dm.to_dict(obj)) for cls, objs in found.items() for obj in objs]


SAMPLES = _samples()


def _places(node: Any, owner: str, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """(path, owner class name) of every value in a JSON tree, the tree itself included."""
    yield (path, owner)
    if isinstance(node, dict):
        for key, value in node.items():
            inner = _owner_of(owner, key, value)
            yield from _places(value, inner, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _places(item, owner, (*path, index))


_NESTED = {
    "evidence": "Evidence",
    "content": "Evidence",
    "date": "FuzzyDate",
    "roles": "Role",
    "place": "Place",
    "participants": "Participation",
    "artifacts": "Artifact",
    "identifiers": "Identifier",
    "quantities": "Quantity",
    "start": "FuzzyDate",  # a role's start and end (an evidence's are numbers)
    "end": "FuzzyDate",
}


def _owner_of(owner: str, key: str, value: Any) -> str:
    if isinstance(value, dict | list) and key in _NESTED:
        return _NESTED[key]
    return owner


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def _replacements(value: Any) -> st.SearchStrategy[Any]:
    common: list[Any] = [None, True, 1, 2.5, "x", [], {}, "", " ", -1, 0, 10**30]
    options = [st.sampled_from(common), st.integers(-(10**20), 10**20), st.text(max_size=8)]
    if isinstance(value, str):
        variants = [value + "\n", value + "\ud800", value.upper(), value + " ", "0" + value]
        options.append(st.sampled_from(variants))
    if isinstance(value, list) and value:
        variants = [[*value, value[0]], value[1:], [*value, value[-1], value[0]]]
        options.append(st.sampled_from(variants))
    return st.one_of(options)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[type[Any], Any, str]:
    cls, original = draw(st.sampled_from(SAMPLES))
    data = copy.deepcopy(original)
    path, owner = draw(st.sampled_from(list(_places(data, cls.__name__))))
    target = _get(data, path)
    if isinstance(target, dict) and draw(st.booleans()):  # change the keys of an object
        keys = sorted(target)
        if keys and draw(st.booleans()):
            key = draw(st.sampled_from(keys))
            del target[key]
            return cls, data, f"{path} without {key!r}"
        target[draw(st.sampled_from(["extra", "Id", "name "]))] = "x"
        return cls, data, f"{path} with an extra key"
    if not path:
        return cls, draw(_replacements(target)), "the whole object replaced"
    replacement = draw(_replacements(target))
    # A leaf's owner is the class of the object that holds it.
    compared = set() if isinstance(target, dict | list) else COMPARED_FIELDS.get(owner, set())
    if path[-1] in compared and (
        replacement is None or _json_type(replacement) == _json_type(target)
    ):
        # A same-typed change there, or an open date bound (null), breaks a rule the
        # schema cannot say; a list is a type no such field takes.
        replacement = []
    _get(data, path[:-1])[path[-1]] = replacement
    return cls, data, f"{path} = {replacement!r:.60}"


def _reader_accepts(cls: type[Any], data: Any) -> bool:
    try:
        dm.from_dict(data, cls)
    except dm.ValidationError:
        return False
    return True


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_schema_and_reader_agree_on_mutatedattrs_objects(case: tuple[type[Any], Any, str]) -> None:
    cls, data, change = case
    schema_accepts = VALIDATORS[cls].is_valid(data)
    assert _reader_accepts(cls, data) == schema_accepts, (cls.__name__, change)


@pytest.mark.parametrize(("cls", "data"), SAMPLES[:: max(1, len(SAMPLES) // 40)])
def test_schema_and_reader_accept_every_real_object(cls: type[Any], data: Any) -> None:
    assert VALIDATORS[cls].is_valid(data)
    assert _reader_accepts(cls, data)


@pytest.mark.parametrize(
    ("cls", "change"),
    [
        (dm.ConsensusItem, {"parties": ["wang-yi"]}),
        (dm.ConsensusItem, {"parties": ["wang-yi", "wang-yi"]}),
        (dm.Event, {"series": "talks", "number": 0}),
        (dm.Event, {"number": 3}),
        (dm.Event, {"cameo": "999"}),
        (dm.Event, {"id": "talks\n"}),
        (dm.Country, {"alpha2": "CN\n"}),
        (dm.Country, {"alpha2": "XX"}),
        (dm.Country, {"alpha3": "PRU"}),
        (Identifier, {"scheme": "wikidata", "identifier": "Q0"}),
        (Identifier, {"scheme": "iso3166-1", "identifier": "XX"}),
        (Identifier, {"scheme": "Wikidata"}),
        (dm.Article, {"language": "en\n"}),
        (dm.Article, {"published": "20250114"}),
        (dm.Article, {"published": "2025-W03-2"}),
        (dm.Article, {"publisher": "\ud800"}),
        (dm.Statement, {"topics": ["a", "a"]}),
        (dm.Institution, {"abbreviations": [" "]}),
        (dm.Evidence, {"start": -1}),
    ],
)
def test_schema_and_reader_both_refuse_each_local_rule(
    cls: type[Any], change: dict[str, Any]
) -> None:
    (_cls, original) = next(sample for sample in SAMPLES if sample[0] is cls)
    data = {**original, **change}
    assert not VALIDATORS[cls].is_valid(data)
    assert not _reader_accepts(cls, data)


def test_every_field_rule_says_itself_as_json_schema_but_the_fuzzy_dates() -> None:
    silent = []
    for cls in CLASSES:
        for field in attrs.fields(cls):
            parts = getattr(field.validator, "_validators", (field.validator,))
            silent += [
                f"{cls.__name__}.{field.name}"
                for part in parts
                if part is not None and not hasattr(part, "json_schema")
            ]
    # FuzzyDate's window and EDTF rules compare fields (dates.py); JSON Schema cannot.
    assert silent == ["FuzzyDate.latest", "FuzzyDate.edtf"]


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern":
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


def test_schema_patterns_end_at_the_end_of_the_string() -> None:
    patterns = set(_patterns(dm.json_schema()))
    assert len(patterns) >= 5
    for pattern in patterns:
        assert pattern.startswith("^")
        assert pattern.endswith(END)
