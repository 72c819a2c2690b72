"""The connection to a shuyu database: header check, schema migration, transactions, JSON columns.

Its schema is versioned in the ``meta`` table (``shuyu.store.schema``).
Opening an older database migrates it; a newer one, or a file that is not a
shuyu database, is refused with a message that says why.  Every command runs
in one transaction (``Store.transaction``), so a failure leaves the database
as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from shuyu.errors import InputError, explain
from shuyu.store.readonly import newer_schema
from shuyu.store.schema import MIGRATIONS, SCHEMA_VERSION

# How long a command waits for another shuyu process's write to finish before saying so (milliseconds).
BUSY_TIMEOUT_MS = 10_000


class StoreCore:
    """A shuyu database file: the connection (``self.db``, sqlite-utils) that the domain mixins query."""

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
            self.db.execute(f"pragma busy_timeout = {int(BUSY_TIMEOUT_MS)}")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise explain(exc, self.path) or InputError(f"not a usable SQLite database ({exc})", self.path) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator:
        """One write transaction, its lock taken at the start (BEGIN IMMEDIATE): a second writer waits up to
        ``BUSY_TIMEOUT_MS`` then fails before doing any work, so no decision is computed and then lost."""
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        try:
            self.db.execute("begin immediate")
            # A write that changes nothing: a read-only file fails here, before any work is done.
            self.db.execute("update meta set value = value where key = 'schema_version'")
        except sqlite3.OperationalError as exc:
            raise explain(exc, self.path) or exc from None
        try:
            yield self
        except BaseException:
            self.db.conn.rollback()
            raise
        try:
            self.db.execute("commit")
        except sqlite3.OperationalError as exc:
            self.db.conn.rollback()
            raise explain(exc, self.path) or exc from None

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
            raise newer_schema(self.path, version, SCHEMA_VERSION)
        if version == SCHEMA_VERSION:
            return
        with self.db.atomic():
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](self.db)
                version += 1
            self.db["meta"].insert({"key": "schema_version", "value": str(version)}, pk="key", replace=True)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


JSON_COLUMNS = {
    "symbols",
    "zh_lines",
    "en_lines",
    "evidence",
    "footnote_refs",
    "origins",
    "years",
    "contexts",
    "stats",
    "inconsistent",
    "english",
    "doc_counts",
    "spellings",
    "examples",
    "forms",
    "sources",
    "notes",
}


def encode(row: dict) -> dict:
    """A row ready to store: the JSON columns serialised."""
    return {k: json.dumps(v, ensure_ascii=False) if k in JSON_COLUMNS else v for k, v in row.items()}


def decode(row: dict) -> dict:
    """A stored row with its JSON columns parsed."""
    return {k: json.loads(v) if k in JSON_COLUMNS and v is not None else v for k, v in row.items()}


def _check_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header and header != b"SQLite format 3\x00":
        raise InputError("is not an SQLite database (wrong file header)", path)
