""""the west" names the western states, a party, not a part of a country: no event place;
in "the west of the country" it is one."""

from __future__ import annotations

from tests.test_event_location import _event, _place


def test_the_west_as_a_party_is_no_place(run):
    doc, events = run("Moscow accused the west of arming the rebels and urged it to stop.")
    assert _place(_event(doc, events, "arming")) is None


def test_the_west_of_the_country_is_a_place(run):
    doc, events = run("Government troops attacked rebel positions in the west of the country "
                      "on Tuesday.")
    assert _place(_event(doc, events, "attacked")) == "the west"


def test_a_compound_compass_point_is_a_place(run):
    doc, events = run("In the north-west, rebel fighters attacked an army convoy on Sunday.")
    assert _place(_event(doc, events, "attacked")) == "the north-west"
