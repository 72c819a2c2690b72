"""The termbase: concepts, curation that survives rebuilding, exports, imports, lookup."""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS, FIXTURES
from lxml import etree

from shuyu.cli import main
from shuyu.model.usage import usable
from shuyu.pipeline import curate, import_termbase
from shuyu.store import Store
from shuyu.termbase.exchange import ExportFilter, concepts, export

TBX_NS = "{urn:iso:std:iso:30042:ed-2}"


def _concept_with(store, form: str):
    return next(
        c
        for c in concepts(
            store,
            ExportFilter(
                statuses=("preferred", "admitted", "deprecated", "superseded", "candidate", "rejected"), min_score=None
            ),
        )
        if any(t.form == form for t in c.terms)
    )


def test_variant_groups_and_mined_terms_become_concepts(db):
    with Store(db) as store:
        summit = _concept_with(store, "信息社会世界峰会")
        statuses = {t.form: t.status for t in summit.terms if t.lang == "zh"}
        assert statuses["信息社会世界峰会"] == "preferred" and statuses["信息社会世界首脑会议"] == "superseded"
        assert summit.origin == "variants" and summit.kind == "rename"
        # A mined term in no variant group (数字鸿沟 is now preferred beside 数码鸿沟) is a candidate.
        developing = _concept_with(store, "发展中国家")
        term = developing.term("发展中国家")
        assert term.status == "candidate" and term.count >= 60 and set(term.years) >= {"2010", "2021"}
        assert term.contexts and term.sources[0]["doc_id"]
        assert any(s.get("symbol") for s in term.sources)


def test_curation_survives_rebuilding(built, runner, monkeypatch):
    monkeypatch.chdir(built)
    steps = [
        ["term", "status", "互联网", "preferred"],
        ["term", "status", "因特网", "admitted"],
        ["term", "english", "信息社会世界峰会", "World Summit on the Information Society"],
        ["term", "note", "信息社会世界峰会", "Name used since A/RES/70/125."],
        ["term", "add", "信息通信技术", "--to", "信息和通信技术", "--type", "variant"],
        ["term", "add", "数字合作", "--status", "preferred"],
        ["term", "merge", "数字鸿沟", "性别数字鸿沟"],
        ["term", "split", "性别数字鸿沟"],
        ["term", "subject", "数字鸿沟", "信息和通信技术促进发展"],
    ]
    for step in steps:
        result = runner.invoke(main, step)
        assert result.exit_code == 0, (step, result.output)

    def check():
        with Store("termbase/shuyu.db") as store:
            internet = _concept_with(store, "互联网")
            assert internet.term("互联网").status == "preferred" and internet.term("因特网").status == "admitted"
            summit = _concept_with(store, "信息社会世界峰会")
            assert summit.term("World Summit on the Information Society", "en").status == "preferred"
            assert "Name used since A/RES/70/125." in summit.notes
            assert "信息和通信技术" in {t.form for t in _concept_with(store, "信息通信技术").terms}
            assert _concept_with(store, "数字合作").term("数字合作").provenance == "curated"
            divide = _concept_with(store, "数字鸿沟")
            assert "性别数字鸿沟" not in {t.form for t in divide.terms}
            assert divide.subject == "信息和通信技术促进发展"

    check()
    # Re-mining and rebuilding recompute everything that is derived, and replay the decisions.
    assert runner.invoke(main, ["mine", "--top", "5"]).exit_code == 0
    assert runner.invoke(main, ["build"]).exit_code == 0
    check()
    result = runner.invoke(main, ["term", "merge", "数字鸿沟", "不存在的词"])
    assert result.exit_code == 2 and "no concept" in result.output


def _rng():
    return etree.RelaxNG(etree.parse(str(FIXTURES / "tbx" / "TBXcoreStructV03.rng")))


