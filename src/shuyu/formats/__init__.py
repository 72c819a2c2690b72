"""File formats, one package per kind of data, one module per format (as translate-toolkit's ``storage``).

- ``termbase/``: termbase formats (TBX v3 and v2, CSV, TSV, XLSX) behind one contract and one registry;
- ``tm/``: translation-memory formats (TMX), the same way;
- ``xmlsafe``: parsing XML safely (no entities), shared by every XML format.

Formats know files, not the database: they read and write ``shuyu.model`` objects
and sit above ``model`` and below ``termbase`` (which imports them, never the reverse).
"""
