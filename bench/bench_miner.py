"""Benchmark the term miner on ≥ 50 M characters (needs ../shared/datasets).

    python bench/bench_miner.py                 # 10 M and 50 M characters
    python bench/bench_miner.py --sizes 2 10    # other sizes, in millions of characters

The corpus is built by sampling and shuffling paragraphs of the seed documents,
the Chinese SDG goals and targets, the Chinese Bible (Genesis, Exodus) and the
Chinese side of the TICO-19 translation memory, with a fixed random seed, and
written to a temporary file (untimed); the miner streams it from there, so it
is never held in memory.  Sampling makes identical paragraphs recur, as
boilerplate does in UN resolutions; ``--distinct`` makes every one unique.  Each size runs in its own process, so peak memory (max RSS) is its own.

Printed per size: miner throughput (characters/s, end to end: counting,
boundaries, tagging, occurrences, scoring), peak memory, and in the same run
plain ``jieba.lcut`` over the same text as a baseline.
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


def from_file(path: Path):
    """A function returning a fresh stream of the passages stored in ``path`` (doc, year, text per line)."""
    from shuyu.mining import Passage

    def stream():
        with path.open(encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                doc, year, text = line.rstrip("\n").split("\t", 2)
                yield Passage(doc, int(year), None, text, n)

    return stream


def run_one(millions: float, distinct: bool) -> dict:
    import tempfile

    from shuyu.mining import mine_texts
    from shuyu.text.zh import load_jieba

    base = paragraphs()
    # The corpus is written once, untimed; the miner then reads it from disk like any corpus.
    path = Path(tempfile.mkstemp(suffix=".tsv")[1])
    chars = 0
    with path.open("w", encoding="utf-8") as handle:
        for p in corpus(base, int(millions * 1_000_000), distinct)():
            handle.write(f"{p.doc_id}\t{p.year}\t{p.text}\n")
            chars += len(p.text)
    stream = from_file(path)
    jieba, _ = load_jieba()  # loading jieba's dictionary is not the miner's work
    started = time.perf_counter()
    candidates = mine_texts(stream)
    mined = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    for p in stream():
        jieba.lcut(p.text)
    baseline = time.perf_counter() - started
    path.unlink()
    return {
        "chars": chars,
        "seconds": round(mined, 1),
        "chars_per_s": round(chars / mined),
        "peak_mb": round(peak_mb),
        "jieba_seconds": round(baseline, 1),
        "jieba_chars_per_s": round(chars / baseline),
        "speed_vs_jieba": round(baseline / mined, 2),
        "candidates": len(candidates),
        "top": [c.term for c in candidates[:10]],
    }


def main() -> int:
    return size_benchmark(
        __doc__,
        __file__,
        run_one,
        "make every passage unique (no identical paragraphs to count once)",
        lambda r: (
            f"miner {r['seconds']:6.1f} s = {r['chars_per_s'] / 1e6:.2f} M chars/s, peak {r['peak_mb']} MB; "
            f"jieba.lcut {r['jieba_seconds']:.1f} s = {r['jieba_chars_per_s'] / 1e6:.2f} M chars/s → miner is "
            f"{r['speed_vs_jieba']}× jieba; {r['candidates']} candidates, top: {' '.join(r['top'][:5])}"
        ),
    )


def size_benchmark(doc: str, script: str, run_one, distinct_help: str, describe) -> int:
    """The command line shared by the size benchmarks.

    ``--one SIZE`` runs ``run_one(SIZE, distinct)`` and prints its result as
    JSON; otherwise ``script --one SIZE`` runs once per ``--sizes``, each in its
    own process (so its peak memory is its own), printing ``describe(result)``
    per size, then how time and memory grew from the smallest to the largest.
    """
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes", nargs="+", type=float, default=[10, 50], help="corpus sizes in millions of characters"
    )
    parser.add_argument("--distinct", action="store_true", help=distinct_help)
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.distinct), ensure_ascii=False))
        return 0
    print("corpus: sampled paragraphs" + (", each made unique" if args.distinct else " (identical paragraphs recur)"))
    if not DATASETS.is_dir():
        print(f"needs the datasets at {DATASETS}", file=sys.stderr)
        return 2
    results = {}
    for size in args.sizes:
        command = [sys.executable, script, "--one", str(size)] + (["--distinct"] if args.distinct else [])
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
