"""Mining stage: discover the corpus's recurring terms and fixed phrases."""

from shuyu.mining.miner import Candidate, MiningOptions, Passage, mine_corpus, mine_texts, user_dictionary

__all__ = ["Candidate", "MiningOptions", "Passage", "mine_corpus", "mine_texts", "user_dictionary"]
