"""``shuyu build`` and ``shuyu report``."""

from __future__ import annotations

from pathlib import Path

import click

from shuyu.cli.common import Context, StageProgress, corpus_option, print_notes, progressbar


@click.command()
@corpus_option("Folder with manifest.toml and the documents.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the database and exports under this folder instead of the current one.",
)
@click.pass_obj
def build(obj: Context, corpus_dir: Path, out: Path | None) -> None:
    """Run the whole job: ingest the corpus manifest, align zh–en pairs, mine terms, find variants and
    English equivalents, assemble the termbase, then write the exports, the report and the TMX.

    Re-running is safe: unchanged documents are skipped, changed ones replaced,
    and documents removed from the manifest are dropped; decisions are kept.

    \b
    Example:
      shuyu build --corpus corpus --out /tmp/shuyu-out
    """
    from shuyu.pipeline import build as run_build

    db_path = obj.db_path(out)
    stages, variant_stages = StageProgress(), StageProgress("variants")
    report = run_build(
        corpus_dir,
        db_path,
        out_dir=out or Path("."),
        progress=progressbar,
        mining_progress=stages,
        variants_progress=variant_stages,
    )
    stages.close()
    variant_stages.close()
    for result in report.documents:
        if result.status != "unchanged":
            print_notes(result)
    click.echo(
        f"{len(report.documents)} documents: {report.count('added')} added, {report.count('updated')} updated, "
        f"{report.count('unchanged')} unchanged, {len(report.removed)} removed → {report.database}"
    )
    for pair in report.alignments:
        if pair.status != "unchanged":
            click.echo(f"aligned {pair.describe()}")
    click.echo(f"{len(report.terms)} candidate terms mined; jieba user dictionary → {report.user_dictionary}")
    click.echo(
        f"{len(report.variant_groups)} variant groups; {report.english} terms with an English equivalent; "
        f"{report.concepts} concepts in the termbase → "
        + (", ".join(str(p) for p in report.exports.values()) or "no exports (the termbase is empty)")
    )
    click.echo(f"report → {report.report}")
    click.echo(f"translation memory → {', '.join(str(p) for p in report.tmx)}")


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.pass_obj
def report(obj: Context, output: Path) -> None:
    """Write one self-contained HTML page: top terms, variant groups and their timelines.

    \b
    Example:
      shuyu report -o report.html && chromium report.html
    """
    from shuyu.pipeline import report as write_report

    path = write_report(obj.db_path(), output)
    click.echo(f"report → {path}")


COMMANDS = [build, report]
