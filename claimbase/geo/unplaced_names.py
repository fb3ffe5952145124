"""Unresolved names that the parse calls a facility or a firm, and nothing marks as a place.

A name the gazetteer cannot place and the NER labels a facility or an organisation ("the
Highway Patrol reported", "the Great Recession", "United Way officials", "the June E.
Nylen Cancer Center") is far more often an institution, an event or a brand than a place
too small for the gazetteer; left in, it becomes a place mention that `nearby` would put at
the story's town. Such a name is dropped, unless something in it marks a place: a feature,
street, township or site word ("Coffman Park", "Cedar Flat Rd", "Jerome Township", "Fort
Stevens"; data/place_site_words.txt and place_building_heads.txt), a number (a
road: "Highway 19", "Interstate 45") or a first word the gazetteer knows exactly (a venue
named after its town: "Richmond Olympic Oval", which the nearby pass places at Richmond;
a town's name read as no town here).
Names the gazetteer resolved, and names a list of places placed already, stay.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from claimbase.config import word_list
from claimbase.geo.nearby import has_feature_word, has_township_word
from claimbase.record import Place

if TYPE_CHECKING:
    from claimbase.geo.gazetteer import Gazetteer

# the NER labels of names that are institutions rather than places
INSTITUTION_LABELS = frozenset({"FAC", "ORG"})
_DIGIT = re.compile(r"\d")


@cache
def _street_types() -> frozenset[str]:
    """Street type words without their full stop ("Rd", "Ave")."""
    return frozenset(w.rstrip(".") for w in word_list("place_street_type_words.txt"))


@cache
def _site_words() -> frozenset[str]:
    """Site and building words ("Fort", "Stadium", "Abbey")."""
    return word_list("place_site_words.txt") | word_list("place_building_heads.txt")


def _street_like(name: str) -> bool:
    """A street type word in the name, with or without its full stop ("Rd", "Ave.")."""
    types = _street_types()
    return any(w.rstrip(".,") in types for w in name.split())


def _place_words(name: str) -> bool:
    """A feature, street, township or site word ("Fort", "Stadium", "Abbey") or a number in
    the name."""
    sites = _site_words()
    return bool(
        has_feature_word(name)
        or has_township_word(name)
        or _street_like(name)
        or _DIGIT.search(name)
        or any(w in sites for w in name.split())
    )


def _known_lead(gaz: Gazetteer, name: str) -> str | None:
    """The longest run of leading words (the one word of a one-word name) the gazetteer knows
    by its exact name: "Newark" of "Newark Live Bait"."""
    words = name.split()
    for k in range(len(words) - 1 if len(words) > 1 else 1, 0, -1):
        lead = " ".join(words[:k]).rstrip(".,")
        if any(c.match == "exact" for c in gaz.candidates(lead)):
            return lead
    return None


def drop_unplaced_institutions(places: list[Place], sdoc: Any, gaz: Gazetteer) -> list[Place]:
    """`places` without the unresolved names inside a facility's or an organisation's
    entity that nothing marks as a place; a name led by a town the story names and places
    elsewhere is cut to that town, with its reading ("Newark Live Bait" -> "Newark")."""
    if sdoc is None:
        return places
    spans = [(e.start_char, e.end_char) for e in sdoc.ents if e.label_ in INSTITUTION_LABELS]
    if not spans:
        return places
    read = {p.text: p for p in places if p.lat is not None}
    out: list[Place] = []
    for p in places:
        if (
            p.lat is not None
            or p.country is not None
            or _place_words(p.text)
            or not any(a <= p.start and p.end <= b for a, b in spans)
        ):
            out.append(p)
            continue
        lead = _known_lead(gaz, p.text)
        if lead is None:
            continue  # "the Great Recession", "United Way officials"
        town = read.get(lead) if lead != p.text and p.text.startswith(lead) else None
        out.append(replace(town, start=p.start, end=p.start + len(lead)) if town else p)
    return out


__all__ = ["INSTITUTION_LABELS", "drop_unplaced_institutions"]
