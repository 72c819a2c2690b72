"""The ``shuyu`` command: a thin click layer over the library.

Each module here holds one command group and ends with ``COMMANDS = [...]``,
the click commands it adds to ``shuyu``; ``COMMAND_MODULES`` lists the
modules.  A command parses its options, makes one library call and prints.
The library is imported inside each command, so that `shuyu lookup` starts in
a fraction of a second: keep module-level imports to click and light modules.

Adding a command group (e.g. ``shuyu tm``): write ``cli/tm.py`` with its
commands and ``COMMANDS = [tm]``, and add ``"tm"`` to ``COMMAND_MODULES``.

Exit codes: 0 success, 1 nothing found / findings, 2 usage or input error.
"""

from __future__ import annotations

import importlib
import sys

import click

from shuyu import DEFAULT_DB, __version__
from shuyu.cli.common import Context
from shuyu.errors import ShuyuError

COMMAND_MODULES = ["build", "corpus", "terms", "variants", "termbase", "lint", "tm", "align"]


def _fail(error: ShuyuError) -> None:
    click.echo(f"shuyu: error: {error}", err=True)
    sys.exit(error.exit_code)


class ShuyuGroup(click.Group):
    """Turns ShuyuError into a one-line message and its exit code, anywhere below."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ShuyuError as error:
            _fail(error)


@click.group(cls=ShuyuGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="shuyu")
@click.option(
    "--db",
    envvar="SHUYU_DB",
    type=click.Path(dir_okay=False),
    help=f"Database file (env SHUYU_DB). Default: {DEFAULT_DB} under the current directory.",
)
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
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
