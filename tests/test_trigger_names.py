"""Trigger words inside an organisation's or a work's name are not events."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Data compiled by the Organisation for Economic Cooperation and Development showed that "
    "six countries hit the target.",
    "There were 42 unsolved killings of journalists, according to the Committee to Protect "
    "Journalists.",
])
def test_words_of_a_name_tell_no_event(run, text):
    doc, events = run(text)
    assert [e.event_type for e in events if e.event_type != "ASSAULT"] == []
    assert all(doc.text[e.trigger_start:e.trigger_end][:1].islower() for e in events)


def test_the_name_does_not_hide_the_event_told(run):
    doc, events = run("The Asia-Pacific Economic Cooperation (APEC) forum has agreed to set up "
                      "an energy research center in Tokyo.")
    assert [e.event_type for e in events] == ["AGREE"]


def test_a_named_battle_stays_an_event(run):
    doc, events = run("The remnants of ISIS work incognito, taking advantage of those who fled "
                      "the Battle of Baguz and from desert areas.")
    assert "ASSAULT" in {e.event_type for e in events}
