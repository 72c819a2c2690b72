"""Near-identical passages, found without comparing every pair: MinHash with banding (LSH).

Each text becomes the set of its character trigrams; a MinHash signature of
``bands × rows`` values estimates the Jaccard similarity of two sets, and two
texts become candidates only when all rows of some band agree, so the work
grows with the number of texts, not with its square.  Candidates are then
checked exactly (rapidfuzz's Indel similarity).  Signatures are computed with
numpy over many texts at once, which is what keeps 50 M characters in minutes
(a MinHash object per text, as in datasketch, costs a Python call per text and
per shingle batch).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np
from rapidfuzz.distance import Indel

SHINGLE = 3
BANDS, ROWS = 20, 3  # P(candidate) ≈ 0.73 at trigram Jaccard 0.4, 0.93 at 0.5, 0.99 at 0.6
BATCH_CHARS = 500_000  # characters per numpy batch: larger batches only take more memory
PAIR_CHUNK = 65_536  # candidate pairs checked per numpy step
SMALL_BUCKET = 16  # texts in a band bucket up to this size are all paired; larger buckets are chained

_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


def _permutations(seed: int = 20101) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    count = BANDS * ROWS
    multipliers = rng.integers(1, 2**63, size=count, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd
    offsets = rng.integers(0, 2**63, size=count, dtype=np.uint64)
    return multipliers, offsets


def _band_keys(texts: Sequence[str], multipliers: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """One 64-bit key per (text, band); all texts have at least SHINGLE characters."""
    joined = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    counts = lengths - SHINGLE + 1
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    # shingle positions: every start that leaves SHINGLE characters inside its own text
    within = np.arange(len(joined)) - np.repeat(starts, lengths)  # each character's place in its text
    positions = np.flatnonzero(within < np.repeat(counts, lengths))
    with np.errstate(over="ignore"):
        shingles = (joined[positions] * np.uint64(0x100000001B3)) ^ (
            joined[positions + 1] * np.uint64(0xC2B2AE3D27D4EB4F)
        )
        shingles = shingles ^ (joined[positions + 2] * np.uint64(0x9E3779B97F4A7C15))
        owners_start = np.concatenate(([0], np.cumsum(counts)[:-1]))
        signature = np.empty((len(texts), BANDS * ROWS), dtype=np.uint64)
        for k in range(BANDS * ROWS):
            values = (shingles * multipliers[k] + offsets[k]) >> np.uint64(16)
            signature[:, k] = np.minimum.reduceat(values, owners_start)
        keys = np.empty((len(texts), BANDS), dtype=np.uint64)
        for band in range(BANDS):
            block = signature[:, band * ROWS : (band + 1) * ROWS]
            key = np.full(len(texts), np.uint64(band + 1) * np.uint64(0x9E3779B97F4A7C15), dtype=np.uint64)
            for r in range(ROWS):
                key = (key ^ block[:, r]) * np.uint64(0x100000001B3)
            keys[:, band] = key
    return keys


def _candidate_pairs(keys: np.ndarray) -> np.ndarray:
    """Pairs (i < j) sharing a band key, as one int64 code per pair (i * n + j), de-duplicated.

    Texts sharing a bucket of at most SMALL_BUCKET are all paired; a larger
    bucket (a sentence with thousands of near copies) is chained, each text
    paired with the next, so pairs stay linear in the number of texts.
    """
    n = len(keys)
    found = np.zeros(0, np.int64)
    pieces = [found]
    for band in range(keys.shape[1]):
        column = keys[:, band]
        order = np.argsort(column, kind="stable")
        ranked = column[order]
        starts = np.concatenate(([True], ranked[1:] != ranked[:-1]))
        run = np.cumsum(starts) - 1
        run_length = np.bincount(run)[run]
        for step in range(1, min(SMALL_BUCKET, n - 1) + 1):
            same = ranked[step:] == ranked[:-step]
            if step > 1:
                same &= run_length[step:] <= SMALL_BUCKET
            if not same.any():
                break
            left, right = order[:-step][same], order[step:][same]
            pieces.append(np.minimum(left, right).astype(np.int64) * n + np.maximum(left, right))
        if sum(map(len, pieces)) > 2 * len(found) + n or band == keys.shape[1] - 1:  # sorting each band costs more
            found = np.concatenate(pieces)
            pieces.clear()  # before sorting: the pieces and the sorted copy would double the largest array
            found.sort()  # in place; sorted and de-duplicated (np.unique's hashing is far slower)
            found = found[np.concatenate(([True], found[1:] != found[:-1]))] if len(found) else found
            pieces.append(found)
    return found


def similar_pairs(
    texts: Sequence[str], min_similarity: float = 0.75, progress: Callable[[int], None] = lambda done: None
) -> Iterator[tuple[int, int, float]]:
    """Pairs (i, j, similarity) of distinct texts whose Indel similarity is at least ``min_similarity``.

    ``texts`` should be de-duplicated; texts shorter than the shingle never pair.
    ``progress(texts done)`` reports signature computation.
    """
    multipliers, offsets = _permutations()
    usable = [i for i, t in enumerate(texts) if len(t) >= SHINGLE]
    keys = np.empty((len(usable), BANDS), dtype=np.uint64)
    batch, batch_chars, filled = [], 0, 0
    for i in usable:
        batch.append(texts[i])
        batch_chars += len(texts[i])
        if batch_chars >= BATCH_CHARS:
            keys[filled : filled + len(batch)] = _band_keys(batch, multipliers, offsets)
            filled += len(batch)
            progress(filled)
            batch, batch_chars = [], 0
    if batch:
        keys[filled : filled + len(batch)] = _band_keys(batch, multipliers, offsets)
        progress(filled + len(batch))
    codes = _candidate_pairs(keys)
    del keys  # the signatures are done with: free them before the pairs are checked
    indexes = np.array(usable, dtype=np.int64)
    del usable
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    for start in range(0, len(codes), PAIR_CHUNK):  # in chunks: a list of every pair would be large
        chunk = codes[start : start + PAIR_CHUNK]
        firsts, seconds = indexes[chunk // len(indexes)], indexes[chunk % len(indexes)]
        short, long_ = np.minimum(lengths[firsts], lengths[seconds]), np.maximum(lengths[firsts], lengths[seconds])
        close = short >= min_similarity * long_  # lengths too far apart can never reach the similarity
        for a, b in zip(firsts[close].tolist(), seconds[close].tolist()):
            similarity = Indel.normalized_similarity(texts[a], texts[b], score_cutoff=min_similarity)
            if similarity:
                yield a, b, similarity
