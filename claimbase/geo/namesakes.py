"""Ranking rules among namesakes: places that share a name.

`size_among_named_countries`: when the document points at the countries of two or more
namesakes and at none of their states or provinces, how often each country is named says
nothing about which one is meant, and the bigger place should win: "St. Petersburg" in a
Moscow paper's story that also names several US cities is the Russian city, not the
Florida one. The candidates so placed get an equal country share (the best of theirs), so
that their sizes, their nearness to the other places and their counties decide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from claimbase.geo.translit import norm

if TYPE_CHECKING:
    from claimbase.geo.gazetteer import Candidate, Context

COUNTRY_WEIGHT = 2.5  # gazetteer.context_score's bonus for a country's full share of votes
NAMED_COUNTRY_SHARE = 0.15  # a country with this share of the votes is one the story names
ADMIN_SILENT = 0.05  # a state with less than this share of the leading state's votes is not
_AREAS = frozenset({"country", "admin1", "continent"})


def size_among_named_countries(scored: list[tuple[Candidate, float]], ctx: Context) -> None:
    """Give the namesakes in named countries whose states are not named the same country
    share (no change with a "City, State" or "City, Country" hint)."""
    if ctx.admin1 or ctx.country or len(scored) < 2:
        return
    total = sum(ctx.countries.values())
    if not total:
        return
    top_admin = max(ctx.admins.values(), default=0.0)
    shares: dict[int, float] = {}
    countries = set()
    for i, (c, _sc) in enumerate(scored):
        if c.feature in _AREAS or c.match != "exact" or not c.country:
            continue
        share = ctx.countries.get(c.country, 0.0) / total
        if share < NAMED_COUNTRY_SHARE:
            continue
        if c.admin1 and top_admin and ctx.admins.get(c.admin1, 0.0) >= ADMIN_SILENT * top_admin:
            continue  # the document names (or leans towards) the candidate's state
        shares[i] = share
        countries.add(c.country)
    if len(countries) < 2:
        return
    best = max(shares.values())
    for i, share in shares.items():
        c, sc = scored[i]
        scored[i] = (c, sc + COUNTRY_WEIGHT * (best - share))


ALIAS_PENALTY = 0.6  # a place found by an alternate name, below the places it names
UNLIKE_ALIAS_PENALTY = 1.6  # ... by an alternate name unlike its own: above a state's vote
UNLIKE_RATIO = 75  # rapidfuzz ratio below which two folded names are unlike
_COUNTY_WORDS = ("county", "parish", "borough")


def alias_penalty(key: str, fkey: str, c: Candidate, own_norm: str, own_fold: str,
                  lenient: bool) -> float:
    """How far a place found only by another of its names ranks below the places whose own
    name it is. A spelling variant ("Cookville" of Cookeville) stays close; an unlike name
    (a former name: "Maryville" of Beeville, Texas) ranks a state's full vote lower, unless
    it is the name of the place's county ("Kanawha" for Charleston, in Kanawha County) or
    the start of its own name ("Berkeley" of Berkeley Springs). `lenient`: a region where
    a town's other names are in everyday use."""
    if lenient or fuzz.ratio(fkey, own_fold) >= UNLIKE_RATIO or own_norm.startswith(key + " "):
        return ALIAS_PENALTY
    county = norm(c.admin2) if c.admin2 else ""
    if county == key or any(county == f"{key} {w}" for w in _COUNTY_WORDS):
        return ALIAS_PENALTY
    return UNLIKE_ALIAS_PENALTY
