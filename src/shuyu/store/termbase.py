"""The termbase: concepts → terms, assembled from mined terms, variant groups, imports and curation.

``concepts`` and ``concept_terms`` are rebuilt from their sources; ``imports``
(concepts read from files) and ``curations`` (the user's decisions, in order)
are only appended to, so rebuilding never loses them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from shuyu.store.core import decode, encode, now


class TermbaseTables:
    def replace_termbase(self, concepts: list[dict]) -> None:
        """Replace the assembled concepts; each dict carries its ``terms``; ids are 1, 2, …"""
        self.db["concept_terms"].delete_where()
        self.db["concepts"].delete_where()
        # Plain executemany: sqlite-utils' per-value type checks dominate at 100,000 concepts.
        concept_columns = [c.name for c in self.db["concepts"].columns]
        term_columns = [c.name for c in self.db["concept_terms"].columns]

        def values(row: dict, columns: list[str]) -> list:
            encoded = encode(row)
            return [encoded.get(k) for k in columns]

        self.db.conn.executemany(
            f"insert into concepts ({', '.join(concept_columns)}) values ({', '.join('?' * len(concept_columns))})",
            (values({**c, "id": n}, concept_columns) for n, c in enumerate(concepts, 1)),
        )
        self.db.conn.executemany(
            f"insert into concept_terms ({', '.join(term_columns)}) values ({', '.join('?' * len(term_columns))})",
            (values({**t, "concept_id": n}, term_columns) for n, c in enumerate(concepts, 1) for t in c["terms"]),
        )

    def termbase(self) -> Iterator[dict]:
        """Every concept with its terms, in id order."""
        terms: dict[int, list[dict]] = {}
        for t in self.db["concept_terms"].rows_where(order_by="concept_id, rowid"):
            terms.setdefault(t["concept_id"], []).append(decode(t))
        for row in self.db["concepts"].rows_where(order_by="id"):
            yield {**decode(row), "terms": terms.get(row["id"], [])}

    def has_norm(self, lang: str, norm: str) -> bool:
        """Whether a term of ``lang`` has this normal form (``shuyu.model.terms.norm``)."""
        return (
            self.db.execute("select 1 from concept_terms where lang = ? and norm = ? limit 1", [lang, norm]).fetchone()
            is not None
        )

    def last_change(self) -> str | None:
        """When the data the termbase is derived from last changed: a document ingested, a file imported, a
        decision recorded (ISO timestamps compare as text)."""
        sources = [("documents", "ingested_at"), ("imports", "created"), ("curations", "created")]
        found = [
            self.db.execute(f"select max({column}) from {table}").fetchone()[0]
            for table, column in sources
            if table in self.db.table_names()
        ]
        return max((f for f in found if f), default=None)

    def add_import(self, file: str, concepts: list[dict]) -> None:
        stamp = now()
        self.db["imports"].insert_all(
            ({"file": file, "concept": json.dumps(c, ensure_ascii=False), "created": stamp} for c in concepts),
            pk="id",
            batch_size=2000,
        )

    def imported_from(self, file: str) -> set[str]:
        """The concepts already imported from a file of this name, as stored (JSON text)."""
        return {row[0] for row in self.db.execute("select concept from imports where file = ?", [file])}

    def imported_concepts(self) -> Iterator[dict]:
        for row in self.db["imports"].rows_where(order_by="id"):
            yield json.loads(row["concept"])

    def add_curation(self, action: str, **args) -> None:
        self.db["curations"].insert(
            {"action": action, "args": json.dumps(args, ensure_ascii=False), "created": now()}, pk="id"
        )

    def curations(self) -> list[dict]:
        return [
            {"action": r["action"], "args": json.loads(r["args"]), "created": r["created"]}
            for r in self.db["curations"].rows_where(order_by="id")
        ]

    def term_pairs(self) -> list[tuple[str, str]]:
        """(Chinese form, English form) of every concept holding both: the termbase's own lexicon."""
        sql = """
            select distinct z.form, e.form from concept_terms z join concept_terms e on e.concept_id = z.concept_id
            where z.lang = 'zh' and e.lang = 'en' and z.status not in ('rejected', 'deprecated', 'superseded')
            and e.status not in ('rejected', 'deprecated', 'superseded')
        """
        return [tuple(r) for r in self.db.execute(sql)]
