"""An upper-case abbreviation read as a state or province ("ACT", "NSW", "QLD") is that
state only when the story names another place of its country: "took the ACT" in an Ohio
story is a test, not the Australian Capital Territory."""

from __future__ import annotations

from claimbase.record import Place

_DOTLESS_CAPS_MAX = 4  # "ACT", "NSW", "QLD": longer capitals are names, not abbreviations


def _state_acronym(p: Place) -> bool:
    text = p.text
    return (p.lat is not None and p.feature == "admin1" and text.isupper() and text.isalpha()
            and 2 <= len(text) <= _DOTLESS_CAPS_MAX and text != (p.name or "").upper())


def without_lone_state_acronyms(places: list[Place]) -> list[Place]:
    """The places less the state acronyms whose country no other resolved place shares."""
    odd = [p for p in places if _state_acronym(p)]
    if not odd:
        return places
    keep = set()
    for p in odd:
        if any(q.country == p.country and q.lat is not None and not _state_acronym(q)
               for q in places):
            keep.add(id(p))
        elif sum(1 for q in odd if q.country == p.country and q.text != p.text):
            keep.add(id(p))  # "NSW and QLD": two of one country's states vouch for each other
    return [p for p in places if not _state_acronym(p) or id(p) in keep]
