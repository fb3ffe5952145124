"""Towns listed with others that the gazetteer does not have: placed in their siblings'
province.

In "the road linking Basri, Saida and Daraa" or "the villages of Abtah, Da'el and Nawa in
Daraa province" the small villages are often missing from the city lists (GeoNames keeps
only a few hundred Syrian towns with a population), and their names may reach a foreign
town through one of its other names ("Saida" is also Sidon, Lebanon). When the other
members of a list (and a place the list is said to lie in) are resolved in the document's
leading country, a member that has no reading (in a list of three or more), or only a
foreign town reached through an other name, becomes an unresolved name with that country and, when the
siblings share one, their province (RECORD.md: no gazetteer id and no point; precision 3,
the province is all that is known).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from claimbase.geo.gazetteer import name_fold
from claimbase.geo.precision import own_name
from claimbase.record import Place

if TYPE_CHECKING:
    from claimbase.geo.geoparse import Mention

_TOWNS = frozenset({"city", "town", "village", "locality", "capital"})
_SIBLING_FEATURES = _TOWNS | {"admin1", "admin2", "admin3"}
# "A, B and C in Daraa province", "… in the Daraa countryside", "… of eastern Homs"
_IN_AREA = re.compile(r",?\s+(?:in|near|of|across)\s+(?:the\s+)?(?:(?:north|south|east|west)"
                      r"(?:ern)?\s+)?(?:(?:countryside|province|governorate)\s+of\s+)?\Z",
                      re.IGNORECASE)


def _foreign_alias(text: str, place: Place, leading: str) -> bool:
    """A town abroad reached through one of its other names ("Saida" for Sidon), not by its
    own name or a short form of it ("St. Petersburg", "New York" of New York City)."""
    return place.lat is not None and place.country != leading and \
        place.feature in _TOWNS and place.feature != "capital" and \
        name_fold(place.name or "") != name_fold(text) and not own_name(text, place.name or "")


def place_in_siblings_province(text: str, runs: list[list[int]], mentions: list[Mention],
                               places: list[Place]) -> None:
    """Give the unresolved (or foreign-alias) members of each list the country and province
    of their resolved siblings (see the module docstring); changes `places` in place."""
    counts = Counter(p.country for p in places if p.country)
    if not counts:
        return
    leading = counts.most_common(1)[0][0]
    for run in runs:
        area = run[-1] + 1  # the place the list is said to lie in
        members = list(run)
        if area < len(mentions) and _IN_AREA.match(text[mentions[run[-1]].end:mentions[area].start]):
            members.append(area)
        resolved = [i for i in members if places[i].lat is not None
                    and places[i].feature in _SIBLING_FEATURES
                    and not _foreign_alias(mentions[i].text, places[i], leading)]
        for i in run:
            p = places[i]
            unknown = p.lat is None and p.country is None and p.feature is None
            if not (unknown and len(run) >= 3 or _foreign_alias(mentions[i].text, p, leading)):
                continue  # "al-Bab and el-Fasher": two names are no list of neighbours
            sibs = [places[j] for j in resolved if j != i]
            if not sibs or any(s.country != leading for s in sibs):
                continue
            admins = {s.admin1 for s in sibs}
            places[i] = Place(text=p.text, start=p.start, end=p.end, country=leading,
                              admin1=admins.pop() if len(admins) == 1 else None,
                              precision=3)


__all__ = ["place_in_siblings_province"]
