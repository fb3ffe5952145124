"""Gate: attribution quality must not drop below tests/floors/attribution.json.

Also checks the span scorer on hand-made spans.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimbase.eval.attribution import Report, SpanScore, _match, score_records
from tests.conftest import shared_path

FLOORS = json.loads((Path(__file__).parent / "floors" / "attribution.json").read_text())


def test_span_matching_is_one_to_one():
    assert _match([(0, 10)], [(5, 12), (8, 9)], exact=False) == 1
    assert _match([(0, 10), (20, 30)], [(0, 10), (25, 26)], exact=True) == 1
    score = SpanScore()
    score.add([(0, 10), (20, 30)], [(0, 10), (40, 50)])
    assert score.prf() == {"p": 0.5, "r": 0.5, "f1": 0.5}


def test_record_accuracy_counts_matched_records_only():
    gold = [{"source": {"start": 0, "end": 3, "kind": "media"}, "cue": {"start": 4, "end": 8},
             "content": {"start": 9, "end": 30}, "modality": "asserted",
             "author_stance": "neutral"}]
    pred = [{"source": {"start": 0, "end": 3, "kind": "organization"},
             "cue": {"start": 4, "end": 8}, "content": {"start": 12, "end": 30},
             "modality": "asserted", "author_stance": "neutral"},
            {"source": None, "cue": {"start": 40, "end": 42},
             "content": {"start": 50, "end": 60}}]
    report = Report()
    score_records(report, gold, pred)
    out = report.as_dict()
    assert out["matched_records"] == 1
    assert out["source_kind_accuracy"] == 0.0 and out["modality_accuracy"] == 1.0
    assert out["cue"]["p"] == 0.5 and out["cue"]["r"] == 1.0


@pytest.fixture(scope="module")
def seed_scores():
    from claimbase.eval.attribution import evaluate_seeds

    return evaluate_seeds(shared_path("gold", "seeds"), shared_path("seeds"))


@pytest.mark.slow
@pytest.mark.parametrize("metric", sorted(FLOORS["seeds"]))
def test_seed_floor(seed_scores, metric):
    assert _get(seed_scores, metric) >= FLOORS["seeds"][metric], (metric, seed_scores)


@pytest.fixture(scope="module")
def polnear_scores():
    from claimbase.eval.attribution import evaluate_polnear

    return evaluate_polnear(shared_path("data", "attribution", "polnear_dev.jsonl"))


@pytest.mark.slow
@pytest.mark.parametrize("metric", sorted(FLOORS["polnear_dev"]))
def test_polnear_floor(polnear_scores, metric):
    assert _get(polnear_scores, metric) >= FLOORS["polnear_dev"][metric], (metric,
                                                                          polnear_scores)


def _get(scores: dict, dotted: str) -> float:
    node = scores
    for part in dotted.split("."):
        node = node[part]
    return float(node)


def test_seed_scheme_scores_statements_only():
    from claimbase.extract.attribution import keep_statements
    from claimbase.record import Attribution, Document

    doc = Document(text="x", ref="<test>")
    doc.attributions = [Attribution("person", None, None, None, None, None, None, 0, 1,
                                    cue_class=cls)
                        for cls in ("report", "intention", "belief", "other", None)]
    keep_statements(doc, None)  # what `eval attribution` does without --all-classes
    assert [a.cue_class for a in doc.attributions] == ["report", "belief", None]
