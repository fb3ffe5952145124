"""A state reading whose country nothing else in the story points at votes like a town.

The geoparser's first pass (`geoparse._first_pass`) counts a name's reading that is itself
a state (an admin-1 area) double, and more when the name is repeated (`seat_votes`), since
naming a state ("the Ohio Legislature") points at it. Many words that begin a street's,
an organisation's or a person's name are also some far country's state: "Rivers Avenue"
(Rivers, Nigeria), "the Northland" of Kansas City (Northland, New Zealand), "Diana"
(Madagascar), "Delta" (Nigeria), "Patrick". Counted double, such a word outvoted the
story's own towns and taught the outlet memory (`outlet_memory.story_state`) a state on
another continent.

A state named in earnest comes with other evidence of its country: another name read
there, the story's actors and demonyms, its outlet's country-code domain, its currency and
institutions or its phone numbers' area codes. So once every name has voted, a state
reading whose country gets less than CORROBORATION votes from the document's other names
and that evidence loses its extra weight: it counts as one town reading of the name, like a province
read with its seat city. "Ohio" among Ohio towns, "Punjab" beside "Lahore" and
"Pakistani", "Ontario" in a story naming Toronto keep their double vote.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

# how many votes the state's country needs from the story's other names and actors
CORROBORATION = 0.5


def discount_lone_states(focus: Any, extra: dict[str, list[tuple[str, str, float]]],
                         backing: Counter | None = None) -> None:
    """Take back the extra weight (`extra`: name key -> (country, admin-1, extra share))
    each state reading was given in `focus` (a `geoparse.Focus`, updated in place) when no
    other name of the story, nor `backing` (country votes of the story's other evidence),
    gives the state's country CORROBORATION votes."""
    if not extra:
        return
    totals: Counter = Counter()
    for votes in focus.countries.values():
        totals.update(votes)
    for key, readings in extra.items():
        own_countries = focus.countries.get(key, Counter())
        own_admins = focus.admins.get(key, Counter())
        for country, admin1, share in readings:
            others = totals.get(country, 0.0) - own_countries.get(country, 0.0)
            if backing:
                others += backing.get(country, 0.0)
            if others >= CORROBORATION:
                continue
            own_countries[country] = max(0.0, own_countries.get(country, 0.0) - share)
            own_admins[admin1] = max(0.0, own_admins.get(admin1, 0.0) - share)
        focus.vote(key, +own_countries, +own_admins)


__all__ = ["CORROBORATION", "discount_lone_states"]
