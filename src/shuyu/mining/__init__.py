"""Term mining: n-gram statistics (``ngrams``) → ranking (``miner``).

Names are loaded on first use, so that ``shuyu.mining.options`` stays cheap to import.
"""

__all__ = ["Candidate", "MiningOptions", "Passage", "mine_corpus", "mine_texts", "user_dictionary"]


def __getattr__(name: str):
    if name in __all__:
        from shuyu.mining import miner

        return getattr(miner, name)
    raise AttributeError(name)
