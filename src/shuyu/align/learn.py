"""A word-translation lexicon learned from the corpus itself.

A first alignment with CC-CEDICT gives confident beads; over them, each
(Chinese word, English stem) pair that co-occurs often and mostly together
(Dice coefficient) becomes a lexicon entry: names and domain words the
dictionary lacks or glosses differently (耶和华 → LORD, 缔约国 → State party).
Chinese words come from jieba; the aligner is then run again with the enlarged
lexicon.
"""

from __future__ import annotations

from collections import Counter

import jieba

from shuyu.align.lexicon import Lexicon, en_content_words, stem
from shuyu.corpus.chars import is_cjk
from shuyu.model.bitext import SentencePair

MIN_CONFIDENCE = 0.7  # beads the lexicon is learned from
MIN_COUNT = 3  # co-occurrences a learned pair needs
MIN_DICE = 0.35


def learn_lexicon(pairs: list[SentencePair], base: Lexicon) -> tuple[Lexicon, int]:
    """``base`` plus the word pairs the confident beads of ``pairs`` attest; and how many were added."""
    zh_count: Counter[str] = Counter()
    en_count: Counter[str] = Counter()
    both: Counter[tuple[str, str]] = Counter()
    for pair in pairs:
        if pair.confidence < MIN_CONFIDENCE or not pair.zh_lines or not pair.en_lines:
            continue
        zh_words = {w for w in jieba.lcut(pair.zh, HMM=False) if len(w) > 1 or (w and is_cjk(w) and False)}
        zh_words = {w for w in zh_words if all(is_cjk(ch) for ch in w)}
        en_stems = {stem(w) for w in en_content_words(pair.en)}
        zh_count.update(zh_words)
        en_count.update(en_stems)
        both.update((z, e) for z in zh_words for e in en_stems)
    learned = base.copy()
    added = 0
    for (z, e), count in both.items():
        if count >= MIN_COUNT and 2 * count / (zh_count[z] + en_count[e]) >= MIN_DICE:
            sid = learned.stem_id(e)
            if sid not in learned.entries.get(z, ()):
                learned.entries[z] = tuple(sorted({*learned.entries.get(z, ()), sid}))
                added += 1
    learned._automaton = None
    return learned, added
