"""Borders named through two countries (`geo.regions`): two country names joined by a hyphen
("the Iraq-Syria border") and a border area named with its neighbour ("the border areas with
Iraq") are border lines, not the countries."""

from __future__ import annotations

from claimbase.geo.regions import find_regions


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


def test_a_border_area_with_a_country_is_that_border(gaz):
    text = "Army units were spread thin along the border areas with Lebanon this spring."
    assert [(p.text, p.feature) for p in find_regions(text, gaz)] == \
        [("the border areas with Lebanon", "border")]


def test_a_border_crossing_is_a_site_not_a_border_line(gaz):
    assert find_regions("Trucks queued at a border crossing with Jordan.", gaz) == []
