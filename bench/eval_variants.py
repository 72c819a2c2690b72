"""Evaluate variant detection against the dev gold sets of variant groups.

    python bench/eval_variants.py

Builds the bundled corpus into a temporary folder, detects the groups and compares them with
``bench/gold/variants_dev.txt`` (its tune part, its held-out part written before any tuning, and both),
and with the older ``bench/gold/seed_variants.txt``.  A detected group is correct when at least two of
its forms belong to one gold group; a gold group is found when some detected group holds at least two
of its forms (for a gold group of kind style, a detected formula counts for each gold form it contains:
大会核可 for 核可).  Precision counts the detected groups that fall in the part's gold groups among those
that fall in any gold group of the set or in none (groups of the other part are left out).  The
negative lines are checked too: a ``keep:`` name must not contain a superseded form, an ``apart:``
pair must not share a group.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from shuyu.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "bench" / "gold" / "variants_dev.txt"
SEED = ROOT / "bench" / "gold" / "seed_variants.txt"


@dataclass
class Gold:
    forms: set[str]
    part: str  # tune, held, or seed / derived for the older set
    kind: str


def _forms(text: str) -> set[str]:
    return {f.strip().replace(" ", "") for f in text.split("|")}


def read_dev(path: Path) -> tuple[list[Gold], list[str], list[set[str]]]:
    """(gold groups, names that keep their rendering, pairs kept apart)."""
    groups, keep, apart = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, _, rest = line.partition(":")
        if head == "keep":
            keep.append(rest.strip())
        elif head == "apart":
            apart.append(_forms(rest))
        else:
            part, kind = head.split()
            groups.append(Gold(_forms(rest), part, kind))
    return groups, keep, apart


def read_seed(path: Path) -> list[Gold]:
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            derived = line.startswith("derived:")
            groups.append(Gold(_forms(line.removeprefix("derived:")), "derived" if derived else "seed", ""))
    return groups


def scores(detected: list[set[str]], gold: list[Gold], parts: set[str]) -> tuple[int, int, int, int]:
    """(correct, judged, found, gold size) for the gold groups of ``parts``."""
    chosen = [g for g in gold if g.part in parts]
    others = [g for g in gold if g.part not in parts]
    judged = [d for d in detected if not any(_shared(d, g) >= 2 for g in others) or _hits(d, chosen)]
    correct = sum(1 for d in judged if _hits(d, chosen))
    found = sum(1 for g in chosen if any(_shared(d, g) >= 2 for d in detected))
    return correct, len(judged), found, len(chosen)


def _shared(forms: set[str], gold: Gold) -> int:
    """Gold forms the detected forms hold; a style formula matches a gold form it contains (大会核可 / 核可)."""
    if gold.kind != "style":
        return len(forms & gold.forms)
    return sum(1 for g in gold.forms if any(g in f for f in forms))


def _hits(forms: set[str], gold: list[Gold]) -> bool:
    return any(_shared(forms, g) >= 2 for g in gold)


def line(label: str, correct: int, judged: int, found: int, total: int) -> str:
    return (
        f"{label:28} precision {correct}/{judged} = {correct / max(judged, 1):.2f}   "
        f"recall {found}/{total} = {found / max(total, 1):.2f}"
    )


def main() -> int:
    dev, keep, apart = read_dev(DEV)
    seed = read_seed(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "corpus", Path(tmp) / "corpus")
        groups = build(Path(tmp) / "corpus", Path(tmp) / "shuyu.db", out_dir=tmp).variant_groups
    detected = [{f.form for f in g.forms} for g in groups]
    print(f"{len(groups)} groups detected; dev set {len(dev)} groups, seed set {len(seed)} groups\n")
    print(line("dev, tune part", *scores(detected, dev, {"tune"})))
    print(line("dev, held-out part", *scores(detected, dev, {"held"})))
    print(line("dev, all", *scores(detected, dev, {"tune", "held"})))
    print(line("seed, all", *scores(detected, seed, {"seed", "derived"})))
    print(line("seed, without derived", *scores(detected, seed, {"seed"})))
    # A name the detection keeps (its own concept) shields the superseded form inside it from lint.
    shielded = {k.form for g in groups for k in getattr(g, "kept", [])}
    superseded = {f.form for g in groups for f in g.forms if f.status == "superseded"}
    keep = [n for n in keep if not any(k in n and len(k) == len(n) for k in shielded)]
    print(
        "\nkept names holding a superseded form:",
        [(n, sorted(f for f in superseded if f in n)) for n in keep if any(f in n for f in superseded)] or "none",
    )
    print("apart pairs grouped:", [sorted(p) for p in apart if any(p <= d for d in detected)] or "none")
    print("\ngroups not in the dev set:")
    for g in groups:
        if not _hits({f.form for f in g.forms}, dev):
            print("  ", " / ".join(f.form for f in g.forms), f"[{g.kind}]")
    print("dev groups missed:")
    for g in dev:
        if not any(_shared(d, g) >= 2 for d in detected):
            print(f"   {g.part} {g.kind}:", " / ".join(sorted(g.forms)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
