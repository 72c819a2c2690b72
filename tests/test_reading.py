"""Encodings, .docx and files that are not documents."""

from __future__ import annotations

import codecs

import pytest

from shuyu.corpus import parse_document, read_file
from shuyu.errors import InputError

LINE = "回顾信息社会世界首脑会议的成果文件，\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (LINE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + LINE.encode("utf-8"), "utf-8-sig"),
        (LINE.encode("utf-16"), "utf-16"),
        (LINE.encode("utf-16-le"), "utf-16-le"),
        (LINE.encode("gb18030"), "gb18030"),
        (LINE.encode("gbk"), "gb18030"),
    ],
)
def test_encodings_are_detected(write, data, encoding):
    raw = read_file(write("doc.txt", data))
    assert raw.text == LINE and raw.encoding == encoding


def test_undecodable_file_names_the_byte_offset(write):
    path = write("bad.txt", "回顾信息社会".encode() + b"\xff\xfe\xfa\x80\x80\x81" * 3)
    with pytest.raises(InputError) as error:
        read_file(path)
    assert "bad.txt" in str(error.value) and "byte offset 18" in str(error.value)


def test_given_encoding_that_does_not_fit_is_an_error(write):
    path = write("gbk.txt", LINE.encode("gbk"))
    with pytest.raises(InputError, match="not valid utf-8: undecodable bytes at byte offset 0"):
        read_file(path, "utf-8")


def test_binary_and_empty_files_are_refused(write):
    with pytest.raises(InputError, match="binary file"):
        read_file(write("a.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
    with pytest.raises(InputError, match="empty file"):
        read_file(write("empty.txt", b"\n  \n"))


def test_docx_paragraphs_are_read(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("第六十八届会议")
    document.add_paragraph("1. 确认信息和通信技术具有潜力；")
    path = tmp_path / "res.docx"
    document.save(path)
    doc = parse_document(read_file(path))
    assert doc.raw.encoding == "docx"
    assert [(p.number, p.text) for p in doc.paragraphs] == [
        (None, "第六十八届会议"),
        ("1.", "确认信息和通信技术具有潜力；"),
    ]
    assert doc.metadata.year == 2013
