"""Small namesakes abroad that nothing in the story points at, after resolution.

A report about one country names a town the ranker read as a small namesake abroad: "Ras
al-Ayn" in a Syrian story read as Rosh Ha'Ayin in Israel, "al-Marj" near Damascus read as Al
Marj in Libya. `namesakes_abroad` takes the document's resolved places and its actor and
demonym country votes and, for a town (or province) reading of at most NAMESAKE_MAX_POP
people in a country nothing else in the story points at:

1. `_home_namesakes`: when the gazetteer knows an exact namesake in a country the story does
   point at (its actors, demonyms or other places), the mention is that namesake;
2. `_regional_strays`: else, in the Arabic-, Kurdish-, Persian- and Turkish-speaking
   conflict region, where the same town names recur, a reading farther than STRAY_MIN_KM
   from every other place of a story set elsewhere in the region (most of the other places
   in one country) stays a place, unresolved
   (no point), rather than placing the story's events abroad. A reading found only loosely
   (a fold or a transliteration skeleton, not one of the place's names: "Badir" as Badr,
   Egypt; "Al-Shughour" as Sinjar) is a guess: it never makes another place a stray, and
   any place read by its own name outweighs it ("Al-Dameer", the Syrian town, stands).

The other namesake rules differ in what they know and when they act, and stay apart:

- `gazetteer._off_focus` (ranking, one candidate at a time): a small candidate in a country
  with under 5% of the document's soft focus votes, when its actors and places point
  elsewhere, is no reading at all, so the next candidate wins; it sees the first pass's
  soft votes, not the places finally read, and never re-reads a name as another country's
  town the ranker placed lower.
- `precision._unsupported_namesake` (after the person and organisation filters): a small
  reading outside the conflict region that no other place of the story lies near (300 km)
  nor shares a country with: the famous namesake when one is much larger and closer to the
  story ("Mecca"), else unresolved. Readings inside the region by their own name are left to
  this module, where foreign forces' operations make a town abroad ordinary news.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from claimbase.geo.gazetteer import RULER_COUNTRIES, haversine_km
from claimbase.record import Place

if TYPE_CHECKING:
    from claimbase.geo.gazetteer import Gazetteer

# a namesake abroad is a town of at most this many people (a city of millions abroad is named
# on purpose); a regional stray lies at least this far from every other place of the story
NAMESAKE_MAX_POP = 200_000
STRAY_MIN_KM = 500.0
# readings a home namesake may replace, and readings a regional stray may be
_HOME_FEATURES = frozenset({"city", "town", "village", "locality", "admin2", "neighbourhood"})
_STRAY_FEATURES = _HOME_FEATURES | {"admin1"}
# places that point at their country whatever their size (a country's name does not: it is
# often an actor, "gunmen loyal to Iran")
_AREAS = frozenset({"admin1", "capital", "region", "desert", "mountains", "neighbourhood",
                    "airport", "military base", "camp"})


def namesakes_abroad(places: list[Place], gaz: Gazetteer, votes: Counter) -> list[Place]:
    """The places with each small namesake abroad nothing in the story points at re-read
    as the home namesake, else (in the conflict region) left unresolved. `votes`: the
    country votes of the document's actors and demonyms (country -> weight)."""
    return _regional_strays(_home_namesakes(places, gaz, votes), gaz, votes)


def _home_namesakes(places: list[Place], gaz: Gazetteer, votes: Counter) -> list[Place]:
    """A small town reading in a country that neither the actors nor any other resolved
    place points at, re-read as the exact namesake in the country with most such votes: "Ras
    al-Ayn" in a report whose actors and other places are Syrian is the Syrian town."""
    names: dict[str, str] = {}
    for p in places:
        if p.country and p.lat is not None and p.feature not in ("continent",):
            names.setdefault(p.text.lower(), p.country)
    tally = Counter(votes)
    for country in names.values():
        tally[country] += 1
    out = []
    for p in places:
        rest = _rest_votes(tally, names, p)
        if not p.country or rest.get(p.country, 0) > 0 or p.feature not in _HOME_FEATURES:
            out.append(p)
            continue
        cands = gaz.candidates(p.text)  # cached; the index's own row is slow to fetch
        own = next((c for c in cands if c.gid == p.gazetteer_id), None)
        homes = [c for c in cands if c.match == "exact"
                 and rest.get(c.country, 0) >= 1 and c.feature in _HOME_FEATURES]
        if own is None or own.population >= NAMESAKE_MAX_POP or not homes:
            out.append(p)
            continue
        alt = max(homes, key=lambda c: rest[c.country])  # candidates come best prior first
        out.append(replace(alt.to_place(p.text, p.start, p.end), precision=p.precision))
    return out


def _rest_votes(tally: Counter, names: dict[str, str], p: Place) -> Counter:
    """The country votes of the document without the place's own name."""
    rest = Counter(tally)
    own = names.get(p.text.lower())
    if own:
        rest[own] -= 1
    return rest


def _regional_strays(places: list[Place], gaz: Gazetteer, votes: Counter) -> list[Place]:
    """Each town (or province) of a country of the conflict region left unresolved when the
    story's other places lie in another country of the region, none within STRAY_MIN_KM,
    and no actor or demonym points at the town's country. The other places count when they
    are provinces, capitals, areas or sites, or towns bigger than the stray (a province
    abroad, "Abyan", stands for a town of its name: any town outweighs it). A town outside
    the region ("Oxford University" in a report on Idlib) is named on purpose and keeps its
    reading."""
    resolved = [p for p in places if p.lat is not None and p.country]
    loose = {id(p) for p in resolved if loose_reading(gaz, p)}
    out = []
    for p in places:
        if p.lat is None or p.country not in RULER_COUNTRIES or p.feature not in _STRAY_FEATURES \
                or votes.get(p.country, 0) > 0:
            out.append(p)
            continue
        others = [q for q in resolved if q.text.lower() != p.text.lower()
                  and q.feature != "country" and id(q) not in loose]
        if not others or any(q.country == p.country for q in others) or any(
                haversine_km(p.lat, p.lon, q.lat, q.lon) < STRAY_MIN_KM for q in others):
            out.append(p)
            continue
        size = 0 if id(p) in loose else _population(p, gaz)
        if p.feature in ("admin1", "admin2") and id(p) not in loose:
            size = 0 if size is not None and size < NAMESAKE_MAX_POP else None  # named as a town
        if size is None or size >= NAMESAKE_MAX_POP:
            out.append(p)
            continue
        anchors = Counter(q.country for q in others
                          if q.feature in _AREAS or (_population(q, gaz) or 0) > size)
        lead, count = anchors.most_common(1)[0] if anchors else (None, 0)
        if lead not in RULER_COUNTRIES or 2 * count <= sum(anchors.values()):
            out.append(p)  # no story set elsewhere: "the road of Tehran – Beirut" spans two
            continue
        out.append(Place(text=p.text, start=p.start, end=p.end))
    return out


def loose_reading(gaz: Gazetteer, p: Place) -> bool:
    """The place was read by a loose spelling of none of its names (a fold or a skeleton
    match), a guess."""
    own = next((c for c in gaz.candidates(p.text) if c.gid == p.gazetteer_id), None)
    return own is not None and own.match != "exact"


def _population(p: Place, gaz: Gazetteer) -> int | None:
    """The population of the gazetteer entry a place was resolved to (None: not found)."""
    own = gaz.get(p.gazetteer_id) if p.gazetteer_id else None
    return None if own is None else own.population
