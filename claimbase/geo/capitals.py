"""A national capital's name in a story that names its country is that capital.

"talks between Baghdad and Damascus" in a story about Syria and the US is Damascus, Syria,
not Damascus, Maryland, however strongly the American actors pull the reading home. A name
written with its state ("Damascus, Md.") keeps its reading.
"""

from __future__ import annotations

import re

from claimbase.geo.gazetteer import Gazetteer
from claimbase.record import Place

_TOWNS = frozenset({"city", "town", "village", "locality"})  # not counties ("Washington")
_STATE_AFTER = re.compile(r",[ \t]*[A-Z]")


SMALL_TOWN = 100_000  # a namesake this small yields to a named country's capital


def _small_town(gaz: Gazetteer, p: Place) -> bool:
    """The reading is a town of fewer than SMALL_TOWN people (or has no population)."""
    entry = gaz.get(p.gazetteer_id) if p.gazetteer_id else None
    return entry is not None and (entry.population or 0) < SMALL_TOWN


def capitals_of_named_countries(text: str, places: list[Place], gaz: Gazetteer) -> list[Place]:
    """The places, with a small town replaced by the same-named capital of a country the
    document names."""
    named = {p.country for p in places if p.feature == "country" and p.country}
    if not named:
        return places
    out = []
    for p in places:
        if p.lat is None or p.feature not in _TOWNS or _STATE_AFTER.match(text, p.end):
            out.append(p)
            continue
        capital = next((c for c in gaz.candidates(p.text)[:10] if c.match == "exact"
                        and c.feature == "capital" and c.country in named), None)
        if capital is None or not _small_town(gaz, p):
            out.append(p)
            continue
        best = capital.to_place(text=p.text, start=p.start, end=p.end)
        best.precision = p.precision if p.precision is not None else best.precision
        out.append(best)
    return out


__all__ = ["capitals_of_named_countries"]
