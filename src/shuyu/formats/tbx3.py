"""TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style: what current CAT tools and UNTERM-like bases read."""

from __future__ import annotations

from pathlib import Path

from shuyu.formats import tbx
from shuyu.termbase.model import Concept

NAME = "tbx"
SUFFIXES = (".tbx",)
DIALECT = tbx.Dialect(
    root="tbx", header="tbxHeader", entry="conceptEntry", lang_set="langSec", term_set="termSec",
    namespace="urn:iso:std:iso:30042:ed-2",
    root_attributes=(("type", "TBX-Basic"), ("style", "dca"), (tbx.XML_LANG, "en")),
)


def write(concepts: list[Concept], path: Path, **options) -> None:
    tbx.write(concepts, path, DIALECT)


def read(path: Path, **options) -> list[Concept]:
    """TBX v3 or v2: the root element tells which."""
    from shuyu.formats import tbx2

    return tbx.read(path, (DIALECT, tbx2.DIALECT))