# TBX-Basic (DCA) constraints of TBX-Basic_DCA.sch, checked in Python (the Schematron needs XSLT 2).
_ALLOWED = {
    "admin": {"customerSubset", "projectSubset", "source"},
    "descrip": {"subjectField", "context", "definition"},
    "termNote": {
        "administrativeStatus",
        "partOfSpeech",
        "geographicalUsage",
        "grammaticalGender",
        "termLocation",
        "termType",
    },
    "transac": {"transactionType"},
}
_VALUES = {
    "administrativeStatus": {
        "admittedTerm-admn-sts",
        "deprecatedTerm-admn-sts",
        "supersededTerm-admn-sts",
        "preferredTerm-admn-sts",
    },
    "partOfSpeech": {"adjective", "noun", "other", "verb", "adverb"},
    "termType": {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
    "transactionType": {"origination", "modification"},
}
_LEVEL = {"subjectField": {"conceptEntry"}, "context": {"termSec"}, "definition": {"conceptEntry", "langSec"}}


def basic_dialect_errors(tree) -> list[str]:
    errors = []
    root = tree.getroot()
    if root.get("type") != "TBX-Basic" or root.get("style") != "dca":
        errors.append("root must be type TBX-Basic, style dca")
    for element in root.iter():
        local = etree.QName(element).localname
        if not element.tag.startswith(TBX_NS):
            errors.append(f"{element.tag}: DCT or foreign element")
        kind = element.get("type")
        if local in _ALLOWED and kind not in _ALLOWED[local]:
            errors.append(f"{local} type {kind!r} not permitted")
        if local == "termNote" and etree.QName(element.getparent()).localname != "termSec":
            errors.append("termNote outside termSec")
        if kind in _VALUES and element.text not in _VALUES[kind]:
            errors.append(f"{kind} value {element.text!r} not permitted")
        if local == "descrip" and kind in _LEVEL:
            parent = element.getparent()
            if etree.QName(parent).localname == "descripGrp":
                parent = parent.getparent()
            if etree.QName(parent).localname not in _LEVEL[kind]:
                errors.append(f"{kind} at {etree.QName(parent).localname}")
    return errors


def test_tbx_v3_export_is_valid_tbx_basic(db, tmp_path):
    out = tmp_path / "out.tbx"
    with Store(db) as store:
        count = export(store, "tbx", out)
    tree = etree.parse(str(out))
    rng = _rng()
    assert rng.validate(tree), rng.error_log.last_error
    assert basic_dialect_errors(tree) == []
    entries = tree.getroot().findall(f".//{TBX_NS}conceptEntry")
    assert len(entries) == count > 300
    statuses = {e.text for e in tree.getroot().iter(f"{TBX_NS}termNote") if e.get("type") == "administrativeStatus"}
    assert {"preferredTerm-admn-sts", "supersededTerm-admn-sts", "admittedTerm-admn-sts"} <= statuses


def test_the_checks_catch_an_invalid_file(tmp_path):
    bad = tmp_path / "bad.tbx"
    bad.write_text(
        '<?xml version="1.0"?><tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" '
        'xml:lang="en"><tbxHeader><fileDesc><sourceDesc><p/></sourceDesc></fileDesc></tbxHeader><text>'
        '<body><conceptEntry id="c1"><langSec xml:lang="zh"><termSec><term>峰会</term>'
        '<termNote type="administrativeStatus">current</termNote></termSec></langSec></conceptEntry>'
        "</body></text></tbx>",
        encoding="utf-8",
    )
    assert basic_dialect_errors(etree.parse(str(bad))) == ["administrativeStatus value 'current' not permitted"]


def test_tbx_v2_export_follows_its_content_model(db, tmp_path):
    out = tmp_path / "out2.tbx"
    with Store(db) as store:
        export(store, "tbx2", out)
    root = etree.parse(str(out)).getroot()
    assert root.tag == "martif"
    for entry in root.iter("termEntry"):
        children = [child.tag for child in entry]
        first_lang = children.index("langSet")
        assert all(tag == "langSet" for tag in children[first_lang:]), "notes must come before the langSets"
        for tig in entry.iter("tig"):
            tags = [child.tag for child in tig]
            assert tags[0] == "term"
            notes_end = max((k for k, t in enumerate(tags) if t == "termNote"), default=0)
            assert all(t == "termNote" for t in tags[1 : notes_end + 1])


def _snapshot(store) -> set:
    every = ExportFilter(statuses=("preferred", "admitted", "deprecated", "superseded", "candidate", "rejected"))
    return {(t.lang, t.form, t.status) for c in concepts(store, every) for t in c.terms}


def _notes(store) -> set:
    every = ExportFilter(statuses=("preferred", "admitted", "deprecated", "superseded", "candidate", "rejected"))
    return {n for c in concepts(store, every) for n in c.notes} | {
        n for c in concepts(store, every) for t in c.terms for n in t.notes
    }


@pytest.mark.parametrize(
    "format_name,suffix", [("tbx", ".tbx"), ("tbx2", ".tbx"), ("csv", ".csv"), ("xlsx", ".xlsx"), ("tsv", ".tsv")]
)
def test_every_format_round_trips(db, tmp_path, runner, format_name, suffix):
    # A small bilingual termbase with every status and notes.
    curate(
        db,
        "add",
        form="World Summit on the Information Society",
        lang="en",
        to="信息社会世界峰会",
        to_lang="zh",
        status="preferred",
    )
    curate(db, "add", form="Internet", lang="en", to="因特网", to_lang="zh", status="preferred")
    curate(db, "status", form="因特网", lang="zh", status="deprecated")
    curate(db, "note", form="因特网", text="互联网 is the current rendering in UNTERM.")
    with Store(db) as store:
        selection = ExportFilter(statuses=("preferred", "admitted", "deprecated", "superseded"))
        source = [c for c in concepts(store, selection) if any(t.lang == "en" for t in c.terms)]
        out = tmp_path / f"out{suffix}"
        from shuyu.formats import termbase as formats

        formats.by_name(format_name).write(source, out)
    fresh = tmp_path / "fresh.db"
    result = runner.invoke(main, ["--db", str(fresh), "import", str(out), "--format", format_name])
    assert result.exit_code == 0, result.output
    with Store(fresh) as imported:
        # An OmegaT glossary holds only the renderings a translator may use (and its sources).
        kept = usable if format_name == "tsv" else (lambda term: True)
        expected = {(t.lang, t.form, t.status) for c in source for t in c.terms if kept(t)}
        assert expected <= _snapshot(imported)
        notes = {n for c in source for n in c.notes}
        assert all(any(n in m for m in _notes(imported)) for n in notes)
        # Importing the same file again adds nothing.
        before = imported.db.execute("select count(*) from concept_terms").fetchone()[0]
    again = runner.invoke(main, ["--db", str(fresh), "import", str(out), "--format", format_name])
    assert again.exit_code == 0, again.output
    with Store(fresh) as imported:
        assert imported.db.execute("select count(*) from concept_terms").fetchone()[0] == before


def test_tico19_term_lists_import_and_merge(db):
    (first,) = import_termbase(db, [FIXTURES / "tico19" / "g_en_zh-CN.csv"])
    assert first.concepts == 7 and first.languages == {"en": 7, "zh": 7}
    (again,) = import_termbase(db, [FIXTURES / "tico19" / "g_en_zh-CN.csv"])
    assert again.concepts == 0 and again.already_there == 7
    with Store(db) as store:
        cases = _concept_with(store, "确诊病例")
        assert cases.term("confirmed cases", "en") is not None
        assert any("In the context of coronavirus" in n for n in cases.notes)
        assert cases.term("确诊病例").provenance == "imported"
        assert {"file": "g_en_zh-CN.csv"} in cases.term("确诊病例").sources


def test_an_import_merges_into_the_concept_it_shares_a_term_with(db, tmp_path, runner):
    unterm = tmp_path / "unterm.csv"
    unterm.write_text("English,Chinese,Status,Note\nInternet,互联网,preferred,UNTERM entry\n", encoding="utf-8")
    result = runner.invoke(main, ["--db", str(db), "import", str(unterm)])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        internet = _concept_with(store, "因特网")
        assert internet.term("Internet", "en") is not None and internet.term("互联网").status == "preferred"
        assert "UNTERM entry" in internet.notes


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("empty.tbx", b"", "not well-formed"),
        ("broken.tbx", b"<tbx><text>", "not well-formed"),
        (
            "bomb.tbx",
            b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b"<tbx>&b;</tbx>",
            "entities",
        ),
        (
            "external.tbx",
            b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx>&x;</tbx>',
            "entities",
        ),
        (
            "nolang.tbx",
            '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><text><body>'
            '<conceptEntry id="c1"><langSec><termSec><term>峰会</term></termSec></langSec></conceptEntry>'
            "</body></text></tbx>".encode(),
            "missing xml:lang",
        ),
        (
            "badlang.tbx",
            '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><text><body>'
            '<conceptEntry id="c1"><langSec xml:lang="Chinese (PRC)"><termSec><term>峰会</term></termSec>'
            "</langSec></conceptEntry></body></text></tbx>".encode(),
            "invalid language code 'Chinese (PRC)'",
        ),
        (
            "french.tbx",
            b'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><text><body>'
            b'<conceptEntry id="c1"><langSec xml:lang="fr"><termSec><term>sommet</term></termSec></langSec>'
            b"</conceptEntry></body></text></tbx>",
            "no Chinese or English term",
        ),
        (
            "dupes.tbx",
            '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><text><body>'
            + '<conceptEntry id="c1"><langSec xml:lang="zh"><termSec><term>峰会</term></termSec></langSec>'
            "</conceptEntry>" * 2 + "</body></text></tbx>",
            "duplicate concept id 'c1'",
        ),
        ("gbk.csv", "English,Chinese\ndigital divide,数字鸿沟\n".encode("gbk"), "--encoding gbk"),
        ("empty.csv", b"", "empty file"),
        ("nolang.csv", "term,comment\n数字鸿沟,x\n".encode(), "not Chinese"),
    ],
)
def test_bad_files_are_refused_whole(db, tmp_path, runner, name, content, message):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    before = db.read_bytes()
    result = runner.invoke(main, ["--db", str(db), "import", str(path)])
    assert result.exit_code == 2, result.output
    assert name in result.output and message in result.output
    assert db.read_bytes() == before  # nothing half-imported


