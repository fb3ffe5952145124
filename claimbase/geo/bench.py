"""Gazetteer speed: resolutions per second, cold (first look-up of a name) and cached.

    claimbase gazetteer bench [--names N] [--repeat N]

Names are drawn from the index itself (every `step`-th alias), so the figure needs no data
beyond the built gazetteer. Each name is resolved in a document context (a country focus),
as the geoparser does.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

from claimbase.geo.gazetteer import Context, Gazetteer


def sample_names(gaz: Gazetteer, n: int) -> list[str]:
    """`n` distinct alias spellings spread evenly over the index."""
    total = gaz.con.execute("SELECT count(*) FROM aliases").fetchone()[0]
    step = max(1, total // max(n, 1))
    rows = gaz.con.execute(
        "SELECT DISTINCT alias FROM aliases WHERE rowid % ? = 0 AND alias IS NOT NULL "
        "LIMIT ?", (step, n))
    return [r[0] for r in rows]


def resolution_rates(gaz: Gazetteer, names: list[str], repeat: int = 20,
                     cold_passes: int = 5) -> dict[str, Any]:
    """Resolutions per second: each name once with empty look-up caches (cold: the median
    of `cold_passes` such passes, a single pass of 2,000 names is too short to time
    steadily; the first pass also reads the index from disk), then `repeat` more passes
    (cached)."""
    if not names:
        raise ValueError(f"{gaz.path}: no aliases to sample")
    ctx = Context(countries=Counter({"SY": 2, "IQ": 1}))
    colds = []
    for _ in range(max(1, cold_passes)):
        gaz.clear_caches()
        start = time.perf_counter()
        for name in names:
            gaz.resolve(name, ctx)
        colds.append(time.perf_counter() - start)
    cold = sorted(colds)[len(colds) // 2]
    start = time.perf_counter()
    for _ in range(repeat):
        for name in names:
            gaz.resolve(name, ctx)
    warm = time.perf_counter() - start
    return {"names": len(names), "cold_per_s": round(len(names) / cold),
            "first_pass_per_s": round(len(names) / colds[0]),
            "cached_per_s": round(len(names) * repeat / warm) if warm else None,
            "cached_resolutions": len(names) * repeat}
