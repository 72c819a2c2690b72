"""shuyu (术语): Chinese–English terminology and translation memory for UN documents.

The package is a library first; ``shuyu.cli`` is a thin click layer over it.
The pipeline follows the folder layout: ``corpus`` (reading, cleaning,
structure, metadata) → ``store`` (the SQLite database) → ``pipeline`` (build).
"""

from pathlib import Path

__version__ = "0.1.0"
DEFAULT_DB = Path("termbase") / "shuyu.db"
