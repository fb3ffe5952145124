"""Datasette plugin: the claimbase explorer.

Registered as the `claimbase` datasette entry point. For every database that is a claimbase
store (it has `events` with a `record` column) it adds: facets, sort and full-text search
on `events`; the cluster map coloured by event type; canned queries; links from cells to the
event and actor pages; and the pages themselves, each with a JSON twin:

    /-/claimbase/event/<event_id>     /-/claimbase/event/<event_id>.json
    /-/claimbase/actor/<actor_id>     /-/claimbase/actor/<actor_id>.json

Article text is untrusted: pages are Jinja templates with autoescape on, and the highlighted
document is a list of escaped text segments (claimbase.web.highlight), never markup.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response
from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup

from claimbase.web import facets, layout, queries
from claimbase.web.highlight import event_spans, segments, window

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
PREFIX = "/-/claimbase"
FACETS = ("event_type", "source_kind", "modality", "country", "actor_name", "recipient_name",
          "outlet", "date_start")
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".svg": "image/svg+xml"}
ACTOR_EVENT_LIMIT = 2000  # most recent events an actor page aggregates


# -- which databases are stores ------------------------------------------------------------

def _inspect_file(path: str) -> dict[str, Any] | None:
    """Tables and `events` columns of a SQLite file, read-only; None if not a store."""
    try:
        conn = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        tables = {r[0] for r in conn.execute(
            "select name from sqlite_master where type in ('table', 'view')")}
        if "events" not in tables:
            return None
        columns = [r[1] for r in conn.execute("pragma table_info(events)")]
        if "record" not in columns:
            return None
        return {"tables": tables, "event_columns": columns}
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def stores(datasette: Any) -> dict[str, dict[str, Any]]:
    """{database name: info} for every attached database that is a claimbase store."""
    cache = getattr(datasette, "_claimbase_stores", None)
    if cache is None:
        cache = {}
        for name, db in datasette.databases.items():
            if db.path and not db.is_memory:
                info = _inspect_file(db.path)
                if info is not None:
                    cache[name] = info
        datasette._claimbase_stores = cache
    return cache


def _pick_db(datasette: Any, request: Any) -> tuple[str, Any]:
    found = stores(datasette)
    name = request.args.get("db") or next(iter(found), None)
    if name not in found:
        raise NotFound("no claimbase store is attached" if name is None
                       else f"{name} is not a claimbase store")
    return name, datasette.get_database(name)


# -- metadata: facets, search, map, canned queries -----------------------------------------

def _events_metadata(info: dict[str, Any]) -> dict[str, Any]:
    cols = set(info["event_columns"])
    meta: dict[str, Any] = {
        "description_html": (
            "One row per event as asserted in one document. Click a trigger (or "
            "<em>event page</em>) for the highlighted article, its attribution chain and the "
            "other reports of the same event; click an actor id for its network."),
        "facets": [{facets.TYPE: c} for c in FACETS if c in cols],
        "sort_desc": "date_start",
        "label_column": "trigger_text",
        "plugins": {"datasette-cluster-map": {"latitude_column": "latitude",
                                              "longitude_column": "longitude"}},
    }
    if "events_fts" in info["tables"]:
        meta.update({"fts_table": "events_fts", "fts_pk": "rowid"})
    return meta


def _db_metadata(info: dict[str, Any]) -> dict[str, Any]:
    tables = info["tables"]
    canned = {key: dict(q) for key, q in queries.CANNED_QUERIES.items()
              if queries.QUERY_TABLES[key] <= tables}
    meta: dict[str, Any] = {
        "tables": {
            "events": _events_metadata(info),
            "documents": {"sort_desc": "published", "label_column": "title",
                          "facets": ["outlet"]},
            "attributions": {"facets": ["source_kind", "modality", "author_stance"]},
            "places": {"label_column": "name", "facets": ["country"]},
            "actors": {"label_column": "name", "facets": ["sector", "kind"]},
            "clusters": {"sort_desc": "date_start"},
            "events_fts": {"hidden": True},
        },
        "queries": canned,
    }
    for fts in ("events_fts_data", "events_fts_idx", "events_fts_docsize",
                "events_fts_config", "events_fts_content"):
        meta["tables"][fts] = {"hidden": True}
    return meta


@hookimpl
def get_metadata(datasette: Any, key: Any, database: Any, table: Any) -> dict[str, Any]:
    # Datasette merges into the dicts it is given, so every call gets a fresh copy.
    cached = getattr(datasette, "_claimbase_metadata", None)
    if cached is None:
        cached = json.dumps({"databases": {name: _db_metadata(info)
                                           for name, info in stores(datasette).items()}})
        datasette._claimbase_metadata = cached
    return json.loads(cached)


@hookimpl
def startup(datasette: Any) -> None:
    """Cache each immutable store's row counts, so the table page never counts 1M rows."""
    found = stores(datasette)
    data = dict(datasette.inspect_data or {})
    for name in found:
        db = datasette.get_database(name)
        if db.is_mutable or name in data:
            continue
        data[name] = {"hash": None, "size": Path(db.path).stat().st_size, "file": db.path,
                      "tables": _count_tables(db.path)}
    if data:
        datasette.inspect_data = data
    _start_facet_cache(datasette, found)


