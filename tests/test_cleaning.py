"""Each cleaning rule, on real lines of the seed documents."""

from __future__ import annotations

import pytest

from conftest import CORPUS, FIXTURES
from shuyu.corpus import parse_document, read_file
from shuyu.corpus.cleaning import normalise_spacing_and_punctuation, remove_footnote_markers
from shuyu.corpus.reading import RawText
from shuyu.corpus.tracked import Tracked


def parse_text(text: str, name: str = "t.txt"):
    return parse_document(RawText(FIXTURES / name, text, "utf-8", "0"))


def texts(text: str) -> list[str]:
    return [p.text for p in parse_text(text).paragraphs]


@pytest.fixture(scope="module")
def wrapped():
    return parse_document(read_file(FIXTURES / "wrapped_2010_excerpt.txt"))


def test_hard_line_breaks_inside_words_are_joined(wrapped):
    # 001: "…科学和技术促进发展委" / blank line / "员会工作的审查的 2006 年 7月 28 日…"
    second = wrapped.paragraphs[1].text
    assert "科学和技术促进发展委员会工作的审查" in second
    assert second.endswith("授予委员会的任务，")


def test_paragraph_starts_are_kept_apart(wrapped):
    assert [p.number for p in wrapped.paragraphs][-3:] == ["1.", "2.", "3."]
    assert wrapped.paragraphs[0].text == "回顾信息社会世界首脑会议的成果文件，"


def test_heading_after_a_full_line_is_not_glued_on(wrapped):
    assert wrapped.paragraphs[6].text.endswith("上述报告，")
    assert wrapped.paragraphs[7].kind == "heading"
    assert wrapped.paragraphs[7].text == "清点工作：审查信息社会世界首脑会议成果的执行情况"


def test_footnote_block_is_moved_out_of_the_text(wrapped):
    assert [(f.number, f.text) for f in wrapped.footnotes][1:] == [(2, "A/65/64-E/2010/12。"), (3, "E/CN.16/2010/3。")]
    assert not any("E/CN.16/2010/3" in p.text for p in wrapped.paragraphs)
    assert not any("____" in p.text for p in wrapped.paragraphs)


def test_bare_digit_markers_after_punctuation_and_inside_text(wrapped):
    assert wrapped.paragraphs[0].footnote_refs == [1]  # 成果文件，1
    third = wrapped.paragraphs[-1]  # 进展的报告 2 所述
    assert "进展的报告所述区域委员会" in third.text and third.footnote_refs == [2]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("大会 2011 年 9 月 16 日第 2 次全体会议", "大会2011年9月16日第2次全体会议"),
        ("请大会在 2015 年对成果文件执行情况进行全面审查", "请大会在2015年对成果文件执行情况进行全面审查"),
        ("回顾其第 68/198 号决议，1", "回顾其第68/198号决议，"),
    ],
)
def test_real_numbers_survive_marker_removal(line, expected):
    tracked, refs = remove_footnote_markers(Tracked.from_raw(line), {1, 2}, superscript_style=False)
    assert normalise_spacing_and_punctuation(tracked).text == expected


def test_superscript_markers_are_removed():
    # 002: 第一阶段会议通过¹ 并经大会认可² 的《原则宣言》
    doc = parse_text("还回顾信息社会世界首脑会议第一阶段会议通过¹ 并经大会认可² 的《原则宣言》，\n\n¹ 见 A/C.2/59/3，附件。\n")
    assert doc.paragraphs[0].text == "还回顾信息社会世界首脑会议第一阶段会议通过并经大会认可的《原则宣言》，"
    assert doc.paragraphs[0].footnote_refs == [1, 2]
    assert doc.footnotes[0].text == "见A/C.2/59/3，附件。"


def test_markdown_residue():
    # 002: 1. **确认**信息和通信技术具有潜力 … ; 004: 见 [A/C.2/59/3](#)，附件。
    doc = parse_text("1. **确认**信息和通信技术具有潜力；\n\n见 [A/C.2/59/3](#)，附件。\n")
    assert [p.text for p in doc.paragraphs] == ["确认信息和通信技术具有潜力；", "见A/C.2/59/3，附件。"]


