"""Lint files against the termbase, fix deprecated forms, and decide the exit status."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from shuyu.fileio import atomic_write_text
from shuyu.lint.checks import Finding, check_segments, check_text
from shuyu.lint.config import SEVERITIES, LintConfig
from shuyu.lint.inputs import is_bilingual, read_pair, read_segments, read_text
from shuyu.lint.rules import Rules


def lint_file(path: str, rules: Rules, config: LintConfig, source: str | None = None) -> list[Finding]:
    """Findings for one file: a Chinese text, a bilingual file, or a Chinese text with its English ``source``."""
    if source:
        return check_segments(read_pair(path, source), path, rules, config)
    if is_bilingual(path):
        return check_segments(read_segments(path), path, rules, config)
    return check_text(read_text(path), path, rules, config)


def lint(paths: list[str], config: LintConfig, source: str | None = None) -> list[Finding]:
    rules = Rules.from_database(config.termbase)
    findings = []
    for path in paths:
        findings += lint_file(path, rules, config, source)
    return findings


@dataclass
class FixedFile:
    path: str
    text: str  # the text with deprecated forms replaced
    fixed: list[Finding]
    remaining: list[Finding]  # the findings --fix cannot fix


def fix_files(paths: list[str], config: LintConfig, in_place: bool = False) -> list[FixedFile]:
    """Replace deprecated forms in Chinese text files; ``in_place`` rewrites each changed file, keeping FILE.bak."""
    rules = Rules.from_database(config.termbase)
    results = []
    for path in paths:
        original = read_text(path)
        found = check_text(original, path, rules, config)
        text, fixed = fix(original, found)
        if in_place and fixed:
            atomic_write_text(backup_path(Path(path)), original)
            atomic_write_text(path, text)
        results.append(FixedFile(path, text, fixed, [f for f in found if f not in fixed]))
    return results


def failing(findings: list[Finding], fail_level: str) -> list[Finding]:
    """Findings at or above ``fail_level`` (error > warning > note)."""
    worst = SEVERITIES.index(fail_level)
    return [f for f in findings if SEVERITIES.index(f.severity) <= worst]


def fix(text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    """The text with every deprecated form replaced by its preferred form; the findings fixed.

    Excepted quotations and suppressed lines never produce findings, so they are never changed.
    """
    fixable = sorted(
        (f for f in findings if f.check == "deprecated-term" and f.suggestion and f.segment is None),
        key=lambda f: f.start,
        reverse=True,
    )
    for f in fixable:
        text = text[: f.start] + f.suggestion + text[f.end :]
    return text, fixable


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")
