"""Places the gazetteer does not know, placed at the town the story puts them near.

The offline gazetteer holds towns, admin areas and curated sites, but no lakes, rivers,
parks, hills or neighbourhoods ("Lake Lanier", "the River Lune", "Coffman Park", "Squirrel
Hill"). A story names such a feature because it lies near the town it reports on: "the
Chestatee River arm of Lake Lanier in North Hall", "outdoor recreation at Lake Robinson"
in a story about Greer. A mention that stays unresolved but carries a feature word of its
own ("Lake", "River", "Park", "Islands"; claimbase/data/place_feature_words.txt) takes the
point of the town the story names nearest to it: first a town after "in", "near", "of"
right behind the mention, else the closest town mentioned in its paragraph, else the
town the story names most; a state or province the story sets it in ("Rocky Mountain
National Park in Colorado", "Utah's X") lends its own point when none of those towns lies in
it (precision 3). The town must lie in the story's main country and be read by
its name or a close spelling of it, and a name the gazetteer spells closely only in other
countries is no feature beside it ("Jisr al-Shughur" beside a French namesake of a Syrian
town). It keeps its own text as its name, and precision 2 ("near a
town"), so a reader can tell it from a gazetteer match. A name the gazetteer knows only as
small towns of the story's country far from all its (clustered) towns is such a place too
(`only_far_namesakes`): a town too small for the gazetteer, whose namesakes were no reading
(`near_namesakes`).
"""

from __future__ import annotations

import re

from claimbase.config import word_list
from claimbase.geo.event_place import main_country
from claimbase.geo.gazetteer import Gazetteer, haversine_km
from claimbase.geo.near_namesakes import (
    BESIDE_FAR_KM,
    BESIDE_MAX_POPULATION,
    BESIDE_MIN_POINTS,
    NAMESAKE_FEATURES,
    clustered,
    distinct,
)
from claimbase.record import Place

# the features a resolved place must have to lend its point (not a country or a state)
TOWN_FEATURES = frozenset({"city", "capital", "town", "locality", "admin2", "admin3", "site"})
NEARBY_FEATURE = "nearby"
NEARBY_PRECISION = 2
CLUSTER_KM = 100.0  # towns this close count as one area of the story
# a spelling this close to a gazetteer name (a transliteration of it) is that place's name
CLOSE_SPELLING = 0.85
# how far (characters) behind the mention a "in/near/of Town" may start
_BEHIND = 40
_LINK = re.compile(r"[\s,]+(?:\w+\s+)?(?:in|near|of|at|outside|by|off)\s+(?:the\s+)?\Z")
STATE_PRECISION = 3  # placed at the state the story sets it in
# between a name and the state it lies in, or a state and the name it owns
_IN_STATE = re.compile(r",?[ \t]+in[ \t]+")
_OWNS = re.compile(r"['’]s[ \t]+")


def feature_words() -> frozenset[str]:
    """Capitalised words that make a name a natural or built feature ("Lake", "Park")."""
    return word_list("place_feature_words.txt")


def has_feature_word(name: str) -> bool:
    """The name has a feature word of its own ("Neches River", "Lake Harriet")."""
    words = feature_words()
    return any(w.strip("'’") in words for w in name.split())


def has_street_word(name: str) -> bool:
    """The name has a street word of its own ("Boston Road", "Taylor St.";
    claimbase/data/place_street_type_words.txt)."""
    words = word_list("place_street_type_words.txt")
    return any(w in words for w in name.split())


def has_township_word(name: str) -> bool:
    """The name has a township word of its own ("Jerome Township", "Tewksbury Twp.";
    claimbase/data/place_township_words.txt)."""
    words = word_list("place_township_words.txt")
    return any(w in words for w in name.split())


def named_after_town(text: str, lookup: str | None) -> bool:
    """The mention is a feature, a street or a township read by the town name inside it
    ("Kishwaukee River" looked up as "Kishwaukee", "Boston Road" as "Boston", "Jerome
    Township" as "Jerome"): such a word in the mention, none in the name looked up."""
    if lookup is None or lookup == text:
        return False
    return any(has(text) and not has(lookup)
               for has in (has_feature_word, has_street_word, has_township_word))


_NAME_BEFORE = re.compile(r"[A-Z][\w'’.-]*[ \t]+\Z")


