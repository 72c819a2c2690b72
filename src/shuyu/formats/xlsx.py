"""Excel workbook (openpyxl): the same table as CSV, for Trados MultiTerm Convert, memoQ and Phrase."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from shuyu.errors import InputError
from shuyu.fileio import atomic_write_bytes
from shuyu.formats import table
from shuyu.termbase.model import Concept

NAME = "xlsx"
SUFFIXES = (".xlsx",)


def write(concepts: list[Concept], path: Path, **options) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "termbase"
    for row in table.rows(concepts):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    atomic_write_bytes(path, out.getvalue())


def read(path: Path, **options) -> list[Concept]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(f"not a readable Excel workbook ({exc})", path) from None
    sheet = book.worksheets[0]
    cells = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    return table.read(cells, path)
