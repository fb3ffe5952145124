"""The store on real SQLite files: save, idempotency, versions, queries, stats, migrations."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Column, MetaData, Table, create_engine, inspect

from claimbase.store import Store, database_url
from claimbase.store import schema as s
from claimbase.store.rows import document_rows
from tests.store_helpers import make_doc

TEXT = "Riverton: rebels attacked the army on Friday, the ministry said."
FACETS = {
    "events": ["event_type", "actor_id", "recipient_id", "actor_name", "recipient_name",
               "source_kind", "modality", "country", "outlet", "date_start", "cluster_id",
               "doc_id"],
    "documents": ["outlet"],
}


@pytest.fixture()
def store(tmp_path):
    st = Store(tmp_path / "t.db")
    yield st
    st.close()


def test_urls_and_paths(tmp_path):
    assert database_url(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert database_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    st = Store(f"sqlite:///{tmp_path / 'b.db'}")
    assert (tmp_path / "b.db").exists() and st.location == str(tmp_path / "b.db")
    st.close()


def test_wal_and_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_save_writes_every_record_once(store):
    doc = make_doc(TEXT)
    assert not store.has(doc.doc_id)
    assert store.save(doc) is True
    assert store.has(doc.doc_id)
    counts = store.counts()
    assert counts["documents"] == 1
    assert counts["events"] == 2
    assert counts["quantities"] == 6
    assert counts["attributions"] == 1
    assert counts["places"] == 1
    assert counts["actors"] == 2  # referenced dictionary actors are recorded
    # The same text again: nothing written, whatever the ref.
    again = make_doc(TEXT, ref="other-name.txt")
    assert store.save(again) is False
    assert store.counts() == counts
    assert store.check_integrity() == []


def test_flat_columns_match_the_record(store):
    doc = make_doc(TEXT)
    store.save(doc)
    rows = list(store.iter_rows("events"))
    records = {r["event_id"]: r for r in store.iter_event_records()}
    assert len(rows) == len(records) == 2
    for row in rows:
        rec = records[row["event_id"]]
        assert row["event_type"] == rec["event_type"]
        assert row["actor_id"] == rec["actor"]["id"] == "REB_X"
        assert row["recipient_country"] == rec["recipient"]["country"] == "SYR"
        assert row["country"] == rec["location"]["country"] == "SY"
        assert row["latitude"] == rec["location"]["lat"]
        assert row["date_start"] == rec["date"]["start"] == "2019-02-22"
        assert row["source_kind"] == rec["attribution"]["source_kind"]
        assert row["modality"] == rec["modality"]
        assert row["fatalities"] == 12  # the largest killed count, not a sum
        assert row["trigger_text"] == rec["trigger"]["text"]
        assert rec["doc"]["outlet"] == "Test Wire"


def test_changed_text_is_a_new_version(store):
    first = make_doc(TEXT, ref="story.txt")
    second = make_doc(TEXT + " Updated.", ref="story.txt")
    assert store.save(first) and store.save(second)
    versions = {r["doc_id"]: r["version"] for r in store.iter_rows("documents")}
    assert versions == {first.doc_id: 1, second.doc_id: 2}
    # Events of the two versions never collide: ids carry the doc_id.
    assert len({r["event_id"] for r in store.iter_rows("events")}) == 4


def test_filters(store):
    store.save(make_doc(TEXT, ref="a.txt", outlet="Wire A"))
    store.save(make_doc(TEXT + " More.", ref="b.txt", outlet="Wire B",
                        event_types=("PROTEST",)))
    assert {r["event_type"] for r in store.iter_event_records(outlet="Wire A")} == {
        "ASSAULT", "ACCUSE"}
    assert [r["event_type"] for r in store.iter_event_records(outlet="Wire B")] == ["PROTEST"]
    assert len(list(store.iter_event_records(event_type=["ASSAULT", "PROTEST"]))) == 2
    assert len(list(store.iter_event_records(source_kind="organization"))) == 1
    assert len(list(store.iter_rows("documents", outlet="Wire A"))) == 1
    assert len(list(store.iter_event_records(limit=1))) == 1
    with pytest.raises(ValueError, match="unknown filter"):
        list(store.iter_rows("events", nonsense=1))


def test_stats(store):
    store.save(make_doc(TEXT, ref="a.txt", outlet="Wire A"))
    store.save(make_doc(TEXT + " More.", ref="b.txt", outlet="Wire A",
                        event_types=("ASSAULT",)))
    st = store.stats()
    assert st["documents"] == 2 and st["events"] == 3 and st["places"] == 2
    assert st["events_by_type"] == {"ASSAULT": 2, "ACCUSE": 1}
    assert st["claims_by_source_kind"] == {"author": 2, "organization": 1}
    assert st["top_actors"][0] == {"actor": "Rebel Front", "events": 3}
    assert st["top_places"][0] == {"place": "Riverton", "country": "SY", "events": 3}
    assert st["outlets"] == [{"outlet": "Wire A", "documents": 2}]


def test_a_failed_save_writes_nothing(store):
    rows = document_rows(make_doc(TEXT))
    rows.events[1]["event_type"] = None  # NOT NULL: the second event insert fails
    with pytest.raises(Exception):  # noqa: B017 - the driver's IntegrityError
        store.save_rows(rows)
    assert store.counts()["documents"] == 0
    assert store.counts()["events"] == 0
    assert store.counts()["places"] == 0


def test_cluster_assignment_shows_in_records(store):
    doc = make_doc(TEXT)
    store.save(doc)
    first = doc.events[0].event_id
    store.set_event_clusters({first: "c-1"})
    got = {r["event_id"]: r["cluster_id"] for r in store.iter_event_records()}
    assert got[first] == "c-1"
    assert list(store.iter_event_records(cluster_id="c-1"))[0]["event_id"] == first


def test_every_facet_column_is_indexed(store):
    insp = inspect(store.engine)
    for table, columns in FACETS.items():
        indexed = {ix["column_names"][0] for ix in insp.get_indexes(table)}
        missing = [c for c in columns if c not in indexed]
        assert not missing, f"{table}: no index on {missing}"


def _schema(engine) -> dict[str, tuple[set[str], set[str]]]:
    insp = inspect(engine)
    return {t: ({c["name"] for c in insp.get_columns(t)},
                {ix["name"] for ix in insp.get_indexes(t)})
            for t in insp.get_table_names()}


def test_fresh_database_matches_the_schema(store):
    got = _schema(store.engine)
    assert store.schema_version == s.SCHEMA_VERSION
    for name, table in s.metadata.tables.items():
        columns, indexes = got[name]
        assert columns == {c.name for c in table.columns}, name
        assert indexes == {ix.name for ix in table.indexes}, name


V2_COLUMNS = {"n_events", "n_attributions", "n_places"}
V3_COLUMNS = {"outlet"}  # of `events` (documents.outlet is there since v1)
V4_COLUMNS = {"location_inferred"}  # of `events`
V2_INDEXES = {"ix_events_event_type": "event_type", "ix_events_source_kind": "source_kind",
              "ix_events_modality": "modality", "ix_events_country": "country",
              "ix_events_actor_id": "actor_id", "ix_events_recipient_id": "recipient_id"}


def _make_old_database(path, version: int = 1) -> None:
    """A database as version 1 wrote it (the core tables, no row counts, no indexes, no
    linking tables), or as version 2 did (plus row counts and single-column facet indexes);
    neither has `events.outlet` nor `events_fts`. Holds one document of `old.txt`."""
    md = MetaData()
    linking = ("reposts", "clusters", "contradictions") if version >= 2 else ()
    for name in ("documents", "events", "attributions", "places", "quantities", "actors",
                 "schema_version", *linking):
        src = s.metadata.tables[name]
        skip = (V2_COLUMNS if version < 2 and name == "documents" else set()) | (
            V3_COLUMNS | V4_COLUMNS if name == "events" else set())
        Table(name, md, *[Column(c.name, c.type, primary_key=c.primary_key,
                                 nullable=c.nullable)
                          for c in src.columns if c.name not in skip])
    engine = create_engine(f"sqlite:///{path}")
    md.create_all(engine)
    rec = document_rows(make_doc(TEXT, ref="old.txt", outlet="Old Wire"))
    doc_row = {k: v for k, v in rec.document.items() if version >= 2 or k not in V2_COLUMNS}
    with engine.begin() as conn:
        conn.execute(md.tables["documents"].insert(), [doc_row])
        conn.execute(md.tables["events"].insert(),
                     [{k: v for k, v in ev.items() if k not in V3_COLUMNS | V4_COLUMNS}
                      for ev in rec.events])
        conn.execute(md.tables["attributions"].insert(), rec.attributions)
        conn.execute(md.tables["places"].insert(), rec.places)
        for name, column in V2_INDEXES.items() if version >= 2 else ():
            conn.exec_driver_sql(f"CREATE INDEX {name} ON events ({column})")
        conn.execute(md.tables["schema_version"].insert(),
                     [{"version": v, "applied_at": datetime.now(UTC).isoformat()}
                      for v in range(1, version + 1)])
    engine.dispose()


def _search(store, query: str) -> set[str]:
    """event_ids whose indexed text matches an FTS5 query, as the explorer searches."""
    with store.engine.connect() as conn:
        return set(conn.exec_driver_sql(
            "SELECT event_id FROM events WHERE rowid IN "
            "(SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", (query,)).scalars())


@pytest.mark.parametrize("version", [1, 2])
def test_upgrade_an_old_database(tmp_path, version):
    path = tmp_path / f"v{version}.db"
    _make_old_database(path, version)
    with sqlite3.connect(path) as raw:
        cols = {r[1] for r in raw.execute("PRAGMA table_info(documents)")}
        assert bool(cols & V2_COLUMNS) == (version >= 2)
        assert not {r[1] for r in raw.execute("PRAGMA table_info(events)")} & V3_COLUMNS
        indexes = {r[1] for r in raw.execute("PRAGMA index_list(events)")}
        assert (set(V2_INDEXES) <= indexes) == (version >= 2)
    store = Store(path)
    assert store.migrations_applied == list(range(version + 1, s.SCHEMA_VERSION + 1))
    assert store.schema_version == s.SCHEMA_VERSION == 4
    fresh = Store(tmp_path / "fresh.db")
    assert _schema(store.engine) == _schema(fresh.engine)  # old single-column indexes gone
    # The old data is still there and readable; new documents are saved as usual.
    old = list(store.iter_event_records())
    assert len(old) == 2 and old[0]["doc"]["ref"] == "old.txt"
    # v3: the outlet is backfilled from the document, and the old events are searchable.
    assert {r["outlet"] for r in store.iter_rows("events")} == {"Old Wire"}
    assert _search(store, "ministry") == {r["event_id"] for r in old}
    assert len(list(store.iter_event_records(outlet="Old Wire"))) == 2
    assert store.check_integrity() == []
    assert store.save(make_doc(TEXT + " New.", ref="new.txt"))
    assert store.counts()["documents"] == 2
    assert len(_search(store, "ministry")) == 4
    # Opening again applies nothing.
    assert Store(path).migrations_applied == []
    fresh.close()
    store.close()


def _referenced_doc():
    """A story whose second event is placed by a description ("the town") read back to the
    place named before it."""
    doc = make_doc(TEXT)
    doc.events[1].location = replace(doc.places[0], text="the town", inferred="reference")
    return doc


def test_location_inferred_is_a_column(store):
    store.save(_referenced_doc())
    rows = sorted(store.iter_rows("events"), key=lambda r: r["event_id"])
    assert [r["location_inferred"] for r in rows] == [None, "reference"]


def test_upgrade_a_v3_database_backfills_location_inferred(tmp_path):
    """Migration 4 adds `events.location_inferred` and fills it from the stored records."""
    path = tmp_path / "v3.db"
    Store(path).save(_referenced_doc())
    with sqlite3.connect(path) as raw:
        raw.execute("ALTER TABLE events DROP COLUMN location_inferred")
        raw.execute("DELETE FROM schema_version WHERE version = 4")
    store = Store(path)
    assert store.migrations_applied == [4]
    rows = sorted(store.iter_rows("events"), key=lambda r: r["event_id"])
    assert [r["location_inferred"] for r in rows] == [None, "reference"]
    assert [r["record"]["location"].get("inferred") for r in rows] == [None, "reference"]
    store.close()


def test_composite_facet_indexes_serve_the_newest_first_listing(store):
    for n in range(3):
        store.save(make_doc(f"{TEXT} Part {n}.", ref=f"{n}.txt"))
    store.optimize()
    insp = inspect(store.engine)
    indexed = {tuple(ix["column_names"]) for ix in insp.get_indexes("events")}
    for column in ("event_type", "source_kind", "modality", "country", "actor_id",
                   "recipient_id", "actor_name", "recipient_name", "outlet"):
        assert (column, "date_start") in indexed, column
        assert (column,) not in indexed, f"single-column index on {column} left over"
    with store.engine.connect() as conn:
        plan = " ".join(r[-1] for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT event_id FROM events WHERE outlet = ? "
            "ORDER BY date_start DESC LIMIT 10", ("Test Wire",)))
        assert "ix_events_outlet_date" in plan and "TEMP B-TREE" not in plan, plan
        # optimize() left planner statistics behind
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'events'").scalar() > 0


def test_outlet_is_copied_to_events_and_filterable(store):
    store.save(make_doc(TEXT, ref="a.txt", outlet="Wire A"))
    store.save(make_doc(TEXT + " More.", ref="b.txt", outlet=None, event_types=("PROTEST",)))
    outlets = {r["event_type"]: r["outlet"] for r in store.iter_rows("events")}
    assert outlets == {"ASSAULT": "Wire A", "ACCUSE": "Wire A", "PROTEST": None}
    assert [r["event_type"] for r in store.iter_event_records(outlet=None)] == ["PROTEST"]
    # The stored record (what exports write) is unchanged: outlet stays under "doc".
    rec = next(store.iter_event_records(outlet="Wire A"))
    assert "outlet" not in rec and rec["doc"]["outlet"] == "Wire A"


def test_saved_events_are_searchable_in_the_same_transaction(store):
    assert _search(store, "ministry") == set()
    doc = make_doc(TEXT)
    store.save(doc)
    ids = {e.event_id for e in doc.events}
    assert _search(store, "ministry") == ids          # the sentence
    assert _search(store, "rebels AND army") == ids   # actor / recipient text
    assert _search(store, "parliament") == set()
    rows = document_rows(make_doc(TEXT + " Broken.", ref="broken.txt"))
    rows.events[1]["event_type"] = None  # the save fails: its events are not indexed either
    with pytest.raises(Exception):  # noqa: B017 - the driver's IntegrityError
        store.save_rows(rows)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM events_fts").scalar() == 2


def test_close_checkpoints_the_wal(tmp_path):
    path = tmp_path / "w.db"
    st = Store(path)
    reader = sqlite3.connect(path)  # another connection keeps the WAL file alive
    reader.execute("SELECT count(*) FROM documents").fetchone()
    st.save(make_doc(TEXT))
    wal = Path(f"{path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    st.close()
    assert wal.stat().st_size == 0  # TRUNCATE: every page is back in the main file
    immutable = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    assert immutable.execute("SELECT count(*) FROM events").fetchone()[0] == 2
    immutable.close()
    reader.close()


def test_sync_actors_fills_and_updates_the_dictionary(store):
    from claimbase.nlp.actors import Actor

    store.save(make_doc(TEXT))  # records REB_X with what the event knew
    store.sync_actors([Actor(id="REB_X", name="Rebel Front", aliases=["the Front"],
                             sector="REB", kind="armed_group"),
                       Actor(id="UNHCR", name="UN refugee agency", sector="IGO", kind="igo")])
    rows = {r["actor_id"]: r for r in store.iter_rows("actors")}
    assert set(rows) == {"REB_X", "ARMY_Y", "UNHCR"}
    assert rows["REB_X"]["aliases"] == ["the Front"]
    assert rows["REB_X"]["kind"] == "armed_group"
    assert rows["UNHCR"]["sector"] == "IGO"
