"""Dotted abbreviations of large cities: "L.A.", "Phila.".

Local news writes a big city's name as a dotted abbreviation, in headlines above all
("Phila. officer charged", "Nurturing South L.A."). The NER seldom labels these, and the
gazetteer matcher takes only full names. A dotted token the gazetteer knows exactly as
another name of a city of 100,000 or more is a mention: one of several letters ("L.A."), or a
cut word ("Phila.") that is not the city's own name and is not a sentence's last word
("… in Paris.", "… said Logan.").
"""

from __future__ import annotations

import re

from claimbase.first_chars import with_first_chars
from claimbase.geo.gazetteer import Gazetteer
from claimbase.geo.translit import norm

_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z][a-z]{0,4}\.){1,3}(?=[\s,;:'’)]|\Z)")
# after a cut word: the sentence goes on in lower case or with punctuation
_GOES_ON = re.compile(r"[ \t]*(?:[a-z]|[,;:'’)])")
_CITY_FEATURES = frozenset({"city", "capital"})
_LARGE = 100_000


def city_abbreviation_spans(text: str, gaz: Gazetteer) -> list[tuple[int, int, int]]:
    """(start, end, priority) of the dotted abbreviations of large cities in the text."""
    if "." not in text:
        return []
    out = []
    for m in with_first_chars(_DOTTED).finditer(text):
        token = m.group()
        if len(token) < 4 or not gaz.has_name(token):
            continue
        cands = [c for c in gaz.candidates(token)[:5] if c.match == "exact"]
        if not cands or cands[0].feature not in _CITY_FEATURES or cands[0].population < _LARGE:
            continue
        if token.count(".") == 1 and (norm(cands[0].name) == norm(token)
                                      or not _GOES_ON.match(text, m.end())):
            continue  # "Paris." ends a sentence
        out.append((m.start(), m.end(), 3))
    return out


__all__ = ["city_abbreviation_spans"]
