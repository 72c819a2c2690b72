"""TMX 1.4b, written streaming and valid against the TMX 1.4 DTD, read leniently and safely.

Writing never holds the memory in a tree: each ``<tu>`` is built, serialised and
forgotten, so memory does not grow with the number of units; the file (or the
files, when split by size) appear only when complete.  The same units give the
same bytes: dates come from the units, tuids from their content.

Reading streams with ``iterparse`` (no DTD, no network, no entity expansion:
a file that declares entities or uses XInclude is refused), takes UTF-8 and
UTF-16 with or without a BOM, ``srclang="*all*"``, TMX 1.1's ``lang`` and any
number of languages per unit, and keeps inline tags as markup (see
``TMUnit.source_markup``).  A unit without the requested pair is a reported
skip; malformed or truncated XML is an ``InputError`` with the line.  A unit
read is ``imported`` from the file, whatever ``x-origin`` the file says, so an
import is never taken for derived data that a rebuild replaces.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from lxml import etree

from shuyu import __version__
from shuyu.errors import InputError
from shuyu.fileio import atomic_files
from shuyu.formats import xmlsafe
from shuyu.formats.tm.base import ReadReport, WriteReport, is_traditional_for, pick_language, same_language
from shuyu.model.bitext import LOW_CONFIDENCE, TMUnit

NAME = "tmx"
SUFFIXES = (".tmx",)
SEGTYPES = ("sentence", "paragraph")
O_TMF = "shuyu"  # the original TM format: shuyu's own translation memory
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
INLINE = ("bpt", "ept", "ph", "it", "hi", "ut")
_XINCLUDE = "{http://www.w3.org/2001/XInclude}"
_FOOTER = b"\n  </body>\n</tmx>\n"

# Unit fields written as x- props, in this order; the reader maps them back.
_FIELD_PROPS = ("x-document", "x-symbol", "x-year", "x-paragraph", "x-origin", "x-confidence", "x-origin-file")


def write(
    units: Iterable[TMUnit],
    path: str | Path,
    *,
    source_lang: str = "en-US",
    target_lang: str = "zh-CN",
    segtype: str = "sentence",
    creationdate: str | None = None,
    max_mb: float | None = None,
) -> WriteReport:
    """Write ``units`` as TMX from ``source_lang`` to ``target_lang`` (units the other way round are turned).

    ``creationdate`` (YYYYMMDDThhmmssZ) goes into the header; when not given and
    ``units`` is a collection, the newest date among the units is used, never the
    clock.  With ``max_mb``, the output is ``PATH-001.tmx``, ``PATH-002.tmx`` … of
    at most that many megabytes each, every one a complete TMX.  A unit of
    another language pair, or whose text XML cannot hold (control characters),
    is a reported skip.
    """
    path = Path(path)
    if segtype not in SEGTYPES:
        raise InputError(f"segtype must be one of {', '.join(SEGTYPES)}, not {segtype!r}")
    if creationdate is None and isinstance(units, Collection):
        creationdate = max((d for u in units for d in (u.creationdate, u.changedate) if d), default=None)
    head = _head(source_lang, segtype, creationdate)
    limit = int(max_mb * 1024 * 1024) if max_mb else None
    report = WriteReport()
    with atomic_files() as open_file:
        out, size = None, 0
        for number, unit in enumerate(units, 1):
            data = _tu_bytes(unit, number, source_lang, target_lang, report)
            if data is None:
                continue
            if limit and len(head) + len(data) + len(_FOOTER) > limit:
                report.skip(number, f"larger than the {max_mb} MB file limit on its own")
                continue
            if out is None or (limit and size + len(data) + len(_FOOTER) > limit):
                if out is not None:
                    out.write(_FOOTER)
                part = path.with_name(f"{path.stem}-{len(report.paths) + 1:03d}{path.suffix}") if limit else path
                out, size = open_file(part), len(head)
                out.write(head)
                report.paths.append(part)
            out.write(data)
            size += len(data)
            report.units += 1
        if out is None:  # no unit: still one valid, empty TMX
            part = path.with_name(f"{path.stem}-001{path.suffix}") if limit else path
            out = open_file(part)
            out.write(head)
            report.paths.append(part)
        out.write(_FOOTER)
    return report


def tuid(unit: TMUnit) -> str:
    """The unit's own tuid, else one derived from its document and text (stable across rebuilds)."""
    if unit.tuid:
        return unit.tuid
    key = "\x1f".join((unit.document or "", unit.source, unit.target)).encode("utf-8")
    return "shuyu-" + hashlib.sha1(key).hexdigest()[:16]


