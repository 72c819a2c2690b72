"""zh–en alignment (shuyu.align) through its public API, on real SDG targets (tests/fixtures/align)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shuyu.align import (
    align_corpus,
    align_documents,
    align_sentences,
    assess,
    to_beads,
    to_json,
    to_tsv,
)
from shuyu.align.anchors import anchor_pairs, number_key
from shuyu.align.lexicon import cedict
from shuyu.errors import InputError
from shuyu.model.bitext import LOW_CONFIDENCE
from shuyu.text.numbers import spans

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "align"


@pytest.fixture(scope="session", autouse=True)
def _cache_home(tmp_path_factory):
    """The parsed CC-CEDICT cache goes to a temporary folder, not the user's ~/.cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


def _lines(lang: str) -> list[str]:
    return (FIXTURES / f"sdg_targets.{lang}.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="session")
def numbered() -> tuple[list[str], list[str]]:
    return _lines("zh"), _lines("en")


@pytest.fixture(scope="session")
def plain(numbered) -> tuple[list[str], list[str]]:
    """The targets without their numbers: only words, numbers inside the text and lengths are left."""
    zh, en = numbered
    return [t.split(" ", 1)[1] for t in zh], [t.split(" ", 1)[1] for t in en]


def _beads(pairs) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(p.zh_lines, p.en_lines) for p in pairs]


def test_one_to_one_targets_align_confidently(plain):
    zh, en = plain
    pairs = align_sentences(zh, en)
    assert _beads(pairs) == [((k,), (k,)) for k in range(len(zh))]
    assert all(p.confidence >= LOW_CONFIDENCE for p in pairs)
    assert pairs[0].zh == zh[0] and pairs[0].en == en[0]
    assert assess(pairs).ok


def test_two_english_sentences_written_as_one_give_a_two_to_one_bead(plain):
    zh, en = plain
    merged = en[:4] + [en[4] + " " + en[5]] + en[6:]
    pairs = align_sentences(zh, merged)
    assert ((4, 5), (4,)) in _beads(pairs)
    assert ((3,), (3,)) in _beads(pairs) and ((6,), (5,)) in _beads(pairs)


def test_a_target_missing_in_english_is_left_unaligned(plain):
    zh, en = plain
    pairs = align_sentences(zh, en[:7] + en[8:])
    assert ((7,), ()) in _beads(pairs)
    assert ((8,), (7,)) in _beads(pairs)
    unaligned = next(p for p in pairs if p.zh_lines == (7,))
    assert unaligned.confidence == 0.0 and unaligned.low_confidence


def test_a_long_document_learns_from_itself_and_still_leaves_a_missing_target_out(plain):
    """Three copies of the targets: enough confident beads for the second pass (learned word pairs, skips priced by
    the first pass's share); a target missing in English is still left out, everything else stays 1–1."""
    zh, en = plain
    zh3, en3 = zh * 3, en * 3
    missing = len(zh) + 7
    pairs = align_sentences(zh3, en3[:missing] + en3[missing + 1 :])
    expected = [((k,), (k if k < missing else k - 1,)) for k in range(len(zh3)) if k != missing]
    assert [b for b in _beads(pairs) if b[0] != (missing,)] == expected
    assert ((missing,), ()) in _beads(pairs)
    assert assess(pairs).ok


def test_paragraph_numbers_anchor_documents(numbered):
    zh, en = numbered
    pairs = align_documents(zh, en[:10] + en[11:])  # target 2.3 missing in English
    by_zh = {p.zh_lines: p for p in pairs}
    assert by_zh[(10,)].en_lines == ()
    assert by_zh[(11,)].en_lines == (10,) and by_zh[(11,)].paragraph == zh[11].split(" ")[0]
    assert all(p.zh_lines == p.en_lines for p in pairs if p.zh_lines and p.zh_lines[0] < 10)


