"""Proof in a real CAT tool: OmegaT fills a UN source text from a TMX that shuyu wrote.

The TM is built the way shuyu's builder will build it: aligned paragraphs (SDG
targets of a goal, English and Chinese) cut into sentences by
``shuyu.text.segment`` and written by ``shuyu.formats.tm.tmx``.  OmegaT (3.6,
headless) segments the English document with its own default SRX rules and
inserts the 100 % matches of ``tm/auto``: every source sentence must come out
in our Chinese.  A paragraph-level TMX of the same text gets nothing, which is
why the segmenter matters.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from itertools import groupby
from pathlib import Path

import pytest

from shuyu.formats.tm import tmx
from shuyu.model.bitext import TMUnit
from shuyu.text.segment import split
from shuyu.tm.units import resegment

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "tmx"
OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")

pytestmark = [
    pytest.mark.omegat,
    pytest.mark.skipif(shutil.which("java") is None, reason="java is not installed (apt-get install omegat)"),
    pytest.mark.skipif(not OMEGAT_JAR.exists(), reason=f"{OMEGAT_JAR} is missing (apt-get install omegat)"),
]

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>en-US</source_lang>
    <target_lang>zh-CN</target_lang>
    <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def goal_paragraphs() -> list[TMUnit]:
    """One aligned paragraph per goal: its targets, each a sentence, as the resolution prints them in a row."""
    with open(FIXTURES / "sdg-targets.en-zh.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    paragraphs = []
    for goal, targets in groupby(rows, key=lambda row: row["key"].split("-")[0]):
        targets = list(targets)
        paragraphs.append(
            TMUnit(
                source=" ".join(t["en"] + "." for t in targets),
                target="".join(t["zh"] + "。" for t in targets),
                source_lang="en-US",
                target_lang="zh-CN",
                document="A/RES/70/1",
                symbol="A/RES/70/1",
                year=2015,
                paragraph=f"Goal {goal}",
                confidence=1.0,
                creationdate="20151021T000000Z",
            )
        )
    return paragraphs


def run_omegat(tmp_path: Path, tms: dict[str, list[TMUnit] | Path], paragraphs: list[TMUnit], codes=None) -> str:
    """Create a project, put each TMX in tm/auto/, translate headless, and return the target document."""
    project = tmp_path / "project"
    for folder in ("source", "target", "tm/auto", "glossary", "omegat", "dictionary"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(PROJECT, encoding="utf-8")
    # OmegaT's text filter ends a paragraph at an empty line (a single line break is only a space)
    (project / "source" / "sdg.txt").write_text("\n\n".join(p.source for p in paragraphs) + "\n", encoding="utf-8")
    for name, units in tms.items():
        if isinstance(units, Path):  # a TMX written elsewhere (e.g. by `shuyu export tmx`)
            shutil.copy(units, project / "tm" / "auto" / name)
            continue
        source_lang, target_lang = (codes or {}).get(name, ("en-US", "zh-CN"))
        report = tmx.write(units, project / "tm" / "auto" / name, source_lang=source_lang, target_lang=target_lang)
        assert report.units == len(units) and not report.skipped
    result = subprocess.run(
        ["java", "-Djava.awt.headless=true", "-jar", str(OMEGAT_JAR), str(project), "--mode=console-translate"],
        check=False,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return (project / "target" / "sdg.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def paragraphs() -> list[TMUnit]:
    return goal_paragraphs()


def test_omegat_fills_every_sentence_from_a_sentence_level_tmx(tmp_path, paragraphs):
    sentences = [unit for paragraph in paragraphs for unit in resegment(paragraph)]
    english = [s for p in paragraphs for s in split(p.source, "en")]
    assert len(sentences) == len(english) > len(paragraphs)  # multi-sentence paragraphs: segmentation matters
    target = run_omegat(tmp_path, {"sdg.tmx": sentences}, paragraphs)
    filled = [unit for unit in sentences if unit.target in target]
    assert len(filled) == len(sentences), [u.source for u in sentences if u not in filled]
    assert not [unit.source for unit in sentences if unit.source in target]  # no English left


def test_a_paragraph_level_tmx_gives_omegat_nothing(tmp_path, paragraphs):
    target = run_omegat(tmp_path, {"sdg.tmx": paragraphs}, paragraphs)
    assert not [p for p in paragraphs for zh in split(p.target, "zh") if zh in target]


def test_omegat_takes_units_whose_codes_differ_only_in_region(tmp_path, paragraphs):
    """en-GB → zh-SG and en → zh are the project's en-US → zh-CN: OmegaT falls back to the language alone."""
    sentences = [unit for paragraph in paragraphs for unit in resegment(paragraph)]
    half = len(sentences) // 2
    target = run_omegat(
        tmp_path,
        {"gb.tmx": sentences[:half], "bare.tmx": sentences[half:]},
        paragraphs,
        codes={"gb.tmx": ("en-GB", "zh-SG"), "bare.tmx": ("en", "zh")},
    )
    assert [unit.source for unit in sentences if unit.target not in target] == []


