"""Headline names read far from the place the text sets them in (claimbase/geo/loose_readings.py)
and the usual English spellings of Syrian towns in war reporting (curated gazetteer data)."""

from __future__ import annotations

import pytest

from tests.geo_helpers import near, places_by_text

ALEPPO = (36.20, 37.16)
EASTERN_GHOUTA = (33.55, 36.40)


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


def test_loose_spelling_far_from_its_town_is_placed_at_the_town(places):
    # no Aleppo neighbourhood of this name in the gazetteer: its skeleton matches an area
    # near Damascus, 300 km from the city the text puts it in
    found = places("Warplanes struck the Al-Marjeh neighborhood of Aleppo city on Sunday")
    p = found["Al-Marjeh"]
    assert p.lat is not None and near(p, *ALEPPO, km=30)
    assert near(found["Aleppo"], *ALEPPO, km=30)


def test_namesake_abroad_of_a_name_set_in_a_region_is_dropped(places):
    found = places("Government troops pushed into Bala area in Eastern Ghouta overnight")
    bala = found["Bala"]
    assert bala.country != "PS"
    assert bala.lat is None or near(bala, *EASTERN_GHOUTA, km=60)


def test_town_read_near_its_province_keeps_its_reading(places):
    found = places("Jets bombed Kafr Nabl in the southern countryside of Idlib")
    assert near(found["Kafr Nabl"], 35.61, 36.56, km=10)


@pytest.mark.parametrize("text,name,lat,lon", [
    ("Fierce clashes inside al-Bokmal for a second day", "al-Bokmal", 34.45, 40.92),
    ("Air raids hit Al-Bokamal and its countryside", "Al-Bokamal", 34.45, 40.92),
    ("Shelling was reported around Talbisa overnight", "Talbisa", 34.84, 36.73),
    ("Clashes continue around Tadmur and Salamia", "Salamia", 35.01, 37.05),
    ("Two bombs exploded in Sayeda Zeinab on Friday", "Sayeda Zeinab", 33.44, 36.34),
    ("A mortar round killed two people in Al-Lataminah town", "Al-Lataminah", 35.32, 36.62),
    ("Jets struck a market in Ma’ra al-Nu’man at noon", "Ma’ra al-Nu’man", 35.65, 36.68),
])
def test_usual_spellings_of_syrian_towns(places, text, name, lat, lon):
    assert near(places(text)[name], lat, lon, km=15)


def test_islamic_state_province_name_is_deir_ez_zor(places):
    found = places("A commander of “al-Khair State” was killed in an air strike")
    p = found["al-Khair State"]
    assert p.country == "SY" and p.feature == "admin1"
    assert near(p, 35.0, 40.4, km=80)


def test_street_named_after_a_far_town_is_not_the_town(places):
    found = places("A car bomb went off on Tal Abyad street in Raqqa city on Monday")
    tal_abyad = found["Tal Abyad"]
    assert tal_abyad.lat is None or near(tal_abyad, 35.95, 39.01, km=15)


def test_towns_listed_with_a_comma_keep_their_countries(places):
    found = places("Refugees returned from Gaziantep, Aleppo and Idlib this week")
    assert found["Gaziantep"].country == "TR"
