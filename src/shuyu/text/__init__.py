"""Chinese (and English) text helpers shared by mining, variants, alignment, lint and search.

Normalisation, script conversion (OpenCC), segmentation and part of speech
(jieba), numbers and symbols, and many-term matching live here once.
"""
