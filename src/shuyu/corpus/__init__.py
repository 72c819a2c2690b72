"""Corpus stage: read UN documents, clean extraction residue, find structure and metadata.

Names are loaded on first use, so that importing one corpus module does not load them all.
"""

_WHERE = {
    "Document": "document",
    "Footnote": "document",
    "Paragraph": "document",
    "parse_document": "document",
    "RawText": "reading",
    "read_file": "reading",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(f"shuyu.corpus.{_WHERE[name]}"), name)
    raise AttributeError(name)
