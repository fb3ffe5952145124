"""Store: the SQLite/PostgreSQL schema, migrations and the Store API."""
