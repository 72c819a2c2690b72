"""Errors a user can act on: each names the file (and place) and the problem."""

from __future__ import annotations

from pathlib import Path


class ShuyuError(Exception):
    """An input or usage problem; the CLI prints it and exits with code 2."""

    exit_code = 2

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return where + self.message


class InputError(ShuyuError):
    """A file that cannot be read as a document, manifest or database."""


class NotFound(ShuyuError):
    """What was asked for is not there (a document id, a term): exit code 1."""

    exit_code = 1


def explain(exc: BaseException, database: str | Path | None = None) -> ShuyuError | None:
    """The user's side of a system fault (a locked or read-only database, a full disk, a file that cannot be
    written), or None when ``exc`` is a bug.  The CLI edge and the store share this one reading of faults."""
    import errno
    import sqlite3

    db = str(database) if database is not None else "the database"
    if isinstance(exc, sqlite3.OperationalError):
        message = str(exc).casefold()
        if "locked" in message or "busy" in message:
            return ShuyuError(f"another shuyu process is writing to {db}; try again when it finishes")
        if "readonly" in message or "read-only" in message:
            return ShuyuError(f"{db} is read-only (the file or its folder): shuyu cannot record changes there")
        if "disk is full" in message or "disk i/o" in message:
            return ShuyuError(f"no space left on the disk of {db} (or a disk I/O error); nothing was changed")
    if isinstance(exc, OSError) and exc.errno is not None:
        target = exc.filename or db
        if exc.errno == errno.ENOSPC:
            return ShuyuError(f"no space left on the device; nothing was written to {target}")
        if exc.errno in (errno.EEXIST, errno.ENOTDIR):  # a folder was needed where a file is
            return ShuyuError("is a file, not a folder: cannot write under it", target)
        if exc.filename:  # permission, read-only file system, no such folder…
            return ShuyuError(exc.strerror or str(exc), target)
    return None
