"""Export filters: dates, country, actor, event type, source kind, modality."""

from __future__ import annotations

import json

import pytest

from claimbase.export import ExportError, Filters, export
from tests.explorer_data import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build_store(tmp_path_factory.mktemp("filters") / "demo.db"))


def ids(db: str, tmp_path, **filters) -> list[dict]:
    out = tmp_path / "out.jsonl"
    export(db, "jsonl", out, filters=Filters(**filters))
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_no_filter_returns_everything(db, tmp_path):
    assert len(ids(db, tmp_path)) == 5


def test_date_range(db, tmp_path):
    got = ids(db, tmp_path, since="2024-03-02", until="2024-03-02")
    assert {r["date"]["start"] for r in got} == {"2024-03-02"}
    assert len(got) == 2
    assert {r["date"]["start"] for r in ids(db, tmp_path, since="2024-03-03")} == {"2024-03-03"}


@pytest.mark.parametrize("country", ["SY", "SYR", "Syria", "sy"])
def test_country_any_spelling(db, tmp_path, country):
    got = ids(db, tmp_path, country=country)
    assert len(got) == 4 and all(r["location"]["country"] == "SY" for r in got)


def test_country_without_events(db, tmp_path):
    assert ids(db, tmp_path, country="IQ") == []


@pytest.mark.parametrize("actor", ["SYR_MIL", "Syrian Arab Army", "syrian arab army"])
def test_actor_as_actor_or_recipient(db, tmp_path, actor):
    got = ids(db, tmp_path, actor=actor)
    assert len(got) == 3
    for r in got:
        assert "SYR_MIL" in {(r["actor"] or {}).get("id"), (r["recipient"] or {}).get("id")}


def test_event_type_plover_and_acled(db, tmp_path):
    assert {r["event_type"] for r in ids(db, tmp_path, event_type="protest")} == {"PROTEST"}
    got = ids(db, tmp_path, event_type="battles")
    assert [r["acled_event_type"] for r in got] == ["Battles"]


def test_source_kind_and_modality(db, tmp_path):
    assert [r["attribution"]["source_kind"]
            for r in ids(db, tmp_path, source_kind="media")] == ["media"]
    hedged = ids(db, tmp_path, modality="hedged")
    assert [r["event_type"] for r in hedged] == ["MOBILIZE"]
    assert ids(db, tmp_path, modality="hedged", source_kind="anonymous") == []


def test_filters_select_rows_of_other_tables(db, tmp_path):
    out = tmp_path / "att.jsonl"
    export(db, "jsonl", out, table="attributions", filters=Filters(source_kind="anonymous"))
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["source"]["kind"] for r in rows] == ["anonymous"]
    export(db, "jsonl", out, table="documents", filters=Filters(country="SY",
                                                                 modality="hedged"))
    assert out.read_text() == ""


def test_filters_apply_to_every_format(db, tmp_path):
    out = tmp_path / "x.geojson"
    n = export(db, "geojson", out, filters=Filters(source_kind="organization"))
    data = json.loads(out.read_text())
    assert n == 1 and data["features"][0]["properties"]["source_text"] == \
        "the Syrian Observatory"


def test_since_after_until_is_rejected(db):
    with pytest.raises(ExportError, match="after --until"):
        export(db, "jsonl", None, filters=Filters(since="2024-05-01", until="2024-01-01"))


def test_unknown_event_type_is_rejected(db):
    with pytest.raises(ExportError, match="--event-type 'EXPLODE'"):
        export(db, "jsonl", None, filters=Filters(event_type="EXPLODE"))
