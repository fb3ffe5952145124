"""Scenes carried to live reporting, to a witness's quotation and to a description of the
scene town, and no place for a party at whose expense an event is
(claimbase.extract.episode.live_present; `fronted_scene`, `_holder_clause`,
`_reference_head`, `_carried_account`, `_party_place` in claimbase.extract.events).
Sentences are our own; each checks one rule on the parser's real output through the whole
pipeline."""

from __future__ import annotations

from tests.geo_helpers import event_by_trigger, where

SIEGE = ("Kurdish fighters stormed Hajin on Monday. The assault began before dawn. Dozens of "
         "families waited at the checkpoints for hours. Aid workers handed out blankets and "
         "bottled water. ")


def test_a_deed_told_live_in_the_present_simple_keeps_the_town(run):
    doc, events = run(SIEGE + "The SDF attacks the last positions.")
    assert where(event_by_trigger(doc, events, "attacks")) == "Hajin"


def test_a_present_simple_said_of_a_kind_does_not(run):
    doc, events = run(SIEGE + "Snipers shoot at anyone who crosses the road.")
    assert where(event_by_trigger(doc, events, "shoot")) is None


def test_a_fronted_town_places_the_witness_quotation_in_its_sentence(run):
    doc, events = run("In Hajin, residents said: “They bomb us every night.”")
    assert where(event_by_trigger(doc, events, "bomb")) == "Hajin"


def test_a_fronted_town_places_the_quotation_after_its_sentence(run):
    doc, events = run("In Hajin, residents described the long nights. “They bomb us every "
                      "night and the children cannot sleep.”")
    assert where(event_by_trigger(doc, events, "bomb")) == "Hajin"


def test_where_the_words_were_spoken_still_does_not_place_them(run):
    doc, events = run("“The fighters who stayed behind are being bombed every night,” the "
                      "commander said from a field hospital in Hasakah.")
    assert where(event_by_trigger(doc, events, "bombed")) is None


def test_the_village_refers_back_in_the_account_carried_on(run):
    doc, events = run("Kurdish commanders say they have cornered the militants in a "
                      "neighbourhood of Hajin near the river. Many families have fled the "
                      "village, which had been a refuge for fighters from other towns.")
    loc = event_by_trigger(doc, events, "fled").location
    assert loc is not None and loc.text == "the village" and loc.inferred == "reference"
    assert loc.gazetteer_id is not None


def test_a_town_described_by_its_setting_refers_back_to_a_town(run):
    doc, events = run("The blast sends smoke over Hajin, shaking the ground for miles. Then "
                      "the shelling starts again. All that is left of the group's realm is "
                      "a few streets along a bend of the Euphrates river running through "
                      "this desert town, which will be retaken within days.")
    loc = event_by_trigger(doc, events, "retaken").location
    assert loc is not None and loc.text == "this desert town" and loc.inferred == "reference"
    assert loc.gazetteer_id is not None and loc.feature != "river"


def test_an_area_told_as_held_by_the_event_itself_is_no_place_of_its_own(run):
    doc, events = run("Officials spoke of the territory occupied by the group.")
    loc = event_by_trigger(doc, events, "occupied").location
    assert loc is None


def test_the_town_of_a_speech_does_not_place_the_quotation(run):
    doc, events = run("In a speech in Ankara on Monday, the minister said: “They bomb our "
                      "villages every night.”")
    assert where(event_by_trigger(doc, events, "bomb")) is None


def test_a_party_at_whose_expense_an_event_is_is_no_place(run):
    doc, events = run("The regime gives generous support to its militias at the expense of "
                      "Aleppo.")
    assert where(event_by_trigger(doc, events, "gives")) is None
