"""Paragraph-level anchors between a Chinese document and its English counterpart.

UN documents number their paragraphs the same way in every language: operative
paragraphs 1. 2. …, items (a) (b) … inside them, sections 1.1, SDG targets 1.a,
and section headings 一、二、 in Chinese where English writes I. II.  A paragraph
number found once on each side is a hard anchor; so is a paragraph whose
document symbols (A/RES/70/1) and numbers (2030, 1.25, dates) appear together in
exactly one paragraph of each side.  The longest chain of anchors in the same
order on both sides cuts the documents into stretches, each aligned sentence
by sentence on its own.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from shuyu.text.numbers import spans
from shuyu.text.zh import FULLWIDTH_TO_ASCII

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_CHINESE_DIGITS = "一二三四五六七八九"
# 1.  1.1  1.a  (a)  (iv)  一、 一.  I.  A.  — at the start of a paragraph (a quote may open it).
_NUMBER = re.compile(
    r"^[“\"]?\s*(?:(?P<section>\d{1,3}(?:\.(?:\d{1,3}|[a-z]))+)\.?(?=[\s\D])"
    r"|(?P<arabic>\d{1,3})[.．](?!\d)"
    r"|[(（](?P<item>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})[)）]"
    r"|(?P<chinese>[一二三四五六七八九十]{1,3})[.、．]"
    r"|(?P<roman>[IVXLC]{1,6})[.．](?=\s)"
    r"|(?P<letter>[A-H])[.．](?=\s))"
)
_SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:/[A-Z0-9.]+(?:\([^)]*\))?){2,}")


@dataclass(frozen=True)
class Stretch:
    """Paragraphs zh_start … zh_end-1 translate en_start … en_end-1; ``number`` is the anchor's paragraph number."""

    zh_start: int
    zh_end: int
    en_start: int
    en_end: int
    number: str | None = None


def paragraph_number(text: str) -> str | None:
    """The paragraph number at the start of ``text`` ("1.", "(a)", "一、", "I."; full-width digits as ASCII), or None."""
    match = _NUMBER.match(text.translate(FULLWIDTH_TO_ASCII).lstrip())
    return match.group().strip('“" ') if match else None


def number_end(text: str) -> int:
    """Offset in ``text`` just after its paragraph number (0 when it has none)."""
    folded = text.translate(FULLWIDTH_TO_ASCII)  # one character for one: offsets stay valid
    stripped = folded.lstrip()
    match = _NUMBER.match(stripped)
    return len(folded) - len(stripped) + match.end() if match else 0


def number_key(text: str) -> str | None:
    """A key that is the same for the Chinese and English forms of a paragraph number: 一、 and I. → §1."""
    match = _NUMBER.match(text.translate(FULLWIDTH_TO_ASCII).lstrip())
    if not match:
        return None
    if match.group("section"):
        return match.group("section")
    if match.group("arabic"):
        return match.group("arabic")
    if match.group("item"):
        return f"({match.group('item')})"
    if match.group("chinese"):
        return f"§{_chinese_value(match.group('chinese'))}"
    if match.group("roman"):
        return f"§{_roman_value(match.group('roman'))}"
    return match.group("letter")


def _chinese_value(numeral: str) -> int:
    if numeral == "十":
        return 10
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return _CHINESE_DIGITS.index(numeral) + 1
    return (_CHINESE_DIGITS.index(tens) + 1 if tens else 1) * 10 + (_CHINESE_DIGITS.index(units) + 1 if units else 0)


def _roman_value(numeral: str) -> int:
    values = [_ROMAN[ch] for ch in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _number_keys(paragraphs: list[str]) -> list[str | None]:
    """Paragraph keys qualified by the enclosing numbered paragraph: (a) under 3. is 3(a), 1.a stays 1.a."""
    keys, parent = [], ""
    for text in paragraphs:
        key = number_key(text)
        if key and key.startswith("("):
            key = parent + key
        elif key:
            parent = key
        keys.append(key)
    return keys


def _signature(text: str, lang: str) -> frozenset[str]:
    """Symbols and numbers of a paragraph (small counts such as 1–9 are too common to tell paragraphs apart)."""
    values = [v for _, _, v in spans(text)]
    found = {v for v in values if len(v.replace(".", "")) >= 2}
    found |= {s.upper() for s in _SYMBOL.findall(text.translate(FULLWIDTH_TO_ASCII))}
    return frozenset(found)


def _unique(keys: list) -> dict:
    counts = Counter(k for k in keys if k)
    return {k: i for i, k in enumerate(keys) if k and counts[k] == 1}


def anchor_pairs(zh_paragraphs: list[str], en_paragraphs: list[str]) -> list[tuple[int, int]]:
    """(zh paragraph, en paragraph) anchors: unique shared numbers or signatures, longest order-preserving chain."""
    candidates: dict[int, int] = {}
    zh_keys, en_keys = _unique(_number_keys(zh_paragraphs)), _unique(_number_keys(en_paragraphs))
    for key, i in zh_keys.items():
        if key in en_keys:
            candidates[i] = en_keys[key]
    zh_sig = _unique(
        [s if len(s) >= 2 or any("/" in v for v in s) else None for s in (_signature(t, "zh") for t in zh_paragraphs)]
    )
    en_sig = _unique(
        [s if len(s) >= 2 or any("/" in v for v in s) else None for s in (_signature(t, "en") for t in en_paragraphs)]
    )
    for sig, i in zh_sig.items():
        if sig in en_sig and i not in candidates:
            candidates[i] = en_sig[sig]
    return longest_chain(sorted(candidates.items()))


def longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence increasing on both sides (patience sorting, O(k log k))."""
    tails: list[int] = []  # en index ending the best chain of each length
    ends: list[int] = []  # position in pairs of that chain's last pair
    previous = [-1] * len(pairs)
    for position, (_, en) in enumerate(pairs):
        k = bisect.bisect_left(tails, en)
        if k == len(tails):
            tails.append(en)
            ends.append(position)
        else:
            tails[k], ends[k] = en, position
        previous[position] = ends[k - 1] if k else -1
    chain, position = [], ends[-1] if ends else -1
    while position >= 0:
        chain.append(pairs[position])
        position = previous[position]
    return chain[::-1]


def stretches(zh_paragraphs: list[str], en_paragraphs: list[str]) -> list[Stretch]:
    """Cut both documents at the anchors; every paragraph lies in exactly one stretch."""
    anchors = anchor_pairs(zh_paragraphs, en_paragraphs)
    cuts = [(0, 0)] + [a for a in anchors if a != (0, 0)] + [(len(zh_paragraphs), len(en_paragraphs))]
    result = []
    for (z0, e0), (z1, e1) in itertools.pairwise(cuts):
        if z1 > z0 or e1 > e0:
            result.append(Stretch(z0, z1, e0, e1, paragraph_number(zh_paragraphs[z0]) if z1 > z0 else None))
    return result
