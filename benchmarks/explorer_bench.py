"""Explorer benchmark: a synthetic store with N events (default 1,000,000), served by
`claimbase serve`, with the table page, search, facet filter, event and actor pages timed.

    .venv/bin/python benchmarks/explorer_bench.py --events 1000000 --db /tmp/bench.db

The store has the real schema (created by `claimbase.store.Store`, so every index of the
store's migrations exists) and is filled with synthetic rows by executemany; the FTS index
is built with claimbase.web.fts. Prints one line per page: median and max milliseconds.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimbase.record import MODALITIES, PLOVER_TYPES, SOURCE_KINDS  # noqa: E402

EVENTS_PER_DOC = 5
BATCH = 20_000
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]
PLACES = [(f"Town {i:03d}", 30 + (i % 17) * 0.5, 35 + (i // 17) * 0.5, "SY" if i % 3 else "IQ")
          for i in range(300)]
WORDS = ("attacked shelled protested accused seized met agreed rejected threatened "
         "withdrew arrested displaced convoy checkpoint village ministry militia "
         "negotiations ceasefire airstrike drone border protesters detainees").split()


def actors(n: int = 400) -> list[tuple[str, str, str, str]]:
    sectors = ("GOV", "MIL", "REB", "UAF", "CVL", "IGO", "PTY", "COP")
    return [(f"A{i:03d}", f"Actor {i:03d}", sectors[i % len(sectors)], "SYR" if i % 2 else "IRQ")
            for i in range(n)]


def sentence(rng: random.Random, actor: str, recipient: str, place: str) -> tuple[str, int]:
    verb = rng.choice(WORDS[:12])
    text = f"{actor} {verb} {recipient} near {place}, " + " ".join(rng.choices(WORDS, k=8))
    return text + ".", len(actor) + 1


def doc_text(sentences: list[str], rng: random.Random) -> str:
    filler = " ".join(rng.choices(WORDS, k=60))
    return f"Headline\n\n{filler}.\n\n" + "\n\n".join(sentences) + f"\n\n{filler}.\n"


def generate(path: Path, n_events: int, seed: int = 7, explorer_indexes: bool = True) -> None:
    """Create the store with the real schema and fill it with synthetic rows.

    `explorer_indexes` adds claimbase.web.indexes (asked of the store's schema) when the
    store does not create them itself.
    """
    from claimbase.store import Store

    if path.exists():
        path.unlink()
    Store(path).close()  # the real schema, indexes and schema_version
    rng = random.Random(seed)
    pool = actors()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA journal_mode=OFF")
    conn.executemany("INSERT INTO actors (actor_id, name, aliases, sector, country, kind) "
                     "VALUES (?, ?, '[]', ?, ?, 'armed_group')", pool)
    started = time.perf_counter()
    for docs, events in _batches(rng, pool, n_events):
        conn.executemany(_insert("documents", docs[0]), [tuple(d.values()) for d in docs])
        conn.executemany(_insert("events", events[0]), [tuple(e.values()) for e in events])
    conn.commit()
    print(f"generated {n_events} events in {time.perf_counter() - started:.1f}s", flush=True)
    started = time.perf_counter()
    from claimbase.web.fts import create_events_fts, rebuild_events_fts

    create_events_fts(conn)
    rebuild_events_fts(conn)
    if explorer_indexes:
        from claimbase.web.indexes import create_explorer_indexes

        create_explorer_indexes(conn)
    conn.commit()
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    print(f"indexed (FTS5 + ANALYZE) in {time.perf_counter() - started:.1f}s; "
          f"{path.stat().st_size / 1e6:.0f} MB", flush=True)


def _insert(table: str, row: dict[str, Any]) -> str:
    cols = ", ".join(f'"{c}"' for c in row)
    return f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(row))})"


def _batches(rng: random.Random, pool: list[tuple[str, str, str, str]],
             n_events: int) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    docs: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    made = 0
    d = 0
    while made < n_events:
        k = min(EVENTS_PER_DOC, n_events - made)
        doc, evs = _document(rng, pool, d, k)
        docs.append(doc)
        events.extend(evs)
        made += k
        d += 1
        if len(events) >= BATCH:
            yield docs, events
            docs, events = [], []
    if events:
        yield docs, events


def _document(rng: random.Random, pool: list[tuple[str, str, str, str]], d: int,
              k: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    doc_id = f"{d:016x}"
    outlet = rng.choice(OUTLETS)
    day = 16 * 365 + rng.randrange(9 * 365)
    published = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
    parts = []
    for _ in range(k):
        a, r = rng.sample(pool, 2)
        place = rng.choice(PLACES)
        parts.append((a, r, place, *sentence(rng, a[1], r[1], place[0])))
    text = doc_text([p[3] for p in parts], rng)
    doc = {"doc_id": doc_id, "ref": f"bench/{d}.txt", "version": 1, "title": f"Report {d}",
           "outlet": outlet, "author": None, "published": published,
           "url": f"https://example.org/{d}", "original_outlet": None, "language": "en",
           "source_format": "txt", "text": text, "boilerplate": "[]",
           "ingested_at": "2026-01-01T00:00:00+00:00", "extractor": "bench",
           "n_events": k, "n_attributions": 0, "n_places": 0}
    events = []
    for n, (a, r, place, sent, trig_off) in enumerate(parts, 1):
        events.append(_event(rng, doc, n, a, r, place, sent, trig_off, text))
    return doc, events


def _event(rng: random.Random, doc: dict[str, Any], n: int, a: tuple, r: tuple, place: tuple,
           sent: str, trig_off: int, text: str) -> dict[str, Any]:
    start = text.index(sent)
    trig_end = text.index(" ", start + trig_off)
    etype = rng.choice(PLOVER_TYPES)
    kind = rng.choices(SOURCE_KINDS, weights=(40, 15, 25, 8, 10, 2))[0]
    modality = rng.choices(MODALITIES, weights=(70, 12, 8, 3, 5, 2))[0]
    date = doc["published"]
    killed = rng.choice((None, None, None, rng.randrange(1, 60)))
    event_id = f"{doc['doc_id']}:{n}"
    loc = {"text": place[0], "start": None, "end": None, "name": place[0],
           "gazetteer_id": f"bench:{place[0]}", "lat": place[1], "lon": place[2],
           "country": place[3], "admin1": None, "admin2": None, "feature": "locality",
           "precision": 1}
    record = {
        "event_id": event_id, "doc_id": doc["doc_id"],
        "doc": {"ref": doc["ref"], "title": doc["title"], "outlet": doc["outlet"],
                "author": None, "published": doc["published"], "url": doc["url"],
                "original_outlet": None},
        "sentence": {"text": sent, "start": start, "end": start + len(sent)},
        "trigger": {"text": text[start + trig_off:trig_end], "start": start + trig_off,
                    "end": trig_end},
        "event_type": etype, "event_mode": None, "acled_event_type": None,
        "acled_sub_event_type": None,
        "actor": {"text": a[1], "start": start, "end": start + len(a[1]), "id": a[0],
                  "name": a[1], "sector": a[2], "country": a[3]},
        "co_actors": [], "recipient": {"text": r[1], "start": None, "end": None, "id": r[0],
                                       "name": r[1], "sector": r[2], "country": r[3]},
        "co_recipients": [], "location": loc,
        "date": {"text": None, "start": date, "end": date, "precision": "day"},
        "quantities": ([{"kind": "killed", "text": f"{killed} people", "low": killed,
                         "best": killed, "high": None, "of": "people", "start": None,
                         "end": None}] if killed else []),
        "attribution": {"source_kind": kind, "source_text": None if kind == "author"
                        else "officials", "source_start": None, "source_end": None,
                        "source_id": None, "cue": None if kind == "author" else "said",
                        "cue_start": None, "cue_end": None, "scope": "explicit",
                        "chain": [{"source_kind": "author", "source_text": doc["outlet"]}]},
        "modality": modality, "author_stance": "neutral", "cluster_id": None,
        "corroboration": None, "extractor": "bench",
    }
    return {
        "event_id": event_id, "doc_id": doc["doc_id"], "outlet": doc["outlet"],
        "event_type": etype, "event_mode": None, "acled_event_type": None, "acled_sub_event_type": None,
        "actor_id": a[0], "actor_text": a[1], "actor_name": a[1], "actor_sector": a[2],
        "actor_country": a[3], "recipient_id": r[0], "recipient_text": r[1],
        "recipient_name": r[1], "recipient_sector": r[2], "recipient_country": r[3],
        "location_text": place[0], "location_name": place[0],
        "gazetteer_id": loc["gazetteer_id"], "latitude": place[1], "longitude": place[2],
        "country": place[3], "admin1": None, "admin2": None, "geo_precision": 1,
        "date_text": None, "date_start": date, "date_end": date, "date_precision": "day",
        "source_kind": kind, "source_text": record["attribution"]["source_text"],
        "source_id": None, "cue": record["attribution"]["cue"], "modality": modality,
        "author_stance": "neutral", "fatalities": killed, "cluster_id": None,
        "corroboration": None, "sentence_start": start, "sentence_end": start + len(sent),
        "trigger_text": record["trigger"]["text"], "trigger_start": start + trig_off,
        "trigger_end": trig_end, "record": json.dumps(record, separators=(",", ":")),
    }


def pages(db: Path, rng: random.Random, n_events: int) -> list[tuple[str, str]]:
    """(label, path) of every page to time; event ids are picked at random."""
    name = db.stem
    n_docs = max(1, n_events // EVENTS_PER_DOC)
    ids = [f"{rng.randrange(n_docs):016x}:{rng.randint(1, min(EVENTS_PER_DOC, n_events))}"
           for _ in range(3)]
    return [
        ("events table (HTML, facets)", f"/{name}/events"),
        ("events table (JSON)", f"/{name}/events.json"),
        ("events table, facet filter", f"/{name}/events?source_kind=anonymous"),
        ("events table, 2 filters", f"/{name}/events?source_kind=anonymous&event_type=ASSAULT"),
        ("events table, search", f"/{name}/events?_search=007"),
        *[(f"event page {i + 1}", f"/-/claimbase/event/{eid}") for i, eid in enumerate(ids)],
        ("event page JSON", f"/-/claimbase/event/{ids[0]}.json"),
        ("actor page", "/-/claimbase/actor/A007"),
        ("actor page JSON", "/-/claimbase/actor/A007.json"),
    ]


def time_pages(db: Path, n_events: int, repeat: int = 5) -> list[dict[str, Any]]:
    """Start `claimbase serve` on the store and time every page."""
    import httpx

    sys.path.insert(0, str(ROOT / "tests"))
    from explorer_data import Served

    results = []
    with Served(db, timeout=300) as server, httpx.Client(base_url=server.base,
                                                        timeout=60) as client:
        _wait_for_facets(client)
        for label, path in pages(db, random.Random(3), n_events):
            first = client.get(path)
            if first.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {first.status_code}: {first.text[:300]}")
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                client.get(path).raise_for_status()
                times.append((time.perf_counter() - t0) * 1000)
            results.append({"page": label, "path": path, "median_ms": statistics.median(times),
                            "max_ms": max(times), "first_ms": first.elapsed.total_seconds()
                            * 1000})
    return results


def _wait_for_facets(client: Any, timeout: float = 600) -> None:
    """Wait until the plugin's startup facet counts are ready (they run in the background)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if client.get("/-/claimbase/status.json").json()["facet_cache"] != "computing":
            return
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/claimbase-explorer-bench.db"))
    parser.add_argument("--reuse", action="store_true", help="time an existing --db")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-explorer-indexes", action="store_true",
                        help="only the indexes the store schema creates")
    args = parser.parse_args()
    if not (args.reuse and args.db.exists()):
        generate(args.db, args.events, explorer_indexes=not args.no_explorer_indexes)
    print(f"{'page':32} {'median ms':>10} {'max ms':>8} {'first ms':>9}")
    for r in time_pages(args.db, args.events, args.repeat):
        print(f"{r['page']:32} {r['median_ms']:10.1f} {r['max_ms']:8.1f} {r['first_ms']:9.1f}")


if __name__ == "__main__":
    main()
