"""English equivalents of Chinese terms, found in aligned zh–en segment pairs.

For each Chinese term, the English noun phrases of the pairs it occurs in are
ranked by how exclusively they go with it (Dice over pairs, with the
log-likelihood ratio kept as a significance figure), blended with a CC-CEDICT
prior: the share of the phrase's words that translate the term's words and of
the term's words that the phrase translates.  The prior decides when a term was
seen in too few pairs for co-occurrence to tell its rendering from its
neighbours' (a term seen once co-occurs equally with every phrase of its
sentence).

Nested terms are linked competitively, longest Chinese term first: a term
occurs in a pair only where a longest-match scan finds it (发达国家 inside
最不发达国家 is no occurrence), and the English phrase a longer term takes is
masked in its pairs, so 最不发达国家 takes "least developed countries" and
发达国家 is left "developed countries" where it stands alone.

An English term is a noun phrase with its head: a best phrase that lacks the
dictionary's English for the term's last word (公约 in 巴塞尔公约) gives way to a
longer candidate that holds it and that phrase ("Basel Convention", not "Basel",
which the texts also write in "the Basel, Rotterdam and Stockholm conventions"),
when that candidate is confident on its own and seen in two pairs or more.

Acronyms the texts define ("gross domestic product (GDP)") count with their
long form.  Word alignment was measured and left out: eflomal's links projected
from the term gave the right phrase for 48 of 78 dev terms, against 73 here,
and took 30 s for the 3,257 pairs.

Pure computation: no database, no SQL.  ``find_equivalents`` takes pairs as
``(pair_id, zh, en)`` tuples, whatever their source (aligned documents, a TM).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import NamedTuple

from shuyu.text import cedict, en
from shuyu.text.match import TermMatcher
from shuyu.text.zh import normalise, words

# Confidence from which an equivalent is taken as the term's English (chosen on the dev gold:
# bench/eval_equivalents.py prints accuracy and coverage at this threshold).
CONFIDENT = 0.5
# Longest English rendering, in words: UN names run to seven ("Committee on the Elimination of
# Discrimination against Women"); 6, 7 and 8 score the same on the dev gold.
MAX_WORDS = 8
# How many pairs it takes for co-occurrence to outweigh the dictionary: the weight of Dice is
# pairs / (pairs + PRIOR_PAIRS).
PRIOR_PAIRS = 2.0
# Scores equal to this many digits are tied, and the longer phrase wins: "Nations" occurs only inside
# "United Nations", so both go with 联合国 equally often.
_TIE_DIGITS = 9
# A phrase is a fragment of a longer one that holds it in at least this share of its pairs.
_FRAGMENT_SHARE = 0.9
_FRAGMENT_EVIDENCE = 2  # pairs: in a single pair every phrase is inside a longer one
# A Chinese term with a conjunction (信息和通信技术, 和平与安全) may be rendered by an English coordination.
_CONJUNCTIONS = "和与及或、并"
_COORDINATION = re.compile(r"\b(and|or)\b")


@dataclass(frozen=True)
class Equivalent:
    """One English rendering of a Chinese term, with the evidence for it."""

    english: str  # as the texts write it most often ("small island developing States")
    key: str  # en.lookup_key(english)
    acronym: str | None  # the short form the texts define for it ("GDP"), counted with it
    count: int  # pairs where the term and the rendering co-occur
    dice: float
    llr: float  # log-likelihood ratio (G²) of the co-occurrence over all pairs
    prior: float  # agreement with CC-CEDICT's senses of the term's words, 0 to 1
    score: float
    confidence: float  # 0 to 1
    evidence: tuple[str, ...]  # ids of pairs where both occur (a few)


@dataclass
class TermEquivalents:
    term: str
    pairs: int  # pairs where the term occurs on its own (not inside a longer term)
    equivalents: list[Equivalent] = field(default_factory=list)  # best first

    @property
    def best(self) -> Equivalent | None:
        return self.equivalents[0] if self.equivalents else None

    @property
    def confident(self) -> Equivalent | None:
        """The best equivalent if its confidence reaches ``CONFIDENT``."""
        best = self.best
        return best if best is not None and best.confidence >= CONFIDENT else None


@dataclass(frozen=True)
class SharedEnglish:
    """Two Chinese forms whose best English rendering is the same: evidence that they are variants."""

    forms: tuple[str, str]
    english: str
    key: str
    counts: tuple[int, int]  # co-occurrence count of each form with the English
    confidence: float  # the lower of the two equivalents' confidences
    evidence: tuple[tuple[str, ...], tuple[str, ...]]  # pair ids for each form


class _Phrases:
    """English noun phrases of every pair: where each occurs, how many pairs hold it, how it is written.

    An acronym that the texts define ("gross domestic product (GDP)") counts as
    its long form, so GDP and gross domestic product are one rendering.
    """

    def __init__(self, english: list[str], max_words: int, keep: set[int]):
        """Phrases of every pair are counted; their positions are kept only for the pairs in ``keep``."""
        defined: dict[str, Counter[str]] = defaultdict(Counter)
        for text in english:
            for acronym, long_form in en.acronym_definitions(text):
                defined[en.lookup_key(acronym)][en.lookup_key(long_form)] += 1
        self.aliases = {acronym: forms.most_common(1)[0][0] for acronym, forms in defined.items()}
        self.spans: dict[int, list[tuple[str, int, int]]] = {}  # pair → (key, first word, end word)
        self.pairs_with: Counter[str] = Counter()
        self.surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        self.acronyms: dict[str, Counter[str]] = defaultdict(Counter)
        for index, text in enumerate(english):
            spans = []
            for start, end, gram in en.noun_phrase_spans(text, max_words):
                surface = " ".join(gram)
                key = en.lookup_key(surface)
                if key in self.aliases:
                    key = self.aliases[key]
                    self.acronyms[key][surface] += 1
                else:
                    self.surfaces[key][surface] += 1
                spans.append((key, start, end))
            self.pairs_with.update({key for key, _, _ in spans})
            if index in keep:
                self.spans[index] = spans
        self.masked: dict[int, list[tuple[int, int, str]]] = defaultdict(list)  # pair → spans taken, by whom
        self._free: dict[int, set[str]] = {}

    def display(self, key: str) -> str:
        """The most frequent written form, long or short (IAEA, defined once with a misspelt long form)."""
        return (self.surfaces.get(key, Counter()) + self.acronyms.get(key, Counter())).most_common(1)[0][0]

    def acronym(self, key: str) -> str | None:
        return self.acronyms[key].most_common(1)[0][0] if self.acronyms.get(key) else None

    def free(self, index: int, within: str | None = None) -> set[str]:
        """Keys of pair ``index`` with an occurrence that no longer term has taken — but for a string
        ``within`` (a candidate), the phrases taken by terms inside it count as free (基金组织 took
        "International Monetary Fund" before 国际货币基金组织 was tried); counted as regained in its pairs."""
        if within is not None and not any(taker in within for *_, taker in self.masked.get(index, ())):
            within = None  # no term inside it took anything here
        if within is None and index in self._free:
            return self._free[index]
        blocked = [
            (b_start, b_end) for b_start, b_end, taker in self.masked.get(index, ()) if taker not in (within or "")
        ]
        free = {
            key
            for key, start, end in self.spans[index]
            if not any(start < b_end and b_start < end for b_start, b_end in blocked)
        }
        if within is None:
            self._free[index] = free
        return free

    def take(self, index: int, key: str, taker: str) -> None:
        """``taker`` has taken ``key`` in pair ``index``: the phrases inside or across it no longer count there."""
        before = self.free(index)
        self.masked[index].extend((start, end, taker) for k, start, end in self.spans[index] if k == key)
        del self._free[index]
        for lost in before - self.free(index):
            self.pairs_with[lost] -= 1


def _llr(k11: int, k12: int, k21: int, k22: int) -> float:
    """Dunning's log-likelihood ratio (G²) of a 2×2 contingency table."""

    def h(*counts: int) -> float:
        total = sum(counts)
        return sum(c * math.log(c / total) for c in counts if c)

    return max(0.0, 2 * (h(k11, k12, k21, k22) - h(k11 + k12, k21 + k22) - h(k11 + k21, k12 + k22)))


