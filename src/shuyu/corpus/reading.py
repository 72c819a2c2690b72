"""Read a document file into text: encodings, BOMs, UTF-16, GB18030/GBK and .docx.

Undecodable input is refused with the file name and byte offset; nothing is
ever decoded into mojibake.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from shuyu.errors import InputError
from shuyu.fileio import check_archive

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class RawText:
    """A file's decoded text, exactly as the user's file has it."""

    path: Path
    text: str
    encoding: str  # e.g. utf-8, utf-8-sig, utf-16, gb18030, docx
    sha256: str

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a raw text offset."""
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col


def read_file(path: str | Path, encoding: str | None = None) -> RawText:
    """Read ``path`` (.txt in any supported encoding, or .docx)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a document file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError("empty file: no text to ingest", path)
    if data[:4] == b"PK\x03\x04":
        if path.suffix.lower() != ".docx":
            raise InputError("is a ZIP archive; only .docx Word files are read", path)
        return RawText(path, docx_text(open_docx(path)), "docx", digest)
    if path.suffix.lower() == ".docx":
        raise InputError("is not a Word .docx file (not a ZIP archive; a .doc or text file renamed?)", path)
    text, used = decode(data, path, encoding)
    if not text.strip():
        raise InputError("empty file: no text to ingest", path)
    return RawText(path, text, used, digest)


def decode(data: bytes, path: Path, encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes, detecting the encoding unless one is given."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", path) from None
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {encoding}: undecodable bytes at byte offset {exc.start}", path) from None
        _refuse_mojibake(data, text, encoding, path)
        return text, encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {codec} byte-order mark but has undecodable bytes at byte offset {exc.start}",
                    path,
                ) from None
    nul = data.find(b"\x00")
    utf8_error = None
    if nul < 0:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            utf8_error = exc
    # The most plausible of the other encodings UN files come in, if any is plausible.
    candidates = []
    for codec in ("gb18030", "utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), codec, text))
    if candidates:
        score, codec, text = max(candidates)
        if score >= 0.95:
            return text, codec
    if utf8_error is None:
        raise InputError(
            f"binary file (NUL byte at byte offset {nul}); expected text (.txt) or a Word document (.docx)", path
        )
    raise InputError(
        f"not UTF-8 (undecodable bytes at byte offset {utf8_error.start}) and not plausible "
        "GB18030 or UTF-16 text; give the encoding with --encoding",
        path,
    )


def _refuse_mojibake(data: bytes, text: str, encoding: str, path: Path) -> None:
    """A forced encoding that turns text into mojibake while another one reads it cleanly is refused, naming it."""
    if _plausibility(text) >= 0.9:
        return
    try:
        detected_text, detected = decode(data, path)
    except InputError:
        return  # nothing reads it better: the user's encoding stands
    if detected != encoding and _plausibility(detected_text) > _plausibility(text):
        raise InputError(
            f"read as {encoding} the text is mojibake ({_plausibility(text):.0%} usual characters), while it reads "
            f"cleanly as {detected}: drop --encoding, or give --encoding {detected}",
            path,
        )


def _plausibility(text: str) -> float:
    """Share of characters a UN document is made of: CJK, printable ASCII, common punctuation.

    Byte soup that an encoding happens to accept scores low (control characters,
    private-use and rare code points).
    """
    if not text:
        return 0.0
    usual = sum(
        1
        for ch in text
        if " " <= ch <= "~"
        or ch in "\r\n\t"
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2010" <= ch <= "\u206f"
        or ch in "·¹²³⁴⁵⁶⁷⁸⁹⁰"
    )
    return usual / len(text)


def open_docx(path: Path):
    """The python-docx Document of a Word file, after checking its parts' sizes; any damage is an InputError."""
    import docx  # imported lazily: only Word input needs it

    check_archive(path, "Word .docx file")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # zipfile, zlib, lxml and python-docx raise many kinds; all mean "damaged"
        raise InputError(f"not a readable Word .docx file ({type(exc).__name__}: {exc})", path) from None
    if getattr(document.element, "body", None) is None:  # a damaged main part parses as some other element
        raise InputError("not a readable Word .docx file (its main part is no w:document body)", path)
    return document


def docx_lines(document) -> list[list]:
    """The text elements (w:t) of each line shuyu reads from a Word file: body paragraphs and table cells."""
    lines: list[list] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append([t for t in child.iter() if t.tag.endswith("}t")])
        elif tag == "tbl":
            for cell in child.iter():
                if cell.tag.endswith("}tc"):
                    lines.append([t for t in cell.iter() if t.tag.endswith("}t")])
    return lines


def docx_text(document) -> str:
    """Body paragraphs and table cells of a Word file, one line each."""
    return "\n".join("".join(t.text or "" for t in line) for line in docx_lines(document))
