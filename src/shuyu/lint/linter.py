"""Lint files against the termbase, fix deprecated forms, and decide the exit status."""

from __future__ import annotations

from dataclasses import dataclass

from shuyu.lint import rewrite
from shuyu.lint.checks import Finding, check_segments, check_text
from shuyu.lint.config import SEVERITIES, LintConfig
from shuyu.lint.inputs import is_bilingual, read_pair, read_segments, read_text
from shuyu.lint.rules import Rules


def lint_file(
    path: str, rules: Rules, config: LintConfig, source: str | None = None, encoding: str | None = None
) -> list[Finding]:
    """Findings for one file: a Chinese text, a bilingual file, or a Chinese text with its English ``source``."""
    if source:
        return check_segments(read_pair(path, source, encoding), path, rules, config)
    if is_bilingual(path):
        return check_segments(read_segments(path), path, rules, config)
    return check_text(read_text(path, encoding), path, rules, config)


def lint(paths: list[str], config: LintConfig, source: str | None = None, encoding: str | None = None) -> list[Finding]:
    rules = Rules.from_database(config.termbase)
    findings = []
    for path in paths:
        findings += lint_file(path, rules, config, source, encoding)
    return findings


@dataclass
class FixedFile:
    path: str
    text: str  # the text with deprecated forms replaced
    fixed: list[Finding]
    remaining: list[Finding]  # the findings --fix cannot fix


def fix_files(
    paths: list[str], config: LintConfig, in_place: bool = False, encoding: str | None = None
) -> list[FixedFile]:
    """Replace deprecated forms in Chinese texts; ``in_place`` rewrites each changed file as the same kind of
    file (encoding and BOM, or Word formatting), keeping the original bytes as FILE.bak.

    Every file is read and checked before any is written, so a refusal leaves all of them untouched."""
    rules = Rules.from_database(config.termbase)
    if not in_place:
        results = []
        for path in paths:
            original = read_text(path, encoding)
            found = check_text(original, path, rules, config)
            text, fixed = fix(original, found)
            results.append(FixedFile(path, text, fixed, [f for f in found if f not in fixed]))
        return results
    planned = []
    for path in paths:
        source = rewrite.load(path, encoding)
        found = check_text(source.text, path, rules, config)
        data, fixed = rewrite.apply(source, fixable(found))
        planned.append((source, data, FixedFile(path, "", fixed, [f for f in found if f not in fixed])))
    for source, data, result in planned:
        if result.fixed:
            rewrite.write(source, data)
    return [result for _, _, result in planned]


def failing(findings: list[Finding], fail_level: str) -> list[Finding]:
    """Findings at or above ``fail_level`` (error > warning > note)."""
    worst = SEVERITIES.index(fail_level)
    return [f for f in findings if SEVERITIES.index(f.severity) <= worst]


def fix(text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    """The text with every deprecated form replaced by its preferred form; the findings fixed.

    Excepted quotations and suppressed lines never produce findings, so they are never changed.
    """
    found = sorted(fixable(findings), key=lambda f: f.start, reverse=True)
    for f in found:
        text = text[: f.start] + f.suggestion + text[f.end :]
    return text, found


def fixable(findings: list[Finding]) -> list[Finding]:
    """Deprecated forms with a preferred one to put in their place, outside bilingual units."""
    return [f for f in findings if f.check == "deprecated-term" and f.suggestion and f.segment is None]
