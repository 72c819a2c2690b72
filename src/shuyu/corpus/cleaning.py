"""Undo what PDF/Word extraction does to UN Chinese text.

The steps, in order: normalise each physical line (markdown, full-width ASCII,
script), pull page-bottom footnote blocks out of the running text, rebuild
paragraphs from lines that were hard-wrapped, then clean each paragraph
(footnote markers, stray spaces, half-width punctuation).  All steps work on
``Tracked`` text, so positions still lead back to the raw file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from shuyu.corpus.structure import ENUMERATOR
from shuyu.corpus.tracked import Tracked
from shuyu.text.zh import (
    CJK,
    CJK_PUNCT,
    CLOSING,
    FULLWIDTH_TO_ASCII,
    SUPERSCRIPT_DIGITS,
    SUPERSCRIPT_TO_DIGIT,
    display_width,
    is_cjk,
)

_MARKDOWN = [
    (re.compile(r"\*\*(.+?)\*\*"), 1),  # **确认** → 确认
    (re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)"), 1),  # [A/60/687](#) → A/60/687
    (re.compile(r"<((?:https?|ftp)://[^>\s]+)>"), 1),  # <https://…> → https://…
]
_LIST_MARKER = re.compile(r"^(\s*)(?:[-*+•]|#{1,6})\s+")
_SEPARATOR = re.compile(r"^[_＿]{5,}$")
_SUPERSCRIPT_NOTE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s*(\S.*)$")
_DIGIT_NOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_CANNOT_END = "、“‘《（(「『【〔"  # a paragraph never ends on these: the line was broken by the page


@dataclass
class Line:
    text: Tracked  # normalised and stripped
    indent: int
    width: int
    after_footnotes: bool = False  # a footnote block was removed just before this line


@dataclass
class FootnoteText:
    number: int
    text: Tracked


@dataclass
class Extracted:
    lines: list[Line]
    footnotes: list[FootnoteText] = field(default_factory=list)


def split_lines(text: str, convert: Callable[[str], str] | None = None) -> list[Line]:
    """Physical lines, normalised; blank lines carry no information after extraction."""
    lines = []
    for match in re.finditer(r"[^\r\n]+", text):
        t = Tracked.from_raw(match.group(), match.start())
        t = t.map_chars(lambda s: s.translate(FULLWIDTH_TO_ASCII))
        if convert is not None:
            t = t.map_chars(convert)
        for pattern, group in _MARKDOWN:
            t = t.sub(pattern, lambda m, cur=t, g=group: cur.group(m, g))
        t = t.sub(_LIST_MARKER, lambda m, cur=t: cur.group(m, 1))
        indent = len(t.text) - len(t.text.lstrip())
        t = t.strip()
        if t.text:
            lines.append(Line(t, indent, display_width(t.text)))
    return lines


def extract_footnotes(lines: list[Line]) -> Extracted:
    """Move page-bottom footnote blocks out of the running text.

    A block starts at a line of underscores (then notes start with a bare
    number that continues the document's numbering) or at a line led by a
    superscript number.  A note goes on over lines until it ends in 。 or the
    next line starts a paragraph.
    """
    body: list[Line] = []
    notes: list[FootnoteText] = []
    last_number = 0
    in_block = False  # after a separator line
    current: FootnoteText | None = None
    removed = False
    for line in lines:
        text = line.text.text
        if _SEPARATOR.match(text):
            in_block, current, removed = True, None, True
            continue
        number, note = _note_start(line, in_block, last_number)
        if number is not None:
            current = FootnoteText(number, note)
            notes.append(current)
            last_number, removed = number, True
            continue
        if current is not None and _continues_note(current, line):
            current.text = Tracked.join([current.text, line.text])
            continue
        in_block, current = False, None
        line.after_footnotes = removed
        removed = False
        body.append(line)
    return Extracted(body, notes)


def _note_start(line: Line, in_block: bool, last_number: int) -> tuple[int | None, Tracked]:
    t = line.text
    match = _SUPERSCRIPT_NOTE.match(t.text)
    if match:
        return int(match.group(1).translate(SUPERSCRIPT_TO_DIGIT)), t.group(match, 2)
    if in_block:
        match = _DIGIT_NOTE.match(t.text)
        # Bare numbers must continue the numbering (or restart it), so that a
        # running-text line such as "2010 年 7 月 19 日" is never taken for a note.
        if match and int(match.group(1)) in (last_number + 1, 1):
            return int(match.group(1)), t.group(match, 2)
    return None, t


def _continues_note(note: FootnoteText, line: Line) -> bool:
    text = note.text.text
    return bool(text) and text[-1] not in "。." and line.indent == 0 and not ENUMERATOR.match(line.text.text)


def rebuild_paragraphs(lines: list[Line]) -> list[Tracked]:
    """Join lines that a page layout broke, using content cues, not blank lines.

    Each document is classified by its own lines.  In a hard-wrapped document
    (the lines that end mid-sentence are the ones that fill the measure) a
    full line runs on unless the next line is indented as a paragraph start or
    numbered.  In a document with one paragraph per line, only a page break (a
    footnote block between two halves, the first ending mid-sentence) is
    joined.  In a document with one item per line (lists, indicator tables:
    many lines of any length end without punctuation) a line ending
    mid-sentence is an item, not a page break.  Everywhere, a line cut after a
    footnote marker or inside 《…》 goes on, and a resolution's title line
    (``70/204. …``) starts a paragraph.
    """
    if not lines:
        return []
    measure = _measure(lines)
    indent_starts = measure is not None and _indent_marks_paragraphs(lines, measure)
    items = measure is None and _one_item_per_line(lines)
    indented = _indent_varies(lines)
    paragraphs: list[list[Line]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        start = paragraphs[-1][0]
        if _runs_on(prev, line, measure, indent_starts, items=items, start=start, indented=indented):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return [_join(group) for group in paragraphs]


_LINE_END_MARKER = re.compile(r"(?<=[》”）)；，。、])\s*\d{1,2}$")  # 《…议程》2 / …报告；4 at a line end
_RESOLUTION_TITLE = re.compile(r"^\d{2,3}/\d{1,3}\.\s*\S")


def _body_end(line: Line) -> tuple[str, bool]:
    """(last character of the line without a trailing footnote marker, whether there was one)."""
    text = line.text.text
    match = _LINE_END_MARKER.search(text)
    if match and not ENUMERATOR.fullmatch(text) and match.start() > 0:
        return text[: match.start()].rstrip()[-1], True
    return text[-1], False


def _ends_mid_sentence(line: Line) -> bool:
    tail, _ = _body_end(line)
    return is_cjk(tail) or tail.isalnum()


def _measure(lines: list[Line]) -> int | None:
    """The page's line width when the text is hard-wrapped, else None.

    Hard-wrapped means most lines fill one measure AND the lines that end
    mid-sentence end there because they are full; in a list whose items have
    no final punctuation, unpunctuated lines come in every length.
    """
    widths = sorted(line.width for line in lines)
    if len(widths) < 8:
        return None
    measure = widths[int(len(widths) * 0.9)]
    full = sum(1 for w in widths if w >= measure * 0.88)
    if measure > 160 or full < len(widths) * 0.3:
        return None
    mid = [line for line in lines if _ends_mid_sentence(line) and len(line.text) >= 10]
    if len(mid) >= 8 and sum(1 for line in mid if _is_full(line, measure)) < len(mid) * 0.6:
        return None
    return measure


def _one_item_per_line(lines: list[Line]) -> bool:
    """Whether unpunctuated line ends are the norm (items) rather than rare page breaks."""
    long_lines = [line for line in lines if len(line.text) >= 20]
    if len(long_lines) < 5:
        return False
    unpunctuated = sum(1 for line in long_lines if _ends_mid_sentence(line) and not _body_end(line)[1])
    return unpunctuated >= len(long_lines) * 0.3


def _indent_varies(lines: list[Line]) -> bool:
    """Whether some lines are indented and others sit at the margin (paragraph starts vs continuations)."""
    indented = sum(1 for line in lines if line.indent > 0)
    return 0.15 * len(lines) < indented < 0.9 * len(lines)


def _continues_indented_start(start: Line | None, line: Line, indented: bool) -> bool:
    """A margin line under a paragraph start indented by a few columns (not a right-aligned page header)."""
    return indented and start is not None and 0 < start.indent <= 8 and line.indent == 0


def _is_full(line: Line, measure: int) -> bool:
    return line.width >= measure * 0.88


def _indent_marks_paragraphs(lines: list[Line], measure: int) -> bool:
    """Whether continuation lines sit at the margin while paragraph starts are indented."""
    after_full = [line.indent for prev, line in zip(lines, lines[1:]) if _is_full(prev, measure)]
    if not after_full:
        return False
    indented_after_full = sum(1 for i in after_full if i > 0) / len(after_full)
    indented_overall = sum(1 for line in lines if line.indent > 0) / len(lines)
    return indented_after_full < 0.35 and indented_overall > 0.15


def _runs_on(
    prev: Line,
    line: Line,
    measure: int | None,
    indent_starts: bool,
    *,
    items: bool = False,
    start: Line | None = None,
    indented: bool = False,
) -> bool:
    text = line.text.text
    if ENUMERATOR.match(text) or _RESOLUTION_TITLE.match(text):
        return False
    tail, marker = _body_end(prev)
    if prev.text.text.count("《") > prev.text.text.count("》"):
        return True  # cut inside a title: 《2015-2030 / 年仙台减少灾害风险框架》
    if marker:
        # Extraction breaks the line after a superscript note marker; the sentence goes on
        # unless the next line starts a paragraph (indented where continuations sit at the margin).
        continuation = _continues_indented_start(start, line, indented)
        if tail in "；，。、":
            return continuation and tail != "。"
        return continuation or not (indented and line.indent > 0)
    if measure is not None:
        if indent_starts and line.indent > 0:
            return False
        if prev.text.text[-1] in "，；：,;:" and _is_heading_line(line, measure):
            return False  # 清点工作：审查… after a clause that happened to fill its line
        return _is_full(prev, measure) and prev.text.text[-1] not in "。"
    if tail in _CANNOT_END:
        return True
    if not (is_cjk(tail) or tail.isalnum()):
        return False
    if _continues_indented_start(start, line, indented):
        return True
    if items and not line.after_footnotes:
        return False  # an item of a list ends without punctuation: not a page break
    # Mid-sentence end: a page break, unless the line is a heading (short, unnumbered).
    long_enough = 20 if line.after_footnotes else (30 if ENUMERATOR.match(prev.text.text) else 50)
    return len(prev.text) >= long_enough


def _is_heading_line(line: Line, measure: int) -> bool:
    """A short line ending without punctuation cannot be the last line of a paragraph."""
    tail = line.text.text[-1]
    return not _is_full(line, measure) and (is_cjk(tail) or tail.isalnum())


def _join(group: list[Line]) -> Tracked:
    pieces = [group[0].text]
    for line in group[1:]:
        left, right = pieces[-1].text[-1:], line.text.text[:1]
        if left.isascii() and left.isalpha() and right.isascii() and right.isalpha():
            pieces.append(Tracked(" ", (pieces[-1].origins[-1] + 1,)))
        pieces.append(line.text)
    return Tracked.join(pieces)


_UNIT_AFTER_NUMBER = set("年月日号次段届个项条款名人%亿万千百十岁周天时分秒倍章节卷期部类点国级")
_NOT_MARKER_BEFORE = set("第至和、及或与到约近共")
_MARKER_FOLLOWERS = "，。；：、" + CLOSING


def remove_footnote_markers(
    t: Tracked, footnote_numbers: set[int], superscript_style: bool
) -> tuple[Tracked, list[int]]:
    """Drop footnote reference markers, keeping real numbers (第 2 次, 2030 年, 68/198).

    Superscripts are always markers.  Bare digits count as markers only in a
    document whose notes are numbered with bare digits, only for numbers that
    are notes of this document, and only where a number cannot be part of the
    sentence: after punctuation or a word, not before a unit (年, 次, 段 …).
    """
    refs: list[int] = []

    def superscript(m: re.Match) -> str:
        refs.append(int(m.group().translate(SUPERSCRIPT_TO_DIGIT)))
        return ""

    t = t.sub(rf"[{SUPERSCRIPT_DIGITS}]+", superscript)
    if superscript_style or not footnote_numbers:
        return t, refs
    text = t.text

    def bare(m: re.Match) -> str:
        number = int(m.group())
        before = text[: m.start()].rstrip()
        after = text[m.end() :].lstrip()
        prev = before[-1:] if before else ""
        nxt = after[:1]
        if number not in footnote_numbers or not prev or prev in _NOT_MARKER_BEFORE:
            return m.group()
        if not (prev in _MARKER_FOLLOWERS or is_cjk(prev)):
            return m.group()
        if nxt and not (nxt in "，。；：" or (is_cjk(nxt) and nxt not in _UNIT_AFTER_NUMBER)):
            return m.group()
        if is_cjk(prev) and (nxt == "" or is_cjk(nxt)) and m.start() == len(before):
            return m.group()  # glued on the left with no space and no punctuation: a word, not a marker
        refs.append(number)
        return ""

    return t.sub(r"(?<![\d/.\-A-Za-z])\d{1,3}(?![\d/.\-A-Za-z%])", bare), refs


_CJK_OR_PUNCT = f"[{CJK}{CJK_PUNCT}]"
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def normalise_spacing_and_punctuation(t: Tracked) -> Tracked:
    """Half-width punctuation in Chinese → full width; no spaces inside Chinese.

    Spaces between a Chinese character and a digit go too (2011 年 9 月 → 2011年9月),
    and so do spaces that extraction put inside document symbols (A/C. 2/66/L. 21).
    """
    t = t.sub(
        rf"(?<=[{CJK}{CLOSING}])\s*([,;:?!])(?!//)|([,;:?!])(?=\s*[{CJK}“])",
        lambda m: _HALF_TO_FULL[m.group(1) or m.group(2)],
    )
    t = t.sub(r"(?:(?<=/[A-Z]\.)|(?<=/[A-Z]{2}\.)|(?<=/[A-Z]{3}\.))\s+(?=[0-9A-Z])", "")
    t = t.sub(rf"\s+(?={_CJK_OR_PUNCT})|(?<={_CJK_OR_PUNCT})\s+", "")
    return t.sub(r"\s{2,}", " ")
