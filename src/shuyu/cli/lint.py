"""``shuyu lint``: Chinese texts and bilingual files checked against the termbase."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from shuyu.cli.common import Context


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["human", "json", "sarif"]),
    default="human",
    show_default=True,
    help="How to print findings.",
)
@click.option(
    "--fail-level",
    type=click.Choice(["error", "warning", "note"]),
    help="Exit 1 when a finding is at least this severe (default: shuyu.toml's, else error).",
)
@click.option(
    "--source",
    type=click.Path(dir_okay=False, exists=True),
    help="The English source of a Chinese text file, aligned line for line.",
)
@click.option("--fix", "apply_fix", is_flag=True, help="Print the text with deprecated forms replaced.")
@click.option("--in-place", is_flag=True, help="With --fix: rewrite the files, keeping FILE.bak.")
@click.option("--encoding", help="Encoding of text files and standard input (default: detected).")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Configuration file (default: the nearest shuyu.toml).",
)
@click.pass_obj
def lint(obj: Context, paths, output_format, fail_level, source, apply_fix, in_place, encoding, config_path) -> None:
    """Check Chinese texts and bilingual files against the termbase.

    Reads .txt and .docx (or - for standard input), and TMX, XLIFF and PO files.
    Checks: deprecated-term, mixed-forms; with a source: missing-term,
    inconsistent-translation, inconsistent-source, number-mismatch. A line with
    `shuyu: ignore` (or `shuyu: ignore[deprecated-term]`) is skipped.

    Exit codes: 0 nothing at or above the fail level, 1 findings, 2 usage or input error.

    \b
    Examples:
      shuyu lint draft.txt
      shuyu lint job.tmx --format sarif > lint.sarif
      shuyu lint zh.txt --source en.txt --fail-level warning
      shuyu lint draft.txt --fix --in-place      # also .docx: formatting kept, FILE.bak the original
    """
    from shuyu.lint import linter, output
    from shuyu.lint.config import load_config
    from shuyu.lint.inputs import is_bilingual

    config = load_config(config_path)
    if obj.explicit_db:
        config.termbase = Path(obj.explicit_db)
    if in_place and not apply_fix:
        raise click.UsageError("--in-place goes with --fix")
    if apply_fix and (source or any(is_bilingual(p) for p in paths)):
        raise click.UsageError("--fix rewrites Chinese texts (.txt, .docx or -), not bilingual files")
    if apply_fix and not in_place and len(paths) > 1:
        raise click.UsageError("--fix prints one text: give one file, or --in-place")
    if in_place and "-" in paths:
        raise click.UsageError("--in-place cannot rewrite standard input")
    if apply_fix:
        fixed_files = linter.fix_files(list(paths), config, in_place=in_place, encoding=encoding)
        findings = [f for result in fixed_files for f in result.remaining]
        for result in fixed_files:
            if in_place:
                click.echo(f"{result.path}: {len(result.fixed)} fixed", err=True)
            else:
                click.echo(result.text, nl=False)
    else:
        findings = linter.lint(list(paths), config, source, encoding)
    render = {"human": output.human, "json": output.as_json, "sarif": output.sarif}[output_format]
    click.echo(render(findings), nl=False, err=apply_fix and not in_place)
    if linter.failing(findings, fail_level or config.fail_level):
        sys.exit(1)


COMMANDS = [lint]
