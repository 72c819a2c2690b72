"""Character n-gram statistics of Chinese text: counts, branching entropy, cohesion.

jieba's dictionary splits many UN terms (多利益攸关方 → 多/利益/攸关/方), so
candidates are character n-grams inside runs of Chinese characters (runs end
at punctuation, digits and Latin text, so numbers and symbols never enter).
Counting is Apriori-style: an n-gram is counted only when both its (n-1)-gram
prefix and suffix were frequent, so memory follows the frequent n-grams, not
every n-gram of the corpus.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from shuyu.corpus.chars import CJK

_RUN = re.compile(f"[{CJK}]+")


def runs(texts: Iterable[str]) -> list[str]:
    """Runs of Chinese characters: the only places a term can be."""
    return [run for text in texts for run in _RUN.findall(text)]


@dataclass
class NgramStats:
    counts: Counter  # every frequent n-gram (and every character) → frequency
    chars: int  # total characters in runs

    def freq(self, gram: str) -> int:
        return self.counts.get(gram, 0)

    def longer_by_one(self, gram: str) -> list[str]:
        """Frequent grams one character longer that contain ``gram``."""
        return self._extensions.get(gram, [])

    def __post_init__(self) -> None:
        self._extensions: dict[str, list[str]] = defaultdict(list)
        for g in self.counts:
            if len(g) >= 3:
                self._extensions[g[1:]].append(g)
                self._extensions[g[:-1]].append(g)


def count_ngrams(clauses: list[str], min_freq: int, max_len: int) -> NgramStats:
    counts: Counter = Counter()
    for run in clauses:
        counts.update(run)
    total = sum(counts.values())
    frequent = {g for g, c in counts.items() if c >= min_freq}
    for n in range(2, max_len + 1):
        level: Counter = Counter()
        for run in clauses:
            for i in range(len(run) - n + 1):
                gram = run[i : i + n]
                if gram[:-1] in frequent and gram[1:] in frequent:
                    level[gram] += 1
        frequent = {g for g, c in level.items() if c >= min_freq}
        if not frequent:
            break
        counts.update({g: level[g] for g in frequent})
    return NgramStats(counts, total)


def branching_entropy(clauses: list[str], grams: set[str]) -> dict[str, tuple[float, float]]:
    """(left, right) entropy of the characters next to each gram.

    A clause boundary counts as a new neighbour every time: a term standing
    between punctuation marks is as free as a term can be.
    """
    left: dict[str, Counter] = defaultdict(Counter)
    right: dict[str, Counter] = defaultdict(Counter)
    lengths = sorted({len(g) for g in grams})
    boundary = itertools.count()
    for run in clauses:
        for n in lengths:
            for i in range(len(run) - n + 1):
                gram = run[i : i + n]
                if gram not in grams:
                    continue
                left[gram][run[i - 1] if i else next(boundary)] += 1
                right[gram][run[i + n] if i + n < len(run) else next(boundary)] += 1
    return {g: (_entropy(left[g]), _entropy(right[g])) for g in grams}


def _entropy(counter: Counter) -> float:
    total = sum(counter.values())
    return -sum(c / total * math.log(c / total) for c in counter.values()) if total else 0.0


def cohesion(stats: NgramStats, gram: str) -> float:
    """Weakest split's pointwise mutual information: low when the gram is two words side by side."""
    n = stats.chars
    f = stats.freq(gram)
    return min(
        math.log(f * n / (stats.freq(gram[:k]) * stats.freq(gram[k:])))
        for k in range(1, len(gram))
    )
