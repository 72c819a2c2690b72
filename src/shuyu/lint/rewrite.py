"""``lint --fix --in-place``: the user's file rewritten as the same kind of file, the backup its original bytes.

A text file keeps its encoding and byte-order mark; a Word file keeps its formatting, each correction made
inside the runs that hold the term.  Whatever cannot be written back exactly is refused before any file is
touched (a text whose encoding does not round-trip) or left and reported (a term split across runs that
are formatted differently).
"""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass
from pathlib import Path

from shuyu.corpus.reading import decode, docx_lines, docx_text, open_docx
from shuyu.errors import InputError
from shuyu.fileio import atomic_files
from shuyu.lint.checks import Finding


@dataclass
class Source:
    """A file to fix: its bytes, the text lint checks, and how to write a changed text back."""

    path: Path
    data: bytes
    text: str
    encoding: str
    document: object | None = None  # the python-docx Document of a Word file


def load(path: str | Path, encoding: str | None = None) -> Source:
    """Read a file to fix in place, refusing (before anything is written) one that would not round-trip."""
    from shuyu.corpus.reading import read_file

    path = Path(path)
    raw = read_file(path, encoding)
    data = path.read_bytes()
    if raw.encoding == "docx":
        document = open_docx(path)
        return Source(path, data, docx_text(document), "docx", document)
    source = Source(path, data, raw.text, raw.encoding)
    if encode(source, raw.text) != data:
        raise InputError(
            f"cannot rewrite in place: its {raw.encoding} text does not re-encode to the same bytes; "
            "use --fix without --in-place",
            path,
        )
    return source


def encode(source: Source, text: str) -> bytes:
    """``text`` in the file's own encoding, with its byte-order mark if it had one."""
    if source.encoding == "utf-16":  # a BOM told the byte order: keep it
        big = source.data.startswith(codecs.BOM_UTF16_BE)
        return (codecs.BOM_UTF16_BE if big else codecs.BOM_UTF16_LE) + text.encode("utf-16-be" if big else "utf-16-le")
    return text.encode(source.encoding)


def apply(source: Source, fixable: list[Finding]) -> tuple[bytes, list[Finding]]:
    """The new file's bytes and the findings actually fixed (of ``fixable``: deprecated forms with a suggestion)."""
    if source.document is None:
        text = source.text
        for f in sorted(fixable, key=lambda f: f.start, reverse=True):
            text = text[: f.start] + f.suggestion + text[f.end :]
        data = encode(source, text)
        if decode(data, source.path, source.encoding)[0] != text:
            raise InputError(f"cannot write the corrections in {source.encoding}", source.path)
        return data, fixable
    fixed = [f for f in sorted(fixable, key=lambda f: f.start, reverse=True) if _fix_in_runs(source, f)]
    buffer = io.BytesIO()
    source.document.save(buffer)
    return buffer.getvalue(), sorted(fixed, key=lambda f: f.start)


def _fix_in_runs(source: Source, finding: Finding) -> bool:
    """Replace a finding's span inside the Word text elements that hold it; False when the span crosses runs
    formatted differently (the user must fix it by hand)."""
    line_start = 0
    for line in docx_lines(source.document):
        length = sum(len(t.text or "") for t in line)
        if line_start + length >= finding.end:
            break
        line_start += length + 1  # the newline docx_text puts between lines
    start, end = finding.start - line_start, finding.end - line_start
    pieces, offset = [], 0
    for element in line:
        text = element.text or ""
        if offset < end and offset + len(text) > start:
            pieces.append((element, offset, text))
        offset += len(text)
    if len({_formatting(element) for element, _, _ in pieces}) != 1:
        return False
    for k, (element, at, text) in enumerate(pieces):
        head = text[: max(start - at, 0)]
        tail = text[max(end - at, 0) :] if end - at < len(text) else ""
        element.text = head + (finding.suggestion if k == 0 else "") + tail
        if element.text != element.text.strip():
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return True


def _formatting(element) -> bytes:
    """The run properties of a text element's run (bold, italic, font…), as XML."""
    from lxml import etree

    run = element.getparent()
    properties = run.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rPr")
    return etree.tostring(properties) if properties is not None else b""


def write(source: Source, data: bytes) -> None:
    """The new bytes in place and the original bytes as FILE.bak, both or neither."""
    with atomic_files() as open_file:
        open_file(backup_path(source.path)).write(source.data)
        open_file(source.path).write(data)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")
