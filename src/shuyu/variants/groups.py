"""Variant groups: forms linked by the signals, dated by their use, with a proposal per form.

Links are merged into groups strongest first, never joining forms that a user
split apart or that the corpus coordinates in one sentence (two concepts).
Each group's forms are counted per year and document (longest match among the
group's own forms, so 突尼斯议程 inside 信息社会突尼斯议程 counts once, for the
longer form), and the counts decide the proposal: the form used most in the
latest year that uses any form is preferred; a form no longer used by then is
superseded, one still used beside it is admitted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from shuyu.text.match import Match, TermMatcher
from shuyu.variants.signals import Link, Place, Sentence
from shuyu.years import UsedInYears, span

SIGNAL_WEIGHT = {
    "parallel": 3.0,
    "abbreviation": 3.0,
    "insertion": 2.0,
    "component": 2.0,
    "style": 2.0,
    "context": 1.0,
    "english": 2.0,
    "substitution": 0.0,  # a component change: it explains its terms' groups and is no group by itself
}
EVIDENCE_PER_GROUP = 12
MIN_SUPERSEDED = 2  # a form seen once is no evidence of a change


@dataclass
class Form(UsedInYears):
    form: str
    count: int = 0
    years: dict[int, int] = field(default_factory=dict)
    docs: dict[str, int] = field(default_factory=dict)
    spellings: dict[str, int] = field(default_factory=dict)
    status: str = "admitted"
    type: str = "variant"
    examples: list[Place] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "form": self.form,
            "status": self.status,
            "type": self.type,
            "count": self.count,
            "years": {str(y): n for y, n in sorted(self.years.items())},
            "docs": self.docs,
            "first_year": self.first_year,
            "last_year": self.last_year,
            "spellings": self.spellings,
            "examples": [p.as_dict() for p in self.examples],
        }


@dataclass
class Evidence:
    signal: str
    forms: tuple[str, str]
    note: str
    passages: list[dict]

    def as_dict(self) -> dict:
        return {"signal": self.signal, "forms": list(self.forms), "note": self.note, "passages": self.passages}


@dataclass
class VariantGroup:
    forms: list[Form]
    kind: str
    reason: str
    evidence: list[Evidence]
    score: float
    inconsistent_documents: list[dict] = field(default_factory=list)
    english: list[str] = field(default_factory=list)
    lookup_forms: list[dict] = field(default_factory=list)
    decision: str = "proposed"
    evidence_kind: str = ""
    strength: str = ""  # "strong (…)", "medium (…)" or "weak (…)", the evidence counted in words
    rule: str = ""  # the component change the group follows (首脑会议 → 峰会): groups sharing it belong together
    kept: list[Form] = field(default_factory=list)  # longer names holding a form that keep their rendering

    @property
    def preferred(self) -> Form:
        return next((f for f in self.forms if f.status == "preferred"), self.forms[0])

    def form(self, text: str) -> Form | None:
        return next((f for f in self.forms if f.form == text), None)

    def as_dict(self) -> dict:
        return {
            "preferred": self.preferred.form,
            "kind": self.kind,
            "reason": self.reason,
            "decision": self.decision,
            "evidence_kind": self.evidence_kind,
            "strength": self.strength,
            "rule": self.rule,
            "kept": [f.form for f in self.kept],
            "score": round(self.score, 2),
            "forms": [f.as_dict() for f in self.forms],
            "evidence": [e.as_dict() for e in self.evidence],
            "inconsistent_documents": self.inconsistent_documents,
            "english": self.english,
            "lookup_forms": self.lookup_forms,
        }


class _Partition:
    """Union–find that refuses a merge bringing two forms that must stay apart into one group."""

    def __init__(self, apart: set[frozenset[str]]):
        self.parent: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.apart = apart

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        self.members.setdefault(x, {x})
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if any(frozenset((x, y)) in self.apart for x in self.members[ra] for y in self.members[rb]):
            return False
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        return True

    def groups(self) -> list[set[str]]:
        return [m for root, m in self.members.items() if self.parent[root] == root and len(m) > 1]


def partition(links: list[Link], apart: set[frozenset[str]], together: list[list[str]]) -> list[set[str]]:
    """Groups of forms: the user's confirmed groups first, then links strongest first."""
    part = _Partition(apart)
    for forms in together:
        for other in forms[1:]:
            part.union(forms[0], other)
    strength: Counter = Counter()
    for link in links:
        if SIGNAL_WEIGHT[link.signal]:
            strength[frozenset((link.a, link.b))] += SIGNAL_WEIGHT[link.signal]
    for pair, _ in sorted(strength.items(), key=lambda kv: (-kv[1], sorted(kv[0]))):
        part.union(*sorted(pair))
    return part.groups()


