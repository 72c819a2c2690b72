"""Character n-gram statistics of Chinese text, in bounded memory.

jieba's dictionary splits many UN terms (多利益攸关方 → 多/利益/攸关/方), so
candidates are character n-grams inside runs of Chinese characters (runs end
at punctuation, digits and Latin text, so numbers and symbols never enter).

The corpus is read once, in chunks of ``CHUNK_CHARS`` characters, as numpy
arrays of code points (identical passages once, weighted by their copies); the
chunks go to a temporary file for the later passes.  An n-gram is a 64-bit
polynomial hash of its characters.  Each pass over the chunks works on arrays,
never on Python strings per position; the loops over positions are compiled
(numba, cached on disk) and count in open-addressing hash tables, not by
sorting:

1. ``count`` — within a chunk, n-grams are counted Apriori-style (an n-gram
   is counted only where its (n-1)-gram prefix and suffix occur at least twice
   in the chunk); chunk counts are merged into one sorted table per length,
   capped at ``TABLE_CAP`` entries (the least frequent go first).
2. ``neighbours`` — for the frequent n-grams: their characters and the
   left/right neighbour counts (branching entropy); it notes the longest
   frequent n-gram at each position for the next pass.
3. ``occurrences`` — for the final candidates: counts per passage, and whether
   each occurrence stands alone or inside a longer candidate (longest match).

On a corpus of one chunk the counts are exact.  Memory is bounded by the
chunk size and the table cap, not by the corpus size.
"""

from __future__ import annotations

import functools
import math
import pickle
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numba
import numpy as np

CHUNK_CHARS = 1 << 22
TABLE_CAP = 2_000_000
_P = np.uint64(0x100000001B3)  # hash multiplier (FNV prime)
_BOUNDARY = -1  # neighbour code of a clause boundary


@numba.njit(cache=True)
def _capacity(size: int) -> int:
    """Slots of an open-addressing table for ``size`` keys, at most half full (a power of two)."""
    capacity = 16
    while capacity < 2 * size:
        capacity *= 2
    return capacity


