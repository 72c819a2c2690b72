"""``shuyu variants``: find the groups of forms that render one concept, and store them.

Pipeline: the corpus's Chinese sentences (normalised to simplified script) →
the links of every signal (``signals``) → one Aho–Corasick pass counting every
linked form → groups merged strongest link first (``groups``) → the user's
decisions (confirm, split, prefer) applied on top → ``variant_groups`` in the
database, from which the termbase builds its concepts.
Decisions are kept apart from detected groups, so re-running never loses them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from shuyu.errors import InputError
from shuyu.termbase.english import rendered_apart
from shuyu.text.match import TermMatcher
from shuyu.text.zh import normalise, script_forms
from shuyu.variants import DECISIONS, KEPT, signals
from shuyu.variants.groups import (
    VariantGroup,
    assess,
    count_forms,
    evidence_for,
    inconsistent_documents,
    partition,
    propose,
    score,
    too_weak,
)
from shuyu.variants.signals import Link, Sentence


@dataclass(frozen=True)
class VariantOptions:
    min_similarity: float = 0.75  # Indel similarity of two sentences to count as parallel
    min_sentence_chars: int = 10
    max_form_len: int = 20


Progress = Callable[[str, int, int], None]  # (stage, done, total)


def iter_sentences(store) -> Iterator[Sentence]:
    """The Chinese sentences of the corpus with their document, year and paragraph number."""
    for doc_id, year, number, text in store.sentence_rows("zh"):
        yield Sentence(doc_id, year, number, text, normalise(text))


SentenceSource = Callable[[], Iterable[Sentence]]  # returns a fresh iterator over the corpus each call


def find_links(
    sentences: SentenceSource,
    terms: list[str],
    options: VariantOptions = VariantOptions(),
    progress: Progress = lambda stage, done, total: None,
    aligned: Iterable[tuple[str, str, str]] = (),
) -> tuple[list[Link], set[frozenset[str]], signals.NamePrefixes]:
    """Every signal's links, the pairs of terms coordinated in one sentence (kept apart), and the
    prefixes written before the linked forms (for ``build_groups``).

    ``aligned`` are (pair id, zh, en) sentence pairs for the English pivot, when the corpus has alignments.
    One pass over the corpus keeps the distinct sentences (for the parallel
    signal), the bracketed ones (definitions) and the terms' neighbours.
    """
    known = set(terms)
    matcher = TermMatcher(terms)
    shorts: dict[str, list[str]] = {}
    for term in terms:
        for short in signals.abbreviations_of(term):
            shorts.setdefault(short, []).append(term)
    first: dict[str, Sentence] = {}
    bracketed: dict[str, Sentence] = {}
    documents: dict[str, str] = {}
    contexts = signals.Contexts(TermMatcher([*terms, *shorts]))
    for n, s in enumerate(sentences()):
        if len(s.norm) >= options.min_sentence_chars and s.norm not in first:
            first[s.norm] = _kept_sentence(s, documents)
        if ("(" in s.norm or "（" in s.norm) and s.norm not in bracketed:
            bracketed[s.norm] = s
        contexts.add(s)
        if n % 10_000 == 0:
            progress("Reading sentences", n, 0)
    found = list(
        signals.parallel(
            first,
            matcher,
            known,
            options.min_similarity,
            lambda done, total: progress("Comparing similar sentences", done, total),
        )
    )
    named = [l for l in found if l.signal != "style"]
    links = [l for l in signals.components(named, terms) if signals.plausible_pair(l.a, l.b, known)]
    links += signals.insertions(terms)
    links += signals.definitions(bracketed.values(), known, first)
    links += signals.built_abbreviations(shorts, contexts)
    links += signals.same_slot(terms, contexts)
    links += signals.english(aligned, terms, known)
    # One more pass serves the style candidates' dates, the forms' word check and the names around them.
    style = signals.StyleSplit([l for l in found if l.signal == "style"])
    sampler = signals.FragmentSample({form for l in named + links for form in (l.a, l.b)} | style.forms)
    prefixes = signals.NamePrefixes(sampler.forms)
    for occurrence in signals.occurrences(sentences(), sampler.forms):
        style.add(*occurrence)
        sampler.add(*occurrence)
        prefixes.add(*occurrence)
    links = [l for l in named + list(style.links()) + links if _kept_link(l, options)]
    broken = sampler.broken({form for l in links for form in (l.a, l.b)})
    links = [l for l in links if l.a not in broken and l.b not in broken]
    # A shared slot corroborates two forms linked otherwise; alone it joins any two things said there.
    backed = {frozenset((l.a, l.b)) for l in links if l.signal != "context"}
    links = [l for l in links if l.signal != "context" or frozenset((l.a, l.b)) in backed]
    return links, contexts.coordinated, prefixes


def _kept_sentence(s: Sentence, documents: dict[str, str]) -> Sentence:
    """The sentence as kept for the whole detection (every distinct one is): its text the same string
    as its normal form when they are equal (most text is simplified already), its document id one
    string for all the document's sentences."""
    doc_id = documents.setdefault(s.doc_id, s.doc_id)
    return Sentence(doc_id, s.year, s.number, s.norm if s.text == s.norm else s.text, s.norm)


