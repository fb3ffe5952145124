"""Names a saint's possessive begins: "St. Michael's Hospital", "St. Patrick's Day",
"St. John's Health System".

The gazetteer matcher reads "St. Michael's" as one of the small towns of that name, but a
saint's possessive followed by another name word names a church, a hospital, a school, a
feast or a firm the saint is patron of, not the town. A mention so led is widened to the
whole building when its last word is a building of `data/place_building_heads.txt`
("St. Mark's Cathedral": a scene, placed by `nearby` at the story's town), and is otherwise
no place, unless the name alone is a sizeable town's ("St. John's", Newfoundland) or a
designator follows it ("St. Mary's County"). A mention the NER already took whole ("St.
Patrick's Day") is judged by the same words.
"""

from __future__ import annotations

import re
from typing import Any

from claimbase.config import word_list

SIZEABLE = 50_000  # a town this large keeps its name even before other name words
_SAINT = re.compile(r"(?:St\.?|Saint)[ \t]+[A-Z][a-z]+(?:['’]s?)?")
_POSSESSIVE = re.compile(r"['’]s\b")
_NEXT = re.compile(r"(?:[ \t]+(?:[A-Z][\w'’-]*|of|the|and))*[ \t]+[A-Z][\w'’-]*")
_DESIGNATORS = frozenset({"County", "Parish", "City", "Township", "Island", "Islands", "Bay",
                          "River", "Lake", "Town", "Village", "Borough", "Province"})


def _building_end(text: str, end: int) -> tuple[int, bool] | None:
    """(end of the capitalised words after `end`, whether the last of them is a building
    head), or None when no capitalised word follows."""
    m = _NEXT.match(text, end)
    if m is None:
        return None
    heads = word_list("place_building_heads.txt")
    words = list(re.finditer(r"\S+", text[end:m.end()]))
    for w in reversed(words):  # the last building word closes the name
        if w.group() in heads:
            return end + w.end(), True
    first = words[0].group()
    return (end + words[0].end(), False) if first not in _DESIGNATORS else None


def _sizeable(gaz: Any, name: str) -> bool:
    return any(c.match == "exact" and c.population >= SIZEABLE
               for c in gaz.candidates(name)[:10])


def _saint_end(text: str, m: Any) -> int | None:
    """The end of the saint's possessive the mention is ("St. Michael's", or "St. Michael"
    before "'s"), else None."""
    if _SAINT.fullmatch(m.text) is None:
        return None
    if m.text.endswith(("'s", "’s", "'", "’")):
        return m.end
    after = _POSSESSIVE.match(text, m.end)
    return after.end() if after else None


_SAINT_LED = re.compile(r"(?:St\.?|Saint)[ \t]+[A-Z][a-z]+['’]s(?P<rest>(?:[ \t]+[A-Z][\w'’-]*)+)")


def _saint_led_name(surface: str) -> bool:
    """A whole mention led by a saint's possessive that names no building and no area: the
    NER's "St. Patrick's Day" or "St. John's Health System"."""
    m = _SAINT_LED.fullmatch(surface)
    if m is None:
        return False
    words = m.group("rest").split()
    return words[0] not in _DESIGNATORS and words[-1] not in word_list("place_building_heads.txt")


def saint_buildings(text: str, mentions: list[Any], gaz: Any) -> list[Any]:
    """`mentions` with each saint's-possessive mention widened to its building or dropped
    (see the module docstring); widened mentions are changed in place."""
    out: list[Any] = []
    covered_until = -1
    for m in mentions:
        if m.start < covered_until:
            continue  # inside a widened building name
        if not m.lookup and _saint_led_name(m.text):
            continue  # "St. Patrick's Day" taken whole by the NER
        end = None if m.lookup else _saint_end(text, m)
        found = _building_end(text, end) if end is not None else None
        if found is None or _sizeable(gaz, m.text):
            out.append(m)  # "St. John's", "St. Mary's County", "in St. Michael's."
            continue
        stop, building = found
        if not building:
            continue  # "St. Patrick's Day", "St. John's Health System"
        m.end = covered_until = stop
        m.text = text[m.start:stop]
        m.expr_start = m.expr_end = None
        out.append(m)
    return out
