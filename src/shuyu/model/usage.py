"""Which forms of a concept a translator may use, in the order exports show them.

Every export puts the preferred form first (translate-toolkit and several CAT
tools take the first term as the headword), then admitted forms, unreviewed
candidates, and the forms to avoid last.  A glossary that offers targets
(OmegaT's) keeps only the forms a translator may use: never a superseded,
deprecated or rejected form, and never a regional one (zh-TW usage such as
網際網路) in a zh-CN glossary.
"""

from __future__ import annotations

from shuyu.model.terms import Concept, Term
from shuyu.years import span

STATUS_ORDER = {"preferred": 0, "admitted": 1, "candidate": 2, "deprecated": 3, "superseded": 4, "rejected": 5}
FLAGGED = ("deprecated", "superseded")
USABLE = ("preferred", "admitted", "candidate")
_MAINLAND = ("zh", "zh-CN", "zh-Hans", "zh-Hans-CN", "zh-SG")


def is_regional(term: Term) -> bool:
    """A form of one region's usage other than the mainland's (zh-TW, zh-HK …)."""
    return bool(term.geographical_usage) and term.geographical_usage not in _MAINLAND


def usable(term: Term) -> bool:
    """A form a zh-CN (or English) glossary may offer as a target."""
    return term.status in USABLE and not is_regional(term)


def glossary_pair(concept, direction: str) -> tuple[list[Term], list[Term]]:
    """The usable source and target forms of a concept in a glossary's direction (``en-zh``), preferred first;
    a concept lacking either side cannot be a glossary entry."""
    source_lang, target_lang = direction.split("-")
    terms = order(concept.terms)
    sources = [t for t in terms if t.lang == source_lang and usable(t)]
    targets = [t for t in terms if t.lang == target_lang and usable(t)]
    return (sources, targets) if sources and targets else ([], [])


def forbidden(term: Term) -> bool:
    """A form to avoid in zh-CN text: deprecated, superseded, or another region's usage."""
    return term.status in FLAGGED or term.status == "rejected" or is_regional(term)


def order(terms: list[Term]) -> list[Term]:
    """Chinese first, then English; in each, preferred → admitted → candidate → flagged, regional after."""
    return sorted(terms, key=lambda t: (t.lang != "zh", STATUS_ORDER.get(t.status, 9), is_regional(t), -t.count))


def ordered(concept: Concept) -> Concept:
    concept.terms = order(concept.terms)
    return concept


def label(term: Term) -> str:
    """The status and years of a form, as a glossary comment shows it: ``preferred, 2015–2021``."""
    parts = [term.status]
    if term.geographical_usage:
        parts.append(term.geographical_usage)
    if term.years:
        parts.append(span(term.years))
    return ", ".join(parts)


def avoid_note(concept: Concept, lang: str = "zh") -> str | None:
    """``avoid: 信息社会世界首脑会议 (superseded, 2010–2015); 資訊社會世界高峰會 (zh-TW)`` — the forms not to use."""
    flagged = [t for t in order(concept.terms) if t.lang == lang and forbidden(t) and t.status != "rejected"]
    if not flagged:
        return None
    return "avoid: " + "; ".join(f"{t.form} ({label(t)})" for t in flagged)
