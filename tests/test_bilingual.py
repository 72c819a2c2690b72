"""The bilingual corpus end to end: a TM source and a zh–en pair built, aligned, English in the termbase;
and `shuyu align` on files.  Real UN text: SDG targets (A/RES/70/1) and UN Parallel Corpus pairs."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import FIXTURES

from shuyu.cli import main
from shuyu.formats.tm import tmx
from shuyu.store import Store

ALIGN = FIXTURES / "align"
TM = FIXTURES / "bilingual" / "un-devset-excerpt.tmx"

MANIFEST = """
[[document]]
id = "sdg-zh"
file = "sdg.zh.txt"
lang = "zh"
year = 2015
symbols = ["A/RES/70/1"]
pair = "sdg-en"

[[document]]
id = "sdg-en"
file = "sdg.en.txt"
lang = "en"
year = 2015
symbols = ["A/RES/70/1"]
pair = "sdg-zh"

[[document]]
id = "devset"
file = "devset.tmx"
year = 2015
title = "UN Parallel Corpus excerpt"
"""


def invoke(runner, *args, code=0):
    result = runner.invoke(main, [str(a) for a in args])
    assert result.exit_code == code, result.output
    return result


def _corpus(folder):
    folder.mkdir(parents=True)
    shutil.copy(ALIGN / "sdg_targets.zh.txt", folder / "sdg.zh.txt")
    shutil.copy(ALIGN / "sdg_targets.en.txt", folder / "sdg.en.txt")
    shutil.copy(TM, folder / "devset.tmx")
    (folder / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def bilingual(tmp_path_factory):
    """A small bilingual corpus built once: (folder, database, the build's output)."""
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("bilingual")
    corpus = _corpus(out / "corpus")
    result = invoke(CliRunner(), "build", "--corpus", corpus, "--out", out)
    return out, out / "termbase" / "shuyu.db", result.output


def test_tm_source_becomes_paired_documents_per_symbol_with_given_pairs(bilingual, runner):
    _, db, output = bilingual
    assert "aligned sdg-zh ↔ sdg-en: 20 pairs" in output and ": ok" in output
    docs = json.loads(invoke(runner, "--db", db, "corpus", "list", "--json").stdout)
    tm_docs = [d for d in docs if d["file"] == "devset.tmx"]
    assert len(tm_docs) == 24  # 12 symbols, a Chinese and an English document each
    zh = next(d for d in tm_docs if d["symbols"] == ["A/RES/69/170"] and d["lang"] == "zh")
    assert zh["year"] == 2015 and zh["pair"].endswith(".en")
    listing = invoke(runner, "--db", db, "corpus", "list").output
    assert "devset.tmx" in listing and "12 symbols (TM source)" in listing and "A/RES/69/170" not in listing
    assert "A/RES/69/170" in invoke(runner, "--db", db, "corpus", "list", "--all").output
    with Store(db, create=False) as store:
        pairs = list(store.aligned_pairs())
    given = [p for p in pairs if p["origin"] == "given"]
    assert len(given) == 76 and all(p["confidence"] == 1.0 for p in given)
    assert {p["symbols"][0] for p in given} >= {"A/RES/69/170", "E/CN.5/2015/L.3"}
    sdg = [p for p in pairs if p["origin"] == "aligned"]
    assert sdg[0]["zh"].startswith("1.1") and sdg[0]["en"].startswith("1.1 By 2030")


def test_english_equivalents_in_lookup_and_exports(bilingual, runner):
    out, db, _ = bilingual
    for query in ("Member State", "member states", "Member States"):
        hit = json.loads(invoke(runner, "--db", db, "lookup", query, "--json").stdout)[0]
        forms = {(t["lang"], t["form"]) for t in hit["terms"]}
        assert ("zh", "会员国") in forms and ("en", "Member States") in forms
    english = next(t for t in hit["terms"] if t["form"] == "Member States")
    assert english["provenance"] == "aligned" and english["count"] >= 3
    assert english["sources"] and english["sources"][0]["year"] == 2015
    glossary = (out / "termbase" / "shuyu-en-zh.omegat.txt").read_text(encoding="utf-8")
    assert "\nMember States\t会员国\t" in glossary
    assert "<term>Member States</term>" in (out / "termbase" / "shuyu.tbx").read_text(encoding="utf-8")
    assert "Member States" in (out / "termbase" / "shuyu.csv").read_text(encoding="utf-8-sig")


def test_a_users_english_wins_over_the_aligned_one(bilingual, runner, tmp_path):
    _, built, _ = bilingual
    db = tmp_path / "shuyu.db"
    shutil.copy(built, db)
    invoke(runner, "--db", db, "term", "english", "会员国", "Member Nations")
    hit = json.loads(invoke(runner, "--db", db, "lookup", "会员国", "--json").stdout)[0]
    english = [t for t in hit["terms"] if t["lang"] == "en"]
    assert english[0]["form"] == "Member Nations" and english[0]["status"] == "preferred"
    invoke(runner, "--db", db, "term", "status", "Member States", "rejected", "--lang", "en")
    path = tmp_path / "glossary.txt"
    invoke(runner, "--db", db, "export", "tsv", "-o", path)
    glossary = path.read_text(encoding="utf-8")
    assert "Member Nations\t会员国" in glossary and "Member States\t" not in glossary


def test_rebuild_aligns_only_a_changed_pair(bilingual, runner, tmp_path):
    out, _, _ = bilingual
    folder = tmp_path / "copy"
    shutil.copytree(out, folder)
    again = invoke(runner, "build", "--corpus", folder / "corpus", "--out", folder).output
    assert "aligned sdg" not in again and "0 added, 0 updated" in again
    en = folder / "corpus" / "sdg.en.txt"
    en.write_text(en.read_text(encoding="utf-8").replace("By 2030", "By the year 2030", 1), encoding="utf-8")
    changed = invoke(runner, "build", "--corpus", folder / "corpus", "--out", folder).output
    assert "1 updated" in changed and "aligned sdg-zh ↔ sdg-en: 20 pairs" in changed


def test_a_mismatched_pair_is_reported_and_stored_low(runner, tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    lines = (corpus / "sdg.en.txt").read_text(encoding="utf-8").splitlines()
    (corpus / "sdg.en.txt").write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    output = invoke(runner, "build", "--corpus", corpus, "--out", tmp_path).output
    assert "do not look like translations of each other" in output
    with Store(tmp_path / "termbase" / "shuyu.db", create=False) as store:
        aligned = [p for p in store.aligned_pairs() if p["origin"] == "aligned"]
    assert aligned and all(p["confidence"] < 0.5 for p in aligned)


def test_corpus_add_pair_then_build_aligns(runner, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for lang in ("zh", "en"):
        shutil.copy(ALIGN / f"sdg_targets.{lang}.txt", corpus / f"sdg.{lang}.txt")
    db = tmp_path / "shuyu.db"
    invoke(runner, "--db", db, "corpus", "add", corpus / "sdg.zh.txt", "--corpus", corpus, "--year", 2015)
    invoke(runner, "--db", db, "corpus", "add", corpus / "sdg.en.txt", "--corpus", corpus, "--pair", "sdg.zh")
    missing = invoke(
        runner, "--db", db, "corpus", "add", corpus / "sdg.en.txt", "--corpus", corpus, "--pair", "x", code=2
    )
    assert "--pair 'x'" in missing.output
    output = invoke(runner, "--db", db, "build", "--corpus", corpus, "--out", tmp_path).output
    assert "aligned sdg.zh ↔ sdg.en: 20 pairs" in output


def test_align_command_formats(runner, tmp_path):
    zh, en = ALIGN / "sdg_targets.zh.txt", ALIGN / "sdg_targets.en.txt"
    pairs = json.loads(invoke(runner, "align", zh, en, "--format", "json").stdout)
    assert len(pairs) == 20 and {"zh", "en", "confidence"} <= set(pairs[0])
    assert pairs[0]["zh"].startswith("1.1") and pairs[0]["en"].startswith("1.1")
    beads = invoke(runner, "align", zh, en, "--presplit", "--format", "beads").stdout.splitlines()
    assert beads[:3] == ["[0]:[0]", "[1]:[1]", "[2]:[2]"] and len(beads) == 20
    tsv = invoke(runner, "align", zh, en).stdout.splitlines()
    assert tsv[0] == "zh\ten\tconfidence\tbead" and len(tsv) == 21
    out = tmp_path / "pairs.tmx"
    result = invoke(runner, "align", zh, en, "--format", "tmx", "-o", out)
    assert result.stdout == ""
    units = list(tmx.read(out, "en-US", "zh-CN"))
    assert len(units) == 20 and units[0].source.startswith("1.1 By 2030") and units[0].confidence > 0.5


def test_align_command_bad_input(runner, tmp_path):
    zh, en = ALIGN / "sdg_targets.zh.txt", ALIGN / "sdg_targets.en.txt"
    shuffled = tmp_path / "reversed.en.txt"
    shuffled.write_text("\n".join(reversed(en.read_text(encoding="utf-8").splitlines())) + "\n", encoding="utf-8")
    mismatched = invoke(runner, "align", zh, shuffled, "--presplit", "--format", "json", code=1)
    assert "do not look like translations" in mismatched.stderr
    assert sum(p["confidence"] < 0.5 for p in json.loads(mismatched.stdout)) >= 8
    chinese = invoke(runner, "align", zh, zh, code=2)
    assert "sdg_targets.zh.txt: the English side is Chinese text" in chinese.output
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    assert "empty file" in invoke(runner, "align", zh, empty, code=2).output
    assert "no such file" in invoke(runner, "align", zh, tmp_path / "none.txt", code=2).output
    assert "Invalid value" in invoke(runner, "align", zh, en, "--format", "xml", code=2).output
