"""A town the story places something beside is near the story's other places.

"a pickup went into the ditch three miles north of Brandon", "a barn fire near
Elmdale": local news gives distances and directions from the towns it
reports on, and those towns lie by the story's other places. A small town too small for
the gazetteer (Brandon, Minnesota) then has only far namesakes (Brandon, Florida), which
the ranking would read. Such a far namesake is no reading: better unresolved than a town
half a continent away. Which cue words count: `BESIDE_CUES` (the direction and nearness
words `geoparse._attach_cues` records). Not in the conflict region, whose stories range
over whole countries and whose transliterations vary; not when the story's places lie
far apart (`clustered`); not a large city ("west of Chicago" may be said from afar), nor
a town of a state the story itself points at. An upper-case dateline's town ("ELMDALE
--") is where the story is, so it counts as set beside the story's places too.

Any other small town of the story's own country read farther still (SMALL_FAR_KM) from
the story's clustered places is no reading either ("a driver from Nelson" in a
Minnesota crash report is no Nelson a thousand miles off), and once such a reading is dropped no
namesake abroad takes its place (`far_namesake`): the name is a town the gazetteer lacks.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

BESIDE_CUES = frozenset({"near", "around", "outside", "north", "south", "east", "west",
                         "northeast", "northwest", "southeast", "southwest"})
BESIDE_FAR_KM = 300.0  # farther than this from every place the story names
BESIDE_MAX_POPULATION = 250_000  # a city larger than this may be a distance's origin
BESIDE_MIN_POINTS = 2  # the story must name this many distinct other places
SMALL_MAX_POPULATION = 100_000  # the same for any name's town this small ...
SMALL_FAR_KM = 500.0  # ... this far from the story's places, in its leading country
CLUSTER_KM = 400.0  # the story's places must lie this close together
STATE_SHARE = 0.25  # a state with this share of the leading state's votes is the story's
NAMESAKE_FEATURES = frozenset({"city", "town", "village", "locality"})  # what a namesake town is


def distinct(points: list[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """The distinct points (to 0.01 degree) among `points`: a town named twice is one."""
    return tuple(sorted({(round(a, 2), round(b, 2)) for a, b in points}))


@lru_cache(maxsize=4096)
def clustered(points: tuple[tuple[float, float], ...]) -> bool:
    """Most of the story's places lie in one area: more than half of them within
    CLUSTER_KM of one of them (a story naming only Milwaukee and a Louisiana town beside
    its Kentucky one sets no area)."""
    from claimbase.geo.gazetteer import haversine_km  # the gazetteer imports this module

    need = len(points) // 2 + 1
    return any(sum(haversine_km(a[0], a[1], b[0], b[1]) <= CLUSTER_KM for b in points) >= need
               for a in points)


def leading_country(ctx: Any) -> str | None:
    """The country with the most of the document's focus votes (None without votes)."""
    return max(ctx.countries, key=ctx.countries.get) if ctx.countries else None


def far_namesake(c: Any, ctx: Any, region: frozenset[str], dropped: bool) -> bool:
    """`far_beside`, and once a far town of the name was dropped (`dropped`), any reading
    abroad too: the name is a small town of the story's own country the gazetteer lacks,
    better unresolved than a foreign namesake ("Dublin" of Ohio is not the Irish capital)."""
    if dropped and c.country != leading_country(ctx):
        return True
    return far_beside(c, ctx, region)


def far_beside(c: Any, ctx: Any, region: frozenset[str]) -> bool:
    """Drop candidate `c` (a `gazetteer.Candidate`) of a name the text sets something beside
    (`ctx.beside`): a town of at most BESIDE_MAX_POPULATION, outside the conflict region
    (`region`: its country codes), farther than BESIDE_FAR_KM from every place the story
    names (at least BESIDE_MIN_POINTS of them), in a state the story gives little weight.
    Any other name's small town (up to SMALL_MAX_POPULATION people) is dropped so when it
    lies in the story's leading country, farther than SMALL_FAR_KM from all its places."""
    if ctx.admin1 or ctx.country or not ctx.points:
        return False
    points = distinct(ctx.points[-8:])
    if len(points) < BESIDE_MIN_POINTS or not clustered(points):
        return False
    if c.feature not in NAMESAKE_FEATURES or c.lat is None or c.country in region:
        return False
    if c.population > (BESIDE_MAX_POPULATION if ctx.beside else SMALL_MAX_POPULATION):
        return False
    if not ctx.beside and leading_country(ctx) != c.country:
        return False
    if ctx.admins and c.admin1 and \
            ctx.admins.get(c.admin1, 0.0) >= STATE_SHARE * max(ctx.admins.values()):
        return False
    return ctx.nearest_km(c.lat, c.lon) > (BESIDE_FAR_KM if ctx.beside else SMALL_FAR_KM)


__all__ = ["BESIDE_CUES", "BESIDE_FAR_KM", "BESIDE_MIN_POINTS", "NAMESAKE_FEATURES", "clustered",
           "distinct", "far_beside", "far_namesake", "leading_country"]
