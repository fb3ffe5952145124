"""Every export format, read back with a real parser, over the hand-annotated demo store."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from claimbase.cli import app
from claimbase.export import ExportError, Filters, export
from claimbase.export.acled import ACLED_COLUMNS, CLAIMBASE_COLUMNS, acled_row
from claimbase.export.flat import flatten
from tests.explorer_data import build_store

# RFC 7946 as a JSON schema (the parts a FeatureCollection of Points must satisfy).
POSITION = {"type": "array", "minItems": 2, "maxItems": 3,
            "prefixItems": [{"type": "number", "minimum": -180, "maximum": 180},
                            {"type": "number", "minimum": -90, "maximum": 90}],
            "items": {"type": "number"}}
GEOJSON_SCHEMA = {
    "type": "object", "required": ["type", "features"],
    "not": {"required": ["crs"]},
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object", "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "id": {"type": ["string", "number"]},
                "geometry": {"type": "object", "required": ["type", "coordinates"],
                             "properties": {"type": {"const": "Point"},
                                            "coordinates": POSITION}},
                "properties": {"type": "object", "additionalProperties": {
                    "type": ["string", "number", "boolean", "null"]}},
            }}},
    },
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build_store(tmp_path_factory.mktemp("export") / "demo.db"))


def run(db: str, fmt: str, tmp_path, name: str, **kw) -> tuple[int, object]:
    out = tmp_path / name
    n = export(db, fmt, out, **kw)
    return n, out


def test_jsonl_events_are_full_records(db, tmp_path):
    n, out = run(db, "jsonl", tmp_path, "events.jsonl")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert n == len(records) == 5
    for rec in records:
        for key in ("event_id", "doc", "sentence", "trigger", "event_type", "attribution",
                    "modality", "author_stance", "date", "quantities", "extractor"):
            assert key in rec
    linked = [r for r in records if r["cluster_id"] == "c1"]
    assert len(linked) == 2  # the live cluster_id, set after extraction


@pytest.mark.parametrize("table,key", [("documents", "doc_id"), ("attributions", "content"),
                                       ("places", "gazetteer_id")])
def test_jsonl_other_tables(db, tmp_path, table, key):
    n, out = run(db, "jsonl", tmp_path, f"{table}.jsonl", table=table)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert n == len(rows) > 0
    assert all(key in r for r in rows)


def test_acled_csv_header_order_and_values(db, tmp_path):
    n, out = run(db, "acled-csv", tmp_path, "acled.csv")
    with open(out, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = [dict(zip(header, r, strict=True)) for r in reader]
    assert header == ACLED_COLUMNS + CLAIMBASE_COLUMNS
    assert header[:31][0] == "event_id_cnty" and header[30] == "timestamp"
    assert n == len(rows) == 4  # the hedged MOBILIZE event has no ACLED type
    battle = next(r for r in rows if r["event_type"] == "Battles")
    assert battle["actor1"] == "Northern Rebel Front" and battle["inter1"] == "2"
    assert battle["actor2"] == "Syrian Arab Army" and battle["inter2"] == "1"
    assert battle["interaction"] == "12"
    assert battle["country"] == "Syria" and battle["iso"] == "760"
    assert battle["region"] == "Middle East"
    assert battle["fatalities"] == "4" and battle["time_precision"] == "1"
    assert battle["source_kind"] == "anonymous" and battle["cue"] == "said"
    assert battle["disorder_type"] == "Political violence"
    shelling = [r for r in rows if r["event_type"] == "Explosions/Remote violence"]
    assert {r["civilian_targeting"] for r in shelling} == {"Civilian targeting"}
    assert {r["interaction"] for r in shelling} == {"17"}
    assert {r["cluster_id"] for r in shelling} == {"c1"}
    protest = next(r for r in rows if r["event_type"] == "Protests")
    assert protest["inter1"] == "6" and protest["interaction"] == "60"
    assert protest["disorder_type"] == "Demonstrations"
    assert protest["tags"] == "crowd size=200"
    assert all(r["timestamp"].isdigit() for r in rows)


def test_acled_all_includes_uncodable(db, tmp_path):
    n, _ = run(db, "acled-csv", tmp_path, "all.csv", all_events=True)
    assert n == 5


def test_geojson_is_rfc7946(db, tmp_path):
    n, out = run(db, "geojson", tmp_path, "events.geojson")
    data = json.loads(out.read_text())
    errors = list(Draft202012Validator(GEOJSON_SCHEMA).iter_errors(data))
    assert errors == []
    assert n == len(data["features"]) == 4  # the MOBILIZE event has no place
    idlib = next(f for f in data["features"] if f["properties"]["location_name"] == "Idlib")
    assert idlib["geometry"]["coordinates"] == [36.63, 35.93]  # [lon, lat]
    assert idlib["properties"]["source_kind"] == "anonymous"


def test_gexf_is_dynamic_and_readable(db, tmp_path):
    n, out = run(db, "gexf", tmp_path, "actors.gexf")
    text = out.read_text()
    assert 'xmlns="http://gexf.net/1.3"' in text and 'version="1.3"' in text
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    graph = nx.read_gexf(out, version="1.3")
    assert graph.is_directed()
    assert n == graph.number_of_edges() == 3
    edges = list(graph.edges(data=True))
    rebel = [d for u, v, d in edges if u == "NRF" and v == "SYR_MIL"]
    assert rebel and rebel[0]["label"] == "ASSAULT"
    assert rebel[0]["start"] == "2024-03-01" and rebel[0]["end"] == "2024-03-01"
    assert graph.nodes["NRF"]["label"] == "Northern Rebel Front"


def test_graphml_is_readable(db, tmp_path):
    n, out = run(db, "graphml", tmp_path, "actors.graphml")
    graph = nx.read_graphml(out)
    assert n == graph.number_of_edges() == 3
    types = {d["event_type"] for _, _, d in graph.edges(data=True)}
    assert types == {"ASSAULT"}
    assert graph.nodes["SYR_MIL"]["sector"] == "MIL"


def test_parquet_flattened(db, tmp_path):
    n, out = run(db, "parquet", tmp_path, "events.parquet")
    table = pq.read_table(out)
    assert n == table.num_rows == 5
    rows = table.to_pylist()
    battle = next(r for r in rows if r["acled_event_type"] == "Battles")
    assert battle["latitude"] == 35.93 and battle["fatalities"] == 4
    assert battle["quantities"][0]["kind"] == "killed"
    assert [link["source_kind"] for link in battle["chain"]] == ["author", "anonymous"]
    assert table.schema.field("trigger_start").type == "int64"


def test_claimreview_jsonld(db, tmp_path):
    n, out = run(db, "claimreview", tmp_path, "claims.jsonld")
    data = json.loads(out.read_text())
    assert data["@context"][0] == "https://schema.org"
    graph = data["@graph"]
    assert n == len(graph) == 5  # every attributed claim, none in the author's voice
    for review in graph:
        assert review["@type"] == "ClaimReview"
        assert "reviewRating" not in review  # claimbase never invents a verdict
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim"
        assert claim["appearance"]["@type"] == "CreativeWork"
        assert claim["appearance"]["publisher"]["@type"] == "Organization"
        assert review["claimReviewed"]
    by_kind = {r["claimbase:sourceKind"]: r for r in graph}
    assert by_kind["person"]["itemReviewed"]["author"]["@type"] == "Person"
    assert by_kind["organization"]["itemReviewed"]["author"] == {
        "@type": "Organization", "name": "the Syrian Observatory"}
    assert "author" not in by_kind["anonymous"]["itemReviewed"]
    assert by_kind["anonymous"]["itemReviewed"]["appearance"]["url"].startswith("https://")


def test_cli_export_writes_file(db, tmp_path):
    out = tmp_path / "cli.csv"
    result = CliRunner().invoke(app, ["export", "--db", db, "--format", "acled-csv",
                                      "-o", str(out), "--source-kind", "anonymous"])
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert len(lines) == 2 and "local sources" in lines[1]


@pytest.mark.parametrize("args,needle", [
    (["--format", "xml"], "--format 'xml'"),
    (["--since", "March"], "--since 'March'"),
    (["--modality", "sure"], "--modality 'sure'"),
    (["--country", "Atlantis"], "--country 'Atlantis'"),
    (["--table", "nope"], "--table 'nope'"),
    (["--table", "places", "--format", "geojson"], "exports events only"),
])
def test_cli_bad_input_is_one_clear_line(db, args, needle):
    result = CliRunner().invoke(app, ["export", "--db", db, *args])
    assert result.exit_code == 2
    assert needle in result.output
    assert "Traceback" not in result.output


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="no such database file"):
        export(str(tmp_path / "none.db"), "jsonl", None, filters=Filters())


def test_a_location_found_by_reference_is_marked_in_flat_and_acled_rows():
    record = {"event_id": "d1:1", "doc_id": "d1", "event_type": "ASSAULT",
              "acled_event_type": "Battles",
              "location": {"text": "the village", "name": "Kafr Nabl", "lat": 35.61,
                           "lon": 36.56, "country": "SY", "precision": 1,
                           "inferred": "reference"}}
    assert flatten(record)["location_inferred"] == "reference"
    assert acled_row(record)["location_inferred"] == "reference"
    named = {**record, "location": {**record["location"], "inferred": None}}
    assert flatten(named)["location_inferred"] is None
