"""The checks: deprecated forms, mixed forms, and for bilingual files missing terms, inconsistent
translations and numbers or symbols that do not match.

Text is matched in its normal form (simplified script, half-width letters and
digits) with the termbase's forms, longest first; positions are those of the
original text, reported as line and column (characters, from 1).  Exceptions:
《…》 titles cited verbatim (unless turned off), the configured exception
strings, and lines marked ``shuyu: ignore`` (all checks) or
``shuyu: ignore[deprecated-term]`` (the listed ones).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields

from shuyu.corpus.detect import find_symbols
from shuyu.lint.config import LintConfig
from shuyu.lint.rules import FLAGGED, SHORT, Rules, quoted_titles
from shuyu.text.match import Match
from shuyu.text.numbers import quantities
from shuyu.text.zh import display_width, normalise

_IGNORE = re.compile(r"shuyu:\s*ignore(?:\[([\w,\s-]+)\])?")


@dataclass
class Finding:
    path: str
    line: int
    column: int
    end_column: int
    check: str
    severity: str
    message: str
    found: str
    suggestion: str | None
    start: int  # offset in the text checked (the whole file, or the segment's target)
    end: int
    segment: str | None = None  # the unit id of a bilingual file
    # The text checked, shared by all its findings: a finding holds no copy of its line, so memory
    # stays proportional to the input however long the lines (unwrapped text pasted from a PDF).
    lines: Lines | None = field(default=None, repr=False, compare=False)

    @property
    def line_text(self) -> str:
        """The finding's line (made on demand)."""
        if self.lines is None:
            return ""
        start, end = self.lines.bounds(self.start)
        return self.lines.text[start:end]

    def excerpt(self, context: int = 30, width: int = 100) -> tuple[str, int]:
        """The line, or a window of ``context`` characters either side of the finding when the line is
        wider than ``width`` columns; and where the finding starts in it.  Only the window is copied."""
        if self.lines is None:
            return "", 0
        text = self.lines.text
        line_start, line_end = self.lines.bounds(self.start)
        if line_end - line_start <= width and display_width(text[line_start:line_end]) <= width:
            return text[line_start:line_end], self.start - line_start
        left = max(line_start, self.start - context)
        right = min(line_end, self.end + context)
        head = ("…" if left > line_start else "") + text[left : self.start]
        return head + text[self.start : right] + ("…" if right < line_end else ""), len(head)

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "lines"}


class Lines:
    """Offsets ↔ lines and columns of a text."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both from 1."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return k + 1, offset - self.starts[k] + 1

    def bounds(self, offset: int) -> tuple[int, int]:
        """Start and end of the line holding ``offset`` (its line break excluded)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
        while end > self.starts[k] and self.text[end - 1] in "\r\n":
            end -= 1
        return self.starts[k], end


class Exemptions:
    """Spans and lines where a check does not fire."""

    def __init__(self, text: str, config: LintConfig, lines: Lines):
        self.spans = quoted_titles(text) if config.except_quoted_titles else []
        norm_text = normalise(text) if config.exceptions else text
        for exception in config.exceptions:
            key = normalise(exception)
            start = norm_text.find(key)
            while start != -1:
                self.spans.append((start, start + len(key)))
                start = norm_text.find(key, start + 1)
        self._starts: list[int] | None = None
        self._reach: list[int] = []
        self.ignored: dict[int, set[str] | None] = {}
        for m in _IGNORE.finditer(text):
            line = lines.position(m.start())[0]
            self.ignored[line] = {c.strip() for c in m.group(1).split(",")} if m.group(1) else None

    def covers(self, start: int, end: int) -> bool:
        if not self.spans:
            return False
        if self._starts is None:
            self.spans.sort()
            self._starts = [s for s, _ in self.spans]
            self._reach = list(itertools.accumulate((e for _, e in self.spans), max))
        k = bisect.bisect_right(self._starts, start) - 1  # the spans starting at or before ``start``
        return k >= 0 and self._reach[k] >= end

    def silenced(self, line: int, check: str) -> bool:
        if line not in self.ignored:
            return False
        checks = self.ignored[line]
        return checks is None or check in checks


