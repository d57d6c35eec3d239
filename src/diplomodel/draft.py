"""A starting curation for a new article: what rules can find, for a curator to check.

:func:`draft_curation` reads an article text and writes a curation file (TOML, the
format of ``docs/curation.md``) that a curator edits rather than types: the
``[article]`` table filled; candidate countries, institutions and people; an event
for each date the resolver reads (with its window); a statement for each
reporting verb and a consensus item for each word of agreement, their quotes
filled in; the ministries ministers' titles imply; artifacts (a source prefix, a
dateline, a picture's caption or credit, a cut-off end); for each sentence no
drafted fact cites, an own-voice assertion stub and an uncited stub, one to keep;
and, as comments, the quotation-mark quotes and every sentence with its offsets.
Every candidate is found by rule and may be wrong.

The file opens with ``draft = true``, which the loader refuses with a message
saying what to do, so a draft is never loaded as if it were curated.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections import Counter

import attrs

from .countries import iso_countries
from .coverage import SENTENCE_OPENERS, TITLES, split_sentences
from .dates import resolve_date
from .errors import DiplomodelError
from .evidence import Evidence
from .passages import Passages

__all__ = [
    "ARTIFACT_REASONS",
    "DRAFT_KEY",
    "DRAFT_REFUSAL",
    "MAX_DATE_WORDS",
    "MAX_PARTICIPANTS",
    "STAND_IN_DATE",
    "ArtifactCandidate",
    "ConsensusCandidate",
    "DateCandidate",
    "DraftCandidates",
    "NamedCandidate",
    "PersonCandidate",
    "StatementCandidate",
    "draft_curation",
    "find_candidates",
    "toml_string",
]

DRAFT_KEY = "draft"
"""The top-level key that marks a curation file as a draft: ``draft = true``."""

DRAFT_REFUSAL = (
    "this file is a draft written by `diplomodel draft`, not a curation: check every "
    "candidate against the text, fix or delete it, add what is missing, then delete "
    "the line `draft = true`"
)
"""What the loader says of a file that still holds ``draft = true``."""

MAX_DATE_WORDS = 12
"""The most words a date phrase is tried with ("a three-day trip to China through Wednesday")."""

STAND_IN_DATE = dt.date(2000, 6, 14)
"""A mid-month Wednesday: recognises date words when the publication date is not given."""


@attrs.define(frozen=True, kw_only=True)
class DateCandidate:
    """Date words the resolver reads, where they stand, and the window they give."""

    span: Evidence
    """The words, as written, and where."""
    window: str
    """The window against the publication date (``2025-01-14 (day)``), or why there is none."""
    alternatives: tuple[str, ...] = ()
    """Other words for the same date that curators write: "in December" beside
    "December", "Dec. 24-26" beside "a three-day visit, Dec. 24-26"."""


@attrs.define(frozen=True, kw_only=True)
class PersonCandidate:
    """A capitalised name that stands where people's names stand."""

    id: str
    """A slug of the name: ``lu-chao`` for "Lü Chao"."""
    name: str
    """The name as written."""
    family_name: str | None
    """The word of the name the text also uses alone ("Iwaya said"), if any."""
    given_name: str | None
    """The rest of the name, when the family name is known."""
    aliases: tuple[str, ...]
    """Words of the name the text uses alone and that name no other candidate."""
    mentions: tuple[Evidence, ...]
    """Every place the full name stands, and each alias where it names the speaker."""
    titles: tuple[Evidence, ...] = ()
    """The title words before the name, each different one once: "Chinese Foreign Minister"."""


@attrs.define(frozen=True, kw_only=True)
class StatementCandidate:
    """A reporting verb and what the rules take for its speaker and words."""

    verb: Evidence
    """The reporting verb: "said", "told", "according to", "called on", …"""
    speakers: tuple[str, ...]
    """Ids of candidate people taken for the speakers; empty when none is found."""
    speaker_words: str | None
    """The words that name the speaker ("the spokesperson", "He"), when not a candidate."""
    attribution: tuple[Evidence, ...]
    """The words that attribute the statement: "Iwaya said", "said Wang Huning"."""
    content: Evidence | None
    """What was said, as the rules cut it: a quotation, or the reported clause."""
    mode: str
    """``direct-quote``, ``partial-quote`` or ``paraphrase``."""
    act: str
    """The speech act the verb suggests: ``claim``, ``question``, ``call``, …"""


@attrs.define(frozen=True, kw_only=True)
class NamedCandidate:
    """A country or an institution the text names: an id, a name, and where it stands."""

    id: str
    """The id the draft gives it: a country's alpha-2 code in lower case, else a slug."""
    name: str
    """Its name as the text writes it (a country's: the ISO 3166-1 short name)."""
    kind: str | None
    """An institution's kind, guessed from a word of its name ("Party": ``party``)."""
    codes: tuple[str, str] | None
    """A country's ISO 3166-1 alpha-2 and alpha-3 codes."""
    mentions: tuple[Evidence, ...]
    """Every place the text names it."""


@attrs.define(frozen=True, kw_only=True)
class ConsensusCandidate:
    """Words of agreement ("agreed to", "confirmed that") and what was agreed."""

    phrase: Evidence
    """The words that say the sides agreed: "They agreed to"."""
    status: str
    """``agreed``, ``confirmed``, ``tentatively-agreed`` or ``views-exchanged``."""
    content: Evidence | None
    """What was agreed, as the rules cut it."""


@attrs.define(frozen=True, kw_only=True)
class ArtifactCandidate:
    """Words that are no part of the article's prose: a dateline, a caption, a cut-off end."""

    kind: str
    """An artifact kind of the curation format: ``dateline``, ``caption``, ``truncation``, …"""
    span: Evidence
    """The words and where they stand."""


@attrs.define(frozen=True, kw_only=True)
class DraftCandidates:
    """Everything the rules find in one article text."""

    sentences: tuple[Evidence, ...]
    """Every sentence, as the coverage splits them."""
    dates: tuple[DateCandidate, ...]
    """The longest date words starting at each word, in order, none overlapping."""
    quotations: tuple[Evidence, ...]
    """The words inside each pair of quotation marks, in order."""
    countries: tuple[NamedCandidate, ...]
    """The ISO 3166-1 countries the text names, first named first."""
    institutions: tuple[NamedCandidate, ...]
    """Capitalised names with a word such as "Party", "Ministry" or "News"."""
    people: tuple[PersonCandidate, ...]
    """Names where people's names stand, first found first."""
    statements: tuple[StatementCandidate, ...]
    """One for each reporting verb outside quotation marks, in order."""
    consensus: tuple[ConsensusCandidate, ...]
    """One for each word of agreement, in order."""
    artifacts: tuple[ArtifactCandidate, ...] = ()
    """Source prefixes, datelines, photo captions and credits, a text cut off, in order."""


# -- TOML ----------------------------------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_ESCAPES["\r"] = "\\r"
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f\ud800-\udfff]')


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    if char in _ESCAPES:
        return _ESCAPES[char]
    if 0xD800 <= ord(char) <= 0xDFFF:
        return "\\uFFFD"  # a lone surrogate is no character TOML can hold
    return f"\\u{ord(char):04X}"


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string, every character kept."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


_NOT_IN_COMMENT = re.compile("[\x00-\x08\x0a-\x1f\x7f\ud800-\udfff]")


def _comment_text(value: str) -> str:
    """``value`` fit for a TOML comment: control characters shown as U+FFFD."""
    return _NOT_IN_COMMENT.sub("\ufffd", value)


# -- sentences and words ---------------------------------------------------------------

_TOKEN = re.compile(r"\S+")
_LEADING = "\"'([{\u201c\u2018\u00ab"
_TRAILING = "\"')]}.,;:?!\u201d\u2019\u00bb"


def _tokens(text: str, sentence: Evidence) -> list[tuple[int, int]]:
    """The white-space separated words of a sentence, as (start, end) offsets."""
    return [m.span() for m in _TOKEN.finditer(text, sentence.start, sentence.end)]


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """A token without its surrounding punctuation (an empty span when it is all punctuation)."""
    while start < end and text[start] in _LEADING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _span(text: str, start: int, end: int) -> Evidence:
    return Evidence(quote=text[start:end], start=start, end=end)


# -- date words ----------------------------------------------------------------------

_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
_DATE_STARTERS = _WEEKDAYS | _MONTHS | {
    "on", "in", "during", "over", "at", "since", "until", "till", "up", "from", "between",
    "through", "to", "today", "yesterday", "tomorrow", "tonight", "this", "next", "last",
    "later", "earlier", "early", "mid", "late", "the", "a", "an", "new", "spring", "summer",
    "autumn", "fall", "winter", "end", "beginning", "start", "middle", "h1", "h2",
}  # fmt: skip
_STARTER_SHAPE = re.compile(r"[0-9]|q[1-4]|h[12]|mid-|[^-]+-day$")


def _starts_date(word: str) -> bool:
    lower = word.lower()
    return lower in _DATE_STARTERS or _STARTER_SHAPE.match(lower) is not None


def _lower_case_calendar_word(text: str, tokens: list[tuple[int, int]]) -> bool:
    """Whether a month or weekday name is written in lower case: "may" is a verb there."""
    for start, end in tokens:
        core_start, core_end = _core(text, start, end)
        word = text[core_start:core_end]
        if word.lower().rstrip(".") in _WEEKDAYS | _MONTHS and word[:1].islower():
            return True
    return False


