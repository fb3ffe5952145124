"""Re-ingesting is free and adds nothing; a changed text is a new version."""

from __future__ import annotations

import shutil

from claimbase.config import Settings
from claimbase.ingest.readers import read_inputs
from claimbase.record import Document
from claimbase.store import Store, runner
from claimbase.store.ingest import IngestReport, ingest_documents, select_new
from tests.cli_helpers import copy_corpus


def _ingest(store: Store, path, pipeline=None) -> IngestReport:
    """The library path `claimbase ingest` takes: read, skip known texts, process, save."""
    report = IngestReport()
    docs = [d for d in read_inputs([str(path)], Settings()) if isinstance(d, Document)]
    todo = select_new(store, docs, report)
    ingest_documents(store, todo, Settings(), report=report, pipeline=pipeline)
    return report


def test_second_run_adds_nothing_and_runs_no_nlp(tmp_path, pipeline):
    files = copy_corpus(tmp_path / "in", 3)
    shutil.copyfile(files[0], tmp_path / "in" / "same-text-other-name.txt")
    store = Store(tmp_path / "s.db")

    first = _ingest(store, tmp_path / "in", pipeline)
    assert first.documents == 4 and first.stored == 3 and first.duplicates == 1
    counts = store.counts()
    assert counts["documents"] == 3
    with store.engine.connect() as conn:  # the run left planner statistics and a search index
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'events'").scalar() > 0
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM events_fts").scalar() == counts["events"]

    runner._PIPELINES.clear()  # the per-process model cache: a run with NLP fills it
    second = _ingest(store, tmp_path / "in")
    assert second.stored == 0 and second.already_stored == 4
    assert runner._PIPELINES == {}, "known texts must be skipped before any model loads"
    assert store.counts() == counts


def test_changed_text_is_stored_as_next_version(tmp_path, pipeline):
    (path,) = copy_corpus(tmp_path / "in", 1)
    store = Store(tmp_path / "s.db")
    _ingest(store, tmp_path / "in", pipeline)
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "\nCorrection: an earlier version misspelt a name.\n",
                    encoding="utf-8")
    report = _ingest(store, tmp_path / "in", pipeline)
    assert report.stored == 1
    docs = sorted(store.iter_rows("documents"), key=lambda r: r["version"])
    assert [d["version"] for d in docs] == [1, 2]
    assert docs[0]["ref"] == docs[1]["ref"]
    assert docs[0]["doc_id"] != docs[1]["doc_id"]
    # Both versions keep their own events.
    for doc in docs:
        assert len(list(store.iter_rows("events", doc_id=doc["doc_id"]))) == doc["n_events"]
    assert store.check_integrity() == []