@numba.njit(cache=True)
def _mix(key: np.uint64) -> np.uint64:
    """splitmix64's finaliser, so that similar keys land far apart."""
    key = (key ^ (key >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    key = (key ^ (key >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return key ^ (key >> np.uint64(31))


@numba.njit(cache=True)
def _slot(key: np.uint64, mask: int) -> int:
    """The home slot of ``key`` in a table of ``mask + 1`` (a power of two) slots."""
    return np.int64(_mix(key) & np.uint64(mask))


@numba.njit(cache=True)
def _home(key: np.uint64, capacity: int) -> int:
    """The home slot of ``key`` in a table of any ``capacity`` (below 2³²): multiply, not mask."""
    return np.int64(((_mix(key) >> np.uint64(32)) * np.uint64(capacity)) >> np.uint64(32))


@numba.njit(cache=True)
def _count_level(
    codes: np.ndarray,
    remaining: np.ndarray,
    weight: np.ndarray,
    alive: np.ndarray,
    hashes: np.ndarray,
    n: int,
    starts: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Count the n-grams of a chunk at the ``starts`` (ascending) where ``alive`` holds for this start and the next.

    ``alive`` says where the (n-1)-gram occurs at least twice in the chunk, and
    becomes the same for the n-gram; ``hashes`` goes from the (n-1)-gram's
    hash to the n-gram's.  Returns (starts tried, the only ones worth trying
    at the next length; hashes and weighted counts of the n-grams occurring at
    least twice), grouped in one hash table, not sorted.
    """
    tried = np.empty(len(starts), dtype=np.int64)
    size = 0
    for p in starts:
        if p + 1 < len(codes) and alive[p] and alive[p + 1] and remaining[p] >= n:
            tried[size] = p
            size += 1
    tried = tried[:size]
    slots = np.full(_capacity(len(tried)), -1, dtype=np.int32)
    mask = len(slots) - 1
    distinct = np.empty(len(tried), dtype=np.uint64)
    counts = np.zeros(len(tried), dtype=np.int64)
    group = np.empty(len(tried), dtype=np.int32)
    size = 0
    for k in range(len(tried)):
        p = tried[k]
        h = hashes[p] * _P + codes[p + n - 1]
        hashes[p] = h
        s = _slot(h, mask)
        while True:
            g = slots[s]
            if g < 0:
                g = size
                slots[s] = g
                distinct[g] = h
                size += 1
                break
            if distinct[g] == h:
                break
            s = (s + 1) & mask
        group[k] = g
        counts[g] += weight[p]
    for p in starts:
        alive[p] = False
    for k in range(len(tried)):
        alive[tried[k]] = counts[group[k]] >= 2
    frequent = counts[:size] >= 2
    return tried, distinct[:size][frequent], counts[:size][frequent]


@numba.njit(cache=True)
def _gram_index(hashes: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Open-addressing index of (length, hash) → row of the frequent n-grams of all lengths.

    A cell holds the hash and row·256 + length (0: empty) side by side, so
    that a look-up mostly touches one cache line; the table is at most two
    thirds full (it is the largest one when every paragraph recurs).
    """
    cells = np.zeros((len(hashes) + len(hashes) // 2 + 16, 2), dtype=np.uint64)
    for row in range(len(hashes)):
        s = _home(hashes[row] + np.uint64(lengths[row]) * _P, len(cells))
        while cells[s, 1]:
            s = s + 1 if s + 1 < len(cells) else 0
        cells[s, 0] = hashes[row]
        cells[s, 1] = np.uint64(row * 256 + lengths[row])
    return cells


@numba.njit(cache=True)
def _find(cells: np.ndarray, h: np.uint64, n: int) -> int:
    """The row of the n-gram of hash ``h``, or -1."""
    s = _home(h + np.uint64(n) * _P, len(cells))
    while True:
        tag = cells[s, 1]
        if not tag:
            return -1
        if cells[s, 0] == h and tag & np.uint64(255) == n:
            return np.int64(tag >> np.uint64(8))
        s = s + 1 if s + 1 < len(cells) else 0


@numba.njit(cache=True)
def _term_rows(longest: np.ndarray, parent: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(start, row) of every occurrence of a ``wanted`` frequent n-gram, by start and longest first.

    ``longest`` is the row of the longest frequent n-gram at each start (-1:
    none) and ``parent`` the row of each n-gram less its last character:
    frequent sets are closed under prefixes, so these name every frequent
    n-gram at the start.
    """
    starts = np.empty(1024, dtype=np.int64)
    rows = np.empty(1024, dtype=np.int64)
    size = 0
    for p in range(len(longest)):
        row = np.int64(longest[p])
        while row >= 0:
            if wanted[row]:
                if size == len(rows):
                    starts = np.concatenate((starts, np.empty(size, dtype=np.int64)))
                    rows = np.concatenate((rows, np.empty(size, dtype=np.int64)))
                starts[size] = p
                rows[size] = row
                size += 1
            row = np.int64(parent[row])
    return starts[:size], rows[:size]


@numba.njit(cache=True)
def _neighbour_counts(
    codes: np.ndarray,
    remaining: np.ndarray,
    weight: np.ndarray,
    cells: np.ndarray,
    max_len: int,
    sighted: np.ndarray,
    begin: int,
    left: np.ndarray,
    right: np.ndarray,
    sizes: np.ndarray,
    longest: np.ndarray,
    parent: np.ndarray,
) -> int:
    """Count the neighbours of the frequent n-gram occurrences from start ``begin`` on.

    The ``left`` and ``right`` count tables (see ``_count``) hold ``sizes``
    keys; a key is row·2²² + code + 1, or row·2²² at a clause boundary.
    ``sighted`` gets a start of each row seen, ``longest`` the row of the
    longest frequent n-gram at each start and ``parent`` the row of each
    n-gram less its last character (see ``_term_rows``).  Returns where it
    stopped: the end, or a start where a table must grow first.
    """
    for p in range(begin, len(codes)):
        if (max(sizes[0], sizes[1]) + max_len) * 4 > 3 * len(left):  # at most three quarters full
            return p
        h = np.uint64(0)
        before = codes[p - 1] if p > 0 else np.uint64(0)
        shorter = -1
        for n in range(1, min(max_len, remaining[p]) + 1):
            h = h * _P + codes[p + n - 1]
            row = _find(cells, h, n)
            if row < 0:
                break
            longest[p] = row
            parent[row] = shorter
            shorter = row
            if sighted[row] < 0:
                sighted[row] = p
            if n >= 2:
                after = codes[p + n]
                sizes[0] += _count(left, np.int64(row << 22) + np.int64(before) + (before > 0), weight[p])
                sizes[1] += _count(right, np.int64(row << 22) + np.int64(after) + (after > 0), weight[p])
    return len(codes)


@numba.njit(cache=True)
def _count(cells: np.ndarray, key: int, weight: int) -> int:
    """Add ``weight`` to the count of ``key`` (≥ 0) in an open-addressing table of (key + 1, count) cells
    (key 0: empty), key and count side by side in memory.  Returns 1 if the key is new, else 0."""
    mask = len(cells) - 1
    s = _slot(np.uint64(key), mask)
    while True:
        stored = cells[s, 0]
        if stored == key + 1:
            cells[s, 1] += weight
            return 0
        if stored == 0:
            cells[s, 0] = key + 1
            cells[s, 1] = weight
            return 1
        s = (s + 1) & mask


@numba.njit(cache=True)
def _rehash(cells: np.ndarray, capacity: int) -> np.ndarray:
    """The same counts in a table of ``capacity`` cells."""
    out = np.zeros((capacity, 2), dtype=np.int64)
    for i in range(len(cells)):
        if cells[i, 0]:
            _count(out, cells[i, 0] - 1, cells[i, 1])
    return out


@numba.njit(cache=True)
def _run_lengths(codes: np.ndarray) -> np.ndarray:
    """Per position, the Chinese characters (non-zero codes) left in its run."""
    out = np.zeros(len(codes), dtype=np.int32)
    run = 0
    for i in range(len(codes) - 1, -1, -1):
        run = run + 1 if codes[i] else 0
        out[i] = run
    return out


def gram_hash(gram: str) -> int:
    """The 64-bit hash the arrays use for ``gram`` (h = h·P + code point, wrapping)."""
    h = 0
    for ch in gram:
        h = (h * 0x100000001B3 + ord(ch)) & 0xFFFFFFFFFFFFFFFF
    return h


@dataclass
class Chunk:
    """Consecutive passages, identical texts once, as one array of code points.

    A text that occurs several times in the chunk (UN resolutions repeat their
    boilerplate) is counted once with its number of copies as a weight.  The
    passages themselves are kept as arrays, grouped by text, for attributing
    occurrences to documents and years.
    """

    string: str  # the distinct texts joined by "\n"
    codes: np.ndarray  # uint32 code points of ``string``; 0 for every character that is not Chinese
    remaining: np.ndarray  # int32: Chinese characters left in the run from each position (0 elsewhere)
    text_starts: np.ndarray  # offset of each distinct text in ``string``
    copies: np.ndarray  # how many passages have each distinct text
    weight: np.ndarray  # int32: copies of the text each position is in
    doc_ids: list[str]  # the chunk's documents
    owner_doc: np.ndarray  # per passage, grouped by text (``copies`` each): index into ``doc_ids``
    owner_year: np.ndarray  # per passage: year, or -1
    owner_seq: np.ndarray  # per passage: paragraph order, or -1
    owner_number: list  # per passage: paragraph number or None
    size: int  # characters of all the chunk's passages (copies included), for progress

    def text(self, start: int, length: int) -> str:
        return self.string[start : start + length]

    def raw_codes(self) -> np.ndarray:
        """Code points of ``string``, punctuation included (``codes`` keeps Chinese characters only)."""
        return np.frombuffer(self.string.encode("utf-32-le"), dtype=np.uint32)

    def text_of(self, positions: np.ndarray) -> np.ndarray:
        """Distinct-text number of each position."""
        return np.searchsorted(self.text_starts, positions, side="right") - 1

    @property
    def chars(self) -> int:
        return int(self.weight[self.remaining > 0].sum())

    @functools.cached_property
    def first_owner(self) -> np.ndarray:
        """Index of each distinct text's first passage in the ``owner_*`` arrays (computed once per chunk)."""
        return np.concatenate(([0], np.cumsum(self.copies)[:-1]))

    def __getstate__(self) -> dict:
        """Compact form for the chunk store: derivable arrays are rebuilt on loading."""
        state = dict(self.__dict__)
        del state["weight"]
        state.pop("first_owner", None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        lengths = np.diff(np.append(self.text_starts, len(self.codes)))
        self.weight = np.repeat(self.copies.astype(np.int32), lengths)


def chunks(passages: Iterable, size: int | None = None) -> Iterator[Chunk]:
    """Group the passages into chunks of about ``size`` (default ``CHUNK_CHARS``) characters."""
    size = size or CHUNK_CHARS
    texts: dict[str, int] = {}
    docs: dict[str, int] = {}
    text_of, doc, year, seq, number = [], [], [], [], []
    length = 0  # includes a separator per passage
    for passage in passages:
        text_of.append(texts.setdefault(passage.text, len(texts)))
        doc.append(docs.setdefault(passage.doc_id, len(docs)))
        year.append(-1 if passage.year is None else passage.year)
        seq.append(-1 if passage.seq is None else passage.seq)
        number.append(passage.number)
        length += len(passage.text) + 1
        if length >= size:
            yield _chunk(texts, docs, text_of, doc, year, seq, number, length - len(text_of))
            texts, docs, text_of, doc, year, seq, number, length = {}, {}, [], [], [], [], [], 0
    if texts:
        yield _chunk(texts, docs, text_of, doc, year, seq, number, length - len(text_of))


class ChunkStore:
    """The chunks of the first pass, kept in a temporary file for the later passes.

    Later passes read arrays back instead of re-reading and re-parsing the
    corpus; one chunk is in memory at a time.
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - open while the store lives, closed by close()
        # Per chunk, the row of the longest frequent n-gram at each position (``neighbours`` finds them by
        # hashing, ``occurrences`` reads them back), and the rows' parents.
        self._longest = tempfile.TemporaryFile()  # noqa: SIM115 - as above
        self._longest_chunks = 0
        self.parent: np.ndarray | None = None

    def add(self, chunk: Chunk) -> Chunk:
        pickle.dump(chunk, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        return chunk

    def __iter__(self) -> Iterator[Chunk]:
        self._file.seek(0)
        while True:
            try:
                yield pickle.load(self._file)
            except EOFError:
                return

    def keep_longest(self, rows: np.ndarray | None) -> None:
        """Keep the next chunk's longest rows (None: forget those kept so far)."""
        if rows is None:
            self._longest.seek(0)
            self._longest.truncate()
            self._longest_chunks = 0
            return
        np.save(self._longest, rows)
        self._longest_chunks += 1

    def longest(self) -> Iterator[np.ndarray]:
        """The rows ``keep_longest`` kept, chunk by chunk."""
        self._longest.seek(0)
        for _ in range(self._longest_chunks):
            yield np.load(self._longest)

    def close(self) -> None:
        self._file.close()
        self._longest.close()

    def __enter__(self) -> ChunkStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _chunk(texts: dict[str, int], docs: dict[str, int], text_of, doc, year, seq, number, length: int) -> Chunk:
    string = "\n".join(texts) + "\n"
    codes = np.frombuffer(string.encode("utf-32-le"), dtype=np.uint32).copy()
    chinese = (
        ((codes >= 0x4E00) & (codes <= 0x9FFF))
        | ((codes >= 0x3400) & (codes <= 0x4DBF))
        | ((codes >= 0xF900) & (codes <= 0xFAFF))
    )
    codes[~chinese] = 0
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    text_of = np.asarray(text_of, dtype=np.int64)
    by_text = np.argsort(text_of, kind="stable")
    copies = np.bincount(text_of, minlength=len(texts))
    return Chunk(
        string,
        codes,
        _run_lengths(codes),
        starts,
        copies,
        np.repeat(copies.astype(np.int32), lengths),
        list(docs),
        np.asarray(doc, dtype=np.int64)[by_text],
        np.asarray(year, dtype=np.int64)[by_text],
        np.asarray(seq, dtype=np.int64)[by_text],
        [number[i] for i in by_text.tolist()],
        length,
    )


@dataclass
class NgramStats:
    """Frequent n-grams by length, plus corpus totals."""

    frequent: dict[int, Frequent]
    chars: int
    min_freq: int

    def freqs(self, grams: Iterable[str]) -> dict[str, int]:
        """Frequencies of many n-grams (0 for those not frequent), one array search per length."""
        by_length: dict[int, list[str]] = defaultdict(list)
        for gram in grams:
            by_length[len(gram)].append(gram)
        out: dict[str, int] = {}
        for n, group in by_length.items():
            table = self.frequent.get(n)
            if table is None or not len(table.hashes):
                out.update(dict.fromkeys(group, 0))
                continue
            hashes = np.fromiter(map(gram_hash, group), dtype=np.uint64, count=len(group))
            where = np.minimum(np.searchsorted(table.hashes, hashes), len(table.hashes) - 1)
            out.update(zip(group, np.where(table.hashes[where] == hashes, table.counts[where], 0).tolist()))
        return out

    def freq(self, gram: str) -> int:
        """Frequency of a frequent n-gram (0 for any other)."""
        table = self.frequent.get(len(gram))
        if table is None or not len(table.hashes):
            return 0
        h = np.uint64(gram_hash(gram))
        where = int(np.searchsorted(table.hashes, h))
        return int(table.counts[where]) if where < len(table.hashes) and table.hashes[where] == h else 0


def _sorted_counts(
    values: np.ndarray, kind: str = "quicksort"
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(unique values, their counts, sort order, start of each group in the order).

    Merging two sorted tables passes ``kind="stable"``: timsort merges sorted runs in linear time.
    """
    order = np.argsort(values, kind=kind)
    ordered = values[order]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1]))) if len(ordered) else np.zeros(0, int)
    counts = np.diff(np.append(starts, len(ordered)))
    return ordered[starts], counts, order, starts


def _distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (np.unique is hash-based in numpy 2 and far slower on large arrays)."""
    ordered = np.sort(values)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered


def _first_of_each(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(sorted distinct values, index of each one's first occurrence)."""
    unique, _, order, starts = _sorted_counts(values, kind="stable")
    return unique, order[starts]


def _weighted_counts(values: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Like ``_sorted_counts``, each element counting ``weights`` times."""
    unique, _, order, starts = _sorted_counts(values)
    counts = np.add.reduceat(weights[order], starts) if len(order) else np.zeros(0, np.int64)
    return unique, counts, order, starts


@numba.njit(cache=True)
def _merge(
    keys: np.ndarray, counts: np.ndarray, more_keys: np.ndarray, more_counts: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Two sorted tables of distinct keys as one, counts of equal keys added: one linear pass."""
    out_keys = np.empty(len(keys) + len(more_keys), dtype=keys.dtype)
    out_counts = np.empty(len(keys) + len(more_keys), dtype=np.int64)
    i = j = k = 0
    while i < len(keys) or j < len(more_keys):
        if j == len(more_keys) or (i < len(keys) and keys[i] < more_keys[j]):
            out_keys[k], out_counts[k] = keys[i], counts[i]
            i += 1
        elif i == len(keys) or more_keys[j] < keys[i]:
            out_keys[k], out_counts[k] = more_keys[j], more_counts[j]
            j += 1
        else:
            out_keys[k], out_counts[k] = keys[i], counts[i] + more_counts[j]
            i += 1
            j += 1
        k += 1
    return out_keys[:k].copy(), out_counts[:k].copy()


class _Table:
    """Counts of one n-gram length, merged over chunks, capped in size."""

    def __init__(self) -> None:
        self.hashes = np.zeros(0, dtype=np.uint64)
        self.counts = np.zeros(0, dtype=np.int64)

    def add(self, hashes: np.ndarray, counts: np.ndarray) -> None:
        self.hashes, self.counts = _merge(self.hashes, self.counts, hashes, counts)
        if len(self.hashes) > TABLE_CAP:
            keep = np.sort(np.argpartition(-self.counts, TABLE_CAP)[:TABLE_CAP])
            self.hashes, self.counts = self.hashes[keep], self.counts[keep]


def count(
    passages: Iterable, store: ChunkStore, min_freq: int, max_len: int, progress: Callable[[int], None] = lambda n: None
) -> tuple[dict[int, tuple[np.ndarray, np.ndarray]], int, int, int]:
    """Pass 1: per length, the sorted hashes and counts of the n-grams occurring ≥ ``min_freq`` times.

    Reads the passages once, keeping their chunks in ``store`` for the later
    passes.  The floor is raised to one occurrence per million characters on
    big corpora.  Returns (tables, Chinese characters, floor used, characters read).
    """
    tables = defaultdict(_Table)
    chars = done = 0
    for chunk in map(store.add, chunks(passages)):
        valid = chunk.remaining > 0
        chars += chunk.chars
        # Code points of Chinese characters are below 2¹⁶: 1-grams are counted by bincount.
        ones = np.bincount(chunk.codes[valid].astype(np.int64), chunk.weight[valid], minlength=1 << 16).astype(np.int64)
        values = np.flatnonzero(ones)
        tables[1].add(values.astype(np.uint64), ones[values])
        # Per position: does the (n-1)-gram starting here occur at least twice in this chunk?
        alive = valid & (ones[chunk.codes.astype(np.int64)] >= 2)
        hashes = chunk.codes.astype(np.uint64)
        starts = np.flatnonzero(alive)
        for n in range(2, max_len + 1):
            starts, values, counts = _count_level(chunk.codes, chunk.remaining, chunk.weight, alive, hashes, n, starts)
            if not len(starts):
                break
            order = np.argsort(values)
            tables[n].add(values[order], counts[order])
        done += chunk.size
        progress(done)
        del chunk  # freed before the next chunk is read
    floor = max(min_freq, math.ceil(chars / 1_000_000))
    out = {}
    for n, table in tables.items():
        keep = table.counts >= floor
        out[n] = (table.hashes[keep], table.counts[keep])
    return out, chars, floor, done


class _GramIndex:
    """The frequent n-grams of all lengths as rows of one table, found by (length, hash) in O(1)."""

    def __init__(self, frequent: dict[int, np.ndarray]) -> None:
        self.lengths_in_order = sorted(frequent)
        sizes = [len(frequent[n]) for n in self.lengths_in_order]
        self.offset = dict(zip(self.lengths_in_order, np.cumsum([0] + sizes).tolist(), strict=False))
        self.hashes = np.concatenate([frequent[n] for n in self.lengths_in_order] or [np.zeros(0, np.uint64)])
        self.lengths = np.repeat(np.asarray(self.lengths_in_order, dtype=np.int64), sizes)
        self.cells = _gram_index(self.hashes, self.lengths)


class _CountTable:
    """Weighted counts of non-negative int64 keys in a hash table (see ``_count``) kept across chunks."""

    def __init__(self) -> None:
        self.cells = np.zeros((1 << 16, 2), dtype=np.int64)

    def grow(self) -> None:
        self.cells = _rehash(self.cells, 2 * len(self.cells))

    def sorted(self) -> tuple[np.ndarray, np.ndarray]:
        """(distinct keys in order, their counts)."""
        used = np.flatnonzero(self.cells[:, 0])
        keys = self.cells[used, 0] - 1
        order = np.argsort(keys)
        return keys[order], self.cells[used[order], 1]


class _PairCounts:
    """(id, value) → count, merged chunk by chunk; keys are id·2²² + value + 1."""

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.int64)
        self.counts = np.zeros(0, dtype=np.int64)

    def add(self, ids: np.ndarray, values: np.ndarray, weights: np.ndarray) -> None:
        keys, counts, _, _ = _weighted_counts(ids.astype(np.int64) * (1 << 22) + values.astype(np.int64) + 1, weights)
        self.keys, self.counts = _merge(self.keys, self.counts, keys, counts)

    def split(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(ids, values, counts)."""
        return self.keys // (1 << 22), self.keys % (1 << 22) - 1, self.counts


@dataclass
class Frequent:
    """The frequent n-grams of one length: hashes (sorted), counts, characters and branching entropy."""

    hashes: np.ndarray
    counts: np.ndarray
    chars: np.ndarray  # uint32 code points, one row per n-gram
    left: np.ndarray  # entropy of the characters before (length ≥ 2)
    right: np.ndarray  # entropy of the characters after

    def strings(self, rows: np.ndarray) -> list[str]:
        """The n-grams of the selected rows, as text (made only for the rows asked for)."""
        data = np.ascontiguousarray(self.chars[rows]).tobytes().decode("utf-32-le")
        n = self.chars.shape[1]
        return [data[i : i + n] for i in range(0, len(data), n)]


def neighbours(
    store: ChunkStore,
    tables: dict[int, tuple[np.ndarray, np.ndarray]],
    max_len: int,
    progress: Callable[[int], None] = lambda n: None,
) -> dict[int, Frequent]:
    """Pass 2: characters of the frequent n-grams, and branching entropy of those of length ≥ 2."""
    index = _GramIndex({n: hashes for n, (hashes, _) in tables.items()})
    seen = np.zeros(len(index.hashes), dtype=bool)  # rows whose characters are known
    chars = {n: np.zeros((len(h), n), dtype=np.uint32) for n, (h, _) in tables.items()}
    sides = {side: _CountTable() for side in ("left", "right")}
    sizes = np.zeros(2, dtype=np.int64)  # keys in the left and right tables
    store.parent = np.full(len(index.hashes), -1, dtype=np.int32)
    store.keep_longest(None)
    done = 0
    for chunk in store:
        sighted = np.full(len(index.hashes), -1, dtype=np.int32)  # a start of each row in this chunk
        longest = np.full(len(chunk.codes), -1, dtype=np.int32)
        begin = 0
        while begin < len(chunk.codes):
            begin = _neighbour_counts(
                chunk.codes,
                chunk.remaining,
                chunk.weight,
                index.cells,
                max_len,
                sighted,
                begin,
                sides["left"].cells,
                sides["right"].cells,
                sizes,
                longest,
                store.parent,
            )
            if begin < len(chunk.codes):
                for table in sides.values():
                    table.grow()
        store.keep_longest(longest)
        fresh = ~seen & (sighted >= 0)
        for n in index.lengths_in_order:
            first = index.offset[n]
            new = np.flatnonzero(fresh[first : first + len(chars[n])])
            chars[n][new] = chunk.codes[sighted[first + new][:, None] + np.arange(n)]
        seen |= fresh
        done += chunk.size
        progress(done)
        del chunk  # freed before the next chunk is read
    entropy = {side: table.sorted() for side, table in sides.items()}
    out = {}
    for n, (hashes, counts) in tables.items():
        if n >= 2:
            left, right = (_entropy_of_rows(*entropy[side], index.offset[n], len(hashes)) for side in ("left", "right"))
        else:
            left = right = np.zeros(len(hashes))
        out[n] = Frequent(hashes, counts, chars[n], left, right)
    return out


def _entropy_of_rows(keys: np.ndarray, counts: np.ndarray, first: int, size: int) -> np.ndarray:
    """Neighbour entropy of rows ``first`` … ``first + size`` from the sorted (row·2²² + neighbour + 1, count) pairs."""
    lo, hi = np.searchsorted(keys, [first * (1 << 22), (first + size) * (1 << 22)])
    pairs = _PairCounts()
    pairs.keys, pairs.counts = keys[lo:hi] - first * (1 << 22), counts[lo:hi]
    return _entropy_by_id(pairs, size)


def _entropy_by_id(pairs: _PairCounts, size: int) -> np.ndarray:
    """Entropy of each id's neighbours; every boundary counts as a new neighbour."""
    ids, values, counts = pairs.split()
    if not len(ids):
        return np.zeros(size)
    totals = np.bincount(ids, weights=counts, minlength=size)
    total = totals[ids]
    p = counts / total
    # c occurrences at a boundary are c distinct neighbours of probability 1/total each.
    terms = np.where(values == _BOUNDARY, counts / total * np.log(total), -p * np.log(p))
    return np.bincount(ids, weights=terms, minlength=size)


@dataclass
class Occurrences:
    """Where the final candidates occur: frequency, documents, years, standalone uses, contexts."""

    freq: dict[str, int]
    docs: dict[str, int]  # number of documents
    years: dict[str, dict[int, int]]
    standalone: dict[str, int]
    contexts: dict[str, list[dict]]
    split_word: dict[str, int]  # occurrences whose first or last character ends or starts an ``edge_words`` pair
    surroundings: dict[str, int]  # distinct surroundings of the occurrences, counted up to ``enough_surroundings``
    enumerated: dict[str, int]  # most occurrences continued the same way past an enumeration comma (…教育、科…)


def pair_keys(pairs: Iterable[str]) -> np.ndarray:
    """Sorted keys of two-character strings, as ``occurrences`` compares them with the text."""
    return np.unique(np.fromiter((ord(a) << 21 | ord(b) for a, b in pairs), dtype=np.int64))


def occurrences(
    store: ChunkStore,
    tables: dict[int, tuple[np.ndarray, np.ndarray]],
    terms: list[str],
    n_contexts: int,
    edge_words: np.ndarray = np.zeros(0, np.int64),
    enough_surroundings: int = 3,
    progress: Callable[[int], None] = lambda n: None,
) -> Occurrences:
    """Pass 3: per term, counts by document and year, standalone occurrences and contexts.

    ``edge_words`` (from ``pair_keys``) are two-character words: an
    occurrence whose neighbour and edge character form one (工作方|案, 技|术界)
    counts in ``split_word``.  ``surroundings`` counts occurrences with
    different text around them (``SURROUNDING`` characters either side), so a
    clause copied from one resolution into the next is one use, not three.
    ``enumerated`` counts the occurrences that go on past an enumeration comma
    with the same character, on the side where most do: the first part of
    联合国教育、科学及文化组织 always does.

    Passages need ``text``, ``doc_id`` and ``year``, and the passages of one
    document must come together (as the store yields them): documents are
    counted chunk by chunk, so memory does not grow with their number.  An
    occurrence stands alone when no occurrence of a longer term covers it, as
    a reader taking the longest match would see it.  The store must have been
    through ``neighbours`` with the same tables: it notes the n-grams at each
    position.
    """
    index = _GramIndex({n: hashes for n, (hashes, _) in tables.items()})
    ids_by_row = np.full(len(index.hashes), -1, dtype=np.int64)
    term_ids = {}
    for i, term in enumerate(terms):
        n = len(term)
        h = np.uint64(gram_hash(term))
        if n in index.offset:  # terms not frequent never occur here
            row = _find(index.cells, h, n)
            if row >= 0:
                ids_by_row[row] = i
        term_ids[term] = i
    by_year = _PairCounts()
    freq = np.zeros(len(terms), dtype=np.int64)
    documents = _DocumentFrequency(len(terms))
    standalone = np.zeros(len(terms), dtype=np.int64)
    split_word = np.zeros(len(terms), dtype=np.int64)
    surroundings = _Surroundings(len(terms), enough_surroundings)
    past_commas = _PairCounts()
    contexts: list[list[dict]] = [[] for _ in terms]
    done = 0
    wanted = ids_by_row >= 0
    for chunk, longest in zip(store, store.longest(), strict=True):
        positions, rows = _term_rows(longest, store.parent, wanted)  # by start, longest first
        lengths, ids = index.lengths[rows], ids_by_row[rows]
        if not len(ids):
            documents.add(chunk, ids, ids)  # no term here, but the open document may change
        else:
            ends = positions + lengths
            reach = np.maximum.accumulate(ends)
            alone = np.concatenate(([True], reach[:-1] < ends[1:])) if len(ends) else ends.astype(bool)
            texts = chunk.text_of(positions)
            standalone += np.bincount(ids[alone], weights=chunk.copies[texts][alone], minlength=len(terms)).astype(
                np.int64
            )
            split = _splits_word(chunk, positions, ends, edge_words)
            raw = chunk.raw_codes()
            surroundings.add(ids, _surrounding_hashes(chunk, raw, positions, ends, texts))
            _count_past_commas(chunk, raw, ids, positions, ends, texts, past_commas)
            split_word += np.bincount(ids[split], weights=chunk.copies[texts][split], minlength=len(terms)).astype(
                np.int64
            )
            # Occurrences per (term, distinct text), then spread over the passages that have that text.
            pairs, counts, _, _ = _sorted_counts(ids * (1 << 32) + texts)
            pair_ids, pair_texts = pairs // (1 << 32), pairs % (1 << 32)
            owner_count = chunk.copies[pair_texts]
            rows = np.repeat(np.arange(len(pairs)), owner_count)
            owner_index = chunk.first_owner[pair_texts[rows]] + (
                np.arange(len(rows)) - np.repeat(np.cumsum(owner_count) - owner_count, owner_count)
            )
            docs, years = chunk.owner_doc, chunk.owner_year
            freq += np.bincount(pair_ids, weights=counts * owner_count, minlength=len(terms)).astype(np.int64)
            dated = years[owner_index] >= 0
            by_year.add(pair_ids[rows][dated], years[owner_index][dated], counts[rows][dated])
            documents.add(chunk, pair_ids[rows], docs[owner_index])
            # Examples show a term standing on its own, never as part of a longer one (最不[发达国家]).
            _collect_contexts(chunk, positions[alone], lengths[alone], ids[alone], texts[alone], contexts, n_contexts)
        done += chunk.size
        progress(done)
        del chunk  # freed before the next chunk is read
    years_out: dict[str, dict[int, int]] = {t: {} for t in terms}
    for i, y, c in zip(*(a.tolist() for a in by_year.split())):
        years_out[terms[i]][y] = c
    return Occurrences(
        dict(zip(terms, freq.tolist())),
        dict(zip(terms, documents.counts.tolist())),
        years_out,
        dict(zip(terms, standalone.tolist())),
        {t: contexts[i] for t, i in term_ids.items()},
        dict(zip(terms, split_word.tolist())),
        dict(zip(terms, surroundings.counts().tolist())),
        dict(zip(terms, _largest_by_id(past_commas, len(terms)).tolist())),
    )


def _count_past_commas(
    chunk: Chunk,
    raw: np.ndarray,
    ids: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    texts: np.ndarray,
    counts: _PairCounts,
) -> None:
    """Add (term, side and character beyond an enumeration comma) for the occurrences next to one."""
    comma = ord("、")
    weights = chunk.copies[texts]
    after = (ends + 1 < len(raw)) & (raw[np.minimum(ends, len(raw) - 1)] == comma)
    after &= chunk.codes[np.minimum(ends + 1, len(raw) - 1)] > 0
    counts.add(ids[after], chunk.codes[ends[after] + 1].astype(np.int64), weights[after])
    before = (starts >= 2) & (raw[np.maximum(starts - 1, 0)] == comma)
    before &= chunk.codes[np.maximum(starts - 2, 0)] > 0
    counts.add(ids[before], chunk.codes[starts[before] - 2].astype(np.int64) + 0x10000, weights[before])


def _largest_by_id(pairs: _PairCounts, size: int) -> np.ndarray:
    """Per id, the largest count among its values (0 for ids never seen)."""
    ids, _, counts = pairs.split()
    largest = np.zeros(size, dtype=np.int64)
    np.maximum.at(largest, ids, counts)
    return largest


SURROUNDING = 4


def _surrounding_hashes(
    chunk: Chunk, raw: np.ndarray, starts: np.ndarray, ends: np.ndarray, texts: np.ndarray
) -> np.ndarray:
    """Per occurrence, a hash of the ``SURROUNDING`` characters (punctuation included) either side, within its text."""
    text_start = chunk.text_starts[texts]
    text_end = np.append(chunk.text_starts[1:], len(raw))[texts] - 1  # the "\n" after the text
    h = np.zeros(len(starts), dtype=np.uint64)
    for k in range(1, SURROUNDING + 1):
        left, right = starts - k, ends + k - 1
        h = h * _P + np.where(left >= text_start, raw[np.maximum(left, 0)], 0).astype(np.uint64)
        h = h * _P + np.where(right < text_end, raw[np.minimum(right, len(raw) - 1)], 0).astype(np.uint64)
    return h


class _Surroundings:
    """Distinct surroundings per term, counted up to ``enough``; memory stays bounded by terms × ``enough``."""

    def __init__(self, size: int, enough: int) -> None:
        self.enough = enough
        self.done = np.zeros(size, dtype=bool)
        self.ids = np.zeros(0, dtype=np.int64)
        self.hashes = np.zeros(0, dtype=np.uint64)

    def add(self, ids: np.ndarray, hashes: np.ndarray) -> None:
        open_ = ~self.done[ids]
        ids = np.concatenate((self.ids, ids[open_]))
        hashes = np.concatenate((self.hashes, hashes[open_]))
        order = np.lexsort((hashes, ids))
        ids, hashes = ids[order], hashes[order]
        fresh = (
            np.concatenate(([True], (ids[1:] != ids[:-1]) | (hashes[1:] != hashes[:-1])))
            if len(ids)
            else ids.astype(bool)
        )
        ids, hashes = ids[fresh], hashes[fresh]
        self.done |= np.bincount(ids, minlength=len(self.done)) >= self.enough
        keep = ~self.done[ids]
        self.ids, self.hashes = ids[keep], hashes[keep]

    def counts(self) -> np.ndarray:
        return np.where(self.done, self.enough, np.bincount(self.ids, minlength=len(self.done)))


def _splits_word(chunk: Chunk, starts: np.ndarray, ends: np.ndarray, edge_words: np.ndarray) -> np.ndarray:
    """Per occurrence: does a two-character word straddle its start or its end?"""
    if not len(edge_words):
        return np.zeros(len(starts), dtype=bool)
    codes = chunk.codes
    before = np.where(starts > 0, codes[np.maximum(starts - 1, 0)], 0).astype(np.int64)
    keys = np.concatenate(
        (
            before << 21 | codes[starts].astype(np.int64),
            codes[ends - 1].astype(np.int64) << 21 | codes[ends].astype(np.int64),
        )
    )
    where = np.minimum(np.searchsorted(edge_words, keys), len(edge_words) - 1)
    hit = edge_words[where] == keys
    return hit[: len(starts)] | hit[len(starts) :]


class _DocumentFrequency:
    """Documents per term, counted chunk by chunk in bounded memory.

    Documents come in order, so only the last document of a chunk can go on in
    the next one; its terms are remembered so that it is counted once.
    """

    def __init__(self, size: int) -> None:
        self.counts = np.zeros(size, dtype=np.int64)
        self.open_doc: str | None = None
        self.open_terms = np.zeros(0, dtype=np.int64)

    def add(self, chunk: Chunk, term_ids: np.ndarray, doc_index: np.ndarray) -> None:
        """Occurrences of ``term_ids`` in the chunk's documents ``doc_index``."""
        pairs = _distinct(term_ids * (1 << 32) + doc_index)
        terms, docs = pairs // (1 << 32), pairs % (1 << 32)
        continued = chunk.doc_ids.index(self.open_doc) if self.open_doc in chunk.doc_ids else -1
        seen = (docs == continued) & np.isin(terms, self.open_terms)
        self.counts += np.bincount(terms[~seen], minlength=len(self.counts))
        last = len(chunk.doc_ids) - 1  # documents are numbered in order of appearance
        open_terms = terms[docs == last]
        if chunk.doc_ids[last] == self.open_doc:
            open_terms = np.union1d(open_terms, self.open_terms)
        self.open_doc, self.open_terms = chunk.doc_ids[last], open_terms


def _collect_contexts(chunk, positions, lengths, ids, texts, contexts, n_contexts) -> None:
    """The first occurrence in each distinct text, for terms that still lack examples from new documents.

    Each term's texts are taken in order of position, a few at a time: most
    terms are served by their first ones, so the rest are never looked at.
    """
    need = np.asarray([len(c) < n_contexts for c in contexts])
    wanted = need[ids]
    if not wanted.any():
        return
    _, first = _first_of_each(ids[wanted] * (1 << 32) + texts[wanted])
    rows = np.flatnonzero(wanted)[first]
    rows = rows[np.lexsort((positions[rows], ids[rows]))]  # by term, then position
    terms = ids[rows]
    group_starts = np.flatnonzero(np.concatenate(([True], terms[1:] != terms[:-1])))
    rank = np.arange(len(rows)) - np.repeat(group_starts, np.diff(np.append(group_starts, len(rows))))
    # Python lists, not numpy scalars, in the loop.
    first_owner, copies, owner_doc = chunk.first_owner.tolist(), chunk.copies.tolist(), chunk.owner_doc.tolist()
    text_starts = chunk.text_starts.tolist()
    low, high = 0, n_contexts
    while True:
        batch = rows[(rank >= low) & (rank < high) & need[terms]]
        if not len(batch):
            return
        for term, text, start, length in zip(
            *(a[batch].tolist() for a in (ids, texts, positions, lengths)), strict=True
        ):
            examples = contexts[term]
            if len(examples) >= n_contexts:
                continue
            first = first_owner[text]
            used = {e["doc_id"] for e in examples}
            owner = next(
                (o for o in range(first, first + copies[text]) if chunk.doc_ids[owner_doc[o]] not in used),
                None,
            )
            if owner is not None:
                examples.append(_context(chunk, owner, start, length, text_starts[text]))
        need = np.asarray([len(c) < n_contexts for c in contexts])
        low, high = high, 2 * high


def _context(chunk: Chunk, owner: int, start: int, length: int, text_start: int) -> dict:
    """Keyword in context (20 characters either side, within the paragraph), with where it is."""
    end = start + length
    text_end = chunk.string.index("\n", end)
    year, seq = int(chunk.owner_year[owner]), int(chunk.owner_seq[owner])
    return {
        "doc_id": chunk.doc_ids[chunk.owner_doc[owner]],
        "year": None if year < 0 else year,
        "paragraph": chunk.owner_number[owner],
        "seq": None if seq < 0 else seq,
        "left": chunk.string[max(text_start, start - 20) : start],
        "term": chunk.string[start:end],
        "right": chunk.string[end : min(text_end, end + 20)],
    }


def cohesion(stats: NgramStats, grams: Iterable[str]) -> dict[str, float]:
    """Per gram, the weakest split's pointwise mutual information: low when the gram is two words side by side.

    The frequencies of the grams and of all their parts are looked up at once (one search per length).
    """
    grams = list(grams)
    freq = stats.freqs({part for g in grams for k in range(1, len(g)) for part in (g[:k], g[k:])} | set(grams))
    n = stats.chars
    return {g: min(math.log(freq[g] * n / (freq[g[:k]] * freq[g[k:]])) for k in range(1, len(g))) for g in grams}
