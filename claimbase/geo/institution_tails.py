"""A state or country named by an institution, read whole by the gazetteer matcher.

"the University of Michigan Center for Computer Security": the matcher takes the longest
gazetteer name, the town of Michigan Center, but after "University of" the name is the
state's, and "Center" begins the institution's own name. The mention is cut back to the state
or country when the word after it is an institution word (`data/place_institution_tails.txt`).
"""

from __future__ import annotations

import re
from typing import Any

from claimbase.config import word_list
from claimbase.geo.gazetteer import Gazetteer

# "University of", "State University of", "College of": an institution named after a place
_OF_INSTITUTION = re.compile(r"\b(?:University|College|Institute|Bank|Museum)\s+of\s+\Z")
_AREA_FEATURES = frozenset({"admin1", "country"})


def trim_institution_tails(text: str, mentions: list[Any], gaz: Gazetteer) -> None:
    """Cut "Michigan Center" of "University of Michigan Center" back to "Michigan" (in
    place), when the shorter name is a state or a country."""
    tails = word_list("place_institution_tails.txt")
    for m in mentions:
        head, _sep, last = m.text.rpartition(" ")
        if not head or m.lookup or last not in tails:
            continue
        if not _OF_INSTITUTION.search(text, max(0, m.start - 20), m.start):
            continue
        if any(c.match == "exact" and c.feature in _AREA_FEATURES
               for c in gaz.candidates(head)):
            m.end = m.start + len(head)
            m.text = head
            if m.expr_end is not None and m.expr_end > m.end:
                m.expr_end = m.end


__all__ = ["trim_institution_tails"]
