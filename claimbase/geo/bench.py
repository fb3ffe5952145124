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


def resolution_rates(gaz: Gazetteer, names: list[str], repeat: int = 20) -> dict[str, Any]:
    """Resolutions per second: each name once (cold), then `repeat` more passes (cached)."""
    if not names:
        raise ValueError(f"{gaz.path}: no aliases to sample")
    ctx = Context(countries=Counter({"SY": 2, "IQ": 1}))
    start = time.perf_counter()
    for name in names:
        gaz.resolve(name, ctx)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(repeat):
        for name in names:
            gaz.resolve(name, ctx)
    warm = time.perf_counter() - start
    return {"names": len(names), "cold_per_s": round(len(names) / cold),
            "cached_per_s": round(len(names) * repeat / warm) if warm else None,
            "cached_resolutions": len(names) * repeat}
