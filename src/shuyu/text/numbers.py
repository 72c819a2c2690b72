"""Numbers as values, so that a Chinese text and its English source can be compared.

A translation writes one quantity in many ways: 10万 = 100,000, 1000亿美元 =
$100 billion, 两公里 = 2 km, 五岁 = five years, 百分之五 = 5 per cent, 三分之一
= one third, "1 000" = 1,000, ０.２ = 0.20.  ``quantities`` reads digits (with
thousands separators, full-width forms, 万/亿 and million/billion scales),
Chinese numerals where they count something, English number words, fractions
and month names next to a date, and returns each value in one canonical form.
Digits that belong to a name rather than a quantity are not numbers: a
chemical formula or code (CO2, G20, PM2.5) and the numbers inside a UN
resolution number (70/125 stays one token).

Deliberately not counted: the bare "one"/一 (a pronoun or article far more
often than a quantity: 之一, 一些, "one of") and the bare "zero"/零 (names:
零饥饿 = Zero hunger; words: 零售), a scale word standing alone
(千年 is the Millennium, "millions of people" is no figure), and numerals after
数/几/若干 (数百万 is "millions").
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

from shuyu.text.zh import normalise

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
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
_ZH_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG_UNITS = {"万": 10**4, "亿": 10**8}
ZH_NUMERAL = "零〇一二两三四五六七八九十百千万亿"  # the characters Chinese writes numbers with
# What a Chinese numeral counts when it stands for a quantity (五岁, 两公里, 十年, 三项); generous on purpose:
# a numeral that is part of a word (一些, 二氧化碳, 三角) is followed by none of these.
_ZH_COUNTED = set("岁年个项名人次倍种类国条款段届周天月日时分秒公千米吨度元美欧亿万部份所座家级期批轮例")
_ZH_APPROXIMATE = "数几若"

_EN_UNITS = {
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
    w: 10 * i for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2)
}
_EN_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_EN_ORDINALS = {
    w: i
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
        ],
        1,
    )
}
_EN_ORDINALS.update({w[:-1] + "ieth": v for w, v in _EN_TENS.items()})  # twentieth … ninetieth
_EN_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}
MONTHS = [  # English month names, lower case (dates in UN texts: 16 December 2015)
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]

_EN_WORD = "|".join(sorted([*_EN_UNITS, *_EN_TENS, *_EN_SCALES], key=len, reverse=True))
_DIGITS = r"(?<![\d.])(?:\d{1,3}(?:(?:,|\s)\d{3})+(?![\d])|\d+)(?:\.\d+)?"
_TOKEN = re.compile(
    rf"(?P<resolution>(?<![A-Za-z0-9/])\d+(?:/\d+)+)"
    rf"|(?P<code>(?<![A-Za-z])[A-Za-z]+\d[\w.]*)"  # CO2, G20, PM2.5: a formula or a name, not a quantity
    rf"|(?P<percent_zh>百分之(?P<pct>{_DIGITS}|[{ZH_NUMERAL}]+))"
    rf"|(?P<fraction_zh>(?P<den>\d+|[{ZH_NUMERAL}]+)分之(?P<num>\d+|[{ZH_NUMERAL}]+))"
    rf"|(?P<fraction_en>\b(?P<fnum>a|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    rf"(?P<fden>{'|'.join(_EN_FRACTIONS)})\b)"
    rf"|(?P<digits>{_DIGITS})(?:\s*(?P<zh_scale>万亿|千亿|百亿|十亿|亿|千万|百万|十万|万)"
    rf"|\s+(?P<en_scale>hundred|thousand|million|billion|trillion)\b)?"
    rf"|(?P<zh>[{ZH_NUMERAL}]+)"
    rf"|(?P<ordinal>\b(?:(?P<otens>{'|'.join(_EN_TENS)})[\s-]+)?(?:{'|'.join(_EN_ORDINALS)})\b)"  # sixty-ninth
    rf"|(?P<en>\b(?:{_EN_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_EN_WORD}))*\b)"
    rf"|(?P<month>\b(?:{'|'.join(MONTHS)})\b)"  # matched on lower-cased text: twice as fast as IGNORECASE
)
_START = re.compile(rf"[0-9{ZH_NUMERAL}]|(?<![a-z])[a-z]")  # where an alternative of _TOKEN can begin
_KINDS = ("resolution", "code", "percent_zh", "fraction_zh", "fraction_en", "digits", "zh", "en", "ordinal", "month")


def quantities(text: str) -> Counter:
    """The numbers of ``text`` as canonical values ("100000", "0.2", "0.3333", "70/125"), with counts."""
    return Counter(value for _, _, value in spans(text))


def spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical value) of each number of ``text`` in order, offsets into ``text`` itself."""
    text = normalise(text).replace("\u2010", "-").replace("\u2011", "-")  # one character for one: offsets hold
    lower = text.lower()
    if len(lower) != len(text):  # İ lower-cases to two characters
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found, pos = [], 0
    while start := _START.search(lower, pos):  # the token regex tried only where a number can begin
        m = _TOKEN.match(lower, start.start())
        if m is None or m.end() == m.start():
            pos = start.start() + 1
            continue
        if (value := _value(m, lower)) is not None:
            found.append((m.start(), m.end(), value))
        pos = m.end()
    return found


