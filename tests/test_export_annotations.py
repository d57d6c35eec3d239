"""W3C Web Annotations: one per evidence span, re-anchored from the quote alone."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import attrs
import pytest
from export_sources import NAMES, SECOND, curated

import diplomodel as dm
from diplomodel.cli import main
from diplomodel.exports.annotations import (
    CONTEXT,
    CONTEXT_CHARACTERS,
    WIDEST_CONTEXT,
    to_annotations,
)
from diplomodel.walk import iter_evidence


@functools.cache
def dossiers() -> dict[str, dm.Dossier]:
    return curated()


def reanchor(text: str, selector: dict[str, Any]) -> list[int]:
    """Every offset the quote selector's words can stand at: found by the words and
    their context alone, never by offsets."""
    prefix, exact, suffix = (
        selector.get("prefix", ""),
        selector["exact"],
        selector.get("suffix", ""),
    )
    whole = prefix + exact + suffix
    found, at = [], text.find(whole)
    while at != -1:
        found.append(at + len(prefix))
        at = text.find(whole, at + 1)
    return found


def selectors(annotation: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    by_type = {s["type"]: s for s in annotation["target"]["selector"]}
    return by_type["TextQuoteSelector"], by_type["TextPositionSelector"]


@pytest.mark.parametrize("name", NAMES)
def test_every_annotation_reanchors_from_its_quote_alone(name: str) -> None:
    dossier = dossiers()[name]
    text = dossier.article.text
    annotations = to_annotations(dossier)
    assert annotations
    for annotation in annotations:
        quote, position = selectors(annotation)
        assert reanchor(text, quote) == [position["start"]], annotation["id"]
        assert position["end"] - position["start"] == len(quote["exact"])


@pytest.mark.parametrize("name", NAMES)
def test_one_annotation_per_evidence_span_in_walk_order(name: str) -> None:
    dossier = dossiers()[name]
    spans = [(site.evidence.start, site.evidence.end) for site in iter_evidence(dossier)]
    positions = [selectors(a)[1] for a in to_annotations(dossier)]
    assert [(p["start"], p["end"]) for p in positions] == spans


@pytest.mark.parametrize("name", NAMES)
def test_prefix_and_suffix_are_32_characters_unless_more_are_needed(name: str) -> None:
    dossier = dossiers()[name]
    text = dossier.article.text
    for annotation in to_annotations(dossier):
        quote, position = selectors(annotation)
        start, end = position["start"], position["end"]
        prefix, suffix = quote.get("prefix", ""), quote.get("suffix", "")
        # An empty context is left out, not written as "".
        assert quote.get("prefix") != ""
        assert quote.get("suffix") != ""
        width = CONTEXT_CHARACTERS
        while (prefix, suffix) != (text[max(0, start - width) : start], text[end : end + width]):
            # A wider context only where 32 characters leave the words ambiguous.
            narrow = {"exact": quote["exact"], "prefix": text[max(0, start - width) : start]}
            narrow["suffix"] = text[end : end + width]
            assert len(reanchor(text, narrow)) > 1, annotation["id"]
            width *= 2
            assert width <= len(text), annotation["id"]


def test_the_seed_needs_a_wider_context_where_it_repeats_a_sentence() -> None:
    # "Secretary General Hiroshi Moriyama of the Liberal Democratic Party and
    # Secretary General Makoto Nishida of the Komeito" stands twice in the seed.
    dossier = dossiers()["seed"]
    text = dossier.article.text
    wide = [
        quote
        for quote, _position in map(selectors, to_annotations(dossier))
        if max(len(quote.get("prefix", "")), len(quote.get("suffix", ""))) > CONTEXT_CHARACTERS
    ]
    assert wide
    for quote in wide:
        words = quote["exact"]
        assert text.count(words) > 1


def test_a_text_that_repeats_a_long_passage_gets_the_widest_context_only() -> None:
    # The same sentence a few hundred times: no context up to the widest tells the
    # middle "Wang Yi"s apart; the quote selector stops there, the position selector
    # still says where the words are.
    sentence = "Wang Yi met Takeshi Iwaya in Beijing. "
    text = sentence * 300
    middle = text.index("Wang Yi", len(text) // 2)
    words = dm.Evidence(quote="Wang Yi", start=middle, end=middle + 7)
    dossier = dm.Dossier(
        article=dm.Article(
            id="repeats", publisher="Example", published=dt.date(2025, 1, 14), text=text
        ),
        people=(
            dm.Person(
                id="wang-yi", name="Wang Yi", family_name="Wang", given_name="Yi", evidence=(words,)
            ),
        ),
    )
    (annotation,) = to_annotations(dossier)
    quote, position = selectors(annotation)
    assert (position["start"], position["end"]) == (words.start, words.end)
    assert len(quote["prefix"]) == len(quote["suffix"]) == WIDEST_CONTEXT
    assert len(reanchor(text, quote)) > 1


def _resolve(document: Any, path: str) -> Any:
    """The value at a JSON path such as ``$.people[3].roles[0].evidence[1]``."""
    value = document
    for key, index in re.findall(r"\.(\w+)|\[(\d+)\]", path[1:]):
        value = value[key] if key else value[int(index)]
    return value


@pytest.mark.parametrize("name", NAMES)
def test_the_body_names_the_fact_and_field_that_hold_the_span(name: str) -> None:
    dossier = dossiers()[name]
    as_json = dm.to_dict(dossier)
    kinds = {"country", "institution", "person", "event", "statement", "consensus item"}
    for annotation in to_annotations(dossier):
        body = annotation["body"]
        prefix = f"urn:diplomodel:annotation:{dossier.article.id}:"
        path = unquote(annotation["id"].removeprefix(prefix))
        # The id's JSON path leads to this very span in the dossier's JSON.
        _quote, position = selectors(annotation)
        span = _resolve(as_json, path)
        assert (span["start"], span["end"]) == (position["start"], position["end"])
        assert path.endswith(body["schema:propertyID"]) or (
            re.sub(r"\[\d+\]$", "", path).endswith(body["schema:propertyID"])
        )
        if body["dcterms:type"] in kinds:
            fact = dossier.get(body["dcterms:identifier"])
            assert dm.entities.kind_name(fact) == body["dcterms:type"]
            assert annotation["motivation"] == body["purpose"] == "identifying"
            assert fact.id in body["value"]
        else:
            assert body["dcterms:type"] in {"artifact", "uncited passage"}
            assert annotation["motivation"] == "commenting"
            assert "dcterms:identifier" not in body


def test_the_json_ld_has_the_required_keys() -> None:
    dossier = dossiers()["seed"]
    annotations = to_annotations(dossier)
    ids = [a["id"] for a in annotations]
    assert len(set(ids)) == len(ids)
    for annotation in annotations:
        assert annotation["@context"] == CONTEXT == "http://www.w3.org/ns/anno.jsonld"
        assert annotation["type"] == "Annotation"
        assert annotation["id"].startswith("urn:diplomodel:annotation:")
        assert not re.search(r"[\s\[\]$]", annotation["id"])  # an IRI: no raw brackets
        assert annotation["body"]["type"] == "TextualBody"
        assert annotation["body"]["value"]
        target = annotation["target"]
        assert target["source"] == f"urn:diplomodel:article:{dossier.article.id}"
        assert sorted(s["type"] for s in target["selector"]) == [
            "TextPositionSelector",
            "TextQuoteSelector",
        ]
    # Every kind of fact the seed has is annotated.
    assert {a["body"]["dcterms:type"] for a in annotations} == {
        "artifact",
        "country",
        "institution",
        "person",
        "event",
        "statement",
        "consensus item",
    }
    json.loads(json.dumps(annotations))  # plain JSON through and through


# Terms the Web Annotation context defines, and prefixes it maps (dcterms, schema):
# a key outside them would be dropped by a JSON-LD processor.
ANNO_TERMS = {
    "@context", "id", "type", "motivation", "body", "target", "source", "selector",
    "exact", "prefix", "suffix", "start", "end", "value", "format", "purpose",
}  # fmt: skip


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


@pytest.mark.parametrize("name", NAMES)
def test_every_key_is_a_term_or_a_prefixed_name_of_the_context(name: str) -> None:
    keys = _keys(to_annotations(dossiers()[name]))
    unknown = {k for k in keys - ANNO_TERMS if k.split(":")[0] not in {"dcterms", "schema"}}
    assert unknown == set()


def test_a_web_address_of_the_article_is_the_target() -> None:
    seed = dossiers()["seed"]
    url = "https://www.example.org/news/2025/0114.html"
    dossier = attrs.evolve(seed, article=attrs.evolve(seed.article, url=url))
    assert {a["target"]["source"] for a in to_annotations(dossier)} == {url}
    # An address that is no web address does not become the target's IRI.
    odd = attrs.evolve(seed, article=attrs.evolve(seed.article, url="see the print edition"))
    assert {a["target"]["source"] for a in to_annotations(odd)} == {
        f"urn:diplomodel:article:{seed.article.id}"
    }


def test_a_corpus_gives_each_articles_annotations_in_turn() -> None:
    seed, second = dossiers()["seed"], dossiers()["second"]
    together = to_annotations(dm.Corpus([seed, second]))
    assert together == to_annotations(seed) + to_annotations(second)


def test_a_corpus_whose_articles_share_an_id_is_refused() -> None:
    seed = dossiers()["seed"]
    with pytest.raises(dm.ValidationError) as caught:
        to_annotations(dm.Corpus([seed, dm.load(SECOND), seed]))
    (problem,) = caught.value.problems
    assert problem.path == "dossiers[2].article.id"
    assert seed.article.id in problem.message
    assert "dossiers[0]" in problem.message


def test_anything_else_is_a_type_error_naming_the_function() -> None:
    with pytest.raises(TypeError, match=r"to_annotations\(\) takes a Dossier or a Corpus, got str"):
        to_annotations("seed.toml")  # type: ignore[arg-type]


def test_the_command_line_writes_the_annotations(tmp_path: Path) -> None:
    target = tmp_path / "annotations.jsonld"
    code = main(["export", "--format", "annotations", "--output", str(target), str(SECOND)])
    assert code == 0
    assert json.loads(target.read_text("utf-8")) == to_annotations(dossiers()["second"])
