"""Excel workbook (openpyxl): the same table as CSV, for Trados MultiTerm Convert, memoQ and Phrase."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from shuyu.errors import InputError
from shuyu.fileio import atomic_write_bytes, check_archive
from shuyu.formats.termbase import table
from shuyu.model.terms import Concept

NAME = "xlsx"
SUFFIXES = (".xlsx",)


def write(concepts: list[Concept], path: Path, **options) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "termbase"
    content = table.rows(concepts)
    for row in content:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    _widths(sheet, content)
    # Dated by the termbase, not the clock, so the same termbase gives the same file.
    stamps = [c.modified for c in concepts if c.modified]
    stamp = dt.datetime.fromisoformat(max(stamps)[:10]) if stamps else dt.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = stamp
    out = io.BytesIO()
    book.save(out)
    atomic_write_bytes(path, _fixed_zip_times(out.getvalue(), stamp))


def _widths(sheet, content: list[list[str]]) -> None:
    """Columns as wide as their content (a Chinese character counts two), within reason; a bold header."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from shuyu.text.zh import display_width

    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for k in range(len(content[0])):
        widest = max(display_width(str(row[k])) for row in content if k < len(row))
        sheet.column_dimensions[get_column_letter(k + 1)].width = min(60, max(8, widest + 2))


def _fixed_zip_times(data: bytes, stamp: dt.datetime) -> bytes:
    """The same archive with every entry, and the document's modification date, dated ``stamp``.

    Zip entries carry the time of writing, and openpyxl sets dcterms:modified to
    the time of saving whatever the properties say.
    """
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + iso, content)
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


def read(path: Path, **options) -> list[Concept]:
    from openpyxl import load_workbook

    check_archive(path, "Excel workbook")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        cells = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # zipfile, lxml and openpyxl raise many kinds (also while rows are read)
        raise InputError(f"not a readable Excel workbook ({type(exc).__name__}: {exc})", path) from None
    return table.read(cells, path)
