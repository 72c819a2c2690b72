"""CSV glossary (UTF-8 with BOM, so Excel opens Chinese correctly): memoQ, Trados MultiTerm, Phrase.

Reading also takes a headerless OmegaT CSV glossary (source, target, comment).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from shuyu.errors import InputError
from shuyu.fileio import atomic_write_bytes
from shuyu.formats.termbase import table, text, tsv
from shuyu.model.terms import Concept

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
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(f"not a readable CSV table: {exc}", path, reader.line_num + 1) from None
    if rows and not table.has_language_header(rows[0]) and all(len(r) in (2, 3) for r in rows if any(r)):
        # No header: an OmegaT-style glossary (source, target[, comment]).
        return tsv.read_pairs(
            [(n, r) for n, r in enumerate(rows, 1) if any(r) and not r[0].startswith("#")],
            path,
            options.get("direction", "en-zh"),
        )
    return table.read(rows, path)
