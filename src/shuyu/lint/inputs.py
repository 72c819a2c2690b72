"""What lint reads: Chinese texts (.txt, .docx, stdin) and bilingual files (TMX, XLIFF, PO, or two aligned files).

Bilingual files are read through translate-toolkit; the Chinese side of each
unit is told by its characters, so a zh→en TMX works as well as an en→zh one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shuyu.corpus.reading import decode, read_file
from shuyu.errors import InputError
from shuyu.lint.checks import Segment
from shuyu.text.zh import is_chinese

BILINGUAL = (".tmx", ".xlf", ".xliff", ".po", ".pot")


def read_text(path: str, encoding: str | None = None) -> str:
    """A Chinese text: ``-`` is standard input; .txt in any encoding shuyu reads (or ``encoding``), or .docx.

    Standard input is read as bytes and decoded like a file, so GBK or broken UTF-8 there is an InputError
    naming ``<stdin>`` and the byte offset, not a crash."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return decode(data, Path("<stdin>"), encoding)[0] if data.strip() else ""
    return read_file(path, encoding).text


def read_segments(path: str) -> list[Segment]:
    """(source, target) units of a TMX, XLIFF or PO file, the English side as source."""
    from translate.storage import factory

    try:
        store = factory.getobject(path)
    except Exception as exc:  # translate-toolkit raises many kinds; all mean "cannot parse this file"
        raise InputError(f"cannot read as a bilingual file: {exc}", path) from None
    segments = []
    for number, unit in enumerate(store.units, 1):
        if unit.isheader() or not unit.source or not unit.target:
            continue
        source, target = str(unit.source), str(unit.target)
        if is_chinese(source) and not is_chinese(target):
            source, target = target, source
        element = getattr(unit, "xmlelement", None)
        line = element.sourceline if element is not None and element.sourceline else number
        segments.append(Segment(source, target, line, unit.getid() or str(number)))
    if not segments:
        raise InputError("no translated units in the file", path)
    return segments


def read_pair(target_path: str, source_path: str, encoding: str | None = None) -> list[Segment]:
    """Two line-aligned files: the Chinese text and its English source, line for line."""
    target = read_text(target_path, encoding).splitlines()
    source = read_text(source_path, encoding).splitlines()
    if len(source) != len(target):
        raise InputError(
            f"{len(target)} lines, but the source {source_path} has {len(source)}: the files must be "
            "aligned line for line",
            target_path,
        )
    return [Segment(s, t, n, str(n)) for n, (s, t) in enumerate(zip(source, target), 1) if s.strip() or t.strip()]


def is_bilingual(path: str) -> bool:
    return Path(path).suffix.casefold() in BILINGUAL
