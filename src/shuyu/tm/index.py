"""The TM's search index: what is indexed and how a query is cut the same way.

- concordance: ``tm_fts_en`` (FTS5 trigrams of the English side: any substring of
  three characters or more, case-insensitive) and ``tm_fts_zh`` (one token per
  character of the Chinese side in its normal form, so a phrase of characters is
  a substring — one- and two-character queries included, which a trigram index
  silently misses);
- fuzzy match: the units each token occurs in (words for English, characters for
  Chinese, packed uint32) and each unit's number of tokens, so that a query
  counts shared tokens with numpy and scores only units that can reach the threshold.
"""

from __future__ import annotations

import re
from collections import defaultdict

from shuyu.text.zh import normalise

_WORD = re.compile(r"\w+")
_CHAR = re.compile(r"\w")
SIDES = ("en", "zh")  # the English side is a unit's source, the Chinese its target


def tokens(text: str, side: str) -> list[str]:
    """The tokens a CAT tool compares: lower-case words for English, characters for Chinese (no punctuation)."""
    if side == "zh":
        return _CHAR.findall(normalise(text).lower())
    return _WORD.findall(text.lower())


def zh_index_text(text: str) -> str:
    """The Chinese side as the character index takes it: normal form, one token per character."""
    return " ".join(ch for ch in normalise(text) if not ch.isspace())


def reindex(store) -> int:
    """Rebuild the search index from the stored units; the number of units indexed."""
    import numpy as np

    en_rows, zh_rows = [], []
    postings = {side: defaultdict(list) for side in SIDES}
    lengths = {side: {} for side in SIDES}
    for unit_id, english, chinese in store.tm_texts():
        en_rows.append((unit_id, english))
        zh_rows.append((unit_id, zh_index_text(chinese)))
        for side, text in (("en", english), ("zh", chinese)):
            found = tokens(text, side)
            lengths[side][unit_id] = len(found)
            for token in set(found):
                postings[side][token].append(unit_id)
    size = max(lengths["en"], default=0) + 1
    packed_lengths = {}
    for side in SIDES:
        array = np.zeros(size, dtype=np.uint16)
        if lengths[side]:
            array[list(lengths[side])] = np.minimum(list(lengths[side].values()), 65535)
        packed_lengths[side] = array.tobytes()
    store.replace_tm_index(
        en_rows,
        zh_rows,
        (
            (side, token, np.asarray(ids, dtype=np.uint32).tobytes())
            for side in SIDES
            for token, ids in postings[side].items()
        ),
        packed_lengths,
    )
    return len(en_rows)
