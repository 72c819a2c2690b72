"""What the command modules share: the context object, progress bars, small printing helpers."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from shuyu import DEFAULT_DB


class Context:
    def __init__(self, db: str | None):
        self.explicit_db = db

    def db_path(self, out: Path | None = None) -> Path:
        if self.explicit_db:
            return Path(self.explicit_db)
        return (out / DEFAULT_DB) if out else DEFAULT_DB

    def termbase_path(self) -> Path:
        """The termbase to read: the one named, else the local one, else the UN termbase shipped in the package."""
        from shuyu.data import or_bundled

        return self.db_path() if self.explicit_db else or_bundled(self.db_path())


def corpus_option(help: str):
    """``--corpus DIR`` (default ``corpus``), shared by the commands that read or record the manifest."""
    return click.option(
        "--corpus",
        "corpus_dir",
        default="corpus",
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help=help,
    )


class StageProgress:
    """A progress bar per stage on stderr (stage names only when stderr is not a terminal)."""

    def __init__(self, prefix: str = "mining") -> None:
        self.prefix = prefix
        self.stage = None
        self.bar = None

    def __call__(self, stage: str, chars: int, total: int) -> None:
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = click.progressbar(length=max(total, chars, 1), label=f"{self.prefix}: {stage}", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(min(chars, self.bar.length) - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@contextlib.contextmanager
def progressbar(items, label: str):
    with click.progressbar(items, label=label, file=sys.stderr, show_pos=True) as bar:
        yield bar


def print_notes(result) -> None:
    for note in result.notes:
        click.echo(f"{result.id}: {note}", err=True)


def excerpt(text: str, start: int, end: int, context: int = 18) -> str:
    """The passage around a span, the span in [brackets]."""
    left = ("…" if start > context else "") + text[max(0, start - context) : start]
    right = text[end : end + context] + ("…" if end + context < len(text) else "")
    return f"{left}[{text[start:end]}]{right}"
