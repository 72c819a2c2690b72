"""Termbases as tables: the rows CSV and XLSX share, and reading any glossary table back.

One row per concept, one group of columns per language — the layout memoQ,
Trados MultiTerm (Excel/CSV, synonyms in one cell separated by ``|``) and Phrase
import: the terms, their statuses and types in the same order, the forbidden
(deprecated or superseded) forms on their own, then subject, definition and
notes.  Reading also accepts other people's tables: a header naming the
languages (English, Chinese, en, zh-CN, 中文 …) with optional status and note
columns, TICO-19's ``sourceLang, targetLang, sourceString, targetString`` rows,
or headerless OmegaT glossaries (source, target, comment).
"""

from __future__ import annotations

import re
from pathlib import Path

from shuyu.errors import InputError
from shuyu.model.terms import LANGUAGES, STATUSES, TYPES, Concept, Term, language

SEPARATOR = "|"
HEADER = ["id", "subject", "definition",
          *[f"{lang}{suffix}" for lang in LANGUAGES for suffix in ("", " status", " type", " forbidden")], "note"]
_FORBIDDEN = ("deprecated", "superseded")


def rows(concepts: list[Concept]) -> list[list[str]]:
    """The header and one row per concept."""
    result = [HEADER]
    for number, c in enumerate(concepts, 1):
        row = [str(c.id or number), c.subject or "", c.definition or ""]
        for lang in LANGUAGES:
            terms = [t for t in c.terms if t.lang == lang]
            row += [SEPARATOR.join(t.form for t in terms), SEPARATOR.join(t.status for t in terms),
                    SEPARATOR.join(t.type or "" for t in terms),
                    SEPARATOR.join(t.form for t in terms if t.status in _FORBIDDEN)]
        notes = c.notes + [f"{t.form}: {n}" for t in c.terms for n in t.notes]
        row.append(" / ".join(notes))
        result.append(row)
    return result


def _role(cell: str) -> tuple[str, str | None]:
    """What a header cell holds: (role, language)."""
    text = cell.strip().casefold()
    words = re.split(r"[\s_:]+", text)
    lang = language(words[0]) if words and words[0] else None
    if text in ("sourcelang", "targetlang", "sourcestring", "targetstring"):
        return text, None
    if lang and len(words) == 1:
        return "term", lang
    if lang and words[-1] in ("status", "forbidden", "type", "note", "notes"):
        return words[-1].rstrip("s") if words[-1] == "notes" else words[-1], lang
    for role, names in (("note", ("note", "notes", "comment", "comments", "description", "remark")),
                        ("subject", ("subject", "domain", "subject field", "subjectfield")),
                        ("definition", ("definition",)), ("pos", ("pos", "part of speech")), ("id", ("id",)),
                        ("status", ("status",))):
        if text in names:
            return role, None
    return "ignored", None


def has_language_header(header: list[str]) -> bool:
    return any(_role(cell)[0] in ("term", "sourcestring") for cell in header)


def read(table: list[list[str]], path: Path, first_line: int = 1) -> list[Concept]:
    """Concepts of a table with a header row (our own, a language-named one, or TICO-19's)."""
    table = [r for r in table if any(cell.strip() for cell in r)]
    if not table:
        raise InputError("empty file: no terms to import", path)
    roles = [_role(cell) for cell in table[0]]
    if not has_language_header(table[0]):
        raise InputError("no language column in the header (expected e.g. 'en', 'zh', 'English', 'Chinese', "
                         f"'sourceString'); header is {', '.join(table[0])}", path, first_line)
    concepts = []
    for offset, row in enumerate(table[1:], 1):
        line = first_line + offset
        concept = _row_concept(dict(enumerate(row)), roles, path, line)
        if concept.terms:
            concepts.append(concept)
    if not concepts:
        raise InputError("no terms in the table", path)
    return concepts


def _row_concept(cells: dict[int, str], roles, path: Path, line: int) -> Concept:
    concept = Concept([], origin="imported")
    by_lang: dict[str, dict[str, list[str]]] = {}
    loose_status = None
    for k, (role, lang) in enumerate(roles):
        value = cells.get(k, "").strip()
        if not value:
            continue
        if lang:
            by_lang.setdefault(lang, {})[role] = value.split(SEPARATOR)
        elif role == "note":
            concept.notes.append(value)
        elif role == "subject":
            concept.subject = value
        elif role == "definition":
            concept.definition = value
        elif role == "status":
            loose_status = value.casefold()
    tico = {role: cells.get(k, "").strip() for k, (role, _) in enumerate(roles) if role.startswith(("source", "target"))}
    if tico:
        for side in ("source", "target"):
            code, form = tico.get(f"{side}lang", ""), tico.get(f"{side}string", "")
            lang = language(code)
            if lang is None:
                raise InputError(f"unknown or missing language code {code!r} in {side}Lang", path, line)
            if form:
                by_lang.setdefault(lang, {}).setdefault("term", []).append(form)
    for lang, columns in by_lang.items():
        forms = columns.get("term", [])
        statuses, types = columns.get("status", []), columns.get("type", [])
        forbidden = set(columns.get("forbidden", []))
        for k, form in enumerate(forms):
            form = form.strip()
            if not form:
                continue
            status = (statuses[k].strip() if k < len(statuses) else None) or loose_status
            if status not in STATUSES:
                status = "deprecated" if form in forbidden else "admitted"
            kind = types[k].strip() if k < len(types) and types[k].strip() in TYPES else None
            concept.terms.append(Term(form, lang, status, kind, provenance="imported"))
    return concept
