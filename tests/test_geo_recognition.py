"""Place recognition: names the NER mislabels or glues, and invisible characters."""

from __future__ import annotations

import pytest

from claimbase.record import Document
from tests.geo_helpers import geo_pipeline, near


@pytest.fixture(scope="session")
def run(resources):
    return geo_pipeline(resources)


def places_of(run, text: str) -> dict[str, object]:
    return {p.text: p for p in run(text).places}


@pytest.mark.parametrize(("text", "name", "country"), [
    # a township's designator is part of its name (tests/test_place_recall.py)
    ("Tewksbury Twp. introduces a new parking ordinance.", "Tewksbury Twp.", "US"),
    ("Lexington 4 to raise taxes and cut staff.", "Lexington", "US"),
    ("Steveston Harbour was busy with fishing boats on Friday morning.", "Steveston", "CA"),
])
def test_a_town_the_ner_took_for_a_person_is_a_place(run, text, name, country):
    """A "person" made of a town's name and words no person's name has."""
    found = places_of(run, text)
    assert found[name].country == country and found[name].lat is not None


def test_glued_spans_are_repaired(run):
    found = places_of(run, "Crews in West Virginia cleared fallen trees near the "
                           "Greenbrier-Pocahontas County line on Sunday.")
    assert "Greenbrier" in found  # two places, not one unknown name
    county = found["Pocahontas County"]
    assert county.admin1 == "West Virginia"
    # the gazetteer knows "Greenbrier" only as far Tennessee and Arkansas towns: no reading
    # of them beside a West Virginia county (claimbase/geo/near_namesakes.py)
    greenbrier = found["Greenbrier"]
    assert greenbrier.lat is None or near(greenbrier, county.lat, county.lon, km=300.0)
    port = places_of(run, "Visitors lined up at the Port of Los Angeles to watch the cranes.")
    assert port["Port of Los Angeles"].admin1 == "California"


def test_town_and_state_pairs_and_trips(run):
    found = places_of(run, "She was born in Churchill, Man. and grew up near the bay.")
    assert found["Churchill"].country == "CA" and found["Man."].name == "Manitoba"
    trip = places_of(run, "Last spring the couple took a trip to Cancun with their daughters.")
    assert trip["Cancun"].country == "MX"


def test_invisible_characters_do_not_hide_a_name(run):
    text = "Regime shelling hit an opposition neighbourhood in \u200b\u200bDeir Ezzor on Monday."
    assert Document(text=text, ref="zw").analysis_text.index("Deir") == text.index("Deir")
    found = places_of(run, text)
    assert found["Deir Ezzor"].country == "SY"


def test_town_names_with_a_demonym_ending(run):
    found = places_of(run, "A car bomb exploded in Qamishli on Tuesday, killing four people.")
    assert found["Qamishli"].country == "SY"
    named = places_of(run, "Fighters executed five captives in the Syrian Albukamal.")
    # a demonym before the town's name: the town is found (with or without the demonym,
    # depending on whether the gazetteer knows this spelling on its own)
    town = [p for text, p in named.items() if text.endswith("Albukamal")]
    assert len(town) == 1 and town[0].country == "SY"
    assert not {"Iraqi", "Kuwaiti"} & places_of(run, "Iraqi and Kuwaiti officials met in "
                                                      "Geneva.").keys()
