"""Eval gate for linking: scores on shared data must stay above the pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimbase.eval.linking import ged_reports, pairwise, repost_set, score_reposts
from tests.conftest import shared_path

FLOORS = json.loads((Path(__file__).parent / "floors" / "linking.json").read_text())


def test_pairwise_scores_count_pairs():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    perfect = pairwise(dict(gold), gold)
    assert (perfect.precision, perfect.recall, perfect.tp) == (1.0, 1.0, 2)
    merged = pairwise({k: "x" for k in gold}, gold)
    assert merged.recall == 1.0 and merged.precision == pytest.approx(2 / 6)


def test_repost_detection_on_edited_copies_of_real_articles():
    docs, gold = repost_set(shared_path("data", "corpora", "guardian_sdf.jsonl"), copies=80)
    assert len(docs) > 249
    scores = score_reposts(docs, gold)
    assert scores.precision >= FLOORS["reposts_guardian_precision"], scores
    assert scores.recall >= FLOORS["reposts_guardian_recall"], scores


def test_event_clustering_on_the_ucdp_linking_set():
    from claimbase.link.clusters import EventIndex, cluster_events

    events, gold = ged_reports(shared_path("data", "ucdp", "ged_syria_2016_2019.csv"))
    index = EventIndex()
    scores = pairwise(cluster_events(events, index), gold)
    assert scores.precision >= FLOORS["ucdp_clustering_precision"], scores
    assert scores.recall >= FLOORS["ucdp_clustering_recall"], scores
    assert scores.f1 >= FLOORS["ucdp_clustering_f1"], scores
    assert index.comparisons < 50 * len(events)  # blocking, not all pairs
