"""jieba's words and tags, computed partly by rjieba: the same as jieba's own, user dictionaries included."""

from __future__ import annotations

from shuyu.text.zh import add_user_dictionary, load_jieba, pos_pattern, words

# A real sentence of A/RES/70/125 with Latin, digits, a symbol and punctuation.
SENTENCE = "回顾其2015年12月16日第A/RES/70/125号决议，重申信息社会世界首脑会议成果文件（WSIS+10）。\r\n"


def test_words_and_tags_are_jiebas():
    jieba, posseg = load_jieba()
    assert words(SENTENCE) == jieba.lcut(SENTENCE, HMM=False)
    for gram in ("多利益攸关方", "信息和通信技术促进发展", "篑", "发达国家"):
        assert pos_pattern(gram) == tuple((w.word, w.flag) for w in posseg.lcut(gram, HMM=False))


def test_a_user_dictionary_reaches_both_segmenters(tmp_path):
    path = tmp_path / "userdict.txt"
    path.write_text("亚的斯亚贝巴行动议程 9 nz\n", encoding="utf-8")
    text = "执行亚的斯亚贝巴行动议程"
    assert "亚的斯亚贝巴行动议程" not in words(text)
    add_user_dictionary(str(path))
    assert words(text) == ["执行", "亚的斯亚贝巴行动议程"]
    assert pos_pattern(text) == (("执行", "v"), ("亚的斯亚贝巴行动议程", "nz"))
