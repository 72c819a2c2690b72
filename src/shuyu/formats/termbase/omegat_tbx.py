"""TBX v2 for OmegaT: one entry per usable target, so each target keeps its own status in OmegaT's comment.

OmegaT 3.6 reads TBX v2 only (``martif``, through JAXB) and takes every term
of the target language as a rendering, joining the termNotes and descrips of
all of an entry's terms into one comment shared by all its targets (measured
with tests/omegat/GlossaryProbe.java).  So this file holds only forms a
translator may use (``model.usage.usable``), one ``termEntry`` per
(concept, target), and nothing in the source terms that would end up in the
comment: OmegaT's glossary pane then shows, per rendering, its status and
years and the forms to avoid.  The full termbase, with every status, is the
``tbx``/``tbx2`` export.
"""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from shuyu import __version__
from shuyu.fileio import atomic_write_bytes
from shuyu.formats.termbase import tbx
from shuyu.model.terms import Concept
from shuyu.model.usage import avoid_note, glossary_pair, label

NAME = "omegat-tbx"
SUFFIXES = (".tbx",)
_CODES = {"zh": "zh-CN", "en": "en"}


def to_xml(concepts: list[Concept], direction: str = "en-zh") -> bytes:
    source_lang, target_lang = direction.split("-")
    E = functools.partial(tbx._element, tbx.V2)
    root = etree.Element("martif", {"type": "TBX", tbx.XML_LANG: _CODES[source_lang]})
    header = etree.SubElement(etree.SubElement(root, "martifHeader"), "fileDesc")
    header.append(E("titleStmt"))
    header[0].append(E("title", f"shuyu {direction} glossary for OmegaT"))
    source_desc = etree.SubElement(header, "sourceDesc")
    source_desc.append(E("p", f"Exported by shuyu {__version__}: usable renderings only, one entry per rendering."))
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for number, concept in enumerate(concepts, 1):
        sources, targets = glossary_pair(concept, direction)
        avoid = avoid_note(concept, target_lang)
        for k, target in enumerate(targets, 1):
            entry = etree.SubElement(body, "termEntry", id=f"c{concept.id or number}-{k}")
            if concept.subject:
                entry.append(E("descrip", concept.subject, type="subjectField"))
            source_set = etree.SubElement(entry, "langSet", {tbx.XML_LANG: _CODES[source_lang]})
            for source in sources:
                etree.SubElement(source_set, "tig").append(E("term", source.form))
            target_set = etree.SubElement(entry, "langSet", {tbx.XML_LANG: _CODES[target_lang]})
            tig = etree.SubElement(target_set, "tig")
            tig.append(E("term", target.form))
            # The readable note first: it is the first line of the comment OmegaT shows.
            tig.append(E("termNote", label(target) + (f"; {avoid}" if avoid else ""), type="usageNote"))
            if target.status in tbx.ADMIN_STATUS:
                tig.append(E("termNote", tbx.ADMIN_STATUS[target.status], type="administrativeStatus"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write(concepts: list[Concept], path: Path, direction: str = "en-zh", **options) -> int:
    """Write the glossary; the number of concepts that became entries (those with both languages)."""
    atomic_write_bytes(path, to_xml(concepts, direction))
    return sum(1 for c in concepts if glossary_pair(c, direction)[0])


def read(path: Path, **options) -> list[Concept]:
    return tbx.read(path)
