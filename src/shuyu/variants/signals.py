"""The signals a terminologist uses to tell that two forms render one concept.

Each signal yields ``Link``s between two forms, with the passages that show it:
- ``parallel``: near-identical sentences (usually of different years) that differ
  only in this place (首脑会议 / 峰会 in otherwise equal boilerplate), one of the two
  forms being a known term;
- ``component``: a component seen substituted in parallel sentences, substituted
  inside another known term, both results attested (…首脑会议成果 / …峰会成果);
- ``insertion``: two known terms one character apart inside (多方利益攸关方 / 多利益攸关方);
- ``abbreviation``: a short form defined in brackets after its full form
  (东南亚国家联盟(东盟)), or a form built from the words of a known term (each word
  whole, cut to its first character or dropped) that occurs in the same
  contexts (信通技术 / 信息和通信技术, 经社理事会 / 经济及社会理事会);
- ``context``: two known terms that share characters and fill the same slot
  between the same neighbours (使用因特网， / 使用互联网，).
Forms that are coordinated in one sentence (发达国家和发展中国家) name different
concepts; ``coordinated`` finds those pairs so grouping can keep them apart.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from shuyu.mining.miner import well_formed
from shuyu.text import zh
from shuyu.text.match import TermMatcher
from shuyu.text.zh import CJK, dictionary_count, general_frequency, is_cjk, normalise, pos_pattern
from shuyu.variants.edits import Edit, boundaries, raw_edits, widen, without_inside
from shuyu.variants.similar import similar_pairs

MAX_EDITS = 12  # more substantive differences than this: the sentence was rewritten, not re-rendered
FEW_EDITS = 3  # up to this many differences, a sentence pair is one re-rendering; more, each is weaker
MAX_STYLE_CHARS = 4  # a verb or set phrase that changes in boilerplate is a short word or two
GENERAL_WORD = 1e-5  # relative frequency in general Chinese above which a word is everyday vocabulary
NEGATIONS = frozenset("不非无未没")
_DEFINITION = re.compile(rf"([{CJK}]{{2,40}})[（(]([{CJK}]{{2,8}})[）)]")
_COORDINATION = frozenset("和与及、或")
_FUNCTION_TAGS = frozenset("upcdf")  # particles, prepositions, conjunctions, adverbs, localisers


@dataclass(frozen=True, slots=True)  # slots: detection keeps every distinct sentence of the corpus
class Sentence:
    doc_id: str
    year: int | None
    number: str | None  # the paragraph number, as printed
    text: str  # as stored
    norm: str  # matching.normalise(text): same length, simplified script


@dataclass(frozen=True)
class Place:
    """Where a form was seen: a sentence and the span of the form in it."""

    sentence: Sentence
    start: int
    end: int

    def as_dict(self) -> dict:
        s = self.sentence
        return {
            "doc_id": s.doc_id,
            "year": s.year,
            "paragraph": s.number,
            "text": s.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    signal: str
    places: tuple[Place, ...] = ()
    note: str = ""
    rule: str = ""  # the component substitution behind a change of a whole term ("首脑会议 → 峰会")


def plausible_pair(a: str, b: str, known: set[str], max_len: int = 20) -> bool:
    """Two different names of something: Chinese, well-formed names that differ in a name, not a verb.

    Rejected: a clause around a term (采取多方利益攸关方办法), a different verb
    (有效掌握技术 / 有效利用技术, 吁请 / 促请), a modifier or coordinated term inserted
    inside (发展中国家 / 发展中国家和中等收入国家), and two everyday words (领域 / 方面).
    """
    if a == b or not a or not b or max(len(a), len(b)) > max_len:
        return False
    if not all(is_cjk(ch) for ch in a + b):
        return False
    if not (well_formed(a) and well_formed(b)) or _predicative(a) or _predicative(b):
        return False
    short, long_ = sorted((a, b), key=len)
    if short in long_ and not (long_.endswith(short) or long_.startswith(short)):
        return False
    if short in long_ and any(ch in _COORDINATION for ch in long_.replace(short, "", 1)):
        return False
    if any(core and _predicative_tag(core[0][1]) for core in _core_words(a, b)):
        return False
    everyday = [general_frequency(form) > GENERAL_WORD for form in (a, b)]
    return not (all(everyday) or (any(everyday) and a not in known and b not in known))


def general_extension(a: str, b: str) -> bool:
    """One form is the other, an everyday word, with more characters (安全 / 安全性, 报告 / 报告工作,
    优先 / 优先事项): one family of words, not two names of a concept."""
    short, long_ = sorted((a, b), key=len)
    return short != long_ and short in long_ and general_frequency(short) > GENERAL_WORD


def comparable_renderings(a: str, b: str) -> bool:
    """Two forms one English word renders are variants only when comparable in shape.

    They must share their head (the last character: 因特网 / 互联网) or a two-character word
    (领导人 / 领导者); otherwise they are different things the English word covers (塞浦路斯 /
    尼科西亚: Cyprus, a country and its capital; 信托 / 信任: trust; 平民 / 文职: civilian).  One inside the other is a name
    and its shorter form only when the shorter form is the longer's head, whole words of it:
    Chinese puts the head last, so an added ending makes another word (价值 / 价值观, 修正 /
    修正案) and a form cut inside a word is no form at all (几个代表团 / 好几个代表团).
    """
    short, long_ = sorted((a, b), key=len)
    if short in long_:
        parts = [part for word, tag in pos_pattern(long_) for part, _ in _dictionary_parts(word, tag)]
        return long_.endswith(short) and len(long_) - len(short) in boundaries(parts)
    return a[-1] == b[-1] or any(a[k : k + 2] in b for k in range(len(a) - 1))


def _function_edge(form: str) -> bool:
    """A form opening or closing on a particle, preposition or conjunction (的议程), opening on a suffix
    (型土耳其军用飞机, from F-16型) or closing on a prefix was glued from its context."""
    tagged = pos_pattern(form)
    glued = any(tag[:1] in "upc" and len(word) == 1 for word, tag in (tagged[0], tagged[-1]))
    return glued or tagged[0][1] == "k" or tagged[-1][1] == "h"


class FragmentSample:
    """Whether forms are whole words where the corpus uses them, judged on a sample of their uses.

    A term miner keeps strings such as 会议程 (from 大会议程), 国代表 (各国代表) or 性别问
    (性别问题); jieba cuts the sentence elsewhere: the form starts or ends inside a word in
    most of its occurrences (up to ``sample`` per form, each cut in a window around it), or it
    opens or closes on a function character.  The windows are kept during a pass over the corpus
    that other signals share, and cut only for the forms asked about at the end.
    """

    def __init__(self, forms: Iterable[str], sample: int = 30):
        self.forms = set(forms)  # the forms whose occurrences to sample
        self.sample = sample
        self.windows: dict[str, list[tuple[str, int, int]]] = defaultdict(list)  # form → (window, start, end)

    def add(self, s: Sentence, start: int, end: int, form: str) -> None:
        if form in self.forms and len(windows := self.windows[form]) < self.sample:
            left = max(0, start - 8)
            windows.append((s.norm[left : end + 8], start - left, end - left))

    def broken(self, forms: set[str]) -> set[str]:
        """The ``forms`` glued from their context (a subset of those sampled)."""
        result = {form for form in forms if _function_edge(form)}
        for form in (forms & self.windows.keys()) - result:
            windows = self.windows[form]
            whole = 0
            for text, start, end in windows:
                bounds = boundaries(zh.words(text))
                whole += start in bounds and end in bounds
            if 2 * whole < len(windows):
                result.add(form)
        return result


def occurrences(sentences: Iterable[Sentence], forms: Iterable[str]) -> Iterator[tuple[Sentence, int, int, str]]:
    """Every occurrence of every form, nested ones included, as (sentence, start, end, form): one
    Aho–Corasick pass that several signals share.  Forms of one normal form share their occurrences."""
    same: dict[str, list[str]] = defaultdict(list)
    for form in sorted(forms):
        same[normalise(form)].append(form)
    matcher = TermMatcher(sorted(forms))  # each normal form is matched as its first form, which stands for all
    aliases = {group[0]: group for group in same.values()}
    for s in sentences:
        for m in matcher.every(s.norm):
            for form in aliases[m.term]:
                yield s, m.start, m.end, form


def _predicative_tag(tag: str) -> bool:
    return tag in ("v", "vd", "vi", "d", "ad", "p", "c", "u", "r")


def _predicative(form: str) -> bool:
    """A form opening on a verb, adverb or two-character adjective (落实…) is a phrase, not a name."""
    word, tag = pos_pattern(form)[0]
    return _predicative_tag(tag) or (tag == "a" and len(word) >= 2)


def _core_words(a: str, b: str) -> tuple[list, list]:
    """The words of each form left after dropping the words both share at the start and the end."""
    wa, wb = list(pos_pattern(a)), list(pos_pattern(b))
    while wa and wb and wa[0][0] == wb[0][0]:
        wa, wb = wa[1:], wb[1:]
    while wa and wb and wa[-1][0] == wb[-1][0]:
        wa, wb = wa[:-1], wb[:-1]
    return wa, wb


def parallel(
    first: dict[str, Sentence],
    terms: TermMatcher,
    known: set[str],
    min_similarity: float = 0.75,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> Iterator[Link]:
    """Differences between near-identical sentences, each judged on its own, at word and at term level.

    ``first`` maps each distinct normalised sentence to its first occurrence.  A
    sentence copied from year to year may differ in several places; every
    difference framed by identical context is judged by itself.  Where the
    changed word lies inside a known term (首脑会议 in 信息社会世界首脑会议), the
    term is the variant and the word change becomes its ``rule`` and a
    ``substitution`` link, which is never a group by itself: a rename belongs to
    the names it happened to.  A difference that is no pair of names but a
    short word of the boilerplate (核可 / 认可) becomes a ``style`` candidate,
    kept only if the corpus shows a clean split in time (``styles``).
    """
    texts = list(first)
    parsed: dict[int, _Parsed] = {}
    alive: list[int] = []  # heap of the parsed texts' indexes
    context = _Context(terms, known)

    def parse(k: int) -> _Parsed:
        if k not in parsed:
            parsed[k] = _Parsed(texts[k], context)
            heapq.heappush(alive, k)
        return parsed[k]

    for i, j, _ in similar_pairs(texts, min_similarity, lambda done: progress(done, len(texts))):
        while alive and alive[0] < i:  # pairs come by ascending i, with j > i: texts before i are done
            del parsed[heapq.heappop(alive)]
        a, b = texts[i], texts[j]
        edits = [e for e in raw_edits(a, b) if _substantive(a[e[0] : e[1]] + b[e[2] : e[3]])]
        if not edits or len(edits) > MAX_EDITS:
            continue
        pa, pb = parse(i), parse(j)
        sa, sb = first[a], first[b]
        many = len(edits) > FEW_EDITS
        for edit in edits:
            if not (pa.covered(edit[0], edit[1]) or pb.covered(edit[2], edit[3])):
                continue  # no known term over this difference: neither its words nor a term around are named
            word = widen(a, b, edit, pa.offsets, pb.offsets)  # the word boundaries
            word_pair = word is not None and _named(word, known)
            same_bounds = pa.term_bounds is pa.offsets and pb.term_bounds is pb.offsets
            term = word if same_bounds else widen(a, b, edit, pa.term_bounds, pb.term_bounds)
            if term is not None and _named(term, known) and term != word:
                rule = f"{word.a} → {word.b}" if word_pair else ""
                yield Link(term.a, term.b, "parallel", _places(sa, sb, term), note=_one_of(many, edits), rule=rule)
            if word_pair:
                within = word != term or pa.inside_term(word.a_span) or pb.inside_term(word.b_span)
                signal = "substitution" if within else "parallel"
                yield Link(word.a, word.b, signal, _places(sa, sb, word), note=_one_of(many, edits))
        if sa.year != sb.year:
            pa.cut()
            pb.cut()
            if pa.generation != pb.generation:
                pa.cut()  # the words were numbered anew while cutting b
            for old, new, a_span, b_span, a_core, b_core in word_changes(pa, pb):
                if pa.inside_term(a_core) or pb.inside_term(b_core):
                    continue  # a change of names, judged above
                note = f"{a[slice(*a_core)]} / {b[slice(*b_core)]}"
                yield Link(old, new, "style", (Place(sa, *a_span), Place(sb, *b_span)), note=note)


class _Parsed:
    """What ``parallel`` needs of one sentence, worked out on first use however many sentences it pairs
    with: its words (one character per distinct word, so that rapidfuzz compares them as a string) and
    their offsets, its term boundaries, the spans of the known terms in it.  Strings and arrays rather
    than lists and sets: tens of thousands are alive at once."""

    __slots__ = ("text", "generation", "_words", "_offsets", "_context", "_term_bounds", "_spans", "_known")

    def __init__(self, text: str, context: _Context):
        self.text = text
        self._context = context
        self.generation = self._words = self._offsets = None  # generation: the numbering of the words
        self._term_bounds = self._spans = self._known = None

    def cut(self) -> None:
        """Cut the sentence into words (again, if the words were numbered anew since)."""
        if self.generation != self._context.generation:
            self._words, lengths = self._context.cut(self.text)
            if self._offsets is None:  # where each word starts: the same in any numbering
                self._offsets = array("I", itertools.accumulate(lengths, initial=0))
            self.generation = self._context.generation

    @property
    def words(self) -> str:
        self.cut()
        return self._words

    @property
    def offsets(self) -> array:
        self.cut()
        return self._offsets

    @property
    def term_bounds(self) -> array:
        """The word boundaries outside the known terms (longest match); the same object as ``offsets``
        when no known term occurs here."""
        if self._term_bounds is None:
            spans = [(m.start, m.end) for m in self._context.terms.longest(self.text)]
            self._term_bounds = array("I", sorted(without_inside(set(self.offsets), spans))) if spans else self.offsets
        return self._term_bounds

    def inside_term(self, span: tuple[int, int]) -> bool:
        """The span lies inside a longer known term occurring there (首脑会议 in 信息社会世界首脑会议)."""
        if self._spans is None:  # (start, end) after (start, end), flat: lists of tuples take 5× the room
            self._spans = array("I", [k for m in self._context.terms.every(self.text) for k in (m.start, m.end)])
        spans = self._spans
        return any(s <= span[0] and span[1] <= e and e - s > span[1] - span[0] for s, e in zip(spans[::2], spans[1::2]))

    def covered(self, start: int, end: int) -> bool:
        """Some known term, written exactly so, occurs here over all of ``start``–``end``: the only way a
        span widened from there can be a known term."""
        if self._known is None:  # flat (start, end) pairs, as ``_spans``
            automaton = self._context.known
            matches = automaton.find_matches_as_indexes(self.text, overlapping=True) if automaton else ()
            self._known = array("I", [k for _, s, e in matches for k in (s, e)])
        known = self._known
        return any(s <= start and end <= e for s, e in zip(known[::2], known[1::2]))


class _Context:
    """What ``parallel`` shares across sentences: the known terms (normalised matcher, and an exact
    automaton) and the words of every block it has cut.

    jieba cuts each block of its ``re_han_default`` (and each piece between blocks) on its own, so
    the words of a sentence are those of its blocks, and near-identical sentences share most blocks:
    each block is cut once (up to ``MAX_BLOCKS`` kept) and its words numbered once.
    """

    MAX_BLOCKS = 100_000
    MAX_WORDS = 0x110000 - 0x800  # the characters there are, surrogates left out

    def __init__(self, terms: TermMatcher, known: set[str]):
        import ahocorasick_rs

        self.terms = terms
        self.known = ahocorasick_rs.AhoCorasick(sorted(known)) if known else None
        self.vocabulary: dict[str, str] = {}  # word → the character standing for it
        self.generation = 0  # how many times the vocabulary filled up and started again
        self.blocks: dict[str, tuple[str, tuple[int, ...]]] = {}
        self._split = zh.load_jieba()[0].re_han_default.split

    def cut(self, text: str) -> tuple[str, list[int]]:
        """(a character per word, word lengths) of ``zh.words(text)``."""
        words: list[str] = []
        lengths: list[int] = []
        for block in self._split(text):
            if not block:
                continue
            cut = self.blocks.get(block)
            if cut is None:
                if len(self.blocks) >= self.MAX_BLOCKS:
                    self.blocks.clear()
                cut = self.blocks[block] = self._cut(block)
            words.append(cut[0])
            lengths += cut[1]
        return "".join(words), lengths

    def _cut(self, block: str) -> tuple[str, tuple[int, ...]]:
        pieces = zh.words(block)
        if len(self.vocabulary) + len(pieces) > self.MAX_WORDS:  # start again: the parsed texts are cut anew
            self.vocabulary.clear()
            self.blocks.clear()
            self.generation += 1
        chars = []
        for word in pieces:
            if (char := self.vocabulary.get(word)) is None:
                n = len(self.vocabulary)
                char = self.vocabulary[word] = chr(n if n < 0xD800 else n + 0x800)
            chars.append(char)
        return "".join(chars), tuple(map(len, pieces))


def _places(sa: Sentence, sb: Sentence, edit: Edit) -> tuple[Place, Place]:
    return Place(sa, *edit.a_span), Place(sb, *edit.b_span)


def _one_of(many: bool, edits: list) -> str:
    """Marks a difference found among many in one sentence pair: weaker alone (see ``groups``)."""
    return f"one of {len(edits)} differences" if many else ""


def _named(edit: Edit, known: set[str]) -> bool:
    return (edit.a in known or edit.b in known) and plausible_pair(edit.a, edit.b, known)


def word_changes(a: _Parsed, b: _Parsed) -> Iterator[tuple]:
    """Short word replacements between two versions of a sentence, each as a formula with one unchanged
    neighbouring word of two or more characters, the one before if it is one, else the one after:
    (大会核可, 大会认可, spans of the formulas, spans of the changed words), (做出努力, 作出努力).

    The versions are aligned word by word (jieba's words, Levenshtein opcodes over the word
    lists), so a sentence changed in several places gives each change on its own.  Kept: one or
    two Chinese content words of 2–4 characters on each side, no negation, not a change of
    numbers only (第十四届 / 第十六届 is the next session, not a new rendering).
    """
    ta, tb, wa, wb, ca, cb = a.text, b.text, a.words, b.words, a.offsets, b.offsets
    for i1, i2, j1, j2 in _changes(wa, wb):
        if i2 - i1 > 2 or j2 - j1 > 2:
            continue
        old, new = ta[ca[i1] : ca[i2]], tb[cb[j1] : cb[j2]]
        if not (old and new):
            continue
        # The neighbour first (cheap), the words' part of speech only for a change that has one.
        if i1 > 0 and j1 > 0 and wa[i1 - 1] == wb[j1 - 1] and _neighbour(before := ta[ca[i1 - 1] : ca[i1]]):
            formula = (before + old, before + new, (ca[i1 - 1], ca[i2]), (cb[j1 - 1], cb[j2]))
        elif i2 < len(wa) and j2 < len(wb) and wa[i2] == wb[j2] and _neighbour(after := ta[ca[i2] : ca[i2 + 1]]):
            formula = (old + after, new + after, (ca[i1], ca[i2 + 1]), (cb[j1], cb[j2 + 1]))
        else:
            continue
        if _style_words(old, new):
            yield (*formula, (ca[i1], ca[i2]), (cb[j1], cb[j2]))


def _neighbour(word: str) -> bool:
    """A word that can frame a formula: two or more Chinese characters."""
    return len(word) >= 2 and all(map(is_cjk, word))


def _changes(wa: Sequence, wb: Sequence) -> list[tuple[int, int, int, int]]:
    """Runs of adjacent word edits as one change (欣 见 → 欢迎 is one replacement, not a replace and a delete):
    the gaps between the words kept equal, as (a start, a end, b start, b end)."""
    changes, i, j = [], 0, 0
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(wa, wb).as_list():
        if tag == "equal":
            if i1 > i or j1 > j:
                changes.append((i, i1, j, j1))
            i, j = i2, j2
    if i < len(wa) or j < len(wb):
        changes.append((i, len(wa), j, len(wb)))
    return changes


_NUMERALS = frozenset("〇一二三四五六七八九十百千万两零0123456789")


def _style_words(old: str, new: str) -> bool:
    return _style_word(old) and _style_word(new) and not set(old) ^ set(new) <= _NUMERALS


@functools.lru_cache(maxsize=100_000)
def _style_word(form: str) -> bool:
    """A Chinese content word or two of 2–4 characters, without negation (cached: every sentence pair asks)."""
    if not 2 <= len(form) <= MAX_STYLE_CHARS:
        return False
    if not all(map(is_cjk, form)) or any(ch in NEGATIONS for ch in form):
        return False
    return not any(tag[:1] in _FUNCTION_TAGS for _, tag in pos_pattern(form))


_HAS_CJK = re.compile(f"[{CJK}]")


def _substantive(text: str) -> bool:
    return bool(_HAS_CJK.search(text)) and not any(map(str.isdigit, text))


def components(parallel_links: Iterable[Link], terms: Iterable[str]) -> Iterator[Link]:
    """A substitution seen in parallel sentences, applied inside other terms (to be checked against the corpus)."""
    substitutions = {
        (link.a, link.b)
        for link in parallel_links
        if link.signal in ("parallel", "substitution") and link.a not in link.b and link.b not in link.a
    }
    substitutions |= {(b, a) for a, b in substitutions}
    for term in terms:
        for old, new in sorted(substitutions):
            if old in term and old != term:
                rule = f"{old} → {new}"
                yield Link(term, term.replace(old, new, 1), "component", note=rule, rule=rule)


_NAME_PREFIX = re.compile(r"(?:\d+年|[‘“][^’”]{1,20}[’”])$")  # a year or a quoted name bound to the next name


class NamePrefixes:
    """The years and quoted names written right before forms (2005年 before 世界首脑会议成果), for
    ``kept_names``: collected during a pass over the corpus that other signals share."""

    def __init__(self, forms: Iterable[str]):
        self.forms = set(forms)
        self.seen: dict[str, list[tuple[int, str, str]]] = {}  # longer name → (order, prefix, form) readings
        self.shown: set[str] = set()  # every form with each prefix the corpus writes before it
        self._order = itertools.count()

    def add(self, s: Sentence, start: int, end: int, form: str) -> None:
        if form not in self.forms or s.norm[start - 1 : start] not in ("年", "’", "”"):
            return  # the only characters a prefix ends on
        window = s.norm[max(0, start - 24) : start]
        prefix = _NAME_PREFIX.search(window)
        if prefix:
            readings = self.seen.setdefault(prefix.group() + form, [])
            if not any(p == prefix.group() and f == form for _, p, f in readings):
                readings.append((next(self._order), prefix.group(), form))
            self.shown.update(
                window[k:] + form for k in range(prefix.start(), len(window)) if _NAME_PREFIX.fullmatch(window[k:])
            )


def kept_names(
    sentences: Callable[[], Iterable[Sentence]], groups: list[set[str]], prefixes: NamePrefixes | None = None
) -> dict[int, set[str]]:
    """Longer names holding a group's form that never change with it: 2005年世界首脑会议成果 holds
    世界首脑会议成果, but 2005年世界峰会成果 is never seen — that summit kept its rendering.

    A longer name is the form with a year (2005年) or a quoted name (‘连通非洲’) bound before it;
    it is kept when the corpus never shows it with another form of the group.  ``prefixes``, when
    collected for every form of the groups, saves the pass over the corpus.
    """
    group_of = {form: k for k, members in enumerate(groups) for form in members}
    if not group_of:
        return {}
    if prefixes is None or not group_of.keys() <= prefixes.forms:
        prefixes = NamePrefixes(group_of)
        for occurrence in occurrences(sentences(), group_of):
            prefixes.add(*occurrence)
    first = {}  # longer name → (order, group, prefix, form) of its first reading as a group's form
    for name, readings in prefixes.seen.items():
        order, prefix, form = next(((o, p, f) for o, p, f in readings if f in group_of), (None, "", ""))
        if order is not None:
            first[name] = (order, group_of[form], prefix, form)
    seen = {name: reading[1:] for name, reading in sorted(first.items(), key=lambda item: item[1][0])}
    others = {
        prefix + other: name
        for name, (k, prefix, form) in seen.items()
        for other in groups[k]
        if other != form and form not in other
    }
    attested = {name for shown_as, name in others.items() if shown_as in prefixes.shown}
    result: dict[int, set[str]] = defaultdict(set)
    for name, (k, _, _) in seen.items():
        if name not in attested:
            result[k].add(name)
    return result


def english(aligned: Iterable[tuple[str, str, str]], terms: list[str], known: set[str]) -> Iterator[Link]:
    """Two known Chinese forms whose confident English equivalent is the same (因特网 / 互联网: Internet),
    from aligned ``(pair id, zh, en)`` sentence pairs — the English pivot."""
    from shuyu.termbase.equivalents import find_equivalents, shared_english  # the aligner's side: loaded on use

    rows = iter(aligned)
    head = next(rows, None)
    if head is None:
        return  # no alignments stored yet: nothing to pivot on
    for pair in shared_english(find_equivalents(itertools.chain([head], rows), terms)):
        a, b = pair.forms
        if plausible_pair(a, b, known) and comparable_renderings(a, b):
            note = f"both rendered “{pair.english}” ({pair.counts[0]} and {pair.counts[1]} aligned sentences)"
            yield Link(a, b, "english", note=note)


class StyleSplit:
    """Style candidates whose two formulas split cleanly in time: every document using one is older
    than every document using the other, and the formula recurs in ``min_documents`` documents or
    more (a verb changed in one place only is a change of meaning, not of style).  The formulas'
    documents are collected during a pass over the corpus that other signals share."""

    def __init__(self, candidates: list[Link], min_documents: int = 3):
        self.by_pair: dict[frozenset[str], list[Link]] = defaultdict(list)
        for link in candidates:
            self.by_pair[frozenset((link.a, link.b))].append(link)
        self.forms = {form for pair in self.by_pair for form in pair}
        self.min_documents = min_documents
        self.years: dict[str, dict[str, int]] = defaultdict(dict)  # formula → document → year

    def add(self, s: Sentence, start: int, end: int, form: str) -> None:
        if s.year is not None and form in self.forms:
            self.years[form][s.doc_id] = s.year

    def links(self) -> Iterator[Link]:
        years = self.years
        for pair, links in self.by_pair.items():
            old, new = sorted(pair, key=lambda form: min(years[form].values(), default=0))
            if not years[old] or not years[new] or len(years[old]) + len(years[new]) < self.min_documents:
                continue
            if max(years[old].values()) < min(years[new].values()):
                split = f"{old} until {max(years[old].values())}, {new} from {min(years[new].values())}"
                note = f"{links[0].note} in unchanged boilerplate; {split}"
                yield Link(old, new, "style", tuple(p for l in links for p in l.places)[:4], note=note)


def insertions(terms: list[str]) -> Iterator[Link]:
    """Known terms one inner character apart (多方利益攸关方 / 多利益攸关方); a negation changes the meaning."""
    known = set(terms)
    for term in terms:
        for k in range(1, len(term) - 1):
            shorter = term[:k] + term[k + 1 :]
            if term[k] not in NEGATIONS and len(shorter) >= 3 and shorter in known and _droppable(term, k):
                yield Link(term, shorter, "insertion", note=f"{term[k]} dropped")


def _droppable(term: str, k: int) -> bool:
    """Whether ``term`` without its character ``k`` can still name the same thing.

    A character cut from a noun makes another noun (工作组 → 工作, 性别 → 性, 国家 → 国); one from a
    numeral or measure word may go (多方 → 多, 多种 → 多).  A one-character word may go only when it
    is a connector between modifiers with the head after them (信息和通信技术 → 信息通信技术);
    before the last word it joins two things (技术和服务 ≠ 技术服务), and a determiner or preposition
    (联合国各机构, 包括在联合国) is a phrase's word, not a name's.
    """
    tagged = pos_pattern(term)
    ends = list(itertools.accumulate(len(word) for word, _ in tagged))
    index = next(i for i, end in enumerate(ends) if k < end)
    word, tag = tagged[index]
    if len(word) == 1:
        return word in _COORDINATION and len(tagged) - index > 2
    return not tag.startswith("n")


def _ordered_pick(short: str, full: str) -> bool:
    """``short``'s characters appear in ``full`` in order, starting with its first character."""
    if not full.startswith(short[0]) or short in full:
        return False
    position = 0
    for ch in short:
        position = full.find(ch, position) + 1
        if position == 0:
            return False
    return True


