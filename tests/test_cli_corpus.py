"""The corpus commands and `shuyu build`, end to end through the CLI."""

from __future__ import annotations

import json
import sqlite3

import click
import pytest
from conftest import CORPUS, FIXTURES

from shuyu.cli import main
from shuyu.store import Store


def run(runner, *args, env=None):
    """Run a command that must succeed."""
    result = runner.invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def snapshot(db):
    con = sqlite3.connect(db)
    try:
        return {
            t: con.execute(f"select * from {t} order by 1, 2").fetchall()
            for t in ("documents", "paragraphs", "sentences", "footnotes")
        }
    finally:
        con.close()


def test_build_then_list_shows_the_bundled_corpus(runner, tmp_path):
    result = run(runner, "build", "--corpus", CORPUS, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "1129 documents: 1129 added" in result.output  # 5 seeds, the SDG pair, 561 × 2 from the TM source
    assert "aligned 2015-a-res-70-1-sdg-zh ↔ 2015-a-res-70-1-sdg-en: 187 pairs" in result.output
    db = tmp_path / "out" / "termbase" / "shuyu.db"
    listing = json.loads(run(runner, "--db", db, "corpus", "list", "--json").stdout)
    documents = [d for d in listing if d["file"] != "un-devset-2015.tmx"]
    assert [d["year"] for d in documents] == [2010, 2011, 2013, 2015, 2015, 2015, 2021]
    for d in documents:
        assert {"id", "lang", "year", "symbols", "title", "paragraphs", "chars"} <= set(d)
        assert d["paragraphs"] > 50 and d["chars"] > 4000
    memory = [d for d in listing if d["file"] == "un-devset-2015.tmx"]
    assert len(memory) == 1122 and {d["year"] for d in memory} == {2015} and all(d["symbols"] for d in memory)
    again = run(runner, "build", "--corpus", CORPUS, "--out", tmp_path / "out")
    assert "1129 unchanged" in again.output and "0 added" in again.output and "aligned" not in again.output


def test_show_json_and_raw(runner, db):
    shown = json.loads(run(runner, "--db", db, "corpus", "show", "2013-ga-res-68-198", "--json").stdout)
    numbered = [p for p in shown["paragraphs"] if p["number"] == "1."]
    assert numbered and numbered[0]["text"].startswith("确认信息和通信技术具有潜力")
    assert all("**" not in p["text"] for p in shown["paragraphs"])
    raw = run(runner, "--db", db, "corpus", "show", "2013-ga-res-68-198", "--raw").output
    assert "**确认**" in raw
    missing = runner.invoke(main, ["--db", str(db), "corpus", "show", "nope"])
    assert missing.exit_code == 1 and "no document 'nope'" in missing.output


def test_db_from_environment(runner, db, tmp_path):
    listing = json.loads(run(runner, "corpus", "list", "--json", env={"SHUYU_DB": str(db)}).stdout)
    with Store(db, create=False) as store:
        assert [d["id"] for d in listing] and sorted(d["id"] for d in listing) == store.document_ids()
    fresh = tmp_path / "env.db"
    run(
        runner,
        "corpus",
        "add",
        FIXTURES / "wrapped_2010_excerpt.txt",
        "--corpus",
        tmp_path / "c",
        env={"SHUYU_DB": str(fresh)},
    )
    assert Store(fresh, create=False).document_ids()


def test_corpus_add_detects_and_records_in_manifest(runner, tmp_path, write):
    corpus_dir = tmp_path / "c"
    gbk = write("c/res_gbk.txt", "第六十八届会议\n\n1. 确认信息和通信技术具有潜力；\n", encoding="gbk")
    db = tmp_path / "a.db"
    result = runner.invoke(main, ["--db", str(db), "corpus", "add", str(gbk), "--corpus", str(corpus_dir)])
    assert result.exit_code == 0, result.output
    assert "encoding: read as gb18030" in result.output and "year: detected 2013" in result.output
    manifest = (corpus_dir / "manifest.toml").read_text(encoding="utf-8")
    assert 'id = "res_gbk"' in manifest and "year = 2013" in manifest
    again = runner.invoke(main, ["--db", str(db), "corpus", "add", str(gbk), "--corpus", str(corpus_dir)])
    assert again.exit_code == 0 and "unchanged: res_gbk" in again.output
    assert (corpus_dir / "manifest.toml").read_text(encoding="utf-8").count("\n[[document]]\n") == 1


def test_corpus_add_reports_what_it_cannot_detect(runner, tmp_path, write):
    path = write("c/note.txt", "注意到数字鸿沟依然存在，又确认加强合作的重要性。\n")
    result = runner.invoke(
        main, ["--db", str(tmp_path / "a.db"), "corpus", "add", str(path), "--corpus", str(tmp_path / "c")]
    )
    assert result.exit_code == 0
    assert "year: not given and not detected" in result.output


def test_traditional_file_is_accepted_with_a_note(runner, tmp_path):
    result = runner.invoke(
        main,
        [
            "--db",
            str(tmp_path / "a.db"),
            "corpus",
            "add",
            str(FIXTURES / "traditional_2013.txt"),
            "--corpus",
            str(tmp_path / "c"),
            "--year",
            "2013",
        ],
    )
    assert result.exit_code == 0
    assert "traditional characters, converted to simplified" in result.output


def test_pair_links_both_documents(runner, tmp_path, write):
    zh = write("c/zh.txt", "第七十届会议\n\n回顾信息社会世界首脑会议的成果文件，\n")
    en = write(
        "c/en.txt",
        "Seventieth session\n\nRecalling the outcome documents of the World Summit on the Information Society,\n",
    )
    db = tmp_path / "p.db"
    run(runner, "--db", db, "corpus", "add", zh, "--corpus", tmp_path / "c")
    result = run(runner, "--db", db, "corpus", "add", en, "--corpus", tmp_path / "c", "--pair", "zh")
    assert "added: en (en, 2015" in result.output
    rows = {d["id"]: d for d in json.loads(run(runner, "--db", db, "corpus", "list", "--json").stdout)}
    assert rows["en"]["pair"] == "zh" and rows["zh"]["pair"] == "en"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02\x03binary\x00", "binary file"),
        ("soup.txt", bytes(range(128, 256)) * 4, "byte offset"),
    ],
)
def test_bad_files_leave_database_and_manifest_untouched(runner, built, write, name, content, message):
    db, corpus_copy = built / "termbase" / "shuyu.db", built / "corpus"
    before, manifest_before = snapshot(db), (corpus_copy / "manifest.toml").read_text(encoding="utf-8")
    good = write("good.txt", "第七十届会议\n\n回顾信息社会世界首脑会议的成果文件，\n")
    bad = write(name, content)
    result = runner.invoke(main, ["--db", str(db), "corpus", "add", str(good), str(bad), "--corpus", str(corpus_copy)])
    assert result.exit_code == 2
    assert name in result.output and message in result.output
    assert snapshot(db) == before
    assert (corpus_copy / "manifest.toml").read_text(encoding="utf-8") == manifest_before


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda m: m + '\n[[document]]\nid = "ghost"\nfile = "nowhere.txt"\n', "nowhere.txt: no such file"),
        (lambda m: m + "\n[[document]\nid = 1\n", "invalid TOML"),
        (
            lambda m: m + '\n[[document]]\nid = "x"\nfile = "001_6c775661e3a70600.txt"\nyear = "2010"\n',
            "`year` must be a int",
        ),
        (lambda m: m + '\n[[document]]\nid = "y"\nfile = "y.txt"\nlanguage = "zh"\n', "unknown key(s) ['language']"),
        (lambda m: m.replace('id = "2011-ga66-c2-report"', 'id = "2010-ecosoc-res-2010-2"'), "duplicate id"),
    ],
)
def test_bad_manifest_is_refused_and_database_kept(runner, built, edit, message):
    db, corpus_copy = built / "termbase" / "shuyu.db", built / "corpus"
    before = snapshot(db)
    manifest = corpus_copy / "manifest.toml"
    manifest.write_text(edit(manifest.read_text(encoding="utf-8")), encoding="utf-8")
    result = runner.invoke(main, ["--db", str(db), "build", "--corpus", str(corpus_copy)])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert snapshot(db) == before


