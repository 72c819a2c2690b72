"""TBX v2 (``<martif>``, ISO 30042:2008) for older CAT tools, in its content model.

Notes and descriptions of an entry come before its language sets (translate-
toolkit appends them after, which the v2 content model does not allow).
"""

from __future__ import annotations

from pathlib import Path

from shuyu.formats import tbx
from shuyu.termbase.model import Concept

NAME = "tbx2"
SUFFIXES = (".tbx",)
DIALECT = tbx.Dialect(
    root="martif", header="martifHeader", entry="termEntry", lang_set="langSet", term_set="tig", namespace=None,
    root_attributes=(("type", "TBX-Basic"), (tbx.XML_LANG, "en")),
)


def write(concepts: list[Concept], path: Path, **options) -> None:
    tbx.write(concepts, path, DIALECT)


def read(path: Path, **options) -> list[Concept]:
    from shuyu.formats import tbx3

    return tbx.read(path, (tbx3.DIALECT, DIALECT))
