"""Termbases as tables: the rows CSV and XLSX share, and reading any glossary table back.

The layout CAT tools import (README, "Termbase exports"): one term per cell,
a concept on as many rows as its longest language needs, the rows of a
concept sharing its ``Entry_ID`` (Phrase groups them so; memoQ and Trados
MultiTerm Convert map each column in their import dialog).  Headers name the
languages by code — ``en``, ``zh-CN``, and ``zh-TW`` for Taiwan usage (網際網路),
which a zh-CN project never offers.  Each term has its status and ``TRUE``/
``FALSE`` preferred and forbidden cells (Phrase's columns); forbidden
(superseded, deprecated) Chinese forms never share a row with an English term,
so a tool reading pairs row by row — OmegaT, when the CSV lands in its glossary
folder — pairs English only with usable renderings.  The first two columns are
English and Chinese and the third the Chinese status, which is what OmegaT
reads as source, target and comment.  Reading also accepts other people's
tables: a header naming the languages (English, Chinese, en, zh-CN, 中文 …)
with optional status and note columns, synonyms in one cell separated by
``|`` (Trados cloud), TICO-19's ``sourceLang, targetLang, sourceString,
targetString`` rows, or headerless OmegaT glossaries (source, target, comment).
"""

from __future__ import annotations

import re
from itertools import zip_longest
from pathlib import Path

from shuyu.errors import InputError
from shuyu.model.terms import STATUSES, TYPES, Concept, Term, language
from shuyu.model.usage import FLAGGED, forbidden, is_regional, order, ordered, usable

SEPARATOR = "|"
MAINLAND = {"zh": "zh-CN", "en": "en"}
ENTRY = ["Entry_ID", "subject", "definition", "note"]
_TRUE = ("true", "yes", "1", "x")


def _term_columns(code: str) -> list[str]:
    return [code, f"{code} status", f"{code} preferred", f"{code} forbidden", f"{code} type"]


def header(regional: list[str]) -> list[str]:
    """en, zh-CN, zh-CN status (OmegaT's source, target, comment), the other term columns, then the entry's."""
    columns = [MAINLAND["en"], *_term_columns(MAINLAND["zh"])]
    for code in regional:
        columns += _term_columns(code)
    return columns + _term_columns(MAINLAND["en"])[1:] + ENTRY


def _cells(term: Term | None, regional: bool = False) -> list[str]:
    """Form, status, preferred, forbidden, type; a regional form is forbidden only by its status, in its column."""
    if term is None:
        return [""] * 5
    banned = term.status in FLAGGED if regional else forbidden(term)
    return [term.form, term.status, _boolean(term.status == "preferred"), _boolean(banned), term.type or ""]


def _boolean(value: bool) -> str:
    return "TRUE" if value else "FALSE"


def rows(concepts: list[Concept]) -> list[list[str]]:
    """The header and each concept's rows."""
    regional = sorted({t.geographical_usage for c in concepts for t in c.terms if t.lang == "zh" and is_regional(t)})
    result = [header(regional)]
    for number, c in enumerate(concepts, 1):
        terms = order(c.terms)
        english = [t for t in terms if t.lang == "en"]
        chinese = [t for t in terms if t.lang == "zh" and not is_regional(t)]
        good = [t for t in chinese if usable(t)]
        # Forms to avoid start below the last English term: no row pairs English with them.
        mainland = good + [None] * max(0, len(english) - len(good)) + [t for t in chinese if not usable(t)]
        by_region = [[t for t in terms if t.lang == "zh" and t.geographical_usage == code] for code in regional]
        notes = c.notes + [f"{t.form}: {n}" for t in terms for n in t.notes]
        entry = [str(c.id or number), c.subject or "", c.definition or "", " / ".join(notes)]
        for k, (en, zh, *local) in enumerate(zip_longest(english, mainland, *by_region)):
            en_cells = _cells(en)
            row = [en_cells[0], *_cells(zh)]
            for term in local:
                row += _cells(term, regional=True)
            result.append(row + en_cells[1:] + (entry if k == 0 else [entry[0], "", "", ""]))
    return result


def _role(cell: str) -> tuple[str, str | None, str | None]:
    """What a header cell holds: (role, language, the language code as written: zh-CN, zh-TW …)."""
    text = cell.strip().casefold()
    words = re.split(r"[\s_:]+", text)
    lang = language(words[0]) if words and words[0] else None
    code = words[0] if lang else None
    if text in ("sourcelang", "targetlang", "sourcestring", "targetstring"):
        return text, None, None
    if lang and len(words) == 1:
        return "term", lang, code
    if lang and words[-1] in ("status", "forbidden", "preferred", "type", "note", "notes"):
        return (words[-1].rstrip("s") if words[-1] == "notes" else words[-1]), lang, code
    for role, names in (
        ("note", ("note", "notes", "comment", "comments", "description", "remark")),
        ("subject", ("subject", "domain", "subject field", "subjectfield")),
        ("definition", ("definition",)),
        ("pos", ("pos", "part of speech")),
        ("id", ("id", "entry_id", "entry id", "entryid")),
        ("status", ("status",)),
    ):
        if text in names:
            return role, None, None
    return "ignored", None, None


