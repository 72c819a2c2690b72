"""Make the bundled bilingual corpus files from ../shared/datasets (run once; the output is committed).

- The SDG goals and targets of A/RES/70/1 (Open SDG's key-aligned compilation) become one Chinese and
  one English document, numbered as the resolution numbers them: ``目标1.`` / ``Goal 1.`` and
  ``1.1`` … ``1.a``.  The compilation's ASCII commas in Chinese stay as they are: cleaning turns
  half-width punctuation in Chinese into full-width, as it does for any extracted text.
- The UN Parallel Corpus development-set pairs (Ziemski et al. 2016) become one TMX file, a
  translation-memory source of the corpus: each unit English → Chinese with its document symbol
  (``2015/a/69/767`` → ``A/69/767``), year, and the Chinese and English positions (paragraph:sentence).
  Units are ordered by symbol and Chinese position, so each document's sentences come in reading order.

Usage: python scripts/bundle_datasets.py ../shared/datasets corpus
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from shuyu.formats.tm import tmx
from shuyu.model.bitext import TMUnit

HEADINGS = {
    "zh": ("可持续发展目标和具体目标", "目标{goal}. {text}"),
    "en": ("Sustainable Development Goals and targets", "Goal {goal}. {text}"),
}
_TARGET_KEY = re.compile(r"^(\d+)-([0-9a-z]+)-title$")


def _target_order(key: str) -> tuple[int, int, str]:
    goal, item = _TARGET_KEY.match(key).groups()
    return (int(goal), 0, f"{int(item):03d}") if item.isdigit() else (int(goal), 1, item)


def sdg_document(folder: Path, lang: str) -> str:
    goals = yaml.safe_load((folder / "global_goals.yml").read_text(encoding="utf-8"))
    targets = yaml.safe_load((folder / "global_targets.yml").read_text(encoding="utf-8"))
    heading, goal_line = HEADINGS[lang]
    lines = [heading, ""]
    by_goal: dict[int, list[str]] = {}
    for key in sorted((k for k in targets if _TARGET_KEY.match(k)), key=_target_order):
        goal, item = _TARGET_KEY.match(key).groups()
        by_goal.setdefault(int(goal), []).append(f"{goal}.{item} {' '.join(str(targets[key]).split())}")
    for goal in sorted(by_goal):
        lines.append(goal_line.format(goal=goal, text=" ".join(str(goals[f"{goal}-title"]).split())))
        lines.extend(by_goal[goal])
        lines.append("")
    return "\n".join(lines)


def un_symbol(corpus_symbol: str) -> tuple[int, str]:
    """The year and UN symbol of a UN Parallel Corpus document name: ``2015/e/cn_6/2015/ngo/259`` →
    (2015, ``E/CN.6/2015/NGO/259``); ``s/res/2211__2015_`` → ``S/RES/2211 (2015)``."""
    year, rest = corpus_symbol.split("/", 1)
    rest = re.sub(r"__([^_/]+)_$", lambda m: " (" + m.group(1).replace("_", " ") + ")", rest)
    return int(year), rest.replace("_", ".").upper()


def _position(text: str) -> tuple[int, int]:
    paragraph, sentence = text.split(":")
    return int(paragraph), int(sentence)


def devset_units(tsv: Path) -> list[TMUnit]:
    rows = [line.split("\t") for line in tsv.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    rows.sort(key=lambda r: (r[0], _position(r[1]), _position(r[2])))
    units = []
    for corpus_symbol, zh_position, en_position, zh, en in rows:
        year, symbol = un_symbol(corpus_symbol)
        units.append(
            TMUnit(
                source=en.strip(),
                target=zh.strip(),
                source_lang="en-US",
                target_lang="zh-CN",
                document=corpus_symbol,
                symbol=symbol,
                year=year,
                paragraph=zh_position,
                origin="given",
                props=[("x-en-paragraph", en_position)],
            )
        )
    return units


def main(datasets: Path, corpus: Path) -> None:
    sdg = datasets / "sdg-zh-en"
    (corpus / "a-res-70-1-sdg.zh.txt").write_text(sdg_document(sdg / "zh-Hans", "zh"), encoding="utf-8")
    (corpus / "a-res-70-1-sdg.en.txt").write_text(sdg_document(sdg / "en", "en"), encoding="utf-8")
    (corpus / "LICENSE-sdg.MIT.txt").write_text((sdg / "LICENSE.MIT.txt").read_text(encoding="utf-8"), encoding="utf-8")
    devset = datasets / "un-devset-zh-en"
    tmx.write(
        devset_units(devset / "un-devset.tsv"), corpus / "un-devset-2015.tmx", source_lang="en-US", target_lang="zh-CN"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
