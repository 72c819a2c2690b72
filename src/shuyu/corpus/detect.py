"""Detect a document's language, script and UN metadata from its text.

Only what the text states is detected — a session (第六十六届会议 → 66th →
2011), an adoption date (2010 年 7 月 19 日), a resolution number (68/198,
2010/2), the draft resolutions a report considers.  Anything else is reported
as not detected rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shuyu.text.numbers import MONTHS, chinese_number  # noqa: F401  (also part of this module's API)
from shuyu.text.zh import is_cjk, to_simplified

SYMBOL = re.compile(r"(?<![A-Za-z0-9/])(?:A|E|S|ST|TD|UNEP|DP|HRC|CRC|CCPR)(?:/[A-Z0-9][A-Za-z0-9.\-]*)+")
_HEADER_PARAGRAPHS = 12
_ORDINAL_UNITS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
}
_ORDINAL_TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80, "ninet": 90}


@dataclass
class Metadata:
    """What the text says about itself; ``evidence`` says where each value came from."""

    lang: str | None = None
    script: str | None = None
    year: int | None = None
    date: str | None = None
    body: str | None = None
    session: int | None = None
    type: str | None = None
    symbols: list[str] = field(default_factory=list)
    title: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)


def detect_language(text: str) -> tuple[str | None, str | None]:
    """(language, script): zh/Hans, zh/Hant, en/Latn, or None when the text does not tell."""
    cjk = [ch for ch in text if is_cjk(ch)]
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if len(cjk) >= 10 and len(cjk) >= 0.3 * (len(cjk) + latin / 4):
        sample = "".join(cjk[:20000])
        changed = sum(1 for a, b in zip(sample, to_simplified(sample)) if a != b)
        return "zh", ("Hant" if changed >= 2 and changed >= 0.05 * len(sample) else "Hans")
    if latin >= 20 and len(cjk) < 0.01 * latin:
        return "en", "Latn"
    return None, None


def _english_ordinal(word: str) -> int | None:
    """sixty-sixth → 66, seventieth → 70."""
    word = word.lower()
    tens, _, unit = word.partition("-")
    if unit:
        base = next((v for k, v in _ORDINAL_TENS.items() if tens.startswith(k)), None)
        return base + _ORDINAL_UNITS[unit] if base and unit in _ORDINAL_UNITS else None
    if word in _ORDINAL_UNITS:
        return _ORDINAL_UNITS[word]
    return next((v for k, v in _ORDINAL_TENS.items() if word == k + "ieth"), None)


def find_symbols(text: str) -> list[str]:
    """UN document symbols in ``text`` (A/RES/68/198, E/2011/77, A/C.2/76/L.56), in order."""
    seen: dict[str, None] = {}
    for match in SYMBOL.finditer(text):
        seen.setdefault(match.group().rstrip(".-"), None)
    return list(seen)


def detect_metadata(paragraphs: list[str], lang: str | None, script: str | None) -> Metadata:
    """Metadata from a document's cleaned paragraphs (header first, closing date last)."""
    meta = Metadata(lang=lang, script=script)
    header = paragraphs[:_HEADER_PARAGRAPHS]
    if lang == "en":
        _detect_english(meta, header)
    else:
        _detect_chinese(meta, header, paragraphs)
    if meta.year is None and meta.date:
        meta.year = int(meta.date[:4])
        meta.evidence["year"] = meta.evidence["date"]
    elif meta.year is None and meta.session:
        meta.year = 1945 + meta.session
        meta.evidence["year"] = f"{meta.evidence['session']}, which opened in {meta.year}"
    return meta


def _set(meta: Metadata, name: str, value, evidence: str) -> None:
    if getattr(meta, name) in (None, []):
        setattr(meta, name, value)
        meta.evidence[name] = evidence


