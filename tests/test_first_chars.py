"""`with_first_chars`: the same matches as the pattern it speeds up."""

from __future__ import annotations

import json
import re

import pytest

from claimbase.first_chars import with_first_chars
from tests.conftest import shared_path

TEXT = ("Since early March, shelling on Kafr Town went on; on 3/4/2019 the convoy left. "
        "Last week ſtrikes hit the area. In the past two days, over 10 people fled "
        "(the KELVIN case: \u212a). Between June and July the talks stalled.\nMay 5, 2020")

PATTERNS = [
    r"\b(?:(?:from|between)\s+)?(?P<m>Jan|June?|July?|March|May)\b",
    r"\b(?:since|over)\s+(?:early\s+)?(?P<mon>[A-Z][a-z]+)",
    r"(?<![\d/])(?P<y>(?:19|20)\d\d)\b",
    r"\bthe\s+(?:past|last)\s+(?P<n>two|\d+)\s+days?\b",
    r"(?i:strikes?|shelling)\s+(?:on|against)\s+(?P<name>[A-Z]\w+)",
    r"\bkelvin\b",
    r"\b(?P<n>[0-3]?\d+)\s+people\b",  # digits are rare enough to test for
    r"\b(?:in\s+)?(?:the\s+)?(?P<x>(?:19|20)\d\d)\b",
]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("source", PATTERNS)
def test_same_matches(source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    fast = with_first_chars(pattern)
    assert fast.pattern != pattern.pattern  # a leading test was added
    assert [(m.span(), m.groupdict()) for m in fast.finditer(TEXT)] == \
        [(m.span(), m.groupdict()) for m in pattern.finditer(TEXT)]


def test_case_folding_follows_the_pattern() -> None:
    # under IGNORECASE "s" also matches the long s, and "k" the Kelvin sign
    for source in (r"strikes", r"kelvin"):
        pattern = re.compile(source, re.IGNORECASE)
        assert [m.span() for m in with_first_chars(pattern).finditer(TEXT)] == \
            [m.span() for m in pattern.finditer(TEXT)] != []


@pytest.mark.parametrize("source", [
    r"(?:the\s+)?",           # may match the empty string
    r".{2}day",               # any first character
    r"[^a-z]+day",            # a negated class
    r"\s*(?:next|last)\s+week",  # any space may start a match: nothing to gain
    r"(?i)\bweek\b",          # a global flag must stay first
])
def test_left_alone(source: str) -> None:
    pattern = re.compile(source)
    assert with_first_chars(pattern) is pattern


def _place_scans() -> list[tuple[str, re.Pattern[str]]]:
    """The whole-text place scans that run behind `with_first_chars`."""
    from claimbase.geo import (
        city_abbreviations,
        conflict_names,
        elided,
        geoparse,
        hyphen_pairs,
        owned_districts,
        phones,
        precision,
        regions,
        spans,
        titled_names,
        zones,
    )

    _, by_country, by_pair = regions._patterns()
    return [("regions.by_country", by_country), ("regions.by_pair", by_pair),
            ("conflict_names._BEFORE_DESIGNATOR", conflict_names._BEFORE_DESIGNATOR),
            ("geoparse._ADMIN_NAME", geoparse._ADMIN_NAME),
            ("geoparse._LOCATIVE", geoparse._LOCATIVE), ("spans._MOTION_TO", spans._MOTION_TO),
            ("hyphen_pairs._HANGING", hyphen_pairs._HANGING),
            ("owned_districts._OWNED", owned_districts._OWNED),
            ("precision._OPERATION", precision._OPERATION),
            ("titled_names._TITLED", titled_names._TITLED),
            ("city_abbreviations._DOTTED", city_abbreviations._DOTTED),
            ("elided._ELIDED", elided._ELIDED), ("zones._CAPITAL", zones._CAPITAL),
            ("phones._PHONE", phones._PHONE)]


def test_place_scans_find_the_same_matches_on_a_corpus():
    path = shared_path("data", "corpora", "guardian_sdf.jsonl")
    with path.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    texts.append("Fighting on the Syria-Turkey border and the border with Iraq; "
                 "Jendires town, north of Afrin.")
    found = 0
    for name, pattern in _place_scans():
        fast = with_first_chars(pattern)
        assert fast.pattern != pattern.pattern, name  # a leading test was added
        for text in texts:
            want = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == want, name
            found += len(want)
    assert found > 1000
