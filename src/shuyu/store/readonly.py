"""Read-only fast paths (``shuyu lookup``, lint): plain ``sqlite3``, so they start without loading the rest.

It imports only ``sqlite3`` (and shuyu's error type): keep it that way, or
``shuyu lookup`` pays for sqlite-utils and friends on every call.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from shuyu.errors import InputError, explain

_CONCEPT_COLUMNS = ("id", "origin", "subject", "definition", "notes", "kind", "reason", "created", "modified")
_TERM_COLUMNS = (
    "lang",
    "form",
    "status",
    "type",
    "count",
    "years",
    "sources",
    "contexts",
    "notes",
    "provenance",
    "geographical_usage",
    "created",
    "modified",
)
_JSON = ("years", "sources", "contexts", "notes")
# How long a reader waits while another shuyu process commits (seconds), before saying so.
BUSY_TIMEOUT_S = 10.0


def connect(path: str | Path, table: str = "concept_terms", what: str = "termbase") -> sqlite3.Connection:
    """Open a shuyu database read-only, with a clear error if it is missing or has no ``table`` (its ``what``)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no database here; run `shuyu build` first", path)
    from shuyu.store.schema import SCHEMA_VERSION

    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
        row = db.execute("select value from meta where key = 'schema_version'").fetchone()
        if row and int(row[0]) > SCHEMA_VERSION:
            raise newer_schema(path, int(row[0]), SCHEMA_VERSION)
        db.execute(f"select 1 from {table} limit 1").fetchall()
    except sqlite3.DatabaseError as exc:
        raise explain(exc, path) or InputError(
            f"has no {what} to search ({exc}); run `shuyu build` with this shuyu", path
        ) from None
    return db


def newer_schema(path: Path, version: int, supported: int) -> InputError:
    """The one refusal of a database written by a newer shuyu, whichever command opens it."""
    return InputError(
        f"was written by a newer shuyu (schema version {version}; this shuyu reads up to {supported}); "
        "upgrade shuyu (pip install -U shuyu) to open it",
        path,
    )


class TermbaseReader:
    """Queries over the termbase's ``concept_terms`` (by normal form) and ``concepts``."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    @classmethod
    def open(cls, path: str | Path) -> TermbaseReader:
        return cls(connect(path))

    def exact(self, lang: str, norm: str) -> list[tuple[int, str]]:
        """(concept id, form) of the terms whose normal form is ``norm``."""
        return self.db.execute(
            "select concept_id, form from concept_terms where lang = ? and norm = ?", [lang, norm]
        ).fetchall()

    def starting_with(self, lang: str, norm: str, limit: int) -> list[tuple[int, str, str]]:
        """(concept id, form, normal form) of longer terms that begin with ``norm`` (an index range)."""
        return self.db.execute(
            "select concept_id, form, norm from concept_terms where lang = ? and norm > ? and norm < ? limit ?",
            [lang, norm, norm + "\U0010ffff", limit],
        ).fetchall()

    def containing(self, lang: str, norm: str, limit: int) -> list[tuple[int, str, str]]:
        """(concept id, form, normal form) of terms holding ``norm`` after their first character."""
        return self.db.execute(
            "select concept_id, form, norm from concept_terms where lang = ? and instr(norm, ?) > 1 limit ?",
            [lang, norm, limit],
        ).fetchall()

    def near(self, lang: str, shortest: int, longest: int, pieces: list[str]) -> list[tuple[int, str, str]]:
        """(concept id, form, normal form) of terms of a length in range that hold any of ``pieces``."""
        sql = (
            "select concept_id, form, norm from concept_terms where lang = ? and length(norm) between ? and ? "
            "and (" + " or ".join("instr(norm, ?) > 0" for _ in pieces) + ")"
        )
        return self.db.execute(sql, [lang, shortest, longest, *pieces]).fetchall()

    def concept(self, concept_id: int) -> dict:
        """A concept with its terms (in stored order), JSON columns decoded."""
        row = self.db.execute(
            f"select {', '.join(_CONCEPT_COLUMNS)} from concepts where id = ?", [concept_id]
        ).fetchone()
        data = dict(zip(_CONCEPT_COLUMNS, row))
        data["notes"] = json.loads(data["notes"] or "[]")
        terms = []
        for t in self.db.execute(
            f"select {', '.join(_TERM_COLUMNS)} from concept_terms where concept_id = ? order by rowid", [concept_id]
        ):
            term = dict(zip(_TERM_COLUMNS, t))
            for k in _JSON:
                term[k] = json.loads(term[k]) if term[k] else ([] if k != "years" else {})
            terms.append(term)
        data["terms"] = terms
        return data

    def reviewed_terms(self) -> list[tuple]:
        """(concept id, lang, form, status, years, provenance, type, concept reason, concept origin) of every
        preferred, admitted, deprecated or superseded term, by concept and stored order."""
        return self.db.execute(
            "select t.concept_id, t.lang, t.form, t.status, t.years, t.provenance, t.type, c.reason, c.origin "
            "from concept_terms t join concepts c on c.id = t.concept_id "
            "where t.status in ('preferred', 'admitted', 'deprecated', 'superseded') order by t.concept_id, t.rowid"
        ).fetchall()
