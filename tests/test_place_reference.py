"""Place anaphora (`claimbase/geo/place_reference.py`, used by the events stage): a
description such as "the village" or "the country" takes the place named before it."""

from __future__ import annotations

import pytest

from claimbase.geo.place_reference import (
    CLASSES,
    as_reference,
    compatible,
    reference_heads,
)
from claimbase.record import Place


def _event(doc, events, word):
    found = [e for e in events if doc.text[e.trigger_start:e.trigger_end].startswith(word)]
    assert found, (word, [doc.text[e.trigger_start:e.trigger_end] for e in events])
    return found[0]


def test_every_head_lists_known_classes_and_a_precision():
    heads = reference_heads()
    assert {"village", "town", "country", "nation", "desert", "area", "stronghold"} <= set(heads)
    known = frozenset().union(*CLASSES.values())
    for noun, head in heads.items():
        assert head.features <= known, noun
        assert head.precision in (1, 2, 3), noun
    assert heads["village"].features.isdisjoint({"country", "admin1"})
    assert heads["nation"].features == frozenset({"country"})
    assert not heads["border"].features  # a line takes no town's point


def test_compatibility_follows_the_feature_classes():
    town = Place(text="Kobani", start=0, end=6, name="Kobani", gazetteer_id="g:1",
                 country="SY", feature="city", precision=1)
    land = Place(text="Turkey", start=0, end=6, name="Turkey", gazetteer_id="g:2",
                 country="TR", feature="country", precision=3)
    wide = Place(text="the Middle East", start=0, end=15, name="Middle East",
                 gazetteer_id="g:3", feature="region", precision=3)
    heads = reference_heads()
    assert compatible(town, heads["town"]) and not compatible(land, heads["town"])
    assert compatible(land, heads["country"]) and not compatible(town, heads["country"])
    # "the area" is no continent-wide region; "the region" may be
    assert not compatible(wide, heads["area"]) and compatible(wide, heads["region"])
    unresolved = Place(text="Kobani", start=0, end=6, feature="city")
    assert not compatible(unresolved, heads["town"])


def test_a_reference_is_never_more_precise_than_its_description():
    town = Place(text="Kobani", start=0, end=6, name="Kobani", gazetteer_id="g:1",
                 lat=36.9, lon=38.4, country="SY", feature="city", precision=1)
    ref = as_reference(town, "the area", 40, 48, 2)
    assert (ref.text, ref.start, ref.end) == ("the area", 40, 48)
    assert ref.name == "Kobani" and ref.lat == 36.9 and ref.precision == 2
    assert ref.inferred == "reference"
    assert ref.as_location()["inferred"] == "reference"
    assert town.as_location()["inferred"] is None


def test_the_village_takes_the_village_named_in_the_sentence_before(run):
    doc, events = run("Government forces entered Kafr Nabl on Monday. Heavy clashes "
                      "erupted in the village on Tuesday evening.")
    loc = _event(doc, events, "clashes").location
    assert loc is not None and loc.text == "the village"
    assert loc.inferred == "reference" and loc.gazetteer_id is not None
    named = [p for p in doc.places if p.text == "Kafr Nabl"]
    assert named and loc.gazetteer_id == named[0].gazetteer_id


def test_the_country_after_a_single_country(run):
    doc, events = run("Aid agencies have worked in Yemen for a decade. Militias attacked "
                      "convoys across the country last year.")
    loc = _event(doc, events, "attacked").location
    assert loc is not None and loc.inferred == "reference"
    assert loc.country == "YE" and loc.feature == "country"


@pytest.mark.parametrize("text, word", [
    pytest.param("Refugees have crossed into Jordan, Lebanon and Turkey. Warplanes bombed "
                 "markets across the country on Sunday.", "bombed",
                 id="the country after a list of countries stays open"),
    pytest.param("Rebels held Saraqeb for a year. The winter was cold. Food ran out. Prices "
                 "rose sharply. Schools closed early. Artillery shelled the town on Friday.",
                 "shelled", id="a town too many sentences back is not taken"),
    pytest.param("Rebels held Saraqeb for a year. Artillery shelled the mountainous area on "
                 "Friday.", "shelled", id="a description with its own adjectives"),
    pytest.param("“My brother still lives in Kafr Nabl,” the farmer told reporters. A soldier "
                 "replied: “Our artillery shelled the village on Friday.”", "shelled",
                 id="no reference back into another speaker's quotation"),
])
def test_descriptions_that_do_not_refer_back(run, text, word):
    doc, events = run(text)
    loc = _event(doc, events, word).location
    assert loc is None or loc.inferred != "reference"


def test_a_border_does_not_take_the_town_named_before(run):
    doc, events = run("Families fled Tal Abyad on Monday. Soldiers later blocked roads "
                      "along the border.")
    loc = _event(doc, events, "blocked").location
    assert loc is None or loc.gazetteer_id is None


@pytest.mark.parametrize("text, word", [
    ("Turkish troops shelled positions on Syrian soil at dawn.", "shelled"),
    ("Drones struck targets on Iraqi soil overnight.", "struck"),
])
def test_an_event_on_a_countrys_soil_takes_the_country(run, text, word):
    doc, events = run(text)
    loc = _event(doc, events, word).location
    assert loc is not None and loc.feature == "country"
    assert not any(p.text in ("Syrian", "Iraqi", "Turkish") for p in doc.places)


def test_a_town_that_is_the_object_of_the_attack_is_its_place(run):
    doc, events = run("Rebels held Saraqeb for a year. Artillery shelled the town on Friday.")
    loc = _event(doc, events, "shelled").location
    assert loc is not None and loc.text == "the town" and loc.inferred == "reference"
    assert loc.gazetteer_id == next(p.gazetteer_id for p in doc.places if p.text == "Saraqeb")


def test_the_village_refers_back_to_a_town_the_narrator_names(run):
    doc, events = run("The farmer comes from Kafr Nabl. Artillery shelled the village on "
                      "Friday.")
    loc = _event(doc, events, "shelled").location
    assert loc is not None and loc.inferred == "reference"
