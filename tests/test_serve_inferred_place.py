"""An event placed by reference ("the village" read as the town named before it) says so on
its event page, and its row carries `location_inferred`, over real HTTP."""

from __future__ import annotations

import httpx
import pytest

from claimbase.record import DocMeta, Document, Event, assign_event_ids
from tests.explorer_data import KAFR, Served, build_store, place, span

TEXT = ("Clashes near Kafr Nabl\n\nFighting broke out near Kafr Nabl on Monday. Later that "
        "day, aircraft bombed the village, residents said.\n")


def referenced_document() -> Document:
    doc = Document(text=TEXT, ref="demo/village.txt", meta=DocMeta(
        title="Clashes near Kafr Nabl", outlet="Plain Courier", published="2024-03-06"))
    named = place(TEXT, "Kafr Nabl", KAFR)
    s, e = span(TEXT, "the village")
    ref = place(TEXT, "Kafr Nabl", KAFR)
    ref.text, ref.start, ref.end, ref.inferred = "the village", s, e, "reference"
    ss, se = span(TEXT, "Later that day, aircraft bombed the village, residents said.")
    ts, te = span(TEXT, "bombed")
    doc.events = [Event(sentence_start=ss, sentence_end=se, trigger_start=ts, trigger_end=te,
                        event_type="ASSAULT", location=ref)]
    doc.places = [named, ref]
    assign_event_ids(doc)
    return doc


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    doc = referenced_document()
    db = build_store(tmp_path_factory.mktemp("inferred") / "demo.db", extra=[doc])
    with Served(db) as server:
        server.event_id = doc.events[0].event_id
        yield server


def test_event_page_says_the_place_was_found_by_reference(served):
    html = httpx.get(f"{served.base}/-/claimbase/event/{served.event_id}", timeout=30).text
    assert "Kafr Nabl" in html
    assert "read from “the village”, which refers back to it" in html
    data = httpx.get(f"{served.base}/-/claimbase/event/{served.event_id}.json",
                     timeout=30).json()
    assert data["event"]["location"]["inferred"] == "reference"


def test_rows_carry_location_inferred(served):
    rows = httpx.get(f"{served.base}/demo/events.json", timeout=30,
                     params={"_shape": "array", "location_inferred": "reference"}).json()
    assert [r["event_id"] for r in rows] == [served.event_id]
    named = httpx.get(f"{served.base}/demo/events.json", timeout=30,
                      params={"_shape": "array", "location_inferred__isnull": "1"}).json()
    assert named and all(r["location_inferred"] is None for r in named)