def definitions(sentences: Iterable[Sentence], known: set[str], texts: Iterable[str] = ()) -> Iterator[Link]:
    """Short forms defined in brackets: 东南亚国家联盟(东盟), 联合国促进性别平等和增强妇女权能署(妇女署).

    The full form is the known term that ends at the bracket; failing that, the
    longest name (starting on a word, not on a verb, holding the short form's
    characters in order) that the corpus also uses after another character —
    the name's own left edge — or, for a name seen once, one that starts with
    the short form's first character.  ``texts`` are the corpus's distinct sentences.
    """
    found = []  # (sentence, match, full form if a known term, candidate names otherwise)
    for s in sentences:
        for m in _DEFINITION.finditer(s.norm):
            before, short = m.group(1), m.group(2)
            full = next((before[k:] for k in range(len(before) - 1) if before[k:] in known), None)
            found.append((s, m, full, _candidate_names(before, short) if full is None else []))
    left = _left_neighbours({name for *_, names in found for name in names}, texts)
    for s, m, full, names in found:
        before, short = m.group(1), m.group(2)
        if full is None:
            full = next((name for name in names if len(left[name]) >= 2), None)
            full = full or next((name for name in names if _ordered_pick(short, name)), None)
        if full and full != short and all(ch in full for ch in short):
            yield Link(
                full,
                short,
                "abbreviation",
                (Place(s, m.start(1) + len(before) - len(full), m.end(1)), Place(s, m.start(2), m.end(2))),
                note="defined in brackets",
            )


