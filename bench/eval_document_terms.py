"""Evaluate the terms of one document (`shuyu mine --document FILE`) against gold read by hand.

    python bench/eval_document_terms.py            # needs ../shared/datasets/un-devset-zh-en
    python bench/eval_document_terms.py -v         # also each document's list, judged (not of sealed sets)
    python bench/eval_document_terms.py --sets tuned,dev3   # only these gold sets

Each document is rebuilt from the UN Parallel Corpus devset (its sentences of one symbol, ordered by
zh_position, one paragraph each: the devset holds a sample of each document's sentences), written to a
file and given to `shuyu mine --document FILE --json` against a database built from the bundled corpus
(`shuyu build`), as a translator would run it.

Gold files, reported apart: ``document_terms.txt`` (the three resolutions the extractor was
developed on: a tuned figure), ``document_terms_heldout.txt`` (four resolutions read and judged before
the tool was run on them, since tuned on), ``document_terms_blind.txt`` (five further resolutions, gold
committed before the tool was first run on them; tuned on too since the rules of issue 17's second
round) and ``document_terms_blind2.txt`` when present (written while those rules were built, never
looked at by their author: the honest figure), ``document_terms_dev3.txt`` (eight reports and working papers,
not resolutions, read before the tool was run on them: the development set of issue 17's third round) and
``document_terms_blind3.txt`` when present, ``document_terms_dev4.txt`` (eight further texts of several bodies and
kinds, read before the tool was run on them: the development set of issue 17's fourth round),
``document_terms_dev5.txt`` (ten short resolutions and drafts) and ``document_terms_dev6.txt`` (ten further
texts), read before the tool was run on them: the development sets of the fifth round,
``document_terms_blind4.txt`` (ten texts, written with them), and ``document_terms_dev7.txt`` and
``document_terms_dev8.txt`` (twenty more, read before the tool was run on them: the first-run check of that
round).  The blind2, blind3 and blind4 sets are sealed: ``-v`` never prints
their judged lists, so that whoever tunes the extractor sees only the figures.
Precision@20: share of the first 20 terms (or of all, when fewer) that the gold lists.  Names: gold
names (kind ``name``) that the tool returns anywhere in its list, against the names present.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from click.testing import CliRunner

from shuyu.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent
DEVSET = next(
    (p / "shared" / "datasets" / "un-devset-zh-en" / "un-devset.tsv" for p in ROOT.parents if (p / "shared").is_dir()),
    ROOT.parent / "shared" / "datasets" / "un-devset-zh-en" / "un-devset.tsv",
)  # ../shared from the repo root, or from a worktree's parent
GOLD = ROOT / "bench" / "gold"
GOLD_SETS = {"tuned": GOLD / "document_terms.txt"} | {
    label: GOLD / f"document_terms_{label.replace('-', '')}.txt"
    for label in ("held-out", "blind", "dev3", "dev4", "blind2", "blind3", "dev5", "dev6", "dev7", "dev8", "blind4")
}
SEALED = {"blind2", "blind3", "blind4"}  # never looked at by whoever tunes the extractor: -v prints no list of theirs
K = 20


def read_gold(path: Path) -> dict[str, dict[str, str]]:
    """symbol → {term: kind}, in file order."""
    gold: dict[str, dict[str, str]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            symbol, kind, term = line.split("\t")
            gold[symbol][term] = kind
    return gold


def devset_documents() -> dict[str, list[str]]:
    """Symbol (without the devset's year prefix and suffix: a/res/69/244, s/res/2203) → its sentences."""
    rows: dict[str, list[tuple[tuple[int, ...], str]]] = defaultdict(list)
    with open(DEVSET, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            symbol = row["symbol"].lower().split("/", 1)[1].split("__")[0]
            position = tuple(int(x) for x in row["zh_position"].split(":"))
            rows[symbol].append((position, row["zh"]))
    return {symbol: [text for _, text in sorted(sentences)] for symbol, sentences in rows.items()}


def shuyu(*args: str) -> str:
    """Run a shuyu command as a translator would (the CLI, in this process); its standard output."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if result.exit_code:
        raise SystemExit(f"shuyu {' '.join(args)}: exit {result.exit_code}\n{result.output}")
    return result.stdout


def mine_document(db: Path, path: Path) -> list[str]:
    return [entry["term"] for entry in json.loads(shuyu("--db", str(db), "mine", "--document", str(path), "--json"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="print each document's list, judged")
    parser.add_argument(
        "--sets",
        default=",".join(GOLD_SETS),
        help=f"comma-separated gold sets to score (default all: {','.join(GOLD_SETS)})",
    )
    args = parser.parse_args()
    labels = [label.strip() for label in args.sets.split(",") if label.strip()]
    unknown = [label for label in labels if label not in GOLD_SETS]
    if unknown:
        print(f"unknown gold set(s): {', '.join(unknown)} (known: {', '.join(GOLD_SETS)})", file=sys.stderr)
        return 2
    if not DEVSET.is_file():
        print(f"no devset at {DEVSET}", file=sys.stderr)
        return 2
    documents = devset_documents()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        shuyu("build", "--corpus", str(ROOT / "corpus"), "--out", str(out / "build"))
        db = out / "build" / "termbase" / "shuyu.db"
        for label in labels:
            gold_path = GOLD_SETS[label]
            if not gold_path.is_file():
                continue
            gold = read_gold(gold_path)
            print(f"== {label} ({gold_path.name})")
            hits_all = shown_all = names_found_all = names_all = 0
            for symbol, judged in gold.items():
                path = out / (symbol.replace("/", "-") + ".txt")
                path.write_text("\n\n".join(documents[symbol]) + "\n", encoding="utf-8")
                ranked = mine_document(db, path)
                top = ranked[:K]
                hits = sum(1 for term in top if term in judged)
                names = [term for term, kind in judged.items() if kind == "name"]
                found = [name for name in names if name in ranked]
                hits_all, shown_all = hits_all + hits, shown_all + len(top)
                names_found_all, names_all = names_found_all + len(found), names_all + len(names)
                precision = hits / len(top) if top else 0.0
                print(
                    f"{symbol:16} {sum(map(len, documents[symbol])):4} chars  precision@{K} {precision:.2f} "
                    f"({hits}/{len(top)})  names {len(found)}/{len(names)}  terms returned {len(ranked)}"
                )
                if args.verbose and label not in SEALED:
                    print("   ", " ".join(term if term in judged else f"✗{term}" for term in top))
                    print("    names missed:", " ".join(sorted(set(names) - set(found))) or "-")
            print(
                f"{'all':16}             precision@{K} {hits_all / max(shown_all, 1):.2f} ({hits_all}/{shown_all})  "
                f"names {names_found_all}/{names_all}\n"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
