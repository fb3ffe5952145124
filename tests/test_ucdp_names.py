"""Conflict-report spellings the geoparser reads: two-letter transliteration skeletons,
article-led names that end like demonyms, and deserts named after a town."""

from __future__ import annotations

import pytest

from claimbase.geo.conflict_names import articled_town, desert_lookup
from claimbase.geo.gazetteer import haversine_km
from claimbase.geo.translit import fold
from tests.geo_helpers import near, places_by_text


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


@pytest.mark.parametrize("spelling,lat,lon", [
    ("Suwaidaa", 32.71, 36.57),  # As-Suwayda: w and y fold away, two letters remain
    ("al-Suwaidaa", 32.71, 36.57),
    ("Shaddadi", 36.06, 40.73),  # Ash Shaddadah
])
def test_two_letter_skeleton_finds_close_spelling(gaz, spelling, lat, lon):
    assert len(fold(spelling)) == 2
    cands = [c for c in gaz.candidates(spelling) if c.country == "SY"]
    assert cands and near(cands[0], lat, lon)


@pytest.mark.parametrize("spelling", ["Hmimeh", "Sahwa"])
def test_two_letter_skeleton_needs_a_long_close_name(gaz, spelling):
    # a short name, or one spelled far from every entry of its skeleton, matches no entry
    # loosely rather than any place whose consonants happen to be the same two
    assert len(fold(spelling)) == 2
    assert not [c for c in gaz.candidates(spelling) if c.match == "fold"]


def test_articled_town_after_locative(gaz):
    text = "Fresh fighting was reported in al-Shadadi countryside on Monday"
    s = text.index("al-Shadadi")
    assert articled_town(text, s, s + len("al-Shadadi"), gaz)


def test_articled_name_of_person_is_no_town(gaz):
    text = "Abu Omar al-Shadadi spoke to reporters"  # no locative word before it
    s = text.index("al-Shadadi")
    assert not articled_town(text, s, s + len("al-Shadadi"), gaz)
    assert not articled_town("They met in Hama", 12, 16, gaz)  # no article


def test_desert_of_a_province(gaz):
    text = "Rebels ambushed a convoy in the western desert of Homs at dawn"
    s = text.index("Homs")
    assert desert_lookup(text, s, s + 4, gaz) == "Homs desert"
    plain = "Rebels ambushed a convoy near Homs at dawn"
    s = plain.index("Homs")
    assert desert_lookup(plain, s, s + 4, gaz) is None


def test_pipeline_reads_variant_spellings(places):
    got = places("Two soldiers died when a mine went off in al-Suwaidaa countryside")
    place = got.get("al-Suwaidaa")
    assert place is not None and place.country == "SY" and near(place, 32.71, 36.57, 60)
    got = places("Gunmen opened fire on a checkpoint in al-Shadadi countryside")
    place = got.get("al-Shadadi")
    assert place is not None and near(place, 36.06, 40.73)


def test_pipeline_places_desert_far_from_the_town(places):
    got = places("Heavy clashes continued in the eastern desert of Homs overnight")
    place = got.get("Homs")
    assert place is not None and place.lat is not None
    assert haversine_km(place.lat, place.lon, 34.73, 36.72) > 60  # not the city itself


def test_site_kind_variants():
    from claimbase.geo.gazetteer import site_kind_variants

    assert "tabqa airbase" in site_kind_variants("tabqa military airbase")
    assert "tabqa military airport" in site_kind_variants("tabqa airbase")
    assert site_kind_variants("tabqa") == []
    assert site_kind_variants("airport") == []  # a kind word alone names no site


def test_air_base_found_under_another_kind_word(gaz):
    # the index knows the base as "... airbase"; reports also say "Military Airbase"
    cands = gaz.candidates("Abu al-Duhur Military Airbase")
    assert cands and cands[0].country == "SY" and near(cands[0], 35.73, 37.10, 10)
