"""Corpus stage: read UN documents, clean extraction residue, find structure and metadata."""

from shuyu.corpus.document import Document, Footnote, Paragraph, parse_document
from shuyu.corpus.reading import RawText, read_file

__all__ = ["Document", "Footnote", "Paragraph", "RawText", "parse_document", "read_file"]
