"""English equivalents of Chinese terms from aligned pairs (shuyu.termbase.equivalents, shuyu.text.en).

The pairs are real: an excerpt of the UN Parallel Corpus devset and the SDG targets
(tests/fixtures/equivalents/SOURCE.txt).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from shuyu.termbase.equivalents import CONFIDENT, find_equivalents, shared_english
from shuyu.text import cedict
from shuyu.text.en import acronym_definitions, is_noun_phrase, lookup_key, noun_phrases

FIXTURE = Path(__file__).parent / "fixtures" / "equivalents" / "pairs.tsv"
TERMS = [
    "最不发达国家",
    "发达国家",
    "发展中国家",
    "小岛屿发展中国家",
    "内陆发展中国家",
    "国内生产总值",
    "国内总产值",
    "会员国",
    "荒漠化",
]


@pytest.fixture(scope="session")
def pairs() -> list[tuple[str, str, str]]:
    with open(FIXTURE, encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        return [tuple(row) for row in rows]


@pytest.fixture(scope="session")
def results(pairs):
    return find_equivalents(pairs, TERMS)


def best(results, term: str) -> str:
    return results[term].best.english


def test_longer_term_takes_the_longer_phrase_and_leaves_the_shorter(results):
    assert best(results, "最不发达国家") == "least developed countries"
    assert best(results, "发达国家") == "developed countries"
    assert best(results, "发展中国家") == "developing countries"
    assert best(results, "内陆发展中国家") == "landlocked developing countries"


def test_nested_chinese_term_counts_only_where_it_stands_alone(pairs, results):
    alone = [zh for _, zh, _ in pairs if "发达国家" in zh.replace("最不发达国家", "")]
    assert results["发达国家"].pairs == len(alone)
    assert results["最不发达国家"].pairs == sum("最不发达国家" in zh for _, zh, _ in pairs)


def test_display_keeps_un_capitalisation(results):
    assert best(results, "小岛屿发展中国家") == "small island developing States"
    assert best(results, "会员国") == "Member States"


def test_equivalent_carries_counts_scores_and_source_pairs(pairs, results):
    ids = {pair_id for pair_id, _, _ in pairs}
    zh_of = {pair_id: zh for pair_id, zh, _ in pairs}
    en_of = {pair_id: en for pair_id, _, en in pairs}
    eq = results["小岛屿发展中国家"].best
    assert eq.count == results["小岛屿发展中国家"].pairs == 11
    assert 0.0 <= eq.confidence <= 1.0 and eq.confidence >= CONFIDENT
    assert eq.dice == pytest.approx(1.0) and eq.llr > 10
    assert 1 <= len(eq.evidence) <= 3 and set(eq.evidence) <= ids
    assert all("小岛屿发展中国家" in zh_of[i] and "small island developing States" in en_of[i] for i in eq.evidence)
    assert results["小岛屿发展中国家"].confident is eq


def test_term_never_seen_gets_an_empty_entry(results):
    assert results["荒漠化"].pairs == 0 and results["荒漠化"].best is None
    assert list(results) == TERMS


def test_defined_acronym_counts_as_its_long_form(results):
    gdp = results["国内生产总值"].best
    assert gdp.english == "gross domestic product" and gdp.acronym == "GDP"
    assert best(results, "国内总产值") == "gross domestic product"  # its only pair says "GDP"


def test_shared_english_signals_variants(results):
    shared = shared_english(results)
    signal = [s for s in shared if set(s.forms) == {"国内生产总值", "国内总产值"}]
    assert len(signal) == 1
    assert signal[0].key == lookup_key("gross domestic product") and signal[0].english == "gross domestic product"
    assert all(signal[0].evidence) and signal[0].confidence >= CONFIDENT
    # forms with different renderings are no signal
    assert not [s for s in shared if set(s.forms) == {"最不发达国家", "发达国家"}]


def test_shared_english_respects_the_confidence_floor(results):
    assert shared_english(results, min_confidence=1.01) == []


def test_candidates_are_noun_phrases_not_fragments():
    text = (
        "Developed countries to implement fully their official development assistance commitments, "
        "to least developed countries; ensure access to justice for all"
    )
    found = {" ".join(g) for g in noun_phrases(text)}
    assert {
        "least developed countries",
        "official development assistance",
        "Developed countries",
        "access to justice",
    } <= found
    assert (
        not {
            "least developed",
            "developed",
            "fully",
            "ensure access",
            "to least developed countries",
            "countries to implement",
            "assistance commitments, to",
        }
        & found
    )
    assert is_noun_phrase(["violence", "against", "women"])
    assert is_noun_phrase(["small", "island", "developing", "States"])
    assert not is_noun_phrase(["small", "island", "developing"])
    assert not is_noun_phrase(["the", "Member", "States"])
    assert not is_noun_phrase(["sustainable"])


def test_phrases_stop_at_punctuation_and_numbers():
    found = {" ".join(g) for g in noun_phrases("In 2013, tourism (GDP) accounted for 35 per cent")}
    assert "tourism" in found and "cent" in found
    assert not any("2013" in g or "tourism GDP" in g for g in found)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Member State", "Member States"),
        ("member states", "Member States"),
        ("country", "countries"),
        ("capacity-building", "capacity building"),
        ("non-governmental organization", "Non-governmental organizations"),
        ("SDG", "SDGs"),
        ("person with disabilities", "persons with disability"),
    ],
)
def test_lookup_key_ignores_case_and_number(a, b):
    assert lookup_key(a) == lookup_key(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("developed countries", "least developed countries"),
        ("state", "statement"),
        ("status", "state"),
        ("analysis", "analyst"),
    ],
)
def test_lookup_key_keeps_different_terms_apart(a, b):
    assert lookup_key(a) != lookup_key(b)


def test_acronym_definitions():
    text = (
        "the country's gross domestic product (GDP) rose; non-governmental organizations (NGOs) "
        "and the United Nations Development Programme (UNDP), and Women (see annex)"
    )
    assert list(acronym_definitions(text)) == [
        ("GDP", "gross domestic product"),
        ("NGO", "non-governmental organizations"),
        ("UNDP", "United Nations Development Programme"),
    ]


def test_cedict_keeps_every_sense():
    assert "member nation" in cedict.senses("会员国")
    assert "development" in cedict.senses("发展") and "to develop" in cedict.senses("发展")
    assert cedict.senses("會員國") == cedict.senses("会员国")  # traditional headwords too
    assert cedict.senses("不是一个词语") == ()


def test_empty_sides_and_no_pairs_give_empty_entries():
    assert find_equivalents([], ["会员国"])["会员国"].pairs == 0
    empty_english = find_equivalents([("p1", "会员国应当报告。", ""), ("p2", "会员国", "—")], ["会员国"])["会员国"]
    assert empty_english.pairs == 2 and empty_english.best is None
    assert find_equivalents([("p1", "", "Member States")], []) == {}


# Pairs of the UN Parallel Corpus devset (fixtures/equivalents/SOURCE.txt), copied unchanged.
CHEMICALS_CONVENTIONS = [
    (
        "2015/unep/chw_12/20#67:1",
        "决定 通过其相关附属机构等方式向执行委员会提供为实施《巴塞尔公约》、《鹿特丹公约》和《斯德哥尔摩公约》而在国家一级开展的机构加强工作的优先领域的建议，并探讨与特别方案合作的其他可能领域；",
        "Decides to provide, including through its relevant subsidiary bodies, recommendations to the Executive Board on priority areas for institutional strengthening at the national level for the Basel, Rotterdam and Stockholm conventions and to explore other possible areas of cooperation with the special programme;",
    ),
    (
        "2015/unep/chw_12/20#65:1",
        "认识到 持续审查和评估《巴塞尔公约》、《鹿特丹公约》和《斯德哥尔摩公约》的执行情况是相应缔约方大会的责任；",
        "Recognizes that it is the responsibility of the respective conferences of the parties to keep under continuous review and evaluation the implementation of the Basel, Rotterdam and Stockholm conventions;",
    ),
    (
        "2015/unep/chw_12/20#57:1",
        "在与全球环境基金就《斯德哥尔摩公约》财务机制有关事项展开互动交流的过程中，秘书处发挥了其在《巴塞尔公约》和《鹿特丹公约》下的促进作用。",
        "The Secretariat has performed its facilitating role under the Basel and Rotterdam conventions in the context of its interactions with the Global Environment Facility on matters related to the financial mechanism of the Stockholm Convention.",
    ),
    (
        "2015/unep/fao/rc/cop_7/19#131:1",
        "本谅解备忘录的生效不妨碍环境署、粮农组织和《鹿特丹公约》或其他相关多边环境协定今后可能达成的任何行政安排。",
        "The present Memorandum of Understanding is entered into without prejudice to any administrative arrangements which might be agreed upon between UNEP, the FAO and the Rotterdam Convention or any other relevant multilateral environmental agreements in the future.",
    ),
    (
        "2015/unep/chw_12/20#44:1",
        "该段进一步请秘书处就开发项目加强与其他相关国际和区域组织及捐助方之间的合作；并探讨进一步开展联合活动，为执行《巴塞尔公约》、《鹿特丹公约》和《斯德哥尔摩公约》调集资源。",
        "It further requested the Secretariat to strengthen cooperation with other relevant international and regional organizations and donors with the aim of developing projects and to explore further joint activities to mobilize resources for the implementation of the Basel, Rotterdam and Stockholm conventions.",
    ),
    (
        "2015/unep/chw_12/13#129:1",
        "《鹿特丹公约》专项活动包括：",
        "Activities specific to the Rotterdam Convention included:",
    ),
    (
        "2015/unep/chw_12/13#153:1",
        "于接到缔约方请求时，为执行《巴塞尔公约》、《鹿特丹公约》和《斯德哥尔摩公约》涉及的其他问题提供支持。",
        "Other issues to support the implementation of the Basel Convention, the Rotterdam Convention and the Stockholm Convention, upon requests by parties.",
    ),
]


def test_english_holding_the_head_beats_a_fragment_without_it():
    """公约 (convention) is the head of 鹿特丹公约: "Rotterdam", which goes with it in more pairs (the Basel,
    Rotterdam and Stockholm conventions), lacks it; "Rotterdam Convention" holds it and is confident."""
    result = find_equivalents(CHEMICALS_CONVENTIONS, ["鹿特丹公约", "斯德哥尔摩公约"])["鹿特丹公约"]
    fragment = next(e for e in result.equivalents if e.english == "Rotterdam")
    assert result.best.english == "Rotterdam Convention" and result.best.count < fragment.count
    assert result.confident is result.best
