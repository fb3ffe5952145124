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
    insp = inspect(conn)
    for table in s.metadata.sorted_tables:
        if not insp.has_table(table.name):
            continue
        have = {ix["name"] for ix in insp.get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in have:
                conn.execute(CreateIndex(index))


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


MIGRATIONS: list[tuple[int, Migration]] = [
    (1, v1_core),
    (2, v2_linking_and_facets),
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
