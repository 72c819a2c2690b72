"""Paragraph numbers, headings and sentences of cleaned text.

Chinese sentences end at 。！？ (after any closing quote), never at ；: UN
texts chain "(a) …；(b) …" items inside one sentence, as English does with
semicolons.
"""

from __future__ import annotations

import re

from shuyu.text.zh import CLOSING, SENTENCE_END

# 1.  (a)  (iv)  （a）  一.  二、  A.  1.1  1.a (the SDG targets' numbering)
ENUMERATOR = re.compile(
    r"^(?:(?P<section>\d{1,2}(?:\.\d{1,2})+|\d{1,2}\.[a-h](?=\s|[^\x00-\x7f]))\.?(?=[^\d./%])|(?P<arabic>\d{1,3})\.(?!\d)|[(（](?P<item>[a-z]{1,4}|[ivxlc]{1,6}|\d{1,2})[)）]"
    r"|(?P<chinese>[一二三四五六七八九十]{1,3})[.、．]|(?P<letter>[A-H])\.(?=\s))\s*"
)
SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.[a-h]")  # 1.1, 2.3.4, 1.a
_CHINESE_SENTENCE = re.compile(rf"[^{SENTENCE_END}]*[{SENTENCE_END}]+[{CLOSING}]*|[^{SENTENCE_END}]+$")
_ENGLISH_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z“\"(])")
_ENGLISH_ABBREVIATIONS = (
    "No.",
    "Nos.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "para.",
    "paras.",
    "e.g.",
    "i.e.",
    "etc.",
    "Corr.",
    "Rev.",
    "Add.",
    "Vol.",
    "art.",
    "Art.",
)


def split_number(text: str) -> tuple[str | None, str, bool]:
    """(paragraph number, rest of the text, whether the number marks a heading)."""
    quote = "“" if text.startswith("“") else ""  # quoted draft text: “1. 确认…
    match = ENUMERATOR.match(text[len(quote) :])
    if not match:
        return None, text, False
    number = match.group().strip()
    # 1.1 heads a section in reports; a 1.1 item that reads as a sentence (an SDG target) is a paragraph.
    rest = text[len(quote) + match.end() :]
    section_heading = bool(match.group("section")) and len(rest) <= 40 and rest[-1:] not in "。；.;"
    heading = bool(match.group("chinese") or match.group("letter") or section_heading)
    return number, quote + text[len(quote) + match.end() :], heading


def is_heading(text: str, numbered_heading: bool) -> bool:
    """Headings are short and end without punctuation (因特网治理, 一. 引言, 第六十六届会议)."""
    if numbered_heading:
        return True
    return len(text) <= 40 and text[-1:] not in "。；，：,;:！？" + CLOSING.replace("]", "")


def split_sentences(text: str, lang: str = "zh") -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``."""
    if lang == "zh":
        spans = [(m.start(), m.end()) for m in _CHINESE_SENTENCE.finditer(text) if m.group().strip()]
        return [_trim(text, s, e) for s, e in spans]
    spans, start = [], 0
    for match in _ENGLISH_BOUNDARY.finditer(text):
        head = text[start : match.start()]
        if head.endswith(_ENGLISH_ABBREVIATIONS) or re.search(r"\b[A-Z]\.$", head):
            continue
        spans.append(_trim(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
