"""Alignment output: vecalign/bertalign beads, TSV and JSON (TMX lives in ``formats.tm``)."""

from __future__ import annotations

import json

from shuyu.model.bitext import SentencePair


def to_beads(pairs: list[SentencePair]) -> str:
    """One bead per line, ``[zh line numbers]:[en line numbers]`` (0-based; ``[]:[5]`` for an unaligned line)."""
    return "".join(pair.bead + "\n" for pair in pairs)


def to_tsv(pairs: list[SentencePair]) -> str:
    """``zh<TAB>en<TAB>confidence<TAB>bead`` with a header line; tabs and line breaks inside text become spaces."""
    lines = ["zh\ten\tconfidence\tbead"]
    for pair in pairs:
        lines.append("\t".join([_cell(pair.zh), _cell(pair.en), f"{pair.confidence:.3f}", pair.bead]))
    return "\n".join(lines) + "\n"


def to_json(pairs: list[SentencePair]) -> str:
    """An array of {zh, en, confidence, low_confidence, zh_lines, en_lines, paragraph}."""
    return (
        json.dumps(
            [
                {
                    "zh": p.zh,
                    "en": p.en,
                    "confidence": p.confidence,
                    "low_confidence": p.low_confidence,
                    "zh_lines": list(p.zh_lines),
                    "en_lines": list(p.en_lines),
                    "paragraph": p.paragraph,
                }
                for p in pairs
            ],
            ensure_ascii=False,
            indent=1,
        )
        + "\n"
    )


def _cell(text: str) -> str:
    return " ".join(text.split())
