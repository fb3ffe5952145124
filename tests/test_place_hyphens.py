"""Places written with a hyphen: two country names joined as a border ("the Turkey-Syria
border") and a hyphen left hanging after a name ("eastern Iraq- despite …")."""

from __future__ import annotations

from claimbase.geo.hyphen_pairs import hanging_hyphen_spans
from claimbase.geo.regions import find_regions


def _place(ev):
    return ev.location.text if ev.location is not None else None


def test_two_country_names_joined_by_a_hyphen_name_their_border(gaz):
    text = "Smugglers moved fuel across the Iraq-Syria border at night."
    borders = [p for p in find_regions(text, gaz) if p.feature == "border"]
    assert [(p.text, p.name, p.country) for p in borders] == \
        [("the Iraq-Syria border", "Iraq - Syria border", "IQ")]


def test_a_dash_between_country_names_names_a_frontier(gaz):
    text = "Shelling was reported along the Turkey – Syria frontier on Sunday."
    assert [p.name for p in find_regions(text, gaz)] == ["Turkey - Syria border"]


def test_a_hyphenated_country_adjective_is_no_border(gaz):
    assert find_regions("Diplomats sought a Syria-wide ceasefire and an Iran-Iraq deal.",
                        gaz) == []


def test_a_name_before_a_hanging_hyphen_is_found(gaz):
    text = "Militias were stationed in western Iraq- despite the objections of Baghdad."
    spans = hanging_hyphen_spans(text, gaz)
    assert [text[a:b] for a, b, _p in spans] == ["Iraq"]


def test_a_suspended_compound_is_no_hanging_place(gaz):
    text = "The Iraq- and Jordan-based groups met in Amman."
    assert hanging_hyphen_spans(text, gaz) == []


def test_an_event_is_placed_in_the_region_before_a_hanging_hyphen(run):
    doc, events = run("Turkish commandos were deployed in northern Iraq- without the consent "
                      "of the federal government.")
    deployed = [e for e in events if doc.text[e.trigger_start:].startswith("deployed")]
    assert deployed and _place(deployed[0]) == "northern Iraq"
