"""Local wording decides between namesakes: a name used as only a town's can be ("a Lebanon
woman", "the Malta Fire Department", a street address, a person's home, a dateline) ranks
no country above its towns (claimbase.geo.town_use), and a small town the story sets
something beside, or any small town of the story's country, is not read half a continent
from the story's clustered places (claimbase.geo.near_namesakes), but placed by the
story's own towns (claimbase.geo.nearby.only_far_namesakes)."""

from __future__ import annotations

from collections import Counter

import pytest

from claimbase.geo.gazetteer import Candidate, Context
from claimbase.geo.near_namesakes import clustered, far_beside, far_namesake
from claimbase.geo.nearby import only_far_namesakes, place_near_towns
from claimbase.geo.town_use import dateline, town_use
from claimbase.record import Place
from tests.geo_helpers import near, places_by_text

REGION = frozenset({"SY", "IQ"})


def _use(text: str, name: str, persons: list[tuple[int, int]] | None = None) -> bool:
    start = text.index(name)
    return town_use(text, start, start + len(name), persons)


def test_wording_only_a_town_takes():
    assert _use("Police said a Lebanon man was driving home.", "Lebanon")
    assert _use("The Malta Fire Department put the blaze out quickly.", "Malta")
    assert _use("Members of the Palestine City Council voted 4-1.", "Palestine")
    assert _use("Visitation is at the chapel, 212 W. Walnut St., Lebanon, on Monday.",
                "Lebanon")
    text = "The other driver, Carla Jensen of Jordan, was not hurt."
    start = text.index("Carla")
    assert _use(text, "Jordan", [(start, start + len("Carla Jensen"))])


def test_wording_a_country_takes_too_is_no_town_use():
    assert not _use("Troops left Lebanon in 2005 after a long stay.", "Lebanon")
    assert not _use("Malta police arrested two men at the port.", "Malta")
    text = "The talks with King Abdullah of Jordan went on late."
    start = text.index("Abdullah")
    assert not _use(text, "Jordan", [(start, start + len("Abdullah"))])
    text = "Ten years after the invasion of Iraq, Tom Baker wrote a book."
    start = text.index("Tom")
    assert not _use(text, "Iraq", [(start, start + len("Tom Baker"))])  # a later person


def test_an_upper_case_dateline_names_a_town():
    text = "Library book sale draws crowds. MALTA - Thousands of books wait."
    start = text.index("MALTA")
    assert dateline(text, start, start + 5)
    text = "He flew over MALTA twice."
    start = text.index("MALTA")
    assert not dateline(text, start, start + 5)


def test_a_town_use_ranks_no_country_above_the_towns(gaz):
    plain = gaz.rank("Lebanon", Context())
    if not any(c.feature == "city" and c.country == "US" for c, _s in plain):
        pytest.skip("this gazetteer lacks the US towns named Lebanon")
    assert plain[0][0].feature == "country"
    used = gaz.rank("Lebanon", Context(town_use=True))
    assert used[0][0].feature != "country"
    # a state keeps its rank: "a Georgia man" in a US story is the state
    state = gaz.rank("Georgia", Context(town_use=True, countries=Counter({"US": 3.0})))
    assert state[0][0].feature == "admin1"


def _town(name: str, lat: float, lon: float, country: str = "US", admin1: str = "Florida",
          population: int = 20_000) -> Candidate:
    return Candidate(1, "g1", name, lat, lon, country, admin1, None, "city", population, 4.0,
                     None, "exact", 1.0)


# three places of a story about west-central Minnesota
_MINNESOTA = [(45.88, -95.38), (45.63, -94.57), (46.0, -95.7)]


def test_a_far_small_town_beside_the_story_is_no_reading():
    far = _town("Brandon", 27.94, -82.29)
    ctx = Context(countries=Counter({"US": 3.0}), admins=Counter({"Minnesota": 3.0}),
                  points=list(_MINNESOTA), beside=True)
    assert far_beside(far, ctx, REGION)
    close = _town("Brandon", 45.96, -95.6, admin1="Minnesota")
    assert not far_beside(close, ctx, REGION)
    big = _town("Chicago", 41.88, -87.63, admin1="Illinois", population=2_700_000)
    assert not far_beside(big, ctx, REGION)  # "west of Chicago" may be said from afar
    spread = Context(countries=Counter({"US": 3.0}), beside=True,
                     points=[(45.88, -95.38), (30.2, -93.2)])
    assert not clustered(tuple(spread.points))
    assert not far_beside(far, spread, REGION)  # the story's places set no one area


