"""``shuyu tm search`` (concordance) and ``shuyu tm match`` (fuzzy match, as a CAT tool scores it).

Both read the database through ``shuyu.store.tm_readonly`` (plain ``sqlite3``).

Concordance: every unit whose English or Chinese side holds the query.  Chinese
(in either script) is looked up as a phrase of characters in the character
index, so 峰 and 峰会 are found as well as 信息社会世界峰会; English of three
characters or more in the trigram index (case-insensitive substrings); shorter
English by a scan.  Units come in TM order with the matched spans.

Fuzzy match: the similarity OmegaT shows, 100 × (max(|a|, |b|) − Levenshtein(a, b))
/ max(|a|, |b|) over tokens (words for English, characters for Chinese).  A unit
can reach ``threshold`` % only if its length is within ``threshold`` of the
query's and it shares at least ``threshold`` % of the query's tokens; both
bounds are checked with numpy over the token postings, and only the units
passing them are scored (rapidfuzz).  No unit above the threshold is missed,
unless more than ``MAX_SCORED`` units pass the bounds (then those sharing the most tokens are scored).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from shuyu.errors import InputError
from shuyu.store.tm_readonly import TMReader
from shuyu.text.zh import is_chinese, normalise
from shuyu.tm.index import tokens, zh_index_text

SCAN_BATCH = 200
# Units scored at most per fuzzy query, those sharing the most tokens first (only reached by very short queries).
MAX_SCORED = 5000


@dataclass
class Hit:
    unit: dict
    spans: dict  # side (en/zh) → [[start, end], …] in the unit's text
    similarity: int | None = None  # fuzzy match %

    def as_dict(self) -> dict:
        data = dict(self.unit)
        data["matches"] = self.spans
        if self.similarity is not None:
            data["similarity"] = self.similarity
        return data


def open_tm(path: str | Path) -> TMReader:
    return TMReader.open(path)


def concordance(reader: TMReader, query: str, limit: int = 20) -> list[Hit]:
    """Units whose English or Chinese side contains ``query``, in TM order, at most ``limit``."""
    query = " ".join(query.split())
    if not query:
        raise InputError("empty query")
    lookups = [("zh", zh_index_text(query))]
    if not is_chinese(query):
        lookups.append(("en", query))
    ids: set[int] = set()
    for side, needle in lookups:
        ids.update(_matching_ids(reader, side, needle, limit))
    hits = []
    for unit in reader.units(sorted(ids)):
        spans = {side: s for side in ("en", "zh") if (s := spans_of(_side_text(unit, side), query, side))}
        if spans:  # a candidate of the index that holds the query only across a space is no hit
            hits.append(Hit(unit, spans))
    return hits[:limit]


def _matching_ids(reader: TMReader, side: str, needle: str, limit: int) -> list[int]:
    if side == "zh":
        return reader.fts_ids("zh", needle, 0, limit)
    if len(needle) >= 3:
        return reader.fts_ids("en", needle, 0, limit)
    return reader.scan_ids("en", needle, 0, limit)


def _side_text(unit: dict, side: str) -> str:
    return unit["source"] if side == "en" else unit["target"]


def spans_of(text: str, query: str, side: str) -> list[list[int]]:
    """Where ``query`` occurs in ``text``: Chinese compared in normal form (either script), English case-folded."""
    if side == "zh":
        haystack, needle = normalise(text).lower(), normalise(query).lower()
    else:
        haystack, needle = text.lower(), query.lower()
    if len(haystack) != len(text):  # a case fold that changed the length: offsets would not fit
        haystack = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    spans, start = [], haystack.find(needle)
    while needle and start >= 0:
        spans.append([start, start + len(needle)])
        start = haystack.find(needle, start + len(needle))
    return spans


def similarity(a: list[str], b: list[str]) -> float:
    """OmegaT's fuzzy score of two token lists, 0–100."""
    from rapidfuzz.distance import Levenshtein

    longest = max(len(a), len(b))
    return 100.0 * (longest - Levenshtein.distance(a, b)) / longest if longest else 100.0


def fuzzy(reader: TMReader, sentence: str, threshold: int = 50, limit: int = 10) -> list[Hit]:
    """The units most similar to ``sentence`` (English or Chinese), best first, at or above ``threshold`` %."""
    import numpy as np

    side = "zh" if is_chinese(sentence) else "en"
    query = tokens(sentence, side)
    if not query:
        raise InputError(f"nothing to match in {sentence!r}")
    lengths = np.frombuffer(reader.lengths(side), dtype=np.uint16)
    if not len(lengths):
        return []
    ratio = threshold / 100
    n = len(query)
    need = max(1, math.ceil(ratio * n - 1e-9))  # shared tokens a unit needs to reach the threshold
    counts = Counter(query)
    shared = np.zeros(len(lengths), dtype=np.int32)  # per unit: query tokens it holds (an upper bound of matches)
    for token, packed in reader.postings(side, list(counts)).items():
        shared[np.frombuffer(packed, dtype=np.uint32)] += counts[token]
    shortest, longest = math.ceil(ratio * n - 1e-9), math.floor(n / ratio + 1e-9)
    passing = (shared >= need) & (lengths >= shortest) & (lengths <= longest)
    candidates = np.flatnonzero(passing)
    if len(candidates) > MAX_SCORED:
        candidates = candidates[np.argsort(-shared[candidates], kind="stable")[:MAX_SCORED]]
    scored = []
    for unit_id, text in reader.texts(side, [int(i) for i in candidates]):
        score = similarity(query, tokens(text, side))
        if score >= threshold:
            scored.append((-score, unit_id))
    scored.sort()
    units = reader.units([unit_id for _, unit_id in scored[:limit]])
    return [Hit(unit, {}, math.floor(-score + 1e-9)) for (score, _), unit in zip(scored[:limit], units, strict=True)]


def search(path: str | Path, query: str, limit: int = 20) -> list[Hit]:
    """``shuyu tm search``: concordance in the database at ``path``."""
    reader = open_tm(path)
    try:
        return concordance(reader, query, limit)
    finally:
        reader.close()


def match(path: str | Path, sentence: str, threshold: int = 50, limit: int = 10) -> list[Hit]:
    """``shuyu tm match``: fuzzy matches in the database at ``path``."""
    reader = open_tm(path)
    try:
        return fuzzy(reader, sentence, threshold, limit)
    finally:
        reader.close()
