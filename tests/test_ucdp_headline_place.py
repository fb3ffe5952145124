"""A headline's event place among several places (claimbase.geo.event_place), Title Case
designators ("Qameshly City") and names listed with a place of the conflict region."""

from __future__ import annotations

import pytest

from claimbase.geo.event_place import bombardment_clauses, headline_place, told_as_origin
from claimbase.geo.geoparse import place_for
from tests.geo_helpers import geo_pipeline, near


@pytest.fixture(scope="session")
def run(resources):
    return geo_pipeline(resources)


def _clause_texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b].strip() for a, b in spans]


def test_bombardment_only_clauses():
    text = "Rockets pounded Kafr Nabl, and fighting flared near Saraqib"
    assert _clause_texts(text, bombardment_clauses(text)) == ["Rockets pounded Kafr Nabl,"]
    # a clause that also tells fighting or a toll is not a bombardment-only one
    assert bombardment_clauses("Shelling during clashes in Ariha") == []
    assert bombardment_clauses("Artillery fire killed two herders near Tadef") == []


def test_origin_is_not_the_scene():
    text = "two gunmen from the countryside of Tartus died near Hama"
    start = text.index("Tartus")
    assert told_as_origin(text, start, start + len("Tartus"))
    route = "a convoy drove from Homs towards Palmyra"
    start = route.index("Homs")
    assert not told_as_origin(route, start, start + len("Homs"))


def test_headline_prefers_the_fighting_over_the_shelled_place(run):
    doc = run("Mortars targeted Kafr Nabl and fierce fighting went on near Saraqib")
    chosen = headline_place(doc, place_for)
    assert chosen is not None and chosen.text == "Saraqib"


def test_headline_toll_clause_naming_the_victims_origin(run):
    doc = run("Clashes around Morek leave dead among gunmen from Banyas")
    chosen = headline_place(doc, place_for)
    assert chosen is not None and chosen.text == "Morek"


def test_title_case_designator_is_not_part_of_the_name(run):
    doc = run("A car bomb went off in Qameshly City on Tuesday")
    town = next((p for p in doc.places if p.text == "Qameshly"), None)
    assert town is not None and near(town, 37.05, 41.23)
    doc = run("Snow closed roads around Carson City on Tuesday.")
    assert any(p.text == "Carson City" for p in doc.places)


def test_name_listed_with_a_regional_place(run):
    doc = run("Jets pounded Duma and Jesr al-Shughour overnight")
    listed = next((p for p in doc.places if p.text == "Jesr al-Shughour"), None)
    assert listed is not None and near(listed, 35.81, 36.32)


def test_outlet_named_town_before_a_designator_is_the_town(resources):
    from claimbase.geo.geoparse import usable_places
    from claimbase.pipeline import PRE_PARSE, Pipeline
    from claimbase.record import Document
    from tests.geo_helpers import ACTOR_PLACE_STAGES

    pipe = Pipeline(resources, pre=PRE_PARSE, post=ACTOR_PLACE_STAGES)
    doc = pipe.process(Document(text="Jets hit al-Mayadeen city at dawn, wounding four",
                                ref="t"))
    assert any(a.text == "al-Mayadeen" for a in doc.actors)  # the channel's name
    town = next((p for p in usable_places(doc) if p.text == "al-Mayadeen"), None)
    assert town is not None and near(town, 35.02, 40.45)
