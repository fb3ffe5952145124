"""Exports read a PostgreSQL store the same way as SQLite (CLAIMBASE_TEST_PG_URL)."""

from __future__ import annotations

import csv
import json
import os

import pytest
from sqlalchemy import create_engine, text

from claimbase.export import Filters, export
from tests.explorer_data import build_store

PG_URL = os.environ.get("CLAIMBASE_TEST_PG_URL")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="CLAIMBASE_TEST_PG_URL is not set: no PostgreSQL "
                       "server to test against (.ci/run starts one)"),
]


def _reset() -> None:
    from claimbase.store import database_url
    from claimbase.store import schema as s

    engine = create_engine(database_url(PG_URL))
    with engine.begin() as conn:
        for name in list(s.metadata.tables):
            conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
    engine.dispose()


@pytest.fixture()
def pg_and_sqlite(tmp_path):
    _reset()
    build_store(PG_URL)
    lite = build_store(tmp_path / "demo.db")
    yield PG_URL, str(lite)
    _reset()


def test_postgres_exports_match_sqlite(pg_and_sqlite, tmp_path):
    pg, lite = pg_and_sqlite
    for fmt, name in (("jsonl", "e.jsonl"), ("acled-csv", "e.csv"), ("geojson", "e.geojson"),
                      ("claimreview", "c.jsonld")):
        a, b = tmp_path / f"pg-{name}", tmp_path / f"lite-{name}"
        export(pg, fmt, a, filters=Filters(country="Syria", since="2024-03-01"))
        export(lite, fmt, b, filters=Filters(country="Syria", since="2024-03-01"))
        if fmt == "acled-csv":
            rows_a = list(csv.DictReader(a.open()))
            rows_b = list(csv.DictReader(b.open()))
            for row in rows_a + rows_b:
                row.pop("timestamp")  # when each store was written
            assert rows_a == rows_b and len(rows_a) == 4
        elif fmt == "jsonl":
            key = lambda r: r["event_id"]  # noqa: E731
            recs_a = sorted((json.loads(x) for x in a.read_text().splitlines()), key=key)
            recs_b = sorted((json.loads(x) for x in b.read_text().splitlines()), key=key)
            assert recs_a == recs_b and len(recs_a) == 4
        else:
            assert json.loads(a.read_text()) == json.loads(b.read_text())
