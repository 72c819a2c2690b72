"""Evaluate the term miner against the dev gold list (and look at unseen text).

    python bench/eval_miner.py            # the bundled corpus's Chinese: precision at 20/50/100, recall
    python bench/eval_miner.py --seeds    # the five seed documents alone (what the gold list was read from)
    python bench/eval_miner.py --sdg      # also the Chinese SDG texts (needs ../shared/datasets)

The gold list was read from the five seeds, so on the whole bundled corpus (seeds, the SDG pair, the
UN devset TM source) a term of the other documents counts as a miss: precision there is a lower bound.

Precision@k: share of the top k candidates that are in the gold list.  Recall:
share of the gold terms occurring at least ``min_freq`` times that the miner
returns at all, and within its top 200.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from shuyu.corpus import parse_document, read_file
from shuyu.corpus.manifest import Manifest
from shuyu.corpus.tmsource import is_tm_source, read_tm_source
from shuyu.mining import MiningOptions, Passage, mine_texts

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "gold" / "seed_terms.txt"
SDG_GOLD = ROOT / "bench" / "gold" / "sdg_terms.txt"
SDG = ROOT.parent / "shared" / "datasets" / "sdg-zh-en" / "zh-Hans"


def seed_passages(seeds_only: bool = False) -> list[Passage]:
    """The Chinese paragraphs of the bundled corpus (a TM source's Chinese documents included)."""
    manifest = Manifest.load(ROOT / "corpus")
    passages = []
    for entry in manifest.entries:
        if is_tm_source(entry):
            if not seeds_only:
                for pair in read_tm_source(entry, manifest.directory)[0]:
                    doc, e = pair.zh.document, pair.zh.entry
                    passages += [Passage(e.id, e.year, p.number, p.text, p.seq) for p in doc.paragraphs]
            continue
        if entry.lang == "en" or (seeds_only and entry.pair):
            continue
        doc = parse_document(read_file(entry.path(manifest.directory)))
        passages += [Passage(entry.id, entry.year, p.number, p.text, p.seq) for p in doc.paragraphs]
    return passages


def read_gold(path: Path, until: str | None = None) -> set[str]:
    """The terms of a gold list (one per line, ``#`` comments), up to the line ``until``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if until:
        lines = lines[: lines.index(until)]
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def evaluate(passages: list[Passage], gold: set[str], options: MiningOptions) -> None:
    ranked = [c.term for c in mine_texts(passages, options)]
    text = "\n".join(p.text for p in passages)
    attainable = {g for g in gold if len(re.findall(re.escape(g), text)) >= options.min_freq}
    for k in (20, 50, 100):
        top = ranked[:k]
        hits = sum(1 for t in top if t in gold)
        print(f"precision@{k}: {hits / len(top):.2f} ({hits}/{len(top)})")
    found = attainable & set(ranked)
    print(
        f"recall (gold terms occurring ≥{options.min_freq}×, anywhere in the ranking): "
        f"{len(found) / len(attainable):.2f} ({len(found)}/{len(attainable)})"
    )
    top200 = attainable & set(ranked[:200])
    print(f"recall within the top 200: {len(top200) / len(attainable):.2f} ({len(top200)}/{len(attainable)})")
    print("top 20:", " ".join(ranked[:20]))
    print("false positives in the top 100:", " ".join(t for t in ranked[:100] if t not in gold))
    print("missed:", " ".join(sorted(attainable - set(ranked))))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sdg", action="store_true", help="also mine the Chinese SDG goals and targets")
    parser.add_argument("--round1", action="store_true", help="score against the gold list's first round alone")
    parser.add_argument("--seeds", action="store_true", help="mine the five seed documents alone")
    args = parser.parse_args()
    gold = read_gold(GOLD, until="# round 2" if args.round1 else None)
    passages = seed_passages(seeds_only=args.seeds)
    what = "the five seeds" if args.seeds else "the bundled corpus"
    print(f"== {what}: {sum(len(p.text) for p in passages):,} Chinese characters ({len(gold)} gold terms)")
    evaluate(passages, gold, MiningOptions())
    if args.sdg:
        if not SDG.is_dir():
            print(f"no SDG data at {SDG}", file=sys.stderr)
            return 2
        passages = []
        for name in ("global_goals.yml", "global_targets.yml"):
            for line in (SDG / name).read_text(encoding="utf-8").splitlines():
                key, _, value = line.partition(":")
                if value.strip():
                    passages.append(Passage("sdg", 2015, key.strip(), value.strip().strip("'\"")))
        print(f"\n== SDG goals and targets (unseen text, {sum(len(p.text) for p in passages)} characters)")
        ranked = [c.term for c in mine_texts(passages, MiningOptions())]
        judged = read_gold(SDG_GOLD)
        for k in (20, 50):
            hits = sum(1 for t in ranked[:k] if t in judged)
            print(f"precision@{k}: {hits / k:.2f} ({hits}/{k})")
        print(f"{len(ranked)} candidates; top 40:", " ".join(ranked[:40]))
        print("not terms in the top 50:", " ".join(t for t in ranked[:50] if t not in judged))
    return 0


if __name__ == "__main__":
    sys.exit(main())
