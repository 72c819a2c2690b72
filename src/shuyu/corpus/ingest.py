"""Register documents: merge what the manifest (or the user) says with what the text says.

Given values win; missing values are filled from detection; a given value that
contradicts the text is kept but reported; a value neither given nor detected
is reported as missing, never guessed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from shuyu.corpus.document import Document, parse_document
from shuyu.corpus.manifest import Entry, Manifest
from shuyu.corpus.reading import read_file
from shuyu.corpus.tmsource import is_tm_source, read_tm_source
from shuyu.errors import InputError
from shuyu.model.bitext import GIVEN
from shuyu.store import Store, now

_DETECTABLE = ("lang", "year", "date", "body", "session", "type", "symbols", "title")
_REQUIRED = ("lang", "year")
_CHECKED = ("lang", "year", "date", "body", "session")  # free text (title, type) may differ by design


@dataclass
class IngestResult:
    id: str
    status: str  # added | updated | unchanged
    entry: Entry
    document: Document
    notes: list[str] = field(default_factory=list)


def default_id(path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.\-]+", "-", path.stem).strip("-.")
    return stem or "document"


def resolve(entry: Entry, document: Document) -> tuple[Entry, list[str]]:
    """The entry completed from detection, and notes on conflicts and gaps."""
    meta, notes = document.metadata, []
    values = {}
    for name in _DETECTABLE:
        given, found = getattr(entry, name), getattr(meta, name)
        evidence = meta.evidence.get(name, "")
        if given in (None, []):
            values[name] = found
            if found in (None, []) and name in _REQUIRED:
                notes.append(f"{name}: not given and not detected — set it with --{name} or in the manifest")
            elif found not in (None, []) and name in ("lang", "year", "symbols"):
                notes.append(f"{name}: detected {found!r}" + (f" from {evidence}" if evidence else ""))
        else:
            values[name] = given
            if found not in (None, []) and found != given and name in _CHECKED:
                notes.append(f"{name}: given {given!r} but the text says {found!r} ({evidence})")
    if meta.script == "Hant":
        notes.append("script: traditional characters, converted to simplified for processing (original kept)")
    if document.raw.encoding not in ("utf-8", "docx"):
        notes.append(f"encoding: read as {document.raw.encoding}")
    if values["lang"] is None:
        raise InputError("no Chinese or English text found; cannot tell the language (give --lang)", document.raw.path)
    resolved = Entry(id=entry.id, file=entry.file, pair=entry.pair, encoding=entry.encoding, **values)
    return resolved, notes


def ingest(store: Store, entry: Entry, corpus_dir: Path) -> IngestResult:
    """Read, clean, structure and store one document (in the caller's transaction)."""
    raw = read_file(entry.path(corpus_dir), entry.encoding)
    document = parse_document(raw, entry.lang)
    resolved, notes = resolve(entry, document)
    row = _document_row(resolved, document)
    existing = store.document_row(resolved.id)
    if existing and existing["sha256"] == row["sha256"] and _same_metadata(existing, row):
        return IngestResult(resolved.id, "unchanged", resolved, document, notes)
    _check_not_registered_twice(store, resolved.id, row["sha256"], raw)
    _store(store, row, document)
    return IngestResult(resolved.id, "updated" if existing else "added", resolved, document, notes)


def _store(store: Store, row: dict, document: Document) -> None:
    paragraphs, sentences = [], []
    for p in document.paragraphs:
        paragraphs.append(
            {
                "doc_id": row["id"],
                "seq": p.seq,
                "number": p.number,
                "kind": p.kind,
                "text": p.text,
                "footnote_refs": p.footnote_refs,
                "origins": p.origins,
            }
        )
        sentences.extend(
            {"doc_id": row["id"], "para_seq": p.seq, "seq": i, "start": s, "end": e, "text": p.text[s:e]}
            for i, (s, e) in enumerate(p.sentences, 1)
        )
    footnotes = [
        {"doc_id": row["id"], "seq": i, "number": f.number, "text": f.text, "origins": f.origins}
        for i, f in enumerate(document.footnotes, 1)
    ]
    store.replace_document(row, paragraphs, sentences, footnotes)


def ingest_entry(store: Store, entry: Entry, corpus_dir: Path) -> list[IngestResult]:
    """One manifest entry: a document, or the documents of a translation-memory source with their given pairs."""
    if not is_tm_source(entry):
        return [ingest(store, entry, corpus_dir)]
    pairs, read_report = read_tm_source(entry, corpus_dir)
    aligned = set(store.alignment_pairs())
    results = []
    for pair in pairs:
        sides = (pair.zh, pair.en)
        rows = [_document_row(side.entry, side.document) for side in sides]
        existing = [store.document_row(row["id"]) for row in rows]
        if (pair.zh.entry.id, pair.en.entry.id) in aligned and all(
            old and old["sha256"] == row["sha256"] and _same_metadata(old, row) for old, row in zip(existing, rows)
        ):
            results += [IngestResult(side.entry.id, "unchanged", side.entry, side.document) for side in sides]
            continue
        for side, row, old in zip(sides, rows, existing):
            _store(store, row, side.document)
            results.append(IngestResult(side.entry.id, "updated" if old else "added", side.entry, side.document))
        store.replace_alignment(pair.zh.entry.id, pair.en.entry.id, pair.pairs, origin=GIVEN)
    if read_report.skipped:
        first = read_report.skipped[0]
        results[0].notes.append(f"{len(read_report.skipped)} of {read_report.seen} units left out (first: {first})")
    return results


_METADATA_COLUMNS = ("lang", "year", "date", "body", "session", "type", "symbols", "title", "pair", "file")


def _same_metadata(existing: dict, row: dict) -> bool:
    return all(existing.get(k) == row.get(k) for k in _METADATA_COLUMNS)


def _document_row(entry: Entry, document: Document) -> dict:
    return {
        "id": entry.id,
        "lang": entry.lang,
        "script": document.metadata.script,
        "year": entry.year,
        "date": entry.date,
        "body": entry.body,
        "session": entry.session,
        "type": entry.type,
        "symbols": entry.symbols or [],
        "title": entry.title,
        "pair": entry.pair,
        "file": entry.file,
        "encoding": document.raw.encoding,
        "sha256": document.raw.sha256,
        "raw_text": document.raw.text,
        "chars": document.chars,
        "evidence": document.metadata.evidence,
        "ingested_at": now(),
    }


def _check_not_registered_twice(store: Store, doc_id: str, sha256: str, raw) -> None:
    other = store.document_with_content(sha256, raw.text, other_than=doc_id)
    if other:
        raise InputError(f"same content is already registered as document {other!r}", raw.path)


def register(
    corpus_dir: str | Path,
    store: Store,
    files: list[str | Path],
    *,
    lang: str | None = None,
    year: int | None = None,
    symbols: list[str] | None = None,
    doc_id: str | None = None,
    pair: str | None = None,
    title: str | None = None,
    encoding: str | None = None,
) -> list[IngestResult]:
    """``shuyu corpus add``: ingest files and record them in the manifest.

    Runs in one transaction; the manifest is rewritten (atomically) only when
    every file was ingested, so a bad file leaves both as they were.
    """
    if doc_id and len(files) > 1:
        raise InputError("--id names a single document; give one file per --id")
    if pair and len(files) > 1:
        raise InputError("--pair links a single document; give one file per --pair")
    manifest = Manifest.load(corpus_dir, create=True)
    manifest.directory.mkdir(parents=True, exist_ok=True)  # entries are paths relative to it
    if pair and manifest.find(pair) is None:
        raise InputError(f"--pair {pair!r}: no such document in the manifest", manifest.path)
    results = []
    with store.transaction():
        for file in files:
            path = Path(file)
            if not path.is_file():
                raise InputError("no such file" if not path.exists() else "not a regular file", path)
            rel = Path(os.path.relpath(path.resolve(), manifest.directory.resolve())).as_posix()
            known = next((e for e in manifest.entries if e.file == rel), None)
            new_id = doc_id or (known.id if known else default_id(path))
            clash = manifest.find(new_id)
            if clash and clash.file != rel:
                raise InputError(f"id {new_id!r} is already used by {clash.file}; choose another with --id", path)
            base = known or Entry(id=new_id, file=rel)
            entry = Entry(
                id=new_id,
                file=rel,
                lang=lang or base.lang,
                year=year or base.year,
                date=base.date,
                body=base.body,
                session=base.session,
                type=base.type,
                symbols=list(symbols or base.symbols),
                title=title or base.title,
                pair=pair or base.pair,
                encoding=encoding or base.encoding,
            )
            if is_tm_source(entry):
                results += ingest_entry(store, entry, manifest.directory)
                manifest.upsert(entry)
                continue
            result = ingest(store, entry, manifest.directory)
            manifest.upsert(result.entry)
            results.append(result)
        if pair:
            _link_counterpart(store, manifest, results[0].id, pair)
        manifest.validate_pairs()
        manifest.save()
    return results


def _link_counterpart(store: Store, manifest: Manifest, doc_id: str, pair: str) -> None:
    """Pairs are symmetric: the counterpart points back unless it already names another."""
    counterpart = manifest.find(pair)
    if counterpart.pair in (None, doc_id):
        counterpart.pair = doc_id
        manifest.upsert(counterpart)
        if store.document_row(pair):
            store.set_pair(pair, doc_id)
