"""Benchmark `shuyu lint` matching: ≥ 50 MB of Chinese text against a termbase of 100,000 terms.

    python bench/bench_lint.py                 # 50 MB, 100,000 terms
    python bench/bench_lint.py --mb 10 --terms 20000

The text is paragraphs of the seeds, the SDG texts, the Bible and TICO-19
sampled (fixed seed) into 100 kB files; the termbase is the bundled corpus's
concepts plus 50,000 synthetic concepts, each a preferred and a deprecated
form, built two ways (see ``termbase``): realistic and dense.
Timed: the library's `check_text` over every file (matching, both term checks,
findings with line and column), in MB of UTF-8 per second.  In the same run,
the naive alternative — one regular expression alternating all terms, longest
first — over the first few files (it is far slower), with its MB/s.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_miner import DATASETS, paragraphs  # noqa: E402

FILE_BYTES = 100_000


def termbase(base: list[str], concepts: int, dense: bool):
    """``concepts`` synthetic concepts of two forms each (preferred, deprecated).

    Dense: the forms are 2–9 character pieces of the very texts linted, so they
    occur everywhere (tens of thousands of matches per MB: the worst case).
    Realistic: the forms are 4–9 characters drawn from the texts' character
    frequencies, so they look Chinese but rarely occur, as most of a large
    termbase's entries do in any one document.
    """
    from shuyu.lint.rules import ConceptRule, Form

    rng = random.Random(7)
    runs = [r for p in base for r in re.findall(r"[\u4e00-\u9fff]{4,}", p)]
    characters = [ch for r in runs for ch in r]
    seen, rules = set(), []
    while len(rules) < concepts:
        if dense:
            run = rng.choice(runs)
            length = rng.randint(2, min(8, len(run) - 1))
            start = rng.randint(0, len(run) - length - 1)
            preferred, deprecated = run[start : start + length], run[start : start + length + 1]
        else:
            preferred = "".join(rng.choice(characters) for _ in range(rng.randint(4, 8)))
            deprecated = preferred + rng.choice(characters)
        if preferred in seen or deprecated in seen:
            continue
        seen |= {preferred, deprecated}
        n = len(rules) + 1_000_000
        rules.append(
            ConceptRule(
                n,
                [Form(preferred, n, "preferred", {"2021": 1}), Form(deprecated, n, "deprecated", {"2012": 1})],
                [],
                None,
                "imported",
            )
        )
    return rules


def files(base: list[str], megabytes: float) -> list[str]:
    rng = random.Random(20261122)
    result, size, current, current_size = [], 0, [], 0
    while size < megabytes * 1_000_000:
        paragraph = rng.choice(base) + "\n"
        current.append(paragraph)
        current_size += len(paragraph.encode("utf-8"))
        size += len(paragraph.encode("utf-8"))
        if current_size >= FILE_BYTES:
            result.append("".join(current))
            current, current_size = [], 0
    if current:
        result.append("".join(current))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--terms", type=int, default=100_000)
    args = parser.parse_args()
    if not DATASETS.is_dir():
        print(f"needs the datasets at {DATASETS}", file=sys.stderr)
        return 2
    from shuyu.lint.checks import check_text
    from shuyu.lint.config import LintConfig
    from shuyu.lint.rules import Rules, load
    from shuyu.termbase.lookup import connect

    base = paragraphs()
    texts = files(base, args.mb)
    total = sum(len(t.encode("utf-8")) for t in texts)
    print(f"text: {total / 1e6:.1f} MB in {len(texts)} files ({sum(len(t) for t in texts) / 1e6:.1f} M characters)")
    bundled = Path(__file__).resolve().parent.parent / "termbase" / "shuyu.db"
    real = load(connect(bundled)) if bundled.exists() else []
    config = LintConfig()
    for dense in (False, True):
        concepts = real + termbase(base, args.terms // 2, dense)
        started = time.perf_counter()
        rules = Rules(concepts)
        built = time.perf_counter() - started
        started = time.perf_counter()
        findings = sum(len(check_text(text, f"file{k}.txt", rules, config)) for k, text in enumerate(texts))
        seconds = time.perf_counter() - started
        label = "dense (forms are pieces of the text)" if dense else "realistic (the corpus's termbase + rare forms)"
        print(
            f"{label}: {len(rules.form):,} Chinese forms in {len(concepts):,} concepts, automaton built in "
            f"{built:.1f} s"
        )
        print(f"  shuyu lint (check_text): {seconds:.1f} s = {total / 1e6 / seconds:.2f} MB/s, {findings:,} findings")
        pattern = re.compile("|".join(re.escape(f) for f in sorted(rules.form, key=len, reverse=True)))
        sample = texts[:3]
        sample_bytes = sum(len(t.encode("utf-8")) for t in sample)
        started = time.perf_counter()
        matched = sum(1 for text in sample for _ in pattern.finditer(text))
        regex_seconds = time.perf_counter() - started
        regex_rate = sample_bytes / 1e6 / regex_seconds
        print(
            f"  naive regex alternation (matching only, {sample_bytes / 1e6:.1f} MB sample): {regex_seconds:.1f} s "
            f"= {regex_rate:.3f} MB/s, {matched:,} matches → shuyu is {total / seconds / 1e6 / regex_rate:.0f}× "
            f"faster",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
