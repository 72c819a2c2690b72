"""The shuyu database (see ``shuyu.store.core``)."""

from shuyu.store.core import MIGRATIONS, SCHEMA_VERSION, Store, now

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Store", "now"]
