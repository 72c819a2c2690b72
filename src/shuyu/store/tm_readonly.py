"""Read-only queries over the translation memory (``shuyu tm search``, ``shuyu tm match``, ``shuyu analyse``).

Plain ``sqlite3`` only, so a search starts without loading sqlite-utils.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from shuyu.store.readonly import connect

_UNIT = "id, source, target, document, document_pair, origin_file, year, paragraph, confidence, origin, tuid"
UNIT_FIELDS = tuple(c.strip() for c in _UNIT.split(","))


class TMReader:
    """The TM's units and its search index, read-only."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    @classmethod
    def open(cls, path: str | Path) -> TMReader:
        return cls(connect(path, "tm_units", "translation memory"))

    def close(self) -> None:
        self.db.close()

    def units(self, ids: list[int]) -> list[dict]:
        """The units with these ids, in the order of ``ids``."""
        if not ids:
            return []
        rows = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            sql = f"select {_UNIT} from tm_units where id in ({', '.join('?' for _ in chunk)})"
            rows.update((r[0], dict(zip(UNIT_FIELDS, r))) for r in self.db.execute(sql, chunk))
        return [rows[i] for i in ids if i in rows]

    def fts_ids(self, side: str, phrase: str, after: int, limit: int) -> list[int]:
        """Ids (ascending, above ``after``) of units whose ``side`` index matches the FTS5 phrase ``phrase``."""
        table = {"en": "tm_fts_en", "zh": "tm_fts_zh"}[side]
        quoted = '"' + phrase.replace('"', '""') + '"'
        return [
            r[0]
            for r in self.db.execute(
                f"select rowid from {table} where {table} match ? and rowid > ? order by rowid limit ?",
                [quoted, after, limit],
            )
        ]

    def scan_ids(self, side: str, needle: str, after: int, limit: int) -> list[int]:
        """Ids of units whose ``side`` holds ``needle`` (case-folded ASCII): a scan, for queries too short to index."""
        column = {"en": "source", "zh": "target"}[side]
        return [
            r[0]
            for r in self.db.execute(
                f"select id from tm_units where id > ? and instr(lower({column}), ?) > 0 order by id limit ?",
                [after, needle.lower(), limit],
            )
        ]

    def postings(self, side: str, tokens: list[str]) -> dict[str, bytes]:
        """The packed unit ids (uint32) of each token that is indexed."""
        if not tokens:
            return {}
        sql = f"select token, units from tm_postings where side = ? and token in ({', '.join('?' for _ in tokens)})"
        return dict(self.db.execute(sql, [side, *tokens]).fetchall())

    def lengths(self, side: str) -> bytes:
        """Packed token counts (uint16) of every unit, indexed by unit id."""
        row = self.db.execute("select lengths from tm_lengths where side = ?", [side]).fetchone()
        return row[0] if row else b""

    def texts(self, side: str, ids: list[int]) -> Iterator[tuple[int, str]]:
        column = {"en": "source", "zh": "target"}[side]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            yield from self.db.execute(
                f"select id, {column} from tm_units where id in ({', '.join('?' for _ in chunk)})", chunk
            )
