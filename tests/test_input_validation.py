"""Wrong input is refused or reported, never accepted silently (issue 12)."""

from __future__ import annotations

import codecs
import sqlite3

import pytest

from shuyu.cli import main

# The header of the Chinese A/RES/70/125 as PDF extraction gives it: the distribution date (2016) heads the
# page; the session (第七十届会议) and the adoption line (2015年12月16日大会决议) date the resolution.
RES_70_125 = """联合国
A/RES/70/125
大会
Distr.: General
2016年2月1日

第七十届会议
议程项目 13 和 115

2015年12月16日大会决议

[未经发交主要委员会(A/70/L.33)]

70/125. 关于信息社会世界峰会成果落实情况全面审查的大会高级别会议成果文件

大会，
通过以下成果文件：
1. 我们，各国部长和代表团团长，于2015年12月15日和16日聚集在纽约，参加大会对信息社会世界峰会成果落实情况的全面审查。
2. 我们重申信息社会世界峰会的愿景，即建设以人为本、具有包容性和面向发展的信息社会。
"""


def add(runner, tmp_path, path, *options):
    return runner.invoke(
        main, ["--db", str(tmp_path / "a.db"), "corpus", "add", str(path), "--corpus", str(tmp_path / "c"), *options]
    )


def test_session_and_adoption_date_outrank_the_distribution_date(runner, tmp_path, write):
    result = add(runner, tmp_path, write("c/A_RES_70_125_C.txt", RES_70_125))
    assert result.exit_code == 0, result.output
    manifest = (tmp_path / "c" / "manifest.toml").read_text(encoding="utf-8")
    assert "year = 2015" in manifest and "date = 2015-12-16" in manifest and "session = 70" in manifest


def test_a_distribution_date_alone_does_not_date_a_session_document(runner, tmp_path, write):
    text = RES_70_125.replace("2015年12月16日大会决议\n", "")
    result = add(runner, tmp_path, write("c/A_RES_70_125_C.txt", text))
    assert result.exit_code == 0, result.output
    manifest = (tmp_path / "c" / "manifest.toml").read_text(encoding="utf-8")
    assert "year = 2015" in manifest and "2016" not in manifest


def test_the_same_text_with_a_bom_is_not_a_second_document(runner, tmp_path, write):
    assert add(runner, tmp_path, write("c/plain.txt", RES_70_125)).exit_code == 0
    result = add(runner, tmp_path, write("c/bom.txt", codecs.BOM_UTF8 + RES_70_125.encode()))
    assert result.exit_code == 2
    assert result.output.endswith("same content is already registered as document 'plain'\n")
    gbk = add(runner, tmp_path, write("c/gbk.txt", RES_70_125, encoding="gbk"))
    assert gbk.exit_code == 2 and "'plain'" in gbk.output


def test_a_lang_contradicting_the_text_is_reported(runner, tmp_path, write):
    result = add(runner, tmp_path, write("c/zh.txt", RES_70_125), "--lang", "en")
    assert result.exit_code == 0
    assert "lang: given 'en' but the text says 'zh'" in result.output


