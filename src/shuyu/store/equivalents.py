"""English equivalents of the Chinese terms (derived: replaced by each build's equivalents stage)."""

from __future__ import annotations

from collections.abc import Iterable

from shuyu.store.core import decode, encode


class EquivalentTables:
    def replace_equivalents(self, rows: Iterable[dict]) -> int:
        """Store the equivalents found (dicts with the ``equivalents`` columns), replacing all; the number stored."""
        self.db["equivalents"].delete_where()
        rows = [encode(r) for r in rows]
        self.db["equivalents"].insert_all(rows)
        return len(rows)

    def equivalents(self, min_confidence: float = 0.0, rank: int | None = 1) -> dict[str, list[dict]]:
        """Each term's equivalents (of ``rank``, or all when None) of at least ``min_confidence``, best first."""
        sql = "select * from equivalents where confidence >= ?" + (" and rank = ?" if rank else "")
        result: dict[str, list[dict]] = {}
        for row in self.db.query(sql + " order by term, rank", [min_confidence, *([rank] if rank else [])]):
            result.setdefault(row["term"], []).append(decode(row))
        return result
