"""``shuyu analyse``: what a translator runs before starting a job (a CAT tool's analysis report).

The English source (.txt or .docx) is cut into the segments a CAT tool makes
(paragraphs at empty lines in text files, one per line in Word files; then
``shuyu.text.segment``).  Each segment gets its best TM match and its band;
totals count segments and words per band.  The termbase concepts used in the
source are found by their English terms (longest first, on
``shuyu.text.en.lookup_key``, so plural and case do not matter), each with its
preferred Chinese and the forms to avoid.  The job's glossary (OmegaT .txt) and
a TMX of its matches can be written for the CAT tool.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from shuyu.model.terms import Concept
from shuyu.model.usage import forbidden, label, order, usable
from shuyu.text.en import lookup_key, stretches
from shuyu.text.segment import split
from shuyu.tm.index import tokens
from shuyu.tm.search import fuzzy, open_tm

# CAT tools' analysis bands: (name, lowest similarity), best first; below the last is "no match".
BANDS = (("100%", 100), ("95-99%", 95), ("85-94%", 85), ("75-84%", 75), ("50-74%", 50))
NO_MATCH = "no match"
MAX_TERM_WORDS = 10


def band(similarity: int | None) -> str:
    if similarity is None:
        return NO_MATCH
    return next((name for name, lowest in BANDS if similarity >= lowest), NO_MATCH)


@dataclass
class Segment:
    number: int
    text: str
    words: int
    band: str
    similarity: int | None = None
    match: dict | None = None  # the best unit: source, target, document, year …
    repeated: bool = False  # the same segment came earlier in the job


@dataclass
class TermUse:
    english: str  # as the source writes it (first occurrence)
    count: int
    preferred: str | None  # the Chinese rendering to use
    admitted: list[str]
    avoid: list[dict]  # forms not to use: form, status, years
    concept: Concept = field(repr=False)

    def as_dict(self) -> dict:
        return {
            "english": self.english,
            "count": self.count,
            "preferred": self.preferred,
            "admitted": self.admitted,
            "avoid": self.avoid,
            "concept": self.concept.id,
        }


@dataclass
class Analysis:
    source: Path
    segments: list[Segment]
    terms: list[TermUse]

    def totals(self) -> dict[str, dict[str, int]]:
        """Segments and words per band (bands in report order, then all)."""
        result = {name: {"segments": 0, "words": 0} for name, _ in BANDS}
        result[NO_MATCH] = {"segments": 0, "words": 0}
        for segment in self.segments:
            result[segment.band]["segments"] += 1
            result[segment.band]["words"] += segment.words
        result["total"] = {"segments": len(self.segments), "words": sum(s.words for s in self.segments)}
        result["repetitions"] = {
            "segments": sum(s.repeated for s in self.segments),
            "words": sum(s.words for s in self.segments if s.repeated),
        }
        return result

    def as_dict(self) -> dict:
        return {
            "source": str(self.source),
            "totals": self.totals(),
            "segments": [
                {k: v for k, v in s.__dict__.items() if k != "match"} | {"match": s.match} for s in self.segments
            ],
            "terms": [t.as_dict() for t in self.terms],
        }


def source_segments(path: str | Path) -> list[str]:
    """The segments of an English source as a CAT tool cuts them."""
    from shuyu.corpus.reading import read_file

    raw = read_file(path)
    text = raw.text.replace("\r\n", "\n").replace("\r", "\n")
    if raw.encoding == "docx":
        paragraphs = text.split("\n")
    else:  # a text file's paragraph ends at an empty line (OmegaT's text filter); a line break is a space
        paragraphs = [" ".join(block.split("\n")) for block in text.split("\n\n")]
    return [s for p in paragraphs if p.strip() for s in split(" ".join(p.split()), "en")]


def analyse(db_path: str | Path, source: str | Path, threshold: int = 50) -> Analysis:
    """Match bands per segment and the termbase concepts of an English source, against the database."""
    from shuyu.store import Store

    texts = source_segments(source)
    reader = open_tm(db_path)
    segments, seen = [], set()
    try:
        for number, text in enumerate(texts, 1):
            hits = fuzzy(reader, text, threshold, 1) if tokens(text, "en") else []
            best = hits[0] if hits else None
            segments.append(
                Segment(
                    number,
                    text,
                    len(tokens(text, "en")),
                    band(best.similarity if best else None),
                    best.similarity if best else None,
                    best.unit if best else None,
                    text in seen,
                )
            )
            seen.add(text)
    finally:
        reader.close()
    with Store(db_path, create=False) as store:
        concepts = [Concept.from_dict(row) for row in store.termbase()]
    return Analysis(Path(source), segments, terms_in(texts, concepts))


def terms_in(segments: list[str], concepts: list[Concept]) -> list[TermUse]:
    """The concepts whose English terms occur in the segments, longest match first, in order of first use."""
    by_key: dict[str, Concept] = {}
    for concept in concepts:
        for term in concept.terms:
            if term.lang == "en" and term.status != "rejected":
                by_key.setdefault(lookup_key(term.form), concept)
    found: dict[int, TermUse] = {}
    for segment in segments:
        for run in stretches(segment):
            start = 0
            while start < len(run):
                for size in range(min(MAX_TERM_WORDS, len(run) - start), 0, -1):
                    words = run[start : start + size]
                    concept = by_key.get(lookup_key(" ".join(words)))
                    if concept is not None:
                        use = found.get(id(concept)) or found.setdefault(id(concept), _use(concept, " ".join(words)))
                        use.count += 1
                        start += size
                        break
                else:
                    start += 1
    return list(found.values())


def _use(concept: Concept, english: str) -> TermUse:
    chinese = [t for t in order(concept.terms) if t.lang == "zh"]
    renderings = [t.form for t in chinese if usable(t)]
    return TermUse(
        english=english,
        count=0,
        preferred=renderings[0] if renderings else None,
        admitted=renderings[1:],
        avoid=[{"form": t.form, "status": label(t)} for t in chinese if forbidden(t) and t.status != "rejected"],
        concept=concept,
    )


def write_glossary(analysis: Analysis, path: str | Path) -> int:
    """The job's glossary as an OmegaT .txt (English → preferred Chinese, forms to avoid in the comment)."""
    from shuyu.formats.termbase import tsv

    concepts = [use.concept for use in analysis.terms]
    tsv.write(concepts, Path(path), direction="en-zh")
    return len(concepts)


def write_matches(db_path: str | Path, analysis: Analysis, path: str | Path):
    """A TMX of the units that matched the job's segments (each once, best segment first)."""
    from shuyu.store import Store
    from shuyu.tm.memory import export_units

    ids = list(dict.fromkeys(s.match["id"] for s in analysis.segments if s.match))
    with Store(db_path, create=False) as store:
        return export_units(store, ids, path)
