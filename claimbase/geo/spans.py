"""Repairs of place mentions whose span the gazetteer does not know as a whole.

The statistical NER sometimes glues two names or a name and a few words into one place
span; such a span finds no reading and the place is lost. This pass runs after the
geoparser has found its mentions and touches only spans with no exact reading:

- two places joined by a hyphen ("Greenbrier-Pocahontas County", "Logan-Rogersville")
  become two mentions, each taking the longest name the gazetteer knows at its start
  ("Watertown-Mayer Lutheran Royals" -> "Watertown", "Mayer");
- "<designator> of <place>" ("Port of Los Angeles", "Town of Groton", "Province of
  Ontario") keeps its span and is looked up by the place after "of"; any other "<words>
  of <place>" ("Battle of Richmond") and "<place> <connector> <place>" ("Soviet Union for
  America") are cut to the known names;
- trailing lower-case words ("Nice of", "Delaware Bay beach") leave the span;
- an abbreviated compass point or a demonym before a name ("W. Columbia", "N.W. Rochester",
  "the Syrian Albukamal") keeps its span and is looked up by the name.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from claimbase.first_chars import with_first_chars
from claimbase.geo.regions import _states

if TYPE_CHECKING:
    from claimbase.geo.gazetteer import Gazetteer
    from claimbase.geo.geoparse import Mention

# designators that, before "of", make one name with the place after it
_OF_DESIGNATORS = frozenset({
    "port", "town", "city", "village", "borough", "township", "county", "province", "state",
    "commonwealth", "district", "municipality", "parish", "region", "republic", "kingdom",
    "island", "isle", "islands", "gulf", "bay", "lake", "strait", "straits", "sea"})
_COMPASS = re.compile(r"(?:[NSEW]\.){1,2}[ \t]*(?=[A-Z])")
_HYPHEN = re.compile(r"(?<=[a-z.])[-–](?=[A-Z])")
_CONNECTOR = re.compile(r"[ \t]+(?:for|and|to|from|in|of|at|or|&)[ \t]+")
_TRAILING_LOWER = re.compile(
    r"(?:[ \t]+(?!(?:al|el|ad|as|ar|ash|az|an|at|ed|es|ez|ul|bin|ibn|de|del|la|le|du|des|di"
    r"|da|do|dos|das|van|von|der|den|y|e)\b)[a-z][\w'’]*)+\Z")
_WORDS = re.compile(r"\S+")


def _known(gaz: Gazetteer, name: str) -> bool:
    """The gazetteer knows the name exactly, and not only as a zip-code hamlet."""
    if len(name) < 3 or not name[:1].isupper() or not gaz.has_name(name):
        return False
    exact = [c for c in gaz.candidates(name)[:10] if c.match == "exact"]
    return any(not (c.feature == "locality" and (c.gid or "").startswith("zip:"))
               for c in exact)


def _longest_known_prefix(gaz: Gazetteer, text: str, start: int, end: int
                          ) -> tuple[int, int] | None:
    """The longest run of words from `start` that the gazetteer knows as a name."""
    words = list(_WORDS.finditer(text[start:end]))
    for n in range(len(words), 0, -1):
        e = start + words[n - 1].end()
        while e > start and text[e - 1] in ",;:)\"'”’":
            e -= 1
        if _known(gaz, text[start:e]):
            return start, e
    return None


def _split(gaz: Gazetteer, text: str, m: Mention, cuts: list[tuple[int, int]]
           ) -> list[Mention]:
    """The known names at the start of each part of the span between `cuts`."""
    parts, pos = [], m.start
    for a, b in cuts:
        parts.append((pos, a))
        pos = b
    parts.append((pos, m.end))
    out = []
    for a, b in parts:
        hit = _longest_known_prefix(gaz, text, a, b)
        if hit is not None:
            out.append(replace(m, start=hit[0], end=hit[1], text=text[hit[0]:hit[1]],
                               lookup=None, precision=None, expr_start=None, expr_end=None))
    return out


def _repair(gaz: Gazetteer, text: str, m: Mention) -> list[Mention] | None:
    """The repaired mentions for one unknown span, or None to keep it as it is."""
    span = m.text
    trail = _TRAILING_LOWER.search(span)
    if trail is not None and trail.start() > 0:
        cut = replace(m, end=m.start + trail.start(), text=span[:trail.start()])
        if _known(gaz, cut.text):
            return [cut]
        return _repair(gaz, text, cut) or None
    first, _sp, rest = span.partition(" ")
    if rest and first in _states()[0] and rest[:1].isupper() and any(
            c.match in ("exact", "fold") for c in gaz.candidates(rest)[:5]):
        return [replace(m, lookup=rest)]  # "the Syrian Albukamal"
    comp = _COMPASS.match(span)
    if comp is not None and _known(gaz, span[comp.end():]):
        return [replace(m, lookup=span[comp.end():])]
    of = re.search(r"[ \t]+of[ \t]+(?:the[ \t]+)?", span)
    if of is not None and " of " not in span[of.end():]:
        rest = span[of.end():]
        head = span[:of.start()].split()
        if _known(gaz, rest):
            if head and head[-1].lower() in _OF_DESIGNATORS:
                return [replace(m, lookup=rest)]
            s = m.start + of.end()
            return [replace(m, start=s, text=rest, lookup=None, precision=None)]
    if _HYPHEN.search(span):
        if any(len(part.split()[0]) < 4 for part in _HYPHEN.split(span)):
            return None  # "Wal-Mart", "Al-Qaeda": one word, not two places
        cuts = [(m.start + h.start(), m.start + h.end()) for h in _HYPHEN.finditer(span)]
        return _split(gaz, text, m, cuts) or None
    conn = [(m.start + c.start(), m.start + c.end()) for c in _CONNECTOR.finditer(span)]
    if conn:
        parts = _split(gaz, text, m, conn)
        if len(parts) == len(conn) + 1:
            return parts
    return None


def repair_mentions(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The mentions with glued or padded spans the gazetteer does not know repaired (a name
    it knows in another spelling, "Jisr al-Shughur", is not glued)."""
    out: list[Mention] = []
    changed = False
    for m in mentions:
        if m.lookup is not None or m.modifier or gaz.has_name(m.text) \
                or any(c.match == "fold" for c in gaz.candidates(m.text)):
            out.append(m)
            continue
        fixed = _repair(gaz, text, m)
        if fixed is None:
            out.append(m)
        else:
            out.extend(fixed)
            changed = True
    return sorted(out, key=lambda x: x.start) if changed else out


