"""Sentence alignment of a Chinese and an English sentence list: banded dynamic programming over beads.

A bead joins up to four sentences on one side with up to four on the other
(1–1, 1–2, 2–1, 2–2, 1–3, 3–1, 2–3, 3–2, 1–4, 4–1) or leaves one sentence
unaligned (1–0, 0–1).  Its score adds

- lexical evidence: the share of English content words a dictionary word of
  the Chinese side translates, and the share of Chinese content characters
  whose translation appears on the English side (CC-CEDICT, the caller's term
  pairs, numbers, symbols, Latin-script names: ``lexicon.py``);
- length: Gale–Church's normal model of English characters given Chinese ones.
  On the UN Parallel Corpus development set (3,054 sentence pairs,
  ``un-devset-zh-en``) English has 3.19 non-space characters per Chinese
  non-space character, with a variance of 17.3 per Chinese character; each
  document pair's own ratio (total English / total Chinese) is used when it
  lies within a factor of two of that figure — it is 4.0 for the Bible, whose
  English is wordier;
- a prior per bead shape, so that evidence must pay for a merge.

Only the cells within a band around the diagonal of cumulative lengths are
scored; a best path that touches the band's edge is searched again in a band
twice as wide.  Time and memory are O((n + m) × band).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from shuyu.align.lexicon import Lexicon, cedict, zh_content_mask
from shuyu.model.bitext import SentencePair

UN_LENGTH_RATIO = 3.19  # English / Chinese non-space characters, un-devset-zh-en (3,054 pairs)
UN_LENGTH_VARIANCE = 17.3  # Gale–Church s², per Chinese character, same data

BEADS = ((1, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3), (3, 2), (2, 3), (4, 1), (1, 4), (1, 0), (0, 1))
# Log prior of each shape: what the lexical and length evidence must beat to merge or leave out.
MERGE_PRIOR = -1.0  # per sentence beyond a 1–1 bead
PRIOR = {(a, b): MERGE_PRIOR * (a + b - 2) for a, b in BEADS if a and b}
LEX_WEIGHT = 16.0  # per bead, whatever its size: a merge must be better than the beads it replaces
LEX_BASELINE = 0.12  # the lexical score of two unrelated sentences (dictionary noise), measured
SKIP_SCORE = -3.0  # per unaligned sentence
MIN_BAND = 12
MAX_BEAD = 4


@dataclass
class _Features:
    """What the scorer needs of each sentence, and cumulative sums for the beads."""

    zh_masks: list[dict[int, int]]
    zh_content: list[int]
    zh_content_count: np.ndarray
    en_ids: list[list[int]]
    en_count: np.ndarray
    zh_len_cum: np.ndarray
    en_len_cum: np.ndarray
    zh_count_cum: np.ndarray
    en_count_cum: np.ndarray


def _features(zh: list[str], en: list[str], lexicon: Lexicon) -> _Features:
    zh_masks, zh_content = [], []
    for text in zh:
        content = zh_content_mask(text)
        zh_content.append(content)
        zh_masks.append({sid: bits & content for sid, bits in lexicon.zh_evidence(text).items() if bits & content})
    en_ids = [lexicon.en_evidence(text) for text in en]
    zh_count = np.array([c.bit_count() for c in zh_content], dtype=np.float64)
    en_count = np.array([len(ids) for ids in en_ids], dtype=np.float64)
    return _Features(
        zh_masks, zh_content, zh_count, en_ids, en_count,
        np.concatenate([[0.0], np.cumsum([_length(t) for t in zh])]),
        np.concatenate([[0.0], np.cumsum([_length(t) for t in en])]),
        np.concatenate([[0.0], np.cumsum(zh_count)]),
        np.concatenate([[0.0], np.cumsum(en_count)]),
    )


def _length(text: str) -> int:
    return len(text) - sum(ch.isspace() for ch in text)


class _PairStats:
    """Per Chinese sentence, over a window of English sentences: matched English words, matched Chinese characters."""

    def __init__(self, f: _Features, windows: list[tuple[int, int]]):
        self.starts = [w[0] for w in windows]
        self.en: list[np.ndarray] = []
        self.zh: list[np.ndarray] = []
        for i, (start, end) in enumerate(windows):
            masks = f.zh_masks[i]
            en_row = np.zeros(max(end - start, 0))
            zh_row = np.zeros(max(end - start, 0))
            for k, j in enumerate(range(start, end)):
                ids = f.en_ids[j]
                matched = [sid for sid in ids if sid in masks]
                if matched:
                    en_row[k] = len(matched)
                    bits = 0
                    for sid in set(matched):
                        bits |= masks[sid]
                    zh_row[k] = bits.bit_count()
            self.en.append(en_row)
            self.zh.append(zh_row)

    def window(self, table: list[np.ndarray], i: int, start: int, size: int) -> np.ndarray:
        """table[i] over English sentences start … start+size-1, zero outside the computed window."""
        row, offset = table[i], start - self.starts[i]
        out = np.zeros(size)
        lo, hi = max(offset, 0), min(offset + size, len(row))
        if hi > lo:
            out[lo - offset : hi - offset] = row[lo:hi]
        return out


@dataclass
class _Model:
    ratio: float
    variance: float


def _model(f: _Features) -> _Model:
    zh_total, en_total = f.zh_len_cum[-1], f.en_len_cum[-1]
    ratio = en_total / zh_total if zh_total and en_total else UN_LENGTH_RATIO
    if not UN_LENGTH_RATIO / 2 <= ratio <= UN_LENGTH_RATIO * 2:
        ratio = UN_LENGTH_RATIO
    return _Model(ratio, UN_LENGTH_VARIANCE * ratio / UN_LENGTH_RATIO)


def _lexical(en_hit, en_n, zh_hit, zh_n):
    """Mean of the two coverage shares; a side without content words counts as half covered."""
    en_share = np.where(en_n > 0, en_hit / np.maximum(en_n, 1), 0.5)
    zh_share = np.where(zh_n > 0, zh_hit / np.maximum(zh_n, 1), 0.5)
    return (en_share + zh_share) / 2


def _length_log(zh_len, en_len, model: _Model):
    delta = (en_len - model.ratio * zh_len) / np.sqrt(model.variance * np.maximum(zh_len + en_len / model.ratio, 2) / 2)
    return np.maximum(-delta * delta / 2, -12.0)


def _bead_terms(f: _Features, stats: _PairStats, model: _Model, a: int, b: int, i: int, js: np.ndarray):
    """Lexical share and length log-likelihood of beads (a, b) ending at node row i, columns js."""
    size = len(js)
    first = int(js[0]) - b
    en_hit = np.zeros(size)
    for k in range(b):
        total = sum(stats.window(stats.en, i2, first + k, size) for i2 in range(i - a, i))
        en_sent = np.clip(js - b + k, 0, len(f.en_count) - 1)
        en_hit += np.minimum(total, f.en_count[en_sent])
    zh_hit = np.zeros(size)
    for i2 in range(i - a, i):
        total = sum(stats.window(stats.zh, i2, first + k, size) for k in range(b))
        zh_hit += np.minimum(total, f.zh_content_count[i2])
    prev = np.clip(js - b, 0, None)
    en_n = f.en_count_cum[js] - f.en_count_cum[prev]
    zh_n = f.zh_count_cum[i] - f.zh_count_cum[i - a]
    lex = _lexical(en_hit, en_n, zh_hit, zh_n)
    length = _length_log(f.zh_len_cum[i] - f.zh_len_cum[i - a], f.en_len_cum[js] - f.en_len_cum[prev], model)
    return lex, length


def _score(lex, length, a: int, b: int):
    return LEX_WEIGHT * (lex - LEX_BASELINE) + length + PRIOR[(a, b)]


def _band(f: _Features, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Columns [lo, hi) of each node row: around the point where both sides have used the same share of text."""
    n, m = len(f.zh_len_cum) - 1, len(f.en_len_cum) - 1
    zh_share = (f.zh_len_cum + np.arange(n + 1)) / (f.zh_len_cum[-1] + n)
    en_share = (f.en_len_cum + np.arange(m + 1)) / (f.en_len_cum[-1] + m)
    centre = np.searchsorted(en_share, zh_share).clip(0, m)
    centre[0], centre[-1] = 0, m
    lo = np.maximum(centre - width, 0)
    hi = np.minimum(centre + width + 1, m + 1)
    # Rows must overlap enough for beads to step from one to the next.
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    return lo, hi