def _candidate_names(before: str, short: str) -> list[str]:
    """The ends of ``before`` that could be the name ``short`` abbreviates, longest first."""
    starts = boundaries(zh.words(before))
    return [
        before[k:]
        for k in sorted(starts)
        if k < len(before) - len(short)
        and all(ch in before[k:] for ch in short)
        and well_formed(before[k:])
        and not _predicative(before[k:])
    ]


def _left_neighbours(names: set[str], texts: Iterable[str]) -> dict[str, set[str]]:
    """The characters just before each occurrence of each name in ``texts``: one Aho–Corasick pass for
    all the names (searching the corpus once per name grew with the square of its size)."""
    import ahocorasick_rs

    left: dict[str, set[str]] = defaultdict(set)
    if not names:
        return left
    patterns = sorted(names)
    automaton = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.Standard)
    for text in texts:
        for index, start, _ in automaton.find_matches_as_indexes(text, overlapping=True):
            if start > 0:
                left[patterns[index]].add(text[start - 1])
    return left


class Contexts:
    """The neighbours each known term has in the corpus: two characters on each side."""

    def __init__(self, terms: TermMatcher):
        self.terms = terms
        self.left: dict[str, Counter] = defaultdict(Counter)
        self.right: dict[str, Counter] = defaultdict(Counter)
        self.slots: dict[str, Counter] = defaultdict(Counter)
        self.sides: dict[str, Counter] = defaultdict(Counter)  # one character each side, for rare forms
        self.coordinated: set[frozenset[str]] = set()

    def add(self, s: Sentence) -> None:
        matches = list(self.terms.longest(s.norm))
        for m in matches:
            left, right = s.norm[max(0, m.start - 2) : m.start], s.norm[m.end : m.end + 2]
            self.left[m.term][left] += 1
            self.right[m.term][right] += 1
            self.slots[m.term][(left, right)] += 1
            self.sides[m.term][("left", left[-1:])] += 1
            self.sides[m.term][("right", right[:1])] += 1
        for x, y in zip(matches, matches[1:]):
            if x.term != y.term and s.norm[x.end : y.start] in _COORDINATION:
                self.coordinated.add(frozenset((x.term, y.term)))

    def shared(self, a: str, b: str, loose: bool = False) -> int:
        """Neighbour contexts the two terms share: whole slots count double, one side once.

        ``loose`` also counts single neighbouring characters (应国际电联和 / 应国际电信联盟秘书长):
        enough for a form already built from the other, too weak for any two terms.
        """

        def content(counter: Counter) -> set:
            return {k for k in counter if any(is_cjk(ch) for ch in "".join(k))}

        shared = (
            2 * len(content(self.slots[a]) & content(self.slots[b]))
            + len(content(self.left[a]) & content(self.left[b]))
            + len(content(self.right[a]) & content(self.right[b]))
        )
        if loose:
            shared += len(content(self.sides[a]) & content(self.sides[b]))
        return shared


