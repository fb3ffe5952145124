"""A national capital's name, in a story that names its country, beats a foreign namesake
town of up to SMALL_TOWN people (claimbase.geo.capitals)."""

from __future__ import annotations

import pytest

from claimbase.geo.capitals import SMALL_TOWN, capitals_of_named_countries
from claimbase.record import Place


def _reading(gaz, name: str, country: str) -> Place | None:
    """The biggest exact town reading of a name in a country, as a resolved place."""
    towns = [c for c in gaz.candidates(name)[:20] if c.match == "exact" and c.country == country
             and c.feature in ("city", "town", "village")]
    if not towns:
        return None
    best = max(towns, key=lambda c: c.population)
    return best.to_place(text=name, start=0, end=len(name))


def test_a_named_countrys_capital_beats_a_mid_sized_namesake_abroad(gaz):
    town = _reading(gaz, "Washington", "GB")
    if town is None or not 50_000 <= (gaz.get(town.gazetteer_id).population or 0) < SMALL_TOWN:
        pytest.skip("this gazetteer has no mid-sized English Washington")
    us = Place(text="America", start=40, end=47, country="US", feature="country", lat=39.8,
               lon=-98.6)
    text = "Washington pressed its allies again, and America said the talks would go on."
    out = capitals_of_named_countries(text, [town, us], gaz)
    assert out[0].country == "US" and out[0].feature == "capital"
    # written with its county or state after a comma, the town keeps its own reading
    text = "Washington, Tyne and Wear, welcomed visitors from America on Sunday."
    assert capitals_of_named_countries(text, [town, us], gaz)[0].country == "GB"
    # with no country named, nothing changes
    assert capitals_of_named_countries(text, [town], gaz)[0].country == "GB"
