"""`lint --fix --in-place` gives back the same kind of file: Word formatting, text encoding and BOM kept,
the backup the original bytes (issue 12)."""

from __future__ import annotations

import codecs
import io

import docx
import pytest

OLD_TERM, NEW_TERM = "信息社会世界首脑会议成果", "信息社会世界峰会成果"
BEFORE, AFTER = "注意到秘书长关于", "在区域和国际两级落实和后续工作方面取得的进展的报告，"
OLD = BEFORE + OLD_TERM + AFTER
NEW = BEFORE + NEW_TERM + AFTER


def word_file(path):
    """A Word draft: the term in a bold run, the term split across runs formatted differently, a table, a header."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "A/RES/70/125 " + OLD_TERM
    first = document.add_paragraph(BEFORE)
    first.add_run(OLD_TERM).bold = True
    first.add_run(AFTER)
    split = document.add_paragraph(BEFORE + "信息社会世界")
    split.add_run("首脑会议成果").italic = True
    split.add_run(AFTER)
    same = document.add_paragraph(BEFORE + "信息社会")
    same.add_run("世界首脑会议成果" + AFTER)
    document.add_table(rows=1, cols=2).rows[0].cells[1].text = OLD
    document.save(path)
    return path


def test_word_file_fixed_inside_its_runs(lint, tmp_path):
    path = word_file(tmp_path / "draft.docx")
    original = path.read_bytes()
    result = lint(str(path), "--fix", "--in-place")
    assert result.exit_code == 1, result.output  # the split term remains: an error finding
    assert f"{path}: 3 fixed" in result.output
    assert (tmp_path / "draft.docx.bak").read_bytes() == original
    fixed = docx.Document(str(path))
    first, split, same = fixed.paragraphs
    assert [(r.text, r.bold) for r in first.runs] == [(BEFORE, None), (NEW_TERM, True), (AFTER, None)]
    assert split.text == BEFORE + OLD_TERM + AFTER and split.runs[1].italic  # left for the user
    assert same.text == NEW
    assert fixed.tables[0].rows[0].cells[1].text == NEW
    assert fixed.sections[0].header.paragraphs[0].text == "A/RES/70/125 " + OLD_TERM  # lint does not read headers
    remaining = lint(str(path), "--format", "json")
    assert remaining.exit_code == 1 and remaining.output.count('"deprecated-term"') == 1


ENCODINGS = {
    "gbk": (b"", "gbk"),
    "utf-16-le-bom": (codecs.BOM_UTF16_LE, "utf-16-le"),
    "utf-16-be-bom": (codecs.BOM_UTF16_BE, "utf-16-be"),
    "utf-8-bom": (codecs.BOM_UTF8, "utf-8"),
    "utf-8-crlf": (b"", "utf-8"),
}


@pytest.mark.parametrize("name", ENCODINGS)
def test_text_file_keeps_its_encoding_and_bom(lint, tmp_path, name):
    bom, codec = ENCODINGS[name]
    newline = "\r\n" if "crlf" in name else "\n"
    path = tmp_path / "draft.txt"
    original = bom + ("第一行" + newline + OLD + newline).encode(codec)
    path.write_bytes(original)
    result = lint(str(path), "--fix", "--in-place")
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == bom + ("第一行" + newline + NEW + newline).encode(codec)
    assert (tmp_path / "draft.txt.bak").read_bytes() == original


def test_a_file_that_cannot_be_read_stops_all_before_any_is_written(lint, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(OLD, encoding="utf-8")
    broken = word_file(tmp_path / "broken.docx")
    broken.write_bytes(broken.read_bytes()[:3000])
    result = lint(str(good), str(broken), "--fix", "--in-place")
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"shuyu: error: {broken}: not a readable Word .docx file")
    assert good.read_text(encoding="utf-8") == OLD and not (tmp_path / "good.txt.bak").exists()


def test_fix_to_stdout_of_a_word_file_prints_its_text(lint, tmp_path):
    result = lint(str(word_file(tmp_path / "draft.docx")), "--fix")
    assert result.stdout.splitlines()[0] == NEW


@pytest.mark.parametrize(
    "data, where",
    [(OLD.encode("gbk"), "byte offset 0"), (b"\xe4\xbf\xa1\xff\xfe" + "首脑".encode(), "byte offset 3")],
    ids=["gbk", "invalid-utf-8"],
)
def test_stdin_that_is_not_utf8_is_one_line(lint, data, where):
    result = lint("-", input=data)
    assert result.exit_code in (1, 2), result.output
    if result.exit_code == 2:
        assert result.output.startswith("shuyu: error: <stdin>: ") and where in result.output
    else:  # GBK is detected as such, like a file
        assert OLD_TERM in result.output


def test_stdin_with_an_encoding(lint):
    result = lint("-", "--encoding", "gbk", input=OLD.encode("gbk"))
    assert result.exit_code == 1 and OLD_TERM in result.output


def test_encoding_suggested_by_an_error_exists(lint, tmp_path):
    path = tmp_path / "soup.txt"
    path.write_bytes(bytes(range(128, 256)) * 4)
    result = lint(str(path))
    assert result.exit_code == 2 and "--encoding" in result.output
    assert lint(str(path), "--encoding", "latin-1").exit_code in (0, 1)


def test_docx_that_is_not_a_zip_is_refused(lint, tmp_path):
    path = tmp_path / "draft.docx"
    path.write_text(OLD, encoding="utf-8")
    result = lint(str(path))
    assert result.exit_code == 2
    assert (
        result.output
        == f"shuyu: error: {path}: is not a Word .docx file (not a ZIP archive; a .doc or text file renamed?)\n"
    )


def test_zip_bomb_docx_is_refused_before_reading(lint, tmp_path):
    import zipfile

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(path, "w") as bomb:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * 5_000_000)
            bomb.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    assert path.stat().st_size < 1_000_000
    result = lint(str(path))
    assert result.exit_code == 2
    assert result.output.startswith(f"shuyu: error: {path}: refused: ") and "not a document" in result.output
