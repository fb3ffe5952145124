"""Indexes the explorer needs to stay fast on a million events.

Datasette lists the events table newest first (`order by date_start desc, event_id`). A
facet click adds `where <column> = ?`; with an index on `<column>` alone SQLite must sort
every matching row, with `(<column>, date_start)` it reads the first page straight from the
index. The store's schema (since version 3) creates these itself
(`claimbase.store.schema.EVENT_FACET_INDEXES`); `create_explorer_indexes` adds them to a
database built some other way.
"""

from __future__ import annotations

from typing import Any

from claimbase.store.schema import EVENT_FACET_INDEXES

EXPLORER_INDEXES: dict[str, tuple[str, ...]] = dict(EVENT_FACET_INDEXES)


def create_explorer_indexes(conn: Any) -> None:
    """CREATE INDEX IF NOT EXISTS each index (a DB-API or SQLAlchemy connection)."""
    for name, cols in EXPLORER_INDEXES.items():
        sql = f"CREATE INDEX IF NOT EXISTS {name} ON events ({', '.join(cols)})"
        if hasattr(conn, "exec_driver_sql"):
            conn.exec_driver_sql(sql)
        else:
            conn.execute(sql)
