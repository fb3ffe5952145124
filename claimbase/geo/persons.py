"""Person entities that are place names: "Greer Station", "Historic Dublin", "Erie GM".

The statistical NER often labels a town's name followed by a generic word as a person. Such
an entity must neither hide the place inside it nor lend its last word to the document's
surnames (which would then block every other mention of the town: "Dublin" after "Historic
Dublin"). An entity counts as a place name when, after optional qualifiers ("Historic",
"N.W.", "Miss"), it opens with a town or area name the gazetteer knows exactly and every
word after that name is a number or a word no person's name has: a feature word naming a
part of the town and no common surname ("Station", "Twp."; not "Hill" or "Hall") or a
word of place_after_words.txt (institutions and groups of a town: "Council", "Elks").
The place taken is the town's name alone (the whole entity when the gazetteer knows it:
"Tennessee Colony").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from claimbase.config import word_list

if TYPE_CHECKING:
    from claimbase.geo.gazetteer import Gazetteer

_COMPASS_ABBR = re.compile(r"(?:[NSEW]\.){1,2}\Z")
_LEADS = frozenset({"historic", "miss", "small", "old", "downtown", "greater", "upper", "lower"})
# words that name a kind of area, never the place itself ("Region 1 Board")
_GENERIC = frozenset({"region", "district", "area", "division", "unit", "ward", "zone",
                      "sector", "state", "province", "metro"})
# feature words after a town's name that name a part of the town, and no common surname
_FEATURES = frozenset({"station", "county", "parish", "township", "twp", "airport",
                       "courthouse", "downtown"})


def _after_words() -> frozenset[str]:
    return word_list("place_after_words.txt")


def _non_name_word(tok: Any) -> bool:
    return tok.like_num or tok.text in _after_words() or tok.text.lower().rstrip(".") in _FEATURES \
        or tok.text in ("'s", "’s")


def place_led_persons(ents: list[Any], gaz: Gazetteer, label: str = "PERSON",
                      lower_words: set[str] | frozenset[str] = frozenset()
                      ) -> dict[tuple[int, int], tuple[int, int]]:
    """PERSON entities (or those of another `label`: "Belchertown State School" ORG) that
    are place names: their (start, end) character span -> the span of the place name to
    take from them. A name the text also writes in lower case (`lower_words`: "Old Time"),
    a common word or a generic feature word is no such place."""
    from claimbase.geo.geoparse import (
        _FEATURE_WORDS,
        _QUALIFIERS,
        _common_place_words,
        _weak_name,
        _whole_name,
    )

    out: dict[tuple[int, int], tuple[int, int]] = {}
    for ent in ents:
        if ent.label_ != label or not 1 < len(ent) <= 5:
            continue
        i = 0
        while i < len(ent) - 1 and (ent[i].lower_ in _QUALIFIERS or ent[i].lower_ in _LEADS
                                    or _COMPASS_ABBR.match(ent[i].text)):
            i += 1
        for k in range(len(ent) if i else len(ent) - 1, i, -1):  # "Historic Dublin" whole
            place = ent[i:k]
            rest = ent[k:]
            if not all(_non_name_word(t) for t in rest) or rest[:1].text in ("'s", "’s") \
                    or not place.text[:1].isupper() or len(place.text) < 3:
                continue
            if not all(t.is_title or t.is_upper for t in place) \
                    or place.text.lower() in lower_words or place.text in _common_place_words() \
                    or place.text.lower() in _FEATURE_WORDS or place.text.lower() in _GENERIC \
                    or (label != "PERSON" and all(t.like_num for t in rest)):
                continue  # "Church &", "Old Time", "University", "Region 1 Board"
            if not _whole_name(gaz, place.text) or _weak_name(gaz, place.text):
                continue
            out[(ent.start_char, ent.end_char)] = (place.start_char, place.end_char)
            break
    return out
