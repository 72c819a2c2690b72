"""Reading glossary text files: UTF-8 (with or without BOM) or UTF-16 with BOM, or a named encoding.

A file in another encoding (a CSV saved as GBK by Excel) is refused with the
line where decoding fails and the way out (``--encoding gbk``), never guessed.
"""

from __future__ import annotations

from pathlib import Path

from shuyu.errors import InputError


def read_text(path: Path, encoding: str | None = None) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    if not data.strip():
        raise InputError("empty file: no terms to import", path)
    if encoding is None:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16"
        else:
            encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path) from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = " (it looks like GBK/GB18030: add --encoding gbk)" if _looks_gbk(data) else ""
        raise InputError(f"not {encoding.replace('-sig', '')} text at byte {exc.start}{hint}", path, line) from None


def _looks_gbk(data: bytes) -> bool:
    try:
        data.decode("gb18030")
        return True
    except UnicodeDecodeError:
        return False
