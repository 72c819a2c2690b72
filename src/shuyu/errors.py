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
