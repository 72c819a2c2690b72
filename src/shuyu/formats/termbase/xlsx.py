"""Excel workbook (openpyxl): the same table as CSV, for Trados MultiTerm Convert, memoQ and Phrase."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from shuyu.errors import InputError
from shuyu.fileio import atomic_write_bytes
from shuyu.formats.termbase import table
from shuyu.model.terms import Concept

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
    # Dated by the termbase, not the clock, so the same termbase gives the same file.
    stamps = [c.modified for c in concepts if c.modified]
    stamp = dt.datetime.fromisoformat(max(stamps)[:10]) if stamps else dt.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = stamp
    out = io.BytesIO()
    book.save(out)
    atomic_write_bytes(path, _fixed_zip_times(out.getvalue(), stamp))


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

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(f"not a readable Excel workbook ({exc})", path) from None
    sheet = book.worksheets[0]
    cells = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    return table.read(cells, path)
