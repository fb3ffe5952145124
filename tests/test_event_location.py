"""Event locations (`_location` in the events stage): the place must attach to the event."""

from __future__ import annotations


def _event(doc, events, word):
    found = [e for e in events if doc.text[e.trigger_start:e.trigger_end].startswith(word)]
    assert found, (word, [doc.text[e.trigger_start:e.trigger_end] for e in events])
    return found[0]


def _place(ev):
    return ev.location.text if ev.location is not None else None


def test_place_attached_to_the_event_clause(run):
    doc, events = run("Rebel fighters attacked an army checkpoint near Aleppo on Monday.")
    assert "Aleppo" in _place(_event(doc, events, "attacked"))


def test_place_of_another_clause_is_not_the_events(run):
    doc, events = run("The US demanded that the militants establish control over Raqqa.")
    assert "Raqqa" in (_place(_event(doc, events, "establish")) or "")
    assert _place(_event(doc, events, "demanded")) is None


def test_town_taken_is_the_place_of_the_taking(run):
    doc, events = run("Palmyra was captured by the army in March.")
    assert "Palmyra" in (_place(_event(doc, events, "captured")) or "")


def test_comparison_clause_places_stay_out(run):
    doc, events = run("Jets bombed the town, just as the rebels had bombed a market in Aleppo.")
    first, second = sorted((e for e in events if doc.text[e.trigger_start:].startswith("bombed")),
                           key=lambda e: e.trigger_start)
    assert _place(first) is None
    assert "Aleppo" in (_place(second) or "")


def test_route_between_two_towns_places_the_event_at_the_first_end(run):
    doc, events = run("Gunmen ambushed a fuel convoy on the road between Palmyra and Homs, "
                      "and clashes between the army and the rebels followed.")
    assert "Palmyra" in (_place(_event(doc, events, "ambushed")) or "")
