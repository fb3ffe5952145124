"""Name parts that decide a mention's reading, found outside the main recognition pass.

- an upper-case county dateline with its designator ("PLYMOUTH CO. -", "LOGAN COUNTY —"),
- a country's initials in capitals in running text ("US intelligence"), not the pronoun "us",
- the area code of a phone number right after a town ("in Huntington at 304-399-6500") as the
  town's state.
"""

from __future__ import annotations

import re
from typing import Any

from claimbase.geo.gazetteer import Gazetteer
from claimbase.geo.phones import phone_state_after

# "PLYMOUTH CO. -", "LOGAN COUNTY —": an upper-case dateline's county
_COUNTY_CAPS = re.compile(r"(?<![\w.])(?P<name>[A-Z]{3,}(?:[ \t][A-Z]{2,})?)[ \t]"
                          r"(?:CO\.|COUNTY\b|PARISH\b)")


def capital_county_names(text: str, gaz: Gazetteer) -> dict[tuple[int, int], str]:
    """Upper-case county names with their designator ("PLYMOUTH CO.", "LOGAN COUNTY"),
    mapped to the name to look up ("Plymouth County") when the gazetteer knows it."""
    out: dict[tuple[int, int], str] = {}
    if " CO." not in text and " COUNTY" not in text and " PARISH" not in text:
        return out
    for m in _COUNTY_CAPS.finditer(text):
        word = "Parish" if m.group(0).endswith("PARISH") else "County"
        full = f"{m.group('name').title()} {word}"
        if gaz.has_name(full):  # the span ends before the abbreviation's period
            out[(m.start("name"), m.end() - m.group(0).endswith("."))] = full
    return out


def country_initials(span: Any, gaz: Gazetteer) -> bool:
    """A country's initials in capitals in running text ("US intelligence", "the UK
    economy"), not the pronoun "us" the text also writes: the words beside it are not in
    capitals (an all-capitals headline's "US" may be the pronoun)."""
    if len(span) != 1 or not (2 <= len(span.text) <= 3) or not span.text.isupper():
        return False
    doc = span.doc
    beside = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    if any(t.is_alpha and t.is_upper and len(t) > 1 for t in beside):
        return False
    cands = [c for c in gaz.candidates(span.text)[:3] if c.match == "exact"]
    return bool(cands) and cands[0].feature == "country"


def attach_phone_states(text: str, mentions: list[Any], gaz: Gazetteer) -> None:
    """"in Huntington at 304-399-6500": the area code of a phone number right after a town
    is its state, when the town's name has a reading there."""
    if "-" not in text and "." not in text:
        return
    for m in mentions:
        if m.admin_hint or m.country_hint:
            continue
        state = phone_state_after(text, m.end)
        if state is not None and any(c.match == "exact" and c.admin1 == state[1]
                                     for c in gaz.candidates(m.lookup or m.text)):
            m.country_hint, m.admin_hint = state


__all__ = ["attach_phone_states", "capital_county_names", "country_initials"]