def _start_facet_cache(datasette: Any, found: dict[str, dict[str, Any]]) -> None:
    """Count the unfiltered facets of every immutable store once, in the background."""
    jobs = []
    for name, info in found.items():
        db = datasette.get_database(name)
        if db.is_mutable:
            continue
        jobs += [(name, db.path, "events", c) for c in FACETS if c in info["event_columns"]]
    if jobs:
        cache = facets.FacetCache(size=int(datasette.setting("default_facet_size")) + 1)
        datasette._claimbase_facet_cache = cache
        cache.start(jobs)


@hookimpl
def register_facet_classes() -> list[type]:
    return [facets.StoreFacet]


def _count_tables(path: str) -> dict[str, dict[str, int]]:
    conn = sqlite3.connect(f"file:{quote(path)}?mode=ro&immutable=1", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'table' and sql not like "
            "'CREATE VIRTUAL%'")]
        return {n: {"count": conn.execute(f'select count(*) from "{n}"').fetchone()[0]}
                for n in names}
    finally:
        conn.close()


# -- big stores: no exact totals for multi-filter views --------------------------------------

BIG_STORE = 200_000  # events; above this, multi-filter and search views skip the exact count
_EVENTS_PATH = re.compile(r"^/(?P<db>[^/]+)/events(?:\.json)?$")


def _events_count(datasette: Any, name: str) -> int | None:
    try:
        return datasette.inspect_data[name]["tables"]["events"]["count"]
    except (KeyError, TypeError):
        return None


def skip_count(datasette: Any, path: str, query: bytes) -> bool:
    """True for a search or a 2+ filter view of the events table of a big store: counting
    every match there can take seconds, the first page alone takes milliseconds."""
    match = _EVENTS_PATH.match(path)
    if not match or match["db"] not in stores(datasette):
        return False
    if (_events_count(datasette, match["db"]) or 0) <= BIG_STORE:
        return False
    args = parse_qs(query.decode("latin-1"), keep_blank_values=True)
    if "_nocount" in args:
        return False
    filters = [k for k in args if not k.startswith("_") or "__" in k]
    return len(filters) >= 2 or bool(args.get("_search", [""])[0])


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    def wrap(app: Any) -> Any:
        async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") == "http" and skip_count(
                    datasette, scope.get("path", ""), scope.get("query_string", b"")):
                query = scope.get("query_string", b"")
                scope = {**scope, "query_string": query + b"&_nocount=1"}
            await app(scope, receive, send)
        return wrapped
    return wrap


