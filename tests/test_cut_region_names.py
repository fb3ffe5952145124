"""Conflict-region names cut at a hyphenated article or unresolved by the stray rule
(claimbase.geo.cut_names, claimbase.geo.strays), and verbs taken for towns, through the real
pipeline."""

from __future__ import annotations

import pytest

from claimbase.geo.cut_names import whole_articled_names
from claimbase.geo.geoparse import Mention
from tests.geo_helpers import places_by_text


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


def test_span_ending_with_a_hyphenated_article_takes_the_rest_of_the_word():
    text = "violent fighting near Ghanim Al-Ali town"
    s = text.index("Ghanim")
    cut = Mention(start=s, end=s + len("Ghanim Al-"), text="Ghanim Al-")
    rest = Mention(start=text.index("Ali"), end=text.index("Ali") + 3, text="Ali")
    mentions = [cut, rest]
    whole_articled_names(text, mentions)
    assert mentions == [cut]
    assert (cut.text, cut.lookup) == ("Ghanim Al-Ali", "Ghanim Al-Ali")
    assert text[cut.start:cut.end] == cut.text


def test_the_rest_of_a_cut_name_is_not_read_as_a_town_abroad(places):
    found = places("Dozens of raids target Madan and the southern banks of Euphrates River "
                   "as well as violent fighting and a booby trapped vehicle explosions near "
                   "Ghanim Al-Ali town")
    assert "Ali" not in found and "Ghanim Al-" not in found
    assert "Ghanim Al-Ali" in found
    assert found["Madan"].country == "SY"


def test_a_route_between_two_capitals_keeps_the_town_read(places):
    found = places("Iranian forces secure the road of Bokamal – T2 and ISIS continues its "
                   "attempts to threaten road of Tehran – Beirut")
    assert found["Bokamal"].country == "SY" and found["Bokamal"].lat is not None
    assert found["Tehran"].country == "IR" and found["Beirut"].country == "LB"


def test_a_capitalised_verb_in_a_title_case_headline_is_no_town(places):
    found = places("Warplanes Target A School in Jisr Al-Shughur City and Kill 4 Citizens, "
                   "Mostly from One Family")
    assert "Kill" not in found
    assert found["Jisr Al-Shughur"].country == "SY"


def test_the_town_named_like_the_verb_stays_after_a_locative(places):
    found = places("Five people were hurt in Kill, County Kildare, on Sunday")
    assert found["Kill"].country == "IE"
