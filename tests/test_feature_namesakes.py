"""A feature named after a town ("Griffith Park", "Kishwaukee River") is read by the town's
name inside it only when a namesake lies near the story's places; else the feature takes
the point of the story's own towns (claimbase.geo.nearby)."""

from __future__ import annotations

import pytest

from claimbase.geo.gazetteer import Context, haversine_km
from claimbase.geo.nearby import named_after_town
from tests.geo_helpers import near, places_by_text

LOS_ANGELES = (34.05, -118.24)
DEKALB_IL = (41.93, -88.75)


def test_named_after_town_needs_a_feature_word_outside_the_name_read() -> None:
    assert named_after_town("Kishwaukee River", "Kishwaukee")
    assert named_after_town("Kiser Lake", "Kiser")
    assert not named_after_town("Gwinnett", "Gwinnett County")  # a county's short form
    assert not named_after_town("Lake Harriet", None)  # looked up whole
    assert not named_after_town("Albukamal", "Albukamal")


def test_far_namesake_of_a_feature_is_dropped(gaz) -> None:
    plain = gaz.resolve("Griffith", Context(points=[LOS_ANGELES]))
    assert plain is not None and plain.lat is not None
    if haversine_km(plain.lat, plain.lon, *LOS_ANGELES) <= 300:
        pytest.skip("this gazetteer has a Griffith near Los Angeles")
    feature = gaz.resolve("Griffith", Context(points=[LOS_ANGELES], feature_of=True))
    assert feature is None or haversine_km(feature.lat, feature.lon, *LOS_ANGELES) <= 300


def test_feature_namesake_kept_without_other_places(gaz) -> None:
    # a story naming nothing else gives no reason to doubt the town's reading
    assert gaz.resolve("Griffith", Context(feature_of=True)) is not None


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


def test_park_named_after_a_far_town_lies_in_the_story_area(places) -> None:
    found = places("Volunteers picked up litter along the trails of Griffith Park on Sunday, "
                   "joined by neighbours from Los Angeles, Glendale and Burbank.")
    park = found["Griffith Park"]
    assert near(park, *LOS_ANGELES, km=60)


def test_river_named_after_a_far_town_lies_by_the_named_town(places) -> None:
    found = places("Rescuers pulled a canoe from the Kishwaukee River near DeKalb, Illinois, "
                   "late on Tuesday, and Sycamore firefighters helped.")
    river = found["Kishwaukee River"]
    assert near(river, *DEKALB_IL, km=80)
