"""The outlet memory: the state an outlet's earlier stories point at, a soft vote for its
next ones (claimbase.geo.outlet_memory)."""

from __future__ import annotations

from collections import Counter

import pytest

from claimbase.geo.outlet_memory import (
    OutletMemory,
    forget,
    memory_of,
    outlet_key,
    story_state,
)
from claimbase.pipeline import PRE_PARSE, Pipeline, Resources
from claimbase.record import DocMeta, Document
from tests.geo_helpers import GEO_STAGES


def test_outlet_keys():
    assert outlet_key(DocMeta(url="https://www.Example-Gazette.com/local/12")) == \
        "example-gazette.com"
    assert outlet_key(DocMeta(outlet="news.example.org")) == "news.example.org"
    assert outlet_key(DocMeta(outlet="  The Example   Courier ")) == "the example courier"
    assert outlet_key(DocMeta()) is None
    assert outlet_key(None) is None


def test_a_story_points_at_a_state_only_when_one_clearly_leads():
    assert story_state(Counter({"Ohio": 2.0, "Indiana": 0.5})) == "Ohio"
    assert story_state(Counter({"Ohio": 2.0, "Indiana": 1.6})) is None  # no clear lead
    assert story_state(Counter({"Ohio": 0.6})) is None  # too little said
    assert story_state(Counter()) is None


def test_memory_votes_for_the_outlets_usual_state():
    memory = OutletMemory()
    assert not memory.votes("paper.example")
    memory.record("paper.example", "Nebraska")
    memory.record("paper.example", None)  # a story that points nowhere counts for nothing
    assert memory.votes("paper.example") == Counter({"Nebraska": 1.0})
    assert not memory.votes("other.example")  # one outlet's stories say nothing of another's
    assert not memory.votes(None)
    memory.record("paper.example", "Iowa")
    memory.record("paper.example", "Kansas")
    assert not memory.votes("paper.example")  # no state holds most of its stories


def test_memory_keeps_the_towns_an_outlet_read_by_evidence(resources):
    gaz = resources.gazetteer
    towns = [c for c in gaz.candidates("Athens")[:20] if c.match == "exact" and c.gid]
    if len(towns) < 2:
        pytest.skip("this gazetteer has no namesakes of Athens")
    first, other = towns[0], towns[1]
    memory = OutletMemory()
    assert memory.reading("paper.example", "athens") is None
    memory.learn("paper.example", {"athens": other})
    assert memory.names("paper.example") == frozenset({"athens"})
    assert memory.reading("paper.example", "athens") == other
    assert memory.reading("other.example", "athens") is None
    memory.learn("paper.example", {"athens": first})  # the outlet's stories disagree
    assert memory.reading("paper.example", "athens") is None
    memory.learn(None, {"athens": first})  # no outlet: nothing is kept
    assert memory.names(None) == frozenset()


def test_memory_follows_the_settings():
    res = Resources()
    assert memory_of(res) is memory_of(res)
    memory_of(res).record("paper.example", "Ohio")
    forget(res)
    assert not memory_of(res).votes("paper.example")
    res.settings.outlet_memory = False
    assert memory_of(None) is None
    assert memory_of(Resources(settings=res.settings)) is None


@pytest.fixture(scope="module")
def places_of(resources):
    pipe = Pipeline(resources, pre=PRE_PARSE, post=GEO_STAGES)

    def run(text: str, url: str | None) -> dict:
        doc = pipe.process(Document(text=text, ref="t", meta=DocMeta(url=url)))
        return {p.text: p for p in doc.places if p.lat is not None}

    return run


# one story that says where it is, then one that names only the town
_TOLD = ("Farmers from across Nebraska met in Columbus on Friday. Lawmakers in Lincoln and "
         "officials in Omaha said the Nebraska plan would go to a vote in Grand Island.")
_BARE = "The Columbus school board voted on Tuesday to repave the parking lot by the gym."


def test_an_outlets_earlier_story_places_its_bare_home_town(places_of):
    url = "https://www.example-plainsweekly.com/news/"
    told = places_of(_TOLD, url)
    if told.get("Columbus") is None or told["Columbus"].admin1 != "Nebraska":
        pytest.skip("this gazetteer reads the told story otherwise")
    alone = places_of(_BARE, "https://www.another-example.com/a")["Columbus"]
    assert alone.admin1 != "Nebraska"  # the bigger namesake, with nothing to go by
    assert places_of(_BARE, url + "2")["Columbus"].admin1 == "Nebraska"


def test_no_memory_without_an_outlet(places_of):
    places_of(_TOLD, None)
    assert places_of(_BARE, None)["Columbus"].admin1 != "Nebraska"
