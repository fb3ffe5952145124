"""`claimbase demo`: ingest a corpus, link it, summarise, point at the explorer."""

from __future__ import annotations

from claimbase.cli.demo import find_corpus
from claimbase.store import Store
from tests.cli_helpers import copy_corpus, run_cli, table_counts
from tests.conftest import CORPUS


def test_the_bundled_corpus_is_found():
    found = find_corpus()
    if CORPUS.is_dir() and any(CORPUS.iterdir()):
        assert found is not None and any(found.iterdir())


def test_demo_ingests_links_and_points_at_the_explorer(tmp_path):
    copy_corpus(tmp_path / "corpus", 3)
    db = tmp_path / "demo.db"
    result = run_cli("demo", "--db", str(db), "--corpus", str(tmp_path / "corpus"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for section in ("Events by type", "Claims by source kind", "Top actors", "Top places"):
        assert section in out
    assert f"claimbase serve --db {db}" in out
    counts = table_counts(db)
    assert counts["documents"] == 3 and counts["events"] > 0
    store = Store(db)
    # Linking ran: every event belongs to a cluster (a single report is its own cluster).
    if "linked" in result.stderr:
        assert all(r["cluster_id"] for r in store.iter_rows("events"))
    # A second demo run finds everything stored and still succeeds.
    again = run_cli("demo", "--db", str(db), "--corpus", str(tmp_path / "corpus"))
    assert again.returncode == 0, again.stderr
    assert table_counts(db) == counts


def test_demo_without_a_corpus_is_one_line(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli("demo", "--db", str(tmp_path / "d.db"), "--corpus", str(empty))
    assert result.returncode == 1
    assert result.stderr.strip().startswith("claimbase: ")
