"""``Store``: one object over every domain of the database (see the package docstring to add one)."""

from __future__ import annotations

from shuyu.store.alignments import AlignmentTables
from shuyu.store.core import StoreCore
from shuyu.store.corpus import CorpusTables
from shuyu.store.equivalents import EquivalentTables
from shuyu.store.termbase import TermbaseTables
from shuyu.store.terms import TermTables
from shuyu.store.tm import TMTables
from shuyu.store.variants import VariantTables


class Store(
    CorpusTables, AlignmentTables, TermTables, VariantTables, TermbaseTables, TMTables, EquivalentTables, StoreCore
):
    """A shuyu database file (``Store(path)``; ``with store.transaction(): …``)."""
