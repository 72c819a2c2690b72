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


def test_rebuild_without_data_change_gives_identical_exports_on_another_day(built, monkeypatch):
    before = {name: (built / "termbase" / file).read_bytes() for name, file in EXPORTS.items()}
    monkeypatch.setattr(core, "dt", _Clock(dt.datetime(2031, 3, 4, 5, 6, 7, tzinfo=dt.UTC)))
    build(built / "corpus", built / "termbase" / "shuyu.db", out_dir=built)
    for name, file in EXPORTS.items():
        assert (built / "termbase" / file).read_bytes() == before[name], name
    assert b"2031" not in (built / "termbase" / EXPORTS["tbx"]).read_bytes()


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
