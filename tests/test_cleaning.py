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
    doc = parse_text(
        "还回顾信息社会世界首脑会议第一阶段会议通过¹ 并经大会认可² 的《原则宣言》，\n\n¹ 见 A/C.2/59/3，附件。\n"
    )
    assert doc.paragraphs[0].text == "还回顾信息社会世界首脑会议第一阶段会议通过并经大会认可的《原则宣言》，"
    assert doc.paragraphs[0].footnote_refs == [1, 2]
    assert doc.footnotes[0].text == "见A/C.2/59/3，附件。"


def test_markdown_residue():
    # 002: 1. **确认**信息和通信技术具有潜力 … ; 004: 见 [A/C.2/59/3](#)，附件。
    doc = parse_text("1. **确认**信息和通信技术具有潜力；\n\n见 [A/C.2/59/3](#)，附件。\n")
    assert [p.text for p in doc.paragraphs] == ["确认信息和通信技术具有潜力；", "见A/C.2/59/3，附件。"]


def test_stray_spaces_inside_chinese():
    # 002: 又回顾 大会关于千年发展目标的高级别全体会议
    assert texts("又回顾 大会关于千年发展目标的高级别全体会议及其成果文件，") == [
        "又回顾大会关于千年发展目标的高级别全体会议及其成果文件，"
    ]


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
    assert texts(text) == [
        "欢迎各国政府、私营部门、民间社会提供各种建设性投入，以便总结在执行信息社会世界首脑会议成果文件方面取得的进展，处理信息和通信技术方面的潜在差距，"
    ]


def test_page_break_after_enumeration_comma_is_joined():
    # 000: “7. 又确认…如资源、基础设施、教育、 / 能力、投资和连通能力不足…
    text = (
        "“7. 又确认当前迫切需要消除主要障碍，如资源、基础设施、教育、\n\n能力、投资和连通能力不足以及相关的各种问题；\n"
    )
    doc = parse_text(text)
    assert len(doc.paragraphs) == 1 and doc.paragraphs[0].number == "7."
    assert (
        doc.paragraphs[0].text
        == "“又确认当前迫切需要消除主要障碍，如资源、基础设施、教育、能力、投资和连通能力不足以及相关的各种问题；"
    )


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


# A GA resolution as pdftotext gives it: paragraph starts indented, continuations at the margin,
# each superscript note marker followed by a line break, the notes under a rule at the page bottom.
RESOLUTION_PDF = """\
第七十届会议
议程项目 19(c)
             2015 年 12 月 22 日大会决议
             [根据第二委员会的报告(A/70/472/Add.3)通过]
70/204. 国际减少灾害战略
    大会，
    回顾其 1989 年 12 月 22 日第 44/236 号、2001 年 12 月 21 日第 56/195 号和
2014 年 12 月 19 日第 69/219 号决议，
    重申 2015 年 3 月 18 日第三次联合国世界减少灾害风险大会通过的《2015-2030
年仙台减少灾害风险框架》1
以及《2030 年可持续发展议程》2 ，
    又重申《发展筹资问题第三次国际会议亚的斯亚贝巴行动议程》3，
    注意到秘书长关于国际减少灾害战略执行情况的报告；4
其中介绍了《框架》的初步执行情况，
    1. 欢迎各会员国努力执行《2015-2030 年仙台减少灾害风险框架》；
    2. 请秘书长向大会第七十一届会议提交一份关于本决议执行情况的报告。
_______________
1 第 69/283 号决议，附件二。
2 第 70/1 号决议。
3 第 69/313 号决议，附件。
4 A/70/282。
"""


