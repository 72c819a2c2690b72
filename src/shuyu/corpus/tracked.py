"""Text that remembers, for every character, its offset in the raw file.

Every cleaning step is a substitution on a ``Tracked`` string, so after all of
them a position in the cleaned text still leads back to the user's own file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Union

Replacement = Union[str, "Tracked", Callable[[re.Match], Union[str, "Tracked"]]]


@dataclass(frozen=True)
class Tracked:
    text: str
    origins: tuple[int, ...]  # origins[i] = raw offset of text[i]

    @classmethod
    def from_raw(cls, text: str, start: int = 0) -> Tracked:
        return cls(text, tuple(range(start, start + len(text))))

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, key: slice) -> Tracked:
        return Tracked(self.text[key], self.origins[key])

    def sub(self, pattern: str | re.Pattern, repl: Replacement, count: int = 0) -> Tracked:
        """Like ``re.sub``; inserted literal text maps to the start of what it replaces.

        A callable may return a ``Tracked`` slice of ``self`` (e.g. ``t.group(m, 1)``)
        to keep the original offsets of the text it keeps.
        """
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        pieces: list[Tracked] = []
        pos = 0
        for n, match in enumerate(regex.finditer(self.text)):
            if count and n >= count:
                break
            pieces.append(self[pos : match.start()])
            out = repl(match) if callable(repl) else repl
            if isinstance(out, str):
                out = self._literal(out, match.start(), match.end())
            pieces.append(out)
            pos = match.end()
        if not pieces:
            return self
        pieces.append(self[pos:])
        return Tracked.join(pieces)

    def group(self, match: re.Match, group: int | str = 0) -> Tracked:
        return self[match.start(group) : match.end(group)]

    def map_chars(self, convert: Callable[[str], str]) -> Tracked:
        """Apply a string conversion; offsets are kept exactly when lengths agree."""
        out = convert(self.text)
        if len(out) == len(self.text):
            return Tracked(out, self.origins)
        return self._literal(out, 0, len(self.text))

    def strip(self) -> Tracked:
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        return self[start : max(start, end)]

    def _literal(self, text: str, start: int, end: int) -> Tracked:
        if start < len(self.origins):
            anchor = self.origins[start]
        else:
            anchor = self.origins[-1] + 1 if self.origins else 0
        span = max(end - start, 1)
        # Spread the replacement over the replaced span so a 1:1 swap stays exact.
        origins = tuple(
            self.origins[min(start + i, start + span - 1)] if start + i < len(self.origins) else anchor
            for i in range(len(text))
        )
        return Tracked(text, origins)

    @staticmethod
    def join(pieces: Iterable[Tracked]) -> Tracked:
        pieces = list(pieces)
        return Tracked(
            "".join(p.text for p in pieces),
            tuple(o for p in pieces for o in p.origins),
        )


def compress_origins(origins: Iterable[int]) -> list[list[int]]:
    """Run-length form ``[[clean_start, raw_start, length], …]`` for storage."""
    runs: list[list[int]] = []
    for i, raw in enumerate(origins):
        if runs and raw == runs[-1][1] + runs[-1][2] and i == runs[-1][0] + runs[-1][2]:
            runs[-1][2] += 1
        else:
            runs.append([i, raw, 1])
    return runs


def raw_offset(runs: list[list[int]], clean_offset: int) -> int:
    """Raw offset of a cleaned offset, from the stored run-length map."""
    best = None
    for clean_start, raw_start, length in runs:
        if clean_start > clean_offset:
            break
        best = raw_start + min(clean_offset - clean_start, length - 1)
    if best is None:
        raise IndexError(clean_offset)
    return best
