"""The four fixture articles, curated in full.

Each curation loads with no problem, every quote stands at its offsets, every
sentence is accounted for, and the dossier survives a JSON round trip. The
README's table names one exact fragment for each construction of the articles;
each of its rows is one test row here, asserted on the loaded dossier at that
fragment. What still waits for the model is listed in the README ("Waiting for
model support"); a row of the table that waits is marked with :func:`xfail`
(strict), asserting what the curation should give once the model can say it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import diplomodel as dm
from diplomodel.coverage import SentenceStatus, split_sentences
from diplomodel.quantities import numbers_in
from diplomodel.walk import iter_evidence

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
README = ARTICLES / "README.md"
NAMES = ("wire-report", "briefing", "weekly-review", "contradicting")

MEETING = "foreign-ministers-talks-2024-12"
VISIT = "iwaya-visit-to-china-2024-12"
DIALOGUE = "people-to-people-dialogue-2024-12"
EASING = "cn-seafood-ban-easing-2024-12"
BAN = "cn-ban-on-japanese-seafood-imports"
SPOKESPERSON = "cn-foreign-ministry-spokesperson"


@functools.cache
def dossier(name: str) -> dm.Dossier:
    """The loaded curation of a fixture article, by its name or its text file's name."""
    return dm.load(ARTICLES / f"{name.removesuffix('.txt')}.toml")


def readme_rows() -> list[tuple[str, str, str]]:
    """The rows of the README's construction table: (construction, file, fragment)."""
    table = README.read_text("utf-8").split("## Waiting for model support")[0]
    rows = []
    for line in table.splitlines():
        match = re.fullmatch(r"\| (.+?) \| ([\w-]+\.txt) \| `(.+)` \|", line)
        if match:
            construction, file, fragment = match.groups()
            rows.append((construction, file, fragment))
    return rows


def span_of(found: dm.Dossier, fragment: str) -> dm.Evidence:
    """Where the fragment stands in the article's text; it occurs there once."""
    text = found.article.text
    assert text.count(fragment) == 1, fragment
    start = text.index(fragment)
    return dm.Evidence(quote=fragment, start=start, end=start + len(fragment))


def overlaps(one: dm.Evidence, other: dm.Evidence) -> bool:
    return one.start < other.end and other.start < one.end


def inside(inner: dm.Evidence, outer: dm.Evidence) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def cites(found: dm.Dossier, owner: str, span: dm.Evidence) -> bool:
    """Whether the object ``owner`` has evidence (or content) that touches the span."""
    return any(
        site.owner == owner and overlaps(site.evidence, span) for site in iter_evidence(found)
    )


def window(date: dm.FuzzyDate | None) -> tuple[dt.date | None, dt.date | None, str]:
    assert date is not None
    return date.earliest, date.latest, date.precision.value


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


Check = Callable[[dm.Dossier, dm.Evidence], None]


# -- checks, one kind of construction each ------------------------------------------------


def dated(holder: str, words: str, earliest: str, latest: str, precision: str) -> Check:
    """The holder cites the fragment and carries its date words, resolved to the window."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        obj = found.get(holder, (dm.Event, dm.Statement))
        assert obj.date is not None, holder
        assert obj.date.text == words
        assert words.lower() in span.quote.lower()
        assert window(obj.date) == (day(earliest), day(latest), precision)
        assert cites(found, holder, span)

    return check


def words_dated(
    owner: str, words: str, earliest: str | None, latest: str | None, precision: str
) -> Check:
    """No field holds this date: its words, cited by ``owner``, resolve to the window
    against the article's publication date."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        assert words in span.quote
        assert cites(found, owner, span)
        resolved = dm.resolve_date(words, found.article.published)
        assert window(resolved) == (
            None if earliest is None else day(earliest),
            None if latest is None else day(latest),
            precision,
        )

    return check


def spoken(statement: str, mode: str, act: str) -> Check:
    """The statement cites the fragment and is reported in ``mode``, doing ``act``."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        said = found.get(statement, dm.Statement)
        assert (said.mode.value, said.act.value) == (mode, act)
        assert cites(found, statement, span)

    return check


def of_kind(kind: str) -> Check:
    """An event of this kind tells of the fragment."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        assert any(e.kind.value == kind and cites(found, e.id, span) for e in found.events)

    return check


def uncited_with_reason(found: dm.Dossier, span: dm.Evidence) -> None:
    """The fragment lies in a passage listed as uncited, with a reason."""
    (passage,) = [p for p in found.uncited if inside(span, p.evidence) or inside(p.evidence, span)]
    assert passage.reason.strip()


def set_aside(kind: dm.ArtifactKind) -> Check:
    """The fragment is an artifact of the text of this kind, and no fact quotes it."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        (artifact,) = [a for a in found.article.artifacts if inside(span, a.evidence)]
        assert artifact.kind is kind
        assert not artifact.kind.citable
        facts = [site for site in iter_evidence(found) if site.subjects]
        assert not any(overlaps(site.evidence, span) for site in facts)

    return check


def one_cited_sentence(owner: str) -> Check:
    """An abbreviation inside the fragment ends no sentence: the fragment lies in one
    sentence, cited in full, and ``owner`` cites it."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        (sentence,) = [s for s in found.coverage().sentences if overlaps(s.sentence, span)]
        assert inside(span, sentence.sentence)
        assert sentence.status is SentenceStatus.CITED
        assert sentence.uncited_stretches == ()
        assert cites(found, owner, span)

    return check


# -- checks of one construction -----------------------------------------------------------


def tuesday_morning(found: dm.Dossier, span: dm.Evidence) -> None:
    # The arrival has no event of its own: it opens the visit, whose evidence holds
    # it, and its day is the visit's first.
    morning = dm.resolve_date("Tuesday morning", found.article.published)
    assert morning.text == "Tuesday morning"  # the part of the day stays in the words
    visit = found.get(VISIT, dm.Event)
    assert window(morning) == (window(visit.date)[0],) * 2 + ("day",)
    assert cites(found, VISIT, span)


def evening_same_day_as_talks(found: dm.Dossier, span: dm.Evidence) -> None:
    banquet = found.get("wang-yi-banquet-for-iwaya-2024-12", dm.Event)
    assert banquet.date is not None
    assert "evening" in banquet.date.text
    assert window(banquet.date) == window(found.get(MEETING, dm.Event).date)
    assert banquet.part_of == VISIT
    assert cites(found, banquet.id, span)


