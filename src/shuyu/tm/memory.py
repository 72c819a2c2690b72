"""The translation memory as a whole: rebuilt from the alignments, filled by imports, corrected by edits.

Aligned units are derived: ``refresh`` replaces them from the alignments table.
Imported units are data: they are only added (a unit whose content is already
there is the same unit).  A user's edit is appended to ``tm_edits`` and replayed
after every change, so a rebuild never undoes it.  The search index follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from shuyu.errors import InputError, NotFound
from shuyu.formats import tm as formats
from shuyu.formats.tm.base import ReadReport, Skip, same_language
from shuyu.model.bitext import TMUnit
from shuyu.tm.derive import SOURCE_LANG, TARGET_LANG, aligned_rows
from shuyu.tm.index import reindex
from shuyu.tm.units import to_row

# Characters XML 1.0 cannot hold: a unit carrying one could never be exported, so it is not imported.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def refresh(store) -> int:
    """Derive the aligned units again, replay the edits, rebuild the search index; the number of aligned units."""
    count = store.replace_aligned_units(aligned_rows(store))
    store.replay_tm_edits()
    reindex(store)
    return count


@dataclass
class TMImportReport:
    file: Path
    units: int = 0  # new units
    already_there: int = 0
    seen: int = 0  # units in the file
    skipped: list[Skip] = field(default_factory=list)


def import_tm(
    store,
    path: str | Path,
    format_name: str | None = None,
    *,
    source_lang: str = SOURCE_LANG,
    target_lang: str = TARGET_LANG,
    reindexing: bool = True,
) -> TMImportReport:
    """Read a TMX, XLIFF or PO file into the TM, all or nothing: a broken file adds no unit.

    Units without the language pair, with an empty side or with characters XML
    cannot hold are skipped and listed (with their number in the file).  The
    English side is stored as the source, whichever way the file goes.
    """
    path = Path(path)
    module = formats.by_name(format_name) if format_name else formats.for_file(path)
    read = ReadReport()
    rows = []
    for unit in module.read(path, source_lang, target_lang, report=read):
        if _NOT_XML.search(unit.source + unit.target):
            read.skip(read.seen, "holds control characters XML cannot carry")
            continue
        rows.append(to_row(_english_first(unit)))
    report = TMImportReport(path, seen=read.seen, skipped=sorted(read.skipped, key=lambda s: s.unit))
    report.units, report.already_there = store.add_units(rows)
    store.replay_tm_edits()
    if reindexing:
        reindex(store)
    return report


def _english_first(unit: TMUnit) -> TMUnit:
    return unit.swapped() if same_language(unit.source_lang, TARGET_LANG) else unit


def edit(store, unit: str, target: str, note: str | None = None) -> dict:
    """Correct a unit's translation (``unit``: its key or tuid); kept across rebuilds.  The unit as stored."""
    from shuyu.store.core import now

    row = store.tm_unit_by_key(unit) or store.tm_unit_by_tuid(unit)
    if row is None:
        raise NotFound(f"no translation unit {unit!r}")
    if not target.strip() or _NOT_XML.search(target):
        raise InputError("the new translation is empty or holds control characters")
    store.add_tm_edit(row["key"], target, note, now().replace("-", "").replace(":", "").replace("+0000", "Z"))
    store.replay_tm_edits()
    reindex(store)
    return store.tm_unit_by_key(row["key"])


@dataclass(frozen=True)
class TMXOptions:
    """How an export writes: direction (en→zh by default), language codes, segment level, file size."""

    direction: str = "en-zh"
    source_lang: str | None = None  # default: en-US (or zh-CN for zh-en)
    target_lang: str | None = None
    segtype: str = "sentence"  # paragraph: an aligned bead's sentences joined again
    max_mb: float | None = None

    def languages(self) -> tuple[str, str]:
        if self.direction not in ("en-zh", "zh-en"):
            raise InputError(f"direction must be en-zh or zh-en, not {self.direction!r}")
        english, chinese = SOURCE_LANG, TARGET_LANG
        pair = (english, chinese) if self.direction == "en-zh" else (chinese, english)
        return self.source_lang or pair[0], self.target_lang or pair[1]


def export_tmx(store, path: str | Path, selection=None, options: TMXOptions = TMXOptions()) -> formats.WriteReport:
    """Write the (filtered) TM as TMX 1.4b, streaming; the header's date is the newest unit's, never the clock."""
    from shuyu.formats.tm import tmx
    from shuyu.store.tm import UnitFilter

    selection = selection or UnitFilter()
    source_lang, target_lang = options.languages()
    newest = max(
        (d for row in store.tm_units(selection) for d in (row["creationdate"], row["changedate"]) if d), default=None
    )
    units = _units(store.tm_units(selection), options.segtype)
    return tmx.write(
        units,
        path,
        source_lang=source_lang,
        target_lang=target_lang,
        segtype=options.segtype,
        creationdate=newest,
        max_mb=options.max_mb,
    )


def _units(rows, segtype: str):
    from shuyu.tm.units import from_row

    if segtype != "paragraph":
        yield from (from_row(row) for row in rows)
        return
    bead, parts = None, []
    for row in rows:
        key = (row["document"], row["document_pair"], row["bead"]) if row["origin"] == "aligned" else None
        if parts and (key is None or key != bead):
            yield _joined(parts)
            parts = []
        if key is None:
            yield from_row(row)
        else:
            bead = key
            parts.append(row)
    if parts:
        yield _joined(parts)


def _joined(rows: list[dict]) -> TMUnit:
    """An aligned bead whose sentences were stored apart, as one paragraph unit again."""
    from shuyu.tm.units import from_row

    unit = from_row(rows[0])
    if len(rows) > 1:
        unit.source = " ".join(r["source"] for r in rows)
        unit.target = "".join(r["target"] for r in rows)
        unit.tuid = None  # the paragraph's own, derived from its text
        unit.changedate = max((r["changedate"] for r in rows if r["changedate"]), default=None)
    return unit


def export_units(store, ids: list[int], path: str | Path, options: TMXOptions = TMXOptions()) -> formats.WriteReport:
    """Write the units with these ids (e.g. a job's matches) as TMX, in the order given."""
    from shuyu.formats.tm import tmx
    from shuyu.tm.units import from_row

    units = [from_row(row) for row in store.tm_units_with_ids(ids)]
    source_lang, target_lang = options.languages()
    return tmx.write(units, path, source_lang=source_lang, target_lang=target_lang, max_mb=options.max_mb)


TMX_OUTPUT = Path("tmx") / "shuyu-en-zh.tmx"


def build_stage(db_path: str | Path, out_dir: str | Path = ".") -> list[Path]:
    """``shuyu build``'s TM stage: refresh the TM in its own transaction, then (committed) write ``tmx/``."""
    from shuyu.store import Store

    with Store(db_path) as store:
        with store.transaction():
            refresh(store)
        return export_tmx(store, Path(out_dir) / TMX_OUTPUT).paths


def edit_unit(db_path: str | Path, unit: str, target: str, note: str | None = None) -> dict:
    """``shuyu tm edit``: correct a unit's translation in the database at ``db_path`` (one transaction)."""
    from shuyu.store import Store

    with Store(db_path, create=False) as store, store.transaction():
        return edit(store, unit, target, note)
