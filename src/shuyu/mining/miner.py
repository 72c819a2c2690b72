"""Rank candidate terms by termhood and unithood, with per-year evidence.

A candidate is a character n-gram (2 to ``max_len`` characters) that
- recurs (``min_freq``) and starts and ends on a content character;
- is free on both sides (left/right branching entropy), so fragments of a longer
  term (社会世界首脑会议, always after 信息) drop out;
- holds together (cohesion: the weakest split's mutual information);
- ends in a nominal word (jieba POS of the last token), so bare verbs (注意到) are not terms.
Ranking multiplies C-value (frequency, discounted for terms nested in longer
ones) by the boundary freedom, the spread over documents, and a penalty for
everyday words that are frequent in general Chinese (jieba's dictionary).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import ahocorasick

from shuyu.corpus.reading import read_file
from shuyu.mining.ngrams import branching_entropy, cohesion, count_ngrams, runs

# Characters that never start or end a term: particles, conjunctions, prepositions, pronouns, adverbs.
FUNCTION_CHARS = frozenset("的和及与在并等对将其之了是为以或也而被把从向于就都所这那该各此已又还即则但且如由至给让使每有无不非更很再")
# Characters that may end a term but never start one (…方面 fine; 面… not).
_NOT_FIRST = frozenset("们者性化年月日号")
_NUMERAL_RUN = re.compile(r"[一二三四五六七八九十百千零两]{2,}|^第|届|次会")
_FUNCTION_TAGS = ("p", "d", "c", "r", "u", "q", "f")  # a term does not start with these
_NOMINAL_TAGS = ("n", "vn", "an", "j", "l", "i", "nz", "nt", "ns", "nr", "ng", "eng", "s")


@dataclass
class MiningOptions:
    min_freq: int = 3
    min_docs: int = 1
    max_len: int = 16
    min_entropy: float = 0.6
    stopwords: frozenset[str] = frozenset()
    user_dict: str | None = None  # extra jieba dictionary (word [freq] [tag] per line) for POS tagging
    contexts: int = 3


@dataclass
class Passage:
    """A paragraph as the miner sees it."""

    doc_id: str
    year: int | None
    number: str | None
    text: str
    seq: int | None = None  # paragraph order in the document (for unnumbered paragraphs)


@dataclass
class Candidate:
    term: str
    score: float
    freq: int
    docs: dict[str, int]
    years: dict[int, int]
    pos: str
    left_entropy: float
    right_entropy: float
    cohesion: float
    cvalue: float
    contexts: list[dict] = field(default_factory=list)

    @property
    def first_year(self) -> int | None:
        return min(self.years) if self.years else None

    @property
    def last_year(self) -> int | None:
        return max(self.years) if self.years else None


@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba, jieba.posseg


@functools.lru_cache(maxsize=200_000)
def pos_pattern(term: str) -> tuple[tuple[str, str], ...]:
    _, posseg = _jieba()
    return tuple((w.word, w.flag) for w in posseg.lcut(term, HMM=False))


def general_frequency(term: str) -> float:
    """Relative frequency of ``term`` as a word of general Chinese (jieba's dictionary)."""
    jieba, _ = _jieba()
    return jieba.dt.FREQ.get(term, 0) / jieba.dt.total


def mine_texts(
    passages: list[Passage], options: MiningOptions = MiningOptions(), progress: Callable[[str], None] = lambda s: None
) -> list[Candidate]:
    """Ranked candidates (best first) found in ``passages``."""
    clauses = runs(p.text for p in passages)
    if not clauses:
        return []
    progress("counting n-grams")
    stats = count_ngrams(clauses, options.min_freq, options.max_len)
    grams = {g for g, c in stats.counts.items() if len(g) >= 2 and c >= options.min_freq and _clean_edges(g, options)}
    progress("measuring boundaries")
    entropies = branching_entropy(clauses, grams)
    kept = {}
    for gram in grams:
        left, right = entropies[gram]
        if min(left, right) < options.min_entropy:
            continue
        kept[gram] = (left, right, cohesion(stats, gram))
    progress("tagging and scoring")
    if options.user_dict:
        _jieba()[0].load_userdict(str(options.user_dict))
        pos_pattern.cache_clear()
    kept = {g: v for g, v in kept.items() if not _fragment(g, stats) and _well_formed(g)}
    cvalues = _cvalues({g: stats.freq(g) for g in kept})
    occurrences = _occurrences(passages, list(kept), options.contexts)
    candidates = []
    for gram, (left, right, coh) in kept.items():
        docs, years, contexts = occurrences[gram]
        if len(docs) < options.min_docs:
            continue
        freq = stats.freq(gram)
        candidates.append(
            Candidate(
                term=gram, score=0.0, freq=freq, docs=docs, years=years,
                pos=" ".join(tag for _, tag in pos_pattern(gram)), left_entropy=left, right_entropy=right,
                cohesion=coh, cvalue=cvalues[gram], contexts=contexts,
            )
        )
    by_term = {c.term: c for c in candidates}
    for c in candidates:
        c.score = _score(c, stats.chars, by_term)
    candidates.sort(key=lambda c: (-c.score, c.term))
    return candidates


def _clean_edges(gram: str, options: MiningOptions) -> bool:
    if gram[0] in FUNCTION_CHARS or gram[-1] in FUNCTION_CHARS or gram[0] in _NOT_FIRST:
        return False
    if _NUMERAL_RUN.search(gram):
        return False
    return gram not in options.stopwords and not any(w in gram for w in options.stopwords if len(w) > 1)


def _well_formed(gram: str) -> bool:
    """Chinese noun phrases are head-final (the last word is nominal) and start with a content word."""
    pattern = pos_pattern(gram)
    if not pattern or not pattern[-1][1].startswith(_NOMINAL_TAGS):
        return False
    return len(pattern) == 1 or not pattern[0][1].startswith(_FUNCTION_TAGS)


def _fragment(gram: str, stats) -> bool:
    """A gram that nearly always sits inside one longer gram (用信息和通信技术 in 利用…) is a piece of it."""
    f = stats.freq(gram)
    extensions = stats.longer_by_one(gram)
    return any(stats.freq(e) >= 0.9 * f for e in extensions)


def _cvalues(freqs: dict[str, int]) -> dict[str, float]:
    """C-value: log2(length) × frequency, minus the mean frequency of longer terms containing it."""
    containers: dict[str, list[int]] = defaultdict(list)
    for longer, f in freqs.items():
        seen = set()
        for i in range(len(longer)):
            for j in range(i + 2, len(longer) + 1):
                sub = longer[i:j]
                if sub != longer and sub in freqs and sub not in seen:
                    seen.add(sub)
                    containers[sub].append(f)
    out = {}
    for gram, f in freqs.items():
        nested = containers.get(gram)
        out[gram] = math.log2(len(gram)) * (f - (sum(nested) / len(nested) if nested else 0))
    return out


def _score(c: Candidate, corpus_chars: int, by_term: dict[str, Candidate]) -> float:
    freedom = min(c.left_entropy, c.right_entropy)
    spread = 1 + math.log(len(c.docs))
    score = max(c.cvalue, 0.5) * freedom * spread
    score *= _specificity(c.term, c.freq / corpus_chars)
    words = pos_pattern(c.term)
    if len(words) == 3 and words[1][0] in "和与及" and all(general_frequency(w) > 2e-5 for w, _ in words[::2]):
        score *= 0.2  # 区域和国际, 经济和社会: two everyday words side by side
    if len(words) >= 2 and words[0][1].startswith("v"):
        # A verb phrase around a term (弥合数字鸿沟, 鼓励所有利益攸关方) ranks below the term
        # unless it is fixed on its own (加强合作: 合作 is no term).
        rest = c.term[len(words[0][0]) :]
        if any(rest[i:] in by_term and len(rest) - i >= 3 and by_term[rest[i:]].freq >= 1.5 * c.freq
               for i in range(len(rest) - 2)):
            score *= 0.3
    if "的" in c.term:
        score *= 0.3  # 方面取得的进展: a clause, not a name
    return score


def _specificity(term: str, corpus_rate: float) -> float:
    """Weirdness against general Chinese: 1 for domain words, near 0 for everyday words (发展, 国家)."""
    general = general_frequency(term)
    if not general:
        return 1.0
    weirdness = corpus_rate / general
    return min(1.0, math.log10(1 + weirdness) / 4) ** 3


def _occurrences(passages: list[Passage], terms: list[str], n_contexts: int) -> dict[str, tuple]:
    """Per term: counts by document, counts by year, and keyword-in-context examples."""
    if not terms:
        return {}
    automaton = ahocorasick.Automaton()
    for term in terms:
        automaton.add_word(term, term)
    automaton.make_automaton()
    docs: dict[str, Counter] = defaultdict(Counter)
    years: dict[str, Counter] = defaultdict(Counter)
    contexts: dict[str, list] = defaultdict(list)
    for p in passages:
        for end, term in automaton.iter(p.text):
            docs[term][p.doc_id] += 1
            if p.year is not None:
                years[term][p.year] += 1
            examples = contexts[term]
            if len(examples) < n_contexts and all(e["doc_id"] != p.doc_id for e in examples):
                start = end - len(term) + 1
                examples.append({
                    "doc_id": p.doc_id, "year": p.year, "paragraph": p.number, "seq": p.seq,
                    "left": p.text[max(0, start - 20) : start], "term": term, "right": p.text[end + 1 : end + 21],
                })
    return {t: (dict(docs[t]), dict(sorted(years[t].items())), contexts[t]) for t in terms}


def iter_passages(store) -> Iterator[Passage]:
    """Chinese paragraphs of the corpus, with their document's year."""
    sql = """
        select p.doc_id, d.year, p.number, p.text, p.seq from paragraphs p join documents d on d.id = p.doc_id
        where d.lang = 'zh' order by d.year, p.doc_id, p.seq
    """
    for row in store.db.execute(sql):
        yield Passage(*row)


def mine_corpus(store, options: MiningOptions = MiningOptions(), progress: Callable[[str], None] = lambda s: None) -> list[Candidate]:
    """Mine the stored corpus and save the ranking (reviewed terms keep their decisions)."""
    candidates = mine_texts(list(iter_passages(store)), options, progress)
    store.save_mined_terms([
        {"term": c.term, "rank": rank, "score": c.score, "freq": c.freq, "docs": len(c.docs), "years": c.years,
         "first_year": c.first_year, "last_year": c.last_year, "pos": c.pos, "contexts": c.contexts,
         "stats": {"left_entropy": c.left_entropy, "right_entropy": c.right_entropy, "cohesion": c.cohesion,
                   "cvalue": c.cvalue, "by_document": c.docs}}
        for rank, c in enumerate(candidates, 1)
    ])
    return candidates


def user_dictionary(terms: Iterable[str]) -> str:
    """A jieba user dictionary (``word freq tag``) so segmentation keeps mined terms whole."""
    return "".join(f"{term} {max(3, len(term))} n\n" for term in terms)


def read_word_list(path) -> frozenset[str]:
    """Words of a stopword or dictionary file: the first field of each non-comment line."""
    words = set()
    for line in read_file(path).text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line.split()[0])
    return frozenset(words)
