"""Assemble the termbase from its sources, then replay the user's curation on top.

Sources, weakest first: mined terms (one concept each), variant groups (one
concept per group), imported concepts.  Concepts that share a term (same
language, same normal form) are merged, so an imported UNTERM entry for
信息社会世界峰会 joins the variant group that holds it.  The curation log is then
replayed in order — statuses, merges, splits, added terms and notes — so
re-mining or rebuilding never undoes a decision: decisions are data, the
assembled termbase is derived.
"""

from __future__ import annotations

from collections.abc import Iterable

from shuyu.errors import InputError
from shuyu.model.terms import STATUSES, TYPES, Concept, Term, norm
from shuyu.store import now
from shuyu.termbase import bilingual
from shuyu.termbase.equivalents import CONFIDENT

# When two sources hold the same term, the stronger one's status and type win.
_STRENGTH = {"mined": 0, "variants": 1, "aligned": 1, "imported": 2, "curated": 3}
_MINED_STATUS = {"candidate": "candidate", "accepted": "preferred", "edited": "preferred", "rejected": "rejected"}
ACTIONS = ("status", "merge", "split", "add", "note", "subject")


def _kwic(context: dict) -> dict:
    left, term, right = context.get("left", ""), context.get("term", ""), context.get("right", "")
    return {
        "text": left + term + right,
        "start": len(left),
        "end": len(left) + len(term),
        "doc_id": context.get("doc_id"),
        "year": context.get("year"),
        "paragraph": context.get("paragraph"),
    }


def _sources(contexts: Iterable[dict], symbols: dict[str, str | None]) -> list[dict]:
    seen, result = set(), []
    for c in contexts:
        if c.get("doc_id") and c["doc_id"] not in seen:
            seen.add(c["doc_id"])
            result.append(
                {
                    "doc_id": c["doc_id"],
                    "symbol": symbols.get(c["doc_id"]),
                    "year": c.get("year"),
                    "paragraph": c.get("paragraph"),
                }
            )
    return result


def document_symbols(store) -> dict[str, str | None]:
    """Each document's first symbol, for the sources of its terms."""
    return {d["id"]: (d["symbols"] or [None])[0] for d in store.documents()}


def mined_concepts(store, symbols: dict[str, str | None]) -> list[Concept]:
    """One concept per mined term (ranked candidates and every term the user decided on)."""
    result = []
    for row in store.all_terms():
        term, lang, status, freq, years, created, modified = (
            row[k] for k in ("term", "lang", "status", "freq", "years", "created", "modified")
        )
        kwic = [_kwic(c) for c in row["contexts"] or []]
        result.append(
            Concept(
                [
                    Term(
                        term,
                        lang,
                        _MINED_STATUS.get(status, "candidate"),
                        None,
                        freq or 0,
                        years or {},
                        _sources(kwic, symbols),
                        kwic,
                        provenance="mined",
                        part_of_speech="noun",
                        created=created,
                        modified=modified,
                    )
                ],
                origin="mined",
                created=created,
                modified=modified,
            )
        )
    return result


def variant_concepts(store, symbols: dict[str, str | None]) -> list[Concept]:
    """One concept per detected variant group, its forms with their proposed statuses."""
    result = []
    for group in store.variant_groups():
        terms = []
        for f in group["forms"]:
            if f["provenance"] == "opencc" and f.get("geographical_usage") is None:
                continue  # a traditional spelling is found through the normal form; Taiwan usage is a term
            contexts = f.get("examples") or []
            terms.append(
                Term(
                    f["form"],
                    f["lang"],
                    f["status"],
                    f["type"],
                    f["count"] or 0,
                    f["years"] or {},
                    _sources(contexts, symbols),
                    contexts,
                    provenance="mined",
                    geographical_usage=f.get("geographical_usage"),
                )
            )
        note = f"variant group ({group['decision']}): {group['reason']}"
        result.append(Concept(terms, origin="variants", kind=group["kind"], reason=group["reason"], notes=[note]))
    return result


