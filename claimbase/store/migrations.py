"""Schema migrations: an ordered list of functions, applied at open.

`schema_version` holds one row per applied migration. Every migration is idempotent (it
creates only what is missing), so a database at any earlier version, or one created before
the version table existed, converges on the current schema.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Column, Connection, inspect, select
from sqlalchemy.schema import CreateIndex

from claimbase.store import fts
from claimbase.store import schema as s

Migration = Callable[[Connection], None]


def _create_tables(conn: Connection, *tables: str) -> None:
    s.metadata.create_all(conn, tables=[s.metadata.tables[t] for t in tables], checkfirst=True)


def _add_column(conn: Connection, table: str, column: Column) -> None:
    """ALTER TABLE … ADD COLUMN when the column is missing."""
    existing = {c["name"] for c in inspect(conn).get_columns(table)}
    if column.name in existing:
        return
    ctype = column.type.compile(dialect=conn.dialect)
    name = conn.dialect.identifier_preparer.quote(column.name)
    conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {name} {ctype}")


def _create_missing_indexes(conn: Connection) -> None:
    """Every index of the schema whose table and columns exist (a later migration adds the
    columns an earlier one cannot index yet)."""
    insp = inspect(conn)
    for table in s.metadata.sorted_tables:
        if not insp.has_table(table.name):
            continue
        have = {ix["name"] for ix in insp.get_indexes(table.name)}
        columns = {c["name"] for c in insp.get_columns(table.name)}
        for index in table.indexes:
            if index.name not in have and {c.name for c in index.columns} <= columns:
                conn.execute(CreateIndex(index))


def _drop_index(conn: Connection, name: str) -> None:
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {conn.dialect.identifier_preparer.quote(name)}")


def v1_core(conn: Connection) -> None:
    """Documents and what one document writes: events, attributions, places, quantities."""
    _create_tables(conn, "documents", "events", "attributions", "places", "quantities",
                   "actors")


def v2_linking_and_facets(conn: Connection) -> None:
    """Per-document row counts, the linking tables, and an index on every facet column."""
    for name in ("n_events", "n_attributions", "n_places"):
        _add_column(conn, "documents", s.documents.c[name])
    _create_tables(conn, "reposts", "clusters", "contradictions")
    _create_missing_indexes(conn)


def v3_explorer(conn: Connection) -> None:
    """What the explorer asks of the store: `events.outlet` (backfilled from `documents`),
    `(facet, date_start)` indexes instead of single-column ones, and on SQLite the
    `events_fts` full-text table, filled from the stored events."""
    _add_column(conn, "events", s.events.c.outlet)
    ev, docs = s.events, s.documents
    conn.execute(ev.update().values(outlet=select(docs.c.outlet)
                                    .where(docs.c.doc_id == ev.c.doc_id)
                                    .scalar_subquery()))
    for name in s.REPLACED_INDEXES:
        _drop_index(conn, name)
    _create_missing_indexes(conn)
    if conn.dialect.name == "sqlite":
        fts.create_events_fts(conn)
        fts.rebuild_events_fts(conn)


def v4_location_inferred(conn: Connection) -> None:
    """`events.location_inferred`, backfilled from each stored record's location."""
    _add_column(conn, "events", s.events.c.location_inferred)
    ev = s.events
    inferred = ev.c.record[("location", "inferred")].as_string()
    conn.execute(ev.update().values(location_inferred=inferred)
                 .where(inferred.is_not(None)))


MIGRATIONS: list[tuple[int, Migration]] = [
    (1, v1_core),
    (2, v2_linking_and_facets),
    (3, v3_explorer),
    (4, v4_location_inferred),
]
assert MIGRATIONS[-1][0] == s.SCHEMA_VERSION


def current_version(conn: Connection) -> int:
    """The highest applied migration (0 for an empty or unversioned database)."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    value = conn.execute(select(s.schema_version.c.version)
                         .order_by(s.schema_version.c.version.desc()).limit(1)).scalar()
    return int(value or 0)


def migrate(conn: Connection, target: int = s.SCHEMA_VERSION) -> list[int]:
    """Apply every migration above the current version up to `target`; return those applied."""
    _create_tables(conn, "schema_version")
    have = current_version(conn)
    applied = []
    for version, step in MIGRATIONS:
        if have < version <= target:
            step(conn)
            conn.execute(s.schema_version.insert().values(
                version=version, applied_at=datetime.now(UTC).isoformat(timespec="seconds")))
            applied.append(version)
    return applied
