"""Ranking among namesakes (claimbase/geo/namesakes.py), on the real gazetteer."""

from __future__ import annotations

from collections import Counter

import pytest

from claimbase.geo.gazetteer import Context, Gazetteer


@pytest.fixture(scope="session")
def gaz(resources) -> Gazetteer:
    return resources.gazetteer


def test_bigger_namesake_when_both_countries_are_named(gaz):
    # a story naming many US cities and, less often, Russia: neither St. Petersburg's state
    # or province is named, so the far bigger Russian city is meant
    ctx = Context(countries=Counter({"US": 6.0, "RU": 2.0}),
                  admins=Counter({"New York": 2.0, "Illinois": 1.0, "Georgia": 1.0}))
    place = gaz.resolve("St. Petersburg", ctx)
    assert place is not None and place.country == "RU"


def test_named_state_still_decides(gaz):
    # the same story leaning on Florida keeps the Florida city
    ctx = Context(countries=Counter({"US": 6.0, "RU": 2.0}),
                  admins=Counter({"Florida": 3.0, "New York": 1.0}))
    place = gaz.resolve("St. Petersburg", ctx)
    assert place is not None and (place.country, place.admin1) == ("US", "Florida")


def test_unnamed_country_does_not_get_the_size_rule(gaz):
    # only the US is named: the Florida city, not the Russian one
    ctx = Context(countries=Counter({"US": 6.0}),
                  admins=Counter({"New York": 2.0, "Illinois": 1.0}))
    place = gaz.resolve("St. Petersburg", ctx)
    assert place is not None and place.country == "US"


def test_unlike_former_name_ranks_below_own_names(gaz):
    # Beeville (Texas) once was "Maryville": a story leaning on Texas that names Maryville
    # still means a town called Maryville
    ctx = Context(countries=Counter({"US": 4.0}), admins=Counter({"Texas": 3.0}))
    place = gaz.resolve("Maryville", ctx)
    assert place is not None and place.name == "Maryville"


def test_county_name_of_a_seat_is_no_unlike_alias(gaz):
    from claimbase.geo.namesakes import ALIAS_PENALTY, alias_penalty
    from claimbase.geo.translit import fold

    seat = next(c for c in gaz.candidates("Kanawha") if c.name == "Charleston")
    assert seat.admin2 and "Kanawha" in seat.admin2
    assert alias_penalty("kanawha", fold("kanawha"), seat, "charleston", fold("charleston"),
                         False) == ALIAS_PENALTY