class Collector:
    """Findings of one file, with severities from the configuration and suppressions applied."""

    def __init__(self, path: str, config: LintConfig):
        self.path, self.config, self.findings = path, config, []

    def add(
        self,
        check: str,
        lines: Lines,
        start: int,
        end: int,
        message: str,
        found: str,
        suggestion: str | None,
        exemptions: Exemptions,
        line_offset: int = 0,
        segment: str | None = None,
    ) -> None:
        if not self.config.enabled(check):
            return
        line, column = lines.position(start)
        if exemptions.silenced(line, check):
            return
        self.findings.append(
            Finding(
                self.path,
                line + line_offset,
                column,
                column + (end - start),
                check,
                self.config.severity[check],
                message,
                found,
                suggestion,
                start,
                end,
                segment,
                lines,
            )
        )


@dataclass
class Hit:
    """A matched form with what is needed to report it."""

    match: Match
    text: str  # the text the match's offsets refer to (a file, or one segment's target)
    lines: Lines
    exemptions: Exemptions
    line_offset: int = 0
    segment: str | None = None


def check_text(text: str, path: str, rules: Rules, config: LintConfig) -> list[Finding]:
    """Deprecated and mixed forms in a Chinese text."""
    collector = Collector(path, config)
    lines = Lines(text)
    exemptions = Exemptions(text, config, lines)
    hits = [
        Hit(m, text, lines, exemptions) for m in rules.chinese.longest(text) if not exemptions.covers(m.start, m.end)
    ]
    _term_checks(collector, hits, rules, "document")
    return collector.findings


def _report(collector: Collector, check: str, hit: Hit, message: str, suggestion: str | None) -> None:
    m = hit.match
    collector.add(
        check,
        hit.lines,
        m.start,
        m.end,
        message,
        hit.text[m.start : m.end],
        suggestion,
        hit.exemptions,
        hit.line_offset,
        hit.segment,
    )


def _term_checks(collector: Collector, hits: list[Hit], rules: Rules, scope: str) -> None:
    """Deprecated forms, and several forms of one concept in one ``scope`` (a document, a file)."""
    by_concept: dict[int, list[Hit]] = defaultdict(list)
    for hit in hits:
        form = rules.form[hit.match.term]
        by_concept[form.concept].append(hit)
        if form.status in FLAGGED:
            found = hit.text[hit.match.start : hit.match.end]
            message, suggestion = rules.advice(form)
            _report(collector, "deprecated-term", hit, message.replace("{found}", found), suggestion)
    for concept_id, used in by_concept.items():
        used = [h for h in used if rules.form[h.match.term].type not in SHORT]  # 信通技术 after 信息和通信技术 is fine
        counts = Counter(h.match.term for h in used)
        if len(counts) < 2:
            continue
        concept = rules.concepts[concept_id]
        preferred = concept.preferred.form if concept.preferred else None
        dominant = preferred if preferred in counts else counts.most_common(1)[0][0]
        summary = ", ".join(f"{form} {n}×" for form, n in counts.most_common())
        for hit in used:
            deprecated = rules.form[hit.match.term].status in FLAGGED and collector.config.enabled("deprecated-term")
            if hit.match.term == dominant or deprecated:
                continue  # a deprecated form is already reported as such
            _report(
                collector,
                "mixed-forms",
                hit,
                f"one concept, {len(counts)} forms in this {scope} ({summary}); "
                f"{'preferred' if dominant == preferred else 'most used'}: {dominant}",
                dominant,
            )


@dataclass
class Segment:
    source: str
    target: str
    line: int  # where the unit starts in its file
    id: str | None = None


