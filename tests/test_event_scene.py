"""Which place and date an event takes among those of its sentence and the sentences before
(`_location` in claimbase.extract.events, `date_for` / `as_of_quoted_piece` in
claimbase.timex.dates). Sentences are our own; each checks one rule on the parser's real
output through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from claimbase.record import DateMention, DocMeta, Document
from claimbase.timex.dates import as_of_quoted_piece
from tests.geo_helpers import event_by_trigger, where


@pytest.fixture(scope="module")
def events_of(pipeline):
    def run(text: str, published: str = "2019-02-12"):
        doc = pipeline.process(Document(text=text, ref="<scene>",
                                        meta=DocMeta(published=published)))
        return doc, doc.events

    return run


def test_each_item_of_a_list_keeps_its_own_scene(events_of):
    doc, events = events_of("Bombings in Manbij, and arrests of activists near Raqqa, and raids "
                            "on villages in its southern countryside mark the return of the "
                            "group.")
    assert where(event_by_trigger(doc, events, "Bombings")) == "Manbij"
    assert where(event_by_trigger(doc, events, "arrests")) == "Raqqa"
    assert where(event_by_trigger(doc, events, "raids")) == "its southern countryside"


def test_the_area_takes_the_town_named_before_it(events_of):
    doc, events = events_of("Hundreds of fighters reached Tabqa and were stationed at a school "
                            "in the area.")
    loc = event_by_trigger(doc, events, "stationed").location
    assert loc is not None and loc.text == "the area"
    assert loc.lat is not None and loc.name is not None and "Tabqa" in loc.name


def test_a_government_addressed_by_its_capital_is_no_scene(events_of):
    doc, events = events_of("The ministry warned Damascus not to reopen the crossing.")
    warned = event_by_trigger(doc, events, "warned")
    assert warned.recipient is not None and warned.recipient.text == "Damascus"
    assert warned.location is None


def test_a_carried_scene_is_not_given_to_a_denied_event(events_of):
    doc, events = events_of("Rebels stormed an army base in Saraqib on Monday. The group's "
                            "statement did not accuse the army of any abuses.")
    assert where(event_by_trigger(doc, events, "stormed")) == "Saraqib"
    accuse = event_by_trigger(doc, events, "accuse")
    assert accuse.modality == "negated" and accuse.location is None


def test_a_participant_living_somewhere_does_not_place_the_event(events_of):
    doc, events = events_of("The government allowed refugees who had lived in Lebanon to "
                            "return.")
    assert where(event_by_trigger(doc, events, "allowed")) is None


def test_cleft_not_until_gives_only_a_start(events_of):
    doc, events = events_of("It was not until 2016 that the militia began losing ground.")
    d = event_by_trigger(doc, events, "losing").date
    assert d is not None
    assert (d.value_start, d.value_end, d.precision) == ("2016-01-01", None, "year")


def test_this_week_of_a_quoted_report_keeps_only_the_end(events_of):
    doc, events = events_of("The Daily Courier wrote in its report:\n\nSoldiers were deployed "
                            "to the frontier this week.\n\nThe author disagrees.")
    d = event_by_trigger(doc, events, "deployed").date
    assert d is not None and d.text == "this week"
    assert (d.value_start, d.value_end, d.precision) == (None, "2019-02-12", "unknown")


class _Said:
    def __init__(self, kind: str, scope: str) -> None:
        self.source_kind, self.scope = kind, scope


@pytest.mark.parametrize("kind,scope,text,precision,kept", [
    ("media", "block", "yesterday", "day", False),
    ("media", "explicit", "this week", "week", True),  # an outlet's own words, said now
    ("person", "block", "this week", "week", True),  # a speaker's turn, told today
    ("media", "block", "on February 9", "day", True),  # a named day stays that day
    ("media", "block", "last month", "month", True),  # a month is stable enough
])
def test_quoted_piece_rule_only_for_deictic_days_and_weeks(kind, scope, text, precision, kept):
    ref = date(2019, 2, 12)
    dm = DateMention(text=text, start=0, end=len(text), value_start="2019-02-11",
                     value_end=ref.isoformat(), precision=precision)
    got = as_of_quoted_piece(dm, _Said(kind, scope))
    if kept:
        assert got == dm
    else:
        assert (got.value_start, got.value_end, got.precision) == (None, "2019-02-12", "unknown")
