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
    return pairs, tried, found, bilingual.select(found, tried, {pair_id: zh for pair_id, zh, _ in pairs})


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


@pytest.mark.parametrize(
    "english, shaped",
    [
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
    row = {"rendering": "Iraq", "key": "iraq", "count": 2, "confidence": 0.9}
    assert not bilingual.qualifies("伊拉克问题", row, 2)  # the name and the word after it
    assert bilingual.qualifies("伊拉克", row, 2)
    assert bilingual.qualifies("有罪不罚", {**row, "rendering": "impunity", "key": "impunity"}, 2)
    assert not bilingual.qualifies("伊拉克", {**row, "count": 1}, 2)  # seen once
    assert not bilingual.qualifies("伊拉克", row, 5)  # rendered so in under half of its pairs


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
    hit = json.loads(runner.invoke(main, ["--db", str(db), "lookup", "湿地", "--json"]).stdout)[0]
    assert {(t["form"], t["status"]) for t in hit["terms"] if t["lang"] == "zh"} == {("湿地", "rejected")}
    assert runner.invoke(main, ["--db", str(db), "term", "reject", "湿地地"]).exit_code == 2  # not in the termbase
