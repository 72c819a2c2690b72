"""Numbers written either way, reduced to one canonical form so the two sides can be compared.

Chinese: Arabic digits with 万/亿 (10万 = 100000, 1000亿 = 100000000000), Chinese
numerals (二〇三〇, 六十九, 两千), full-width digits.  English: digits with
thousands separators (1,000 and "1 000"), scale words (100 billion), number
words up to the hundreds and ordinals (sixty-ninth = 69).  A lone 一 or "one"
is not a number here: both are mostly articles and parts of words.
"""

from __future__ import annotations

import re

from shuyu.text.zh import FULLWIDTH_TO_ASCII

_ZH_DIGIT = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10_000, "亿": 100_000_000}
_ZH_NUMERAL = "零〇○一二两三四五六七八九十百千万亿"
# Arabic number with optional 万/亿 | run of Chinese numerals
_ZH_NUMBER = re.compile(rf"(\d+(?:[.,]\d+)*)\s*([万亿]*)|(第)?([{_ZH_NUMERAL}]+)")

_EN_SMALL = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_EN_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
_EN_ORDINAL = {
    w: i + 1
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
        ]
    )
}
_EN_ORDINAL.update({w[:-1] + "ieth": v for w, v in _EN_TENS.items()})
_EN_SCALE = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_EN_WORDS = "|".join(sorted([*_EN_SMALL, *_EN_TENS, *_EN_ORDINAL, *_EN_SCALE], key=len, reverse=True))
_EN_NUMBER = re.compile(
    rf"(?<![\w.])(\d{{1,3}}(?:(?:,| |\u00a0|\u202f)\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(million|billion|trillion|thousand))?"
    rf"|\b((?:{_EN_WORDS})(?:[\s-]+(?:and\s+)?(?:{_EN_WORDS}))*)\b",
    re.IGNORECASE,
)


def canonical(value: float) -> str:
    """2030.0 → '2030', 1.25 → '1.25'."""
    return str(int(value)) if value == int(value) else f"{value:g}"


def zh_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical value) of each number in Chinese text."""
    text = text.translate(FULLWIDTH_TO_ASCII)
    found = []
    for m in _ZH_NUMBER.finditer(text):
        if m.group(1):
            value = float(m.group(1).replace(",", "")) if m.group(1).count(".") <= 1 else None
            if value is None:
                continue
            for big in m.group(2):
                value *= _ZH_BIG[big]
            found.append((m.start(), m.end(), canonical(value)))
            continue
        run = m.group(4)
        # 一些, 统一, 万一 … : a single numeral character is a number only after 第 or with a unit.
        if len(run) == 1 and not m.group(3) and run not in _ZH_UNIT:
            continue
        value = _zh_numeral_value(run)
        if value is not None:
            found.append((m.start(), m.end(), canonical(value)))
    return found


def _zh_numeral_value(run: str) -> int | None:
    if all(ch in _ZH_DIGIT for ch in run):  # 二〇三〇: digit by digit; 一一, 三五 are words
        if len(run) < 3 and not set(run) & set("零〇○"):
            return None
        return int("".join(str(_ZH_DIGIT[ch]) for ch in run)) if len(run) > 1 else _ZH_DIGIT[run]
    total, section, digit = 0, 0, None
    for ch in run:
        if ch in _ZH_DIGIT:
            digit = _ZH_DIGIT[ch]
        elif ch in _ZH_UNIT:
            section += (1 if digit is None else digit) * _ZH_UNIT[ch]
            digit = None
        else:  # 万 亿
            section += digit or 0
            total = (total + section) * _ZH_BIG[ch] if total < _ZH_BIG[ch] else total + section * _ZH_BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def en_numbers(text: str) -> list[str]:
    """Canonical values of the numbers in English text."""
    found = []
    for m in _EN_NUMBER.finditer(text):
        if m.group(1):
            value = float(re.sub(r"[,\s\u00a0\u202f]", "", m.group(1)))
            if m.group(2):
                value *= _EN_SCALE[m.group(2).lower()]
            found.append(canonical(value))
        else:
            value = _en_words_value(m.group(3).lower())
            if value is not None:
                found.append(canonical(value))
    return found


def _en_words_value(phrase: str) -> int | None:
    words = [w for w in re.split(r"[\s-]+", phrase) if w != "and"]
    if words in (["one"], ["zero"]) or (len(words) == 1 and words[0] in _EN_SCALE):
        return None
    total, current = 0, 0
    for word in words:
        if word in _EN_SMALL:
            current += _EN_SMALL[word]
        elif word in _EN_TENS:
            current += _EN_TENS[word]
        elif word in _EN_ORDINAL:
            current += _EN_ORDINAL[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _EN_SCALE[word]
            current = 0
    return total + current