def _window(words: str, published: dt.date | None) -> str | None:
    """The window ``words`` resolve to, or None when the resolver does not read them."""
    reference = published or STAND_IN_DATE
    try:
        date = resolve_date(words, reference)
    except (DiplomodelError, ValueError, OverflowError):
        if published is None:
            return None
        try:  # words the resolver reads, though not against this publication date
            resolve_date(words, STAND_IN_DATE)
        except (DiplomodelError, ValueError, OverflowError):
            return None
        try:
            resolve_date(words, published)
        except DiplomodelError as error:
            return f"the resolver refuses it against {published}: {error}"
        return None
    if published is None:
        return "give [article] published to see the window"
    low = date.earliest.isoformat() if date.earliest else ""
    high = date.latest.isoformat() if date.latest else ""
    window = low if low == high else f"{low}..{high}"  # "2019-01-01.." is open at its end
    return f"{window} ({date.precision.value}, EDTF {date.edtf})"


def _find_dates(
    text: str, sentences: tuple[Evidence, ...], published: dt.date | None
) -> list[DateCandidate]:
    """The longest date words starting at each word, left to right, within each sentence.

    Each word that can begin date words is tried with at most ``MAX_DATE_WORDS``
    words after it, so the cost is linear in the text.
    """
    found: list[DateCandidate] = []
    for sentence in sentences:
        tokens = _tokens(text, sentence)
        index = 0
        while index < len(tokens):
            first_start, first_end = _core(text, *tokens[index])
            best: tuple[int, DateCandidate] | None = None
            if first_start < first_end and _starts_date(text[first_start:first_end]):
                for last in range(index, min(index + MAX_DATE_WORDS, len(tokens))):
                    _start, end = _core(text, *tokens[last])
                    if end <= first_start:
                        continue
                    words = text[first_start:end]
                    if _lower_case_calendar_word(text, tokens[index : last + 1]):
                        continue
                    window = _window(words, published)
                    if window is not None:
                        best = (
                            last,
                            DateCandidate(span=_span(text, first_start, end), window=window),
                        )
            if best is None:
                index += 1
                continue
            candidate = _without_preposition(text, best[1])
            if _DURATION.match(candidate.span.quote):
                anchor = _anchor(
                    text, tokens[index + 2 : best[0] + 1], candidate.span.end, published
                )
                if anchor:
                    alternatives = (*candidate.alternatives, anchor)
                    candidate = attrs.evolve(candidate, alternatives=alternatives)
            found.append(candidate)
            index = best[0] + 1
    return found


_DROPPED_PREPOSITION = re.compile(r"(?:in|at|during) (?=\S)", re.IGNORECASE)


# "a three-day visit, Dec. 24-26": a duration, then the words that date it.
_DURATION = re.compile(r"an? \S+-day ", re.IGNORECASE)


def _anchor(
    text: str, tokens: list[tuple[int, int]], end: int, published: dt.date | None
) -> str | None:
    """The longest run of ``tokens`` ending at ``end`` that the resolver reads alone."""
    for start, _token_end in tokens:
        start, _core_end = _core(text, start, end)
        if start < end and _window(text[start:end], published) is not None:
            return text[start:end]
    return None


def _without_preposition(text: str, date: DateCandidate) -> DateCandidate:
    """Date words without a leading "in", "at" or "during", which curations leave out
    ("December 2024"); "on", "over", "since" and the like are kept, as they are written."""
    span = date.span
    match = _DROPPED_PREPOSITION.match(span.quote)
    if match is None:
        return date
    return attrs.evolve(
        date,
        span=_span(text, span.start + match.end(), span.end),
        alternatives=(span.quote,),
    )


# -- quotations ----------------------------------------------------------------------

_QUOTATION = re.compile('"([^"\n]*)"|\u201c([^\u201c\u201d\n]*)\u201d')


def _find_quotations(text: str) -> list[Evidence]:
    """The words inside each pair of quotation marks on a line, without a trailing comma."""
    found = []
    for match in _QUOTATION.finditer(text):
        group = 1 if match.group(1) is not None else 2
        start, end = match.span(group)
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            found.append(_span(text, start, end))
    return found


# -- people --------------------------------------------------------------------------

# Words of a title or office: a name follows them ("Foreign Minister Wang Yi").
_TITLE_WORDS = {
    "minister", "ministers", "foreign", "prime", "president", "vice", "premier", "secretary",
    "general", "chairman", "chairwoman", "chair", "spokesperson", "spokesman",
    "spokeswoman", "ambassador", "envoy", "state", "councillor", "councilor", "deputy",
    "director", "head", "chief", "dean", "professor", "affairs", "advisor", "adviser",
    "governor", "mayor", "senator", "king", "queen", "emperor", "chancellor", "commander",
    "consul", "counselor", "counsellor", "diplomat", "official", "expert", "analyst",
    "leader", "delegate", "representative", "secretary-general", "defense", "defence",
    "trade", "farm", "finance", "agriculture", "commerce", "interior", "justice",
} | {title.lower() + "." for title in TITLES} | {title.lower() for title in TITLES}  # fmt: skip
# Words that make a capitalised run an organisation or a place, not a person.
_ORGANISATION_WORDS = {
    "party", "committee", "ministry", "department", "agency", "news", "times", "university",
    "academy", "institute", "council", "government", "command", "army", "bureau",
    "mechanism", "association", "college", "office", "shimbun", "conference", "sciences",
    "union", "bank", "fund", "group", "company", "corporation", "court", "assembly",
    "parliament", "congress", "senate", "embassy", "consulate", "daily", "post", "press",
    "radio", "television", "tv", "wire", "service", "league", "forum", "summit", "centre",
    "center", "house", "city", "province", "prefecture", "state", "republic", "kingdom",
    "islands", "sea", "strait", "region", "media",
}  # fmt: skip
# Reporting verbs. "added", "announced", "noted", "stressed" and "denied" also
# have other uses ("added flights", "a measure announced this month"): they count
# only before "that" (or, for "added", at the end of a clause). "Asked" opening a
# sentence is the reporter's question, not a speaker's.
_THAT_SOON = r"(?=(?: \S+){0,4}? that\b)"
_REPORTING = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )"
    r"\b(?:said|says|told|added(?= that\b|[,.]|$)|(?<![.:] )(?<!^)asked|pledged|proposed"
    rf"|(?:announced|noted|stressed|denied|pointed out){_THAT_SOON}"
    r"|criticised|criticized|urged|according to|called on|called for|(?<=, )saying)\b",
    re.IGNORECASE | re.MULTILINE,
)
_ACT_OF_VERB = {
    "asked": "question",
    "called on": "call",
    "called for": "call",
    "urged": "call",
    "pledged": "pledge",
    "proposed": "proposal",
    "announced": "announcement",
    "denied": "denial",
    "criticised": "criticism",
    "criticized": "criticism",
}
_PLACE_PREPOSITIONS = {"in", "at", "from", "to", "of", "by", "for", "with", "on", "into", "near"}
_PRONOUNS = {"he", "she", "they", "we", "i"}
_SINGULAR = {"he", "she"}  # pronouns that stand for the one person named last


def _country_words() -> frozenset[str]:
    words = set()
    for row in iso_countries().values():
        words.add(row.name.lower())
    return frozenset(words)


def _is_name_word(word: str) -> bool:
    """A capitalised word with a lower-case letter after its first: "Iwaya", "Lü", "McDonald"."""
    if not word or not word[0].isupper() or not any(c.islower() for c in word[1:]):
        return False
    return all(c.isalpha() or c in "'\u2019-" for c in word)


