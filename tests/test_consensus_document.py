"""A consensus item's ``document`` is a report event: the readout that records it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import diplomodel as dm
from diplomodel.loader import seed_path

SEED_TOML = seed_path()


def _document_users(data: dict[str, object], document: str) -> list[str]:
    items = data["consensus_items"]
    assert isinstance(items, list)
    return [
        f'$.consensus_items[{index}] ("{item["id"]}").document'
        for index, item in enumerate(items)
        if item["document"] == document
    ]


def test_the_seeds_documents_are_reports() -> None:
    seed = dm.load_seed()
    documents = {item.document for item in seed.consensus_items if item.document}
    assert documents
    for document in documents:
        assert seed.get(document, dm.Event).kind is dm.EventKind.REPORT


@pytest.mark.parametrize("kind", ["announcement", "publication", "meeting"])
def test_a_document_that_is_not_a_report_is_refused_at_each_item(kind: str) -> None:
    data = dm.to_dict(dm.load_seed())
    readout = next(event for event in data["events"] if event["kind"] == "report")
    readout["kind"] = kind
    users = _document_users(data, readout["id"])
    assert users
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_dict(data, dm.Dossier)
    found = {p.path: p.message for p in caught.value.problems if p.path.endswith(".document")}
    assert sorted(found) == sorted(users)
    for message in found.values():
        assert f"is an {kind} event" in message or f"is a {kind} event" in message
        assert "expected a report event" in message


def test_a_curation_whose_document_is_an_announcement_fails_at_its_key(tmp_path: Path) -> None:
    folder = tmp_path / "seed"
    shutil.copytree(SEED_TOML.parent, folder)
    curation = folder / SEED_TOML.name
    text = curation.read_text("utf-8")
    anchor = 'id = "readout-mechanism-meeting-9"\n'
    head, tail = text.split(anchor)
    tail = tail.replace('kind = "report"', 'kind = "announcement"', 1)
    curation.write_text(head + anchor + tail, "utf-8")
    with pytest.raises(dm.CurationError) as caught:
        dm.load(curation)
    paths = {problem.path for problem in caught.value.problems}
    assert paths
    assert all(path.startswith("consensus_items[") for path in paths)
    assert all(path.endswith('").document') for path in paths)  # the item's id, then the key