def count_forms(
    sentences: Callable[[], Iterable[Sentence]], groups: list[set[str]], max_examples: int = 3
) -> list[list[Form]]:
    """Count each group's forms in one pass over the corpus, keeping a few examples from different years.

    Within a group, a form counts where it is the longest of the group's forms
    at its place; forms of different groups may overlap (首脑会议 in 信息社会世界首脑会议).
    """
    group_of = {form: k for k, members in enumerate(groups) for form in members}
    result = [{form: Form(form) for form in members} for members in groups]
    matcher = TermMatcher(group_of)
    for s in sentences():
        by_group: dict[int, list[Match]] = defaultdict(list)
        for m in matcher.every(s.norm):
            by_group[group_of[m.term]].append(m)
        for k, matches in by_group.items():
            end = -1
            for m in sorted(matches, key=lambda m: (m.start, m.start - m.end)):
                if m.start < end:
                    continue
                end = m.end
                f = result[k][m.term]
                f.count += 1
                if s.year is not None:
                    f.years[s.year] = f.years.get(s.year, 0) + 1
                f.docs[s.doc_id] = f.docs.get(s.doc_id, 0) + 1
                spelling = s.text[m.start : m.end]
                f.spellings[spelling] = f.spellings.get(spelling, 0) + 1
                if len(f.examples) < max_examples and all(e.sentence.year != s.year for e in f.examples):
                    f.examples.append(Place(s, m.start, m.end))
    return [sorted(forms.values(), key=lambda f: (-f.count, f.form)) for forms in result]


def propose(forms: list[Form], links: list[Link], preferred: str | None = None) -> tuple[str, str]:
    """Set each form's status and type; return the group's kind and the reason in words."""
    used = [f for f in forms if f.count]
    latest = max((f.last_year for f in used if f.last_year), default=None)
    user_choice = preferred
    if preferred is None:
        preferred = max(used or forms, key=lambda f: (f.years.get(latest, 0), f.count, len(f.form))).form
    best = next(f for f in forms if f.form == preferred)
    containing = [f for f in forms if any(g.form in f.form and g is not f for g in forms)]
    abbreviated = [f for f in forms if any(l.signal == "abbreviation" and f.form == l.a for l in links)]
    if (containing or abbreviated) and user_choice is None:
        best = max(containing + abbreviated, key=lambda f: (len(f.form), f.count))  # the full form of a short form
    signals = {link.signal for link in links}
    shorts = [f for f in forms if f is not best and f.form in best.form]
    abbreviations = [
        f
        for f in forms
        if f is not best
        and len(f.form) < len(best.form)
        and any(l.signal == "abbreviation" and f.form in (l.a, l.b) for l in links)
    ]
    for f in forms:
        # A short form or abbreviation is admitted beside its full form, whenever it was last used.
        f.status = (
            "preferred"
            if f is best
            else (
                "superseded"
                if f.count >= MIN_SUPERSEDED
                and latest
                and f.last_year
                and f.last_year < latest
                and best.years.get(latest)
                and f not in shorts
                and f not in abbreviations
                else "admitted"
            )
        )
    for f in forms:
        f.type = (
            "fullForm"
            if f is best and (shorts or abbreviations)
            else "abbreviation"
            if f in abbreviations
            else "shortForm"
            if f in shorts
            else "fullForm"
            if f is best
            else "variant"
        )
    superseded = [f for f in forms if f.status == "superseded"]
    if signals <= {"style", "context", "english"} and "style" in signals:
        note = next(l.note for l in links if l.signal == "style")
        return "style", f"{best.form} is the current rendering of this formula: {note}"
    if abbreviations and "abbreviation" in signals:
        short = abbreviations[0]
        return "abbreviation", f"{short.form} is an abbreviation of {best.form} ({_defined(links, short.form)})"
    if shorts and not superseded:
        return "short form", f"{shorts[0].form} is a short form of {best.form}, used beside it"
    if superseded:
        old = max(superseded, key=lambda f: f.count)
        after = sorted(y for y in best.years if y > (old.last_year or 0))
        overlap = sorted(set(best.years) & set(old.years))
        reason = (
            f"{best.form} replaces {old.form} in every document from {after[0]}; {old.form} last seen {old.last_year}"
        )
        if overlap:
            reason += f"; both used in {span(overlap)}"
        derived = _rule(links)
        if derived:
            reason += f"; follows {derived}"
        return ("rename" if _head_renamed(old.form, best.form) else "change over time"), reason
    others = [f for f in used if f is not best]
    if not others:
        return "concurrent inconsistency", f"only {best.form} is used in the corpus"
    other = others[0]
    return "concurrent inconsistency", (
        f"{best.form} ({best.count}) and {other.form} ({other.count}) are both used in "
        f"{span(set(best.years) | set(other.years))}; {best.form} is the more frequent in {latest}"
    )


def _defined(links: list[Link], short: str) -> str:
    for link in links:
        if link.signal == "abbreviation" and short in (link.a, link.b):
            return link.note
    return "short form"


