"""Bilingual term extraction: Chinese strings that the aligned pairs render consistently by one English term.

The miner judges a string by the Chinese alone, and some terms fail its tests: rare ones (湿地, 疟疾:
twice in the bundled corpus), words jieba tags as verbs or adjectives (停火, 洗钱, 贫困), names it
takes for clauses (不扩散核武器条约).  The aligned pairs give a second opinion: a Chinese string whose
occurrences go with one English noun phrase, in several different segments, is a term whatever its
monolingual score — and it enters the termbase with that English.

Candidates are the strings of the pairs' Chinese side (``candidates``): 2 to ``MAX_CHARS`` Chinese
characters in ``MIN_SEGMENTS`` different segments or more, not always extended by the same character
(closed), starting and ending where jieba's words do in most of their occurrences, with content words
at both edges.  ``find_equivalents`` links them after the known terms, so they take neither an
occurrence nor an English phrase from a term.  A candidate is kept (``select``) when its best rendering
``qualifies``: confident, seen with it in ``MIN_SEGMENTS`` different segments and in at least half of
its pairs, and shaped like an English term; one Chinese string per English rendering.

Consistent rendering alone also keeps strings that are no terms (judged by reading:
bench/gold/bilingual_terms_judged.tsv), so a candidate must also look like a name or a notion:
- not a predicate: its last word is no verb (成功执行 "successful implementation", 下半年完成);
- not numbered or counted (过去五年来 "past five years", 大会第七十届会议 "seventieth session");
- not a place or body with a common noun (以色列定居者 "Israeli settlers", 巴勒斯坦儿童), unless the
  English is a name (南非大学 "University of South Africa");
- a verb of one word is a term only when the English noun goes with it both ways (Dice ≥
  ``VERB_DICE``): 停火 "ceasefire", 治理 "governance"; not 努力 "efforts", 违反 "violations", which the
  translators render by a verb as often;
- its English translates some of it in CC-CEDICT's senses, or is a name (文件分发 "present letter" is a
  neighbour in the sentence), and is no clause, pair of names or date ("addendum lists the items",
  "Ukraine and the Russian Federation", "Wednesday");
- not beside a hyphen or middle dot, which join the parts of a name (纳尔逊·罗利拉拉·|曼德拉奖章程);
- a string of several words rendered by a common phrase is seen in ``MIN_DOCUMENTS`` documents: one
  document shows one writer's choice of words (经济后果 "economic consequences"), a name
  (公共行政专家委员会) is written the same everywhere.
These rules took the precision judged on uniform samples from 0.57 to about 0.65 (the samples drawn after
they were fixed); free combinations (重要步骤 "important step") and everyday words are most of the rest.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from shuyu.termbase.equivalents import CONFIDENT, Equivalent, TermEquivalents, one_name
from shuyu.text import cedict, en
from shuyu.text.match import TermMatcher
from shuyu.text.numbers import quantities
from shuyu.text.zh import CJK, normalise, pos_pattern, words

# Different Chinese segments a candidate, and the rendering with it, must be seen in: one sentence
# copied into two documents shows one choice of words, not a consistent rendering.
MIN_SEGMENTS = 2
MAX_CHARS = 12  # 预防犯罪和刑事司法委员会; the English side stops at MAX_WORDS words anyway
# Documents a string of several words must be rendered so in, unless its English is a name.
MIN_DOCUMENTS = 2
# Dice a one-word verb needs with its English noun (set on the judged dev sample: the verbs that are terms
# reach 0.71 or more, 努力 承诺 违反 死亡 作用 知识 stay under 0.69).
VERB_DICE = 0.7
# Share of a candidate's occurrences that must start and end where jieba's words do.
_WHOLE_WORDS = 0.5
_JOINERS = frozenset("-·・‧‐")
# jieba tags of words that cannot open or close a term: prepositions, conjunctions, particles, pronouns,
# adverbs, numerals, measure words, localisers, punctuation (a leading 不/非 is a prefix: 不扩散, 非传染性疾病).
_EDGE_TAGS = ("p", "c", "u", "r", "d", "m", "q", "f", "x", "y", "e")
_PREFIXES = ("不", "非")
_PARTICLES = ("uj", "ul", "uz", "ug", "uv", "ud")  # 的 了 着 过 地 得: a clause, not a name
# Nor has a name a preposition, localiser or pronoun inside: 妇女|在|非正规部门, 议程|中|专门…, 见|本|报告.
_INSIDE_TAGS = ("p", "f", "r")
_VERBS = ("v", "vd", "vi", "vg")  # not vn, a verbal noun: 发展|筹资, 体制|建设
_PROPER = ("ns", "nt", "nr")  # places, bodies, people
_ARTICLES = ("the", "a", "an")
_DATES = frozenset([*calendar.day_name, *calendar.month_name[1:]])
_SENSE_NOTE = re.compile(r"^\([^)]*\)\s*")  # "(of planes etc) to fly"
_RUN = re.compile(f"[{CJK}]+")


def candidates(chinese: Iterable[str], known: Iterable[str] = ()) -> list[str]:
    """Chinese strings of the segments that may be terms (see the module's docstring), ``known`` left out."""
    segments = list(dict.fromkeys(normalise(text) for text in chinese))
    spread: Counter[str] = Counter()
    for text in segments:
        grams = set()
        for run in _RUN.findall(text):
            for start in range(len(run)):
                grams.update(run[start:end] for end in range(start + 2, min(len(run), start + MAX_CHARS) + 1))
        spread.update(grams)
    frequent = {gram: n for gram, n in spread.items() if n >= MIN_SEGMENTS}
    extended = set()  # always inside one longer candidate: 开发计划 inside 开发计划署 (not 疟疾 inside 疟疾和)
    for gram, n in frequent.items():
        if len(gram) > 2:
            parts = [part for part in (gram[1:], gram[:-1]) if frequent.get(part) == n]
            if parts and _edges_ok(gram):
                extended.update(parts)
    known = {normalise(term) for term in known}
    closed = [g for g in frequent if g not in extended and g not in known and _edges_ok(g)]
    return sorted(_whole_words(closed, segments))


@functools.lru_cache(maxsize=200_000)
def _edges_ok(gram: str) -> bool:
    """Content words at both edges, no particle, preposition, localiser or pronoun inside; an adverb may open a
    name of two words or more
    (经常预算: regular budget), as the English side will tell a name from 特别是发展中国家."""
    tagged = pos_pattern(gram)
    (first, first_tag), last_tag = tagged[0], tagged[-1][1]
    if len(tagged) > 1 and first_tag in _VERBS:
        return False  # a verb and its object (采取|紧急行动, 违反|总数), as the miner rules its collocations
    opener = first in _PREFIXES or (first_tag == "d" and len(tagged) > 1) or not first_tag.startswith(_EDGE_TAGS)
    if not opener or last_tag.startswith(_EDGE_TAGS):
        return False
    return not any(tag in _PARTICLES or tag.startswith(_INSIDE_TAGS) for _, tag in tagged[1:-1])


def _whole_words(grams: list[str], segments: list[str]) -> list[str]:
    """The grams that start and end on jieba's word boundaries in at least ``_WHOLE_WORDS`` of their uses,
    and not on a hyphen or middle dot, which join the parts of a name (纳尔逊·罗利拉拉·|曼德拉奖章程,
    纳戈尔诺-|卡拉巴赫冲突)."""
    if not grams:
        return []
    matcher = TermMatcher(grams)
    uses: Counter[str] = Counter()
    whole: Counter[str] = Counter()
    for text in segments:
        bounds, position = {0}, 0
        for word in words(text):
            position += len(word)
            bounds.add(position)
        for m in matcher.every(text):
            uses[m.term] += 1
            joined = text[m.start - 1 : m.start] in _JOINERS or text[m.end : m.end + 1] in _JOINERS
            whole[m.term] += m.start in bounds and m.end in bounds and not joined
    return [g for g in grams if uses[g] and whole[g] >= _WHOLE_WORDS * uses[g]]


def term_shaped(english: str) -> bool:
    """An English rendering a termbase can hold: a noun phrase that does not open with a verb's -ing form
    ("providing financial assistance") nor coordinate two nouns outside a name ("sexual and reproductive
    health" is one term, nor two names: "Ukraine and the Russian Federation"), has no article but after a
    function word, ends on a word that can be a noun and is no day or month; a single word must be a noun
    (not "regret", "single", "contrary")."""
    tokens = en.words(english)
    if not en.is_noun_phrase(tokens):
        return False
    first = en.word_classes(tokens[0])
    if tokens[0].lower().endswith("ing") and first == {"VERB"} or first == {"ADV"}:
        return False  # "providing financial assistance", "especially developing countries"
    if any(
        w.lower() in _ARTICLES and tokens[i - 1].lower() not in en.FUNCTION_WORDS for i, w in enumerate(tokens[1:], 1)
    ):
        return False  # "addendum lists the items": a clause; "Office of the High Commissioner" is a name
    if any(w.lower() in ("and", "or") and n.lower() in _ARTICLES for w, n in zip(tokens, tokens[1:])):
        return False  # "Ukraine and the Russian Federation": two names, each with its article
    if en.word_classes(tokens[-1].split("-")[-1]) == {"ADJ"} or tokens[-1] in _DATES:
        return False  # "Scientific and Technical" (cut from "… Subcommittee"), "gender-sensitive"; "Wednesday"
    if any(w in ("and", "or") and _joins_heads(tokens, i) for i, w in enumerate(tokens[1:-1], 1)):
        return one_name(english)  # two terms ("men and women"), unless one name (Commission on Crime Prevention and …)
    return len(tokens) > 1 or first <= {"NOUN", "PROPN"}


def _joins_heads(tokens: list[str], i: int) -> bool:
    """Whether the conjunction at ``i`` joins two nouns ("men and women", "political and military"), not two
    modifiers of one head ("sexual and reproductive health")."""
    before = en.word_classes(tokens[i - 1])
    return i == len(tokens) - 2 or "NOUN" in before and "ADJ" not in before


def qualifies(term: str, equivalent: Mapping | Equivalent, pairs: int) -> bool:
    """Whether a candidate's best rendering (an ``Equivalent`` or a stored equivalents row), seen with it
    in ``pairs`` pairs, makes it a term: confident, attested ``MIN_SEGMENTS`` times in at least half of its
    pairs, shaped like an English term, and the pair like a name or a notion (``_term_like``); the English
    must translate some of the string in CC-CEDICT's senses, or be a name (文件分发 "present letter" is a
    neighbour in the sentence, 登记 "registration" and 排斥 "exclusion" nouns made from verbs the
    dictionary knows only as verbs; 人权高专办 "OHCHR" is a short form); a Chinese
    string of several words rendered by one English word must be a short form (儿基会 "UNICEF"): 伊拉克问题
    "Iraq", 维也纳举行 "Vienna", 数据显示 "data" are a name or a noun with the words around it.  Distinct
    segments and documents are checked by ``select``."""
    get = equivalent.get if isinstance(equivalent, Mapping) else lambda name: getattr(equivalent, name)
    english = get("rendering") if isinstance(equivalent, Mapping) else get("english")
    count = get("count")
    return (
        get("confidence") >= CONFIDENT
        and count >= MIN_SEGMENTS
        and 2 * count >= pairs
        and term_shaped(english)
        and (len(en.lookup_key(english).split()) > 1 or english.isupper() or _one_word(term))
        and _term_like(term, english, get("dice"))
        and (get("prior") > 0 or is_name(english))
    )


def _term_like(term: str, english: str, dice: float) -> bool:
    """Not a predicate, a numbered or counted expression, a place or body with a common noun, nor a verb
    the translators render by the English noun only part of the time (see the module's docstring)."""
    tagged = pos_pattern(term)
    if len(tagged) == 1 and tagged[0][1] in (*_VERBS, "ad") and dice < VERB_DICE:
        return False  # 努力 "efforts", 违反 "violations"
    if len(tagged) > 1 and tagged[0][0] not in _PREFIXES and _verb(*tagged[-1]):
        return False  # 成功|执行, 下半年|完成 (不|扩散 is a name)
    if is_name(english):
        return True  # 第三委员会 "Third Committee", 南非大学 "University of South Africa"
    if quantities(term):
        return False  # 过去五年来 "past five years", 大会第七十届会议 "seventieth session"
    first, tag = tagged[0]
    return not (len(tagged) > 1 and tag.startswith(_PROPER) and _proper(first) and _head(english).islower())


def _verb(word: str, tag: str) -> bool:
    """A verb to jieba of two characters or more (办 in 人权高专办 is an office) that CC-CEDICT knows only as a
    verb, if at all: 执行 "to implement", not 禁运 "embargo" nor 保护 "to protect; protection"."""
    senses = cedict.senses(word)
    return len(word) > 1 and tag in _VERBS and all(_SENSE_NOTE.sub("", s).startswith("to ") for s in senses)


def _proper(word: str) -> bool:
    """A proper name: CC-CEDICT writes one of its senses with a capital (以色列 "Israel"), or does not know it
    (阿塞拜疆共和国); not 城市 "city", 外国 "foreign (country)", which jieba also tags as places."""
    senses = cedict.senses(word)
    return not senses or any(s[:1].isupper() for s in senses)


def is_name(english: str) -> bool:
    """An acronym, or every word capitalised but the function words ("Committee of Experts on Public
    Administration"): a name, written the same by every writer."""
    return english.isupper() or all(w[:1].isupper() or w.lower() in en.FUNCTION_WORDS for w in english.split())


def _head(english: str) -> str:
    """The head of an English noun phrase: its last word before a function word ("forces" in "armed forces
    of the Republic of Azerbaijan"), or its last word."""
    words = english.split()
    return next((words[i - 1] for i in range(1, len(words)) if words[i].lower() in en.FUNCTION_WORDS), words[-1])


def _one_word(term: str) -> bool:
    """One word of jieba's or CC-CEDICT's (有罪不罚, 重新造林), a prefix aside (不|平等, 非|歧视)."""
    tagged = pos_pattern(term)
    return len(tagged) == 1 or len(tagged) == 2 and tagged[0][0] in _PREFIXES or bool(cedict.senses(term))


def select(
    found: Mapping[str, TermEquivalents],
    tried: Iterable[str],
    segment_of: Mapping[str, str],
    document_of: Mapping[str, str],
) -> list[str]:
    """The candidates of ``tried`` whose best rendering qualifies (``segment_of``: pair id → its Chinese,
    to count different segments; ``document_of``: pair id → its document; the equivalents need all their
    evidence), one per English rendering: the one seen with it most often (过去五年 rather than 过去五年来).
    A string of several words needs its rendering in ``MIN_DOCUMENTS`` documents unless that is a name."""
    best: dict[str, tuple[tuple, str]] = {}
    for term in tried:
        result = found.get(term)
        e = result.best if result else None
        if e is None or not qualifies(term, e, result.pairs):
            continue
        if len({segment_of[p] for p in e.evidence}) < MIN_SEGMENTS:
            continue
        several = len(pos_pattern(term)) > 1 and not is_name(e.english)
        if several and len({document_of[p] for p in e.evidence}) < MIN_DOCUMENTS:
            continue
        rank = (e.count, e.confidence, -len(term))
        if e.key not in best or rank > best[e.key][0]:
            best[e.key] = (rank, term)
    return sorted(term for _, term in best.values())
