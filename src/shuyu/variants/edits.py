"""What differs between two near-identical passages, widened to whole words or whole terms.

A character diff of 信息社会世界首脑会议成果 and 信息社会世界峰会成果 gives scattered pieces
(首→峰, 脑 and 议 dropped); pieces separated by less than two equal characters
are joined (首脑会议 → 峰会), and the joined edit is widened on both sides until
it starts and ends on a boundary in both texts — a word boundary gives the
component that changed (首脑会议 / 峰会), a term boundary (words inside a known
term are not boundaries) the whole term (信息社会世界首脑会议 / 信息社会世界峰会).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

MIN_CONTEXT = 2  # equal characters that keep two diff pieces apart
MAX_WIDEN = 12


class Edit(NamedTuple):  # a tuple: made for every difference of every similar sentence pair
    a: str
    b: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]


def raw_edits(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """Differing spans (a_start, a_end, b_start, b_end), pieces closer than MIN_CONTEXT joined."""
    edits: list[list[int]] = []
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(a, b).as_list():
        if tag == "equal":
            continue
        if edits and i1 - edits[-1][1] < MIN_CONTEXT and j1 - edits[-1][3] < MIN_CONTEXT:
            edits[-1][1], edits[-1][3] = i2, j2
        else:
            edits.append([i1, i2, j1, j2])
    return [tuple(e) for e in edits]


def widen(a: str, b: str, edit: tuple[int, int, int, int], a_bounds: set[int], b_bounds: set[int]) -> Edit | None:
    """Widen ``edit`` by the same context on both sides until both ends are boundaries in both texts.

    Returns None when that would take more than MAX_WIDEN characters or run
    into another difference (the context must stay identical).
    """
    i1, i2, j1, j2 = edit
    left = 0
    while (i1 - left) not in a_bounds or (j1 - left) not in b_bounds:
        left += 1
        if left > MAX_WIDEN or i1 - left < 0 or j1 - left < 0 or a[i1 - left] != b[j1 - left]:
            return None
    right = 0
    while (i2 + right) not in a_bounds or (j2 + right) not in b_bounds:
        right += 1
        if right > MAX_WIDEN or i2 + right > len(a) or j2 + right > len(b) or a[i2 + right - 1] != b[j2 + right - 1]:
            return None
    span_a, span_b = (i1 - left, i2 + right), (j1 - left, j2 + right)
    return Edit(a[span_a[0] : span_a[1]], b[span_b[0] : span_b[1]], span_a, span_b)


def boundaries(words: Iterable[str]) -> set[int]:
    """Offsets between consecutive words, both ends included."""
    bounds, position = {0}, 0
    for word in words:
        position += len(word)
        bounds.add(position)
    return bounds


def without_inside(bounds: set[int], spans: Iterable[tuple[int, int]]) -> set[int]:
    """Word boundaries minus those inside a term occurrence; the term's own ends become boundaries."""
    result = set(bounds)
    for start, end in spans:
        result.difference_update(range(start + 1, end))
        result.update((start, end))
    return result
