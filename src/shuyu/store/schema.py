"""The database schema, versioned: ``MIGRATIONS[n]`` brings a database from version n to n + 1.

To add tables (a new domain, a new column), append a migration and raise
``SCHEMA_VERSION``; never edit a released migration, since databases in use
have already run it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: read-only paths (lookup, lint) import SCHEMA_VERSION without sqlite-utils
    import sqlite_utils

SCHEMA_VERSION = 8


def _create_v1(db: sqlite_utils.Database) -> None:
    db["documents"].create(
        {
            "id": str,
            "lang": str,
            "script": str,
            "year": int,
            "date": str,
            "body": str,
            "session": int,
            "type": str,
            "symbols": str,
            "title": str,
            "pair": str,
            "file": str,
            "encoding": str,
            "sha256": str,
            "raw_text": str,
            "chars": int,
            "evidence": str,
            "ingested_at": str,
        },
        pk="id",
    )
    db["paragraphs"].create(
        {"doc_id": str, "seq": int, "number": str, "kind": str, "text": str, "footnote_refs": str, "origins": str},
        pk=("doc_id", "seq"),
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db["sentences"].create(
        {"doc_id": str, "para_seq": int, "seq": int, "start": int, "end": int, "text": str},
        pk=("doc_id", "para_seq", "seq"),
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db["footnotes"].create(
        {"doc_id": str, "seq": int, "number": int, "text": str, "origins": str},
        pk=("doc_id", "seq"),
        foreign_keys=[("doc_id", "documents", "id")],
    )


def _add_terms_v2(db: sqlite_utils.Database) -> None:
    """Mined terms with their evidence; ``status`` is the user's decision and survives re-mining."""
    db["terms"].create(
        {
            "term": str,
            "lang": str,
            "status": str,
            "rank": int,
            "score": float,
            "freq": int,
            "docs": int,
            "years": str,
            "first_year": int,
            "last_year": int,
            "pos": str,
            "contexts": str,
            "stats": str,
            "provenance": str,
            "created": str,
            "modified": str,
        },
        pk=("term", "lang"),
    )
    db["terms"].create_index(["status"])


def _add_variants_v3(db: sqlite_utils.Database) -> None:
    """Detected variant groups with their forms, and the user's decisions on groups.

    Detected groups are replaced on every run; ``variant_decisions`` is the
    user's curation and is only ever appended to, so re-running keeps it.
    """
    db["variant_groups"].create(
        {
            "id": int,
            "kind": str,
            "reason": str,
            "decision": str,
            "score": float,
            "evidence": str,
            "inconsistent": str,
            "english": str,
        },
        pk="id",
    )
    db["variant_forms"].create(
        {
            "group_id": int,
            "lang": str,
            "form": str,
            "status": str,
            "type": str,
            "count": int,
            "years": str,
            "doc_counts": str,
            "first_year": int,
            "last_year": int,
            "spellings": str,
            "examples": str,
            "geographical_usage": str,
            "provenance": str,
        },
        pk=("group_id", "lang", "form"),
        foreign_keys=[("group_id", "variant_groups", "id")],
    )
    db["variant_decisions"].create(
        {"id": int, "action": str, "form": str, "forms": str, "created": str},
        pk="id",
    )


def _add_termbase_v4(db: sqlite_utils.Database) -> None:
    """The termbase: concepts → terms, assembled from mined terms, variant groups, imports and curation.

    ``concepts`` and ``concept_terms`` are rebuilt from their sources; ``imports``
    (concepts read from files) and ``curations`` (the user's decisions, in order)
    are only appended to, so rebuilding never loses them.  ``norm`` is the form in
    its matching normal form (simplified script, folded case) for lookup.
    """
    db["concepts"].create(
        {
            "id": int,
            "origin": str,
            "subject": str,
            "definition": str,
            "notes": str,
            "kind": str,
            "reason": str,
            "created": str,
            "modified": str,
        },
        pk="id",
    )
    db["concept_terms"].create(
        {
            "concept_id": int,
            "lang": str,
            "form": str,
            "norm": str,
            "status": str,
            "type": str,
            "count": int,
            "years": str,
            "sources": str,
            "contexts": str,
            "notes": str,
            "provenance": str,
            "part_of_speech": str,
            "geographical_usage": str,
            "created": str,
            "modified": str,
        },
        pk=("concept_id", "lang", "form"),
        foreign_keys=[("concept_id", "concepts", "id")],
    )
    # A covering index: lookups scan it instead of rows that carry contexts and sources.
    db["concept_terms"].create_index(["lang", "norm", "concept_id", "form"], index_name="concept_terms_lookup")
    db["imports"].create({"id": int, "file": str, "concept": str, "created": str}, pk="id")
    db["curations"].create({"id": int, "action": str, "args": str, "created": str}, pk="id")


