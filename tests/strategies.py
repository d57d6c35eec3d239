"""Hypothesis strategies that build random, valid diplomodel objects."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel.countries import iso_countries
from diplomodel.external import Identifier
from diplomodel.statements import SpeechAct

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüö", min_size=1, max_size=8)
names = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzüÉ", min_size=1, max_size=10
)
slugs = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
topics = st.lists(slugs, unique=True, max_size=3).map(tuple)
days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> dm.FuzzyDate:
    """A FuzzyDate of any precision whose window fits that precision."""
    precision = draw(st.sampled_from(dm.DatePrecision))
    day = draw(days)
    text = draw(st.text(min_size=1, max_size=20).filter(str.strip))
    first, last = day, day
    if precision in (dm.DatePrecision.DAYS, dm.DatePrecision.WEEK):
        last = day + dt.timedelta(days=draw(st.integers(0, 6)))
    elif precision is dm.DatePrecision.PART_OF_MONTH:
        first = day.replace(day=draw(st.sampled_from([1, 11, 21])))
        last = min(
            first + dt.timedelta(days=9), day.replace(day=1) + relativedelta(months=1, days=-1)
        )
    elif precision is dm.DatePrecision.MONTH:
        first = day.replace(day=1)
        last = first + relativedelta(months=1, days=-1)
    elif precision is dm.DatePrecision.SEASON:
        first = dt.date(day.year, draw(st.sampled_from([3, 6, 9, 12])), 1)
        last = first + relativedelta(months=3, days=-1)
    elif precision is dm.DatePrecision.YEAR:
        first, last = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    elif precision in (dm.DatePrecision.PART_OF_YEAR, dm.DatePrecision.QUARTER):
        months = 4 if precision is dm.DatePrecision.PART_OF_YEAR else 3
        first = dt.date(day.year, draw(st.sampled_from(range(1, 13, months))), 1)
        last = first + relativedelta(months=months, days=-1)
    elif precision is dm.DatePrecision.HALF:
        first = dt.date(day.year, draw(st.sampled_from([1, 7])), 1)
        last = first + relativedelta(months=6, days=-1)
    elif precision is dm.DatePrecision.DECADE:
        first, last = dt.date(day.year // 10 * 10, 1, 1), dt.date(day.year // 10 * 10 + 9, 12, 31)
    return dm.FuzzyDate(text=text, earliest=first, latest=last, precision=precision)


class _Text:
    """A random article body and a way to cite spans of it."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.artifact_line = "Photo:" + draw(words)
        body = " ".join(draw(st.lists(words, min_size=8, max_size=40)))
        self.text = f"{self.artifact_line}\n{body}"
        self.body_start = len(self.artifact_line) + 1
        self.draw = draw

    def span(self) -> dm.Evidence:
        start = self.draw(st.integers(self.body_start, len(self.text) - 1))
        end = self.draw(st.integers(start + 1, min(len(self.text), start + 25)))
        while not self.text[start:end].strip():
            start, end = self.body_start, self.body_start + 1
        return dm.Evidence(quote=self.text[start:end], start=start, end=end)

    def spans(self, min_size: int = 1) -> tuple[dm.Evidence, ...]:
        count = self.draw(st.integers(min_size, 3))
        return tuple(self.span() for _ in range(count))

    def word(self) -> str:
        return self.span().quote.strip()


def _maybe(draw: st.DrawFn, options: list[str]) -> str | None:
    return draw(st.none() | st.sampled_from(options)) if options else None


ISO_ROWS = sorted(iso_countries().values(), key=lambda row: row.alpha2)
identifiers = st.lists(
    st.one_of(
        st.integers(1, 10**8).map(lambda n: Identifier(scheme="wikidata", identifier=f"Q{n}")),
        st.sampled_from(ISO_ROWS).map(
            lambda row: Identifier(scheme="iso3166-1", identifier=row.alpha2)
        ),
        st.builds(Identifier, scheme=slugs, identifier=names),
    ),
    unique=True,
    max_size=2,
).map(tuple)


def _country(draw: st.DrawFn, id: str, text: _Text) -> dm.Country:
    """A country of a real row of the ISO 3166-1 table, under one of its accepted names."""
    row = draw(st.sampled_from(ISO_ROWS))
    return dm.Country(
        id=id,
        name=draw(st.sampled_from(row.names)),
        alpha2=row.alpha2,
        alpha3=row.alpha3,
        evidence=text.spans(),
        identifiers=draw(identifiers),
    )