def _dp(f: _Features, model: _Model, width: int):
    n, m = len(f.zh_content), len(f.en_ids)
    lo, hi = _band(f, width)
    windows = [(max(int(lo[i + 1]) - MAX_BEAD, 0), min(int(hi[min(i + MAX_BEAD, n)]), m)) for i in range(n)]
    stats = _PairStats(f, windows)
    scores: list[np.ndarray] = []
    backs: list[np.ndarray] = []
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i])
        best = np.full(len(js), -np.inf)
        back = np.full(len(js), -1, dtype=np.int8)
        if i == 0:
            best[js == 0] = 0.0
        for t, (a, b) in enumerate(BEADS):
            if a == 0 or a > i:
                continue
            prev_j = js - b
            prev_row, prev_lo = scores[i - a], lo[i - a]
            idx = prev_j - prev_lo
            ok = (idx >= 0) & (idx < len(prev_row))
            if not ok.any():
                continue
            prev = np.where(ok, prev_row[np.clip(idx, 0, len(prev_row) - 1)], -np.inf)
            if b == 0:
                cand = prev + SKIP_SCORE
            else:
                lex, length = _bead_terms(f, stats, model, a, b, i, js)
                cand = prev + _score(lex, length, a, b)
            better = cand > best
            best[better] = cand[better]
            back[better] = t
        # 0–1 beads within the row: best[j] = max(best[j], best[j-1] + skip), solved with a running maximum.
        k = np.arange(len(js))
        chained = np.maximum.accumulate(best - k * SKIP_SCORE) + k * SKIP_SCORE
        skipped = chained > best + 1e-9
        best = np.where(skipped, chained, best)
        back[skipped] = BEADS.index((0, 1))
        scores.append(best)
        backs.append(back)
    # Walk back from (n, m).
    path, i, j = [], n, m
    touched_edge = False
    while i > 0 or j > 0:
        col = j - lo[i]
        if (lo[i] > 0 and col <= 1) or (hi[i] <= m and col >= hi[i] - lo[i] - 2):
            touched_edge = True
        t = backs[i][col]
        if t < 0:
            return None, True
        a, b = BEADS[t]
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    path.reverse()
    return path, touched_edge


