"""Names joined to others: two places joined by a hyphen, a county's bare name read as a
far town, a firm's partners joined by "&", and a one-word name attributing a quotation."""

from __future__ import annotations

import pytest

from claimbase.geo.bare_counties import county_readings
from claimbase.geo.geoparse import Mention
from claimbase.geo.hyphen_pairs import hyphen_partners
from claimbase.geo.speakers import kin_names, quoted_speakers
from claimbase.record import Place
from tests.geo_helpers import places_by_text


def _mention(text: str, name: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(start=start, end=start + len(name), text=name)


def test_the_other_half_of_a_hyphenated_pair_of_towns_is_a_place(gaz):
    text = "Riders of the Carthage-Joplin bus line will pay more from June."
    got = hyphen_partners(text, [_mention(text, "Carthage")], gaz, set(), set())
    assert [m.text for m in got] == ["Carthage", "Joplin"]
    text = "The Nixa- Ozark rivalry game drew a crowd."
    got = hyphen_partners(text, [_mention(text, "Ozark")], gaz, set(), set())
    assert [m.text for m in got] == ["Nixa", "Ozark"]


def test_a_hyphenated_name_of_its_own_or_a_person_word_is_not_split(gaz):
    text = "She moved to Winston-Salem last spring."
    assert len(hyphen_partners(text, [_mention(text, "Winston")], gaz, set(), set())) == 1
    text = "The Carthage-Joplin talks ended."
    got = hyphen_partners(text, [_mention(text, "Carthage")], gaz, {"Joplin"}, set())
    assert [m.text for m in got] == ["Carthage"]


def _place(text: str, start: int, feature: str, admin1: str | None, lat: float | None = 1.0
           ) -> Place:
    return Place(text=text, start=start, end=start + len(text), name=text, lat=lat,
                 lon=lat, country="US", admin1=admin1, feature=feature)


def test_a_bare_county_name_read_as_a_town_of_another_state_is_the_county():
    county = _place("Dale County", 0, "admin2", "Georgia")
    far = _place("Dale", 40, "city", "Illinois")
    got = county_readings([county, far], set())
    assert got[1].feature == "admin2" and got[1].admin1 == "Georgia"
    assert (got[1].text, got[1].start, got[1].end) == ("Dale", 40, 44)


def test_a_bare_county_name_keeps_a_town_of_its_state_or_its_own_qualifier():
    county = _place("Dale County", 0, "admin2", "Georgia")
    same = _place("Dale", 40, "city", "Georgia")
    far = _place("Dale", 80, "city", "Illinois")
    got = county_readings([county, same, far], {(80, 84)})
    assert got[1].admin1 == "Georgia" and got[1].feature == "city"
    assert got[2].admin1 == "Illinois"
    unresolved = _place("Dale", 40, "city", None, lat=None)
    assert county_readings([county, unresolved], set())[1].feature == "admin2"


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


def test_the_partners_of_a_firm_joined_by_an_ampersand_are_no_places(places):
    got = places("The county hired the architects Stevens & Wilkinson to draw the new "
                 "courthouse in Columbia. Stevens & Wilkinson sent a bill in May.")
    assert "Stevens" not in got
    assert "Columbia" in got


def test_a_one_word_name_attributing_a_quotation_is_a_speaker():
    text = ('"We will rebuild the barn," Corcoran said on Monday. "It was cold," said '
            'Logan. "It was late," said Avondale Mayor Ed Rieker. People in Denton said no.')
    names = ["Corcoran", "Logan", "Avondale", "Denton"]
    assert quoted_speakers(text, [_mention(text, n) for n in names]) == {"Corcoran", "Logan"}


def test_a_name_given_kin_is_a_person_in_every_repeat():
    text = ("Jordan began riding at six. Jordan's mother drove her to every race, and "
            "Jordan herself fixed the bikes. The team also raced in Georgia.")
    found = [_mention(text, "Jordan", i) for i in range(3)] + [_mention(text, "Georgia")]
    got = kin_names(text, found)
    assert got == {"Jordan"}


def test_a_town_opening_a_sports_club_name_is_the_club(places):
    got = places("Fans of Atletico Madrid waited outside the stadium in Lisbon after the "
                 "final against AC Milan.")
    assert "Madrid" not in got and "Milan" not in got
    assert "Lisbon" in got
