"""Event mentions without an actor that continue the episode told just before
(claimbase/extract/episode_roles.py, `events._continue_episodes`)."""

from __future__ import annotations

from tests.geo_helpers import mention_id as _id
from tests.geo_helpers import typed_event as _event


def test_agentless_passive_takes_the_attacker_just_before(run):
    doc, events = run("Hezbollah fighters stormed an army checkpoint near the border on "
                      "Monday. Four soldiers were wounded.")
    ev = _event(doc, events, "ASSAULT", "wounded")
    assert _id(ev.actor) == "HEZBOLLAH"


def test_summing_up_passive_keeps_no_actor(run):
    doc, events = run("Hezbollah fighters stormed an army checkpoint near the border on "
                      "Monday. Dozens of soldiers have been wounded since January.")
    ev = _event(doc, events, "ASSAULT", "wounded")
    assert ev.actor is None


def test_event_noun_subject_continues_the_episode(run):
    doc, events = run("Hezbollah fighters attacked two outposts in the valley on Monday. "
                      "The attacks targeted two army trucks.")
    ev = _event(doc, events, "ASSAULT", "targeted")
    assert _id(ev.actor) == "HEZBOLLAH"


def test_named_past_event_does_not_continue_the_episode(run):
    doc, events = run("Hezbollah fighters attacked two outposts in the valley on Monday. "
                      "Villagers compared it with the 2006 attack.")
    ev = [e for e in events if doc.text[e.trigger_start:e.trigger_end] == "attack"][0]
    assert _id(ev.actor) != "HEZBOLLAH"
