"""What lint knows from the termbase: each concept's accepted and deprecated Chinese forms and English terms.

Only reviewed or proposed forms (preferred, admitted, deprecated, superseded)
become patterns: an unreviewed candidate neither fires nor shields.  Every
such form goes into one Aho–Corasick automaton matched longest first, so the
preferred 多利益攸关方 shields the 利益攸关方 inside it.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick_rs

from shuyu.store.readonly import TermbaseReader
from shuyu.text.match import TermMatcher
from shuyu.years import span

ACCEPTED = ("preferred", "admitted")
FLAGGED = ("deprecated", "superseded")
SHORT = ("abbreviation", "shortForm", "acronym")  # sanctioned short forms: using one beside the full form is fine


@dataclass(eq=False)  # hashable by identity: messages are cached per form
class Form:
    form: str
    concept: int
    status: str
    years: dict[str, int] = field(default_factory=dict)
    provenance: str = "mined"
    type: str | None = None


@dataclass
class ConceptRule:
    id: int
    forms: list[Form]
    english: list[str]
    reason: str | None
    origin: str

    @functools.cached_property
    def preferred(self) -> Form | None:
        return next((f for f in self.forms if f.status == "preferred"), None) or next(
            (f for f in self.forms if f.status == "admitted"), None
        )

    @property
    def accepted(self) -> list[str]:
        return [f.form for f in self.forms if f.status in ACCEPTED]


class Rules:
    """The termbase's Chinese forms (one matcher) and English terms (another), by concept."""

    def __init__(self, concepts: list[ConceptRule]):
        self.concepts = {c.id: c for c in concepts}
        self.form = {f.form: f for c in concepts for f in c.forms}
        self.chinese = TermMatcher(self.form)
        self.chinese.prepare()  # build the automaton now, once for every file linted
        self.english_terms_by_key: dict[str, tuple[str, int]] = {}
        for c in concepts:
            for term in c.english:
                key = " ".join(term.casefold().split())
                if key and c.accepted:
                    self.english_terms_by_key.setdefault(key, (term, c.id))
        self.english_keys = list(self.english_terms_by_key)
        self.has_english = bool(self.english_keys)
        self._english = None

    @functools.cache  # noqa: B019 - one Rules per lint run; the cache goes with it
    def advice(self, form: Form) -> tuple[str, str | None]:
        """The deprecated-term message for ``form`` ({found} is filled in with the text as written) and the fix."""
        concept = self.concepts[form.concept]
        preferred = concept.preferred
        if preferred is None:
            advice = f"no replacement recorded ({{found}} used {span(form.years)}; "
        else:
            advice = (
                f"use {preferred.form} ({{found}} used {span(form.years)}, {preferred.form} {span(preferred.years)}; "
            )
        return (
            f"{{found}} is {form.status}: {advice}{decided_by(form, concept)})",
            preferred.form if preferred else None,
        )

    @classmethod
    def from_database(cls, path: str | Path) -> Rules:
        return cls(load(TermbaseReader.open(path)))

    def english_terms(self, text: str) -> list[tuple[str, int]]:
        """English terms in ``text`` (case and spacing folded, whole words): (term, concept id)."""
        if not self.has_english:
            return []
        if self._english is None:
            self._english = ahocorasick_rs.AhoCorasick(
                self.english_keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
            )
        folded, found = " ".join(text.casefold().split()), []
        for index, start, end in self._english.find_matches_as_indexes(folded):
            before = folded[start - 1] if start > 0 else " "
            after = folded[end] if end < len(folded) else " "
            if not (before.isalnum() or after.isalnum()):  # whole words: "Internet" is not in "Internets"
                found.append(self.english_terms_by_key[self.english_keys[index]])
        return found


def load(db: TermbaseReader) -> list[ConceptRule]:
    """Concepts that have at least one reviewed or proposed Chinese form."""
    rows = db.reviewed_terms()
    concepts: dict[int, ConceptRule] = {}
    for concept_id, lang, form, status, years, provenance, kind, reason, origin in rows:
        rule = concepts.setdefault(concept_id, ConceptRule(concept_id, [], [], reason, origin))
        if lang == "zh":
            rule.forms.append(Form(form, concept_id, status, json.loads(years or "{}"), provenance, kind))
        else:
            rule.english.append(form)
    return [c for c in concepts.values() if c.forms]


def decided_by(form: Form, concept: ConceptRule) -> str:
    if form.provenance == "curated":
        return "set by a terminologist"
    if form.provenance == "imported":
        return "from an imported termbase"
    return f"proposed by variant detection: {concept.reason}" if concept.reason else "proposed by variant detection"


_QUOTED = re.compile(r"《[^》]{1,80}》")


def quoted_titles(text: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles, cited verbatim (an older document's title keeps its old wording)."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
