"""Which date expression an event takes in long sentences (claimbase.timex.dates.date_for).

Sentences are our own; each checks one attachment rule against the parser's real output.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimbase.record import Document
from claimbase.timex.dates import date_for, find_dates
from tests.conftest import shared_path

REF = date(2019, 2, 12)  # a Tuesday
FLOOR = json.loads((Path(__file__).parent / "floors" / "events.json").read_text())[
    "seeds"]["date_gold_reference_dates"]


@pytest.fixture(scope="module")
def dated(resources):
    def make(text: str, ref: date = REF) -> Document:
        doc = Document(text=text, ref="t")
        doc.reference_date = ref
        doc.spacy_doc = resources.nlp(doc.analysis_text)
        find_dates(doc, None)
        return doc

    return make


def value(doc: Document, word: str, nth: int = 0) -> tuple | None:
    """(text, start, end, precision) of the date the event word `word` takes, or None."""
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.index(word, pos + 1)
    sent = next(s for s in doc.spacy_doc.sents if s.start_char <= pos < s.end_char)
    dm = date_for(doc, sent.start_char, sent.end_char, pos)
    return None if dm is None else (dm.text, dm.value_start, dm.value_end, dm.precision)


def test_date_on_a_noun_leaves_the_events_named_inside_it(dated):
    doc = dated("A recent deployment of troops near the border amid the ongoing offensive "
                "worried officials.")
    assert value(doc, "deployment") == ("recent", "2019-02-01", "2019-02-12", "month")
    assert value(doc, "offensive") is None
    assert value(doc, "worried") is None


def test_possessive_date_does_not_reach_a_relative_clause_below(dated):
    doc = dated("Yesterday's raid on the commanders who had led the defence of the city "
                "angered the tribe.")
    assert value(doc, "raid")[1:3] == ("2019-02-11", "2019-02-11")
    assert value(doc, "led") is None
    assert value(doc, "defence") is None


def test_bare_time_phrase_on_an_object_dates_the_verb(dated):
    """"last April" hung on the object noun still dates "losing"; the "since" phrase starts
    the main event, open-ended."""
    doc = dated("The rebels have regrouped since losing their stronghold in the valley "
                "last April.")
    assert value(doc, "losing") == ("last April", "2018-04-01", "2018-04-30", "month")
    assert value(doc, "regrouped")[1:] == ("2018-04-01", None, "month")


def test_since_clause_dates_the_noun_its_relative_clause_is_on(dated):
    doc = dated("The losses the army has suffered since the rebels took the hill in May are "
                "heavy.")
    assert value(doc, "took")[1:3] == ("2018-05-01", "2018-05-31")
    assert value(doc, "losses")[1:3] == ("2018-05-01", None)


@pytest.mark.parametrize("text,event,clause", [
    ("Residents mourned the massacre of ten guards who were protecting the dam a couple of "
     "days ago.", "massacre", "protecting"),
    ("The killing of policemen who were escorting a convoy two days ago and the bombing of a "
     "bridge are the latest attacks.", "killing", "escorting"),
])
def test_date_closing_a_progressive_relative_clause_dates_the_noun_phrase(dated, text,
                                                                           event, clause):
    doc = dated(text)
    assert value(doc, event) is not None
    assert value(doc, clause) is None


def test_months_after_dates_its_complement_not_the_main_clause(dated):
    doc = dated("Months after losing the city and the death of its commander, the militia is "
                "still launching raids.")
    assert value(doc, "losing") == ("Months after", "2018-01-01", "2018-12-31", "year")
    assert value(doc, "death") == ("Months after", "2018-01-01", "2018-12-31", "year")
    assert value(doc, "launching") is None


def test_coordinated_participle_shares_the_date_but_not_the_purpose(dated):
    doc = dated("The ceasefire was part of the deal reached between the parties last year and "
                "endorsed by the council to keep the peace.")
    assert value(doc, "reached")[1:3] == ("2018-01-01", "2018-12-31")
    assert value(doc, "endorsed")[1:3] == ("2018-01-01", "2018-12-31")
    assert value(doc, "keep") is None


def test_when_clause_after_a_dated_noun_shares_its_date(dated):
    doc = dated("It was not until the 2016 offensive when government jets bombed the bridges "
                "that the siege ended.")
    assert value(doc, "bombed")[1:3] == ("2016-01-01", "2016-12-31")


@pytest.mark.parametrize("text,first", [
    ("Officials praised the fighters it had recruited, trained, armed and funded throughout "
     "the eight-year war.", "recruited"),
    ("The militia had armed, trained, sheltered and paid the fighters throughout the six-year "
     "war until the deal.", "armed"),
])
def test_series_of_verbs_shares_a_closing_date(dated, text, first):
    doc = dated(text)
    got = value(doc, first)
    assert got is not None and got[3] == "year" and got[2] == "2019-02-12"


def test_recent_past_just(dated):
    doc = dated("The army just dropped leaflets over the town urging residents to leave.")
    assert value(doc, "dropped") == ("just", "2019-02-01", "2019-02-28", "month")
    assert value(doc, "urging") == ("just", "2019-02-01", "2019-02-28", "month")
    quoted = dated("“They just left,” the farmer said.")
    assert quoted.dates == []
    simile = dated("The army shelled the town just as it did last spring.")
    assert all(d.text != "just" for d in simile.dates)


def test_carried_dates_stop_after_a_few_sentences(dated):
    text = ("On Sunday, gunmen raided a village. They burned two houses. Troops arrived. "
            "Aid was delayed. The road stayed closed. Farmers left. Looters took the cattle.")
    doc = dated(text)
    assert value(doc, "burned")[1:3] == ("2019-02-10", "2019-02-10")
    assert value(doc, "Looters") is None


def test_open_since_range_is_not_carried(dated):
    doc = dated("Hundreds have fled since Friday. Shops were looted.")
    assert value(doc, "fled")[1:3] == ("2019-02-08", None)
    assert value(doc, "looted") is None


def test_seed_events_take_the_gold_dates_with_the_gold_reference_dates(pipeline):
    """Over all seed gold events, with the guideline reference dates for the undated
    articles, our event dates equal the gold ones (floor in tests/floors/events.json)."""
    from claimbase.eval.events import evaluate_events, field_ok

    gold = shared_path("gold", "seeds")
    shared_path("seeds")
    _scores, results = evaluate_events(gold, pipeline=pipeline, reference_dates=True)
    pairs = [m for r in results for m in r.lenient]
    right = sum(field_ok("date", m.gold, m.pred) for m in pairs)
    assert len(pairs) >= 200
    assert right / len(pairs) >= FLOOR, f"{right}/{len(pairs)}"
    undated = {json.loads(line)["doc"]["reference_date"]
               for path in gold.glob("00[23]_*.events.jsonl")
               for line in path.open(encoding="utf-8") if line.strip()}
    assert len(undated) == 2  # both undated seeds carry a guideline reference date


def test_relative_clause_on_an_argument_keeps_its_own_time(dated):
    doc = dated("Police detained three men on Friday who were smuggling fuel across the river.")
    assert value(doc, "detained")[1:3] == ("2019-02-08", "2019-02-08")
    assert value(doc, "smuggling") is None


def test_clause_on_the_date_itself_shares_it(dated):
    doc = dated("The villagers were abducted in 2014 when the militants overran the valley.")
    assert value(doc, "abducted")[1:3] == ("2014-01-01", "2014-12-31")
    assert value(doc, "overran")[1:3] == ("2014-01-01", "2014-12-31")


def test_first_since_does_not_date_the_event(dated):
    doc = dated("The convoy was the first to cross the bridge since the rebels withdrew in May.")
    assert value(doc, "cross") is None


def test_statement_end_bound_skips_negated_events(dated):
    from claimbase.record import Attribution

    text = "On Sunday, the ministry announced new arrests. Nobody attacked the prison."
    doc = dated(text)
    cue = text.index("announced")
    doc.attributions = [Attribution(source_kind="organization", source_text="the ministry",
                                    source_start=cue - 13, source_end=cue - 1,
                                    cue="announced", cue_start=cue, cue_end=cue + 9,
                                    content_start=cue + 10, content_end=text.index(".") + 1)]
    assert value(doc, "attacked") is None
