"""Termbase exports as their consumers read them: OmegaT (its own classes), CAT tables, SARIF, the packaged termbase."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

from shuyu.cli import main
from shuyu.formats import termbase as formats
from shuyu.model.usage import STATUS_ORDER, forbidden, is_regional
from shuyu.store import Store
from shuyu.termbase.assemble import curate, rebuild
from shuyu.termbase.exchange import (
    MIN_CANDIDATE_SCORE,
    ExportFilter,
    candidate_scores,
    concepts,
    export,
)

OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
PROBE = Path(__file__).resolve().parent / "omegat" / "GlossaryProbe.java"
# English equivalents, added the way a terminologist (or an import) adds them: the termbase has none yet.
ENGLISH = [
    ("World Summit on the Information Society", "信息社会世界峰会", "preferred", None),
    ("WSIS", "信息社会世界峰会", "admitted", "acronym"),
    ("Internet", "因特网", "preferred", None),
    ("digital divide", "数字鸿沟", "preferred", None),
    ("private sector", "私营部门", "preferred", None),
    ("multi-stakeholder", "多利益攸关方", "preferred", None),
]
# English source sentences of the kind UN translators get (A/RES/70/125, A/RES/68/198).
SENTENCES = [
    "Recalling the outcome documents of the World Summit on the Information Society,",
    "We recognize that the WSIS outcomes have been implemented in many countries.",
    "Noting that the digital divide between developed and developing countries persists,",
    "Encourages the private sector to contribute to Internet governance,",
    "Reaffirming the value of the multi-stakeholder approach,",
]


@pytest.fixture(scope="module")
def bilingual(bundled, tmp_path_factory):
    """The bundled termbase with English equivalents for a few concepts."""
    path = tmp_path_factory.mktemp("bilingual") / "shuyu.db"
    shutil.copy(bundled / "shuyu.db", path)
    with Store(path) as store, store.transaction():
        for english, chinese, status, kind in ENGLISH:
            curate(store, "add", form=english, lang="en", to=chinese, to_lang="zh", status=status, type=kind)
        rebuild(store)
    return path


@pytest.fixture(scope="module")
def exported(bilingual, tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    files = {
        "tbx": "t.tbx",
        "tbx2": "t2.tbx",
        "omegat-tbx": "g.omegat.tbx",
        "tsv": "g.omegat.txt",
        "csv": "t.csv",
        "xlsx": "t.xlsx",
    }
    with Store(bilingual) as store:
        for name, file_name in files.items():
            export(store, name, out / file_name)
    return {name: out / file_name for name, file_name in files.items()}


def _flagged_and_regional(db) -> set[str]:
    with Store(db) as store:
        every = concepts(store, ExportFilter(min_score=None))
    return {t.form for c in every for t in c.terms if t.lang == "zh" and forbidden(t)}


@pytest.mark.parametrize("name", ["tbx", "tbx2", "csv", "xlsx"])
def test_every_export_puts_the_preferred_form_first(exported, name):
    read = formats.by_name(name).read(exported[name])
    checked = 0
    for concept in read:
        chinese = [t for t in concept.terms if t.lang == "zh"]
        ranks = [(STATUS_ORDER[t.status], is_regional(t)) for t in chinese]
        assert ranks == sorted(ranks), [(t.form, t.status) for t in chinese]
        checked += len(chinese) > 1
    assert checked >= 15  # the variant groups
    summit = next(c for c in read if any(t.form == "信息社会世界峰会" for t in c.terms))
    assert summit.terms[0].form == "信息社会世界峰会" and summit.terms[0].status == "preferred"
    assert {t.status for t in summit.terms if t.form == "信息社会世界首脑会议"} == {"superseded"}


def test_default_exports_leave_out_weak_candidates(bilingual, tmp_path, runner):
    with Store(bilingual) as store:
        scores = candidate_scores(store)
        default = concepts(store)
        everything = concepts(store, ExportFilter(min_score=None))
    kept = [t for c in default for t in c.terms if t.status == "candidate" and t.lang == "zh"]
    mined = [t for t in kept if t.provenance == "mined"]
    assert mined and all(scores[t.form] >= MIN_CANDIDATE_SCORE for t in mined)
    # Bilingual term extraction's terms have no miner score: their English is the evidence, and they stay.
    assert {t.provenance for t in kept} == {"mined", "aligned"}
    weak = {form for form, score in scores.items() if score < MIN_CANDIDATE_SCORE}
    assert weak and not weak & {t.form for c in default for t in c.terms if t.status == "candidate"}
    assert weak <= {t.form for c in everything for t in c.terms}
    # Reviewed and proposed forms (variant groups) are never left out.
    reviewed = {t.form for c in everything for t in c.terms if t.status != "candidate"}
    assert reviewed <= {t.form for c in default for t in c.terms}
    out = tmp_path / "all.csv"
    result = runner.invoke(main, ["--db", str(bilingual), "export", "csv", "-o", str(out), "--all"])
    assert result.exit_code == 0 and result.output.startswith(f"{len(everything)} concepts")
    result = runner.invoke(main, ["--db", str(bilingual), "export", "csv", "-o", str(out)])
    assert result.exit_code == 0 and result.output.startswith(f"{len(default)} concepts")


def test_the_omegat_glossary_offers_only_usable_zh_cn_renderings(exported, bilingual):
    lines = exported["tsv"].read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")  # OmegaT skips it; it says what the file is
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == 3 for row in rows)
    avoid = _flagged_and_regional(bilingual)
    assert avoid and not {target for _, target, _ in rows} & avoid
    summit = [row for row in rows if row[0] == "World Summit on the Information Society"]
    assert [target for _, target, _ in summit] == ["信息社会世界峰会"]
    comment = summit[0][2]
    assert (
        comment.startswith("[preferred, 2021]")
        and "avoid: " in comment
        and "信息社会世界首脑会议 (superseded, 2010–2015)" in comment
    )
    assert ("WSIS", "信息社会世界峰会") in {(s, t) for s, t, _ in rows}  # every usable English form is a source


def _omegat(files: list[Path], sentences: list[str], tmp_path: Path) -> tuple[dict[str, int], list[list[str]]]:
    classes = tmp_path / "classes"
    classes.mkdir(exist_ok=True)
    subprocess.run(
        ["javac", "-encoding", "UTF-8", "-cp", str(OMEGAT_JAR), "-d", str(classes), str(PROBE)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    result = subprocess.run(
        [
            "java",
            "-Djava.awt.headless=true",
            "-cp",
            f"{OMEGAT_JAR}:{classes}",
            "GlossaryProbe",
            "EN-US",
            "ZH-CN",
            *map(str, files),
        ],
        input="\n".join(sentences) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    loaded = {row[2]: int(row[1]) for row in rows if row[0] == "loaded"}
    return loaded, [row[1:] for row in rows if row[0] == "hit"]


@pytest.mark.omegat
@pytest.mark.skipif(
    not (OMEGAT_JAR.is_file() and shutil.which("javac") and shutil.which("java")),
    reason="needs OmegaT (/usr/share/omegat/OmegaT.jar) and a JDK (javac): apt-get install omegat default-jdk-headless",
)
@pytest.mark.parametrize("name", ["tsv", "omegat-tbx"])
def test_omegat_finds_our_preferred_renderings(exported, bilingual, tmp_path, name):
    loaded, hits = _omegat([exported[name]], SENTENCES, tmp_path)
    assert loaded[exported[name].name] >= len(ENGLISH)
    by_sentence: dict[int, dict[str, list[str]]] = {}
    for sentence, source, targets, _comments, pane in hits:
        by_sentence.setdefault(int(sentence), {})[source] = targets.split(" | ")
        assert "avoid: " not in pane or "¶ 1. " in pane  # comments are numbered, one per rendering
    avoid = _flagged_and_regional(bilingual)
    offered = {t for found in by_sentence.values() for targets in found.values() for t in targets}
    assert not offered & avoid, offered & avoid
    assert by_sentence[1]["World Summit on the Information Society"] == ["信息社会世界峰会"]
    assert by_sentence[2]["WSIS"] == ["信息社会世界峰会"]
    assert by_sentence[3]["digital divide"][0] == "数字鸿沟"  # 数码鸿沟 admitted beside it (a variant group)
    assert by_sentence[4]["private sector"] == ["私营部门"] and "因特网" in by_sentence[4]["Internet"]
    assert by_sentence[5]["multi-stakeholder"] == ["多利益攸关方"]
    assert len(by_sentence) == len(SENTENCES)


@pytest.mark.omegat
@pytest.mark.skipif(not (OMEGAT_JAR.is_file() and shutil.which("javac")), reason="needs OmegaT and a JDK")
def test_our_csv_in_an_omegat_glossary_folder_reads_as_english_to_chinese(exported, bilingual, tmp_path):
    _, hits = _omegat([exported["csv"]], SENTENCES[:1], tmp_path)
    (hit,) = [h for h in hits if h[1] == "World Summit on the Information Society"]
    assert hit[2] == "信息社会世界峰会"  # source English, target the preferred Chinese, comment its status
    assert hit[3].startswith("preferred")


def test_sarif_is_valid_against_the_official_schema(db, tmp_path, runner):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    draft = tmp_path / "draft.txt"
    draft.write_text("注意到秘书长关于信息社会世界首脑会议成果的报告，\n又注意到因特网和互联网，\n", encoding="utf-8")
    result = runner.invoke(main, ["--db", str(db), "lint", str(draft), "--format", "sarif"])
    assert result.exit_code == 1
    log = json.loads(result.output)
    jsonschema.validate(log, schema)
    (fixed,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "deprecated-term"]
    (change,) = fixed["fixes"][0]["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == "信息社会世界峰会成果"
    assert replacement["deletedRegion"] == {"startLine": 1, "startColumn": 9, "endLine": 1, "endColumn": 21}
    assert all("artifactChanges" in fix for r in log["runs"][0]["results"] for fix in r.get("fixes", []))
    # The same log without artifactChanges is what the schema refuses.
    del fixed["fixes"][0]["artifactChanges"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, schema)


def test_lint_and_lookup_work_in_a_fresh_repository(tmp_path, runner, monkeypatch):
    from shuyu.data import BUNDLED

    with sqlite3.connect(BUNDLED) as db:
        old, new = db.execute(
            "select t.form, p.form from concept_terms t join concept_terms p on p.concept_id = t.concept_id "
            "where t.lang = 'zh' and t.status = 'superseded' and p.lang = 'zh' and p.status = 'preferred' "
            "order by t.count desc limit 1"
        ).fetchone()
    repo = tmp_path / "project"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "draft.txt").write_text(f"注意到{old}的成果，\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    monkeypatch.delenv("SHUYU_DB", raising=False)
    result = runner.invoke(main, ["lint", "draft.txt", "--format", "json"])
    assert result.exit_code == 1, result.output
    (finding,) = [f for f in json.loads(result.output) if f["check"] == "deprecated-term"]
    assert finding["found"] == old and finding["suggestion"] == new
    looked = runner.invoke(main, ["lookup", new])
    assert looked.exit_code == 0 and old in looked.output
    # A named database that does not exist is an error, never silently the bundled one.
    assert runner.invoke(main, ["--db", "missing.db", "lookup", new]).exit_code == 2


def test_the_packaged_termbase_is_up_to_date(bundled):
    from shuyu.data import BUNDLED

    def forms(path):
        with sqlite3.connect(path) as db:
            return sorted(db.execute("select lang, form, status, coalesce(type, '') from concept_terms"))

    assert forms(BUNDLED) == forms(bundled / "shuyu.db"), "src/shuyu/data/unterm.db is out of date: run `shuyu build`"
    with sqlite3.connect(BUNDLED) as db:
        assert "documents" not in {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
    assert BUNDLED.stat().st_size < 6_000_000  # 2,713 concepts of the bilingual corpus: 4.6 MB
    assert "data/unterm.db" in (REPO / "pyproject.toml").read_text(encoding="utf-8")


def test_a_rebuild_from_scratch_leaves_the_packaged_termbase_as_it_is(bundled, tmp_path):
    """New write times alone (every row of a build from scratch) do not rewrite the file; a changed term does."""
    import shutil

    from shuyu.store.bundle import write_bundle

    database = shutil.copy(bundled / "shuyu.db", tmp_path / "shuyu.db")
    target = write_bundle(database, tmp_path / "unterm.db")
    before = target.read_bytes()
    with sqlite3.connect(database) as db:
        db.execute("update concepts set created = 'later', modified = 'later'")
        db.execute("update concept_terms set modified = 'later'")
    assert write_bundle(database, target).read_bytes() == before
    with sqlite3.connect(database) as db:
        db.execute("update concept_terms set status = 'deprecated' where form = '信息社会世界首脑会议'")
    assert write_bundle(database, target).read_bytes() != before


def test_the_packaged_termbase_is_the_termbase_alone(bundled, tmp_path):
    from shuyu.store.bundle import write_bundle

    out = write_bundle(bundled / "shuyu.db", tmp_path / "unterm.db")  # the built database has its search index
    with sqlite3.connect(out) as db:
        assert {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")} == {
            "meta",
            "concepts",
            "concept_terms",
        }
        assert db.execute("select count(*) from concept_terms").fetchone()[0] > 500


def test_the_packaged_termbase_is_the_same_bytes_when_the_termbase_is(bundled, tmp_path):
    """A build rebuilds the search index (a schema change each time); the packaged copy must not show it."""
    from shuyu.store.bundle import write_bundle
    from shuyu.store.fts import publish

    source = tmp_path / "shuyu.db"
    shutil.copy(bundled / "shuyu.db", source)
    first = write_bundle(source, tmp_path / "first.db").read_bytes()
    with sqlite3.connect(source) as db:
        publish(db)
    assert write_bundle(source, tmp_path / "second.db").read_bytes() == first


def test_translate_toolkit_takes_the_preferred_form_as_the_headword(exported, bilingual):
    from translate.storage import tbx

    with exported["tbx2"].open("rb") as handle:
        units = tbx.tbxfile.parsefile(handle).units
    with Store(bilingual) as store:
        preferred = [next(t.form for t in c.terms if t.lang == "zh") for c in concepts(store)]
    assert [u.source for u in units] == preferred
    assert "信息社会世界峰会" in preferred and "信息社会世界首脑会议" not in preferred


def test_the_tables_have_one_term_per_cell_and_status_columns(exported, bilingual):
    import csv

    from openpyxl import load_workbook

    with exported["csv"].open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header[:3] == ["en", "zh-CN", "zh-CN status"]  # what OmegaT reads as source, target, comment
    assert {"zh-CN preferred", "zh-CN forbidden", "zh-TW", "zh-TW status", "en status", "Entry_ID"} <= set(header)
    column = {name: k for k, name in enumerate(header)}
    assert not any("|" in cell for row in rows for cell in row)
    avoid = _flagged_and_regional(bilingual)
    for row in rows:
        if row[column["zh-CN forbidden"]] == "TRUE":
            assert row[column["en"]] == "" and row[column["zh-CN status"]] in ("superseded", "deprecated")
        assert row[column["zh-CN preferred"]] in ("TRUE", "FALSE", "")
    summit_rows = [
        r
        for r in rows
        if r[column["Entry_ID"]]
        == next(r[column["Entry_ID"]] for r in rows if r[column["zh-CN"]] == "信息社会世界峰会")
    ]
    cells = [cell for r in summit_rows for cell in r]
    assert cells.count("信息社会世界首脑会议") == 1  # once, marked forbidden — never also as a plain term
    assert summit_rows[0][column["zh-CN"]] == "信息社会世界峰会" and summit_rows[0][column["zh-CN preferred"]] == "TRUE"
    taiwan = {r[column["zh-TW"]] for r in rows} - {""}
    assert "網際網路" in taiwan and not taiwan & {r[column["zh-CN"]] for r in rows}
    assert avoid - taiwan <= {r[column["zh-CN"]] for r in rows if r[column["zh-CN forbidden"]] == "TRUE"} | taiwan
    sheet = load_workbook(exported["xlsx"]).active
    assert [c.value for c in sheet[1]][:3] == ["en", "zh-CN", "zh-CN status"] and sheet["A1"].font.bold
    assert sheet.column_dimensions["B"].width > 10 and sheet.freeze_panes == "A2"
