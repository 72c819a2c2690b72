"""``shuyu report``: one self-contained HTML page (no scripts, no external files) readable offline.

It shows every variant group with its timeline, proposal, reason and evidence
(the differing span of each passage marked), then the top mined terms and the corpus.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from shuyu import __version__
from shuyu.fileio import atomic_write_text
from shuyu.report.timeline import STATUS_COLOUR, svg_timeline
from shuyu.variants import KEPT
from shuyu.variants.detect import stored_groups

TOP_TERMS = 50

_STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1100px;
color:#222;line-height:1.5;padding:0 1em}
h1{font-size:1.6em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.2em .6em;text-align:left}
th{background:#f4f4f4}.num{text-align:right}.group{border:1px solid #ddd;border-radius:6px;padding:.8em 1em;
margin:1em 0}.kind{display:inline-block;background:#eee;border-radius:4px;padding:0 .5em;font-size:.85em}
.reason{margin:.4em 0}.evidence li{margin:.3em 0}mark{background:#ffe08a;padding:0 1px}.meta{color:#666;font-size:.85em}
.timeline .year{font-size:12px;fill:#555}.timeline .form{font-size:13px;fill:#222}
.rename{border-left:4px solid #8aa7d6;padding-left:1em;margin:1.5em 0}.rename>.group{margin-left:1em}
.strength{display:inline-block;border-radius:4px;padding:0 .5em;font-size:.85em}.strong{background:#cde8c8}
.medium{background:#f5e6b8}.weak{background:#f3c9c4}
"""


def _status(status: str) -> str:
    return f'<span style="color:{STATUS_COLOUR.get(status, "#555")};font-weight:bold">{escape(status)}</span>'


def _passage(p: dict) -> str:
    text, start, end = p["text"], p["start"], p["end"]
    where = f"{escape(p['doc_id'])}, {p['year'] or '?'}" + (f", ¶ {escape(p['paragraph'])}" if p["paragraph"] else "")
    return (
        f"{escape(text[:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:])} "
        f'<span class="meta">({where})</span>'
    )


def _group(group: dict, years: list[int], number: int) -> str:
    rows = "".join(
        f"<tr><td>{escape(f['form'])}</td><td>{_status(f['status'])}</td><td>{escape(f['type'])}</td>"
        f'<td class="num">{f["count"]}</td><td>{f["first_year"] or ""}–{f["last_year"] or ""}</td></tr>'
        for f in group["forms"]
    )
    evidence = "".join(
        f"<li><b>{escape(e['signal'])}</b> {escape(' / '.join(e['forms']))}"
        + (f' <span class="meta">{escape(e["note"])}</span>' if e["note"] else "")
        + "".join(f"<div>{_passage(p)}</div>" for p in e["passages"])
        + "</li>"
        for e in group["evidence"]
    )
    inconsistent = "".join(
        f"<li>{escape(d['doc_id'])}: " + ", ".join(f"{escape(k)} × {v}" for k, v in d["counts"].items()) + "</li>"
        for d in group["inconsistent_documents"]
    )
    lookup = ", ".join(f"{escape(l['form'])} ({escape(l['usage'])})" for l in group["lookup_forms"])
    return (
        f'<section class="group" id="group-{number}"><h3>{number}. {escape(group["preferred"])} '
        f'<span class="kind">{escape(group["kind"])}</span> <span class="meta">{escape(group["decision"])}</span></h3>'
        f"{_evidence_line(group)}"
        f'<p class="reason">{escape(group["reason"])}</p>{svg_timeline(group, years)}'
        f"<table><tr><th>form</th><th>status</th><th>type</th><th>count</th><th>years</th></tr>{rows}</table>"
        + (f"<p>Both forms in one document:</p><ul>{inconsistent}</ul>" if inconsistent else "")
        + (f'<p class="meta">Other scripts and regions: {lookup}</p>' if lookup else "")
        + (
            f'<details><summary>Evidence ({len(group["evidence"])})</summary><ul class="evidence">{evidence}</ul>'
            f"</details>"
            if evidence
            else ""
        )
        + "</section>"
    )


