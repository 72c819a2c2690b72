"""The data shuyu works with, below every package that reads, stores or writes it.

``terms`` (concepts, terms, statuses) and ``bitext`` (bilingual segments,
aligned sentence pairs, translation-memory units) import nothing from shuyu
but ``errors`` and ``text`` (the normal form terms are compared in), so formats, termbase,
alignment and TM code can all share them.
"""
