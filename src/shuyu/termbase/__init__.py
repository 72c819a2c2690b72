"""The termbase: concepts assembled from mined terms, variant groups, imports and curation.

Modules: ``model`` (concept → language → terms), ``assemble`` (sources and
curation → concepts), ``exchange`` (export and import through ``shuyu.formats``),
``lookup`` (search, importable without the rest of shuyu so that it starts fast).
"""
