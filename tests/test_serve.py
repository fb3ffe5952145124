"""`claimbase serve`: read-only Datasette over the store, the plugin's pages, JSON twins,
canned queries, search, and the safety checks on the command line."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from claimbase.cli import app
from claimbase.cli.serve import datasette_args, is_loopback
from claimbase.web.fts import create_events_fts, rebuild_events_fts
from tests.explorer_data import Served, build_store, free_port

ROOT = Path(__file__).resolve().parent.parent


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("serve") / "demo.db")
    conn = sqlite3.connect(db)  # test setup: index sentences as the store would at save
    create_events_fts(conn)
    rebuild_events_fts(conn)
    conn.commit()
    conn.close()
    return db


@pytest.fixture(scope="module")
def served(store):
    before = sha(store)
    with Served(store) as server:
        yield server
    assert sha(store) == before  # serving and browsing never wrote to the store


def get(served, path: str, **params):
    response = httpx.get(served.base + path, params=params, timeout=30)
    return response


def ids_by_kind(served) -> dict[str, str]:
    rows = get(served, "/demo/events.json", _shape="array", _nofacet=1).json()
    return {r["source_kind"]: r["event_id"] for r in rows}


def test_database_is_immutable(served):
    dbs = get(served, "/-/databases.json").json()
    demo = next(d for d in dbs if d["name"] == "demo")
    assert demo["is_mutable"] is False


def test_events_table_has_facets(served):
    data = get(served, "/demo/events.json").json()
    assert data["filtered_table_rows_count"] == 5
    facets = data["facet_results"]
    for column in ("event_type", "source_kind", "modality", "country", "actor_name"):
        assert column in facets
    kinds = {r["value"]: r["count"] for r in facets["source_kind"]["results"]}
    assert kinds == {"anonymous": 1, "organization": 1, "person": 2, "media": 1}
    # Unfiltered counts come from the startup cache of the immutable store ...
    assert get(served, "/-/claimbase/status.json").json()["facet_cache"] == "ready"
    assert facets["source_kind"]["type"] == "claimbase"
    # ... filtered ones are counted live.
    narrowed = get(served, "/demo/events.json", country="SY").json()["facet_results"]
    kinds = {r["value"]: r["count"] for r in narrowed["source_kind"]["results"]}
    assert kinds == {"anonymous": 1, "organization": 1, "person": 1, "media": 1}


def test_full_text_search_on_sentences(served):
    rows = get(served, "/demo/events.json", _search="shelled", _shape="array").json()
    assert {r["location_name"] for r in rows} == {"Kafr Nabl"} and len(rows) == 2


def test_event_page_and_json_twin(served):
    eid = ids_by_kind(served)["organization"]
    page = get(served, f"/-/claimbase/event/{eid}")
    assert page.status_code == 200
    assert 'class="cb-span cb-sentence cb-trigger"' in page.text
    data = get(served, f"/-/claimbase/event/{eid}.json").json()
    assert data["event"]["event_id"] == eid
    roles = {s["role"]: s["text"] for s in data["spans"]}
    assert roles["trigger"] == "shelled" and roles["source"] == "the Syrian Observatory"
    assert roles["cue"] == "said" and roles["date"] == "on Saturday"
    assert [link["source_kind"] for link in data["chain"]] == ["author", "organization"]
    assert data["cluster"]["cluster_id"] == "c1"
    assert [e["outlet"] for e in data["cluster_events"]] == ["Harbour Daily"]
    assert data["contradictions"][0]["kind"] == "casualties"
    assert data["reposted_by"][0]["outlet"] == "Harbour Daily"
    assert not any(k.startswith("_") for k in data)


def test_unknown_event_is_404(served):
    assert get(served, "/-/claimbase/event/0000:9").status_code == 404
    assert get(served, "/-/claimbase/event/0000:9.json").status_code == 404


def test_actor_json(served):
    data = get(served, "/-/claimbase/actor/SYR_MIL.json").json()
    assert data["actor"]["name"] == "Syrian Arab Army"
    edges = {(e["source"], e["target"], e["event_type"]): e["n"] for e in data["edges"]}
    assert edges[("SYR_MIL", "text:civilians", "ASSAULT")] == 2
    assert edges[("NRF", "SYR_MIL", "ASSAULT")] == 1
    assert data["timeline"] == [{"month": "2024-03", "event_type": "ASSAULT", "n": 3}]
    narrowed = get(served, "/-/claimbase/actor/SYR_MIL.json", since="2024-03-02").json()
    assert narrowed["events_considered"] == 2
    assert get(served, "/-/claimbase/actor/SYR_MIL.json", since="soon").status_code == 400


def test_canned_queries(served):
    anon = get(served, "/demo/anonymous_only_claims.json", _shape="array").json()
    assert [r["source_text"] for r in anon] == ["local sources"]
    casualties = get(served, "/demo/contradicted_casualties.json", _shape="array").json()
    assert len(casualties) == 1
    assert {casualties[0]["fatalities_a"], casualties[0]["fatalities_b"]} == {11, 3}
    reposts = get(served, "/demo/reposting_outlets.json", _shape="array").json()
    assert reposts == [{"reposting_outlet": "Harbour Daily", "original_outlet": "Coastal Wire",
                        "method": "minhash", "reposts": 1, "mean_similarity": 0.91,
                        "first_seen": "2024-03-03", "last_seen": "2024-03-03"}]


def test_cells_link_to_pages(served):
    html = get(served, "/demo/events").text
    assert 'href="/-/claimbase/event/' in html and 'href="/-/claimbase/actor/SYR_MIL"' in html
    assert "/-/claimbase/static/claimbase-map.js" in html


def test_loopback_detection():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert is_loopback("127.3.2.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")
    assert not is_loopback("example.org")


def test_immutable_unless_a_writer_is_active(store, tmp_path):
    args = datasette_args(store, "127.0.0.1", 8001, public=False)
    assert args[:3] == ["serve", "-i", str(store)]
    copy = tmp_path / "busy.db"
    copy.write_bytes(store.read_bytes())
    (tmp_path / "busy.db-wal").write_bytes(b"x" * 100)
    assert datasette_args(copy, "127.0.0.1", 8001, public=False)[:2] == ["serve", str(copy)]
    assert "allow_download" in datasette_args(store, "0.0.0.0", 1, public=True)


@pytest.mark.parametrize("args,needle", [
    (["--host", "0.0.0.0"], "add --public"),
    (["--db", "nowhere.db"], "no such database file"),
    (["--db", "postgresql://u@h/db"], "SQLite store file only"),
])
def test_refusals_are_one_clear_line(store, args, needle):
    if "--db" not in args:
        args = [*args, "--db", str(store)]
    result = CliRunner().invoke(app, ["serve", *args])
    assert result.exit_code == 2
    assert needle in result.output and "Traceback" not in result.output


def test_not_a_store_is_refused(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.close()
    result = CliRunner().invoke(app, ["serve", "--db", str(other)])
    assert result.exit_code == 2 and "not a claimbase store" in result.output


def test_public_prints_a_warning(store):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "claimbase", "serve", "--db", str(store),
                             "--host", "0.0.0.0", "--port", str(port), "--public"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        first = proc.stderr.readline()
        assert first.startswith("WARNING: serving") and "to the network" in first
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/-/versions.json").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        settings = httpx.get(f"http://127.0.0.1:{port}/-/settings.json").json()
        assert settings["allow_download"] is False
    finally:
        proc.terminate()
        proc.wait(10)


def test_tiny_explorer_benchmark(tmp_path):
    """The benchmark's generator and timer end to end on 5,000 synthetic events."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import explorer_bench

    db = tmp_path / "bench.db"
    explorer_bench.generate(db, 5_000)
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from events").fetchone()[0] == 5_000
    assert conn.execute("select count(*) from events_fts").fetchone()[0] == 5_000
    conn.close()
    results = explorer_bench.time_pages(db, 5_000, repeat=2)
    assert {r["page"] for r in results} >= {"events table (HTML, facets)", "event page 1"}
    # Generous bound on a shared 2-core machine: the 1M-event numbers come from the script.
    assert all(r["median_ms"] < 2_000 for r in results), results
