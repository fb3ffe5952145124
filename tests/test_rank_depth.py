"""Readings a cue decides are made by the ranker itself (claimbase.geo.gazetteer.rank and
resolve): a province yields to the seat city that bears its name unless a province word
stands by the name, and "the village of X" is no large town. The sentences are written for
these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from claimbase.geo.gazetteer import Context
from claimbase.geo.province_words import province_word


@pytest.mark.parametrize("name", ["Aleppo", "Raqqa", "Idlib", "Homs"])
def test_a_bare_province_name_ranks_its_seat_city_first(gaz, name):
    ranked = gaz.rank(name, Context(countries=Counter({"SY": 3.0})))
    best, runner_up = ranked[0][0], ranked[1][0]
    assert best.feature == "city" and best.country == "SY"
    assert runner_up.feature == "admin1"  # the province is the next reading, not dropped
    # the city's point, with the province's precision: the name may mean either
    assert best.precision == runner_up.precision


@pytest.mark.parametrize("ctx", [Context(cue="province"), Context(cue="governorate"),
                                 Context(cue="countryside"), Context(province_word=True)])
def test_a_province_word_keeps_the_province(gaz, ctx):
    assert gaz.resolve("Hama", ctx).feature == "admin1"


@pytest.mark.parametrize("text, name, expected", [
    ("Jets struck Hama on Sunday.", "Hama", False),
    ("Jets struck Hama city on Sunday.", "Hama", False),
    ("Jets struck Hama province on Sunday.", "Hama", True),
    ("Shelling hit the Idlib, Hama and Aleppo provinces.", "Idlib", True),
    ("Fighting went on in northern Hama overnight.", "Hama", True),
    ("Fighting went on east of Hama overnight.", "Hama", True),
    ("Fighting went on in the countryside of Hama overnight.", "Hama", True),
    ("Aid reached rural Damascus at last.", "Damascus", True),
    ("Fighting went on near Hama overnight.", "Hama", False),
    ("Roads in the County of Brant were closed.", "County of Brant", True),
])
def test_province_words_around_a_name(text, name, expected):
    start = text.index(name)
    assert province_word(text, start, start + len(name)) is expected


def test_a_village_cue_rules_out_a_large_town(gaz):
    plain = gaz.resolve("Susa")
    assert plain is not None and plain.lat is not None
    big = gaz.get(plain.gazetteer_id).population
    assert big > 50_000  # the premise: the name's usual reading is a sizeable town
    for cue in ("village", "hamlet"):
        got = gaz.resolve("Susa", Context(cue=cue, points=[(34.45, 40.92)]))
        assert got is None or gaz.get(got.gazetteer_id).population <= 50_000


def test_a_village_cue_leaves_a_small_reading_alone(gaz):
    # a village that is the best reading anyway stands, with or without the cue
    ctx = Context(countries=Counter({"SY": 2.0}))
    plain = gaz.resolve("Kafr Nabl", ctx)
    assert plain is not None
    assert gaz.resolve("Kafr Nabl", Context(countries=Counter({"SY": 2.0}), cue="village")) == plain