def relative_to_the_talks(event: dm.Event, order: dm.DayOrder) -> None:
    """The event's date is the talks' day, taken from them, with its order in that day."""
    assert event.date is not None
    assert (event.date.basis, event.date.relative_to, event.date.order) == (
        dm.DateBasis.EVENT,
        MEETING,
        order,
    )


def earlier_in_the_day(found: dm.Dossier, span: dm.Evidence) -> None:
    meeting = found.get("iwaya-meets-japanese-business-community-2024-12", dm.Event)
    assert cites(found, meeting.id, span)
    assert window(meeting.date) == window(found.get(MEETING, dm.Event).date)
    relative_to_the_talks(meeting, dm.DayOrder.BEFORE)


def signed_the_same_day(found: dm.Dossier, span: dm.Evidence) -> None:
    (signing,) = [e for e in found.events if e.kind.value == "signing"]
    assert cites(found, signing.id, span)
    assert window(signing.date) == window(found.get(MEETING, dm.Event).date)
    relative_to_the_talks(signing, dm.DayOrder.SAME)


def early_next_year_said_in_december(found: dm.Dossier, span: dm.Evidence) -> None:
    said = [e for e in found.events if e.date is not None and e.date.text == "early next year"]
    assert [window(e.date) for e in said] == [
        (day("2025-01-01"), day("2025-04-30"), "part-of-year")
    ]
    assert cites(found, said[0].id, span)
    # The words read against the review's own date would be a year late.
    assert said[0].date is not None
    assert said[0].date.basis is dm.DateBasis.CURATOR
    assert said[0].date.note is not None
    assert window(said[0].date) != window(
        dm.resolve_date("early next year", found.article.published)
    )


def curator_window(holder: str, words: str, earliest: str, latest: str) -> Check:
    """The holder's date is the curator's window for words the tense decides, with a
    note saying why, and differs from what the words alone give."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        dated(holder, words, earliest, latest, "days")(found, span)
        date = found.get(holder, dm.Event).date
        assert date is not None
        assert date.basis is dm.DateBasis.CURATOR
        assert date.note is not None
        assert "tense" in date.note
        assert window(date) != window(dm.resolve_date(words, found.article.published))

    return check


def appointed_this_month(found: dm.Dossier, span: dm.Evidence) -> None:
    (appointment,) = [e for e in found.events if e.kind.value == "appointment"]
    assert cites(found, appointment.id, span)
    assert window(appointment.date) == (day("2025-01-01"), day("2025-01-31"), "month")
    assert [p.participant for p in appointment.participants] == ["kenta-morioka"]
    # What he promised on taking office is said at the appointment.
    pledge = found.get("kenta-morioka-reopen-consular-outreach", dm.Statement)
    assert (pledge.event, pledge.act.value) == (appointment.id, "pledge")


def took_place_after_planned(found: dm.Dossier, span: dm.Evidence) -> None:
    talks = found.get(MEETING, dm.Event)
    assert talks.status is dm.EventStatus.TOOK_PLACE
    assert cites(found, MEETING, span)
    # The latest report of the four: every earlier one that has the talks has them held.
    for name in NAMES:
        earlier = dossier(name)
        if earlier.article.published < found.article.published:
            assert earlier.get(MEETING, dm.Event).status is dm.EventStatus.TOOK_PLACE


def planned_then_held(found: dm.Dossier, span: dm.Evidence) -> None:
    planned = found.get(DIALOGUE, dm.Event)
    assert planned.status is dm.EventStatus.PLANNED
    assert cites(found, DIALOGUE, span)
    held = dossier("briefing")
    assert held.article.published > found.article.published
    assert held.get(DIALOGUE, dm.Event).status is dm.EventStatus.TOOK_PLACE


def conflicting_day(found: dm.Dossier, span: dm.Evidence) -> None:
    dated(MEETING, "on Monday, Dec. 23", "2024-12-23", "2024-12-23", "day")(found, span)
    here = window(found.get(MEETING, dm.Event).date)
    for name in ("wire-report", "briefing"):
        there = window(dossier(name).get(MEETING, dm.Event).date)
        assert here[1] is not None
        assert there[0] is not None
        assert here[1] < there[0]


def conflicting_city(found: dm.Dossier, span: dm.Evidence) -> None:
    place = found.get(MEETING, dm.Event).place
    assert place is not None
    assert (place.name, place.country) == ("Tokyo", "jp")
    assert cites(found, MEETING, span)
    for name in ("wire-report", "briefing", "weekly-review"):
        other = dossier(name).get(MEETING, dm.Event).place
        assert other is not None
        assert (other.name, other.country) == ("Beijing", "cn")


def conflicting_post(found: dm.Dossier, span: dm.Evidence) -> None:
    (role,) = found.get("takeshi-iwaya", dm.Person).roles
    assert (role.title, role.institution) == ("Defense Minister", "jp-defense-ministry")
    assert any(inside(e, span) or inside(span, e) for e in role.evidence)
    for name in ("wire-report", "briefing", "weekly-review"):
        (other,) = dossier(name).get("takeshi-iwaya", dm.Person).roles
        assert other.institution == "jp-foreign-ministry"


def verbatim_question(found: dm.Dossier, span: dm.Evidence) -> None:
    spoken("broadcaster-seafood-ban-question", "direct-quote", "question")(found, span)
    content = found.get("broadcaster-seafood-ban-question", dm.Statement).content
    text = found.article.text
    assert (text[content.start - 1], text[content.end]) == ('"', '"')
    assert content.quote.endswith("?")


def partly_quoted(found: dm.Dossier, span: dm.Evidence) -> None:
    spoken("wang-yi-steady-track", "partial-quote", "call")(found, span)
    content = found.get("wang-yi-steady-track", dm.Statement).content
    assert '"onto a steady track"' in content.quote
    assert not content.quote.startswith('"')


def quoted_directly(found: dm.Dossier, span: dm.Evidence) -> None:
    spoken("iwaya-calm-in-the-region", "direct-quote", "pledge")(found, span)
    content = found.get("iwaya-calm-in-the-region", dm.Statement).content
    assert inside(content, span)
    assert found.article.text[content.start - 1] == '"'


def articles_own_voice(found: dm.Dossier, span: dm.Evidence) -> None:
    spoken("wire-first-visit-in-more-than-a-year", "assertion", "claim")(found, span)
    said = found.get("wire-first-visit-in-more-than-a-year", dm.Statement)
    assert said.speakers == ()
    assert said.voices == (dm.ARTICLE_VOICE,)
    # The outlet is named only in words set aside as artifacts, never in the prose.
    publisher = found.article.publisher
    text = found.article.text
    named = [m.start() for m in re.finditer(re.escape(publisher), text)]
    assert named
    for start in named:
        at = dm.Evidence(quote=publisher, start=start, end=start + len(publisher))
        assert any(inside(at, a.evidence) for a in found.article.artifacts)


def for_the_ministry(found: dm.Dossier, span: dm.Evidence) -> None:
    said = found.get("spokesperson-high-level-contacts", dm.Statement)
    assert said.speakers == (SPOKESPERSON,)
    assert said.on_behalf_of == "cn-foreign-ministry"
    # The spokesperson is a person the article does not name, holding the ministry's role.
    (role,) = unnamed(found, SPOKESPERSON, span).roles
    assert (role.title, role.institution) == ("spokesperson", "cn-foreign-ministry")
    assert cites(found, said.id, span)
    spokesperson_said = [s for s in found.statements if s.speakers == (SPOKESPERSON,)]
    assert all(s.on_behalf_of == "cn-foreign-ministry" for s in spokesperson_said)


def told_to(found: dm.Dossier, span: dm.Evidence) -> None:
    said = found.get("wang-yi-delicate-but-hopeful", dm.Statement)
    assert said.addressees == ("takeshi-iwaya",)
    assert said.speakers == ("wang-yi",)
    assert cites(found, said.id, span)


def inferred_speaker(found: dm.Dossier, span: dm.Evidence) -> None:
    said = found.get("spokesperson-meet-japan-halfway", dm.Statement)
    assert said.speaker_inferred
    assert said.content.quote.startswith("We ")
    assert found.article.text[said.content.start - 1] != '"'
    assert cites(found, said.id, span)
    assert [s.id for s in found.statements if s.speaker_inferred] == [said.id]


def reported_event(found: dm.Dossier, span: dm.Evidence) -> None:
    dialogue = found.get(DIALOGUE, dm.Event)
    assert dialogue.reported_by == SPOKESPERSON
    assert cites(found, DIALOGUE, span)
    # Not curated a second time as a statement.
    assert not any(overlaps(s.content, span) for s in found.statements)


def co_chaired(found: dm.Dossier, span: dm.Evidence) -> None:
    dialogue = found.get(DIALOGUE, dm.Event)
    assert cites(found, DIALOGUE, span)
    assert {p.participant: p.part.value for p in dialogue.participants} == {
        "wang-yi": "co-chair",
        "takeshi-iwaya": "co-chair",
    }


def consensus_of(item: str, status: str) -> Check:
    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        agreed = found.get(item, dm.ConsensusItem)
        assert agreed.status.value == status
        assert cites(found, item, span)

    return check


def reaffirmed(found: dm.Dossier, span: dm.Evidence) -> None:
    consensus_of("xi-ishiba-strategic-relationship-reaffirmed", "reaffirmed")(found, span)
    item = found.get("xi-ishiba-strategic-relationship-reaffirmed", dm.ConsensusItem)
    assert item.event == "xi-ishiba-summit-2024-11"
    assert "agreed by their predecessors" in item.content.quote


def unnamed(found: dm.Dossier, person: str, span: dm.Evidence) -> dm.Person:
    """The person has no name, is shown by a description in the article's words, and
    cites the fragment."""
    someone = found.get(person, dm.Person)
    assert not someone.is_named
    assert (someone.family_name, someone.given_name) == (None, None)
    assert someone.description is not None
    assert someone.label == someone.description
    # Described in the article's own words.
    words = set(re.findall(r"[\w']+", found.article.text.casefold()))
    assert set(re.findall(r"[\w']+", someone.description.casefold())) <= words
    assert cites(found, person, span)
    return someone


def unnamed_speaker(statement: str) -> Check:
    """An unnamed person says the statement, which cites the fragment."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        said = found.get(statement, dm.Statement)
        (speaker,) = said.speakers
        unnamed(found, speaker, span)
        assert cites(found, statement, span)
        assert not any(inside(span, p.evidence) for p in found.uncited)

    return check


