"""Bilingual term extraction (shuyu.termbase.bilingual): Chinese strings of the aligned pairs that one English
noun phrase renders consistently enter the termbase with it, even when the miner does not keep them.

The pairs are real: the excerpt of the UN Parallel Corpus devset and the SDG targets used for the equivalents
(tests/fixtures/equivalents/SOURCE.txt); the built termbase is the bundled corpus.
"""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from test_equivalents import FIXTURE, TERMS

from shuyu.cli import main
from shuyu.termbase import bilingual
from shuyu.termbase.equivalents import find_equivalents


@pytest.fixture(scope="session")
def extracted():
    with open(FIXTURE, encoding="utf-8") as f:
        pairs = [tuple(row) for row in list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]]
    tried = bilingual.candidates((zh for _, zh, _ in pairs), TERMS)
    found = find_equivalents(pairs, TERMS, candidates=tried, evidence=len(pairs))
    segment_of = {pair_id: zh for pair_id, zh, _ in pairs}
    return pairs, tried, found, bilingual.select(found, tried, segment_of, {p: _document(p) for p in segment_of})


def _document(pair_id: str) -> str:
    """The document of a fixture pair: the SDG targets are one, each devset symbol another."""
    return "sdg" if pair_id.startswith("sdg:") else pair_id.split("#")[0]


def test_candidates_leave_the_terms_renderings_as_they_were(extracted):
    pairs, _, found, _ = extracted
    results = find_equivalents(pairs, TERMS)
    for term in TERMS:
        assert [(e.english, e.count, e.confidence) for e in found[term].equivalents] == [
            (e.english, e.count, e.confidence) for e in results[term].equivalents
        ]


def test_a_term_the_miner_cannot_see_is_found_with_its_english(extracted):
    _, tried, found, kept = extracted
    # 引渡 is a verb to jieba and occurs twice: the English of both pairs makes it a term.
    assert "引渡" in kept and found["引渡"].best.english == "extradition"
    assert "世界贸易组织" in kept and found["世界贸易组织"].best.english == "World Trade Organization"
    assert not set(TERMS) & set(tried)  # known terms are never candidates again


def test_candidates_are_closed_strings_of_whole_words():
    texts = [
        "3.3 到2030年，消除艾滋病、结核病、疟疾和被忽视的热带疾病等流行病",
        "直接原因是产后出血、难产、滞产、不安全堕胎引起的并发症、子痫、疟疾和贫血",
        "联合国开发计划署支助了这项工作",
        "联合国开发计划署的方案",
    ]
    found = bilingual.candidates(texts, known=["结核病"])
    assert "疟疾" in found  # always followed by 和, which no term ends in
    assert "疟疾和" not in found and "结核病" not in found
    assert "联合国开发计划署" in found and "开发计划署" not in found  # never without 联合国 here
    assert not [c for c in found if c.startswith("计划") or c.endswith("计")]  # no cut words


def test_a_string_beside_a_hyphen_or_middle_dot_is_part_of_a_name():
    texts = [
        "通过了纳尔逊·罗利拉拉·曼德拉奖章程。",
        "审议纳尔逊·罗利拉拉·曼德拉奖章程的执行情况",
        "纳戈尔诺-卡拉巴赫冲突",
    ]
    found = bilingual.candidates([*texts, "纳戈尔诺-卡拉巴赫冲突的解决"])
    assert not [c for c in found if c.startswith(("曼德拉", "卡拉巴赫"))]


@pytest.mark.parametrize(
    "english, shaped",
    [
        ("addendum lists the items", False),  # an article inside: a clause
        ("Office of the High Commissioner", True),  # after a preposition: a name
        ("Scientific and Technical", False),  # cut from "Scientific and Technical Subcommittee"
        ("non-discriminatory", False),
        ("Wednesday", False),
        ("Ukraine and the Russian Federation", False),  # two names
        ("wetlands", True),
        ("sexual and reproductive health", True),
        ("Commission on Crime Prevention and Criminal Justice", True),
        ("providing financial assistance", False),
        ("especially developing countries", False),
        ("men and women", False),
        ("political and military", False),
        ("regret", False),
    ],
)
def test_the_english_must_be_shaped_like_a_term(english, shaped):
    assert bilingual.term_shaped(english) is shaped


