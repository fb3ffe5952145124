"""The Store: one SQLite file or a PostgreSQL database holding documents and their records.

    store = Store("claimbase.db")          # or "sqlite:///x.db", "postgresql://user@host/db"
    store.save(doc)                         # one transaction; False if the text is stored
    for rec in store.iter_event_records(event_type="ASSAULT", outlet="Guardian"): ...
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    Table,
    bindparam,
    create_engine,
    event,
    func,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError

from claimbase.record import Document
from claimbase.store import fts
from claimbase.store import schema as s
from claimbase.store.migrations import current_version, migrate
from claimbase.store.rows import DocRows, document_rows

DEFAULT_DB = "claimbase.db"
_CHUNK = 500  # rows per IN (...) lookup


def default_db() -> str:
    """`$CLAIMBASE_DB`, else `claimbase.db` in the working directory."""
    return os.environ.get("CLAIMBASE_DB", DEFAULT_DB)


def database_url(url_or_path: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from a file path, `sqlite:///…` or `postgresql://…`."""
    target = str(url_or_path) if url_or_path is not None else default_db()
    if target.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser()}"


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url_or_path: str | os.PathLike[str] | None = None) -> Engine:
    url = database_url(url_or_path)
    engine = create_engine(url, json_serializer=_dumps, future=True)
    if engine.dialect.name == "sqlite":
        db_path = engine.url.database
        if db_path and db_path != ":memory:":
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Store:
    """Documents, events, attributions, places… in SQLite or PostgreSQL."""

    tables: Mapping[str, Table] = s.metadata.tables

    def __init__(self, url_or_path: str | os.PathLike[str] | None = None) -> None:
        self.url = database_url(url_or_path)
        self.engine = make_engine(url_or_path)
        self.dialect = self.engine.dialect.name
        with self.engine.begin() as conn:
            self.migrations_applied = migrate(conn)

    # -- lifecycle ----------------------------------------------------------------------

    def close(self) -> None:
        """Release every connection; on SQLite first fold the WAL back into the main file
        (so a reader that opens it `immutable`, like `claimbase serve`, sees everything)."""
        if self.dialect == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except DBAPIError:
                pass  # e.g. a read-only file: nothing of ours to checkpoint
        self.engine.dispose()

    def optimize(self) -> None:
        """Refresh the query planner's statistics after a batch of writes (ingest, link):
        a bounded `ANALYZE` then `PRAGMA optimize` on SQLite, `ANALYZE` on PostgreSQL."""
        with self.engine.begin() as conn:
            if self.dialect == "sqlite":
                conn.exec_driver_sql("PRAGMA analysis_limit=1000")
                conn.exec_driver_sql("ANALYZE")
                conn.exec_driver_sql("PRAGMA optimize")
            else:
                conn.exec_driver_sql("ANALYZE")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return current_version(conn)

    @property
    def location(self) -> str:
        """What a user passes back as `--db`: the file path for SQLite, else the URL."""
        if self.dialect == "sqlite" and self.engine.url.database:
            return self.engine.url.database
        return self.engine.url.render_as_string(hide_password=True)

    # -- writing ------------------------------------------------------------------------

    def save(self, doc: Document) -> bool:
        """Store a processed document and all its records in ONE transaction.

        Returns False, writing nothing, when a document with the same text (`doc_id`) is
        already stored. A changed text under a known `ref` is stored as its next version.
        """
        if self.has(doc.doc_id):
            return False
        return self.save_rows(document_rows(doc))

    def save_rows(self, rows: DocRows) -> bool:
        """Write prepared rows (see `claimbase.store.rows`) in one transaction."""
        docs = s.documents
        try:
            with self.engine.begin() as conn:
                if conn.execute(select(docs.c.doc_id)
                                .where(docs.c.doc_id == rows.doc_id)).first():
                    return False
                earlier = conn.execute(select(func.count()).select_from(docs)
                                       .where(docs.c.ref == rows.ref)).scalar_one()
                conn.execute(docs.insert(), [{**rows.document, "version": earlier + 1}])
                outlet = rows.document.get("outlet")
                events = [{**ev, "outlet": outlet} for ev in rows.events]
                for name, batch in (("events", events), ("quantities", rows.quantities),
                                    ("attributions", rows.attributions),
                                    ("places", rows.places)):
                    if batch:
                        conn.execute(s.metadata.tables[name].insert(), batch)
                if events and self.dialect == "sqlite":
                    fts.index_document_events(conn, rows.doc_id)
                self._insert_missing_actors(conn, rows.events)
        except IntegrityError:
            # Another writer stored the same text between our check and our insert.
            if self.has(rows.doc_id):
                return False
            raise
        return True

    def _insert_missing_actors(self, conn: Any, events: list[dict[str, Any]]) -> None:
        """Dictionary actors referenced by events, so facets have a name and sector."""
        found: dict[str, dict[str, Any]] = {}
        for ev in events:
            for role in ("actor", "recipient"):
                actor_id = ev.get(f"{role}_id")
                if actor_id and actor_id not in found:
                    found[actor_id] = {
                        "actor_id": actor_id, "name": ev.get(f"{role}_name"), "aliases": [],
                        "sector": ev.get(f"{role}_sector"),
                        "country": ev.get(f"{role}_country"), "wikidata": None, "kind": None}
        if found:
            self.upsert_actors(found.values(), conn=conn, replace=False)

    def upsert_actors(self, rows: Iterable[Mapping[str, Any]], conn: Any = None,
                      replace: bool = True) -> int:
        """Insert actors (dicts with the `actors` columns); `replace` updates known ids."""
        return self.write_rows("actors", rows, conn=conn, replace=replace)

    def sync_actors(self, actors: Iterable[Any]) -> int:
        """Store an actor dictionary (objects with id, name, aliases, sector, country,
        wikidata, kind) in `actors`, updating known ids."""
        rows = [{"actor_id": a.id, "name": a.name, "aliases": list(a.aliases or []),
                 "sector": a.sector, "country": a.country,
                 "wikidata": getattr(a, "wikidata", None), "kind": getattr(a, "kind", None)}
                for a in actors]
        return self.upsert_actors(rows, replace=True)

    def write_rows(self, table: str, rows: Iterable[Mapping[str, Any]], conn: Any = None,
                   replace: bool = False) -> int:
        """Insert rows into any table, skipping (or, with `replace`, updating) known keys."""
        batch = [dict(r) for r in rows]
        if not batch:
            return 0
        tbl = s.metadata.tables[table]
        insert = self._insert(tbl)
        keys = [c.name for c in tbl.primary_key.columns]
        if replace:
            cols = {c: insert.excluded[c] for c in batch[0] if c not in keys}
            stmt = (insert.on_conflict_do_update(index_elements=keys, set_=cols) if cols
                    else insert.on_conflict_do_nothing(index_elements=keys))
        else:
            stmt = insert.on_conflict_do_nothing(index_elements=keys)
        if conn is not None:
            conn.execute(stmt, batch)
        else:
            with self.engine.begin() as own:
                own.execute(stmt, batch)
        return len(batch)

    def _insert(self, table: Table) -> Any:
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    def set_event_clusters(self, assignments: Mapping[str, str | None]) -> int:
        """Set `events.cluster_id` for many events at once (event_id -> cluster_id)."""
        if not assignments:
            return 0
        ev = s.events
        stmt = (update(ev).where(ev.c.event_id == bindparam("eid"))
                .values(cluster_id=bindparam("cid")))
        with self.engine.begin() as conn:
            conn.execute(stmt, [{"eid": k, "cid": v} for k, v in assignments.items()])
        return len(assignments)

    def delete_rows(self, table: str) -> None:
        """Empty one table (e.g. clusters before linking again)."""
        with self.engine.begin() as conn:
            conn.execute(s.metadata.tables[table].delete())

    # -- reading ------------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(s.documents.c.doc_id)
                                .where(s.documents.c.doc_id == doc_id)).first() is not None

    def known(self, doc_ids: Iterable[str]) -> set[str]:
        """The subset of `doc_ids` already stored."""
        ids = list(dict.fromkeys(doc_ids))
        out: set[str] = set()
        col = s.documents.c.doc_id
        with self.engine.connect() as conn:
            for i in range(0, len(ids), _CHUNK):
                out.update(conn.execute(select(col).where(col.in_(ids[i:i + _CHUNK])))
                           .scalars())
        return out

    def iter_rows(self, table: str, order_by: str | None = None,
                  limit: int | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """Rows of one table as dicts; `column=value` filters (a list/tuple means IN)."""
        tbl = s.metadata.tables[table]
        stmt = _filtered(select(tbl), tbl, filters)
        keys = [c for c in tbl.primary_key.columns]
        stmt = stmt.order_by(tbl.c[order_by] if order_by else keys[0])
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(stmt).mappings():
                yield dict(row)

    def iter_event_records(self, limit: int | None = None,
                           **filters: Any) -> Iterator[dict[str, Any]]:
        """RECORD.md event dicts, filtered on `events` columns or document columns
        (`outlet`, `published`, `ref`, `author`, `title`); `cluster_id` and `corroboration`
        come from the live columns (linking may have changed them after extraction)."""
        ev, docs = s.events, s.documents
        doc_filters = {k: filters.pop(k) for k in list(filters)
                       if k in docs.c and k not in ev.c}
        stmt = select(ev.c.record, ev.c.cluster_id, ev.c.corroboration)
        stmt = _filtered(stmt, ev, filters)
        if doc_filters:
            stmt = _filtered(stmt.join(docs, docs.c.doc_id == ev.c.doc_id), docs, doc_filters)
        stmt = stmt.order_by(ev.c.doc_id, ev.c.trigger_start, ev.c.event_id)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            for record, cluster_id, corroboration in conn.execute(stmt):
                rec = dict(record)
                rec["cluster_id"] = cluster_id
                rec["corroboration"] = corroboration
                yield rec

    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(tbl)).scalar_one()
                    for name, tbl in s.metadata.tables.items() if name != "schema_version"}

    def stats(self, top: int = 10) -> dict[str, Any]:
        """What is in the store: documents, events by type, claims by source kind, top
        actors and places, outlets."""
        ev, docs = s.events, s.documents
        with self.engine.connect() as conn:
            def grouped(*cols: Any, where: Any = None, limit: int | None = None,
                        table: Any = ev) -> list[tuple[Any, ...]]:
                n = func.count().label("n")
                stmt = select(*cols, n).select_from(table).group_by(*cols)
                if where is not None:
                    stmt = stmt.where(where)
                stmt = stmt.order_by(n.desc(), *cols)
                if limit:
                    stmt = stmt.limit(limit)
                return [tuple(r) for r in conn.execute(stmt)]

            actor_label = func.coalesce(ev.c.actor_name, ev.c.actor_text)
            place_label = func.coalesce(ev.c.location_name, ev.c.location_text)
            return {
                "documents": conn.execute(select(func.count()).select_from(docs)).scalar_one(),
                "events": conn.execute(select(func.count()).select_from(ev)).scalar_one(),
                "attributions": conn.execute(
                    select(func.count()).select_from(s.attributions)).scalar_one(),
                "places": conn.execute(select(func.count()).select_from(s.places)).scalar_one(),
                "events_by_type": dict(grouped(ev.c.event_type)),
                "claims_by_source_kind": dict(grouped(ev.c.source_kind)),
                "claims_by_modality": dict(grouped(ev.c.modality)),
                "top_actors": [{"actor": a, "events": n}
                               for a, n in grouped(actor_label, where=actor_label.is_not(None),
                                                   limit=top)],
                "top_places": [{"place": p, "country": c, "events": n}
                               for p, c, n in grouped(place_label, ev.c.country,
                                                      where=place_label.is_not(None),
                                                      limit=top)],
                "outlets": [{"outlet": o, "documents": n}
                            for o, n in grouped(docs.c.outlet, table=docs,
                                                where=docs.c.outlet.is_not(None), limit=top)],
            }

    def check_integrity(self) -> list[str]:
        """Documents whose stored rows differ from the counts they wrote (should be none)."""
        docs = s.documents
        problems = []
        with self.engine.connect() as conn:
            counted = {}
            for name in ("events", "attributions", "places"):
                tbl = s.metadata.tables[name]
                counted[name] = dict(conn.execute(
                    select(tbl.c.doc_id, func.count()).group_by(tbl.c.doc_id)).all())
            for doc_id, ne, na, np_ in conn.execute(select(
                    docs.c.doc_id, docs.c.n_events, docs.c.n_attributions, docs.c.n_places)):
                for name, want in (("events", ne), ("attributions", na), ("places", np_)):
                    got = counted[name].get(doc_id, 0)
                    if want is not None and got != want:
                        problems.append(f"{doc_id}: {got} {name}, expected {want}")
        return problems


def _filtered(stmt: Any, table: Table, filters: Mapping[str, Any]) -> Any:
    for key, value in filters.items():
        if key not in table.c:
            raise ValueError(f"unknown filter {key!r} for table {table.name}")
        col = table.c[key]
        if value is None:
            stmt = stmt.where(col.is_(None))
        elif isinstance(value, list | tuple | set | frozenset):
            stmt = stmt.where(col.in_(list(value)))
        else:
            stmt = stmt.where(col == value)
    return stmt
