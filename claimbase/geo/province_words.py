"""Province words around a mention: whether a bare name shared by a province and its seat
city is meant as the province.

"fighting in Raqqa" names the city; "Raqqa province", "the Aleppo, Idlib and Hama
provinces", "the eastern countryside of Hama", "northern Aleppo", "rural Damascus", "the
County of Brant" name the province. `province_word` tells the two apart for the ranker
(`Context.province_word`), which otherwise ranks a province below the city that bears its
name (`gazetteer._seat_over_province`); "Raqqa city" is always the city.
"""

from __future__ import annotations

import re

_LIST_ITEM = r"(?:[ \t]*(?:,|and|or)[ \t]+[A-Z][\w’'-]*(?:[ \t][A-Z][\w’'-]*)?)*"
_PROVINCE_AFTER = re.compile(rf"{_LIST_ITEM},?[ \t]+(?:province|governorate|region|"
                             r"countryside|provinces|governorates|state|states|district|"
                             r"districts|county|counties|parish|parishes)\b", re.IGNORECASE)
_PROVINCE_BEFORE = re.compile(r"\b(?:province|governorate|provinces|governorates|region|"
                              r"countryside|countrysides|outskirts|desert|rural|reef|rif|"
                              r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)"
                              r"(?:[ \t]+of)?(?:[ \t]+both)?[ \t]+(?:[A-Z][\w’'-]*(?:[ \t][A-Z][\w’'-]*)?"
                              r"[ \t]*(?:,|and|or)[ \t]+)*\Z", re.IGNORECASE)
_CITY_AFTER = re.compile(r"[ \t]+city\b", re.IGNORECASE)
# a province word in the mention itself: "Brant County", "the County of Brant"
_PROVINCE_INSIDE = re.compile(r"\b(?:province|governorate|region|state|district|county|"
                              r"parish)\b", re.IGNORECASE)


def province_word(text: str, start: int, end: int) -> bool:
    """A province word stands by the name at text[start:end] (after it, also at the end of
    a list it opens; or before it, with a compass word, "countryside", "outskirts", "rural";
    or in the mention itself, "County of Brant"), and no "city" right after it."""
    if _CITY_AFTER.match(text, end):
        return False
    return bool(_PROVINCE_INSIDE.search(text, start, end) or _PROVINCE_AFTER.match(text, end)
                or _PROVINCE_BEFORE.search(text, max(0, start - 80), start))
