"""Lakes, rivers, parks and hamlets the gazetteer does not hold: feature names are found
(claimbase.geo.feature_names) and every such unresolved name takes the point of the town
the story puts it near (claimbase.geo.nearby)."""

from __future__ import annotations

import pytest

from claimbase.geo.feature_names import feature_name_spans, keep_feature_names
from claimbase.geo.gazetteer import haversine_km
from claimbase.geo.nearby import NEARBY_FEATURE, has_feature_word, place_near_towns
from claimbase.record import Place
from tests.geo_helpers import geo_pipeline


@pytest.fixture(scope="module")
def run(resources):
    return geo_pipeline(resources)


def _town(text: str, name: str, lat: float, lon: float, nth: int = 0) -> Place:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Place(text=name, start=start, end=start + len(name), name=name, lat=lat, lon=lon,
                 country="US", admin1="Ohio", feature="city")


def _spans(text: str, gaz, persons=(), lower=frozenset()) -> list[str]:
    return [text[a:b] for a, b, _p in feature_name_spans(text, gaz, [], list(persons),
                                                         set(lower))]


def test_feature_words_come_from_the_data_file():
    assert has_feature_word("Mirror Pond Park")
    assert has_feature_word("Lake Wendell")
    assert not has_feature_word("Springdale")


def test_an_unresolved_lake_takes_the_town_named_right_behind_it():
    text = "Anglers gathered at Lake Wendell near Fostoria on Sunday; Toledo sent boats."
    lake = Place(text="Lake Wendell", start=20, end=32)
    fostoria = _town(text, "Fostoria", 41.16, -83.42)
    toledo = _town(text, "Toledo", 41.65, -83.54)
    out = place_near_towns(text, [lake, fostoria, toledo], _NoGazetteer())
    assert (lake.lat, lake.lon) == (fostoria.lat, fostoria.lon)
    assert lake.feature == NEARBY_FEATURE and lake.precision == 2
    assert lake.name == "Lake Wendell" and out[0] is lake


def test_without_a_town_behind_it_the_story_s_main_area_wins():
    # two mentions around Dayton against one far-away namesake reading
    text = ("Dayton crews cleared Mirror Pond Park. Kettering helped. A Dayton man said "
            "Springdale sent nobody.")
    park = Place(text="Mirror Pond Park", start=text.index("Mirror"),
                 end=text.index("Mirror") + len("Mirror Pond Park"))
    towns = [_town(text, "Dayton", 39.76, -84.19), _town(text, "Kettering", 39.69, -84.17),
             _town(text, "Dayton", 39.76, -84.19, nth=1),
             _town(text, "Springdale", 36.19, -94.13)]
    place_near_towns(text, [park, *towns], _NoGazetteer())
    assert haversine_km(park.lat, park.lon, 39.76, -84.19) < 20


def test_a_park_the_story_sets_in_another_state_takes_that_state(run):
    doc = run("The bill protects land near Elkins and Charleston, and in Rocky Mountain "
              "National Park in Colorado.")
    park = next(p for p in doc.places if p.text == "Rocky Mountain National Park")
    colorado = next(p for p in doc.places if p.text == "Colorado")
    assert (park.lat, park.lon) == (colorado.lat, colorado.lon)
    assert park.feature == NEARBY_FEATURE and park.precision == 3


def test_a_state_the_story_s_towns_lie_in_leaves_the_town_point():
    text = "Anglers gathered at Lake Wendell in Ohio; Fostoria sent boats."
    lake = Place(text="Lake Wendell", start=20, end=32)
    ohio = Place(text="Ohio", start=36, end=40, name="Ohio", lat=40.25, lon=-83.0,
                 country="US", feature="admin1")
    fostoria = _town(text, "Fostoria", 41.16, -83.42)
    place_near_towns(text, [lake, ohio, fostoria], _NoGazetteer())
    assert (lake.lat, lake.lon) == (fostoria.lat, fostoria.lon)


def test_resolved_places_and_stories_without_towns_are_left_alone():
    text = "Boats crossed Lake Wendell."
    lake = Place(text="Lake Wendell", start=14, end=26)
    assert place_near_towns(text, [lake], _NoGazetteer())[0].lat is None
    known = _town("Fostoria", "Fostoria", 41.16, -83.42)
    assert place_near_towns("Fostoria", [known], _NoGazetteer())[0].feature == "city"


def test_feature_names_need_no_ner_label(gaz):
    text = "The canoe tipped over on Tamsett Creek, and divers searched Lake Orrin for hours."
    assert _spans(text, gaz) == ["Tamsett Creek", "Lake Orrin"]


def test_organisations_streets_and_generic_parks_are_no_feature_names(gaz):
    text = ("She cooks at Tamsett River Grill. Kids played in City Park near the Orrin Lake "
            "apartments, and Tamsett Valley-style clinics opened.")
    assert _spans(text, gaz) == []


def test_a_person_s_name_is_a_place_only_after_a_locative(gaz):
    text = "Officers said Dana Hill left. Mae Grodin of Tamsett Hill sang; the body of Ora Hill lay."
    persons = [(text.index(n), text.index(n) + len(n))
               for n in ("Dana Hill", "Tamsett Hill", "Ora Hill")]
    assert _spans(text, gaz, persons) == ["Tamsett Hill"]


def test_known_towns_are_left_to_the_gazetteer(gaz):
    assert _spans("The band played in Chapel Hill on Friday.", gaz) == []


def test_feature_names_dropped_by_a_later_pass_are_put_back():
    a = Place(text="Tamsett Creek", start=0, end=13)
    b = Place(text="Fostoria", start=20, end=28)
    c = Place(text="Acme", start=30, end=34)
    assert keep_feature_names([a, b, c], [b], {(0, 13)}) == [a, b]


def test_the_whole_stage_places_a_lake_at_its_town(run):
    doc = run("Fishing resumed on Lake Quillowen, north of Fostoria, Ohio, after the storm. "
              "Fostoria officials reopened the boat ramp on Monday.")
    lake = next(p for p in doc.places if p.text == "Lake Quillowen")
    town = next(p for p in doc.places if p.text == "Fostoria")
    assert lake.lat is not None and haversine_km(lake.lat, lake.lon, town.lat, town.lon) < 1
    assert lake.feature == NEARBY_FEATURE


class _NoGazetteer:
    """A gazetteer that knows no name at all."""

    def candidates(self, name: str) -> list:
        return []
