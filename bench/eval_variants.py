"""Evaluate variant detection against the dev gold set of variant groups.

    python bench/eval_variants.py

Builds the bundled corpus into a temporary folder, detects the groups and
compares them with ``bench/gold/seed_variants.txt``.  A detected group is
correct when at least two of its forms belong to one gold group; a gold group
is found when some detected group holds at least two of its forms.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from shuyu.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "gold" / "seed_variants.txt"


def read_gold(path: Path) -> list[tuple[set[str], bool]]:
    """(forms, derived) per gold group."""
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        derived = line.startswith("derived:")
        forms = {f.strip().replace(" ", "") for f in line.removeprefix("derived:").split("|")}
        groups.append((forms, derived))
    return groups


def match(forms: set[str], gold: list[tuple[set[str], bool]]) -> tuple[set[str], bool] | None:
    return next((g for g in gold if len(forms & g[0]) >= 2), None)


def main() -> int:
    gold = read_gold(GOLD)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "corpus", Path(tmp) / "corpus")
        detected = build(Path(tmp) / "corpus", Path(tmp) / "shuyu.db", out_dir=tmp).variant_groups
    rows = []
    for group in detected:
        forms = {f.form for f in group.forms}
        rows.append((group, match(forms, gold)))
    for with_derived in (True, False):
        kept = [(g, m) for g, m in rows if with_derived or not (m and m[1])]
        gold_kept = [g for g in gold if with_derived or not g[1]]
        correct = sum(1 for _, m in kept if m)
        found = sum(1 for g in gold_kept if any(len({f.form for f in d.forms} & g[0]) >= 2 for d in detected))
        label = "all groups" if with_derived else "without derived groups"
        print(
            f"{label:24} precision {correct}/{len(kept)} = {correct / max(len(kept), 1):.2f}   "
            f"recall {found}/{len(gold_kept)} = {found / max(len(gold_kept), 1):.2f}"
        )
    print("\nfalse groups:")
    for group, m in rows:
        if not m:
            print("  ", " / ".join(f.form for f in group.forms), f"[{group.kind}]")
    print("missed:")
    for forms, derived in gold:
        if not any(len({f.form for f in d.forms} & forms) >= 2 for d in detected):
            print("  ", " / ".join(sorted(forms)), "(derived)" if derived else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
