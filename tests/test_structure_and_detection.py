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
