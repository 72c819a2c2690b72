"""TBX v2 (``<martif>``, ISO 30042:2008) for older CAT tools, in its content model.

Notes and descriptions of an entry come before its language sets (translate-
toolkit appends them after, which the v2 content model does not allow).
"""

from __future__ import annotations

from pathlib import Path

from shuyu.formats.termbase import tbx
from shuyu.model.terms import Concept

NAME = "tbx2"
SUFFIXES = (".tbx",)


def write(concepts: list[Concept], path: Path, **options) -> None:
    tbx.write(concepts, path, tbx.V2)


def read(path: Path, **options) -> list[Concept]:
    """TBX v2 or v3: the root element tells which."""
    return tbx.read(path)
