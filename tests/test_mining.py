"""The term miner: behaviour, not a frozen ranking."""

from __future__ import annotations

import json

import pytest

from shuyu.cli import main
from shuyu.mining import MiningOptions, Passage, mine_texts
from shuyu.mining.miner import FUNCTION_CHARS
from shuyu.store import Store
from shuyu.text.zh import pos_pattern

# Real preambular and operative sentences of the seeds, as filler around a planted term.
FILLER = [
    "重申必须利用信息和通信技术的潜力，推动实现国际商定发展目标，",
    "注意到秘书长关于信息社会世界首脑会议成果在区域和国际两级落实和后续工作方面取得的进展的报告，",
    "强调指出需要加强所有发展中国家特别是最不发达国家对因特网治理论坛各次会议的参与；",
    "鼓励所有利益攸关方确保妇女充分参与信息社会；",
    "确认南南合作和三角合作可以成为促进信息和通信技术发展的有用工具；",
]
# A term no dictionary knows, in varied contexts, as a new body's name would appear.
PLANTED = "量子网络韧性观察站"
PLANTED_SENTENCES = [
    f"欢迎设立{PLANTED}，并请秘书长提供支持；",
    f"请{PLANTED}每年提交报告；",
    f"注意到{PLANTED}的工作，鼓励会员国参与；",
    f"又请会员国向{PLANTED}提供资料；",
]


# Words to vary the neighbours of a planted phrase, and a short novel name to compare its score with.
OBJECTS = [
    "决议",
    "宣言",
    "报告",
    "声明",
    "框架",
    "议程",
    "承诺",
    "原则",
    "目标",
    "成果",
    "行动",
    "会议",
    "条约",
    "公约",
    "方案",
    "计划",
    "战略",
    "文件",
]
VERBS = [
    "请",
    "欢迎",
    "通过",
    "注意",
    "支持",
    "根据",
    "鼓励",
    "赞赏",
    "邀请",
    "敦促",
    "呼吁",
    "感谢",
    "协助",
    "提醒",
    "告知",
    "委托",
    "授权",
    "询问",
]
NOVEL = "韧网中心"


def corpus_with_plant() -> list[Passage]:
    passages = []
    for year, doc in ((2019, "a"), (2020, "b"), (2021, "c")):
        for i, text in enumerate(FILLER + PLANTED_SENTENCES):
            passages.append(Passage(doc, year, f"{i + 1}.", text, i + 1))
    return passages


def test_a_planted_term_with_a_novel_name_is_found_whole():
    candidates = {c.term: c for c in mine_texts(corpus_with_plant())}
    assert PLANTED in candidates
    found = candidates[PLANTED]
    assert found.freq == 12 and found.docs == 3 and found.years == {2019: 4, 2020: 4, 2021: 4}
    assert found.contexts[0]["term"] == PLANTED
    # Its pieces are not offered as terms on their own: they never occur outside it.
    assert not any(t != PLANTED and t in PLANTED for t in candidates)


def test_counts_are_exact_across_chunks(monkeypatch):
    # Chunks of ~150 characters split documents; every passage also appears twice.
    from shuyu.mining import ngrams

    passages = corpus_with_plant()
    doubled = [p for p in passages for _ in (0, 1)]
    whole = {c.term: c for c in mine_texts(doubled)}
    monkeypatch.setattr(ngrams, "CHUNK_CHARS", 150)
    chunked = {c.term: c for c in mine_texts(doubled)}
    found = chunked[PLANTED]
    assert (found.freq, found.docs, found.years) == (24, 3, {2019: 8, 2020: 8, 2021: 8})
    for term in set(whole) & set(chunked):
        assert (chunked[term].freq, chunked[term].docs, chunked[term].years) == (
            whole[term].freq,
            whole[term].docs,
            whole[term].years,
        ), term


def test_no_candidate_starts_or_ends_with_a_function_word():
    # The planted term sits after 设立, 请, 向 and before 的, 每年, 提供: none of those may stick to it.
    for c in mine_texts(corpus_with_plant()):
        words = pos_pattern(c.term)
        assert words[0][0] not in FUNCTION_CHARS and words[-1][0] not in FUNCTION_CHARS, c.term
        assert "的" not in c.term, c.term


