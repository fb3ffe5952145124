"""What a story of the conflict region takes for granted ("regime forces", a locale cue in
data/place_locale_cues.tsv) tells the geoparser the story is regional, as an actor of the
region does, so a loosely spelled region town after a locative word is read."""

from __future__ import annotations

import pytest

from claimbase.geo.geoparse import _locale_votes
from tests.geo_helpers import near, places_by_text


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


def test_regime_forces_is_a_cue_of_the_syrian_war():
    assert _locale_votes("Regime forces shell the town")["SY"] > 0
    assert _locale_votes("The regime said on Monday")["SY"] == 0


def test_a_loose_spelling_in_a_story_told_with_the_cue(places):
    text = ("More members from the regime forces and militiamen loyal to them killed in "
            "clashes at Qameshly city and its outskirts")
    found = places(text)
    assert "Qameshly" in found and found["Qameshly"].country == "SY"
    assert near(found["Qameshly"], 37.05, 41.23, km=25)