def _head(source_lang: str, segtype: str, creationdate: str | None) -> bytes:
    header = etree.Element(
        "header",
        creationtool="shuyu",
        creationtoolversion=__version__,
        segtype=segtype,
        **{"o-tmf": O_TMF},
        adminlang="en-US",
        srclang=source_lang,
        datatype="plaintext",
    )
    if creationdate:
        header.set("creationdate", creationdate)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n  '
        + etree.tostring(header, encoding="UTF-8")
        + b"\n  <body>"
    )


def _tu_bytes(unit: TMUnit, number: int, source_lang: str, target_lang: str, report: WriteReport) -> bytes | None:
    if same_language(unit.source_lang, target_lang) and same_language(unit.target_lang, source_lang):
        unit = unit.swapped()
    elif not (same_language(unit.source_lang, source_lang) and same_language(unit.target_lang, target_lang)):
        report.skip(number, f"languages {unit.source_lang}→{unit.target_lang} are not {source_lang}/{target_lang}")
        return None
    try:
        tu = _tu(unit, source_lang, target_lang)
    except (ValueError, etree.XMLSyntaxError) as exc:  # control characters, broken markup
        report.skip(number, f"cannot be written as XML: {exc}")
        return None
    return b"\n    " + etree.tostring(tu, encoding="UTF-8")


def _tu(unit: TMUnit, source_lang: str, target_lang: str) -> etree._Element:
    tu = etree.Element("tu", tuid=tuid(unit))
    for name in ("creationdate", "changedate"):
        if getattr(unit, name):
            tu.set(name, getattr(unit, name))
    values = (
        unit.document,
        unit.symbol,
        unit.year,
        unit.paragraph,
        unit.origin,
        None if unit.confidence is None else f"{unit.confidence:.3f}",
        unit.origin_file,
    )
    for name, value in [*zip(_FIELD_PROPS, values), *unit.props]:
        if value is not None and value != "":
            etree.SubElement(tu, "prop", type=name).text = str(value)
    notes = list(unit.notes)
    if unit.low_confidence:
        warning = f"Low alignment confidence ({unit.confidence:.2f} < {LOW_CONFIDENCE}): check this pair."
        notes += [warning] if warning not in notes else []
    for note in notes:
        etree.SubElement(tu, "note").text = note
    for lang, text, markup in (
        (source_lang, unit.source, unit.source_markup),
        (target_lang, unit.target, unit.target_markup),
    ):
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
        seg = etree.SubElement(tuv, "seg")
        if markup is None:
            seg.text = text
        else:
            inline = etree.fromstring(f"<seg>{markup}</seg>")
            seg.text = inline.text
            seg.extend(inline)
        tuv.text, seg.tail = "\n        ", "\n      "  # indentation outside <seg> only: its text is data
    for child in tu:
        child.tail = "\n      "
    tu.text, tu[-1].tail = "\n      ", "\n    "
    return tu


def read(
    path: str | Path, source_lang: str = "en-US", target_lang: str = "zh-CN", *, report: ReadReport | None = None
) -> Iterator[TMUnit]:
    """The units of ``path`` holding both languages, oriented ``source_lang`` → ``target_lang``.

    Units without the pair, with an empty side, or whose Chinese is of the other
    script are skipped and recorded in ``report``.  A file in which no unit has
    the pair is an ``InputError`` naming the languages it does have.
    """
    path = Path(path)
    report = report if report is not None else ReadReport()
    report.path = str(path)
    try:
        with path.open("rb") as handle:
            yield from _parse(handle, path, source_lang, target_lang, report)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        raise InputError(f"not well-formed XML (truncated or broken): {exc.msg}", path, line) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", path) from None
    if report.seen and not report.units:
        found = ", ".join(sorted(report.languages)) or "none"
        raise InputError(f"no unit holds both {source_lang} and {target_lang} (languages in the file: {found})", path)


def _parse(handle, path: Path, source_lang: str, target_lang: str, report: ReadReport) -> Iterator[TMUnit]:
    root = None
    context = etree.iterparse(
        handle,
        events=("start", "end"),
        tag=("tmx", "tu", _XINCLUDE + "*"),
        **xmlsafe.SAFE,
    )
    for event, element in context:
        if event == "start":
            if root is None:
                root = _check_root(element, path)
            if element.tag.startswith(_XINCLUDE):
                raise InputError("uses XInclude; refused (no file or URL is ever included)", path, element.sourceline)
        elif element.tag == "tu":
            report.seen += 1
            unit = _unit(element, report.seen, path, source_lang, target_lang, report)
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
            if unit is not None:
                report.units += 1
                yield unit
    if root is None:
        _check_root(context.root, path)


