"""One event record as a flat dict: the columns of Parquet, GeoJSON properties and CSV."""

from __future__ import annotations

from typing import Any

# (column, path into the record); the order is the Parquet/GeoJSON property order.
FLAT_FIELDS: list[tuple[str, tuple[str, ...]]] = [
    ("event_id", ("event_id",)), ("doc_id", ("doc_id",)),
    ("doc_ref", ("doc", "ref")), ("doc_title", ("doc", "title")),
    ("doc_outlet", ("doc", "outlet")), ("doc_author", ("doc", "author")),
    ("doc_published", ("doc", "published")), ("doc_url", ("doc", "url")),
    ("doc_original_outlet", ("doc", "original_outlet")),
    ("sentence", ("sentence", "text")),
    ("sentence_start", ("sentence", "start")), ("sentence_end", ("sentence", "end")),
    ("trigger", ("trigger", "text")),
    ("trigger_start", ("trigger", "start")), ("trigger_end", ("trigger", "end")),
    ("event_type", ("event_type",)), ("event_mode", ("event_mode",)),
    ("acled_event_type", ("acled_event_type",)),
    ("acled_sub_event_type", ("acled_sub_event_type",)),
    ("actor_text", ("actor", "text")), ("actor_id", ("actor", "id")),
    ("actor_name", ("actor", "name")), ("actor_sector", ("actor", "sector")),
    ("actor_country", ("actor", "country")),
    ("recipient_text", ("recipient", "text")), ("recipient_id", ("recipient", "id")),
    ("recipient_name", ("recipient", "name")), ("recipient_sector", ("recipient", "sector")),
    ("recipient_country", ("recipient", "country")),
    ("location_text", ("location", "text")), ("location_name", ("location", "name")),
    ("gazetteer_id", ("location", "gazetteer_id")),
    ("latitude", ("location", "lat")), ("longitude", ("location", "lon")),
    ("country", ("location", "country")), ("admin1", ("location", "admin1")),
    ("admin2", ("location", "admin2")), ("geo_precision", ("location", "precision")),
    ("location_inferred", ("location", "inferred")),
    ("date_text", ("date", "text")), ("date_start", ("date", "start")),
    ("date_end", ("date", "end")), ("date_precision", ("date", "precision")),
    ("source_kind", ("attribution", "source_kind")),
    ("source_text", ("attribution", "source_text")),
    ("source_id", ("attribution", "source_id")), ("cue", ("attribution", "cue")),
    ("modality", ("modality",)), ("author_stance", ("author_stance",)),
    ("cluster_id", ("cluster_id",)), ("extractor", ("extractor",)),
]
INT_FIELDS = {"sentence_start", "sentence_end", "trigger_start", "trigger_end",
              "geo_precision", "fatalities"}
FLOAT_FIELDS = {"latitude", "longitude"}


def get_path(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def fatalities(record: dict[str, Any]) -> int | None:
    """Reported deaths: the sum of the best estimates of the `killed` quantities."""
    best = [q.get("best") if q.get("best") is not None else q.get("low")
            for q in record.get("quantities") or [] if q.get("kind") == "killed"]
    best = [b for b in best if b is not None]
    return sum(best) if best else None


def chain_text(record: dict[str, Any]) -> str | None:
    """The attribution chain as "author: X > media: CNN > person: an official"."""
    chain = get_path(record, ("attribution", "chain")) or []
    parts = [f"{link.get('source_kind')}: {link.get('source_text') or '?'}" for link in chain]
    return " > ".join(parts) or None


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """The flat columns of one event, plus fatalities and the chain as text."""
    flat = {name: get_path(record, path) for name, path in FLAT_FIELDS}
    flat["fatalities"] = fatalities(record)
    flat["attribution_chain"] = chain_text(record)
    corr = record.get("corroboration") or {}
    flat["corroborating_documents"] = corr.get("documents") if isinstance(corr, dict) else None
    return flat
