"""The UN termbase shipped inside the package, so lint and lookup work in any folder.

``unterm.db`` is a compact copy of the bundled corpus's termbase (concepts and
their terms only, no corpus), written by ``shuyu build`` in a shuyu checkout.
It is used when no ``--db``, ``SHUYU_DB`` or ``shuyu.toml`` names a termbase and
there is no ``termbase/shuyu.db`` in the current folder.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from shuyu.fileio import atomic_write_bytes

BUNDLED = Path(__file__).resolve().parent / "unterm.db"
# The tables lint and lookup read; everything else (documents, mining, TM) stays out.
_KEEP = ("meta", "concepts", "concept_terms")


def or_bundled(path: Path) -> Path:
    """``path`` when it exists, else the bundled termbase (when installed), else ``path`` (for the error)."""
    return path if path.exists() or not BUNDLED.is_file() else BUNDLED


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
            tables = [r[0] for r in copy.execute("select name from sqlite_master where type = 'table' and name "
                                                  "not like 'sqlite_%' order by sql not like 'CREATE VIRTUAL%'")]
            for table in tables:
                if table not in _KEEP:
                    copy.execute(f'drop table if exists "{table}"')
            copy.commit()
            copy.execute("vacuum")
        atomic_write_bytes(target, scratch.read_bytes())
    finally:
        scratch.unlink(missing_ok=True)
    return target
