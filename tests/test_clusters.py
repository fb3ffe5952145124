"""Event clustering: blocking, compatibility, incremental assignment."""

from __future__ import annotations

from claimbase.link.clusters import (
    THRESHOLD,
    EventIndex,
    EventInfo,
    cluster_events,
    consistent,
    date_score,
    pair_score,
    place_score,
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


def test_date_evidence_grows_with_precision():
    day = info(event_id="a", doc_id="d1")
    same_day = info(event_id="b", doc_id="d2")
    undated = info(event_id="c", doc_id="d3", start=None, published="2019-03-08")
    next_day = info(event_id="d", doc_id="d4", start="2019-03-06")
    assert date_score(day, same_day) == 1.0
    assert 0 < date_score(day, undated) < 1.0 and 0 < date_score(day, next_day) < 1.0
    assert consistent(day, undated)  # vague, but nothing against it
    assert not consistent(day, next_day)  # a day off: evidence against
    assert date_score(day, info(event_id="e", doc_id="d5", start="2019-03-08")) == 0.0


def test_place_evidence_decays_with_distance_and_coarseness():
    a = info(event_id="a", doc_id="d1")
    near = info(event_id="b", doc_id="d2", lat=34.46, lon=40.92)  # about 1 km
    region = info(event_id="c", doc_id="d3", prec=3)
    assert place_score(a, info(event_id="d", doc_id="d4")) == 1.0
    assert place_score(a, near) < 0.6
    assert place_score(a, region) < 1.0


def test_one_document_naming_two_towns_reports_two_events():
    a = info(event_id="a", doc_id="d1")
    b = info(event_id="b", doc_id="d1", lat=34.47, lon=40.94)
    assert pair_score(a, b) == 0.0
    twin = info(event_id="c", doc_id="d1")  # one event told twice in one document
    assert pair_score(a, twin) >= THRESHOLD


def test_an_undated_report_joins_the_only_fitting_cluster():
    a = info(event_id="a", doc_id="d1", sentence="shelling of the town")
    b = info(event_id="b", doc_id="d2", sentence="army post overrun")
    vague = info(event_id="c", doc_id="d3", start=None, published="2019-03-09",
                 sentence="a weekly round-up")
    clusters = cluster_events([vague, a, b])
    assert clusters["c"] == clusters["a"] == clusters["b"]


def test_an_undated_report_fitting_two_events_stays_alone():
    a = info(event_id="a", doc_id="d1", start="2019-03-03", sentence="shelling")
    b = info(event_id="b", doc_id="d2", start="2019-03-06", sentence="clashes")
    vague = info(event_id="c", doc_id="d3", start=None, published="2019-03-09",
                 sentence="a weekly round-up")
    clusters = cluster_events([vague, a, b])
    assert len(set(clusters.values())) == 3


def test_clustering_does_not_depend_on_input_order():
    events = [dict(event_id=f"e{i}", doc_id=f"d{i}", start=f"2019-03-{5 + i % 3:02d}",
                   lat=34.45 + (i % 2) * 0.2, lon=40.92) for i in range(12)]
    events.append(dict(event_id="u", doc_id="du", start=None, published="2019-03-12",
                       lat=34.45, lon=40.92))

    def groups(order: list[dict]) -> set[frozenset[str]]:
        out = cluster_events([info(**dict(kw)) for kw in order])
        return {frozenset(k for k in out if out[k] == c) for c in set(out.values())}

    assert groups(events) == groups(list(reversed(events)))


def test_an_event_matching_two_clusters_strongly_merges_them():
    a = info(event_id="a", doc_id="d1")
    b = info(event_id="b", doc_id="d2")
    a.cluster_id, b.cluster_id = "Cx", "Cy"  # told apart by an earlier run
    index = EventIndex()
    out = cluster_events([a, b, info(event_id="c", doc_id="d3")], index)
    assert out["a"] == out["b"] == out["c"] and index.merges == 1


def test_a_precise_report_does_not_join_a_vaguer_one_on_vagueness_alone():
    index = EventIndex()
    vague = info(event_id="u", doc_id="d1", start=None, published="2019-03-09")
    cluster_events([vague], index)  # ingested first, alone
    precise = info(event_id="p", doc_id="d2", sentence="a different story")
    out = cluster_events([vague, precise], EventIndex())
    assert pair_score(vague, precise) < THRESHOLD
    assert out["p"] != out["u"]
