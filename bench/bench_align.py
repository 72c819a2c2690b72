"""Benchmark the zh–en aligner (shuyu.align) on real data (needs ../shared/datasets).

    python bench/bench_align.py            # everything
    python bench/bench_align.py --only bible

Figures printed:
- Bible (Genesis–Exodus, KJV / 和合本, gold beads from verse ids): strict F1, i.e. exact bead
  matches, beads with an empty side excluded (vecalign/bertalign's measure), for each variant:
  length only (an empty dictionary: length, numbers and Latin tokens), + CC-CEDICT. Also the share of gold beads reproduced
  exactly or split finer (the gold is made of verses: two 1–1 beads for a two-sentence verse count wrong).
  Published on the same texts: Gale–Church 0.82, hunalign + 224k dictionary 0.90, LaBSE aligners 0.98.
- UN development set: each symbol's pairs rebuilt as a document (paragraph:sentence order), the English
  side perturbed (adjacent sentences merged, sentences split at a semicolon or comma, sentences dropped;
  a few Chinese ones dropped too), then aligned: share of true pairs recovered (exact gold bead).
  Once document by document, once as one long concatenated text (the band must follow it).
- SDG goals and targets (A/RES/70/1): documents with UN numbering (1.1, 1.a …), some targets dropped
  from the English side: share of the remaining targets whose sentences align to exactly their own.
- Throughput (sentences of both sides per second) against the length-only mode and, when installed,
  PyPI ``galechurch`` (pip install galechurch; not a dependency) in the same run,
  peak memory (tracemalloc) at one and two copies of the Bible, and the dictionary load time.
"""

from __future__ import annotations

import argparse
import ast
import csv
import random
import re
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from shuyu.align import align_documents, align_sentence_corpus, align_sentences, assess  # noqa: E402
from shuyu.align.lexicon import Lexicon, _parse_cedict, cedict  # noqa: E402
from shuyu.model.bitext import SentencePair  # noqa: E402


def datasets() -> Path:
    for parent in ROOT.parents:
        if (parent / "shared" / "datasets").is_dir():
            return parent / "shared" / "datasets"
    sys.exit("../shared/datasets not found")


DATA = datasets()


def bible() -> tuple[list[str], list[str], set]:
    folder = DATA / "bible-zh-en"
    zh = (folder / "bible.zh").read_text(encoding="utf-8").splitlines()
    en = (folder / "bible.en").read_text(encoding="utf-8").splitlines()
    gold = set()
    for line in (folder / "bible.gold").read_text().splitlines():
        z, e = (tuple(ast.literal_eval(side)) for side in line.split(":"))
        gold.add((z, e))
    return zh, en, gold


def strict_f1(pairs, gold) -> tuple[float, float, float]:
    test = {(p.zh_lines, p.en_lines) for p in pairs if p.zh_lines and p.en_lines}
    gold = {g for g in gold if g[0] and g[1]}
    hit = len(test & gold)
    precision, recall = hit / len(test), hit / len(gold)
    return 2 * precision * recall / (precision + recall), precision, recall


def nested(pairs, gold) -> float:
    """Share of gold beads the output reproduces exactly or splits finer (a two-sentence verse as two 1–1 beads)."""
    by_zh = {i: p for p in pairs for i in p.zh_lines}
    good = 0
    gold = [g for g in gold if g[0] and g[1]]
    for zh_lines, en_lines in gold:
        beads = {by_zh[i] for i in zh_lines}
        good += {i for b in beads for i in b.zh_lines} == set(zh_lines) and {
            j for b in beads for j in b.en_lines
        } == set(en_lines)
    return good / len(gold)


def gale_church(zh: list[str], en: list[str]):
    """PyPI ``galechurch`` (full-matrix Gale–Church) as beads, or None when it is not installed.

    Its ``mean_xy`` is Chinese over English characters here (0.31), as the guide measured."""
    try:
        import galechurch
    except ImportError:
        return None
    block = galechurch.align(zh, en, mean_xy=1 / 3.19)
    return [
        SentencePair(
            tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end)), "", "", 1.0
        )
        for b in block.beads
    ]


def bench_bible(lexicon) -> None:
    zh, en, gold = bible()
    print(f"Bible: {len(zh)} zh / {len(en)} en sentences, {len(gold)} gold beads")
    start = time.perf_counter()
    baseline = gale_church(zh, en)
    if baseline is not None:
        seconds = time.perf_counter() - start
        f1, p, r = strict_f1(baseline, gold)
        print(
            f"  {'PyPI galechurch':<18} strict F1 {f1:.3f} (P {p:.3f} R {r:.3f}); exact or finer {nested(baseline, gold):.3f}; "
            f"{seconds:5.2f} s (baseline, full matrix)"
        )
    for name, lex in (("length only", Lexicon()), ("+ CC-CEDICT", lexicon)):
        start = time.perf_counter()
        pairs = align_sentences(zh, en, lex)
        seconds = time.perf_counter() - start
        f1, p, r = strict_f1(pairs, gold)
        q = assess(pairs)
        print(
            f"  {name:<18} strict F1 {f1:.3f} (P {p:.3f} R {r:.3f}); exact or finer {nested(pairs, gold):.3f}; "
            f"{seconds:5.2f} s; quality {q.confidence:.2f}, {q.verdict}"
        )


