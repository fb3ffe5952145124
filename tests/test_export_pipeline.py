"""Exports of real pipeline output: our own short articles -> Pipeline -> Store -> every
format, checked for consistency with the stored records (not for extraction quality)."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from claimbase.export import export
from claimbase.record import DocMeta, Document

ARTICLES = [
    ("wire-1", "Valley Herald", "2023-06-12",
     "Government troops shelled the town of Maarrat al-Numan on Sunday, killing six "
     "civilians, a local activist said.\n\nThe army said it had targeted militant positions."),
    ("wire-2", "Coastal Wire", "2023-06-13",
     "Hundreds of protesters rallied in Aleppo on Monday to demand the release of detainees, "
     "according to witnesses. Police arrested twelve demonstrators, the interior ministry "
     "announced."),
    ("wire-3", "Northern Ledger", "2023-06-14",
     "Unknown gunmen attacked a checkpoint near Deir ez-Zor on Tuesday, officials said. "
     "The United Nations called for an investigation."),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline):
    from claimbase.store import Store

    path = tmp_path_factory.mktemp("pipe") / "pipe.db"
    docs = [Document(text=text, ref=ref, meta=DocMeta(outlet=outlet, published=published))
            for ref, outlet, published, text in ARTICLES]
    with Store(path) as store:
        for doc in pipeline.run(docs):
            store.save(doc)
    return str(path)


def jsonl(db, tmp_path, table="events"):
    out = tmp_path / f"{table}.jsonl"
    export(db, "jsonl", out, table=table)
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_records_round_trip(db, tmp_path):
    events = jsonl(db, tmp_path)
    assert events, "the pipeline found no event in the test articles"
    texts = {ref: text for ref, _, _, text in ARTICLES}
    for rec in events:
        text = texts[rec["doc"]["ref"]]
        assert text[rec["trigger"]["start"]:rec["trigger"]["end"]] == rec["trigger"]["text"]
        assert text[rec["sentence"]["start"]:rec["sentence"]["end"]] == rec["sentence"]["text"]


def test_every_format_agrees_with_jsonl(db, tmp_path):
    events = jsonl(db, tmp_path)
    by_id = {r["event_id"]: r for r in events}
    out = tmp_path / "e.csv"
    export(db, "acled-csv", out, all_events=True)
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["claimbase_event_id"] for r in rows} == set(by_id)
    for row in rows:
        rec = by_id[row["claimbase_event_id"]]
        assert row["source_kind"] == rec["attribution"]["source_kind"]
        assert row["event_type"] == (rec["acled_event_type"] or "")
    coded = tmp_path / "coded.csv"
    n_coded = export(db, "acled-csv", coded)
    assert n_coded == sum(1 for r in events if r["acled_event_type"])
    geo = tmp_path / "e.geojson"
    export(db, "geojson", geo)
    for feat in json.loads(geo.read_text())["features"]:
        loc = by_id[feat["id"]]["location"]
        assert feat["geometry"]["coordinates"] == [loc["lon"], loc["lat"]]
    parquet = tmp_path / "e.parquet"
    export(db, "parquet", parquet)
    assert sorted(pq.read_table(parquet).column("event_id").to_pylist()) == sorted(by_id)


def test_claimreview_covers_attributed_statements(db, tmp_path):
    attributions = jsonl(db, tmp_path, "attributions")
    out = tmp_path / "c.jsonld"
    n = export(db, "claimreview", out)
    graph = json.loads(out.read_text())["@graph"]
    attributed = [a for a in attributions if a["source"]["kind"] != "author"]
    assert n == len(graph) == len(attributed)
    assert all("reviewRating" not in r for r in graph)