# -- table page: links, styles, coloured map -----------------------------------------------

def _link(path: str, text: Any) -> Markup:
    return Markup('<a href="{}">{}</a>').format(path, text)


def event_url(event_id: str) -> str:
    return f"{PREFIX}/event/{quote(event_id, safe=':')}"


def actor_url(actor_id: str) -> str:
    """Actor ids may hold any character: tilde-encoded like Datasette's own keys."""
    return f"{PREFIX}/actor/{tilde_encode(actor_id)}"


def _row_value(row: Any, key: str) -> Any:
    try:
        return row[key]
    except (IndexError, KeyError):
        return None


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str, database: str,
                datasette: Any) -> Markup | None:
    if database not in stores(datasette) or value is None:
        return None
    if table == "events" and column == "event_id":
        return _link(event_url(str(value)), value)
    if table == "events" and column in ("actor_id", "recipient_id"):
        return _link(actor_url(str(value)), value)
    if table == "actors" and column == "actor_id":
        return _link(actor_url(str(value)), value)
    if table == "events" and column in ("record", "trigger_text"):
        event_id = _row_value(row, "event_id")
        if event_id is not None:
            text = "event page" if column == "record" else value
            return _link(event_url(str(event_id)), text)
    if column == "record" and table in ("attributions", "places"):
        size = len(value) if isinstance(value, str) else 0
        return Markup('<span class="cb-record">JSON record, {} characters</span>').format(size)
    if column in ("event_a", "event_b") and table == "contradictions":
        return _link(event_url(str(value)), value)
    return None


@hookimpl
def extra_css_urls(database: str, datasette: Any) -> list[str]:
    return [f"{PREFIX}/static/claimbase.css"]


@hookimpl
def extra_js_urls(database: str, table: str, view_name: str, datasette: Any) -> list[str]:
    if view_name == "table" and table == "events" and database in stores(datasette):
        return [f"{PREFIX}/static/claimbase-map.js"]
    return []


@hookimpl
def extra_body_script(database: str, table: str, view_name: str, datasette: Any) -> str:
    if view_name == "table" and table == "events" and database in stores(datasette):
        return f"window.CLAIMBASE_COLORS = {json.dumps(layout.COLORS)};"
    return ""


@hookimpl
def prepare_jinja2_environment(env: Any, datasette: Any) -> None:
    env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), env.loader])


@hookimpl
def menu_links(datasette: Any, actor: Any, request: Any) -> list[dict[str, str]]:
    found = stores(datasette)
    if not found:
        return []
    name = next(iter(found))
    return [{"href": datasette.urls.table(name, "events"), "label": "claimbase events"}]


# -- the pages -------------------------------------------------------------------------------

async def _allowed(datasette: Any, request: Any, db_name: str, table: str) -> None:
    await datasette.ensure_permissions(request.actor, [
        ("view-table", (db_name, table)), ("view-database", db_name), "view-instance"])


def _rows(result: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in result.rows]


