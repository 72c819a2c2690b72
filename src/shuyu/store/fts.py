"""The termbase made readable in datasette: full-text search that answers one- and two-character Chinese, labels.

``publish`` runs after the termbase is rebuilt (``shuyu build``).

Search.  Datasette's ``?_search=`` runs ``MATCH`` on a table's FTS5 index with
the query as typed.  SQLite's tokenizers cannot serve Chinese there: unicode61
keeps a run of Chinese characters as one token (峰会 never matches inside
信息社会世界峰会), and trigram finds nothing under three characters (峰会, 峰).
Python's sqlite3 cannot register a tokenizer of its own, so the index text
is made of tokens already: every substring of each run of Chinese characters,
up to ``MAX_GRAM`` characters (every one of a term's forms, which are at most
16), normalised (simplified script, folded width), separated by spaces; English
words stay words.  Any query of up to ``MAX_GRAM`` characters is then one token,
looked up exactly: 峰, 峰会 and 信息社会世界峰会 all find their rows, and
nothing matches across a punctuation mark.  Datasette cannot normalise the
query, so the substrings are indexed in traditional script too (首腦會議).
Contentless, without positions (``detail=none``): the index adds about 4.5 MB (2.0 → 6.5 MB)
to the bundled corpus's database.

Labels.  ``concepts.label`` holds each concept's preferred term (Chinese, else
English), which datasette shows beside every ``concept_id`` (``label_column``).
"""

from __future__ import annotations

import json
import re
import sqlite3

from shuyu.text.zh import normalise, to_traditional

MAX_GRAM = 16  # the longest mined term; longer queries still find a form by its own words
_CHINESE_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[^\W_]+")
SEARCH_TABLE = "term_search"
JSON_COLUMNS = {
    "concept_terms": ("years", "sources", "contexts", "notes"),
    "concepts": ("notes",),
    "terms": ("years", "contexts", "stats"),
    "documents": ("symbols", "evidence"),
}


def tokens(text: str) -> str:
    """The index text: every substring (≤ MAX_GRAM) of each Chinese run, in simplified and traditional script
    (datasette passes the query as typed), then the other words; space-separated, each once."""
    text = normalise(text)
    out = []
    for script in (text, to_traditional(text)) if _CHINESE_RUN.search(text) else (text,):
        for run in _CHINESE_RUN.findall(script):
            out += [run[i:j] for i in range(len(run)) for j in range(i + 1, min(len(run), i + MAX_GRAM) + 1)]
    out += _WORD.findall(_CHINESE_RUN.sub(" ", text).casefold())
    return " ".join(dict.fromkeys(out))


def publish(db: sqlite3.Connection) -> int:
    """(Re)build the label column and the search table with its FTS5 index; returns the rows indexed."""
    columns = {row[1] for row in db.execute("pragma table_info(concepts)")}
    if "label" not in columns:
        db.execute("alter table concepts add column label text")
    db.execute("""
        update concepts set label = (
            select t.form from concept_terms t where t.concept_id = concepts.id and t.status != 'rejected'
            order by t.lang != 'zh', t.status != 'preferred', t.status not in ('preferred', 'admitted'),
                     t.geographical_usage is not null, t.rowid limit 1)""")
    db.execute(f"drop table if exists {SEARCH_TABLE}_fts")
    db.execute(f"drop table if exists {SEARCH_TABLE}")
    db.execute(f"""create table {SEARCH_TABLE} (
        id integer primary key, concept_id integer references concepts(id), lang text, form text, status text,
        contexts text)""")
    rows = db.execute("select concept_id, lang, form, status, contexts from concept_terms order by concept_id, rowid")
    records = []
    for concept_id, lang, form, status, contexts in rows:
        texts = [c.get("text", "") for c in json.loads(contexts or "[]")]
        records.append((concept_id, lang, form, status, "\n".join(texts)))
    db.executemany(
        f"insert into {SEARCH_TABLE} (concept_id, lang, form, status, contexts) values (?, ?, ?, ?, ?)", records
    )
    db.execute(
        f"create virtual table {SEARCH_TABLE}_fts using fts5(form, contexts, content = '', tokenize = 'unicode61', detail = 'none')"
    )
    db.executemany(
        f"insert into {SEARCH_TABLE}_fts (rowid, form, contexts) values (?, ?, ?)",
        ((k, tokens(form), tokens(text)) for k, (_, _, form, _, text) in enumerate(records, 1)),
    )
    return len(records)


def metadata(database: str) -> dict:
    """Datasette metadata: the search table's index, labels, JSON columns described, useful facets."""
    tables = {
        SEARCH_TABLE: {
            "description": "Every term with its contexts. ?_search= finds Chinese of any length up to "
            f"{MAX_GRAM} characters (峰, 峰会, 信息社会世界峰会) and English words.",
            "fts_table": f"{SEARCH_TABLE}_fts",
            "fts_pk": "id",
            "searchmode": "escaped",
            "facets": ["lang", "status"],
        },
        "concepts": {"label_column": "label", "facets": ["origin", "kind"]},
        "concept_terms": {"facets": ["lang", "status", "type"]},
    }
    for table, names in JSON_COLUMNS.items():
        described = tables.setdefault(table, {}).setdefault("columns", {})
        for name in names:
            described[name] = "JSON"
    return {"title": "shuyu termbase", "databases": {database: {"tables": tables}}}