def check_segments(segments: list[Segment], path: str, rules: Rules, config: LintConfig) -> list[Finding]:
    """A bilingual file: term checks over all its Chinese targets, then the source–target checks."""
    collector = Collector(path, config)
    hits = []
    for segment in segments:
        lines = Lines(segment.target)
        exemptions = Exemptions(segment.target, config, lines)
        hits += [
            Hit(m, segment.target, lines, exemptions, segment.line - 1, segment.id)
            for m in rules.chinese.longest(segment.target)
            if not exemptions.covers(m.start, m.end)
        ]
    _term_checks(collector, hits, rules, "file")
    _missing_terms(collector, segments, rules)
    _inconsistent(collector, segments)
    _numbers(collector, segments)
    return collector.findings


def _segment_add(
    collector: Collector, check: str, segment: Segment, message: str, found: str, suggestion: str | None = None
) -> None:
    """A finding about a whole segment, placed at the start of its target."""
    lines = Lines(segment.target)
    collector.add(
        check,
        lines,
        0,
        len(segment.target),
        message,
        found,
        suggestion,
        Exemptions(segment.target, collector.config, lines),
        segment.line - 1,
        segment.id,
    )


def _missing_terms(collector: Collector, segments: list[Segment], rules: Rules) -> None:
    """A source term none of whose accepted renderings is in the target (Xbench's key-term mismatch)."""
    if not rules.has_english:
        return
    for segment in segments:
        target = normalise(segment.target)
        for term, concept_id in rules.english_terms(segment.source):
            accepted = rules.concepts[concept_id].accepted
            if not any(normalise(form) in target for form in accepted):
                _segment_add(
                    collector,
                    "missing-term",
                    segment,
                    f"the source has “{term}”; the target has none of its accepted renderings ({', '.join(accepted)})",
                    term,
                    accepted[0],
                )


def _key(text: str) -> str:
    return " ".join(normalise(text).casefold().split())


def _inconsistent(collector: Collector, segments: list[Segment]) -> None:
    """One source translated differently across the file, and one target given to different sources."""
    for check, key_of, other_of, side in (
        ("inconsistent-translation", lambda s: s.source, lambda s: s.target, "source"),
        ("inconsistent-source", lambda s: s.target, lambda s: s.source, "target"),
    ):
        groups: dict[str, list[Segment]] = defaultdict(list)
        for segment in segments:
            if _key(key_of(segment)):
                groups[_key(key_of(segment))].append(segment)
        for members in groups.values():
            variants = Counter(_key(other_of(s)) for s in members)
            if len(variants) < 2:
                continue
            usual = variants.most_common(1)[0][0]
            for segment in members:
                if _key(other_of(segment)) != usual:
                    first = next(s for s in members if _key(other_of(s)) == usual)
                    _segment_add(
                        collector,
                        check,
                        segment,
                        f"the same {side} is rendered {len(variants)} ways in this file; "
                        f"{variants.most_common(1)[0][1]}× as at line {first.line}: "
                        f"{other_of(first)[:60]}",
                        other_of(segment)[:60],
                        other_of(first),
                    )


def numbers(text: str) -> Counter:
    """Numbers as values (10万 = 100,000 = 100 000, 五岁 = five years), resolution numbers and UN document symbols."""
    text = normalise(text)
    found = quantities(text)
    for symbol in find_symbols(text):
        found[symbol] += 1
        found.subtract(quantities(symbol))  # the symbol's own numbers are accounted for by the symbol
    return +found


def _numbers(collector: Collector, segments: list[Segment]) -> None:
    for segment in segments:
        source, target = numbers(segment.source), numbers(segment.target)
        missing = source - target
        extra = target - source
        if missing:
            described = ", ".join(missing)
            changed = f" (the target has {', '.join(extra)} instead)" if extra else ""
            _segment_add(
                collector,
                "number-mismatch",
                segment,
                f"{described} in the source, not in the target{changed}",
                described,
            )
