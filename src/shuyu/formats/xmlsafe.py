"""Parse XML files from outside without expanding entities or reaching the network.

An XML bomb (nested entities) or an external entity (file or URL) is refused
with a message, never expanded; a file that is not well-formed gives the line.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from shuyu.errors import InputError

# What every parse of an outside file sets: no entity expansion, no network, no DTD, no huge trees.
SAFE = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def parse(path: str | Path) -> etree._ElementTree:
    path = Path(path)
    parser = etree.XMLParser(dtd_validation=False, **SAFE)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        raise InputError(f"not well-formed XML: {exc.msg}", path, line) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", path) from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and list(dtd.iterentities()):
        raise InputError(
            "declares entities; refused (entity expansion and external entities are never processed)", path
        )
    # A DOCTYPE that only names its DTD (<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">) is fine: never loaded.
    return tree