def _value(m: re.Match, text: str) -> str | None:
    kind = next(k for k in _KINDS if m.group(k) is not None)
    if kind == "resolution":
        return m.group()
    if kind == "code":
        return None
    if kind == "percent_zh":
        return _canonical(_number_or_numeral(m.group("pct")))
    if kind == "fraction_zh":
        den, num = _number_or_numeral(m.group("den")), _number_or_numeral(m.group("num"))
        return _fraction(num, den)
    if kind == "fraction_en":
        num = 1 if m.group("fnum").lower() in ("a", "one") else _EN_UNITS[m.group("fnum").lower()]
        return _fraction(Decimal(num), Decimal(_EN_FRACTIONS[m.group("fden").lower()]))
    if kind == "digits":
        value = _decimal(m.group("digits"))
        scale = m.group("zh_scale") or m.group("en_scale")
        if scale:
            value *= _chinese_scale(scale) if m.group("zh_scale") else _EN_SCALES[scale.lower()]
        return _canonical(value)
    if kind == "zh":
        return _chinese_quantity(m, text)
    if kind == "en":
        words = re.split(r"[\s-]+", m.group().lower())
        words = [w for w in words if w != "and"]
        if words in (["one"], ["zero"]) or all(w in _EN_SCALES for w in words):
            return None  # "one of", "zero hunger", "millions of": no figure
        return _canonical(Decimal(english_number(words)))
    if kind == "ordinal":
        tens = m.group("otens")
        last = re.split(r"[\s-]+", m.group().lower())[-1]
        return _canonical(Decimal(_EN_ORDINALS[last] + (_EN_TENS[tens.lower()] if tens else 0)))
    # A month name counts only inside a date (16 December 2015 ↔ 2015年12月16日).
    near = text[max(0, m.start() - 4) : m.end() + 6]
    if re.search(rf"\d\s*{m.group()}|{m.group()}\s*\d", near):
        return _canonical(Decimal(MONTHS.index(m.group().lower()) + 1))
    return None


def _chinese_quantity(m: re.Match, text: str) -> str | None:
    numeral = m.group("zh")
    before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
    if before and before in _ZH_APPROXIMATE:
        return None
    if all(ch in _ZH_SMALL_UNITS or ch in _ZH_BIG_UNITS for ch in numeral) and numeral != "十":
        return None  # 千年 (the Millennium), 万一, 百万 alone: no figure
    if len(numeral) == 1 and before != "第" and after not in _ZH_COUNTED:
        return None  # a numeral inside a word: 二氧化碳, 三角合作, 五大洲
    value = chinese_number(numeral)
    if value is None or (value == 1 and before != "第"):
        return None
    return _canonical(Decimal(value))


def chinese_number(text: str) -> int | None:
    """六十六 → 66, 两 → 2, 一百零一 → 101, 十万 → 100000, 一千五百亿 → 150000000000, 二〇三〇 → 2030;
    None if malformed."""
    if len(text) >= 3 and all(ch in _ZH_DIGITS for ch in text):
        return int("".join(str(_ZH_DIGITS[ch]) for ch in text))  # a year read digit by digit
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in "零〇":
            continue  # a placeholder inside a number: 一百零一
        if ch in _ZH_DIGITS:
            if digit is not None:
                return None  # 一二: not a number
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_SMALL_UNITS:
            section += (digit if digit is not None else 1) * _ZH_SMALL_UNITS[ch]
            digit = None
        elif ch in _ZH_BIG_UNITS:
            section += digit or 0
            total = (
                (total + (section or 1)) * _ZH_BIG_UNITS[ch]
                if ch == "亿"
                else total + (section or 1) * _ZH_BIG_UNITS[ch]
            )
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def english_number(words: list[str]) -> int:
    """["two", "hundred", "fifty"] → 250, ["one", "million"] → 1000000."""
    total, current = 0, 0
    for word in words:
        if word in _EN_UNITS:
            current += _EN_UNITS[word]
        elif word in _EN_TENS:
            current += _EN_TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * _EN_SCALES[word]
            current = 0
    return total + current


def _chinese_scale(scale: str) -> int:
    return chinese_number("一" + scale) or 1


def _number_or_numeral(text: str) -> Decimal:
    if text[0].isdigit():
        return _decimal(text)
    value = chinese_number(text)
    return Decimal(value if value is not None else 0)


def _decimal(digits: str) -> Decimal:
    try:
        return Decimal(re.sub(r"[,\s]", "", digits))
    except InvalidOperation:
        return Decimal(0)


def _fraction(num: Decimal, den: Decimal) -> str | None:
    return _canonical(round(num / den, 4)) if den else None


def _canonical(value: Decimal) -> str:
    """One spelling per value: 0.20 → 0.2, 1E+5 → 100000."""
    return format(value.normalize(), "f")
