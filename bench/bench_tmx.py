"""Benchmark TMX writing and reading: shuyu's streaming writer and reader against translate-toolkit's tmxfile.

    python bench/bench_tmx.py                       # 50,000 and 200,000 units
    python bench/bench_tmx.py --sizes 20000 100000

The units are TICO-19's 3,071 real en→zh pairs (../shared/datasets), cycled
with a running number in the tuid and a document prop, so no two units are the
same.  shuyu writes from a generator (as it will from a database cursor) and
reads by iterating; translate-toolkit builds its tree in memory (its only way)
and ``parsestring``s the file.  Every measurement runs in its own process, so
its peak memory is its own: printed as the growth of the resident set
(sampled every millisecond while the operation runs) over the process's size
before it (Python objects and lxml's C memory alike).  Memory that stays flat from the smaller to the larger size is
the point of streaming.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TICO = REPO.parent / "shared" / "datasets" / "tico19-zh-en" / "all.en-zh.tmx"


def units(n: int, real_tmx: Path = TICO):
    from shuyu.formats.tm import tmx

    real = list(tmx.read(real_tmx, "en", "zh"))
    for i in range(n):
        unit = real[i % len(real)]
        yield type(unit)(
            unit.source,
            unit.target,
            "en-US",
            "zh-CN",
            tuid=f"tico-{i}",
            document=f"doc-{i // 500}",
            year=2020,
            confidence=0.9,
            creationdate="20210225T000000Z",
            props=list(unit.props),
        )


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 1e6


class PeakSampler(threading.Thread):
    """The highest resident set seen while the operation runs, sampled every millisecond."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak, self.running = rss_mb(), True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_mb())
            time.sleep(0.001)


def run_one(tool: str, op: str, n: int, path: Path, real_tmx: Path) -> dict:
    from shuyu.formats.tm import tmx

    if tool == "toolkit":
        from translate.storage.tmx import tmxfile
    if op == "prepare":  # the file the readers read, written in a process of its own
        return {"units": tmx.write(units(n, real_tmx), path).units}
    before = rss_mb()
    sampler = PeakSampler()
    sampler.start()
    start = time.perf_counter()
    if op == "write" and tool == "shuyu":
        count = tmx.write(units(n, real_tmx), path).units
    elif op == "write":
        store = tmxfile(sourcelanguage="en-US", targetlanguage="zh-CN")
        for unit in units(n, real_tmx):
            store.addtranslation(unit.source, "en-US", unit.target, "zh-CN")
        store.savefile(str(path))
        count = len(store.units)
    elif tool == "shuyu":
        count = sum(1 for _ in tmx.read(path))
    else:
        store = tmxfile.parsestring(path.read_bytes())
        count = len(store.units)
    seconds = time.perf_counter() - start
    sampler.running = False
    sampler.join()
    return {
        "tool": tool,
        "op": op,
        "units": count,
        "seconds": seconds,
        "peak_mb": sampler.peak - before,
        "file_mb": path.stat().st_size / 1e6,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", type=int, default=[50_000, 200_000])
    parser.add_argument("--tmx", type=Path, default=TICO, help="the real TMX whose units are cycled")
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)  # tool op n path
    args = parser.parse_args()
    if args.one:
        tool, op, n, path = args.one
        print(json.dumps(run_one(tool, op, int(n), Path(path), args.tmx)))
        return 0
    if not args.tmx.exists():
        print(f"needs the datasets at {args.tmx}", file=sys.stderr)
        return 2
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            source = Path(folder) / f"read-{n}.tmx"
            subprocess.run(
                [sys.executable, __file__, "--tmx", str(args.tmx), "--one", "shuyu", "prepare", str(n), str(source)],
                capture_output=True,
                check=True,
            )
            for tool in ("shuyu", "toolkit"):
                for op in ("write", "read"):
                    target = source if op == "read" else Path(folder) / f"{tool}-{n}.tmx"
                    out = subprocess.run(
                        [sys.executable, __file__, "--tmx", str(args.tmx), "--one", tool, op, str(n), str(target)],
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    r = results[tool, op, n] = json.loads(out.stdout.strip().splitlines()[-1])
                    print(
                        f"{tool:8} {op:5} {n:>8,} units: {r['seconds']:6.2f} s  {n / r['seconds']:>9,.0f} units/s  "
                        f"peak +{r['peak_mb']:7.1f} MB  file {r['file_mb']:6.1f} MB",
                        flush=True,
                    )
    small, large = min(args.sizes), max(args.sizes)
    for tool in ("shuyu", "toolkit"):
        for op in ("write", "read"):
            a, b = results[tool, op, small], results[tool, op, large]
            print(
                f"{tool:8} {op:5} {small:,} → {large:,}: time ×{b['seconds'] / a['seconds']:.2f}, "
                f"peak memory {a['peak_mb']:.1f} → {b['peak_mb']:.1f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
