"""The demo corpus, ingested and linked: clusters, tolls, contradictions and re-posts
against the hand-made labels in examples/corpus_labels.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimbase.config import Settings
from claimbase.eval.linking import score_demo
from claimbase.ingest.readers import read_inputs
from claimbase.link.run import link_store
from claimbase.record import Document
from claimbase.store import Store
from tests.conftest import CORPUS, ROOT

LABELS = json.loads((ROOT / "examples" / "corpus_labels.json").read_text(encoding="utf-8"))
FLOORS = json.loads((Path(__file__).parent / "floors" / "linking.json").read_text())


@pytest.fixture(scope="module")
def linked(tmp_path_factory, pipeline):
    store = Store(tmp_path_factory.mktemp("demo") / "demo.db")
    docs = [d for d in read_inputs([str(CORPUS)], Settings()) if isinstance(d, Document)]
    assert len(docs) >= 24
    for doc in pipeline.run(docs):
        store.save(doc)
    link_store(store)
    yield store
    store.close()


def _docs(store: Store) -> dict[str, str]:
    return {d["ref"].rsplit("/", 1)[-1]: d["doc_id"] for d in store.iter_rows("documents")}


def test_two_reports_of_one_clash_with_different_tolls(linked):
    docs = _docs(linked)
    gold = next(e for e in LABELS["same_event"] if len(set(e.get("tolls", {}).values())) > 1
                and e["event_type"] == "ASSAULT" and len(e["files"]) >= 3)
    clash_docs = {docs[f] for f in gold["files"] if f in docs}
    figures: dict[str, dict[str, int]] = {}  # cluster -> doc -> killed figure
    for rec in linked.iter_event_records():
        for q in rec["quantities"]:
            if q["kind"] == "killed" and q["best"] and rec["doc_id"] in clash_docs:
                figures.setdefault(rec["cluster_id"], {})[rec["doc_id"]] = q["best"]
    hit = [(cid, f) for cid, f in figures.items() if len(set(f.values())) >= 2]
    assert hit, "no cluster joins two reports of the labelled clash with their tolls"
    cid, by_doc = hit[0]
    cluster = next(linked.iter_rows("clusters", cluster_id=cid))
    assert set(by_doc.values()) <= set(gold["tolls"].values())
    assert cluster["fatalities_low"] == min(by_doc.values())
    assert cluster["fatalities_high"] == max(by_doc.values())
    assert cluster["fatalities_low"] <= cluster["fatalities_best"] <= cluster["fatalities_high"]
    kinds = {(k["kind"], k["cluster_id"]) for k in linked.iter_rows("contradictions")}
    assert ("casualties", cid) in kinds


def test_a_repost_counts_as_one_outlet(linked):
    docs = _docs(linked)
    copies = {docs[f] for pair in LABELS["reposts"] for f in pair}
    members = {}
    for rec in linked.iter_event_records():
        members.setdefault(rec["cluster_id"], set()).add(rec["doc_id"])
    shared = [c for c in linked.iter_rows("clusters")
              if len(members[c["cluster_id"]] & copies) >= 2]
    assert shared
    for c in shared:
        assert c["independent_sources"] < c["documents"]


def test_demo_linking_scores_stay_above_their_floors(linked):
    scores = score_demo(linked, LABELS)
    assert scores["unmatched_labels"] == []
    assert scores["clusters"]["precision"] >= FLOORS["demo_cluster_precision"], scores
    assert scores["clusters"]["recall"] >= FLOORS["demo_cluster_recall"], scores
    assert scores["reposts"]["precision"] >= FLOORS["demo_repost_precision"], scores
    assert scores["reposts"]["recall"] >= FLOORS["demo_repost_recall"], scores
