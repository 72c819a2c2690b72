"""Numbers as values, on SDG target wordings (A/RES/70/1) in both languages."""

from __future__ import annotations

import pytest

from shuyu.lint.checks import numbers
from shuyu.text.numbers import chinese_number, quantities


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("全球孕产妇每10万例活产的死亡率降至70人以下", "less than 70 per 100,000 live births"),  # 万
        ("新生儿每1 000例活产的死亡率至少降至12例", "as low as 12 per 1,000 live births"),  # space separator
        ("消除新生儿和5岁以下儿童可预防的死亡", "children under 5 years of age"),
        ("确保所有女童和男童在五岁之前获得优质幼儿发展", "children under five years of age"),  # 五岁
        ("距离全季节通行道路两公里以内的农村人口比例", "within 2 km of an all-season road"),  # 两公里
        ("落实《可持续消费和生产模式十年方案框架》", "the 10-Year Framework of Programmes"),  # 十年
        ("落实《可持续消费和生产模式十年方案框架》", "a ten-year framework"),
        (
            "到2020年每年从各种渠道共同筹资1000亿美元",
            "mobilizing jointly $100 billion annually by 2020",
        ),  # 亿, currency
        ("每100万人口中的研发人员数量", "per 1 million people"),
        ("占国民总收入至少0.2%的官方发展援助", "at least 0.20 per cent of ODA/GNI"),  # percentage
        ("百分之五十", "50 per cent"),
        ("将非传染性疾病导致的过早死亡减少三分之一", "reduce by one third premature mortality"),
        ("减少二氧化碳排放", "reduce CO2 emissions"),  # a formula digit is not a number
        ("２０３０年", "by 2030"),  # full-width digits
        ("二〇三〇年", "2030"),
        ("大会第二委员会", "the Second Committee"),
        ("2015年12月16日第70/125号决议", "resolution 70/125 of 16 December 2015"),
    ],
)
def test_one_quantity_written_two_ways(zh, en):
    assert numbers(zh) == numbers(en)  # what the number-mismatch check compares


def test_formula_and_words_that_are_not_quantities():
    for text in (
        "CO2",
        "二氧化碳",
        "一些国家",
        "成员之一",
        "千年发展目标",
        "数百万人",
        "millions of people",
        "one of the goals",
        "三角合作",
        "零售和消费环节",
        "零饥饿",
        "Zero hunger",
    ):
        assert not quantities(text), text


def test_chinese_numerals():
    assert [chinese_number(t) for t in ("六十六", "两", "一百零一", "十万", "一千五百亿", "二〇一五", "一二")] == [
        66,
        2,
        101,
        100000,
        150000000000,
        2015,
        None,
    ]


def test_a_real_mismatch_is_still_found():
    missing = numbers("less than 70 per 100,000 live births") - numbers("每1万例活产的死亡率降至70人以下")
    assert list(missing) == ["100000"]
    assert list(numbers("resolution 70/125") - numbers("第70/12号决议")) == ["70/125"]
