"""Short forms of admin areas a story names in full: "Gwinnett" after "Gwinnett County".

Local news writes a county's full name once ("Clarke County schools") and then its bare
name ("While Clarke and Oconee update their policies", "DuPage Sheriff John Zaruba"). The
bare word is rarely a town the gazetteer knows, so it is missed or resolved far away. When a
document names "X County" (or "X Parish"), every other capitalised "X" standing alone in it
is read as that area and looked up by its full name, unless the word is part of a person's
name or a longer capitalised name, is also used as a common word, or is the name of a
sizeable town (bare "Lancaster" next to "Lancaster County" is usually the city).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from claimbase.geo.gazetteer import Gazetteer

# "Gwinnett County", "Avoyelles Parish", "Prince William County": the full name in the text
_FULL = re.compile(r"(?<![\w.'’-])(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[ \t][A-Z][a-z]+)?)"
                   r"[ \t](?P<kind>County|Parish)\b")
# a designator or abbreviation right after the bare word: the full form, handled elsewhere
_DESIGNATOR_AFTER = re.compile(r"[ \t]+(?:County|Counties|Parish|Parishes|Co\.|Township|"
                               r"City|Town|Village|Borough)\b")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’.]*[ \t]+\Z")  # "North Platte", "City Hall"
_TOWN_FEATURES = frozenset({"city", "capital", "town", "village"})
# a town this big with the bare name is read first (the city of Lancaster, not the county)
TOWN_POPULATION = 10_000


def full_admin_names(text: str, gaz: Gazetteer) -> dict[str, str]:
    """Bare name -> full name for each county or parish the text names in full and the
    gazetteer knows ("Clarke" -> "Clarke County")."""
    out: dict[str, str] = {}
    if "County" not in text and "Parish" not in text:
        return out
    for m in _FULL.finditer(text):
        name, full = m.group("name"), m.group(0)
        if name in out or not gaz.has_name(full):
            continue
        if any(c.match == "exact" and c.feature == "admin2" for c in gaz.candidates(full)[:10]):
            out[name] = full
    return out


def _sizeable_town(gaz: Gazetteer, name: str) -> bool:
    return any(c.match == "exact" and c.feature in _TOWN_FEATURES
               and c.population >= TOWN_POPULATION for c in gaz.candidates(name)[:20])


def county_short_forms(text: str, gaz: Gazetteer, person_words: set[str],
                       lower_words: set[str]) -> dict[tuple[int, int], str]:
    """Spans of bare county names ("Gwinnett") in a text that names the county in full
    ("Gwinnett County"), mapped to the full name to look up. `person_words` are the words
    of the story's person names, `lower_words` its lower-case words."""
    out: dict[tuple[int, int], str] = {}
    fulls = full_admin_names(text, gaz)
    for name, full in fulls.items():
        if " " in name or name in person_words or name.lower() in lower_words \
                or len(name) < 4 or _sizeable_town(gaz, name):
            continue
        for m in re.finditer(rf"(?<![\w.'’])({re.escape(name)})(?![\w’-]|'\w)", text):
            start, end = m.span(1)
            if _DESIGNATOR_AFTER.match(text, end):
                continue  # the full form ("Clarke County"): already a mention
            if (cap := _CAPITAL_BEFORE.search(text, max(0, start - 40), start)) and not \
                    _function_word(cap.group().split()[0], lower_words):
                continue  # part of a longer name ("North Platte"), not "While Clarke"
            out[(start, end)] = full
    return out


def _function_word(word: str, lower_words: set[str]) -> bool:
    """A capitalised word that opens a sentence but is no name ("While", "In"): a stop word,
    or one the story also writes in lower case, and no compass word."""
    low = word.lower()
    return (low in STOP_WORDS or low in lower_words) and low not in _COMPASS


_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                      "southwest", "upper", "lower", "new", "old", "central", "greater"})


_COUNTIES_WORD = re.compile(r"\b(?:counties|parishes)\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_LIST_NAME = re.compile(r"(?<![\w.'’-])(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[ \t][A-Z][a-z]+)?)"
                        r"(?=[ \t]*(?:[,;”\"’)–—]|\band\b|\bor\b|\bto\b|[.!?]|\Z|[ \t]+counties\b"
                        r"|[ \t]+parishes\b))")


def listed_counties(text: str, gaz: Gazetteer, person_words: set[str],
                    lower_words: set[str]) -> dict[tuple[int, int], str]:
    """Bare names listed in a sentence about counties ("the three largest counties: Douglas,
    Lancaster and Sarpy", "from Ellsworth to Riley counties"), mapped to the full name to look
    up: at least two listed names must be counties ("X County" or "X Parish") of one state."""
    out: dict[tuple[int, int], str] = {}
    done: set[int] = set()
    for hit in _COUNTIES_WORD.finditer(text):
        ends = [m.start() for m in _SENTENCE_END.finditer(text, max(0, hit.start() - 300),
                                                           hit.start())]
        lo = ends[-1] + 1 if ends else max(0, hit.start() - 300)
        end = _SENTENCE_END.search(text, hit.end())
        hi = end.start() if end else len(text)
        if lo in done:
            continue
        done.add(lo)
        word = "Parish" if text[hit.start():hit.end()] == "parishes" else "County"
        found: list[tuple[int, int, str, set]] = []
        for m in _LIST_NAME.finditer(text, lo, hi):
            name = m.group("name")
            if name in person_words or name.lower() in lower_words or len(name) < 4 \
                    or name.lower() in STOP_WORDS:
                continue
            full = f"{name} {word}"
            if not gaz.has_name(full):
                continue
            states = {c.admin1 for c in gaz.candidates(full)[:20]
                      if c.match == "exact" and c.feature == "admin2" and c.admin1}
            if states:
                found.append((m.start("name"), m.end("name"), full, states))
        if len(found) < 2:
            continue
        shared = set.intersection(*(f[3] for f in found))
        if shared:
            out.update({(a, b): full for a, b, full, _s in found})
    return out