def unnamed_source_of(owner: str) -> Check:
    """The event or consensus item is reported by an unnamed person, and no longer
    left uncited."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        reported = found.get(owner, (dm.Event, dm.ConsensusItem))
        assert reported.reported_by is not None
        unnamed(found, reported.reported_by, span)
        assert cites(found, owner, span)
        assert not any(overlaps(span, p.evidence) for p in found.uncited)

    return check


def number_in(owner: str, value: float, unit: str | None, counts: str) -> Check:
    """The owner holds a quantity whose evidence lies in the fragment, and the value is
    one the fragment writes."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        obj = found.get(owner, (dm.Event, dm.Statement, dm.ConsensusItem))
        (quantity,) = [q for q in obj.quantities if any(inside(e, span) for e in q.evidence)]
        assert (quantity.value, quantity.unit, quantity.counts) == (value, unit, counts)
        assert value in list(numbers_in(span.quote))

    return check


def three_day_visit(found: dm.Dossier, span: dm.Evidence) -> None:
    number_in(VISIT, 3, "day", "length of the visit")(found, span)
    earliest, latest, precision = window(found.get(VISIT, dm.Event).date)
    assert precision == "days"
    assert earliest is not None
    assert latest is not None
    assert (latest - earliest).days + 1 == 3


def in_the_words_of_the_role(found: dm.Dossier, span: dm.Evidence) -> None:
    # The role starts with the words; they are also the article's own assertion.
    (role,) = found.get("takeshi-iwaya", dm.Person).roles
    assert role.start is not None
    assert role.start.text == "in October"
    assert window(role.start) == (day("2024-10-01"), day("2024-10-31"), "month")
    assert role.end is None
    assert not role.former
    assert any(inside(e, span) or inside(span, e) for e in role.evidence)
    assert cites(found, "wire-first-trip-since-taking-post", span)


def predecessor(found: dm.Dossier, span: dm.Evidence) -> None:
    said = found.get("wire-first-trip-since-taking-post", dm.Statement)
    assert said.mode is dm.StatementMode.ASSERTION
    assert inside(span, said.content)
    # The predecessor, unnamed, held the post Iwaya holds now, and no longer does.
    (role,) = unnamed(found, "takeshi-iwaya-predecessor", span).roles
    (current,) = found.get("takeshi-iwaya", dm.Person).roles
    assert role.former
    assert not current.former
    assert (role.title, role.institution) == (current.title, current.institution)


