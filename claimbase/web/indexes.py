"""Indexes the explorer needs to stay fast on a million events (for the store's schema).

Datasette lists the events table newest first (`order by date_start desc, event_id`). A
facet click adds `where <column> = ?`; with an index on `<column>` alone SQLite must sort
every matching row, with `(<column>, date_start)` it reads the first page straight from the
index. Names are filtered on too (the actor_name / recipient_name facets). These indexes
replace the single-column ones on the same leading column (which they also serve).
"""

from __future__ import annotations

from typing import Any

EXPLORER_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_events_event_type_date": ("event_type", "date_start"),
    "ix_events_source_kind_date": ("source_kind", "date_start"),
    "ix_events_modality_date": ("modality", "date_start"),
    "ix_events_country_date": ("country", "date_start"),
    "ix_events_actor_id_date": ("actor_id", "date_start"),
    "ix_events_recipient_id_date": ("recipient_id", "date_start"),
    "ix_events_actor_name_date": ("actor_name", "date_start"),
    "ix_events_recipient_name_date": ("recipient_name", "date_start"),
}


def create_explorer_indexes(conn: Any) -> None:
    """CREATE INDEX IF NOT EXISTS each index (a DB-API or SQLAlchemy connection)."""
    for name, cols in EXPLORER_INDEXES.items():
        sql = f"CREATE INDEX IF NOT EXISTS {name} ON events ({', '.join(cols)})"
        if hasattr(conn, "exec_driver_sql"):
            conn.exec_driver_sql(sql)
        else:
            conn.execute(sql)
