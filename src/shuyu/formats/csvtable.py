"""CSV glossary (UTF-8 with BOM, so Excel opens Chinese correctly): memoQ, Trados MultiTerm, Phrase."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from shuyu.fileio import atomic_write_bytes
from shuyu.formats import table, text
from shuyu.termbase.model import Concept

NAME = "csv"
SUFFIXES = (".csv",)


def write(concepts: list[Concept], path: Path, **options) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(table.rows(concepts))
    atomic_write_bytes(path, "\ufeff".encode() + out.getvalue().encode("utf-8"))


def read(path: Path, encoding: str | None = None, **options) -> list[Concept]:
    content = text.read_text(path, encoding)
    header = content.lstrip().partition("\n")[0]
    delimiter = max(",;\t", key=header.count)  # Excel writes ';' in some locales, tab-separated also comes as .csv
    return table.read(list(csv.reader(io.StringIO(content), delimiter=delimiter)), path)
