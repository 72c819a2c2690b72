"""``shuyu tm search``, ``shuyu tm match`` and ``shuyu analyse``: the translation memory at work."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from shuyu.cli.common import Context


@click.group()
def tm() -> None:
    """Search the translation memory (concordance) and fuzzy-match sentences against it.

    \b
    Examples:
      shuyu tm search 峰会
      shuyu tm match "End poverty in all its forms everywhere."
    """


def _marked(text: str, spans: list[list[int]]) -> str:
    """The text with each matched span in [brackets] (bold on a terminal)."""
    out, last = [], 0
    for start, end in spans:
        piece = text[start:end]
        out += [text[last:start], click.style(piece, bold=True) if sys.stdout.isatty() else f"[{piece}]"]
        last = end
    return "".join(out) + text[last:]


def _where(unit: dict) -> str:
    parts = [
        unit.get("document") or unit.get("origin_file"),
        unit.get("year"),
        unit.get("paragraph") and f"¶ {unit['paragraph']}",
    ]
    return ", ".join(str(p) for p in parts if p)


def _print_hits(hits: list, as_json: bool, nothing: str) -> None:
    """Each unit with its similarity (fuzzy), place and origin, the match marked; JSON if asked; exit 1 if none."""
    if not hits:
        click.echo(nothing, err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    for hit in hits:
        unit = hit.unit
        score = f"{hit.similarity:3d}%  " if hit.similarity is not None else ""
        click.echo(f"{score}{_where(unit)}  [{unit['origin']}]")
        click.echo(f"  en  {_marked(unit['source'], hit.spans.get('en', []))}")
        click.echo(f"  zh  {_marked(unit['target'], hit.spans.get('zh', []))}")


@tm.command()
@click.argument("query")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="How many units at most.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of units with their matched spans.")
@click.pass_obj
def search(obj: Context, query: str, limit: int, as_json: bool) -> None:
    """Concordance: every unit whose English or Chinese holds QUERY, the match marked.

    Chinese in either script, of any length (峰 and 峰会 too); English
    case-insensitive.  Exit code 1 when nothing is found.

    \b
    Examples:
      shuyu tm search 峰会
      shuyu tm search "digital divide" --limit 5 --json
    """
    from shuyu.tm.search import search as concordance

    hits = concordance(obj.db_path(), query, limit)
    _print_hits(hits, as_json, f"nothing in the translation memory holds {query!r}")


@tm.command()
@click.argument("sentence")
@click.option("--threshold", type=click.IntRange(1, 100), default=50, show_default=True, help="Lowest similarity %.")
@click.option("--limit", type=click.IntRange(1), default=5, show_default=True, help="How many matches at most.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of matches with their similarity.")
@click.pass_obj
def match(obj: Context, sentence: str, threshold: int, limit: int, as_json: bool) -> None:
    """Fuzzy matches of SENTENCE (English or Chinese), best first, as a CAT tool scores them.

    Similarity = 100 × (longer − edit distance) / longer, over words (English)
    or characters (Chinese).  Exit code 1 when nothing reaches the threshold.

    \b
    Examples:
      shuyu tm match "End poverty in all its forms everywhere."
      shuyu tm match 消除一切形式的贫困 --threshold 70 --json
    """
    from shuyu.tm.search import match as fuzzy

    hits = fuzzy(obj.db_path(), sentence, threshold, limit)
    _print_hits(hits, as_json, f"no unit is {threshold}% similar or more to {sentence!r}")


@tm.command()
@click.argument("unit")
@click.argument("target")
@click.option("--note", help="Why: kept as a note of the unit.")
@click.pass_obj
def edit(obj: Context, unit: str, target: str, note: str | None) -> None:
    """Correct the translation of UNIT (its tuid, as `tm search --json` and the TMX show it) to TARGET.

    The edit is recorded and replayed after every rebuild, so `shuyu build`
    never undoes it.  Exit code 1 when there is no such unit.

    \b
    Example:
      shuyu tm edit shuyu-c72f6205a13accf3 "在国家和国际层面促进法治" --note "A/RES/70/1 wording"
    """
    from shuyu.tm.memory import edit_unit

    row = edit_unit(obj.db_path(), unit, target, note)
    click.echo(f"{row['tuid'] or row['key']}: {row['source']}\n  → {row['target']}")


@click.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the analysis as JSON (totals, segments, terms).")
@click.option(
    "--glossary", type=click.Path(dir_okay=False, path_type=Path), help="Write the job's glossary (OmegaT .txt)."
)
@click.option("--tmx", type=click.Path(dir_okay=False, path_type=Path), help="Write the matched units as TMX.")
@click.pass_obj
def analyse(obj: Context, source: Path, as_json: bool, glossary: Path | None, tmx: Path | None) -> None:
    """Analyse an English source (.txt or .docx) before translating it: TM match bands and the terms in it.

    \b
    Examples:
      shuyu analyse A_70_1_E.docx
      shuyu analyse job.txt --glossary job-glossary.txt --tmx job.tmx --json
    """
    from shuyu.tm.analyse import analyse as run
    from shuyu.tm.analyse import write_glossary, write_matches

    analysis = run(obj.db_path(), source)
    written = []
    if glossary:
        write_glossary(analysis, glossary)
        written.append(f"glossary → {glossary}")
    if tmx:
        report = write_matches(obj.db_path(), analysis, tmx)
        written.append(f"{report.units} matched units → {tmx}")
    if as_json:
        click.echo(json.dumps(analysis.as_dict(), ensure_ascii=False, indent=2))
    else:
        for s in analysis.segments:
            similarity = f"{s.similarity}%" if s.similarity is not None else "-"
            click.echo(f"{s.number:4d}  {s.band:>8}  {similarity:>4}  {s.text}")
            if s.match:
                click.echo(f"{'':20}{s.match['target']}")
        click.echo()
        click.echo(f"{'band':>12}  {'segments':>8}  {'words':>6}")
        for name, counts in analysis.totals().items():
            click.echo(f"{name:>12}  {counts['segments']:>8}  {counts['words']:>6}")
        if analysis.terms:
            click.echo()
            for use in analysis.terms:
                avoid = "; ".join(f"{a['form']} ({a['status']})" for a in use.avoid)
                click.echo(
                    f"{use.english} ({use.count}×) → {use.preferred or '(no Chinese)'}"
                    + (f"  also: {', '.join(use.admitted)}" if use.admitted else "")
                    + (f"  avoid: {avoid}" if avoid else "")
                )
    for line in written:
        click.echo(line, err=True)


COMMANDS = [tm, analyse]
