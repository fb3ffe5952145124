"""Event clustering: blocking, compatibility, incremental assignment."""

from __future__ import annotations

from claimbase.link.clusters import (
    THRESHOLD,
    EventIndex,
    EventInfo,
    cluster_events,
    pair_score,
)


def rec(event_id: str, doc_id: str, *, etype: str = "ASSAULT", lat: float | None = 34.45,
        lon: float | None = 40.92, prec: int = 1, start: str | None = "2019-03-05",
        end: str | None = None, actor: str | None = "ISIS", recipient: str | None = "SYR_MIL",
        killed: int | None = None, sentence: str = "ISIS fighters attacked an army post",
        published: str | None = "2019-03-06") -> dict:
    return {
        "event_id": event_id, "doc_id": doc_id, "event_type": etype,
        "actor": {"id": actor}, "recipient": {"id": recipient},
        "location": {"lat": lat, "lon": lon, "precision": prec} if lat is not None else None,
        "date": {"start": start, "end": end or start},
        "doc": {"published": published},
        "sentence": {"text": sentence},
        "quantities": [{"kind": "killed", "best": killed}] if killed is not None else [],
    }


def info(**kw) -> EventInfo:
    return EventInfo.from_record(rec(kw.pop("event_id", "e"), kw.pop("doc_id", "d"), **kw))


def test_same_place_day_and_actors_link():
    a = info(event_id="a", doc_id="d1", killed=14)
    b = info(event_id="b", doc_id="d2", killed=27, lat=34.451, lon=40.921,
             sentence="Islamic State militants ambushed Syrian troops")
    assert pair_score(a, b) >= THRESHOLD  # different wording, same facts
    clusters = cluster_events([a, b])
    assert clusters["a"] == clusters["b"]


def test_far_apart_places_or_dates_never_link():
    a = info(event_id="a", doc_id="d1")
    far = info(event_id="b", doc_id="d2", lat=35.95, lon=39.01)  # Raqqa, ~200 km away
    later = info(event_id="c", doc_id="d3", start="2019-03-20")
    assert pair_score(a, far) == 0.0
    assert pair_score(a, later) == 0.0
    clusters = cluster_events([a, far, later])
    assert len(set(clusters.values())) == 3


def test_incompatible_types_do_not_link():
    a = info(event_id="a", doc_id="d1")
    b = info(event_id="b", doc_id="d2", etype="AGREE")
    assert pair_score(a, b) == 0.0


def test_undated_event_uses_the_week_before_publication():
    e = info(start=None, published="2019-03-10")
    assert e.day_end - e.day_start == 7
    assert list(e.block_keys())  # still blocked, so it can be compared


def test_vague_periods_are_not_blocked():
    e = info(start="2019-01-01", end="2019-12-31")
    assert list(e.block_keys()) == []


def test_incremental_assignment_keeps_existing_clusters():
    index = EventIndex()
    first = cluster_events([info(event_id="a", doc_id="d1")], index)
    old = info(event_id="a", doc_id="d1")
    old.cluster_id = first["a"]
    new = info(event_id="b", doc_id="d2")
    again = cluster_events([old, new], EventIndex())
    assert again["a"] == first["a"] == again["b"]


def test_blocking_keeps_comparisons_far_below_quadratic():
    events = [info(event_id=f"e{i}", doc_id=f"d{i}", lat=32.0 + (i % 50) * 0.6,
                   lon=36.0 + (i // 50) * 0.6, start=f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}")
              for i in range(2000)]
    index = EventIndex()
    cluster_events(events, index)
    assert index.comparisons < 2000 * 20
