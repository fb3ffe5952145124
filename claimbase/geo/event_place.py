"""The event place of a short report (a headline) that names several places.

A headline often joins several incidents ("clashes in X and shells target Y, casualties
in Z"); a dataset coding one event from it (UCDP GED) codes the deadliest. Among the
resolved places below country level that are not part of an actor's name nor a river:
those in the headline's main country first (a namesake abroad is a misreading), then those
not named as where people came from or a distance is counted from ("a fighter of X":
origin_people_words.txt; "casualties from X", "10 km away from X"), then the one most of the others lie near (a headline listing
"Aleppo ... Khan Tuman" is about that area), then one in a clause that reports deaths or
injuries (casualty_words.txt) and is not told as where the victims came from ("casualties
from Banyas city"), then one in a clause that does not only report bombardment
(bombardment_words.txt without fighting_words.txt: "shells target Y" tells no event of its
own as surely as "clashes in X"), towns and sites before wider areas, earlier first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from claimbase.config import word_list
from claimbase.geo.gazetteer import RULER_COUNTRIES, haversine_km
from claimbase.record import Document, Place

_NOT_EVENT_PLACE = frozenset({"country", "continent", "river", "water"})

# where a headline's clauses part: ";", "…", ", ", "and" before a lower-case word or a
# number ("clashes in X and shelling on Y", not "Idlib and Hama"), "amid", "after", "while"
_CLAUSE_BREAK = re.compile(r";|…|\.\.\.|,\s|\s+and\s+(?=(?:the\s+)?[a-z\d])"
                           r"|\s+(?:amid|after|while|as|in conjunction with|with)\s+")


@lru_cache(maxsize=8)
def words_re(name: str) -> re.Pattern:
    """A case-insensitive pattern of a word list in claimbase/data (a trailing `*` matches
    any ending)."""
    alts = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w)
                    for w in sorted(word_list(name)))
    return re.compile(rf"\b(?:{alts})\b", re.IGNORECASE)


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a headline."""
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def casualty_clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a headline that report deaths or injuries."""
    rx = words_re("casualty_words.txt")
    return [(a, b) for a, b in clauses(text) if rx.search(text, a, b)]


def bombardment_clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses that only report bombardment ("shells target X"): a
    bombardment word and no fighting or casualty word."""
    shelled, fought = words_re("bombardment_words.txt"), words_re("fighting_words.txt")
    toll = words_re("casualty_words.txt")
    return [(a, b) for a, b in clauses(text) if shelled.search(text, a, b)
            and not fought.search(text, a, b) and not toll.search(text, a, b)]


# "fighters from X", "casualties from the countryside of X": the victims' origin, not the
# scene ("from X to Y" is a route)
_ORIGIN_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[a-z]+\s+)?(?:(?:countryside|city|town|village"
                            r"|province|governorate)\s+of\s+(?:the\s+)?)?\Z", re.IGNORECASE)
_ROUTE_AFTER = re.compile(r"[\w’'‘-]*\s+(?:to|towards?|into)\b", re.IGNORECASE)


def told_as_origin(text: str, start: int, end: int) -> bool:
    """The place is where people came from ("fighters from X"), not a route's start."""
    return bool(_ORIGIN_BEFORE.search(text, max(0, start - 50), start)) \
        and not _ROUTE_AFTER.match(text, end)


@lru_cache(maxsize=1)
def _people_origin_re() -> re.Pattern:
    """People nouns (origin_people_words.txt) and "of" right before a place."""
    alts = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w)
                    for w in sorted(word_list("origin_people_words.txt")))
    return re.compile(rf"\b(?:{alts})\s+of\s+(?:the\s+)?(?:[a-z]+\s+)?"
                      r"(?:(?:countryside|city|town|village|province|governorate)\s+of\s+"
                      r"(?:the\s+)?)?\Z", re.IGNORECASE)


def people_from(text: str, start: int, end: int) -> bool:
    """The place is named as where people come from ("a fighter of X", "residents of X"; with
    "from", `told_as_origin`), not a route's start ("fighters of X to Y")."""
    return bool(_people_origin_re().search(text, max(0, start - 60), start)) \
        and not _ROUTE_AFTER.match(text, end)


def main_country(places: list[Any]) -> str | None:
    """The country most of the resolved places lie in (a country or province named counts
    twice); a tie goes to the conflict region the gazetteer's prior favours."""
    votes: dict[str, int] = {}
    for p in places:
        if p.country:
            votes[p.country] = votes.get(p.country, 0) + (
                2 if p.feature in ("country", "admin1") else 1)
    if not votes:
        return None
    top = max(votes.values())
    best = [c for c, v in votes.items() if v == top]
    return next((c for c in best if c in RULER_COUNTRIES), best[0])


def headline_place(doc: Document, place_for: Callable[..., Any]) -> Place | None:
    """The headline's event place (see the module docstring); else any resolved place, else
    what `place_for` finds over the whole text."""
    from claimbase.geo.geoparse import usable_places

    resolved = [p for p in usable_places(doc) if p.lat is not None]
    local = [p for p in resolved if p.feature not in _NOT_EVENT_PLACE]
    if not local:
        return resolved[0] if resolved else place_for(doc, 0, len(doc.text), 0)
    main = main_country(resolved)
    tolls = casualty_clauses(doc.text)
    shelled = bombardment_clauses(doc.text)

    def rank(i: int) -> tuple:
        p = local[i]
        near = sum(1 for q in local if q is not p
                   and haversine_km(p.lat, p.lon, q.lat, q.lon) <= 60)
        toll = any(a <= p.start < b for a, b in tolls) \
            and not told_as_origin(doc.text, p.start, p.end)
        only_shelled = any(a <= p.start < b for a, b in shelled)
        came_from = people_from(doc.text, p.start, p.end) \
            or told_as_origin(doc.text, p.start, p.end)
        return (p.country != main, came_from, -near, not toll, only_shelled,
                p.precision not in (1, 2), i)
    return local[min(range(len(local)), key=rank)]