class _Prior:
    """How well an English phrase translates a Chinese term, word by word, according to CC-CEDICT."""

    def __init__(self, term: str):
        self.whole = {en.lookup_key(s) for s in _sense_phrases(cedict.senses(term))}
        words = _segments(term)
        self.parts = [stems for stems in map(_gloss_stems, (p for w in words for p in _split(w))) if stems]
        self.known = frozenset().union(*self.parts, *map(_gloss_stems, words))

    def __call__(self, key: str) -> float:
        """F1 of precision (phrase words that translate a word of the term) and recall (term words translated)."""
        if key in self.whole:
            return 1.0
        content = _content_stems(key)
        if not content or not self.parts:
            return 0.0
        precision = sum(w in self.known for w in content) / len(content)
        recall = sum(not part.isdisjoint(content) for part in self.parts) / len(self.parts)
        return 2 * precision * recall / (precision + recall) if precision and recall else 0.0


def _segments(term: str) -> list[str]:
    """The term's words as the dictionary knows them: jieba's words, characters where it has no entry."""
    parts = []
    for word in words(term):
        parts.extend([word] if cedict.senses(word) or len(word) == 1 else list(word))
    return parts


def _split(word: str) -> list[str]:
    """A dictionary word cut into the dictionary words it is made of (会员国 → 会员 国): each must be translated."""
    for cut in range(len(word) - 1, 0, -1):
        head, tail = word[:cut], word[cut:]
        if len(word) > 2 and cedict.senses(head) and cedict.senses(tail):
            return _split(head) + _split(tail)
    return [word]


