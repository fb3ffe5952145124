"""Which earlier place an event without a place of its own continues (`_episode_scene`,
`_remember_scene` in claimbase.extract.events), and scene attachment through words the tagger
mislabels or a cleft sentence (`_place_link`, `_cleft_copula`). Sentences are our own; each
checks one rule on the parser's real output through the whole pipeline."""

from __future__ import annotations

from tests.geo_helpers import event_by_trigger, where


def test_the_next_sentence_continues_the_scene_of_a_deed(run):
    doc, events = run("Rebel fighters shelled an army checkpoint in Saraqib on Monday. "
                      "Three soldiers were killed, a local monitor said.")
    assert where(event_by_trigger(doc, events, "shelled")) == "Saraqib"
    assert where(event_by_trigger(doc, events, "killed")) == "Saraqib"


def test_an_episode_ends_after_two_sentences_without_a_scene(run):
    doc, events = run("Rebel fighters shelled an army checkpoint in Saraqib on Monday. "
                      "The monitor gave no figures for the day. "
                      "Its director spoke to reporters by telephone. "
                      "Militants have killed dozens of civilians over the years.")
    assert where(event_by_trigger(doc, events, "shelled")) == "Saraqib"
    assert where(event_by_trigger(doc, events, "killed")) is None


def test_a_place_of_origin_sets_no_scene(run):
    doc, events = run("The teenager travelled from Manchester to join the group in 2015. "
                      "Her husband was killed in an airstrike two years later.")
    assert where(event_by_trigger(doc, events, "killed")) is None


def test_a_speakers_institution_sets_no_scene(run):
    doc, events = run("“The group is weaker than ever,” said a researcher at King’s College "
                      "London. “Its fighters still carry out attacks at home.”")
    assert where(event_by_trigger(doc, events, "carry out attacks")) is None


def test_a_meeting_place_sets_no_scene_for_the_fighting_told_next(run):
    doc, events = run("Foreign ministers met in Geneva on Tuesday to discuss aid. "
                      "Government jets bombed rebel positions overnight.")
    assert where(event_by_trigger(doc, events, "bombed")) is None


def test_towns_named_as_examples_set_no_scene(run):
    doc, events = run("The army has retaken cities such as Homs over the years. "
                      "Militants shot civilians who tried to leave.")
    assert where(event_by_trigger(doc, events, "shot")) is None


def test_a_thing_named_again_brings_back_its_place(run):
    doc, events = run("Soldiers uncovered a large arms depot on the outskirts of Mayadin "
                      "last week. The depot held rockets that were fired at villages.")
    loc = event_by_trigger(doc, events, "fired").location
    assert loc is not None and loc.gazetteer_id is not None and "Mayadin" in loc.text


def test_there_points_back_to_the_place_before(run):
    doc, events = run("The last fighters retreated to a farm near Hajin. There, amid the "
                      "ruins, coalition jets bombed their positions.")
    loc = event_by_trigger(doc, events, "bombed").location
    assert loc is not None and loc.gazetteer_id is not None and loc.text == "Hajin"


def test_a_fronted_near_places_the_whole_clause(run):
    doc, events = run("Near Mosul, nine coalition strikes hit six units and destroyed two "
                      "tunnels.")
    assert doc.spacy_doc[0].pos_ == "PROPN"  # the tagger's reading this rule is for
    assert where(event_by_trigger(doc, events, "strikes")) == "Mosul"


def test_a_cleft_places_its_focus_where_its_that_clause_is(run):
    doc, events = run("It was not until the army offensive, when jets attacked the supply "
                      "routes, that the rebels started losing ground across Idlib province.")
    assert "Idlib" in (where(event_by_trigger(doc, events, "offensive")) or "")


def test_a_clause_with_its_own_subject_keeps_its_place(run):
    doc, events = run("Government jets bombed villages across Idlib province on Sunday, as "
                      "donors gathered in Geneva to pledge money for refugees.")
    loc = event_by_trigger(doc, events, "bombed").location
    assert loc is not None and "Idlib" in loc.text


def test_where_a_statement_was_made_does_not_place_what_it_reports(run):
    doc, events = run("“The fighters who stayed behind are being bombed every night,” the "
                      "commander said from a field hospital in Hasakah.")
    assert where(event_by_trigger(doc, events, "bombed")) is None


def test_the_last_holdout_refers_back_to_the_town_before(run):
    doc, events = run("Kurdish fighters surrounded the town of Hajin on Monday. A final assault "
                      "on the last holdout began at dawn.")
    loc = event_by_trigger(doc, events, "assault").location
    assert loc is not None and loc.text == "the last holdout" and loc.gazetteer_id is not None
