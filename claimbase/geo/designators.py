"""Capitalised designators after a place name ("Qameshly City", "Al-Raqqah City").

Title Case headlines capitalise the designator word a text would write in lower case
("clashes in Idlib Countryside"). When the gazetteer knows the span only loosely or not at
all, while it knows the name before the word (exactly, or as a loose spelling of a town or
an area), the name is the place and the word (place_titled_designators.txt) its
designator, which the cue reading takes like a lower-case one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimbase.config import word_list

if TYPE_CHECKING:
    from claimbase.geo.gazetteer import Gazetteer

_AREA_FEATURES = frozenset({"city", "capital", "town", "village", "locality", "admin1",
                            "admin2", "neighbourhood", "region"})
_LAST_WORD = re.compile(r"[ \t]+(?P<word>[A-Z][a-z]+)\Z")


def titled_designator_end(text: str, start: int, end: int, gaz: Gazetteer) -> int | None:
    """The end of the name in a span closed by a capitalised designator ("Qameshly" of
    "Qameshly City") that the gazetteer does not know exactly as a whole; None otherwise
    ("Kansas City", "Carson City" are towns' own names)."""
    m = _LAST_WORD.search(text, start, end)
    if m is None or m.start() <= start or m["word"] not in word_list(
            "place_titled_designators.txt"):
        return None
    if any(c.match == "exact" for c in gaz.candidates(text[start:end])[:20]):
        return None
    name = text[start:m.start()].rstrip(" \t,")
    if len(name) < 3 or not any(c.match in ("exact", "fold") and c.feature in _AREA_FEATURES
                                for c in gaz.candidates(name)[:20]):
        return None
    return start + len(name)
