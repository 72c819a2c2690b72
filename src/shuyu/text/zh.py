"""Character classes of Chinese UN text, shared by cleaning, structure and detection."""

from __future__ import annotations

import unicodedata

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width and CJK punctuation: 、。《》「」『』【】〔〕，：；？！（）“”‘’—…·
CJK_PUNCT = "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
SENTENCE_END = "。！？"
CLOSING = "”’」』）)》〕】"
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
# Full-width letters and digits (and ／ ＿ ．in symbols) fold to ASCII; full-width punctuation stays.
FULLWIDTH_TO_ASCII = str.maketrans(
    {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)},
     **{chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)},
     **{chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)},
     "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\ufeff": " "}
)


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def display_width(text: str) -> int:
    """Columns a line takes on the page: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
