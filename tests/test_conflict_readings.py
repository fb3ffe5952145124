"""Readings of conflict-region towns in short reports.

A name read only loosely (a fold or a transliteration skeleton of none of its names) is a
guess: it neither makes a place read by its own name a stray abroad (strays.py) nor leads
a list of names against one (geoparse._near_list_siblings). A region town the gazetteer
knows by the name written is kept beside a foreign country's name
(precision._unsupported_namesake, gazetteer._off_focus)."""

from __future__ import annotations

import pytest

from tests.geo_helpers import near, places_by_text

DUMAYR = (33.64, 36.69)
ALEPPO = (36.20, 37.16)
HARIM = (36.21, 36.52)
QUNEITRA = (33.13, 35.82)
MANBIJ = (36.53, 37.95)


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


@pytest.mark.parametrize("text, name", [
    ("More than 55 killed in ISIS attack on Badir al-Dameer and its control over sites, "
     "factories and military points", "al-Dameer"),
    ("Human casualties in aerial bombardment of Al-Dameer and shooting in western "
     "Al-Shughour countryside", "Al-Dameer"),
])
def test_own_name_reading_is_no_stray_beside_a_loose_one(places, text, name):
    found = places(text)
    assert near(found[name], *DUMAYR)
    assert all(p.country in (None, "SY") for p in found.values())


def test_own_name_reading_leads_a_list_with_a_loose_one(places):
    found = places("More than 21 casualties and injuries most of them are children in "
                   "shelling on Sheikh Maqsood and al-Sakhur")
    assert near(found["Sheikh Maqsood"], *ALEPPO)


@pytest.mark.parametrize("text, name, point", [
    ("Explosion in Harem kills several persons and a headquarters of SDF east of Euphrates "
     "is targeted", "Harem", HARIM),
    ("Netanyahu confirms Israel artillery strikes in Quneitra", "Quneitra", QUNEITRA),
    ("The third US citizen fighter is killed in Manbij area and casualty number rises to "
     "about 1800 civilians and fighters", "Manbij", MANBIJ),
])
def test_region_town_beside_a_foreign_country(places, text, name, point):
    assert near(places(text)[name], *point)
