"""``shuyu variants`` and its decisions (confirm, split, prefer)."""

from __future__ import annotations

import json
import sys

import click

from shuyu.cli.common import Context, StageProgress, excerpt
from shuyu.variants import KINDS


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of groups.")
@click.option("--detect", is_flag=True, help="Detect again from the stored corpus before printing.")
@click.option("--kind", type=click.Choice(KINDS), help="Only groups of this kind.")
@click.option("--top", type=click.IntRange(1), help="Print only the first N groups.")
@click.option(
    "--evidence",
    "evidence_count",
    type=click.IntRange(0),
    default=2,
    show_default=True,
    help="Evidence passages to print per group (text output).",
)
@click.pass_context
def variants(
    ctx: click.Context, as_json: bool, detect: bool, kind: str | None, top: int | None, evidence_count: int
) -> None:
    """Variant renderings of one concept across years: groups, proposal, evidence, timeline.

    `shuyu build` detects them; decisions (confirm, split, prefer) survive re-running.

    \b
    Examples:
      shuyu variants --top 5
      shuyu variants --json | jq '.[] | select(.kind == "rename")'
      shuyu variants prefer 互联网
    """
    from shuyu.pipeline import variant_groups
    from shuyu.report.timeline import text_timeline

    if ctx.invoked_subcommand:
        return
    stages = StageProgress("variants")
    groups, years = variant_groups(ctx.obj.db_path(), redetect=detect, progress=stages)
    stages.close()
    groups = [g for g in groups if kind is None or g["kind"] == kind][:top]
    if as_json:
        click.echo(json.dumps(groups, ensure_ascii=False, indent=2))
        return
    if not groups:
        click.echo("no variant groups found", err=True)
        sys.exit(1)
    for number, group in enumerate(groups, 1):
        others = " / ".join(f["form"] for f in group["forms"] if f["form"] != group["preferred"])
        click.echo(
            f"{number:>3}. {group['preferred']} ← {others}   [{group['kind']}]"
            + ("" if group["decision"] == "proposed" else f" ({group['decision']})")
        )
        click.echo(f"     {group['reason']}")
        if group["evidence_kind"]:
            rule = f"; follows {group['rule']}" if group["rule"] else ""
            click.echo(f"     evidence: {group['evidence_kind']}, {group['strength']}{rule}")
        for line in text_timeline(group, years, indent="     "):
            click.echo(line)
        for e in group["evidence"][:evidence_count]:
            for p in e["passages"]:
                click.echo(
                    f"     {e['signal']}: {p['doc_id']} ({p['year']}) ¶{p['paragraph'] or '-'}: "
                    f"{excerpt(p['text'], p['start'], p['end'])}"
                )
        click.echo()


# Each decision's help, given to click when it builds the command (a docstring set afterwards is never shown).
_DECISIONS = {
    "confirm": "Confirm the group holding FORM as it stands.\n\n\b\nExample:\n  shuyu variants confirm 因特网",
    "split": "Take FORM out of its group: it names a different concept.\n\n\b\nExample:\n  shuyu variants split 议题",
    "prefer": "Make FORM the preferred rendering of its group.\n\n\b\nExample:\n  shuyu variants prefer 互联网",
}


def _decision(action: str, help_text: str) -> click.Command:
    @variants.command(action, help=help_text)
    @click.argument("form")
    @click.pass_obj
    def command(obj: Context, form: str) -> None:
        from shuyu.pipeline import decide_variant

        decide_variant(obj.db_path(), action, form)
        click.echo(f"{action}: {form} (recorded; it survives re-running)")

    return command


for _action, _help in _DECISIONS.items():
    _decision(_action, _help)


COMMANDS = [variants]
