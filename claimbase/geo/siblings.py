"""State evidence for a hamlet from the towns listed beside it.

A one-word name that only US zip-code localities bear ("Harwinton") is taken as a place only
with local evidence of its state, as such names are often common words. A list of towns is
such evidence: in "companies from Harwinton, Bantam, Litchfield and Winsted" the hamlet's
neighbours in the list are towns of the same state (Connecticut) the hamlet lies in.
"""

from __future__ import annotations

import re

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
