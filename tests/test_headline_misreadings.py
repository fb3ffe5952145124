"""Misreadings of conflict headlines: a Turkish or Persian town matched only loosely by a name
written the Arabic way, a father's name inside a person's or a group's
name ("Khalid ibn al-Walid"), and the recurring Syrian areas of the curated sites (the Marj of
the Eastern Ghouta, the Yarmouk Basin of western Daraa)."""

from __future__ import annotations

import pytest

from claimbase.geo.gazetteer import Candidate, _loose_non_arabic
from claimbase.geo.nonplaces import _patronym
from tests.geo_helpers import near, places_by_text


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


def _village(country: str, match: str, population: int = 0, name: str = "Kuyuk") -> Candidate:
    return Candidate(id=1, gid=None, name=name, lat=39.0, lon=35.0, country=country,
                     admin1=None, admin2=None, feature="city", population=population,
                     importance=0.0, precision=1, match=match, similarity=0.8)


def test_arabic_spelling_is_no_loose_turkish_or_persian_town():
    assert _loose_non_arabic("kuyuk", _village("TR", "fold"))
    assert _loose_non_arabic("kuyuk", _village("IR", "fuzzy"))
    # a town of another of its names, when small, counts as loose
    assert _loose_non_arabic("kuyuk", _village("TR", "exact", name="Kayak"))
    # its own exact spelling keeps it, and Arab lands are left alone
    assert not _loose_non_arabic("kuyuk", _village("TR", "exact"))
    assert not _loose_non_arabic("kuyuk", _village("SY", "fold"))


def test_headline_village_is_no_turkish_namesake(places):
    found = places("Shells hit the regime's positions and clashes go on around Qaser Ma’ala")
    reading = next((p for t, p in found.items() if "Ma’ala" in t), None)
    assert reading is None or reading.country not in ("TR", "IR", "AF")


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("fighters of the army of Omar ibn Yasir took the hill", "Yasir", True),
    ("a brigade named after Saad bin Malik attacked", "Malik", True),
    ("clashes near Bin Jawad on the coast", "Bin Jawad", False),
    ("shells fell on Ibn Sina hospital", "Ibn Sina", False),
])
def test_father_name_after_ibn_or_bin(text, name, expected):
    start = text.index(name)
    assert _patronym(text, start) is expected


def test_group_named_after_a_person_lends_no_place(places):
    found = places("Jaysh Khaled Ibn Al-Waleed shelled the villages west of Daraa")
    assert not any("Waleed" in t for t in found)
    assert near(found["Daraa"], 32.62, 36.10, 40)


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    ("Barrel bombs hit al-Marj area in the Eastern Ghouta", "al-Marj", 33.50, 36.47),
    ("Warplanes struck the Yarmouk Basin and two fighters were killed", "Yarmouk Basin",
     32.79, 35.92),
])
def test_recurring_syrian_areas_resolve_at_home(places, text, name, lat, lon):
    found = places(text)
    assert name in found, sorted(found)
    assert found[name].country == "SY"
    assert near(found[name], lat, lon, 15)


@pytest.fixture(scope="module")
def headline_place_of(resources):
    from claimbase.geo.event_place import headline_place
    from claimbase.geo.geoparse import place_for
    from claimbase.pipeline import PRE_PARSE, Pipeline
    from claimbase.record import Document
    from tests.geo_helpers import ACTOR_PLACE_STAGES

    pipe = Pipeline(resources, pre=PRE_PARSE, post=ACTOR_PLACE_STAGES)
    return lambda text: headline_place(pipe.process(Document(text=text, ref="h")), place_for)


@pytest.mark.parametrize(("text", "scene"), [
    ("A fighter of Manbij died in the battles near Idlib", "Idlib"),
    ("Shelling hits Hama while displaced men from Daraa reach the camps", "Hama"),
])
def test_where_people_came_from_is_not_the_scene(headline_place_of, text, scene):
    assert headline_place_of(text).text == scene


def test_people_from_a_route_start_stay_candidates():
    from claimbase.geo.event_place import people_from

    text = "fighters of Azaz to Afrin"
    assert not people_from(text, text.index("Azaz"), text.index("Azaz") + 4)
    text = "fighters of Azaz were wounded"
    assert people_from(text, text.index("Azaz"), text.index("Azaz") + 4)
    text = "the countryside of Azaz"
    assert not people_from(text, text.index("Azaz"), text.index("Azaz") + 4)
