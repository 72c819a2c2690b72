"""``shuyu align``: two files (documents, or one sentence per line) aligned and written in a chosen format.

Documents are read as the corpus reads them (any supported encoding, .docx) and cleaned into
paragraphs; bead line numbers then index their sentences.  With ``presplit`` every line is a
sentence and bead line numbers are 0-based line numbers (the vecalign/bertalign convention).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from shuyu.align import Quality, align_documents, align_sentences, assess, to_beads, to_json, to_tsv
from shuyu.corpus.document import parse_document
from shuyu.corpus.reading import read_file
from shuyu.errors import InputError
from shuyu.fileio import atomic_write_text
from shuyu.formats.tm import tmx
from shuyu.model.bitext import ALIGNED, SentencePair, TMUnit

FORMATS = ("tsv", "json", "tmx", "beads")


@dataclass
class FileAlignment:
    pairs: list[SentencePair]
    quality: Quality
    text: str | None  # the output, when it was not written to a file


def align_files(
    zh_path: str | Path, en_path: str | Path, fmt: str = "tsv", output: str | Path | None = None, presplit: bool = False
) -> FileAlignment:
    """Align ``zh_path`` with ``en_path`` and render the pairs as ``fmt`` into ``output`` (else return the text)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown alignment format {fmt!r}; choose from {', '.join(FORMATS)}")
    zh_raw, en_raw = read_file(zh_path), read_file(en_path)
    try:
        if presplit:
            pairs = align_sentences(zh_raw.text.splitlines(), en_raw.text.splitlines())
        else:
            zh_doc, en_doc = parse_document(zh_raw, "zh"), parse_document(en_raw, "en")
            pairs = align_documents(zh_doc.paragraphs, en_doc.paragraphs)
    except InputError as exc:
        raise InputError(exc.message, en_path if exc.message.startswith("the English") else zh_path) from None
    text = _render(pairs, fmt, Path(zh_path).name)
    if output is not None:
        atomic_write_text(output, text)
    return FileAlignment(pairs, assess(pairs), None if output is not None else text)


def _render(pairs: list[SentencePair], fmt: str, document: str) -> str:
    if fmt == "tsv":
        return to_tsv(pairs)
    if fmt == "json":
        return to_json(pairs)
    if fmt == "beads":
        return to_beads(pairs)
    units = [
        TMUnit(
            p.en,
            p.zh,
            "en-US",
            "zh-CN",
            document=document,
            paragraph=p.paragraph,
            confidence=p.confidence,
            origin=ALIGNED,
        )
        for p in pairs
        if p.zh and p.en
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "alignment.tmx"
        tmx.write(units, path, source_lang="en-US", target_lang="zh-CN")
        return path.read_text(encoding="utf-8")


def summary(result: FileAlignment) -> str:
    """One line for the terminal: beads, low-confidence beads, confidence and the verdict."""
    q = result.quality
    low = sum(p.low_confidence for p in result.pairs if p.zh and p.en)
    return json.dumps(
        {"pairs": q.beads, "low_confidence": low, "confidence": q.confidence, "verdict": q.verdict}, ensure_ascii=False
    )
