"""What counts as evidence for a namesake: a state reading whose country nothing else backs
votes as a town (claimbase.geo.lone_states), a story teaches its outlet a state only with
more than one name's worth of votes (outlet_memory.STORY_MIN_VOTES), streets and townships
named after a town take no far namesake (nearby.named_after_town), and a lone feature word
cut from a longer name takes no gazetteer reading (nearby.cut_feature_word)."""

from __future__ import annotations

from collections import Counter

import pytest

from claimbase.geo.geoparse import Focus, _first_pass
from claimbase.geo.lone_states import discount_lone_states
from claimbase.geo.nearby import cut_feature_word, named_after_town
from claimbase.geo.outlet_memory import story_state
from tests.geo_helpers import mentions, near, places_by_text


def _focus() -> Focus:
    return Focus(countries={"rivers": Counter({"NG": 2.9}), "charleston": Counter({"US": 1.0})},
                 admins={"rivers": Counter({"Rivers": 2.9}),
                         "charleston": Counter({"South Carolina": 1.0})},
                 points={})


def test_a_state_whose_country_nothing_backs_loses_its_extra_weight():
    focus = _focus()
    discount_lone_states(focus, {"rivers": [("NG", "Rivers", 1.9)]})
    assert focus.admins["rivers"]["Rivers"] == pytest.approx(1.0)
    assert focus.countries["rivers"]["NG"] == pytest.approx(1.0)
    assert focus.admins["charleston"]["South Carolina"] == 1.0  # other names are untouched
    _countries, admins = focus.without("\0none")
    assert story_state(admins) is None  # no clear lead left for the far state


def test_a_backed_state_keeps_its_double_vote():
    focus = _focus()  # a demonym, an actor or the outlet's domain backs the state's country
    discount_lone_states(focus, {"rivers": [("NG", "Rivers", 1.9)]}, Counter({"NG": 1.0}))
    assert focus.admins["rivers"]["Rivers"] == pytest.approx(2.9)
    focus = _focus()  # another name of the story read in that country backs it too
    focus.countries["port harcourt"] = Counter({"NG": 1.0})
    discount_lone_states(focus, {"rivers": [("NG", "Rivers", 1.9)]})
    assert focus.admins["rivers"]["Rivers"] == pytest.approx(2.9)


def test_a_word_like_state_of_another_continent_does_not_lead_a_local_story(gaz):
    ranked = gaz.rank_plain("Northland")[:15]
    area = next((c for c, _s in ranked if c.feature == "admin1" and c.country != "US"), None)
    town = next((c for c, _s in gaz.rank_plain("North Kansas City")[:5]
                 if c.country == "US"), None)
    if area is None or town is None:
        pytest.skip("this gazetteer lacks the Northland region or North Kansas City")
    focus = _first_pass(gaz, mentions("Northland", "North Kansas City", "Northland"))
    _countries, admins = focus.without("\0none")
    assert story_state(admins) != area.admin1
    backed = _first_pass(gaz, mentions("Northland", "Northland"),
                         backing=Counter({area.country: 1.0}))
    assert story_state(backed.without("\0none")[1]) == area.admin1


def test_one_name_read_one_way_is_not_yet_an_outlets_state():
    assert story_state(Counter({"Mādabā": 1.0})) is None  # a single reading of a single name
    assert story_state(Counter({"Ohio": 1.0, "Indiana": 0.1})) is None
    assert story_state(Counter({"Ohio": 1.6, "Indiana": 0.2})) == "Ohio"


def test_streets_and_townships_are_named_after_towns():
    assert named_after_town("Boston Road", "Boston")
    assert named_after_town("Tewksbury Twp.", "Tewksbury")
    assert named_after_town("Jerome Township", "Jerome")
    assert named_after_town("Kishwaukee River", "Kishwaukee")
    assert not named_after_town("Boston", None)
    assert not named_after_town("Clinton Township", "Clinton Township")


def test_a_cut_feature_word_is_no_place_of_its_own():
    text = "Gulls nest on the Farallon Islands and in the Islands district."
    start = text.index("Islands")
    assert cut_feature_word(text, start, start + len("Islands"))
    later = text.index("Islands", start + 1)
    assert not cut_feature_word(text, later, later + len("Islands"))  # "the Islands district"


@pytest.fixture(scope="module")
def read(resources):
    return places_by_text(resources)


def test_a_street_named_after_a_far_town_lies_in_the_storys_town(read):
    places = read("Traffic crawled along Boston Road near Abilene, Texas, after the hail.")
    street, town = places.get("Boston Road"), places.get("Abilene")
    if town is None or town.lat is None:
        pytest.skip("this gazetteer does not read Abilene")
    assert street is not None
    assert not near(street, 42.36, -71.06, 500)  # not Boston, Massachusetts
    assert street.lat is None or near(street, town.lat, town.lon, 100)


def test_a_street_named_after_a_word_like_state_stays_local(read):
    places = read("A bus struck a pole on Rivers Avenue in North Charleston, S.C., on Monday.")
    street = places.get("Rivers Avenue")
    assert street is not None  # still a place of the story
    assert street.country in (None, "US")


def test_a_township_named_after_a_far_town_lies_by_the_storys_places(read):
    places = read("Deputies in Flemington, N.J., said a barn burned in Tewksbury Twp. overnight.")
    twp, town = places.get("Tewksbury Twp."), places.get("Flemington")
    if town is None or town.lat is None:
        pytest.skip("this gazetteer does not read Flemington")
    assert twp is not None
    assert not near(twp, 42.61, -71.23, 100)  # not Tewksbury, Massachusetts
    assert twp.lat is None or near(twp, town.lat, town.lon, 100)


def test_a_cut_feature_word_is_not_hong_kongs_district(read):
    places = read("Seabirds crowd the Farallon Islands off San Francisco, an Oakland biologist said.")
    assert places  # San Francisco and Oakland at least
    assert all(p.country != "HK" for p in places.values())
