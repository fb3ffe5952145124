"""A name listed among states is a state: "Idaho, Washington and Montana", "the Oregon and
Washington laws". A name with a state reading, read as a town or a capital far from every
other member of a list of states of one country, takes its state reading (the District of
Columbia's Washington stays when listed with Maryland and Virginia, its neighbours).
"""

from __future__ import annotations

from typing import Any

from claimbase.geo.gazetteer import Gazetteer, haversine_km
from claimbase.record import Place

NEAR_KM = 400.0  # a reading this close to a listed state belongs with it as it is


def states_among_states(runs: list[list[int]], mentions: list[Any], places: list[Place],
                        gaz: Gazetteer) -> None:
    """Give each list member read as a far-off non-state its state reading (in place) when
    every other resolved member is a state of one country."""
    for run in runs:
        resolved = [i for i in run if places[i].lat is not None]
        for i in resolved:
            others = [places[j] for j in resolved if j != i]
            if not others or places[i].feature == "admin1" \
                    or any(p.feature != "admin1" for p in others) \
                    or len({p.country for p in others}) != 1:
                continue
            here = places[i]
            if any(haversine_km(here.lat, here.lon, p.lat, p.lon) <= NEAR_KM for p in others):
                continue
            country = others[0].country
            state = next((c for c in gaz.candidates(mentions[i].lookup or mentions[i].text)
                          if c.match == "exact" and c.feature == "admin1"
                          and c.country == country), None)
            if state is not None:
                best = state.to_place(text=here.text)
                best.start, best.end, best.precision = here.start, here.end, 3
                places[i] = best


__all__ = ["states_among_states"]
