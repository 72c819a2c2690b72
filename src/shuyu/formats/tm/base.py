"""What every TM format shares: language matching and the report of what a read or write skipped.

Language codes are matched the way translators expect: ``en-US`` takes
``en``/``en-GB`` when no exact ``en-US`` is there, and ``zh-CN``, ``zh-Hans``,
``zh`` and ``zh-SG`` are one (Simplified) language, while ``zh-TW``,
``zh-Hant``, ``zh-HK`` and ``zh-MO`` are another (Traditional) that is never
taken for Simplified without a word: the report counts such units.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

_TRADITIONAL = {"hant", "tw", "hk", "mo"}


def language_key(code: str) -> tuple[str, str]:
    """(language, script) of a code: ('zh', 'Hant') for zh-TW, ('en', '') for en-GB."""
    parts = code.replace("_", "-").casefold().split("-")
    if parts[0] != "zh":
        return parts[0], ""
    return "zh", "Hant" if _TRADITIONAL.intersection(parts[1:]) else "Hans"


def same_language(a: str, b: str) -> bool:
    return language_key(a) == language_key(b)


def pick_language(codes: Sequence[str], wanted: str) -> int | None:
    """Index of the code that stands for ``wanted``: the exact code, else the bare language (``fr`` for
    ``fr-FR``, ``zh`` or ``zh-Hans`` for ``zh-CN``), else the first of the same language (``fr-CA``)."""
    folded = [code.casefold().replace("_", "-") for code in codes]
    language, script = language_key(wanted)
    for preferred in (wanted.casefold().replace("_", "-"), language, f"{language}-{script.casefold()}"):
        if preferred in folded and same_language(preferred, wanted):
            return folded.index(preferred)
    return next((i for i, code in enumerate(codes) if same_language(code, wanted)), None)


def is_traditional_for(code: str, wanted: str) -> bool:
    """Whether ``code`` is Traditional Chinese where Simplified ``wanted`` was asked for (or the reverse)."""
    return language_key(code)[0] == language_key(wanted)[0] == "zh" and not same_language(code, wanted)


@dataclass(frozen=True)
class Skip:
    """A unit left out, with its number in the file (1-based), its line when known, and why."""

    unit: int
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        return f"unit {self.unit}" + (f" (line {self.line})" if self.line else "") + f": {self.reason}"


@dataclass
class _Skips:
    skipped: list[Skip] = field(default_factory=list)

    def skip(self, unit: int, reason: str, line: int | None = None) -> None:
        self.skipped.append(Skip(unit, reason, line))


@dataclass
class ReadReport(_Skips):
    """What a reader took and what it left out: nothing is dropped without an entry here."""

    path: str = ""
    units: int = 0  # units read
    seen: int = 0  # units (<tu>, trans-unit, PO entries) in the file
    languages: Counter = field(default_factory=Counter)  # language codes of the file's segments
    traditional: int = 0  # units skipped because their Chinese is Traditional where Simplified was asked (or reverse)
    alternatives: int = 0  # units with several target segments of the language (the best code, then the first taken)


@dataclass
class WriteReport(_Skips):
    """The files a writer produced (several when split), how many units they got in all, and the skips."""

    paths: list[Path] = field(default_factory=list)
    units: int = 0