def _name_runs(text: str, sentence: Evidence) -> list[list[tuple[int, int]]]:
    """The runs of capitalised words in a sentence, each word as its (start, end) core;
    a run ends at punctuation."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in _tokens(text, sentence):
        core_start, core_end = _core(text, start, end)
        word = text[core_start:core_end]
        if word.endswith(("'s", "\u2019s")):
            word, core_end = word[:-2], core_end - 2
        capitalised = bool(word) and (
            _is_name_word(word) or word.lower() in _TITLE_WORDS or word[:1].isupper()
        )
        if capitalised and core_start == start:
            current.append((core_start, core_end))
        else:
            if current:
                runs.append(current)
            current = [(core_start, core_end)] if capitalised else []
        if capitalised and (core_end != end):  # punctuation after the word ends the run
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


@attrs.define
class _Mention:
    """A name (or a word of one) where the rules take it for a person."""

    name: str
    span: Evidence
    opens: bool = False  # whether it opens its sentence: "Officials said" may be no name
    title: Evidence | None = None  # the title before it: "Chinese Foreign Minister"


def _person_mentions(text: str, sentences: tuple[Evidence, ...]) -> list[_Mention]:
    """Names after a title, before or after a reporting verb, or set off before one."""
    countries = _country_words()
    found: list[_Mention] = []
    for sentence in sentences:
        verbs = [m.span() for m in _REPORTING.finditer(text, sentence.start, sentence.end)]
        for run in _name_runs(text, sentence):
            words = [text[s:e] for s, e in run]
            lowered = [w.lower() for w in words]
            # The name is what follows the last title word of the run.
            last_title = max((i for i, w in enumerate(lowered) if w in _TITLE_WORDS), default=-1)
            name_part = run[last_title + 1 :]
            names = words[last_title + 1 :]
            if not names or len(names) > 4 or not all(map(_is_name_word, names)):
                continue
            if any(w.lower() in _ORGANISATION_WORDS for w in names):
                continue
            if any(w in SENTENCE_OPENERS for w in names) or names[0].lower() in _PRONOUNS:
                continue
            if any(w.lower() in _WEEKDAYS | _MONTHS for w in names):
                continue
            name = " ".join(names)
            if name.lower() in countries:
                continue
            start, end = name_part[0][0], name_part[-1][1]
            if text[start:end] != name:
                continue  # words apart by more than one space
            before = text[max(sentence.start, start - 24) : start].rstrip().lower()
            if len(names) == 1 and before.split(" ")[-1:] in ([w] for w in _PLACE_PREPOSITIONS):
                continue  # "Diplomats in Beijing noted": a place
            after = text[end : min(sentence.end, end + 16)]
            after_title = last_title >= 0 or before.split(" ")[-1:] in ([w] for w in _TITLE_WORDS)
            before_verb = after[:1] == " " and _REPORTING.match(text, end + 1) is not None
            after_said = before.endswith(("said", "says", "asked", "added")) and len(names) > 1
            after_said = after_said or before.endswith("according to")
            set_off = (
                len(names) > 1 and after.startswith(",") and bool(verbs) and verbs[-1][0] > end
            )
            if after_title or before_verb or after_said or set_off:
                opens = start == sentence.start and not after_title
                title = _title_before(text, sentence, start) if after_title else None
                span = _span(text, start, end)
                found.append(_Mention(name=name, span=span, opens=opens, title=title))
    return found


_TITLE_JOINS = {"for", "of", "the"}


def _title_before(text: str, sentence: Evidence, name_start: int) -> Evidence | None:
    """The title words just before a name, with a nationality before them:
    "Japanese Minister for Foreign Affairs" before "Takeshi Iwaya"."""
    start = name_start
    position = name_start
    for _ in range(6):  # a title is a few words long
        word_end = position - 1
        if word_end <= sentence.start or text[word_end] != " ":
            break
        word_start = text.rfind(" ", sentence.start, word_end) + 1
        word_start = max(word_start, sentence.start)
        word = text[word_start:word_end]
        lowered = word.lower()
        if lowered in _TITLE_WORDS or (lowered in _TITLE_JOINS and start < name_start):
            position = start = word_start
            continue
        if start < name_start and word[:1].isupper() and word.isalpha():
            start = word_start  # a nationality: "Chinese", "Japanese"
        break
    while start < name_start and text[start:name_start].split()[0].lower() in _TITLE_JOINS:
        start += len(text[start:name_start].split()[0]) + 1
    end = name_start - 1
    return _span(text, start, end) if start < end else None


def _role_title(words: str) -> str:
    """A role's title: the title words without the nationality before them."""
    parts = words.split()
    if len(parts) > 1 and parts[0].lower() not in _TITLE_WORDS:
        parts = parts[1:]
    return " ".join(parts)


def _people(
    text: str, mentions: list[_Mention], passages: Passages
) -> tuple[list[PersonCandidate], dict[str, list[str]]]:
    """The candidates (in the order first found), and the ids each name or word may stand for.

    A word of a full name that the text also uses on its own ("Iwaya said" beside
    "Takeshi Iwaya") is taken for the family name; it is an alias too when it
    belongs to one candidate only.
    """
    full: dict[str, None] = {}
    for mention in mentions:
        if " " in mention.name:
            full.setdefault(mention.name, None)
    counts = Counter(_WORD.findall(text))
    occurrences = {name: passages.starts(name) for name in full}
    owners: dict[str, list[str]] = {}
    inside: Counter[str] = Counter()  # how often each word stands inside a full name
    for name in full:
        for word in name.split(" "):
            owners.setdefault(word, []).append(name)
            inside[word] += len(occurrences[name])
    candidates: list[PersonCandidate] = []
    stands_for: dict[str, list[str]] = {}
    titles: dict[str, dict[str, Evidence]] = {}
    for mention in mentions:
        if mention.title is not None:
            titles.setdefault(mention.name, {}).setdefault(mention.title.quote, mention.title)
    for name in full:
        words = name.split(" ")
        id = _slug(name) or "person"
        stands_for.setdefault(name, []).append(id)
        family = given = None
        aliases: tuple[str, ...] = ()
        alone: list[Evidence] = []
        for position in (len(words) - 1, 0):
            word = words[position]
            if counts[word] <= inside[word]:
                continue
            family = word
            given = " ".join(words[:position] + words[position + 1 :])
            stands_for.setdefault(word, []).append(id)
            if owners[word] == [name]:
                aliases = (word,)
                alone = _alone(text, word, passages, [(n, occurrences[n]) for n in owners[word]])
            break
        spans = [Evidence(quote=name, start=s, end=s + len(name)) for s in occurrences[name]]
        candidates.append(
            PersonCandidate(
                id=id,
                name=name,
                family_name=family,
                given_name=given,
                aliases=aliases,
                mentions=tuple(sorted({*spans, *alone})),
                titles=tuple(titles.get(name, {}).values()),
            )
        )
    singles: dict[str, list[_Mention]] = {}
    for mention in mentions:
        if " " not in mention.name and mention.name not in owners:
            singles.setdefault(mention.name, []).append(mention)
    for word, found in singles.items():
        if word in stands_for or all(m.opens for m in found):
            continue  # "Officials said": a capital only because the sentence opens there
        id = _slug(word) or "person"
        stands_for[word] = [id]
        spans = [m.span for m in found]
        candidates.append(
            PersonCandidate(
                id=id,
                name=word,
                family_name=None,
                given_name=None,
                aliases=(),
                mentions=tuple(sorted(set(spans))),
            )
        )
    return candidates, stands_for


_WORD = re.compile(r"\w+")


def _alone(
    text: str, word: str, passages: Passages, names: list[tuple[str, list[int]]]
) -> list[Evidence]:
    """The places ``word`` stands as a word of its own, outside the full names that hold it."""
    taken: set[int] = set()
    for name, starts in names:
        offset = f" {name} ".find(f" {word} ")
        taken.update(start + offset for start in starts)
    found = []
    for start in passages.starts(word):
        end = start + len(word)
        if start in taken:
            continue
        if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        found.append(Evidence(quote=word, start=start, end=end))
    return found


# -- statements ------------------------------------------------------------------------

_SHORT_GAP = 40  # characters between a quotation and its verb: '," said'
_REACH = 400  # characters around a verb where its speaker is looked for
_JOINT_SPEAKERS = 4  # speakers of one statement, at most: "X and Y said"
_SUBJECT_WORDS = 8  # words before a verb that can name its speaker ("A senior official")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A stretch without white space, commas, colons or a final full stop at its ends."""
    while start < end and (text[start].isspace() or text[start] in ",:;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;."):
        end -= 1
    return start, end


@attrs.define
class _Reading:
    """What the statement rules share while they read the text in order."""

    text: str
    quotations: list[Evidence]
    quote_starts: list[int]
    mentions: list[_Mention]
    mention_starts: list[int]
    stands_for: dict[str, list[str]]
    last_seen: dict[str, int]  # each person id, the latest place it was named so far
    dates: list[Evidence]
    date_starts: list[int]
    previous: tuple[str, ...] = ()  # the speakers of the statement before
    previous_words: str | None = None  # and the words that name them, when no candidate does

    def ids_of(self, mention: _Mention) -> tuple[str, ...]:
        """The candidate a name stands for: of several, the one named most recently."""
        ids = self.stands_for.get(mention.name) or [_slug(mention.name) or "person"]
        if len(ids) > 1:
            ids = [max(ids, key=lambda id: self.last_seen.get(id, -1))]
        return tuple(ids)


def _statements(
    text: str,
    sentences: tuple[Evidence, ...],
    quotations: list[Evidence],
    mentions: list[_Mention],
    people: list[PersonCandidate],
    stands_for: dict[str, list[str]],
    dates: list[Evidence],
) -> list[StatementCandidate]:
    """A stub for each reporting verb outside quotation marks."""
    # Every place a candidate is named, in order, to tell which of two "Liu" is meant.
    named = sorted((span.start, person.id) for person in people for span in person.mentions)
    reading = _Reading(
        text=text,
        quotations=quotations,
        quote_starts=[q.start for q in quotations],
        mentions=mentions,
        mention_starts=[m.span.start for m in mentions],
        stands_for=stands_for,
        last_seen={},
        dates=dates,
        date_starts=[d.start for d in dates],
    )
    found: list[StatementCandidate] = []
    next_named = 0
    for sentence in sentences:
        verbs = [
            m
            for m in _REPORTING.finditer(text, sentence.start, sentence.end)
            if not _in_quotation(reading, m.start())
        ]
        for number, verb in enumerate(verbs):
            while next_named < len(named) and named[next_named][0] < verb.start():
                reading.last_seen[named[next_named][1]] = named[next_named][0]
                next_named += 1
            word = verb[0].lower()
            if word == "according to" and number > 0 and found:
                # "…, X said …, according to Xinhua": the source of the statement before.
                last = found[-1]
                _lower, upper = _reach(sentence, verbs, number)
                comma = text.find(",", verb.end(), upper)
                start, end = _trim(text, verb.start(), upper if comma < 0 else comma)
                found[-1] = attrs.evolve(
                    last, attribution=(*last.attribution, _span(text, start, end))
                )
                continue
            found += _split_reported(text, _statement(reading, sentence, verbs, number))
    return found


# Reported clauses joined as curators cut them apart: "…, and that both sides …".
_AND_THAT = re.compile(r",? and that ")
# Where a reported clause's own words end and what frames them begins.
_FRAMING = re.compile(r" (?:after|during) |, which ")
_MIN_CLAUSE_WORDS = 4


