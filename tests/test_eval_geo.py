"""Eval gate for places and dates: geoparsing (LGL, TR-News), UCDP headlines and the seeds
stay above the floors pinned in tests/floors/geo.json (deterministic subsets: the first N
records of each file, so the gate runs in about a minute)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimbase.config import Settings
from claimbase.eval.places import score_places, score_ucdp
from claimbase.geo import build as builder
from claimbase.pipeline import Resources
from tests.conftest import shared_path

FLOORS = json.loads((Path(__file__).parent / "floors" / "geo.json").read_text())


def _check(scores: dict, floors: dict) -> None:
    low = {k: (scores[k], v) for k, v in floors.items() if scores[k] < v}
    assert not low, f"below floor (score, floor): {low}"


@pytest.mark.parametrize("corpus", ["lgl", "trnews"])
def test_geoparsing_floors(resources, corpus):
    floors = FLOORS[corpus]
    path = shared_path("data", "geo", f"{corpus}.jsonl")
    scores = score_places(path, limit=floors["limit"], res=resources)
    _check(scores, {k: v for k, v in floors.items() if k != "limit"})


@pytest.fixture(scope="module")
def resources_with_import(resources, tmp_path_factory):
    """The built-in index plus the shared Syria/Iraq import, in a private copy."""
    dump = shared_path("data", "geo", "gazetteer_sy_iq.tsv")
    target = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    shutil.copy(resources.gazetteer.path, target)
    builder.import_dump(target, dump)
    return Resources(settings=Settings(gazetteer_path=target))


def test_ucdp_floors(resources_with_import):
    floors = FLOORS["ucdp"]
    path = shared_path("data", "ucdp", "headlines.jsonl")
    scores = score_ucdp(path, limit=floors["limit"], res=resources_with_import)
    _check(scores, {k: v for k, v in floors.items() if k != "limit"})


def test_eval_cli_prints_json(tmp_path):
    sample = tmp_path / "tiny.jsonl"
    text = "Flooding hit Springfield, Ill., and farms in Iowa."
    tops = [{"start": 13, "end": 24, "text": "Springfield", "lat": 39.80, "lon": -89.64},
            {"start": 45, "end": 49, "text": "Iowa", "lat": 42.0, "lon": -93.5}]
    sample.write_text(json.dumps({"id": "1", "text": text, "toponyms": tops}) + "\n",
                      encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "claimbase", "eval", "places", str(sample),
                          "--json", "--limit", "1"], capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    assert scores["gold_toponyms"] == 2 and scores["recall"] == 1.0
    assert scores["accuracy_161km"] == 1.0
    bad = subprocess.run([sys.executable, "-m", "claimbase", "eval", "ucdp",
                          str(tmp_path / "missing.jsonl")], capture_output=True, text=True)
    assert bad.returncode != 0 and "missing.jsonl" in bad.stderr


def test_seed_event_location_floor():
    """Event locations (`place_for` through the full pipeline) on the seed gold events."""
    from claimbase.eval.events import evaluate_events

    gold = shared_path("gold", "seeds")
    scores, _results = evaluate_events(gold, shared_path("seeds"))
    floor = FLOORS["seed_events"]["location"]
    assert scores["fields"]["location"] >= floor, (scores["fields"]["location"], floor)


def test_eval_places_focus_hint(tmp_path):
    """`--focus` names the country a corpus is about; a namesake there wins."""
    sample = tmp_path / "focus.jsonl"
    text = "Three people were wounded in Sinjar."  # Iraq's Sinjar, unless about Syria
    tops = [{"start": 29, "end": 35, "text": "Sinjar", "lat": 35.59, "lon": 37.00}]
    sample.write_text(json.dumps({"id": "1", "text": text, "toponyms": tops}) + "\n",
                      encoding="utf-8")
    args = [sys.executable, "-m", "claimbase", "eval", "places", str(sample), "--json"]
    plain = json.loads(subprocess.run(args, capture_output=True, text=True,
                                      check=True).stdout)
    hinted = json.loads(subprocess.run([*args, "--focus", "SYR"], capture_output=True,
                                       text=True, check=True).stdout)
    assert plain["recall"] == hinted["recall"] == 1.0
    assert hinted["accuracy_161km"] == 1.0 > plain["accuracy_161km"]


def test_eval_places_counts_gold_demonyms(tmp_path):
    """Gold demonyms ("Russian") are counted wrong in `accuracy_161km`, since claimbase never
    outputs a people's name as a place; `accuracy_161km_place_names` scores the rest, and a
    country's abbreviation used as an adjective ("U.S. officials") stays a place name."""
    sample = tmp_path / "demonyms.jsonl"
    text = "Russian jets struck Aleppo, U.S. officials said."
    tops = [{"start": 0, "end": 7, "text": "Russian", "lat": 60.0, "lon": 100.0},
            {"start": 20, "end": 26, "text": "Aleppo", "lat": 36.20, "lon": 37.16},
            {"start": 28, "end": 32, "text": "U.S.", "lat": 39.76, "lon": -98.5}]
    sample.write_text(json.dumps({"id": "1", "text": text, "toponyms": tops}) + "\n",
                      encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "claimbase", "eval", "places", str(sample),
                          "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    assert scores["gold_demonyms"] == 1
    assert scores["accuracy_161km"] == round(2 / 3, 4)
    assert scores["accuracy_161km_place_names"] == 1.0