def add_english(termbase: _Termbase, store) -> None:
    """Each concept's Chinese forms' confident English renderings, found in the aligned pairs, as its English terms.

    A rendering already in the concept (imported, or the rendering of another of its forms) adds its
    evidence there; no rendering joins two concepts: claimed by two, it goes to the form that shows it in
    more pairs (女童 "girls" in 19, not 女孩 in 6).  Then the strings that bilingual term extraction kept
    (``termbase.bilingual``: in no concept, consistently rendered by one English term) become concepts
    of their own with that English, unless another concept holds it.
    """
    found = store.equivalents(min_confidence=CONFIDENT)
    claims = sorted(found.items(), key=lambda item: (-item[1][0]["count"], -item[1][0]["confidence"], item[0]))
    extracted = []
    for term, (e, *_) in claims:
        located = termbase.find(term, "zh")
        if located is None:
            extracted.append((term, e))
            continue
        concept = located[0]
        english = _english_term(term, e)
        owner = termbase.owner.get(english.key)
        if owner is None:
            concept.terms.append(english)
            termbase.owner[english.key] = concept
        elif owner is concept:
            _combine(concept.term(english.form, "en") or english, english, stronger=False)
    for term, e in extracted:
        english = _english_term(term, e)
        if english.key in termbase.owner or not bilingual.qualifies(term, e, e["pairs"]):
            continue
        note = f"bilingual term extraction: rendered “{e['rendering']}” in {e['count']} of {e['pairs']} aligned pairs"
        chinese = Term(term, "zh", "candidate", None, e["pairs"], {}, e["evidence"], notes=[note], provenance="aligned")
        termbase.add(Concept([chinese, english], origin="aligned"))


def _english_term(term: str, e: dict) -> Term:
    return Term(
        e["rendering"],
        "en",
        "candidate",
        None,
        e["count"],
        {},
        e["evidence"],
        notes=[
            f"aligned: {term} → {e['rendering']} in {e['count']} of {e['pairs']} pairs, confidence "
            f"{e['confidence']:.2f}" + (f"; defined as {e['acronym']}" if e["acronym"] else "")
        ],
        provenance="aligned",
        part_of_speech="noun",
    )


class _Termbase:
    """Concepts being assembled, with an index from term key to concept."""

    def __init__(self) -> None:
        self.concepts: list[Concept] = []
        self.owner: dict[tuple[str, str], Concept] = {}

    def add(self, concept: Concept) -> None:
        """Add a concept, merging it into every concept it shares a term with."""
        targets = []
        for t in concept.terms:
            other = self.owner.get(t.key)
            if other is not None and other not in targets:
                targets.append(other)
        if not targets:
            self.concepts.append(concept)
            for t in concept.terms:
                self.owner[t.key] = concept
            return
        target = targets[0]
        for other in targets[1:]:
            self.merge(target, other)
        self.absorb(target, concept)

    def absorb(self, target: Concept, concept: Concept) -> None:
        """Move ``concept``'s terms and data into ``target`` (not registered as a concept itself)."""
        stronger = _STRENGTH[concept.origin] >= _STRENGTH[target.origin]
        for t in concept.terms:
            mine = next((m for m in target.terms if m.lang == t.lang and m.form == t.form), None)
            if mine is None:
                target.terms.append(t)  # a spelling in another script stays a term of its own
            else:
                _combine(mine, t, stronger)
            if self.owner.get(t.key) in (None, concept):
                self.owner[t.key] = target
        target.notes += [n for n in concept.notes if n not in target.notes]
        target.subject = (concept.subject if stronger else target.subject) or target.subject or concept.subject
        target.definition = target.definition or concept.definition
        target.kind = target.kind or concept.kind
        target.reason = target.reason or concept.reason
        if stronger:
            target.origin = concept.origin

    def merge(self, target: Concept, other: Concept) -> None:
        if other is target:
            return
        self.concepts.remove(other)
        self.absorb(target, other)

    def find(self, form: str, lang: str | None = None) -> tuple[Concept, Term] | None:
        for code in (lang,) if lang else ("zh", "en"):
            concept = self.owner.get((code, norm(form, code)))
            if concept is not None:
                return concept, concept.term(form, code)
        return None

    def new(self, term: Term) -> Concept:
        concept = Concept([term], origin="curated", created=term.created, modified=term.modified)
        self.concepts.append(concept)
        self.owner[term.key] = concept
        return concept


