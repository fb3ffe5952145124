"""Recognition of landmarks (data/place_landmarks.tsv) and of districts a town's possessive
introduces ("Cairo's X neighbourhood")."""

from __future__ import annotations

import pytest

from claimbase.geo.landmarks import landmark_spans
from claimbase.geo.owned_districts import owned_district_spans
from claimbase.geo.titled_names import title_led, titled_surnames
from tests.geo_helpers import geo_pipeline, near


@pytest.fixture(scope="session")
def run(resources):
    return geo_pipeline(resources)


def places_of(run, text: str) -> dict[str, object]:
    return {p.text: p for p in run(text).places}


def test_a_famous_scene_is_placed_in_its_city(run):
    found = places_of(run, "Tourists fled when a car drove into the crowd on the "
                           "Champs-Elysees late on Saturday.")
    assert near(found["Champs-Elysees"], 48.87, 2.31, km=5)
    stadium = places_of(run, "Two blasts were heard outside the Stade de France during the "
                             "friendly match.")
    assert near(stadium["Stade de France"], 48.92, 2.36, km=5)
    assert "France" not in stadium  # the country inside the stadium's name is no mention


def test_an_institution_name_is_a_place_only_as_a_scene(run):
    scene = places_of(run, "The senator was honoured at a dinner at the White House on Friday.")
    assert near(scene["White House"], 38.90, -77.04, km=5)
    for text in ("The White House said on Friday that talks would resume.",
                 "White House officials declined to comment on the report.",
                 "He met the governor at a White House meeting in March."):
        assert "White House" not in places_of(run, text), text


def test_landmark_spans_skip_longer_names():
    text = "The Times Square Alliance counted visitors; crowds filled Times Square again."
    spans = [(text[a:b], a) for a, b, _mark in landmark_spans(text)]
    assert spans == [("Times Square", text.rindex("Times Square"))]


def test_a_district_owned_by_a_town_is_placed_there(run):
    found = places_of(run, "Police cordoned off streets in Cairo's Zamalek neighbourhood "
                           "after the fire spread to a second building.")
    assert near(found["Zamalek"], 30.05, 31.23, km=40)
    later = places_of(run, "Residents of Beirut described the blast. In the city's Hamra "
                           "district, windows shattered for blocks.")
    assert near(later["Hamra"], 33.89, 35.50, km=40)


def test_owned_district_spans_need_a_town_owner(gaz):
    text = ("The senator's Ward district office closed; in Cairo's Old City district "
            "nothing changed, and the party's Guidance quarter stayed open.")
    assert owned_district_spans(text, gaz) == []
    named = "Shops in Cairo's Zamalek neighbourhood reopened."
    assert owned_district_spans(named, gaz) == [(named.index("Zamalek"),
                                                 named.index(" neighbourhood"), 2)]


def test_a_saints_building_is_the_scene_not_a_namesake_town(run):
    found = places_of(run, "Two cyclists were hurt on Queen Street in Toronto on Sunday. "
                           "Both were taken to St. Michael's Hospital for treatment.")
    hospital = found["St. Michael's Hospital"]
    assert near(hospital, 43.65, -79.38, km=40)  # the story's town, not a US St. Michaels
    feast = places_of(run, "Crowds in Boston gathered early for St. Patrick's Day this year.")
    assert not any(name.startswith("St. Patrick") for name in feast)


def test_a_saints_feast_the_ner_takes_whole_is_no_place(run):
    """The NER's whole "St. Patrick's Day" entity (as a place) is the feast; the story's
    town stays."""
    found = places_of(run, "Safety stressed on St. Patrick's Day. St. Patrick's Day is a "
                           "time for fun and celebration in Indianapolis, but it can also "
                           "turn tragic on the roads.")
    assert not any(name.startswith("St. Patrick") for name in found)
    assert "Indianapolis" in found


def test_a_sizeable_saints_town_keeps_its_name(run):
    found = places_of(run, "Ferries left St. John's Harbour late after the storm in "
                           "Newfoundland.")
    assert found["St. John"].country == "CA"  # read without its possessive, as before


def test_an_unknown_word_the_parser_calls_a_place_needs_a_preposition(run):
    """A one-word name the gazetteer has in no exact spelling: no place as a subject or an
    object, a place after "in the" (placed at the story's town)."""
    opening = "Officials in Dayton, Ohio, met on Monday. "
    for text in ("Brastova knows the owners well.", "The board voted to fine Brastova."):
        assert "Brastova" not in places_of(run, opening + text), text
    area = places_of(run, opening + "Deputies searched a barn in the Brastova area.")
    assert near(area["Brastova"], 39.76, -84.19, km=30)


def test_a_name_written_as_a_persons_stays_a_person(run):
    """"Tyrise M. Bell" makes the bare "Bell" of the story the person, not Bell, California;
    a preposition still places the town."""
    found = places_of(run, "Police in Dayton, Ohio, said Corwin T. Bell was arrested on "
                           "Friday. Officers said Bell resisted before the arrest.")
    assert "Bell" not in found and "Dayton" in found


def test_titled_surnames_take_the_last_name_word():
    text = "Judge Ada Marsh ruled; Rev. Tom Hale and Lena K. Ortiz spoke in Dover."
    assert titled_surnames(text) == {"Marsh", "Hale", "Ortiz"}
    assert titled_surnames("The old mayor, known as 'Mr. Dover,' retired.") == set()



def test_a_title_led_name_is_a_person():
    assert title_led("Ms Ardenza") and title_led("Mr. Colby")
    assert not title_led("Msida") and not title_led("Dr. Martin Luther King Jr. Drive")