def former_diplomat_in_the_2000s(found: dm.Dossier, span: dm.Evidence) -> None:
    former_role("keiko-nishida", "diplomat")(found, span)
    (role,) = found.get("keiko-nishida", dm.Person).roles
    for bound in (role.start, role.end):
        assert bound is not None
        assert bound.text in span.quote
        assert window(bound) == (day("2000-01-01"), day("2009-12-31"), "decade")
        assert bound.edtf == "200X"


def fiscal_year_end(found: dm.Dossier, span: dm.Evidence) -> None:
    talks = found.get("cn-jp-foreign-ministers-talks-next-round", dm.Event)
    assert cites(found, talks.id, span)
    date = talks.date
    assert date is not None
    assert date.text in span.quote
    assert (date.basis, date.earliest, date.latest) == (
        dm.DateBasis.CURATOR,
        None,
        day("2025-03-31"),
    )
    assert date.note is not None
    assert "31 March" in date.note
    # No form reads a fiscal year: the words alone give nothing.
    with pytest.raises(dm.DateResolutionError):
        dm.resolve_date(date.text, found.article.published)


def former_role(person: str, title: str) -> Check:
    """The person's one role is former, held in a country, and cites the fragment."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        (role,) = found.get(person, dm.Person).roles
        assert role.former
        assert role.title == title
        assert role.title in span.quote
        assert role.country == found.get(person, dm.Person).country
        assert any(inside(e, span) or inside(span, e) for e in role.evidence)

    return check


def office_of_state(person: str, title: str, country: str) -> Check:
    """The office is held in a country, with no institution made up for it."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        (role,) = found.get(person, dm.Person).roles
        assert (role.title, role.country, role.institution) == (title, country, None)
        assert title in span.quote
        assert found.get(country, dm.Country).name in {"China", "Japan"}
        assert any(inside(e, span) or inside(span, e) for e in role.evidence)
        assert cites(found, person, span)

    return check


def consul_general(found: dm.Dossier, span: dm.Evidence) -> None:
    office_of_state("kenta-morioka", "consul general in Shanghai", "jp")(found, span)
    (role,) = found.get("kenta-morioka", dm.Person).roles
    assert role.start is not None
    # The role starts when he took office: the appointment's month.
    (appointment,) = [e for e in found.events if e.kind.value == "appointment"]
    assert window(role.start) == window(appointment.date)


def other_name(owner: str) -> Check:
    """The object is named here in other words, and they are its evidence."""

    def check(found: dm.Dossier, span: dm.Evidence) -> None:
        obj = found.get(owner)
        assert any(e.quote == span.quote for e in getattr(obj, "evidence", ()))
        # The same object, under its one id, in the other reports.
        assert dossier("wire-report").get(owner).name == obj.name

    return check


def both_cases(found: dm.Dossier, span: dm.Evidence) -> None:
    (lower,) = found.get("takeshi-iwaya", dm.Person).roles
    (upper,) = found.get("wang-yi", dm.Person).roles
    assert (lower.title, upper.title) == ("foreign minister", "Foreign Minister")
    assert cites(found, "takeshi-iwaya", span)
    assert cites(found, "wang-yi", span)
    (wire_role,) = dossier("wire-report").get("takeshi-iwaya", dm.Person).roles
    assert wire_role.institution == lower.institution
    assert wire_role.title.casefold() == lower.title.casefold() != wire_role.title


def city_only(found: dm.Dossier, span: dm.Evidence) -> None:
    meeting = found.get("cn-jp-vice-foreign-ministers-meeting-astana-2024-07", dm.Event)
    place = meeting.place
    assert place is not None
    assert place.name == "Astana"
    assert place.country is None
    assert place.country_code == "KZ"
    # The curator knows the country; the article never names it.
    assert "Kazakhstan" not in found.article.text
    assert all(c.alpha2 != "KZ" for c in found.countries)
    assert dm.Identifier(scheme="wikidata", identifier="Q1520") in place.identifiers
    assert cites(found, meeting.id, span)


def lima(found: dm.Dossier, span: dm.Evidence) -> None:
    summit = found.get("xi-ishiba-summit-2024-11", dm.Event)
    assert summit.place is not None
    assert (summit.place.name, summit.place.country, summit.place.country_code) == (
        "Lima",
        None,
        "PE",
    )
    assert "Peru" not in found.article.text
    assert cites(found, summit.id, span)


def caption_cited(found: dm.Dossier, span: dm.Evidence) -> None:
    # The whole caption is marked, and the talks cite words inside it.
    (caption,) = [a for a in found.article.artifacts if overlaps(a.evidence, span)]
    assert caption.kind is dm.ArtifactKind.CAPTION
    assert caption.evidence == span
    assert cites(found, MEETING, span)
    (sentence,) = [s for s in found.coverage().sentences if overlaps(s.sentence, span)]
    assert sentence.status is SentenceStatus.CITED
    assert sentence.uncited_stretches == ()


def cut_off(found: dm.Dossier, span: dm.Evidence) -> None:
    set_aside(dm.ArtifactKind.TRUNCATION)(found, span)
    text = found.article.text
    assert span.end == len(text)
    assert not text.endswith("\n")


def trailing_clause(found: dm.Dossier, span: dm.Evidence) -> None:
    said = found.get("wire-neighbours-firmer-footing", dm.Statement)
    assert said.content.quote.endswith(span.quote)
    one_cited_sentence(said.id)(found, span)


def in_december_and_held(found: dm.Dossier, span: dm.Evidence) -> None:
    # Two rows of the README name this fragment: the vague date and the status.
    dated(MEETING, "in December", "2024-12-01", "2024-12-31", "month")(found, span)
    took_place_after_planned(found, span)


def ministry_named_otherwise(found: dm.Dossier, span: dm.Evidence) -> None:
    # The review names the ministry in its own words, under the one id the others use.
    ministry = found.get("cn-foreign-ministry", dm.Institution)
    named = span_of(found, "the Chinese foreign ministry")
    assert ministry.evidence == (named,)
    assert ministry.name.casefold() in named.quote.casefold()
    assert dossier("wire-report").get("cn-foreign-ministry", dm.Institution).name != ministry.name
    spoken("cn-foreign-ministry-busier-calendar", "paraphrase", "claim")(found, span)


