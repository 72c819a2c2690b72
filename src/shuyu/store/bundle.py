"""A compact read-only copy of a database's termbase, to ship inside the package (``shuyu.data``)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from shuyu.fileio import atomic_write_bytes

# The tables lint and lookup read; everything else (documents, mining, TM) stays out.
_KEEP = ("meta", "concepts", "concept_terms")
_SCHEMA_COOKIE = 1
_TIMES = ("created", "modified")  # when a build wrote a row, not what the termbase holds


def write_bundle(database: str | Path, target: str | Path) -> Path:
    """A compact read-only copy of ``database``'s termbase at ``target`` (written atomically)."""
    target = Path(target)
    scratch = target.with_name(target.name + ".tmp")
    scratch.unlink(missing_ok=True)
    with sqlite3.connect(database) as source:
        source.execute("vacuum into ?", [str(scratch)])
    try:
        with sqlite3.connect(scratch) as copy:
            # Virtual (FTS) tables first: dropping one drops its shadow tables.
            tables = [
                r[0]
                for r in copy.execute(
                    "select name from sqlite_master where type = 'table' and name "
                    "not like 'sqlite_%' order by sql not like 'CREATE VIRTUAL%'"
                )
            ]
            for table in tables:
                if table not in _KEEP:
                    copy.execute(f'drop table if exists "{table}"')
            copy.commit()
            copy.execute("vacuum")
            # The schema cookie counts the source's schema changes (its search index is rebuilt on every
            # build); a fixed value makes the same termbase the same bytes, so a rebuild leaves no diff.
            copy.execute(f"pragma schema_version = {_SCHEMA_COOKIE}")
        # A rebuild from scratch stamps every row anew: the same termbase keeps the file it has (no diff).
        if not (target.exists() and _content(target) == _content(scratch)):
            atomic_write_bytes(target, scratch.read_bytes())
    finally:
        scratch.unlink(missing_ok=True)
    return target


def _content(path: Path) -> list:
    """The schema and every row of the kept tables without its write times, in a fixed order."""
    with closing(sqlite3.connect(path)) as db:
        rows = [db.execute("select type, name, sql from sqlite_master order by type, name").fetchall()]
        for table in _KEEP:
            columns = [r[1] for r in db.execute(f'pragma table_info("{table}")') if r[1] not in _TIMES]
            names = ", ".join(f'"{c}"' for c in columns)
            rows.append(db.execute(f'select {names} from "{table}" order by {names}').fetchall())
    return rows
