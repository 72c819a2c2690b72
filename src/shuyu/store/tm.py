"""Translation-memory tables: units (aligned and imported), the user's edits, and the search index."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

UNIT_COLUMNS = (
    "key",
    "source",
    "target",
    "source_lang",
    "target_lang",
    "document",
    "document_pair",
    "symbol",
    "year",
    "paragraph",
    "bead",
    "segtype",
    "confidence",
    "origin",
    "origin_file",
    "tuid",
    "props",
    "notes",
    "creationdate",
    "changedate",
    "source_markup",
    "target_markup",
)
_JSON = ("props", "notes")


@dataclass(frozen=True)
class UnitFilter:
    """Which units an export (or a listing) takes; None means any."""

    year: int | None = None
    document: str | None = None  # either document of an aligned pair, or the file an import came from
    min_confidence: float | None = None  # units without a confidence (imports) always pass
    origin: str | None = None  # aligned or imported


def _encode(row: dict) -> list:
    return [json.dumps(row.get(c) or [], ensure_ascii=False) if c in _JSON else row.get(c) for c in UNIT_COLUMNS]


def _decode(values: tuple) -> dict:
    row = dict(zip(("id", *UNIT_COLUMNS), values))
    for column in _JSON:
        row[column] = json.loads(row[column]) if row[column] else []
    return row


class TMTables:
    def replace_aligned_units(self, rows: Iterable[dict]) -> int:
        """Replace every aligned unit by ``rows``; a unit already imported with the same content stays imported."""
        self.db.execute("delete from tm_units where origin = 'aligned'")
        return self._insert_units(rows)

    def add_units(self, rows: Iterable[dict]) -> tuple[int, int]:
        """Insert units whose key is new; (added, already there)."""
        rows = list(rows)
        added = self._insert_units(rows)
        return added, len(rows) - added

    def _insert_units(self, rows: Iterable[dict]) -> int:
        sql = (
            f"insert or ignore into tm_units ({', '.join(UNIT_COLUMNS)}) "
            f"values ({', '.join('?' for _ in UNIT_COLUMNS)})"
        )
        before = self.db.execute("select total_changes()").fetchone()[0]
        self.db.conn.executemany(sql, (_encode(row) for row in rows))
        return self.db.execute("select total_changes()").fetchone()[0] - before

    def tm_units(self, selection: UnitFilter = UnitFilter()) -> Iterator[dict]:
        """The units, filtered, in a stable order: aligned by document and bead, then imports by file and unit."""
        where, args = ["1"], []
        if selection.year is not None:
            where.append("year = ?")
            args.append(selection.year)
        if selection.document:
            where.append("(document = ? or document_pair = ? or origin_file = ?)")
            args += [selection.document] * 3
        if selection.min_confidence is not None:
            where.append("(confidence is null or confidence >= ?)")
            args.append(selection.min_confidence)
        if selection.origin:
            where.append("origin = ?")
            args.append(selection.origin)
        sql = (
            f"select id, {', '.join(UNIT_COLUMNS)} from tm_units where {' and '.join(where)} "
            "order by origin, document, document_pair, origin_file, bead, id"
        )
        for values in self.db.execute(sql, args):
            yield _decode(values)

    def tm_units_with_ids(self, ids: list[int]) -> list[dict]:
        """The units with these ids, in the order given."""
        rows = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            sql = f"select id, {', '.join(UNIT_COLUMNS)} from tm_units where id in ({', '.join('?' for _ in chunk)})"
            rows.update((values[0], _decode(values)) for values in self.db.execute(sql, chunk))
        return [rows[i] for i in ids if i in rows]

    def tm_unit_count(self) -> dict[str, int]:
        return dict(self.db.execute("select origin, count(*) from tm_units group by origin").fetchall())

    def tm_unit_by_key(self, key: str) -> dict | None:
        row = self.db.execute(f"select id, {', '.join(UNIT_COLUMNS)} from tm_units where key = ?", [key]).fetchone()
        return _decode(row) if row else None

    def tm_unit_by_tuid(self, tuid: str) -> dict | None:
        row = self.db.execute(
            f"select id, {', '.join(UNIT_COLUMNS)} from tm_units where tuid = ? order by id limit 1", [tuid]
        ).fetchone()
        return _decode(row) if row else None

    def add_tm_edit(self, key: str, target: str, note: str | None, created: str) -> None:
        self.db["tm_edits"].insert({"key": key, "target": target, "note": note, "created": created})

    def replay_tm_edits(self) -> int:
        """Apply every recorded edit, oldest first, to the unit with its key; the number applied."""
        applied = 0
        for key, target, note, created in self.db.execute(
            "select key, target, note, created from tm_edits order by id"
        ).fetchall():
            row = self.tm_unit_by_key(key)
            if row is None:  # its unit is gone (the alignment changed): the edit waits for it to come back
                continue
            notes = row["notes"] + ([note] if note and note not in row["notes"] else [])
            self.db.execute(
                "update tm_units set target = ?, notes = ?, changedate = ? where key = ?",
                [target, json.dumps(notes, ensure_ascii=False), created, key],
            )
            applied += 1
        return applied

    def tm_texts(self) -> Iterator[tuple[int, str, str]]:
        """(id, English side, Chinese side) of every unit, for the search index."""
        yield from self.db.execute("select id, source, target from tm_units order by id")

    def replace_tm_index(
        self,
        en: Iterable[tuple[int, str]],
        zh: Iterable[tuple[int, str]],
        postings: Iterable[tuple[str, str, bytes]],
        lengths: dict[str, bytes],
    ) -> None:
        """Replace the search index: full-text rows (id, indexed text) per side, postings and token lengths."""
        for table, rows in (("tm_fts_en", en), ("tm_fts_zh", zh)):
            self.db.execute(f"insert into {table}({table}) values ('delete-all')")
            self.db.conn.executemany(f"insert into {table}(rowid, text) values (?, ?)", rows)
        self.db.execute("delete from tm_postings")
        self.db.conn.executemany("insert into tm_postings (side, token, units) values (?, ?, ?)", postings)
        self.db.execute("delete from tm_lengths")
        self.db.conn.executemany("insert into tm_lengths (side, lengths) values (?, ?)", lengths.items())
