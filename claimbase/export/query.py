"""Read events and other tables out of a claimbase store, with the export filters.

Exports read the store through SQLAlchemy Core (SQLite or PostgreSQL), filter on the flat
columns of `events` and take the full RECORD.md record from `events.record`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from claimbase.record import MODALITIES, PLOVER_TYPES, SOURCE_KINDS

DEFAULT_DB = "claimbase.db"
ACLED_EVENT_TYPES = (
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
    "Riots", "Strategic developments",
)
TABLES = ("documents", "events", "attributions", "places")


class ExportError(ValueError):
    """Bad export input: the message names the input and the problem."""


def default_db() -> str:
    return os.environ.get("CLAIMBASE_DB", DEFAULT_DB)


def db_url(db: str) -> str:
    """An SQLAlchemy URL for a store given as a path, `sqlite:///…` or `postgresql://…`."""
    if "://" in db:
        from claimbase.store import database_url

        return database_url(db)  # postgresql:// -> the psycopg 3 driver
    path = Path(db)
    if not path.is_file():
        raise ExportError(f"--db {db}: no such database file")
    return f"sqlite:///{path.resolve()}"


def open_engine(db: str) -> sa.Engine:
    """An engine for reading the store (SQLite files are opened read-only)."""
    url = db_url(db)
    if url.startswith("sqlite:///") and "?" not in url:
        path = url[len("sqlite:///"):]
        return sa.create_engine(
            f"sqlite:///file:{path}?mode=ro&uri=true", connect_args={"uri": True}
        )
    return sa.create_engine(url)


def _iso_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ExportError(f"{option} {value!r}: not a date (use YYYY-MM-DD)") from None


def country_code(value: str) -> str:
    """ISO 3166 alpha-2 for an alpha-2 code, an alpha-3 code or an English country name."""
    from claimbase.export.countries import lookup

    info = lookup(value)
    if info is None:
        raise ExportError(f"--country {value!r}: unknown country (use ISO2, ISO3 or a name)")
    return info["iso"]


@dataclass
class Filters:
    """The export filters; every field is optional and they combine with AND."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    actor: str | None = None
    event_type: str | None = None
    source_kind: str | None = None
    modality: str | None = None

    def validate(self) -> Filters:
        """Check every value and return a normalised copy; raise ExportError on bad input."""
        since = _iso_date(self.since, "--since")
        until = _iso_date(self.until, "--until")
        if since and until and since > until:
            raise ExportError(f"--since {since} is after --until {until}")
        event_type = self.event_type
        if event_type is not None:
            plover = event_type.upper()
            acled = {t.lower(): t for t in ACLED_EVENT_TYPES}.get(event_type.lower())
            if plover not in PLOVER_TYPES and acled is None:
                raise ExportError(f"--event-type {event_type!r}: not a PLOVER or ACLED type")
            event_type = plover if plover in PLOVER_TYPES else acled
        _check_choice(self.source_kind, SOURCE_KINDS, "--source-kind")
        _check_choice(self.modality, MODALITIES, "--modality")
        return Filters(
            since=since.isoformat() if since else None,
            until=until.isoformat() if until else None,
            country=country_code(self.country) if self.country else None,
            actor=self.actor, event_type=event_type,
            source_kind=self.source_kind, modality=self.modality,
        )

    def active(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self))


def _check_choice(value: str | None, choices: tuple[str, ...], option: str) -> None:
    if value is not None and value not in choices:
        raise ExportError(f"{option} {value!r}: must be one of {', '.join(choices)}")


def _date_value(column: sa.Column, value: str) -> Any:
    """Bind an ISO date for a DATE column as a date, for a text column as text."""
    return date.fromisoformat(value) if isinstance(column.type, sa.Date) else value


