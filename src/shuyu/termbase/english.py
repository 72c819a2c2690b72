"""The build's equivalents stage: English renderings of the corpus's Chinese terms, from its aligned pairs.

Pairs are every stored bead with both sides and at least ``LOW_CONFIDENCE`` (the aligner's beads
and the pairs a TM source gives); terms are the mined terms and the forms of the variant groups.
The result is stored (``equivalents``) and read by the termbase assembly, which gives each concept
the confident renderings of its Chinese forms as English terms (provenance ``aligned``).
"""

from __future__ import annotations

from shuyu.model.bitext import LOW_CONFIDENCE
from shuyu.termbase.equivalents import find_equivalents

EVIDENCE = 3  # pairs kept per equivalent as its sources


def find_english(store) -> int:
    """Find and store the equivalents of every mined term and variant form; the number of terms with one."""
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
    terms = [t["term"] for t in store.all_terms() if t["lang"] == "zh" and t["status"] != "rejected"]
    terms += [f["form"] for g in store.variant_groups() for f in g["forms"] if f["lang"] == "zh"]
    found = find_equivalents(pairs, terms, evidence=EVIDENCE) if pairs and terms else {}
    rows = [
        {
            "term": term,
            "rank": rank,
            "rendering": e.english,
            "key": e.key,
            "acronym": e.acronym,
            "pairs": result.pairs,
            "count": e.count,
            "dice": e.dice,
            "llr": e.llr,
            "prior": e.prior,
            "score": e.score,
            "confidence": e.confidence,
            "evidence": [where[p] for p in e.evidence],
        }
        for term, result in found.items()
        for rank, e in enumerate(result.equivalents, 1)
    ]
    store.replace_equivalents(rows)
    return sum(1 for result in found.values() if result.confident)