def _split_reported(text: str, statement: StatementCandidate) -> list[StatementCandidate]:
    """A reported (not quoted) clause cut as curators cut it: two clauses joined by
    "and that" are two statements, and a clause ends before the "after …", "during …"
    or ", which …" that frames it."""
    content = statement.content
    if content is None or statement.mode == "direct-quote":
        return [statement]
    pieces: list[tuple[int, int]] = []
    start = content.start
    for joint in _AND_THAT.finditer(text, content.start, content.end):
        pieces.append((start, joint.start()))
        start = joint.end()
    pieces.append((start, content.end))
    found = []
    for start, end in pieces:
        framing = _FRAMING.search(text, start, end)
        if framing and len(text[start : framing.start()].split()) >= _MIN_CLAUSE_WORDS:
            end = framing.start()
        start, end = _trim(text, start, end)
        if start >= end:
            continue
        span = _span(text, start, end)
        quoted = '"' in span.quote or "\u201c" in span.quote
        mode = "partial-quote" if quoted else "paraphrase"
        found.append(attrs.evolve(statement, content=span, mode=mode))
    return found or [statement]


def _in_quotation(reading: _Reading, offset: int) -> bool:
    at = bisect.bisect_right(reading.quote_starts, offset)
    return bool(at) and reading.quotations[at - 1].end > offset


def _statement(
    reading: _Reading, sentence: Evidence, verbs: list[re.Match[str]], number: int
) -> StatementCandidate:
    text = reading.text
    verb = verbs[number]
    v_start, v_end = verb.span()
    word = verb[0].lower()
    quotation = _quotation_of(reading, sentence, v_start, v_end)
    if word == "told" and (told := _TOLD.match(text, v_end, sentence.end)):
        v_end = told.end()  # "told the Global Times": the verb with whom it was told to
    # Each verb looks only between the verbs beside it, and not far: the cost stays linear.
    lower, upper = _reach(sentence, verbs, number)
    lo = bisect.bisect_left(reading.mention_starts, lower)
    hi = bisect.bisect_left(reading.mention_starts, upper)
    near = reading.mentions[lo:hi]
    before = [m for m in near if m.span.end <= v_start]
    after = [m for m in near if m.span.start >= v_end]
    # The subject: the words from the last comma (or the sentence's start) to the verb.
    comma = text.rfind(",", lower, v_start)
    subject_start = max(comma + 1, lower)
    subject = [m for m in before if m.span.start >= subject_start][-_JOINT_SPEAKERS:]

    speakers: tuple[str, ...] = ()
    speaker_words: str | None = None
    attribution: list[Evidence] = []
    if word == "according to":
        source = after[0] if after and after[0].span.start - v_end <= 1 else None
        comma = text.find(",", v_end, upper)
        start, end = _trim(text, v_start, upper if comma < 0 else comma)
        attribution = [_span(text, start, end)]
        if source is not None:
            speakers = reading.ids_of(source)
        else:
            speaker_words = text[v_end:end].strip() or None
    elif len(subject) > 1:  # "X of … and Y of … said": a joint statement
        speakers = tuple(dict.fromkeys(id for m in subject for id in reading.ids_of(m)))
        start, _ = _trim(text, subject_start, v_start)
        attribution = [_span(text, start, v_end)]
    else:
        adjacent = [m for m in before[-1:] if text[m.span.end : v_start] == " "]
        adjacent += [m for m in after[:1] if text[v_end : m.span.start] == " "]
        if adjacent:
            mention = adjacent[0]
            speakers = reading.ids_of(mention)
            start, end = min(mention.span.start, v_start), max(mention.span.end, v_end)
            attribution = [_span(text, start, end)]
        elif (before or after) and not text[subject_start:v_start].strip():
            # "Liu Jianchao, head of …, said": the name set off before the verb.
            mention = before[-1] if before else after[0]
            speakers = reading.ids_of(mention)
            attribution = [mention.span, _span(text, v_start, v_end)]
        else:
            speakers, speaker_words, attribution = _unnamed_speaker(
                reading, upper, v_start, v_end, quotation, subject_start
            )
    reading.previous, reading.previous_words = speakers, speaker_words
    content, mode = (
        (quotation, "direct-quote") if quotation else _reported(reading, sentence, verbs, number)
    )
    act = _ACT_OF_VERB.get(word, "claim")
    if content is not None and content.quote.endswith("?"):
        act = "question"
    elif content is not None and act == "claim":
        # "should …" says what must be done; "is ready to …" commits the speaker's side.
        if _SHOULD.search(content.quote):
            act = "call"
        elif _READY.search(content.quote):
            act = "pledge"
    return StatementCandidate(
        verb=_span(text, v_start, v_end),
        speakers=speakers,
        speaker_words=speaker_words,
        attribution=tuple(attribution),
        content=content,
        mode=mode,
        act=act,
    )


def _reach(sentence: Evidence, verbs: list[re.Match[str]], number: int) -> tuple[int, int]:
    """Where a verb's speaker and words are looked for: back to the verb before (or the
    sentence's start), on to the verb after (or its end), and at most ``_REACH`` away."""
    verb = verbs[number]
    previous = verbs[number - 1].end() if number else sentence.start
    following = verbs[number + 1].start() if number + 1 < len(verbs) else sentence.end
    return max(previous, verb.start() - _REACH), min(following, verb.end() + _REACH)


def _unnamed_speaker(
    reading: _Reading,
    upper: int,
    v_start: int,
    v_end: int,
    quotation: Evidence | None,
    subject_start: int,
) -> tuple[tuple[str, ...], str | None, list[Evidence]]:
    """A speaker no candidate names: a pronoun (the last speaker), or the words around the verb."""
    text = reading.text
    if quotation is not None and quotation.end <= v_start:
        # '"…," asked the editorial.': the speaker follows the verb.
        start, end = _trim(text, v_end, upper)
        if start < end and len(text[start:end].split()) <= _SUBJECT_WORDS:
            return (), text[start:end], [_span(text, v_start, end)]
    start, end = _trim(text, subject_start, v_start)
    words = text[start:end].split()
    if (words and words[-1] == "and") or text[v_start:v_end].lower() == "saying":
        # "He pledged …, and said …", "criticised …, saying …": the speaker of the verb before.
        return reading.previous, reading.previous_words, [_span(text, v_start, v_end)]
    if not words or len(words) > _SUBJECT_WORDS:
        return (), None, [_span(text, v_start, v_end)]
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        # "He said": the speaker of the statement before, as far as the rules can tell.
        found = reading.previous_words if not reading.previous else words[0]
        if words[0].lower() in _SINGULAR and reading.last_seen:
            # "He pointed out": the person named last before it, named or not as a speaker.
            last = max(reading.last_seen, key=lambda id: reading.last_seen[id])
            return (last,), words[0], [_span(text, start, v_end)]
        return reading.previous, found, [_span(text, start, v_end)]
    return (), text[start:end], [_span(text, start, v_end)]


_CLOSING_GAP = re.compile('[,.?!]?["\u201d] *(?:[^ "\u201c\u201d]+ ){0,4}')
_JOINING = re.compile(r"\b(?:and|but|or|then|while)\b")


def _quotation_of(
    reading: _Reading, sentence: Evidence, v_start: int, v_end: int
) -> Evidence | None:
    """The quotation a verb introduces or closes: just before it, or just after it."""
    at = bisect.bisect_right(reading.quote_starts, v_start)
    for quotation in reading.quotations[max(0, at - 1) : at + 1]:
        if quotation.end <= v_start and v_start - quotation.end <= _SHORT_GAP:
            # '"…," Iwaya said': a closing mark, then at most the speaker's few words.
            closing = _CLOSING_GAP.fullmatch(reading.text, quotation.end, v_start)
            if quotation.end > sentence.start and closing and not _JOINING.search(closing[0]):
                return quotation
        if quotation.start >= v_end and quotation.start - v_end <= _SHORT_GAP:
            # 'asked: "Will China…?"': the quotation opens at once, or after a colon.
            gap = reading.text[v_end : quotation.start]
            opens_at_once = quotation.start - v_end <= 4 or gap.rstrip().endswith(":")
            if quotation.start < sentence.end and "." not in gap and opens_at_once:
                return quotation
    return None


def _reported(
    reading: _Reading, sentence: Evidence, verbs: list[re.Match[str]], number: int
) -> tuple[Evidence | None, str]:
    """The words a reporting verb reports without quoting them whole, and their mode."""
    text = reading.text
    verb = verbs[number]
    v_start, v_end = verb.span()
    # The words between the verb before and this one belong to this one at most.
    floor = verbs[number - 1].end() if number else sentence.start
    # The few words after the verb, if the sentence ends soon: "…, Liu added."
    words_after = text[v_end : min(sentence.end, v_end + _REACH)].split()
    rest = [w for w in (t.strip(_LEADING + _TRAILING) for t in words_after) if w]
    comma = text.rfind(",", floor, v_start)
    tail = (
        len(rest) <= _SUBJECT_WORDS
        and v_end + _REACH >= sentence.end
        and "that" not in rest
        and comma >= 0
        and (not rest or rest[0][:1].isupper() or rest[0].lower() in _TAIL_OPENERS)
    )
    if tail:
        # "…, Liu added." / "…, according to Lü.": the words come before the attribution.
        # Past a name set off before the verb ("…, Liu Jiangyong, vice dean …, told").
        earlier = text.rfind(",", floor, comma) if comma > floor else -1
        if earlier >= floor and text[earlier + 1 : comma].strip()[:1].isupper():
            comma = earlier
        start, end = _trim(text, floor, comma)
    else:
        start = v_end
        for index, match in enumerate(_TOKEN.finditer(text, v_end, sentence.end)):
            if index >= 16:
                break
            if match[0] == "that":
                start = match.end()
                break
            if verb[0].lower() == "according to" and match[0].endswith(","):
                start = match.end()
                break
            if index == 0 and match[0] == "to" and verb[0].lower() in _TO_VERBS:
                start = match.end()  # "pledged to keep channels open": what was pledged
                break
        end = sentence.end
        if number + 1 < len(verbs):
            following = verbs[number + 1].start()
            joint = text.rfind(" and ", start, following)
            end = joint if joint >= 0 and following - joint <= len(" and ") + 1 else following
        closing = _TAIL.search(text, start, end)
        if closing:
            end = closing.start()
        start, end = _trim(text, start, end)
        start, end = _trim(text, _past_date_and_place(reading, start, end), end)
    if start == sentence.start and (dateline := _DATELINE.match(text, start, end)):
        start = dateline.end()  # "BEIJING:" is where the story was filed, not what was said
    if start >= end:
        return None, "paraphrase"
    inside = any(start <= q.start and q.end <= end for q in reading.quotations)
    return _span(text, start, end), ("partial-quote" if inside else "paraphrase")


