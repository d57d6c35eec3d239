"""Finding quotes in an article text, at a cost that does not grow with the number of quotes.

A :class:`Passages` indexes one text once: the offsets of every short prefix
(so that finding a quote costs about the places that start like it, not a scan
of the whole text) and the offsets of every word (so that the hint for a quote
that is absent compares it with a few passages that share a rare word with it,
not with every word start of the text).
"""

from __future__ import annotations

import difflib
import heapq
import itertools
import re
from array import array
from collections.abc import Iterator

__all__ = ["Passages"]

_PREFIX = 4
"""Characters of a quote looked up in the index; shorter quotes use a shorter index."""

_WORD = re.compile(r"\w+")

# Offsets are kept in compact arrays: the index of a long text stays a few bytes a character.
_OFFSET = "I" if array("I").itemsize >= 4 else "L"

CANDIDATES_PER_QUOTE = 8
"""Passages compared with one absent quote, at most."""

VOTES_PER_QUOTE = 1000
"""Word places that vote for one absent quote's candidates, at most."""

CANDIDATES_PER_TEXT = 2000
"""Passages compared for all absent quotes of one text, at most: the hints' budget."""

LONGEST_HINTED_QUOTE = 400
"""Quotes longer than this get no hint: comparing them costs too much for what it tells."""

_CUTOFF = 0.6  # as difflib.get_close_matches: less alike is no hint
_GOOD_ENOUGH = 0.9  # a passage this alike ends the search


def _word_keys(word: str) -> tuple[str, str, str]:
    """The keys a (lower-case) word is indexed under: itself, its start, its end."""
    return (word, f"{word[:3]}…", f"…{word[-3:]}")


class Passages:
    """One article text, indexed to find quotes and the passages closest to absent ones."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.checked = 0
        """How many places the quotes looked up so far were checked at (their work)."""
        self.compared = 0
        """How many candidate passages the hints have compared so far (their bounded work)."""
        self._starts_by_prefix: dict[int, dict[str, array[int]]] = {}
        self._word_starts: array[int] | None = None
        self._word_places: dict[str, array[int]] = {}
        self._all_starts: dict[str, list[int]] = {}

    # -- occurrences ---------------------------------------------------------

    def _prefix_index(self, size: int) -> dict[str, array[int]]:
        index = self._starts_by_prefix.get(size)
        if index is None:
            index = {}
            text = self.text
            for start in range(len(text) - size + 1):
                key = text[start : start + size]
                offsets = index.get(key)
                if offsets is None:
                    offsets = index[key] = array(_OFFSET)
                offsets.append(start)
            self._starts_by_prefix[size] = index
        return index

    def iter_starts(self, quote: str) -> Iterator[int]:
        """Offsets at which ``quote`` starts, in order, overlapping ones included."""
        if not quote:
            return
        size = min(len(quote), _PREFIX)
        text = self.text
        for start in self._prefix_index(size).get(quote[:size], ()):
            self.checked += 1
            if text.startswith(quote, start):
                yield start

    def starts(self, quote: str, limit: int | None = None) -> list[int]:
        """The first ``limit`` offsets of ``quote`` (all of them without a limit)."""
        known = self._all_starts.get(quote)
        if known is not None:
            return known[:limit]
        found: list[int] = []
        for start in self.iter_starts(quote):
            found.append(start)
            if limit is not None and len(found) >= limit:
                return found
        # Curations quote the same words many times ("China", with contexts).
        self._all_starts[quote] = found
        return found[:]

    def __contains__(self, quote: str) -> bool:
        return bool(self.starts(quote, limit=1))

    # -- hints -----------------------------------------------------------------

    def _word_index(self) -> array[int]:
        """The offset of every word of the text, by number; and each word's numbers by key."""
        if self._word_starts is None:
            self._word_starts = array(_OFFSET)
            places = self._word_places
            for number, match in enumerate(_WORD.finditer(self.text)):
                self._word_starts.append(match.start())
                for key in _word_keys(match[0].lower()):
                    numbers = places.get(key)
                    if numbers is None:
                        numbers = places[key] = array(_OFFSET)
                    numbers.append(number)
        return self._word_starts

    def closest(self, quote: str) -> str | None:
        """The passage of the text most like ``quote``, as a hint for a typo, or ``None``.

        Each of the quote's rarer words votes for the word start of the text
        that would align with it; only the passages with the most votes are
        compared, at most :data:`CANDIDATES_PER_QUOTE` of them and
        :data:`CANDIDATES_PER_TEXT` for the whole text. The passage returned
        starts and ends on word boundaries.
        """
        if len(quote) > LONGEST_HINTED_QUOTE:
            return None
        best: tuple[float, str] | None = None
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(quote)
        for passage in self._candidates(quote):
            if self.compared >= CANDIDATES_PER_TEXT:
                break
            self.compared += 1
            matcher.set_seq1(passage)
            if matcher.real_quick_ratio() < _CUTOFF or matcher.quick_ratio() < _CUTOFF:
                continue
            ratio = matcher.ratio()
            if ratio >= _CUTOFF and (best is None or ratio > best[0]):
                best = (ratio, passage)
                if ratio >= _GOOD_ENOUGH:  # likeliest first: a later one will hardly be closer
                    break
        return best[1] if best else None

    def _candidates(self, quote: str) -> list[str]:
        """The distinct passages most likely to be ``quote`` mistyped, likeliest first."""
        word_starts = self._word_index()
        places = self._word_places
        quote_words = [match[0].lower() for match in _WORD.finditer(quote)]
        anchors = [
            (len(places[word]), position, word)
            for position, word in enumerate(quote_words)
            if word in places
        ]
        if not anchors:  # every word mistyped: look for words that begin or end alike
            anchors = [
                (len(places[key]), position, key)
                for position, word in enumerate(quote_words)
                for key in _word_keys(word)[1:]
                if key in places
            ]
        # The rarer a word, the fewer its places and the more its vote tells:
        # rare words vote first, common ones only while the votes' budget lasts.
        anchors.sort()
        votes: dict[int, int] = {}
        spent = 0
        for count, position, key in anchors:
            room = VOTES_PER_QUOTE - spent
            if room <= 0 or (votes and count > room):
                break
            spent += min(count, room)
            for number in itertools.islice(places[key], room):
                if number >= position:
                    votes[number - position] = votes.get(number - position, 0) + 1
        likeliest = heapq.nlargest(CANDIDATES_PER_QUOTE, votes, key=votes.__getitem__)
        # Texts repeat themselves: each distinct passage is compared once.
        passages = {
            self._whole_words(word_starts[number], word_starts[number] + len(quote)): None
            for number in likeliest
        }
        return list(passages)

    def _whole_words(self, start: int, end: int) -> str:
        """``text[start:end]`` with its last word made whole, and no trailing space."""
        text = self.text
        end = min(end, len(text))
        if 0 < end < len(text) and text[end - 1].isalnum():
            match = _WORD.match(text, end)
            if match:
                end = match.end()
        return text[start:end].rstrip()