def test_omegat_cuts_english_where_the_segmenter_does(tmp_path):
    """Abbreviations, times, numbers, ellipses and a leading paragraph number: OmegaT's segments are ours.

    Each of our segments gets a numbered stand-in translation; a segment OmegaT
    cut differently would stay English in the target file.
    """
    paragraph = (
        "1. Decides that Mr. Guterres spoke at 3 p.m. today, e.g. on target 1.1. The Council adopted "
        "resolution No. 5. It ended... and resumed. See No. A/70/1 here. Why? Because i.e. (a) to "
        "promote; (b) to ensure."
    )
    segments = split(paragraph, "en-US")
    units = [TMUnit(s, f"第{i}段", "en-US", "zh-CN") for i, s in enumerate(segments, 1)]
    target = run_omegat(tmp_path, {"tricky.tmx": units}, [TMUnit(paragraph, "", "en-US", "zh-CN")])
    assert len(segments) == 8
    assert "".join(u.target for u in units) == target.strip()  # OmegaT drops the spaces between Chinese segments


def test_omegat_cuts_real_english_paragraphs_as_the_segmenter_does(tmp_path):
    """TICO-19 paragraphs with several sentences or abbreviations: every segment OmegaT cuts is one of ours."""
    paragraphs = list(tmx.read(FIXTURES / "tico19-sentences.en-zh.tmx", "en", "zh"))
    segments = list(dict.fromkeys(s for p in paragraphs for s in split(p.source, "en")))
    assert len(segments) > len(paragraphs) + 30
    units = [TMUnit(s, f"〔{i}〕", "en-US", "zh-CN") for i, s in enumerate(segments, 1)]
    target = run_omegat(tmp_path, {"tico.tmx": units}, paragraphs)
    assert [unit.source for unit in units if unit.target not in target] == []


def test_omegat_fills_every_sentence_from_shuyu_export_tmx_of_a_store(tmp_path, paragraphs):
    """The whole path: aligned paragraphs stored, the TM derived from them, `shuyu export tmx`, OmegaT."""
    from click.testing import CliRunner

    from shuyu.cli import main
    from shuyu.model.bitext import SentencePair
    from shuyu.store import Store
    from shuyu.tm.memory import refresh

    db = tmp_path / "shuyu.db"
    with Store(db) as store, store.transaction():
        for doc, lang in (("a-res-70-1-zh", "zh"), ("a-res-70-1-en", "en")):
            store.replace_document(
                {"id": doc, "lang": lang, "year": 2015, "date": "2015-10-21", "symbols": ["A/RES/70/1"]}, [], [], []
            )
        beads = [SentencePair((i,), (i,), p.target, p.source, 0.95, p.paragraph) for i, p in enumerate(paragraphs)]
        store.replace_alignment("a-res-70-1-zh", "a-res-70-1-en", beads)
        refresh(store)
    exported = tmp_path / "shuyu-en-zh.tmx"
    result = CliRunner().invoke(main, ["--db", str(db), "export", "tmx", "-o", str(exported)])
    assert result.exit_code == 0, result.output
    sentences = [unit for paragraph in paragraphs for unit in resegment(paragraph)]
    assert f"{len(sentences)} units" in result.output
    target = run_omegat(tmp_path, {"shuyu-en-zh.tmx": exported}, paragraphs)
    assert [unit.source for unit in sentences if unit.target not in target] == []
