"""A county's bare name read as a far town of that name: the county it is.

Local news names a county in full once ("DeKalb County") and then bare ("DeKalb police",
"unincorporated DeKalb"). `short_forms` reads the bare word as the county only when no
sizeable town bears the name, since a bare "Lancaster" beside "Lancaster County" is
usually the city. When the town the ranker then picks lies in another state than the
county the story names in full (DeKalb, Illinois in an Atlanta story about DeKalb County,
Georgia), the bare word is that county; a town of the county's own state keeps its reading.
"""

from __future__ import annotations

from dataclasses import replace

from claimbase.record import Place

_TOWN_FEATURES = frozenset({"city", "capital", "town", "village", "locality"})
_DESIGNATORS = (" County", " Parish")


def county_readings(places: list[Place], strong: set[tuple[int, int]]) -> list[Place]:
    """The places with every bare county name read as a town of another state than the
    county the document names in full given the county's reading. `strong`: spans whose
    own qualifier chose the reading ("DeKalb, Ill."), which stay as they are."""
    counties: dict[str, Place] = {}
    for p in places:
        if p.feature == "admin2" and p.lat is not None and p.admin1:
            for word in _DESIGNATORS:
                if p.text.endswith(word):
                    counties.setdefault(p.text[:-len(word)], p)
    if not counties:
        return places
    out = []
    for p in places:
        county = counties.get(p.text)
        if county is not None and (p.start, p.end) not in strong and (
                p.lat is None or (p.feature in _TOWN_FEATURES and p.country == county.country
                                  and p.admin1 != county.admin1)):
            p = replace(county, text=p.text, start=p.start, end=p.end)
        out.append(p)
    return out
