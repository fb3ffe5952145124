"""Street names that begin with a town's name: "Taylor Street", "Hot Springs Drive".

The NER and the gazetteer matcher often take the town a street is named after for the place
("Taylor" of "the 500 block of Taylor Street"), which reads the street as a town that may lie
far away. A mention followed by a street word (`data/place_street_type_words.txt`), with up
to two more capitalised words between ("Van" of "Van Dorn Street") and a compass word before
it ("North Nokomis Street"), is widened to the whole street name; it is then looked up by the
name inside, with street precision, as the NER's own street spans are. Highways and county
roads are left out: "Minnesota Highway 34" and "Otter Tail County Road 80" name their state
or county.
"""

from __future__ import annotations

import re
from typing import Any

from claimbase.config import word_list

# a capitalised word or a number after the street word: a saint's or a doctor's name ("Taylor
# St. John"), an office ("Lebanon Street Superintendent") or a numbered road ("Oxford Road
# 5", the county's); a compass word still belongs to the street ("Seventh Street Northwest")
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z\d]")
_COMPASS_AFTER = re.compile(r"[ \t]+(?:North|South|East|West|[NS]\.?[EW]\.)(?:east|west)?\b")
_COMPASS_BEFORE = re.compile(r"(?<![\w.])(?:North|South|East|West|[NSEW]\.)[ \t]+\Z")
_NEXT_WORD = re.compile(r"[ \t]+(\S+)")
_MIDDLE_WORD = re.compile(r"[ \t]+[A-Z][\w'’]*(?![\w'’.-])")


def _street_end(text: str, end: int) -> tuple[int, bool] | None:
    """(end of the street name a mention ending at `end` begins, whether the street word
    follows the mention directly), or None."""
    words = word_list("place_street_type_words.txt")
    pos = end
    for _ in range(3):
        m = _NEXT_WORD.match(text, pos)
        if m is None:
            return None
        word = m.group(1).rstrip(",;:)")
        if word not in words and word.endswith(".") and word[:-1] in words:
            word = word[:-1]  # "on Taylor Street." ends a sentence
        if word in words:
            stop = m.start(1) + len(word)
            if _NAME_GOES_ON.match(text, stop) and not _COMPASS_AFTER.match(text, stop):
                return None  # "St. John", "Lebanon Street Superintendent", "Oxford Road 5"
            return stop, pos == end
        nxt = _MIDDLE_WORD.match(text, pos)
        if nxt is None:
            return None
        pos = nxt.end()
    return None


def widen_to_streets(text: str, mentions: list[Any]) -> list[Any]:
    """Mentions that begin a street's name widened to the street (in place; a following
    mention inside the street name is dropped). A widened mention looks up the name it
    had, with precision 2."""
    out: list[Any] = []
    skip_until = -1
    for m in mentions:
        if m.start < skip_until:
            continue
        if m.modifier or m.text.endswith(("County", "Parish")) or m.derived:
            out.append(m)
            continue
        found = _street_end(text, m.end)
        if found is None:
            out.append(m)
            continue
        stop, direct = found
        # "Taylor Street" is looked up as Taylor, as the NER's street spans are; "Van Dorn
        # Street" by its whole name (Van is no part of what it is named after)
        name = (m.lookup or m.text) if direct else None
        lead = _COMPASS_BEFORE.search(text, max(0, m.start - 8), m.start)
        if lead is not None and not any(o.end > lead.start() for o in out[-1:]):
            m.start = lead.start()
        m.end = stop
        m.text = text[m.start:m.end]
        m.lookup = name or m.text
        m.precision = 2
        m.expr_start = m.expr_end = None
        skip_until = stop
        out.append(m)
    return out


__all__ = ["widen_to_streets"]
