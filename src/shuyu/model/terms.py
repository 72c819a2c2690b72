"""The termbase's concept model, as in TBX: concept → language → terms.

A term carries its status (TBX administrative status, plus ``candidate`` and
``rejected`` while unreviewed), type, use in the corpus (count, years, sources,
contexts), notes and provenance (mined, imported, curated).  English
equivalents are terms of the same concept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shuyu.text.zh import normalise

STATUSES = ("preferred", "admitted", "deprecated", "superseded", "candidate", "rejected")
REVIEWED = ("preferred", "admitted", "deprecated", "superseded")
TYPES = ("fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase")
PROVENANCES = ("mined", "imported", "curated")
LANGUAGES = ("zh", "en")


def norm(form: str, lang: str) -> str:
    """The key a form is looked up and merged by: simplified script for Chinese; for English folded case
    and singular nouns (``text.en.lookup_key``: "Member States" is found as "member state")."""
    if lang == "zh":
        return normalise(form)
    from shuyu.text.en import lookup_key  # imported here: LemmInflect's lexicon loads only for English

    return lookup_key(form)


def language(code: str) -> str | None:
    """zh, zh-CN, zh-Hans, zh_TW, Chinese → zh; en, en-US, English → en; anything else → None."""
    primary = code.strip().replace("_", "-").split("-")[0].casefold()
    return {
        "zh": "zh",
        "zho": "zh",
        "chi": "zh",
        "chinese": "zh",
        "中文": "zh",
        "cmn": "zh",
        "en": "en",
        "eng": "en",
        "english": "en",
        "英文": "en",
    }.get(primary)


@dataclass(eq=False)  # identity, not value: two concepts may hold equal-looking terms
class Term:
    form: str
    lang: str
    status: str = "admitted"
    type: str | None = None
    count: int = 0
    years: dict[str, int] = field(default_factory=dict)
    sources: list[dict] = field(default_factory=list)  # {"doc_id", "symbol", "paragraph", "year"} or {"file"}
    contexts: list[dict] = field(default_factory=list)  # {"text", "start", "end", "doc_id", "year", "paragraph"}
    notes: list[str] = field(default_factory=list)
    provenance: str = "mined"
    part_of_speech: str | None = None
    geographical_usage: str | None = None
    created: str | None = None
    modified: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return self.lang, norm(self.form, self.lang)

    def as_dict(self) -> dict:
        # Not dataclasses.asdict: it deep-copies every value, which dominates a 100,000-concept import.
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(eq=False)
class Concept:
    terms: list[Term]
    origin: str = "mined"  # mined, variants, imported, curated
    id: int | None = None
    subject: str | None = None
    definition: str | None = None
    notes: list[str] = field(default_factory=list)
    kind: str | None = None  # the variant group's kind, when it came from one
    reason: str | None = None
    created: str | None = None
    modified: str | None = None

    def preferred(self, lang: str = "zh") -> Term | None:
        """The preferred term of ``lang``, else its first reviewed term, else its first term."""
        terms = [t for t in self.terms if t.lang == lang and t.status != "rejected"]
        return (
            next((t for t in terms if t.status == "preferred"), None)
            or next((t for t in terms if t.status in REVIEWED), None)
            or (terms[0] if terms else None)
        )

    def term(self, form: str, lang: str | None = None) -> Term | None:
        """The term spelled ``form`` (exactly), else one with the same normal form (互聯網 for 互联网)."""
        candidates = [t for t in self.terms if lang is None or t.lang == lang]
        return next((t for t in candidates if t.form == form), None) or next(
            (t for t in candidates if norm(t.form, t.lang) == norm(form, t.lang)), None
        )

    def as_dict(self) -> dict:
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data["terms"] = [t.as_dict() for t in self.terms]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Concept:
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__ and k != "terms"}
        terms = [Term(**{k: v for k, v in t.items() if k in Term.__dataclass_fields__}) for t in data["terms"]]
        return cls(terms=terms, **fields)
