"""Place names of conflict reporting (claimbase.geo.conflict_names) and the region's priors."""

from __future__ import annotations

import pytest

from claimbase.geo.gazetteer import (
    RULER_COUNTRIES,
    UNKNOWN_SEAT_IMPORTANCE,
    Candidate,
    haversine_km,
    prior_importance,
)
from claimbase.geo.geoparse import usable_places
from claimbase.pipeline import PRE_PARSE, Pipeline
from claimbase.record import Document

STAGES = [
    ("reference_date", "claimbase.timex.reference:set_reference_date"),
    ("actors", "claimbase.nlp.actors:find_actors"),
    ("places", "claimbase.geo.geoparse:find_places"),
]


@pytest.fixture(scope="module")
def run(resources):
    pipe = Pipeline(resources, pre=PRE_PARSE, post=STAGES)
    return lambda text: pipe.process(Document(text=text, ref="<text>"))


def found(run, text: str) -> dict[str, object]:
    return {p.text: p for p in run(text).places}


def near(place, lat: float, lon: float, km: float = 25.0) -> bool:
    return place.lat is not None and haversine_km(place.lat, place.lon, lat, lon) <= km


@pytest.mark.parametrize("text,name,lat,lon", [
    # the target of an attack, though the NER reads it as a person
    ("Warplanes carried out airstrikes on Jisr al-Shughur city overnight.",
     "Jisr al-Shughur", 35.81, 36.32),
    # a one-word transliteration of a region town
    ("Fighting went on around Menbej and al-Bab through the night.", "Menbej", 36.53, 37.95),
    # a semicolon between words splits them
    ("Shelling hit Madaya;4 people died in Zabadani", "Madaya", 33.69, 36.10),
    # a name before a designator
    ("Jets of the Turkish army leveled half of Jendires town on Monday.",
     "Jendires", 36.40, 36.69),
    # a country of the region does not rule out a town of another
    ("Turkey pressed on with its offensive in Afrin, shelling the villages.",
     "Afrin", 36.51, 36.87),
])
def test_conflict_reporting_names_resolve_in_the_region(run, text, name, lat, lon):
    assert near(found(run, text)[name], lat, lon)


def test_a_region_seat_without_population_beats_a_namesake_abroad(run):
    places = found(run, "Three people were wounded in Ras al-Ayn.")
    assert places["Ras al-Ayn"].country == "SY"


def test_a_compass_word_in_lower_case_before_a_region_name(run):
    places = found(run, "Artillery pounded several towns in eastern Ghouta on Friday.")
    assert places["eastern Ghouta"].name == "Eastern Ghouta"
    places = found(run, "Fighting flared again in western Ghouta.")
    assert places["western Ghouta"].name == "Western Ghouta"


def test_a_site_named_with_its_kind(run):
    places = found(run, "A blast shook Rokban camp near the desert border on Tuesday.")
    assert places["Rokban camp"].feature == "camp"


def test_a_town_tagged_as_an_organisation_after_in_is_usable(run):
    doc = run("Five fighters were killed in clashes in al-Tabaqa countryside.")
    assert any(near(p, 35.84, 38.55) for p in usable_places(doc))


def test_an_arabic_article_keeps_a_name_in_the_region(resources):
    gaz = resources.gazetteer
    assert gaz.resolve("Arima").country == "TT"  # the name alone: Trinidad's Arima
    hit = gaz.resolve("al-Arima")
    assert hit is None or hit.country != "TT"


def test_no_loose_matches_in_an_ordinary_local_story(run):
    places = found(run, "The forum meets at Samuel Tucker school, then the club goes to "
                        "First Bank on Main Street for the raffle.")
    assert "Samuel" not in places and "First" not in places


def test_a_region_town_without_population_counts_as_a_seat():
    base = dict(id=1, gid="geonames:1", name="Somewhere", lat=35.0, lon=38.0, admin1=None,
                admin2=None, feature="city", population=0, importance=0.0, precision=1,
                match="exact", similarity=1.0)
    region = next(iter(sorted(RULER_COUNTRIES)))
    assert prior_importance(Candidate(country=region, **base)) == UNKNOWN_SEAT_IMPORTANCE
    assert prior_importance(Candidate(country="FR", **base)) == 0.0
    known = {**base, "population": 800, "importance": 2.9}
    assert prior_importance(Candidate(country=region, **known)) == 2.9
