"""Bilingual text: aligned sentence pairs and translation-memory units.

Alignment produces ``SentencePair``s; the translation memory stores and
exchanges ``TMUnit``s.  Both are plain data: reading, writing and storing them
is the business of ``formats.tm``, ``store`` and ``tm``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

# Where stored beads come from: shuyu's aligner, or the source itself (a TM's units, already paired).
ALIGNED = "aligned"
GIVEN = "given"
# Below this confidence an aligned pair is marked as doubtful (TMX note, lint, search).
LOW_CONFIDENCE = 0.5


@dataclass(frozen=True)
class SentencePair:
    """One bead of a zh–en alignment: zero or more Chinese sentences against zero or more English ones.

    ``zh_lines`` and ``en_lines`` are 0-based indices into the aligned sentence
    lists (the vecalign/bertalign bead format); an empty side is a 1–0 or 0–1 bead.
    """

    zh_lines: tuple[int, ...]
    en_lines: tuple[int, ...]
    zh: str
    en: str
    confidence: float
    paragraph: str | None = None  # the anchored stretch's paragraph number, when it has one

    @property
    def low_confidence(self) -> bool:
        return self.confidence < LOW_CONFIDENCE

    @property
    def bead(self) -> str:
        return f"[{','.join(map(str, self.zh_lines))}]:[{','.join(map(str, self.en_lines))}]"


@dataclass
class TMUnit:
    """A translation unit: a source segment, its translation, and the metadata a CAT tool can map.

    Languages are BCP 47 codes as written in the file (``en-US``, ``zh-CN``).
    ``origin`` is ``aligned`` (derived from the corpus, rebuilt) or ``imported``
    (kept across rebuilds); ``origin_file`` names the file an import came from.
    ``props`` holds further ``<prop type>`` values (TMX ``x-`` props and others) in order.
    ``swapped()`` gives the unit the other way round.
    """

    source: str
    target: str
    source_lang: str
    target_lang: str
    tuid: str | None = None
    document: str | None = None
    symbol: str | None = None
    year: int | None = None
    paragraph: str | None = None
    confidence: float | None = None
    origin: str = "aligned"
    origin_file: str | None = None
    creationdate: str | None = None  # TMX form: YYYYMMDDThhmmssZ
    changedate: str | None = None
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # A segment's inner TMX markup when it holds inline tags (bpt/ept/ph/it/hi/ut); ``source``/``target``
    # then show each tag as a placeholder ({bpt1}, {ph2}) and a TMX export writes the markup back.
    source_markup: str | None = None
    target_markup: str | None = None

    @property
    def low_confidence(self) -> bool:
        return self.confidence is not None and self.confidence < LOW_CONFIDENCE

    def swapped(self) -> TMUnit:
        return replace(
            self,
            source=self.target,
            target=self.source,
            source_lang=self.target_lang,
            target_lang=self.source_lang,
            source_markup=self.target_markup,
            target_markup=self.source_markup,
            props=list(self.props),
            notes=list(self.notes),
        )