def _sense_phrases(senses: Iterable[str]) -> Iterable[str]:
    """Each sense and each of its alternatives (";"-separated, parenthesised acronyms) as a phrase."""
    for sense in senses:
        for part in sense.replace("(", ";").replace(")", ";").split(";"):
            part = part.strip()
            if part.startswith("to "):
                part = part[3:]
            if part:
                yield part


@functools.lru_cache(maxsize=50_000)
def _gloss_stems(word: str) -> frozenset[str]:
    return frozenset(
        en.stem(w)
        for s in _sense_phrases(cedict.senses(word))
        for w in en.lookup_key(s).split()
        if w not in en.FUNCTION_WORDS
    )


def find_equivalents(
    pairs: Iterable[tuple[str, str, str]],
    terms: Iterable[str],
    *,
    candidates: Iterable[str] = (),
    max_words: int = MAX_WORDS,
    top: int = 3,
    evidence: int = 3,
) -> dict[str, TermEquivalents]:
    """English renderings of each Chinese term, best first, from ``(pair_id, zh, en)`` segment pairs.

    Every term in ``terms`` gets an entry (with no equivalents when it never
    occurs on its own); ``top`` renderings per term, each with up to
    ``evidence`` pair ids.  ``candidates`` (strings that may be terms:
    ``termbase.bilingual``) get entries too, linked after every term, so the
    terms' renderings are the same with or without them: a candidate occurs
    only where no term covers it, and takes no English phrase a term took —
    unless that term is inside it (基金组织 in 国际货币基金组织).
    """
    ids, chinese, english = [], [], []
    for pair_id, zh, en_text in pairs:
        ids.append(pair_id)
        chinese.append(zh)
        english.append(en_text)
    terms = list(dict.fromkeys(terms))
    matcher = TermMatcher(terms)
    known = set(matcher.keys)
    candidates = [c for c in dict.fromkeys(candidates) if normalise(c) not in known]
    occurs: dict[str, list[int]] = defaultdict(list)
    for index, zh in enumerate(chinese):
        for term in dict.fromkeys(m.term for m in matcher.longest(zh)):
            occurs[term].append(index)
    tried = set(candidates)
    if candidates:
        everything = TermMatcher(terms + candidates)
        for index, zh in enumerate(chinese):
            for term in dict.fromkeys(m.term for m in everything.longest(zh) if m.term in tried):
                occurs[term].append(index)
    phrases = _Phrases(english, max_words, {i for where in occurs.values() for i in where})
    total = len(ids)
    results = {}
    order = lambda t: (-len(t), -len(occurs.get(t, ())), t)  # noqa: E731
    for term in sorted(terms, key=order) + sorted(candidates, key=order):
        where = occurs.get(term, [])
        result = results[term] = TermEquivalents(term, len(where))
        if not where:
            continue
        together: dict[str, list[int]] = defaultdict(list)
        regained: Counter[str] = Counter()  # phrases a term inside this candidate took in its pairs
        for index in where:
            free = phrases.free(index)
            if term in tried:
                mine = phrases.free(index, within=term)
                if mine is not free:
                    regained.update(mine - free)
                    free = mine
            for key in free:
                together[key].append(index)
        ranked = _rank(term, len(where), together, phrases, regained)
        for c in ranked[:top]:
            llr = _llr(c.count, len(where) - c.count, c.marginal - c.count, total - len(where) - c.marginal + c.count)
            result.equivalents.append(
                Equivalent(
                    english=phrases.display(c.key),
                    key=c.key,
                    acronym=phrases.acronym(c.key),
                    count=c.count,
                    dice=c.dice,
                    llr=llr,
                    prior=c.prior,
                    score=c.score,
                    confidence=_confidence(c.score, c.count, c.prior),
                    evidence=tuple(ids[i] for i in c.pairs[:evidence]),
                )
            )
        if ranked:
            for index in ranked[0].pairs:
                phrases.take(index, ranked[0].key, term)
    return {term: results[term] for term in terms + candidates}


