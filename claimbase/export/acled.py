"""ACLED-style CSV: ACLED's columns in ACLED's order, then claimbase's attribution columns.

Only ACLED-codable events (`acled_event_type` set) unless `all_events`. Actor types (inter1,
inter2) come from the actor sector (claimbase/data/acled_inter.json); `interaction` is the two
codes joined smaller first (e.g. 12), or inter1 followed by 0 for a one-sided event.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from functools import cache
from typing import IO, Any

from claimbase.config import DATA_DIR
from claimbase.export.countries import acled_region, lookup
from claimbase.export.flat import fatalities, get_path

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
]
CLAIMBASE_COLUMNS = [
    "source_kind", "source_text", "source_id", "cue", "modality", "author_stance",
    "claimbase_event_id", "doc_ref", "cluster_id", "location_inferred",
]
COLUMNS = ACLED_COLUMNS + CLAIMBASE_COLUMNS
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB = {
    "Violent demonstration": "Demonstrations",
    "Excessive force against protesters": "Political violence; Demonstrations",
}
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


@cache
def _inter_table() -> dict[str, Any]:
    return json.loads((DATA_DIR / "acled_inter.json").read_text(encoding="utf-8"))


def inter_code(actor: dict[str, Any] | None, record: dict[str, Any]) -> int | None:
    """ACLED's actor type code (1-8) for an actor of this event, or None when unknown."""
    if not actor:
        return None
    table = _inter_table()
    code = table["sectors"].get((actor.get("sector") or "").upper())
    acled_type = record.get("acled_event_type")
    if acled_type == "Protests" and code in (None, *table["unarmed_codes"]):
        return 6
    if acled_type == "Riots" and code in (None, *table["unarmed_codes"]):
        return 5
    if code in table["state_codes"] and _abroad(actor, record):
        return 8
    return code


def _abroad(actor: dict[str, Any], record: dict[str, Any]) -> bool:
    """True when a state actor's country differs from the event's country (both known)."""
    home = lookup(actor.get("country"))
    where = lookup(get_path(record, ("location", "country")))
    return bool(home and where and home["iso"] != where["iso"])


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None and inter2 is None:
        return None
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def _name(actor: dict[str, Any] | None) -> str | None:
    if not actor:
        return None
    return actor.get("name") or actor.get("text")


def _names(actors: list[dict[str, Any]] | None) -> str:
    return "; ".join(n for n in (_name(a) for a in actors or []) if n)


def _tags(record: dict[str, Any]) -> str:
    if record.get("acled_event_type") not in ("Protests", "Riots"):
        return ""
    crowd = [q for q in record.get("quantities") or [] if q.get("kind") == "participants"]
    size = crowd[0].get("best") if crowd else None
    return f"crowd size={size}" if size is not None else "crowd size=no report"


def acled_row(record: dict[str, Any], timestamp: int | None = None) -> dict[str, Any]:
    """One event record as an ACLED CSV row (dict keyed by COLUMNS)."""
    doc = record.get("doc") or {}
    loc = record.get("location") or {}
    date = record.get("date") or {}
    att = record.get("attribution") or {}
    country = lookup(loc.get("country"))
    actor, recipient = record.get("actor"), record.get("recipient")
    inter1, inter2 = inter_code(actor, record), inter_code(recipient, record)
    if actor is None and recipient is not None:
        inter1, inter2 = inter2, None
        actor, recipient = recipient, None
    acled_type = record.get("acled_event_type")
    sub = record.get("acled_sub_event_type")
    start = date.get("start")
    violent = acled_type in VIOLENT
    sources = [s for s in (doc.get("outlet"), doc.get("original_outlet")) if s]
    row = {
        "event_id_cnty": f"{country['iso3'] if country else 'XXX'}-{record.get('event_id')}",
        "event_date": start,
        "year": int(start[:4]) if start else None,
        "time_precision": TIME_PRECISION.get(date.get("precision") or ""),
        "disorder_type": DISORDER_BY_SUB.get(sub or "") or DISORDER.get(acled_type or ""),
        "event_type": acled_type,
        "sub_event_type": sub,
        "actor1": _name(actor),
        "assoc_actor_1": _names(record.get("co_actors")),
        "inter1": inter1,
        "actor2": _name(recipient),
        "assoc_actor_2": _names(record.get("co_recipients")),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if violent and inter2 == 7 else "",
        "iso": country["isonumeric"] if country else None,
        "region": acled_region(country["iso"]) if country else None,
        "country": country["name"] if country else None,
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "admin3": None,
        "location": loc.get("name") or loc.get("text"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": loc.get("precision"),
        "source": "; ".join(dict.fromkeys(sources)),
        "source_scale": None,
        "notes": get_path(record, ("sentence", "text")),
        "fatalities": fatalities(record) or 0,
        "tags": _tags(record),
        "timestamp": timestamp,
        "source_kind": att.get("source_kind"),
        "source_text": att.get("source_text"),
        "source_id": att.get("source_id"),
        "cue": att.get("cue"),
        "modality": record.get("modality"),
        "author_stance": record.get("author_stance"),
        "claimbase_event_id": record.get("event_id"),
        "doc_ref": doc.get("ref"),
        "cluster_id": record.get("cluster_id"),
        "location_inferred": loc.get("inferred"),
    }
    return row


def write_acled(records: Iterable[dict[str, Any]], out: IO[str],
                timestamp: Callable[[str], int | None] | None = None) -> int:
    """Write the CSV (header + one row per record); return the number of rows.

    `timestamp(doc_id)` gives ACLED's `timestamp` column (Unix time the document was stored).
    """
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for rec in records:
        ts = timestamp(rec.get("doc_id") or "") if timestamp else None
        writer.writerow({k: ("" if v is None else v) for k, v in acled_row(rec, ts).items()})
        n += 1
    return n
