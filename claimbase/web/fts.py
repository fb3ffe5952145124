"""Full-text search over event sentences: kept in `claimbase.store.fts` (the store writes the
`events_fts` table; the explorer only reads it). Re-exported here for the web package."""

from claimbase.store.fts import (
    CREATE,
    FTS_COLUMNS,
    FTS_TABLE,
    INSERT,
    create_events_fts,
    index_document_events,
    rebuild_events_fts,
)

__all__ = ["CREATE", "FTS_COLUMNS", "FTS_TABLE", "INSERT", "create_events_fts",
           "index_document_events", "rebuild_events_fts"]
