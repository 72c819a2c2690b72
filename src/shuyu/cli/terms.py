"""``shuyu mine`` and ``shuyu term …``: mined terms and the terminologist's decisions on them."""

from __future__ import annotations

import json

import click

from shuyu.cli.common import Context, StageProgress
from shuyu.mining.options import MiningOptions


@click.command()
@click.option("--top", type=click.IntRange(1), default=50, show_default=True, help="How many terms to print.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array ordered by rank.")
@click.option("--tsv", "as_tsv", is_flag=True, help="Print tab-separated values with a header row.")
@click.option(
    "--min-freq",
    type=click.IntRange(2),
    default=MiningOptions.min_freq,
    show_default=True,
    help="Minimum occurrences of a term.",
)
@click.option(
    "--min-docs",
    type=click.IntRange(1),
    default=MiningOptions.min_docs,
    show_default=True,
    help="Minimum number of documents a term occurs in.",
)
@click.option(
    "--max-len",
    type=click.IntRange(2, 40),
    default=MiningOptions.max_len,
    show_default=True,
    help="Maximum term length in characters.",
)
@click.option("--stopwords", type=click.Path(dir_okay=False, exists=True), help="Extra stopword file (one per line).")
@click.option(
    "--user-dict",
    type=click.Path(dir_okay=False, exists=True),
    help="Extra jieba user dictionary (word [freq] [tag]) for part-of-speech tagging.",
)
@click.option(
    "--document",
    metavar="ID|FILE",
    help="List the terms of one document (stored id or a file) against the corpus; stores nothing.",
)
@click.pass_obj
def mine(obj: Context, top, as_json, as_tsv, min_freq, min_docs, max_len, stopwords, user_dict, document) -> None:
    """Discover the corpus's terms and fixed phrases, ranked; store them as candidates.

    Terms you accepted or rejected keep their decision when you mine again.

    \b
    Examples:
      shuyu mine --top 20
      shuyu mine --min-docs 2 --json | jq '.[0]'
      shuyu mine --document 2013-ga-res-68-198 --top 30
    """
    from shuyu import pipeline
    from shuyu.mining.miner import read_word_list

    if as_json and as_tsv:
        raise click.UsageError("--json and --tsv exclude each other")
    if document:
        _print_document_terms(pipeline.document_terms(obj.db_path(), document, limit=top), as_json, as_tsv)
        return
    options = MiningOptions(
        min_freq=min_freq,
        min_docs=min_docs,
        max_len=max_len,
        stopwords=read_word_list(stopwords) if stopwords else frozenset(),
        user_dict=user_dict,
    )
    stages = StageProgress()
    candidates, rows = pipeline.mine(obj.db_path(), options, top=top, progress=stages)
    stages.close()
    if not candidates:
        click.echo("no recurring terms found (is there Chinese text? try a lower --min-freq)", err=True)
    _print_terms(rows, as_json, as_tsv)


def _print_document_terms(terms: list, as_json: bool, as_tsv: bool) -> None:
    if as_json:
        click.echo(json.dumps([t.as_dict() for t in terms], ensure_ascii=False, indent=2))
        return
    if as_tsv:
        click.echo("term\tcount\ttotal\tsources\tkeyness\tcorpus_freq")
    for t in terms:
        if as_tsv:
            click.echo(f"{t.term}\t{t.count}\t{t.total}\t{','.join(t.sources)}\t{t.keyness}\t{t.corpus_freq}")
            continue
        inside = f" (+{t.total - t.count} inside longer terms)" if t.total > t.count else ""
        click.echo(
            f"{t.term}  {t.count}×{inside}  {', '.join(t.sources)}  keyness {t.keyness:.1f}  "
            f"corpus {t.corpus_freq}  {t.examples[0] if t.examples else ''}"
        )


_TERM_COLUMNS = ("rank", "term", "score", "freq", "docs", "first_year", "last_year", "status", "pos")


def _print_terms(rows: list[dict], as_json: bool, as_tsv: bool) -> None:
    from shuyu.mining.miner import term_as_dict

    if as_json:
        click.echo(json.dumps([term_as_dict(r) for r in rows], ensure_ascii=False, indent=2))
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
        inside = r["freq"] - r["stats"].get("standalone", r["freq"])
        nested = f" ({inside} inside longer terms)" if inside > 0 else ""
        click.echo(
            f"{r['rank']:>4}  {r['term']}{mark}  score {r['score']:.1f}  freq {r['freq']}{nested}  "
            f"docs {r['docs']}  {years}"
        )


@click.group()
def term() -> None:
    """Curate the termbase: decisions are recorded and survive re-mining and `shuyu build`.

    Terms are named by their form (traditional script finds simplified); a
    concept is named by any of its terms.

    \b
    Examples:
      shuyu term accept 数字鸿沟
      shuyu term status 互联网 preferred
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
      shuyu term reject 加强合作
    """
    _decide(obj, terms, "rejected")


def _decide(obj: Context, terms, status: str) -> None:
    from shuyu.pipeline import set_term_status

    set_term_status(obj.db_path(), list(terms), status)
    click.echo(f"{status}: {', '.join(terms)}")


def _curate(obj: Context, action: str, message: str, **args) -> None:
    from shuyu.pipeline import curate

    curate(obj.db_path(), action, **args)
    click.echo(message + " (recorded; it survives re-mining and `shuyu build`)")


_LANG = click.option(
    "--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Language of FORM."
)


@term.command("status")
@click.argument("form")
@click.argument(
    "status", type=click.Choice(["preferred", "admitted", "deprecated", "superseded", "candidate", "rejected"])
)
@_LANG
@click.option("--add", "create", is_flag=True, help="Add FORM as a new term if the termbase does not hold it.")
@click.pass_obj
def term_status(obj: Context, form: str, status: str, lang: str, create: bool) -> None:
    """Set a term's status; a new preferred term makes the previous one admitted.

    A form the termbase does not hold is an error ("did you mean"), unless --add.

    \b
    Examples:
      shuyu term status 互联网 preferred
      shuyu term status 因特网 admitted
      shuyu term status 数字合作 preferred --add
    """
    _curate(obj, "status", f"{form}: {status}", form=form, lang=lang, status=status, create=create)


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
@click.option(
    "--status",
    type=click.Choice(["preferred", "admitted", "deprecated", "superseded"]),
    help="Status of the added term.",
)
@click.option(
    "--type",
    "term_type",
    type=click.Choice(["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"]),
    help="Term type.",
)
@click.pass_obj
def term_add(obj: Context, form: str, lang: str, to: str | None, status: str | None, term_type: str | None) -> None:
    """Add a term by hand, to a new concept or to an existing one.

    \b
    Examples:
      shuyu term add 数字合作 --status preferred
      shuyu term add 信息通信技术 --to 信息和通信技术 --status admitted --type variant
    """
    _curate(
        obj,
        "add",
        f"added: {form}" + (f" to the concept of {to}" if to else ""),
        form=form,
        lang=lang,
        to=to,
        status=status,
        type=term_type,
    )


@term.command("english")
@click.argument("form")
@click.argument("english")
@click.option(
    "--status",
    type=click.Choice(["preferred", "admitted", "deprecated", "superseded"]),
    default="preferred",
    show_default=True,
)
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


COMMANDS = [mine, term]