def abbreviations_of(full: str, max_len: int = 6) -> set[str]:
    """Short forms built the way Chinese abbreviations are built from the words of ``full``.

    Each word is kept whole, cut to its first character, or dropped (connectors
    always drop): 国际电信联盟 → 国际电联, 经济及社会理事会 → 经社理事会, 信息和通信技术 →
    信通技术.  The short form starts in the first or second word, ends in the
    last, keeps at least two words, makes at least two changes (a cut word or a
    run of dropped words: dropping one modifier, 促进可持续发展 → 促进发展, makes
    another concept) and never drops a negation.
    """
    tagged = [piece for word, tag in pos_pattern(full) for piece in _dictionary_parts(word, tag)]
    words = [w for w, _ in tagged]
    if not 2 <= len(words) <= 8 or _predicative(full):
        return set()
    choices = []
    for word, tag in tagged:
        if word in _COORDINATION or tag.startswith(("c", "p", "u")):
            choices.append(("",))
        elif any(ch in NEGATIONS for ch in word):
            choices.append((word,))
        else:
            choices.append(tuple(dict.fromkeys(("", word[0], word))))
    result = set()
    for picked in itertools.product(*choices):
        kept = [k for k, unit in enumerate(picked) if unit]
        cuts = sum(1 for unit, options in zip(picked, choices) if unit and unit != options[-1])
        dropped = "".join("-" if not unit and options[-1] else "+" for unit, options in zip(picked, choices))
        changed = cuts + len([run for run in dropped.split("+") if run])
        short = "".join(picked)
        if (
            len(kept) >= 2
            and kept[0] <= 1
            and kept[-1] == len(words) - 1
            and 2 <= len(short) <= max_len
            and changed >= 2
            and short not in full
        ):
            result.add(short)
    return result


