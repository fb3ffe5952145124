"""Long single-scene episodes (`_sole_scene`, `_place_reference` in claimbase.extract.events):
a deed told in the past continues the town of the last deed told beyond the two sentences of
`_episode_scene` while no other town is named, in the same voice; "the town" reaches back to
that town beyond `place_reference.MAX_SENTENCES`. Sentences are our own; each checks one rule
on the parser's real output through the whole pipeline."""

from __future__ import annotations

from tests.geo_helpers import event_by_trigger, where

SIEGE = ("Kurdish fighters stormed Hajin on Monday. The assault began before dawn. Dozens of "
         "families waited at the checkpoints for hours. Aid workers handed out blankets and "
         "bottled water. ")


def test_a_deed_continues_the_one_scene_of_a_long_episode(run):
    doc, events = run(SIEGE + "By evening the fighters had captured forty positions.")
    assert where(event_by_trigger(doc, events, "stormed")) == "Hajin"
    assert where(event_by_trigger(doc, events, "captured")) == "Hajin"


def test_another_town_named_since_ends_the_episode(run):
    doc, events = run(SIEGE.replace("Aid workers", "In Raqqa, aid workers")
                      + "By evening the fighters had captured forty positions.")
    assert where(event_by_trigger(doc, events, "captured")) is None


def test_a_present_tense_claim_does_not_continue_it(run):
    doc, events = run(SIEGE + "Such groups capture hostages to use them as shields.")
    assert where(event_by_trigger(doc, events, "capture")) is None


def test_a_quotation_does_not_continue_the_narrators_scene(run):
    doc, events = run(SIEGE + "“They had captured forty positions,” an analyst in our "
                      "studio said.")
    assert where(event_by_trigger(doc, events, "captured")) is None


def test_the_episode_has_a_limit(run):
    doc, events = run(SIEGE + "The weather turned cold. The convoy waited again. A doctor "
                      "counted the wounded. By evening the fighters had captured forty positions.")
    assert where(event_by_trigger(doc, events, "captured")) is None


def test_the_town_reaches_back_to_the_scene_town(run):
    doc, events = run(SIEGE + "The weather turned cold. The convoy waited again. A doctor "
                      "counted the wounded. Jets bombed the town again on Friday.")
    loc = event_by_trigger(doc, events, "bombed").location
    assert loc is not None and loc.text == "the town" and loc.gazetteer_id is not None
    assert loc.inferred == "reference"


def test_a_present_perfect_summing_up_does_not_continue_it(run):
    doc, events = run(SIEGE + "Such militants have killed hundreds of civilians over the years.")
    assert where(event_by_trigger(doc, events, "killed")) is None


def test_a_country_named_since_ends_the_episode(run):
    doc, events = run(SIEGE.replace("Aid workers", "Aid workers from Jordan")
                      + "By evening the fighters had captured forty positions.")
    assert where(event_by_trigger(doc, events, "captured")) is None


def test_a_deed_named_in_passing_sets_no_long_episode(run):
    doc, events = run("Since the bombing of Hajin last spring the envoy has urged restraint. "
                      "The talks began before dawn. Dozens of delegates waited at the hotel "
                      "for hours. Aid workers handed out blankets and bottled water. By "
                      "evening the fighters had captured forty positions.")
    assert where(event_by_trigger(doc, events, "captured")) is None
