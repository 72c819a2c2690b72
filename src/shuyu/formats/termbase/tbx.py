"""The structure TBX v2 (``martif``) and TBX v3 (ISO 30042:2019) share, written and read with lxml.

Both nest concept → language → term and use the same TBX-Basic data
categories; they differ in element names and namespace, which ``Dialect``
holds.  What TBX-Basic has no category for (a ``candidate`` or ``rejected``
status, counts per year) travels in notes that start with ``shuyu:``, so an
export read back loses nothing; other tools show them as plain notes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from shuyu import __version__
from shuyu.errors import InputError
from shuyu.fileio import atomic_write_bytes
from shuyu.formats import xmlsafe
from shuyu.model.terms import Concept, Term, language

ADMIN_STATUS = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "superseded": "supersededTerm-admn-sts",
}
STATUS_OF = {v: k for k, v in ADMIN_STATUS.items()}
# TBX v2 files from older tools often use the long names of the same statuses.
STATUS_OF.update(
    {
        "preferredTerm": "preferred",
        "admittedTerm": "admitted",
        "deprecatedTerm": "deprecated",
        "supersededTerm": "superseded",
        "preferred": "preferred",
        "admitted": "admitted",
        "deprecated": "deprecated",
        "superseded": "superseded",
        "obsolete": "superseded",
    }
)
_SHUYU_NOTE = re.compile(r"^shuyu:(status|years|count)=(.*)$")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")  # BCP 47 in shape
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Dialect:
    root: str
    header: str
    entry: str
    lang_set: str
    term_set: str
    namespace: str | None
    root_attributes: tuple[tuple[str, str], ...]

    def tag(self, name: str) -> str:
        return f"{{{self.namespace}}}{name}" if self.namespace else name


V3 = Dialect(
    root="tbx",
    header="tbxHeader",
    entry="conceptEntry",
    lang_set="langSec",
    term_set="termSec",
    namespace="urn:iso:std:iso:30042:ed-2",
    root_attributes=(("type", "TBX-Basic"), ("style", "dca"), (XML_LANG, "en")),
)
V2 = Dialect(
    root="martif",
    header="martifHeader",
    entry="termEntry",
    lang_set="langSet",
    term_set="tig",
    namespace=None,
    root_attributes=(("type", "TBX-Basic"), (XML_LANG, "en")),
)
DIALECTS = (V3, V2)


def _date(stamp: str | None) -> str | None:
    return stamp[:10] if stamp else None


def _source_text(source: dict) -> str:
    if "text" in source:
        return source["text"]
    parts = [source.get("doc_id") or ""]
    if source.get("symbol"):
        parts[0] += f" ({source['symbol']})"
    if source.get("year"):
        parts.append(str(source["year"]))
    if source.get("paragraph"):
        parts.append(f"¶ {source['paragraph']}")
    return ", ".join(p for p in parts if p)


def to_xml(concepts: list[Concept], dialect: Dialect, title: str = "shuyu termbase") -> bytes:
    if not concepts:
        raise InputError("nothing to export: no concept matches (a TBX body needs at least one)")
    E = functools.partial(_element, dialect)
    root = etree.Element(dialect.tag(dialect.root), nsmap={None: dialect.namespace} if dialect.namespace else None)
    for key, value in dialect.root_attributes:
        root.set(key, value)
    header = etree.SubElement(root, dialect.tag(dialect.header))
    file_desc = etree.SubElement(header, dialect.tag("fileDesc"))
    title_stmt = etree.SubElement(file_desc, dialect.tag("titleStmt"))
    title_stmt.append(E("title", title))
    source_desc = etree.SubElement(file_desc, dialect.tag("sourceDesc"))
    source_desc.append(E("p", f"Exported by shuyu {__version__} from UN documents (Chinese–English)."))
    body = etree.SubElement(etree.SubElement(root, dialect.tag("text")), dialect.tag("body"))
    for number, concept in enumerate(concepts, 1):
        entry = etree.SubElement(body, dialect.tag(dialect.entry), id=f"c{concept.id or number}")
        if concept.subject:
            entry.append(E("descrip", concept.subject, type="subjectField"))
        if concept.definition:
            entry.append(E("descrip", concept.definition, type="definition"))
        _transactions(entry, concept.created, concept.modified, E)
        for note in concept.notes:
            entry.append(E("note", note))
        for lang in sorted({t.lang for t in concept.terms}, key=lambda code: (code != "zh", code)):
            lang_set = etree.SubElement(entry, dialect.tag(dialect.lang_set))
            lang_set.set(XML_LANG, lang)
            for term in (t for t in concept.terms if t.lang == lang):
                lang_set.append(_term_element(term, dialect, E))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _element(dialect: Dialect, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.Element(dialect.tag(name), attrs)
    if text is not None:
        element.text = text
    return element


def _transactions(parent, created: str | None, modified: str | None, E) -> None:
    for kind, stamp in (("origination", created), ("modification", modified)):
        if _date(stamp):
            group = E("transacGrp")
            group.append(E("transac", kind, type="transactionType"))
            group.append(E("date", _date(stamp)))
            parent.append(group)


def _term_element(term: Term, dialect: Dialect, E) -> etree._Element:
    term_set = E(dialect.term_set)
    term_set.append(E("term", term.form))
    if term.status in ADMIN_STATUS:
        term_set.append(E("termNote", ADMIN_STATUS[term.status], type="administrativeStatus"))
    if term.type:
        term_set.append(E("termNote", term.type, type="termType"))
    if term.part_of_speech:
        term_set.append(E("termNote", term.part_of_speech, type="partOfSpeech"))
    if term.geographical_usage:
        term_set.append(E("termNote", term.geographical_usage, type="geographicalUsage"))
    for context in term.contexts[:3]:
        group = E("descripGrp")
        group.append(E("descrip", context["text"], type="context"))
        source = context.get("source") or _source_text({k: v for k, v in context.items() if k != "text"})
        if source:
            group.append(E("admin", source, type="source"))
        term_set.append(group)
    for source in term.sources:
        term_set.append(E("admin", _source_text(source), type="source"))
    _transactions(term_set, term.created, term.modified, E)
    if term.status not in ADMIN_STATUS:
        term_set.append(E("note", f"shuyu:status={term.status}"))
    if term.count:
        term_set.append(E("note", f"shuyu:count={term.count}"))
    if term.years:
        term_set.append(E("note", "shuyu:years=" + " ".join(f"{y}:{n}" for y, n in sorted(term.years.items()))))
    for note in term.notes:
        term_set.append(E("note", note))
    return term_set


def write(concepts: list[Concept], path: Path, dialect: Dialect) -> None:
    atomic_write_bytes(path, to_xml(concepts, dialect))


def _described(tag: str) -> str:
    """An element name with its namespace, so that <tbx> in the wrong namespace reads as such."""
    name = etree.QName(tag)
    return (
        f"<{name.localname}> in namespace {name.namespace}" if name.namespace else f"<{name.localname}> (no namespace)"
    )


def read(path: Path) -> list[Concept]:
    """Concepts of a TBX v3 or v2 file (told apart by the root element)."""
    tree = xmlsafe.parse(path)
    root = tree.getroot()
    dialect = next((d for d in DIALECTS if root.tag == d.tag(d.root)), None)
    if dialect is None:
        raise InputError(
            f"not a TBX file: the root element is {_described(root.tag)}, expected "
            + " or ".join(_described(d.tag(d.root)) for d in DIALECTS),
            path,
            root.sourceline,
        )
    concepts, ids = [], set()
    for entry in root.iter(dialect.tag(dialect.entry)):
        entry_id = entry.get("id")
        if entry_id and entry_id in ids:
            raise InputError(f"duplicate concept id {entry_id!r}", path, entry.sourceline)
        ids.add(entry_id)
        concept = _read_entry(entry, dialect, path)
        if concept.terms:
            concepts.append(concept)
    if not concepts:
        raise InputError(f"no Chinese or English term in any <{dialect.entry}>: nothing to import", path)
    return concepts


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _children(parent, dialect: Dialect, name: str):
    return parent.findall(dialect.tag(name))


def _dates(parent, dialect: Dialect) -> tuple[str | None, str | None]:
    created = modified = None
    for group in _children(parent, dialect, "transacGrp"):
        kind = group.find(dialect.tag("transac"))
        date = group.find(dialect.tag("date"))
        if kind is not None and date is not None:
            if _text(kind) in ("origination", "creation"):
                created = _text(date)
            elif _text(kind) == "modification":
                modified = _text(date)
    return created, modified


def _read_entry(entry, dialect: Dialect, path: Path) -> Concept:
    concept = Concept([], origin="imported")
    for descrip in _children(entry, dialect, "descrip"):
        if descrip.get("type") == "subjectField":
            concept.subject = _text(descrip)
        elif descrip.get("type") == "definition":
            concept.definition = _text(descrip)
    concept.notes = [_text(n) for n in _children(entry, dialect, "note")]
    concept.created, concept.modified = _dates(entry, dialect)
    for lang_set in _children(entry, dialect, dialect.lang_set):
        code = lang_set.get(XML_LANG)
        if not code or not _LANGUAGE_TAG.match(code):
            problem = f"invalid language code {code!r}" if code else "missing xml:lang"
            raise InputError(f"{problem} on <{dialect.lang_set}>", path, lang_set.sourceline)
        lang = language(code)
        if lang is None:
            continue  # a valid language shuyu does not keep (fr, es … of a UNTERM export)
        for term_set in _children(lang_set, dialect, dialect.term_set):
            concept.terms.append(_read_term(term_set, lang, code, dialect, path))
    return concept


def _read_term(term_set, lang: str, code: str, dialect: Dialect, path: Path) -> Term:
    form_element = term_set.find(dialect.tag("term"))
    if form_element is None or not _text(form_element):
        raise InputError("a term entry without a <term>", path, term_set.sourceline)
    term = Term(_text(form_element), lang, "admitted", provenance="imported")
    if "-" in code and lang == "zh" and code.split("-")[-1].upper() in ("TW", "HK", "MO"):
        term.geographical_usage = code
    for note in _children(term_set, dialect, "termNote"):
        kind, value = note.get("type"), _text(note)
        if kind == "administrativeStatus":
            term.status = STATUS_OF.get(value, term.status)
        elif kind == "termType":
            term.type = value
        elif kind == "partOfSpeech":
            term.part_of_speech = value
        elif kind == "geographicalUsage":
            term.geographical_usage = value
    for group in _children(term_set, dialect, "descripGrp"):
        descrip = group.find(dialect.tag("descrip"))
        if descrip is not None and descrip.get("type") == "context":
            admin = group.find(dialect.tag("admin"))
            term.contexts.append({"text": _text(descrip), "source": _text(admin) if admin is not None else None})
    for descrip in _children(term_set, dialect, "descrip"):
        if descrip.get("type") == "context":
            term.contexts.append({"text": _text(descrip)})
    term.sources = [{"text": _text(a)} for a in _children(term_set, dialect, "admin") if a.get("type") == "source"]
    term.created, term.modified = _dates(term_set, dialect)
    for note in _children(term_set, dialect, "note"):
        text = _text(note)
        special = _SHUYU_NOTE.match(text)
        if special and special.group(1) == "status":
            term.status = special.group(2)
        elif special and special.group(1) == "count":
            term.count = int(special.group(2))
        elif special:
            term.years = {y: int(n) for y, n in (pair.split(":") for pair in special.group(2).split())}
        else:
            term.notes.append(text)
    return term
