"""Eval gate for events: seed gold scores and PLOVER GSR agreement stay above their floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimbase.eval.events import evaluate_events, evaluate_plover, match_events
from tests.conftest import shared_path

FLOORS = json.loads((Path(__file__).parent / "floors" / "events.json").read_text())


@pytest.fixture(scope="module")
def seed_scores(pipeline):
    gold = shared_path("gold", "seeds")
    shared_path("seeds")
    scores, _results = evaluate_events(gold, pipeline=pipeline)
    return scores


def test_seed_event_f1_above_floor(seed_scores):
    floors = FLOORS["seeds"]
    assert seed_scores["events"]["f1"] >= floors["event_f1"], seed_scores["events"]
    assert seed_scores["events"]["precision"] >= floors["event_precision"]
    assert seed_scores["events"]["recall"] >= floors["event_recall"]
    assert seed_scores["events_lenient"]["f1"] >= floors["event_f1_lenient"]


@pytest.mark.parametrize("field", ["actor", "recipient", "location", "date", "quantities",
                                   "source_kind", "modality", "stance", "acled"])
def test_seed_field_accuracy_above_floor(seed_scores, field):
    assert seed_scores["fields"][field] >= FLOORS["seeds"]["fields"][field], \
        (field, seed_scores["fields"][field])


def test_seed_attribution_span_f1_above_floor(seed_scores):
    assert seed_scores["attribution_source_span"]["f1"] >= \
        FLOORS["seeds"]["attribution_source_span_f1"]


def test_plover_gsr_agreement_above_floor(pipeline):
    path = shared_path("data", "events", "plover_gsr.jsonl")
    scores = evaluate_plover(path, pipeline=pipeline)
    assert scores["sentences"] > 300
    assert scores["gold_type_among_predicted"] >= FLOORS["plover"]["gold_type_among_predicted"]
    assert scores["first_type_precision"] >= FLOORS["plover"]["first_type_precision"]
    # actor / recipient agreement with the gold source / target spans
    assert scores["role_sentences"]["actor"] > 200
    assert scores["actor_agreement"] >= FLOORS["plover"]["actor_agreement"]
    assert scores["recipient_agreement"] >= FLOORS["plover"]["recipient_agreement"]


def _rec(start, end, t_start, t_end, event_type, alt=()):
    return {"sentence": {"start": start, "end": end},
            "trigger": {"start": t_start, "end": t_end},
            "event_type": event_type, "alt_event_types": list(alt)}


def test_matching_is_one_to_one_by_trigger_overlap():
    gold = [_rec(0, 50, 5, 10, "ASSAULT"), _rec(0, 50, 30, 36, "ASSAULT"),
            _rec(60, 90, 70, 75, "AID", alt=["SUPPORT"])]
    pred = [_rec(0, 50, 31, 35, "ASSAULT"), _rec(0, 50, 6, 9, "ASSAULT"),
            _rec(0, 50, 40, 44, "ASSAULT"), _rec(60, 90, 70, 75, "SUPPORT")]
    strict = match_events(gold, pred)
    assert {(m.gold["trigger"]["start"], m.pred["trigger"]["start"]) for m in strict} == \
        {(5, 6), (30, 31)}
    lenient = match_events(gold, pred, lenient=True)
    assert len(lenient) == 3


def test_bad_gold_dir_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="no <stem>.events.jsonl"):
        evaluate_events(tmp_path)
