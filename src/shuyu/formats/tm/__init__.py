"""Translation-memory file formats, one module per format behind one shape (as translate-toolkit's ``storage``).

Each module has ``NAME``, ``SUFFIXES`` and
``read(path, source_lang="en-US", target_lang="zh-CN", *, report=None) -> Iterator[TMUnit]``,
which streams the units of the requested language pair and records every
unit it leaves out in a ``ReadReport``; bad input is an ``InputError`` naming
the file (and line).  A writable format also has
``write(units, path, *, source_lang, target_lang, ...) -> WriteReport``,
which writes atomically.  Modules know files, not the database.
"""

from __future__ import annotations

from pathlib import Path

from shuyu.errors import InputError
from shuyu.formats.tm import po, tmx, xliff
from shuyu.formats.tm.base import ReadReport, Skip, WriteReport

FORMATS = {module.NAME: module for module in (tmx, xliff, po)}
WRITERS = {name: module for name, module in FORMATS.items() if hasattr(module, "write")}

__all__ = ["FORMATS", "WRITERS", "ReadReport", "Skip", "WriteReport", "by_name", "for_file"]


def by_name(name: str):
    if name not in FORMATS:
        raise InputError(f"unknown translation-memory format {name!r}; choose from {', '.join(FORMATS)}")
    return FORMATS[name]


def for_file(path: str | Path):
    """The reader for a file, by its suffix."""
    suffix = Path(path).suffix.casefold()
    for module in FORMATS.values():
        if suffix in module.SUFFIXES:
            return module
    known = ", ".join(s for module in FORMATS.values() for s in module.SUFFIXES)
    raise InputError(f"unknown translation-memory file type {suffix or '(none)'!r}; shuyu reads {known}", path)
