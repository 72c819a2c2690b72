"""Corpus tables: documents, their paragraphs, sentences and footnotes."""

from __future__ import annotations

from collections.abc import Iterator

from shuyu.store.core import decode, encode


class CorpusTables:
    def document_ids(self) -> list[str]:
        return [row["id"] for row in self.db["documents"].rows_where(select="id", order_by="id")]

    def document_row(self, doc_id: str) -> dict | None:
        rows = list(self.db["documents"].rows_where("id = ?", [doc_id]))
        return decode(rows[0]) if rows else None

    def documents(self) -> list[dict]:
        sql = """
            select d.id, d.lang, d.script, d.year, d.date, d.body, d.session, d.type, d.symbols, d.title,
                   d.pair, d.file, d.encoding, d.chars,
                   (select count(*) from paragraphs p where p.doc_id = d.id) as paragraphs,
                   (select count(*) from sentences s where s.doc_id = d.id) as sentences
            from documents d order by d.year, d.id
        """
        return [decode(dict(row)) for row in self.db.query(sql)]

    def years(self, lang: str = "zh") -> list[int]:
        """The years the corpus's documents of ``lang`` cover, in order (a timeline's columns)."""
        return [
            r[0]
            for r in self.db.execute(
                "select distinct year from documents where lang = ? and year is not null order by year", [lang]
            )
        ]

    def paragraphs(self, doc_id: str) -> list[dict]:
        rows = self.db["paragraphs"].rows_where("doc_id = ?", [doc_id], order_by="seq")
        return [decode(row) for row in rows]

    def footnotes(self, doc_id: str) -> list[dict]:
        return [decode(r) for r in self.db["footnotes"].rows_where("doc_id = ?", [doc_id], order_by="seq")]

    def replace_document(self, row: dict, paragraphs: list[dict], sentences: list[dict], footnotes: list[dict]) -> None:
        """Insert or replace one document with everything derived from it (idempotent)."""
        self.delete_document(row["id"])
        self.db["documents"].insert(encode(row))
        self.db["paragraphs"].insert_all(encode(p) for p in paragraphs)
        self.db["sentences"].insert_all(sentences)
        self.db["footnotes"].insert_all(encode(f) for f in footnotes)

    def delete_document(self, doc_id: str) -> None:
        self.db["alignments"].delete_where("doc_zh = ? or doc_en = ?", [doc_id, doc_id])
        for table in ("sentences", "footnotes", "paragraphs"):
            self.db[table].delete_where("doc_id = ?", [doc_id])
        self.db["documents"].delete_where("id = ?", [doc_id])

    def document_with_content(self, sha256: str, text: str, other_than: str) -> str | None:
        """The id of a document other than ``other_than`` whose file has this SHA-256 or, decoded, this text
        (line endings aside): the same text with a BOM or in another encoding is the same document."""
        row = self.db.execute(
            "select id from documents where (sha256 = ? or replace(raw_text, char(13) || char(10), char(10)) = ?) "
            "and id != ?",
            [sha256, text.replace("\r\n", "\n"), other_than],
        ).fetchone()
        return row[0] if row else None

    def set_pair(self, doc_id: str, pair: str) -> None:
        self.db["documents"].update(doc_id, {"pair": pair})

    def chars(self, lang: str = "zh") -> int:
        """Characters in the documents of ``lang``."""
        return self.db.execute("select coalesce(sum(chars), 0) from documents where lang = ?", [lang]).fetchone()[0]

    def paragraph_rows(self, lang: str = "zh") -> Iterator[tuple]:
        """(doc_id, year, number, text, seq) of every paragraph of ``lang``, by year, document and order."""
        sql = """
            select p.doc_id, d.year, p.number, p.text, p.seq from paragraphs p join documents d on d.id = p.doc_id
            where d.lang = ? order by d.year, p.doc_id, p.seq
        """
        yield from self.db.execute(sql, [lang])

    def sentence_rows(self, lang: str = "zh") -> Iterator[tuple]:
        """(doc_id, year, paragraph number, text) of every sentence of ``lang``, in corpus order."""
        sql = """
            select s.doc_id, d.year, p.number, s.text from sentences s
            join documents d on d.id = s.doc_id
            join paragraphs p on p.doc_id = s.doc_id and p.seq = s.para_seq
            where d.lang = ? order by d.year, s.doc_id, s.para_seq, s.seq
        """
        yield from self.db.execute(sql, [lang])
