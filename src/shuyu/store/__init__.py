"""The shuyu database: one SQLite file for corpus, terms, variants, termbase (and TM); all SQL lives here.

- ``core.py``: the connection (sqlite-utils), header check, migration, transactions, JSON columns.
- ``schema.py``: ``SCHEMA_VERSION`` and ``MIGRATIONS`` (one function per version).
- one module per domain, each a mixin of ``Store``'s methods over its tables:
  ``corpus.py`` (documents, paragraphs, sentences, footnotes), ``terms.py`` (mined terms),
  ``variants.py`` (variant groups and decisions), ``termbase.py`` (concepts, imports, curations),
  ``alignments.py`` (sentence alignments of paired documents), ``tm.py`` (translation memory),
  ``equivalents.py`` (English equivalents of terms).
- ``database.py``: ``Store``, the one object that combines the domains.
- ``readonly.py``: read-only connection and queries for fast paths (lookup, lint); imports only ``sqlite3``;
  ``tm_readonly.py`` the same for TM search and fuzzy match.

Adding a domain (e.g. translation memory):

1. ``schema.py``: a migration function ``_add_tm_v5(db)`` creating the tables, registered as
   ``MIGRATIONS[4]``, and ``SCHEMA_VERSION = 5``.
2. ``store/tm.py``: ``class TMTables:`` with the domain's methods (they use ``self.db``;
   ``shuyu.store.core.encode``/``decode`` for JSON columns).
3. ``database.py``: add ``TMTables`` to ``Store``'s bases.
4. Read-only queries for a fast path go into ``readonly.py`` (or a module importing only ``sqlite3``).

``Store`` is imported lazily (``from shuyu.store import Store`` works as usual) so that importing
``shuyu.store.readonly`` does not load sqlite-utils.
"""

from __future__ import annotations

_LAZY = {
    "Store": "shuyu.store.database",
    "now": "shuyu.store.core",
    "SCHEMA_VERSION": "shuyu.store.schema",
    "MIGRATIONS": "shuyu.store.schema",
}

__all__ = list(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'shuyu.store' has no attribute {name!r}")
