"""Names a lower-case settlement designator introduces: "the towns of Haris and Varzaqan",
"the small village of Flumeri", "the villages of Kafr Nabl, Hass and Maarat".

After "town(s)/village(s)/cities/hamlets/… of" every capitalised name of the list that the
gazetteer knows exactly as a town (or a district) is a place, whatever label the NER gave
it: such lists are often read as one organisation ("Haris and Varzaqan" ORG) and unfamiliar
village names as nationalities ("Flumeri" NORP). The designator is also evidence enough for
a one-word hamlet whose state the story does not name (`designated_spans` returns the spans
for `find_mentions` to trust).
"""

from __future__ import annotations

import re
from typing import Any

from claimbase.geo.translit import NAME_WORD

_KIND = (r"towns?|villages?|cit(?:y|ies)|hamlets?|townships?|communit(?:y|ies)|suburbs?"
         r"|settlements?|municipalit(?:y|ies)|boroughs?|localit(?:y|ies)|districts?"
         r"|neighbou?rhoods?|ports?")
_NAME = rf"{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}}"
_SEP = r"(?:,[ \t]+(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)"
# lower-case designator (a capitalised one is part of a name: "City of Norfolk")
_DESIGNATED = re.compile(
    rf"(?<![\w-])(?:{_KIND})[ \t]+of[ \t]+(?:the[ \t]+)?(?P<list>{_NAME}(?:{_SEP}{_NAME})*)")
_ITEM = re.compile(_NAME)
_WORDS = re.compile(r"\S+")
# readings that count: a settlement or a district, not a country or a state
_SETTLEMENTS = frozenset({"city", "town", "village", "locality", "capital", "admin2",
                          "neighbourhood"})
_NOT_NAMES = frozenset({"The", "A", "An", "This", "That", "These", "Those", "His", "Her",
                        "Their", "Its", "Our", "My", "Your"})


def _settlement(gaz: Any, name: str) -> bool:
    """The gazetteer knows `name` exactly as a town or a district."""
    if not gaz.has_name(name):
        return False
    return any(c.match == "exact" and c.feature in _SETTLEMENTS
               for c in gaz.candidates(name)[:20])


def designated_spans(text: str, gaz: Any) -> list[tuple[int, int, int]]:
    """(start, end, priority) of every known town named in a designator's list."""
    if " of " not in text:
        return []
    out: list[tuple[int, int, int]] = []
    for m in _DESIGNATED.finditer(text):
        for item in _ITEM.finditer(text, m.start("list"), m.end("list")):
            words = list(_WORDS.finditer(item.group()))
            if words[0].group() in _NOT_NAMES:
                continue
            for n in range(len(words), 0, -1):  # the longest known name first
                start, end = item.start(), item.start() + words[n - 1].end()
                name = text[start:end]
                if len(name) >= 3 and _settlement(gaz, name):
                    out.append((start, end, 3))
                    break
    return out