def test_function_character_inside_a_word_is_not_an_edge():
    # 性别平等 ends on the character 等 but on the word 平等 (gender equality, a real term).
    passages = [
        Passage(d, 2015, None, text, i)
        for i, (d, text) in enumerate(
            [
                ("a", "实现性别平等，增强所有妇女和女童的权能；"),
                ("b", "促进性别平等和妇女赋权；"),
                ("c", "注意到性别平等与发展的关系；"),
                ("d", "又强调性别平等的重要性，"),
            ]
        )
    ]
    terms = {c.term for c in mine_texts(passages)}
    assert "性别平等" in terms and not any(t.endswith("等") and t != "性别平等" for t in terms)


def test_an_edge_that_cuts_a_common_word_is_no_edge():
    # 工作方 is always the start of 工作方案, 工作方法 or 工作方式: the end of 方案 is the real edge.
    texts = [
        "通过了工作方案；",
        "改进工作方法；",
        "审查工作方式，",
        "注意到新的工作方案；",
        "赞赏工作方法的改进；",
        "讨论工作方式和议程；",
    ]
    passages = [Passage(f"d{i % 3}", 2015, None, text, i) for i, text in enumerate(texts * 2)]
    terms = {c.term for c in mine_texts(passages)}
    assert "工作方" not in terms


def test_a_name_split_by_an_enumeration_comma_leaves_no_fragment():
    # 联合国教育 is always followed by 、科学及文化组织; 私营部门, listed after 、 as often, is listed elsewhere too.
    texts = [
        "请联合国教育、科学及文化组织提供支持；",
        "赞赏联合国教育、科学及文化组织的工作；",
        "联合国教育、科学及文化组织应当牵头；",
        "鼓励联合国教育、科学及文化组织继续努力；",
        "各国政府、私营部门、民间社会应当合作；",
        "邀请私营部门参与；",
        "私营部门和学术界的作用；",
        "注意到私营部门的投资；",
    ]
    passages = [Passage(f"d{i % 3}", 2015, None, text, i) for i, text in enumerate(texts * 2)]
    terms = {c.term for c in mine_texts(passages)}
    assert "私营部门" in terms
    assert not any(term.startswith("联合国教育") for term in terms)


def test_a_verb_and_its_object_used_freely_apart_rank_below_terms():
    # 回顾大会 recurs, but 回顾 mostly recalls other things and 大会 mostly follows other verbs.
    texts = [f"{v}回顾大会{w}；" for v, w in zip(VERBS, OBJECTS[:6])]
    texts += [f"{v}{NOVEL}{w}；" for v, w in zip(VERBS[6:], OBJECTS[6:12])]  # as often as the collocation
    texts += [f"回顾{w}的执行情况；" for w in OBJECTS] + [f"{v}大会审议此事；" for v in VERBS]
    passages = [Passage(f"d{i % 4}", 2015, None, text, i) for i, text in enumerate(texts)]
    found = {c.term: c for c in mine_texts(passages)}
    assert found["回顾大会"].freq == found[NOVEL].freq == 6
    assert found["回顾大会"].score < found[NOVEL].score / 5


def test_a_term_that_jieba_starts_with_a_verb_is_no_verb_phrase():
    # jieba reads 可|持续|发展|目标; 可持续发展 (more frequent than 发展目标) makes it a term + head, not verb + term.
    texts = [f"{v}可持续发展目标{w}；" for v, w in zip(VERBS[:6], OBJECTS)]
    texts += [f"{v}可持续发展{w}；" for v, w in zip(VERBS, [w for w in OBJECTS[6:] if w != "目标"])]
    texts += [f"{v}发展目标{w}；" for v, w in zip(VERBS[6:12], OBJECTS[12:])]
    texts += [f"{v}{NOVEL}{w}；" for v, w in zip(VERBS[12:], OBJECTS)]
    found = {c.term: c for c in mine_texts([Passage(f"d{i % 4}", 2015, None, t, i) for i, t in enumerate(texts)])}
    assert found["可持续发展目标"].freq == found[NOVEL].freq == 6
    assert found["可持续发展目标"].score > found[NOVEL].score / 5