def _check_root(element: etree._Element, path: Path) -> etree._Element:
    """The document's root, once its DTD declares no entity and it is <tmx>."""
    root = element.getroottree().getroot()
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and list(dtd.iterentities()):
        raise InputError(
            "declares entities; refused (entity expansion and external entities are never processed)",
            path,
            root.sourceline,
        )
    if root.tag != "tmx":
        raise InputError(f"not a TMX file: the root element is <{root.tag}>, not <tmx>", path, root.sourceline)
    return root


def _unit(
    tu: etree._Element, number: int, path: Path, source_lang: str, target_lang: str, report: ReadReport
) -> TMUnit | None:
    tuvs = tu.findall("tuv")
    codes = [tuv.get(XML_LANG) or tuv.get("lang") or "" for tuv in tuvs]
    report.languages.update(code for code in codes if code)
    source_at, target_at = pick_language(codes, source_lang), pick_language(codes, target_lang)
    if source_at is None or target_at is None:
        missing = target_lang if source_at is not None else source_lang
        other_script = [code for code in codes if is_traditional_for(code, missing)]
        if other_script:
            report.traditional += 1
            report.skip(
                number,
                f"its Chinese is {other_script[0]}, another script than the requested {missing}; not mixed in",
                tu.sourceline,
            )
        else:
            report.skip(number, f"no {missing} segment (languages: {', '.join(codes) or 'none'})", tu.sourceline)
        return None
    source, source_markup = _segment(tuvs[source_at])
    target, target_markup = _segment(tuvs[target_at])
    if not source.strip() or not target.strip():
        report.skip(number, "empty segment", tu.sourceline)
        return None
    pair = (tuvs[target_at], tuvs[source_at])  # the translation's own dates and authors first (OmegaT puts them there)
    creationdate, changedate = (
        tu.get(name) or next((tuv.get(name) for tuv in pair if tuv.get(name)), None)
        for name in ("creationdate", "changedate")
    )
    unit = TMUnit(
        source=source,
        target=target,
        source_lang=codes[source_at],
        target_lang=codes[target_at],
        tuid=tu.get("tuid"),
        origin="imported",
        origin_file=path.name,
        creationdate=creationdate,
        changedate=changedate,
        source_markup=source_markup,
        target_markup=target_markup,
    )
    # props and notes of the tu, then of the two tuvs: kept at unit level rather than lost
    for prop in [*tu.iterfind("prop"), *pair[1].iterfind("prop"), *pair[0].iterfind("prop")]:
        _set_prop(unit, prop.get("type") or "", prop.text or "")
    unit.props += [(f"x-{name}", pair[0].get(name)) for name in ("creationid", "changeid") if pair[0].get(name)]
    unit.notes = [note.text or "" for element in (tu, pair[1], pair[0]) for note in element.iterfind("note")]
    if len([code for code in codes if same_language(code, codes[target_at])]) > 1:
        report.alternatives += 1
    return unit


def _set_prop(unit: TMUnit, name: str, value: str) -> None:
    """x- props that shuyu writes fill the unit's fields; the file's origin gives way to the import's."""
    if name in ("x-document", "x-symbol", "x-paragraph"):
        setattr(unit, name[2:], value)
    elif name == "x-year" and value.isdigit():
        unit.year = int(value)
    elif name == "x-confidence" and _is_float(value):
        unit.confidence = float(value)
    elif name not in ("x-origin", "x-origin-file"):
        unit.props.append((name, value))


def _is_float(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def _segment(tuv: etree._Element) -> tuple[str, str | None]:
    """The text of a tuv's seg with inline tags as placeholders, and the seg's inner markup when it has tags."""
    seg = tuv.find("seg")
    if seg is None:
        return "", None
    if len(seg) == 0:
        return seg.text or "", None
    counter = iter(range(1, 1_000_000))
    text = (seg.text or "") + "".join(_placeholder(child, counter) for child in seg)
    markup = etree.tostring(seg, encoding="unicode", with_tail=False)
    markup = markup[markup.index(">") + 1 : markup.rindex("</")]
    return text, markup


def _placeholder(element: etree._Element, counter: Iterator[int]) -> str:
    """{bpt1}, {ph2}…: native codes stay marked; the translatable text inside <hi> stays text."""
    tail = element.tail or ""
    if not isinstance(element.tag, str):
        return tail
    tag = element.tag if element.tag in INLINE else "tag"
    number = element.get("i") or element.get("x") or str(next(counter))
    if tag != "hi":
        return f"{{{tag}{number}}}" + tail
    inner = (element.text or "") + "".join(_placeholder(child, counter) for child in element)
    return f"{{hi{number}}}{inner}{{/hi{number}}}" + tail
