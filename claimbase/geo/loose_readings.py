"""Names read far from the place the text sets them in.

"An air strike on the Marjeh neighbourhood of Aleppo city": the gazetteer knows no Aleppo
neighbourhood of that name, and the name's transliteration skeleton matches a farmland area
east of Damascus, 300 km away. A name the text sets inside or beside another place ("X
neighbourhood of Y", "X village in the countryside of Y", "X in Y", "X, Y") lies near that
place. When the name's reading lies far from it (more than ANCHOR_KM[feature of Y]) and
was found by a loose spelling (a transliteration skeleton or a fuzzy match, not a name the
gazetteer has for it), or lies in another country than Y, the reading is wrong: the name's
candidate nearest Y within reach is taken when there is one, else the name is left
unresolved, and `nearby.place_near_towns` then puts it at Y with precision 2. A street or
road named after a far town ("Tal Abyad street, Raqqa city") is no reading of the town.

Only an anchor read by its own name or a close spelling (`nearby.firm`) corrects another
name, and only one the text links to the name right after it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from claimbase.config import word_list
from claimbase.geo.gazetteer import Candidate, Gazetteer, haversine_km
from claimbase.geo.nearby import CLOSE_SPELLING, firm
from claimbase.record import Place

# how far a place set in an anchor of this feature may lie from the anchor's point
ANCHOR_KM = {"admin1": 200.0, "region": 120.0, "mountains": 120.0, "desert": 200.0}
TOWN_KM = 60.0  # any other anchor (a town, a city, a site)
STREET_KM = 10.0  # a street named after a town farther than this from where it lies
_NO_ANCHOR = frozenset({"country", "continent", "water", "river"})
_READINGS = frozenset({"city", "town", "village", "locality", "neighbourhood", "region",
                       "admin2", "admin3", "site", "camp", "airport", "military base",
                       "mountains"})

# what joins a name to the place it lies in: an optional designator of the name, then ","
# (after a designator) or a preposition, optionally a compass word and a part noun ("in
# the northern countryside of"), up to the anchor
@cache
def _link() -> re.Pattern[str]:
    """The joining text; a street word (data/place_street_type_words.txt) after the name
    makes it a street's ("Tal Abyad street in Raqqa")."""
    words = sorted(word_list("place_street_type_words.txt"), key=len, reverse=True)
    streets = "|".join(re.escape(w) + ("" if w.endswith(".") else r"\b") for w in words)
    return re.compile(
        rf"(?:\s+(?P<street>{streets})"
        r"|\s+(?P<kind>town|village|city|neighbou?rhood|district|area|camp|farms?|hill"
        r"|quarter))?"
        r"(?:(?P<comma>\s*,\s*)|\s+(?:in|of|near|at|outside|by)\s+)(?:the\s+)?"
        r"(?:(?:north|south|east|west)\w*\s+)?"
        r"(?:(?:countryside|outskirts|suburbs|vicinity|city|town|province|governorate"
        r"|district|area)\s+(?:of\s+|in\s+)?(?:the\s+)?)?\Z", re.IGNORECASE)
_GAP = 60  # characters between the name's end and the anchor's start


def _limit(anchor: Place) -> float:
    return ANCHOR_KM.get(anchor.feature or "", TOWN_KM)


def _anchor(text: str, p: Place, places: list[Place],
            gaz: Gazetteer) -> tuple[Place, bool] | None:
    """The resolved place the text sets `p` in, right after it, and whether `p` is the name
    of a street there ("Tal Abyad street, Raqqa city"). The text must say so plainly, by a
    preposition or a designator: a bare comma also joins a list ("Gaziantep, Aleppo")."""
    after = [q for q in places if q.lat is not None and q.feature not in _NO_ANCHOR
             and p.end <= q.start <= p.end + _GAP and q.text.lower() != p.text.lower()]
    for q in sorted(after, key=lambda q: q.start):
        if m := _link().fullmatch(text, p.end, q.start):
            plain = m["comma"] is None or m["kind"] is not None or m["street"] is not None
            return (q, m["street"] is not None) if plain and firm(gaz, q) else None
        return None  # another place comes first: the name is not set in a later one
    return None


def _reading(gaz: Gazetteer, p: Place) -> Candidate | None:
    return next((c for c in gaz.candidates(p.text) if c.gid == p.gazetteer_id), None)


def near_anchors(text: str, places: list[Place], gaz: Gazetteer) -> list[Place]:
    """`places` with each name read far from the place the text sets it in re-read (see the
    module docstring)."""
    out = []
    for p in places:
        if p.lat is None or p.feature not in _READINGS:
            out.append(p)
            continue
        found = _anchor(text, p, places, gaz)
        if found is None:
            out.append(p)
            continue
        anchor, street = found
        limit = STREET_KM if street else _limit(anchor)
        if haversine_km(p.lat, p.lon, anchor.lat, anchor.lon) <= limit:
            out.append(p)
            continue
        own = _reading(gaz, p)
        loose = own is not None and own.match != "exact" and own.similarity < CLOSE_SPELLING
        if not loose and not street and p.country == anchor.country:
            out.append(p)
            continue
        close = [c for c in gaz.candidates(p.text) if c.lat is not None
                 and c.feature in _READINGS
                 and haversine_km(c.lat, c.lon, anchor.lat, anchor.lon) <= limit]
        if close and not street:
            c = close[0]  # candidates come best prior first
            out.append(replace(c.to_place(p.text, p.start, p.end), precision=p.precision))
        else:
            out.append(Place(text=p.text, start=p.start, end=p.end))
    return out
