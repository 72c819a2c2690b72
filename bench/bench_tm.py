"""Benchmark TM search: concordance and fuzzy match on a TM of 200,000+ units, against plain baselines.

    python bench/bench_tm.py                 # 200,000 units
    python bench/bench_tm.py --units 50000

The units are real en→zh text (../shared/datasets): the UN Parallel Corpus
dev set (3,054 pairs), TICO-19 (3,071) and the SDG goals and targets (203),
each pair once, then pairs of two different real pairs joined (English with a
space, Chinese directly: pair i with pair i + k for k = 1, 2, …) until the TM
has the size asked for, so no two units are the same and every segment is
real UN, medical or SDG prose.

Measured in the same run, each a median of 5 after one warm-up:
- concordance (``shuyu.tm.search.concordance``, limit 20) against a plain SQL
  ``LIKE '%q%'`` scan over both sides (limit 20, and all matches);
- fuzzy match (``shuyu.tm.search.fuzzy``, threshold 50, best 5) against
  rapidfuzz over every unit's tokens held in memory (the tokens prepared
  before timing, which favours the baseline), checking that both find the same best score;
- whole CLI calls (``shuyu tm search/match --json`` in a fresh process), median of 3.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# ../shared/datasets from the repository (or from a worktree one level further down)
DATASETS = next((p / "shared" / "datasets" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()), None)
sys.path.insert(0, str(REPO / "src"))

CONCORDANCE = [
    ("贫", "1 zh char"),
    ("峰会", "2 zh chars"),
    ("发展", "2 zh chars, frequent"),
    ("可持续发展", "5 zh chars"),
    ("暴力侵害土著妇女", "8 zh chars, rare"),
    ("poverty", "English word"),
    ("human rights", "English phrase"),
    ("UN", "2 English chars (scan)"),
    ("Guatemala", "English, rare"),
    ("量子纠缠观测", "nothing found"),
]


def real_pairs() -> list[tuple[str, str]]:
    import csv

    import yaml

    from shuyu.formats.tm import tmx

    pairs = []
    with open(DATASETS / "un-devset-zh-en" / "un-devset.tsv", encoding="utf-8", newline="") as handle:
        pairs += [(row["en"], row["zh"]) for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    pairs += [(u.source, u.target) for u in tmx.read(DATASETS / "tico19-zh-en" / "all.en-zh.tmx", "en", "zh")]
    for name in ("global_goals.yml", "global_targets.yml"):
        en = yaml.safe_load((DATASETS / "sdg-zh-en" / "en" / name).read_text(encoding="utf-8"))
        zh = yaml.safe_load((DATASETS / "sdg-zh-en" / "zh-Hans" / name).read_text(encoding="utf-8"))
        pairs += [(str(en[k]), str(zh[k])) for k in en if k in zh]
    return list(dict.fromkeys((e.strip(), z.strip()) for e, z in pairs if e.strip() and z.strip()))


def tm_rows(n: int, pairs: list[tuple[str, str]]):
    from shuyu.model.bitext import TMUnit
    from shuyu.tm.units import to_row

    m = len(pairs)
    for i in range(n):
        k, j = divmod(i, m)
        if k == 0:
            en, zh = pairs[j]
        else:
            other = pairs[(j + k) % m]
            en, zh = pairs[j][0] + " " + other[0], pairs[j][1] + other[1]
        unit = TMUnit(en, zh, "en-US", "zh-CN", origin="imported", origin_file="bench.tmx", year=2015)
        yield to_row(unit)


def build(path: Path, n: int, pairs) -> float:
    from shuyu.store import Store
    from shuyu.tm.index import reindex

    start = time.perf_counter()
    with Store(path) as store, store.transaction():
        store.add_units(tm_rows(n, pairs))
        reindex(store)
    return time.perf_counter() - start


def timed(function, *args, repeat: int = 5):
    function(*args)
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def cli(db: Path, *args: str) -> tuple[float, float]:
    """Median wall time and CPU time (user + system) of a whole ``shuyu`` call, in seconds.

    On this shared machine the wall time includes waiting for a core; the CPU
    time is what the call itself costs."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = ["shuyu", "--db", str(db), *args, "--json"]
    return run_timed(command, env)


def run_timed(command: list[str], env=None) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def ms(pair: tuple[float, float]) -> str:
    return f"{pair[0] * 1000:4.0f} ms ({pair[1] * 1000:3.0f} CPU)"