def test_a_forced_encoding_giving_mojibake_is_refused_naming_the_detected_one(runner, tmp_path, write):
    path = write("c/zh.txt", RES_70_125)
    result = add(runner, tmp_path, path, "--encoding", "latin-1")
    assert result.exit_code == 2
    assert "read as latin-1 the text is mojibake" in result.output and "--encoding utf-8" in result.output
    assert not (tmp_path / "c" / "manifest.toml").exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (RES_70_125.encode(), "is not a Word .docx file (not a ZIP archive"),
        (b"PK\x03\x04" + b"\x00" * 40, "not a readable Word .docx file"),
    ],
    ids=["text-named-docx", "truncated"],
)
def test_corpus_add_refuses_a_docx_that_is_not_one(runner, tmp_path, write, content, message):
    result = add(runner, tmp_path, write("c/draft.docx", content))
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_a_truncated_word_file(runner, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph(RES_70_125)
    path = tmp_path / "c" / "cut.docx"
    path.parent.mkdir()
    document.save(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    result = add(runner, tmp_path, path)
    assert result.exit_code == 2
    assert result.output.startswith(f"shuyu: error: {path}: not a readable Word .docx file")


def test_a_word_file_whose_main_part_is_not_a_document(runner, tmp_path):
    """Found by the fuzzer: a mutated root element parsed, then failed as "no attribute 'body'"."""
    import zipfile

    import docx

    document = docx.Document()
    document.add_paragraph(RES_70_125)
    saved = tmp_path / "saved.docx"
    document.save(saved)
    path = tmp_path / "c" / "damaged.docx"
    path.parent.mkdir()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:document ", b"<w:documenx ").replace(b"</w:document>", b"</w:documenx>")
            target.writestr(item, data)
    result = add(runner, tmp_path, path)
    assert result.exit_code == 2
    assert result.output.startswith(f"shuyu: error: {path}: not a readable Word .docx file")
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["term", "status", "信息社惠", "preferred"],
        ["term", "english", "信息社惠", "information society"],
        ["term", "accept", "信息社惠"],
    ],
    ids=["status", "english", "accept"],
)
def test_a_typo_in_a_term_is_an_error_with_did_you_mean(runner, db, command):
    before = db.read_bytes()
    result = runner.invoke(main, ["--db", str(db), *command])
    assert result.exit_code == 2
    problem = (
        "no term '信息社惠' in the termbase" if command[1] == "accept" else "信息社惠 is in no concept of the termbase"
    )
    assert f"{problem}; did you mean: 信息社会" in result.output
    assert db.read_bytes() == before


def test_term_status_add_records_a_new_term(runner, db):
    result = runner.invoke(main, ["--db", str(db), "term", "status", "数字合作", "preferred", "--add"])
    assert result.exit_code == 0, result.output
    assert "数字合作  preferred" in runner.invoke(main, ["--db", str(db), "lookup", "数字合作"]).output


@pytest.mark.parametrize("command", [["lookup", "信息"], ["corpus", "list"], ["term", "accept", "信息社会"]])
def test_a_future_schema_database_is_refused_everywhere_the_same_way(runner, db, command):
    with sqlite3.connect(db) as change:
        change.execute("update meta set value = '99' where key = 'schema_version'")
    result = runner.invoke(main, ["--db", str(db), *command])
    assert result.exit_code == 2
    assert result.output == (
        f"shuyu: error: {db}: was written by a newer shuyu (schema version 99; this shuyu reads up to "
        f"{_supported()}); upgrade shuyu (pip install -U shuyu) to open it\n"
    )


def test_lint_refuses_a_future_schema_database_too(runner, db, write):
    with sqlite3.connect(db) as change:
        change.execute("update meta set value = '99' where key = 'schema_version'")
    result = runner.invoke(main, ["--db", str(db), "lint", str(write("d.txt", "信息社会"))])
    assert result.exit_code == 2 and "was written by a newer shuyu (schema version 99" in result.output


def _supported() -> int:
    from shuyu.store.schema import SCHEMA_VERSION

    return SCHEMA_VERSION


def test_a_tbx_in_the_wrong_namespace_names_the_namespace(runner, db, write):
    path = write(
        "old.tbx",
        '<tbx xmlns="urn:iso:std:iso:30042:ed-1" type="TBX-Basic" style="dca" xml:lang="en"><text><body>'
        '<conceptEntry id="c1"><langSec xml:lang="zh"><termSec><term>峰会</term></termSec></langSec>'
        "</conceptEntry></body></text></tbx>",
    )
    result = runner.invoke(main, ["--db", str(db), "import", str(path)])
    assert result.exit_code == 2
    assert "the root element is <tbx> in namespace urn:iso:std:iso:30042:ed-1, expected <tbx> in namespace " in (
        result.output
    )
    assert "urn:iso:std:iso:30042:ed-2 or <martif> (no namespace)" in result.output


def test_a_zip_bomb_workbook_is_refused_before_reading(runner, db, tmp_path):
    import io
    import zipfile

    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    path = tmp_path / "terms.xlsx"
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(path, "w") as bomb:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData", b" " * 5_000_000 + b"<sheetData")
            bomb.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    result = runner.invoke(main, ["--db", str(db), "import", str(path)])
    assert result.exit_code == 2
    assert result.output.startswith(f"shuyu: error: {path}: refused: part xl/worksheets/sheet1.xml unpacks")
