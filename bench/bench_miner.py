"""Benchmark the term miner on real, distinct Chinese and on a resampled UN corpus (needs ../shared/datasets).

    python bench/bench_miner.py                          # real text, 10 M and 50 M characters
    python bench/bench_miner.py --corpus resampled       # UN seeds resampled, 10 M and 50 M
    python bench/bench_miner.py --sizes 6.4 10 --corpus real

Corpora (written to a temporary file, untimed; the miner streams it from there):
- ``real``: ``zh-bench-real`` (People's Daily 1998, the Chinese Bible, Debian's documentation; 6.46 M
  characters, no paragraph repeats), taken in order.  Beyond its size, the rest is built by shuffling
  its *sentences* across new paragraphs (fixed seed; each paragraph keeps the sentence count of an
  original one): paragraphs stay distinct, but every sentence recurs once per 6.46 M characters.
- ``resampled``: paragraphs of the seed documents, the Chinese SDG goals and targets, the Chinese Bible
  (Genesis, Exodus) and TICO-19 sampled with a fixed seed, so identical paragraphs recur as boilerplate
  does in UN resolutions (``--distinct`` prefixes each with a random clause).
Each size runs in its own process, so its peak memory (max RSS, taken when mining ends) is its own.
The miner's compiled kernels (numba, cached on disk) are loaded or compiled by its first call, inside
the timed run; how long compiling takes with an empty cache (once per installation) is measured
first, in a process of its own, and printed.

Printed per size: the miner's throughput end to end (characters/s), peak memory and the time of each
stage (counting, boundaries, tagging, occurrences, scoring); and in the same process, over the same
text, the baselines ``rjieba.cut``, an exact numpy count of all 2–6-grams (sorting 64-bit hashes) and
``jieba.lcut``.  Baselines other than rjieba run on the first ``BASELINE_CHARS`` characters only, to
keep the run bounded; their rates are characters per second.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared/datasets beside the repository, or wherever SHUYU_DATASETS points (a git worktree elsewhere).
DATASETS = Path(os.environ.get("SHUYU_DATASETS", ROOT.parent / "shared" / "datasets"))
PASSAGES_PER_DOC = 200


def paragraphs() -> list[str]:
    from shuyu.corpus import parse_document, read_file
    from shuyu.corpus.manifest import Manifest

    out = []
    manifest = Manifest.load(ROOT / "corpus")
    for entry in manifest.entries:
        out += [p.text for p in parse_document(read_file(entry.path(manifest.directory))).paragraphs]
    for name in ("global_goals.yml", "global_targets.yml"):
        for line in (DATASETS / "sdg-zh-en" / "zh-Hans" / name).read_text(encoding="utf-8").splitlines():
            out.append(line.partition(":")[2].strip().strip("'\""))
    out += (DATASETS / "bible-zh-en" / "bible.zh").read_text(encoding="utf-8").splitlines()
    tmx = (DATASETS / "tico19-zh-en" / "all.en-zh.tmx").read_text(encoding="utf-8")
    out += re.findall(r'<tuv xml:lang="zh[^"]*">\s*<seg>(.*?)</seg>', tmx, re.S)
    return [p for p in out if p.strip()]


def corpus(base: list[str], chars: int, distinct: bool = False):
    """A function returning a fresh, identical stream of passages totalling ``chars`` characters.

    With ``distinct``, each passage starts with a random two-character clause,
    so that no two passages are identical and de-duplication never helps.
    """
    from shuyu.mining import Passage

    def stream():
        rng = random.Random(20261122)
        total, n = 0, 0
        while total < chars:
            text = rng.choice(base)
            if distinct:
                text = chr(0x4E00 + rng.randrange(20000)) + chr(0x4E00 + rng.randrange(20000)) + "，" + text
            yield Passage(f"doc{n // PASSAGES_PER_DOC}", 2010 + (n // PASSAGES_PER_DOC) % 12, None, text, n)
            total += len(text)
            n += 1

    return stream


BASELINE_CHARS = 5_000_000
REAL = "zh-bench-real/paragraphs.tsv.gz"


def real_corpus(chars: int):
    """A function returning a fresh stream of ``chars`` characters of real, distinct Chinese (see the doc)."""
    import gzip

    from shuyu.corpus.structure import split_sentences
    from shuyu.mining import Passage

    with gzip.open(DATASETS / REAL, "rt", encoding="utf-8") as handle:
        next(handle)
        rows = [line.rstrip("\n").split("\t", 1) for line in handle]

    def stream():
        total, n = 0, 0
        for source, text in rows:
            if total >= chars:
                return
            yield Passage(f"{source}-{n // PASSAGES_PER_DOC}", 1990 + (n // PASSAGES_PER_DOC) % 20, None, text, n)
            total, n = total + len(text), n + 1
        rng = random.Random(20261201)
        shapes = [len(split_sentences(text)) or 1 for _, text in rows]
        sentences = [text[a:b] for _, text in rows for a, b in split_sentences(text)]
        while total < chars:
            rng.shuffle(sentences)
            pool = iter(sentences)
            for shape in shapes:
                text = "".join(next(pool, "") for _ in range(shape))
                if not text or total >= chars:
                    break
                yield Passage(f"mix-{n // PASSAGES_PER_DOC}", 1990 + (n // PASSAGES_PER_DOC) % 20, None, text, n)
                total, n = total + len(text), n + 1

    return stream


def from_file(path: Path):
    """A function returning a fresh stream of the passages stored in ``path`` (doc, year, text per line)."""
    from shuyu.mining import Passage

    def stream():
        with path.open(encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                doc, year, text = line.rstrip("\n").split("\t", 2)
                yield Passage(doc, int(year), None, text, n)

    return stream


def ngram_count(texts: list[str], lengths=range(2, 7)) -> int:
    """Exact counts of every 2–6-gram of Chinese characters, by sorting 64-bit hashes: distinct grams seen ≥ 2×."""
    import numpy as np

    codes = np.frombuffer("\n".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    chinese = (codes >= 0x3400) & (codes <= 0x9FFF)
    hashes = codes.copy()
    frequent = 0
    for n in lengths:
        hashes = hashes[:-1] * np.uint64(0x100000001B3) + codes[n - 1 :]
        valid = np.lib.stride_tricks.sliding_window_view(chinese, n).all(axis=1)
        ordered = np.sort(hashes[valid])
        starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        frequent += int((np.diff(np.append(starts, len(ordered))) >= 2).sum())
    return frequent


def run_one(millions: float, kind: str) -> dict:
    import tempfile

    import rjieba

    from shuyu.mining import mine_texts
    from shuyu.text.zh import load_jieba

    source = real_corpus(int(millions * 1_000_000)) if kind == "real" else None
    if source is None:
        source = corpus(paragraphs(), int(millions * 1_000_000), kind == "distinct")
    # The corpus is written once, untimed; the miner then reads it from disk like any corpus.
    path = Path(tempfile.mkstemp(suffix=".tsv")[1])
    chars = 0
    with path.open("w", encoding="utf-8") as handle:
        for p in source():
            handle.write(f"{p.doc_id}\t{p.year}\t{p.text}\n")
            chars += len(p.text)
    del source
    stream = from_file(path)
    jieba, _ = load_jieba()  # loading jieba's dictionary is not the miner's work
    rjieba.cut("预热")  # nor is rjieba's
    stages: dict[str, float] = {}
    started = time.perf_counter()

    def progress(stage: str, _done: int) -> None:
        stages.setdefault(stage, time.perf_counter() - started)

    candidates = mine_texts(stream, progress=progress)
    mined = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    marks = sorted(stages.items(), key=lambda kv: kv[1]) + [("end", mined)]
    split = {stage: round(marks[k + 1][1] - at, 1) for k, (stage, at) in enumerate(marks[:-1])}
    texts = [p.text for p in stream()]
    started = time.perf_counter()
    for text in texts:
        rjieba.cut(text, False)
    rjieba_seconds = time.perf_counter() - started
    sample, size = [], 0
    for text in texts:
        if size >= BASELINE_CHARS:
            break
        sample.append(text)
        size += len(text)
    del texts
    started = time.perf_counter()
    ngram_count(sample)
    ngram_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for text in sample:
        jieba.lcut(text)
    jieba_seconds = time.perf_counter() - started
    path.unlink()
    return {
        "chars": chars,
        "seconds": round(mined, 1),
        "chars_per_s": round(chars / mined),
        "peak_mb": round(peak_mb),
        "stages": split,
        "rjieba_chars_per_s": round(chars / rjieba_seconds),
        "ngram_chars_per_s": round(size / ngram_seconds),
        "jieba_chars_per_s": round(size / jieba_seconds),
        "baseline_chars": size,
        "candidates": len(candidates),
        "top": [c.term for c in candidates[:10]],
    }


def describe(r: dict) -> str:
    stages = ", ".join(f"{stage} {seconds:.1f}" for stage, seconds in r["stages"].items())
    rate = r["chars_per_s"]
    return (
        f"miner {r['seconds']:6.1f} s = {rate / 1e6:.2f} M chars/s, peak {r['peak_mb']} MB [{stages} s]\n"
        f"    baselines, same process: rjieba.cut {r['rjieba_chars_per_s'] / 1e6:.2f} M chars/s "
        f"({r['rjieba_chars_per_s'] / rate:.1f}× the miner); numpy 2–6-gram count "
        f"{r['ngram_chars_per_s'] / 1e6:.2f} M chars/s ({r['ngram_chars_per_s'] / rate:.1f}×); jieba.lcut "
        f"{r['jieba_chars_per_s'] / 1e6:.2f} M chars/s ({r['jieba_chars_per_s'] / rate:.2f}×) "
        f"[on the first {r['baseline_chars'] / 1e6:.1f} M chars]\n"
        f"    {r['candidates']} candidates, top: {' '.join(r['top'][:8])}"
    )


def jit_seconds() -> dict:
    """Seconds of the miner's first call on a tiny corpus with an empty numba cache, then with a filled one."""
    import tempfile

    script = (
        "import time; t = time.perf_counter(); from shuyu.mining import Passage, mine_texts; "
        "mine_texts([Passage('a', 2020, None, '信息和通信技术促进发展，信息社会。', 0)] * 4); "
        "print(time.perf_counter() - t)"
    )
    out = {}
    with tempfile.TemporaryDirectory() as cache:
        for state in ("empty", "filled"):
            env = dict(os.environ, NUMBA_CACHE_DIR=cache)
            run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
            out[state] = float(run.stdout.strip().splitlines()[-1])
    return out


