"""Derived regions named through a country: borders and national territory.

"the Syrian-Iraqi border", "the Syria-Iraq border", "the borders with Jordan", "the border
areas with Iraq", "the Turkish frontier" name a border
line (GUIDELINES §8: precision 3, no gazetteer point); "Syrian territory", "Syrian soil" and
"Iraqi land" name the country itself (a demonym alone is no place, but an event on a
country's soil takes the country); "the northern Iraqi territory" a derived region of it.
Demonyms and country names come from `data/states.tsv`.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from claimbase.config import DATA_DIR
from claimbase.first_chars import with_first_chars
from claimbase.geo.gazetteer import Gazetteer
from claimbase.record import Place

_DIRS = ("northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern"
         "|south-?western|central")


@lru_cache(maxsize=1)
def _states() -> tuple[dict[str, str], dict[str, str]]:
    """(demonym -> country name, lower-case country name -> country name)."""
    demonyms: dict[str, str] = {}
    names: dict[str, str] = {}
    with (DATA_DIR / "states.tsv").open(encoding="utf-8", newline="") as fh:
        rows = (line for line in fh if not line.startswith("#"))
        for row in csv.reader(rows, delimiter="\t"):
            if len(row) < 5 or not row[2]:
                continue
            name = row[2]
            names.setdefault(name.lower(), name)
            for dem in filter(None, row[4].split("|")):
                demonyms.setdefault(dem, name)
    return demonyms, names


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    demonyms, names = _states()
    dem = "|".join(sorted(map(re.escape, demonyms), key=len, reverse=True))
    cty = "|".join(sorted((re.escape(n) for n in names.values()), key=len, reverse=True))
    # a match starts with "the", a compass word or a demonym: the leading test spares the
    # engine trying every demonym at every word (the same matches, about three times faster)
    firsts = "".join(sorted({re.escape(d[0]) for d in demonyms}))
    by_demonym = re.compile(
        rf"\b(?=the\s|(?:{_DIRS})\s|[{firsts}])"
        rf"(?:the\s+)?(?:(?P<dir>{_DIRS})\s+)?(?P<d1>{dem})(?:\s*[-–]\s*(?P<d2>{dem}))?"
        rf"\s+(?P<kind>borders?|frontiers?|border\s+(?:areas?|region|line)|territory"
        rf"|territories|soil|land)\b(?!\s+(?:guards?|police|forces|troops|patrols?|officials?"
        rf"|borders?|mines?|routes?|reforms?|grabs?|rights?|owners?|ownership))")
    by_country = re.compile(
        rf"\b(?:the\s+)?(?:borders?|frontiers?)(?:\s+(?:fronts?|areas?|regions?|lines?|strips?"
        rf"|zones?))?\s+(?:with|between)\s+(?:the\s+)?(?P<c1>{cty})"
        rf"(?:\s+and\s+(?:the\s+)?(?P<c2>{cty}))?\b")
    # two country names joined by a hyphen or dash, as headlines write a border ("the
    # Syria-Iraq border", "the Turkey–Syria frontier")
    by_pair = re.compile(
        rf"\b(?:the\s+)?(?P<c1>{cty})\s*[-–]\s*(?P<c2>{cty})"
        rf"\s+(?:borders?|frontiers?|border\s+(?:areas?|region|line))\b")
    return by_demonym, by_country, by_pair


def _country_place(gaz: Gazetteer, name: str) -> Place | None:
    place = gaz.resolve(name)
    return place if place is not None and place.feature == "country" else None


def find_regions(text: str, gaz: Gazetteer) -> list[Place]:
    """Border and territory expressions of a text as places (borders without a point)."""
    demonyms, _names = _states()
    by_demonym, by_country, by_pair = _patterns()
    out: list[Place] = []
    for m in by_demonym.finditer(text):
        countries = [demonyms[d] for d in (m.group("d1"), m.group("d2")) if d]
        kind = m.group("kind").lower()
        start, end = m.start(), m.end()
        first = _country_place(gaz, countries[0])
        national = kind.startswith("territor") or kind in ("soil", "land")
        if national and len(countries) == 1 and first is not None:
            if m.group("dir"):
                out.append(Place(text=text[start:end], start=start, end=end,
                                 name=f"{m.group('dir').lower()} {first.name}",
                                 country=first.country, feature="region", precision=3))
            else:
                out.append(Place(text=text[start:end], start=start, end=end, name=first.name,
                                 gazetteer_id=first.gazetteer_id, lat=first.lat,
                                 lon=first.lon, country=first.country, feature="country",
                                 precision=3))
            continue
        if national:
            continue
        out.append(_border(text, start, end, countries, first))
    out.extend(_elided_borders(text, gaz, out))
    if "border" not in text and "frontier" not in text:
        return out  # both patterns below name a border or a frontier, in lower case
    for m in [*with_first_chars(by_country).finditer(text),
              *with_first_chars(by_pair).finditer(text)]:
        countries = [c for c in (m.group("c1"), m.group("c2")) if c]
        out.append(_border(text, m.start(), m.end(), countries,
                           _country_place(gaz, countries[0])))
    return out


@lru_cache(maxsize=1)
def _pair_before_and() -> re.Pattern:
    """"the Syrian-Israeli and " right before a border expression."""
    demonyms, _names = _states()
    dem = "|".join(sorted(map(re.escape, demonyms), key=len, reverse=True))
    return re.compile(rf"\b(?:the\s+)?(?P<d1>{dem})\s*[-–]\s*(?P<d2>{dem})\s+(?:and|or)\s+\Z")


def _elided_borders(text: str, gaz: Gazetteer, found: list[Place]) -> list[Place]:
    """The first of two coordinated border pairs whose noun is written once: "the
    Syrian-Israeli and the Syrian-Iraqi borders" names two borders."""
    demonyms, _names = _states()
    pair = _pair_before_and()
    out = []
    for border in found:
        if border.feature != "border":
            continue
        m = pair.search(text, max(0, border.start - 60), border.start)
        if m is not None:
            countries = [demonyms[m.group("d1")], demonyms[m.group("d2")]]
            end = m.end("d2")
            out.append(_border(text, m.start(), end, countries,
                               _country_place(gaz, countries[0])))
    return out


def _border(text: str, start: int, end: int, countries: list[str],
            first: Place | None) -> Place:
    name = " - ".join(countries) + " border"
    return Place(text=text[start:end], start=start, end=end, name=name,
                 country=first.country if first else None, feature="border", precision=3)


__all__ = ["find_regions"]
