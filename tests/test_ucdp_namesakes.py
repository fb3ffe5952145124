"""Small foreign namesakes in conflict reporting: a town abroad matched only loosely (or by
another of its names) is no reading without a vote for its country, a nearby feature is not
placed at a town in another country, a list is led by its more confident country, and the
recurring Syrian towns of the curated sites resolve at home."""

from __future__ import annotations

from collections import Counter

import pytest

from claimbase.geo.gazetteer import Candidate, Context, _loose_abroad, _loose_elsewhere
from claimbase.geo.nearby import place_near_towns
from claimbase.record import Place
from tests.geo_helpers import near, places_by_text


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


def _town(country: str, match: str, name: str = "Somewhere", population: int = 4000,
          similarity: float = 0.7) -> Candidate:
    return Candidate(id=1, gid=None, name=name, lat=50.0, lon=10.0, country=country,
                     admin1=None, admin2=None, feature="city", population=population,
                     importance=3.5, precision=1, match=match, similarity=similarity)


def test_loose_town_abroad_without_a_vote_is_no_reading():
    syria = Context(countries=Counter({"SY": 2.0}))
    assert _loose_abroad("somewheer", _town("DE", "fold"), syria)
    assert _loose_abroad("somewheer", _town("DE", "fold", similarity=0.9), syria)
    # a vote for its country, from a place or an actor, keeps it
    assert not _loose_abroad("somewheer", _town("DE", "fold"),
                             Context(countries=Counter({"DE": 1.0})))
    assert not _loose_abroad("somewheer", _town("DE", "fold"),
                             Context(actors=Counter({"DE": 1.0})))
    # so does a place of the story near it
    assert not _loose_abroad("somewheer", _town("DE", "fold"), Context(points=[(50.5, 10.5)]))
    assert _loose_abroad("somewheer", _town("DE", "fold"), Context(points=[(33.5, 36.3)]))
    # spellings vary in the conflict region: its towns keep a loose reading
    assert not _loose_abroad("somewheer", _town("SY", "fold"), Context())


def test_a_country_name_alone_keeps_a_loose_region_town():
    # "U.S led coalition airstrikes kill 6 civilians in Menbej": the country, named twice
    # over as a place and an actor, gives no point, and a region town's spelling varies
    us = Context(countries=Counter({"US": 3.0}), actors=Counter({"US": 1.0}))
    assert not _loose_elsewhere(_town("SY", "fold"), us)
    # places with points elsewhere still rule it out
    us.points = [(38.9, -77.0)]
    assert _loose_elsewhere(_town("SY", "fold"), us)
    assert _loose_elsewhere(_town("DE", "fold"), Context(countries=Counter({"US": 3.0})))
    # a country of the region named points at its own towns: "her mother Eliana" in a
    # Lebanese story is no loose reading of an Emirati town
    assert _loose_elsewhere(_town("AE", "fold"), Context(countries=Counter({"LB": 4.0})))


def test_a_loose_region_town_beside_a_foreign_country_name(places):
    found = places("U.S led coalition airstrikes kill 6 civilians in Menbej")
    assert found["Menbej"].country == "SY" and near(found["Menbej"], 36.53, 37.95, km=15)


def test_story_naming_nothing_else_keeps_only_a_close_spelling():
    assert _loose_abroad("somewheer", _town("DE", "fold"), Context())
    assert not _loose_abroad("somewheer", _town("DE", "fold", similarity=0.85), Context())


def test_other_name_counts_as_loose_only_for_a_small_town():
    # matched by one of its alternate names (not its own): loose when small, kept when big
    assert _loose_abroad("elsewhere", _town("DE", "exact", similarity=1.0), Context())
    assert not _loose_abroad("elsewhere", _town("DE", "exact", population=400_000,
                                                similarity=1.0), Context())
    # its own name is no loose match
    assert not _loose_abroad("somewhere", _town("DE", "exact", similarity=1.0), Context())


def test_transliterated_syrian_name_is_not_a_russian_city(places):
    found = places("Rebels shelled the airbase of Tivur after midnight")
    assert found["Tivur"].country != "RU"


def test_alternate_name_of_a_german_town_is_not_read_in_a_syrian_story(places):
    found = places("Heavy fighting was reported around Khelsa south of the city on Sunday")
    assert found["Khelsa"].country != "DE"


def test_nearby_feature_is_not_placed_at_a_town_abroad(gaz):
    text = "Raids hit the outskirts of Jisr al-Shughur while jets circled over Annecy"
    jisr = Place(text="Jisr al-Shughur", start=27, end=42)
    annecy = Place(text="Annecy", start=67, end=73, name="Annecy", lat=45.9, lon=6.13,
                   country="FR", feature="city")
    out = place_near_towns(text, [jisr, annecy], gaz)
    assert out[0].lat is None  # the gazetteer spells it closely in Syria only


def test_nearby_feature_takes_a_town_of_the_main_country(gaz):
    text = "Boats sank on Lake Quillon near Annecy, as Homs and Hama were shelled"
    lake = Place(text="Lake Quillon", start=14, end=26)
    annecy = Place(text="Annecy", start=32, end=38, name="Annecy", lat=45.9, lon=6.13,
                   country="FR", feature="city")
    homs = Place(text="Homs", start=43, end=47, name="Homs", lat=34.73, lon=36.71,
                 country="SY", feature="city")
    hama = Place(text="Hama", start=52, end=56, name="Hama", lat=35.13, lon=36.76,
                 country="SY", feature="city")
    out = place_near_towns(text, [lake, annecy, homs, hama], gaz)
    assert out[0].country == "SY"  # the story's main country, not the town right behind


def test_list_led_by_the_confident_country(places):
    found = places("Air strikes hit Maan and Idlib countryside on Monday, killing two")
    idlib = found["Idlib"]
    assert idlib.country == "SY" and idlib.lat is not None
    # nor is the other member re-read as a hamlet abroad that bears the name only among
    # its alternate names: better no point than a Turkish village
    assert found["Maan"].country != "TR"


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Arbin", 33.54, 36.37), ("Kafriya", 35.99, 36.69), ("Foua", 35.98, 36.70),
    ("Ein Tarma", 33.52, 36.35), ("Saqba", 33.52, 36.38), ("Hamouriyah", 33.53, 36.38),
    ("Sari Kani", 36.85, 40.07), ("Abu Rasin", 36.85, 40.33), ("Hunaida", 35.83, 38.70),
])
def test_recurring_syrian_towns_resolve_at_home(gaz, name, lat, lon):
    best = gaz.resolve(name)
    assert best is not None and best.country == "SY" and near(best, lat, lon, km=10)


def test_damascus_suburb_is_not_its_french_namesake(places):
    found = places("Two children were hurt when shells fell on Arbin east of the capital")
    assert found["Arbin"].country == "SY"


def test_nearby_feature_is_not_placed_at_a_loosely_read_town(gaz):
    # "Kfrnaya" matches no town by its name: a loose reading lends no point to its neighbours
    text = "Boats capsized on Lake Sheen near Kfrnaya"
    lake = Place(text="Lake Sheen", start=18, end=28)
    loose = Place(text="Kfrnaya", start=34, end=41, name="Loose", gazetteer_id="geonames:0",
                  lat=32.0, lon=35.0, country="PS", feature="city")
    out = place_near_towns(text, [lake, loose], gaz)
    assert out[0].lat is None


def test_village_beside_the_airbase_resolves_in_aleppo(gaz):
    best = gaz.resolve("Menagh")
    assert best is not None and best.country == "SY" and near(best, 36.52, 37.05, km=10)
