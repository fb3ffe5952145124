"""Linking cost curve: `python benchmarks/link_bench.py 10000 30000 100000`.

For each size N, a fresh SQLite store is filled with N synthetic event records (N/5
documents, 30 events a day spread over Syria and Iraq — so a larger N is a longer period at
the same density, as a growing corpus is — a fifth of them re-reported by a second document), then `link_store` runs in a child process whose wall time and peak
RSS are reported, so the figures are those of linking alone.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TYPES = ["ASSAULT", "ASSAULT", "ASSAULT", "COERCE", "MOBILIZE", "AID", "AGREE", "PROTEST"]
EVENTS_PER_DAY = 30
VOCAB = [f"w{i}" for i in range(5000)]
WORDS = random.Random(11)
ACTORS = ["ISIS", "SDF", "SYR_MIL", "RUS_MIL", "USA_MIL", "HTS", "SNA", "TUR_MIL", "PMU",
          "IRQ_MIL", None]


def synthetic_records(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    base = date(2017, 1, 1)
    span_days = max(30, n // EVENTS_PER_DAY)  # a corpus grows over time: constant density
    records: list[dict] = []
    while len(records) < n:
        day = base + timedelta(days=rng.randrange(span_days))
        lat, lon = rng.uniform(32.5, 37.0), rng.uniform(35.8, 44.5)
        etype = rng.choice(TYPES)
        actor, recipient = rng.choice(ACTORS), rng.choice(ACTORS)
        for _ in range(2 if rng.random() < 0.2 else 1):  # some events are reported twice
            n_rec = len(records)
            records.append({
                "event_id": f"bench{n_rec // 5}:{n_rec % 5 + 1}", "doc_id": f"bench{n_rec // 5}",
                "doc": {"ref": f"bench{n_rec // 5}", "published": day.isoformat(),
                        "outlet": f"Outlet {rng.randrange(40)}"},
                "sentence": {"text": f"{actor} {etype.lower()} near place {int(lat * 10)}",
                             "start": 0, "end": 10},
                "trigger": {"text": etype.lower(), "start": 0, "end": 5},
                "event_type": etype, "event_mode": None, "acled_event_type": None,
                "acled_sub_event_type": None,
                "actor": {"id": actor, "text": actor, "start": 0, "end": 3},
                "recipient": {"id": recipient, "text": recipient, "start": 0, "end": 3},
                "location": {"text": "x", "lat": round(lat + rng.gauss(0, 0.005), 4),
                             "lon": round(lon + rng.gauss(0, 0.005), 4), "precision": 1,
                             "name": f"place {int(lat * 10)}", "country": "SY"},
                "date": {"text": None, "start": day.isoformat(), "end": day.isoformat(),
                         "precision": "day"},
                "quantities": [{"kind": "killed", "text": "", "low": k, "best": k, "high": k,
                                "of": "people"}] if (k := rng.choice([0, 0, 2, 5, 14])) else [],
                "attribution": {"source_kind": rng.choice(["author", "organization",
                                                           "anonymous", "media"]),
                                "source_text": None, "source_id": None, "chain": []},
                "modality": "asserted", "author_stance": "neutral",
                "cluster_id": None, "corroboration": None, "extractor": "bench",
            })
    return records[:n]


def fill(db: Path, n: int) -> None:
    from claimbase.store import Store
    from claimbase.store.rows import DocRows, event_row

    store = Store(db)
    by_doc: dict[str, list[dict]] = {}
    for rec in synthetic_records(n):
        by_doc.setdefault(rec["doc_id"], []).append(rec)
    for doc_id, recs in by_doc.items():
        text = " ".join(WORDS.choice(VOCAB) for _ in range(300))  # unrelated texts
        document = {"doc_id": doc_id, "ref": doc_id, "version": 1, "text": text,
                    "outlet": recs[0]["doc"]["outlet"], "published": recs[0]["doc"]["published"],
                    "boilerplate": [], "ingested_at": "2026-01-01T00:00:00",
                    "source_format": "txt", "n_events": len(recs), "n_attributions": 0,
                    "n_places": 0}
        store.save_rows(DocRows(document=document, events=[event_row(r) for r in recs]))
    store.close()


def run_link(db: Path) -> dict:
    from claimbase.link.run import link_store
    from claimbase.store import Store

    store = Store(db)
    t0 = time.perf_counter()
    report = link_store(store)
    seconds = time.perf_counter() - t0
    store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"events": report.events, "clusters": report.clusters,
            "comparisons": report.comparisons, "seconds": round(seconds, 2),
            "peak_rss_mb": round(peak_mb, 1)}


def main(sizes: list[int]) -> None:
    if sizes and sizes[0] == -1:  # child mode: link one prepared store
        print(json.dumps(run_link(Path(sys.argv[2]))))
        return
    print(f"{'events':>8} {'fill s':>7} {'link s':>7} {'peak MB':>8} {'comparisons':>12}")
    for n in sizes or [10_000, 30_000, 100_000]:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            t0 = time.perf_counter()
            fill(db, n)
            fill_s = time.perf_counter() - t0
            out = subprocess.run([sys.executable, __file__, "-1", str(db)], check=True,
                                 capture_output=True, text=True)
            res = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{res['events']:>8} {fill_s:>7.1f} {res['seconds']:>7.1f} "
                  f"{res['peak_rss_mb']:>8.0f} {res['comparisons']:>12}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:2]] if sys.argv[1:2] == ["-1"]
         else [int(a) for a in sys.argv[1:]])
