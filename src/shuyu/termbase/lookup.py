"""``shuyu lookup``: find concepts by any of their terms, best match first, in well under a second.

Queries are compared in the terms' normal form (simplified script, folded
case), so 數字鴻溝 finds 数字鸿沟.  Matches, best first: exact, prefix (an index
range on ``norm``), substring (``instr``, a scan that also answers one- and
two-character queries, which SQLite's FTS5 trigram index silently cannot),
then fuzzy (rapidfuzz over the language's forms) when fewer than ``limit``
concepts were found.  It reads the database with plain ``sqlite3``, read-only,
so a lookup does not pay for loading the rest of shuyu.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from shuyu.model.terms import norm
from shuyu.store.readonly import TermbaseReader
from shuyu.text.zh import is_chinese

FUZZY_CUTOFF = 60
SUGGESTION_CUTOFF = 40
_KIND_RANK = {"exact": 0, "prefix": 1, "substring": 2, "fuzzy": 3}


@dataclass
class Hit:
    concept: dict
    match: str  # exact, prefix, substring, fuzzy
    matched: str  # the form that matched
    score: float

    def as_dict(self) -> dict:
        return {
            "id": self.concept["id"],
            "match": self.match,
            "matched": self.matched,
            "score": round(self.score, 1),
            **{k: v for k, v in self.concept.items() if k != "id"},
        }


def connect(path: str | Path) -> TermbaseReader:
    """Open a shuyu database's termbase read-only, with a clear error if it is missing or has none."""
    return TermbaseReader.open(path)


def find(path: str | Path, query: str, limit: int = 10, lang: str | None = None) -> tuple[list[Hit], list[str]]:
    """``shuyu lookup``: the concepts matching ``query`` in the database at ``path``, and suggestions if none."""
    return search_with_suggestions(connect(path), query, limit, lang)


def search(db: TermbaseReader, query: str, limit: int = 10, lang: str | None = None) -> list[Hit]:
    """Concepts matching ``query``, best first (at most ``limit``)."""
    hits, _ = search_with_suggestions(db, query, limit, lang)
    return hits


def search_with_suggestions(
    db: TermbaseReader, query: str, limit: int = 10, lang: str | None = None
) -> tuple[list[Hit], list[str]]:
    """Concepts matching ``query`` best first, and "did you mean" forms when there are none."""
    query = query.strip()
    if not query:
        return [], []
    chinese = is_chinese(query)
    langs = (lang,) if lang else (("zh",) if chinese else ("en", "zh"))
    ranked: dict[int, tuple[tuple, str, str, float]] = {}

    def offer(concept_id: int, form: str, kind: str, score: float) -> None:
        key = (_KIND_RANK[kind], -score, len(form))
        if concept_id not in ranked or key < ranked[concept_id][0]:
            ranked[concept_id] = (key, kind, form, score)

    for code in langs:
        q = norm(query, code)
        for cid, form in db.exact(code, q):
            offer(cid, form, "exact", 100.0)
        for cid, form, n in db.starting_with(code, q, limit=200):
            offer(cid, form, "prefix", 100.0 * len(q) / len(n))
    # Scans only in the query's own language: an English word is not looked for inside Chinese terms.
    scanned = (lang,) if lang else (("zh",) if chinese else ("en",))
    for code in scanned:
        for cid, form, n in db.containing(code, norm(query, code), limit=500):
            offer(cid, form, "substring", 100.0 * len(norm(query, code)) / len(n))
    suggestions: list[str] = []
    if len(ranked) < limit:
        for cid, form, score in fuzzy(db, query, scanned, limit, SUGGESTION_CUTOFF):
            if score >= FUZZY_CUTOFF:
                offer(cid, form, "fuzzy", score)
            elif form not in suggestions:
                suggestions.append(form)
    best = sorted(ranked.items(), key=lambda item: item[1][0])[:limit]
    hits = [Hit(concept(db, cid), kind, form, score) for cid, (_, kind, form, score) in best]
    return hits, ([] if hits else suggestions)


def similar_forms(db: TermbaseReader, form: str, lang: str | None = None, limit: int = 3) -> list[str]:
    """The termbase's forms nearest to ``form`` (for "did you mean"), best first."""
    langs = (lang,) if lang else (("zh",) if is_chinese(form) else ("en",))
    found = []
    for _, near, _ in fuzzy(db, form, langs, limit * 3, SUGGESTION_CUTOFF):
        if near not in found:
            found.append(near)
    return found[:limit]


def fuzzy(db: TermbaseReader, query: str, langs, limit: int, cutoff: float) -> list[tuple[int, str, float]]:
    """(concept id, form, score) of the forms closest to ``query`` by edit similarity.

    Only forms that could reach ``cutoff`` are scored: a similar length and at
    least one of the query's characters (Chinese) or word beginnings (English),
    a filter SQLite applies while scanning, so 100,000 concepts cost milliseconds.
    """
    result = []
    for code in langs:
        q = norm(query, code)
        pieces = sorted(set(q.replace(" ", ""))) if code == "zh" else sorted({w[:3] for w in q.split()})
        if not pieces:
            continue
        slack = max(2, len(q))
        rows = db.near(code, len(q) - slack, len(q) + slack, pieces)
        matches = process.extract(q, [r[2] for r in rows], scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
        result += [(rows[k][0], rows[k][1], score) for _, score, k in matches]
    return sorted(result, key=lambda r: -r[2])[:limit]


def concept(db: TermbaseReader, concept_id: int) -> dict:
    """A concept with its terms, decoded, preferred Chinese term first."""
    data = db.concept(concept_id)
    order = {"preferred": 0, "admitted": 1, "candidate": 2, "superseded": 3, "deprecated": 4, "rejected": 5}
    data["terms"].sort(key=lambda t: (t["lang"] != "zh", order.get(t["status"], 9), -(t["count"] or 0)))
    return data
