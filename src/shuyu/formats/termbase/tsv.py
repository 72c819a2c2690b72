"""OmegaT glossary: ``source<TAB>target<TAB>comment``, UTF-8, one target per line (OmegaT reads ``.txt``).

The direction is English → Chinese by default (UN translation goes that way).
OmegaT offers every target of a matching source as a rendering, whatever the
comment says, so only forms a translator may use are targets: preferred,
admitted and (above the export's quality threshold) candidate zh-CN forms,
preferred first — never a superseded, deprecated or regional (zh-TW) form.
Each usable source form gets a line per target.  The comment starts with the
target's status and years in brackets (``[preferred, 2021]``), then the forms
to avoid (``avoid: 信息社会世界首脑会议 (superseded, 2010–2015)``), then notes.
Concepts without a usable term in both languages cannot be a glossary entry.
"""

from __future__ import annotations

import re
from pathlib import Path

from shuyu.errors import InputError
from shuyu.fileio import atomic_write_text
from shuyu.formats.termbase import text
from shuyu.model.terms import STATUSES, Concept, Term, language
from shuyu.model.usage import avoid_note, glossary_pair, label
from shuyu.text.zh import is_chinese

NAME = "tsv"
SUFFIXES = (".tsv", ".tab", ".txt", ".utf8")
_STATUS = re.compile(rf"^\[({'|'.join(STATUSES)})(?:,[^\]]*)?\]\s*(?:/\s*)?")
_AVOID = "avoid: "


def _clean(value: str) -> str:
    return " ".join(value.replace("\t", " ").split())


def write(concepts: list[Concept], path: Path, direction: str = "en-zh", **options) -> int:
    """Write the glossary; the number of concepts that became entries (those with both languages)."""
    target_lang = direction.split("-")[1]
    lines, written = [], 0
    for c in concepts:
        sources, targets = glossary_pair(c, direction)
        written += bool(sources)
        avoid = avoid_note(c, target_lang)
        for source in sources:
            for target in targets:
                comment = " / ".join([f"[{label(target)}]", *([avoid] if avoid else []), *target.notes, *c.notes])
                lines.append(f"{_clean(source.form)}\t{_clean(target.form)}\t{_clean(comment)}")
    # OmegaT skips lines that start with #: the file says what it is even when no concept has English yet.
    header = f"# shuyu {direction} glossary for OmegaT: source<TAB>target<TAB>[status, years] / forms to avoid / notes"
    atomic_write_text(path, "".join(line + "\n" for line in [header, *lines]))
    return written


def read(path: Path, direction: str = "en-zh", encoding: str | None = None, **options) -> list[Concept]:
    rows = []
    for number, line in enumerate(text.read_text(path, encoding).splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            rows.append((number, line.split("\t")))
    return read_pairs(rows, path, direction)


def read_pairs(rows: list[tuple[int, list[str]]], path: Path, direction: str = "en-zh") -> list[Concept]:
    """Concepts from headerless (line number, [source, target, comment]) rows, as OmegaT writes them."""
    source_lang, target_lang = (language(code) for code in direction.split("-"))
    if source_lang is None or target_lang is None:
        raise InputError(f"unknown direction {direction!r}; use e.g. en-zh or zh-en", path)
    concepts: dict[str, Concept] = {}
    for number, cells in rows:
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise InputError("expected source<TAB>target[<TAB>comment]", path, number)
        source, target = cells[0].strip(), cells[1].strip()
        comment = cells[2].strip() if len(cells) > 2 else ""
        status = "admitted"
        if m := _STATUS.match(comment):
            status, comment = m.group(1), comment[m.end() :]
        concept = concepts.setdefault(
            source, Concept([Term(source, source_lang, "preferred", provenance="imported")], origin="imported")
        )
        notes = [n for n in (part.strip() for part in comment.split(" / ")) if n and not n.startswith(_AVOID)]
        concept.terms.append(Term(target, target_lang, status, provenance="imported"))
        concept.notes += [n for n in notes if n not in concept.notes]
    if not concepts:
        raise InputError("empty file: no terms to import", path)
    chinese = [t.form for c in concepts.values() for t in c.terms if t.lang == "zh"]
    if sum(1 for form in chinese if is_chinese(form)) * 2 < len(chinese):
        raise InputError(
            f"the {'source' if source_lang == 'zh' else 'target'} column is not Chinese: not a "
            f"{direction} glossary (name the languages in a header row, or pass --direction)",
            path,
        )
    return list(concepts.values())