def test_database_from_the_future_is_refused(runner, db):
    con = sqlite3.connect(db)
    con.execute("update meta set value = '99' where key = 'schema_version'")
    con.commit()
    con.close()
    result = runner.invoke(main, ["--db", str(db), "corpus", "list"])
    assert result.exit_code == 2
    assert "newer shuyu (schema version 99" in result.output


def test_files_that_are_not_shuyu_databases_are_refused(runner, tmp_path, write):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("create table notes (x)")
    con.commit()
    con.close()
    refused = runner.invoke(main, ["--db", str(other), "corpus", "list"])
    assert refused.exit_code == 2 and "not a shuyu one" in refused.output
    text = write("text.db", "hello")
    result = runner.invoke(main, ["--db", str(text), "corpus", "list"])
    assert result.exit_code == 2 and "not an SQLite database" in result.output


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    """Every command below ``group``, groups included, as argument paths."""
    for name, command in group.commands.items():
        yield (*path, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


def test_every_command_explains_itself_with_an_example(runner):
    paths = list(_commands(main))
    assert ("variants", "prefer") in paths and ("term", "english") in paths and len(paths) >= 25
    for args in [(), *paths]:
        result = runner.invoke(main, [*args, "--help"])
        assert result.exit_code == 0, (args, result.output)
        description = result.output.split("\n\n")[1].strip()
        assert description and not description.startswith("Options"), (args, result.output)
        assert "Example" in result.output and "shuyu " in result.output.split("Example", 1)[1], args