_TO_VERBS = {"pledged", "proposed", "urged", "called on"}
_SHOULD = re.compile(r"\b(?:should|must|need to|needs to)\b")
_READY = re.compile(r"\b(?:willing to|ready to|will continue|pledged? to)\b")

# Words that can follow a verb that closes a sentence: "…, he said on Thursday."
_TAIL_OPENERS = {"the", "to", "a", "an", "on", "in", "at", "during", "late", "earlier", "later"}

# Whom something was told to, up to "that" or a comma: "told the Global Times".
_TOLD = re.compile(r"(?: (?!that\b)[\w'\u2019-]+){1,8}(?= that\b|[,.]|$)")

# A dateline opening a story: "BEIJING:", "TOKYO, Dec. 27 --".
_DATELINE = re.compile(r"[A-Z][A-Z .'-]*[A-Z](?:,[^:\n]{1,30}?)?(?::| --| \u2014)\s+")

# ", according to Xinhua" or ", Kyodo News reported" closing the reported words.
_TAIL = re.compile(r",[^,\n]*\b(?:according to|reported|said|told|added)\b[^,\n]*?(?=[.]?\s*$)")


def _past_date_and_place(reading: _Reading, start: int, end: int) -> int:
    """Past date words and "in <Place>" that open reported words: "on Tuesday in Tokyo he…"."""
    text = reading.text
    at = bisect.bisect_left(reading.date_starts, start)
    if at < len(reading.dates) and reading.dates[at].start == start:
        start = reading.dates[at].end
        place = re.compile(r"\s+in\s+[A-Z]\w*\s+").match(text, start, end)
        start = place.end() if place else start
        while start < end and text[start].isspace():
            start += 1
    return start


# -- countries and institutions ------------------------------------------------------

MAX_PARTICIPANTS = 6
"""The people of a sentence a drafted event lists as participants, at most."""


def _countries(text: str, passages: Passages, words: Counter[str]) -> list[NamedCandidate]:
    """The ISO 3166-1 countries whose names the text uses as whole words, first named first."""
    found: list[tuple[int, NamedCandidate]] = []
    for row in iso_countries().values():
        names = [row.name, *([row.common_name] if row.common_name else []), *row.other_names]
        spans: list[Evidence] = []
        for name in names:
            first = name.split(" ")[0]
            if words[first] == 0:
                continue
            # Every place it is named: the curator deletes the ones the curation does not need.
            for start in passages.starts(name):
                if _whole_word(text, start, start + len(name)):
                    spans.append(Evidence(quote=name, start=start, end=start + len(name)))
        if spans:
            spans = sorted(set(spans))  # a name the table gives twice
            found.append(
                (
                    spans[0].start,
                    NamedCandidate(
                        id=row.alpha2.lower(),
                        name=row.name,
                        kind=None,
                        codes=(row.alpha2, row.alpha3),
                        mentions=tuple(spans),
                    ),
                )
            )
    return [candidate for _start, candidate in sorted(found, key=lambda pair: pair[0])]


def _whole_word(text: str, start: int, end: int) -> bool:
    return not (start and text[start - 1].isalnum()) and not (
        end < len(text) and text[end].isalnum()
    )


# Capitalised words joined by "of", "of the" or "for": "Communist Party of China".
_PROPER = re.compile(
    r"(?<![\w'\u2019])[A-Z][\w'\u2019-]*(?:\s(?:(?:of|for|on)\s(?:the\s)?)?[A-Z][\w'\u2019-]*)*"
)
_KIND_OF_WORD = {
    "party": "party",
    "committee": "party-organ",
    "bureau": "party-organ",
    "department": "party-organ",
    "coalition": "coalition",
    "delegation": "delegation",
    "government": "government",
    "administration": "government",
    "ministry": "ministry",
    "conference": "state-body",
    "council": "state-body",
    "congress": "state-body",
    "parliament": "state-body",
    "assembly": "state-body",
    "army": "military",
    "command": "military-command",
    "news": "news-outlet",
    "agency": "news-outlet",
    "times": "news-outlet",
    "shimbun": "news-outlet",
    "daily": "news-outlet",
    "post": "news-outlet",
    "press": "news-outlet",
    "media": "news-outlet",
    "broadcaster": "news-outlet",
    "wire": "news-outlet",
    "university": "university",
    "college": "university",
    "academy": "research-institute",
    "institute": "research-institute",
    "mechanism": "exchange-mechanism",
}


def _institutions(text: str, passages: Passages) -> list[NamedCandidate]:
    """Runs of capitalised words that hold a word of an organisation's name."""
    found: dict[str, NamedCandidate] = {}
    for match in _PROPER.finditer(text):
        run = match[0]
        start = match.start()
        if run.endswith(("'s", "\u2019s")):
            run = run[:-2]
        lowered = [word.lower() for word in run.split()]
        kinds = [_KIND_OF_WORD[word] for word in lowered if word in _KIND_OF_WORD]
        if not kinds:
            continue
        # "Secretary General Hiroshi Moriyama of the Liberal Democratic Party": the party.
        for joint in (" of the ", " of "):
            head, _, tail = run.partition(joint)
            if tail and not any(w.lower() in _KIND_OF_WORD for w in head.split()):
                start += len(head) + len(joint)
                run = tail
                break
        for opener in ("The ", "A "):
            if run.startswith(opener):
                run, start = run[len(opener) :], start + len(opener)
        if " " not in run or run in found:
            continue
        spans = []
        for place in passages.starts(run):
            spans.append(Evidence(quote=run, start=place, end=place + len(run)))
        found[run] = NamedCandidate(
            id=_slug(run) or "institution",
            name=run,
            kind=_kind_of(run),
            codes=None,
            mentions=tuple(spans),
        )
    return list(found.values())


def _kind_of(name: str) -> str | None:
    """The kind the head of a name suggests: "Eastern Theater Command of the … Army"
    is a command, not an army."""
    head = name.partition(" of ")[0].lower().split()
    kinds = [_KIND_OF_WORD[word] for word in head if word in _KIND_OF_WORD]
    if not kinds:
        kinds = [_KIND_OF_WORD[w] for w in name.lower().split() if w in _KIND_OF_WORD]
    return kinds[-1] if kinds else None


# -- consensus ------------------------------------------------------------------------

_AGREEMENT = re.compile(
    r"\b(?:(?P<tentative>tentatively agreed (?:to|on|that))|(?P<agreed>agreed (?:to|on|that)"
    r"|reach(?:ed|ing) (?:an )?agreement on|reached (?:a )?consensus on)"
    r"|(?P<confirmed>confirmed (?:their commitment to|that))"
    r"|(?P<views>exchanged views on))(?:\s|$)"
)
_STATUS_OF_GROUP = {
    "tentative": "tentatively-agreed",
    "agreed": "agreed",
    "confirmed": "confirmed",
    "views": "views-exchanged",
}


def _consensus(text: str, sentences: tuple[Evidence, ...]) -> list[ConsensusCandidate]:
    """Words of agreement in each sentence, each with the words that follow it."""
    found = []
    for sentence in sentences:
        matches = list(_AGREEMENT.finditer(text, sentence.start, sentence.end))
        for number, match in enumerate(matches):
            group = match.lastgroup or "agreed"
            floor = matches[number - 1].end() if number else sentence.start
            # The subject, when short: "They agreed to", "Both sides confirmed".
            comma = max(text.rfind(",", floor, match.start()), floor - 1)
            subject_start, _ = _trim(text, comma + 1, match.start())
            if len(text[subject_start : match.start()].split()) > 3:
                subject_start = match.start()
            _, phrase_end = _trim(text, match.start(), match.end())
            end = matches[number + 1].start() if number + 1 < len(matches) else sentence.end
            joint = text.rfind(", and ", match.end(), end)
            if number + 1 < len(matches) and joint >= 0:
                end = joint
            closing = _TAIL.search(text, match.end(), end)
            if closing:
                end = closing.start()
            start, end = _trim(text, match.end(), end)
            found.append(
                ConsensusCandidate(
                    phrase=_span(text, subject_start, phrase_end),
                    status=_STATUS_OF_GROUP[group],
                    content=_span(text, start, end) if start < end else None,
                )
            )
    return found


# -- events ---------------------------------------------------------------------------

_EVENT_KINDS = (
    (re.compile(r"\b(?:summit)\b", re.IGNORECASE), "meeting"),
    (re.compile(r"\b(?:talks|dialogue)\b", re.IGNORECASE), "talks"),
    (re.compile(r"\b(?:met|meet|meeting|meets)\b", re.IGNORECASE), "meeting"),
    (re.compile(r"\b(?:visit|trip|travel|arrived)\w*", re.IGNORECASE), "visit"),
    (re.compile(r"\b(?:announced|announce)\b", re.IGNORECASE), "announcement"),
    (re.compile(r"\b(?:published|editorial)\b", re.IGNORECASE), "publication"),
)
_PLANNED = re.compile(
    r"\b(?:will|would|to be|planned|scheduled|due|expect\w*|agreed to|plans? to)\b", re.IGNORECASE
)
_TENTATIVE = re.compile(r"\b(?:tentatively|possibly|may|might|could)\b", re.IGNORECASE)