# ", Oklahoma", ", Ky", ", N.Y.", ", Calif.", ", New Brunswick" after a capitalised name
_STATE_AFTER = re.compile(r",[ \t]*(?P<state>(?:[A-Z]\.){2,3}|[A-Z][a-z]{1,4}\.(?:[A-Z][a-z]{1,3}\.)?"
                          r"|[A-Z]{2}(?![\w.])|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)")
_NAME_BEFORE = re.compile(r"(?<![\w.'’-])(?P<name>[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2})\Z")
_AREA_FEATURES = frozenset({"admin1", "country"})


def _area_reading(gaz: Gazetteer, name: str) -> tuple[str, str | None] | None:
    """(country, admin1) when the name's first exact reading is a state or a country."""
    if not gaz.has_name(name):
        return None
    exact = [c for c in gaz.candidates(name)[:3] if c.match == "exact"]
    if not exact or exact[0].feature not in _AREA_FEATURES or not exact[0].country:
        return None
    return exact[0].country, exact[0].admin1 if exact[0].feature == "admin1" else None


def town_state_spans(text: str, gaz: Gazetteer) -> list[tuple[int, int, int]]:
    """"Town, State" pairs ("Hugo, Oklahoma", "Churchill, Man.", "Lanexa, Va."): the town's
    name and the state's are places when the gazetteer knows the town exactly in that state
    or country, whatever the NER took them for."""
    out: list[tuple[int, int, int]] = []
    for m in _STATE_AFTER.finditer(text):
        state, s_start = m.group("state"), m.start("state")
        area = _area_reading(gaz, state)
        if area is None and " " in state:
            state = state.split()[0]
            area = _area_reading(gaz, state)
        if area is None:
            continue
        if state.endswith(".") and any(c.match == "exact" and c.name == state[:-1]
                                       for c in gaz.candidates(state[:-1])[:1]):
            state = state[:-1]  # "Utah." ends a sentence; "Calif." is the abbreviation
        country, admin1 = area
        before = _NAME_BEFORE.search(text, max(0, m.start() - 50), m.start())
        if before is None:
            continue
        words = list(_WORDS.finditer(before.group("name")))
        for k in range(len(words)):
            start = before.start("name") + words[k].start()
            name = text[start:m.start()]
            if len(name) < 3 or name == state or not gaz.has_name(name):
                continue
            if any(c.match == "exact" and c.country == country
                   and (admin1 is None or c.admin1 == admin1) and c.feature not in _AREA_FEATURES
                   for c in gaz.candidates(name)[:20]):
                out.append((start, m.start(), 3))
                out.append((s_start, s_start + len(state), 3))
                break
    return out


# "drove to Lanexa", "a trip to Cancun", "moved from Grant County to Nitro": a name after a
# verb or noun of going and "to" is where someone goes
_MOTION_TO = re.compile(
    r"\b(?:dr[io]ve|driven|driving|went|go|goes|going|gone|travel(?:l?ed|l?ing|s)?|trips?|flew"
    r"|fly|flying|flights?|mov(?:ed|es?|ing)|return(?:ed|s|ing)?|head(?:ed|ing|s)|came|com(?:e|es"
    r"|ing)|relocat(?:ed|ing)|transport(?:ed|ing)|transferred|airlifted|evacuated|fled|walked"
    r"|rode|commut(?:ed|es?|ing)|deported|extradited|journey|drive|way|back)"
    r"[ \t]+(?:\w+[ \t]+){0,3}?to[ \t]+(?P<name>[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2})")


def motion_spans(text: str, gaz: Gazetteer, lower_words: set[str]) -> list[tuple[int, int, int]]:
    """Names the gazetteer knows exactly as a town's or an area's after a verb of going and
    "to" ("drove Moore and Greene to Lanexa"; a zip-code hamlet needs its state named)."""
    from claimbase.geo.geoparse import _state_named, _weak_name, _whole_name

    out: list[tuple[int, int, int]] = []
    for m in with_first_chars(_MOTION_TO).finditer(text):
        start = m.start("name")
        words = list(_WORDS.finditer(m.group("name")))
        for n in range(len(words), 0, -1):
            end = start + words[n - 1].end()
            while end > start and text[end - 1] in ".,;:'’" and not text[start:end].endswith(
                    ("Va.", "Pa.", "Md.", "Ky.", "D.C.")):
                end -= 1
            name = text[start:end]
            if len(name) < 3 or (" " not in name and name.lower() in lower_words):
                continue
            if _whole_name(gaz, name) and not (
                    _weak_name(gaz, name) and not _state_named(text, gaz, name)):
                out.append((start, end, 1))
                break
    return out
