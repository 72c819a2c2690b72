"""Stored sentence alignments: replaced per document pair, gone with their documents, read back with metadata."""

from __future__ import annotations

from shuyu.model.bitext import SentencePair
from shuyu.store import Store


def _document(store: Store, doc_id: str, lang: str) -> None:
    store.replace_document({"id": doc_id, "lang": lang, "year": 2015, "symbols": ["A/RES/70/1"]}, [], [], [])


def test_alignments_are_replaced_per_pair_and_leave_with_their_documents(tmp_path):
    pairs = [
        SentencePair((0,), (0,), "消除一切形式的贫穷。", "End poverty in all its forms everywhere.", 0.93, "1"),
        SentencePair((1,), (), "（注：中文多出的一句。）", "", 0.2),
    ]
    with Store(tmp_path / "t.db") as store, store.transaction():
        _document(store, "sdg-zh", "zh")
        _document(store, "sdg-en", "en")
        assert store.replace_alignment("sdg-zh", "sdg-en", pairs) == 2
        assert store.replace_alignment("sdg-zh", "sdg-en", pairs[:1]) == 1  # aligned again: replaced, not added
        rows = list(store.aligned_pairs())
        assert [(r["zh"], r["en"], r["zh_lines"], r["paragraph"], r["year"], r["symbols"]) for r in rows] == [
            ("消除一切形式的贫穷。", "End poverty in all its forms everywhere.", [0], "1", 2015, ["A/RES/70/1"])
        ]
        assert list(store.aligned_pairs(min_confidence=0.95)) == []
        assert store.alignment_pairs() == [("sdg-zh", "sdg-en")]
        store.delete_document("sdg-en")
        assert store.alignment_pairs() == []
