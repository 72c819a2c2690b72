"""Aligned units: the TM's part derived from the corpus's sentence alignments (rebuilt on every build).

English → Chinese (en-US → zh-CN, as UN translators work), each bead cut into
the sentences a CAT tool segments when both sides cut into as many
(``shuyu.tm.units.resegment``), else kept whole.  Dates come from the
documents (their date, else 1 January of their year), never from the clock,
so building again from the same data gives the same units and the same TMX.
"""

from __future__ import annotations

from shuyu.formats.tm.tmx import tuid
from shuyu.model.bitext import TMUnit
from shuyu.text.segment import split
from shuyu.tm.units import resegment, to_row

SOURCE_LANG, TARGET_LANG = "en-US", "zh-CN"


def document_date(row: dict | None) -> str | None:
    """A document's date as TMX writes dates (YYYYMMDDThhmmssZ), else its year's first day, else None."""
    if row is None:
        return None
    digits = "".join(ch for ch in str(row.get("date") or "") if ch.isdigit())
    if len(digits) >= 8:
        return f"{digits[:8]}T000000Z"
    return f"{row['year']}0101T000000Z" if row.get("year") else None


def aligned_rows(store) -> list[dict]:
    """The ``tm_units`` rows of every stored bead with both sides, sentence-level where the sides allow."""
    dates: dict[str, str | None] = {}
    rows = []
    for bead in store.aligned_pairs():
        doc = bead["doc_zh"]
        if doc not in dates:
            dates[doc] = document_date(store.document_row(doc))
        symbols = bead.get("symbols") or []
        unit = TMUnit(
            source=bead["en"],
            target=bead["zh"],
            source_lang=SOURCE_LANG,
            target_lang=TARGET_LANG,
            document=doc,
            symbol=symbols[0] if symbols else None,
            year=bead["year"],
            paragraph=bead["paragraph"],
            confidence=bead["confidence"],
            origin="aligned",
            creationdate=dates[doc],
        )
        for part in resegment(unit):
            part.tuid = tuid(part)  # stable: document and text, so an edit or a TMX can name the unit
            segtype = "sentence" if len(split(part.source, SOURCE_LANG)) == 1 else "paragraph"
            rows.append(to_row(part, document_pair=bead["doc_en"], bead=bead["seq"], segtype=segtype))
    return rows
