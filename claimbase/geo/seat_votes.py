"""How a name that is both a province and the province's seat city votes in the focus.

The geoparser's first pass (`geoparse._first_pass`) gives every name a soft vote for the
countries and states (admin-1 areas) of its readings, and counts a reading that is itself a
state or a country double, and more when the name is repeated, since naming a state ("the
Indiana Legislature") points at it. A name shared by a province and the city it is named
after ("Alexandria", "Idlib") is no such pointer: the two readings are one place read at
two levels, and a bare mention of it is most often the city (`gazetteer._seat_over_province`
reads it so). Counting the province double, plus its seat city, and again per repetition
made the biggest namesake of a common town name (Egypt's Alexandria governorate) outvote a
local story's own towns and state, and taught the outlet memory that state.

So a province whose seat city is among the name's readings votes like a town: its share and
its seat's share (the name's weight on that place) count once, not double, and the name
gets no repeat bonus for it. A state named by a name that is not also its seat's
("Indiana", "Ohio") still votes double and grows with repetition.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimbase.geo.gazetteer import Candidate, is_seat, name_fold

STATE_FEATURES = ("country", "admin1")  # readings that vote double: the name is a state


def seated_areas(name: str, ranked: Sequence[tuple[Candidate, float]]) -> frozenset[int]:
    """Ids of the province readings of `name` whose own seat city (named by it) is among
    the readings too: those vote as the town they share the name with."""
    areas = [c for c, _s in ranked if c.feature == "admin1" and c.match == "exact"]
    if not areas:
        return frozenset()
    key = name_fold(name)
    cities = [c for c, _s in ranked if c.feature in ("city", "capital") and c.match == "exact"]
    return frozenset(a.id for a in areas if any(is_seat(c, a, key) for c in cities))


def state_factor(cand: Candidate, seated: frozenset[int]) -> float:
    """How much a reading's share counts in the focus: double for a country or a state the
    name names, single for a town and for a province read with its seat city."""
    return 2.0 if cand.feature in STATE_FEATURES and cand.id not in seated else 1.0


__all__ = ["seated_areas", "state_factor"]
