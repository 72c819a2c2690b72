"""Variant renderings across years: similar sentences → edits → signals → groups → detect."""

KINDS = (
    "change over time",
    "rename",
    "concurrent inconsistency",
    "abbreviation",
    "short form",
    "script or regional variant",
    "style",
    "kept rendering",
)
KEPT = KINDS[-1]  # a longer name holding a renamed form, never seen renamed itself
DECISIONS = ("confirm", "split", "prefer")