def test_one_english_word_for_several_chinese_words_is_a_short_form_only():
    row = {"rendering": "Iraq", "key": "iraq", "count": 2, "confidence": 0.9, "dice": 1.0, "prior": 1.0}
    assert not bilingual.qualifies("伊拉克问题", row, 2)  # the name and the word after it
    assert bilingual.qualifies("伊拉克", row, 2)
    assert bilingual.qualifies("有罪不罚", {**row, "rendering": "impunity", "key": "impunity"}, 2)
    assert not bilingual.qualifies("伊拉克", {**row, "count": 1}, 2)  # seen once
    assert not bilingual.qualifies("伊拉克", row, 5)  # rendered so in under half of its pairs


def _row(english: str, count: int = 2, dice: float = 1.0, prior: float = 1.0) -> dict:
    return {"rendering": english, "count": count, "confidence": 0.8, "dice": dice, "prior": prior}


@pytest.mark.parametrize(
    "chinese, english, kept",
    [
        ("成功执行", "successful implementation", False),  # a predicate: its last word is a verb
        ("下半年完成", "projected completion", False),
        ("社会保护", "social protection", True),  # 保护 is "protection" too
        ("经常预算", "regular budget", True),  # jieba's verb 预算 is "budget" to CC-CEDICT
        ("不扩散", "Non-Proliferation", True),  # 不 + a verb names a notion
        ("过去五年来", "past five years", False),  # counted
        ("大会第七十届会议", "seventieth session", False),  # numbered
        ("第三委员会", "Third Committee", True),  # a numbered name
        ("以色列定居者", "Israeli settlers", False),  # a place with a common noun
        ("叙利亚政权部队", "regime forces", False),
        ("南非大学", "University of South Africa", True),  # a name
        ("城市人口", "urban population", True),  # 城市 is no place name
    ],
)
def test_the_pair_must_look_like_a_name_or_a_notion(chinese, english, kept):
    assert bilingual.qualifies(chinese, _row(english), 2) is kept


def test_the_english_must_translate_some_of_the_chinese_unless_it_is_a_name():
    # prior: the share of the words that CC-CEDICT's senses connect (equivalents._Prior)
    assert not bilingual.qualifies("文件分发", _row("present letter", prior=0.0), 2)  # a neighbour in the sentence
    assert not bilingual.qualifies("登记", _row("registration", prior=0.0), 2)  # 登记 is "to register" only
    assert bilingual.qualifies("人权高专办", _row("OHCHR", prior=0.0), 2)
    assert bilingual.qualifies("不扩散", _row("Non-Proliferation", prior=0.0), 2)


def test_a_one_word_verb_is_a_term_when_its_english_noun_goes_with_it_both_ways():
    # 违反 is rendered "violations" in 16 of its 28 pairs (Dice 0.65): elsewhere "violate", "in breach of".
    assert not bilingual.qualifies("违反", _row("violations", count=16, dice=0.65), 28)
    assert not bilingual.qualifies("努力", _row("efforts", count=43, dice=0.65), 67)
    assert bilingual.qualifies("治理", _row("governance", count=15, dice=0.88), 15)
    assert bilingual.qualifies("贫困", _row("poverty", count=6, dice=0.6), 11)  # an adjective to jieba, not a verb


