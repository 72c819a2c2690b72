"""English words and noun phrases: tokens, the phrase shapes a term can take, and lookup keys.

English terms are compared through ``lookup_key``: case-folded, with every noun
singular, so "Member State" finds "Member States" and "country" finds
"countries"; the display keeps the form the texts use ("States", not "states").
Word classes come from LemmInflect's lexicon (shipped in its wheel): no tagger
model, no download.  A phrase is shaped like a noun phrase when it starts and
ends on a content word, its last word can be a noun, and no finite verb, pronoun
or clause word sits inside: "least developed countries", "violence against
women", "rule of law"; not "developed", "ensure access", "countries that".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

# Words that never start or end a term (articles, prepositions, conjunctions, pronouns, auxiliaries,
# quantifiers, adverbs of degree) — a term is "least developed countries", not "the least developed".
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "nor",
        "but",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "without",
        "within",
        "into",
        "onto",
        "upon",
        "over",
        "under",
        "about",
        "against",
        "among",
        "amongst",
        "between",
        "through",
        "throughout",
        "during",
        "before",
        "after",
        "above",
        "below",
        "since",
        "until",
        "towards",
        "toward",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "where",
        "when",
        "while",
        "whether",
        "if",
        "because",
        "although",
        "though",
        "unless",
        "so",
        "such",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "them",
        "they",
        "he",
        "she",
        "his",
        "her",
        "him",
        "we",
        "our",
        "us",
        "you",
        "your",
        "i",
        "my",
        "me",
        "one",
        "ones",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "also",
        "not",
        "no",
        "yes",
        "all",
        "any",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "some",
        "many",
        "much",
        "more",
        "most",
        "other",
        "another",
        "own",
        "same",
        "very",
        "only",
        "just",
        "even",
        "further",
        "furthermore",
        "however",
        "thus",
        "therefore",
        "hence",
        "already",
        "still",
        "per",
        "via",
        "including",
        "inter",
        "alia",
        "etc",
        "i.e",
        "e.g",
        "mr",
        "ms",
        "mrs",
        "according",
        "regarding",
        "concerning",
        "following",
        "pursuant",
        "notwithstanding",
        "excluding",
    ]
)
# Inside a noun phrase only these function words may appear: "rule of law", "persons with disabilities",
# "violence against women", "Committee on the Elimination of Discrimination against Women".
INNER_WORDS = frozenset(["of", "and", "for", "on", "against", "in", "the", "with", "to"])

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-'’.][A-Za-z0-9]+)*")
# Punctuation and numbers end a phrase: terms do not straddle a comma, a bracket or a quotation mark.
_BREAK = re.compile(r"[,;:!?()\[\]{}\"“”‘«»/…–—]|(?<!\w)'|'(?!\w)|\.(?=\s|$)")
_NUMBER = re.compile(r"^[0-9.,]+$")


def words(text: str) -> list[str]:
    """Word tokens of ``text`` (hyphenated words and acronyms stay whole: capacity-building, post-2015)."""
    return [m.group().replace("’", "'") for m in _TOKEN.finditer(text)]


def stretches(text: str) -> Iterator[list[str]]:
    """Runs of words between punctuation marks and numbers, the spans a term can occupy."""
    for part in _BREAK.split(text):
        run: list[str] = []
        for word in words(part):
            if _NUMBER.match(word):
                if run:
                    yield run
                run = []
            else:
                run.append(word)
        if run:
            yield run


@functools.lru_cache(maxsize=100_000)
def word_classes(word: str) -> frozenset[str]:
    """Universal POS classes LemmInflect's lexicon allows for ``word`` (empty when unknown)."""
    from lemminflect import getAllLemmas

    classes = getAllLemmas(word) or getAllLemmas(word.lower())
    return frozenset(classes)


@functools.lru_cache(maxsize=100_000)
def _base_verb(word: str) -> bool:
    """A finite or base verb form that cannot be anything else (ensure, reduces, is) — not a participle."""
    from lemminflect import getAllLemmas

    lower = word.lower()
    classes = getAllLemmas(lower)
    if not classes or set(classes) - {"VERB", "AUX"}:
        return False
    return not lower.endswith(("ed", "ing", "en", "wn"))


@functools.lru_cache(maxsize=100_000)
def may_be_verb(word: str) -> bool:
    """A base form that the lexicon knows as a verb (implement, develop; also water)."""
    from lemminflect import getAllLemmas

    lower = word.lower()
    return lower in getAllLemmas(lower).get("VERB", ())


