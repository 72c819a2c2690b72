"""``shuyu align``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from shuyu.cli.common import Context


@click.command("align")
@click.argument("zh_file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("en_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["tsv", "json", "tmx", "beads"]),
    default="tsv",
    show_default=True,
    help="tsv: zh, en, confidence, bead; json: [{zh, en, confidence, …}]; tmx: en-US → zh-CN; beads: [0]:[0,1].",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (default: stdout).")
@click.option(
    "--presplit", is_flag=True, help="Both files hold one sentence per line; beads give 0-based line numbers."
)
@click.pass_obj
def align(obj: Context, zh_file: Path, en_file: Path, fmt: str, output: Path | None, presplit: bool) -> None:
    """Align a Chinese text with its English counterpart, sentence by sentence.

    Every pair carries a confidence; pairs below 0.5 are marked. The verdict on
    the whole goes to stderr. Exit 1 when the two texts do not align well (not
    translations of each other, or one much longer): the pairs are still written.

    \b
    Examples:
      shuyu align A_RES_70_1_C.txt A_RES_70_1_E.txt --format json -o pairs.json
      shuyu align zh.txt en.txt --presplit --format beads
    """
    from shuyu.align.files import align_files, summary

    result = align_files(zh_file, en_file, fmt, output, presplit)
    if result.text is not None:
        click.echo(result.text, nl=False)
    click.echo(summary(result), err=True)
    if not result.quality.ok:
        sys.exit(1)


COMMANDS = [align]
