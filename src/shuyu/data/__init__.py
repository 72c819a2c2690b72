"""The UN termbase shipped inside the package, so lint and lookup work in any folder.

``unterm.db`` is a compact copy of the bundled corpus's termbase (concepts and
their terms only, no corpus), written by ``shuyu build`` in a shuyu checkout.
It is used when no ``--db``, ``SHUYU_DB`` or ``shuyu.toml`` names a termbase and
there is no ``termbase/shuyu.db`` in the current folder.
"""

from __future__ import annotations

from pathlib import Path

BUNDLED = Path(__file__).resolve().parent / "unterm.db"


def or_bundled(path: Path) -> Path:
    """``path`` when it exists, else the bundled termbase (when installed), else ``path`` (for the error)."""
    return path if path.exists() or not BUNDLED.is_file() else BUNDLED
