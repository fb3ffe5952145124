"""Mention recall: towns a settlement designator introduces, AP state abbreviations without a
dot after their town, and well-known world regions and physical features."""

from __future__ import annotations

import pytest

from claimbase.geo.build import REGIONS_FILE, curated_rows
from claimbase.geo.designated import designated_spans
from tests.geo_helpers import geo_pipeline, near


@pytest.fixture(scope="session")
def run(resources):
    return geo_pipeline(resources)


def places_of(run, text: str) -> dict[str, object]:
    return {p.text: p for p in run(text).places}


def test_a_designator_list_names_towns_whatever_the_ner_says(run):
    # the NER reads the pair as one organisation
    found = places_of(run, "Rescue teams reached the towns of Haris and Varzaqan in East "
                           "Azerbaijan province after the quake.")
    assert found["Haris"].country == "IR" and found["Haris"].lat is not None
    assert found["Varzaqan"].country == "IR" and found["Varzaqan"].lat is not None
    # an unfamiliar village name read as a nationality
    found = places_of(run, "My grandmother grew up in the small village of Flumeri in the "
                           "hills of southern Italy.")
    assert found["Flumeri"].country == "IT"


def test_designated_spans_need_a_known_town_and_a_lower_case_designator(gaz):
    text = "They drove through the villages of Qwertzuiop and Springfield."
    names = {text[a:b] for a, b, _p in designated_spans(text, gaz)}
    assert names == {"Springfield"}  # an unknown word is no town
    assert designated_spans("The City of Angels Festival opens.", gaz) == []


@pytest.mark.parametrize(("text", "abbr", "admin1"), [
    ("PADUCAH, Ky (WPSD) -- A barn fire kept crews busy overnight.", "Ky", "Kentucky"),
    ("She moved to Frankfort, Ky, after college and never left.", "Ky", "Kentucky"),
])
def test_a_state_abbreviation_without_a_dot_after_its_town(run, text, abbr, admin1):
    found = places_of(run, text)
    assert found[abbr].feature == "admin1" and found[abbr].admin1 == admin1


def test_two_letter_word_after_a_comma_is_no_state_without_its_town(run):
    found = places_of(run, "Well, Ky is what his friends call him.")
    assert "Ky" not in found


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    ("Oil majors are racing to drill in the Arctic before the ice returns.", "Arctic",
     90.0, 0.0),
    ("Early kingdoms of Anatolia traded copper with Egypt.", "Anatolia", 39.0, 35.0),
    ("Climbers set out for the Himalayas in early April.", "Himalayas", 28.5, 84.0),
    ("Traders ship grain across West Africa by road.", "West Africa", 12.0, -3.0),
])
def test_world_regions_are_places(run, text, name, lat, lon):
    found = places_of(run, text)
    assert near(found[name], lat, lon, km=50)


def test_world_region_rows_are_well_formed():
    rows = list(curated_rows(REGIONS_FILE))
    assert len(rows) >= 50
    for row in rows:
        assert -90.0 <= row.lat <= 90.0 and -180.0 <= row.lon <= 180.0
        assert row.precision == 3 and row.name in row.aliases
    assert len({row.gid for row in rows}) == len(rows)


def test_an_australian_state_abbreviation_needs_its_country_in_the_story(run):
    found = places_of(run, "No one died on the roads of Tasmania or the ACT over the holidays.")
    assert found["ACT"].admin1 == "Australian Capital Territory"
    found = places_of(run, "Students in Dayton, Ohio, who took the ACT twice scored higher.")
    assert "ACT" not in found  # the college test, in a story naming no Australian place


@pytest.mark.parametrize(("text", "admin"), [
    ("Envoys from North and South Korea met at the border on Monday.", ("North Korea",
                                                                        "South Korea")),
    ("Wheat farmers across North and South Dakota had a dry summer.", ("North Dakota",
                                                                        "South Dakota")),
])
def test_a_shared_name_written_once_is_read_for_both_qualifiers(run, text, admin):
    places = sorted((p for p in run(text).places if p.lat is not None), key=lambda p: p.start)
    assert [p.text for p in places][:2] == ["North", admin[1]]
    assert {p.name for p in places} >= set(admin)


def test_an_upper_case_dateline_town_is_a_place_in_the_usual_case_too(run):
    found = places_of(run, "Rocky Hill Budget Vote Set. ROCKY HILL - Voters will decide the "
                           "school budget on Monday, the clerk said.")
    assert "ROCKY HILL" in found and "Rocky Hill" in found
    assert found["Rocky Hill"].name == found["ROCKY HILL"].name
