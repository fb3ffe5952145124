"""Place spans that run past the name: "Norman to D.C", "Red Bank Road near", "Nice of".

The statistical NER sometimes takes a joining or trailing lower-case word into a place
entity ("a bike ride from Norman to D.C.", "the Nice of Russia", "at Vivion Road and …").
`split_joined` drops lower-case function words at a span's end and splits a span at "and",
"or" or "to" between two capitalised names, unless the gazetteer knows the whole span
("Trinidad and Tobago", "Bosnia and Herzegovina").
"""

from __future__ import annotations

import re

from claimbase.config import word_list
from claimbase.geo.gazetteer import Gazetteer

_TRAILING = re.compile(r"(?:[ \t]+(?:near|and|or|of|to|for|in|at|on|the|from|by|with))+\Z")
_JOIN = re.compile(r"[ \t]+(?:and|or|to)[ \t]+(?=[A-Z])")
# "D.C" of "D.C.": the final stop belongs to the name
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.)+[A-Z]\Z")


# "Mahnomen County Road 3": a numbered county road names the county
_COUNTY_ROAD = re.compile(r"[ \t]+(?:Road|Rd\.?|Highway|Hwy\.?)\Z")
_NUMBER_AFTER = re.compile(r"[ \t]+[A-Z]?\d")
_WORD_BEFORE = re.compile(r"(?:[A-Z][\w'’.]*|\d+(?:st|nd|rd|th)?|[A-Z])[ \t]+\Z")


# "the City of Montreal", "County of Brant": an administrative designator and "of" before
# the name (the ranker reads them as a cue from the text before the span)
_DESIGNATOR_OF = re.compile(r"(?:City|County|Province|State|Town|Village|Borough|Township"
                            r"|Municipality)[ \t]+of[ \t]+(?=[A-Z])")


def cut_designator_of(text: str, start: int, end: int) -> int:
    """The start of the name in a span that opens with "City of", "County of", "Province
    of" … ("City of Norfolk" -> "Norfolk"); `start` when it does not."""
    m = _DESIGNATOR_OF.match(text, start, end)
    return m.end() if m is not None else start


def split_joined(text: str, start: int, end: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """The span less trailing function words, split at a joining word between two
    capitalised names the gazetteer does not know as one name; a numbered county road
    ("Otter Tail County Road 80") is cut to its county, and a street word alone after a
    capitalised word ("Street" of "Van Dorn Street") is no span at all."""
    if (m := _TRAILING.search(text, start, end)) is not None and m.start() > start:
        end = m.start()
    span = text[start:end]
    if span in word_list("place_street_words.txt") and _WORD_BEFORE.search(text, max(0, start - 40), start):
        return []
    if (road := _COUNTY_ROAD.search(span)) is not None and _NUMBER_AFTER.match(text, end) \
            and span[:road.start()].endswith(("County", "Parish")):
        end = start + road.start()
        span = text[start:end]
        if span in ("County", "Parish"):
            return []
    if " " not in span or not _JOIN.search(span) or not span.split()[-1][:1].isupper() \
            or gaz.has_name(span):
        return [(start, end)]  # one name; "Orange and White streets": streets, not places
    out, pos = [], start
    for j in _JOIN.finditer(text, start, end):
        if text[pos:pos + 1].isupper():
            out.append((pos, j.start()))
        pos = j.end()
    out.append((pos, end))
    return [(a, b + 1 if text[b:b + 1] == "." and _INITIALS.search(text, a, b) else b)
            for a, b in out if b > a]