def colon_dateline(found: dm.Dossier, span: dm.Evidence) -> None:
    # Only the city and its colon are set aside; the sentence they open is cited.
    set_aside(dm.ArtifactKind.DATELINE)(found, span_of(found, "BEIJING:"))
    assert cites(found, "spokesperson-high-level-contacts", span)


def signed_memorandum(found: dm.Dossier, span: dm.Evidence) -> None:
    of_kind("signing")(found, span)
    (signing,) = [e for e in found.events if e.kind.value == "signing"]
    assert signing.part_of == VISIT
    # What was signed is the consensus item of the signing.
    memorandum = found.get("school-exchange-memorandum", dm.ConsensusItem)
    assert memorandum.event == signing.id
    assert inside(memorandum.content, span)


def eased_ban(found: dm.Dossier, span: dm.Evidence) -> None:
    of_kind("policy-measure")(found, span)
    easing = found.get(EASING, dm.Event)
    assert easing.kind.value == "policy-measure"
    # In force at the briefing's date, until March.
    assert easing.status is dm.EventStatus.ONGOING
    assert cites(found, EASING, span_of(found, "The easing is in force until March"))


def suspended_last_year(found: dm.Dossier, span: dm.Evidence) -> None:
    dated(BAN, "last year", "2023-01-01", "2023-12-31", "year")(found, span)
    ban = found.get(BAN, dm.Event)
    assert (ban.kind.value, ban.status) == ("policy-measure", dm.EventStatus.TOOK_PLACE)


def same_measure_late_last_year(found: dm.Dossier, span: dm.Evidence) -> None:
    # The review's easing is the briefing's, under one id; the two dates meet.
    easing = found.get(EASING, dm.Event)
    assert easing.kind.value == "policy-measure"
    assert cites(found, EASING, span)
    here = window(easing.date)
    there = window(dossier("briefing").get(EASING, dm.Event).date)
    assert here[0] is not None
    assert here[1] is not None
    assert there[0] is not None
    assert there[1] is not None
    assert max(here[0], there[0]) <= min(here[1], there[1])


def one_ban_in_three_reports(found: dm.Dossier, span: dm.Evidence) -> None:
    # The same ban under one id in the wire report, the briefing and the review; only
    # the wire report dates it.
    assert cites(found, BAN, span)
    dated_in = []
    for name in ("wire-report", "briefing", "weekly-review"):
        ban = dossier(name).get(BAN, dm.Event)
        assert (ban.kind.value, ban.status) == ("policy-measure", dm.EventStatus.TOOK_PLACE)
        if ban.date is not None:
            dated_in.append(name)
    assert dated_in == ["wire-report"]
    # The easing comes after the ban it eases.
    easing = window(found.get(EASING, dm.Event).date)
    ban_date = window(dossier("wire-report").get(BAN, dm.Event).date)
    assert ban_date[1] is not None
    assert easing[0] is not None
    assert ban_date[1] < easing[0]


def reporter(found: dm.Dossier, span: dm.Evidence) -> None:
    unnamed_speaker("broadcaster-seafood-ban-question")(found, span)
    (speaker,) = found.get("broadcaster-seafood-ban-question", dm.Statement).speakers
    (role,) = found.get(speaker, dm.Person).roles
    assert (role.title, role.institution) == ("reporter", "japanese-broadcaster")
    assert found.get("japanese-broadcaster", dm.Institution).kind.value == "news-outlet"


def xfail(reason: str) -> pytest.MarkDecorator:
    """The mark of a row that waits for the model: strict, so it fails once it passes."""
    return pytest.mark.xfail(strict=True, reason=reason)