def _evidence_line(group: dict) -> str:
    """The group's evidence kind and strength (strong, medium or weak, and what was counted)."""
    strength = group.get("strength") or ""
    level = strength.split(" ", 1)[0]
    return (
        f'<p class="meta">evidence: {escape(group.get("evidence_kind") or "—")} '
        f'<span class="strength {escape(level)}">{escape(strength)}</span></p>'
    )


def _groups(groups: list[dict], years: list[int]) -> str:
    """Groups in rank order; those that follow one component change (首脑会议 → 峰会) together under it,
    with the names that keep their rendering although they hold the renamed form."""
    by_rule: dict[str, list[dict]] = {}
    for g in groups:
        if g["rule"]:
            by_rule.setdefault(g["rule"], []).append(g)
    html, shown, number = [], set(), 0
    for g in groups:
        rule = g["rule"]
        if rule in shown:
            continue
        members = by_rule.get(rule, [g]) if rule else [g]
        renamed = [m for m in members if m["kind"] != KEPT]
        kept = [m for m in members if m["kind"] == KEPT]
        if rule and (len(renamed) > 1 or kept):
            shown.add(rule)
            parts = []
            for m in renamed:
                number += 1
                parts.append(_group(m, years, number))
            kept_list = "".join(
                f'<li>{escape(m["preferred"])} <span class="meta">{escape(m["reason"])}</span></li>' for m in kept
            )
            names = "name" if len(renamed) == 1 else "names"
            heading = f"Rename {escape(rule)}: {len(renamed)} {names}" if renamed else f"After {escape(rule)}"
            html.append(
                f'<section class="rename"><h3>{heading}</h3>{"".join(parts)}'
                + (f"<p>Names that keep their rendering:</p><ul>{kept_list}</ul>" if kept_list else "")
                + "</section>"
            )
        elif g["kind"] != KEPT:
            number += 1
            html.append(_group(g, years, number))
    return "".join(html)


def render(store) -> str:
    """The report page for the corpus, terms and variant groups in ``store``."""
    years = store.years()
    documents = store.documents()
    terms = store.terms(statuses=("candidate", "accepted", "edited"), limit=TOP_TERMS)
    groups = stored_groups(store)
    doc_rows = "".join(
        f"<tr><td>{escape(d['id'])}</td><td>{d['year'] or ''}</td><td>{escape(', '.join(d['symbols'] or []))}</td>"
        f'<td class="num">{d["paragraphs"]}</td><td class="num">{d["chars"]}</td></tr>'
        for d in documents
    )
    term_rows = "".join(
        f'<tr><td class="num">{t["rank"]}</td><td>{escape(t["term"])}</td><td class="num">{t["freq"]}</td>'
        f'<td class="num">{t["docs"]}</td><td>{t["first_year"] or ""}–{t["last_year"] or ""}</td>'
        f"<td>{escape(' '.join(f'{y}:{n}' for y, n in t['years'].items()))}</td></tr>"
        for t in terms
    )
    body = _groups(groups, years) or "<p>No variant groups found.</p>"
    groups = [g for g in groups if g["kind"] != KEPT]
    return f"""<!DOCTYPE html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>shuyu report</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>
<body><h1>术语 shuyu — terminology report</h1>
<p class="meta">Generated by shuyu {escape(__version__)} from {len(documents)} documents
({escape(", ".join(str(y) for y in years))}).</p>
<h2>Variant groups ({len(groups)})</h2>
<p class="meta">Dots: uses per year; <span style="color:{STATUS_COLOUR["preferred"]}">preferred</span>,
<span style="color:{STATUS_COLOUR["admitted"]}">admitted</span>,
<span style="color:{STATUS_COLOUR["superseded"]}">superseded</span>.</p>
{body}
<h2>Top {len(terms)} terms</h2><table><tr><th>rank</th><th>term</th><th>freq</th><th>docs</th><th>years</th>
<th>per year</th></tr>{term_rows}</table>
<h2>Documents</h2><table><tr><th>id</th><th>year</th><th>symbols</th><th>paragraphs</th><th>characters</th></tr>
{doc_rows}</table>
</body></html>
"""


def write_report(store, path: str | Path) -> Path:
    """Write the report atomically (a failed run leaves the previous page in place)."""
    path = Path(path)
    atomic_write_text(path, render(store))
    return path
