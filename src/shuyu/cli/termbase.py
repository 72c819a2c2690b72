"""``shuyu lookup``, ``shuyu export`` and ``shuyu import``: the termbase read, written and merged."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from shuyu.cli.common import Context, excerpt
from shuyu.years import span


@click.command()
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of concepts, best first.")
@click.option("--limit", type=click.IntRange(1), default=5, show_default=True, help="How many concepts.")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Search only terms of this language.")
@click.pass_obj
def lookup(obj: Context, query: str, as_json: bool, limit: int, lang: str | None) -> None:
    """Find concepts by any term: exact, prefix, substring, then fuzzy matches.

    Chinese in simplified or traditional script, or English; one- and
    two-character queries work. Exit code 1 when nothing is found.

    \b
    Examples:
      shuyu lookup 峰会
      shuyu lookup 數字鴻溝
      shuyu lookup "digital divide" --json
    """
    from shuyu.termbase import lookup as finder

    hits, suggestions = finder.find(obj.termbase_path(), query, limit, lang)
    if not hits:
        click.echo(
            f"nothing found for {query!r}" + (f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""),
            err=True,
        )
        sys.exit(1)
    if as_json:
        click.echo(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    for hit in hits:
        _print_concept(hit)


def _print_concept(hit) -> None:
    concept = hit.concept
    # Rejected forms are shown too (last): the user's decision is part of the record, and a concept whose
    # every form is rejected is still headed by one of them.
    ranked = sorted(concept["terms"], key=lambda t: (t["status"] == "rejected", t["lang"] != "zh"))
    zh = [t for t in ranked if t["lang"] == "zh"]
    en = [t for t in ranked if t["lang"] == "en"]
    click.echo(f"{ranked[0]['form']}   [concept {concept['id']}, {hit.match} match: {hit.matched}]")
    for t in zh + en:
        used = span(t["years"], none="")
        usage = f" ({t['geographical_usage']})" if t.get("geographical_usage") else ""
        count = f", {t['count']}×" if t["count"] else ""
        click.echo(f"  {t['lang']}  {t['form']}{usage}  {t['status']}{' ' + used if used else ''}{count}")
    shown = 0
    for t in zh:
        for c in t["contexts"][: 3 - shown]:
            where = ", ".join(str(x) for x in (c.get("doc_id"), c.get("year")) if x) or c.get("source") or ""
            text = excerpt(c["text"], c["start"], c["end"]) if "start" in c else c["text"]
            click.echo(f"  « {text} »" + (f"  ({where})" if where else ""))
            shown += 1
    for note in concept["notes"]:
        click.echo(f"  note: {note}")
    click.echo()


FORMAT_NAMES = ["tbx", "tbx2", "omegat-tbx", "tsv", "csv", "xlsx"]


TM_FORMAT_NAMES = ["tmx"]
TM_FILE_FORMATS = ["tmx", "xliff", "po"]


@click.command("export")
@click.argument("format_name", metavar="FORMAT", type=click.Choice(FORMAT_NAMES + TM_FORMAT_NAMES))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write (written atomically).",
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(["preferred", "admitted", "deprecated", "superseded", "candidate", "rejected"]),
    help="Only terms of this status (repeatable). Default: all but rejected.",
)
@click.option("--year", type=int, help="Only concepts with a term used that year (tmx: units of that year).")
@click.option("--document", help="Only concepts with a term found in this document (tmx: units of it, or of a file).")
@click.option("--min-freq", type=click.IntRange(0), default=0, help="Only concepts with a term used this often.")
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="Every mined candidate, also those below the quality threshold (default: left out).",
)
@click.option(
    "--direction",
    type=click.Choice(["en-zh", "zh-en"]),
    default="en-zh",
    show_default=True,
    help="Source and target language of a tsv glossary or a tmx.",
)
@click.option("--min-confidence", type=click.FloatRange(0, 1), help="tmx: only aligned units at least this sure.")
@click.option("--origin", type=click.Choice(["aligned", "imported"]), help="tmx: only units of this origin.")
@click.option("--segtype", type=click.Choice(["sentence", "paragraph"]), help="tmx: segment level (default sentence).")
@click.option("--source-lang", help="tmx: language code of the source (default en-US, or zh-CN for zh-en).")
@click.option("--target-lang", help="tmx: language code of the target.")
@click.option("--max-mb", type=click.FloatRange(min=0.01), help="tmx: split into files of at most this many MB.")
@click.pass_obj
def export_command(obj: Context, format_name, output, **options) -> None:
    """Write the termbase (tbx, tbx2, omegat-tbx, tsv, csv, xlsx) or the translation memory (tmx).

    \b
    Examples:
      shuyu export tbx -o unterm.tbx
      shuyu export tsv -o glossary.txt --status preferred --status admitted
      shuyu export xlsx -o terms.xlsx --year 2021 --min-freq 3
      shuyu export tmx -o un.tmx --year 2015 --min-confidence 0.5 --max-mb 900
      shuyu export tmx -o un-zh-en.tmx --direction zh-en --segtype paragraph
    """
    from shuyu.exchange import export

    kind, count, written = export(obj.db_path(), format_name, output, **options)
    for item in written:
        if not isinstance(item, Path):
            click.echo(f"{output}: skipped {item}", err=True)
    files = [str(item) for item in written if isinstance(item, Path)]
    click.echo(f"{count} {kind} → {', '.join(files)}")


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "format_name",
    type=click.Choice(FORMAT_NAMES + TM_FILE_FORMATS),
    help="File format (default: from the suffix; TBX v2/v3 from the root element).",
)
@click.option("--direction", default="en-zh", show_default=True, help="Languages of a headerless tsv glossary.")
@click.option("--encoding", help="Text encoding of a csv/tsv file that is not UTF-8 (e.g. gbk).")
@click.option("--source-lang", help="TM files: the English code to take (default en-US; en, en-GB also match).")
@click.option("--target-lang", help="TM files: the Chinese code to take (default zh-CN; zh, zh-Hans also match).")
@click.pass_obj
def import_command(obj: Context, files, format_name, direction, encoding, source_lang, target_lang) -> None:
    """Merge termbase files (TBX v2/v3, CSV, TSV, XLSX) and TM files (TMX, XLIFF, PO) in, all or nothing.

    Concepts that share a term with an existing concept are merged into it; a
    translation unit already in the TM is the same unit: importing the same file
    again adds nothing.  Units a TM file holds without the language pair are
    listed as skipped, with their number in the file.

    \b
    Examples:
      shuyu import unterm-export.tbx
      shuyu import memoq.csv --encoding gbk
      shuyu import tico19.tmx project.xlf --source-lang en --target-lang zh
    """
    from shuyu.exchange import import_files

    reports = import_files(
        obj.db_path(),
        list(files),
        format_name,
        direction=direction,
        encoding=encoding,
        source_lang=source_lang,
        target_lang=target_lang,
    )
    for r in reports:
        if hasattr(r, "concepts"):
            langs = ", ".join(f"{k} {v}" for k, v in sorted(r.languages.items()))
            click.echo(
                f"{r.file}: {r.concepts} concepts, {r.terms} terms ({langs}) imported"
                + (f"; {r.already_there} already there" if r.already_there else "")
            )
            continue
        for skip in r.skipped:
            click.echo(f"{r.file}: skipped {skip}", err=True)
        click.echo(
            f"{r.file}: {r.units} translation units imported of {r.seen}"
            + (f"; {r.already_there} already there" if r.already_there else "")
            + (f"; {len(r.skipped)} skipped" if r.skipped else "")
        )


COMMANDS = [lookup, export_command, import_command]
