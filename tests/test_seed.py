"""The curated seed article: its content checked against what the article says."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

import diplomodel as dm
from diplomodel import ConsensusStatus as CS
from diplomodel import EventStatus as ES
from diplomodel import ParticipantPart as PP

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed() -> dm.Dossier:
    return dm.load_seed()


def test_the_seed_text_ships_unchanged_with_the_package(seed: dm.Dossier) -> None:
    # The installed copy and the repository's copy are the same bytes.
    repository_copy = (SEEDS / "000_25c877c6326c8c1d.txt").read_bytes()
    assert seed.article.text.encode("utf-8") == repository_copy
    assert (
        hashlib.sha256(repository_copy).hexdigest()
        == hashlib.sha256(seed.article.text.encode("utf-8")).hexdigest()
    )
    assert dm.load(SEEDS / "000_25c877c6326c8c1d.toml") == seed


def test_load_seed_works_from_any_working_directory(tmp_path: Path, seed: dm.Dossier) -> None:
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        assert dm.load_seed() == seed
    finally:
        os.chdir(here)


def test_article_metadata(seed: dm.Dossier) -> None:
    article = seed.article
    assert article.publisher == "Global Times"
    assert article.published == dt.date(2025, 1, 14)
    assert article.published.strftime("%A") == "Tuesday"
    assert article.language == "en"
    assert article.title is None  # the text carries no headline


def test_artifacts_are_recorded_and_kept_out_of_every_fact(seed: dm.Dossier) -> None:
    kinds = {a.evidence.quote: a.kind for a in seed.article.artifacts}
    assert kinds == {
        "China Japan Photo:VCG": dm.ArtifactKind.PHOTO_CREDIT,
        "MK sports": dm.ArtifactKind.STRAY_TOKEN,
    }
    stray = next(a for a in seed.article.artifacts if a.evidence.quote == "MK sports")
    assert seed.article.text[stray.evidence.start - 11 : stray.evidence.end + 7] == (
        "coalition,\nMK sports led by"
    )
    for entity in seed.entities():
        for evidence in getattr(entity, "evidence", ()):
            assert "MK sports" not in evidence.quote
            assert "VCG" not in evidence.quote


def test_every_named_person_with_names_in_the_right_order(seed: dm.Dossier) -> None:
    names = {p.id: (p.name, p.family_name, p.given_name, p.country) for p in seed.people}
    assert names == {
        "wang-huning": ("Wang Huning", "Wang", "Huning", "cn"),
        "wang-yi": ("Wang Yi", "Wang", "Yi", "cn"),
        "hiroshi-moriyama": ("Hiroshi Moriyama", "Moriyama", "Hiroshi", "jp"),
        "makoto-nishida": ("Makoto Nishida", "Nishida", "Makoto", "jp"),
        "liu-jianchao": ("Liu Jianchao", "Liu", "Jianchao", "cn"),
        "takeshi-iwaya": ("Takeshi Iwaya", "Iwaya", "Takeshi", "jp"),
        "taku-eto": ("Taku Eto", "Eto", "Taku", "jp"),
        "liu-jiangyong": ("Liu Jiangyong", "Liu", "Jiangyong", "cn"),
        "shigeru-ishiba": ("Shigeru Ishiba", "Ishiba", "Shigeru", "jp"),
        "lu-chao": ("Lü Chao", "Lü", "Chao", "cn"),
    }


def test_aliases_as_the_text_uses_them(seed: dm.Dossier) -> None:
    aliases = {p.id: p.aliases for p in seed.people if p.aliases}
    assert aliases == {
        "hiroshi-moriyama": ("Moriyama",),
        "makoto-nishida": ("Nishida",),
        "liu-jianchao": ("Liu",),
        "shigeru-ishiba": ("Ishiba",),
        "lu-chao": ("Lü",),
    }


def roles(seed: dm.Dossier, person: str) -> set[tuple[str, str]]:
    return {(r.title, r.institution) for r in seed.get(person, dm.Person).roles}


def test_every_role_the_text_gives(seed: dm.Dossier) -> None:
    assert roles(seed, "wang-huning") == {
        (
            "member of the Standing Committee of the Political Bureau",
            "cpc-political-bureau-standing-committee",
        ),
        ("chairman", "cppcc-national-committee"),
    }
    assert roles(seed, "wang-yi") == {
        ("member of the Political Bureau", "cpc-political-bureau"),
        ("foreign minister", "cn-foreign-ministry"),
    }
    assert roles(seed, "hiroshi-moriyama") == {("Secretary General", "ldp")}
    assert roles(seed, "makoto-nishida") == {("Secretary General", "komeito")}
    assert roles(seed, "liu-jianchao") == {("head", "cpc-international-department")}
    assert roles(seed, "takeshi-iwaya") == {("Minister for Foreign Affairs", "jp-foreign-ministry")}
    assert roles(seed, "taku-eto") == {("farm minister", "jp-farm-ministry")}
    assert roles(seed, "liu-jiangyong") == {
        ("vice dean", "tsinghua-institute-of-modern-international-relations")
    }
    assert roles(seed, "shigeru-ishiba") == {("Prime Minister", "jp-government")}
    assert roles(seed, "lu-chao") == {
        ("expert on the Korean Peninsula", "liaoning-academy-of-social-sciences")
    }


def parent_chain(seed: dm.Dossier, institution: str) -> list[str]:
    chain = [institution]
    while (parent := seed.get(chain[-1], dm.Institution).parent) is not None:
        chain.append(parent)
    return chain


def test_institutions_with_abbreviations_and_parent_chains(seed: dm.Dossier) -> None:
    assert parent_chain(seed, "cpc-political-bureau-standing-committee") == [
        "cpc-political-bureau-standing-committee",
        "cpc-political-bureau",
        "cpc-central-committee",
        "cpc",
    ]
    assert parent_chain(seed, "cpc-international-department")[1:] == [
        "cpc-central-committee",
        "cpc",
    ]
    assert parent_chain(seed, "cppcc-national-committee") == ["cppcc-national-committee", "cppcc"]
    assert parent_chain(seed, "pla-eastern-theater-command") == [
        "pla-eastern-theater-command",
        "pla",
    ]
    assert parent_chain(seed, "tsinghua-institute-of-modern-international-relations")[1] == (
        "tsinghua-university"
    )
    abbreviations = {i.id: i.abbreviations for i in seed.institutions if i.abbreviations}
    assert abbreviations["cpc"] == ("CPC",)
    assert abbreviations["cppcc"] == ("CPPCC",)
    assert abbreviations["ldp"] == ("LDP",)
    assert abbreviations["pla"] == ("PLA",)
    kinds = {i.id: i.kind for i in seed.institutions}
    outlets = {i for i, kind in kinds.items() if kind is dm.InstitutionKind.NEWS_OUTLET}
    assert outlets == {"xinhua", "global-times", "kyodo-news", "sankei-shimbun"}
    assert kinds["liaoning-academy-of-social-sciences"] is dm.InstitutionKind.RESEARCH_INSTITUTE
    assert kinds["tsinghua-university"] is dm.InstitutionKind.UNIVERSITY
    assert seed.get("jp-ruling-coalition", dm.Institution).members == ("ldp", "komeito")
    mechanism = seed.get("china-japan-ruling-party-exchange-mechanism", dm.Institution)
    assert mechanism.kind is dm.InstitutionKind.EXCHANGE_MECHANISM
    assert set(mechanism.members) == {"cpc", "ldp", "komeito"}


def test_countries_by_iso_code(seed: dm.Dossier) -> None:
    assert {(c.id, c.alpha2, c.alpha3) for c in seed.countries} == {
        ("cn", "CN", "CHN"),
        ("jp", "JP", "JPN"),
        ("us", "US", "USA"),
    }


def event(seed: dm.Dossier, id: str) -> dm.Event:
    return seed.get(id, dm.Event)


def parts(seed: dm.Dossier, id: str) -> set[tuple[str, PP]]:
    return {(p.participant, p.part) for p in event(seed, id).participants}


def test_the_tuesday_meetings_inside_the_three_day_trip(seed: dm.Dossier) -> None:
    trip = event(seed, "coalition-delegation-trip")
    assert trip.kind is dm.EventKind.VISIT
    assert trip.status is ES.ONGOING  # Tuesday, in a trip that runs through Wednesday
    assert trip.date is not None
    assert (trip.date.earliest, trip.date.latest) == (dt.date(2025, 1, 13), dt.date(2025, 1, 15))
    assert trip.date.edtf == "2025-01-13/2025-01-15"
    assert {
        ("hiroshi-moriyama", PP.DELEGATION_LEAD),
        ("makoto-nishida", PP.DELEGATION_LEAD),
    } <= parts(seed, "coalition-delegation-trip")
    for meeting, host in (
        ("wang-huning-meets-delegation", "wang-huning"),
        ("wang-yi-meets-delegation", "wang-yi"),
    ):
        found = event(seed, meeting)
        assert found.kind is dm.EventKind.MEETING
        assert found.status is ES.TOOK_PLACE
        assert found.part_of == "coalition-delegation-trip"
        assert found.date is not None
        assert found.date.earliest == found.date.latest == dt.date(2025, 1, 14)
        assert {
            (host, PP.HOST),
            ("jp-ruling-coalition-delegation", PP.GUEST),
            ("hiroshi-moriyama", PP.DELEGATION_LEAD),
            ("makoto-nishida", PP.DELEGATION_LEAD),
        } == parts(seed, meeting)


def test_the_ninth_mechanism_meeting(seed: dm.Dossier) -> None:
    ninth = event(seed, "mechanism-meeting-9")
    assert ninth.kind is dm.EventKind.MECHANISM_SESSION
    assert (ninth.series, ninth.number) == ("china-japan-ruling-party-exchange-mechanism", 9)
    assert ninth.place is not None
    assert (ninth.place.name, ninth.place.country) == ("Beijing", "cn")
    assert ninth.part_of == "coalition-delegation-trip"
    assert ninth.date is None  # the article gives it no day of its own
    assert {"cpc", "jp-ruling-coalition", "liu-jianchao", "hiroshi-moriyama", "makoto-nishida"} == {
        p.participant for p in ninth.participants
    }


def test_the_tentative_tenth_meeting_in_japan_this_autumn(seed: dm.Dossier) -> None:
    tenth = event(seed, "mechanism-meeting-10")
    assert tenth.status is ES.TENTATIVE
    assert tenth.number == 10
    assert tenth.place is not None
    assert tenth.place.country == "jp"
    assert tenth.date is not None
    assert tenth.date.edtf == "2025-27"
    assert (tenth.date.earliest, tenth.date.latest) == (dt.date(2025, 9, 1), dt.date(2025, 11, 30))


def test_the_other_events_and_their_dates(seed: dm.Dossier) -> None:
    expected = {
        "foreign-ministers-talks-2024-12": (ES.TOOK_PLACE, "2024-12"),
        "eto-remarks-tokyo": (ES.TOOK_PLACE, "2025-01-14"),
        "eto-visit-to-china": (ES.PLANNED, "[2025-01-15..2025-01-19]"),
        "defense-ministry-announcement": (ES.TOOK_PLACE, "2025-01-13"),
        "eastern-theater-command-visit-to-japan": (ES.PLANNED, "[2025-01-11..2025-01-20]"),
        "sankei-editorial": (ES.TOOK_PLACE, "2025-01-14"),
    }
    for id, (status, edtf) in expected.items():
        found = event(seed, id)
        assert found.status is status, id
        assert found.date is not None
        assert found.date.edtf == edtf, id
    assert event(seed, "sankei-editorial").title == (
        "Why Are Japanese Politicians Heading to China but Not the US"
    )
    readout = event(seed, "readout-mechanism-meeting-9")
    assert readout.kind is dm.EventKind.REPORT
    assert parts(seed, readout.id) == {("cpc-international-department", PP.AUTHOR)}
    assert parts(seed, "foreign-ministers-talks-2024-12") == {
        ("wang-yi", PP.PARTICIPANT),
        ("takeshi-iwaya", PP.PARTICIPANT),
    }


def statement(seed: dm.Dossier, id: str) -> dm.Statement:
    return seed.get(id, dm.Statement)


def test_statements_speakers_modes_acts_and_channels(seed: dm.Dossier) -> None:
    expected = {
        "wang-huning-in-depth-exchanges": (("wang-huning",), "paraphrase", "call", "xinhua"),
        "wang-huning-cppcc-contributions": (("wang-huning",), "direct-quote", "pledge", None),
        "wang-yi-close-neighbors": (("wang-yi",), "paraphrase", "claim", None),
        "wang-yi-important-opportunity": (("wang-yi",), "paraphrase", "call", None),
        "mechanism-call-for-exchanges": (
            ("cpc", "jp-ruling-coalition"),
            "paraphrase",
            "call",
            None,
        ),
        "liu-jianchao-implement-consensus": (("liu-jianchao",), "paraphrase", "pledge", "xinhua"),
        "liu-jianchao-strengthen-dialogue": (("liu-jianchao",), "paraphrase", "call", None),
        "secretaries-general-resumption": (
            ("hiroshi-moriyama", "makoto-nishida"),
            "paraphrase",
            "claim",
            None,
        ),
        "secretaries-general-closer-exchanges": (
            ("hiroshi-moriyama", "makoto-nishida"),
            "paraphrase",
            "pledge",
            None,
        ),
        "eto-announces-visit": (("taku-eto",), "paraphrase", "announcement", "kyodo-news"),
        "defense-ministry-eastern-theater-visit": (
            ("cn-defense-ministry",),
            "paraphrase",
            "announcement",
            None,
        ),
        "liu-jiangyong-frequent-exchanges": (
            ("liu-jiangyong",),
            "paraphrase",
            "claim",
            "global-times",
        ),
        "liu-jiangyong-substantial-results": (
            ("liu-jiangyong",),
            "paraphrase",
            "claim",
            "global-times",
        ),
        "article-right-wing-criticism": (("global-times",), "assertion", "claim", None),
        "sankei-editorial-title": (("sankei-shimbun",), "direct-quote", "question", None),
        "sankei-editorial-priorities": (("sankei-shimbun",), "direct-quote", "question", None),
        "lu-chao-stay-clear-of-hawks": (("lu-chao",), "paraphrase", "claim", "global-times"),
        "lu-chao-crucial-question": (("lu-chao",), "paraphrase", "claim", None),
    }
    assert {s.id for s in seed.statements} == set(expected)
    for id, (speakers, mode, act, channel) in expected.items():
        found = statement(seed, id)
        got = (found.speakers, found.mode.value, found.act.value, found.channel)
        assert got == (speakers, mode, act, channel), id


def test_coreference_liu_added_is_the_international_department_head(seed: dm.Dossier) -> None:
    added = statement(seed, "liu-jianchao-strengthen-dialogue")
    assert added.speakers == ("liu-jianchao",)
    assert (
        seed.get("liu-jianchao", dm.Person).roles[0].institution == "cpc-international-department"
    )
    assert any(e.quote == "Liu added" for e in added.evidence)
    they = statement(seed, "secretaries-general-closer-exchanges")
    assert any(e.quote == "They said" for e in they.evidence)


def test_the_direct_quotes_are_the_quoted_words(seed: dm.Dossier) -> None:
    text = seed.article.text
    for s in seed.statements:
        if s.mode is dm.StatementMode.DIRECT_QUOTE:
            assert text[s.content.start - 1] == '"'
    priorities = statement(seed, "sankei-editorial-priorities")
    assert priorities.content.quote.startswith("Don't these party bigwigs")
    assert priorities.content.quote.endswith("to our ally, the US?")
    assert priorities.event == "sankei-editorial"


def test_statements_at_events(seed: dm.Dossier) -> None:
    at = {s.id: s.event for s in seed.statements}
    assert at["wang-huning-in-depth-exchanges"] == "wang-huning-meets-delegation"
    assert at["wang-yi-close-neighbors"] == "wang-yi-meets-delegation"
    assert at["liu-jianchao-strengthen-dialogue"] == "mechanism-meeting-9"
    assert at["eto-announces-visit"] == "eto-remarks-tokyo"
    assert at["lu-chao-crucial-question"] is None


def test_the_readouts_consensus_items(seed: dm.Dossier) -> None:
    expected = {
        "four-political-documents": CS.AGREED,
        "continue-strengthening-dialogue": CS.AGREED,
        "maintain-close-dialogue": CS.CONFIRMED,
        "fukushima-water-and-seafood-views": CS.VIEWS_EXCHANGED,
        "implement-government-consensus": CS.AGREED,
        "practical-cooperation-through-mechanism": CS.CONFIRMED,
        "tenth-meeting-in-japan": CS.TENTATIVELY_AGREED,
    }
    readout_items = [c for c in seed.consensus_items if c.document == "readout-mechanism-meeting-9"]
    assert {c.id: c.status for c in readout_items} == expected
    for item in readout_items:
        assert item.parties == ("cpc", "jp-ruling-coalition")
        assert item.event == "mechanism-meeting-9"
    fukushima = seed.get("fukushima-water-and-seafood-views", dm.ConsensusItem)
    assert {"fukushima-water-discharge", "seafood-imports"} <= set(fukushima.topics)
    assert "Fukushima" in fukushima.content.quote


def test_the_december_agreement(seed: dm.Dossier) -> None:
    december = seed.get("people-to-people-exchanges-2024-12", dm.ConsensusItem)
    assert december.parties == ("wang-yi", "takeshi-iwaya")
    assert december.status is CS.AGREED
    assert december.event == "foreign-ministers-talks-2024-12"
    assert (
        december.content.quote == "promoting people-to-people exchanges between the two countries"
    )


def test_every_evidence_quote_sits_at_its_offsets(seed: dm.Dossier) -> None:
    from diplomodel.walk import iter_evidence

    sites = list(iter_evidence(seed))
    assert len(sites) > 150
    for site in sites:
        assert seed.article.text[site.evidence.start : site.evidence.end] == site.evidence.quote


def test_coverage_is_complete(seed: dm.Dossier) -> None:
    coverage = seed.coverage()
    assert coverage.complete, [s.sentence.quote for s in coverage.unaccounted]
    statuses = [s.status for s in coverage.sentences]
    assert statuses[0] is dm.SentenceStatus.ARTIFACT  # the photo credit line
    assert statuses.count(dm.SentenceStatus.CITED) == len(statuses) - 1
    assert not seed.uncited


def test_the_seed_round_trips_through_json(seed: dm.Dossier) -> None:
    assert dm.from_json(dm.to_json(seed), dm.Dossier) == seed