def _combine(mine: Term, other: Term, stronger: bool) -> None:
    """One term known from two sources: the stronger source decides status and type; evidence adds up."""
    if stronger:
        mine.status = other.status
        mine.type = other.type or mine.type
        mine.provenance = other.provenance if other.provenance != "mined" else mine.provenance
    mine.count = max(mine.count, other.count)
    mine.years = mine.years or other.years
    mine.contexts = mine.contexts or other.contexts
    mine.sources = mine.sources + [s for s in other.sources if s not in mine.sources]
    mine.notes = mine.notes + [n for n in other.notes if n not in mine.notes]
    mine.part_of_speech = mine.part_of_speech or other.part_of_speech
    mine.geographical_usage = mine.geographical_usage or other.geographical_usage


def apply_term_decisions(termbase: _Termbase, rows: list[dict]) -> None:
    """The user's accept/reject of mined terms over what an import says of the same term: a decision always
    wins over an import (variant detection's proposals keep their own precedence)."""
    for row in rows:
        if row["status"] == "candidate":
            continue
        found = termbase.find(row["term"], row["lang"])
        if found is None or found[1] is None or found[1].provenance != "imported":
            continue
        concept, term = found
        status = _MINED_STATUS.get(row["status"], "candidate")
        if status == "rejected" or term.status not in ("preferred", "admitted"):
            _set_status(concept, term, status)


def replay(termbase: _Termbase, curations: list[dict]) -> None:
    """Apply the user's decisions in the order they were made."""
    for entry in curations:
        action, args, stamp = entry["action"], entry["args"], entry["created"]
        found = termbase.find(args["form"], args.get("lang"))
        if action == "status":
            if found is None:
                concept = termbase.new(Term(args["form"], args["lang"], provenance="curated", created=stamp))
                found = concept, concept.terms[0]
            concept, term = found
            _set_status(concept, term, args["status"])
            term.modified = concept.modified = stamp
        elif action == "merge":
            other = termbase.find(args["other"], args.get("other_lang"))
            if found and other and found[0] is not other[0]:
                termbase.merge(found[0], other[0])
                found[0].modified = stamp
        elif action == "split" and found and len(found[0].terms) > 1:
            concept, term = found
            concept.terms.remove(term)
            new = termbase.new(term)
            new.modified = stamp
        elif action == "add":
            anchor = termbase.find(args["to"], args.get("to_lang")) if args.get("to") else None
            term = Term(
                args["form"],
                args["lang"],
                args.get("status") or "admitted",
                args.get("type"),
                provenance="curated",
                created=stamp,
                modified=stamp,
            )
            if found and anchor and found[0] is not anchor[0]:
                found[0].terms.remove(found[1])  # the form moves to the concept it was added to
                if not found[0].terms:
                    termbase.concepts.remove(found[0])
                found = None
            if found:
                concept, existing = found
                existing.type = args.get("type") or existing.type
                if args.get("status"):
                    _set_status(concept, existing, args["status"])
            elif anchor:
                anchor[0].terms.append(term)
                termbase.owner[term.key] = anchor[0]
                _set_status(anchor[0], term, term.status)
            else:
                termbase.new(term)
        elif action in ("note", "subject") and found:
            concept = found[0]
            if action == "subject":
                concept.subject = args["text"]
            elif args.get("term"):
                found[1].notes.append(args["text"])
            else:
                concept.notes.append(args["text"])
            concept.modified = stamp


def _set_status(concept: Concept, term: Term, status: str) -> None:
    """Set a status; a new preferred term makes the language's previous preferred term admitted."""
    if status == "preferred":
        for other in concept.terms:
            if other is not term and other.lang == term.lang and other.status == "preferred":
                other.status = "admitted"
    term.status = status
    term.provenance = "curated"