def test_un_numbering_keys_match_across_languages():
    assert number_key("一、导言") == number_key("I. Introduction") == "§1"
    assert number_key("十二、其他事项") == number_key("XII. Other matters")
    assert number_key("(a) 消除贫困；") == number_key("(a) End poverty;")
    assert number_key("1.a 确保") == number_key("1.a Ensure")
    assert number_key("１．大会") == number_key("1. The Assembly") == "1"  # full-width digits
    assert _beads(align_documents(["１. 确认2030年议程。又回顾。"], ["1. Recognizes the 2030 Agenda. Recalls."])) == [
        ((0,), (0,)),
        ((1,), (1,)),
    ]
    zh = ["一、导言", "1. 大会确认议程。", "(a) 消除贫困；", "(b) 减少不平等。", "2. 请秘书长提交报告。"]
    en = [
        "I. Introduction",
        "1. The Assembly recognizes the Agenda.",
        "(a) End poverty;",
        "(b) Reduce inequality.",
        "2. Requests the Secretary-General to report.",
    ]
    assert anchor_pairs(zh, en) == [(k, k) for k in range(5)]
    # (a) under 1. is not (a) under 2.: items are keyed by their paragraph.
    assert anchor_pairs(zh + ["(a) 年度报告。"], en + ["(a) An annual report."]) == [(k, k) for k in range(6)]
    assert anchor_pairs(zh + ["(a) 年度报告。"], en + ["(c) An annual report."]) == [(k, k) for k in range(5)]
    # A key found twice on one side anchors nothing.
    assert anchor_pairs(zh[:4] + ["(a) 年度报告。"], en[:4] + ["(c) An annual report."]) == [(0, 0), (1, 1), (3, 3)]


def test_numbers_are_normalised_on_both_sides():
    def values(text):
        return [v for _, _, v in spans(text)]

    assert values("到2030年,10万人,1000亿美元") == ["2030", "100000", "100000000000"]
    assert values("By 2030, 100,000 people, $100 billion") == ["2030", "100000", "100000000000"]
    assert values("第六十九届会议，二〇一五年") == ["69", "2015"]
    assert values("Sixty-ninth session, 1 000 cases, five years") == ["69", "1000", "5"]
    assert spans("统一一些") == [] and spans("one of the") == []


def test_english_abbreviations_and_items_do_not_end_sentences():
    zh = ["1. 根据第5号决议，例如联合国秘书长的报告(a)项所述，委员会通过了该报告。"]
    en = [
        (
            "1. Under resolution No. 5, e.g. as the U.N. Secretary-General's report states in item (a), "
            "the Committee adopted the report."
        )
    ]
    pairs = align_documents(zh, en)
    assert _beads(pairs) == [((0,), (0,))]


def test_mismatched_documents_get_low_confidence(plain):
    zh, en = plain
    pairs = align_sentences(zh[:10], en[10:])
    quality = assess(pairs)
    assert not quality.ok and "not look like translations" in quality.verdict
    assert sum(p.low_confidence for p in pairs) > 0.5 * len(pairs)
    unrelated = assess(align_sentences(zh[:10], ["The Security Council met on 5 May.", "Delegates left Geneva."]))
    assert unrelated.confidence < 0.3 and "not look like translations" in unrelated.verdict


def test_a_corpus_of_short_pairs_aligns_each_and_keeps_a_mismatched_one_doubtful(plain):
    zh, en = plain
    documents = [(zh[k : k + 4], en[k : k + 4]) for k in range(0, 20, 4)]
    documents.append((zh[:8], en[10:18]))  # not translations of each other
    aligned = align_corpus(documents)
    assert len(aligned) == len(documents)
    for pairs, (zh_part, _) in zip(aligned[:-1], documents[:-1], strict=True):
        assert _beads(pairs) == [((k,), (k,)) for k in range(len(zh_part))]
    mismatched = assess(aligned[-1])
    assert not mismatched.ok and "not look like translations" in mismatched.verdict


def test_chinese_passed_as_english_or_an_empty_side_is_refused(plain):
    zh, _ = plain
    with pytest.raises(InputError, match="English side is Chinese"):
        align_sentences(zh, zh)
    with pytest.raises(InputError, match="Chinese side is not Chinese"):
        align_documents(["By 2030, eradicate extreme poverty."], ["By 2030, eradicate extreme poverty."])
    with pytest.raises(InputError, match="English side is empty"):
        align_sentences(zh, ["", "  "])


