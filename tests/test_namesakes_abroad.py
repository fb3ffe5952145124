"""Small namesakes abroad nothing in the story points at, judged after resolution by one
rule (claimbase.geo.strays.namesakes_abroad): the home namesake when the gazetteer knows
one, else, in the conflict region, unresolved. The regional stray cases are in
tests/test_region_spellings.py."""

from __future__ import annotations

from collections import Counter

from claimbase.geo.strays import namesakes_abroad
from claimbase.record import Place


def _reading(gaz, name: str, country: str, start: int) -> Place:
    cand = next(c for c in gaz.candidates(name) if c.country == country)
    return cand.to_place(name, start, start + len(name))


def test_a_small_reading_abroad_becomes_the_home_namesake(gaz):
    abroad = _reading(gaz, "Ras al-Ayn", "IL", 10)
    hasakah = _reading(gaz, "Hasakah", "SY", 40)
    out = namesakes_abroad([abroad, hasakah], gaz, Counter())
    assert out[0].country == "SY" and out[0].lat is not None
    assert (out[0].start, out[0].end, out[0].text) == (abroad.start, abroad.end, abroad.text)
    assert out[1] == hasakah


def test_a_reading_whose_country_the_story_points_at_stays(gaz):
    abroad = _reading(gaz, "Ras al-Ayn", "IL", 10)
    hasakah = _reading(gaz, "Hasakah", "SY", 40)
    # an Israeli actor or demonym in the story: the Israeli town may well be meant
    assert namesakes_abroad([abroad, hasakah], gaz, Counter({"IL": 1.0}))[0] == abroad
    # nothing else in the story: nothing to re-read it by
    assert namesakes_abroad([abroad], gaz, Counter())[0] == abroad


def test_a_town_is_no_stray_when_the_other_places_lie_in_two_countries(gaz):
    town = _reading(gaz, "Bokamal", "SY", 34)
    tehran = _reading(gaz, "Tehran", "IR", 99)
    beirut = _reading(gaz, "Beirut", "LB", 108)
    out = namesakes_abroad([town, tehran, beirut], gaz, Counter({"IR": 2.0}))
    assert out[0].lat is not None and out[0].country == "SY"
