"""``shuyu build``: the whole job from the corpus manifest to the database and exports.

Stages run in pipeline order inside one transaction: corpus ingestion (a TM
source's pairs stored as given alignments), alignment of the zh–en document
pairs that changed, term mining (whose terms go into ``termbase/userdict.txt``
for jieba), variant detection, English equivalents from the aligned pairs, the
termbase (assembled from these, imports and curation) with its exports in
``termbase/``, and the HTML report (``termbase/report.html``).

The other commands that change data the termbase is derived from (mining,
variant detection and decisions, term decisions, curation, imports, the
report's first detection) are functions here too, and each goes through
``changing``: one transaction, the termbase rebuilt at its end.  That rule
lives only there, so no command can skip it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager as ContextManager
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from shuyu.align.stage import PairAlignment, align_pairs
from shuyu.corpus.ingest import IngestResult, ingest_entry
from shuyu.corpus.manifest import Entry, Manifest
from shuyu.errors import NotFound, ShuyuError
from shuyu.fileio import atomic_write_text, remove_temporaries
from shuyu.mining.miner import Candidate, MiningOptions, mine_corpus, user_dictionary
from shuyu.report.html import write_report
from shuyu.store import Store
from shuyu.store.bundle import write_bundle
from shuyu.store.fts import metadata, publish
from shuyu.termbase import assemble
from shuyu.termbase.assemble import rebuild
from shuyu.termbase.english import find_english
from shuyu.termbase.exchange import ImportReport, export, import_file
from shuyu.tm.memory import build_stage as tm_stage
from shuyu.variants import detect
from shuyu.variants.detect import detect_variants
from shuyu.variants.groups import VariantGroup

USER_DICTIONARY = Path("termbase") / "userdict.txt"
USER_DICTIONARY_TERMS = 500
REPORT = Path("termbase") / "report.html"
# `datasette termbase/shuyu.db -m termbase/datasette.json` reads the database with search, labels, JSON columns.
DATASETTE_METADATA = Path("termbase") / "datasette.json"
# Where a build in a shuyu checkout refreshes the termbase shipped inside the package (shuyu.data).
BUNDLED_TERMBASE = Path("src") / "shuyu" / "data" / "unterm.db"
# The exports `shuyu build` keeps in termbase/ (format → file name).
# The en→zh OmegaT glossaries are named for OmegaT, which reads glossaries by suffix (.txt, .tbx).
EXPORTS = {
    "tbx": "shuyu.tbx",
    "tbx2": "shuyu-tbx2.tbx",
    "tsv": "shuyu-en-zh.omegat.txt",
    "omegat-tbx": "shuyu-en-zh.omegat.tbx",
    "csv": "shuyu.csv",
    "xlsx": "shuyu.xlsx",
}

Progress = Callable[[Iterable[Entry], str], ContextManager[Iterable[Entry]]]


@dataclass
class BuildReport:
    database: Path
    documents: list[IngestResult] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    terms: list[Candidate] = field(default_factory=list)
    user_dictionary: Path | None = None
    variant_groups: list[VariantGroup] = field(default_factory=list)
    alignments: list[PairAlignment] = field(default_factory=list)
    english: int = 0  # terms with a confident English equivalent
    concepts: int = 0
    exports: dict[str, Path] = field(default_factory=dict)
    report: Path | None = None
    bundle: Path | None = None
    tmx: list[Path] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.documents if r.status == status)


def _no_progress(items: Iterable[Entry], label: str) -> ContextManager[Iterable[Entry]]:
    return nullcontext(items)


def build(
    corpus_dir: str | Path,
    db_path: str | Path,
    out_dir: str | Path = ".",
    progress: Progress = _no_progress,
    mining: MiningOptions = MiningOptions(),
    mining_progress: Callable[[str, int, int], None] = lambda stage, chars, total: None,
    variants_progress: Callable[[str, int, int], None] = lambda stage, done, total: None,
) -> BuildReport:
    """Ingest every document of the manifest (dropping those no longer listed), mine terms, find variants."""
    manifest = Manifest.load(corpus_dir)
    manifest.validate_pairs()
    report = BuildReport(Path(db_path))
    out = Path(out_dir)
    with Store(db_path) as store:
        with store.transaction():
            with progress(manifest.entries, "Ingesting documents") as entries:
                for entry in entries:
                    report.documents.extend(ingest_entry(store, entry, manifest.directory))
            listed = {r.id for r in report.documents}
            for doc_id in store.document_ids():
                if doc_id not in listed:
                    store.delete_document(doc_id)
                    report.removed.append(doc_id)
            report.alignments = align_pairs(store, mining_progress)
            report.terms = mine_corpus(store, mining, mining_progress)
            report.english = find_english(store)
            report.variant_groups = detect_variants(store, progress=variants_progress)
            report.concepts = rebuild(store)
            # datasette: search that answers 峰 and 峰会, concepts labelled by their preferred term
            publish(store.db.conn)
        # The files are written after the commit, from the committed data, each atomically; the write lock is
        # held meanwhile so that no other command changes the data between the commit and the files.
        with store.transaction():
            remove_temporaries(
                out / "termbase", [*EXPORTS.values(), USER_DICTIONARY.name, REPORT.name, DATASETTE_METADATA.name]
            )
            kept = [t["term"] for t in store.terms(limit=USER_DICTIONARY_TERMS)]
            report.user_dictionary = out / USER_DICTIONARY
            atomic_write_text(report.user_dictionary, user_dictionary(kept))
            atomic_write_text(
                out / DATASETTE_METADATA,
                json.dumps(metadata(Path(db_path).stem), ensure_ascii=False, indent=2) + "\n",
            )
            for name, file_name in EXPORTS.items() if report.concepts else ():  # TBX needs at least one concept
                path = out / "termbase" / file_name
                export(store, name, path)
                report.exports[name] = path
            report.report = write_report(store, out / REPORT)
    report.tmx = tm_stage(db_path, out_dir)  # after the commit: the TM is rebuilt from what was stored
    if report.concepts and (Path(out_dir) / BUNDLED_TERMBASE).parent.is_dir():
        report.bundle = write_bundle(db_path, Path(out_dir) / BUNDLED_TERMBASE)
    return report


StageCallback = Callable[[str, int, int], None]  # (stage, done, total)


@contextmanager
def changing(db_path: str | Path, create: bool = False) -> Iterator[Store]:
    """The database opened to change what the termbase is derived from: one transaction, the termbase
    rebuilt at its end.  Every operation that changes terms, variant groups, decisions or imports uses it."""
    with Store(db_path, create=create) as store, store.transaction():
        yield store
        rebuild(store)


def mine(
    db_path: str | Path,
    options: MiningOptions = MiningOptions(),
    top: int | None = None,
    progress: StageCallback = lambda stage, chars, total: None,
) -> tuple[list[Candidate], list[dict]]:
    """Mine the stored corpus; the candidates, and the first ``top`` ranked terms as stored."""
    with changing(db_path) as store:
        if not store.document_ids():
            raise ShuyuError("the corpus is empty: add documents with `shuyu corpus add` or run `shuyu build`")
        candidates = mine_corpus(store, options, progress=progress)
        rows = store.terms(statuses=("candidate", "accepted", "edited"), limit=top)
    return candidates, rows


def document_terms(db_path: str | Path, document: str, limit: int | None = None) -> list:
    """``mine --document``: the terms of one stored document (id) or file, against the stored corpus."""
    from shuyu.mining.document import document_terms as terms_of

    with Store(db_path, create=False) as store:
        return terms_of(store, document, limit=limit)


def variant_groups(
    db_path: str | Path, redetect: bool = False, progress: StageCallback = lambda stage, done, total: None
) -> tuple[list[dict], list[int]]:
    """The stored variant groups (detected first if asked or if there are none) and the corpus's years."""
    with Store(db_path, create=False) as store:
        stale = redetect or not store.variant_groups()
    if stale:
        with changing(db_path) as store:
            detect_variants(store, progress=progress)
    with Store(db_path, create=False) as store:
        return detect.stored_groups(store), store.years()