def _kept_link(link: Link, options: VariantOptions) -> bool:
    """Forms short enough to be names, and not an everyday word with its extension (a substitution
    inside longer names is judged there)."""
    return (
        len(link.a) <= options.max_form_len
        and len(link.b) <= options.max_form_len
        and (link.signal == "substitution" or not signals.general_extension(link.a, link.b))
    )


def _decisions(decisions: list[dict]) -> tuple[set[frozenset[str]], list[list[str]], dict[str, str]]:
    """(pairs kept apart, groups confirmed, preferred form by form) from the user's decision log."""
    apart, together, preferred = set(), [], {}
    for d in decisions:
        if d["action"] == "split":
            apart |= {frozenset((d["form"], other)) for other in d["forms"] if other != d["form"]}
            together = [[f for f in group if f != d["form"]] for group in together]
        elif d["action"] == "confirm":
            together.append(list(d["forms"]))
            apart -= {frozenset((a, b)) for a in d["forms"] for b in d["forms"]}
        elif d["action"] == "prefer":
            for form in d["forms"]:
                preferred[form] = d["form"]
    return apart, [g for g in together if len(g) > 1], preferred


def build_groups(
    sentences: SentenceSource,
    links: list[Link],
    coordinated: set[frozenset[str]],
    prefixes: signals.NamePrefixes | None = None,
    decisions: Iterable[dict] = (),
) -> list[VariantGroup]:
    """Group, count (one pass) and propose; the user's decisions override the detection.

    ``links``, ``coordinated`` and ``prefixes`` are what ``find_links`` returns."""
    apart, together, preferred_by = _decisions(list(decisions))
    confirmed = [set(g) for g in together]
    members_of = partition(links, apart | (coordinated - {frozenset(p) for p in _pairs(together)}), together)
    kept = signals.kept_names(sentences, members_of, prefixes)
    # A kept name is counted as itself (longest match), so the form inside it is not counted there.
    counted = count_forms(sentences, [members | kept.get(k, set()) for k, members in enumerate(members_of)])
    result = []
    for k, (members, forms) in enumerate(zip(members_of, counted)):
        names = [f for f in forms if f.form in kept.get(k, ()) and f.count]
        forms = [f for f in forms if f.count and f.form not in kept.get(k, ())]
        recurring = [n for n in names if not _dated(n)]
        _fold(forms, [n for n in names if n not in recurring])
        attested = {f.form for f in forms}
        group_links = [l for l in links if l.a in attested and l.b in attested]
        is_confirmed = any(members >= c for c in confirmed)
        if len(forms) < 2 or not (group_links or is_confirmed):
            continue
        if not is_confirmed and (_derived_only(group_links, forms) or too_weak(group_links)):
            continue
        choice = next((preferred_by[f] for f in attested if preferred_by.get(f) in attested), None)
        kind, reason = propose(forms, group_links, choice)
        if _regional(forms):
            kind = "script or regional variant"
        superseded = [f.form for f in forms if f.status == "superseded"]
        kept_forms = [n for n in recurring if any(old in n.form for old in superseded)]
        _fold(forms, [n for n in recurring if n not in kept_forms])
        evidence_kind, strength, rule = assess(group_links)
        group = VariantGroup(
            forms,
            kind,
            reason,
            evidence_for(attested, group_links),
            score(forms, group_links),
            inconsistent_documents(forms),
            lookup_forms=_lookup_forms(forms),
            evidence_kind=evidence_kind,
            strength=strength,
            rule=rule,
            kept=kept_forms,
        )
        if choice:
            group.decision = "preferred set by user"
        if is_confirmed:
            group.decision = "confirmed" + (", preferred set by user" if choice else "")
        result.append(group)
    result = _without_bare_components(result)
    _root_rules(result)
    result.sort(key=lambda g: (-g.score, g.preferred.form))
    return result