def test_a_common_phrase_of_several_words_needs_two_documents():
    pairs = [
        ("a#1", "这将产生严重的经济后果。", "This will have serious economic consequences."),
        ("a#2", "冲突的经济后果十分严重。", "The economic consequences of the conflict are grave."),
        ("a#3", "公共行政专家委员会举行了会议。", "The Committee of Experts on Public Administration met."),
        (
            "a#4",
            "公共行政专家委员会通过了报告。",
            "The Committee of Experts on Public Administration adopted a report.",
        ),
    ]
    tried = bilingual.candidates(zh for _, zh, _ in pairs)
    found = find_equivalents(pairs, [], candidates=tried, evidence=len(pairs))
    segment_of = {pair_id: zh for pair_id, zh, _ in pairs}
    one_document = bilingual.select(found, tried, segment_of, dict.fromkeys(segment_of, "a"))
    two_documents = bilingual.select(found, tried, segment_of, {"a#1": "a", "a#2": "b", "a#3": "a", "a#4": "a"})
    assert "经济后果" not in one_document and "经济后果" in two_documents
    assert "公共行政专家委员会" in one_document  # a name is written the same by every writer


def test_the_built_termbase_holds_extracted_terms_with_their_english(bundled, runner):
    con = sqlite3.connect(bundled / "shuyu.db")
    concept = con.execute("select concept_id from concept_terms where lang = 'zh' and form = '湿地'").fetchone()
    terms = con.execute(
        "select lang, form, status, provenance, notes from concept_terms where concept_id = ?", concept
    ).fetchall()
    assert {(lang, form, status, provenance) for lang, form, status, provenance, _ in terms} == {
        ("zh", "湿地", "candidate", "aligned"),
        ("en", "wetlands", "candidate", "aligned"),
    }
    assert any("bilingual term extraction" in notes for *_, notes in terms)
    result = runner.invoke(main, ["--db", str(bundled / "shuyu.db"), "lookup", "wetland", "--json"])
    assert result.exit_code == 0
    assert ("zh", "湿地") in {(t["lang"], t["form"]) for t in json.loads(result.stdout)[0]["terms"]}


def test_a_rendering_two_concepts_claim_goes_to_the_form_seen_with_it_most(bundled):
    con = sqlite3.connect(bundled / "shuyu.db")
    sql = """select z.form from concept_terms z join concept_terms e on e.concept_id = z.concept_id
             where z.lang = 'zh' and e.lang = 'en' and e.form = 'girls'"""
    # 女童 is rendered "girls" in 19 pairs, 女孩 in 6: the English goes with 女童.
    assert [form for (form,) in con.execute(sql)] == ["女童"]


def test_a_term_bilingual_extraction_added_can_be_rejected_and_stays_rejected(db, runner):
    from shuyu.store import Store
    from shuyu.termbase.assemble import rebuild

    result = runner.invoke(main, ["--db", str(db), "term", "reject", "湿地"])
    assert result.exit_code == 0, result.output
    with Store(db) as store, store.transaction():
        rebuild(store)
    result = runner.invoke(main, ["--db", str(db), "lookup", "湿地", "--json"])
    assert result.exit_code == 0, result.output
    hit = json.loads(result.stdout)[0]
    assert {(t["form"], t["status"]) for t in hit["terms"] if t["lang"] == "zh"} == {("湿地", "rejected")}
    assert runner.invoke(main, ["--db", str(db), "term", "reject", "湿地地"]).exit_code == 2  # not in the termbase


def test_an_extracted_rendering_joins_no_two_imported_concepts(db, tmp_path, runner):
    # 湿地 "wetlands" comes from the aligned pairs; a glossary gives 湿地 another English and "wetlands" to 沼泽地.
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("English,Chinese\nmarsh,湿地\nwetlands,沼泽地\n", encoding="utf-8")
    result = runner.invoke(main, ["--db", str(db), "import", str(glossary)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["--db", str(db), "lookup", "湿地", "--json"])
    assert result.exit_code == 0, result.output
    forms = [{(t["lang"], t["form"]) for t in hit["terms"]} for hit in json.loads(result.stdout)]
    holding = [f for f in forms if ("zh", "湿地") in f]
    assert len(holding) == 1 and ("zh", "沼泽地") not in holding[0] and ("en", "marsh") in holding[0]
