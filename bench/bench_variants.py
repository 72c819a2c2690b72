"""Benchmark variant detection on ≥ 50 M characters (needs ../shared/datasets).

    python bench/bench_variants.py                 # 10 M and 50 M characters
    python bench/bench_variants.py --sizes 2 10    # other sizes, in millions of characters

The corpus is the term-miner benchmark's (``bench_miner.py``): paragraphs of the
seeds, the SDG texts, the Bible and TICO-19 sampled and shuffled, spread over
documents of twelve years, cut into sentences once and written to a temporary
file, one sentence a line, and streamed from it as detection streams the
store's sentences (each pass reads and normalises every sentence again).
The terms are the seed corpus's mined terms.  Each size runs in its own process,
so its peak memory (max RSS) is its own.

Printed per size: detection time (reading, similar sentences, every signal,
grouping and counting), throughput, peak memory, the number of groups and a digest of
them (so a change meant to keep the output can be checked at any size); in
the same run, one plain pass that normalises every sentence (OpenCC t2s) as a
baseline, since detection has to read the text at least that way.
"""

from __future__ import annotations

import hashlib
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_miner import corpus, paragraphs, size_benchmark  # noqa: E402
from eval_miner import seed_passages  # noqa: E402


def sentences_from(path: Path):
    """A function returning a fresh stream of the sentences stored in ``path`` (one a line), normalised
    as ``shuyu.variants.detect.iter_sentences`` normalises the store's sentences."""
    from shuyu.text.zh import normalise
    from shuyu.variants.signals import Sentence

    def stream():
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                doc, year, text = line.rstrip("\n").split("\t", 2)
                yield Sentence(doc, int(year), None, text, normalise(text))

    return stream


def run_one(millions: float, distinct: bool = False) -> dict:
    from shuyu.corpus.structure import split_sentences
    from shuyu.mining import mine_texts
    from shuyu.text.zh import normalise
    from shuyu.variants.detect import build_groups, find_links, group_row

    terms = [c.term for c in mine_texts(seed_passages())][:600]
    path = Path(tempfile.mkstemp(suffix=".tsv")[1])
    chars = 0
    with path.open("w", encoding="utf-8") as handle:  # split once, as `shuyu corpus add` stores sentences
        for p in corpus(paragraphs(), int(millions * 1_000_000), distinct)():
            handle.writelines(f"{p.doc_id}\t{p.year}\t{p.text[a:b]}\n" for a, b in split_sentences(p.text))
            chars += len(p.text)
    stream = sentences_from(path)
    started = time.perf_counter()
    groups = build_groups(stream, *find_links(stream, terms))
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            normalise(line)
    baseline = time.perf_counter() - started
    path.unlink()
    return {
        "chars": chars,
        "seconds": round(seconds, 1),
        "chars_per_s": round(chars / seconds),
        "peak_mb": round(peak_mb),
        "baseline_seconds": round(baseline, 1),
        "groups": len(groups),
        "digest": hashlib.sha256(
            json.dumps([group_row(g) for g in groups], ensure_ascii=False, sort_keys=True, default=str).encode()
        ).hexdigest()[:12],
        "top": [" / ".join(f.form for f in g.forms) for g in groups[:5]],
    }


def main() -> int:
    return size_benchmark(
        __doc__,
        __file__,
        run_one,
        "make every paragraph unique (its first sentence then never recurs)",
        lambda r: (
            f"variants {r['seconds']:6.1f} s = {r['chars_per_s'] / 1e6:.2f} M chars/s, peak {r['peak_mb']} MB; "
            f"normalising alone {r['baseline_seconds']:.1f} s (×{r['seconds'] / max(r['baseline_seconds'], 0.1):.1f}); "
            f"{r['groups']} groups (digest {r['digest']}), top: {'; '.join(r['top'][:3])}"
        ),
    )


if __name__ == "__main__":
    sys.exit(main())