def test_stray_spaces_inside_chinese():
    # 002: 又回顾 大会关于千年发展目标的高级别全体会议
    assert texts("又回顾 大会关于千年发展目标的高级别全体会议及其成果文件，") == ["又回顾大会关于千年发展目标的高级别全体会议及其成果文件，"]


def test_half_width_punctuation_in_chinese():
    # 000: 在 11 月 10 日第 34 次会议上, 阿根廷代表(…)介绍了…决议草案(A/C. 2/66/L. 21), 内容如下:
    line = "5. 在 11 月 10 日第 34 次会议上, 阿根廷代表介绍了决议草案(A/C. 2/66/L. 21), 内容如下:"
    assert texts(line) == ["在11月10日第34次会议上，阿根廷代表介绍了决议草案(A/C.2/66/L.21)，内容如下："]


def test_half_width_comma_in_numbers_and_urls_is_kept():
    assert texts("可查阅：https://www.un.org/en/ga，共 1,000 人。") == ["可查阅：https://www.un.org/en/ga，共1,000人。"]


def test_full_width_ascii_folds():
    assert texts("回顾其第ＡＲＥＳ６８号文件Ａ/ＲＥＳ/６８/１９８，") == ["回顾其第ARES68号文件A/RES/68/198，"]


def test_traditional_text_is_converted_and_original_kept():
    doc = parse_document(read_file(FIXTURES / "traditional_2013.txt"))
    assert doc.metadata.script == "Hant"
    assert doc.paragraphs[1].text.startswith("重申世界首脑会议所阐述的原则，即因特网")
    assert "首腦會議" in doc.raw.text


def test_page_break_across_a_footnote_block_is_joined():
    # 003: "…以便总结在执行信息社会世界首脑会" / "¹ 见 A/60/687。" / "议成果文件方面取得的进展，…"
    text = (
        "欢迎各国政府、私营部门、民间社会提供各种建设性投入，以便总结在执行信息社会世界首脑会\n\n"
        "¹ 见 A/60/687。\n\n\n\n议成果文件方面取得的进展，处理信息和通信技术方面的潜在差距，\n"
    )
    assert texts(text) == ["欢迎各国政府、私营部门、民间社会提供各种建设性投入，以便总结在执行信息社会世界首脑会议成果文件方面取得的进展，处理信息和通信技术方面的潜在差距，"]


def test_page_break_after_enumeration_comma_is_joined():
    # 000: “7. 又确认…如资源、基础设施、教育、 / 能力、投资和连通能力不足…
    text = "“7. 又确认当前迫切需要消除主要障碍，如资源、基础设施、教育、\n\n能力、投资和连通能力不足以及相关的各种问题；\n"
    doc = parse_text(text)
    assert len(doc.paragraphs) == 1 and doc.paragraphs[0].number == "7."
    assert doc.paragraphs[0].text == "“又确认当前迫切需要消除主要障碍，如资源、基础设施、教育、能力、投资和连通能力不足以及相关的各种问题；"


def test_cleaned_offsets_lead_back_to_the_raw_line_and_column(wrapped):
    paragraph = wrapped.paragraphs[1]
    offset = paragraph.text.index("员会工作")
    line, col = wrapped.raw_position(paragraph, offset)
    raw_line = wrapped.raw.text.splitlines()[line - 1]
    assert raw_line[col - 1 :].startswith("员会工作的审查的")


def test_cleaned_2010_document_has_no_sentence_broken_across_paragraphs():
    doc = parse_document(read_file(CORPUS / "001_6c775661e3a70600.txt"))
    for p in doc.paragraphs:
        if p.kind == "paragraph":
            assert p.text[-1] in "，。；：", p.text
        else:
            assert len(p.text) <= 40, p.text
    numbers = [p.number for p in doc.paragraphs if p.number and p.number[0].isdigit()]
    assert numbers == [f"{n}." for n in range(1, 39)]
