"""Date expressions: normalisation against a reference date, reference date, event dates."""

from __future__ import annotations

import json
from datetime import date

import pytest

from claimbase.record import DocMeta, Document
from claimbase.timex.dates import date_for, find_dates, normalise
from claimbase.timex.reference import parse_date, set_reference_date
from tests.conftest import shared_path
from tests.geo_helpers import geo_pipeline

REF = date(2019, 2, 12)  # a Tuesday


@pytest.fixture(scope="session")
def pipeline_geo(resources):
    return geo_pipeline(resources)


def one(text: str, ref: date | None = REF) -> tuple:
    found = normalise(text, ref)
    assert found, f"no date found in {text!r}"
    d = found[0]
    return d.text, d.value_start, d.value_end, d.precision


@pytest.mark.parametrize("text,expected", [
    ("Troops entered the town on February 9.", ("on February 9", "2019-02-09", "2019-02-09", "day")),
    ("It happened on February 9, 2018 at dawn.", ("on February 9, 2018", "2018-02-09", "2018-02-09", "day")),
    ("Shelling resumed 9 Feb near the dam.", ("9 Feb", "2019-02-09", "2019-02-09", "day")),
    ("Talks resumed on Sunday.", ("on Sunday", "2019-02-10", "2019-02-10", "day")),
    ("Talks resumed on Tuesday.", ("on Tuesday", "2019-02-12", "2019-02-12", "day")),
    ("The convoy was hit yesterday.", ("yesterday", "2019-02-11", "2019-02-11", "day")),
    ("Last week, the army advanced.", ("Last week", "2019-02-04", "2019-02-10", "week")),
    ("Raids continued during the past few days.", ("during the past few days", "2019-02-05", "2019-02-12", "week")),
    ("Two raids were reported over the weekend.", ("over the weekend", "2019-02-09", "2019-02-10", "week")),
    ("Fighting flared earlier this month.", ("earlier this month", "2019-02-01", "2019-02-12", "month")),
    ("Prices rose last month.", ("last month", "2019-01-01", "2019-01-31", "month")),
    ("The town fell in October 2017.", ("in October 2017", "2017-10-01", "2017-10-31", "month")),
    ("The group lost its base last March.", ("last March", "2018-03-01", "2018-03-31", "month")),
    ("The bridge was destroyed in October.", ("in October", "2018-10-01", "2018-10-31", "month")),
    ("The bridge was destroyed in January.", ("in January", "2019-01-01", "2019-01-31", "month")),
    ("Elections will be held in October.", ("in October", "2019-10-01", "2019-10-31", "month")),
    ("The ceasefire collapsed last year.", ("last year", "2018-01-01", "2018-12-31", "year")),
    ("The uprising began in 2012.", ("in 2012", "2012-01-01", "2012-12-31", "year")),
    ("The base was built more than two years ago.", ("more than two years ago", None, "2017-02-12", "year")),
    ("The siege has lasted for over a month.", ("for over a month", None, "2019-02-12", "month")),
    ("Recent clashes killed four.", ("Recent", "2019-02-01", "2019-02-12", "month")),
    ("A deal may follow in the near future.", ("in the near future", "2019-02-12", None, "unknown")),
    ("The raid took place on February 6th and 7th.", ("on February 6th and 7th", "2019-02-06", "2019-02-07", "day")),
    ("He was killed two days ago.", ("two days ago", "2019-02-10", "2019-02-10", "day")),
])
def test_normalise(text, expected):
    assert one(text) == expected


def test_relative_dates_without_reference_stay_unresolved():
    assert one("Last week, the army advanced.", None) == ("Last week", None, None, "unknown")
    assert one("It fell in October 2017.", None)[1:] == ("2017-10-01", "2017-10-31", "month")


@pytest.mark.parametrize("text", [
    "He may go home.", "Troops march on.", "The 2,015 displaced people.", "Route 2019 was cut.",
])
def test_no_false_dates(text):
    assert normalise(text, REF) == []


def test_reference_date_from_metadata_then_text(resources):
    doc = Document(text="Posted March 3, 2018. On Monday a raid hit the town.", ref="t",
                   meta=DocMeta(published="2019-02-12"))
    set_reference_date(doc, resources)
    assert doc.reference_date == date(2019, 2, 12)
    doc = Document(text="Posted March 3, 2018. Updated March 5, 2018. A raid hit the town.",
                   ref="t")
    set_reference_date(doc, resources)
    assert doc.reference_date == date(2018, 3, 5)
    future = Document(text="The plan ends on January 1, 2999.", ref="t")
    set_reference_date(future, resources)
    assert future.reference_date is None
    assert parse_date("12 February 2019") == date(2019, 2, 12)
    assert parse_date("not a date") is None


def _dated_doc(nlp, text: str, ref: date) -> Document:
    doc = Document(text=text, ref="t")
    doc.reference_date = ref
    doc.spacy_doc = nlp(doc.analysis_text)
    find_dates(doc, None)
    return doc


def test_date_for_prefers_the_sentence_then_carries_within_the_paragraph(resources):
    text = ("Last week, gunmen attacked a checkpoint. They killed two guards.\n"
            "The army said the area is calm. Negotiations began in 2015.")
    doc = _dated_doc(resources.nlp, text, REF)
    second = text.index("They killed")
    carried = date_for(doc, second, text.index(".", second) + 1, second + 5)
    assert carried is not None and carried.text == "Last week"
    third = text.index("The army")
    assert date_for(doc, third, text.index(".", third) + 1, third + 9) is None
    fourth = text.index("Negotiations")
    own = date_for(doc, fourth, len(text), fourth)
    assert own.text == "in 2015" and own.precision == "year"


def test_seed_dates_match_gold(pipeline_geo):
    """Dated seeds: the gold date expressions we are expected to normalise come out right."""
    seeds = shared_path("seeds")
    gold_dir = shared_path("gold", "seeds")
    checked = matched = 0
    for path in sorted(seeds.glob("*.txt")):
        doc = pipeline_geo(path)
        if doc.reference_date is None:
            continue  # undated seeds: the annotators inferred a reference date by hand
        for line in (gold_dir / f"{path.stem}.events.jsonl").open(encoding="utf-8"):
            gold = json.loads(line)["date"]
            if not gold["text"] or gold["precision"] == "unknown" and gold["start"] is None:
                continue
            checked += 1
            matched += any(
                gold["text"].lower() in (d.text or "").lower()
                and (d.value_start, d.value_end) == (gold["start"], gold["end"])
                for d in doc.dates)
    assert checked >= 20
    assert matched / checked >= 0.7, f"{matched}/{checked} gold dates normalised"
