"""`claimbase link` over a real SQLite store: clusters, re-posts, contradictions, profiles."""

from __future__ import annotations

import json
import subprocess
import sys

from claimbase.record import (
    ActorMention,
    Attribution,
    DateMention,
    DocMeta,
    Document,
    Event,
    Place,
    Quantity,
)
from claimbase.store import Store
from tests.test_reposts import ARTICLE

WORDING = {  # independent reports are worded independently
    "a.txt": "Soldiers at the post fought back for two hours before help came from Hajin, "
             "and the wounded were taken to a field hospital near the river.",
    "b.txt": "Residents heard heavy gunfire through the night; the dead were buried the next "
             "morning in a cemetery on the edge of town, relatives told our correspondent.",
    "c.txt": "The ministry called the story fabricated and said its units in the east had "
             "reported a quiet night with no contact with the enemy anywhere.",
}
BAGHUZ = dict(name="Baghuz", lat=34.46, lon=40.95, country="SY", precision=1)


def _doc(ref: str, outlet: str, toll: int | None, *, text: str | None = None,
         original: str | None = None, negated: bool = False, source: str = "author") -> Document:
    body = text or (f"{outlet} report. Militants attacked an army post in Baghuz on March 5. "
                    + WORDING[ref])
    doc = Document(text=body, ref=ref, meta=DocMeta(outlet=outlet, published="2019-03-06",
                                                    original_outlet=original, title=ref))
    i = body.index("attacked")
    att = None
    if source != "author":
        att = Attribution(source_kind=source, source_text="the ministry", source_start=0,
                          source_end=len(outlet), cue="said", cue_start=None, cue_end=None,
                          content_start=0, content_end=len(body), source_id="SYR_GOV")
        doc.attributions.append(att)
    doc.events.append(Event(
        sentence_start=0, sentence_end=len(body), trigger_start=i, trigger_end=i + 8,
        event_type="ASSAULT", acled_event_type="Battles", acled_sub_event_type="Armed clash",
        actor=ActorMention("Militants", 0, 9, id="ISIS", sector="REB"),
        recipient=ActorMention("army", 0, 4, id="SYR_MIL", sector="MIL"),
        location=Place(text="Baghuz", start=0, end=6, **BAGHUZ),
        date=DateMention("on March 5", 0, 10, "2019-03-05", "2019-03-05", "day"),
        quantities=[Quantity("killed", f"{toll} soldiers", toll, toll, toll, "soldiers")]
        if toll else [],
        attribution=att, modality="negated" if negated else "asserted"))
    return doc


def _fill(path) -> Store:
    store = Store(path)
    for doc in (_doc("a.txt", "Levant Wire", 14), _doc("b.txt", "Euphrates Observer", 27),
                _doc("c.txt", "Tigris Daily", None, negated=True, source="organization"),
                _doc("d.txt", "Crescent Post", 14, text=ARTICLE, original="Levant Wire"),
                _doc("e.txt", "Levant Wire", 14, text="Desert ambush\n\n" + ARTICLE)):
        assert store.save(doc)
    return store


def test_link_store_clusters_reports_and_finds_contradictions(tmp_path):
    from claimbase.link.run import link_store

    store = _fill(tmp_path / "t.db")
    report = link_store(store)
    assert report.events == 5 and report.new_events == 5
    clusters = list(store.iter_rows("clusters"))
    big = max(clusters, key=lambda c: c["documents"])
    assert big["documents"] == 5
    # d re-posts e (same text, original_outlet names Levant Wire): 4 independent outlets
    assert big["independent_sources"] == 3  # Levant Wire (a, e, d), Observer, Tigris
    assert (big["fatalities_low"], big["fatalities_high"]) == (14, 27)
    kinds = {c["kind"] for c in store.iter_rows("contradictions")}
    assert {"casualties", "denial"} <= kinds
    reposts = list(store.iter_rows("reposts"))
    assert len(reposts) == 1
    records = list(store.iter_event_records())
    assert all(r["cluster_id"] == big["cluster_id"] for r in records)
    assert all(r["corroboration"]["independent_sources"] == 3 for r in records)
    # a second run adds nothing new and keeps the cluster ids
    again = link_store(store)
    assert again.new_events == 0
    assert {r["cluster_id"] for r in store.iter_event_records()} == {big["cluster_id"]}
    store.close()


def test_link_and_source_profiles_from_the_cli(tmp_path):
    db = tmp_path / "t.db"
    _fill(db).close()
    out = subprocess.run([sys.executable, "-m", "claimbase", "link", "--db", str(db), "--json"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["multi_report_clusters"] == 1
    out = subprocess.run([sys.executable, "-m", "claimbase", "stats", "--sources", "--json",
                          "--db", str(db)], capture_output=True, text=True, check=True)
    profiles = {p["name"]: p for p in json.loads(out.stdout)["sources"]}
    assert profiles["Crescent Post"]["reposts_of"] == {"Levant Wire": 1}
    assert profiles["Levant Wire"]["reposted_by"] == {"Crescent Post": 1}
    assert profiles["Tigris Daily"]["source_kind_share"]["organization"] == 1.0


def test_link_on_a_missing_store_is_one_clear_line(tmp_path):
    out = subprocess.run([sys.executable, "-m", "claimbase", "link", "--db",
                          str(tmp_path / "nope.db")], capture_output=True, text=True)
    assert out.returncode != 0
    assert "nope.db" in out.stderr and len(out.stderr.strip().splitlines()) == 1
