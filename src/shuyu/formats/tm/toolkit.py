"""Bilingual files that translate-toolkit parses (XLIFF, PO), turned into TM units the same way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from shuyu.errors import InputError
from shuyu.formats import xmlsafe
from shuyu.formats.tm.base import ReadReport, is_traditional_for, same_language
from shuyu.model.bitext import TMUnit


def read_store(
    store_class, path: str | Path, source_lang: str, target_lang: str, report: ReadReport | None
) -> Iterator[TMUnit]:
    path = Path(path)
    report = report if report is not None else ReadReport()
    report.path = str(path)
    if getattr(store_class, "rootNode", None) is not None:  # an XML store: refuse entities before the toolkit parses
        xmlsafe.parse(path)
    try:
        store = store_class.parsefile(str(path))
    except Exception as exc:  # noqa: BLE001 - the toolkit raises lxml, ValueError and its own errors for bad files
        line = (
            getattr(getattr(exc, "parse_state", None), "lineno", None)  # PO parse errors
            or (exc.position[0] if getattr(exc, "position", None) else None)
        )  # XML ones
        raise InputError(f"cannot be read as {store_class.Name}: {exc}", path, line) from None
    file_target = store.gettargetlanguage() or target_lang
    # PO names no source language: it is whichever of the requested pair the target is not
    file_source = store.getsourcelanguage() or (target_lang if same_language(file_target, source_lang) else source_lang)
    report.languages.update([file_source, file_target])
    if is_traditional_for(file_target, target_lang) or is_traditional_for(file_source, source_lang):
        raise InputError(f"is {file_source}→{file_target}: Traditional and Simplified Chinese are not mixed", path)
    swap = same_language(file_source, target_lang) and same_language(file_target, source_lang)
    if not swap and not (same_language(file_source, source_lang) and same_language(file_target, target_lang)):
        raise InputError(f"is {file_source}→{file_target}, not {source_lang}→{target_lang}", path)
    return _units(store, path, file_source, file_target, swap, report)


def _units(store, path: Path, file_source: str, file_target: str, swap: bool, report: ReadReport) -> Iterator[TMUnit]:
    for toolkit_unit in store.units:
        if toolkit_unit.isheader():
            continue
        report.seen += 1
        element = getattr(toolkit_unit, "xmlelement", None)
        line = element.sourceline if element is not None else None
        source, target = str(toolkit_unit.source or ""), str(toolkit_unit.target or "")
        if not toolkit_unit.istranslated() or not source.strip() or not target.strip():
            report.skip(report.seen, "untranslated or fuzzy", line)
            continue
        props = [("x-location", location) for location in toolkit_unit.getlocations()]
        context = toolkit_unit.getcontext()
        if context:
            props.append(("x-context", context))
        notes = toolkit_unit.getnotes()
        unit = TMUnit(
            source=source,
            target=target,
            source_lang=file_source,
            target_lang=file_target,
            tuid=toolkit_unit.getid() or None,
            origin="imported",
            origin_file=path.name,
            props=props,
            notes=[notes] if notes else [],
        )
        report.units += 1
        yield unit.swapped() if swap else unit
