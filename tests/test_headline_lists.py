"""Town names in the lists and phrases of conflict headlines that the NER reads as people or
organisations: the corners of an area ("the A – B – C triangle") and the place a massacre is
named after (claimbase.geo.conflict_names)."""

from __future__ import annotations

import pytest

from claimbase.geo.conflict_names import _corner_and_event_names, corner_kind_word
from tests.geo_helpers import near, places_by_text


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


@pytest.mark.parametrize("text,names", [
    ("Troops push into the Shaer – Tadmur – Jeb al-Jarrah triangle",
     ["Shaer", "Tadmur", "Jeb al-Jarrah"]),
    ("Heavy fighting in the triangle of Jeb al-Jarrah – Shaer –Tadmur overnight",
     ["Jeb al-Jarrah", "Shaer", "Tadmur"]),
    ("Units move towards the Homs, Hama and Salamiyah triangle", ["Homs", "Hama", "Salamiyah"]),
    ("Seven dead in the Khan Shaykhun massacre, medics say", ["Khan Shaykhun"]),
])
def test_corner_and_event_names_are_read_from_the_phrase(text: str, names: list[str]) -> None:
    assert [name for _s, name, _last in _corner_and_event_names(text)] == names


@pytest.mark.parametrize("text", [
    "The junction box failed and the triangle was redrawn",  # no names listed
    "Officials condemned the massacre on Sunday",  # no name before it
    "Negotiators met at the Geneva talks",  # neither phrase
])
def test_corner_and_event_names_need_the_phrase_and_names(text: str) -> None:
    assert _corner_and_event_names(text) == []


def test_a_corner_the_ner_calls_a_person_is_a_town(places) -> None:
    # the NER takes the list for people's names; the gazetteer knows the last corner
    found = places("Government troops seize two villages in the Shaer – Shomariyyeh – "
                   "Jeb al-Jarrah triangle east of Homs")
    assert "Jeb al-Jarrah" in found
    assert found["Jeb al-Jarrah"].country == "SY"
    assert near(found["Jeb al-Jarrah"], 34.83, 37.32)


def test_a_town_before_massacre_is_placed(places) -> None:
    found = places("Rescuers count the dead of the Maarrat Al-Nu’man massacre for a third day")
    assert "Maarrat Al-Nu’man" in found
    assert near(found["Maarrat Al-Nu’man"], 35.65, 36.68)


def test_a_name_before_massacre_outside_the_region_needs_region_readings(places) -> None:
    # outside a story of the region the rule reads only names all of whose readings lie there
    found = places("Survivors of the Jones massacre gathered at the memorial")
    assert "Jones" not in found


def test_the_kind_word_of_a_corners_phrase_is_no_place(places) -> None:
    # "Triangle" is also a town's name; before "of" and a list of corners it names the area
    found = places("Fighting flares in the Triangle of Shaer – Jeb al-Jarrah – Shomariyyeh")
    assert "Triangle" not in found
    assert near(found["Jeb al-Jarrah"], 34.83, 37.32)


@pytest.mark.parametrize("text,start,end,expected", [
    ("the Triangle of Shaer – Jeb al-Jarrah", 4, 12, True),
    ("the Triangle of Shaer", 4, 12, False),  # one name: no list of corners
    ("Triangle, Virginia, and Quantico", 0, 8, False),  # the town
])
def test_corner_kind_word(text: str, start: int, end: int, expected: bool) -> None:
    assert corner_kind_word(text, start, end) is expected


def test_the_object_of_an_attack_is_no_speaker(places) -> None:
    # the parser makes the town the subject of the next verb ("... and clashes continue")
    for text in ("Air raids target Maskanah and clashes continue in its outskirts",
                 "Rockets hit Maskanah and clashes continue nearby"):
        found = places(text)
        assert "Maskanah" in found, text
        assert near(found["Maskanah"], 35.97, 38.04)
