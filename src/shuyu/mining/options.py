"""What the miner can be told; kept apart from the engine so the CLI can show defaults cheaply."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class MiningOptions:
    min_freq: int = 3
    min_docs: int = 1
    max_len: int = 16
    min_entropy: float = 0.6
    stopwords: frozenset[str] = frozenset()
    user_dict: str | None = None  # extra jieba dictionary (word [freq] [tag] per line) for POS tagging
    contexts: int = 3