def test_a_verb_glued_to_a_term_by_segmentation_is_a_collocation():
    # jieba reads 获取信息|和|通信技术; the verb 获取 is still in front of the term 信息和通信技术.
    texts = [
        "各国获取信息和通信技术的机会；",
        "获取信息和通信技术仍然昂贵，",
        "帮助妇女获取信息和通信技术；",
        "推广信息和通信技术；",
        "信息和通信技术促进发展；",
        "利用信息和通信技术，",
        "信息和通信技术的普及，",
        "信息和通信技术可以帮助，",
        "投资于信息和通信技术；",
    ]
    planted = PLANTED_SENTENCES + ["建立" + PLANTED + "；", PLANTED + "开展合作，"]  # as often as the collocation
    passages = [Passage(f"d{i % 3}", 2015, None, text, i) for i, text in enumerate(texts * 2 + planted)]
    found = {c.term: c for c in mine_texts(passages)}
    assert found["获取信息和通信技术"].freq == found[PLANTED].freq == 6
    assert found["获取信息和通信技术"].score < found[PLANTED].score / 5


def test_a_clause_copied_from_one_resolution_to_the_next_is_one_use():
    # The same preambular paragraph in four resolutions: its clause recurs, but in one passage only.
    copied = "确认迫切需要发掘知识和技术潜力，为此鼓励联合国发展系统继续努力；"
    passages = [
        Passage(doc, year, "15.", copied, 15) for doc, year in (("a", 2010), ("b", 2011), ("c", 2013), ("d", 2015))
    ]
    passages += corpus_with_plant()
    terms = {c.term for c in mine_texts(passages)}
    assert PLANTED in terms
    assert not any("迫切需要发掘" in term for term in terms)


def test_particle_inside_a_transliteration_is_no_clause():
    # 亚的斯亚贝巴 (Addis Ababa) contains 的 as a syllable, not as the particle.
    passages = [
        Passage(d, 2015, None, text, i)
        for i, (d, text) in enumerate(
            [
                ("a", "重申亚的斯亚贝巴行动议程的承诺；"),
                ("b", "又回顾亚的斯亚贝巴行动议程，"),
                ("c", "落实亚的斯亚贝巴行动议程和2030年议程；"),
                ("d", "注意到亚的斯亚贝巴行动议程。"),
            ]
        )
    ]
    terms = {c.term for c in mine_texts(passages)}
    assert "亚的斯亚贝巴行动议程" in terms
    assert not any(t.endswith("的") or "议程的" in t for t in terms)


def test_numbers_dates_and_symbols_are_not_terms():
    passages = [Passage("d", 2013, None, "大会2013年12月20日第68/198号决议和第六十八届会议，A/RES/68/198，" * 3)]
    terms = [c.term for c in mine_texts(passages)]
    assert not any(ch.isdigit() or ch == "/" for t in terms for ch in t)
    assert "第六十八届会议" not in terms and "六十八届" not in terms


def test_stopwords_exclude_candidates():
    options = MiningOptions(stopwords=frozenset({PLANTED}))
    assert PLANTED not in {c.term for c in mine_texts(corpus_with_plant(), options)}


@pytest.mark.parametrize(
    "passages",
    [
        [],
        [Passage("e", 2020, None, "The General Assembly, recalling its resolutions.")],
        [Passage("one", 2020, None, "数字鸿沟" * 5000)],
    ],
)
def test_degenerate_input_gives_a_sensible_result(passages):
    # Nothing recurs in two documents here (one document, or no Chinese): no candidate, and no crash.
    assert mine_texts(passages) == []


@pytest.fixture
def built_db(built):
    return built / "termbase" / "shuyu.db"


@pytest.fixture
def seeds_built_db(seeds_built):
    return seeds_built / "termbase" / "shuyu.db"


def test_bundled_corpus_finds_the_issue_examples(runner, built_db):
    result = runner.invoke(main, ["--db", str(built_db), "mine", "--top", "200", "--json"])
    assert result.exit_code == 0, result.output
    for stage in ("counting n-grams", "measuring boundaries", "tagging", "finding occurrences", "scoring"):
        assert f"mining: {stage}" in result.stderr
    rows = json.loads(result.stdout)
    terms = [r["term"] for r in rows]
    for expected in (
        "多利益攸关方",
        "加强合作",
        "数字鸿沟",
        "信息社会世界首脑会议",
        "因特网治理论坛",
        "小岛屿发展中国家",
        "科学和技术促进发展委员会",
    ):
        assert expected in terms, expected
    # the collocation ranks below its term (or out of the top 200 altogether)
    assert "弥合数字鸿沟" not in terms or terms.index("数字鸿沟") < terms.index("弥合数字鸿沟")
    first = rows[0]
    assert {"term", "score", "freq", "docs", "years"} <= set(first) and first["years"]
    assert sum(first["years"].values()) == first["freq"]


