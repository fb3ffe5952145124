"""State evidence for a hamlet from the towns listed beside it.

A one-word name that only US zip-code localities bear ("Harwinton") is taken as a place only
with local evidence of its state, as such names are often common words. A list of towns is
such evidence: in "companies from Harwinton, Bantam, Litchfield and Winsted" the hamlet's
neighbours in the list are towns of the same state (Connecticut) the hamlet lies in.
"""

from __future__ import annotations

import re
from typing import Any

from claimbase.geo.gazetteer import Gazetteer

_TOWNS = frozenset({"city", "capital", "town", "village"})
_NAME = r"[A-Z][\w'’]*(?:[ \t][A-Z][\w'’]*)?"
_LEFT = re.compile(rf"(?P<name>{_NAME})(?:,[ \t]+(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)\Z")
_RIGHT = re.compile(rf"(?:,[ \t]+(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(?P<name>{_NAME})")


def _town_states(gaz: Gazetteer, name: str) -> set[str]:
    """The states (admin-1) of the towns the gazetteer knows exactly by the name (not
    zip-code localities)."""
    if not gaz.has_name(name):
        return set()
    return {c.admin1 for c in gaz.candidates(name)[:20] if c.match == "exact" and c.admin1
            and c.feature in _TOWNS and not (c.gid or "").startswith("zip:")}


def listed_in_state(text: str, start: int, end: int, gaz: Gazetteer, name: str) -> bool:
    """A listed neighbour of the name (by comma, "and" or "or") is a town of a state one of
    the name's own readings lies in."""
    states = {c.admin1 for c in gaz.candidates(name)[:20] if c.match == "exact" and c.admin1}
    if not states:
        return False
    neighbours = []
    if (m := _LEFT.search(text, max(0, start - 40), start)) is not None:
        neighbours.append(m.group("name"))
    if (m := _RIGHT.match(text, end)) is not None:
        neighbours.append(m.group("name"))
    return any(states & _town_states(gaz, n) for n in neighbours if n != name)


# labels the small NER model gives a state's or a country's name by mistake ("in the state
# of Rhineland-Palatinate" ORG, "followed by Limpopo" DATE); PERSON and NORP are left alone
# ("Jordan scored", "Georgian")
_MISLABELS = frozenset({"ORG", "DATE", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_AREAS = frozenset({"country", "admin1"})


def mislabelled_areas(ents: list[Any], gaz: Gazetteer,
                      lower_words: set[str]) -> list[tuple[int, int, int]]:
    """Spans of entities of another label whose whole text is a country's or a state's name
    (its first exact reading), as (start, end, priority) for the mention finder."""
    out = []
    for e in ents:
        name = e.text
        if e.label_ not in _MISLABELS or len(name) < 4 or not name[:1].isupper() \
                or name.lower() in lower_words or not gaz.has_name(name):
            continue
        exact = [c for c in gaz.candidates(name)[:5] if c.match == "exact"]
        if exact and exact[0].feature in _AREAS:
            out.append((e.start_char, e.end_char, 2))
    return out
