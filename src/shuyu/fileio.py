"""Atomic file writes: a temporary file in the same folder, then a rename (whole files or streamed)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` so that ``path`` holds either its old content or all of the new, never a part."""
    with atomic_files() as open_file:
        open_file(path).write(data)


@contextmanager
def atomic_files() -> Iterator[Callable[[str | Path], BinaryIO]]:
    """Stream into any number of files; all of them appear at the end (renamed), none if anything failed.

    Each file is written to a temporary file in its own folder, so a split export
    of several files is replaced as a whole or not at all.
    """
    opened: list[tuple[BinaryIO, str, Path]] = []

    def open_file(path: str | Path) -> BinaryIO:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
        handle = os.fdopen(fd, "wb")
        opened.append((handle, tmp, path))
        return handle

    try:
        yield open_file
        for handle, tmp, _ in opened:
            handle.close()
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes the file private; a written file gets the usual mode
        for _, tmp, path in opened:
            os.replace(tmp, path)
    except BaseException:
        for handle, tmp, _ in opened:
            handle.close()
            Path(tmp).unlink(missing_ok=True)
        raise


# An Office file (.docx, .xlsx) whose parts unpack to more than this, or a part packed more tightly than text
# ever is, is refused before it is read: a small zip bomb would otherwise take all the memory.
ARCHIVE_MAX_UNPACKED = 256 * 1024 * 1024
ARCHIVE_MAX_RATIO = 200


def check_archive(path: str | Path, kind: str) -> None:
    """Refuse (InputError) a ZIP-based file that is damaged or would unpack to far more than it holds."""
    import zipfile

    from shuyu.errors import InputError

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise InputError(f"not a readable {kind} (damaged or truncated ZIP: {exc})", path) from None
    total = sum(m.file_size for m in members)
    if total > ARCHIVE_MAX_UNPACKED:
        raise InputError(
            f"refused: its parts unpack to {total:,} bytes (more than {ARCHIVE_MAX_UNPACKED:,}); not a document", path
        )
    for member in members:
        ratio = member.file_size // max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > ARCHIVE_MAX_RATIO:
            raise InputError(
                f"refused: part {member.filename} unpacks {ratio:,} times its packed size "
                f"({member.file_size:,} bytes), a ZIP bomb, not a document",
                path,
            )


def remove_temporaries(folder: str | Path, names: list[str]) -> None:
    """Delete the temporary files a killed run left beside ``names`` in ``folder`` (``atomic_files``'s own)."""
    for name in names:
        for leftover in Path(folder).glob(f".{name}-*"):
            leftover.unlink(missing_ok=True)


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