def _add_alignments_v5(db: sqlite_utils.Database) -> None:
    """Sentence alignments of paired zh–en documents: derived, replaced whenever a pair is aligned again.

    One row per bead, in document order (``seq``); ``zh_lines``/``en_lines`` are the
    sentence indices the bead joins (an empty side is a 1–0 or 0–1 bead).  ``origin``
    is ``aligned`` (found by shuyu's aligner) or ``given`` (pairs a source file states,
    e.g. a parallel corpus already aligned sentence by sentence).
    """
    db["alignments"].create(
        {
            "doc_zh": str,
            "doc_en": str,
            "seq": int,
            "zh_lines": str,
            "en_lines": str,
            "zh": str,
            "en": str,
            "paragraph": str,
            "confidence": float,
            "origin": str,
        },
        pk=("doc_zh", "doc_en", "seq"),
        foreign_keys=[("doc_zh", "documents", "id"), ("doc_en", "documents", "id")],
    )
    db["alignments"].create_index(["doc_en"])


def _add_tm_v6(db: sqlite_utils.Database) -> None:
    """The translation memory: one table of units, English side first, aligned (derived) and imported (kept).

    ``key`` is the unit's content (languages, source, target): a unit imported
    twice is one unit.  Aligned units are replaced on every build; imported ones
    stay.  ``tm_edits`` holds a user's corrections, only ever appended to and
    replayed (by key) after every change, so a rebuild never undoes one.  The
    search index (``tm_fts_en``: trigrams; ``tm_fts_zh``: one token per character;
    ``tm_postings``: unit ids per token for fuzzy matching) is rebuilt from the units.
    """
    db["tm_units"].create(
        {
            "id": int,
            "key": str,
            "source": str,
            "target": str,
            "source_lang": str,
            "target_lang": str,
            "document": str,
            "document_pair": str,
            "symbol": str,
            "year": int,
            "paragraph": str,
            "bead": int,
            "segtype": str,
            "confidence": float,
            "origin": str,
            "origin_file": str,
            "tuid": str,
            "props": str,
            "notes": str,
            "creationdate": str,
            "changedate": str,
            "source_markup": str,
            "target_markup": str,
        },
        pk="id",
    )
    db["tm_units"].create_index(["key"], unique=True)
    db["tm_units"].create_index(["origin", "document"])
    db["tm_edits"].create({"id": int, "key": str, "target": str, "note": str, "created": str}, pk="id")
    db.execute("create virtual table tm_fts_en using fts5(text, content='', tokenize='trigram')")
    db.execute(
        "create virtual table tm_fts_zh using fts5(text, content='', tokenize=\"unicode61 categories 'L* N* P* S* M* Co'\")"
    )
    db.execute("create table tm_postings (side text, token text, units blob, primary key (side, token)) without rowid")
    db.execute("create table tm_lengths (side text primary key, lengths blob)")


def _add_variant_evidence_v7(db: sqlite_utils.Database) -> None:
    """Each variant group's evidence kind and strength, and the component change it follows (its parent)."""
    for column in ("evidence_kind", "strength", "rule"):
        db["variant_groups"].add_column(column, str)


def _add_equivalents_v8(db: sqlite_utils.Database) -> None:
    """English equivalents of the Chinese terms, found in the aligned pairs: derived, replaced by each build.

    One row per (term, rank): the English rendering as the texts write it, its lookup key, the acronym the
    texts define for it, the co-occurrence count, the association figures, the confidence and the
    pairs that show it (``evidence``: [{doc_zh, seq, symbol, year, paragraph}, …]).
    """
    db["equivalents"].create(
        {
            "term": str,
            "rank": int,
            "rendering": str,
            "key": str,
            "acronym": str,
            "pairs": int,
            "count": int,
            "dice": float,
            "llr": float,
            "prior": float,
            "score": float,
            "confidence": float,
            "evidence": str,
        },
        pk=("term", "rank"),
    )


# MIGRATIONS[n] brings a database from schema n to n + 1; 0 is an empty file.
MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    0: _create_v1,
    1: _add_terms_v2,
    2: _add_variants_v3,
    3: _add_termbase_v4,
    4: _add_alignments_v5,
    5: _add_tm_v6,
    6: _add_variant_evidence_v7,
    7: _add_equivalents_v8,
}
