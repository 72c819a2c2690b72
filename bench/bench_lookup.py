"""Benchmark `shuyu lookup` end to end on a termbase of 100,000 concepts (needs ../shared/datasets).

    python bench/bench_lookup.py                  # 100,000 concepts
    python bench/bench_lookup.py --concepts 20000

The termbase is the bundled corpus's plus imported concepts whose Chinese terms
are 2–10 character pieces of real Chinese text (SDG, Bible, TICO-19) and whose
English terms are pieces of the English texts, so lengths and characters are
realistic.  Each query runs as a fresh `shuyu lookup` process, as a user runs
it, five times; the median is printed next to, in the same run, the start-up
of a bare Python process (the floor any command pays) and the same substring
scan done in SQL with LIKE (the guide's measured alternative for 1–2 character
queries).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"
SHUYU = Path(sys.executable).parent / "shuyu"


def texts() -> tuple[list[str], list[str]]:
    zh = (DATASETS / "bible-zh-en" / "bible.zh").read_text(encoding="utf-8").splitlines()
    en = (DATASETS / "bible-zh-en" / "bible.en").read_text(encoding="utf-8").splitlines()
    tmx = (DATASETS / "tico19-zh-en" / "all.en-zh.tmx").read_text(encoding="utf-8")
    zh += re.findall(r'<tuv xml:lang="zh[^"]*">\s*<seg>(.*?)</seg>', tmx, re.S)
    en += re.findall(r'<tuv xml:lang="en[^"]*">\s*<seg>(.*?)</seg>', tmx, re.S)
    return zh, en


def synthetic_csv(path: Path, concepts: int) -> None:
    rng = random.Random(20261122)
    zh_lines, en_lines = texts()
    runs = [r for line in zh_lines for r in re.findall(r"[\u4e00-\u9fff]{2,}", line)]
    words = [w for line in en_lines for w in re.findall(r"[A-Za-z]{3,}", line)]
    seen = set()
    with path.open("w", encoding="utf-8") as out:
        out.write("English,Chinese,Status\n")
        while len(seen) < 2 * concepts:
            run = rng.choice(runs)
            length = rng.randint(2, min(10, len(run)))
            start = rng.randint(0, len(run) - length)
            zh = run[start : start + length]
            en = " ".join(rng.choice(words).lower() for _ in range(rng.randint(2, 4)))
            if zh in seen or en in seen:
                continue  # a shared term would merge two concepts into one
            seen |= {zh, en}
            out.write(f"{en},{zh},{rng.choice(['preferred', 'admitted', 'candidate'])}\n")


def timed(command: list[str], runs: int = 5) -> tuple[float, subprocess.CompletedProcess]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concepts", type=int, default=100_000)
    args = parser.parse_args()
    if not DATASETS.is_dir():
        print(f"needs the datasets at {DATASETS}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "corpus", work / "corpus")
        subprocess.run([str(SHUYU), "build"], cwd=work, check=True, capture_output=True)
        synthetic_csv(work / "synthetic.csv", args.concepts)
        started = time.perf_counter()
        subprocess.run([str(SHUYU), "import", "synthetic.csv"], cwd=work, check=True, capture_output=True)
        imported = time.perf_counter() - started
        db = work / "termbase" / "shuyu.db"
        rows = sqlite3.connect(db).execute("select count(*), count(distinct concept_id) from concept_terms").fetchone()
        print(
            f"termbase: {rows[1]:,} concepts, {rows[0]:,} terms (import of {args.concepts:,} concepts took "
            f"{imported:.1f} s)"
        )
        floor, _ = timed([sys.executable, "-c", "pass"])
        print(f"baseline: bare Python start-up {floor * 1000:.0f} ms")
        connection = sqlite3.connect(db)
        for query in (
            "峰",
            "峰会",
            "数字鸿沟",
            "數字鴻溝",
            "信息社会世界",
            "世界峰会成果文件",
            "digital divide",
            "数码鸿",
            "量子纠缠观测",
        ):
            seconds, result = timed([str(SHUYU), "--db", str(db), "lookup", query, "--json"])
            started = time.perf_counter()
            connection.execute("select count(*) from concept_terms where form like ?", [f"%{query}%"]).fetchone()
            like = time.perf_counter() - started
            found = result.stdout.count('"match"') if result.returncode == 0 else 0
            print(
                f"  lookup {query!r:24} {seconds * 1000:5.0f} ms end to end (exit {result.returncode}, {found} "
                f"concepts; start-up {floor * 1000:.0f} ms, SQL LIKE scan alone {like * 1000:.0f} ms)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
