"""Districts a city's possessive introduces: "Cairo's Shubra neighbourhood", "the city's
Zeitoun district", "Beirut's Hamra quarter".

The NER often takes such a district's name for a product, a date or nothing at all, and the
gazetteer seldom knows city districts; the wording says plainly that the name is a part of
the town before it. The owner must be a town name the gazetteer knows, or "the city/the
capital/the town" (referring back to one). The spans are returned for `find_mentions` to
trust like a designated town; a name left unresolved, or read far from its town (a loose
spelling of a town elsewhere), then takes its town's point (`place_owned_districts`).
"""

from __future__ import annotations

import re
from typing import Any

from claimbase.first_chars import with_first_chars
from claimbase.geo.gazetteer import haversine_km
from claimbase.geo.nearby import NEARBY_FEATURE, NEARBY_PRECISION
from claimbase.geo.translit import NAME_WORD
from claimbase.record import Place

OWNED_KM = 30.0  # a district lies within this distance of its town's point

_OWNED = re.compile(
    rf"(?:(?P<owner>{NAME_WORD}(?:[ \t]+{NAME_WORD})?)|\b(?:the|its)[ \t]+(?:city|capital|town))"
    rf"['’]s?[ \t]+(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})"
    r"[ \t]+(?:district|neighbou?rhood|quarter|suburb|section)\b")
# capitalised words that begin no district name
_NOT_NAMES = frozenset({"The", "A", "An", "This", "That", "New", "Old", "Main", "Central",
                        "Business", "Financial", "Historic", "Commercial", "Industrial",
                        "Diplomatic", "Government", "Shopping", "Entertainment", "Red"})
_TOWNS = frozenset({"city", "capital", "town", "village", "locality", "admin2", "admin3"})
_KIND_WORDS = ("district", "neighbo", "quarter", "suburb", "section")
_TOWN_POINTS = frozenset({"city", "capital", "town", "locality"})
_POSSESSIVE_GAP = re.compile(r"['’]s?[ \t]+")
_REFERRED = re.compile(r"\b(?:the|its)[ \t]+(?:city|capital|town)['’]s[ \t]+\Z")


def _town(gaz: Any, name: str) -> bool:
    """The gazetteer knows `name` exactly as a town or a district."""
    return gaz.has_name(name) and any(c.match == "exact" and c.feature in _TOWNS
                                      for c in gaz.candidates(name)[:10])


def owned_district_spans(text: str, gaz: Any) -> list[tuple[int, int, int]]:
    """(start, end, priority) of every district name a town's possessive introduces."""
    if not any(w in text for w in _KIND_WORDS):
        return []
    out: list[tuple[int, int, int]] = []
    for m in with_first_chars(_OWNED).finditer(text):
        owner = m.group("owner")
        if owner is not None and not _town(gaz, owner):
            continue  # "Smith's Fold district": no town owns it
        name = m.group("name")
        if name.split()[0] in _NOT_NAMES or len(name) < 3:
            continue  # "Cairo's Old City district", "the city's Red Light district"
        out.append((m.start("name"), m.end("name"), 2))
    return out


def _owner(text: str, p: Place, places: list[Place]) -> Place | None:
    """The resolved town that owns the district `p`: the place right before its possessive,
    else (for "the city's") the last town named before it."""
    before = [q for q in places if q.lat is not None and q.end <= p.start]
    if not before:
        return None
    last = max(before, key=lambda q: q.end)
    if _POSSESSIVE_GAP.fullmatch(text, last.end, p.start):
        return last if last.feature in _TOWN_POINTS else None
    if _REFERRED.search(text, max(0, p.start - 30), p.start):
        towns = [q for q in before if q.feature in _TOWN_POINTS]
        return max(towns, key=lambda q: q.end) if towns else None
    return None


def place_owned_districts(text: str, places: list[Place],
                          spans: set[tuple[int, int]]) -> list[Place]:
    """`places` with each owned district (`spans`) that is unresolved or read farther than
    OWNED_KM from its town given its town's point, with precision 2 (near a town)."""
    if not spans:
        return places
    out = []
    for p in places:
        town = _owner(text, p, places) if (p.start, p.end) in spans else None
        if town is None or (p.lat is not None and haversine_km(
                p.lat, p.lon, town.lat, town.lon) <= OWNED_KM):
            out.append(p)
            continue
        out.append(Place(text=p.text, start=p.start, end=p.end, name=p.text, lat=town.lat,
                         lon=town.lon, country=town.country, admin1=town.admin1,
                         admin2=town.admin2, feature=NEARBY_FEATURE,
                         precision=NEARBY_PRECISION))
    return out
