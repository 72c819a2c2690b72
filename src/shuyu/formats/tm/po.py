"""Gettext PO files (software strings with their translations) as TM units, via translate-toolkit.

PO names only the target language (the ``Language`` header); the source is
taken to be the requested source language.  Untranslated and fuzzy entries
are reported skips: a fuzzy translation is a guess, not a memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from shuyu.formats.tm.base import ReadReport
from shuyu.formats.tm.toolkit import read_store
from shuyu.model.bitext import TMUnit

NAME = "po"
SUFFIXES = (".po", ".pot")


def read(
    path: str | Path, source_lang: str = "en-US", target_lang: str = "zh-CN", *, report: ReadReport | None = None
) -> Iterator[TMUnit]:
    """The translated, non-fuzzy entries of a PO file, oriented ``source_lang`` → ``target_lang``."""
    from translate.storage import pypo

    return read_store(pypo.pofile, path, source_lang, target_lang, report)
