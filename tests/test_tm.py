"""The translation memory: aligned units derived from stored alignments, imports, edits, export, search, analysis.

Real text: the SDG targets of goals 1, 6 and 16 (A/RES/70/1, English and
Chinese, tests/fixtures/tmx/sdg-targets.en-zh.tsv) stored as aligned documents,
and TICO-19's en→zh TMX (tests/fixtures/tmx/tico19-60.en-zh.tmx) as an import.
"""

from __future__ import annotations

import csv
import json
from itertools import groupby
from pathlib import Path

import pytest
from lxml import etree

from shuyu.cli import main
from shuyu.formats.tm import tmx
from shuyu.model.bitext import SentencePair
from shuyu.store import Store
from shuyu.store.tm import UnitFilter
from shuyu.termbase.assemble import curate, rebuild
from shuyu.tm import memory
from shuyu.tm.analyse import analyse, band
from shuyu.tm.search import concordance, fuzzy, open_tm, similarity

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "tmx"
DTD = etree.DTD(str(FIXTURES / "tmx14.dtd"))
TICO = FIXTURES / "tico19-60.en-zh.tmx"


def targets() -> list[dict]:
    with open(FIXTURES / "sdg-targets.en-zh.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def goal_beads() -> list[SentencePair]:
    """Goals 1 and 6: one bead per goal holding all its targets (several sentences each side)."""
    beads = []
    for goal, rows in groupby((t for t in targets() if not t["key"].startswith("16-")), lambda t: t["key"][0]):
        rows = list(rows)
        beads.append(
            SentencePair(
                tuple(range(len(rows))),
                tuple(range(len(rows))),
                "".join(r["zh"] + "。" for r in rows),
                " ".join(r["en"] + "." for r in rows),
                0.95,
                f"Goal {goal}",
            )
        )
    return beads


def goal16_beads() -> list[SentencePair]:
    """Goal 16: one bead per target, the last one doubtful."""
    rows = [t for t in targets() if t["key"].startswith("16-")]
    return [
        SentencePair((i,), (i,), r["zh"] + "。", r["en"] + ".", 0.3 if i == len(rows) - 1 else 0.9, r["key"][:-6])
        for i, r in enumerate(rows)
    ]


def fill(store: Store) -> None:
    for doc, lang, year, date in (
        ("a-res-70-1-zh", "zh", 2015, "2015-10-21"),
        ("a-res-70-1-en", "en", 2015, "2015-10-21"),
        ("goal16-zh", "zh", 2016, None),
        ("goal16-en", "en", 2016, None),
    ):
        store.replace_document(
            {"id": doc, "lang": lang, "year": year, "date": date, "symbols": ["A/RES/70/1"]}, [], [], []
        )
    store.replace_alignment("a-res-70-1-zh", "a-res-70-1-en", goal_beads())
    store.replace_alignment("goal16-zh", "goal16-en", goal16_beads())


@pytest.fixture
def tm_db(tmp_path) -> Path:
    path = tmp_path / "tm.db"
    with Store(path) as store, store.transaction():
        fill(store)
        memory.refresh(store)
    return path


def units(path: Path, selection: UnitFilter | None = None) -> list[dict]:
    with Store(path) as store:
        return list(store.tm_units(selection or UnitFilter()))


def export(path: Path, out: Path, selection=None, options=None):
    with Store(path) as store:
        return memory.export_tmx(store, out, selection, options or memory.TMXOptions())


def test_aligned_units_are_cat_sentences_with_the_documents_dates(tm_db):
    rows = units(tm_db)
    n_targets = len(targets())
    assert len(rows) == n_targets  # every goal bead cut into its targets, both sides agreeing
    first = rows[0]
    assert first["source"].startswith("By 2030, eradicate extreme poverty") and first["target"].startswith("到2030年")
    assert (first["source_lang"], first["target_lang"], first["segtype"]) == ("en-US", "zh-CN", "sentence")
    assert first["creationdate"] == "20151021T000000Z"  # the document's date, never the clock
    goal16 = [r for r in rows if r["document"] == "goal16-zh"]
    assert {r["creationdate"] for r in goal16} == {"20160101T000000Z"}  # only a year: its first day
    assert {r["year"] for r in goal16} == {2016} and goal16[0]["symbol"] == "A/RES/70/1"


def test_a_bead_whose_sides_cut_differently_stays_whole(tmp_path):
    with Store(tmp_path / "t.db") as store, store.transaction():
        fill(store)
        store.replace_alignment(
            "goal16-zh",
            "goal16-en",
            [SentencePair((0,), (0, 1), "消除一切形式的贫穷。", "End poverty. In all its forms everywhere.", 0.8)],
        )
        memory.refresh(store)
        odd = [r for r in store.tm_units() if r["document"] == "goal16-zh"]
    assert [(r["source"], r["segtype"]) for r in odd] == [("End poverty. In all its forms everywhere.", "paragraph")]


def test_a_rebuild_without_change_gives_the_same_bytes(tm_db, tmp_path):
    export(tm_db, tmp_path / "a.tmx")
    with Store(tm_db) as store, store.transaction():
        memory.refresh(store)
    export(tm_db, tmp_path / "b.tmx")
    assert (tmp_path / "a.tmx").read_bytes() == (tmp_path / "b.tmx").read_bytes()


def test_the_export_is_dtd_valid_en_to_zh_with_un_props_and_a_note_on_doubtful_pairs(tm_db, tmp_path):
    report = export(tm_db, tmp_path / "tm.tmx")
    tree = etree.parse(str(tmp_path / "tm.tmx"))
    assert DTD.validate(tree), DTD.error_log
    header = tree.find("header")
    assert (header.get("srclang"), header.get("segtype"), header.get("creationtool")) == ("en-US", "sentence", "shuyu")
    assert header.get("creationdate") == "20160101T000000Z"  # the newest unit's date
    tus = tree.findall("body/tu")
    assert len(tus) == report.units == len(targets())
    props = {p.get("type"): p.text for p in tus[0].iter("prop")}
    assert props["x-document"] == "a-res-70-1-zh" and props["x-year"] == "2015" and props["x-paragraph"] == "Goal 1"
    assert [n.text for tu in tus for n in tu.iter("note")] == [
        "Low alignment confidence (0.30 < 0.5): check this pair."
    ]
    assert [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tus[0].iter("tuv")] == ["en-US", "zh-CN"]


def test_export_filters_direction_codes_segtype_and_split(tm_db, tmp_path):
    def count(selection=None, options=None):
        return export(tm_db, tmp_path / "f.tmx", selection, options).units

    total = len(targets())
    assert count(UnitFilter(year=2016)) == 12
    assert count(UnitFilter(document="a-res-70-1-en")) == total - 12  # either document of the pair
    assert count(UnitFilter(min_confidence=0.5)) == total - 1
    assert count(UnitFilter(origin="imported")) == 0
    assert count(options=memory.TMXOptions(segtype="paragraph")) == 2 + 12  # the two goal beads joined again
    paragraph = tmx.read(tmp_path / "f.tmx", "en-US", "zh-CN")
    assert next(iter(paragraph)).source.count("By 2030") >= 3
    export(tm_db, tmp_path / "zh-en.tmx", options=memory.TMXOptions(direction="zh-en"))
    first = next(iter(tmx.read(tmp_path / "zh-en.tmx", "zh-CN", "en-US")))
    assert etree.parse(str(tmp_path / "zh-en.tmx")).find("header").get("srclang") == "zh-CN"
    assert first.source.startswith("到2030年")
    export(tm_db, tmp_path / "codes.tmx", options=memory.TMXOptions(source_lang="en-GB", target_lang="zh-Hans"))
    assert 'xml:lang="zh-Hans"' in (tmp_path / "codes.tmx").read_text(encoding="utf-8")
    split = export(tm_db, tmp_path / "part.tmx", options=memory.TMXOptions(max_mb=0.01))
    assert len(split.paths) > 1 and split.units == total
    assert all(DTD.validate(etree.parse(str(p))) for p in split.paths)


def test_imports_and_edits_survive_a_rebuild_and_a_unit_imported_twice_is_one(tm_db):
    with Store(tm_db) as store, store.transaction():
        first = memory.import_tm(store, TICO)
        again = memory.import_tm(store, TICO)
        unit = next(r for r in store.tm_units() if r["source"].startswith("End poverty") or r["paragraph"] == "16-1")
        edited = memory.edit(store, unit["tuid"], "大幅减少世界各地一切形式的暴力。", note="checked against A/RES/70/1")
        memory.refresh(store)
        after = store.tm_unit_by_key(unit["key"])
        counts = store.tm_unit_count()
    assert first.units == first.seen == 60 and not first.skipped
    assert (again.units, again.already_there) == (0, 60)
    assert counts == {"aligned": len(targets()), "imported": 60}
    assert edited["target"] == after["target"] == "大幅减少世界各地一切形式的暴力。"
    assert after["notes"] == ["checked against A/RES/70/1"] and after["changedate"].endswith("Z")


def test_export_import_export_loses_no_unit_prop_or_note(tm_db, tmp_path):
    with Store(tm_db) as store, store.transaction():
        memory.import_tm(store, TICO)
    export(tm_db, tmp_path / "one.tmx")
    with Store(tmp_path / "fresh.db") as store, store.transaction():
        report = memory.import_tm(store, tmp_path / "one.tmx")
    export(tmp_path / "fresh.db", tmp_path / "two.tmx")

    def content(path):
        return sorted(
            (
                u.source,
                u.target,
                u.tuid,
                u.document,
                u.year,
                u.paragraph,
                u.confidence,
                tuple(p for p in u.props if p[0] not in ("x-origin", "x-origin-file")),
                tuple(u.notes),
            )
            for u in tmx.read(path, "en-US", "zh-CN")
        )

    assert report.units == len(targets()) + 60
    assert content(tmp_path / "one.tmx") == content(tmp_path / "two.tmx")
    assert any(u[7] for u in content(tmp_path / "two.tmx"))  # TICO-19's own props came through
    assert sum(len(u[8]) for u in content(tmp_path / "two.tmx")) == 1  # and the note on the doubtful pair


def test_concordance_finds_one_and_two_chinese_characters_either_script_and_english_any_case(tm_db):
    reader = open_tm(tm_db)
    one = concordance(reader, "贫", 100)
    assert one and all("贫" in h.unit["target"] for h in one)
    assert len(one) == sum("贫" in t["zh"] for t in targets())
    two = concordance(reader, "法治", 100)
    assert [h.unit["paragraph"] for h in two] == ["16-3"]
    assert [h.spans["zh"] for h in two] == [[[10, 12]]]  # 在国家和国际层面促进[法治]
    assert len(concordance(reader, "貧困", 100)) == len(concordance(reader, "贫困", 100)) > 0  # traditional query
    rule = concordance(reader, "RULE OF LAW", 100)
    assert [h.spans["en"] for h in rule] == [[[12, 23]]]  # Promote the [rule of law]
    assert len(concordance(reader, "water", 3)) == 3  # limit
    assert concordance(reader, "量子纠缠", 10) == []


def test_fuzzy_scores_as_omegat_best_first_with_a_threshold(tm_db):
    reader = open_tm(tm_db)
    sentence = "Promote the rule of law at the national and international levels and ensure access to justice for all."
    hits = fuzzy(reader, sentence, 50, 5)
    assert hits[0].unit["paragraph"] == "16-3"
    # 18 words against 19: one deleted word ("equal") → 100 × (19 − 1) / 19 = 94.7, shown as 94
    assert hits[0].similarity == 94
    assert [h.similarity for h in hits] == sorted((h.similarity for h in hits), reverse=True)
    assert all(h.similarity >= 50 for h in hits)
    assert fuzzy(reader, sentence, 95, 5) == []
    chinese = fuzzy(reader, "在国家和国际层面促进法治，确保所有人都有诉诸司法的机会", 70, 3)
    assert chinese[0].unit["paragraph"] == "16-3" and 85 <= chinese[0].similarity < 100
    assert similarity(["a", "b", "c", "d"], ["a", "x", "c", "d"]) == 75.0


def test_fuzzy_misses_no_unit_above_the_threshold(tm_db):
    """The candidate filter is exact: every unit rapidfuzz finds above the threshold by brute force is returned."""
    from shuyu.tm.index import tokens

    reader = open_tm(tm_db)
    rows = units(tm_db)
    for sentence in ("ensure access to justice for all", "By 2030, achieve access to adequate sanitation for all"):
        expected = {r["id"] for r in rows if similarity(tokens(sentence, "en"), tokens(r["source"], "en")) >= 50}
        assert {h.unit["id"] for h in fuzzy(reader, sentence, 50, 1000)} == expected


def cli(runner, db, *args):
    return runner.invoke(main, ["--db", str(db), *args])


def test_tm_search_and_match_commands_with_exit_codes(runner, tm_db, tmp_path):
    found = cli(runner, tm_db, "tm", "search", "法治")
    assert found.exit_code == 0 and "[法治]" in found.output and "goal16-zh, 2016" in found.output
    data = json.loads(cli(runner, tm_db, "tm", "search", "Water", "--json", "--limit", "2").output)
    assert len(data) == 2 and all(h["matches"]["en"] for h in data) and data[0]["year"] == 2015
    assert cli(runner, tm_db, "tm", "search", "量子纠缠").exit_code == 1
    match = cli(
        runner, tm_db, "tm", "match", "Promote the rule of law at the national and international levels.", "--json"
    )
    assert match.exit_code == 0 and json.loads(match.output)[0]["paragraph"] == "16-3"
    assert cli(runner, tm_db, "tm", "match", "Quantum entanglement is observed.").exit_code == 1
    assert cli(runner, tm_db, "tm", "match", "...").exit_code == 2
    missing = cli(runner, tmp_path / "none.db", "tm", "search", "法治")
    assert missing.exit_code == 2 and "none.db" in missing.output


def test_export_and_import_commands_take_tmx(runner, tm_db, tmp_path):
    out = tmp_path / "out.tmx"
    result = cli(runner, tm_db, "export", "tmx", "-o", str(out), "--year", "2016", "--direction", "zh-en")
    assert result.exit_code == 0 and "12 units" in result.output and out.exists()
    assert cli(runner, tm_db, "export", "tmx", "-o", str(out), "--min-freq", "2").exit_code == 2
    assert cli(runner, tm_db, "export", "tbx", "-o", str(tmp_path / "t.tbx"), "--origin", "aligned").exit_code == 2
    fresh = tmp_path / "fresh.db"
    first = cli(runner, fresh, "import", str(TICO), "--source-lang", "en", "--target-lang", "zh")
    assert first.exit_code == 0 and "60 translation units imported of 60" in first.output
    again = cli(runner, fresh, "import", str(TICO))
    assert again.exit_code == 0 and "60 already there" in again.output


HOSTILE = {
    "bomb.tmx": '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n'
    '<tmx version="1.4"><header srclang="en-US"/><body><tu><tuv xml:lang="en-US"><seg>&b;</seg></tuv>'
    '<tuv xml:lang="zh-CN"><seg>炸弹</seg></tuv></tu></body></tmx>',
    "external.tmx": '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    '<tmx version="1.4"><header srclang="en-US"/><body><tu><tuv xml:lang="en-US"><seg>&secret;</seg></tuv>'
    '<tuv xml:lang="zh-CN"><seg>秘密</seg></tuv></tu></body></tmx>',
    "broken.tmx": '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en-US"/><body>\n<tu><tuv xml:lang="en-US">'
    '<seg>Peace</seg></tuv><tuv xml:lang="zh-CN"><seg>和平</seg></tuv></tu>\n<tu><tuv></body></tmx>',
    "french.tmx": '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en-US"/><body><tu>'
    '<tuv xml:lang="en-US"><seg>Peace</seg></tuv><tuv xml:lang="fr-FR"><seg>Paix</seg></tuv></tu></body></tmx>',
    "control.tmx": '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en-US"/><body><tu>'
    '<tuv xml:lang="en-US"><seg>Bell \x07 here</seg></tuv><tuv xml:lang="zh-CN"><seg>铃</seg></tuv></tu></body></tmx>',
}


@pytest.mark.parametrize(
    "name, message",
    [
        ("bomb.tmx", "declares entities"),
        ("external.tmx", "declares entities"),
        ("broken.tmx", "not well-formed"),
        ("french.tmx", "no unit holds both en-US and zh-CN (languages in the file: en-US, fr-FR)"),
        ("control.tmx", "not well-formed"),
    ],
)
def test_bad_tm_files_are_one_line_errors_and_import_nothing(runner, tm_db, write, name, message):
    before = units(tm_db)
    path = write(name, HOSTILE[name])
    result = cli(runner, tm_db, "import", str(path))
    assert result.exit_code == 2
    assert message in result.output and name in result.output and len(result.output.strip().splitlines()) == 1
    assert units(tm_db) == before


def test_a_truncated_real_tmx_imports_nothing(runner, tm_db, tmp_path):
    data = TICO.read_bytes()
    cut = tmp_path / "cut.tmx"
    cut.write_bytes(data[: len(data) * 2 // 3])
    result = cli(runner, tm_db, "import", str(TICO), str(cut))  # all or nothing: the good file is not kept either
    assert result.exit_code == 2 and "cut.tmx" in result.output
    assert [r for r in units(tm_db) if r["origin"] == "imported"] == []


def test_units_left_out_are_reported_with_their_number(runner, tm_db, write):
    path = write(
        "mixed.tmx",
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en-US"/><body>\n'
        '<tu><tuv xml:lang="en-US"><seg>Peace and justice</seg></tuv><tuv xml:lang="zh-CN"><seg>和平与正义</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en-US"><seg>Peace</seg></tuv><tuv xml:lang="zh-TW"><seg>和平</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en-US"><seg>Justice</seg></tuv><tuv xml:lang="zh-CN"><seg></seg></tuv></tu>\n'
        "</body></tmx>",
    )
    result = cli(runner, tm_db, "import", str(path))
    assert result.exit_code == 0 and "1 translation units imported of 3; 2 skipped" in result.output
    assert (
        "unit 2 (line 4): its Chinese is zh-TW" in result.output and "unit 3 (line 5): empty segment" in result.output
    )


def test_a_po_unit_with_a_control_character_is_a_reported_skip(runner, tm_db, write):
    path = write(
        "job.po",
        'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Peace"\nmsgstr "和平"\n\nmsgid "Bell\x07"\nmsgstr "铃\x07"\n',
    )
    result = cli(runner, tm_db, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "1 translation units imported of 2" in result.output and "unit 2: holds control characters" in result.output


def test_analyse_reports_bands_totals_and_the_terms_to_use(runner, tm_db, tmp_path):
    with Store(tm_db) as store, store.transaction():
        for english, chinese, status in (
            ("rule of law", "法治", "preferred"),
            ("access to justice", "诉诸司法", "preferred"),
            ("fundamental freedom", "基本自由", "preferred"),
        ):
            curate(store, "add", form=chinese, lang="zh", status=status)
            rebuild(store)
            curate(store, "add", form=english, lang="en", to=chinese, to_lang="zh", status="preferred")
        curate(store, "add", form="司法救助", lang="zh", to="诉诸司法", to_lang="zh", status="deprecated")
        rebuild(store)
    source = tmp_path / "job.txt"
    source.write_text(
        "Promote the rule of law at the national and international levels and ensure equal access to justice for all.\n"
        "Ensure public access to information and protect fundamental freedoms, in accordance with national laws.\n\n"
        "Quantum computers will change everything we know. The Rule of Law matters.\n",
        encoding="utf-8",
    )
    result = analyse(tm_db, source)
    assert [s.band for s in result.segments] == ["100%", "75-84%", "no match", "no match"]
    totals = result.totals()
    assert totals["total"]["segments"] == 4 and totals["100%"]["words"] == 19
    terms = {t.english: t for t in result.terms}
    assert list(terms) == ["rule of law", "access to justice", "fundamental freedoms"]  # plural, case tolerant
    assert terms["rule of law"].count == 2 and terms["access to justice"].preferred == "诉诸司法"
    assert terms["access to justice"].avoid == [{"form": "司法救助", "status": "deprecated"}]
    assert band(95) == "95-99%" and band(49) == "no match" and band(None) == "no match"

    glossary, matches = tmp_path / "job.glossary.txt", tmp_path / "job.tmx"
    run = cli(runner, tm_db, "analyse", str(source), "--json", "--glossary", str(glossary), "--tmx", str(matches))
    assert run.exit_code == 0, run.output
    data = json.loads(run.output[: run.output.rindex("}") + 1])
    assert data["totals"]["no match"]["segments"] == 2 and data["terms"][0]["preferred"] == "法治"
    assert "rule of law\t法治\t" in glossary.read_text(encoding="utf-8")
    assert len(list(tmx.read(matches, "en-US", "zh-CN"))) == 2
    assert cli(runner, tm_db, "analyse", str(tmp_path / "missing.txt")).exit_code == 2


def test_build_writes_the_tmx_of_the_corpus_and_the_committed_one_is_current(bundled):
    written = bundled / "tmx" / "shuyu-en-zh.tmx"
    assert DTD.validate(etree.parse(str(written)))
    committed = Path(__file__).resolve().parent.parent / "tmx" / "shuyu-en-zh.tmx"
    assert committed.read_bytes() == written.read_bytes()


def test_search_starts_without_the_heavy_libraries():
    import os
    import subprocess
    import sys

    code = (
        "import sys, shuyu.cli, shuyu.tm.search; "
        "print(sorted(m for m in ('sqlite_utils', 'jieba', 'lxml', 'openpyxl') if m in sys.modules))"
    )
    src = Path(__file__).resolve().parent.parent / "src"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(src)},
    )
    assert result.stdout.strip() == "[]"


def test_the_store_keeps_no_half_written_tmx_when_an_export_fails(tm_db, tmp_path, monkeypatch):
    out = tmp_path / "tm.tmx"
    out.write_text("old", encoding="utf-8")

    def broken(*args, **kwargs):
        yield from ()
        raise OSError("disk full")

    monkeypatch.setattr(memory, "_units", broken)
    with pytest.raises(OSError):
        export(tm_db, out)
    assert (
        out.read_text(encoding="utf-8") == "old"
        and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    )


def test_analyse_reads_a_word_source_paragraph_by_paragraph(tm_db, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph(
        "Promote the rule of law at the national and international levels and ensure equal access to justice for all."
    )
    document.add_paragraph("Substantially reduce corruption and bribery in all their forms. It is urgent.")
    document.save(tmp_path / "job.docx")
    result = analyse(tm_db, tmp_path / "job.docx")
    assert [s.text for s in result.segments][1:] == [
        "Substantially reduce corruption and bribery in all their forms.",
        "It is urgent.",
    ]
    assert [s.band for s in result.segments] == ["100%", "100%", "no match"]


def test_inline_tags_survive_import_and_export(tmp_path):
    """The LISA compliance kit's UTF-16 file with bpt/ept/it: the markup goes back out as it came in."""
    kit = FIXTURES / "ImportTest2A.tmx"
    with Store(tmp_path / "t.db") as store, store.transaction():
        report = memory.import_tm(store, kit, source_lang="en-US", target_lang="fr-CA")
        options = memory.TMXOptions(source_lang="en-US", target_lang="fr-CA")
        memory.export_tmx(store, tmp_path / "out.tmx", options=options)
    assert report.units == report.seen > 0 and not report.skipped
    before = {u.source: (u.source_markup, u.target_markup) for u in tmx.read(kit, "en-US", "fr-CA")}
    after = {u.source: (u.source_markup, u.target_markup) for u in tmx.read(tmp_path / "out.tmx", "en-US", "fr-CA")}
    assert after == before and any(markup for pair in after.values() for markup in pair)
    assert '<bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>' in (tmp_path / "out.tmx").read_text(encoding="utf-8")


def test_tm_edit_command_is_kept_across_a_rebuild(runner, tm_db):
    tuid = next(r["tuid"] for r in units(tm_db) if r["paragraph"] == "16-3")
    result = cli(
        runner,
        tm_db,
        "tm",
        "edit",
        tuid,
        "在国家和国际两级促进法治，确保人人都有平等诉诸司法的机会。",
        "--note",
        "revised",
    )
    assert result.exit_code == 0 and "两级" in result.output
    with Store(tm_db) as store, store.transaction():
        memory.refresh(store)
    row = next(r for r in units(tm_db) if r["tuid"] == tuid)
    assert row["target"].startswith("在国家和国际两级") and row["notes"] == ["revised"]
    assert cli(runner, tm_db, "tm", "edit", "shuyu-0000", "和平").exit_code == 1
    assert cli(runner, tm_db, "tm", "edit", tuid, " ").exit_code == 2