class _Candidate(NamedTuple):
    score: float
    key: str
    count: int
    marginal: int
    dice: float
    prior: float
    pairs: list[int]


def _rank(
    term: str, occurrences: int, together: dict[str, list[int]], phrases: _Phrases, regained: Counter[str]
) -> list[_Candidate]:
    """The English phrases of a term's pairs, best rendering first.

    Score: Dice blended with the dictionary prior, which weighs most when the
    term was seen in few pairs (a scaling of Dice by the share of the term's
    words translated was tried: same accuracy on the dev gold, lower coverage).
    A phrase that nearly always occurs inside a longer candidate that goes with
    the term as often is a fragment of it (Auditors in Board of Auditors) — unless
    the longer one starts with a lower-case verb ("combat desertification": the
    term's usual verb; "Board of Auditors" is a name).  A best phrase without the
    English of the term's head gives way to a confident longer one with it.
    """
    coordinated = any(c in term for c in _CONJUNCTIONS)
    prior = _Prior(term)
    weight = occurrences / (occurrences + PRIOR_PAIRS)
    ranked = []
    for key, with_key in together.items():
        if not coordinated and _COORDINATION.search(key) and not one_name(phrases.display(key)):
            continue
        count, marginal = len(with_key), phrases.pairs_with[key] + regained[key]
        dice = 2 * count / (occurrences + marginal)
        agreement = prior(key)
        score = weight * dice + (1 - weight) * agreement
        ranked.append(_Candidate(score, key, count, marginal, dice, agreement, with_key))
    ranked.sort(key=lambda c: (-round(c.score, _TIE_DIGITS), -len(c.key.split()), c.key))
    while ranked and ranked[0].marginal >= _FRAGMENT_EVIDENCE:
        best = ranked[0]
        inside = f" {best.key} "
        whole = [
            c
            for c in ranked[1:]
            if c.count >= _FRAGMENT_SHARE * best.count
            and c.marginal >= _FRAGMENT_SHARE * best.marginal
            and inside in f" {c.key} "
            and not _verb_first(phrases.display(c.key))
        ]
        if not whole:
            break
        ranked.remove(best)
        longest = max(whole, key=lambda c: (c.count, len(c.key)))
        ranked.remove(longest)
        ranked.insert(0, longest._replace(score=max(longest.score, best.score)))
    return _with_head(term, ranked, phrases)


