"""`with_first_chars`: the same matches as the pattern it speeds up."""

from __future__ import annotations

import re

import pytest

from claimbase.first_chars import with_first_chars

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
