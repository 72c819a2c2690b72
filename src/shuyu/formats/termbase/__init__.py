"""Termbase file formats, one module per format behind one contract, and their registry.

The contract: a module has ``NAME`` (its ``--format`` name), ``SUFFIXES``,
``write(concepts, path, **options)`` (atomic: nothing written on failure; it returns how many concepts it
wrote when that can be fewer than given, as a glossary needing both languages does, else None) and
``read(path, **options) -> list[Concept]`` (bad input raises ``InputError`` naming
the file and line).  It knows the file, not the database.  ``tbx`` holds what
TBX v3 and v2 share (``Dialect``), ``table`` what the tabular formats share.

Adding a format: a module here, an entry in ``FORMATS`` (and in ``for_file``'s
readers if its suffix should pick it), and a subclass of
``TermbaseFormatContract`` in tests/test_formats_termbase.py.
"""

from __future__ import annotations

from pathlib import Path

from shuyu.errors import InputError
from shuyu.formats.termbase import csvtable, omegat_tbx, tbx2, tbx3, tsv, xlsx

FORMATS = {module.NAME: module for module in (tbx3, tbx2, omegat_tbx, tsv, csvtable, xlsx)}


def by_name(name: str):
    if name not in FORMATS:
        raise InputError(f"unknown format {name!r}; choose from {', '.join(FORMATS)}")
    return FORMATS[name]


def for_file(path: Path):
    """The reader for a file, by its suffix (TBX v2 and v3 are told apart by the root element)."""
    suffix = path.suffix.casefold()
    for module in (tbx3, csvtable, xlsx, tsv):
        if suffix in module.SUFFIXES:
            return module
    raise InputError(
        f"unknown file type {suffix or '(none)'!r}; shuyu imports .tbx, .csv, .tsv/.tab/.txt and "
        ".xlsx (or say --format)",
        path,
    )
