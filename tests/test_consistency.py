"""The database and the files agree (issue 12): exports written after the commit and identical when the data
is, a user's decision always winning over an import, printed counts being what was written."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from shuyu.cli import main
from shuyu.pipeline import EXPORTS, build
from shuyu.store import core


class _Clock:
    """``datetime`` as seen by the store, with a fixed 'now'."""

    def __init__(self, when: dt.datetime):
        self.when = when
        self.UTC = dt.UTC

    @property
    def datetime(self):
        when = self.when

        class Fixed(dt.datetime):
            @classmethod
            def now(cls, tz=None):
                return when

        return Fixed


def test_rebuild_without_data_change_gives_identical_exports_on_another_day(seeds_built, monkeypatch):
    before = {name: (seeds_built / "termbase" / file).read_bytes() for name, file in EXPORTS.items()}
    monkeypatch.setattr(core, "dt", _Clock(dt.datetime(2031, 3, 4, 5, 6, 7, tzinfo=dt.UTC)))
    build(seeds_built / "corpus", seeds_built / "termbase" / "shuyu.db", out_dir=seeds_built)
    for name, file in EXPORTS.items():
        assert (seeds_built / "termbase" / file).read_bytes() == before[name], name
    assert b"2031" not in (seeds_built / "termbase" / EXPORTS["tbx"]).read_bytes()


def _run(runner, db, *args):
    result = runner.invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("format_name, suffix", [("tbx", "tbx"), ("tbx2", "tbx"), ("csv", "csv"), ("xlsx", "xlsx")])
def test_importing_our_own_export_changes_nothing(runner, db, tmp_path, format_name, suffix):
    _run(runner, db, "term", "reject", "信息社会")
    exported = tmp_path / f"own.{suffix}"
    _run(runner, db, "export", format_name, "-o", str(exported))
    before = tmp_path / "before.tbx"
    _run(runner, db, "export", "tbx", "-o", str(before))
    _run(runner, db, "import", str(exported))
    after = tmp_path / "after.tbx"
    _run(runner, db, "export", "tbx", "-o", str(after))
    assert after.read_bytes() == before.read_bytes()
    with sqlite3.connect(db) as check:
        assert check.execute("select count(*) from concepts where origin = 'imported'").fetchone()[0] == 0
    assert "rejected" in _run(runner, db, "lookup", "信息社会")


def test_a_decision_wins_over_an_import_made_before_or_after(runner, db, tmp_path):
    unterm = tmp_path / "unterm.csv"
    unterm.write_text("English,Chinese,Status\ninformation society,信息社会,preferred\n", encoding="utf-8")
    _run(runner, db, "import", str(unterm))
    _run(runner, db, "term", "reject", "信息社会")  # after the import
    shown = _run(runner, db, "lookup", "信息社会")
    assert "信息社会  rejected" in shown and "information society" in shown
    everything = tmp_path / "all.csv"
    _run(runner, db, "export", "csv", "-o", str(everything), "--status", "rejected")
    assert "信息社会" in everything.read_text(encoding="utf-8-sig")
    _run(runner, db, "import", str(unterm.rename(tmp_path / "again.csv")))  # and a new import after it
    assert "信息社会  rejected" in _run(runner, db, "lookup", "信息社会")


def test_lookup_of_a_concept_whose_chinese_terms_are_all_rejected(runner, db):
    _run(runner, db, "term", "reject", "信息社会")
    for query in ("信息", "信息社会", "社会"):
        result = runner.invoke(main, ["--db", str(db), "lookup", query])
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output
    assert "信息社会  rejected" in _run(runner, db, "lookup", "信息社会")


def test_build_writes_its_files_after_the_commit(seeds_built, monkeypatch):
    """A failure while writing the files leaves them matching the database, which has committed."""
    import errno

    import shuyu.pipeline

    manifest = seeds_built / "corpus" / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    first = text.index("\n[[document]]\n")
    manifest.write_text(text[:first] + text[text.index("\n[[document]]\n", first + 1) :], encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shuyu.pipeline, "write_report", full)
    db = seeds_built / "termbase" / "shuyu.db"
    with pytest.raises(OSError):
        build(seeds_built / "corpus", db, out_dir=seeds_built)
    from shuyu.store import Store
    from shuyu.termbase.exchange import concepts

    with Store(db, create=False) as store:
        assert len(store.document_ids()) == 4  # committed: the first seed left out of five
        stored = len(concepts(store))
    exported = (seeds_built / "termbase" / EXPORTS["tbx"]).read_text(encoding="utf-8")
    assert exported.count("<conceptEntry") == stored


def test_a_build_blocked_by_a_lock_replaces_no_file(built, monkeypatch):
    monkeypatch.setattr(core, "BUSY_TIMEOUT_MS", 100)
    before = {f.name: f.read_bytes() for f in (built / "termbase").iterdir() if f.is_file()}
    other = sqlite3.connect(built / "termbase" / "shuyu.db", isolation_level=None)
    other.execute("begin immediate")
    try:
        with pytest.raises(Exception, match="another shuyu process is writing"):
            build(built / "corpus", built / "termbase" / "shuyu.db", out_dir=built)
    finally:
        other.rollback()
        other.close()
    assert {f.name: f.read_bytes() for f in (built / "termbase").iterdir() if f.is_file()} == before


def test_build_removes_what_a_killed_run_left(seeds_built):
    leftovers = [seeds_built / "termbase" / ".shuyu.tbx-k1ll3d", seeds_built / "termbase" / ".report.html-x9"]
    for path in leftovers:
        path.write_text("half", encoding="utf-8")
    build(seeds_built / "corpus", seeds_built / "termbase" / "shuyu.db", out_dir=seeds_built)
    assert not any(path.exists() for path in leftovers)


def test_export_prints_the_count_it_wrote(runner, db, tmp_path):
    out = tmp_path / "glossary.txt"
    # The count is of concepts with an English entry (the aligned ones of the bundled corpus); 信息社会世界峰会
    # has none until a terminologist gives it one.
    printed = _run(runner, db, "export", "tsv", "-o", str(out))
    first = int(printed.split()[0])
    assert printed == f"{first} concepts → {out}\n" and first > 800
    assert "信息社会世界峰会" not in out.read_text(encoding="utf-8")
    _run(runner, db, "term", "english", "信息社会世界峰会", "World Summit on the Information Society")
    assert _run(runner, db, "export", "tsv", "-o", str(out)) == f"{first + 1} concepts → {out}\n"
    assert _run(runner, db, "export", "omegat-tbx", "-o", str(tmp_path / "g.tbx")).startswith(f"{first + 1} concepts")
