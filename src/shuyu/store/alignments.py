"""Sentence alignments of paired documents (derived: replaced each time a pair is aligned)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from shuyu.model.bitext import SentencePair
from shuyu.store.core import decode, encode


class AlignmentTables:
    def replace_alignment(
        self, doc_zh: str, doc_en: str, pairs: Iterable[SentencePair], origin: str = "aligned"
    ) -> int:
        """Store the beads of one document pair in order, replacing what was there; the number stored."""
        self.db["alignments"].delete_where("doc_zh = ? and doc_en = ?", [doc_zh, doc_en])
        rows = [
            encode(
                {
                    "doc_zh": doc_zh,
                    "doc_en": doc_en,
                    "seq": seq,
                    "zh_lines": list(pair.zh_lines),
                    "en_lines": list(pair.en_lines),
                    "zh": pair.zh,
                    "en": pair.en,
                    "paragraph": pair.paragraph,
                    "confidence": pair.confidence,
                    "origin": origin,
                }
            )
            for seq, pair in enumerate(pairs)
        ]
        self.db["alignments"].insert_all(rows)
        return len(rows)

    def delete_alignments(self, doc_id: str) -> None:
        """Forget the alignments a document takes part in (it changed, or left the corpus)."""
        self.db["alignments"].delete_where("doc_zh = ? or doc_en = ?", [doc_id, doc_id])

    def aligned_pairs(self, min_confidence: float | None = None) -> Iterator[dict]:
        """Every stored bead with both sides, in document order, with the Chinese document's year and symbols.

        Each row: doc_zh, doc_en, seq, zh_lines, en_lines, zh, en, paragraph,
        confidence, origin, year, symbols.
        """
        where = "a.zh != '' and a.en != ''" + (" and a.confidence >= ?" if min_confidence is not None else "")
        sql = (
            "select a.*, d.year, d.symbols from alignments a join documents d on d.id = a.doc_zh "
            f"where {where} order by a.doc_zh, a.doc_en, a.seq"
        )
        for row in self.db.query(sql, [min_confidence] if min_confidence is not None else []):
            yield decode(row)

    def alignment_pairs(self) -> list[tuple[str, str]]:
        """The (zh, en) document pairs that have stored alignments."""
        return [tuple(r) for r in self.db.execute("select distinct doc_zh, doc_en from alignments order by 1, 2")]

    def document_pairs(self) -> list[tuple[str, str, str | None]]:
        """(zh id, en id, origin of the stored alignment or None) of every stored zh–en document pair."""
        sql = """
            select d.id, e.id, (select max(a.origin) from alignments a where a.doc_zh = d.id and a.doc_en = e.id)
            from documents d join documents e on e.id = d.pair where d.lang = 'zh' and e.lang = 'en' order by d.id
        """
        return [tuple(r) for r in self.db.execute(sql)]