def _head_renamed(old: str, new: str) -> bool:
    """The last part of a name changed while a modifier of four or more characters stayed: a rename."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    return prefix >= 4 and not old.endswith(new[prefix:]) and not new.endswith(old[prefix:])


def evidence_for(forms: set[str], links: list[Link]) -> list[Evidence]:
    """The group's links as evidence, strongest signals first, with the differing span marked."""
    chosen = [l for l in links if l.a in forms and l.b in forms]
    chosen.sort(key=lambda l: -SIGNAL_WEIGHT[l.signal])
    seen, result = set(), []
    for link in chosen:
        key = (link.signal, link.a, link.b, tuple((p.sentence.doc_id, p.start) for p in link.places))
        if key in seen:
            continue
        seen.add(key)
        result.append(Evidence(link.signal, (link.a, link.b), link.note, [p.as_dict() for p in link.places]))
        if len(result) >= EVIDENCE_PER_GROUP:
            break
    return result


def inconsistent_documents(forms: list[Form]) -> list[dict]:
    """Documents that use two or more forms of the group."""
    docs: dict[str, dict[str, int]] = defaultdict(dict)
    for f in forms:
        for doc_id, n in f.docs.items():
            docs[doc_id][f.form] = n
    return [{"doc_id": d, "counts": counts} for d, counts in sorted(docs.items()) if len(counts) > 1]


EVIDENCE_KIND = {
    "parallel": "parallel sentences",
    "abbreviation": "abbreviation",
    "component": "component of a rename",
    "style": "style in boilerplate",
    "insertion": "insertion",
    "english": "English pivot",
    "context": "same slot",
}


_COUNTED = {
    "definition": "definition in brackets",
    "abbreviation": "built abbreviation",
    "component": "component link",
    "context": "shared slot",
    "insertion": "insertion",
    "english": "English pivot",
}


def _pairs_of(links: list[Link]) -> set[tuple]:
    """Distinct passage pairs behind the links (one sentence pair may give a term and its component)."""
    return {
        tuple(sorted((p.sentence.doc_id, p.sentence.number or "", p.sentence.norm[:20]) for p in l.places))
        for l in links
    }


def assess(links: list[Link]) -> tuple[str, str, str]:
    """(evidence kind, strength in words, rule) of a group's links.

    Points: a sentence pair differing in this one place 3, one difference among
    several 1.5, a style split 2 per sentence pair, a definition in brackets 3,
    a component change, insertion, built abbreviation or English pivot 2, a
    shared slot 1; strong from 6, medium from 3, weak below.
    """
    parallel = [l for l in links if l.signal == "parallel"]
    full, partial = _pairs_of([l for l in parallel if not l.note]), _pairs_of([l for l in parallel if l.note])
    partial -= full
    styles = _pairs_of([l for l in links if l.signal == "style"])
    points = 3 * len(full) + 1.5 * len(partial) + 2 * len(styles)
    counted: Counter = Counter()
    for l in links:
        if l.signal not in ("parallel", "style", "substitution"):
            kind = "definition" if l.note == "defined in brackets" else l.signal
            counted[kind] += 1
            points += 3 if kind == "definition" else SIGNAL_WEIGHT[l.signal]
    counts = [
        (len(full), "parallel sentence pair", "parallel sentence pairs"),
        (len(partial), "sentence pair differing in several places", "sentence pairs differing in several places"),
        (len(styles), "boilerplate sentence pair", "boilerplate sentence pairs"),
        *((n, _COUNTED[what], _COUNTED[what] + "s") for what, n in sorted(counted.items())),
    ]
    parts = [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]
    level = "strong" if points >= 6 else "medium" if points >= 3 else "weak"
    strongest = max(
        (l for l in links if l.signal in EVIDENCE_KIND), key=lambda l: SIGNAL_WEIGHT[l.signal], default=None
    )
    return (
        EVIDENCE_KIND[strongest.signal] if strongest else "",
        f"{level} ({', '.join(parts)})",
        _rule(links),
    )


def _rule(links: list[Link]) -> str:
    """The component change most of the group's links follow ("首脑会议 → 峰会"), or ""."""
    rules = Counter(l.rule for l in links if l.rule)
    return rules.most_common(1)[0][0] if rules else ""


def too_weak(links: list[Link]) -> bool:
    """Only one difference among several, in a single sentence pair: a rewritten sentence, not a variant;
    or only shared neighbours: two terms filling one slot (会员国 / 外国, 妇女 / 男女) can be any two
    things said in that place, so the slot backs other evidence and is none by itself; or one sentence
    pair swapping two forms without a character in common: two items of one list, not one renamed."""
    if all(l.signal == "context" for l in links):
        return True
    if all(l.signal in ("parallel", "substitution") for l in links) and len(_pairs_of(links)) < 2:
        return not any(set(l.a) & set(l.b) for l in links)  # two items of one list (马里局势 / 冲突后建设和平)
    return all(l.signal in ("parallel", "substitution") and l.note for l in links) and len(_pairs_of(links)) < 2


def score(forms: list[Form], links: list[Link]) -> float:
    weight = sum(SIGNAL_WEIGHT[l.signal] for l in links)
    return weight * (1 + sum(f.count for f in forms)) ** 0.5
