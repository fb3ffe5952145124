"""Unresolved names the parse calls a facility or an organisation are no places unless a
feature, street or township word, a number or a known first word marks them as one
(claimbase.geo.unplaced_names)."""

from __future__ import annotations

import pytest

from claimbase.geo.unplaced_names import drop_unplaced_institutions
from claimbase.record import Place
from tests.geo_helpers import places_by_text


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


def _unresolved(text: str, name: str) -> Place:
    start = text.index(name)
    return Place(text=name, start=start, end=start + len(name))


def test_an_event_the_parser_calls_a_facility_is_no_place(places):
    found = places(
        "Home sales in Calgary have not been this slow since the Great Recession, agents said."
    )
    assert "Calgary" in found
    assert not any("Recession" in name for name in found)


def test_a_numbered_road_keeps_its_point_by_the_town(places):
    found = places("Crews closed Highway 19 near Huntsville, Texas, after the crash.")
    road, town = found["Highway 19"], found["Huntsville"]
    assert road.lat is not None
    assert (road.lat, road.lon) == (town.lat, town.lon)


def test_only_unresolved_institution_names_without_place_words_are_dropped(resources):
    text = (
        "Officials of the Supervisor of Elections Office met at Coffman Park in Dublin, Ohio, "
        "beside the Sunnyvale Regional Jail on Cedar Flat Rd."
    )
    sdoc = resources.nlp(text)
    labelled = {e.text for e in sdoc.ents if e.label_ in ("FAC", "ORG")}
    names = ["Supervisor of Elections Office", "Coffman Park", "Cedar Flat Rd"]
    kept = {
        p.text
        for p in drop_unplaced_institutions(
            [_unresolved(text, n) for n in names], sdoc, resources.gazetteer
        )
    }
    assert "Coffman Park" in kept and "Cedar Flat Rd" in kept  # a feature or street word
    assert any("Supervisor" in e for e in labelled), labelled
    if any("Supervisor of Elections Office" in e for e in labelled):
        assert "Supervisor of Elections Office" not in kept


def test_a_town_led_venue_stays_whole_when_the_story_places_no_such_town(resources):
    text = "The Richmond Olympic Oval drew 47,000 people during the festival."
    sdoc = resources.nlp(text)
    venue = _unresolved(text, "Richmond Olympic Oval")
    resolved = Place(text="Vancouver", start=0, end=0, lat=49.28, lon=-123.12, country="CA")
    kept = drop_unplaced_institutions([resolved, venue], sdoc, resources.gazetteer)
    assert resolved in kept
    assert venue in kept  # its first word is a town's name: the nearby pass places it


def test_a_town_led_firm_is_cut_to_the_town_the_story_places(resources):
    text = (
        "Anglers in Newark, Ohio, say the town lost its last shop when Newark Live Bait "
        "closed in January."
    )
    sdoc = resources.nlp(text)
    assert any(e.text == "Newark Live Bait" and e.label_ == "ORG" for e in sdoc.ents)
    town = Place(text="Newark", start=11, end=17, name="Newark", lat=40.06, lon=-82.4, country="US")
    shop = _unresolved(text, "Newark Live Bait")
    kept = drop_unplaced_institutions([town, shop], sdoc, resources.gazetteer)
    cut = kept[1]
    assert (cut.text, cut.start, cut.end) == ("Newark", shop.start, shop.start + 6)
    assert (cut.lat, cut.lon) == (town.lat, town.lon)
