"""Cluster summaries, corroboration and contradictions."""

from __future__ import annotations

from claimbase.link.summary import contradictions, summarize
from tests.test_clusters import rec


def with_source(r: dict, kind: str, text: str | None = None, source_id: str | None = None,
                modality: str = "asserted") -> dict:
    r["attribution"] = {"source_kind": kind, "source_text": text, "source_id": source_id}
    r["modality"] = modality
    r["location"]["name"] = "Baghuz"
    return r


def test_tolls_give_low_best_high_and_a_casualty_contradiction():
    recs = [with_source(rec("a", "d1", killed=14), "organization", "the army", "SYR_MIL"),
            with_source(rec("b", "d2", killed=27), "anonymous", "local sources"),
            with_source(rec("c", "d3", killed=20), "author")]
    outlets = {"d1": "wire", "d2": "observer", "d3": "monitor"}
    s = summarize(recs, outlets)
    assert s["casualties"]["killed"] == {"low": 14, "best": 20, "high": 27, "reports": 3}
    assert s["corroboration"] == {"documents": 3, "independent_sources": 3,
                                  "distinct_sources": 3}
    assert s["place"]["name"] == "Baghuz"
    kinds = {(c.kind, c.event_a, c.event_b) for c in contradictions(recs, outlets)}
    assert ("casualties", "a", "b") in kinds and ("casualties", "b", "c") in kinds


def test_reposts_do_not_count_as_independent_sources():
    recs = [rec("a", "d1", killed=5), rec("b", "d2", killed=5)]
    s = summarize(recs, {"d1": "wire", "d2": "wire"})  # d2 re-posts d1
    assert s["corroboration"]["documents"] == 2
    assert s["corroboration"]["independent_sources"] == 1
    assert contradictions(recs, {"d1": "wire", "d2": "wire"}) == []


def test_denial_against_assertion():
    recs = [with_source(rec("a", "d1"), "media", "Levant Wire"),
            with_source(rec("b", "d2"), "organization", "the ministry", "RUS",
                        modality="negated")]
    found = contradictions(recs, {"d1": "x", "d2": "y"})
    assert [(c.kind, c.detail) for c in found] == [
        ("denial", {"a": "asserted", "b": "negated"})]


def test_different_perpetrators_but_not_the_two_sides_of_one_clash():
    a = rec("a", "d1", actor="ISIS", recipient="SYR_MIL")
    b = rec("b", "d2", actor="HTS", recipient="SYR_MIL")
    c = rec("c", "d3", actor="SYR_MIL", recipient="ISIS")
    found = {(x.kind, x.event_a, x.event_b) for x in contradictions([a, b, c],
                                                                    {"d1": 1, "d2": 2, "d3": 3})}
    assert ("perpetrator", "a", "b") in found
    assert ("perpetrator", "a", "c") not in found


def test_flags_for_weak_and_single_party_sourcing():
    weak = [with_source(rec("a", "d1"), "anonymous", "sources"),
            with_source(rec("b", "d2"), "rumor", "rumours")]
    assert summarize(weak, {})["only_weak_sources"] is True
    party = [with_source(rec("a", "d1"), "organization", "the SDF", "SDF"),
             with_source(rec("b", "d2"), "person", "an SDF spokesman", "SDF")]
    s = summarize(party, {})
    assert s["single_party"] is True and s["only_weak_sources"] is False


def test_copies_of_one_report_contradict_another_outlet_once():
    recs = [rec("a", "d1", killed=5), rec("b", "d2", killed=5), rec("c", "d3", killed=7)]
    outlets = {"d1": "sentinel", "d2": "sentinel", "d3": "wire"}  # d2 re-posts d1
    found = contradictions(recs, outlets)
    assert [(c.kind, c.detail) for c in found] == [
        ("casualties", {"kind": "killed", "a": 5, "b": 7})]


def test_small_tolls_that_differ_are_a_contradiction_close_ones_are_not():
    assert contradictions([rec("a", "d1", killed=5), rec("b", "d2", killed=7)],
                          {"d1": 1, "d2": 2})
    assert not contradictions([rec("a", "d1", killed=100), rec("b", "d2", killed=105)],
                              {"d1": 1, "d2": 2})