def test_a_gbk_csv_imports_when_its_encoding_is_named(db, tmp_path, runner):
    path = tmp_path / "gbk.csv"
    path.write_bytes("English,Chinese\ndigital divide,数字鸿沟\n".encode("gbk"))
    result = runner.invoke(main, ["--db", str(db), "import", str(path), "--encoding", "gbk"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert _concept_with(store, "数字鸿沟").term("digital divide", "en") is not None


def test_lookup_finds_by_any_script_and_length(db, runner):
    def look(*args):
        return runner.invoke(main, ["--db", str(db), "lookup", *args])

    result = look("數字鴻溝", "--json")
    assert result.exit_code == 0
    hits = json.loads(result.output)
    assert hits[0]["match"] == "exact" and hits[0]["terms"][0]["form"] == "数字鸿沟"
    assert all({"form", "lang", "status"} <= set(t) for h in hits for t in h["terms"])
    # Two characters: FTS5's trigram index would find nothing here.
    summit = look("峰会")
    assert summit.exit_code == 0 and "首脑会议  superseded" in summit.output
    # Taiwan usage lands in the group.
    assert "因特网" in look("網際網路").output
    # Prefix and substring, best first.
    hits = json.loads(look("信息社会世界", "--json", "--limit", "10").output)
    assert [h["match"] for h in hits] == sorted(
        (h["match"] for h in hits), key=["exact", "prefix", "substring", "fuzzy"].index
    )
    # Nothing found: exit 1 and suggestions.
    missing = look("字码鸿")
    assert missing.exit_code == 1 and "did you mean" in missing.output and "数字鸿沟" in missing.output


def test_lookup_in_english_after_an_equivalent_is_added(db, runner):
    assert runner.invoke(main, ["--db", str(db), "term", "english", "数字鸿沟", "digital divide"]).exit_code == 0
    result = runner.invoke(main, ["--db", str(db), "lookup", "Digital Divide", "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert hits[0]["match"] == "exact" and any(t["form"] == "数字鸿沟" for t in hits[0]["terms"])


def test_export_filters(db, tmp_path, runner):
    out = tmp_path / "x.csv"
    result = runner.invoke(
        main, ["--db", str(db), "export", "csv", "-o", str(out), "--status", "superseded", "--year", "2015"]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8-sig")
    assert "信息社会世界首脑会议" in text and "数字鸿沟" not in text
    result = runner.invoke(
        main,
        ["--db", str(db), "export", "csv", "-o", str(out), "--document", "2021-ga76-c2-report", "--min-freq", "20"],
    )
    assert result.exit_code == 0 and "信息社会世界峰会" in out.read_text(encoding="utf-8-sig")


def test_the_committed_exports_are_up_to_date(bundled):
    """termbase/ in the repository holds what `shuyu build` writes for the bundled corpus (dates aside)."""
    from shuyu.formats import termbase as formats

    for name, file_name in (
        ("tbx", "shuyu.tbx"),
        ("tbx2", "shuyu-tbx2.tbx"),
        ("csv", "shuyu.csv"),
        ("xlsx", "shuyu.xlsx"),
    ):
        committed = formats.by_name(name).read(CORPUS.parent / "termbase" / file_name)
        built = formats.by_name(name).read(bundled / "termbase" / file_name)
        key = lambda concepts: sorted((t.lang, t.form, t.status, t.type or "") for c in concepts for t in c.terms)  # noqa: E731
        assert key(committed) == key(built), f"termbase/{file_name} is out of date: run `shuyu build`"


def test_a_multilingual_tbx_v2_with_a_doctype_imports_its_chinese_and_english(db, tmp_path, runner):
    path = tmp_path / "unterm.tbx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
        '<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>UNTERM</p></sourceDesc></fileDesc>'
        '</martifHeader><text><body><termEntry id="u1"><descrip type="subjectField">ICT</descrip>'
        '<langSet xml:lang="en"><tig><term>digital divide</term>'
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>'
        '<langSet xml:lang="fr"><tig><term>fracture numérique</term></tig></langSet>'
        '<langSet xml:lang="zh-CN"><tig><term>數字鴻溝</term></tig></langSet>'
        "</termEntry></body></text></martif>",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["--db", str(db), "import", str(path)])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        divide = _concept_with(store, "数字鸿沟")  # the traditional spelling merged with the mined term
        assert divide.term("digital divide", "en").status == "preferred" and divide.subject == "ICT"
        assert divide.term("數字鴻溝") is not None and divide.term("fracture numérique") is None


def test_a_corpus_too_small_for_any_term_still_builds(tmp_path, runner, monkeypatch):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("信息社会世界峰会成果的落实。\n", encoding="utf-8")
    (tmp_path / "corpus" / "manifest.toml").write_text(
        '[[document]]\nid = "a"\nfile = "a.txt"\nlang = "zh"\nyear = 2021\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert "no exports (the termbase is empty)" in result.output
    assert not (tmp_path / "termbase" / "shuyu.tbx").exists()
    assert runner.invoke(main, ["lookup", "峰会"]).exit_code == 1
    assert runner.invoke(main, ["lint", "corpus/a.txt"]).exit_code == 0
