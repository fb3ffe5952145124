"""Places named without a place name (agreement zones, "the capital"), foreign namesakes
re-read at home, and the casualty clause of a headline listing several places."""

from __future__ import annotations

import pytest

from claimbase.geo.event_place import casualty_clauses, headline_place
from claimbase.geo.geoparse import place_for
from tests.geo_helpers import geo_pipeline


@pytest.fixture(scope="session")
def run(resources):
    return geo_pipeline(resources)


def _names(doc) -> dict[str, object]:
    return {p.text: p for p in doc.places}


def test_agreement_zone_named_by_its_parties(run):
    doc = run("Jets pounded villages inside the “Putin – Erdogan” area on Sunday.")
    zone = next(p for p in doc.places if "Erdogan" in p.text)
    assert zone.feature == "region" and zone.country == "SY" and zone.lat is not None
    doc = run("Shelling hit the demilitarized zone of Putin-Erdogan overnight.")
    assert any(p.country == "SY" and p.feature == "region" for p in doc.places)


def test_the_bare_de_escalation_zone_is_idlibs_only_once_it_was_the_last(run):
    """Before mid-2018 Syria had four de-escalation zones: "the de-escalation zone" alone names
    the Idlib one only in a document dated after the others were gone (or none when undated)."""
    late = run("On June 4, 2019, shells fell inside the de-escalation zone, activists said.")
    assert any(p.feature == "region" and "escalation" in p.text for p in late.places)
    early = run("On May 3, 2017, shells fell inside the de-escalation zone, activists said.")
    assert not any("escalation" in p.text for p in early.places)
    undated = run("Shells fell inside the de-escalation zone, activists said.")
    assert not any("escalation" in p.text for p in undated.places)


def test_the_capital_is_the_capital_of_the_documents_country(run):
    doc = run("Syrian regime forces shelled Douma while mortars fell on the capital.")
    capital = _names(doc).get("capital")
    assert capital is not None and capital.name == "Damascus"
    # "the capital of X" and "the capital Y" are left to the names that follow
    doc = run("Rockets hit the capital Baghdad and the capital of Iraq's Anbar province.")
    assert "capital" not in _names(doc)


def test_small_foreign_namesake_gives_way_to_the_home_town(run):
    doc = run("The SDF fought Turkish-backed factions near Ras al-Ayn; Syrian activists "
              "reported shelling of Tal Tamr.")
    town = _names(doc).get("Ras al-Ayn")
    assert town is not None and town.country == "SY"


def test_casualty_clause_of_a_headline():
    text = "Skirmishes near Kafr Nabl and two fighters killed in Saraqib"
    clauses = casualty_clauses(text)
    assert [text[a:b].strip() for a, b in clauses] == ["two fighters killed in Saraqib"]
    assert casualty_clauses("Idlib and Hama under fire") == []


def test_headline_place_prefers_the_casualty_clause(run):
    doc = run("Artillery duels around Kafr Nabl and three civilians killed in Saraqib")
    chosen = headline_place(doc, place_for)
    assert chosen is not None and chosen.text == "Saraqib"
