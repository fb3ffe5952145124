"""`link_store`: re-posts, clusters, corroboration and contradictions over a whole store.

Incremental by default: events that already have a `cluster_id` stay where they are and
only new events are placed; summaries, corroboration and contradictions are recomputed for
every cluster (they are cheap next to extraction). `rebuild=True` clusters from scratch.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, update

from claimbase.link.clusters import EventIndex, EventInfo, cluster_events
from claimbase.link.reposts import DocInfo, effective_outlets, find_reposts
from claimbase.link.summary import contradictions, summarize
from claimbase.store import schema

FOCUS_PRECISION = 2  # a record placed by its document's lead town: town-level, not exact


@dataclass
class LinkReport:
    documents: int
    reposts: int
    events: int
    new_events: int
    clusters: int
    multi_report_clusters: int
    contradictions: int
    comparisons: int
    seconds: float


def content_of(text: str, boilerplate: list[dict[str, Any]] | None) -> str:
    """The document text with boilerplate spans removed (for re-post comparison)."""
    spans = sorted((b["start"], b["end"]) for b in boilerplate or [])
    parts, pos = [], 0
    for start, end in spans:
        if start > pos:
            parts.append(text[pos:start])
        pos = max(pos, end)
    parts.append(text[pos:])
    return " ".join(parts)


def document_focus(places: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Each document's lead place: the first town or site it names (news puts the main
    event's place in the lead; datelines and regions have precision 3 and are skipped)."""
    focus: dict[str, tuple[int, float, float]] = {}
    for p in places:
        if p.get("latitude") is None or (p.get("geo_precision") or 3) > 2:
            continue
        best = focus.get(p["doc_id"])
        if best is None or p["start"] < best[0]:
            focus[p["doc_id"]] = (p["start"], p["latitude"], p["longitude"])
    return {doc: (lat, lon) for doc, (_, lat, lon) in focus.items()}


def link_store(store: Any, rebuild: bool = False) -> LinkReport:
    """Link everything in `store` (a `claimbase.store.Store`)."""
    t0 = time.perf_counter()
    doc_rows = list(store.iter_rows("documents"))
    infos = [DocInfo(doc_id=d["doc_id"], content=content_of(d["text"], d.get("boilerplate")),
                     outlet=d.get("outlet"), original_outlet=d.get("original_outlet"),
                     published=d.get("published")) for d in doc_rows]
    for d in doc_rows:
        d.pop("text", None)
    reposts = find_reposts(infos)
    outlets = effective_outlets(infos, reposts)
    published = {d["doc_id"]: d.get("published") for d in doc_rows}

    records = list(store.iter_event_records())
    if rebuild:
        for rec in records:
            rec["cluster_id"] = None
    focus = document_focus(list(store.iter_rows("places")))
    events = []
    for rec in records:
        info = EventInfo.from_record(rec, published.get(rec["doc_id"]))
        if (info.lat is None or (info.precision or 3) >= 3) and rec["doc_id"] in focus:
            info.lat, info.lon = focus[rec["doc_id"]]  # no place of its own, or only a
            info.precision = FOCUS_PRECISION            # region: the lead place, less surely
        events.append(info)
    new_ids = {e.event_id for e in events if not e.cluster_id}
    index = EventIndex()
    assignment = cluster_events(events, index)

    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        rec["cluster_id"] = assignment[rec["event_id"]]
        members[rec["cluster_id"]].append(rec)
    cluster_rows, contradiction_rows, corroboration = [], [], {}
    for cid, recs in members.items():
        summary = summarize(recs, outlets)
        for rec in recs:
            corroboration[rec["event_id"]] = summary["corroboration"]
        killed = summary["casualties"].get("killed", {})
        place = summary["place"] or {}
        cluster_rows.append({
            "cluster_id": cid, "event_type": max(summary["event_types"],
                                                 key=summary["event_types"].get),
            "summary": summary, "date_start": summary["date_start"],
            "date_end": summary["date_end"], "location_name": place.get("name"),
            "latitude": place.get("lat"), "longitude": place.get("lon"),
            "country": place.get("country"), "fatalities_low": killed.get("low"),
            "fatalities_best": killed.get("best"), "fatalities_high": killed.get("high"),
            "documents": summary["corroboration"]["documents"],
            "independent_sources": summary["corroboration"]["independent_sources"],
            "corroboration": summary["corroboration"],
        })
        for c in contradictions(recs, outlets):
            contradiction_rows.append({"cluster_id": cid, "kind": c.kind, "event_a": c.event_a,
                                       "event_b": c.event_b, "detail": c.detail})
    save_link_results(
        store, reposts=[{"doc_id": r.doc_id, "original_doc_id": r.original_doc_id,
                  "similarity": r.containment, "method": r.method}
                 for r in reposts if r.original_doc_id],
        assignments=assignment, corroboration=corroboration,
        clusters=cluster_rows, contradictions=contradiction_rows)
    store.optimize()  # fresh planner statistics for the new clusters and cluster ids
    return LinkReport(
        documents=len(doc_rows), reposts=len(reposts), events=len(records),
        new_events=len(new_ids), clusters=len(members),
        multi_report_clusters=sum(1 for r in members.values() if len(r) > 1),
        contradictions=len(contradiction_rows), comparisons=index.comparisons,
        seconds=round(time.perf_counter() - t0, 2))


def save_link_results(store: Any, reposts: list[dict[str, Any]], assignments: dict[str, str],
                      corroboration: dict[str, dict[str, Any]], clusters: list[dict[str, Any]],
                      contradictions: list[dict[str, Any]]) -> None:
    """Replace the link tables and update events, all in one transaction."""
    ev = schema.events
    stmt = (update(ev).where(ev.c.event_id == bindparam("eid"))
            .values(cluster_id=bindparam("cid"), corroboration=bindparam("corr")))
    rows = [{"eid": eid, "cid": cid, "corr": corroboration.get(eid)}
            for eid, cid in assignments.items()]
    with store.engine.begin() as conn:
        for table in (schema.contradictions, schema.clusters, schema.reposts):
            conn.execute(table.delete())
        for i in range(0, len(rows), 5000):
            conn.execute(stmt, rows[i:i + 5000])
        for table, data in ((schema.reposts, reposts), (schema.clusters, clusters),
                            (schema.contradictions, contradictions)):
            for i in range(0, len(data), 5000):
                conn.execute(table.insert(), data[i:i + 5000])