@st.composite
def dossiers(draw: st.DrawFn) -> dm.Dossier:
    """A random dossier: every reference resolves, every quote is in its text."""
    text = _Text(draw)
    ids = iter(draw(st.lists(slugs, unique=True, min_size=40, max_size=40)))
    article = dm.Article(
        id=next(ids),
        title=draw(st.none() | names),
        publisher=draw(names),
        published=draw(days),
        language=draw(st.sampled_from(["en", "zh", "ja", "en-GB"])),
        url=draw(st.none() | st.just("https://example.org/a")),
        text=text.text,
        artifacts=(
            dm.Artifact(
                kind=draw(st.sampled_from(dm.ArtifactKind)),
                reason="a photo credit",
                evidence=dm.Evidence(
                    quote=text.artifact_line, start=0, end=len(text.artifact_line)
                ),
            ),
        ),
    )
    countries = tuple(_country(draw, next(ids), text) for _ in range(draw(st.integers(0, 3))))
    country_ids = [c.id for c in countries]
    institutions: list[dm.Institution] = []
    for _ in range(draw(st.integers(0, 5))):
        earlier = [i.id for i in institutions]
        institutions.append(
            dm.Institution(
                id=next(ids),
                name=draw(names),
                kind=draw(st.sampled_from(dm.InstitutionKind)),
                abbreviations=tuple(draw(st.lists(names, max_size=2))),
                country=_maybe(draw, country_ids),
                parent=_maybe(draw, earlier),
                members=tuple(draw(st.lists(st.sampled_from(earlier), unique=True, max_size=2)))
                if earlier
                else (),
                evidence=text.spans(),
                identifiers=draw(identifiers),
            )
        )
    institution_ids = [i.id for i in institutions]
    people = []
    for _ in range(draw(st.integers(0, 4))):
        family, given = draw(names), draw(names)
        roles = (
            tuple(
                dm.Role(
                    title=draw(names),
                    institution=draw(st.sampled_from(institution_ids)),
                    evidence=text.spans(),
                )
                for _ in range(draw(st.integers(0, 2)))
            )
            if institution_ids
            else ()
        )
        people.append(
            dm.Person(
                id=next(ids),
                name=draw(st.sampled_from([f"{family} {given}", f"{given} {family}"])),
                family_name=family,
                given_name=given,
                aliases=tuple({text.word() for _ in range(draw(st.integers(0, 2)))}),
                country=_maybe(draw, country_ids),
                roles=roles,
                evidence=text.spans(),
                identifiers=draw(identifiers),
            )
        )
    actors = institution_ids + [p.id for p in people]
    events: list[dm.Event] = []
    for _ in range(draw(st.integers(0, 4))):
        in_series = draw(st.booleans()) and bool(institution_ids)
        place = None
        if draw(st.booleans()):
            place = dm.Place(
                name=draw(names),
                country=_maybe(draw, country_ids),
                evidence=text.spans(),
                identifiers=draw(identifiers),
            )
        events.append(
            dm.Event(
                id=next(ids),
                name=draw(names),
                kind=draw(st.sampled_from(dm.EventKind)),
                status=draw(st.sampled_from(dm.EventStatus)),
                date=draw(st.none() | fuzzy_dates()),
                place=place,
                participants=tuple(
                    dm.Participation(
                        participant=draw(st.sampled_from(actors)),
                        part=draw(st.sampled_from(dm.ParticipantPart)),
                        evidence=text.spans(),
                    )
                    for _ in range(draw(st.integers(0, 3) if actors else st.just(0)))
                ),
                part_of=_maybe(draw, [e.id for e in events]),
                series=draw(st.sampled_from(institution_ids)) if in_series else None,
                number=draw(st.integers(1, 20)) if in_series else None,
                title=draw(st.none() | names),
                cameo=draw(st.none() | st.sampled_from(["040", "042", "043", "036", "057"])),
                evidence=text.spans(),
                reported_by=_maybe(draw, actors),
            )
        )
    event_ids = [e.id for e in events]
    documents = [e.id for e in events if e.kind is dm.EventKind.REPORT]
    parties = actors + country_ids
    statements: list[dm.Statement] = []
    for _ in range(draw(st.integers(0, 3) if actors else st.just(0))):
        mode = draw(st.sampled_from(dm.StatementMode))
        fewest = 0 if mode is dm.StatementMode.ASSERTION else 1
        speakers = draw(st.lists(st.sampled_from(actors), min_size=fewest, max_size=2, unique=True))
        others = [id for id in parties if id not in speakers]
        bodies = [id for id in institution_ids if id not in speakers]
        statements.append(
            dm.Statement(
                id=next(ids),
                speakers=tuple(speakers),
                mode=mode,
                act=draw(st.sampled_from(SpeechAct)),
                content=text.span(),
                event=_maybe(draw, event_ids),
                channel=_maybe(draw, institution_ids),
                date=draw(st.none() | fuzzy_dates()),
                topics=draw(topics),
                evidence=text.spans(),
                on_behalf_of=_maybe(draw, bodies) if speakers else None,
                addressees=tuple(
                    draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
                    if others
                    else ()
                ),
                speaker_inferred=bool(speakers) and draw(st.booleans()),
            )
        )
    consensus_items = tuple(
        dm.ConsensusItem(
            id=next(ids),
            parties=tuple(
                draw(st.lists(st.sampled_from(parties), min_size=2, max_size=3, unique=True))
            ),
            status=draw(st.sampled_from(dm.ConsensusStatus)),
            content=text.span(),
            event=_maybe(draw, event_ids),
            document=_maybe(draw, documents),
            topics=draw(topics),
            evidence=text.spans(min_size=0),
            reported_by=_maybe(draw, actors),
        )
        for _ in range(draw(st.integers(0, 3) if len(parties) >= 2 else st.just(0)))
    )
    uncited = tuple(
        dm.UncitedPassage(reason=draw(names), evidence=text.span())
        for _ in range(draw(st.integers(0, 2)))
    )
    return dm.Dossier(
        article=article,
        countries=countries,
        institutions=tuple(institutions),
        people=tuple(people),
        events=tuple(events),
        statements=tuple(statements),
        consensus_items=consensus_items,
        uncited=uncited,
    )


def parts_of(dossier: dm.Dossier) -> list[Any]:
    """Every model object inside a dossier, nested ones included, for per-class round trips."""
    found: list[Any] = [dossier.article, *dossier.article.artifacts, *dossier.uncited]
    for entity in dossier.entities():
        found.append(entity)
        found.extend(getattr(entity, "roles", ()))
        found.extend(getattr(entity, "participants", ()))
        found.extend(getattr(entity, "evidence", ()))
        for name in ("date", "place", "content"):
            value = getattr(entity, name, None)
            if value is not None:
                found.append(value)
    return found
