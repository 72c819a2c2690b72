"""Rank candidate terms by termhood and unithood, with per-year evidence.

A candidate is a character n-gram (2 to ``max_len`` characters) that
- recurs (``min_freq``) and is free on both sides (left/right branching
  entropy), so pieces of a longer name (社会世界首脑会议, always after 信息) drop out;
- starts and ends on a content word (jieba's segmentation of the candidate: no
  的 和 及 与 在 … at either edge, no light noun such as 方面 or 情况 at the end, no
  particle 的 or clause conjunction 并 inside) and has a nominal head or is a
  noun + verb compound free on the right (因特网治理, 经济增长);
- is used on its own: a longest-match scan of the corpus counts its occurrences
  outside every longer candidate, and a gram almost never used on its own
  (技术促进发展 inside 信息和通信技术促进发展 and 科学和技术促进发展委员会) is a fragment;
  so is one whose edge cuts a common word of general Chinese (工作方|案);
- if it is a phrase of three words or more, recurs in different surroundings:
  a clause copied from one resolution into the next is one use.

Ranking multiplies C-value (frequency, discounted for terms nested in longer
ones) by boundary freedom, spread over documents and weirdness against general
Chinese (jieba's dictionary frequencies); an everyday two-character word
(议程, 成果) counts only as far as it stands on its own.  Collocations rank at a
tenth: a verb, adverb or corpus-attested verb head in front of a term
(弥合数字鸿沟, 特别是发展中国家, 获取|信息和通信技术 even where jieba glues the verb
to the term) and two terms joined by a connector (发达国家和发展中国家), when the
inner term occurs at least twice as often as the collocation — unless longer
names are built on it (加强合作 → 加强合作进程); and a verb with its object or
subject when each part is mostly used without the other (回顾大会, 国家提供).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from shuyu.corpus.reading import read_file
from shuyu.mining import ngrams
from shuyu.mining.options import MiningOptions
from shuyu.text.zh import add_user_dictionary, dictionary_count, dictionary_words, general_frequency, pos_pattern
from shuyu.years import UsedInYears

# One-character function words: particles, conjunctions, prepositions, pronouns, adverbs.
# A candidate whose first or last *word* is one of these is no term (合作等, 在数字鸿沟).
FUNCTION_CHARS = frozenset(
    "的和及与在并等对将其之了是为以或也而被把从向于就都所这那该各此已又还即则但且如由至给让使每有无不非更很再"
)
# Light nouns that follow a term without naming anything new (信息和通信技术方面, 执行情况).
LIGHT_NOUNS = frozenset(
    {"方面", "情况", "范围", "期间", "过程", "方式", "以来", "之间", "内", "外", "中", "上", "下", "时"}
)
# Numbers of sessions and meetings (第六十六届会议, 第2次会议) and measure words left over
# from a number (2030年…, 5岁以下儿童) are not terms.
_NUMBERED = re.compile(r"[一二三四五六七八九十百千零两]{2,}|届|次会议|^[年月日号次岁个名项倍]")
FUNCTION_TAGS = ("p", "c", "u", "r", "x")
NOMINAL_TAGS = ("n", "vn", "an", "j", "l", "i", "nz", "nt", "ns", "nr", "ng", "eng", "s")
_CONNECTOR_TAGS = ("c", "p", "u", "r", "d")
_NAME_CONJUNCTIONS = frozenset({"和", "与", "及", "或", "以及"})  # 科学和技术促进发展委员会; not 并, 而, 且
_PROPER_TAGS = ("nt", "ns", "nr", "nz")  # names of bodies, places and people start names, not phrases
# Determiners and quantifiers (所有利益攸关方, 其他国家): function words, whatever jieba tags them.
DETERMINERS = frozenset({"所有", "其他", "其它", "各种", "一切", "任何", "这些", "那些", "每个", "一些", "许多"})
_FRAGMENT_SHARE = 0.1  # used on its own in fewer than 10% of its occurrences
# An edge that cuts a common two-character word (jieba count ≥ 100) in most occurrences is no
# edge: 工作方|案, 技|术界, 这|些问题.
_COMMON_WORD = 100
_SPLIT_SHARE = 0.8
_ENUMERATED_SHARE = 0.9  # a list item is sometimes listed elsewhere; a piece of a name never is
_BOUND_SHARE = 0.25  # a verb + object whose parts occur together in at most a quarter of their uses is free


@dataclass
class Passage:
    """A paragraph as the miner sees it."""

    doc_id: str
    year: int | None
    number: str | None
    text: str
    seq: int | None = None  # paragraph order in the document (for unnumbered paragraphs)


@dataclass
class Candidate(UsedInYears):
    term: str
    score: float
    freq: int
    standalone: int  # occurrences not inside a longer candidate
    docs: int  # number of documents
    years: dict[int, int]
    pos: str
    left_entropy: float
    right_entropy: float
    cohesion: float
    cvalue: float
    specificity: float
    contexts: list[dict] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def _common_pairs() -> np.ndarray:
    """Common two-character words of general Chinese, keyed for ``ngrams.occurrences``."""
    return ngrams.pair_keys(
        w
        for w, f in dictionary_words()
        if len(w) == 2 and f >= _COMMON_WORD and all("\u4e00" <= ch <= "\u9fff" for ch in w)
    )


PassageSource = Iterable[Passage] | Callable[[], Iterable[Passage]]


def mine_texts(
    passages: PassageSource,
    options: MiningOptions = MiningOptions(),
    progress: Callable[[str, int], None] = lambda stage, chars: None,
) -> list[Candidate]:
    """Ranked candidates (best first) found in ``passages``.

    ``passages`` is a list, an iterator, or a function that returns one: the
    corpus is read once, in chunks, so it never has to be in memory at once.
    """
    with ngrams.ChunkStore() as store:
        return _mine(passages() if callable(passages) else passages, store, options, progress)


def _mine(
    passages: Iterable[Passage], store: ngrams.ChunkStore, options: MiningOptions, progress: Callable[[str, int], None]
) -> list[Candidate]:
    progress("counting n-grams", 0)  # each stage reports its start, then its progress
    tables, chars, floor, size = ngrams.count(
        passages, store, options.min_freq, options.max_len, lambda n: progress("counting n-grams", n)
    )
    if not tables.get(2):
        return []
    progress("measuring boundaries", 0)
    frequent = ngrams.neighbours(store, tables, options.max_len, lambda n: progress("measuring boundaries", n))
    stats = ngrams.NgramStats(frequent, chars, floor)
    entropies: dict[str, tuple[float, float]] = {}
    for n, table in frequent.items():
        free = np.flatnonzero(np.minimum(table.left, table.right) >= options.min_entropy) if n >= 2 else []
        if len(free):
            entropies.update(zip(table.strings(free), zip(table.left[free].tolist(), table.right[free].tolist())))
    progress("tagging", size)
    if options.user_dict:
        add_user_dictionary(options.user_dict)
    grams = {g for g in entropies if not _NUMBERED.search(g) and g not in options.stopwords}
    grams = {
        g
        for g in grams
        if well_formed(g)
        and not _has_stopword(g, options.stopwords)
        and (pos_pattern(g)[-1][1].startswith(NOMINAL_TAGS) or entropies[g][1] >= 2 * options.min_entropy)
    }
    progress("finding occurrences", 0)
    found = ngrams.occurrences(
        store,
        tables,
        sorted(grams),
        options.contexts,
        _common_pairs(),
        floor,
        lambda n: progress("finding occurrences", n),
    )
    grams = {g for g in grams if _used_as_unit(g, found, floor)}
    cvalues = _cvalues({g: found.freq[g] for g in grams})
    cohesions = ngrams.cohesion(stats, (g for g in grams if found.docs[g] >= options.min_docs))
    candidates = []
    for gram in grams:
        if found.docs[gram] < options.min_docs:
            continue
        left, right = entropies[gram]
        freq = found.freq[gram]  # exact, whatever the chunking
        candidates.append(
            Candidate(
                term=gram,
                score=0.0,
                freq=freq,
                standalone=found.standalone[gram],
                docs=found.docs[gram],
                years=dict(sorted(found.years[gram].items())),
                pos=" ".join(tag for _, tag in pos_pattern(gram)),
                left_entropy=left,
                right_entropy=right,
                cohesion=cohesions[gram],
                cvalue=cvalues[gram],
                specificity=_specificity(gram, freq / stats.chars),
                contexts=found.contexts[gram],
            )
        )
    progress("scoring", size)
    by_term = {c.term: c for c in candidates}
    verbs = _predicative_heads(candidates, by_term)
    kinds = {c.term: _collocation(c, by_term, verbs, stats.freq) for c in candidates}
    collocations = {t for t, kind in kinds.items() if kind}
    ordered = sorted(by_term)
    for c in candidates:
        kind = kinds[c.term]
        fixed = kind == "verb" and _names_built_on(c.term, ordered, collocations)
        c.score = _score(c, bool(kind) and not fixed)
    candidates.sort(key=lambda c: (-c.score, c.term))
    return candidates


def _used_as_unit(gram: str, found: ngrams.Occurrences, floor: int) -> bool:
    """Not a piece of something longer, and a phrase that recurs in its own right.

    - used on its own, outside longer candidates (技术促进发展 is not);
    - its edges do not cut a common word (工作方|案), nor go on past an
      enumeration comma the same way nearly every time (联合国教育|、科学及文化组织);
    - a phrase of three or more words recurs in ``floor`` different
      surroundings: a clause copied from one resolution into the next
      (确认迫切需要发掘知识和技术潜力) is one use however often it is copied.
    """
    freq = found.freq[gram]
    return (
        found.standalone[gram] >= _FRAGMENT_SHARE * freq
        and found.split_word[gram] < _SPLIT_SHARE * freq
        and found.enumerated[gram] < _ENUMERATED_SHARE * freq
        and (found.surroundings[gram] >= floor or len(pos_pattern(gram)) < 3)
    )


def _has_stopword(gram: str, stopwords: frozenset[str]) -> bool:
    return any(word in stopwords for word, _ in pos_pattern(gram))


def well_formed(gram: str) -> bool:
    """Content words at both edges; a nominal head, or a noun + verb compound (因特网治理)."""
    words = pos_pattern(gram)
    if not words:
        return False
    first, last = words[0], words[-1]
    if first[0] in FUNCTION_CHARS or last[0] in FUNCTION_CHARS or last[0] in LIGHT_NOUNS or first[0] in LIGHT_NOUNS:
        return False
    if first[1].startswith(FUNCTION_TAGS) or last[1].startswith(FUNCTION_TAGS) or first[0] in DETERMINERS:
        return False
    if len(words) == 1 and len(gram) >= 3 and _predicate_word(gram):
        return False
    if any(tag in ("uj", "ul") or (tag == "c" and word not in _NAME_CONJUNCTIONS) for word, tag in words):
        return False  # 取得的进展, 阶段会议通过并经大会: a clause, not a name
    if last[1].startswith(NOMINAL_TAGS):
        return True
    # 因特网治理, 性别平等, 宽带连通: a noun before a verb or adjective names a concept.
    return (
        len(words) == 2
        and first[1].startswith(NOMINAL_TAGS)
        and last[1][0] in "va"
        and not (len(first[0]) >= 3 and _predicate_word(first[0]))
    )


def _predicate_word(word: str) -> bool:
    """A dictionary word built like a predicate: 强调指出, 不断扩大, 发挥作用, 致力于.

    jieba tags such idioms as nouns or idioms; their parts tell: a verb, adverb
    or adjective followed by a verb or preposition.  技术转让 (noun + verb) and
    发达国家 (verb + noun) stay names.
    """
    for k in range(1, len(word)):
        first, rest = word[:k], word[k:]
        if dictionary_count(first) and dictionary_count(rest):
            head, tail = pos_pattern(first)[-1][1], pos_pattern(rest)[0][1]
            return head[0] in "vda" and tail[0] in "vp"
    return False


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


def _specificity(term: str, corpus_rate: float) -> float:
    """Weirdness against general Chinese: 1 for domain words, near 0 for everyday words (发展, 国家)."""
    general = general_frequency(term)
    if not general:
        return 1.0
    weirdness = corpus_rate / general
    everyday = 0.1 if weirdness < 25 else 1.0  # 发展, 技术, 会议: not even 25× more frequent than in general use
    # Squared, not cubed: common terms of general Chinese (发达国家, 会员国, 宽带) keep most of their score.
    return everyday * min(1.0, math.log10(1 + weirdness) / 4) ** 2


def _score(c: Candidate, collocation: bool) -> float:
    freedom = min(c.left_entropy, c.right_entropy)
    spread = 1 + math.log(c.docs)
    score = max(c.cvalue, 0.5) * freedom * spread * c.specificity
    if len(c.term) == 2 and general_frequency(c.term):
        # A two-character dictionary word (鸿沟, 议程, 成果) is everyday vocabulary, mostly a part of
        # longer names here; it counts as a term as far as it is used on its own and is specific.
        score *= (c.standalone / c.freq) * c.specificity
    return score * 0.1 if collocation else score


def _names_built_on(term: str, ordered: list[str], collocations: set[str]) -> bool:
    """A collocation that starts longer names (加强合作 → 加强合作进程, 加强合作工作组) is a fixed phrase."""
    for other in ordered[bisect.bisect_right(ordered, term) :]:
        if not other.startswith(term):
            return False
        if other not in collocations:
            return True
    return False


def _predicative_heads(candidates: list[Candidate], by_term: dict[str, Candidate]) -> set[str]:
    """First words that act as verbs in this corpus, whatever jieba's tag (利用 n, 落实 a).

    A word that stands before two or more different terms, each occurring at
    least twice as often without it, is an operator on terms, not part of a name.
    """
    continuations: dict[str, set[str]] = defaultdict(set)
    for c in candidates:
        words = pos_pattern(c.term)
        if len(words) < 2 or words[0][1] in _PROPER_TAGS:
            continue
        head = words[0][0]
        rest = by_term.get(c.term[len(head) :])
        if rest is not None and _real_term(rest) and rest.freq >= 2 * c.freq:
            continuations[head].add(rest.term)
    return {head for head, rests in continuations.items() if len(rests) >= 2}


def _real_term(c: Candidate) -> bool:
    """Long enough or specific enough to be a term on its own (not 发展, 合作)."""
    return len(c.term) >= 3 or c.specificity >= 0.5


def _collocation(
    c: Candidate,
    by_term: dict[str, Candidate],
    verbs: set[str] = frozenset(),
    freq: Callable[[str], int] = lambda gram: 0,
) -> str | None:
    """A term with a verb, adverb or conjunction attached, rather than a name of its own.

    The candidate splits at word boundaries into a part that is a term
    occurring at least twice as often as the collocation, and a rest that is
    function words or a verb in front of it ("verb": 特别是发展中国家, 弥合数字鸿沟),
    or a connector and another such term ("coordination": 发达国家和发展中国家).
    A verb with its object or subject is a "verb" collocation too when each
    part, counted by ``freq`` (corpus frequency of any string), is used without
    the other at least three times in four (回顾大会, 国家提供).
    Returns the kind, or None.
    """
    words = pos_pattern(c.term)
    bounds = [0]
    for word, _ in words:
        bounds.append(bounds[-1] + len(word))

    def term_at(start: int, end: int) -> bool:
        part = by_term.get(c.term[start:end])
        return part is not None and _real_term(part) and part.freq >= 2 * c.freq

    n = len(words)
    if n >= 2 and words[0][1] == "v" and _free_combination(c.freq, freq(words[0][0]), freq(c.term[bounds[1] :])):
        return "verb"  # 回顾大会, 执行工作: a verb and its object, each mostly used with other words
    if (
        n == 2
        and words[1][1] == "v"
        and words[0][1] not in _PROPER_TAGS
        and _free_combination(c.freq, freq(words[0][0]), freq(words[1][0]))
    ):
        return "verb"  # 国家提供: a subject and its verb (因特网治理, 技术转让 are bound; 突尼斯承诺 is a name)
    first = words[0][0]
    if any(pos_pattern(first[:j]) == ((first[:j], "v"),) and term_at(j, len(c.term)) for j in range(2, len(first) - 1)):
        return "verb"  # 获取|信息和通信技术: jieba glued the verb to the term's first word (获取信息)
    if n == 3 and words[1][0] in "和与及或" and all(general_frequency(w) > 5e-6 for w, _ in words[::2]):
        return "coordination"  # 区域和国际, 经济和社会: two everyday words side by side
    for k in range(1, n):
        head = words[:k]
        # verb or adverb + term (+ more): 弥合数字鸿沟, 特别是发展中国家, 确认信息和通信技术具有潜力;
        # unless the "verb" begins a more frequent term (可|持续 in 可持续发展 (71×) + 目标, not + 发展目标 (50×))
        if _verb_phrase(head, verbs):
            objects = [
                by_term[c.term[bounds[k] : bounds[i]]].freq
                for i in range(k + 1, n + 1)
                if term_at(bounds[k], bounds[i])
            ]
            if objects and not any(
                term_at(0, j) and by_term[c.term[:j]].freq > max(objects) for j in range(bounds[k] + 1, len(c.term))
            ):
                return "verb"
        # term + connector words + term: 会员国和其他利益攸关方, 发达国家和发展中国家
        for j in range(k + 1, n):
            middle = words[k:j]
            if (
                all(_is_function(w, tag) or w == "是" for w, tag in middle)
                and term_at(0, bounds[k])
                and any(term_at(bounds[i], bounds[n]) for i in range(j, n))
            ):
                return "coordination"
    return None


def _free_combination(together: int, first: int, rest: int) -> bool:
    """Neither part needs the other: they occur together in at most ``_BOUND_SHARE`` of the uses of each."""
    return together <= _BOUND_SHARE * first and together <= _BOUND_SHARE * rest


def _verb_phrase(words, verbs: set[str]) -> bool:
    """Function words and verbs, with adjectives only before a verb (有效利用; not 小 in 小岛屿…)."""

    def verb(word: str, tag: str) -> bool:
        return tag[0] == "v" or word in verbs

    if not all(_is_function(w, t) or verb(w, t) or t[0] == "a" for w, t in words):
        return False
    return all(
        t[0] != "a" or verb(w, t) or (i + 1 < len(words) and verb(*words[i + 1])) for i, (w, t) in enumerate(words)
    )


def _is_function(word: str, tag: str) -> bool:
    """Connectors, adverbs (including adverbial adjectives: 有效利用) and determiners."""
    return tag.startswith(_CONNECTOR_TAGS) or tag == "ad" or word in DETERMINERS


def iter_passages(store) -> Iterator[Passage]:
    """Chinese paragraphs of the corpus, with their document's year."""
    for row in store.paragraph_rows("zh"):
        yield Passage(*row)


