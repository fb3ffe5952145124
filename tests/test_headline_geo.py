"""Short conflict reports (headlines): foreign actors, curated Syrian areas, the headline's
main country, and dates that tell a count's start or an earlier episode."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from claimbase.eval.places import _earlier_reference
from claimbase.geo.event_place import main_country
from claimbase.geo.gazetteer import Context, Gazetteer, haversine_km
from claimbase.record import Place
from claimbase.timex.dates import normalise


@pytest.fixture(scope="session")
def gaz(resources) -> Gazetteer:
    return resources.gazetteer


def test_foreign_actors_alone_do_not_push_a_town_abroad(gaz):
    # only the actors (Russian jets) give context: the Syrian town keeps its reading
    ctx = Context(countries=Counter({"RU": 1.5}), actors=Counter({"RU": 1.5}), cue="city")
    place = gaz.resolve("Palmyra", ctx)
    assert place is not None and place.country == "SY"
    place = gaz.resolve("Al-Mayadin", Context(countries=Counter({"LB": 1.0}),
                                              actors=Counter({"LB": 1.0})))
    assert place is not None and place.country == "SY"


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Sahl al-Ghab", 35.55, 36.35),
    ("Barada Valley", 33.63, 36.16),
    ("Kurds Mountain", 35.72, 36.17),
    ("Turkmen Mountain", 35.82, 36.05),
    ("Ein Essa", 36.385, 38.86),
    ("Jobar", 33.53, 36.33),
    ("al-Wa’er", 34.745, 36.665),
    ("Shekh Maqsoud", 36.225, 37.155),
])
def test_curated_syrian_areas_and_neighbourhoods(gaz, name, lat, lon):
    place = gaz.resolve(name, Context(countries=Counter({"SY": 1.0})))
    assert place is not None and place.country == "SY"
    assert haversine_km(place.lat, place.lon, lat, lon) < 10


def _place(text: str, country: str, feature: str = "city") -> Place:
    return Place(text=text, start=0, end=len(text), name=text, lat=35.0, lon=38.0,
                 country=country, feature=feature, precision=1)


def test_main_country_counts_areas_twice_and_ties_go_to_the_region():
    assert main_country([_place("Sultan", "LY"), _place("Idlib", "SY", "admin1")]) == "SY"
    assert main_country([_place("Granja", "BR"), _place("Ghouta", "SY")]) == "SY"
    assert main_country([_place("Paris", "FR"), _place("Lyon", "FR"),
                         _place("Homs", "SY")]) == "FR"
    assert main_country([]) is None


@pytest.mark.parametrize(("text", "expression", "earlier"), [
    ("Toll rises to 90 dead since the 3rd of May 2018 in the south", "3rd of May 2018", True),
    ("Rebels retake a village they lost two weeks ago", "two weeks ago", True),
    ("Gunmen kill a man after abducting him a week ago", "a week ago", True),
    ("Shelling kills 4 two days ago near the border", "two days ago", False),
    ("Death toll reaches 12 since yesterday morning", "yesterday", False),
    ("Jets strike the town on 4 May 2018", "4 May 2018", False),
])
def test_dates_of_a_count_start_or_an_earlier_episode(text, expression, earlier):
    found = [d for d in normalise(text, date(2018, 6, 1)) if expression in d.text]
    assert found, text
    assert _earlier_reference(text, 0, found[0]) is earlier


def test_a_period_the_report_is_written_in_ends_on_its_date():
    ref = date(2019, 6, 20)
    past = normalise("Losses mounted in 2019 across the east.", ref)
    assert (past[0].value_start, past[0].value_end) == ("2019-01-01", "2019-06-20")
    month = normalise("Raids hit the town in June 2019.", ref)
    assert (month[0].value_start, month[0].value_end) == ("2019-06-01", "2019-06-20")
    plan = normalise("Talks will resume in 2019.", ref)
    assert plan[0].value_end == "2019-12-31"  # a future plan keeps the whole year
    whole = normalise("Losses mounted in 2018.", ref)
    assert whole[0].value_end == "2018-12-31"
