"""The ``shuyu`` command: a thin click layer over the library.

Exit codes: 0 success, 1 nothing found / findings, 2 usage or input error.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from shuyu import __version__
from shuyu.corpus.ingest import IngestResult, register
from shuyu.errors import ShuyuError
from shuyu.pipeline import build as run_build
from shuyu.store import DEFAULT_DB, Store


class Context:
    def __init__(self, db: str | None):
        self.explicit_db = db

    def db_path(self, out: Path | None = None) -> Path:
        if self.explicit_db:
            return Path(self.explicit_db)
        return (out / DEFAULT_DB) if out else DEFAULT_DB


def _fail(error: ShuyuError) -> None:
    click.echo(f"shuyu: error: {error}", err=True)
    sys.exit(error.exit_code)


class ShuyuGroup(click.Group):
    """Turns ShuyuError into a one-line message and exit code 2, anywhere below."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ShuyuError as error:
            _fail(error)


@click.group(cls=ShuyuGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="shuyu")
@click.option("--db", envvar="SHUYU_DB", type=click.Path(dir_okay=False),
              help=f"Database file (env SHUYU_DB). Default: {DEFAULT_DB} under the current directory.")
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


@main.command()
@click.option("--corpus", "corpus_dir", default="corpus", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder with manifest.toml and the documents.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Write the database and exports under this folder instead of the current one.")
@click.pass_obj
def build(obj: Context, corpus_dir: Path, out: Path | None) -> None:
    """Run the whole job: ingest every document of the corpus manifest.

    Re-running is safe: unchanged documents are skipped, changed ones replaced,
    and documents removed from the manifest are dropped.

    \b
    Example:
      shuyu build --corpus corpus --out /tmp/shuyu-out
    """
    db_path = obj.db_path(out)
    report = run_build(corpus_dir, db_path, progress=_progressbar)
    for result in report.documents:
        if result.status != "unchanged":
            _print_notes(result)
    click.echo(
        f"{len(report.documents)} documents: {report.count('added')} added, {report.count('updated')} updated, "
        f"{report.count('unchanged')} unchanged, {len(report.removed)} removed → {report.database}"
    )


@contextlib.contextmanager
def _progressbar(items, label: str):
    with click.progressbar(items, label=label, file=sys.stderr, show_pos=True) as bar:
        yield bar


@main.group()
def corpus() -> None:
    """Register, list and show the corpus documents."""


@corpus.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--corpus", "corpus_dir", default="corpus", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Corpus folder whose manifest records the files.")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Language (detected when omitted).")
@click.option("--year", type=click.IntRange(1945, 2100), help="Year (detected from session, date or resolution number).")
@click.option("--symbol", "symbols", multiple=True, help="Document symbol, e.g. A/RES/68/198 (repeatable).")
@click.option("--id", "doc_id", help="Document id (default: the file name).")
@click.option("--pair", help="Id of the counterpart in the other language.")
@click.option("--title", help="Title (detected when the header states it).")
@click.option("--encoding", help="Text encoding, when detection gets it wrong (e.g. gb18030).")
@click.pass_obj
def corpus_add(obj: Context, files, corpus_dir, lang, year, symbols, doc_id, pair, title, encoding) -> None:
    """Register documents (.txt in UTF-8/UTF-16/GB18030, or .docx).

    What you do not give is detected where the text states it — language and
    script, encoding, year (第六十六届会议 → 2011; 2010 年 7 月 19 日; 68/198),
    symbols — and what cannot be detected is reported, not guessed.
    Re-adding a file updates its entry; nothing is duplicated.

    \b
    Example:
      shuyu corpus add A_RES_70_125_zh.txt --symbol A/RES/70/125 --pair a-res-70-125-en
    """
    with Store(obj.db_path()) as store:
        results = register(corpus_dir, store, list(files), lang=lang, year=year, symbols=list(symbols),
                           doc_id=doc_id, pair=pair, title=title, encoding=encoding)
    for result in results:
        _print_notes(result)
        entry = result.entry
        click.echo(f"{result.status}: {result.id} ({entry.lang}, {entry.year or 'year unknown'}, "
                   f"{len(result.document.paragraphs)} paragraphs)")


@corpus.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_obj
def corpus_list(obj: Context, as_json: bool) -> None:
    """List the documents with year, symbols, size and title.

    \b
    Example:
      shuyu corpus list --json | jq '.[].year'
    """
    with Store(obj.db_path(), create=False) as store:
        rows = store.documents()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no documents; add some with `shuyu corpus add` or run `shuyu build`", err=True)
        return
    width = max(len(r["id"]) for r in rows)
    click.echo(f"{'id':<{width}}  lang  year  {'symbols':<28} paras  chars  title")
    for r in rows:
        symbols = ", ".join(r["symbols"]) or "-"
        click.echo(f"{r['id']:<{width}}  {r['lang']:<4}  {r['year'] or '?':<4}  {symbols:<28} "
                   f"{r['paragraphs']:>5} {r['chars']:>6}  {r['title'] or ''}")


@corpus.command("show")
@click.argument("doc_id")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@click.option("--raw", is_flag=True, help="Print the original text as read from the file.")
@click.pass_obj
def corpus_show(obj: Context, doc_id: str, as_json: bool, raw: bool) -> None:
    """Show a document's cleaned paragraphs with their numbers (or --raw text).

    \b
    Example:
      shuyu corpus show 2010-ecosoc-res-2010-2 --json
    """
    with Store(obj.db_path(), create=False) as store:
        row = store.document_row(doc_id)
        if row is None:
            known = ", ".join(store.document_ids()) or "none"
            click.echo(f"shuyu: no document {doc_id!r} (documents: {known})", err=True)
            sys.exit(1)
        paragraphs = store.paragraphs(doc_id)
        footnotes = store.footnotes(doc_id)
    if raw:
        click.echo(row["raw_text"])
        return
    if as_json:
        row.pop("raw_text")
        row["paragraphs"] = [{k: p[k] for k in ("seq", "number", "kind", "text", "footnote_refs")} for p in paragraphs]
        row["footnotes"] = [{"number": f["number"], "text": f["text"]} for f in footnotes]
        click.echo(json.dumps(row, ensure_ascii=False, indent=2))
        return
    click.echo(f"{row['id']} · {row['lang']} · {row['year']} · {', '.join(row['symbols']) or 'no symbol'}")
    click.echo(row["title"] or "")
    click.echo()
    for p in paragraphs:
        prefix = f"{p['number']} " if p["number"] else ""
        text = f"{prefix}{p['text']}"
        click.echo(click.style(text, bold=True) if p["kind"] == "heading" else text)
    if footnotes:
        click.echo("\n__________")
        for f in footnotes:
            click.echo(f"{f['number']} {f['text']}")


def _print_notes(result: IngestResult) -> None:
    for note in result.notes:
        click.echo(f"{result.id}: {note}", err=True)
