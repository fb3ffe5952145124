"""`claimbase ingest` end to end: the real command, a real SQLite file."""

from __future__ import annotations

import json

import pytest

from claimbase.store import Store
from tests.cli_helpers import copy_corpus, error_lines, run_cli, table_counts

N_DOCS = 5
# Runs compared record for record share one hash seed, so they test what they claim (the
# store, the CLI, the workers) and not whether every stage is free of set-order effects.
SEED = {"PYTHONHASHSEED": "0"}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """One ingest of a folder plus a missing input."""
    root = tmp_path_factory.mktemp("ingest")
    files = copy_corpus(root / "articles", N_DOCS)
    db = root / "store.db"
    missing = root / "no-such-article.txt"
    result = run_cli("ingest", str(root / "articles"), str(missing), "--db", str(db), env=SEED)
    return root, files, db, missing, result


def test_bad_input_is_one_line_and_the_rest_is_stored(ingested):
    _root, files, db, missing, result = ingested
    assert result.returncode == 1, result.stderr
    errors = error_lines(result.stderr)
    assert len(errors) == 1, result.stderr
    assert str(missing) in errors[0]
    store = Store(db)
    refs = {r["ref"] for r in store.iter_rows("documents")}
    assert len(refs) == N_DOCS
    assert all(any(ref.endswith(f.name) for ref in refs) for f in files)
    assert store.check_integrity() == []
    assert "new documents stored" in result.stderr
    # The actor dictionary is stored, and covers every actor id an event names.
    actors = {r["actor_id"] for r in store.iter_rows("actors")}
    assert len(actors) > 50
    named = {r[f"{role}_id"] for r in store.iter_rows("events") for role in ("actor", "recipient")}
    assert named - {None} <= actors


def test_summary_counts_match_the_store(ingested):
    _root, _files, db, _missing, result = ingested
    counts = table_counts(db)
    summary = {}
    for line in result.stderr.splitlines():
        cells = [c.strip() for c in line.strip("│ ").split("│")]
        if len(cells) == 2 and cells[1].isdigit():
            summary[cells[0]] = int(cells[1])
    assert summary["new documents stored"] == counts["documents"] == N_DOCS
    assert summary["events"] == counts["events"]
    assert summary["attributions"] == counts["attributions"]
    assert summary["places"] == counts["places"]
    assert summary["failed inputs"] == 1


def test_rerun_stores_nothing_new(ingested):
    root, _files, db, _missing, _result = ingested
    before = table_counts(db)
    again = run_cli("ingest", str(root / "articles"), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert table_counts(db) == before
    assert error_lines(again.stderr) == []


def test_stored_records_equal_extract_output(ingested):
    """The store gives back exactly the records `claimbase extract` prints."""
    root, _files, db, _missing, _result = ingested
    out = run_cli("extract", str(root / "articles"), env=SEED)
    assert out.returncode == 0, out.stderr
    printed = sorted((json.loads(line) for line in out.stdout.splitlines()),
                     key=lambda r: r["event_id"])
    stored = sorted(Store(db).iter_event_records(), key=lambda r: r["event_id"])
    assert printed == stored


def test_two_workers_give_the_same_store(tmp_path, ingested):
    root, _files, db, _missing, _result = ingested
    db2 = tmp_path / "workers.db"
    result = run_cli("ingest", str(root / "articles"), "--db", str(db2), "--workers", "2",
                     env=SEED)
    assert result.returncode == 0, result.stderr
    one, two = Store(db), Store(db2)
    assert table_counts(db) == table_counts(db2)
    key = lambda r: r["event_id"]  # noqa: E731
    assert sorted(one.iter_event_records(), key=key) == sorted(two.iter_event_records(),
                                                                key=key)
    for table in ("attributions", "places"):
        assert list(one.iter_rows(table)) == list(two.iter_rows(table))
    versions = lambda s: {r["doc_id"]: r["version"] for r in s.iter_rows("documents")}  # noqa: E731
    assert versions(one) == versions(two)


def test_unusable_store_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_cli("ingest", str(tmp_path), "--db", str(blocker / "sub" / "x.db"))
    assert result.returncode == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and "--db" in errors[0], result.stderr
