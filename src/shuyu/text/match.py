"""Find many terms at once in Chinese text: Aho–Corasick on normalised text (``shuyu.text.zh.normalise``).

Chinese has no word boundaries, so a term is found wherever its characters
occur.  Text and terms are compared in one normal form — simplified script
(OpenCC t2s) with full-width letters and digits folded — so 互聯網 in a
traditional document counts as 互联网; positions still refer to the original
text, because the normal form keeps one character per character.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from shuyu.text.zh import normalise


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: str  # the term as given to the matcher (its normal form may differ from the text's)


class TermMatcher:
    """Match a set of terms in text, longest first, in the normal form of both.

    ahocorasick_rs (Rust) rather than pyahocorasick: with 100,000 Chinese terms
    the root of the trie has thousands of children, and pyahocorasick's node
    search then runs at under 2 M characters/s against ~9 M here (measured).
    Each automaton is built on first use.
    """

    def __init__(self, terms: Iterable[str]):
        keys: dict[str, str] = {}
        for term in terms:
            key = normalise(term)
            if key:
                keys.setdefault(key, term)
        self.keys = list(keys)
        self.terms = list(keys.values())
        self._automata: dict[bool, object] = {}

    def _automaton(self, longest: bool):
        if longest not in self._automata:
            import ahocorasick_rs

            kind = ahocorasick_rs.MatchKind.LeftmostLongest if longest else ahocorasick_rs.MatchKind.Standard
            self._automata[longest] = ahocorasick_rs.AhoCorasick(self.keys, matchkind=kind)
        return self._automata[longest]

    def prepare(self) -> None:
        """Build the leftmost-longest automaton before the first text arrives."""
        if self.keys:
            self._automaton(True)

    def longest(self, text: str) -> Iterator[Match]:
        """Leftmost-longest, non-overlapping matches: 利益攸关方 inside 多利益攸关方 is no match."""
        if self.keys:
            for index, start, end in self._automaton(True).find_matches_as_indexes(normalise(text)):
                yield Match(start, end, self.terms[index])

    def every(self, text: str) -> Iterator[Match]:
        """Every occurrence of every term, nested ones included."""
        if self.keys:
            for index, start, end in self._automaton(False).find_matches_as_indexes(normalise(text), overlapping=True):
                yield Match(start, end, self.terms[index])
