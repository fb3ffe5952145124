"""Full-text search over event sentences: the `events_fts` FTS5 table (SQLite only).

The store creates and fills `events_fts` (`create_events_fts` + `rebuild_events_fts` in
migration 3, `index_document_events` inside every save transaction); the explorer only reads
it. Its rowid is the `events` rowid, so Datasette searches with
`rowid in (select rowid from events_fts where events_fts match ?)`. (`events` has a text
primary key, so its rowids are implicit: never VACUUM a store without `rebuild_events_fts`.)
"""

from __future__ import annotations

from typing import Any

FTS_TABLE = "events_fts"
FTS_COLUMNS = ("sentence", "trigger_text", "actor_text", "recipient_text", "location_text",
               "source_text")
CREATE = (f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
          + ", ".join(FTS_COLUMNS) + ", tokenize = 'unicode61 remove_diacritics 2')")
_SELECT = ("SELECT rowid, json_extract(record, '$.sentence.text'), trigger_text, actor_text, "
           "recipient_text, location_text, source_text FROM events")
INSERT = (f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(FTS_COLUMNS)}) ")


def create_events_fts(conn: Any) -> None:
    """Create the FTS table (a DB-API connection or SQLAlchemy connection to SQLite)."""
    _exec(conn, CREATE)


def index_document_events(conn: Any, doc_id: str) -> None:
    """Index the events of one just-saved document (call inside the save transaction)."""
    _exec(conn, INSERT + _SELECT + " WHERE doc_id = ?", (doc_id,))


def rebuild_events_fts(conn: Any) -> None:
    """Drop and refill the index from every stored event."""
    _exec(conn, f"DELETE FROM {FTS_TABLE}")
    _exec(conn, INSERT + _SELECT)


def _exec(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> None:
    if hasattr(conn, "exec_driver_sql"):  # SQLAlchemy Connection
        conn.exec_driver_sql(sql, params)
    else:
        conn.execute(sql, params)
