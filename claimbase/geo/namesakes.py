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

if TYPE_CHECKING:
    from claimbase.geo.gazetteer import Candidate, Context

COUNTRY_WEIGHT = 2.5  # as in gazetteer.score: the bonus of a country's full share
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