def test_a_far_small_town_of_the_storys_country_is_no_reading():
    ctx = Context(countries=Counter({"US": 3.0}), admins=Counter({"Minnesota": 3.0}),
                  points=list(_MINNESOTA))
    assert far_beside(_town("Waco", 31.55, -97.15, admin1="Texas"), ctx, REGION)
    # but then no reading abroad either: the name is a town the gazetteer lacks
    abroad = _town("Nelson", -41.27, 173.28, country="NZ", admin1="Nelson")
    assert far_namesake(abroad, ctx, REGION, dropped=True)
    assert not far_namesake(abroad, ctx, REGION, dropped=False)
    # a state the story itself points at keeps its towns, wherever they lie
    texas = Context(countries=Counter({"US": 3.0}),
                    admins=Counter({"Minnesota": 3.0, "Texas": 2.0}), points=list(_MINNESOTA))
    assert not far_beside(_town("Waco", 31.55, -97.15, admin1="Texas"), texas, REGION)


def test_a_local_story_reads_its_namesake_towns(resources):
    places = places_by_text(resources)(
        "A Lebanon man was hurt Tuesday when his car left the road. "
        "Lebanon police said the crash happened on Route 72 near Cornwall, Pa.")
    lebanon = places.get("Lebanon")
    assert lebanon is not None and lebanon.country == "US"
    if lebanon.admin1 == "Pennsylvania":
        assert near(lebanon, 40.34, -76.41, km=30.0)


def test_most_of_the_storys_places_set_its_area():
    assert clustered(((45.88, -95.38), (45.63, -94.57), (30.2, -93.2)))  # one outlier
    assert not clustered(((43.04, -87.91), (30.2, -93.2)))  # two places far apart


class _Gaz:
    """A gazetteer stand-in knowing one name's candidates."""

    def __init__(self, cands: list[Candidate]) -> None:
        self.cands = cands

    def candidates(self, name: str) -> list[Candidate]:
        return self.cands


def _place(name: str, lat: float, lon: float) -> Place:
    return Place(text=name, start=0, end=len(name), name=name, lat=lat, lon=lon,
                 country="US", admin1="Minnesota", feature="city")


def test_a_name_known_only_as_far_small_towns_is_placed_by_the_storys_towns():
    towns = [_place("Alexandria", 45.88, -95.38), _place("Albany", 45.63, -94.57)]
    far = [_town("Brandon", 27.94, -82.29), _town("Brandon", 32.27, -89.99,
                                                   admin1="Mississippi")]
    assert only_far_namesakes(_Gaz(far), "Brandon", towns)
    assert not only_far_namesakes(_Gaz(far + [_town("Brandon", 45.96, -95.6,
                                                    admin1="Minnesota")]), "Brandon", towns)
    big = _town("Saint Petersburg", 59.94, 30.31, country="RU", admin1="St.-Petersburg",
                population=5_000_000)
    assert not only_far_namesakes(_Gaz(far + [big]), "St. Petersburg", towns)
    text = "A barn burned Monday in Albany, and a shed at Brandon near Alexandria was saved."
    places = []
    for name, lat, lon in (("Albany", 45.63, -94.57), ("Alexandria", 45.88, -95.38)):
        town = _place(name, lat, lon)
        town.start = text.index(name)
        town.end = town.start + len(name)
        places.append(town)
    brandon = Place(text="Brandon", start=text.index("Brandon"), end=text.index("Brandon") + 7)
    place_near_towns(text, places + [brandon], _Gaz(far))
    assert brandon.lat is not None and near(brandon, 45.88, -95.38, km=5.0)  # "near Alexandria"
    assert brandon.precision == 2


def test_a_birthplace_may_be_a_country():
    assert not _use("The author, a Peru native, read from her novel.", "Peru")
    assert _use("The driver, a Peru teenager, was not hurt.", "Peru")