class StoreReader:
    """Reflects the store's tables once and builds filtered queries over them."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.engine = open_engine(db)
        self.meta = sa.MetaData()
        try:
            self.meta.reflect(self.engine, only=lambda name, _m: name in {*TABLES, "actors"})
        except sa.exc.OperationalError as exc:
            raise ExportError(f"--db {db}: cannot open the store ({exc.orig})") from None
        if "events" not in self.meta.tables:
            raise ExportError(f"--db {db}: not a claimbase store (no events table)")
        self.events = self.meta.tables["events"]

    def table(self, name: str) -> sa.Table:
        if name not in self.meta.tables:
            raise ExportError(f"--table {name}: the store has no such table")
        return self.meta.tables[name]

    def event_conditions(self, flt: Filters) -> list[sa.ColumnElement[bool]]:
        """WHERE conditions on `events` for the filters (flt must be validated)."""
        ev = self.events.c
        conds: list[sa.ColumnElement[bool]] = []
        if flt.since:
            end = sa.func.coalesce(ev.date_end, ev.date_start)
            conds.append(end >= _date_value(ev.date_start, flt.since))
        if flt.until:
            conds.append(ev.date_start <= _date_value(ev.date_start, flt.until))
        if flt.country:
            conds.append(sa.func.upper(ev.country) == flt.country)
        if flt.actor:
            needle = flt.actor.lower()
            conds.append(sa.or_(
                ev.actor_id == flt.actor, ev.recipient_id == flt.actor,
                sa.func.lower(ev.actor_name) == needle,
                sa.func.lower(ev.recipient_name) == needle,
                sa.func.lower(ev.actor_text) == needle,
                sa.func.lower(ev.recipient_text) == needle,
            ))
        if flt.event_type:
            column = ev.event_type if flt.event_type in PLOVER_TYPES else ev.acled_event_type
            conds.append(column == flt.event_type)
        if flt.source_kind:
            conds.append(ev.source_kind == flt.source_kind)
        if flt.modality:
            conds.append(ev.modality == flt.modality)
        return conds

    def iter_events(self, flt: Filters, acled_only: bool = False) -> Iterator[dict[str, Any]]:
        """The RECORD.md record of every matching event, in (date, event_id) order."""
        ev = self.events
        conds = self.event_conditions(flt)
        if acled_only:
            conds.append(ev.c.acled_event_type.is_not(None))
        query = sa.select(ev).where(*conds).order_by(ev.c.date_start, ev.c.event_id)
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=1000).execute(query).mappings():
                yield event_from_row(row)

    def iter_rows(self, name: str, flt: Filters) -> Iterator[dict[str, Any]]:
        """Rows of a non-event table whose document holds a matching event."""
        table = self.table(name)
        query = sa.select(table)
        if flt.active() and "doc_id" in table.c:
            docs = sa.select(self.events.c.doc_id).where(*self.event_conditions(flt))
            query = query.where(table.c.doc_id.in_(docs))
            if name == "attributions":
                query = query.where(*self._own_conditions(table, flt))
        order = [c for c in table.primary_key.columns] or list(table.c)[:1]
        query = query.order_by(*order)
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=1000).execute(query).mappings():
                yield row_dict(row)

    def _own_conditions(self, table: sa.Table, flt: Filters) -> list[sa.ColumnElement[bool]]:
        conds = []
        for name in ("source_kind", "modality"):
            value = getattr(flt, name)
            if value is not None and name in table.c:
                conds.append(table.c[name] == value)
        return conds

    def documents(self, doc_ids: set[str]) -> dict[str, dict[str, Any]]:
        """Document rows (without text) by doc_id."""
        docs = self.meta.tables.get("documents")
        if docs is None or not doc_ids:
            return {}
        cols = [c for c in docs.c if c.name not in ("text", "boilerplate")]
        out: dict[str, dict[str, Any]] = {}
        ids = sorted(doc_ids)
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                query = sa.select(*cols).where(docs.c.doc_id.in_(ids[i:i + 500]))
                for row in conn.execute(query).mappings():
                    out[row["doc_id"]] = dict(row)
        return out


    def documents_all(self, columns: tuple[str, ...]) -> dict[str, dict[str, Any]]:
        """Some columns of every document, by doc_id."""
        docs = self.meta.tables.get("documents")
        if docs is None:
            return {}
        cols = [docs.c[c] for c in columns if c in docs.c]
        with self.engine.connect() as conn:
            return {row["doc_id"]: dict(row)
                    for row in conn.execute(sa.select(docs.c.doc_id, *cols)).mappings()}


def event_from_row(row: Any) -> dict[str, Any]:
    """The RECORD.md record of an events row, with the row's current cluster_id."""
    rec = decode_json(row["record"]) or {}
    if row.get("cluster_id") is not None:
        rec["cluster_id"] = row["cluster_id"]
    if row.get("corroboration") is not None:
        rec["corroboration"] = decode_json(row["corroboration"])
    rec.setdefault("event_id", row["event_id"])
    rec.setdefault("doc_id", row["doc_id"])
    return rec


def decode_json(value: Any) -> Any:
    """A JSON column's value as Python data (PostgreSQL already decodes JSON)."""
    if isinstance(value, str | bytes):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def row_dict(row: Any) -> dict[str, Any]:
    """A table row as a dict; a `record` JSON column replaces the row when present."""
    data = {k: _plain(decode_json(v) if _json_like(v) else v) for k, v in dict(row).items()}
    record = data.get("record")
    if isinstance(record, dict):
        return record
    return data


def _json_like(value: Any) -> bool:
    return isinstance(value, str) and value[:1] in ("{", "[")


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value