def has_language_header(header: list[str]) -> bool:
    return any(_role(cell)[0] in ("term", "sourcestring") for cell in header)


def read(table: list[list[str]], path: Path, first_line: int = 1) -> list[Concept]:
    """Concepts of a table with a header row (our own, a language-named one, or TICO-19's).

    Consecutive rows with the same id are one concept (synonyms on rows of their own).
    """
    table = [r for r in table if any(cell.strip() for cell in r)]
    if not table:
        raise InputError("empty file: no terms to import", path)
    roles = [_role(cell) for cell in table[0]]
    if not has_language_header(table[0]):
        raise InputError(
            "no language column in the header (expected e.g. 'en', 'zh', 'English', 'Chinese', "
            f"'sourceString'); header is {', '.join(table[0])}",
            path,
            first_line,
        )
    id_column = next((k for k, (role, _, _) in enumerate(roles) if role == "id"), None)
    concepts, previous_id = [], None
    for offset, row in enumerate(table[1:], 1):
        line = first_line + offset
        concept = _row_concept(dict(enumerate(row)), roles, path, line)
        entry_id = row[id_column].strip() if id_column is not None and id_column < len(row) else ""
        if entry_id and entry_id == previous_id and concepts:
            same = concepts[-1]
            same.terms += concept.terms
            same.notes += [n for n in concept.notes if n not in same.notes]
            same.subject, same.definition = same.subject or concept.subject, same.definition or concept.definition
        elif concept.terms:
            concepts.append(concept)
        previous_id = entry_id or None
    if not concepts:
        raise InputError("no terms in the table", path)
    return [ordered(c) for c in concepts]


def _row_concept(cells: dict[int, str], roles, path: Path, line: int) -> Concept:
    concept = Concept([], origin="imported")
    by_code: dict[tuple[str, str], dict[str, list[str]]] = {}
    loose_status = None
    for k, (role, lang, code) in enumerate(roles):
        value = cells.get(k, "").strip()
        if not value:
            continue
        if lang:
            by_code.setdefault((lang, code), {})[role] = value.split(SEPARATOR)
        elif role == "note":
            concept.notes.append(value)
        elif role == "subject":
            concept.subject = value
        elif role == "definition":
            concept.definition = value
        elif role == "status":
            loose_status = value.casefold()
    tico = {
        role: cells.get(k, "").strip() for k, (role, _, _) in enumerate(roles) if role.startswith(("source", "target"))
    }
    if tico:
        for side in ("source", "target"):
            code, form = tico.get(f"{side}lang", ""), tico.get(f"{side}string", "")
            lang = language(code)
            if lang is None:
                raise InputError(f"unknown or missing language code {code!r} in {side}Lang", path, line)
            if form:
                by_code.setdefault((lang, lang), {}).setdefault("term", []).append(form)
    for (lang, code), columns in by_code.items():
        forms = columns.get("term", [])
        statuses, types = columns.get("status", []), columns.get("type", [])
        flags, preferred = columns.get("forbidden", []), columns.get("preferred", [])
        region = code.split("-")[-1].upper() if lang == "zh" and "-" in code else None
        for k, form in enumerate(forms):
            form = form.strip()
            if not form:
                continue
            status = (statuses[k].strip() if k < len(statuses) else None) or loose_status
            if status not in STATUSES:
                if _flag(flags, k, form):
                    status = "deprecated"
                elif _flag(preferred, k, form):
                    status = "preferred"
                else:
                    status = "admitted"
            kind = types[k].strip() if k < len(types) and types[k].strip() in TYPES else None
            term = Term(form, lang, status, kind, provenance="imported")
            if region in ("TW", "HK", "MO"):
                term.geographical_usage = f"zh-{region}"
            concept.terms.append(term)
    return concept


def _flag(cells: list[str], k: int, form: str) -> bool:
    """A TRUE/FALSE cell (Phrase), or a list of the forms it applies to (older tables)."""
    if len(cells) == 1 and cells[0].strip().casefold() in _TRUE + ("false", "no", "0"):
        return cells[0].strip().casefold() in _TRUE
    return form in {c.strip() for c in cells}
