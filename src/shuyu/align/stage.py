"""The build's alignment stage: every zh–en document pair of the corpus aligned into the store.

Only pairs without stored beads are aligned — a pair never aligned, or one whose document changed
(storing a document clears its alignments) — so an unchanged corpus costs nothing here.  Pairs a
translation-memory source gives are stored by ingestion (origin ``given``) and never re-aligned.
The termbase's own zh–en term pairs join CC-CEDICT as the lexicon, and the pairs are aligned
together (``align_corpus``): the words learned from the confident beads of all of them serve each,
so that short documents, which teach too little alone, gain too.  A pair whose texts are not
translations of each other is reported with its verdict, and its beads are stored no more
confident than the whole (below ``LOW_CONFIDENCE``, so marked): never as confident garbage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from shuyu.align import Quality, align_corpus, assess, check_languages, lexicon_with
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
    texts = {}
    for zh, en in todo:
        zh_texts, en_texts = _paragraph_texts(store, zh), _paragraph_texts(store, en)
        try:
            check_languages(zh_texts, en_texts)
        except InputError as exc:
            results.append(PairAlignment(zh, en, "failed", error=str(exc)))
            continue
        texts[(zh, en)] = (zh_texts, en_texts)
    # All pairs at once: the word translations learned from the confident beads of the whole corpus serve each.
    aligned = (
        align_corpus(
            list(texts.values()), lexicon, lambda done, total: progress("Aligning document pairs", done, total)
        )
        if texts
        else []
    )
    for (zh, en), beads in zip(texts, aligned, strict=True):
        quality = assess(beads)
        if quality.mismatched:
            beads = [replace(b, confidence=min(b.confidence, quality.confidence)) for b in beads]
        store.replace_alignment(zh, en, beads, ALIGNED)
        low = sum(b.low_confidence for b in beads if b.zh and b.en)
        results.append(PairAlignment(zh, en, ALIGNED, len(beads), low, quality))
    return sorted(results, key=lambda r: r.zh)