def _dictionary_parts(word: str, tag: str) -> list[tuple[str, str]]:
    """A long dictionary word as dictionary words of up to three characters (国际电信联盟 → 国际 电信 联盟)."""
    if len(word) < 4:
        return [(word, tag)]
    parts, start = [], 0
    while start < len(word):
        end = next(
            (e for e in range(min(len(word), start + 3), start, -1) if dictionary_count(word[start:e])), start + 1
        )
        parts.append((word[start:end], tag))
        start = end
    return parts


def built_abbreviations(candidates: dict[str, list[str]], contexts: Contexts, min_shared: int = 2) -> Iterator[Link]:
    """Abbreviations (``candidates``: short form → full forms) that occur and share the full form's contexts."""
    for short, fulls in candidates.items():
        if not contexts.slots.get(short) or general_frequency(short) > GENERAL_WORD:
            continue
        for full in fulls:
            if contexts.shared(short, full, loose=True) >= min_shared:
                yield Link(full, short, "abbreviation", note="built from the words of the full form, same contexts")


def same_slot(terms: list[str], contexts: Contexts, min_shared: int = 3) -> Iterator[Link]:
    """Known terms of similar length sharing an end character and their neighbours (因特网 / 互联网)."""
    by_end: dict[str, list[str]] = defaultdict(list)
    for t in terms:
        by_end[t[-1]].append(t)
    for group in by_end.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if abs(len(a) - len(b)) > 1 or a in b or b in a or a[:-1] == b[:-1]:
                    continue
                if frozenset((a, b)) in contexts.coordinated or not plausible_pair(a, b, set(terms)):
                    continue
                shared = contexts.shared(a, b)
                if shared >= min_shared:
                    yield Link(a, b, "context", note=f"{shared} shared neighbour contexts")
