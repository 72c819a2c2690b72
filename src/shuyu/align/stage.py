"""The build's alignment stage: every zh–en document pair of the corpus aligned into the store.

Only pairs without stored beads are aligned — a pair never aligned, or one whose document changed
(storing a document clears its alignments) — so an unchanged corpus costs nothing here.  Pairs a
translation-memory source gives are stored by ingestion (origin ``given``) and never re-aligned.
The termbase's own zh–en term pairs join CC-CEDICT as the lexicon.  A pair whose texts are not
translations of each other is reported with its verdict, and its beads are stored no more
confident than the whole (below ``LOW_CONFIDENCE``, so marked): never as confident garbage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from shuyu.align import Quality, align_documents, assess, lexicon_with
from shuyu.errors import InputError
from shuyu.model.bitext import ALIGNED, GIVEN


@dataclass
class PairAlignment:
    zh: str
    en: str
    status: str  # aligned | unchanged | failed
    beads: int = 0
    low_confidence: int = 0
    quality: Quality | None = None
    error: str | None = None

    def describe(self) -> str:
        if self.status == "failed":
            return f"{self.zh} ↔ {self.en}: not aligned: {self.error}"
        if self.status == "unchanged":
            return f"{self.zh} ↔ {self.en}: unchanged"
        q = self.quality
        return (
            f"{self.zh} ↔ {self.en}: {self.beads} pairs, {self.low_confidence} low-confidence, "
            f"confidence {q.confidence:.2f}, {q.aligned_share:.0%} of sentences paired: {q.verdict}"
        )


def _paragraph_texts(store, doc_id: str) -> list[str]:
    return [f"{p['number']} {p['text']}" if p["number"] else p["text"] for p in store.paragraphs(doc_id)]


def align_pairs(
    store, progress: Callable[[str, int, int], None] = lambda stage, done, total: None
) -> list[PairAlignment]:
    """Align the stored zh–en document pairs that have no beads yet; one result per pair the aligner owns."""
    pairs = [(zh, en, origin) for zh, en, origin in store.document_pairs() if origin != GIVEN]
    todo = [(zh, en) for zh, en, origin in pairs if origin is None]
    lexicon = lexicon_with(store.term_pairs()) if todo else None
    results = [PairAlignment(zh, en, "unchanged") for zh, en, origin in pairs if origin is not None]
    for done, (zh, en) in enumerate(todo):
        progress("Aligning document pairs", done, len(todo))
        try:
            beads = align_documents(_paragraph_texts(store, zh), _paragraph_texts(store, en), lexicon)
        except InputError as exc:
            results.append(PairAlignment(zh, en, "failed", error=str(exc)))
            continue
        quality = assess(beads)
        if quality.mismatched:
            beads = [replace(b, confidence=min(b.confidence, quality.confidence)) for b in beads]
        store.replace_alignment(zh, en, beads, ALIGNED)
        low = sum(b.low_confidence for b in beads if b.zh and b.en)
        results.append(PairAlignment(zh, en, ALIGNED, len(beads), low, quality))
    progress("Aligning document pairs", len(todo), len(todo))
    return sorted(results, key=lambda r: r.zh)
