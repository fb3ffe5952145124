"""Eval gate for linking: scores on shared data must stay above the pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimbase.eval.linking import (
    ged_reports,
    ged_sources,
    pairwise,
    repost_set,
    score_reposts,
)
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


def test_ged_sources_are_whole_distinct_articles():
    row = {"source_article": '"Monitor A,2017-05-02,Shelling on &#8220;the old town&#8221; '
                             'continues";"Wire B,2017-05-03,Two killed, five hurt";'
                             '"Monitor A,2017-05-02,Shelling on &#8220;the old town&#8221; '
                             'continues"'}
    assert ged_sources(row) == [
        ("Monitor A", "2017-05-02", "Shelling on \u201cthe old town\u201d continues"),
        ("Wire B", "2017-05-03", "Two killed, five hurt"),
    ]


def test_ucdp_report_records_carry_no_gold_identity():
    path = shared_path("data", "ucdp", "ged_syria_2016_2019.csv")
    events, gold = ged_reports(path, limit=300)
    ged_ids = set(gold.values())
    assert not any(e.event_id.split("/")[0] in ged_ids or e.doc_id in ged_ids for e in events)
    assert all(e.killed is None for e in events)  # GED's best is no single report's figure


@pytest.mark.parametrize("years,suffix", [(None, ""), ((2018, 2019), "_heldout")])
def test_event_clustering_on_the_ucdp_linking_set(years, suffix):
    from claimbase.link.clusters import EventIndex, cluster_events

    events, gold = ged_reports(shared_path("data", "ucdp", "ged_syria_2016_2019.csv"),
                               years=years)
    index = EventIndex()
    scores = pairwise(cluster_events(events, index), gold)
    assert scores.precision >= FLOORS[f"ucdp{suffix}_clustering_precision"], scores
    assert scores.recall >= FLOORS[f"ucdp{suffix}_clustering_recall"], scores
    assert scores.f1 >= FLOORS[f"ucdp{suffix}_clustering_f1"], scores
    assert index.comparisons < 50 * len(events)  # blocking, not all pairs


def test_year_ranges_for_the_held_out_split():
    import typer

    from claimbase.eval.linking import _year_range

    assert _year_range("2018-2019") == (2018, 2019)
    assert _year_range("2017") == (2017, 2017)
    assert _year_range(None) is None
    with pytest.raises(typer.BadParameter, match="--years 'late'"):
        _year_range("late")