def _decode(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


async def event_data(datasette: Any, db_name: str, db: Any, event_id: str) -> dict[str, Any]:
    """Everything the event page shows, as JSON-able data."""
    tables = stores(datasette)[db_name]["tables"]
    row = (await db.execute(queries.EVENT_ROW, [event_id])).first()
    if row is None:
        raise NotFound(f"no event {event_id}")
    flat = {k: v for k, v in dict(row).items() if k not in ("record", "_rowid")}
    record = _decode(row["record"]) or {}
    if flat.get("cluster_id"):
        record["cluster_id"] = flat["cluster_id"]
    doc = (await db.execute(queries.DOCUMENT, [row["doc_id"]])).first()
    doc = dict(doc) if doc else {"doc_id": row["doc_id"], "text": ""}
    text = doc.pop("text") or ""
    spans = event_spans(text, record)
    data: dict[str, Any] = {
        "event": record, "row": flat, "document": doc,
        "spans": [{"role": s.role, "label": s.label, "start": s.start, "end": s.end,
                   "text": text[s.start:s.end]} for s in spans],
        "chain": (record.get("attribution") or {}).get("chain") or [],
        "cluster": None, "cluster_events": [], "contradictions": [],
        "reposted_from": [], "reposted_by": [],
    }
    cluster_id = flat.get("cluster_id")
    if cluster_id:
        if "clusters" in tables:
            found = (await db.execute(queries.CLUSTER, [cluster_id])).first()
            data["cluster"] = {k: _decode(v) for k, v in dict(found).items()} if found else None
        data["cluster_events"] = _rows(await db.execute(queries.CLUSTER_EVENTS,
                                                        [cluster_id, event_id]))
        if "contradictions" in tables:
            data["contradictions"] = [
                {**r, "detail": _decode(r["detail"]),
                 "involves_this": event_id in (r["event_a"], r["event_b"])}
                for r in _rows(await db.execute(queries.CONTRADICTIONS, [cluster_id]))]
    if "reposts" in tables:
        data["reposted_from"] = _rows(await db.execute(queries.REPOSTED_FROM, [doc["doc_id"]]))
        data["reposted_by"] = _rows(await db.execute(queries.REPOSTED_BY, [doc["doc_id"]]))
    lo, hi = window(text, record)
    data["_segments"] = [seg.as_dict() for seg in segments(text, spans, lo, hi)]
    data["_window"] = {"start": lo, "end": hi, "length": len(text)}
    return data


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None (never a javascript: or data: link)."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def _json(data: dict[str, Any]) -> Response:
    public = {k: v for k, v in data.items() if not k.startswith("_")}
    return Response.json(public, default=str)


async def event_view(datasette: Any, request: Any) -> Response:
    db_name, db = _pick_db(datasette, request)
    await _allowed(datasette, request, db_name, "events")
    event_id = request.url_vars["event_id"]
    data = await event_data(datasette, db_name, db, event_id)
    if request.url_vars.get("as_json"):
        return _json(data)
    return Response.html(await datasette.render_template(
        "claimbase_event.html", {**data, "db_name": db_name, "event_id": event_id,
                                 "event_url": event_url, "actor_url": actor_url,
                                 "json_url": event_url(event_id) + ".json",
                                 "safe_url": safe_url(data["document"].get("url")),
                                 "color": layout.color}, request=request))


def _date_arg(request: Any, name: str) -> str | None:
    value = request.args.get(name) or None
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadArgument(f"{name}={value!r} is not a date (YYYY-MM-DD)") from None


class BadArgument(ValueError):
    pass


def _node(row: dict[str, Any], role: str) -> tuple[str, str] | None:
    if row.get(f"{role}_id"):
        return row[f"{role}_id"], row.get(f"{role}_name") or row[f"{role}_id"]
    text = row.get(f"{role}_text")
    if not text:
        return None
    return "text:" + " ".join(text.lower().split()), text


async def actor_data(datasette: Any, db_name: str, db: Any, actor_id: str,
                     request: Any) -> dict[str, Any]:
    """The actor, who it acts on (and who acts on it) by event type, and a monthly timeline."""
    tables = stores(datasette)[db_name]["tables"]
    since, until = _date_arg(request, "since"), _date_arg(request, "until")
    event_type = request.args.get("event_type") or None
    extra, params = [], {"actor": actor_id, "limit": ACTOR_EVENT_LIMIT}
    if since:
        extra.append("and date_start >= :since")
        params["since"] = since
    if until:
        extra.append("and date_start <= :until")
        params["until"] = until
    if event_type:
        extra.append("and event_type = :event_type")
        params["event_type"] = event_type
    sql = queries.ACTOR_EVENTS.format(extra=" ".join(extra))
    rows = _rows(await db.execute(sql, params))
    actor = None
    if "actors" in tables:
        found = (await db.execute(queries.ACTOR, [actor_id])).first()
        actor = {k: _decode(v) for k, v in dict(found).items()} if found else None
    if actor is None and not rows:
        raise NotFound(f"no actor {actor_id}")
    label = (actor or {}).get("name") or next(
        (r["actor_name"] if r["actor_id"] == actor_id else r["recipient_name"]
         for r in rows if (r["actor_name"] if r["actor_id"] == actor_id
                           else r["recipient_name"])), actor_id)
    pairs: dict[tuple[str, str, str], dict[str, Any]] = {}
    months: dict[tuple[str, str], int] = {}
    for r in rows:
        src, dst = _node(r, "actor"), _node(r, "recipient")
        if src and dst:
            key = (src[0], dst[0], r["event_type"])
            edge = pairs.setdefault(key, {"source": src[0], "target": dst[0],
                                          "source_label": src[1], "target_label": dst[1],
                                          "event_type": r["event_type"], "n": 0})
            edge["n"] += 1
        if r["date_start"]:
            mkey = (r["date_start"][:7], r["event_type"])
            months[mkey] = months.get(mkey, 0) + 1
    edges = sorted(pairs.values(), key=lambda e: (-e["n"], e["source"], e["target"]))
    buckets = [{"month": m, "event_type": t, "n": n} for (m, t), n in sorted(months.items())]
    return {
        "actor": actor or {"actor_id": actor_id, "name": label},
        "filters": {"since": since, "until": until, "event_type": event_type},
        "events_considered": len(rows), "truncated": len(rows) >= ACTOR_EVENT_LIMIT,
        "edges": edges, "timeline": buckets, "recent_events": rows[:100],
        "_network": layout.network({"id": actor_id, "label": label}, edges),
        "_timeline": layout.timeline(buckets),
    }


async def actor_view(datasette: Any, request: Any) -> Response:
    db_name, db = _pick_db(datasette, request)
    await _allowed(datasette, request, db_name, "events")
    actor_id = tilde_decode(request.url_vars["actor_id"])
    try:
        data = await actor_data(datasette, db_name, db, actor_id, request)
    except BadArgument as exc:
        return Response.text(f"bad request: {exc}", status=400)
    if request.url_vars.get("as_json"):
        return _json(data)
    return Response.html(await datasette.render_template(
        "claimbase_actor.html", {**data, "cb_actor": data["actor"], "db_name": db_name, "event_url": event_url,
                                 "actor_url": actor_url, "colors": layout.COLORS,
                                 "json_url": actor_url(actor_id) + ".json"},
        request=request))


async def static_view(request: Any) -> Response:
    name = request.url_vars["path"]
    path = STATIC / name
    if "/" in name or name.startswith(".") or not path.is_file():
        raise NotFound(f"no static file {name}")
    return Response(path.read_text(encoding="utf-8"), status=200,
                    content_type=STATIC_TYPES.get(path.suffix, "text/plain"),
                    headers={"cache-control": "max-age=3600"})


async def status_view(datasette: Any) -> Response:
    """Which stores are served and whether the facet counts are ready (for benchmarks)."""
    cache = getattr(datasette, "_claimbase_facet_cache", None)
    state = "off" if cache is None else "ready" if cache.done.is_set() else "computing"
    return Response.json({"stores": sorted(stores(datasette)), "facet_cache": state})


@hookimpl
def register_routes(datasette: Any) -> list[tuple[str, Any]]:
    return [
        (r"^/-/claimbase/status\.json$", status_view),
        (r"^/-/claimbase/event/(?P<event_id>[^/]+?)(?P<as_json>\.json)?$", event_view),
        (r"^/-/claimbase/actor/(?P<actor_id>[^/]+?)(?P<as_json>\.json)?$", actor_view),
        (r"^/-/claimbase/static/(?P<path>[A-Za-z0-9_.-]+)$", static_view),
    ]