def _without_bare_components(groups: list[VariantGroup]) -> list[VariantGroup]:
    """A component change that other groups' names follow (首脑会议 → 峰会) is no group by itself: the
    rename belongs to the names it happened to, and 千年首脑会议 keeps its 首脑会议.  It stays a group
    only when parallel sentences show the bare component itself re-rendered."""
    rules = {frozenset(g.rule.split(" → ")) for g in groups if g.rule}
    return [
        g
        for g in groups
        if frozenset(f.form for f in g.forms) not in rules or any(e.signal == "parallel" for e in g.evidence)
    ]


def _root_rules(groups: list[VariantGroup]) -> None:
    """A rule that is itself a renamed group's pair (信息社会世界首脑会议 → 信息社会世界峰会) becomes that
    group's rule (首脑会议 → 峰会), so every name one rename produced sits under one parent."""
    rule_of = {frozenset(f.form for f in g.forms): g.rule for g in groups if g.rule}
    for g in groups:
        seen = set()
        while g.rule and g.rule not in seen:
            seen.add(g.rule)
            root = rule_of.get(frozenset(g.rule.split(" → ")))
            if not root or root == g.rule:
                break
            g.rule = root


def _dated(name) -> bool:
    """2011年信息社会世界首脑会议论坛 in the 2011 document: that year's event, not a name of its own
    (2005年世界首脑会议成果, quoted in 2010–2013, is one)."""
    year = re.match(r"(\d{4})年", name.form)
    return bool(year) and set(name.years) <= {int(year.group(1))}


def _fold(forms: list, names: list) -> None:
    """Count the uses of longer names back for the form inside them (they were counted apart)."""
    for name in names:
        inner = max((f for f in forms if f.form in name.form), key=lambda f: len(f.form), default=None)
        if inner is None:
            continue
        inner.count += name.count
        for field in ("years", "docs", "spellings"):
            mine = getattr(inner, field)
            for key, n in getattr(name, field).items():
                if field == "spellings":  # as written, same length as the normal form
                    offset = name.form.index(inner.form)
                    key = key[offset : offset + len(inner.form)]
                mine[key] = mine.get(key, 0) + n


def _derived_only(links: list[Link], forms) -> bool:
    """Only substituted inside longer terms, and no form used twice: too little to show."""
    return all(l.signal == "component" for l in links) and max(f.count for f in forms) < 2


def _pairs(groups: list[list[str]]) -> Iterator[tuple[str, str]]:
    for g in groups:
        for a in g:
            for b in g:
                if a != b:
                    yield a, b


def _regional(forms) -> bool:
    """One form is another's Taiwan-usage rendering (互联网 / 网际网路)."""
    texts = {f.form for f in forms}
    return any(normalise(script_forms(f)["taiwan"]) in texts - {f} for f in texts)


def _lookup_forms(forms) -> list[dict]:
    """Spellings in other scripts and regions, so 互聯網 or 網際網路 finds the group."""
    result, seen = [], {f.form for f in forms}
    for f in forms:
        for usage, spelling in script_forms(f.form).items():
            if usage == "taiwan" and normalise(spelling) == f.form:
                continue  # the same words in traditional script, not Taiwan usage
            if spelling not in seen:
                seen.add(spelling)
                result.append({"form": spelling, "of": f.form, "usage": usage})
    return result


def detect_variants(
    store, options: VariantOptions = VariantOptions(), progress: Progress = lambda stage, done, total: None
) -> list[VariantGroup]:
    """Detect the variant groups of the stored corpus and save them (decisions applied)."""
    sentences = lambda: iter_sentences(store)
    terms = [t["term"] for t in store.terms(statuses=("candidate", "accepted", "edited"))]
    aligned = ((f"{r['doc_zh']}:{r['seq']}", r["zh"], r["en"]) for r in store.aligned_pairs())
    links, coordinated, prefixes = find_links(sentences, terms, options, progress, aligned)
    # The stored equivalents keep apart two forms rendered by English terms that name different things.
    coordinated |= rendered_apart(store, ((link.a, link.b) for link in links))
    progress("Grouping variants", 0, 1)
    groups = build_groups(sentences, links, coordinated, prefixes, store.variant_decisions())
    store.replace_variant_groups([group_row(g) for g in groups] + [row for g in groups for row in kept_rows(g)])
    progress("Grouping variants", 1, 1)
    return groups


