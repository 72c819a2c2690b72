"""The shuyu database: one SQLite file (through sqlite-utils) for corpus, termbase and TM.

Its schema is versioned in the ``meta`` table.  Opening an older database
migrates it; a newer one, or a file that is not a shuyu database, is refused
with a message that says why.  Every command runs in one transaction
(``Store.transaction``), so a failure leaves the database as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Callable, Iterator

import sqlite_utils

from shuyu.errors import InputError

SCHEMA_VERSION = 4


def _create_v1(db: sqlite_utils.Database) -> None:
    db["documents"].create(
        {"id": str, "lang": str, "script": str, "year": int, "date": str, "body": str, "session": int,
         "type": str, "symbols": str, "title": str, "pair": str, "file": str, "encoding": str,
         "sha256": str, "raw_text": str, "chars": int, "evidence": str, "ingested_at": str},
        pk="id",
    )
    db["paragraphs"].create(
        {"doc_id": str, "seq": int, "number": str, "kind": str, "text": str, "footnote_refs": str,
         "origins": str},
        pk=("doc_id", "seq"), foreign_keys=[("doc_id", "documents", "id")],
    )
    db["sentences"].create(
        {"doc_id": str, "para_seq": int, "seq": int, "start": int, "end": int, "text": str},
        pk=("doc_id", "para_seq", "seq"), foreign_keys=[("doc_id", "documents", "id")],
    )
    db["footnotes"].create(
        {"doc_id": str, "seq": int, "number": int, "text": str, "origins": str},
        pk=("doc_id", "seq"), foreign_keys=[("doc_id", "documents", "id")],
    )


def _add_terms_v2(db: sqlite_utils.Database) -> None:
    """Mined terms with their evidence; ``status`` is the user's decision and survives re-mining."""
    db["terms"].create(
        {"term": str, "lang": str, "status": str, "rank": int, "score": float, "freq": int, "docs": int,
         "years": str, "first_year": int, "last_year": int, "pos": str, "contexts": str, "stats": str,
         "provenance": str, "created": str, "modified": str},
        pk=("term", "lang"),
    )
    db["terms"].create_index(["status"])


def _add_variants_v3(db: sqlite_utils.Database) -> None:
    """Detected variant groups with their forms, and the user's decisions on groups.

    Detected groups are replaced on every run; ``variant_decisions`` is the
    user's curation and is only ever appended to, so re-running keeps it.
    """
    db["variant_groups"].create(
        {"id": int, "kind": str, "reason": str, "decision": str, "score": float, "evidence": str,
         "inconsistent": str, "english": str},
        pk="id",
    )
    db["variant_forms"].create(
        {"group_id": int, "lang": str, "form": str, "status": str, "type": str, "count": int, "years": str,
         "doc_counts": str, "first_year": int, "last_year": int, "spellings": str, "examples": str,
         "geographical_usage": str, "provenance": str},
        pk=("group_id", "lang", "form"), foreign_keys=[("group_id", "variant_groups", "id")],
    )
    db["variant_decisions"].create(
        {"id": int, "action": str, "form": str, "forms": str, "created": str}, pk="id",
    )


def _add_termbase_v4(db: sqlite_utils.Database) -> None:
    """The termbase: concepts → terms, assembled from mined terms, variant groups, imports and curation.

    ``concepts`` and ``concept_terms`` are rebuilt from their sources; ``imports``
    (concepts read from files) and ``curations`` (the user's decisions, in order)
    are only appended to, so rebuilding never loses them.  ``norm`` is the form in
    its matching normal form (simplified script, folded case) for lookup.
    """
    db["concepts"].create(
        {"id": int, "origin": str, "subject": str, "definition": str, "notes": str, "kind": str, "reason": str,
         "created": str, "modified": str},
        pk="id",
    )
    db["concept_terms"].create(
        {"concept_id": int, "lang": str, "form": str, "norm": str, "status": str, "type": str, "count": int,
         "years": str, "sources": str, "contexts": str, "notes": str, "provenance": str, "part_of_speech": str,
         "geographical_usage": str, "created": str, "modified": str},
        pk=("concept_id", "lang", "form"), foreign_keys=[("concept_id", "concepts", "id")],
    )
    # A covering index: lookups scan it instead of rows that carry contexts and sources.
    db["concept_terms"].create_index(["lang", "norm", "concept_id", "form"], index_name="concept_terms_lookup")
    db["imports"].create({"id": int, "file": str, "concept": str, "created": str}, pk="id")
    db["curations"].create({"id": int, "action": str, "args": str, "created": str}, pk="id")


# MIGRATIONS[n] brings a database from schema n to n + 1; 0 is an empty file.
MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    0: _create_v1, 1: _add_terms_v2, 2: _add_variants_v3, 3: _add_termbase_v4}


