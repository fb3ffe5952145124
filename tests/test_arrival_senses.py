"""Who arrives decides what an arrival is: forces deploy, leaders visit, people just come."""

from __future__ import annotations

import pytest


def _types(events):
    return [e.event_type for e in events]


def test_forces_arriving_deploy(run):
    doc, events = run("By Friday Syria's military had arrived at the frontline in Manbij.")
    assert _types(events) == ["MOBILIZE"]


def test_a_part_of_an_armed_group_arriving_deploys(run):
    doc, events = run("First batches of ISIS terrorists have already arrived to Al Tanf.")
    (ev,) = events
    assert ev.event_type == "MOBILIZE" and ev.actor is not None and ev.actor.id == "ISIS"


def test_a_titled_leader_arriving_visits(run):
    doc, events = run("Iraqi President Saddam Hussein arrived in Amman on a previously "
                      "unannounced visit on Wednesday.")
    (ev,) = events
    assert ev.event_type == "CONSULT"
    assert "Saddam Hussein" in ev.actor.text
    assert ev.location is not None and ev.location.name == "Amman"  # where, not whom


def test_people_arriving_tell_no_event(run):
    doc, events = run("A total of 12,000 women and children have arrived in the camp "
                      "since Wednesday.")
    assert events == []


def test_foreign_volunteers_arriving_deploy(run):
    doc, events = run("Hundreds of foreign volunteers arrived in Kobani last month.")
    assert _types(events) == ["MOBILIZE"]


def test_volunteers_arriving_in_a_fighting_sentence_deploy(run):
    doc, events = run("More volunteers arrived in Deir ez-Zor on Monday to fight alongside "
                      "the rebels.")
    assert "MOBILIZE" in _types(events)


def test_volunteers_who_joined_an_armed_group_deploy(run):
    doc, events = run("Volunteers who had joined the Kurdish militia arrived in Raqqa on Monday.")
    assert _types(events) == ["MOBILIZE"]


def test_jihadists_and_recruits_arriving_deploy(run):
    for text in ("Dozens of jihadists arrived in Idlib on Sunday.",
                 "New recruits arrived at the frontline near Mosul last week."):
        doc, events = run(text)
        assert _types(events) == ["MOBILIZE"], text


@pytest.mark.parametrize("text", [
    "Volunteers from the Red Cross arrived in the village with food and blankets on Tuesday.",
    "The minister said recruits who want to return to France must face trial.",
])
def test_aid_volunteers_and_recruits_going_home_deploy_nothing(run, text):
    doc, events = run(text)
    assert "MOBILIZE" not in _types(events), text