def test_remining_keeps_user_decisions(runner, seeds_built_db, seeds_built):
    mined = runner.invoke(main, ["--db", str(seeds_built_db), "mine", "--top", "100", "--json"])
    assert mined.exit_code == 0, mined.output
    ranked = [r["term"] for r in json.loads(mined.stdout)]
    rejected, accepted = ranked[40], ranked[50]
    assert runner.invoke(main, ["--db", str(seeds_built_db), "term", "reject", rejected]).exit_code == 0
    assert runner.invoke(main, ["--db", str(seeds_built_db), "term", "accept", accepted]).exit_code == 0
    rebuilt = runner.invoke(main, ["build", "--corpus", str(seeds_built / "corpus"), "--out", str(seeds_built)])
    assert rebuilt.exit_code == 0, rebuilt.output
    remined = runner.invoke(main, ["--db", str(seeds_built_db), "mine", "--min-docs", "2"])
    assert remined.exit_code == 0, remined.output
    with Store(seeds_built_db) as store:
        status = {r["term"]: r["status"] for r in store.db["terms"].rows}
    assert status[rejected] == "rejected" and status[accepted] == "accepted"
    again = runner.invoke(main, ["--db", str(seeds_built_db), "mine", "--top", "1000", "--json"])
    assert again.exit_code == 0, again.output
    listed = json.loads(again.stdout)
    assert rejected not in [r["term"] for r in listed]
    assert next(r for r in listed if r["term"] == accepted)["status"] == "accepted"
    missing = runner.invoke(main, ["--db", str(seeds_built_db), "term", "accept", "不存在的术语"])
    assert missing.exit_code == 2 and "no term '不存在的术语'" in missing.output


def test_user_dictionary_is_written_for_jieba(built):
    import jieba

    path = built / "termbase" / "userdict.txt"
    words = [line.split()[0] for line in path.read_text(encoding="utf-8").splitlines()]
    assert "多利益攸关方" in words
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(path))
    assert "多利益攸关方" in tokenizer.lcut("采取多利益攸关方办法")


def test_mine_on_an_empty_database_is_a_clear_error(runner, tmp_path):
    Store(tmp_path / "empty.db").close()
    result = runner.invoke(main, ["--db", str(tmp_path / "empty.db"), "mine"])
    assert result.exit_code == 2 and "corpus is empty" in result.output


def test_database_of_schema_1_is_migrated(tmp_path):
    import sqlite_utils

    from shuyu.store import MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / "v1.db"
    db = sqlite_utils.Database(path)
    MIGRATIONS[0](db)
    db["meta"].insert({"key": "schema_version", "value": "1"}, pk="key")
    db.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert {"terms", "variant_groups", "variant_decisions", "concepts", "concept_terms", "curations"} <= set(
            store.db.table_names()
        )


def test_examples_of_a_nested_term_show_it_on_its_own():
    # 发达国家 occurs mostly inside 最不发达国家; its examples must not read 最不[发达国家].
    sentences = [
        "强调指出需要加强所有发展中国家特别是最不发达国家对因特网治理论坛各次会议的参与；",
        "确认最不发达国家在获取信息和通信技术方面面临特殊挑战，",
        "鼓励向最不发达国家转让技术，",
        "请发达国家履行官方发展援助承诺，",
        "又确认最不发达国家的需要，",
        "呼吁发达国家提供资金，",
    ] * 2
    passages = [Passage(f"d{i % 3}", 2010 + i % 3, None, text) for i, text in enumerate(sentences)]
    found = {c.term: c for c in mine_texts(passages, MiningOptions(min_freq=2))}
    developed = found["发达国家"]
    assert developed.freq > developed.standalone > 0
    assert developed.contexts and not any(c["left"].endswith("最不") for c in developed.contexts)
