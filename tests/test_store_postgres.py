"""The store on a real PostgreSQL server (CLAIMBASE_TEST_PG_URL; `.ci/run` starts one).

The database named by the URL is emptied before each test: point it at a throwaway database.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from claimbase.store import Store
from claimbase.store import schema as s
from tests.store_helpers import make_doc

PG_URL = os.environ.get("CLAIMBASE_TEST_PG_URL")
ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="CLAIMBASE_TEST_PG_URL is not set: no PostgreSQL "
                       "server to test against (.ci/run starts one)"),
]
TEXT = "Riverton: rebels attacked the army on Friday, the ministry said."


def _reset() -> None:
    engine = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        for name in list(s.metadata.tables):
            conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
    engine.dispose()


@pytest.fixture()
def store():
    _reset()
    st = Store(PG_URL)
    yield st
    st.close()
    _reset()


def test_migrated_schema_and_indexes(store):
    assert store.dialect == "postgresql"
    assert store.schema_version == s.SCHEMA_VERSION
    insp = inspect(store.engine)
    for name, table in s.metadata.tables.items():
        assert {c["name"] for c in insp.get_columns(name)} == {c.name for c in table.columns}
        assert {ix["name"] for ix in insp.get_indexes(name)} == {ix.name for ix in table.indexes}
    # Opening again applies nothing.
    assert Store(PG_URL).migrations_applied == []


def test_v3_outlet_indexes_and_statistics(store):
    """Migration 3 on PostgreSQL: events.outlet filled at save, (facet, date_start) indexes,
    no FTS table (SQLite only), and ANALYZE through `optimize`."""
    store.save(make_doc(TEXT, outlet="Wire P"))
    assert {r["outlet"] for r in store.iter_rows("events")} == {"Wire P"}
    insp = inspect(store.engine)
    indexed = {tuple(ix["column_names"]) for ix in insp.get_indexes("events")}
    assert {("outlet", "date_start"), ("actor_name", "date_start"),
            ("event_type", "date_start")} <= indexed
    assert ("event_type",) not in indexed
    assert "events_fts" not in insp.get_table_names()
    store.optimize()
    with store.engine.connect() as conn:
        analyzed = conn.execute(text(
            "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'events'")).scalar()
    assert analyzed is not None


def test_upgrade_a_v2_database(store):
    """A v2 store (single-column facet indexes, no events.outlet) converges on v4."""
    with store.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_events_outlet_date"))
        conn.execute(text("ALTER TABLE events DROP COLUMN outlet"))
        conn.execute(text("DROP INDEX ix_events_event_type_date"))
        conn.execute(text("CREATE INDEX ix_events_event_type ON events (event_type)"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 3"))
        conn.execute(text("INSERT INTO documents (doc_id, ref, version, outlet, text, "
                          "ingested_at) VALUES ('d1', 'old.txt', 1, 'Old Wire', 'x', 'now')"))
        conn.execute(text("INSERT INTO events (event_id, doc_id, event_type, record) "
                          "VALUES ('d1:1', 'd1', 'ASSAULT', '{}')"))
    again = Store(PG_URL)
    assert again.migrations_applied == [3, 4]
    assert [r["outlet"] for r in again.iter_rows("events")] == ["Old Wire"]
    insp = inspect(again.engine)
    assert {ix["name"] for ix in insp.get_indexes("events")} == {
        ix.name for ix in s.events.indexes}
    again.close()


def test_upgrade_a_v3_database_backfills_location_inferred(store):
    """Migration 4 on PostgreSQL: `events.location_inferred` added and filled from the
    stored records' JSONB."""
    doc = make_doc(TEXT)
    doc.events[1].location = replace(doc.places[0], text="the town", inferred="reference")
    store.save(doc)
    with store.engine.begin() as conn:
        conn.execute(text("ALTER TABLE events DROP COLUMN location_inferred"))
        conn.execute(text("DELETE FROM schema_version WHERE version = 4"))
    again = Store(PG_URL)
    assert again.migrations_applied == [4]
    rows = sorted(again.iter_rows("events"), key=lambda r: r["event_id"])
    assert [r["location_inferred"] for r in rows] == [None, "reference"]
    again.close()


def test_save_is_idempotent_and_versioned(store):
    doc = make_doc(TEXT)
    assert store.save(doc) is True
    assert store.save(make_doc(TEXT, ref="copy.txt")) is False
    assert store.save(make_doc(TEXT + " Updated.", ref="story.txt")) is True
    counts = store.counts()
    assert counts["documents"] == 2 and counts["events"] == 4 and counts["quantities"] == 12
    versions = sorted(r["version"] for r in store.iter_rows("documents"))
    assert versions == [1, 2]
    assert store.check_integrity() == []


def test_records_round_trip_as_json(store):
    doc = make_doc("Ḑayr az-Zawr — " + TEXT, outlet="Wire É")
    store.save(doc)
    recs = list(store.iter_event_records(outlet="Wire É"))
    assert len(recs) == 2
    assert recs[0]["sentence"]["text"].startswith("Ḑayr az-Zawr — ")
    assert recs[0]["quantities"][0]["best"] == 4
    assert {r["event_type"] for r in store.iter_event_records(event_type=["ACCUSE"])} == {
        "ACCUSE"}
    st = store.stats()
    assert st["events_by_type"] == {"ASSAULT": 1, "ACCUSE": 1}
    assert st["top_places"][0]["place"] == "Riverton"


def test_a_failed_save_writes_nothing(store):
    from claimbase.store.rows import document_rows

    rows = document_rows(make_doc(TEXT))
    rows.events[-1]["event_type"] = None
    with pytest.raises(Exception):  # noqa: B017 - the driver's IntegrityError
        store.save_rows(rows)
    assert store.counts()["documents"] == 0 and store.counts()["events"] == 0


def test_ingest_cli_into_postgres(store, tmp_path):
    """The real CLI writes to PostgreSQL exactly as to SQLite."""
    corpus = ROOT / "examples" / "corpus"
    files = sorted(p for p in corpus.glob("*.txt"))[:2]
    if not files:
        pytest.skip("examples/corpus has no .txt articles yet")
    cmd = [sys.executable, "-m", "claimbase", "ingest", *map(str, files), "--db", PG_URL]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    counts = store.counts()
    assert counts["documents"] == 2
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert store.counts() == counts