# One check per row of the README's table, by (file, fragment); a mark for the rows
# that wait for the model.
CHECKS: dict[tuple[str, str], tuple[Check, pytest.MarkDecorator | None]] = {
    ("weekly-review.txt", "from July 26 to 27"): (
        curator_window(
            "cn-jp-vice-foreign-ministers-meeting-astana-2024-07",
            "from July 26 to 27",
            "2024-07-26",
            "2024-07-27",
        ),
        None,
    ),
    ("wire-report.txt", "a three-day visit, Dec. 24-26"): (
        dated(VISIT, "Dec. 24-26", "2024-12-24", "2024-12-26", "days"),
        None,
    ),
    ("weekly-review.txt", "will travel to Shanghai January 13-15"): (
        dated(
            "jp-business-mission-visit-shanghai-2025-01",
            "January 13-15",
            "2025-01-13",
            "2025-01-15",
            "days",
        ),
        None,
    ),
    ("briefing.txt", "which ran from Tuesday to Thursday"): (
        dated(VISIT, "from Tuesday to Thursday", "2024-12-24", "2024-12-26", "days"),
        None,
    ),
    ("weekly-review.txt", "will make a two-day visit starting Tuesday"): (
        curator_window(
            "jp-parliamentary-delegation-visit-2025-01",
            "a two-day visit starting Tuesday",
            "2025-01-07",
            "2025-01-08",
        ),
        None,
    ),
    ("weekly-review.txt", "possibly between March 3 and 5"): (
        dated(
            "cn-jp-high-level-economic-dialogue-2025",
            "between March 3 and 5",
            "2025-03-03",
            "2025-03-05",
            "days",
        ),
        None,
    ),
    ("wire-report.txt", "in Lima last month"): (
        dated("xi-ishiba-summit-2024-11", "last month", "2024-11-01", "2024-11-30", "month"),
        None,
    ),
    ("briefing.txt", "Under a pilot measure announced this month"): (
        dated(
            EASING,
            "this month",
            "2024-12-01",
            "2024-12-31",
            "month",
        ),
        None,
    ),
    ("briefing.txt", "technical talks would continue next month"): (
        dated(
            "cn-jp-seafood-technical-talks-2025-01",
            "next month",
            "2025-01-01",
            "2025-01-31",
            "month",
        ),
        None,
    ),
    ("wire-report.txt", "Earlier this month, working-level officials met in Tokyo"): (
        dated(
            "cn-jp-working-level-talks-2024-12",
            "Earlier this month",
            "2024-12-01",
            "2024-12-24",
            "part-of-month",
        ),
        None,
    ),
    ("wire-report.txt", "will meet again later this month"): (
        dated(
            "cn-jp-seafood-working-group-meeting-2024-12",
            "later this month",
            "2024-12-26",
            "2024-12-31",
            "part-of-month",
        ),
        None,
    ),
    ("briefing.txt", "before the end of January?"): (
        words_dated(
            "broadcaster-seafood-ban-question",
            "the end of January",
            "2025-01-21",
            "2025-01-31",
            "part-of-month",
        ),
        None,
    ),
    ("wire-report.txt", "resume in early 2025"): (
        words_dated(
            "wang-yi-resume-economic-dialogue",
            "early 2025",
            "2025-01-01",
            "2025-04-30",
            "part-of-year",
        ),
        None,
    ),
    ("weekly-review.txt", "introduced late last year"): (
        dated(EASING, "late last year", "2024-09-01", "2024-12-31", "part-of-year"),
        None,
    ),
    ("weekly-review.txt", "diplomats now expect it in the first quarter"): (
        words_dated(
            "wang-yi-visit-to-japan-2025",
            "the first quarter",
            "2025-01-01",
            "2025-03-31",
            "quarter",
        ),
        None,
    ),
    ("contradicting.txt", "to China in Q1 2025"): (
        dated(
            "shigeru-ishiba-visit-to-china-2025", "Q1 2025", "2025-01-01", "2025-03-31", "quarter"
        ),
        None,
    ),
    ("weekly-review.txt", "a full reopening in the first half of the year"): (
        words_dated(
            "jp-government-full-reopening",
            "the first half of the year",
            "2025-01-01",
            "2025-06-30",
            "half",
        ),
        None,
    ),
    ("weekly-review.txt", "spent part of late last month in Beijing"): (
        dated(VISIT, "late last month", "2024-12-21", "2024-12-31", "part-of-month"),
        None,
    ),
    ("weekly-review.txt", "took place in Beijing in December"): (
        in_december_and_held,
        None,
    ),
    ("weekly-review.txt", 'a return visit by Wang to Japan "early next year"'): (
        early_next_year_said_in_december,
        None,
    ),
    ("wire-report.txt", "The two ministers are also planned to co-chair a dialogue"): (
        planned_then_held,
        None,
    ),
    ("wire-report.txt", "arrived in the Chinese capital on Tuesday morning"): (
        tuesday_morning,
        None,
    ),
    ("wire-report.txt", "a banquet hosted by Wang on Wednesday evening"): (
        dated(
            "wang-yi-banquet-for-iwaya-2024-12",
            "on Wednesday evening",
            "2024-12-25",
            "2024-12-25",
            "day",
        ),
        None,
    ),
    ("briefing.txt", "by some Japanese lawmakers over the weekend"): (
        dated(
            "japanese-lawmakers-taiwan-remarks-2024-12",
            "over the weekend",
            "2024-12-21",
            "2024-12-22",
            "week",
        ),
        None,
    ),
    ("briefing.txt", "is due in Beijing this weekend"): (
        dated(
            "jp-food-safety-experts-visit-beijing-2024-12",
            "this weekend",
            "2024-12-28",
            "2024-12-29",
            "week",
        ),
        None,
    ),
    ("wire-report.txt", "a forum that has not met since 2019"): (
        words_dated(
            "cn-jp-people-to-people-exchange-dialogue", "since 2019", "2019-01-01", None, "year"
        ),
        None,
    ),
    ("briefing.txt", "The easing is in force until March"): (
        words_dated(EASING, "until March", None, "2025-03-31", "month"),
        None,
    ),
    ("wire-report.txt", "in Beijing on Wednesday"): (
        dated(MEETING, "on Wednesday", "2024-12-25", "2024-12-25", "day"),
        None,
    ),
    ("briefing.txt", "talks yesterday during Iwaya's visit"): (
        dated(MEETING, "yesterday", "2024-12-25", "2024-12-25", "day"),
        None,
    ),
    ("contradicting.txt", "on Monday, Dec. 23"): (conflicting_day, None),
    ("contradicting.txt", "held talks in Tokyo on Monday"): (conflicting_city, None),
    ("contradicting.txt", "Japanese Defense Minister Takeshi Iwaya"): (conflicting_post, None),
    (
        "wire-report.txt",
        "Earlier in the day, Iwaya met members of the Japanese business community",
    ): (earlier_in_the_day, None),
    ("wire-report.txt", "Later in the day, Iwaya is scheduled to attend a banquet"): (
        evening_same_day_as_talks,
        None,
    ),
    (
        "briefing.txt",
        "On the same day, vice ministers from the two sides signed a memorandum",
    ): (signed_the_same_day, None),
    (
        "briefing.txt",
        '"Will China lift its ban on Japanese seafood imports before the end of January?"',
    ): (verbatim_question, None),
    ("wire-report.txt", 'He said ties should move "onto a steady track"'): (partly_quoted, None),
    (
        "wire-report.txt",
        '"Our two countries share a responsibility for calm in this region, and we mean to '
        'carry it together," Iwaya said.',
    ): (quoted_directly, None),
    (
        "wire-report.txt",
        "The visit is the first by a Japanese foreign minister to China in more than a year.",
    ): (articles_own_voice, None),
    (
        "wire-report.txt",
        "said Japan had already added more direct flights between the two countries this year",
    ): (spoken("iwaya-direct-flights", "paraphrase", "claim"), None),
    ("briefing.txt", "A reporter from a Japanese broadcaster asked:"): (
        spoken("broadcaster-seafood-ban-question", "direct-quote", "question"),
        None,
    ),
    ("wire-report.txt", "called on Tokyo to handle questions of history and Taiwan with care"): (
        spoken("wang-yi-history-and-taiwan", "paraphrase", "call"),
        None,
    ),
    ("wire-report.txt", "He pledged to keep channels open at every level"): (
        spoken("iwaya-channels-open", "paraphrase", "pledge"),
        None,
    ),
    (
        "wire-report.txt",
        "Wang proposed that the high-level economic dialogue resume in early 2025",
    ): (spoken("wang-yi-resume-economic-dialogue", "paraphrase", "proposal"), None),
    ("briefing.txt", "The spokesperson denied that any deadline had been set"): (
        spoken("spokesperson-no-deadline", "paraphrase", "denial"),
        None,
    ),
    ("briefing.txt", 'The spokesperson also criticised what were called "careless remarks"'): (
        spoken("spokesperson-careless-remarks", "partial-quote", "criticism"),
        None,
    ),
    ("briefing.txt", "a foreign ministry spokesperson said on Thursday"): (for_the_ministry, None),
    ("wire-report.txt", "Wang told Iwaya at the outset of the talks"): (told_to, None),
    (
        "briefing.txt",
        "We are ready to meet Japan halfway, as long as the science is sound, the spokesperson said.",
    ): (inferred_speaker, None),
    ("briefing.txt", "both ministers attended the dialogue, the spokesperson said"): (
        reported_event,
        None,
    ),
    (
        "wire-report.txt",
        "The talks follow a summit between Chinese President Xi Jinping and Japanese Prime "
        "Minister Shigeru Ishiba",
    ): (of_kind("summit"), None),
    ("briefing.txt", "Speaking at the ministry's regular press briefing"): (
        of_kind("press-conference"),
        None,
    ),
    ("briefing.txt", "signed a memorandum on school exchange trips"): (signed_memorandum, None),
    (
        "weekly-review.txt",
        "Mr. Kenta Morioka took office as Japan's consul general in Shanghai this month",
    ): (appointed_this_month, None),
    ("briefing.txt", "China has eased the ban for a short list of products"): (
        eased_ban,
        None,
    ),
    ("wire-report.txt", "which Beijing suspended last year"): (suspended_last_year, None),
    ("weekly-review.txt", "its seafood ban"): (one_ban_in_three_reports, None),
    ("weekly-review.txt", "Beijing's partial easing of its seafood ban"): (
        same_measure_late_last_year,
        None,
    ),
    ("briefing.txt", "which the two men co-chaired"): (co_chaired, None),
    (
        "wire-report.txt",
        "The ministers did not agree on the timing of a full resumption of Japanese seafood "
        "imports",
    ): (
        consensus_of("seafood-imports-timing", "not-agreed"),
        None,
    ),
    (
        "wire-report.txt",
        "the two leaders reaffirmed the mutually beneficial strategic relationship agreed by "
        "their predecessors",
    ): (reaffirmed, None),
    (
        "briefing.txt",
        "A senior official said China expected Japan to share more monitoring data",
    ): (unnamed_speaker("senior-official-monitoring-data"), None),
    ("briefing.txt", "the official added"): (
        unnamed_source_of("jp-food-safety-experts-visit-beijing-2024-12"),
        None,
    ),
    ("briefing.txt", "A reporter from a Japanese broadcaster"): (reporter, None),
    ("wire-report.txt", "a person familiar with the matter said"): (
        unnamed_source_of("cn-jp-seafood-working-group-meeting-2024-12"),
        None,
    ),
    ("contradicting.txt", "a person close to the prime minister's office said"): (
        unnamed_source_of("prepare-ishiba-visit-to-china"),
        None,
    ),
    ("contradicting.txt", "One said the government should publish"): (
        unnamed_speaker("opposition-lawmaker-publish-full-list"),
        None,
    ),
    ("contradicting.txt", "Analysts said"): (uncited_with_reason, None),
    ("briefing.txt", "the visit produced eight agreements"): (
        number_in("visit-eight-agreements", 8, None, "agreements"),
        None,
    ),
    ("wire-report.txt", "a $1 billion fund for joint green technology projects"): (
        number_in(
            "wang-yi-green-technology-fund", 1_000_000_000, "USD", "size of the proposed fund"
        ),
        None,
    ),
    ("contradicting.txt", "for about three hours"): (
        number_in(MEETING, 3, "hour", "length of the talks"),
        None,
    ),
    ("weekly-review.txt", "a two-day visit"): (
        number_in("jp-parliamentary-delegation-visit-2025-01", 2, "day", "length of the visit"),
        None,
    ),
    ("wire-report.txt", "for a three-day visit"): (three_day_visit, None),
    ("wire-report.txt", "since assuming his post in October"): (in_the_words_of_the_role, None),
    ("wire-report.txt", "the previous visit was made by his predecessor"): (predecessor, None),
    ("contradicting.txt", "a former diplomat who served in Beijing in the 2000s"): (
        former_diplomat_in_the_2000s,
        None,
    ),
    ("wire-report.txt", "Chinese President Xi Jinping"): (
        office_of_state("xi-jinping", "President", "cn"),
        None,
    ),
    ("wire-report.txt", "Japanese Prime Minister Shigeru Ishiba"): (
        office_of_state("shigeru-ishiba", "Prime Minister", "jp"),
        None,
    ),
    ("contradicting.txt", "Japanese Prime Minister Shigeru Ishiba"): (
        office_of_state("shigeru-ishiba", "Prime Minister", "jp"),
        None,
    ),
    ("weekly-review.txt", "Japan's consul general in Shanghai"): (consul_general, None),
    ("weekly-review.txt", "Japan's top diplomat"): (other_name("takeshi-iwaya"), None),
    ("weekly-review.txt", "the Chinese foreign ministry now presents the visit"): (
        ministry_named_otherwise,
        None,
    ),
    (
        "weekly-review.txt",
        "foreign minister Takeshi Iwaya and his host, Foreign Minister Wang Yi",
    ): (both_cases, None),
    ("weekly-review.txt", "at their meeting in Astana"): (city_only, None),
    ("wire-report.txt", "Lima"): (lima, None),
    (
        "wire-report.txt",
        "Photo: Wang Yi and Takeshi Iwaya shake hands before the talks in Beijing, Dec. 25, 2024.",
    ): (caption_cited, None),
    ("wire-report.txt", "BEIJING, Dec. 25 (Fixture Wire) --"): (
        set_aside(dm.ArtifactKind.DATELINE),
        None,
    ),
    ("contradicting.txt", "TOKYO, Dec. 27 --"): (set_aside(dm.ArtifactKind.DATELINE), None),
    ("briefing.txt", "BEIJING: China and Japan will keep up high-level contacts"): (
        colon_dateline,
        None,
    ),
    ("contradicting.txt", "and some in Tokyo expect the sec"): (cut_off, None),
    ("wire-report.txt", "[Fixture Wire service copy]"): (
        set_aside(dm.ArtifactKind.SOURCE_PREFIX),
        None,
    ),
    (
        "weekly-review.txt",
        "a business mission led by Mr. Haruki Sato, chairman of a Tokyo trade association",
    ): (one_cited_sentence("haruki-sato"), None),
    ("weekly-review.txt", "Mrs. Yumiko Hayase, who runs an exporters' group in Hokkaido"): (
        one_cited_sentence("yumiko-hayase"),
        None,
    ),
    ("weekly-review.txt", "Dr. Aya Kuroda, who teaches international relations"): (
        one_cited_sentence("aya-kuroda"),
        None,
    ),
    ("briefing.txt", "H.E. Wang Yi and H.E. Takeshi Iwaya"): (
        one_cited_sentence(MEETING),
        None,
    ),
    ("weekly-review.txt", "at St. Hilda's College of International Studies in Kobe"): (
        one_cited_sentence("st-hildas-college-of-international-studies"),
        None,
    ),
    ("weekly-review.txt", "its U.S. alliance against trade"): (
        one_cited_sentence("aya-kuroda-alliance-against-trade"),
        None,
    ),
    ("weekly-review.txt", "a U.K. consultancy still ranks the seafood dispute"): (
        one_cited_sentence("gb"),
        None,
    ),
    ("weekly-review.txt", "as the No. 1 irritant between the two countries"): (
        one_cited_sentence("weekly-consultancy-ranks-seafood-dispute"),
        None,
    ),
    ("wire-report.txt", "amid lingering disputes over seafood imports"): (trailing_clause, None),
    ("contradicting.txt", "before the end of the fiscal year"): (fiscal_year_end, None),
}


