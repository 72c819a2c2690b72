"""The ``shuyu`` command: a thin click layer over the library.

Exit codes: 0 success, 1 nothing found / findings, 2 usage or input error.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from shuyu import DEFAULT_DB, __version__
from shuyu.errors import ShuyuError
from shuyu.mining.options import MiningOptions
from shuyu.variants import DECISIONS, KINDS
from shuyu.years import span

# The library is imported inside each command, so that `shuyu lookup` starts in a fraction of a second.


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
    """Run the whole job: ingest every document of the corpus manifest, then mine its terms.

    Re-running is safe: unchanged documents are skipped, changed ones replaced,
    and documents removed from the manifest are dropped.

    \b
    Example:
      shuyu build --corpus corpus --out /tmp/shuyu-out
    """
    from shuyu.pipeline import build as run_build
    db_path = obj.db_path(out)
    stages, variant_stages = StageProgress(), StageProgress("variants")
    report = run_build(corpus_dir, db_path, out_dir=out or Path("."), progress=_progressbar, mining_progress=stages,
                       variants_progress=variant_stages)
    stages.close()
    variant_stages.close()
    for result in report.documents:
        if result.status != "unchanged":
            _print_notes(result)
    click.echo(
        f"{len(report.documents)} documents: {report.count('added')} added, {report.count('updated')} updated, "
        f"{report.count('unchanged')} unchanged, {len(report.removed)} removed → {report.database}"
    )
    click.echo(f"{len(report.terms)} candidate terms mined; jieba user dictionary → {report.user_dictionary}")
    click.echo(f"{len(report.variant_groups)} variant groups; {report.concepts} concepts in the termbase → "
               + (", ".join(str(p) for p in report.exports.values()) or "no exports (the termbase is empty)"))
    click.echo(f"report → {report.report}")


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
    from shuyu.corpus.ingest import register
    from shuyu.store import Store
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
    from shuyu.store import Store
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
    from shuyu.store import Store
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


def _print_notes(result) -> None:
    for note in result.notes:
        click.echo(f"{result.id}: {note}", err=True)


@main.command()
@click.option("--top", type=click.IntRange(1), default=50, show_default=True, help="How many terms to print.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array ordered by rank.")
@click.option("--tsv", "as_tsv", is_flag=True, help="Print tab-separated values with a header row.")
@click.option("--min-freq", type=click.IntRange(2), default=MiningOptions.min_freq, show_default=True,
              help="Minimum occurrences of a term.")
@click.option("--min-docs", type=click.IntRange(1), default=MiningOptions.min_docs, show_default=True,
              help="Minimum number of documents a term occurs in.")
@click.option("--max-len", type=click.IntRange(2, 40), default=MiningOptions.max_len, show_default=True,
              help="Maximum term length in characters.")
@click.option("--stopwords", type=click.Path(dir_okay=False, exists=True), help="Extra stopword file (one per line).")
@click.option("--user-dict", type=click.Path(dir_okay=False, exists=True),
              help="Extra jieba user dictionary (word [freq] [tag]) for part-of-speech tagging.")
@click.pass_obj
def mine(obj: Context, top, as_json, as_tsv, min_freq, min_docs, max_len, stopwords, user_dict) -> None:
    """Discover the corpus's terms and fixed phrases, ranked; store them as candidates.

    Terms you accepted or rejected keep their decision when you mine again.

    \b
    Examples:
      shuyu mine --top 20
      shuyu mine --min-docs 2 --json | jq '.[0]'
    """
    from shuyu.mining.miner import mine_corpus, read_word_list
    from shuyu.store import Store
    from shuyu.termbase.assemble import rebuild
    if as_json and as_tsv:
        raise click.UsageError("--json and --tsv exclude each other")
    options = MiningOptions(min_freq=min_freq, min_docs=min_docs, max_len=max_len,
                            stopwords=read_word_list(stopwords) if stopwords else frozenset(), user_dict=user_dict)
    with Store(obj.db_path(), create=False) as store, store.transaction():
        if not store.document_ids():
            raise ShuyuError("the corpus is empty: add documents with `shuyu corpus add` or run `shuyu build`")
        stages = StageProgress()
        candidates = mine_corpus(store, options, progress=stages)
        rebuild(store)  # the termbase's mined concepts follow the new ranking
        stages.close()
        rows = store.terms(statuses=("candidate", "accepted", "edited"), limit=top)
    if not candidates:
        click.echo("no recurring terms found (is there Chinese text? try a lower --min-freq)", err=True)
    _print_terms(rows, as_json, as_tsv)


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
            self.bar = click.progressbar(length=max(total, chars, 1), label=f"{self.prefix}: {stage}",
                                          file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(min(chars, self.bar.length) - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@main.group()
def term() -> None:
    """Curate the termbase: decisions are recorded and survive re-mining and `shuyu build`.

    Terms are named by their form (traditional script finds simplified); a
    concept is named by any of its terms.
    """


@term.command("accept")
@click.argument("terms", nargs=-1, required=True)
@click.pass_obj
def term_accept(obj: Context, terms) -> None:
    """Accept candidate terms.

    \b
    Example:
      shuyu term accept 多利益攸关方 数字鸿沟
    """
    _decide(obj, terms, "accepted")


@term.command("reject")
@click.argument("terms", nargs=-1, required=True)
@click.pass_obj
def term_reject(obj: Context, terms) -> None:
    """Reject candidate terms: they stay out of rankings and user dictionaries.

    \b
    Example:
      shuyu term reject 方面取得的进展
    """
    _decide(obj, terms, "rejected")


def _decide(obj: Context, terms, status: str) -> None:
    from shuyu.store import Store
    from shuyu.termbase.assemble import rebuild

    with Store(obj.db_path(), create=False) as store, store.transaction():
        for t in terms:
            store.set_term_status(t, status)
        rebuild(store)
    click.echo(f"{status}: {', '.join(terms)}")


def _curate(obj: Context, action: str, message: str, **args) -> None:
    from shuyu.store import Store
    from shuyu.termbase.assemble import curate

    with Store(obj.db_path(), create=False) as store, store.transaction():
        curate(store, action, **args)
    click.echo(message + " (recorded; it survives re-mining and `shuyu build`)")


_LANG = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
                     help="Language of FORM.")


@term.command("status")
@click.argument("form")
@click.argument("status", type=click.Choice(["preferred", "admitted", "deprecated", "superseded", "candidate",
                                             "rejected"]))
@_LANG
@click.pass_obj
def term_status(obj: Context, form: str, status: str, lang: str) -> None:
    """Set a term's status; a new preferred term makes the previous one admitted.

    \b
    Examples:
      shuyu term status 互联网 preferred
      shuyu term status 因特网 admitted
    """
    _curate(obj, "status", f"{form}: {status}", form=form, lang=lang, status=status)


@term.command("merge")
@click.argument("form")
@click.argument("other")
@click.pass_obj
def term_merge(obj: Context, form: str, other: str) -> None:
    """Merge the concept of OTHER into the concept of FORM.

    \b
    Example:
      shuyu term merge 国际电信联盟 国际电联
    """
    _curate(obj, "merge", f"merged: {other} → {form}", form=form, other=other)


@term.command("split")
@click.argument("form")
@_LANG
@click.pass_obj
def term_split(obj: Context, form: str, lang: str) -> None:
    """Take FORM out of its concept into a concept of its own.

    \b
    Example:
      shuyu term split 议题
    """
    _curate(obj, "split", f"split: {form}", form=form, lang=lang)


@term.command("add")
@click.argument("form")
@_LANG
@click.option("--to", "to", help="Add FORM to the concept holding this term (default: a new concept).")
@click.option("--status", type=click.Choice(["preferred", "admitted", "deprecated", "superseded"]),
              help="Status of the added term.")
@click.option("--type", "term_type", type=click.Choice(["fullForm", "acronym", "abbreviation", "shortForm",
                                                        "variant", "phrase"]), help="Term type.")
@click.pass_obj
def term_add(obj: Context, form: str, lang: str, to: str | None, status: str | None, term_type: str | None) -> None:
    """Add a term by hand, to a new concept or to an existing one.

    \b
    Examples:
      shuyu term add 数字合作 --status preferred
      shuyu term add 信息通信技术 --to 信息和通信技术 --status admitted --type variant
    """
    _curate(obj, "add", f"added: {form}" + (f" to the concept of {to}" if to else ""), form=form, lang=lang, to=to,
            status=status, type=term_type)


@term.command("english")
@click.argument("form")
@click.argument("english")
@click.option("--status", type=click.Choice(["preferred", "admitted", "deprecated", "superseded"]),
              default="preferred", show_default=True)
@click.pass_obj
def term_english(obj: Context, form: str, english: str, status: str) -> None:
    """Add an English equivalent to the concept of the Chinese FORM.

    \b
    Example:
      shuyu term english 信息社会世界峰会 "World Summit on the Information Society"
    """
    _curate(obj, "add", f"{form} = {english}", form=english, lang="en", to=form, to_lang="zh", status=status)


@term.command("note")
@click.argument("form")
@click.argument("text")
@click.option("--term", "on_term", is_flag=True, help="Attach the note to the term, not to its concept.")
@click.pass_obj
def term_note(obj: Context, form: str, text: str, on_term: bool) -> None:
    """Add a note to the concept of FORM (or to the term itself with --term).

    \b
    Example:
      shuyu term note 信息社会世界峰会 "Official name since A/RES/70/125 (2015)."
    """
    _curate(obj, "note", f"note on {form}", form=form, text=text, term=on_term or None)


@term.command("subject")
@click.argument("form")
@click.argument("text")
@click.pass_obj
def term_subject(obj: Context, form: str, text: str) -> None:
    """Set the subject field of the concept of FORM.

    \b
    Example:
      shuyu term subject 数字鸿沟 "信息和通信技术促进发展"
    """
    _curate(obj, "subject", f"subject of {form}: {text}", form=form, text=text)


_TERM_COLUMNS = ("rank", "term", "score", "freq", "docs", "first_year", "last_year", "status", "pos")


def _print_terms(rows: list[dict], as_json: bool, as_tsv: bool) -> None:
    if as_json:
        out = [{"rank": r["rank"], "term": r["term"], "score": round(r["score"], 3), "freq": r["freq"],
                "docs": r["docs"], "years": r["years"], "first_year": r["first_year"], "last_year": r["last_year"],
                "status": r["status"], "pos": r["pos"], "contexts": r["contexts"]} for r in rows]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if as_tsv:
        click.echo("\t".join(_TERM_COLUMNS + ("years",)))
        for r in rows:
            years = " ".join(f"{y}:{n}" for y, n in r["years"].items())
            click.echo("\t".join(str(r[c]) for c in _TERM_COLUMNS) + "\t" + years)
        return
    for r in rows:
        years = " ".join(f"{y}:{n}" for y, n in r["years"].items())
        mark = "" if r["status"] == "candidate" else f" [{r['status']}]"
        click.echo(f"{r['rank']:>4}  {r['term']}{mark}  score {r['score']:.1f}  freq {r['freq']}  "
                   f"docs {r['docs']}  {years}")


@main.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of groups.")
@click.option("--detect", is_flag=True, help="Detect again from the stored corpus before printing.")
@click.option("--kind", type=click.Choice(KINDS), help="Only groups of this kind.")
@click.option("--top", type=click.IntRange(1), help="Print only the first N groups.")
@click.option("--evidence", "evidence_count", type=click.IntRange(0), default=2, show_default=True,
              help="Evidence passages to print per group (text output).")
@click.pass_context
def variants(ctx: click.Context, as_json: bool, detect: bool, kind: str | None, top: int | None,
             evidence_count: int) -> None:
    """Variant renderings of one concept across years: groups, proposal, evidence, timeline.

    `shuyu build` detects them; decisions (confirm, split, prefer) survive re-running.

    \b
    Examples:
      shuyu variants --top 5
      shuyu variants --json | jq '.[] | select(.kind == "rename")'
      shuyu variants prefer 互联网
    """
    from shuyu.report.timeline import text_timeline
    from shuyu.store import Store
    from shuyu.termbase.assemble import rebuild
    from shuyu.variants.detect import detect_variants, stored_groups
    if ctx.invoked_subcommand:
        return
    with Store(ctx.obj.db_path(), create=False) as store, store.transaction():
        if detect or not store.variant_groups():
            stages = StageProgress("variants")
            detect_variants(store, progress=stages)
            rebuild(store)  # the termbase's concepts follow the groups
            stages.close()
        groups = [g for g in stored_groups(store) if kind is None or g["kind"] == kind][:top]
        years = store.years()
    if as_json:
        click.echo(json.dumps(groups, ensure_ascii=False, indent=2))
        return
    if not groups:
        click.echo("no variant groups found", err=True)
        sys.exit(1)
    for number, group in enumerate(groups, 1):
        others = " / ".join(f["form"] for f in group["forms"] if f["form"] != group["preferred"])
        click.echo(f"{number:>3}. {group['preferred']} ← {others}   [{group['kind']}]"
                   + ("" if group["decision"] == "proposed" else f" ({group['decision']})"))
        click.echo(f"     {group['reason']}")
        for line in text_timeline(group, years, indent="     "):
            click.echo(line)
        for e in group["evidence"][:evidence_count]:
            for p in e["passages"]:
                click.echo(f"     {e['signal']}: {p['doc_id']} ({p['year']}) ¶{p['paragraph'] or '-'}: "
                           f"{_excerpt(p['text'], p['start'], p['end'])}")
        click.echo()


def _excerpt(text: str, start: int, end: int, context: int = 18) -> str:
    """The passage around a span, the span in [brackets]."""
    left = ("…" if start > context else "") + text[max(0, start - context):start]
    right = text[end:end + context] + ("…" if end + context < len(text) else "")
    return f"{left}[{text[start:end]}]{right}"


def _variant_decision(action: str):
    @variants.command(action)
    @click.argument("form")
    @click.pass_obj
    def command(obj: Context, form: str) -> None:
        from shuyu.store import Store
        from shuyu.termbase.assemble import rebuild
        from shuyu.variants.detect import decide
        with Store(obj.db_path(), create=False) as store, store.transaction():
            decide(store, action, form)
            rebuild(store)
        click.echo(f"{action}: {form} (recorded; it survives re-running)")

    command.__doc__ = {
        "confirm": "Confirm the group holding FORM as it stands.\n\n\b\nExample:\n  shuyu variants confirm 因特网",
        "split": "Take FORM out of its group: it names a different concept.\n\n\b\nExample:\n  shuyu variants split 议题",
        "prefer": "Make FORM the preferred rendering of its group.\n\n\b\nExample:\n  shuyu variants prefer 互联网",
    }[action]
    return command


for _action in DECISIONS:
    _variant_decision(_action)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("report.html"),
              show_default=True, help="The HTML file to write.")
@click.pass_obj
def report(obj: Context, output: Path) -> None:
    """Write one self-contained HTML page: top terms, variant groups and their timelines.

    \b
    Example:
      shuyu report -o report.html && chromium report.html
    """
    from shuyu.report.html import write_report
    from shuyu.store import Store
    from shuyu.variants.detect import detect_variants
    with Store(obj.db_path(), create=False) as store:
        if not store.variant_groups():
            with store.transaction():
                detect_variants(store)
        path = write_report(store, output)
    click.echo(f"report → {path}")


@main.command()
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

    from shuyu.data import or_bundled

    db = finder.connect(obj.db_path() if obj.explicit_db else or_bundled(obj.db_path()))
    hits, suggestions = finder.search_with_suggestions(db, query, limit, lang)
    if not hits:
        click.echo(f"nothing found for {query!r}" + (f"; did you mean: {', '.join(suggestions)}?" if suggestions
                                                    else ""), err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    for hit in hits:
        _print_concept(hit)


def _print_concept(hit) -> None:
    concept = hit.concept
    zh = [t for t in concept["terms"] if t["lang"] == "zh" and t["status"] != "rejected"]
    en = [t for t in concept["terms"] if t["lang"] == "en" and t["status"] != "rejected"]
    head = zh[0]["form"] if zh else en[0]["form"]
    click.echo(f"{head}   [concept {concept['id']}, {hit.match} match: {hit.matched}]")
    for t in zh + en:
        used = span(t["years"], none="")
        usage = f" ({t['geographical_usage']})" if t.get("geographical_usage") else ""
        count = f", {t['count']}×" if t["count"] else ""
        click.echo(f"  {t['lang']}  {t['form']}{usage}  {t['status']}{' ' + used if used else ''}{count}")
    shown = 0
    for t in zh:
        for c in t["contexts"][:3 - shown]:
            where = ", ".join(str(x) for x in (c.get("doc_id"), c.get("year")) if x) or c.get("source") or ""
            text = _excerpt(c["text"], c["start"], c["end"]) if "start" in c else c["text"]
            click.echo(f"  « {text} »" + (f"  ({where})" if where else ""))
            shown += 1
    for note in concept["notes"]:
        click.echo(f"  note: {note}")
    click.echo()


_FORMAT_NAMES = ["tbx", "tbx2", "omegat-tbx", "tsv", "csv", "xlsx"]


@main.command("export")
@click.argument("format_name", metavar="FORMAT", type=click.Choice(_FORMAT_NAMES))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write (written atomically).")
@click.option("--status", "statuses", multiple=True,
              type=click.Choice(["preferred", "admitted", "deprecated", "superseded", "candidate", "rejected"]),
              help="Only terms of this status (repeatable). Default: all but rejected.")
@click.option("--year", type=int, help="Only concepts with a term used that year.")
@click.option("--document", help="Only concepts with a term found in this document (id).")
@click.option("--min-freq", type=click.IntRange(0), default=0, help="Only concepts with a term used this often.")
@click.option("--all", "everything", is_flag=True,
              help="Every mined candidate, also those below the quality threshold (default: left out).")
@click.option("--direction", type=click.Choice(["en-zh", "zh-en"]), default="en-zh", show_default=True,
              help="Source and target language of a tsv glossary.")
@click.pass_obj
def export_command(obj: Context, format_name, output, statuses, year, document, min_freq, everything,
                   direction) -> None:
    """Write the termbase as TBX v3 (tbx), TBX v2 (tbx2), an OmegaT glossary (tsv), CSV or XLSX.

    \b
    Examples:
      shuyu export tbx -o unterm.tbx
      shuyu export tsv -o glossary.txt --status preferred --status admitted
      shuyu export xlsx -o terms.xlsx --year 2021 --min-freq 3
    """
    from shuyu.store import Store
    from shuyu.termbase.exchange import ExportFilter, export

    selection = ExportFilter(**({"statuses": statuses} if statuses else {}), year=year, document=document,
                             min_freq=min_freq, **({"min_score": None} if everything else {}))
    with Store(obj.db_path(), create=False) as store:
        count = export(store, format_name, output, selection, direction=direction)
    click.echo(f"{count} concepts → {output}")


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "format_name", type=click.Choice(_FORMAT_NAMES),
              help="File format (default: from the suffix; TBX v2/v3 from the root element).")
@click.option("--direction", default="en-zh", show_default=True, help="Languages of a headerless tsv glossary.")
@click.option("--encoding", help="Text encoding of a csv/tsv file that is not UTF-8 (e.g. gbk).")
@click.pass_obj
def import_command(obj: Context, files, format_name, direction, encoding) -> None:
    """Merge termbase files into the termbase (TBX v2/v3, CSV, TSV, XLSX), all or nothing.

    Concepts that share a term with an existing concept are merged into it;
    importing the same file again adds nothing.

    \b
    Examples:
      shuyu import unterm-export.tbx
      shuyu import memoq.csv --encoding gbk
    """
    from shuyu.store import Store
    from shuyu.termbase.exchange import import_files

    with Store(obj.db_path()) as store, store.transaction():
        reports = import_files(store, list(files), format_name, direction=direction, encoding=encoding)
    for r in reports:
        langs = ", ".join(f"{k} {v}" for k, v in sorted(r.languages.items()))
        click.echo(f"{r.file}: {r.concepts} concepts, {r.terms} terms ({langs}) imported"
                   + (f"; {r.already_there} already there" if r.already_there else ""))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["human", "json", "sarif"]), default="human",
              show_default=True, help="How to print findings.")
@click.option("--fail-level", type=click.Choice(["error", "warning", "note"]),
              help="Exit 1 when a finding is at least this severe (default: shuyu.toml's, else error).")
@click.option("--source", type=click.Path(dir_okay=False, exists=True),
              help="The English source of a Chinese text file, aligned line for line.")
@click.option("--fix", "apply_fix", is_flag=True, help="Print the text with deprecated forms replaced.")
@click.option("--in-place", is_flag=True, help="With --fix: rewrite the files, keeping FILE.bak.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Configuration file (default: the nearest shuyu.toml).")
@click.pass_obj
def lint(obj: Context, paths, output_format, fail_level, source, apply_fix, in_place, config_path) -> None:
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
      shuyu lint draft.txt --fix --in-place
    """
    from shuyu.fileio import atomic_write_text
    from shuyu.lint import linter, output
    from shuyu.lint.config import load_config
    from shuyu.lint.inputs import is_bilingual, read_text
    from shuyu.lint.rules import Rules

    config = load_config(config_path)
    if obj.explicit_db:
        config.termbase = Path(obj.explicit_db)
    if in_place and not apply_fix:
        raise click.UsageError("--in-place goes with --fix")
    if apply_fix and (source or any(is_bilingual(p) for p in paths)):
        raise click.UsageError("--fix rewrites Chinese text files (.txt or -), not bilingual files")
    if apply_fix and not in_place and len(paths) > 1:
        raise click.UsageError("--fix prints one text: give one file, or --in-place")
    if in_place and "-" in paths:
        raise click.UsageError("--in-place cannot rewrite standard input")
    rules = Rules.from_database(config.termbase)
    findings = []
    for path in paths:
        if apply_fix:
            text = read_text(path)
            found = linter.check_text(text, path, rules, config)
            fixed_text, fixed = linter.fix(text, found)
            if in_place:
                if fixed:
                    backup = linter.backup_path(Path(path))
                    atomic_write_text(backup, text)
                    atomic_write_text(path, fixed_text)
                click.echo(f"{path}: {len(fixed)} fixed", err=True)
            else:
                click.echo(fixed_text, nl=False)
            findings += [f for f in found if f not in fixed]
        else:
            findings += linter.lint_file(path, rules, config, source)
    render = {"human": output.human, "json": output.as_json, "sarif": output.sarif}[output_format]
    click.echo(render(findings), nl=False, err=apply_fix and not in_place)
    if linter.failing(findings, fail_level or config.fail_level):
        sys.exit(1)
