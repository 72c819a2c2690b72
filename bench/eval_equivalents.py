"""English equivalents of Chinese terms: top-1 accuracy on the gold, coverage of mined terms, speed.

    python bench/eval_equivalents.py [--datasets ../shared/datasets] [--show-errors dev]
    python bench/eval_equivalents.py --termbase termbase/shuyu.db [--show-errors all]

With ``--termbase``: the same gold read through a built termbase (what ``shuyu lookup`` shows): for each
gold term, the concept holding it and that concept's first English term in export order (status,
then count); how many concepts have English at all; how many concepts bilingual term extraction
added and the precision of those judged in bench/gold/bilingual_terms_judged.tsv (``--sample-added N``
prints a seeded sample of them to judge).

Pairs: the UN Parallel Corpus devset (3,054 gold sentence pairs, un-devset-zh-en) and the SDG goals
and targets (sdg-zh-en, paired by YAML key).  Terms: what the miner finds on the Chinese side of these
pairs, plus the gold terms.  Gold: bench/gold/equivalents.tsv (criteria at its head; "test" rows held
out; "test2" a second held-out set).  A top equivalent is right when its lookup key equals the key of an accepted rendering.
Ablations (same run): without the CC-CEDICT prior, and without nested-term masking.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
import time
from pathlib import Path
from unittest import mock

import yaml  # bench only: the SDG compilation is YAML

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from shuyu.mining.miner import Passage, mine_texts  # noqa: E402
from shuyu.termbase import equivalents  # noqa: E402
from shuyu.text.en import lookup_key  # noqa: E402


def load_pairs(datasets: Path) -> list[tuple[str, str, str]]:
    pairs = []
    with open(datasets / "un-devset-zh-en" / "un-devset.tsv", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for symbol, zh_pos, _en_pos, zh, en in rows:
            pairs.append((f"{symbol}#{zh_pos}", zh, en))
    sdg = datasets / "sdg-zh-en"
    for name in ("global_goals.yml", "global_targets.yml"):
        english = yaml.safe_load((sdg / "en" / name).read_text(encoding="utf-8"))
        chinese = yaml.safe_load((sdg / "zh-Hans" / name).read_text(encoding="utf-8"))
        pairs.extend((f"sdg:{key}", chinese[key], text) for key, text in english.items() if key in chinese)
    return pairs


def load_gold(path: Path) -> list[tuple[str, list[str], str]]:
    gold = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            zh, accepted, split = line.split("\t")
            gold.append((zh, accepted.split("|"), split))
    return gold


def mined_terms(pairs: list[tuple[str, str, str]]) -> list[str]:
    passages = [Passage(pair_id.split("#")[0], 2015, None, zh, seq) for seq, (pair_id, zh, _) in enumerate(pairs)]
    return [c.term for c in mine_texts(passages)]


def evaluate(results, gold, threshold: float) -> dict[str, tuple]:
    """Per split: (right, total, right among confident, confident) and the wrong ones."""
    report = {}
    for split in ("dev", "test", "test2", "all"):
        rows = [g for g in gold if split in ("all", g[2])]
        right = confident = right_confident = 0
        wrong = []
        for zh, accepted, _ in rows:
            best = results[zh].best
            ok = best is not None and best.key in {lookup_key(a) for a in accepted}
            right += ok
            if best is not None and best.confidence >= threshold:
                confident += 1
                right_confident += ok
            if not ok:
                wrong.append((zh, accepted[0], best))
        report[split] = (right, len(rows), right_confident, confident, wrong)
    return report


_STATUS_ORDER = {"preferred": 0, "admitted": 1, "candidate": 2, "superseded": 3, "deprecated": 4, "rejected": 5}


def termbase_english(db: Path) -> tuple[dict[str, list[tuple[str, str]]], int, int]:
    """Chinese normal form → its concept's English terms (form, provenance) in export order; concepts; with English."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    english: dict[int, list[tuple]] = {}
    for cid, form, status, count, provenance in con.execute(
        "select concept_id, form, status, count, provenance from concept_terms where lang = 'en'"
    ):
        english.setdefault(cid, []).append((_STATUS_ORDER.get(status, 9), -(count or 0), form, provenance))
    by_zh = {
        n: [(f, p) for *_, f, p in sorted(english.get(cid, []))]
        for cid, n in con.execute("select concept_id, norm from concept_terms where lang = 'zh'")
    }
    concepts = con.execute("select count(*) from concepts").fetchone()[0]
    return by_zh, concepts, len(english)


