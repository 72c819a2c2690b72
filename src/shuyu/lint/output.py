"""Findings as text (``path:line:col: severity: message [check]`` with the line and a caret), JSON or SARIF."""

from __future__ import annotations

import json

from shuyu import __version__
from shuyu.lint.checks import Finding
from shuyu.lint.config import CHECKS
from shuyu.text.zh import display_width

_SARIF_LEVEL = {"error": "error", "warning": "warning", "note": "note"}
_DESCRIPTIONS = {
    "deprecated-term": "A superseded or deprecated form of a term is used.",
    "mixed-forms": "Several forms of one concept are used in one document.",
    "missing-term": "A source term's accepted renderings are all absent from the target.",
    "inconsistent-translation": "One source segment is translated differently in the same file.",
    "inconsistent-source": "One target is given to different source segments in the same file.",
    "number-mismatch": "Numbers, dates or document symbols of the source are missing or changed in the target.",
}


def human(findings: list[Finding]) -> str:
    out = []
    for f in findings:
        out.append(f"{f.path}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.check}]")
        line, column = f.excerpt()
        if line:
            out.append(f"    {line}")
            width = display_width(line[column : column + f.end_column - f.column]) or 1
            out.append("    " + " " * display_width(line[:column]) + "^" * width)
    return "\n".join(out) + ("\n" if out else "")


def as_json(findings: list[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"


def _fix(f: Finding) -> dict:
    """A SARIF fix: replace the finding's span by the preferred form (columns count code points)."""
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.line, "endColumn": f.end_column}
    return {
        "description": {"text": f"use {f.suggestion}"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": f.path},
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": f.suggestion}}],
            }
        ],
    }


def sarif(findings: list[Finding]) -> str:
    """SARIF 2.1.0, as code-scanning services read it (valid against the official schema, tested).

    A fix is offered where ``--fix`` would make it: a deprecated form in a text file (in a bilingual
    file, line and column are those of a segment, so no file change can be stated).
    """
    rules = [
        {"id": check, "shortDescription": {"text": _DESCRIPTIONS[check]}, "defaultConfiguration": {"level": level}}
        for check, level in CHECKS.items()
    ]
    results = [
        {
            "ruleId": f.check,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path},
                        "region": {"startLine": f.line, "startColumn": f.column, "endColumn": f.end_column},
                    }
                }
            ],
            **({"fixes": [_fix(f)]} if f.suggestion and f.segment is None else {}),
        }
        for f in findings
    ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "shuyu",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/shuyu/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
