"""Variant renderings across years: similar sentences → edits → signals → groups → detect."""

KINDS = (
    "change over time",
    "rename",
    "concurrent inconsistency",
    "abbreviation",
    "short form",
    "script or regional variant",
    "style",
)
DECISIONS = ("confirm", "split", "prefer")