def added_entries(db: Path) -> list[tuple[str, str]]:
    """(Chinese, English) of the concepts that bilingual term extraction added (Chinese provenance ``aligned``)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    sql = """
        select z.form, (select e.form from concept_terms e where e.concept_id = z.concept_id and e.lang = 'en'
                        order by e.count desc limit 1)
        from concept_terms z where z.lang = 'zh' and z.provenance = 'aligned' order by z.form
    """
    return [(zh, en) for zh, en in con.execute(sql)]


def load_judged(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(zh, en) → (judgement, sample) of the entries judged by reading."""
    judged = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            zh, en, verdict, sample, *_ = line.split("\t")
            judged[(zh, en)] = (verdict, sample)
    return judged


def report_added(db: Path, sample: int | None, seed: int) -> None:
    """How many entries bilingual term extraction added; the precision of those judged, per sample; a sample
    to judge."""
    import random

    added = added_entries(db)
    judged = load_judged(ROOT / "bench" / "gold" / "bilingual_terms_judged.tsv")
    print(f"added by bilingual term extraction: {len(added)} concepts")
    samples = list(dict.fromkeys(sample for _, sample in judged.values()))  # in the order they were judged
    for name in (*samples, "all"):
        verdicts = [v for e in added if e in judged for v, sample in [judged[e]] if name in ("all", sample)]
        right = verdicts.count("yes")
        print(
            f"  judged ({name} sample) and still added: precision {right}/{len(verdicts)} = "
            f"{right / max(len(verdicts), 1):.3f} ({verdicts.count('term')} with the right Chinese, wrong English)"
        )
    if sample:
        for zh, en in sorted(random.Random(seed).sample(added, min(sample, len(added)))):
            print(f"{zh}\t{en}")


