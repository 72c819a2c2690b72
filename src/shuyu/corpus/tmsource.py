"""Translation-memory sources of the corpus: a TMX file in the manifest, read as paired documents.

Parallel UN text often reaches a translator as a translation memory rather than as paired files.
Each document symbol of the TMX becomes one Chinese and one English document (one paragraph per
unit, in the order of the units), paired, with the units stored as their alignment (origin
``given``, confidence 1.0).  So mining, variant detection and the English equivalents see the
Chinese side of the TM with per-document spread and year, and the TM is built from its pairs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from shuyu.corpus.detect import Metadata
from shuyu.corpus.document import Document, Paragraph, make_paragraph
from shuyu.corpus.manifest import Entry
from shuyu.corpus.reading import RawText
from shuyu.corpus.tracked import Tracked
from shuyu.errors import InputError
from shuyu.formats.tm import ReadReport, tmx
from shuyu.model.bitext import SentencePair, TMUnit


def is_tm_source(entry: Entry) -> bool:
    """A manifest entry whose file is a translation memory rather than one document."""
    return is_tm_file(entry.file)


def is_tm_file(file: str) -> bool:
    """A translation memory, by its suffix (the documents read from it all name it as their file)."""
    return Path(file).suffix.casefold() in tmx.SUFFIXES


def document_id(source_id: str, symbol: str, lang: str) -> str:
    """``un-devset-2015`` + ``E/CN.6/2015/NGO/259`` + zh → ``un-devset-2015.e-cn-6-2015-ngo-259.zh``."""
    slug = re.sub(r"[^a-z0-9]+", "-", symbol.casefold()).strip("-")
    return f"{source_id}.{slug}.{lang}" if slug else f"{source_id}.{lang}"


@dataclass
class SourceDocument:
    """One side of one symbol of a TM source, ready to be stored."""

    entry: Entry
    document: Document
    by_unit: list[Paragraph | None]  # the paragraph each unit became (None when cleaning left nothing)


@dataclass
class SourcePair:
    zh: SourceDocument
    en: SourceDocument
    pairs: list[SentencePair]


def read_tm_source(entry: Entry, corpus_dir: Path) -> tuple[list[SourcePair], ReadReport]:
    """The zh–en document pairs of a TM source, one per symbol (units without a symbol: one pair)."""
    path = entry.path(corpus_dir)
    report = ReadReport()
    groups: dict[str, tuple[str | None, list[TMUnit]]] = {}
    for unit in tmx.read(path, "en-US", "zh-CN", report=report):
        key = document_id(entry.id, unit.symbol or "", "zh")
        groups.setdefault(key, (unit.symbol, []))[1].append(unit)
    if not groups:
        raise InputError("no English–Chinese unit in this translation memory", path)
    return [_pair(entry, path, symbol, units) for symbol, units in groups.values()], report


def _pair(source: Entry, path: Path, symbol: str | None, units: list[TMUnit]) -> SourcePair:
    zh_id, en_id = (document_id(source.id, symbol or "", lang) for lang in ("zh", "en"))
    years = {u.year for u in units if u.year}
    year = min(years) if years else source.year
    sides = {}
    for lang, doc_id, other, texts in (
        ("zh", zh_id, en_id, [u.target for u in units]),
        ("en", en_id, zh_id, [u.source for u in units]),
    ):
        entry = Entry(
            id=doc_id,
            file=source.file,
            lang=lang,
            year=year,
            body=source.body,
            type=source.type,
            symbols=[symbol] if symbol else list(source.symbols),
            title=source.title,
            pair=other,
        )
        sides[lang] = SourceDocument(entry, *_document(path, doc_id, lang, texts, entry))
    beads, z0, e0 = [], 0, 0
    for unit, zh_par, en_par in zip(units, sides["zh"].by_unit, sides["en"].by_unit, strict=True):
        zh_n, en_n = len(zh_par.sentences) if zh_par else 0, len(en_par.sentences) if en_par else 0
        beads.append(
            SentencePair(
                zh_lines=tuple(range(z0, z0 + zh_n)),
                en_lines=tuple(range(e0, e0 + en_n)),
                zh=" ".join(unit.target.split()),
                en=" ".join(unit.source.split()),
                confidence=1.0,
                paragraph=unit.paragraph,
            )
        )
        z0, e0 = z0 + zh_n, e0 + en_n
    return SourcePair(sides["zh"], sides["en"], beads)


def _document(
    path: Path, doc_id: str, lang: str, texts: list[str], entry: Entry
) -> tuple[Document, list[Paragraph | None]]:
    """One unit per line of the raw text, each line one paragraph (never joined: units are segments)."""
    lines = [" ".join(t.split()) for t in texts]
    text = "\n".join(lines)
    # The file's hash would be shared by every document of the source; this one is the document's own.
    digest = hashlib.sha256(f"{path.name}\x1f{doc_id}\x1f{text}".encode()).hexdigest()
    raw = RawText(path, text, "utf-8", digest)
    paragraphs: list[Paragraph] = []
    by_unit: list[Paragraph | None] = []
    start = 0
    for line in lines:
        paragraph = make_paragraph(Tracked.from_raw(line, start), lang, len(paragraphs) + 1)
        by_unit.append(paragraph)
        if paragraph:
            paragraphs.append(paragraph)
        start += len(line) + 1
    metadata = Metadata(
        lang=lang,
        script="Hans" if lang == "zh" else "Latn",
        year=entry.year,
        symbols=list(entry.symbols),
        evidence={"symbols": "the translation memory's x-symbol"},
    )
    return Document(raw, metadata, paragraphs, []), by_unit
