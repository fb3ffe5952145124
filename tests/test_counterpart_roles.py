"""Recipients of relational and verbal acts named away from the verb's object
(`actor_roles.counterpart_token`, `noun_counterpart`, `events._demonym_owner`)."""

from __future__ import annotations

from tests.geo_helpers import mention_id as _id
from tests.geo_helpers import typed_event as _event


def test_counterpart_of_a_light_object(run):
    doc, events = run("Canada halted its economic aid to Iran after the vote.")
    ev = _event(doc, events, "SANCTION", "halted")
    assert _id(ev.recipient) == "IRN"


def test_counterpart_inside_a_threatened_act(run):
    doc, events = run("Turkey threatened on Friday to cut diplomatic relations with Egypt.")
    ev = _event(doc, events, "THREATEN", "threatened")
    assert _id(ev.actor) == "TUR"
    assert _id(ev.recipient) == "EGY"


def test_object_of_a_refused_act(run):
    doc, events = run("The Egyptian president refused to meet Vladimir Putin in Cairo.")
    ev = _event(doc, events, "REJECT", "refused")
    assert ev.recipient is not None and "Putin" in ev.recipient.text


def test_moved_object_of_a_complement_is_no_recipient(run):
    doc, events = run("Jordan refused to send soldiers into the desert.")
    ev = _event(doc, events, "REJECT", "refused")
    assert ev.recipient is None


def test_refusal_does_not_take_a_later_conjunct_object(run):
    doc, events = run("Kenya refused to deploy troops in Somalia and urged its citizens to "
                      "stay at home.")
    ev = _event(doc, events, "REJECT", "refused")
    assert ev.recipient is None or "citizens" not in ev.recipient.text


def test_counterpart_on_a_light_verb(run):
    doc, events = run("A Lebanese judge opened an investigation against Iraqi officials.")
    ev = _event(doc, events, "ACCUSE", "investigation")
    assert ev.recipient is not None and "officials" in ev.recipient.text


def test_owner_by_name_adjective_of_a_thing_acted_on(run):
    doc, events = run("Army bulldozers demolished Lebanese homes near the river.")
    ev = _event(doc, events, "COERCE", "demolished")
    assert ev.recipient is not None and ev.recipient.text == "Lebanese"


def test_person_with_a_name_adjective_is_no_state(run):
    doc, events = run("A Danish engineer was killed by a landmine near the village.")
    ev = _event(doc, events, "ASSAULT", "killed")
    assert ev.recipient is not None and "engineer" in ev.recipient.text
    assert ev.recipient.id is None  # a Danish person, not Denmark


def test_place_is_no_counterpart(run):
    doc, events = run("The rebels refused to leave Raqqa despite the offer.")
    ev = _event(doc, events, "REJECT", "refused")
    assert ev.recipient is None


def test_company_with_a_name_adjective_is_no_state(run):
    doc, events = run("German firms suspended trade with Iran in May.")
    ev = _event(doc, events, "SANCTION", "suspended")
    assert ev.actor is not None and ev.actor.text == "German firms"
    assert ev.actor.id is None  # German companies, not Germany
    assert _id(ev.recipient) == "IRN"
