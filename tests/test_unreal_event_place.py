"""The place of a planned or conditional event (`_unreal` in the events stage): only a place
its own phrase names or describes, not the scene of the clause it hangs from (GUIDELINES §8)."""

from __future__ import annotations

import pytest

from tests.test_event_location import _event, _place

# (sentence, trigger start, a word of the expected place or None)
CASES = [
    # the scene of the clause above is not that of a plan or condition told below it
    (
        "Helicopters threw thousands of leaflets over the city of Daraa calling on citizens "
        "to expel the militants.",
        "expel",
        None,
    ),
    (
        "The resistance deployed in the south of the country to avoid exposing the army to "
        "Israeli air strikes.",
        "air strikes",
        None,
    ),
    # a purpose with a scene of its own keeps apart from the clause it serves …
    (
        "The Iraqi army deployed troops to the Syrian border this week to block any Islamic "
        "State fighters from fleeing into Iraq.",
        "block",
        None,
    ),
    # … one without shares it
    (
        "Turkey launched a military campaign in Afrin last month, in an effort to drive out "
        "Kurdish militias.",
        "drive",
        "Afrin",
    ),
    # the place a clause describes, and the place of the event's own phrase
    (
        "Five years on, all that remains is a handful of streets in this desert town, Baghuz, "
        "which will be retaken in the next few days.",
        "retaken",
        "Baghuz",
    ),
    ("The Syrian army is gathering its forces to liberate Daraa.", "liberate", "Daraa"),
]


@pytest.mark.parametrize("text,word,place", CASES)
def test_place_of_a_planned_or_conditional_event(run, text, word, place):
    doc, events = run(text)
    found = _place(_event(doc, events, word))
    if place is None:
        assert found is None
    else:
        assert place in (found or "")


def test_the_real_event_keeps_the_scene(run):
    doc, events = run(
        "The Iraqi army deployed troops to the Syrian border this week to block any Islamic "
        "State fighters from fleeing into Iraq."
    )
    assert "border" in (_place(_event(doc, events, "deployed")) or "")
