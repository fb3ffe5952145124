"""Places named without a place name: agreement zones and "the capital".

"the “Putin – Erdogan” area" or "the Russian-Turkish demilitarized zone" name a curated
region (`data/place_zone_phrases.tsv` maps each phrase to its gazetteer entry); "the capital"
in a document about one country is that country's capital ("shells on the capital and its
suburbs" in a Syrian report is Damascus).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import replace
from datetime import date
from functools import lru_cache

from claimbase.config import DATA_DIR
from claimbase.first_chars import with_first_chars
from claimbase.geo.gazetteer import Gazetteer
from claimbase.record import Place

_QUOTE = r"[“”\"'‘’]"


@lru_cache(maxsize=1)
def _zone_phrases() -> tuple[tuple[str, date | None, re.Pattern], ...]:
    """(gazetteer id, valid from, pattern) rows of place_zone_phrases.tsv."""
    with (DATA_DIR / "place_zone_phrases.tsv").open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")),
                              delimiter="\t")
        return tuple((r["site"], date.fromisoformat(r["from"]) if r.get("from") else None,
                      with_first_chars(re.compile(r["pattern"].replace("Q", _QUOTE),
                                                  re.IGNORECASE)))
                     for r in rows)


def find_zones(text: str, gaz: Gazetteer, ref: date | None = None) -> list[Place]:
    """Agreement zones named by their parties, as places of their curated entries; a phrase
    valid only from some day names its zone only in a document dated (`ref`) since then."""
    out: list[Place] = []
    for gid, valid_from, rx in _zone_phrases():
        if valid_from is not None and (ref is None or ref < valid_from):
            continue
        for m in rx.finditer(text):
            if any(p.start < m.end() and m.start() < p.end for p in out):
                continue
            cand = gaz.get(gid)
            if cand is not None:
                out.append(cand.to_place(text[m.start():m.end()], m.start(), m.end()))
    return out


# "the capital" not followed by its own name or "of X" ("the capital Damascus", "the capital
# of Iraq"): the capital of the country the document is about
_CAPITAL = re.compile(r"\bthe\s+capital\b(?!\s+(?:of\b|city\b|[A-Z]))(?!-)")


def capital_of(gaz: Gazetteer, country: str) -> Place | None:
    """The national capital of a country (ISO2) in the gazetteer, if it has one."""
    key = (id(gaz), country)
    if key not in _CAPITALS:
        _CAPITALS[key] = _capital_uncached(gaz, country)
    return _CAPITALS[key]


_CAPITALS: dict[tuple[int, str], Place | None] = {}


def _capital_uncached(gaz: Gazetteer, country: str) -> Place | None:
    row = gaz.con.execute("SELECT gid FROM places WHERE feature = 'capital' AND country = ? "
                          "ORDER BY population DESC LIMIT 1", (country,)).fetchone()
    cand = gaz.get(row[0]) if row else None
    return cand.to_place() if cand is not None else None


def find_capital(text: str, gaz: Gazetteer, places: list[Place], votes: Counter) -> list[Place]:
    """"the capital" as the capital of the document's country: the one its places lie in
    (a country or admin-1 area named counts twice) together with its actors' countries;
    nothing when no country stands out."""
    matches = list(with_first_chars(_CAPITAL).finditer(text))
    if not matches:
        return []
    tally = Counter(votes)
    for p in places:
        if p.country and p.lat is not None:
            tally[p.country] += 2 if p.feature in ("country", "admin1") else 1
    top = tally.most_common(2)
    if not top or top[0][1] <= 0 or (len(top) > 1 and top[1][1] == top[0][1]):
        return []
    capital = capital_of(gaz, top[0][0])
    if capital is None:
        return []
    out = []
    for m in matches:
        s, e = m.end() - len("capital"), m.end()
        if not any(p.start < e and s < p.end for p in places):
            out.append(replace(capital, text=text[s:e], start=s, end=e))
    return out


__all__ = ["find_zones", "find_capital", "capital_of"]