class Store:
    """A shuyu database file."""

    def __init__(self, path: str | Path, create: bool = True):
        self.path = Path(path)
        if not self.path.exists():
            if not create:
                raise InputError("no database here; run `shuyu build` or `shuyu corpus add` first", self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif self.path.is_dir():
            raise InputError("is a directory, not a database file", self.path)
        else:
            _check_header(self.path)
        try:
            self.db = sqlite_utils.Database(self.path)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise InputError(f"not a usable SQLite database ({exc})", self.path) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Store"]:
        with self.db.atomic():
            yield self

    @property
    def schema_version(self) -> int:
        if "meta" not in self.db.table_names():
            return 0
        row = self.db.execute("select value from meta where key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        version = self.schema_version
        tables = set(self.db.table_names())
        if version == 0 and tables - {"meta"}:
            raise InputError(
                f"is an SQLite database but not a shuyu one (tables: {', '.join(sorted(tables))})", self.path
            )
        if version > SCHEMA_VERSION:
            raise InputError(
                f"was written by a newer shuyu (schema version {version}; this shuyu reads up to "
                f"{SCHEMA_VERSION}); upgrade shuyu (pip install -U shuyu) to open it",
                self.path,
            )
        if version == SCHEMA_VERSION:
            return
        with self.db.atomic():
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](self.db)
                version += 1
            self.db["meta"].insert({"key": "schema_version", "value": str(version)}, pk="key", replace=True)

    # -- documents -------------------------------------------------------

    def document_ids(self) -> list[str]:
        return [row["id"] for row in self.db["documents"].rows_where(select="id", order_by="id")]

    def document_row(self, doc_id: str) -> dict | None:
        rows = list(self.db["documents"].rows_where("id = ?", [doc_id]))
        return _decode(rows[0]) if rows else None

    def documents(self) -> list[dict]:
        sql = """
            select d.id, d.lang, d.script, d.year, d.date, d.body, d.session, d.type, d.symbols, d.title,
                   d.pair, d.file, d.encoding, d.chars,
                   (select count(*) from paragraphs p where p.doc_id = d.id) as paragraphs,
                   (select count(*) from sentences s where s.doc_id = d.id) as sentences
            from documents d order by d.year, d.id
        """
        return [_decode(dict(row)) for row in self.db.query(sql)]

    def years(self, lang: str = "zh") -> list[int]:
        """The years the corpus's documents of ``lang`` cover, in order (a timeline's columns)."""
        return [r[0] for r in self.db.execute(
            "select distinct year from documents where lang = ? and year is not null order by year", [lang])]

    def paragraphs(self, doc_id: str) -> list[dict]:
        rows = self.db["paragraphs"].rows_where("doc_id = ?", [doc_id], order_by="seq")
        return [_decode(row) for row in rows]

    def footnotes(self, doc_id: str) -> list[dict]:
        return [_decode(r) for r in self.db["footnotes"].rows_where("doc_id = ?", [doc_id], order_by="seq")]

    def replace_document(self, row: dict, paragraphs: list[dict], sentences: list[dict], footnotes: list[dict]) -> None:
        """Insert or replace one document with everything derived from it (idempotent)."""
        self.delete_document(row["id"])
        self.db["documents"].insert(_encode(row))
        self.db["paragraphs"].insert_all(_encode(p) for p in paragraphs)
        self.db["sentences"].insert_all(sentences)
        self.db["footnotes"].insert_all(_encode(f) for f in footnotes)

    def delete_document(self, doc_id: str) -> None:
        for table in ("sentences", "footnotes", "paragraphs"):
            self.db[table].delete_where("doc_id = ?", [doc_id])
        self.db["documents"].delete_where("id = ?", [doc_id])


    # -- terms -----------------------------------------------------------

    def save_mined_terms(self, rows: list[dict], lang: str = "zh") -> None:
        """Replace the unreviewed candidates with ``rows``; reviewed terms keep their status.

        A term the user accepted, rejected or edited gets fresh statistics but keeps
        its decision; if it is no longer mined its row stays as it was.
        """
        stamp = now()
        self.db.execute("update terms set rank = null where lang = ? and status != 'candidate'", [lang])
        decided = {r["term"]: r for r in self.db["terms"].rows_where("lang = ? and status != 'candidate'", [lang])}
        self.db["terms"].delete_where("lang = ? and status = 'candidate'", [lang])
        records = []
        for row in rows:
            previous = decided.get(row["term"])
            records.append(_encode({
                **row, "lang": lang,
                "status": previous["status"] if previous else "candidate",
                "provenance": previous["provenance"] if previous else "mined",
                "created": previous["created"] if previous else stamp,
                "modified": stamp,
            }))
        self.db["terms"].upsert_all(records, pk=("term", "lang"))

    def set_term_status(self, term: str, status: str, lang: str = "zh") -> None:
        if not list(self.db["terms"].rows_where("term = ? and lang = ?", [term, lang])):
            raise InputError(f"no term {term!r} in the termbase")
        self.db["terms"].update((term, lang), {"status": status, "modified": now()})

    def terms(self, lang: str = "zh", statuses: tuple[str, ...] = ("candidate", "accepted", "edited"),
              limit: int | None = None) -> list[dict]:
        marks = ",".join("?" for _ in statuses)
        rows = self.db["terms"].rows_where(
            f"lang = ? and status in ({marks}) and rank is not null", [lang, *statuses], order_by="rank", limit=limit
        )
        return [_decode(r) for r in rows]


    # -- variant groups ---------------------------------------------------

    def replace_variant_groups(self, groups: list[dict]) -> None:
        """Replace the detected variant groups; each dict carries its ``forms``."""
        self.db["variant_forms"].delete_where()
        self.db["variant_groups"].delete_where()
        for number, group in enumerate(groups, 1):
            self.db["variant_groups"].insert(_encode({k: v for k, v in group.items() if k != "forms"} | {"id": number}))
            self.db["variant_forms"].insert_all(_encode({**f, "group_id": number}) for f in group["forms"])

    def variant_groups(self) -> list[dict]:
        """Groups in rank order, each with its ``forms``."""
        result = []
        for row in self.db["variant_groups"].rows_where(order_by="id"):
            group = _decode(row)
            group["forms"] = [_decode(f) for f in self.db["variant_forms"].rows_where(
                "group_id = ?", [row["id"]], order_by="rowid")]
            result.append(group)
        return result

    def add_variant_decision(self, action: str, form: str, forms: list[str]) -> None:
        self.db["variant_decisions"].insert(
            _encode({"action": action, "form": form, "forms": forms, "created": now()}), pk="id")

    def variant_decisions(self) -> list[dict]:
        return [_decode(r) for r in self.db["variant_decisions"].rows_where(order_by="id")]

    # -- termbase -------------------------------------------------------------

    def replace_termbase(self, concepts: list[dict]) -> None:
        """Replace the assembled concepts; each dict carries its ``terms``; ids are 1, 2, …"""
        self.db["concept_terms"].delete_where()
        self.db["concepts"].delete_where()
        # Plain executemany: sqlite-utils' per-value type checks dominate at 100,000 concepts.
        concept_columns = [c.name for c in self.db["concepts"].columns]
        term_columns = [c.name for c in self.db["concept_terms"].columns]
        def values(row: dict, columns: list[str]) -> list:
            encoded = _encode(row)
            return [encoded.get(k) for k in columns]

        self.db.conn.executemany(
            f"insert into concepts ({', '.join(concept_columns)}) values ({', '.join('?' * len(concept_columns))})",
            (values({**c, "id": n}, concept_columns) for n, c in enumerate(concepts, 1)))
        self.db.conn.executemany(
            f"insert into concept_terms ({', '.join(term_columns)}) values ({', '.join('?' * len(term_columns))})",
            (values({**t, "concept_id": n}, term_columns) for n, c in enumerate(concepts, 1) for t in c["terms"]))

    def termbase(self) -> Iterator[dict]:
        """Every concept with its terms, in id order."""
        terms: dict[int, list[dict]] = {}
        for t in self.db["concept_terms"].rows_where(order_by="concept_id, rowid"):
            terms.setdefault(t["concept_id"], []).append(_decode(t))
        for row in self.db["concepts"].rows_where(order_by="id"):
            yield {**_decode(row), "terms": terms.get(row["id"], [])}

    def add_import(self, file: str, concepts: list[dict]) -> None:
        stamp = now()
        self.db["imports"].insert_all(({"file": file, "concept": json.dumps(c, ensure_ascii=False),
                                        "created": stamp} for c in concepts), pk="id", batch_size=2000)

    def imported_concepts(self) -> Iterator[dict]:
        for row in self.db["imports"].rows_where(order_by="id"):
            yield json.loads(row["concept"])

    def add_curation(self, action: str, **args) -> None:
        self.db["curations"].insert({"action": action, "args": json.dumps(args, ensure_ascii=False),
                                     "created": now()}, pk="id")

    def curations(self) -> list[dict]:
        return [{"action": r["action"], "args": json.loads(r["args"]), "created": r["created"]}
                for r in self.db["curations"].rows_where(order_by="id")]


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


_JSON_COLUMNS = {"symbols", "evidence", "footnote_refs", "origins", "years", "contexts", "stats", "inconsistent",
                 "english", "doc_counts", "spellings", "examples", "forms", "sources", "notes"}


def _encode(row: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if k in _JSON_COLUMNS else v for k, v in row.items()}


def _decode(row: dict) -> dict:
    return {k: json.loads(v) if k in _JSON_COLUMNS and v is not None else v for k, v in row.items()}


def _check_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header and header != b"SQLite format 3\x00":
        raise InputError("is not an SQLite database (wrong file header)", path)
