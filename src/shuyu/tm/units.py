"""Translation units as CAT tools segment them."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence

from shuyu.formats.tm.base import language_key
from shuyu.model.bitext import TMUnit
from shuyu.text.segment import Rule, split


def resegment(
    unit: TMUnit, source_rules: Sequence[Rule] | None = None, target_rules: Sequence[Rule] | None = None
) -> list[TMUnit]:
    """Sentence units from a paragraph unit when both sides cut into as many sentences, else the unit itself.

    Equal counts pair in order (a paragraph of a translated UN text keeps its
    sentence order); unequal counts need an aligner, so the paragraph stays whole.
    Each sentence unit keeps the paragraph's metadata and gets no tuid of its own.
    """
    sources = split(unit.source, unit.source_lang, source_rules)
    targets = split(unit.target, unit.target_lang, target_rules)
    if len(sources) < 2 or len(sources) != len(targets):
        return [unit]
    return [
        dataclasses.replace(unit, source=s, target=t, tuid=None, props=list(unit.props), notes=list(unit.notes))
        for s, t in zip(sources, targets)
    ]


def content_key(unit: TMUnit) -> str:
    """The unit's identity in the TM: its languages (zh-CN = zh-Hans = zh) and its two texts."""
    languages = ["-".join(language_key(code)) for code in (unit.source_lang, unit.target_lang)]
    data = "\x1f".join([*languages, unit.source, unit.target]).encode("utf-8")
    return hashlib.sha1(data).hexdigest()


def to_row(unit: TMUnit, **extra) -> dict:
    """A unit as a ``tm_units`` row (``extra``: document_pair, bead, segtype)."""
    row = dataclasses.asdict(unit)
    row["props"] = [list(p) for p in unit.props]
    row["key"] = content_key(unit)
    return row | extra


def from_row(row: dict) -> TMUnit:
    """A stored row as a unit (what the TMX writer takes)."""
    fields = {f.name for f in dataclasses.fields(TMUnit)}
    unit = TMUnit(**{k: v for k, v in row.items() if k in fields})
    unit.props = [tuple(p) for p in unit.props]
    unit.notes = list(unit.notes)
    return unit
