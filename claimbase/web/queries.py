"""The explorer's SQL: canned queries and the reads behind the event and actor pages.

Every query here is read-only and uses an index (events.event_id, cluster_id, doc_id,
actor_id, recipient_id; reposts keys; contradictions.cluster_id).
"""

from __future__ import annotations

CANNED_QUERIES: dict[str, dict[str, str]] = {
    "anonymous_only_claims": {
        "title": "Claims resting only on anonymous sources",
        "description": "Events reported by anonymous sources or rumour, with no named "
                       "source (person, organization, media or the author's own voice) "
                       "reporting the same event in its cluster.",
        "sql": """select e.event_id, e.event_type, e.date_start, e.location_name,
  e.source_kind, e.source_text, e.cue, e.modality, e.cluster_id, d.outlet, d.title
from events e join documents d on d.doc_id = e.doc_id
where e.source_kind in ('anonymous', 'rumor')
  and (e.cluster_id is null or not exists (
    select 1 from events o where o.cluster_id = e.cluster_id
      and coalesce(o.source_kind, 'author') not in ('anonymous', 'rumor')))
order by e.date_start desc, e.event_id
limit 1000""",
    },
    "contradicted_casualties": {
        "title": "Contradicted casualty figures",
        "description": "Pairs of reports of the same event (one cluster) that give "
                       "different casualty figures, with the outlet and source of each.",
        "sql": """select c.cluster_id, c.event_a, da.outlet as outlet_a,
  a.source_text as source_a, a.fatalities as fatalities_a,
  c.event_b, db.outlet as outlet_b, b.source_text as source_b,
  b.fatalities as fatalities_b, c.detail
from contradictions c
left join events a on a.event_id = c.event_a
left join documents da on da.doc_id = a.doc_id
left join events b on b.event_id = c.event_b
left join documents db on db.doc_id = b.doc_id
where c.kind = 'casualties'
order by c.cluster_id, c.id
limit 1000""",
    },
    "reposting_outlets": {
        "title": "Outlets that re-post others",
        "description": "Outlet pairs where a document of the first is a re-post of a "
                       "document first published by the second (detected by near-duplicate "
                       "text).",
        "sql": """select d.outlet as reposting_outlet, o.outlet as original_outlet,
  r.method, count(*) as reposts, round(avg(r.similarity), 3) as mean_similarity,
  min(d.published) as first_seen, max(d.published) as last_seen
from reposts r
join documents d on d.doc_id = r.doc_id
join documents o on o.doc_id = r.original_doc_id
group by d.outlet, o.outlet, r.method
order by reposts desc, reposting_outlet
limit 1000""",
    },
}
# Tables each canned query needs.
QUERY_TABLES = {
    "anonymous_only_claims": {"events", "documents"},
    "contradicted_casualties": {"contradictions", "events", "documents"},
    "reposting_outlets": {"reposts", "documents"},
}

EVENT_ROW = "select rowid as _rowid, * from events where event_id = ?"
DOCUMENT = ("select doc_id, ref, title, outlet, author, published, url, original_outlet, "
            "language, text from documents where doc_id = ?")
CLUSTER = "select * from clusters where cluster_id = ?"
CLUSTER_EVENTS = """select e.event_id, e.event_type, e.date_start, e.location_name,
  e.source_kind, e.source_text, e.cue, e.modality, e.author_stance, e.fatalities,
  e.trigger_text, d.outlet, d.title, d.published
from events e join documents d on d.doc_id = e.doc_id
where e.cluster_id = ? and e.event_id != ?
order by d.published, e.event_id limit 200"""
CONTRADICTIONS = """select id, kind, event_a, event_b, detail from contradictions
where cluster_id = ? order by id limit 200"""
REPOSTED_FROM = """select r.original_doc_id as doc_id, r.similarity, r.method, d.outlet, d.title,
  d.published from reposts r left join documents d on d.doc_id = r.original_doc_id
where r.doc_id = ? limit 50"""
REPOSTED_BY = """select r.doc_id, r.similarity, r.method, d.outlet, d.title, d.published
from reposts r left join documents d on d.doc_id = r.doc_id
where r.original_doc_id = ? limit 50"""
ACTOR = "select * from actors where actor_id = ?"
ACTOR_EVENTS = """select event_id, event_type, date_start, actor_id, actor_name, actor_text,
  recipient_id, recipient_name, recipient_text, source_kind, modality, location_name
from events where (actor_id = :actor or recipient_id = :actor) {extra}
order by date_start desc, event_id limit :limit"""