def test_note_marker_at_a_line_end_does_not_stop_the_sentence():
    doc = parse_text(RESOLUTION_PDF)
    by_start = {p.text[:4]: p for p in doc.paragraphs}
    reaffirm = by_start["重申20"]
    assert reaffirm.text == (
        "重申2015年3月18日第三次联合国世界减少灾害风险大会通过的《2015-2030年仙台减少灾害风险框架》"
        "以及《2030年可持续发展议程》，"
    )
    assert reaffirm.footnote_refs == [1, 2]
    assert (
        by_start["注意到秘"].text
        == "注意到秘书长关于国际减少灾害战略执行情况的报告；其中介绍了《框架》的初步执行情况，"
    )
    assert by_start["注意到秘"].footnote_refs == [4]
    assert by_start["回顾其1"].text.endswith("第56/195号和2014年12月19日第69/219号决议，")
    assert [p.number for p in doc.paragraphs if p.number] == ["1.", "2."]
    assert len(doc.paragraphs) == 12  # as printed: 4 header lines, title, 大会，, 4 preambular, 2 operative


# Indicators pasted as text, one per line, without numbers or final punctuation (SDG indicators 1.1.1–1.5.3).
INDICATORS = """\
按性别、年龄、就业状况和地理位置（城市/农村）分列的生活在国际贫困线以下的人口比例
按性别和年龄分列的生活在国家贫困线以下的人口比例
按国家定义划分的生活在各种层面贫困中的各年龄段男女和儿童的比例
按性别分列的社会保障最低标准/制度覆盖人口比例，区分儿童、失业者、老年人、残疾人、孕妇、新生儿、工伤受害者以及穷人和弱势群体
生活在可获得基本服务的家庭中的人口比例
拥有有保障的土地使用权的成年人总数中，(a)拥有法律认可的文件，(b)认为其土地权利有保障的成年人比例，按性别和使用权类型分列
每10万人当中因灾害死亡、失踪和直接受影响的人数
与全球国内生产总值相关的灾害直接经济损失
采用和实施符合《2015-2030年仙台减少灾害风险框架》的国家减少灾害风险战略的国家数目
根据国家减少灾害风险战略采用和实施地方减少灾害风险战略的地方政府比例
"""


def test_one_item_per_line_is_not_run_on():
    assert texts(INDICATORS) == [line for line in INDICATORS.splitlines()]


def test_numbered_items_and_unnumbered_long_items_alternate():
    lines = [f"{i}.1 {line}" if i % 2 else line for i, line in enumerate(INDICATORS.splitlines(), 1)]
    assert len(parse_text("\n".join(lines)).paragraphs) == len(lines)


VOTING_RECORD = """\
第七十届会议
议程项目 72(c)
2015 年 12 月 17 日大会决议
[根据第三委员会的报告(A/70/489/Add.3)通过]
记录表决，104 票赞成，13 票反对，47 票弃权，投票情况如下：
赞成：
阿尔巴尼亚、安道尔、阿根廷、亚美尼亚、澳大利亚、奥地利、比利时、伯利兹、贝宁、波斯尼亚和黑塞哥维那、博茨瓦纳、巴西、保加利亚、加拿大、智利、哥伦比亚
反对：
白俄罗斯、中国、古巴、朝鲜民主主义人民共和国、伊朗伊斯兰共和国、俄罗斯联邦、苏丹、叙利亚阿拉伯共和国、委内瑞拉玻利瓦尔共和国、津巴布韦
弃权：
阿尔及利亚、安哥拉、孟加拉国、布隆迪、柬埔寨、喀麦隆、科摩罗、刚果、埃及、埃塞俄比亚、加蓬、冈比亚、印度、印度尼西亚、肯尼亚、老挝人民民主共和国、南非、斯里兰卡、越南
70/234. 叙利亚阿拉伯共和国人权状况
大会，
"""


def test_resolution_title_line_is_not_glued_to_the_voting_record():
    doc = parse_text(VOTING_RECORD)
    assert doc.paragraphs[-3].text.endswith("斯里兰卡、越南")
    assert doc.paragraphs[-2].text == "70/234.叙利亚阿拉伯共和国人权状况"
    meta = doc.metadata
    assert meta.symbols == ["A/RES/70/234"]
    assert (meta.session, meta.year, meta.type) == (70, 2015, "resolution")
    assert meta.title == "叙利亚阿拉伯共和国人权状况"