def decide_variant(db_path: str | Path, action: str, form: str) -> None:
    """Record a decision (confirm, split, prefer) on the group holding ``form``."""
    with changing(db_path) as store:
        detect.decide(store, action, form)


def set_term_status(db_path: str | Path, terms: list[str], status: str) -> None:
    """Accept or reject terms (mined, or found by bilingual term extraction)."""
    with changing(db_path) as store:
        for term in terms:
            assemble.decide_term(store, term, status)


def curate(db_path: str | Path, action: str, **args) -> None:
    """Record a curation of the termbase (``shuyu.termbase.assemble.ACTIONS``)."""
    with changing(db_path) as store:
        assemble.curate(store, action, **args)


def import_termbase(
    db_path: str | Path, paths: list[str | Path], format_name: str | None = None, **options
) -> list[ImportReport]:
    """Import termbase files, all or nothing."""
    with changing(db_path, create=True) as store:
        return [import_file(store, path, format_name, **options) for path in paths]


def report(db_path: str | Path, output: str | Path) -> Path:
    """Write the HTML report (detecting variant groups first if there are none)."""
    variant_groups(db_path)
    with Store(db_path, create=False) as store:
        return write_report(store, output)


def document(db_path: str | Path, doc_id: str) -> dict:
    """A stored document as a JSON-ready dict: its row (with ``raw_text``), ``paragraphs`` and ``footnotes``."""
    with Store(db_path, create=False) as store:
        row = store.document_row(doc_id)
        if row is None:
            known = ", ".join(store.document_ids()) or "none"
            raise NotFound(f"no document {doc_id!r} (documents: {known})")
        row["paragraphs"] = [
            {k: p[k] for k in ("seq", "number", "kind", "text", "footnote_refs")} for p in store.paragraphs(doc_id)
        ]
        row["footnotes"] = [{"number": f["number"], "text": f["text"]} for f in store.footnotes(doc_id)]
    return row