def un_documents() -> list[tuple[str, list[str], list[str]]]:
    rows = defaultdict(list)
    with open(DATA / "un-devset-zh-en" / "un-devset.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["zh"] and row["en"]:
                key = tuple(int(x) for x in row["zh_position"].split(":"))
                rows[row["symbol"]].append((key, row["zh"], row["en"]))
    docs = []
    for symbol in sorted(rows):
        items = sorted(rows[symbol])
        docs.append((symbol, [zh for _, zh, _ in items], [en for _, _, en in items]))
    return docs


def perturb(zh: list[str], en: list[str], rng: random.Random):
    """Merge, split and drop English sentences and drop a few Chinese ones; return texts and gold beads."""
    new_zh: list[str] = []
    new_en: list[str] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    k = 0
    while k < len(zh):
        roll = rng.random()
        if roll < 0.10 and k + 1 < len(zh):  # two English sentences written as one
            gold.append(((len(new_zh), len(new_zh) + 1), (len(new_en),)))
            new_zh += [zh[k], zh[k + 1]]
            new_en.append(en[k] + " " + en[k + 1])
            k += 2
            continue
        cut = _split_point(en[k])
        if roll < 0.16 and cut:  # one English sentence written as two
            gold.append(((len(new_zh),), (len(new_en), len(new_en) + 1)))
            new_zh.append(zh[k])
            new_en += [en[k][:cut].rstrip(), en[k][cut:].lstrip()]
        elif roll < 0.19:  # English sentence missing
            gold.append(((len(new_zh),), ()))
            new_zh.append(zh[k])
        elif roll < 0.21:  # Chinese sentence missing
            gold.append(((), (len(new_en),)))
            new_en.append(en[k])
        else:
            gold.append(((len(new_zh),), (len(new_en),)))
            new_zh.append(zh[k])
            new_en.append(en[k])
        k += 1
    return new_zh, new_en, gold


def _split_point(text: str) -> int | None:
    marks = [m.end() for m in re.finditer(r"[;,] ", text)]
    if not marks:
        return None
    return min(marks, key=lambda p: abs(p - len(text) / 2))


def recovered(pairs, gold) -> tuple[int, int]:
    """(true pairs whose gold bead is in the output, true pairs); a 1–0 gold bead counts when left unaligned."""
    found = {(p.zh_lines, p.en_lines) for p in pairs}
    total = hit = 0
    for bead in gold:
        weight = max(len(bead[0]), len(bead[1]))
        total += weight
        hit += weight * (bead in found)
    return hit, total


def bench_un(lexicon) -> None:
    docs = un_documents()
    rng = random.Random(13)
    hit = total = 0
    all_zh, all_en, all_gold = [], [], []
    corpus, golds = [], []
    kinds = defaultdict(int)
    for _, zh, en in docs:
        pzh, pen, gold = perturb(zh, en, rng)
        for z, e in gold:
            kinds[(len(z), len(e))] += 1
        if pzh and pen:
            corpus.append((pzh, pen))
            golds.append(gold)
        off_z, off_e = len(all_zh), len(all_en)
        all_gold += [(tuple(i + off_z for i in z), tuple(j + off_e for j in e)) for z, e in gold]
        all_zh += pzh
        all_en += pen
    print(f"UN devset: {len(docs)} documents, perturbed beads {dict(sorted(kinds.items()))}")
    # As ``shuyu build`` aligns the corpus's pairs: every document on its own, the word translations learned from the
    # confident beads of all of them (the perturbed texts only, never the gold).
    start = time.perf_counter()
    for pairs, gold in zip(align_sentence_corpus(corpus, lexicon), golds, strict=True):
        h, t = recovered(pairs, gold)
        hit, total = hit + h, total + t
    seconds = time.perf_counter() - start
    print(
        f"  per document, one corpus lexicon:  recovered {hit / total:.3f} ({hit} of {total} true pairs, {seconds:.1f} s)"
    )
    start = time.perf_counter()
    pairs = align_sentences(all_zh, all_en, lexicon)
    seconds = time.perf_counter() - start
    h, t = recovered(pairs, all_gold)
    print(
        f"  concatenated:  recovered {h / t:.3f} of {t} true pairs  ({len(all_zh)} zh / {len(all_en)} en, {seconds:.1f} s)"
    )


def sdg_items(lang: str) -> list[tuple[str, str]]:
    folder = DATA / "sdg-zh-en" / ("zh-Hans" if lang == "zh" else "en")
    goals = yaml.safe_load((folder / "global_goals.yml").read_text(encoding="utf-8"))
    targets = yaml.safe_load((folder / "global_targets.yml").read_text(encoding="utf-8"))
    items = []
    for goal in range(1, 18):
        items.append((f"{goal}", f"{goal}. {goals[f'{goal}-title']}"))
        keys = sorted(
            (k for k in targets if k.startswith(f"{goal}-")),
            key=lambda k: (not k.split("-")[1].isdigit(), k.split("-")[1].zfill(3)),
        )
        for key in keys:
            number = f"{goal}.{key.split('-')[1]}"
            items.append((number, f"{number} {targets[key]}"))
    return items


def bench_sdg(lexicon, numbered: bool) -> None:
    zh_items, en_items = sdg_items("zh"), sdg_items("en")
    assert [n for n, _ in zh_items] == [n for n, _ in en_items]
    dropped = set(random.Random(70).sample(range(len(en_items)), 6))
    strip = (lambda t: t) if numbered else (lambda t: t.split(" ", 1)[1])
    zh_texts = [strip(t) for _, t in zh_items]
    en_kept = [k for k in range(len(en_items)) if k not in dropped]
    en_texts = [strip(en_items[k][1]) for k in en_kept]
    start = time.perf_counter()
    pairs = align_documents(zh_texts, en_texts, lexicon)
    seconds = time.perf_counter() - start
    # Sentence → item maps, to judge at item level.
    from shuyu.align import _sentence_list

    zh_item = [k for k, t in enumerate(zh_texts) for _ in _sentence_list(t, "zh")]
    en_item = [en_kept[k] for k, t in enumerate(en_texts) for _ in _sentence_list(t, "en")]
    good = {k: True for k in range(len(zh_items))}
    for p in pairs:
        for i in p.zh_lines:
            k = zh_item[i]
            targets = {en_item[j] for j in p.en_lines}
            good[k] &= (targets == {k}) if k not in dropped else not targets
    kept_ok = sum(good[k] for k in en_kept)
    drop_ok = sum(good[k] for k in dropped)
    label = "numbered (1.1, 1.a)" if numbered else "numbers removed"
    print(
        f"  SDG {label:<20} {kept_ok / len(en_kept):.3f} of {len(en_kept)} items aligned to their own; "
        f"{drop_ok}/{len(dropped)} dropped items left unaligned; quality {assess(pairs).confidence:.2f}; "
        f"{seconds:.2f} s, {len(pairs)} beads"
    )


def bench_speed(lexicon) -> None:
    zh, en, _ = bible()
    start = time.perf_counter()
    if gale_church(zh, en) is not None:
        seconds = time.perf_counter() - start
        print(
            f"  {'PyPI galechurch':<22} {(len(zh) + len(en)) / seconds:7.0f} sentences/s ({seconds:.2f} s, full n × m matrix)"
        )
    for name, lex in (("length only (baseline)", Lexicon()), ("dictionary", lexicon)):
        start = time.perf_counter()
        align_sentences(zh, en, lex)
        seconds = time.perf_counter() - start
        print(
            f"  {name:<22} {(len(zh) + len(en)) / seconds:7.0f} sentences/s ({len(zh) + len(en)} sentences, {seconds:.2f} s)"
        )
    for copies in (1, 2, 4):
        tracemalloc.start()
        align_sentences(zh * copies, en * copies, lexicon)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"  peak memory, {copies} × Bible ({copies * (len(zh) + len(en))} sentences): {peak / 2**20:6.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["bible", "un", "sdg", "speed"])
    args = parser.parse_args()
    start = time.perf_counter()
    parsed = _parse_cedict()
    print(f"CC-CEDICT: parsed in {time.perf_counter() - start:.2f} s, {len(parsed.entries)} entries")
    cedict()  # writes the cache file if there is none
    cedict.cache_clear()
    start = time.perf_counter()
    lexicon = cedict()
    print(f"  loaded from the cache file in {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    lexicon.automaton  # noqa: B018 — built on first use
    print(f"  matcher build: {time.perf_counter() - start:.2f} s")
    if args.only in (None, "bible"):
        bench_bible(lexicon)
    if args.only in (None, "un"):
        bench_un(lexicon)
    if args.only in (None, "sdg"):
        print("SDG goals and targets, 6 items dropped from the English side:")
        bench_sdg(lexicon, numbered=True)
        bench_sdg(lexicon, numbered=False)
    if args.only in (None, "speed"):
        print("Throughput and memory (Bible):")
        bench_speed(lexicon)


if __name__ == "__main__":
    main()