def cut_feature_word(text: str, start: int, end: int) -> bool:
    """The mention is only a feature word cut from a longer name ("Islands" of "the
    Farallon Islands"): one word of place_feature_words.txt right after a capitalised word.
    It names no place of its own (not Hong Kong's Islands district), so it takes no
    gazetteer reading; `place_near_towns` places it by the story's towns."""
    surface = text[start:end]
    return surface in feature_words() and \
        _NAME_BEFORE.search(text, max(0, start - 40), start) is not None


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def place_near_towns(text: str, places: list[Place], gaz: Gazetteer) -> list[Place]:
    """`places` with every unresolved name that is a feature or that the gazetteer does not
    know by its exact name placed at the town of the story it lies near (in place)."""
    towns = [p for p in places if p.lat is not None and p.feature in TOWN_FEATURES]
    main = main_country(places)
    towns = [t for t in towns if (main is None or t.country == main) and firm(gaz, t)]
    if not towns:
        return places
    states = [s for s in places if s.lat is not None and s.feature == "admin1"
              and (main is None or s.country == main)]
    for p in places:
        if p.lat is not None or p.country is not None or not (
                has_feature_word(p.text) or _unknown(gaz, p.text)
                or only_far_namesakes(gaz, p.text, towns)):
            continue  # resolved, or already placed in a province by its listed siblings
        anchor = _anchor(text, p, towns)
        state = _named_state(text, p, states)
        if state is not None and (anchor is None or anchor.admin1 != state.name):
            anchor = state  # "Rocky Mountain National Park in Colorado": not by the towns
        if anchor is None or _known_elsewhere(gaz, p.text, anchor.country):
            continue
        p.lat, p.lon = anchor.lat, anchor.lon
        p.country, p.admin1, p.admin2 = anchor.country, anchor.admin1, anchor.admin2
        p.name = p.name or p.text
        p.feature = NEARBY_FEATURE
        p.precision = STATE_PRECISION if anchor is state else NEARBY_PRECISION
    return places


def _named_state(text: str, p: Place, states: list[Place]) -> Place | None:
    """The state or province the story sets the name in: one named right behind it ("Rocky
    Mountain National Park in Colorado") or owning it ("Utah's Zion National Park")."""
    for s in states:
        if p.end <= s.start <= p.end + _BEHIND and _IN_STATE.fullmatch(text, p.end, s.start):
            return s
        if s.end <= p.start and _OWNS.fullmatch(text, s.end, p.start):
            return s
    return None


def _unknown(gaz: Gazetteer, name: str) -> bool:
    """The gazetteer has no place of this exact name, only loose spellings or nothing
    ("Hardeetown", "Cockerham"): a place too small for it."""
    return not any(c.match == "exact" for c in gaz.candidates(name))


def only_far_namesakes(gaz: Gazetteer, name: str, towns: list[Place]) -> bool:
    """Every place the gazetteer knows by this exact name is a town of the story's country
    (that of its towns) of at most BESIDE_MAX_POPULATION people, far (BESIDE_FAR_KM) from
    all the story's towns, which lie together (`near_namesakes.clustered`): the name is a
    town too small for the gazetteer, like one it does not know at all."""
    exact = [c for c in gaz.candidates(name) if c.match == "exact"]
    points = distinct([(t.lat, t.lon) for t in towns[-8:]])
    countries = {t.country for t in towns}
    if not exact or len(points) < BESIDE_MIN_POINTS or len(countries) != 1 \
            or not clustered(points):
        return False
    return all(c.feature in NAMESAKE_FEATURES and c.lat is not None
               and c.country in countries and c.population <= BESIDE_MAX_POPULATION
               and min(haversine_km(c.lat, c.lon, a, b) for a, b in points) > BESIDE_FAR_KM
               for c in exact)



def firm(gaz: Gazetteer, town: Place) -> bool:
    """The town was read by its name or a close spelling of it, not by a loose one that may
    be another town ("Kfrnaya" read as Kafr 'Ayn lends no point to the names beside it)."""
    if town.gazetteer_id is None:
        return True
    return any(c.gid == town.gazetteer_id and c.similarity >= CLOSE_SPELLING
               for c in gaz.candidates(town.text))


def _known_elsewhere(gaz: Gazetteer, name: str, country: str | None) -> bool:
    """The gazetteer knows the name by a close spelling (a transliteration), and only in
    other countries than `country` ("Jisr al-Shughur" is no feature beside a French town)."""
    if has_feature_word(name):
        return False  # "Lake Vermont" near Alexandria: the lake, whatever town it spells
    countries = {c.country for c in gaz.candidates(name)
                 if c.country and c.similarity >= CLOSE_SPELLING}
    return bool(countries) and country not in countries


def _anchor(text: str, p: Place, towns: list[Place]) -> Place | None:
    """The town the story puts `p` near: the town named right behind it ("at Lake Vermont
    near Alexandria"), else the town most of the story's towns lie around."""
    after = [t for t in towns if p.end <= t.start <= p.end + _BEHIND
             and _LINK.search(text, p.end, t.start)]
    if after:
        return min(after, key=lambda t: t.start)
    return max(towns, key=lambda t: (_neighbours(t, towns), -_gap(p, t)))


def _neighbours(town: Place, towns: list[Place]) -> int:
    """How many of the story's town mentions lie within `CLUSTER_KM` of `town`."""
    return sum(haversine_km(town.lat, town.lon, t.lat, t.lon) <= CLUSTER_KM for t in towns)


def _gap(p: Place, t: Place) -> int:
    return min(abs(t.start - p.end), abs(p.start - t.end))


__all__ = ["cut_feature_word", "feature_words", "firm", "has_feature_word", "has_street_word",
           "has_township_word", "named_after_town", "only_far_namesakes", "place_near_towns"]