def assemble(store) -> list[Concept]:
    """The termbase as derived from the store's sources and curation log."""
    termbase = _Termbase()
    symbols = document_symbols(store)
    for concept in mined_concepts(store, symbols):
        termbase.add(concept)
    for concept in variant_concepts(store, symbols):
        termbase.add(concept)
    # Imported concepts first: the English found in the aligned pairs then joins no two of them (a rendering an
    # imported concept holds stays its own) and no string extracted from the pairs duplicates one.
    for data in store.imported_concepts():
        termbase.add(Concept.from_dict(data))
    add_english(termbase, store)
    apply_term_decisions(termbase, store.all_terms())
    replay(termbase, store.curations())
    return [c for c in termbase.concepts if c.terms]


def rebuild(store) -> int:
    """Assemble and store the termbase; returns the number of concepts."""
    concepts = assemble(store)
    # Dates come from the data (a term's creation or change, else the corpus's last change), never from the
    # clock: an unchanged termbase rebuilt on another day gives byte-identical exports.
    fallback = store.last_change() or now()
    rows = []
    for c in concepts:
        data = c.as_dict()
        data.pop("id")
        created = [t["created"] for t in data["terms"] if t["created"]]
        modified = [t["modified"] for t in data["terms"] if t["modified"]]
        data["created"] = data["created"] or min(created, default=fallback)
        data["modified"] = max([data["modified"] or data["created"], *modified])
        for t in data["terms"]:
            t["norm"] = norm(t["form"], t["lang"])
            t["created"] = t["created"] or data["created"]
            t["modified"] = t["modified"] or t["created"]
        rows.append(data)
    store.replace_termbase(rows)
    return len(rows)


def curate(store, action: str, create: bool = False, **args) -> None:
    """Record a decision (validated); it shows once the termbase is rebuilt (``shuyu.pipeline.curate`` does both).

    A form the termbase does not hold is an error with the nearest forms ("did you mean"), so a typo never
    becomes a concept; ``create`` lets a status add the form as a new term (``shuyu term status --add``)."""
    if action not in ACTIONS:
        raise InputError(f"unknown curation {action!r}; choose from {', '.join(ACTIONS)}")
    if args.get("status") and args["status"] not in STATUSES:
        raise InputError(f"unknown status {args['status']!r}; choose from {', '.join(STATUSES)}")
    if args.get("type") and args["type"] not in TYPES:
        raise InputError(f"unknown term type {args['type']!r}; choose from {', '.join(TYPES)}")
    needed = [("to", "to_lang")] if action == "add" else [("form", "lang")]
    if action == "merge":
        needed.append(("other", "other_lang"))
    if action == "status" and create:
        needed = []
    for key, lang_key in needed:
        if args.get(key) and not _exists(store, args[key], args.get(lang_key)):
            add = " (to add it: `shuyu term status FORM STATUS --add` or `shuyu term add FORM`)"
            raise unknown_form(
                store,
                args[key],
                args.get(lang_key),
                f"{args[key]} is in no concept of the termbase",
                add if action == "status" else "",
            )
    store.add_curation(action, **{k: v for k, v in args.items() if v is not None})


def decide_term(store, term: str, status: str) -> None:
    """Accept or reject a Chinese term (``status``: accepted, rejected, candidate): a mined term through its
    mined status, any other form of the termbase (湿地, which bilingual term extraction added) through the
    curation log — either way the decision survives re-mining and rebuilding."""
    try:
        store.set_term_status(term, status)
    except InputError:
        if not _exists(store, term, "zh"):
            raise unknown_form(store, term, "zh", f"no term {term!r} in the termbase") from None
        curate(store, "status", form=term, lang="zh", status=_MINED_STATUS[status])


def unknown_form(store, form: str, lang: str | None, problem: str, advice: str = "") -> InputError:
    """The error for a form the user named that is not there, with the termbase's nearest forms."""
    from shuyu.store.readonly import TermbaseReader
    from shuyu.termbase.lookup import similar_forms

    near = similar_forms(TermbaseReader(store.db.conn), form, lang)
    return InputError(problem + (f"; did you mean: {', '.join(near)}?" if near else "") + advice)


def _exists(store, form: str, lang: str | None) -> bool:
    langs = (lang,) if lang else ("zh", "en")
    return any(store.has_norm(code, norm(form, code)) for code in langs)
