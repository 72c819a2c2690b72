"""``shuyu export`` and ``shuyu import``: one entry for both kinds of file, termbases and translation memories.

A TMX, XLIFF or PO file goes to the translation memory (``shuyu.tm.memory``),
anything else to the termbase (``shuyu.termbase.exchange``), by format name or
by suffix, so one command imports both kinds and one exports either.
"""

from __future__ import annotations

from pathlib import Path

from shuyu.errors import InputError
from shuyu.formats import tm as tm_formats

TM_FORMATS = ("tmx",)  # what the TM exports to
# Options that only one kind of export takes (the CLI offers them all).
_TERMBASE_ONLY = ("statuses", "min_freq", "everything")
_TM_ONLY = ("min_confidence", "origin", "segtype", "source_lang", "target_lang", "max_mb")


def is_tm_file(path: str | Path, format_name: str | None = None) -> bool:
    if format_name:
        return format_name in tm_formats.FORMATS
    return Path(path).suffix.casefold() in {s for m in tm_formats.FORMATS.values() for s in m.SUFFIXES}


def export(db_path: str | Path, format_name: str, output: str | Path, **options) -> tuple[str, int, list]:
    """Write the termbase or the TM; (what was written: "concepts" or "units", how many, files or skips)."""
    from shuyu.store import Store

    given = {k for k, v in options.items() if v not in (None, False, (), 0)}
    wrong = given & set(_TERMBASE_ONLY if format_name in TM_FORMATS else _TM_ONLY)
    if wrong:
        names = ", ".join(
            "--" + w.replace("_", "-").replace("statuses", "status").replace("everything", "all") for w in sorted(wrong)
        )
        raise InputError(f"{names}: not an option of a {format_name} export")
    with Store(db_path, create=False) as store:
        if format_name in TM_FORMATS:
            return _export_tm(store, output, **options)
        return _export_termbase(store, format_name, output, **options)


def _export_tm(
    store,
    output,
    *,
    year=None,
    document=None,
    min_confidence=None,
    origin=None,
    direction="en-zh",
    segtype=None,
    source_lang=None,
    target_lang=None,
    max_mb=None,
    **_,
) -> tuple[str, int, list]:
    from shuyu.store.tm import UnitFilter
    from shuyu.tm.memory import TMXOptions, export_tmx

    selection = UnitFilter(year=year, document=document, min_confidence=min_confidence, origin=origin)
    options = TMXOptions(direction, source_lang, target_lang, segtype or "sentence", max_mb)
    report = export_tmx(store, output, selection, options)
    return "units", report.units, [*report.paths, *report.skipped]


def _export_termbase(
    store,
    format_name,
    output,
    *,
    statuses=(),
    year=None,
    document=None,
    min_freq=0,
    everything=False,
    direction="en-zh",
    **_,
) -> tuple[str, int, list]:
    from shuyu.termbase.exchange import ExportFilter
    from shuyu.termbase.exchange import export as write

    selection = ExportFilter(
        **({"statuses": tuple(statuses)} if statuses else {}),
        year=year,
        document=document,
        min_freq=min_freq or 0,
        **({"min_score": None} if everything else {}),
    )
    return "concepts", write(store, format_name, output, selection, direction=direction), [Path(output)]


def import_files(db_path: str | Path, paths: list[str | Path], format_name: str | None = None, **options) -> list:
    """Import termbase and TM files in one transaction, all or nothing; one report per file.

    TM files take ``source_lang``/``target_lang`` (default en-US, zh-CN); termbase
    files the termbase options (``direction``, ``encoding``).
    """
    from shuyu.pipeline import changing
    from shuyu.termbase.exchange import import_file
    from shuyu.tm.index import reindex
    from shuyu.tm.memory import import_tm

    languages = {k: options.pop(k) for k in ("source_lang", "target_lang") if options.get(k)}
    reports = []
    with changing(db_path, create=True) as store:
        for path in paths:
            if is_tm_file(path, format_name):
                reports.append(import_tm(store, path, format_name, reindexing=False, **languages))
            else:
                reports.append(import_file(store, path, format_name, **options))
        if any(is_tm_file(path, format_name) for path in paths):
            reindex(store)
    return reports