def _event_guess(text: str, sentence: Evidence, date: Evidence) -> tuple[str | None, str]:
    """An event's kind and status, guessed from the words of the sentence around its date."""
    start = max(sentence.start, date.start - _CLAUSE_REACH)
    words = text[start : min(sentence.end, date.end + _CLAUSE_REACH)]
    kind = next((kind for pattern, kind in _EVENT_KINDS if pattern.search(words)), None)
    if _TENTATIVE.search(words):
        status = "tentative"
    elif _PLANNED.search(words):
        status = "planned"
    else:
        status = "took-place"
    return kind, status


# -- artifacts ----------------------------------------------------------------------

# A line wholly in square brackets that opens the text: "[Fixture Wire service copy]".
_SOURCE_PREFIX = re.compile(r"[ \t]*(\[[^\]\n]+\])[ \t]*(?:\n|$)")
# A line holding a picture's credit or caption: "China Japan Photo:VCG", "Photo: Wang Yi …".
_PHOTO_LINE = re.compile(r"^[^\n]{0,60}?\b(?:Photo|Picture|Image)\s?:[^\n]*", re.MULTILINE)
_CAPTION_WORDS = 4  # words after "Photo:" that make a caption rather than a credit
_ENDS_SENTENCE = ".!?\"'\u201d\u2019)]"

ARTIFACT_REASONS = {
    "source-prefix": "A prefix the source of the text adds, not part of the report.",
    "dateline": "The dateline: where and when the report was filed.",
    "caption": "The caption of the article's picture.",
    "photo-credit": "The credit line of the article's picture, not prose.",
    "truncation": "The text is cut off here: the end of the last sentence is lost.",
}
"""The reason a draft suggests for each kind of artifact it finds, for the curator to check."""


def _artifacts(text: str, sentences: tuple[Evidence, ...]) -> list[ArtifactCandidate]:
    """A source prefix and a dateline opening the text, picture lines, and a cut-off end."""
    found: list[ArtifactCandidate] = []
    start = len(text) - len(text.lstrip())
    prefix = _SOURCE_PREFIX.match(text, start)
    if prefix:
        found.append(ArtifactCandidate(kind="source-prefix", span=_span(text, *prefix.span(1))))
        start = prefix.end()
    photos = list(_PHOTO_LINE.finditer(text))
    if photos and photos[0].start() == start:  # a picture line before the dateline
        start = photos[0].end() + 1
    while start < len(text) and text[start].isspace():
        start += 1
    dateline = _DATELINE.match(text, start)
    if dateline:
        end = dateline.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        found.append(ArtifactCandidate(kind="dateline", span=_span(text, start, end)))
    for photo in photos:
        after = re.split(r"\b(?:Photo|Picture|Image)\s?:", photo[0], maxsplit=1)[1]
        caption = after[:1].isspace() and len(after.split()) >= _CAPTION_WORDS
        line_start, line_end = _trim(text, photo.start(), photo.end())
        if text[line_end : line_end + 1] == ".":
            line_end += 1
        kind = "caption" if caption else "photo-credit"
        found.append(ArtifactCandidate(kind=kind, span=_span(text, line_start, line_end)))
    stripped = text.rstrip()
    if sentences and stripped and stripped[-1] not in _ENDS_SENTENCE:
        last = sentences[-1]
        comma = text.rfind(", ", last.start, last.end)
        begin, end = _trim(text, comma + 1 if comma >= 0 else last.start, last.end)
        if begin < end:
            found.append(ArtifactCandidate(kind="truncation", span=_span(text, begin, end)))
    return sorted(found, key=lambda artifact: artifact.span.start)


_MONTH = re.compile(r"\d{4}-\d{2}")
_EVENT_WORDS = {"met": "meeting", "meet": "meeting", "meets": "meeting", "arrived": "visit"}


def _event_id(
    text: str, sentence: Evidence, date: DateCandidate, kind: str | None, who: list[str]
) -> str | None:
    """An event id by the corpus's conventions, who, what and when: the first two
    participants, the word that names the event, and the month of its window
    (``xi-ishiba-summit-2024-11``); None when the words give no kind or no month."""
    month = _MONTH.match(date.window)
    if kind is None or month is None:
        return None
    start = max(sentence.start, date.span.start - _CLAUSE_REACH)
    words = text[start : min(sentence.end, date.span.end + _CLAUSE_REACH)]
    what = kind
    for pattern, pattern_kind in _EVENT_KINDS:
        if pattern_kind == kind and (match := pattern.search(words)):
            word = match[0].lower()
            what = _EVENT_WORDS.get(word, word if word in {"summit", "talks", "dialogue"} else kind)
            break
    return "-".join([*who[:2], what, month[0]])


# -- finding everything ----------------------------------------------------------------