def align_sentences(zh_sents: list[str], en_sents: list[str], lexicon: Lexicon | None = None) -> list[SentencePair]:
    """Align two sentence lists; every sentence ends up in exactly one bead, in order.

    ``lexicon`` is added to CC-CEDICT (see ``lexicon_with``); each bead carries a
    confidence in [0, 1], below ``LOW_CONFIDENCE`` when the evidence is weak.
    """
    lexicon = lexicon or cedict()
    zh_sents, en_sents = list(zh_sents), list(en_sents)
    if not zh_sents or not en_sents:
        return [SentencePair((i,), (), s, "", 0.0) for i, s in enumerate(zh_sents)] + [
            SentencePair((), (j,), "", s, 0.0) for j, s in enumerate(en_sents)]
    f = _features(zh_sents, en_sents, lexicon)
    model = _model(f)
    width = max(MIN_BAND, int(abs(len(zh_sents) - len(en_sents)) * 0.1) + MIN_BAND)
    while True:
        path, touched = _dp(f, model, width)
        full = width >= max(len(zh_sents), len(en_sents))
        if path is not None and (not touched or full):
            break
        width *= 2
    return [_pair(f, model, zh_sents, en_sents, bead) for bead in path]


def _pair(f: _Features, model: _Model, zh_sents: list[str], en_sents: list[str], bead) -> SentencePair:
    i0, i1, j0, j1 = bead
    confidence = 0.0
    if i1 > i0 and j1 > j0:
        confidence = bead_confidence(*_bead_terms_exact(f, model, i0, i1, j0, j1))
    return SentencePair(tuple(range(i0, i1)), tuple(range(j0, j1)), "".join(zh_sents[i0:i1]), " ".join(en_sents[j0:j1]), confidence)


def _bead_terms_exact(f: _Features, model: _Model, i0: int, i1: int, j0: int, j1: int) -> tuple[float, float]:
    """The bead's lexical share and length log-likelihood, without the DP's per-pair approximation."""
    zh_ids = set().union(*(f.zh_masks[i] for i in range(i0, i1)))
    en_ids = [sid for j in range(j0, j1) for sid in f.en_ids[j]]
    en_set = set(en_ids)
    en_hit = sum(1 for sid in en_ids if sid in zh_ids)
    zh_hit = 0
    for i in range(i0, i1):
        bits = 0
        for sid, mask in f.zh_masks[i].items():
            if sid in en_set:
                bits |= mask
        zh_hit += bits.bit_count()
    zh_n = f.zh_count_cum[i1] - f.zh_count_cum[i0]
    lex = float(_lexical(np.float64(en_hit), np.float64(len(en_ids)), np.float64(zh_hit), np.float64(zh_n)))
    length = float(_length_log(f.zh_len_cum[i1] - f.zh_len_cum[i0], f.en_len_cum[j1] - f.en_len_cum[j0], model))
    return lex, length


def bead_confidence(lex: float, length_log: float) -> float:
    """Probability-like confidence: lexical share through a logistic curve, damped by an unlikely length ratio."""
    lexical = 1 / (1 + math.exp(-12 * (lex - 0.25)))
    return round(lexical * math.exp(length_log / 4), 3)
