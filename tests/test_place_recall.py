"""Mention finding that recovers whole names: a town's name that begins a street's name is
the street ("Taylor Street"), "City of X" is X, a township keeps its designator, a Title
Case headline's PERSON entities do not hide the places in it, and dotted abbreviations of
large cities ("Phila.") are places."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from claimbase.geo.city_abbreviations import city_abbreviation_spans
from claimbase.geo.geoparse import Mention
from claimbase.geo.headlines import titled_headline, without_headline_persons
from claimbase.geo.span_trim import cut_designator_of
from claimbase.geo.street_names import widen_to_streets
from tests.geo_helpers import places_by_text


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


def _mention(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(start=start, end=start + len(name), text=name)


def test_a_town_name_before_a_street_word_is_the_street():
    text = "The van was parked on Denton Avenue behind the school."
    got = widen_to_streets(text, [_mention(text, "Denton")])
    assert [m.text for m in got] == ["Denton Avenue"]
    assert got[0].lookup == "Denton" and got[0].precision == 2


def test_the_street_takes_its_middle_words_and_a_compass_word():
    text = "Crews closed North Laredo Vista Drive for the night."
    got = widen_to_streets(text, [_mention(text, "Laredo")])
    assert [m.text for m in got] == ["North Laredo Vista Drive"]
    assert got[0].lookup == "North Laredo Vista Drive"  # not the town's own name


def test_a_sentence_ending_street_drops_the_full_stop():
    text = "The two cars collided on Fresno Street. Nobody was hurt."
    assert [m.text for m in widen_to_streets(text, [_mention(text, "Fresno")])] == [
        "Fresno Street"]


@pytest.mark.parametrize("text, name", [
    ("He prayed at the Paris St. Agnes chapel.", "Paris"),  # a saint's name
    ("The Reno Street Superintendent said so.", "Reno"),  # an office
    ("Traffic on Dayton Road 12 was slow.", "Dayton"),  # a numbered road
    ("They drove to Tulsa and went home.", "Tulsa"),  # no street at all
])
def test_no_street_when_the_name_goes_on_or_none_follows(text, name):
    assert [m.text for m in widen_to_streets(text, [_mention(text, name)])] == [name]


def test_the_street_is_one_mention_in_the_pipeline(places):
    got = places("Officers found the stolen bicycle behind a house on Fresno Street in "
                 "Alexandria, Virginia, on Monday.")
    assert "Fresno Street" in got and "Fresno" not in got
    assert got["Alexandria"].admin1 == "Virginia"


def test_city_of_opens_no_name():
    text = "The City of Tacoma will vote."
    assert cut_designator_of(text, 4, len("The City of Tacoma")) == text.index("Tacoma")
    text = "They flew to the District of Columbia."
    start = text.index("District")
    assert cut_designator_of(text, start, start + len("District of Columbia")) == start


def test_the_name_after_county_of_is_the_place(places):
    got = places("Residents can reach the County of Brant police detachment in Ontario by "
                 "phone, officers said.")
    assert "Brant" in got and not any(k.startswith("County of") for k in got)


def test_a_township_keeps_its_designator(places):
    got = places("Storm sirens will go up in Columbus, Ohio, and in Franklin Township this "
                 "summer.")
    assert "Franklin Township" in got and "Franklin" not in got


def test_a_title_case_headline_is_found():
    assert titled_headline("Local Reformer Enters Sochi Council Race. The vote is in May.") \
        == (0, len("Local Reformer Enters Sochi Council Race."))
    assert titled_headline("A reformer enters the race in Sochi. The vote is in May.") is None
    assert titled_headline("Three Win Prizes. Then more.") is None  # too short to tell


def _ent(text: str, part: str, label: str) -> SimpleNamespace:
    start = text.index(part)
    return SimpleNamespace(text=part, label_=label, start_char=start, end_char=start + len(part))


def test_headline_persons_are_ignored_but_a_lone_name_is_kept():
    text = "Local Reformer Enters Sochi Council Race. Mayor Petrov spoke in May."
    ents = [_ent(text, "Reformer Enters Sochi", "PERSON"), _ent(text, "Petrov", "PERSON"),
            _ent(text, "Sochi Council", "ORG")]
    assert [e.text for e in without_headline_persons(text, ents)] == ["Petrov",
                                                                      "Sochi Council"]
    text = "Margaret Ellen Whitfield Hargrove.\nServices will be held on Friday."
    ents = [_ent(text, "Margaret Ellen Whitfield Hargrove", "PERSON")]
    assert without_headline_persons(text, ents) == ents  # an obituary's name


def test_a_headline_person_does_not_hide_the_town_from_the_story(places):
    got = places("Veteran Councillor Ivanov Joins Sochi Mayoral Contest. He said the "
                 "Sochi vote would be fair, speaking in Moscow on Monday.")
    sochi = [p for p in got.values() if p.name == "Sochi"]
    assert sochi and sochi[0].country == "RU"


def test_a_city_named_with_its_designator_keeps_it(places):
    got = places("Delegates flew from Winnipeg to Quebec City and back in one day, officials "
                 "in Manitoba said.")
    assert "Quebec City" in got and got["Quebec City"].country == "CA"
    got = places("The Dublin City Council in Ohio approved the library budget on Monday.")
    assert "Dublin" in got and "Dublin City" not in got  # an institution's name


def test_a_listed_town_followed_by_its_country_keeps_that_country(places):
    got = places("The council renewed its twinning with Quebec City and Nanjing, China, at "
                 "a meeting in London, Ontario, on Monday.")
    assert got["Nanjing"].country == "CN" and got["Nanjing"].lat is not None


def test_an_initial_does_not_end_the_headline():
    assert titled_headline("Former senator Mary K. Holt visited the plant on Monday.") is None


def test_dotted_abbreviations_of_large_cities(gaz):
    text = "Phila. teacher wins award; she grew up in South L.A. and moved east."
    spans = {text[a:b] for a, b, _p in city_abbreviation_spans(text, gaz)}
    assert spans == {"Phila.", "L.A."}
    text = "The band played a long set in Paris. Fans stayed late."
    assert city_abbreviation_spans(text, gaz) == []  # a sentence's end, the city's own name


def test_a_city_abbreviation_resolves_to_the_city(places):
    got = places("Phila. officer cleared after a review of the January arrest.")
    assert got["Phila."].name == "Philadelphia"
