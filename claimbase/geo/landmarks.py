"""Well-known landmarks a story names as a scene: "shots on the Champs-Élysées", "attacks
at the Stade de France", "a ceremony at the White House".

The gazetteer holds towns, admin areas and curated conflict sites, not the famous buildings,
streets and squares of the world's capitals; the NER calls them organisations or nothing,
and a name such as "Stade de France" is otherwise read by the country inside it. The names
and rough points come from `data/place_landmarks.tsv`, written from general knowledge. A
name that mostly stands for an institution ("the White House said", "White House
officials") is a place only after a locative preposition and an article ("in the White
House"), not as a modifier ("at a White House meeting", "the White House press office").
A landmark takes over the place mentions inside it ("France" of "Stade de France").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimbase.config import word_list
from claimbase.record import Place

LANDMARK_FEATURE = "site"
_LOCATIVE = re.compile(r"\b(?:at|in|inside|outside|near|to|into|from|on|toward|towards"
                       r"|around|across|onto|behind|beside)[ \t]+the[ \t]+\Z", re.IGNORECASE)
# what may not follow a name: a word of a longer name, a hyphenated compound, a possessive
# of an institution ("White House's decision" is checked by its use)
_AFTER_NAME = re.compile(r"[ \t]*(?:[A-Z][a-z]|[-‐][A-Za-z])")
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True, slots=True)
class Landmark:
    """One row of place_landmarks.tsv."""

    name: str
    lat: float
    lon: float
    country: str
    locative: bool  # a place only after "at/in/… the"


@cache
def _table() -> tuple[dict[str, Landmark], re.Pattern[str] | None]:
    """Every spelling -> its landmark, and one pattern matching any spelling."""
    by_name: dict[str, Landmark] = {}
    for line in word_list("place_landmarks.tsv"):
        name, others, lat, lon, country, use = line.split("\t")
        mark = Landmark(name, float(lat), float(lon), country, use.strip() == "locative")
        for spelling in [name, *filter(None, others.split("|"))]:
            by_name[spelling] = mark
    if not by_name:
        return by_name, None
    alts = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    return by_name, re.compile(rf"(?<![\w'’-])(?:{alts})(?![\w-])")


def _modifier(sdoc: Any, start: int, end: int) -> bool:
    """The name modifies a noun after it ("White House officials"): its last token is a
    compound or an adjectival modifier in the parse."""
    if sdoc is None:
        return False
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[-1].dep_ in ("compound", "amod", "nmod")


def landmark_spans(text: str, sdoc: Any = None) -> list[tuple[int, int, Landmark]]:
    """(start, end, landmark) of every landmark `text` names as a place."""
    by_name, pattern = _table()
    if pattern is None:
        return []
    out: list[tuple[int, int, Landmark]] = []
    for m in pattern.finditer(text):
        mark = by_name[m.group()]
        if _AFTER_NAME.match(text, m.end()):
            continue  # "Times Square Alliance", "White House-backed"
        if mark.locative and (
                not _LOCATIVE.search(text, max(0, m.start() - 20), m.start())
                or _POSSESSIVE.match(text, m.end()) or _modifier(sdoc, m.start(), m.end())):
            continue  # "the White House said", "at a White House meeting"
        out.append((m.start(), m.end(), mark))
    return out


def with_landmarks(text: str, places: list[Place], sdoc: Any = None) -> list[Place]:
    """`places` with the landmarks of `text` added, each replacing the mentions inside it."""
    found = landmark_spans(text, sdoc)
    if not found:
        return places
    kept = [p for p in places
            if not any(a < p.end and p.start < b for a, b, _mark in found)]
    marks = [Place(text=text[a:b], start=a, end=b, name=mark.name, lat=mark.lat,
                   lon=mark.lon, country=mark.country, feature=LANDMARK_FEATURE, precision=1)
             for a, b, mark in found]
    return sorted(kept + marks, key=lambda p: (p.start, -p.end))
