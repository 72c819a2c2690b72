"""The code's layout rules that a reviewer would otherwise check by hand."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

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


_IMPORT = re.compile(r"^\s*(?:from (shuyu(?:\.\w+)*) import ([^#\n]+)|import (shuyu(?:\.\w+)*))", re.MULTILINE)


def _imports(package: str) -> dict[str, set[str]]:
    """For each module of a shuyu package, the shuyu modules it imports (``from X import y`` as X and X.y)."""
    result = {}
    for path in sorted((SRC / package).rglob("*.py")):
        found = set()
        for source, names, plain in _IMPORT.findall(path.read_text(encoding="utf-8")):
            if plain:
                found.add(plain)
            else:
                if source != "shuyu":
                    found.add(source)
                found.update(f"{source}.{n.strip().split(' as ')[0]}" for n in names.strip("()").split(","))
        result[str(path.relative_to(SRC))] = found
    return result


@pytest.mark.parametrize(
    "package, allowed",
    [
        ("model", ("shuyu.model", "shuyu.errors", "shuyu.text", "shuyu.years")),
        ("text", ("shuyu.text", "shuyu.errors")),
        ("store", ("shuyu.store", "shuyu.model", "shuyu.errors", "shuyu.text", "shuyu.fileio")),
        (
            "formats",
            (
                "shuyu.formats",
                "shuyu.model",
                "shuyu.text",
                "shuyu.errors",
                "shuyu.fileio",
                "shuyu.years",
                "shuyu.__version__",
            ),
        ),
    ],
)
def test_lower_packages_import_nothing_above_them(package, allowed):
    above = {
        module: sorted(m for m in found if not m.startswith(allowed)) for module, found in _imports(package).items()
    }
    assert {module: found for module, found in above.items() if found} == {}


def test_no_module_imports_another_packages_private_names():
    offenders = []
    for package in sorted(p.name for p in SRC.iterdir() if p.is_dir() and p.name != "__pycache__"):
        for module, found in _imports(package).items():
            offenders += [
                f"{module}: {m}"
                for m in found
                if m.rsplit(".", 1)[-1].startswith("_")
                and not m.startswith(f"shuyu.{package}.")
                and m.rsplit(".", 1)[-1] not in ("__version__",)
            ]
    assert offenders == []


def test_the_cli_and_lookup_start_without_the_heavy_libraries():
    # `shuyu lookup` answers in a fraction of a second because these load only in the commands that need them.
    code = (
        "import sys, shuyu.cli, shuyu.termbase.lookup, shuyu.store.readonly, shuyu.lint.rules; "
        "print(sorted(m for m in ('sqlite_utils', 'jieba', 'numpy', 'lxml', 'opencc', 'openpyxl') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(SRC.parent)},
    )
    assert result.stdout.strip() == "[]"


def test_the_cli_offers_every_registered_termbase_format():
    from shuyu.cli.termbase import FORMAT_NAMES
    from shuyu.formats import termbase as formats

    assert list(formats.FORMATS) == FORMAT_NAMES
