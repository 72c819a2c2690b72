"""The corpus manifest (``corpus/manifest.toml``): one ``[[document]]`` table per document.

It declares what the text cannot say for itself (or corrects what it says):
id, file, language, year, date, body, session, type, symbols, title and the
id of the counterpart in the other language.  It is read and rewritten with
tomlkit so that a user's comments and layout survive ``shuyu corpus add``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

import tomlkit
from tomlkit.exceptions import TOMLKitError

from shuyu.errors import InputError
from shuyu.fileio import atomic_write_text

MANIFEST_NAME = "manifest.toml"
LANGUAGES = ("zh", "en")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_HEADER = """\
# shuyu corpus manifest: one [[document]] table per document.
# Keys: id, file (relative to this folder), lang (zh|en), year, date, body (GA|ECOSOC|…),
# session, type, symbols, title, pair (id of the counterpart in the other language),
# encoding (only when detection gets it wrong). Missing keys are detected from the text.
# A .tmx file is a translation-memory source: one zh and one en document per symbol, pairs given.

"""


@dataclass
class Entry:
    id: str
    file: str
    lang: str | None = None
    year: int | None = None
    date: str | None = None
    body: str | None = None
    session: int | None = None
    type: str | None = None
    symbols: list[str] = field(default_factory=list)
    title: str | None = None
    pair: str | None = None
    encoding: str | None = None

    def path(self, corpus_dir: Path) -> Path:
        return corpus_dir / self.file

    def as_toml(self) -> dict:
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, []):
                continue
            out[f.name] = dt.date.fromisoformat(value) if f.name == "date" else value
        return out


_KEYS = {f.name for f in fields(Entry)}


class Manifest:
    """A manifest file; ``entries`` in file order."""

    def __init__(self, path: Path, document: tomlkit.TOMLDocument, entries: list[Entry]):
        self.path = path
        self.document = document
        self.entries = entries

    @property
    def directory(self) -> Path:
        return self.path.parent

    @classmethod
    def load(cls, corpus_dir: str | Path, create: bool = False) -> Manifest:
        path = Path(corpus_dir) / MANIFEST_NAME
        if not path.exists():
            if not create:
                raise InputError("no corpus manifest here; add documents with `shuyu corpus add`", path)
            return cls(path, tomlkit.parse(_HEADER), [])
        try:
            document = tomlkit.parse(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise InputError(f"manifest is not UTF-8 (byte offset {exc.start})", path) from None
        except TOMLKitError as exc:
            raise InputError(f"invalid TOML: {exc}", path) from None
        entries = _validate(path, document)
        return cls(path, document, entries)

    def find(self, doc_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == doc_id), None)

    def upsert(self, entry: Entry) -> None:
        """Add an entry, or replace the one with the same id or file (never a duplicate)."""
        tables = self.document.setdefault("document", tomlkit.aot())
        for i, existing in enumerate(self.entries):
            if existing.id == entry.id or existing.file == entry.file:
                self.entries[i] = entry
                table = tables[i]
                for key in list(table.keys()):
                    del table[key]
                table.update(entry.as_toml())
                return
        self.entries.append(entry)
        tables.append(_table(entry))

    def save(self) -> None:
        atomic_write_text(self.path, tomlkit.dumps(self.document))

    def validate_pairs(self) -> None:
        by_id = {e.id: e for e in self.entries}
        for entry in self.entries:
            if entry.pair is None:
                continue
            other = by_id.get(entry.pair)
            if other is None:
                raise InputError(f"document {entry.id!r}: pair {entry.pair!r} is not in the manifest", self.path)
            if entry.lang and other.lang and entry.lang == other.lang:
                raise InputError(
                    f"document {entry.id!r}: pair {entry.pair!r} is in the same language ({entry.lang})", self.path
                )


def _table(entry: Entry) -> tomlkit.items.Table:
    table = tomlkit.table()
    table.update(entry.as_toml())
    return table


def _validate(path: Path, document: tomlkit.TOMLDocument) -> list[Entry]:
    unknown_top = set(document.keys()) - {"document"}
    if unknown_top:
        raise InputError(f"unknown top-level key(s) {sorted(unknown_top)}; expected [[document]] tables", path)
    tables = document.get("document", [])
    if not isinstance(tables, list):
        raise InputError("`document` must be an array of tables ([[document]])", path)
    entries, seen_ids, seen_files = [], set(), set()
    for n, table in enumerate(tables, 1):
        where = f"[[document]] #{n}" + (
            f" (id {table.get('id')!r})" if isinstance(table, dict) and "id" in table else ""
        )
        if not isinstance(table, dict):
            raise InputError(f"{where}: must be a table", path)
        unknown = set(table) - _KEYS
        if unknown:
            raise InputError(f"{where}: unknown key(s) {sorted(unknown)}; known keys: {sorted(_KEYS)}", path)
        for key in ("id", "file"):
            if not isinstance(table.get(key), str) or not table[key].strip():
                raise InputError(f"{where}: `{key}` is required and must be a string", path)
        entry = Entry(
            id=str(table["id"]),
            file=str(table["file"]),
            lang=_optional(table, "lang", str, where, path),
            year=_optional(table, "year", int, where, path),
            date=_date(table.get("date"), where, path),
            body=_optional(table, "body", str, where, path),
            session=_optional(table, "session", int, where, path),
            type=_optional(table, "type", str, where, path),
            symbols=_symbols(table.get("symbols"), where, path),
            title=_optional(table, "title", str, where, path),
            pair=_optional(table, "pair", str, where, path),
            encoding=_optional(table, "encoding", str, where, path),
        )
        if not _ID.match(entry.id):
            raise InputError(f"{where}: id {entry.id!r} may use only letters, digits, '.', '_' and '-'", path)
        if entry.lang is not None and entry.lang not in LANGUAGES:
            raise InputError(f"{where}: lang {entry.lang!r} is not one of {', '.join(LANGUAGES)}", path)
        if entry.year is not None and not 1945 <= entry.year <= 2100:
            raise InputError(f"{where}: year {entry.year} is not a UN document year (1945–2100)", path)
        if entry.id in seen_ids:
            raise InputError(f"{where}: duplicate id {entry.id!r}", path)
        if entry.file in seen_files:
            raise InputError(f"{where}: file {entry.file!r} is listed twice", path)
        seen_ids.add(entry.id)
        seen_files.add(entry.file)
        entries.append(entry)
    return entries


def _optional(table: dict, key: str, kind: type, where: str, path: Path):
    value = table.get(key)
    if value is None:
        return None
    if kind is int and isinstance(value, bool) or not isinstance(value, kind):
        raise InputError(f"{where}: `{key}` must be a {kind.__name__}, not {value!r}", path)
    return kind(value)


def _date(value, where: str, path: Path) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD", path) from None


def _symbols(value, where: str, path: Path) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where}: `symbols` must be a list of strings", path)
    return [str(v) for v in value]
