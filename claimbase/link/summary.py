"""Cluster summaries, corroboration and contradictions.

A cluster summary gives the consensus date range and place, the casualty figures across
reports as low/best/high (as UCDP does: low = the lowest credible report, high = the
highest, best = the median of the independent reports), and `corroboration`: documents,
independent outlets after re-posts are collapsed, and distinct innermost sources. Flags
mark clusters that rest only on anonymous sources or rumours, or only on one party.
Contradictions pair records of one cluster that disagree: casualty figures, an assertion
against a denial, or different perpetrators of the same attack.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

WEAK_SOURCES = frozenset({"anonymous", "rumor"})
VIOLENT = frozenset({"ASSAULT", "COERCE"})
CASUALTY_KINDS = ("killed", "injured")


@dataclass(slots=True)
class Contradiction:
    kind: str  # casualties | denial | perpetrator
    event_a: str
    event_b: str
    detail: dict[str, Any] = field(default_factory=dict)


def _figure(rec: dict[str, Any], kind: str) -> int | None:
    for q in rec.get("quantities") or []:
        if q.get("kind") == kind:
            for key in ("best", "low", "high"):
                if q.get(key) is not None:
                    return int(q[key])
    return None


def innermost_source(rec: dict[str, Any], outlet: str | None) -> str:
    """A key for who ultimately asserts the event: the source id, text, or the outlet."""
    att = rec.get("attribution") or {}
    kind = att.get("source_kind") or "author"
    if kind == "author":
        return f"author:{outlet or (rec.get('doc') or {}).get('outlet') or rec.get('doc_id')}"
    ident = att.get("source_id") or (att.get("source_text") or "").strip().lower()
    return f"{kind}:{ident}"


def summarize(records: list[dict[str, Any]], outlets: dict[str, str]) -> dict[str, Any]:
    """Summary of one cluster. `outlets`: doc_id → effective (re-post collapsed) outlet."""
    docs = {r["doc_id"] for r in records}
    independent = {outlets.get(r["doc_id"], r["doc_id"]) for r in records}
    sources = {innermost_source(r, outlets.get(r["doc_id"])) for r in records}
    kinds = {(r.get("attribution") or {}).get("source_kind") or "author" for r in records}
    parties = {(r.get("attribution") or {}).get("source_id") for r in records
               if (r.get("attribution") or {}).get("source_kind") in ("organization", "person")}
    starts = sorted(d["start"] for r in records if (d := r.get("date") or {}).get("start"))
    ends = sorted(d["end"] for r in records if (d := r.get("date") or {}).get("end"))
    places = [r["location"] for r in records
              if r.get("location") and r["location"].get("lat") is not None]
    place = None
    if places:
        by_name = Counter(p.get("name") or p.get("text") for p in places)
        name = by_name.most_common(1)[0][0]
        chosen = min((p for p in places if (p.get("name") or p.get("text")) == name),
                     key=lambda p: p.get("precision") or 3)
        place = {k: chosen.get(k) for k in ("name", "lat", "lon", "country", "admin1",
                                            "gazetteer_id", "precision")}
    casualties = {}
    for kind in CASUALTY_KINDS:
        by_outlet: dict[str, list[int]] = {}
        for r in records:
            value = _figure(r, kind)
            if value is not None:
                by_outlet.setdefault(outlets.get(r["doc_id"], r["doc_id"]), []).append(value)
        if by_outlet:
            per_outlet = [max(v) for v in by_outlet.values()]
            casualties[kind] = {"low": min(per_outlet), "best": int(statistics.median(per_outlet)),
                                "high": max(per_outlet), "reports": len(per_outlet)}
    return {
        "events": len(records),
        "event_types": dict(Counter(r["event_type"] for r in records)),
        "date_start": starts[len(starts) // 2] if starts else None,
        "date_end": ends[len(ends) // 2] if ends else None,
        "place": place,
        "casualties": casualties,
        "corroboration": {"documents": len(docs), "independent_sources": len(independent),
                          "distinct_sources": len(sources)},
        "only_weak_sources": kinds <= WEAK_SOURCES,
        "single_party": len(parties) == 1 and kinds <= {"organization", "person"},
    }


def contradictions(records: list[dict[str, Any]], outlets: dict[str, str],
                   tolerance: float = 0.1) -> list[Contradiction]:
    """Pairs of records in one cluster that disagree (casualty figures more than
    `tolerance` apart, an assertion against a denial, different perpetrators)."""
    out: list[Contradiction] = []
    seen: set[tuple[str, ...]] = set()

    def add(kind: str, a: dict, b: dict, detail: dict[str, Any]) -> None:
        # one contradiction per pair of independent outlets: re-posts repeat, not disagree
        sides = sorted((str(outlets.get(a["doc_id"], a["doc_id"])),
                        str(outlets.get(b["doc_id"], b["doc_id"]))))
        key = (kind, *sides)
        if key not in seen:
            seen.add(key)
            out.append(Contradiction(kind, a["event_id"], b["event_id"], detail))

    for i, a in enumerate(records):
        for b in records[i + 1:]:
            if outlets.get(a["doc_id"]) == outlets.get(b["doc_id"]):
                continue  # one source agreeing or disagreeing with itself is no contradiction
            for kind in CASUALTY_KINDS:
                fa, fb = _figure(a, kind), _figure(b, kind)
                if fa is not None and fb is not None and (
                        abs(fa - fb) > tolerance * max(fa, fb)):
                    add("casualties", a, b, {"kind": kind, "a": fa, "b": fb})
            ma, mb = a.get("modality"), b.get("modality")
            if (ma == "negated") != (mb == "negated") and "asserted" in (ma, mb):
                add("denial", a, b, {"a": ma, "b": mb})
            ida = (a.get("actor") or {}).get("id")
            idb = (b.get("actor") or {}).get("id")
            swapped = ida == (b.get("recipient") or {}).get("id") or idb == (
                (a.get("recipient") or {}).get("id"))
            if (a["event_type"] in VIOLENT and b["event_type"] in VIOLENT and ida and idb
                    and ida != idb and not swapped and "negated" not in (ma, mb)):
                add("perpetrator", a, b, {"a": ida, "b": idb})
    return out