def _detect_chinese(meta: Metadata, header: list[str], paragraphs: list[str]) -> None:
    for i, text in enumerate(header):
        if m := re.fullmatch(r"第([零一二三四五六七八九十百]+)届会议", text):
            session = chinese_number(m.group(1))
            _set(meta, "session", session, f"«{text}» → session {session}")
            _set(meta, "body", "GA", f"«{text}» (General Assembly session)")
        elif m := re.fullmatch(r"(\d{4})/(\d{1,3})", text):
            _set(meta, "symbols", [f"E/RES/{m.group(1)}/{m.group(2)}"], f"resolution number «{text}»")
            _set(meta, "year", int(m.group(1)), f"ECOSOC resolution number «{text}»")
            _set(meta, "body", "ECOSOC", f"resolution number «{text}»")
            _set(meta, "type", "resolution", f"resolution number «{text}»")
            if i + 1 < len(header):
                _set(meta, "title", header[i + 1], "paragraph after the resolution number")
        elif m := re.fullmatch(r"(\d{2,3})/(\d{1,3})\.\s*(.+)", text):
            _set(
                meta, "symbols", [f"A/RES/{m.group(1)}/{m.group(2)}"], f"resolution number «{m.group(1)}/{m.group(2)}»"
            )
            _set(meta, "session", int(m.group(1)), f"resolution number «{m.group(1)}/{m.group(2)}»")
            _set(meta, "body", "GA", f"resolution number «{m.group(1)}/{m.group(2)}»")
            _set(meta, "type", "resolution", f"resolution number «{m.group(1)}/{m.group(2)}»")
            meta.title, meta.evidence["title"] = m.group(3), "resolution heading"  # beats the agenda item
        elif m := re.fullmatch(r"议程项目\s*\d+.*", text):
            if i + 1 < len(header):
                _set(meta, "title", header[i + 1], f"agenda item title after «{text}»")
        elif re.fullmatch(r".{0,10}委员会的报告", text):
            _set(meta, "type", "report", f"«{text}»")
        elif re.fullmatch(r".{0,20}决议草案", text):
            _set(meta, "type", "draft resolution", f"«{text}»")
        elif text.endswith("大会决议"):
            _set(meta, "type", "resolution", f"«{text}»")
            _set(meta, "body", "GA", f"«{text}»")
        elif SYMBOL.fullmatch(text):
            _set(meta, "symbols", [text], "symbol in the document header")
    dates = []  # (rank, position, date, evidence): adoption line, then a date standing alone, then distribution
    session_line = next((i for i, t in enumerate(header) if re.fullmatch(r"第.+届会议", t)), None)
    for i, text in enumerate(paragraphs):
        if m := re.fullmatch(r"(?:[一二三四五六七八九十]+\.\s*)?决议草案(.+?)的审议情况", text):
            _set(meta, "symbols", find_symbols(m.group(1)), f"«{text}»")
        if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日(大会决议|通过)?", text):
            date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            # The distribution date heads the page (after "Distr.", before the session): the document was
            # issued then, not adopted; it counts only when nothing else dates the document.
            issued = not m.group(4) and (
                (i > 0 and paragraphs[i - 1].startswith("Distr")) or (session_line is not None and i < session_line)
            )
            rank = 0 if m.group(4) else 2 if issued else 1
            dates.append((rank, i, date, f"{'distribution ' if issued else ''}date line «{text}»"))
        if text in ("大会，", "大会,"):
            _set(meta, "body", "GA", "opening «大会，»")
        elif text in ("经济及社会理事会，", "经济及社会理事会,"):
            _set(meta, "body", "ECOSOC", "opening «经济及社会理事会，»")
    best = min(dates, default=None)
    if best and not (best[0] == 2 and meta.session is not None):  # a session dates better than a distribution
        _set(meta, "date", best[2], best[3])


def _detect_english(meta: Metadata, header: list[str]) -> None:
    for i, text in enumerate(header):
        if m := re.fullmatch(r"([A-Za-z]+(?:-[a-z]+)?) session", text, re.IGNORECASE):
            session = _english_ordinal(m.group(1))
            if session:
                _set(meta, "session", session, f"«{text}» → session {session}")
                _set(meta, "body", "GA", f"«{text}»")
        elif m := re.fullmatch(r"(\d{2,3})/(\d{1,3})\.\s*(.+)", text):
            _set(
                meta, "symbols", [f"A/RES/{m.group(1)}/{m.group(2)}"], f"resolution number «{m.group(1)}/{m.group(2)}»"
            )
            _set(meta, "session", int(m.group(1)), f"resolution number «{m.group(1)}/{m.group(2)}»")
            _set(meta, "type", "resolution", "resolution heading")
            _set(meta, "title", m.group(3), "resolution heading")
        elif SYMBOL.fullmatch(text):
            _set(meta, "symbols", [text], "symbol in the document header")
        elif m := re.search(r"(?:adopted|Resolution adopted)[^0-9]*?on (\d{1,2}) ([A-Z][a-z]+) (\d{4})", text):
            month = m.group(2).lower()
            if month in MONTHS:
                _set(meta, "date", f"{m.group(3)}-{MONTHS.index(month) + 1:02d}-{int(m.group(1)):02d}", f"«{text}»")
        elif m := re.fullmatch(r"Agenda item \d+.*", text):
            if i + 1 < len(header):
                _set(meta, "title", header[i + 1], f"agenda item title after «{text}»")
