"""Shared fixtures: a small hand-built dossier that uses every kind of object."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import attrs
import pytest

import diplomodel as dm
from diplomodel.statements import SpeechAct

TINY_TEXT = (
    "Photo:VCG\n"
    "Wang Yi met Takeshi Iwaya in Beijing on Tuesday, Xinhua reported. "
    '"We are neighbors," Wang said. The two sides agreed to hold talks in Japan this autumn.'
)


def module_from_path(name: str, path: Path) -> ModuleType:
    """The Python file at ``path`` (a script of examples/ or benchmarks/) as a module."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # so that the classes it defines can find their module
    spec.loader.exec_module(module)
    return module


def calls_made(query: Callable[[], Any]) -> int:
    """How many Python and C function calls ``query`` makes: a measure of work, not time."""
    calls = 0

    def count(_frame: FrameType, event: str, _arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        query()
    finally:
        sys.setprofile(None)
    return calls


def cite(quote: str, occurrence: int = 1) -> dm.Evidence:
    """Evidence for the n-th occurrence of ``quote`` in the tiny text."""
    start = -1
    for _ in range(occurrence):
        start = TINY_TEXT.index(quote, start + 1)
    return dm.Evidence(quote=quote, start=start, end=start + len(quote))


def build_tiny_dossier() -> dm.Dossier:
    published = dt.date(2025, 1, 14)
    return dm.Dossier(
        article=dm.Article(
            id="tiny",
            title="A tiny article",
            publisher="Example News",
            published=published,
            text=TINY_TEXT,
            artifacts=(
                dm.Artifact(
                    kind=dm.ArtifactKind.PHOTO_CREDIT,
                    reason="photo credit",
                    evidence=cite("Photo:VCG"),
                ),
            ),
        ),
        countries=(
            dm.Country(
                id="cn", name="China", alpha2="CN", alpha3="CHN", evidence=(cite("Beijing"),)
            ),
            dm.Country(id="jp", name="Japan", alpha2="JP", alpha3="JPN", evidence=(cite("Japan"),)),
        ),
        institutions=(
            dm.Institution(
                id="xinhua",
                name="Xinhua News Agency",
                kind=dm.InstitutionKind.NEWS_OUTLET,
                country="cn",
                evidence=(cite("Xinhua"),),
            ),
        ),
        people=(
            dm.Person(
                id="wang-yi",
                name="Wang Yi",
                family_name="Wang",
                given_name="Yi",
                aliases=("Wang",),
                country="cn",
                evidence=(cite("Wang Yi"), cite("Wang", 2)),
            ),
            dm.Person(
                id="takeshi-iwaya",
                name="Takeshi Iwaya",
                family_name="Iwaya",
                given_name="Takeshi",
                country="jp",
                evidence=(cite("Takeshi Iwaya"),),
            ),
        ),
        events=(
            dm.Event(
                id="talks",
                name="Wang Yi meets Iwaya",
                kind=dm.EventKind.MEETING,
                status=dm.EventStatus.TOOK_PLACE,
                date=dm.resolve_date("on Tuesday", published),
                place=dm.Place(name="Beijing", country="cn", evidence=(cite("Beijing"),)),
                participants=(
                    dm.Participation(
                        participant="wang-yi",
                        part=dm.ParticipantPart.HOST,
                        evidence=(cite("Wang Yi"),),
                    ),
                    dm.Participation(
                        participant="takeshi-iwaya",
                        part=dm.ParticipantPart.GUEST,
                        evidence=(cite("Takeshi Iwaya"),),
                    ),
                ),
                cameo="043",
                evidence=(cite("Wang Yi met Takeshi Iwaya in Beijing on Tuesday"),),
            ),
            dm.Event(
                id="autumn-talks",
                name="Talks in Japan",
                kind=dm.EventKind.TALKS,
                status=dm.EventStatus.TENTATIVE,
                date=dm.resolve_date("this autumn", published),
                evidence=(cite("hold talks in Japan this autumn"),),
            ),
        ),
        statements=(
            dm.Statement(
                id="neighbors",
                speakers=("wang-yi",),
                mode=dm.StatementMode.DIRECT_QUOTE,
                act=SpeechAct.CLAIM,
                content=cite("We are neighbors,"),
                event="talks",
                channel="xinhua",
                topics=("bilateral-relations",),
                evidence=(cite("Wang said"),),
            ),
        ),
        consensus_items=(
            dm.ConsensusItem(
                id="hold-talks",
                parties=("wang-yi", "takeshi-iwaya"),
                status=dm.ConsensusStatus.AGREED,
                content=cite("hold talks in Japan this autumn"),
                event="talks",
                topics=("talks",),
                evidence=(cite("The two sides agreed"),),
            ),
        ),
    )


@pytest.fixture
def tiny() -> dm.Dossier:
    return build_tiny_dossier()


def attrs_objects(obj: Any) -> Iterator[Any]:
    """Every attrs object inside ``obj``, ``obj`` included."""
    if attrs.has(type(obj)):
        yield obj
        for field in attrs.fields(type(obj)):
            if field.init:
                yield from attrs_objects(getattr(obj, field.name))
    elif isinstance(obj, tuple):
        for item in obj:
            yield from attrs_objects(item)


@pytest.fixture(scope="session")
def schema() -> Any:
    """A validator of the JSON Schema of a dossier (jsonschema comes with the dev extra)."""
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft202012Validator(
        dm.json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
