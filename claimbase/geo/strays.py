"""Stray namesakes abroad in a story about one country of the conflict region.

A war report about Syria names villages the gazetteer does not hold; when one of them shares
its name with a town elsewhere in the Arabic-, Kurdish-, Persian- and Turkish-speaking region,
where the same town names recur ("al-Marj" near Damascus and Al Marj in Libya), the only
reading left is the foreign town, hundreds of kilometres from every other place of the story. Such a
reading is a misreading: the mention stays a place, unresolved (no point), so that it
neither places the story's events abroad nor drags other names there.

`home_namesakes` (zones.py) handles the case where the gazetteer does know a home namesake;
this rule applies when it knows none.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from claimbase.geo.gazetteer import RULER_COUNTRIES, haversine_km
from claimbase.record import Place

if TYPE_CHECKING:
    from claimbase.geo.gazetteer import Gazetteer

# a stray is a town of at most this many people (a city of millions abroad is named on
# purpose), at least this far from every other resolved place of the story
STRAY_MAX_POP = 200_000
STRAY_MIN_KM = 500.0
_TOWN_FEATURES = frozenset({"city", "town", "village", "locality", "neighbourhood", "admin1",
                            "admin2"})
# places that point at their country whatever their size (a country's name does not: it is
# often an actor, "gunmen loyal to Iran")
_AREAS = frozenset({"admin1", "capital", "region", "desert", "mountains", "neighbourhood",
                    "airport", "military base", "camp"})


def drop_stray_namesakes(places: list[Place], gaz: Gazetteer, votes: Counter) -> list[Place]:
    """The places, each town (or province) of a country of the conflict region left
    unresolved when the story's other places lie in another country of the region and
    nothing in the story (no actor or demonym: `votes`, country -> weight) points at the
    town's country. The other places count when they are provinces, capitals, areas or
    sites, or towns bigger than the stray (a province abroad, "Abyan", stands for a town of
    its name: any town outweighs it). A town outside the region ("Oxford University" in a
    report on Idlib) is named on purpose and keeps its reading."""
    resolved = [p for p in places if p.lat is not None and p.country]
    out = []
    for p in places:
        if p.lat is None or p.country not in RULER_COUNTRIES or p.feature not in _TOWN_FEATURES \
                or votes.get(p.country, 0) > 0:
            out.append(p)
            continue
        others = [q for q in resolved if q.text.lower() != p.text.lower()
                  and q.feature != "country"]
        if not others or any(q.country == p.country for q in others) or any(
                haversine_km(p.lat, p.lon, q.lat, q.lon) < STRAY_MIN_KM for q in others):
            out.append(p)
            continue
        size = _population(p, gaz)
        if p.feature in ("admin1", "admin2"):
            size = 0 if size is not None and size < STRAY_MAX_POP else None  # named as a town
        if size is None or size >= STRAY_MAX_POP:
            out.append(p)
            continue
        anchors = Counter(q.country for q in others
                          if q.feature in _AREAS or (_population(q, gaz) or 0) > size)
        if not anchors or anchors.most_common(1)[0][0] not in RULER_COUNTRIES:
            out.append(p)
            continue
        out.append(Place(text=p.text, start=p.start, end=p.end))
    return out


def _population(p: Place, gaz: Gazetteer) -> int | None:
    """The population of the gazetteer entry a place was resolved to (None: not found)."""
    own = gaz.get(p.gazetteer_id) if p.gazetteer_id else None
    return None if own is None else own.population