def _row_param(construction: str, file: str, fragment: str) -> object:
    _, mark = CHECKS.get((file, fragment), (None, None))
    return pytest.param(
        construction,
        file,
        fragment,
        id=f"{file.removesuffix('.txt')}: {construction}",
        marks=() if mark is None else (mark,),
    )


# -- the curations as wholes --------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_each_fixture_loads_with_the_text_and_the_readmes_date(name: str) -> None:
    found = dossier(name)  # a problem would raise CurationError, listing every one
    assert found.article.text == (ARTICLES / f"{name}.txt").read_text("utf-8")
    readme = README.read_text("utf-8")
    assert f"`{name}.txt` (" in readme
    said = readme.split(f"`{name}.txt` (")[1].split(")")[0]
    assert f"published {found.article.published.isoformat()}" in said
    if "publisher:" in said:
        assert f"publisher: {found.article.publisher}," in said


@pytest.mark.parametrize("name", NAMES)
def test_every_quote_stands_at_its_offsets(name: str) -> None:
    found = dossier(name)
    text = found.article.text
    sites = list(iter_evidence(found))
    assert len(sites) > len(split_sentences(text))
    for site in sites:
        span = site.evidence
        assert text[span.start : span.end] == span.quote, site.path


@pytest.mark.parametrize("name", NAMES)
def test_every_sentence_is_cited_or_listed(name: str) -> None:
    coverage = dossier(name).coverage()
    counts = {status: 0 for status in SentenceStatus}
    for sentence in coverage.sentences:
        counts[sentence.status] += 1
    assert counts[SentenceStatus.UNACCOUNTED] == 0
    assert coverage.complete
    assert coverage.uncited_stretches == ()
    assert sum(counts.values()) == len(split_sentences(dossier(name).article.text))
    # Most of each article is facts, not set aside.
    assert coverage.cited_share > 0.7


