"""Paragraph numbers, sentences and metadata detection."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from shuyu.corpus import parse_document, read_file
from shuyu.corpus.detect import chinese_number, detect_language, find_symbols
from shuyu.corpus.structure import split_number, split_sentences


@pytest.mark.parametrize(
    "text, number",
    [
        ("1. 注意到", "1."),
        ("(a) 涉及因特网", "(a)"),
        ("一. 引言", "一."),
        ("1.1 弥合数字鸿沟", "1.1"),
        ("回顾其第 56/183 号决议", None),
        ("68/198. 信息和通信技术促进发展", None),
        ("2010/2", None),
    ],
)
def test_paragraph_numbers(text, number):
    assert split_number(text)[0] == number


def test_sentences_end_after_closing_quote_and_not_at_semicolon():
    text = "决定将题为“信息和通信技术促进发展”的项目列入议程。”又确认(a) 资源；(b) 能力。"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "决定将题为“信息和通信技术促进发展”的项目列入议程。”",
        "又确认(a) 资源；(b) 能力。",
    ]


def test_english_sentences_keep_abbreviations():
    text = "See document A/RES/68/198, para. 5. The Assembly decided. It met in No. 3 room."
    spans = split_sentences(text, "en")
    assert [text[s:e] for s, e in spans] == [
        "See document A/RES/68/198, para. 5.",
        "The Assembly decided.",
        "It met in No. 3 room.",
    ]


@pytest.mark.parametrize("text, value", [("六十六", 66), ("七十", 70), ("七十六", 76), ("十三", 13), ("一百零一", 101)])
def test_chinese_numbers(text, value):
    assert chinese_number(text) == value


def test_symbols_are_found_whole():
    text = "秘书长的报告(A/66/64-E/2011/77)和决议草案A/C.2/76/L.56，见A/RES/68/198。"
    assert find_symbols(text) == ["A/66/64-E/2011/77", "A/C.2/76/L.56", "A/RES/68/198"]


def test_language_and_script():
    assert detect_language("信息社会世界首脑会议成果文件执行和后续行动") == ("zh", "Hans")
    assert detect_language("資訊社會世界高峰會議成果文件執行和後續行動") == ("zh", "Hant")
    assert detect_language("World Summit on the Information Society outcome documents") == ("en", "Latn")
    assert detect_language("12345 67/89 ----") == (None, None)


@pytest.mark.parametrize(
    "file, year, symbols, evidence",
    [
        ("001_6c775661e3a70600.txt", 2010, ["E/RES/2010/2"], "2010年7月19日"),
        ("000_a915c93aad8d3a2f.txt", 2011, ["A/C.2/66/L.21", "A/C.2/66/L.80"], "第六十六届会议"),
        ("002_0eaa1118d1539088.txt", 2013, ["A/RES/68/198"], "2013年12月20日大会决议"),
        ("003_c4c1ca5d1415297d.txt", 2015, [], "第七十届会议"),
        ("004_8993c199403075ac.txt", 2021, ["A/C.2/76/L.56"], "第七十六届会议"),
    ],
)
def test_seed_metadata_is_detected_from_the_text(file, year, symbols, evidence):
    meta = parse_document(read_file(CORPUS / file)).metadata
    assert (meta.lang, meta.year, meta.symbols) == ("zh", year, symbols)
    assert evidence in meta.evidence["year"] or evidence in meta.evidence.get("date", "")


def test_what_the_text_does_not_say_is_not_guessed():
    from shuyu.corpus.reading import RawText

    meta = parse_document(
        RawText(CORPUS / "x.txt", "注意到数字鸿沟依然存在，又确认加强合作的重要性。", "utf-8", "0")
    ).metadata
    assert meta.year is None and meta.symbols == [] and meta.session is None


def _kinds(text: str) -> dict[str, str]:
    from shuyu.corpus.reading import RawText

    document = parse_document(RawText(CORPUS / "x.txt", text, "utf-8", "0"))
    return {p.number or p.text: p.kind for p in document.paragraphs}


def test_short_items_of_a_numbered_list_of_sentences_are_paragraphs():
    """SDG targets: most 1.1 items read as sentences, so the short ones (3.6) are targets, not headings."""
    kinds = _kinds(
        "目标3. 确保各年龄段人群的健康生活方式,促进他们的福祉\n"
        "3.1 到2030年,全球孕产妇每10万例活产的死亡率降至70人以下\n"
        "3.2 到2030年,消除新生儿和5岁以下儿童可预防的死亡,各国争取将新生儿每1 000例活产的死亡率至少降至12例\n"
        "3.3 到2030年,消除艾滋病、结核病、疟疾和被忽视的热带疾病等流行病,抗击肝炎、水传播疾病和其他传染病\n"
        "3.4 到2030年,通过预防、治疗及促进身心健康,将非传染性疾病导致的过早死亡减少三分之一\n"
        "3.6 到2020年,全球道路交通事故造成的死伤人数减半\n"
    )
    assert kinds["目标3.确保各年龄段人群的健康生活方式，促进他们的福祉"] == "heading"
    assert kinds["3.1"] == kinds["3.6"] == kinds["3.2"] == "paragraph"


def test_sections_of_a_report_stay_headings():
    kinds = _kinds(
        "1.1 引言\n\n1. 信息社会世界首脑会议的成果需要各利益攸关方的持续参与和合作。\n\n"
        "1.2 弥合数字鸿沟\n\n2. 数字鸿沟依然存在，发展中国家的因特网接入仍然有限。\n"
    )
    assert kinds["1.1"] == kinds["1.2"] == "heading"
    assert kinds["1."] == "paragraph"
