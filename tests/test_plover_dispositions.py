"""PLOVER readings of stated dispositions ("it is willing to …") and lodged protests."""

from __future__ import annotations

import pytest


def _types(events):
    return [e.event_type for e in events]


@pytest.mark.parametrize("text, expected, actor_id", [
    # a concession the actor says it is willing to make is an AGREE
    ("Syria says it is willing to withdraw its troops from neighboring Lebanon.", "AGREE",
     "SYR_GOV"),
    # a restriction it says it is prepared to impose is a THREATEN
    ("Iraq's interim government announced that it is prepared to impose martial law.",
     "THREATEN", "IRQ_GOV"),
])
def test_it_of_a_disposition_is_the_announcing_actor(run, text, expected, actor_id):
    doc, events = run(text)
    (ev,) = [e for e in events if e.event_type == expected]
    assert ev.actor is not None and ev.actor.id == actor_id


def test_extraposed_it_stays_no_actor(run):
    doc, events = run("It is clear that the army will withdraw from the town.")
    assert all(e.actor is None or e.actor.text.lower() != "it" for e in events)


@pytest.mark.parametrize("text", [
    "Serbia lodged an official protest with Albania today.",
    "China filed a formal protest with Japan over the visit.",
])
def test_lodged_protest_is_a_verbal_disapproval(run, text):
    doc, events = run(text)
    assert _types(events) == ["ACCUSE"]
    assert events[0].event_mode == "disapprove"
    assert events[0].recipient is not None and events[0].recipient.text in ("Albania", "Japan")


def test_staged_protest_stays_a_demonstration(run):
    doc, events = run("Thousands of students staged a protest in the capital on Monday.")
    assert _types(events) == ["PROTEST"]
