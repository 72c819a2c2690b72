"""Terminology consistency lint for Chinese texts and bilingual files: rules → checks → output.

``linter.lint`` is the entry point; ``shuyu lint`` is a thin command over it.
"""
