"""How a deed told long into a single-scene episode keeps the episode's town
(`claimbase.extract.episode`, used by `_sole_scene` in claimbase.extract.events): a deed noun
that is the subject of a past-tense verb, a present progressive, consecutive quotations of
one speaker, and the scene town's own country named in between. Also: a relation predicated
of a participant takes no carried place, and a scene preposition on a copula places its
subject. Sentences are our own; each checks one rule on the parser's real output through the
whole pipeline."""

from __future__ import annotations

from tests.geo_helpers import event_by_trigger, where

RAID = ("Government troops raided Saraqib before dawn on Tuesday. The assault had been planned "
        "for weeks. Dozens of families waited near the checkpoints. Volunteers handed out "
        "bread and blankets. ")


def test_a_deed_noun_told_as_going_on_keeps_the_town(run):
    doc, events = run(RAID + "The bombardment of the market continued until noon.")
    assert where(event_by_trigger(doc, events, "raided")) == "Saraqib"
    assert where(event_by_trigger(doc, events, "bombardment")) == "Saraqib"


def test_a_deed_noun_in_a_claim_does_not(run):
    doc, events = run(RAID + "Such a bombardment would break the truce.")
    assert where(event_by_trigger(doc, events, "bombardment")) is None


def test_a_deed_in_the_present_progressive_keeps_the_town(run):
    doc, events = run(RAID + "Snipers are now shooting from the rooftops.")
    assert where(event_by_trigger(doc, events, "shooting")) == "Saraqib"


def test_a_present_tense_habit_does_not(run):
    doc, events = run(RAID + "Snipers shoot at anyone who crosses the road.")
    assert where(event_by_trigger(doc, events, "shoot")) is None


def test_the_scene_towns_own_country_does_not_end_the_episode(run):
    doc, events = run(RAID.replace("Volunteers", "Volunteers from across Syria")
                      + "By noon the troops had seized two depots.")
    assert where(event_by_trigger(doc, events, "seized")) == "Saraqib"


SPEAKER = ("“Our men raided Saraqib at first light,” the commander, Khaled Hamdan, told "
           "reporters. He looked tired. “The roads were mined. The families stayed indoors. "
           "Nobody slept that night,” Hamdan said. ")


def test_consecutive_quotations_of_one_speaker_keep_the_town(run):
    doc, events = run(SPEAKER + "“Later we captured nine fighters,” he added.")
    assert where(event_by_trigger(doc, events, "raided")) == "Saraqib"
    assert where(event_by_trigger(doc, events, "captured")) == "Saraqib"


def test_another_speakers_quotation_does_not(run):
    doc, events = run(SPEAKER + "“Later we captured nine fighters,” a rival commander, "
                      "Omar Sheikho, said.")
    assert where(event_by_trigger(doc, events, "captured")) is None


def test_a_relation_said_of_participants_takes_no_carried_place(run):
    doc, events = run("Police arrested eleven men during a sweep of Manbij on Friday. "
                      "Relatives said the detainees were supporters of the opposition.")
    assert where(event_by_trigger(doc, events, "arrested")) == "Manbij"
    assert where(event_by_trigger(doc, events, "supporters")) is None


def test_a_scene_preposition_on_a_copula_places_its_subject(run):
    doc, events = run("The fighting was still heavy in the villages around Kobani, "
                      "a monitor said.")
    assert where(event_by_trigger(doc, events, "fighting")) == "Kobani"
