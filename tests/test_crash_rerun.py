"""Kill `claimbase ingest` with SIGKILL mid-run, run it again: no duplicates, no half-written
document, and the same store as one clean run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from claimbase.store import Store
from tests.cli_helpers import corpus_files, run_cli, table_counts
from tests.conftest import ROOT

COPIES = 3  # variants of each example article, so the run is long enough to interrupt
SEED = {"PYTHONHASHSEED": "0"}  # every run alike, so the stores compare record for record


def _make_inputs(folder: Path) -> int:
    """Many distinct documents: each example article, plus variants with one more line."""
    folder.mkdir()
    n = 0
    for path in corpus_files(6, suffixes=(".txt",)):
        text = path.read_text(encoding="utf-8")
        for copy in range(COPIES):
            extra = f"\n\nUpdate {copy}: this article was revised.\n" if copy else ""
            (folder / f"{path.stem}-{copy}.txt").write_text(text + extra, encoding="utf-8")
            n += 1
    return n


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet, or being migrated
        return 0


def _start_and_kill(folder: Path, db: Path, after: int) -> int:
    """Start an ingest, SIGKILL it once `after` documents are stored; the count at the kill."""
    proc = subprocess.Popen([sys.executable, "-m", "claimbase", "ingest", str(folder),
                             "--db", str(db)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={**os.environ, **SEED})
    deadline = time.monotonic() + 600
    try:
        while _stored(db) < after:
            assert proc.poll() is None, "ingest ended before it could be interrupted"
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    return _stored(db)


def _snapshot(db: Path) -> tuple[set, set, set]:
    store = Store(db)
    docs = {(r["doc_id"], r["ref"], r["version"]) for r in store.iter_rows("documents")}
    events = {r["event_id"] for r in store.iter_rows("events")}
    places = {r["place_id"] for r in store.iter_rows("places")}
    store.close()
    return docs, events, places


def test_kill_and_rerun_equals_a_clean_run(tmp_path):
    folder = tmp_path / "articles"
    total = _make_inputs(folder)
    db = tmp_path / "killed.db"

    at_kill = _start_and_kill(folder, db, after=3)
    assert 3 <= at_kill < total
    # Nothing half-written: every stored document has exactly the rows it wrote.
    store = Store(db)
    assert store.check_integrity() == []
    assert store.counts()["documents"] == at_kill
    store.close()

    # A second interruption, then a run to the end.
    if at_kill + 3 < total:
        _start_and_kill(folder, db, after=at_kill + 3)
    rerun = run_cli("ingest", str(folder), "--db", str(db), env=SEED)
    assert rerun.returncode == 0, rerun.stderr

    clean_db = tmp_path / "clean.db"
    clean = run_cli("ingest", str(folder), "--db", str(clean_db), env=SEED)
    assert clean.returncode == 0, clean.stderr

    assert table_counts(db) == table_counts(clean_db)
    assert table_counts(db)["documents"] == total
    assert _snapshot(db) == _snapshot(clean_db)
    assert Store(db).check_integrity() == []