def evaluate_termbase(db: Path, gold, show: str | None) -> None:
    from shuyu.text.zh import normalise

    by_zh, concepts, with_english = termbase_english(db)
    print(f"termbase {db}: {with_english}/{concepts} concepts have English ({with_english / concepts:.3f})")
    print(f"{'split':8} {'in termbase':>12} {'with English':>13} {'top-1 right':>22} {'any English right':>18}")
    for split in ("dev", "test", "test2", "all"):
        rows = [g for g in gold if split in ("all", g[2])]
        present = with_en = right = anywhere = 0
        wrong = []
        for zh, accepted, _ in rows:
            keys = {lookup_key(a) for a in accepted}
            terms = by_zh.get(normalise(zh))
            present += terms is not None
            with_en += bool(terms)
            ok = bool(terms) and lookup_key(terms[0][0]) in keys
            right += ok
            anywhere += bool(terms) and any(lookup_key(f) in keys for f, _ in terms)
            if not ok:
                wrong.append((zh, accepted[0], terms))
        print(
            f"{split:8} {present:>7}/{len(rows):<4} {with_en:>8}/{len(rows):<4} "
            f"{right / len(rows):>8.3f} ({right}/{len(rows)}) {anywhere:>12}/{len(rows)}"
        )
        if show == split:
            for zh, expected, terms in wrong:
                got = "not in the termbase" if terms is None else ", ".join(f"{f} ({p})" for f, p in terms) or "—"
                print(f"    {zh}: expected {expected}; got {got}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=ROOT.parent / "shared" / "datasets")
    parser.add_argument("--show-errors", choices=["dev", "test", "test2", "all"], default=None)
    parser.add_argument("--termbase", type=Path, help="Evaluate a built termbase (shuyu.db) instead.")
    parser.add_argument("--sample-added", type=int, help="With --termbase: print a sample of the added entries.")
    parser.add_argument("--seed", type=int, default=13, help="Seed of --sample-added.")
    args = parser.parse_args()
    if args.termbase:
        evaluate_termbase(args.termbase, load_gold(ROOT / "bench" / "gold" / "equivalents.tsv"), args.show_errors)
        report_added(args.termbase, args.sample_added, args.seed)
        return

    pairs = load_pairs(args.datasets)
    gold = load_gold(ROOT / "bench" / "gold" / "equivalents.tsv")
    started = time.perf_counter()
    mined = mined_terms(pairs)
    mining_time = time.perf_counter() - started
    terms = list(dict.fromkeys(mined + [zh for zh, _, _ in gold]))
    print(
        f"pairs {len(pairs)} (devset + SDG); mined terms {len(mined)} in {mining_time:.1f} s; "
        f"gold {len(gold)} ({sum(g[2] == 'test' for g in gold)} test, {sum(g[2] == 'test2' for g in gold)} test2 held out); "
        f"terms given {len(terms)}"
    )

    equivalents.find_equivalents(pairs[:50], terms[:50])  # load CC-CEDICT, jieba and LemmInflect first
    started = time.perf_counter()
    results = equivalents.find_equivalents(pairs, terms)
    elapsed = time.perf_counter() - started
    print(f"speed: {len(pairs) / elapsed:,.0f} pairs/s ({elapsed:.2f} s for {len(pairs)} pairs, {len(terms)} terms)")

    threshold = equivalents.CONFIDENT
    variants = {
        "full method": results,
        "no CC-CEDICT prior": None,
        "no nested-term masking": None,
    }
    timings = {"full method": elapsed}
    with mock.patch.object(equivalents, "PRIOR_PAIRS", 0.0):
        started = time.perf_counter()
        variants["no CC-CEDICT prior"] = equivalents.find_equivalents(pairs, terms)
        timings["no CC-CEDICT prior"] = time.perf_counter() - started
    with mock.patch.object(equivalents, "TermMatcher") as matcher:
        from shuyu.text.match import TermMatcher

        class Every(TermMatcher):
            def longest(self, text):
                return self.every(text)

        matcher.side_effect = Every
        started = time.perf_counter()
        variants["no nested-term masking"] = equivalents.find_equivalents(pairs, terms)
        timings["no nested-term masking"] = time.perf_counter() - started

    print(f"\ntop-1 accuracy (accuracy among confident ≥ {threshold}: right/confident)")
    print(f"{'':26} {'dev':>22} {'test (held out)':>22} {'test2 (held out)':>22} {'all':>22} {'pairs/s':>8}")
    for name, found in variants.items():
        report = evaluate(found, gold, threshold)
        cells = [
            f"{r / n:.3f} ({r}/{n}) {rc}/{c}" for r, n, rc, c, _ in (report[s] for s in ("dev", "test", "test2", "all"))
        ]
        print(f"{name:26} " + " ".join(f"{c:>22}" for c in cells) + f" {len(pairs) / timings[name]:>8,.0f}")

    mined_set = set(mined)
    covered = sum(1 for t in mined if results[t].confident)
    seen = sum(1 for t in mined if results[t].pairs)
    print(
        f"\ncoverage: {covered}/{len(mined)} mined terms = {covered / len(mined):.3f} have an equivalent "
        f"with confidence ≥ {threshold} ({seen} occur on their own in some pair: {covered / max(seen, 1):.3f})"
    )
    for threshold_try in (0.3, 0.4, 0.5, 0.6, 0.7):
        report = evaluate(results, gold, threshold_try)["dev"]
        cov = sum(1 for t in mined if results[t].best and results[t].best.confidence >= threshold_try)
        print(
            f"  threshold {threshold_try}: dev accuracy among confident {report[2]}/{report[3]}"
            f" = {report[2] / max(report[3], 1):.3f}; coverage {cov / len(mined):.3f}"
        )
    shared = equivalents.shared_english(results)
    print(f"\nshared-English variant signals: {len(shared)}; first 10:")
    for s in shared[:10]:
        print(f"  {s.forms[0]} / {s.forms[1]} → {s.english} ({s.counts[0]}, {s.counts[1]}; {s.confidence:.2f})")
    if args.show_errors:
        print(f"\nwrong ({args.show_errors}):")
        for zh, expected, best in evaluate(results, gold, threshold)[args.show_errors][4]:
            got = (
                f"{best.english} (n={best.count} dice={best.dice:.2f} prior={best.prior:.2f} conf={best.confidence:.2f})"
                if best
                else "—"
            )
            alts = " | ".join(e.english for e in results[zh].equivalents[1:])
            print(f"  {zh} [{results[zh].pairs}] expected {expected}; got {got}; then {alts}")
    print(f"\ngold terms mined: {sum(1 for g in gold if g[0] in mined_set)}/{len(gold)}")


if __name__ == "__main__":
    main()
