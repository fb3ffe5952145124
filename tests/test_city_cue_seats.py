"""Conflict-report readings of a name as a town: a city word by a province's spelling reads
its seat city, a capital or town struck by shelling is no actor, and a demonym's country
does not pull a loosely spelled conflict-region town away."""

from __future__ import annotations

import pytest

from claimbase.geo.geoparse import usable_places
from claimbase.pipeline import PRE_PARSE, Pipeline
from claimbase.record import Document
from tests.geo_helpers import ACTOR_PLACE_STAGES, near, places_by_text

DEIR_EZZOR_CITY = (35.34, 40.14)
DEIR_EZZOR_PROVINCE = (35.03, 40.39)


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


@pytest.fixture(scope="module")
def pipe(resources):
    return Pipeline(resources, pre=PRE_PARSE, post=ACTOR_PLACE_STAGES)


@pytest.mark.parametrize("text", [
    "Mortar fire wounded four people in Deir Ezzor city on Sunday",
    "Warplanes struck several districts in the city of Deir Ezzor overnight",
])
def test_city_word_reads_the_seat_of_a_province_spelling(places, text):
    place = places(text)["Deir Ezzor"]
    assert place.feature == "city" and near(place, *DEIR_EZZOR_CITY, km=5)


def test_bare_province_spelling_stays_the_province(places):
    place = places("Fighting spread across Deir Ezzor province this week")["Deir Ezzor"]
    assert place.feature == "admin1" and near(place, *DEIR_EZZOR_PROVINCE, km=5)


@pytest.mark.parametrize("text,name", [
    ("Several mortar rounds landed in the capital Damascus on Friday", "Damascus"),
    ("Two car bombs rocked Damascus early in the morning", "Damascus"),
    ("Several mortar shells targeted Damascus overnight", "Damascus"),
])
def test_struck_capital_is_a_usable_place(pipe, text, name):
    doc = pipe.process(Document(text=text, ref="t"))
    assert name in {p.text for p in usable_places(doc)}


def test_capital_as_speaker_stays_an_actor(pipe):
    doc = pipe.process(Document(text="Damascus said the talks had failed", ref="t"))
    assert "Damascus" not in {p.text for p in usable_places(doc)}


def test_demonym_actor_does_not_drop_loose_conflict_town(places):
    text = ("Government troops answered the Israeli strikes by shelling villages "
            "west of Jisr al-Shughur")
    place = places(text)["Jisr al-Shughur"]
    assert place.country == "SY" and near(place, 35.81, 36.32, km=10)



@pytest.mark.parametrize("text,name,town", [
    ("Government jets bombed Sokhna again on Tuesday", "Sokhna", "As Sukhnah"),
    ("A car bomb went off near the airport of Al-Dameer", "Al-Dameer", "Aḑ Ḑumayr"),
    ("Rebels shelled Kafria and nearby villages", "Kafria", "Kafriya"),
    ("Heavy clashes went on around Khan Touman all night", "Khan Touman", "Khan Tuman"),
])
def test_report_spellings_of_syrian_towns(places, text, name, town):
    place = places(text)[name]
    assert place.country == "SY" and place.name == town
