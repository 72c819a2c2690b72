"""A parsed document: cleaned paragraphs with numbers, sentences and footnotes.

``parse_document`` runs the whole corpus stage on one file's text; the store
saves the result.  Each paragraph keeps a run-length map from its cleaned
offsets to the raw file, so reports can point at the user's own line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shuyu.corpus.cleaning import (
    extract_footnotes,
    normalise_spacing_and_punctuation,
    rebuild_paragraphs,
    remove_footnote_markers,
    split_lines,
)
from shuyu.corpus.detect import Metadata, detect_language, detect_metadata
from shuyu.corpus.reading import RawText
from shuyu.corpus.structure import SECTION_NUMBER, is_heading, split_number, split_sentences
from shuyu.corpus.tracked import Tracked, compress_origins, raw_offset
from shuyu.text.zh import SUPERSCRIPT_DIGITS, to_simplified


@dataclass
class Paragraph:
    seq: int  # order in the document, from 1
    number: str | None  # "1.", "(a)", "一." or None for unnumbered paragraphs
    kind: str  # "heading" or "paragraph"
    text: str
    sentences: list[tuple[int, int]]
    footnote_refs: list[int] = field(default_factory=list)
    origins: list[list[int]] = field(default_factory=list)  # compressed clean→raw offset map

    def raw_offset(self, offset: int = 0) -> int:
        return raw_offset(self.origins, offset)

    def sentence_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.sentences]


@dataclass
class Footnote:
    number: int
    text: str
    origins: list[list[int]] = field(default_factory=list)


@dataclass
class Document:
    raw: RawText
    metadata: Metadata
    paragraphs: list[Paragraph]
    footnotes: list[Footnote]

    @property
    def chars(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)

    def raw_position(self, paragraph: Paragraph, offset: int = 0) -> tuple[int, int]:
        """Line and column in the raw file of a cleaned offset in ``paragraph``."""
        return self.raw.line_col(paragraph.raw_offset(offset))


def parse_document(raw: RawText, lang: str | None = None) -> Document:
    detected_lang, script = detect_language(raw.text)
    lang = lang or detected_lang
    convert = to_simplified if script == "Hant" else None
    extracted = extract_footnotes(split_lines(raw.text, convert))
    numbers = {note.number for note in extracted.footnotes}
    superscript_style = any(ch in SUPERSCRIPT_DIGITS for ch in raw.text)
    paragraphs: list[Paragraph] = []
    for tracked in rebuild_paragraphs(extracted.lines):
        tracked, refs = remove_footnote_markers(tracked, numbers, superscript_style)
        paragraph = make_paragraph(tracked, lang, len(paragraphs) + 1, refs)
        if paragraph:
            paragraphs.append(paragraph)
    _settle_section_numbers(paragraphs)
    footnotes = [
        Footnote(n.number, t.text, compress_origins(t.origins))
        for n in extracted.footnotes
        if (t := _normalise(n.text, lang)).text
    ]
    metadata = detect_metadata([p.text if not p.number else f"{p.number} {p.text}" for p in paragraphs], lang, script)
    if detected_lang and detected_lang != lang:  # what the text says, so that a wrong --lang is reported
        metadata.lang = detected_lang
        metadata.evidence["lang"] = f"its characters are {'Chinese' if detected_lang == 'zh' else 'Latin letters'}"
    return Document(raw, metadata, paragraphs, footnotes)


def make_paragraph(tracked: Tracked, lang: str | None, seq: int, refs: list[int] | None = None) -> Paragraph | None:
    """One cleaned paragraph (number split off, heading told apart, sentences), or None when nothing is left."""
    tracked = _normalise(tracked, lang)
    if not tracked.text:
        return None
    number, rest, numbered_heading = split_number(tracked.text)
    body = _without_number(tracked, rest) if number else tracked
    if not body.text:
        return None
    return Paragraph(
        seq=seq,
        number=number,
        kind="heading" if is_heading(body.text, numbered_heading) else "paragraph",
        text=body.text,
        sentences=split_sentences(body.text, lang or "zh"),
        footnote_refs=refs or [],
        origins=compress_origins(body.origins),
    )


def _settle_section_numbers(paragraphs: list[Paragraph]) -> None:
    """Decide 1.1-style items per document: a report's sections are all short titles, while a list
    whose items mostly read as sentences (the SDG targets) makes its short items paragraphs too."""
    numbered = [p for p in paragraphs if p.number and SECTION_NUMBER.fullmatch(p.number)]
    short = [p for p in numbered if p.kind == "heading"]
    if numbered and len(short) * 2 < len(numbered):
        for paragraph in short:
            paragraph.kind = "paragraph"


def _without_number(tracked: Tracked, rest: str) -> Tracked:
    """The paragraph without its number; an opening quote before the number stays."""
    tail = tracked[len(tracked.text) - len(rest.lstrip("“")) :]
    return Tracked.join([tracked[:1], tail]).strip() if rest.startswith("“") else tail.strip()


def _normalise(t: Tracked, lang: str | None) -> Tracked:
    if lang == "en":
        return t.sub(r"\s{2,}", " ").strip()
    return normalise_spacing_and_punctuation(t).strip()
