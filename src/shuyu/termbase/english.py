"""The build's equivalents stage: English renderings of the corpus's Chinese terms, from its aligned pairs.

Pairs are every stored bead with both sides and at least ``LOW_CONFIDENCE`` (the aligner's beads
and the pairs a TM source gives); terms are the mined terms, and the strings that bilingual term
extraction (``termbase.bilingual``) finds consistently rendered by one English term.  The result is
stored (``equivalents``) and read twice: by variant detection, which keeps apart two mined forms whose
confident English renderings differ (会员国 "Member States" / 缔约国 "States parties"; 联合国 /
联合王国), and by the termbase assembly, which gives each concept the confident renderings of its
Chinese forms as English terms (provenance ``aligned``) and makes the extracted strings concepts.
"""

from __future__ import annotations

from collections.abc import Iterable

from shuyu.model.bitext import LOW_CONFIDENCE
from shuyu.termbase import bilingual
from shuyu.termbase.equivalents import CONFIDENT, find_equivalents
from shuyu.text.en import lookup_key

EVIDENCE = 3  # pairs kept per equivalent as its sources


def find_english(store) -> int:
    """Find and store the equivalents of every mined term and of the strings bilingual term extraction keeps;
    the number of terms with a confident one."""
    where: dict[str, dict] = {}
    pairs = []
    for row in store.aligned_pairs(min_confidence=LOW_CONFIDENCE):
        pair_id = f"{row['doc_zh']}#{row['seq']}"
        where[pair_id] = {
            "doc_id": row["doc_zh"],
            "symbol": (row["symbols"] or [None])[0],
            "year": row["year"],
            "paragraph": row["paragraph"],
        }
        pairs.append((pair_id, row["zh"], row["en"]))
    mined = store.all_terms()
    terms = [t["term"] for t in mined if t["lang"] == "zh" and t["status"] != "rejected"]
    tried = bilingual.candidates((zh for _, zh, _ in pairs), (t["term"] for t in mined)) if pairs else []
    found = find_equivalents(pairs, terms, candidates=tried, evidence=len(pairs)) if pairs else {}
    segment_of = {pair_id: zh for pair_id, zh, _ in pairs}
    document_of = {pair_id: place["doc_id"] for pair_id, place in where.items()}
    kept = [*terms, *bilingual.select(found, tried, segment_of, document_of)]
    rows = [
        {
            "term": term,
            "rank": rank,
            "rendering": e.english,
            "key": e.key,
            "acronym": e.acronym,
            "pairs": found[term].pairs,
            "count": e.count,
            "dice": e.dice,
            "llr": e.llr,
            "prior": e.prior,
            "score": e.score,
            "confidence": e.confidence,
            "evidence": [where[p] for p in e.evidence[:EVIDENCE]],
        }
        for term in kept
        if term in found
        for rank, e in enumerate(found[term].equivalents, 1)
    ]
    store.replace_equivalents(rows)
    return sum(1 for term in kept if term in found and found[term].confident)


def rendered_apart(store, pairs: Iterable[tuple[str, str]]) -> set[frozenset[str]]:
    """Of these pairs of Chinese forms, those whose confident English renderings name different things.

    Renderings name the same thing when their lookup keys or defined acronyms meet, or when one
    key is part of the other (a short form: 安理会 "Council" / 安全理事会 "Security Council"), so
    only a clear difference keeps two forms apart; a form without a confident rendering never is, nor
    is a form that only bilingual term extraction found (儿基会 "UNICEF" is 联合国儿童基金会 "United
    Nations Children's Fund", whose texts never define the acronym).
    """
    mined = {t["term"] for t in store.all_terms()}
    names: dict[str, set[str]] = {}
    for term, (best, *_) in store.equivalents(min_confidence=CONFIDENT).items():
        if term in mined:
            names[term] = {best["key"], *([lookup_key(best["acronym"])] if best["acronym"] else [])}
    apart = set()
    for a, b in pairs:
        if a in names and b in names and not _same_thing(names[a], names[b]):
            apart.add(frozenset((a, b)))
    return apart


def _same_thing(a: set[str], b: set[str]) -> bool:
    return bool(a & b) or any(f" {x} " in f" {y} " or f" {y} " in f" {x} " for x in a for y in b)
