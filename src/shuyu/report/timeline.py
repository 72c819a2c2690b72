"""Timelines of a variant group (years × forms), as terminal text and as inline SVG.

Both take a group as stored (``variants.detect.stored_groups``): forms with
``years`` as year → count, and the corpus's years as the columns, so a year in
which no form is used still shows as a gap.
"""

from __future__ import annotations

from html import escape

from shuyu.text.zh import display_width

STATUS_COLOUR = {"preferred": "#1b7f3b", "admitted": "#2f6db5", "superseded": "#c0392b", "deprecated": "#c0392b"}


def text_timeline(group: dict, years: list[int], indent: str = "    ") -> list[str]:
    """Rows ``form  count per year  status``; · where a form is not used that year."""
    width = max(display_width(f["form"]) for f in group["forms"])
    header = indent + " " * width + "  " + " ".join(f"{y:>5}" for y in years)
    lines = [header]
    for f in group["forms"]:
        counts = " ".join(f"{f['years'].get(str(y), 0) or '·':>5}" for y in years)
        pad = " " * (width - display_width(f["form"]))
        lines.append(f"{indent}{f['form']}{pad}  {counts}  {f['status']}")
    return lines


def svg_timeline(group: dict, years: list[int]) -> str:
    """A dot per form and year, its area proportional to the count, coloured by the form's status."""
    cell, label_width, top = 56, 14 * max(len(f["form"]) for f in group["forms"]) + 16, 22
    height = top + 26 * len(group["forms"]) + 6
    width = label_width + cell * len(years) + 10
    biggest = max((n for f in group["forms"] for n in f["years"].values()), default=1) or 1
    parts = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="timeline of {escape(group["preferred"])}">'
    ]
    for k, year in enumerate(years):
        x = label_width + cell * k + cell / 2
        parts.append(f'<text x="{x}" y="14" text-anchor="middle" class="year">{year}</text>')
    for row, f in enumerate(group["forms"]):
        y = top + 26 * row + 12
        colour = STATUS_COLOUR.get(f["status"], "#777")
        parts.append(f'<text x="4" y="{y + 5}" class="form">{escape(f["form"])}</text>')
        parts.append(f'<line x1="{label_width}" x2="{width - 10}" y1="{y}" y2="{y}" stroke="#ddd"/>')
        for k, year in enumerate(years):
            count = f["years"].get(str(year), 0)
            if count:
                radius = 3 + 9 * (count / biggest) ** 0.5
                x = label_width + cell * k + cell / 2
                parts.append(
                    f'<circle cx="{x}" cy="{y}" r="{radius:.1f}" fill="{colour}">'
                    f"<title>{escape(f['form'])} {year}: {count}</title></circle>"
                )
    parts.append("</svg>")
    return "".join(parts)
