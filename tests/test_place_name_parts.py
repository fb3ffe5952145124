"""Parts of names that decide the place: a compass word that belongs to a state's name ("West
Virginia State Police"), an upper-case county dateline ("MARSHALL CO."), a phone number's
area code after a town, a state inside an institution's name ("University of Michigan Center
for ..."), and a province abbreviation ending an organisation's name ("... Week B.C.")."""

from __future__ import annotations

import pytest

from claimbase.geo.geoparse import Mention, _trailing_area
from claimbase.geo.institution_tails import trim_institution_tails
from claimbase.geo.name_parts import capital_county_names
from claimbase.geo.phones import phone_state_after
from tests.geo_helpers import places_by_text


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


def test_a_phone_number_right_after_a_town_names_its_state():
    text = "Tickets are sold in Huntington at 304-555-0142 and online."
    assert phone_state_after(text, text.index(" at 304")) == ("US", "West Virginia")
    text = "Tickets are sold in Huntington, (304) 555-0142, and online."
    assert phone_state_after(text, text.index(", (304)")) == ("US", "West Virginia")
    text = "Tickets are sold in Huntington by the club; its number is 304-555-0142."
    assert phone_state_after(text, text.index(" by the club")) is None  # words between
    text = "Call Huntington at 800-555-0142."  # toll-free: no state
    assert phone_state_after(text, text.index(" at 800")) is None


def test_the_phone_number_reads_the_town_in_its_state(places):
    got = places("The blood drive moves to the library in Huntington at 304-555-0142 on "
                 "Friday, organisers in New York said.")
    assert got["Huntington"].admin1 == "West Virginia"


def test_an_upper_case_county_dateline_is_the_county(gaz):
    text = "MARSHALL CO. - Deputies found the stolen tractor on Tuesday."
    spans = capital_county_names(text, gaz)
    assert spans == {(0, len("MARSHALL CO")): "Marshall County"}
    assert capital_county_names("ACME CO. - The firm said.", gaz) == {}  # no such county


def test_the_county_dateline_resolves_to_a_county(places):
    got = places("HARDIN COUNTY - A barn burned down late Monday, the fire chief said.")
    county = next(p for p in got.values() if p.start == 0)
    assert county.name == "Hardin County" and county.feature == "admin2"


def test_a_compass_word_of_a_state_name_stays_with_it(places):
    got = places("Officers of the West Virginia State Police stopped the van near Beckley "
                 "late on Sunday, a spokesman for the troopers said.")
    named = {p.name for p in got.values()}
    assert "West Virginia" in named and "Virginia" not in named


def test_a_state_inside_a_university_name_is_the_state(gaz):
    text = "She runs the University of Michigan Center for Ethics."
    start = text.index("Michigan")
    m = Mention(start=start, end=start + len("Michigan Center"), text="Michigan Center")
    trim_institution_tails(text, [m], gaz)
    assert m.text == "Michigan" and m.end == start + len("Michigan")
    text = "They drove on to Michigan Center for the fair."  # the town itself
    start = text.index("Michigan")
    m = Mention(start=start, end=start + len("Michigan Center"), text="Michigan Center")
    trim_institution_tails(text, [m], gaz)
    assert m.text == "Michigan Center"


def test_a_province_abbreviation_ends_an_organisation_name(gaz):
    import re
    text = "a drive run by Harvest Week B.C. last year"
    start = text.index("Harvest")
    words = list(re.finditer(r"[^\s]+", "Harvest Week B.C."))
    s, e = _trailing_area(text, start, words, gaz)
    assert text[s:e] == "B.C."
    words = list(re.finditer(r"[^\s]+", "Harvest Week"))
    assert _trailing_area(text, start, words, gaz) is None


def test_russian_republics_answer_to_their_english_names(gaz):
    for name in ("Dagestan", "Ingushetia", "Kabardino-Balkaria", "Tatarstan"):
        best = next(c for c in gaz.candidates(name) if c.match == "exact")
        assert best.country == "RU" and best.feature == "admin1"


def test_a_long_compass_adjective_before_a_province_in_an_agency_name(places):
    got = places("Buses of the Southwestern Ontario Transit Consortium were late again, "
                 "parents in London said.")
    assert any(p.name == "Ontario" and p.feature == "admin1" for p in got.values())


def test_a_town_inside_a_longer_street_name_is_not_the_street(places):
    got = places("Troopers were called to a crash on Cedar Hollow Rd. in Metcalfe County, "
                 "Kentucky, late on Friday.")
    street = next((p for p in got.values() if p.text.startswith("Cedar")), None)
    assert street is None or street.name != "Cedar"


def test_a_name_listed_among_states_is_a_state(places):
    got = places("Voters in Idaho, Washington and Montana went to the polls on Tuesday.")
    assert got["Washington"].feature == "admin1" and got["Washington"].admin1 == "Washington"
    got = places("Commuters from Virginia, Maryland and Washington packed the trains.")
    assert got["Washington"].feature == "capital"  # the District, beside its neighbours
