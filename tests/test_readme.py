"""The README's Usage examples run as written, on a copy of the built bundled corpus (issue 12).

The commands are read from the README itself, so an example that stops working fails here.  The files the
examples name (a Word draft, an English pair, glossaries to import) are written first, as a user would
have them."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import docx
from conftest import FIXTURES, REPO

from shuyu.cli import main

OLD = "注意到秘书长关于信息社会世界首脑会议成果在区域和国际两级落实和后续工作方面取得的进展的报告，"
NEW = OLD.replace("信息社会世界首脑会议成果", "信息社会世界峰会成果")
# As the corpus's 2015 draft of this resolution writes it (信息社会世界首脑会议; 峰会 from 2021).
RES_70_125_ZH = [
    "联合国",
    "A/RES/70/125",
    "大会",
    "第七十届会议",
    "议程项目 13 和 115",
    "2015年12月16日大会决议",
    "70/125. 关于信息社会世界首脑会议成果落实情况全面审查的大会高级别会议成果文件",
    "大会，",
    "通过以下成果文件：",
    "1. 我们重申信息社会世界首脑会议的愿景，即建设以人为本、具有包容性和面向发展的信息社会。",
    "2. 我们认识到，信息和通信技术促进可持续发展，数字鸿沟依然存在。",
]
RES_70_125_EN = """United Nations
A/RES/70/125
General Assembly
Seventieth session
Agenda items 13 and 115
Resolution adopted by the General Assembly on 16 December 2015
70/125. Outcome document of the high-level meeting of the General Assembly on the overall review of the implementation of the outcomes of the World Summit on the Information Society
The General Assembly,
Adopts the following outcome document:
1. We reaffirm the vision of the World Summit on the Information Society to build a people-centred, inclusive and development-oriented information society.
2. We recognize that information and communications technologies contribute to sustainable development, and that digital divides remain.
"""


def usage_commands() -> list[str]:
    """The command lines of the README's Usage block, comments dropped."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Usage\s+```sh\n(.*?)```", readme, re.S).group(1)
    lines = []
    for line in block.splitlines():
        command = re.split(r"\s+#\s", line, maxsplit=1)[0].strip()
        if command.startswith("shuyu"):
            lines.append(command)
    return lines


def user_files(folder: Path, db: Path) -> None:
    """The files the examples name, in the folder they run in."""
    word = docx.Document()
    for paragraph in RES_70_125_ZH:
        word.add_paragraph(paragraph)
    word.save(folder / "A_RES_70_125_C.docx")
    (folder / "A_RES_70_125_E.txt").write_text(RES_70_125_EN, encoding="utf-8")
    (folder / "A_RES_70_204_C.txt").write_text("\n".join(RES_70_125_ZH[6:]) + "\n", encoding="utf-8")
    (folder / "my-stop.txt").write_text("联合国\n决议草案\n", encoding="utf-8")
    (folder / "my-dict.txt").write_text("信息社会世界峰会\n数字合作\n", encoding="utf-8")
    (folder / "memoq.csv").write_text("en,zh-CN\ndigital divide,数字鸿沟\n", encoding="utf-8")
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["English", "Chinese"])
    book.active.append(["Internet governance", "互联网治理"])
    book.save(folder / "terms.xlsx")
    draft = docx.Document()
    draft.add_paragraph(OLD)
    draft.save(folder / "draft.docx")
    (folder / "draft.txt").write_text("第一行\n" + OLD + "\n", encoding="utf-8")
    (folder / "zh.txt").write_text(NEW + "\n", encoding="utf-8")
    (folder / "en.txt").write_text(
        "Taking note of the report of the Secretary-General on progress made in the implementation of and "
        "follow-up to the outcomes of the World Summit on the Information Society at the regional and "
        "international levels,\n",
        encoding="utf-8",
    )
    shutil.copy(FIXTURES / "tmx" / "tico19-60.en-zh.tmx", folder / "job.tmx")
    shutil.copy(FIXTURES / "tmx" / "tico19-sentences.en-zh.tmx", folder / "tico19.tmx")
    shutil.copy(FIXTURES / "readers" / "job.xlf", folder / "job.xlf")
    shutil.copy(FIXTURES / "readers" / "job.po", folder / "strings.po")
    source = docx.Document()  # an English job: SDG targets as the resolution prints them
    for line in (FIXTURES / "tmx" / "sdg-targets.en-zh.tsv").read_text(encoding="utf-8").splitlines()[:8]:
        source.add_paragraph(line.split("\t")[0])
    source.save(folder / "A_70_1_E.docx")
    shutil.copy(db, folder / "other.db")


def test_the_usage_examples_run(built, runner, monkeypatch, tmp_path):
    commands = usage_commands()
    assert len(commands) >= 30
    monkeypatch.chdir(built)
    user_files(built, built / "termbase" / "shuyu.db")
    failures = []
    for line in commands:
        command = line.split(" | ")[0].replace("/tmp/run", str(tmp_path / "run"))
        args = shlex.split(command)[1:]
        allowed = (0, 1) if args[0] == "lint" else (0,)  # lint exits 1 on findings: the examples have some
        if "--user-dict" in args:  # it loads words into jieba for the rest of the process: run it apart
            done = subprocess.run(
                [sys.executable, "-c", "from shuyu.cli import main; main()", *args],
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONPATH": str(REPO / "src")},
            )
            code, output, crashed = done.returncode, done.stdout + done.stderr, "Traceback" in done.stderr
        else:
            result = runner.invoke(main, args, input=NEW + "\n")
            code, output = result.exit_code, result.output
            crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        if code not in allowed or crashed:
            failures.append(f"{line}\n  → exit {code}: {output.strip()[-300:]}")
    assert not failures, "README examples that fail:\n" + "\n".join(failures)
