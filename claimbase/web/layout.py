"""Geometry for the server-rendered SVGs of the actor page (network and timeline).

Only numbers and plain strings come out; the template draws them with autoescaping on.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from claimbase.record import PLOVER_TYPES

# One colour per PLOVER type (the map uses the same table).
PALETTE = ("#1f77b4", "#aec7e8", "#2ca02c", "#98df8a", "#17becf", "#9edae5", "#bcbd22",
           "#7f7f7f", "#ff7f0e", "#c49c94", "#e377c2", "#9467bd", "#8c564b", "#ffbb78",
           "#ff9896", "#d62728")
COLORS: dict[str, str] = dict(zip(PLOVER_TYPES, PALETTE, strict=True))
OTHER = "#555555"


def color(event_type: str | None) -> str:
    return COLORS.get(event_type or "", OTHER)


def network(center: dict[str, Any], edges: list[dict[str, Any]], size: int = 560,
            max_nodes: int = 24) -> dict[str, Any]:
    """The actor in the middle, its counterparts on a circle, one arrow per (pair, type).

    `edges` are {"source", "target", "source_label", "target_label", "event_type", "n"}.
    """
    weight: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for e in edges:
        other = e["target"] if e["source"] == center["id"] else e["source"]
        weight[other] += e["n"]
        labels[e["source"]], labels[e["target"]] = e["source_label"], e["target_label"]
    others = [k for k, _ in weight.most_common(max_nodes) if k != center["id"]]
    mid, radius = size / 2, size / 2 - 90
    pos = {center["id"]: (mid, mid)}
    for i, key in enumerate(others):
        angle = 2 * math.pi * i / max(1, len(others)) - math.pi / 2
        pos[key] = (mid + radius * math.cos(angle), mid + radius * math.sin(angle))
    nodes = [{"id": k, "label": labels.get(k, center.get("label", k)) if k != center["id"]
              else center.get("label", k), "x": round(x, 1), "y": round(y, 1),
              "center": k == center["id"], "n": weight.get(k, 0)} for k, (x, y) in pos.items()]
    top = max((e["n"] for e in edges), default=1)
    lines = []
    for e in edges:
        if e["source"] not in pos or e["target"] not in pos or e["source"] == e["target"]:
            continue
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1
        shift = 14 / dist  # stop short of the node circle
        lines.append({**e, "x1": round(x1 + dx * shift, 1), "y1": round(y1 + dy * shift, 1),
                      "x2": round(x2 - dx * shift, 1), "y2": round(y2 - dy * shift, 1),
                      "width": round(1 + 5 * e["n"] / top, 1), "color": color(e["event_type"])})
    return {"size": size, "nodes": nodes, "edges": lines}


def timeline(buckets: list[dict[str, Any]], width: int = 720, height: int = 200) -> dict[str, Any]:
    """Stacked bars per month: `buckets` are {"month": "YYYY-MM", "event_type", "n"}."""
    months = sorted({b["month"] for b in buckets})
    totals = Counter()
    for b in buckets:
        totals[b["month"]] += b["n"]
    top = max(totals.values(), default=1)
    slot = (width - 40) / max(1, len(months))
    bar_w = min(40.0, max(2.0, slot * 0.8))
    stacked: Counter[str] = Counter()
    bars = []
    for b in sorted(buckets, key=lambda b: (b["month"], b["event_type"] or "")):
        i = months.index(b["month"])
        h = (height - 40) * b["n"] / top
        y = height - 20 - stacked[b["month"]] - h
        stacked[b["month"]] += h
        bars.append({**b, "x": round(30 + i * slot, 1), "y": round(y, 1),
                     "w": round(bar_w, 1), "h": round(h, 1), "color": color(b["event_type"])})
    ticks = [{"x": round(30 + i * slot, 1), "label": m} for i, m in enumerate(months)
             if len(months) <= 12 or i % math.ceil(len(months) / 12) == 0]
    return {"width": width, "height": height, "bars": bars, "ticks": ticks, "max": top}
