"""XLIFF 1.x bilingual files (what CAT tools and translate-toolkit exchange) as TM units, via translate-toolkit.

The file's own source and target languages must be the requested pair (or
its reverse); untranslated units are reported skips.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from shuyu.formats.tm.base import ReadReport
from shuyu.formats.tm.toolkit import read_store
from shuyu.model.bitext import TMUnit

NAME = "xliff"
SUFFIXES = (".xlf", ".xliff")


def read(
    path: str | Path, source_lang: str = "en-US", target_lang: str = "zh-CN", *, report: ReadReport | None = None
) -> Iterator[TMUnit]:
    """The translated units of an XLIFF file, oriented ``source_lang`` → ``target_lang``."""
    from translate.storage import xliff

    return read_store(xliff.xlifffile, path, source_lang, target_lang, report)
