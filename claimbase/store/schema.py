"""The store schema (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Every event is stored twice: as flat, indexed columns (the facets the explorer and `stats`
filter on) and as the full RECORD.md dict in `record`, so exports never lose a field.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

SCHEMA_VERSION = 4

# v3: the explorer lists events newest first under facet filters, so each facet column is
# indexed together with `date_start` (which also serves plain `column = ?` lookups).
EVENT_FACET_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_events_event_type_date": ("event_type", "date_start"),
    "ix_events_source_kind_date": ("source_kind", "date_start"),
    "ix_events_modality_date": ("modality", "date_start"),
    "ix_events_country_date": ("country", "date_start"),
    "ix_events_actor_id_date": ("actor_id", "date_start"),
    "ix_events_recipient_id_date": ("recipient_id", "date_start"),
    "ix_events_actor_name_date": ("actor_name", "date_start"),
    "ix_events_recipient_name_date": ("recipient_name", "date_start"),
    "ix_events_outlet_date": ("outlet", "date_start"),
}
# The single-column indexes of v2 that the composite ones replace (dropped by migration 3).
REPLACED_INDEXES = ("ix_events_event_type", "ix_events_source_kind", "ix_events_modality",
                    "ix_events_country", "ix_events_actor_id", "ix_events_recipient_id")

Json = JSON().with_variant(JSONB(), "postgresql")

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", String(32), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("doc_id", String(64), primary_key=True),  # content hash of `text`
    Column("ref", Text, nullable=False),              # input id or path
    Column("version", Integer, nullable=False, default=1),  # nth stored text of this ref
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("published", String(32)),
    Column("url", Text),
    Column("original_outlet", Text),
    Column("language", String(16)),
    Column("source_format", String(16)),
    Column("text", Text, nullable=False),
    Column("boilerplate", Json),
    Column("ingested_at", String(32), nullable=False),
    Column("extractor", String(64)),
    # v2: how many rows the document wrote, so an integrity check can count them back.
    Column("n_events", Integer),
    Column("n_attributions", Integer),
    Column("n_places", Integer),
    Index("ix_documents_ref", "ref"),
    Index("ix_documents_outlet", "outlet"),
    Index("ix_documents_published", "published"),
)


def _actor_columns(role: str) -> list[Column]:
    return [
        Column(f"{role}_id", String(128)),
        Column(f"{role}_text", Text),
        Column(f"{role}_name", Text),
        Column(f"{role}_sector", String(32)),
        Column(f"{role}_country", String(8)),
    ]


events = Table(
    "events", metadata,
    Column("event_id", String(96), primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"),
           nullable=False),
    Column("event_type", String(32), nullable=False),
    Column("event_mode", String(64)),
    Column("acled_event_type", String(64)),
    Column("acled_sub_event_type", String(64)),
    *_actor_columns("actor"),
    *_actor_columns("recipient"),
    Column("location_text", Text),
    Column("location_name", Text),
    Column("gazetteer_id", String(64)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("geo_precision", Integer),
    Column("date_text", Text),
    Column("date_start", String(32)),
    Column("date_end", String(32)),
    Column("date_precision", String(16)),
    Column("source_kind", String(32)),
    Column("source_text", Text),
    Column("source_id", String(128)),
    Column("cue", Text),
    Column("modality", String(32)),
    Column("author_stance", String(32)),
    Column("fatalities", Integer),
    Column("cluster_id", String(96)),
    Column("corroboration", Json),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("trigger_text", Text),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("record", Json, nullable=False),
    # v3: the document's outlet, copied at save time so the explorer facets on it directly.
    Column("outlet", Text),
    # v4: how the location was found when the text does not name it ("reference": a
    # description such as "the village" read as the place named before it).
    Column("location_inferred", String(32)),
    Index("ix_events_doc_id", "doc_id"),
    Index("ix_events_acled_event_type", "acled_event_type"),
    Index("ix_events_author_stance", "author_stance"),
    Index("ix_events_gazetteer_id", "gazetteer_id"),
    Index("ix_events_date_start", "date_start"),
    Index("ix_events_cluster_id", "cluster_id"),
    *[Index(name, *cols) for name, cols in EVENT_FACET_INDEXES.items()],
)

attributions = Table(
    "attributions", metadata,
    Column("attribution_id", String(96), primary_key=True),  # "<doc_id>:a<n>"
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"),
           nullable=False),
    Column("source_kind", String(32)),
    Column("source_text", Text),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("source_id", String(128)),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("content_text", Text),
    Column("content_start", Integer),
    Column("content_end", Integer),
    Column("modality", String(32)),
    Column("author_stance", String(32)),
    Column("scope", String(16)),
    Column("event_ids", Json),
    Column("record", Json, nullable=False),
    Index("ix_attributions_doc_id", "doc_id"),
    Index("ix_attributions_source_kind", "source_kind"),
    Index("ix_attributions_source_id", "source_id"),
)

places = Table(
    "places", metadata,
    Column("place_id", String(96), primary_key=True),  # "<doc_id>:p<n>"
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"),
           nullable=False),
    Column("text", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("name", Text),
    Column("gazetteer_id", String(64)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("feature", String(32)),
    Column("geo_precision", Integer),
    Column("score", Float),
    Column("record", Json, nullable=False),
    Index("ix_places_doc_id", "doc_id"),
    Index("ix_places_gazetteer_id", "gazetteer_id"),
    Index("ix_places_country", "country"),
)

quantities = Table(
    "quantities", metadata,
    Column("quantity_id", String(112), primary_key=True),  # "<event_id>:q<n>"
    Column("event_id", String(96), ForeignKey("events.event_id", ondelete="CASCADE"),
           nullable=False),
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"),
           nullable=False),
    Column("kind", String(32)),
    Column("text", Text),
    Column("low", Integer),
    Column("best", Integer),
    Column("high", Integer),
    Column("of", Text),
    Column("start", Integer),
    Column("end", Integer),
    Index("ix_quantities_event_id", "event_id"),
    Index("ix_quantities_doc_id", "doc_id"),
    Index("ix_quantities_kind", "kind"),
)

actors = Table(
    "actors", metadata,
    Column("actor_id", String(128), primary_key=True),
    Column("name", Text),
    Column("aliases", Json),
    Column("sector", String(32)),
    Column("country", String(8)),
    Column("wikidata", String(32)),
    Column("kind", String(32)),
    Index("ix_actors_sector", "sector"),
    Index("ix_actors_country", "country"),
)

reposts = Table(
    "reposts", metadata,
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"),
           primary_key=True),
    Column("original_doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"),
           primary_key=True),
    Column("similarity", Float),
    Column("method", String(32)),
    Index("ix_reposts_original_doc_id", "original_doc_id"),
)

clusters = Table(
    "clusters", metadata,
    Column("cluster_id", String(96), primary_key=True),
    Column("event_type", String(32)),
    Column("summary", Json),
    Column("date_start", String(32)),
    Column("date_end", String(32)),
    Column("location_name", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("country", String(8)),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("documents", Integer),
    Column("independent_sources", Integer),
    Column("corroboration", Json),
    Index("ix_clusters_event_type", "event_type"),
    Index("ix_clusters_country", "country"),
    Index("ix_clusters_date_start", "date_start"),
)

contradictions = Table(
    "contradictions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("cluster_id", String(96), ForeignKey("clusters.cluster_id", ondelete="CASCADE")),
    Column("kind", String(32)),
    Column("event_a", String(96)),
    Column("event_b", String(96)),
    Column("detail", Json),
    Index("ix_contradictions_cluster_id", "cluster_id"),
    Index("ix_contradictions_kind", "kind"),
)

# Tables the pipeline writes for one document, in insert order (parents first).
DOCUMENT_TABLES = ("documents", "events", "quantities", "attributions", "places")
