"""Chinese text helpers shared by every stage: character classes, normalisation, OpenCC, jieba.

- character classes of UN text (CJK, punctuation, full-width folding) for cleaning, structure and detection;
- ``normalise``: the one normal form terms are compared in (simplified script, ASCII letters and digits);
- OpenCC script conversion (``to_simplified``, ``script_forms``), loaded on first use;
- jieba segmentation, part of speech and general-Chinese word frequencies (``words``, ``pos_pattern``,
  ``dictionary_count``, ``general_frequency``), loaded on first use.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width and CJK punctuation: 、。《》「」『』【】〔〕，：；？！（）“”‘’—…·
CJK_PUNCT = (
    "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
)
SENTENCE_END = "。！？"
CLOSING = "”’」』）)》〕】"
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
# Full-width letters and digits (and ／ ＿ ．in symbols) fold to ASCII; full-width punctuation stays.
FULLWIDTH_TO_ASCII = str.maketrans(
    {
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)},
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)},
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)},
        "\u3000": " ",
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\ufeff": " ",
    }
)

_FOLDED = re.compile("[" + "".join(re.escape(chr(c)) for c in FULLWIDTH_TO_ASCII) + "]")


def _fold(match: re.Match) -> str:
    return FULLWIDTH_TO_ASCII[ord(match.group())]


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def display_width(text: str) -> int:
    """Columns a line takes on the page: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def is_chinese(text: str) -> bool:
    return any(is_cjk(ch) for ch in text)


@functools.lru_cache(maxsize=3)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config).convert


def to_simplified(text: str) -> str:
    """OpenCC's traditional-to-simplified conversion (phrases included, so the length may change)."""
    return _converter("t2s")(text)


def normalise(text: str) -> str:
    """Simplified script, ASCII letters and digits, one character for each character of ``text``."""
    # str.translate walks every character through a dict (16 MB/s); a regular expression finds the
    # rare characters to fold ten times faster, and text without any (most of it) is not copied.
    folded = _FOLDED.sub(_fold, text) if _FOLDED.search(text) else text
    if folded.isascii():
        return folded  # nothing for OpenCC to do (and no need to load it)
    t2s = _converter("t2s")
    simplified = t2s(folded)
    if len(simplified) != len(folded):  # a phrase conversion changed the length: convert character by character
        simplified = "".join(ch if len(c := t2s(ch)) != 1 else c for ch in folded)
    return simplified


def to_traditional(text: str) -> str:
    """The text in traditional script (OpenCC s2t), for indexes a user may query in either script."""
    return _converter("s2t")(text)


def script_forms(form: str) -> dict[str, str]:
    """The traditional and Taiwan-usage spellings of a simplified form (互联网 → 互聯網, 網際網路)."""
    return {"traditional": _converter("s2t")(form), "taiwan": _converter("s2twp")(form)}


@functools.lru_cache(maxsize=1)
def load_jieba():
    """jieba with its dictionary loaded (quietly): the module and its ``posseg``."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba, jieba.posseg


def words(text: str) -> list[str]:
    """jieba's segmentation of ``text`` (dictionary only, no HMM guesses).

    jieba cuts each block of its ``re_han_default`` on its own; every block goes to rjieba (the same
    words, 7× faster for Chinese and 12× for blocks with Latin letters or digits, which jieba walks a
    character at a time: identical on the 72,008 distinct such blocks of 20 M characters of benchmark
    text and the bundled corpus).
    """
    jieba, _ = load_jieba()
    cut, _ = _tagger()
    out: list[str] = []
    for k, block in enumerate(jieba.re_han_default.split(text)):
        if not block:
            continue
        if k % 2 == 0:  # between blocks (punctuation, spaces): as jieba, a whitespace run or one character
            for piece in jieba.re_skip_default.split(block):
                out += [piece] if jieba.re_skip_default.match(piece) else piece
        else:
            out += cut(block, False)
    return out


# A run of the characters jieba segments by its dictionary alone (its ``re_han_internal`` without Latin
# letters and digits): a term made only of them is tagged by ``pos_pattern`` word by word.
_HAN_RUN = re.compile("[\u4e00-\u9fd5]+")


@functools.lru_cache(maxsize=1)
def _tagger():
    """rjieba's ``cut`` and jieba's tag table (user dictionaries included) for ``pos_pattern``."""
    import rjieba

    _, posseg = load_jieba()
    posseg.dt.makesure_userdict_loaded()
    return rjieba.cut, posseg.dt.word_tag_tab


@functools.lru_cache(maxsize=200_000)
def pos_pattern(term: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech tag) of each of jieba's words of ``term`` (dictionary only, no HMM).

    A run of Chinese characters (every mined candidate) is cut by rjieba, 7× faster than
    ``jieba.posseg`` and the same words, and tagged from jieba's own table; anything else
    (punctuation, Latin, digits) goes through ``jieba.posseg``.
    """
    if _HAN_RUN.fullmatch(term):
        cut, tags = _tagger()
        return tuple((word, tags.get(word, "x")) for word in cut(term, False))
    _, posseg = load_jieba()
    return tuple((w.word, w.flag) for w in posseg.lcut(term, HMM=False))


def dictionary_count(word: str) -> int:
    """How often ``word`` occurs in jieba's dictionary of general Chinese (0: not a word there)."""
    jieba, _ = load_jieba()
    return jieba.dt.FREQ.get(word, 0)


def general_frequency(term: str) -> float:
    """Relative frequency of ``term`` as a word of general Chinese (jieba's dictionary)."""
    jieba, _ = load_jieba()
    return jieba.dt.FREQ.get(term, 0) / jieba.dt.total


def dictionary_words() -> Iterator[tuple[str, int]]:
    """(word, count) of every word of jieba's dictionary."""
    jieba, _ = load_jieba()
    return iter(jieba.dt.FREQ.items())


def add_user_dictionary(path: str) -> None:
    """Load a jieba user dictionary (``word [freq] [tag]`` lines); part-of-speech patterns are recomputed."""
    jieba, _ = load_jieba()
    jieba.load_userdict(str(path))
    _mirror_user_words(path)
    pos_pattern.cache_clear()
    _tagger.cache_clear()


def _mirror_user_words(path: str) -> None:
    """Add the dictionary's words to rjieba with the frequencies jieba gave them, so both cut alike."""
    import rjieba

    jieba, _ = load_jieba()
    with open(path, "rb") as handle:
        for line in handle:
            text = line.strip().decode("utf-8").lstrip("\ufeff")
            if text:
                word, _, tag = jieba.re_userdict.match(text).groups()
                rjieba.add_word(word, jieba.dt.FREQ[word], (tag or "").strip() or None)
