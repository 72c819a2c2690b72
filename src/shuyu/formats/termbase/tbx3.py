"""TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style: what current CAT tools and UNTERM-like bases read."""

from __future__ import annotations

from pathlib import Path

from shuyu.formats.termbase import tbx
from shuyu.model.terms import Concept

NAME = "tbx"
SUFFIXES = (".tbx",)


def write(concepts: list[Concept], path: Path, **options) -> None:
    tbx.write(concepts, path, tbx.V3)


def read(path: Path, **options) -> list[Concept]:
    """TBX v3 or v2: the root element tells which."""
    return tbx.read(path)
