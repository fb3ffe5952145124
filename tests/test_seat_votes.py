"""A name shared by a province and its seat city votes like a town in the document's focus
(claimbase.geo.seat_votes, used by geoparse._first_pass): counted once, not double, and
not more for being repeated; a state's own name still votes double."""

from __future__ import annotations

from collections import Counter

import pytest

from claimbase.geo.geoparse import _first_pass
from claimbase.geo.outlet_memory import memory_of, story_state
from claimbase.geo.seat_votes import seated_areas, state_factor
from claimbase.pipeline import PRE_PARSE, Pipeline
from claimbase.record import DocMeta, Document
from tests.geo_helpers import GEO_STAGES, mentions


def _province_with_seat(gaz, name: str):
    """The name's province reading whose seat city is read by the name too, or skip."""
    ranked = gaz.rank_plain(name)[:15]
    seated = seated_areas(name, ranked)
    area = next((c for c, _s in ranked if c.id in seated), None)
    if area is None:
        pytest.skip(f"this gazetteer has no province named after its seat for {name!r}")
    return ranked, seated, area


def test_a_province_read_with_its_seat_city_is_not_a_state_vote(gaz):
    _ranked, seated, area = _province_with_seat(gaz, "Alexandria")
    assert area.feature == "admin1"
    assert state_factor(area, seated) == 1.0
    state = next((c for c, _s in gaz.rank_plain("Indiana") if c.feature == "admin1"), None)
    if state is None:
        pytest.skip("this gazetteer has no state Indiana")
    assert not seated_areas("Indiana", gaz.rank_plain("Indiana")[:15])
    assert state_factor(state, frozenset()) == 2.0


def test_a_repeated_seat_name_votes_its_weight_once(gaz):
    _ranked, _seated, area = _province_with_seat(gaz, "Alexandria")
    once = _first_pass(gaz, mentions("Alexandria"))
    thrice = _first_pass(gaz, mentions("Alexandria", "Alexandria", "Alexandria"))
    key = "alexandria"
    assert thrice.countries[key] == once.countries[key]
    # the name's whole weight, spread over its readings, is one vote at most
    assert sum(once.countries[key].values()) <= 1.0 + 1e-9
    assert once.admins[key][area.admin1] <= 1.0 + 1e-9


def test_a_state_named_often_still_counts_more(gaz):
    us = Counter({"US": 1.0})  # its country backed by the story (a lone state votes as a town)
    once = _first_pass(gaz, mentions("Ohio"), backing=us)
    twice = _first_pass(gaz, mentions("Ohio", "Ohio"), backing=us)
    if not once.admins.get("ohio"):
        pytest.skip("this gazetteer does not read Ohio as a state")
    state = once.admins["ohio"].most_common(1)[0][0]
    assert once.admins["ohio"][state] > 1.0  # a state's name votes double
    assert twice.admins["ohio"][state] > once.admins["ohio"][state]


def test_a_local_town_story_does_not_point_at_the_foreign_province(gaz):
    _ranked, _seated, area = _province_with_seat(gaz, "Alexandria")
    focus = _first_pass(gaz, mentions("Alexandria", "Rapides Parish", "Alexandria"))
    _countries, admins = focus.without("\0none")
    assert story_state(admins) != area.admin1


def test_a_syrian_province_name_still_votes_for_its_province(gaz):
    _ranked, _seated, area = _province_with_seat(gaz, "Idlib")
    focus = _first_pass(gaz, mentions("Idlib", "Idlib"))
    countries, admins = focus.without("\0none")
    assert countries.most_common(1)[0][0] == area.country == "SY"
    assert admins.most_common(1)[0][0] == area.admin1


@pytest.fixture(scope="module")
def read_story(resources):
    pipe = Pipeline(resources, pre=PRE_PARSE, post=GEO_STAGES)
    return lambda text, url: pipe.process(Document(text=text, ref="t", meta=DocMeta(url=url)))


def test_the_outlet_memory_learns_no_foreign_province_from_a_town_name(gaz, resources,
                                                                     read_story):
    _ranked, _seated, area = _province_with_seat(gaz, "Alexandria")
    url = "https://www.example-cenla-daily.com/story/1"
    text = ("An Alexandria woman was booked on Monday after a barn fire near her home in "
            "Rapides Parish, sheriff's deputies said. Alexandria police had asked neighbours "
            "to report anything they saw that night.")
    read_story(text, url)
    memory = memory_of(resources)
    if memory is None:
        pytest.skip("the outlet memory is off in these settings")
    learned = memory.stories.get("example-cenla-daily.com", {})
    assert area.admin1 not in learned