def main() -> int:
    if "--one" not in sys.argv and "-h" not in sys.argv and "--help" not in sys.argv:
        jit = jit_seconds()
        print(
            f"numba kernels: importing the miner and mining a tiny corpus takes {jit['empty']:.1f} s with an empty "
            f"cache, {jit['filled']:.1f} s with it filled: compiling costs {jit['empty'] - jit['filled']:.1f} s once "
            "per installation (the runs below load the kernels from the cache inside their timed first call)",
            flush=True,
        )
    return size_benchmark(
        __doc__, __file__, run_one, "shorthand for --corpus distinct", describe, ("real", "resampled", "distinct")
    )


def size_benchmark(doc: str, script: str, run_one, distinct_help: str, describe, corpora=()) -> int:
    """The command line shared by the size benchmarks.

    ``--one SIZE`` runs ``run_one(SIZE, corpus)`` (with ``corpora``: the corpus
    chosen among them; without: whether ``--distinct``) and prints its result
    as JSON; otherwise ``script --one SIZE`` runs once per ``--sizes``, each in
    its own process (so its peak memory is its own), printing
    ``describe(result)`` per size, then how time and memory grew from the
    smallest to the largest.
    """
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes", nargs="+", type=float, default=[10, 50], help="corpus sizes in millions of characters"
    )
    if corpora:
        parser.add_argument("--corpus", choices=corpora, default=corpora[0], help="which text (see above)")
    parser.add_argument("--distinct", action="store_true", help=distinct_help)
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    kind = "distinct" if args.distinct else getattr(args, "corpus", "resampled")
    if args.one:
        print(json.dumps(run_one(args.one, kind if corpora else args.distinct), ensure_ascii=False))
        return 0
    print(f"corpus: {kind}")
    if not DATASETS.is_dir():
        print(f"needs the datasets at {DATASETS}", file=sys.stderr)
        return 2
    results = {}
    for size in args.sizes:
        command = [sys.executable, script, "--one", str(size)]
        command += ["--corpus", kind] if corpora else ["--distinct"] if args.distinct else []
        out = subprocess.run(command, capture_output=True, text=True, check=True)
        results[size] = r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['chars'] / 1e6:6.1f} M chars: {describe(r)}", flush=True)
    if len(results) >= 2:
        small, large = min(results), max(results)
        a, b = results[small], results[large]
        print(
            f"scaling {small:g} M → {large:g} M: size ×{b['chars'] / a['chars']:.2f}, time ×{b['seconds'] / a['seconds']:.2f}, "
            f"peak memory ×{b['peak_mb'] / a['peak_mb']:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
