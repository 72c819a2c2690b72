"""The ``shuyu`` command: a thin click layer over the library.

Each module here holds one command group and ends with ``COMMANDS = [...]``,
the click commands it adds to ``shuyu``; ``COMMAND_MODULES`` lists the
modules.  A command parses its options, makes one library call and prints.
The library is imported inside each command, so that `shuyu lookup` starts in
a fraction of a second: keep module-level imports to click and light modules.

Adding a command group (e.g. ``shuyu tm``): write ``cli/tm.py`` with its
commands and ``COMMANDS = [tm]``, and add ``"tm"`` to ``COMMAND_MODULES``.

Exit codes: 0 success, 1 nothing found / findings, 2 usage or input error, and 2 for any other
failure: ``ShuyuGroup`` is the one place where an exception becomes a one-line message (``--debug``
shows the traceback instead), so a crash can never pass for lint findings (exit 1).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import sys

import click

from shuyu import DEFAULT_DB, __version__
from shuyu.cli.common import Context
from shuyu.errors import ShuyuError, explain

COMMAND_MODULES = ["build", "corpus", "terms", "variants", "termbase", "lint", "tm", "align"]


def _fail(error: ShuyuError) -> None:
    click.echo(f"shuyu: error: {error}", err=True)
    sys.exit(error.exit_code)


def _reader_gone() -> None:
    """The reader of the output went away (`shuyu mine --tsv | head`): stop quietly, as a SIGPIPE'd tool does."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):  # CliRunner's stdout has no fd
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
    sys.exit(141)


class ShuyuGroup(click.Group):
    """Turns any exception below into a one-line message: ShuyuError with its exit code, a known system fault
    (lock, read-only, disk full) with what to do, anything else naming the command and the cause (exit 2)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ShuyuError as error:
            _fail(error)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            _reader_gone()
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            context = ctx.obj if isinstance(ctx.obj, Context) else Context(None)
            known = explain(exc, context.db_path())
            if known is not None:
                _fail(known)
            command = " ".join(["shuyu", ctx.invoked_subcommand or ""]).strip()
            cause = str(exc).splitlines()[0] if str(exc) else ""
            click.echo(
                f"shuyu: error: `{command}` failed: {type(exc).__name__}: {cause} (--debug shows where)", err=True
            )
            sys.exit(2)


@click.group(cls=ShuyuGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="shuyu")
@click.option(
    "--db",
    envvar="SHUYU_DB",
    type=click.Path(dir_okay=False),
    help=f"Database file (env SHUYU_DB). Default: {DEFAULT_DB} under the current directory.",
)
@click.option("--debug", is_flag=True, help="Show the Python traceback of an unexpected error.")
@click.pass_context
def main(ctx: click.Context, db: str | None, debug: bool) -> None:
    """shuyu (术语): terminology and translation memory for UN Chinese–English documents.

    \b
    Examples:
      shuyu build                       # ingest corpus/ into termbase/shuyu.db
      shuyu corpus list
      shuyu corpus show 2013-ga-res-68-198
      shuyu --db /tmp/my.db corpus add new.txt --year 2022
    """
    ctx.obj = Context(db)


for _name in COMMAND_MODULES:
    for _command in importlib.import_module(f"shuyu.cli.{_name}").COMMANDS:
        main.add_command(_command)