def _can_head(word: str) -> bool:
    """The last word of a term: a noun, an acronym, a name or a word the lexicon does not know."""
    if word.lower() in FUNCTION_WORDS:
        return False
    classes = word_classes(word)
    if not classes or "NOUN" in classes or "PROPN" in classes:
        return True
    return word[:1].isupper() and not word.isupper() and "VERB" not in classes


def _can_modify(word: str) -> bool:
    """The first word of a term: anything but a function word or a finite verb (ensure, promote)."""
    return word.lower() not in FUNCTION_WORDS and not _base_verb(word)


def _can_be_inside(word: str) -> bool:
    return word.lower() in INNER_WORDS or (word.lower() not in FUNCTION_WORDS and not _base_verb(word))


def is_noun_phrase(tokens: list[str] | tuple[str, ...]) -> bool:
    """Shaped like a term: content words at both edges, a noun last, no clause word inside."""
    if not tokens or not _can_modify(tokens[0]) or not _can_head(tokens[-1]):
        return False
    if len(tokens) == 1:
        classes = word_classes(tokens[0])
        return not classes or bool(classes & {"NOUN", "PROPN"}) or tokens[0].isupper()
    if not all(_can_be_inside(w) for w in tokens[1:-1]):
        return False
    # "to" before a verb is an infinitive ("countries to implement"), before a noun a complement ("access to justice")
    return not any(w.lower() == "to" and may_be_verb(n) for w, n in zip(tokens, tokens[1:]))


def noun_phrase_spans(text: str, max_words: int = 6) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """``(first word, end word, words)`` of every word n-gram of ``text`` (1 to ``max_words`` words,
    within punctuation) shaped like a term; word positions count across the whole text."""
    offset = 0
    for run in stretches(text):
        for start in range(len(run)):
            if not _can_modify(run[start]):
                continue
            for end in range(start + 1, min(len(run), start + max_words) + 1):
                gram = tuple(run[start:end])
                if is_noun_phrase(gram):
                    yield offset + start, offset + end, gram
        offset += len(run)


def noun_phrases(text: str, max_words: int = 6) -> Iterator[tuple[str, ...]]:
    """The words of each term-shaped n-gram of ``text`` (see ``noun_phrase_spans``)."""
    return (gram for _, _, gram in noun_phrase_spans(text, max_words))


@functools.lru_cache(maxsize=200_000)
def _singular(word: str) -> str:
    """The singular of a plural noun (countries → country, States → state), any other word lower-cased."""
    lower = word.lower()
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(lower).get("NOUN")
    if lemmas:
        return lemmas[0].lower()
    if getAllLemmas(lower) or len(lower) <= 3:
        return lower
    if lower.endswith("ies"):
        return lower[:-3] + "y"
    if lower.endswith(("ses", "xes", "zes", "ches", "shes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return lower[:-1]
    return lower


@functools.lru_cache(maxsize=200_000)
def lookup_key(term: str) -> str:
    """The key an English term is looked up by: case-folded, nouns singular, hyphens as spaces.

    "Member States", "member state" and "Member State" share one key; so do
    "SDGs" and "SDG", "capacity-building" and "capacity building",
    "developed-country" and "developed countries".
    """
    return " ".join(_singular(w) for w in words(_HYPHENS.sub(" ", term.replace("’", "'"))))


_HYPHENS = re.compile(r"[-‐‑]")
_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ions",
    "ion",
    "ities",
    "ity",
    "ives",
    "ive",
    "ally",
    "al",
    "ics",
    "ic",
    "ies",
    "ed",
    "es",
    "er",
    "ers",
    "ors",
    "or",
    "e",
    "s",
    "y",
)


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A crude stem that relates derived forms: develop, developed, development; nation, national."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_DEFINITION = re.compile(r"((?:[A-Za-z][\w'-]*\s+){1,10})\(([A-Z][A-Za-z]*[A-Z])s?\)")


def acronym_definitions(text: str) -> Iterator[tuple[str, str]]:
    """``(acronym, long form)`` defined in ``text`` as "gross domestic product (GDP)".

    The long form is the shortest run of words before the bracket whose initials
    (of content words, and of the parts of hyphenated words) spell the acronym:
    "official development assistance (ODA)", "non-governmental organizations (NGOs)".
    """
    for match in _DEFINITION.finditer(text):
        before, acronym = match.group(1).split(), match.group(2)
        for start in range(len(before) - 1, -1, -1):
            phrase = before[start:]
            initials = "".join(
                part[0] for w in phrase if w.lower() not in FUNCTION_WORDS for part in _HYPHENS.split(w) if part
            )
            if initials.upper() == acronym.upper() and is_noun_phrase(phrase):
                yield acronym, " ".join(phrase)
                break
            if len(initials) > len(acronym):
                break
