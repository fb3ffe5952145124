"""Turn one processed `Document` into the rows the store writes (no database needed).

`DocRows` is plain data (dicts and lists), so worker processes can build it and send it to
the one process that writes; `claimbase extract` prints its RECORD.md dicts directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from claimbase.record import (
    EXTRACTOR,
    Document,
    attribution_records,
    event_records,
    place_records,
)


@dataclass
class DocRows:
    """The rows of one document, ready for one transaction."""

    document: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.document["doc_id"]

    @property
    def ref(self) -> str:
        return self.document["ref"]

    def records(self, output: str = "events") -> list[dict[str, Any]]:
        """The RECORD.md dicts of one output kind: events, attributions or places."""
        rows = {"events": self.events, "attributions": self.attributions,
                "places": self.places}.get(output)
        if rows is None:
            raise ValueError(f"unknown output {output!r}: use events, attributions or places")
        return [row["record"] for row in rows]


def _get(obj: dict[str, Any] | None, key: str) -> Any:
    return obj.get(key) if obj else None


def _actor_cols(role: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    return {f"{role}_{key}": _get(actor, key)
            for key in ("id", "text", "name", "sector", "country")}


def fatalities(record: dict[str, Any]) -> int | None:
    """The largest `killed` count of an event (best, else low, else high); None if none."""
    counts = [q.get("best") if q.get("best") is not None else
              q.get("low") if q.get("low") is not None else q.get("high")
              for q in record.get("quantities") or [] if q.get("kind") == "killed"]
    counts = [c for c in counts if c is not None]
    return max(counts) if counts else None


def event_row(rec: dict[str, Any]) -> dict[str, Any]:
    """The flat `events` row of one event record."""
    loc = rec.get("location") or None
    date = rec.get("date") or None
    att = rec.get("attribution") or {}
    sentence = rec.get("sentence") or {}
    trigger = rec.get("trigger") or {}
    return {
        "event_id": rec["event_id"], "doc_id": rec["doc_id"],
        "event_type": rec["event_type"], "event_mode": rec.get("event_mode"),
        "acled_event_type": rec.get("acled_event_type"),
        "acled_sub_event_type": rec.get("acled_sub_event_type"),
        **_actor_cols("actor", rec.get("actor")),
        **_actor_cols("recipient", rec.get("recipient")),
        "location_text": _get(loc, "text"), "location_name": _get(loc, "name"),
        "gazetteer_id": _get(loc, "gazetteer_id"), "latitude": _get(loc, "lat"),
        "longitude": _get(loc, "lon"), "country": _get(loc, "country"),
        "admin1": _get(loc, "admin1"), "admin2": _get(loc, "admin2"),
        "geo_precision": _get(loc, "precision"), "location_inferred": _get(loc, "inferred"),
        "date_text": _get(date, "text"), "date_start": _get(date, "start"),
        "date_end": _get(date, "end"), "date_precision": _get(date, "precision"),
        "source_kind": att.get("source_kind"), "source_text": att.get("source_text"),
        "source_id": att.get("source_id"), "cue": att.get("cue"),
        "modality": rec.get("modality"), "author_stance": rec.get("author_stance"),
        "fatalities": fatalities(rec), "cluster_id": rec.get("cluster_id"),
        "corroboration": rec.get("corroboration"),
        "sentence_start": sentence.get("start"), "sentence_end": sentence.get("end"),
        "trigger_text": trigger.get("text"), "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"),
        "outlet": (rec.get("doc") or {}).get("outlet"),
        "record": rec,
    }


def quantity_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"quantity_id": f"{rec['event_id']}:q{n}", "event_id": rec["event_id"],
             "doc_id": rec["doc_id"], "kind": q.get("kind"), "text": q.get("text"),
             "low": q.get("low"), "best": q.get("best"), "high": q.get("high"),
             "of": q.get("of"), "start": q.get("start"), "end": q.get("end")}
            for n, q in enumerate(rec.get("quantities") or [], 1)]


def attribution_row(n: int, rec: dict[str, Any]) -> dict[str, Any]:
    src = rec.get("source") or {}
    cue = rec.get("cue") or {}
    content = rec.get("content") or {}
    return {
        "attribution_id": f"{rec['doc_id']}:a{n}", "doc_id": rec["doc_id"],
        "source_kind": src.get("kind"), "source_text": src.get("text"),
        "source_start": src.get("start"), "source_end": src.get("end"),
        "source_id": src.get("id"), "cue": cue.get("text"), "cue_start": cue.get("start"),
        "cue_end": cue.get("end"), "content_text": content.get("text"),
        "content_start": content.get("start"), "content_end": content.get("end"),
        "modality": rec.get("modality"), "author_stance": rec.get("author_stance"),
        "scope": rec.get("scope"), "event_ids": rec.get("event_ids") or [], "record": rec,
    }


def place_row(n: int, rec: dict[str, Any]) -> dict[str, Any]:
    return {
        "place_id": f"{rec['doc_id']}:p{n}", "doc_id": rec["doc_id"], "text": rec.get("text"),
        "start": rec.get("start"), "end": rec.get("end"), "name": rec.get("name"),
        "gazetteer_id": rec.get("gazetteer_id"), "latitude": rec.get("lat"),
        "longitude": rec.get("lon"), "country": rec.get("country"),
        "admin1": rec.get("admin1"), "admin2": rec.get("admin2"),
        "feature": rec.get("feature"), "geo_precision": rec.get("precision"),
        "score": rec.get("score"), "record": rec,
    }


def document_row(doc: Document) -> dict[str, Any]:
    meta = doc.meta
    return {
        "doc_id": doc.doc_id, "ref": doc.ref, "version": 1, "title": meta.title,
        "outlet": meta.outlet, "author": meta.author, "published": meta.published,
        "url": meta.url, "original_outlet": meta.original_outlet, "language": meta.language,
        "source_format": doc.source_format, "text": doc.text,
        "boilerplate": [{"start": b.start, "end": b.end, "kind": b.kind}
                        for b in doc.boilerplate],
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "extractor": EXTRACTOR,
    }


def document_rows(doc: Document) -> DocRows:
    """Every row one processed document writes (the `version` is set by the store)."""
    events = event_records(doc)
    rows = DocRows(
        document=document_row(doc),
        events=[event_row(rec) for rec in events],
        quantities=[q for rec in events for q in quantity_rows(rec)],
        attributions=[attribution_row(n, rec)
                      for n, rec in enumerate(attribution_records(doc), 1)],
        places=[place_row(n, rec) for n, rec in enumerate(place_records(doc), 1)],
    )
    rows.document.update(n_events=len(rows.events), n_attributions=len(rows.attributions),
                         n_places=len(rows.places))
    return rows