def fuzzy_queries(pairs, count: int = 12) -> list[str]:
    """Real sentences edited as a new text differs from an old one: a word dropped, one replaced."""
    queries, step = [], max(1, len(pairs) // count)
    for i in range(0, len(pairs), step):
        words = pairs[i][0].split()
        if len(words) < 6:
            continue
        words[len(words) // 2] = "revised"
        queries.append(" ".join(words[:-2] + words[-1:]))
        if len(queries) == count:
            break
    zh = [pairs[i][1] for i in range(5, len(pairs), len(pairs) // 4)][:4]
    return queries + [z[:-2] + "的" for z in zh if len(z) > 8]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=200_000)
    parser.add_argument("--keep", type=Path, help="Build the TM database here (or reuse it when it exists).")
    args = parser.parse_args()

    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    from shuyu.store.tm_readonly import TMReader
    from shuyu.tm.index import tokens
    from shuyu.tm.search import concordance, fuzzy

    pairs = real_pairs()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "tm.db"
        if db.exists():
            print(f"TM: {db} as it is")
        else:
            seconds = build(db, args.units, pairs)
            size = db.stat().st_size / 1e6
            print(
                f"TM: {args.units:,} units from {len(pairs):,} real pairs; stored and indexed in {seconds:.1f} s; {size:.0f} MB"
            )
        reader = TMReader.open(db)

        def like(query: str, limit: int | None):
            sql = "select id from tm_units where source like ? or target like ? order by id"
            return reader.db.execute(sql + (f" limit {limit}" if limit else ""), [f"%{query}%"] * 2).fetchall()

        print("\nconcordance (limit 20)            shuyu    hits | LIKE limit 20 | LIKE all (matches) | CLI")
        for query, what in CONCORDANCE:
            ours, hits = timed(concordance, reader, query, 20)
            like20, _ = timed(like, query, 20)
            like_all, everything = timed(like, query, None)
            print(
                f"  {query:<14} {what:<22} {ours * 1000:6.1f} ms {len(hits):4d} | {like20 * 1000:8.1f} ms | "
                f"{like_all * 1000:8.1f} ms ({len(everything):6,}) | {ms(cli(db, 'tm', 'search', query))}"
            )

        print("\nfuzzy match (threshold 50, best 5)   shuyu  best | rapidfuzz over all  best | CLI")
        prepared = {side: {} for side in ("en", "zh")}
        for unit_id, en, zh in reader.db.execute("select id, source, target from tm_units"):
            prepared["en"][unit_id] = tokens(en, "en")
            prepared["zh"][unit_id] = tokens(zh, "zh")
        ours_times, base_times, cli_times, agree = [], [], [], 0
        queries = fuzzy_queries(pairs)
        for query in queries:
            side = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in query) else "en"
            ours, hits = timed(fuzzy, reader, query, 50, 5)
            q = tokens(query, side)

            def baseline(q=q, side=side):
                return process.extract(
                    q, prepared[side], scorer=Levenshtein.normalized_similarity, limit=5, score_cutoff=0.5
                )

            base, best = timed(baseline, repeat=3)
            ours_best = hits[0].similarity if hits else None
            base_best = int(best[0][1] * 100 + 1e-9) if best else None
            agree += ours_best == base_best
            ours_times.append(ours)
            base_times.append(base)
            cli_times.append(cli(db, "tm", "match", query))
            print(
                f"  {query[:34]:<34} {ours * 1000:6.1f} ms {ours_best!s:>4} | {base * 1000:8.1f} ms {base_best!s:>4} | "
                f"{ms(cli_times[-1])}"
            )
        print(
            f"  median over {len(queries)} queries: shuyu {statistics.median(ours_times) * 1000:.1f} ms, "
            f"rapidfuzz over all {statistics.median(base_times) * 1000:.1f} ms, "
            f"CLI {statistics.median(c[0] for c in cli_times) * 1000:.0f} ms ({statistics.median(c[1] for c in cli_times) * 1000:.0f} CPU); "
            f"same best score {agree}/{len(queries)}"
        )
        print(f"\nbare Python start-up (python -c pass): {ms(run_timed([sys.executable, '-c', 'pass']))}")


if __name__ == "__main__":
    main()
