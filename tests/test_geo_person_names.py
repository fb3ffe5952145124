"""People's names that are also town names stay people: a surname before a generational
suffix ("George Bush Jr"), a surname the NER writes with a possessive ("Michael Marshall's")
and a given name of a person the story names in full ("Perry" after "Perry Chu")."""

from __future__ import annotations

import pytest

from claimbase.geo.titled_names import titled_surnames
from tests.geo_helpers import geo_pipeline


@pytest.fixture(scope="session")
def run(resources):
    return geo_pipeline(resources)


def places_of(run, text: str) -> dict[str, object]:
    return {p.text: p for p in run(text).places}


def test_a_generational_suffix_gives_away_the_surname():
    assert titled_surnames("the administration of George Bush Jr, and later") == {"Bush"}
    assert titled_surnames("Martin Luther King, Jr. spoke in Memphis.") == {"King"}
    assert titled_surnames("Pupils of Lincoln Jr. High School marched.") == set()


def test_a_suffixed_surname_is_a_person_in_every_repeat(run):
    found = places_of(run, "Cairo had trouble communicating with the administration of "
                           "George Bush Jr. Ties with Egypt suffered while the Bush "
                           "administration ignored its advice.")
    assert "Bush" not in found
    assert found["Egypt"].country == "EG"


def test_a_possessive_surname_is_a_person(run):
    found = places_of(run, "An aircraft fitter celebrated 30 years in Michael Marshall's "
                           "engineering firm in Cambridge. The flight was piloted by "
                           "Marshall executive Terry Holloway.")
    assert "Marshall" not in found
    assert "Cambridge" in found


def test_a_given_name_said_alone_is_a_person(run):
    found = places_of(run, "Her uncle Perry Chu, a doctor, lives in Dallas. Priscilla Chu "
                           "said Perry, an anesthesiologist, called on Sunday.")
    assert "Perry" not in found
    assert "Dallas" in found


def test_a_given_name_after_a_preposition_is_a_place(run):
    found = places_of(run, "Tyler Kivel, a wrestler from Texas, won on Friday. The team "
                           "drove to Tyler on Saturday for the state meet.")
    assert "Tyler" in found
