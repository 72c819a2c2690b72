"""Benchmark `shuyu lint`: ≥ 50 MB of Chinese text against a termbase of 100,000 terms, and the corpus's own text.

    python bench/bench_lint.py                 # 50 MB, 100,000 terms; 20 MB of the corpus's text
    python bench/bench_lint.py --mb 10 --terms 20000 --own-mb 5

The text is paragraphs of the seeds, the SDG texts, the Bible and TICO-19
sampled (fixed seed) into 100 kB files; the termbase is the bundled corpus's
concepts plus 50,000 synthetic concepts, each a preferred and a deprecated
form, built two ways (see ``termbase``): realistic and dense.  A third case
lints the bundled corpus's own paragraphs, resampled to ``--own-mb``, against
the corpus's own termbase (``termbase/shuyu.db``, or ``--termbase``).
Timed, in MB of UTF-8 per second:
- end to end, as ``shuyu lint FILE…`` does it: each file read from disk
  (encoding detected), checked, and its findings formatted as text;
- matching and checks alone: the library's ``check_text`` over texts in memory;
- in the same run, the naive alternative — one regular expression alternating
  all terms, longest first — over the first few files (it is far slower).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_miner import DATASETS, ROOT, paragraphs  # noqa: E402
from eval_miner import seed_passages  # noqa: E402

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


def end_to_end(paths: list[Path], rules, config) -> tuple[float, int]:
    """Seconds to read, check and format every file as ``shuyu lint`` does; the number of findings."""
    from shuyu.lint.linter import lint_file
    from shuyu.lint.output import human

    started = time.perf_counter()
    findings = 0
    for path in paths:
        found = lint_file(str(path), rules, config)
        human(found)
        findings += len(found)
    return time.perf_counter() - started, findings


def run_case(label: str, concepts: list, texts: list[str], directory: Path, repeat: int = 3) -> None:
    from shuyu.lint.checks import check_text
    from shuyu.lint.config import LintConfig
    from shuyu.lint.rules import Rules

    config = LintConfig()
    total = sum(len(t.encode("utf-8")) for t in texts)
    paths = []
    for k, text in enumerate(texts):
        paths.append(directory / f"{label.split()[0]}{k}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    started = time.perf_counter()
    rules = Rules(concepts)
    rules.chinese.prepare()
    built = time.perf_counter() - started
    print(f"{label}: {len(rules.form):,} Chinese forms in {len(concepts):,} concepts, automaton built in {built:.1f} s")
    print(f"  text: {total / 1e6:.1f} MB in {len(texts)} files ({sum(len(t) for t in texts) / 1e6:.1f} M characters)")
    runs = [end_to_end(paths, rules, config) for _ in range(repeat)]
    seconds, findings = statistics.median(s for s, _ in runs), runs[0][1]
    print(
        f"  end to end (read, check, format): {seconds:.1f} s = {total / 1e6 / seconds:.2f} MB/s "
        f"(median of {repeat}), {findings:,} findings"
    )
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for k, text in enumerate(texts):
            check_text(text, f"file{k}.txt", rules, config)
        times.append(time.perf_counter() - started)
    seconds = statistics.median(times)
    print(f"  check_text alone: {seconds:.1f} s = {total / 1e6 / seconds:.2f} MB/s (median of {repeat})")
    pattern = re.compile("|".join(re.escape(f) for f in sorted(rules.form, key=len, reverse=True)))
    sample = texts[:3]
    sample_bytes = sum(len(t.encode("utf-8")) for t in sample)
    started = time.perf_counter()
    matched = sum(1 for text in sample for _ in pattern.finditer(text))
    regex_seconds = time.perf_counter() - started
    regex_rate = sample_bytes / 1e6 / regex_seconds
    print(
        f"  naive regex alternation (matching only, {sample_bytes / 1e6:.1f} MB sample): {regex_seconds:.1f} s "
        f"= {regex_rate:.3f} MB/s, {matched:,} matches → check_text is {total / seconds / 1e6 / regex_rate:.0f}× "
        f"faster",
        flush=True,
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory of the process so far: {rss:.0f} MB", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--own-mb", type=float, default=20, help="MB of the corpus's own text (0: skip)")
    parser.add_argument("--termbase", type=Path, default=ROOT / "termbase" / "shuyu.db")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing (the median is printed)")
    parser.add_argument("--no-dense", action="store_true", help="skip the dense case (the slowest)")
    args = parser.parse_args()
    if not DATASETS.is_dir():
        print(f"needs the datasets at {DATASETS}", file=sys.stderr)
        return 2
    from shuyu.lint.rules import load
    from shuyu.termbase.lookup import connect

    real = load(connect(args.termbase)) if args.termbase.exists() else []
    if not real:
        print(f"no termbase at {args.termbase}: synthetic concepts only", file=sys.stderr)
    base = paragraphs()
    with tempfile.TemporaryDirectory() as directory:
        texts = files(base, args.mb)
        for dense in (False,) if args.no_dense else (False, True):
            label = (
                "dense (forms are pieces of the text)" if dense else "realistic (the corpus's termbase + rare forms)"
            )
            run_case(label, real + termbase(base, args.terms // 2, dense), texts, Path(directory), args.repeat)
        if args.own_mb and real:
            own = [p.text for p in seed_passages()]
            run_case(
                "own (the corpus's text against its termbase)",
                real,
                files(own, args.own_mb),
                Path(directory),
                args.repeat,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