def group_row(group: VariantGroup) -> dict:
    """A group as stored: its forms, then the other-script and regional spellings as lookup forms."""
    forms = [
        {
            "lang": "zh",
            "form": f.form,
            "status": f.status,
            "type": f.type,
            "count": f.count,
            "years": f.as_dict()["years"],
            "doc_counts": f.docs,
            "first_year": f.first_year,
            "last_year": f.last_year,
            "spellings": f.spellings,
            "examples": [p.as_dict() for p in f.examples],
            "provenance": "mined",
        }
        for f in group.forms
    ]
    forms += [
        {
            "lang": "zh",
            "form": lf["form"],
            "status": "admitted",
            "type": "variant",
            "count": 0,
            "geographical_usage": "zh-TW" if lf["usage"] == "taiwan" else None,
            "provenance": "opencc",
        }
        for lf in group.lookup_forms
    ]
    data = group.as_dict()
    return {
        "kind": group.kind,
        "reason": group.reason,
        "decision": group.decision,
        "evidence_kind": group.evidence_kind,
        "strength": group.strength,
        "rule": group.rule,
        "score": group.score,
        "evidence": data["evidence"],
        "inconsistent": group.inconsistent_documents,
        "english": group.english,
        "forms": forms,
    }


def kept_rows(group: VariantGroup) -> list[dict]:
    """A longer name that keeps its rendering, stored as a concept of its own with that one form: the
    termbase then knows it, and lint's longest match shields the form inside it
    (2005年世界首脑会议成果 is not flagged although 世界首脑会议成果 is superseded)."""
    rows = []
    for f in group.kept:
        inner = next((g.form for g in group.forms if g.form in f.form), group.preferred.form)
        f.status, f.type = "preferred", "fullForm"
        row = group_row(VariantGroup([f], KEPT, "", [], 0.0))
        row["reason"] = (
            f"{f.form} keeps its rendering: it holds {inner}, but the corpus never shows it as "
            f"{f.form.replace(inner, group.preferred.form if inner != group.preferred.form else inner, 1)}"
        )
        row["rule"] = group.rule or f"{inner} → {group.preferred.form}"
        rows.append(row)
    return rows


def stored_groups(store) -> list[dict]:
    """The variant groups saved by the last detection, as JSON-ready dicts (forms first, then lookup forms)."""
    result = []
    for group in store.variant_groups():
        forms = [f for f in group["forms"] if f["provenance"] != "opencc"]
        result.append(
            {
                "id": group["id"],
                "kind": group["kind"],
                "reason": group["reason"],
                "decision": group["decision"],
                "evidence_kind": group["evidence_kind"],
                "strength": group["strength"],
                "rule": group["rule"],
                "score": group["score"],
                "preferred": next((f["form"] for f in forms if f["status"] == "preferred"), forms[0]["form"]),
                "forms": [
                    {
                        "form": f["form"],
                        "status": f["status"],
                        "type": f["type"],
                        "count": f["count"],
                        "years": f["years"],
                        "docs": f["doc_counts"],
                        "first_year": f["first_year"],
                        "last_year": f["last_year"],
                        "spellings": f["spellings"],
                        "examples": f["examples"],
                    }
                    for f in forms
                ],
                "lookup_forms": [
                    {"form": f["form"], "usage": f["geographical_usage"] or "traditional"}
                    for f in group["forms"]
                    if f["provenance"] == "opencc"
                ],
                "english": group["english"],
                "evidence": group["evidence"],
                "inconsistent_documents": group["inconsistent"],
            }
        )
    return result


def decide(store, action: str, form: str, options: VariantOptions = VariantOptions()) -> list[VariantGroup]:
    """Record a decision on the group holding ``form`` and re-detect so it takes effect.

    confirm: the group as it stands is right (kept together even if detection changes);
    split: ``form`` does not belong with the other forms of its group;
    prefer: ``form`` is the preferred rendering of its group.
    The termbase is assembled from the groups: ``shuyu.termbase.assemble.rebuild`` brings it up to date.
    """
    if action not in DECISIONS:
        raise InputError(f"unknown decision {action!r}; choose from {', '.join(DECISIONS)}")
    key = normalise(form)
    group = next((g for g in stored_groups(store) if key in {f["form"] for f in g["forms"]}), None)
    if group is None:
        raise InputError(f"{form} is in no variant group; run `shuyu variants` to see the groups")
    store.add_variant_decision(action, key, [f["form"] for f in group["forms"]])
    return detect_variants(store, options)