def test_term_pairs_from_the_caller_add_evidence():
    zh, en = ["弥合数字鸿沟。"], ["Bridge the digital divide."]
    plain = align_sentences(zh, en)[0].confidence
    with_terms = align_sentences(zh, en, [("数字鸿沟", "digital divide")])[0].confidence
    assert with_terms > plain


def test_beads_tsv_and_json_outputs(plain):
    zh, en = plain
    pairs = align_sentences(zh[:3], en[:1] + en[2:3])  # English of target 1.2 missing
    assert to_beads(pairs) == "[0]:[0]\n[1]:[]\n[2]:[1]\n"
    rows = to_tsv(pairs).splitlines()
    assert rows[0] == "zh\ten\tconfidence\tbead" and rows[2].split("\t")[3] == "[1]:[]" and len(rows) == 4
    data = json.loads(to_json(pairs))
    assert [{"zh", "en", "confidence"} <= set(item) for item in data] == [True] * 3
    assert data[0]["zh"] == zh[0] and data[0]["en"] == en[0] and data[1]["en"] == ""
    assert data[1]["low_confidence"] and not data[0]["low_confidence"]


def test_wildly_different_lengths_are_reported(plain):
    zh, en = plain
    quality = assess(align_sentences(zh, en[:3]))
    assert not quality.ok and quality.aligned_share < 0.5


def test_corpus_paragraphs_keep_their_numbers_as_anchors(numbered):
    from shuyu.corpus.document import Paragraph

    zh, en = numbered
    paragraphs = [Paragraph(k + 1, t.split(" ", 1)[0], "paragraph", t.split(" ", 1)[1], []) for k, t in enumerate(zh)]
    pairs = align_documents(paragraphs[:6], en[:6])
    assert _beads(pairs) == [((k,), (k,)) for k in range(6)]
    assert [p.paragraph for p in pairs] == [t.split(" ", 1)[0] for t in zh[:6]]
    assert pairs[0].zh == zh[0] and pairs[0].en == en[0]


def _bible(zh_lines: slice, en_lines: slice) -> tuple[list[str], list[str]]:
    zh = (FIXTURES / "bible_excerpt.zh.txt").read_text(encoding="utf-8").splitlines()
    en = (FIXTURES / "bible_excerpt.en.txt").read_text(encoding="utf-8").splitlines()
    return zh[zh_lines], en[en_lines]


def test_a_short_sentence_goes_with_the_sentence_its_words_translate():
    """于是把他赶出去了 ("So he drove out the man") opens the second English sentence; 百姓没有水喝 ("there was no
    water for the people to drink") closes the first.  Each joins the bead holding its own words, not the neighbour
    whose pooled share it would dent the least."""
    zh, en = _bible(slice(0, 3), slice(0, 2))
    assert _beads(align_sentences(zh, en)) == [((0,), (0,)), ((1, 2), (1,))]
    zh, en = _bible(slice(3, 8), slice(2, 5))
    assert _beads(align_sentences(zh, en))[:2] == [((0, 1), (0,)), ((2,), (1,))]


def test_a_question_mark_is_evidence_on_both_sides():
    en = ["And the angel of God called to Hagar out of heaven, and said unto her, What aileth thee, Hagar?"]
    question = align_sentences(["神的使者从天上呼叫夏甲说，夏甲，你为何这样呢？"], en)[0]
    statement = align_sentences(["神的使者从天上呼叫夏甲说，夏甲，你为何这样呢。"], en)[0]
    assert question.confidence > statement.confidence


def test_prepositions_of_time_and_place_are_evidence():
    lexicon, extra = cedict(), {}
    for zh, en in (("以前", "before"), ("以后", "after"), ("上面", "above"), ("下面", "below")):
        assert set(lexicon.zh_evidence(zh, extra)) & set(lexicon.en_evidence(en, extra)), en
    assert lexicon.en_evidence("of the", extra) == []