def find_candidates(text: str, published: dt.date | None = None) -> DraftCandidates:
    """Find what a curation of ``text`` is likely to hold, by rule.

    Date words are read against ``published`` (or, without it, only recognised).
    The cost is linear in the text: each word is looked at a bounded number of
    times, and every quote is looked up once in an index of the text.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if published is not None and (
        not isinstance(published, dt.date) or isinstance(published, dt.datetime)
    ):
        raise TypeError(f"published must be a datetime.date, got {type(published).__name__}")
    sentences = split_sentences(text)
    passages = Passages(text)
    dates = _find_dates(text, sentences, published)
    quotations = _find_quotations(text)
    mentions = _person_mentions(text, sentences)
    people, stands_for = _people(text, mentions, passages)
    mentions = [mention for mention in mentions if mention.name in stands_for]
    spans = [date.span for date in dates]
    statements = _statements(text, sentences, quotations, mentions, people, stands_for, spans)
    return DraftCandidates(
        sentences=sentences,
        dates=tuple(dates),
        quotations=tuple(quotations),
        countries=tuple(_countries(text, passages, Counter(_WORD.findall(text)))),
        institutions=tuple(_institutions(text, passages)),
        people=tuple(people),
        statements=tuple(statements),
        consensus=tuple(_consensus(text, sentences)),
        artifacts=tuple(_artifacts(text, sentences)),
    )


# -- writing -------------------------------------------------------------------------


class _Quoter:
    """Writes a span as a quote spec the loader finds: unique words bare, else numbered."""

    def __init__(self, passages: Passages) -> None:
        self.passages = passages

    def spec(self, span: Evidence) -> str:
        starts = self.passages.starts(span.quote)
        if len(starts) <= 1:
            return toml_string(span.quote)
        occurrence = bisect.bisect_left(starts, span.start) + 1
        return f"{{ quote = {toml_string(span.quote)}, occurrence = {occurrence} }}"

    def in_context(self, span: Evidence, context: Evidence) -> str:
        """``span`` as a quote spec: bare when unique, else with ``context`` when that is
        unique ("talks in Beijing"), else numbered."""
        repeated = len(self.passages.starts(span.quote, limit=2)) > 1
        if repeated and len(self.passages.starts(context.quote, limit=2)) == 1:
            quote, around = toml_string(span.quote), toml_string(context.quote)
            return f"{{ quote = {quote}, context = {around} }}"
        return self.spec(span)

    def specs(self, spans: tuple[Evidence, ...] | list[Evidence]) -> str:
        items = [self.spec(span) for span in spans]
        if len(items) <= 1:
            return f"[{', '.join(items)}]"
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"


def _rule(title: str) -> str:
    return f"\n# {'-' * 64} {title}\n"


def _sentence_number(ends: list[int], offset: int) -> int:
    return bisect.bisect_right(ends, offset) + 1


def draft_curation(
    text: str,
    *,
    article_id: str = "article",
    text_file: str = "article.txt",
    published: dt.date | None = None,
    publisher: str | None = None,
) -> str:
    """A starting curation of ``text`` in the curation format, for a curator to edit.

    ``article_id`` and ``text_file`` fill ``[article]``; without ``published`` or
    ``publisher`` the draft holds placeholders the loader refuses. The other
    sections hold candidates found by rule: countries (from the ISO 3166-1 table),
    institutions, people, an event for each date the resolver reads (with its
    window), a statement for each reporting verb and a consensus item for each
    word of agreement, their quotes filled in; the quotations and every sentence
    close the file as comments. The file starts with ``draft = true``, which the
    loader refuses with a message saying what to do, so a draft is never loaded
    as curated. The cost is linear in the text.
    """
    found = find_candidates(text, published)
    quoter = _Quoter(Passages(text))
    ends = [sentence.end for sentence in found.sentences]
    out: list[str] = [
        "# A draft written by `diplomodel draft`: candidates found by rule, each to be",
        "# checked against the text. Fix or delete each one, add what is missing (roles,",
        "# participants, ids of speakers and parties, topics, uncited passages), then",
        "# delete the line `draft = true`: the loader refuses the file while it is there.",
        "# Format: docs/curation.md.",
        f"{DRAFT_KEY} = true",
        "",
        "[article]",
        f"id = {toml_string(_slug(article_id) or 'article')}",
        f"text = {toml_string(text_file)}",
    ]
    if publisher:
        out.append(f"publisher = {toml_string(publisher)}")
    else:
        out.append("# publisher = ?  who published the article: required")
    if published is not None:
        out.append(f"published = {published.isoformat()}")
    else:
        out.append('published = "YYYY-MM-DD"  # the publication date as a TOML date: required')
    out.append('language = "en"')
    for artifact in found.artifacts:
        out += ["", "[[article.artifacts]]", f"kind = {toml_string(artifact.kind)}"]
        out.append(f"quote = {quoter.spec(artifact.span)}")
        out.append(f"reason = {toml_string(ARTIFACT_REASONS[artifact.kind])}  # check it")

    out.append(_rule("countries"))
    for country in found.countries:
        assert country.codes is not None
        out += ["", "[[countries]]", f"id = {toml_string(country.id)}"]
        out.append(f"name = {toml_string(country.name)}")
        out.append(f"alpha2 = {toml_string(country.codes[0])}")
        out.append(f"alpha3 = {toml_string(country.codes[1])}")
        out.append(f"evidence = {quoter.specs(country.mentions)}")

    out.append(_rule("institutions"))
    # "Chinese", "China's": the first letters of a country's name stand for it.
    stems = {c.name[:_STEM].lower(): c.id for c in found.countries if len(c.name) >= _STEM}
    for institution in found.institutions:
        out += ["", "[[institutions]]", f"id = {toml_string(institution.id)}"]
        out.append(f"name = {toml_string(institution.name)}")
        out.append(f"kind = {toml_string(institution.kind or '')}")
        country_id = _country_of(text, institution, stems)
        if country_id:
            out.append(f"country = {toml_string(country_id)}")
        out.append(f"evidence = {quoter.specs(institution.mentions)}")
    # "Chinese Foreign Minister": the ministry of that country the title implies.
    names = {country.id: country.name for country in found.countries}
    ministries: dict[str, list[Evidence]] = {}
    ministry_of: dict[str, str] = {}  # each title's words, the ministry id
    for person in found.people:
        for title in person.titles:
            ministry = _ministry(title.quote, stems)
            if ministry is not None:
                ministries.setdefault(ministry, []).append(title)
                ministry_of[title.quote] = ministry
    for ministry, titles in ministries.items():
        country_id, field = ministry.split("-", 1)
        field = field.removesuffix("-ministry").replace("-", " ").title()
        field += " Affairs" if field in _AFFAIRS else ""
        out += ["", "[[institutions]]", f"id = {toml_string(ministry)}"]
        out.append(f"name = {toml_string(f'Ministry of {field} of {names[country_id]}')}")
        out += ['kind = "ministry"', f"country = {toml_string(country_id)}"]
        unique = list({title.quote: title for title in titles}.values())
        out.append(f"evidence = {quoter.specs(unique)}")

    out.append(_rule("people"))
    # "He pointed out": a pronoun the rules take for a named speaker cites that person too.
    pronouns: dict[str, list[str]] = {}
    for statement in found.statements:
        words = (statement.speaker_words or "").lower()
        if len(statement.speakers) == 1 and words in _PRONOUNS and statement.attribution:
            around = statement.attribution[0]
            pronoun = _span(text, around.start, around.start + len(words))
            pronouns.setdefault(statement.speakers[0], []).append(
                quoter.in_context(pronoun, around)
            )
    for person in found.people:
        out += ["", "[[people]]", f"id = {toml_string(person.id)}"]
        out.append(f"name = {toml_string(person.name)}")
        if person.family_name and person.given_name:
            out.append(f"family_name = {toml_string(person.family_name)}")
            out.append(f"given_name = {toml_string(person.given_name)}")
        else:
            out.append("# family_name and given_name: the text never uses one alone")
        if person.aliases:
            out.append(f"aliases = [{', '.join(map(toml_string, person.aliases))}]")
        nationality = next(
            filter(None, (_nationality(t.quote, stems) for t in person.titles)), None
        )
        if nationality:
            out.append(f"country = {toml_string(nationality)}  # from the title")
        # A word of the name standing alone ("Moriyama"), told apart by the words after it.
        items = [
            quoter.spec(span)
            if span.quote == person.name
            else quoter.in_context(span, _words_after(text, span))
            for span in person.mentions
        ]
        items += pronouns.get(person.id, [])
        evidence = f"[{', '.join(items)}]"
        if len(items) > 1:
            evidence = "[\n" + "".join(f"    {item},\n" for item in items) + "]"
        out.append(f"evidence = {evidence}")
        for title in person.titles:
            out += ["", "[[people.roles]]", f"title = {toml_string(_role_title(title.quote))}"]
            out.append(f"institution = {toml_string(ministry_of.get(title.quote, ''))}")
            out.append(f"evidence = {quoter.specs([title])}")

    out.append(_rule("events"))
    cited: list[Evidence] = []  # the spans of the drafted facts, to tell sentences left out
    # Each place a candidate person is named, in order: the participants of a dated sentence.
    named = sorted((span.start, p.id, span) for p in found.people for span in p.mentions)
    named_starts = [start for start, _id, _span in named]
    out.append("# One for each date the resolver reads, with the window it gives.")
    # Who, in an event's id: the family name the text uses alone, else the whole name.
    short = {p.id: _slug(p.family_name or p.name) or p.id for p in found.people}
    full = {p.id: p.name for p in found.people}
    # Where an event took place: a country by any name the text gives it, or another place.
    country_of_name = {m.quote: c.id for c in found.countries for m in c.mentions}
    person_words = {word for p in found.people for word in p.name.split()}
    event_ids: dict[str, int] = {}
    # Each drafted event's sentence number and id, in order: what a later fact is about.
    event_sentences: list[int] = []
    event_of_sentence: list[str] = []
    for number, date in enumerate(found.dates, start=1):
        where = _sentence_number(ends, date.span.start)
        sentence = found.sentences[where - 1]
        kind, status = _event_guess(text, sentence, date.span)
        clause = _clause(text, sentence, date.span)
        participants: dict[str, Evidence] = {}
        index = first = bisect.bisect_left(named_starts, sentence.start)
        while index < len(named) and named[index][0] < sentence.end:
            _start, id, span = named[index]
            index += 1
            if len(participants) >= MAX_PARTICIPANTS or index - first > 4 * MAX_PARTICIPANTS:
                break
            participants.setdefault(id, span)
        event_id = _event_id(text, sentence, date, kind, [short[id] for id in participants])
        event_id = event_id or f"event-{number}"
        event_ids[event_id] = event_ids.get(event_id, 0) + 1
        if event_ids[event_id] > 1:
            event_id += f"-{event_ids[event_id]}"
        out += ["", "[[events]]", f"id = {toml_string(event_id)}  # [{where}]"]
        event_sentences.append(where)
        event_of_sentence.append(event_id)
        place = _place(text, clause, person_words)
        taking_part = [full[id] for id in participants]
        out.append(f"name = {toml_string(_event_name(kind, taking_part, place))}")
        out.append(f"kind = {toml_string(kind or '')}")
        out.append(f"status = {toml_string(status)}")
        if kind in _CAMEO_OF_KIND:
            out.append(f"cameo = {toml_string(_CAMEO_OF_KIND[kind])}  # a guess from the kind")
        out.append(f"date = {toml_string(date.span.quote)}  # {_comment_text(date.window)}")
        out += [f"# or date = {toml_string(words)}" for words in date.alternatives]
        out.append(f"evidence = {quoter.specs([clause])}")
        cited.append(clause)
        if place is not None:
            out += ["", "[events.place]", f"name = {toml_string(place.quote)}"]
            country_id = country_of_name.get(place.quote)
            if country_id:
                out.append(f"country = {toml_string(country_id)}")
            out.append(f"evidence = [{quoter.in_context(place, _place_context(text, place))}]")
        for id, span in participants.items():
            out += ["", "[[events.participants]]", f"participant = {toml_string(id)}"]
            out += ['part = "participant"', f"evidence = {quoter.specs([span])}"]

    out.append(_rule("statements"))
    outlets = {i.name: i.id for i in found.institutions if i.kind == "news-outlet"}
    used: dict[str, int] = {}
    for statement in found.statements:
        base = statement.speakers[0] if statement.speakers else "statement"
        used[base] = used.get(base, 0) + 1
        where = _sentence_number(ends, statement.verb.start)
        out += ["", "[[statements]]", f"id = {toml_string(f'{base}-{used[base]}')}"]
        speakers = ", ".join(map(toml_string, statement.speakers))
        who = f"  # [{where}]"
        if statement.speaker_words:
            who += f" {_comment_text(statement.speaker_words)}?"
        out.append(f"speakers = [{speakers}]{who}")
        out.append(f"mode = {toml_string(statement.mode)}")
        out.append(f"act = {toml_string(statement.act)}")
        if statement.content is not None:
            out.append(f"quote = {quoter.spec(statement.content)}")
        else:
            out.append("# quote: the rules found no words; quote what was said")
        channel = _channel(statement, outlets)
        if channel:
            out.append(f"channel = {toml_string(channel)}")
        at = bisect.bisect_right(event_sentences, where)
        if at:
            out.append(f"event = {toml_string(event_of_sentence[at - 1])}  # the event before")
        out.append(f"evidence = {quoter.specs(statement.attribution)}")
        cited += statement.attribution
        if statement.content is not None:
            cited.append(statement.content)

    out.append(_rule("consensus items"))
    for number, item in enumerate(found.consensus, start=1):
        where = _sentence_number(ends, item.phrase.start)
        out += ["", "[[consensus_items]]", f'id = "consensus-{number}"  # [{where}]']
        sentence = found.sentences[where - 1]
        index = bisect.bisect_left(named_starts, sentence.start)
        parties: dict[str, None] = {}
        while index < len(named) and named[index][0] < item.phrase.end:
            parties.setdefault(named[index][1], None)
            index += 1
        # The people named in the sentence up to the words of agreement: who agreed;
        # when none is, the countries named in the sentence ("China and Japan agreed").
        if not parties:
            for country in found.countries:
                if any(sentence.start <= m.start < sentence.end for m in country.mentions):
                    parties.setdefault(country.id, None)
        out.append(f"parties = [{', '.join(map(toml_string, list(parties)[:MAX_PARTICIPANTS]))}]")
        at = bisect.bisect_right(event_sentences, where)
        if at:
            out.append(f"event = {toml_string(event_of_sentence[at - 1])}  # the event before")
        out.append(f"status = {toml_string(item.status)}")
        if item.content is not None:
            out.append(f"quote = {quoter.spec(item.content)}")
        else:
            out.append("# quote: the rules found no words; quote what was agreed")
        out.append(f"evidence = {quoter.specs([item.phrase])}")
        cited.append(item.phrase)
        if item.content is not None:
            cited.append(item.content)

    out.append(_rule("uncited"))
    out.append("# Each sentence no drafted fact cites, twice: as an assertion in the article's")
    out.append("# own voice, and as an uncited passage. Keep the one that fits, delete the other.")
    cited += [artifact.span for artifact in found.artifacts]
    for number, sentence in enumerate(_untouched(found.sentences, ends, cited), start=1):
        start, end = _trim(text, sentence.start, sentence.end)
        if end < sentence.end and text[end] == ".":
            end += 1
        if start >= end:
            continue
        whole = quoter.spec(_span(text, start, end))
        out += ["", "[[statements]]", f'id = "assertion-{number}"', "speakers = []"]
        out += ['mode = "assertion"', f"act = {toml_string(_assertion_act(text[start:end]))}"]
        out += [f"quote = {whole}", f"evidence = {quoter.specs([_opening(text, start, end)])}"]
        out += ["", "[[uncited]]", f"quote = {whole}"]
        out.append('reason = ""  # why no fact cites it')

    out.append(_rule("quotations"))
    out.append("# Words in quotation marks:")
    for quotation in found.quotations:
        where = _sentence_number(ends, quotation.start)
        out.append(f"#   quote = {toml_string(quotation.quote)}  # [{where}]")

    out.append(_rule("sentences"))
    out.append("# Every sentence, numbered, with its offsets: cite each or list it as uncited.")
    for number, sentence in enumerate(found.sentences, start=1):
        words = _comment_text(sentence.quote)
        out.append(f"# [{number}] {sentence.start}..{sentence.end} {words}")
    return "\n".join(out) + "\n"


def _untouched(
    sentences: tuple[Evidence, ...], ends: list[int], spans: list[Evidence]
) -> list[Evidence]:
    """The sentences no span touches, in order (each span marks the sentences it spans)."""
    touched = [False] * len(sentences)
    for span in spans:
        index = bisect.bisect_right(ends, span.start)
        while index < len(sentences) and sentences[index].start < span.end:
            touched[index] = True
            index += 1
    return [sentence for sentence, hit in zip(sentences, touched, strict=True) if not hit]


_OPENING_WORDS = 6  # words of an assertion's opening that its evidence cites, at most


def _opening(text: str, start: int, end: int) -> Evidence:
    """The opening words of a sentence, to cite as where an assertion stands: its first
    clause when short ("For now, both capitals seem content"), else its first words."""
    words = list(_TOKEN.finditer(text, start, end))
    for index, word in enumerate(words[:_OPENING_WORDS]):
        if word[0].endswith(",") and index >= 2:
            return _span(text, start, word.end() - 1)
    last = words[min(len(words), _OPENING_WORDS) - 1]
    core_start, core_end = _core(text, start, last.end())
    if not text[core_start:core_end].strip():  # only punctuation: the words as they stand
        core_start, core_end = start, last.end()
    return _span(text, core_start, core_end)


def _assertion_act(sentence: str) -> str:
    """The speech act of an assertion: a question when it asks one, else a claim."""
    return "question" if sentence.endswith("?") else "claim"


_STEM = 4
# Ministers whose ministry is named "Ministry of <field> Affairs": foreign, home, internal.
_AFFAIRS = {"Foreign", "Home", "Internal", "Veterans"}
# Title words before "Minister" that are a rank, not the ministry's field.
_RANKS = {"prime", "vice", "deputy", "chief", "senior", "state", "first", "junior", "assistant"}


def _nationality(title: str, stems: dict[str, str]) -> str | None:
    """The country a title's first word names: "Chinese" in "Chinese Foreign Minister"."""
    first = title.split(" ", 1)[0]
    return stems.get(first[:_STEM].lower()) if first[:1].isupper() else None


