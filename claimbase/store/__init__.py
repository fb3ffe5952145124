"""Store: the SQLite/PostgreSQL schema, migrations and the Store API."""

from claimbase.store.db import DEFAULT_DB, Store, database_url, default_db
from claimbase.store.rows import DocRows, document_rows

__all__ = ["DEFAULT_DB", "DocRows", "Store", "database_url", "default_db", "document_rows"]
