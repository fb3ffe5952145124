"""Place recognition in local news: county short forms, counties listed without their
designator, repeats the NER calls persons, spans that run past a name, hamlets listed with
towns of their state, states the NER gives another label."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from claimbase.geo.repeats import person_blocks
from claimbase.geo.short_forms import county_short_forms, full_admin_names, listed_counties
from claimbase.geo.siblings import listed_in_state
from claimbase.geo.span_trim import split_joined
from tests.geo_helpers import geo_pipeline


@pytest.fixture(scope="module")
def run(resources):
    return geo_pipeline(resources)


def _texts(text: str, spans) -> dict[str, str]:
    return {text[a:b]: full for (a, b), full in spans.items()}


def test_a_county_named_in_full_is_that_county_when_named_bare(gaz):
    text = ("Gwinnett County commissioners approved the budget on Monday. While Gwinnett "
            "and its neighbours cut jobs, the Gwinnett Medical Center hired nurses.")
    assert full_admin_names(text, gaz) == {"Gwinnett": "Gwinnett County"}
    found = county_short_forms(text, gaz, set(), {"while", "and"})
    # both bare uses, and never the full form itself
    assert sorted(_texts(text, found).items()) == [("Gwinnett", "Gwinnett County")]
    assert len(found) == 2 and all(text[b:b + 7] != " County" for _a, b in found)


def test_a_bare_name_stays_a_town_a_person_or_part_of_a_longer_name(gaz):
    # a sizeable town of the same name is read first
    text = "Lancaster County deputies met the mayor in Lancaster on Friday."
    assert county_short_forms(text, gaz, set(), set()) == {}
    # a surname of the story, and a word inside a longer capitalised name
    text = ("Clarke County voters re-elected Sheriff Ira Clarke. The Athens Clarke Road "
            "crossing was closed.")
    assert county_short_forms(text, gaz, {"Ira", "Clarke"}, set()) == {}
    found = county_short_forms(text, gaz, set(), set())
    assert all(text[max(0, a - 7):a] != "Athens " for a, _b in found)


def test_the_bare_county_resolves_with_its_full_form(run):
    doc = run("Officials from Hall County and Forsyth County met on Tuesday. After leaving "
              "Hall, the manager joined Forsyth as its deputy manager.")
    bare = [p for p in doc.places if p.text == "Forsyth"]
    full = [p for p in doc.places if p.text == "Forsyth County"]
    assert bare and full
    assert bare[0].feature == "admin2" and bare[0].admin1 == full[0].admin1 == "Georgia"


def test_counties_listed_in_a_sentence_about_counties(gaz):
    text = ("The three fastest-growing counties, Douglas, Lancaster and Sarpy, added "
            "12,000 people in ten years.")
    assert _texts(text, listed_counties(text, gaz, set(), set())) == {
        "Douglas": "Douglas County", "Lancaster": "Lancaster County", "Sarpy": "Sarpy County"}
    text = "Storms flattened barns from Ellsworth to Riley counties on Sunday."
    assert set(_texts(text, listed_counties(text, gaz, set(), set()))) == {"Ellsworth", "Riley"}
    # one name alone is not a list of counties
    text = "The counties will meet in Sarpy next week."
    assert listed_counties(text, gaz, set(), set()) == {}


@dataclass
class _Ent:
    text: str
    label_: str
    start_char: int = 0
    end_char: int = 0


def test_a_person_label_does_not_hide_a_place_the_story_names():
    ents = [_Ent("Swanton", "GPE", 0, 7), _Ent("Swanton", "PERSON", 40, 47),
            _Ent("Glen Carbon’s", "PERSON", 60, 73), _Ent("Moore", "PERSON", 80, 85),
            _Ent("Tom Moore", "PERSON", 90, 99)]
    blocks = person_blocks(ents, {"Swanton", "Glen Carbon", "Moore"})
    assert (40, 47) not in blocks  # NER calls it a place elsewhere
    assert (60, 73) not in blocks  # a name of two words
    assert (80, 85) in blocks and (90, 99) in blocks  # a surname of the story


def test_spans_that_run_past_the_name(gaz):
    text = "The veteran will ride from Norman to D.C.. He left today."
    start = text.index("Norman")
    parts = split_joined(text, start, text.index(".."), gaz)
    assert [text[a:b] for a, b in parts] == ["Norman", "D.C."]
    text = "Ships sailed to Trinidad and Tobago last year."
    start = text.index("Trinidad")
    assert split_joined(text, start, start + len("Trinidad and Tobago"), gaz) == [
        (start, start + len("Trinidad and Tobago"))]
    text = "A car hit a pole on Red Bank Road near the school."
    start = text.index("Red")
    assert [text[a:b] for a, b in split_joined(text, start, text.index(" the"), gaz)] == [
        "Red Bank Road"]
    text = "Crews resurfaced Mahnomen County Road 122 this week."
    start = text.index("Mahnomen")
    end = text.index(" 122")
    assert [text[a:b] for a, b in split_joined(text, start, end, gaz)] == ["Mahnomen County"]
    text = "She lived in a Van Dorn Street apartment."
    start = text.index("Street")
    assert split_joined(text, start, start + 6, gaz) == []


def test_a_hamlet_listed_with_towns_of_its_state(gaz):
    text = "Crews from Harwinton, Litchfield and Torrington fought the fire."
    start = text.index("Harwinton")
    assert listed_in_state(text, start, start + 9, gaz, "Harwinton")
    text = "Harwinton was quiet on Sunday."
    assert not listed_in_state(text, 0, 9, gaz, "Harwinton")


def test_recognition_end_to_end(run):
    doc = run("The first crates came from Bonaire, followed by Limpopo and Eastern Cape, "
              "the importer said.")
    limpopo = [p for p in doc.places if p.text == "Limpopo"]
    assert limpopo and limpopo[0].country == "ZA"
    doc = run("Rep. Ann Moore, D-McDowell, spoke in Charleston, W.Va., on Monday.")
    home = [p for p in doc.places if p.text == "McDowell"]
    assert home and home[0].feature == "admin2" and home[0].admin1 == "West Virginia"
