"""Export the termbase to a file format, and import a file into it (merged, with provenance)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from shuyu.formats import termbase as formats
from shuyu.model.terms import STATUSES, Concept
from shuyu.model.usage import ordered

# Mined candidates below this score stay out of the default exports. Measured on the bundled corpus
# (README, "Termbase exports"): it drops 239 of 551 candidates — 238 of them outside the dev gold list, e.g.
# 会议 (score 0.04), 文件 (0.00), 尼亚 (0.06) — and keeps 127 of the 128 gold terms mined as candidates
# (the 128th, 互联网, is exported anyway: its variant group makes it admitted).
MIN_CANDIDATE_SCORE = 1.0


@dataclass(frozen=True)
class ExportFilter:
    statuses: tuple[str, ...] = tuple(s for s in STATUSES if s != "rejected")
    year: int | None = None  # concepts with a term used that year
    document: str | None = None  # concepts with a term found in that document
    min_freq: int = 0  # concepts with a term used at least this often in the corpus
    # Mined Chinese candidates need at least this miner score; None exports every candidate (`--all`).
    min_score: float | None = MIN_CANDIDATE_SCORE

    def apply(self, concept: Concept, scores: dict[str, float] | None = None) -> Concept | None:
        """The concept with the selected terms, preferred first; None when nothing of it is selected."""
        terms = [t for t in concept.terms if t.status in self.statuses and self._good_enough(t, scores or {})]
        if not terms or all(t.lang == "en" and t.status == "candidate" for t in terms):
            return None
        if self.year is not None and not any(str(self.year) in t.years for t in terms):
            return None
        if self.document and not any(s.get("doc_id") == self.document for t in terms for s in t.sources):
            return None
        if self.min_freq and max(t.count for t in terms) < self.min_freq:
            return None
        concept.terms = terms
        return ordered(concept)

    def _good_enough(self, term, scores: dict[str, float]) -> bool:
        """A reviewed or proposed term always; a mined Chinese candidate when its score reaches ``min_score``."""
        if self.min_score is None or term.status != "candidate" or term.lang != "zh" or term.provenance != "mined":
            return True
        return scores.get(term.form, 0.0) >= self.min_score


def candidate_scores(store) -> dict[str, float]:
    """The miner's score of every ranked Chinese candidate."""
    return {row["term"]: row["score"] or 0.0 for row in store.terms(statuses=("candidate",))}


def concepts(store, selection: ExportFilter = ExportFilter()) -> list[Concept]:
    """The stored termbase as ``Concept`` objects, filtered, each with its preferred terms first."""
    scores = candidate_scores(store) if selection.min_score is not None else {}
    result = []
    for row in store.termbase():
        concept = selection.apply(Concept.from_dict(row), scores)
        if concept is not None:
            result.append(concept)
    return result


def export(store, format_name: str, path: str | Path, selection: ExportFilter = ExportFilter(), **options) -> int:
    """Write the (filtered) termbase as ``format_name``; returns the number of concepts actually written."""
    chosen = concepts(store, selection)
    written = formats.by_name(format_name).write(chosen, Path(path), **options)
    return len(chosen) if written is None else written


@dataclass
class ImportReport:
    file: Path
    concepts: int = 0
    terms: int = 0
    already_there: int = 0
    languages: dict[str, int] = field(default_factory=dict)


def import_file(store, path: str | Path, format_name: str | None = None, **options) -> ImportReport:
    """Read a termbase file into the store's imports; importing the same file again adds nothing.

    The concepts show after ``rebuild`` (``shuyu.pipeline.import_termbase`` does both).
    """
    path = Path(path)
    module = formats.by_name(format_name) if format_name else formats.for_file(path)
    read = module.read(path, **options)
    report = ImportReport(path)
    known = store.imported_from(path.name)
    present = _termbase_index(store)
    fresh = []
    for concept in read:
        if _already_in_termbase(concept, present):  # e.g. shuyu's own export imported back: nothing changes
            report.already_there += 1
            continue
        concept.origin = "imported"
        for term in concept.terms:
            term.provenance = "imported"
            if not any(s.get("file") == path.name for s in term.sources):
                term.sources.append({"file": path.name})
            report.languages[term.lang] = report.languages.get(term.lang, 0) + 1
        data = concept.as_dict()
        encoded = json.dumps(data, ensure_ascii=False)
        if encoded in known:
            report.already_there += 1
            continue
        known.add(encoded)
        fresh.append(data)
        report.concepts += 1
        report.terms += len(concept.terms)
    store.add_import(path.name, fresh)
    return report


def _termbase_index(store) -> dict[tuple[str, str, str], dict]:
    """The stored termbase's terms by (language, form, status), each with its concept's row."""
    index = {}
    for concept in store.termbase():
        for term in concept["terms"]:
            index[(term["lang"], term["form"], term["status"])] = concept
    return index


def _already_in_termbase(concept: Concept, present: dict) -> bool:
    """Whether every term of ``concept`` is in one stored concept with the same status, and its subject,
    definition and notes add nothing to that concept's."""
    owners = [present.get((t.lang, t.form, t.status)) for t in concept.terms]
    if not owners or any(o is None for o in owners) or len({o["id"] for o in owners}) != 1:
        return False
    stored = owners[0]
    term_notes = {n for t in stored["terms"] for n in (t.get("notes") or [])}
    return (
        (not concept.subject or concept.subject == stored.get("subject"))
        and (not concept.definition or concept.definition == stored.get("definition"))
        and all(_known_note(n, stored, term_notes) for n in concept.notes)
        and all(n in term_notes for t in concept.terms for n in t.notes)
    )


def _known_note(note: str, stored: dict, term_notes: set[str]) -> bool:
    """A note the stored concept already has: its own, a term's, or a table's note cell joining them
    (``formats.termbase.table`` writes concept notes and ``form: note`` of terms, separated by " / ")."""
    known = set(stored.get("notes") or []) | term_notes
    known |= {f"{t['form']}: {n}" for t in stored["terms"] for n in (t.get("notes") or [])}
    return note in known or all(piece in known for piece in note.split(" / "))
