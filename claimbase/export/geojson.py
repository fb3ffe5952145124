"""GeoJSON (RFC 7946): a FeatureCollection of Point features, [longitude, latitude].

Events without coordinates are left out. Properties are flat (see claimbase.export.flat).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from claimbase.export.flat import flatten


def feature(record: dict[str, Any]) -> dict[str, Any] | None:
    """One event as a GeoJSON Feature, or None when it has no coordinates."""
    flat = flatten(record)
    lat, lon = flat.pop("latitude"), flat.pop("longitude")
    if lat is None or lon is None:
        return None
    return {
        "type": "Feature",
        "id": flat["event_id"],
        "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
        "properties": flat,
    }


def write_geojson(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Stream the FeatureCollection to `out`; return the number of features."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for rec in records:
        feat = feature(rec)
        if feat is None:
            continue
        out.write((",\n" if n else "") + json.dumps(feat, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
