"""System faults end in one line and exit 2, never a traceback (issue 12): read-only or locked database,
full disk, unwritable export path, unexpected errors (``--debug`` shows the traceback)."""

import errno
import sqlite3
from types import SimpleNamespace

import pytest
import sqlite_utils

from shuyu.cli import main
from shuyu.store import core

# Every command that writes to the database, with arguments valid on the built bundled corpus.
WRITE_COMMANDS = [
    ["term", "accept", "多利益攸关方"],
    ["term", "reject", "多利益攸关方"],
    ["term", "status", "互联网", "preferred"],
    ["term", "note", "互联网", "a note"],
    ["variants", "prefer", "互联网"],
    ["mine", "--top", "1"],
    ["import", "IMPORT"],
    ["build", "--corpus", "CORPUS"],
]


@pytest.fixture
def read_only(monkeypatch):
    """Open every database read-only, as a file the user may not write (root ignores file modes)."""

    def database(path):
        return sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))

    monkeypatch.setattr(core, "sqlite_utils", SimpleNamespace(Database=database))


@pytest.mark.parametrize("command", WRITE_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_read_only_database_is_one_line_exit_2(runner, db, read_only, command, tmp_path, monkeypatch):
    from conftest import CORPUS

    monkeypatch.chdir(tmp_path)  # `build` writes its files under the current folder

    glossary = tmp_path / "unterm.csv"
    glossary.write_text("English,Chinese\ndigital divide,数字鸿沟\n", encoding="utf-8")
    command = [{"IMPORT": str(glossary), "CORPUS": str(CORPUS)}.get(a, a) for a in command]
    before = db.read_bytes()
    result = runner.invoke(main, ["--db", str(db), *command])
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1] == (
        f"shuyu: error: {db} is read-only (the file or its folder): shuyu cannot record changes there"
    )
    assert "Traceback" not in result.output
    assert db.read_bytes() == before


def test_corpus_add_to_read_only_database(runner, db, read_only, write, tmp_path):
    text = write("new.txt", "联合国大会第七十届会议\n信息和通信技术促进发展\n")
    (tmp_path / "corpus").mkdir()
    result = runner.invoke(main, ["--db", str(db), "corpus", "add", str(text), "--corpus", str(tmp_path / "corpus")])
    assert result.exit_code == 2, result.output
    assert "read-only" in result.output


@pytest.fixture
def locked(db, monkeypatch):
    """A second connection holding the write lock, and a short busy wait."""
    monkeypatch.setattr(core, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("begin immediate")
    other.execute("insert into meta(key, value) values ('held', 'by another process')")
    yield db
    other.rollback()
    other.close()


def test_locked_database_says_another_process_is_writing(runner, locked):
    result = runner.invoke(main, ["--db", str(locked), "term", "accept", "多利益攸关方"])
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"shuyu: error: another shuyu process is writing to {locked}; try again when it finishes\n"
    )


def test_a_reader_during_a_commit_is_told_why(runner, db, monkeypatch):
    from shuyu.store import readonly

    monkeypatch.setattr(readonly, "BUSY_TIMEOUT_S", 0.1)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("begin exclusive")  # what a committing writer holds
    try:
        result = runner.invoke(main, ["--db", str(db), "lookup", "信息社会"])
    finally:
        other.rollback()
        other.close()
    assert result.exit_code == 2
    assert result.output == f"shuyu: error: another shuyu process is writing to {db}; try again when it finishes\n"


def test_decision_during_a_build_is_not_lost(runner, locked):
    """`term accept` while another process writes fails loudly; once the lock is gone it is recorded."""
    result = runner.invoke(main, ["--db", str(locked), "term", "accept", "多利益攸关方"])
    assert result.exit_code == 2
    with sqlite3.connect(locked) as check:
        assert check.execute("select status from terms where term = '多利益攸关方'").fetchone()[0] != "accepted"


def test_lock_released_then_decision_recorded(runner, db, monkeypatch):
    monkeypatch.setattr(core, "BUSY_TIMEOUT_MS", 200)
    result = runner.invoke(main, ["--db", str(db), "term", "accept", "多利益攸关方"])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as check:
        assert check.execute("select status from terms where term = '多利益攸关方'").fetchone()[0] == "accepted"


def test_disk_full_while_exporting(runner, db, tmp_path, monkeypatch):
    import shuyu.fileio

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shuyu.fileio.tempfile, "mkstemp", full)
    out = tmp_path / "out.tbx"
    result = runner.invoke(main, ["--db", str(db), "export", "tbx", "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("shuyu: error: no space left on the device")
    assert result.output.count("\n") == 1
    assert not out.exists()


def test_disk_full_in_the_database(runner, db, monkeypatch):
    def full_disk(path):
        database = sqlite_utils.Database(path)
        original = database.conn

        class Full:  # a connection whose writes fail as SQLite's do on a full disk
            def __getattr__(self, name):
                return getattr(original, name)

            def execute(self, sql, *args):
                if sql.lstrip().lower().startswith(("insert", "update", "delete", "replace")):
                    raise sqlite3.OperationalError("database or disk is full")
                return original.execute(sql, *args)

        database.conn = Full()
        return database

    monkeypatch.setattr(core, "sqlite_utils", SimpleNamespace(Database=full_disk))
    before = db.read_bytes()
    result = runner.invoke(main, ["--db", str(db), "term", "accept", "多利益攸关方"])
    assert result.exit_code == 2, result.output
    assert "no space left" in result.output
    assert db.read_bytes() == before


def test_export_to_a_path_that_cannot_be_written(runner, db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(main, ["--db", str(db), "export", "tsv", "-o", str(blocker / "out.txt")])
    assert result.exit_code == 2, result.output
    assert result.output == f"shuyu: error: {blocker}: is a file, not a folder: cannot write under it\n"
    denied = runner.invoke(main, ["--db", str(db), "export", "tsv", "-o", "/proc/no/such.txt"])
    assert denied.exit_code == 2 and denied.output.startswith("shuyu: error: /proc/no")


def test_unexpected_error_is_one_line_naming_the_command(runner, db, monkeypatch):
    import shuyu.termbase.lookup

    def broken(*args, **kwargs):
        raise RuntimeError("something inside broke")

    monkeypatch.setattr(shuyu.termbase.lookup, "find", broken)
    result = runner.invoke(main, ["--db", str(db), "lookup", "信息"])
    assert result.exit_code == 2
    assert result.output == (
        "shuyu: error: `shuyu lookup` failed: RuntimeError: something inside broke (--debug shows where)\n"
    )
    debug = runner.invoke(main, ["--debug", "--db", str(db), "lookup", "信息"])
    assert isinstance(debug.exception, RuntimeError)


def test_a_closed_pipe_ends_quietly(runner, db, monkeypatch):
    """`shuyu lookup 信息 | head -1`: the reader went away; no error line, the SIGPIPE status."""
    import click

    def gone(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(click, "echo", gone)
    result = runner.invoke(main, ["--db", str(db), "lookup", "信息"])
    assert result.exit_code == 141 and result.output == ""
