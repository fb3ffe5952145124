"""A town read in a state the story names by a short form, and a large city at a route's
end beside a list of home towns (claimbase.geo.precision, claimbase.geo.geoparse,
claimbase.geo.listed). The sentences are written for these tests after local news."""

from __future__ import annotations

import pytest

from claimbase.pipeline import PRE_PARSE, Pipeline
from claimbase.record import Document
from tests.geo_helpers import ACTOR_PLACE_STAGES, places_by_text


@pytest.fixture(scope="session")
def places(resources):
    return places_by_text(resources)


@pytest.fixture(scope="session")
def all_places(resources):
    pipe = Pipeline(resources, pre=PRE_PARSE, post=ACTOR_PLACE_STAGES)
    return lambda text: pipe.process(Document(text=text, ref="t")).places


def test_dateline_town_in_a_state_named_by_its_abbreviation_keeps_its_reading(places):
    found = places(
        "Restaurateur to give Southridge venture another shot. SOUTH CHARLESTON, "
        "W.Va. -- Restaurateur Bill Sohovich is giving Southridge another go, but "
        "this time he's opening slowly and more deliberately. Sohovich owns "
        "Soho's in Capitol Market and Blossom Deli downtown."
    )
    town = found["SOUTH CHARLESTON"]
    assert (town.country, town.admin1) == ("US", "West Virginia")
    assert town.lat == pytest.approx(38.37, abs=0.2)


def test_a_route_between_new_york_and_st_petersburg_ends_in_russia(all_places):
    found = all_places(
        "A group of investors believe the time is ripe to launch a new airline "
        "offering flights between New York and St. Petersburg. The carrier will "
        "provide nonstop service between New York's John F. Kennedy International "
        "Airport and St. Petersburg's Pulkovo 2 Airport, its chief executive told "
        "The Moscow Times. It will be the first direct connection between St. "
        "Petersburg and any city in North America."
    )
    ends = [p for p in found if p.text == "St. Petersburg"]
    assert len(ends) == 3
    assert all(p.country == "RU" and p.lat == pytest.approx(59.9, abs=0.3) for p in ends)
    assert {p.country for p in found if p.text == "New York"} == {"US"}
