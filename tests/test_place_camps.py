"""Camps named after their town with what they are for ("the Rukban displacement camp"):
the camp the gazetteer knows as "<town> camp", else the town where it lies."""

from __future__ import annotations

from claimbase.geo.conflict_names import camp_lookup
from tests.geo_helpers import geo_pipeline


def test_a_refugee_camp_named_after_its_town_is_the_known_camp(gaz):
    text = "Aid trucks reached the al-Hol refugee camp after a week's delay."
    start = text.index("al-Hol")
    assert camp_lookup(text, start, start + len("al-Hol"), gaz) == "al-Hol camp"


def test_a_town_named_without_a_camp_after_it_is_the_town(gaz):
    text = "Aid trucks reached al-Hol after a week's delay."
    start = text.index("al-Hol")
    assert camp_lookup(text, start, start + len("al-Hol"), gaz) is None


def test_the_camp_is_found_and_placed_at_the_camp(resources):
    run = geo_pipeline(resources)
    doc = run("Two more children died this week in the al-Hawl refugee camp in north-east "
              "Syria, where Kurdish-led forces hold thousands of families.")
    camps = [p for p in doc.places if p.feature == "camp"]
    assert camps, [(p.text, p.feature) for p in doc.places]
    assert camps[0].text == "al-Hawl"
    assert abs(camps[0].lat - 36.38) < 0.1 and abs(camps[0].lon - 41.15) < 0.1