def _ministry(title: str, stems: dict[str, str]) -> str | None:
    """The id of the ministry a "<Nationality> <Field> Minister" title implies
    (``cn-foreign-ministry``), by the id conventions of the corpus."""
    words = title.split()
    if len(words) < 3 or words[-1] != "Minister":
        return None
    country_id = _nationality(title, stems)
    field = [w for w in words[1:-1] if w.lower() not in _RANKS and w.lower() not in _TITLE_JOINS]
    if country_id is None or not field or not all(w[:1].isupper() for w in field):
        return None
    return f"{country_id}-{_slug(' '.join(field))}-ministry"


# CAMEO codes an event of a kind most often has: consult (040), visit (042), host a visit (043).
_CAMEO_OF_KIND = {"talks": "040", "visit": "042", "meeting": "043"}


def _country_of(text: str, institution: NamedCandidate, stems: dict[str, str]) -> str | None:
    """The country a word of an institution's name, or the word before it, stands for."""
    words = institution.name.split()
    if institution.mentions:
        start = institution.mentions[0].start
        words += text[max(0, start - 30) : start].split()[-1:]
    for word in words:
        if word[:1].isupper() and (id := stems.get(word[:_STEM].lower())):
            return id
    return None


# "in Beijing", "to China", "visit Japan": a place after the words that lead to one.
_PLACE = re.compile(
    r"\b(?:in|to|visit|visits|visited|visiting)\s+"
    r"([A-Z][\w\u2019'-]*(?:\s[A-Z][\w\u2019'-]*)?)(?:'s|\u2019s)?\b"
)
_CONTEXT_WORDS = 2  # words before a place that its evidence gives as context


def _place(text: str, clause: Evidence, person_words: set[str]) -> Evidence | None:
    """The first place an event's clause names after "in", "to" or "visit": capitalised
    words that are no month, weekday or word of a candidate person's name."""
    for match in _PLACE.finditer(text, clause.start, clause.end):
        words = match[1].split()
        if any(w.lower() in _WEEKDAYS | _MONTHS or w in person_words for w in words):
            continue
        if any(w in SENTENCE_OPENERS or w.lower() in _TITLE_WORDS for w in words):
            continue
        return _span(text, *match.span(1))
    return None


_WORDS_AFTER = 2  # words after a word of a name that tell that place apart
_NEXT_WORD = re.compile(r" +[^\s,.;:?!\"\u201d]+")  # a word after spaces, up to punctuation


def _words_after(text: str, span: Evidence) -> Evidence:
    """A span with the few words after it on its line: "Moriyama and Nishida"."""
    end = span.end
    for _ in range(_WORDS_AFTER):
        match = _NEXT_WORD.match(text, end)
        if match is None:
            break
        end = match.end()
    return _span(text, span.start, end)


def _place_context(text: str, place: Evidence) -> Evidence:
    """A place with the few words around it, to tell it apart: "exchange mechanism in
    Japan this autumn"."""
    start = place.start
    for _ in range(_CONTEXT_WORDS + 1):
        space = text.rfind(" ", 0, start - 1)
        if space < 0 or "\n" in text[space:start]:
            break
        start = space + 1
    return _span(text, start, _words_after(text, place).end)


def _event_name(kind: str | None, who: list[str], place: Evidence | None) -> str:
    """A name for an event from its kind, its first participants and its place, as curators
    name them: "Wang Yi and Takeshi Iwaya hold talks in Beijing", "Taku Eto's visit to China"."""
    where = place.quote if place is not None else ""
    if kind == "visit":
        name = f"{who[0]}'s visit" if who else "Visit"
        return f"{name} to {where}" if where else name
    if kind == "talks" and who:
        name = f"{' and '.join(who[:2])} hold{'s' if len(who) == 1 else ''} talks"
        return f"{name} in {where}" if where else name
    if kind == "meeting" and who:
        return f"{who[0]} meets {who[1]}" if len(who) > 1 else f"{who[0]}'s meeting"
    if kind == "announcement" and who:
        return f"{who[0]} announces"
    return ""


_CLAUSE_REACH = 150  # characters on each side of date words that an event's evidence takes


def _channel(statement: StatementCandidate, outlets: dict[str, str]) -> str | None:
    """The news outlet an attribution names ("told the Global Times"), if a candidate."""
    for span in statement.attribution:
        for match in _PROPER.finditer(span.quote):
            run = match[0].removeprefix("The ").removeprefix("the ")
            if run in outlets:
                return outlets[run]
    return None


def _clause(text: str, sentence: Evidence, date: Evidence) -> Evidence:
    """The words around date words, between the commas (or ends) of their sentence."""
    floor = max(sentence.start, date.start - _CLAUSE_REACH)
    ceiling = min(sentence.end, date.end + _CLAUSE_REACH)
    before = text.rfind(",", floor, date.start)
    after = text.find(",", date.end, ceiling)
    start, end = _trim(text, max(before + 1, floor), ceiling if after < 0 else after)
    # A clause cut short by the reach ends on whole words.
    if before < 0 and floor > sentence.start and not text[floor - 1].isspace():
        space = text.find(" ", floor, date.start)
        start = space + 1 if space >= 0 else date.start
    return _span(text, start, end) if start < end else date