def mine_corpus(
    store,
    options: MiningOptions = MiningOptions(),
    progress: Callable[[str, int, int], None] = lambda stage, chars, total: None,
) -> list[Candidate]:
    """Mine the stored corpus and save the ranking (reviewed terms keep their decisions).

    ``progress(stage, characters done, characters in all)`` reports each stage.
    """
    total = store.chars("zh")
    candidates = mine_texts(iter_passages(store), options, lambda stage, chars: progress(stage, chars, total))
    store.save_mined_terms(
        [
            {
                "term": c.term,
                "rank": rank,
                "score": c.score,
                "freq": c.freq,
                "docs": c.docs,
                "years": c.years,
                "first_year": c.first_year,
                "last_year": c.last_year,
                "pos": c.pos,
                "contexts": c.contexts,
                "stats": {
                    "standalone": c.standalone,
                    "left_entropy": c.left_entropy,
                    "right_entropy": c.right_entropy,
                    "cohesion": c.cohesion,
                    "cvalue": c.cvalue,
                    "specificity": c.specificity,
                },
            }
            for rank, c in enumerate(candidates, 1)
        ]
    )
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


def term_as_dict(row: dict) -> dict:
    """A stored mined term as ``shuyu mine --json`` prints it."""
    return {
        "rank": row["rank"],
        "term": row["term"],
        "score": round(row["score"], 3),
        "freq": row["freq"],
        "standalone": row["stats"].get("standalone"),
        "docs": row["docs"],
        "years": row["years"],
        "first_year": row["first_year"],
        "last_year": row["last_year"],
        "status": row["status"],
        "pos": row["pos"],
        "contexts": row["contexts"],
    }