@pytest.mark.parametrize("name", NAMES)
def test_each_fixture_survives_a_json_round_trip(name: str) -> None:
    found = dossier(name)
    assert dm.from_json(dm.to_json(found), dm.Dossier) == found


@pytest.mark.parametrize("name", NAMES)
def test_each_fixture_dump_meets_the_json_schema(name: str, schema: Any) -> None:
    data = dm.to_dict(dossier(name))
    assert [error.message for error in schema.iter_errors(data)] == []


def test_the_same_things_have_the_same_ids_in_all_four() -> None:
    shared = {
        "wang-yi": dm.Person,
        "takeshi-iwaya": dm.Person,
        "cn": dm.Country,
        "jp": dm.Country,
    }
    for name in NAMES:
        found = dossier(name)
        for thing, kind in shared.items():
            assert found.get(thing, kind).name == dossier(NAMES[0]).get(thing, kind).name, thing
        assert found.get(MEETING, dm.Event).kind is dm.EventKind.TALKS
        participants = {p.participant for p in found.get(MEETING, dm.Event).participants}
        assert participants == {"wang-yi", "takeshi-iwaya"}
    # The seed reports the same talks under the same id.
    assert dm.load_seed().get(MEETING, dm.Event).kind is dm.EventKind.TALKS


def test_the_three_agreeing_reports_put_the_talks_in_one_day_of_one_visit() -> None:
    agreeing = [dossier(name) for name in ("wire-report", "briefing", "weekly-review")]
    windows = [window(d.get(MEETING, dm.Event).date) for d in agreeing]
    earliest = max(w[0] for w in windows if w[0] is not None)
    latest = min(w[1] for w in windows if w[1] is not None)
    assert earliest == latest  # December 2024, 25 December and 25 December meet in one day
    for found in agreeing:
        assert found.get(MEETING, dm.Event).part_of == VISIT
        first, last, _ = window(found.get(VISIT, dm.Event).date)
        assert first is not None
        assert last is not None
        assert first <= earliest <= last
    other = dossier("contradicting").get(MEETING, dm.Event)
    assert other.part_of is not None
    assert other.part_of != VISIT


def test_every_readme_row_has_a_check() -> None:
    rows = readme_rows()
    assert len(rows) == len(set(rows))
    assert {(file, fragment) for _, file, fragment in rows} == set(CHECKS)
    for _, file, fragment in rows:
        span_of(dossier(file), fragment)  # the fragment is exact, and stands once


def test_every_waiting_fragment_is_in_its_files() -> None:
    waiting = README.read_text("utf-8").split("## Waiting for model support")[1]
    rows = [line for line in waiting.splitlines() if line.startswith("| `")]
    assert rows
    for line in rows:
        fragments_cell, files_cell = line.strip("|").split(" | ")[:2]
        texts = [(ARTICLES / f.strip()).read_text("utf-8") for f in files_cell.split(",")]
        for fragment in re.findall(r"`([^`]+)`", fragments_cell):
            assert any(fragment in text for text in texts), fragment


@pytest.mark.parametrize(
    ("construction", "file", "fragment"),
    [_row_param(*row) for row in readme_rows()],
)
def test_construction_at_its_fragment(construction: str, file: str, fragment: str) -> None:
    check, _ = CHECKS[(file, fragment)]
    found = dossier(file)
    check(found, span_of(found, fragment))
