"""The code's layout rules that a reviewer would otherwise check by hand."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "shuyu"

# SQL statements, and the sqlite3 / sqlite-utils calls that run them: they belong in shuyu.store.
_SQL = re.compile(
    r"""\bselect\b[^\n]*\bfrom\b|\binsert\s+(or\s+\w+\s+)?into\b|\bupdate\s+\w+\s+set\b|\bdelete\s+from\b"""
    r"""|\bcreate\s+(unique\s+)?(table|index|view|trigger)\b|\bdrop\s+table\b"""
    r"""|\.execute(many)?\(|\.rows_where\(|\.delete_where\(|\.db\[""",
    re.IGNORECASE,
)


def test_no_sql_outside_the_store():
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path.relative_to(SRC).parts[0] == "store":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _SQL.search(line):
                offenders.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_pattern_finds_sql():
    assert _SQL.search('db.execute("select id from documents where sha256 = ?")')
    assert _SQL.search("CREATE TABLE tm_units (id integer)")
    assert not _SQL.search("Select the terms that the user accepted.")
