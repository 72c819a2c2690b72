"""Translation units as CAT tools segment them."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

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