def _head_stems(term: str) -> frozenset[str]:
    """Stems of CC-CEDICT's English for the term's head: its last word (公约 in 巴塞尔公约), or, when jieba
    keeps the term whole, the longest shorter word of two characters or more that ends it (合作 in 南南合作;
    a single character of a transliterated name is no head: 克 in 顿涅茨克)."""
    last = words(term)[-1]
    first, shortest = (1, 2) if last == term else (len(term) - len(last), 1)
    for start in range(first, len(term) - shortest + 1):
        if cedict.senses(term[start:]):
            return _gloss_stems(term[start:])
    return frozenset()


def _content_stems(key: str) -> list[str]:
    return [en.stem(w) for w in key.split() if w not in en.FUNCTION_WORDS]


def _with_head(term: str, ranked: list[_Candidate], phrases: _Phrases) -> list[_Candidate]:
    """A best phrase that lacks the English of the term's head gives way to a longer candidate holding
    it and the head's English ("Basel" → "Basel Convention" for 巴塞尔公约) — when that candidate would
    be taken on its own (confidence ≥ ``CONFIDENT``) and more than one pair attests it (in one pair, a
    phrase with the head may be any phrase around it: "UNDP-Department of Political Affairs")."""
    if len(ranked) < 2:
        return ranked
    best = ranked[0]
    if phrases.display(best.key).isupper():
        return ranked  # an abbreviation (CERF) stands for the whole name, head included
    head = _head_stems(term)
    if not head or not head.isdisjoint(_content_stems(best.key)):
        return ranked
    inside = f" {best.key} "
    for c in ranked[1:]:
        if (
            inside in f" {c.key} "
            and not head.isdisjoint(_content_stems(c.key))
            and c.count >= _FRAGMENT_EVIDENCE
            and _confidence(c.score, c.count, c.prior) >= CONFIDENT
        ):
            ranked.remove(c)
            return [c, *ranked]
    return ranked


def _verb_first(surface: str) -> bool:
    first = surface.split()[0]
    return first.islower() and en.may_be_verb(first)


def one_name(surface: str) -> bool:
    """A coordination inside a name (Economic and Social Council); "employment and decent work" is two terms."""
    tokens = surface.split()
    return all(
        tokens[i - 1][:1].isupper() and tokens[i + 1][:1].isupper()
        for i, word in enumerate(tokens)
        if word in ("and", "or") and 0 < i < len(tokens) - 1
    )


def _confidence(score: float, count: int, prior: float) -> float:
    """The score, discounted when few pairs attest it and the dictionary does not vouch for it."""
    attested = 1 - 0.5 ** (count + 2 * prior)
    return round(min(1.0, score * attested), 4)


def shared_english(
    results: dict[str, TermEquivalents] | Iterable[TermEquivalents], min_confidence: float = CONFIDENT
) -> list[SharedEnglish]:
    """Pairs of Chinese forms whose confident best renderings share one English lookup key.

    国内生产总值 and 国内总产值 both rendered "GDP" are the kind of pair the
    variant detector wants; the result is sorted by confidence, highest first.
    """
    items = results.values() if isinstance(results, dict) else results
    by_key: dict[str, list[tuple[str, Equivalent]]] = defaultdict(list)
    for item in items:
        best = item.best
        if best is not None and best.confidence >= min_confidence:
            by_key[best.key].append((item.term, best))
    shared = []
    for key, forms in by_key.items():
        for (a, ea), (b, eb) in combinations(sorted(forms), 2):
            shared.append(
                SharedEnglish(
                    forms=(a, b),
                    english=ea.english if ea.count >= eb.count else eb.english,
                    key=key,
                    counts=(ea.count, eb.count),
                    confidence=min(ea.confidence, eb.confidence),
                    evidence=(ea.evidence, eb.evidence),
                )
            )
    shared.sort(key=lambda s: (-s.confidence, s.forms))
    return shared
