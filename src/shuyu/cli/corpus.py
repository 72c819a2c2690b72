"""``shuyu corpus add|list|show``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from shuyu.cli.common import Context, corpus_option, print_notes


@click.group()
def corpus() -> None:
    """Register, list and show the corpus documents.

    \b
    Examples:
      shuyu corpus add A_RES_70_125_zh.txt --symbol A/RES/70/125
      shuyu corpus list
      shuyu corpus show 2013-ga-res-68-198
    """


@corpus.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@corpus_option("Corpus folder whose manifest records the files.")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Language (detected when omitted).")
@click.option(
    "--year", type=click.IntRange(1945, 2100), help="Year (detected from session, date or resolution number)."
)
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
    from shuyu.corpus.ingest import register
    from shuyu.store import Store

    with Store(obj.db_path()) as store:
        results = register(
            corpus_dir,
            store,
            list(files),
            lang=lang,
            year=year,
            symbols=list(symbols),
            doc_id=doc_id,
            pair=pair,
            title=title,
            encoding=encoding,
        )
    for result in results:
        print_notes(result)
        entry = result.entry
        click.echo(
            f"{result.status}: {result.id} ({entry.lang}, {entry.year or 'year unknown'}, "
            f"{len(result.document.paragraphs)} paragraphs)"
        )


@corpus.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (every document, TM sources' too).")
@click.option("--all", "show_all", is_flag=True, help="List each document of a translation-memory source too.")
@click.pass_obj
def corpus_list(obj: Context, as_json: bool, show_all: bool) -> None:
    """List the documents with year, symbols, size and title; a TM source's documents as one line.

    \b
    Example:
      shuyu corpus list --json | jq '.[].year'
    """
    from shuyu.corpus.tmsource import is_tm_file
    from shuyu.store import Store

    with Store(obj.db_path(), create=False) as store:
        rows = store.documents()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no documents; add some with `shuyu corpus add` or run `shuyu build`", err=True)
        return
    sources: dict[str, list[dict]] = {}
    for r in rows:
        if is_tm_file(r["file"]):
            sources.setdefault(r["file"], []).append(r)
    listed = rows if show_all else [r for r in rows if not is_tm_file(r["file"])]
    width = max([len(r["id"]) for r in listed] + [len(f) for f in sources])
    click.echo(f"{'id':<{width}}  lang  year  {'symbols':<28} paras  chars  title")
    for r in listed:
        symbols = ", ".join(r["symbols"]) or "-"
        click.echo(
            f"{r['id']:<{width}}  {r['lang']:<4}  {r['year'] or '?':<4}  {symbols:<28} "
            f"{r['paragraphs']:>5} {r['chars']:>6}  {r['title'] or ''}"
        )
    for file, docs in sources.items():
        zh = [d for d in docs if d["lang"] == "zh"]
        years = sorted({d["year"] for d in docs if d["year"]})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]) if years else "?"
        click.echo(
            f"{file:<{width}}  tm    {span:<4}  {f'{len(zh)} symbols (TM source)':<28} "
            f"{sum(d['paragraphs'] for d in zh):>5} {sum(d['chars'] for d in zh):>6}  {docs[0]['title'] or ''}"
            + ("" if show_all else "  (--all lists each)")
        )


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
    from shuyu.pipeline import document

    row = document(obj.db_path(), doc_id)
    if raw:
        click.echo(row["raw_text"])
        return
    if as_json:
        row.pop("raw_text")
        click.echo(json.dumps(row, ensure_ascii=False, indent=2))
        return
    click.echo(f"{row['id']} · {row['lang']} · {row['year']} · {', '.join(row['symbols']) or 'no symbol'}")
    click.echo(row["title"] or "")
    click.echo()
    for p in row["paragraphs"]:
        prefix = f"{p['number']} " if p["number"] else ""
        text = f"{prefix}{p['text']}"
        click.echo(click.style(text, bold=True) if p["kind"] == "heading" else text)
    if row["footnotes"]:
        click.echo("\n__________")
        for f in row["footnotes"]:
            click.echo(f"{f['number']} {f['text']}")


COMMANDS = [corpus]
