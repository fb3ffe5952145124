"""Faster scanning with a pattern: a leading test of the characters a match can start with.

Python's regex engine tries a pattern at every position of a text. A pattern that starts with
`\\b` or with an optional word ("(?:in\\s+)?the ...") gets no quick scan, so each position
tries every alternative. `with_first_chars(pattern)` returns the same pattern behind a
lookahead for the characters a match can start with, worked out from the pattern itself:
the same matches (the test only skips positions where no match can start), found up to
about twice as fast for a pattern whose matches start with a few letters. A pattern whose
first character cannot be told (it may match the empty string, or start with `.`, a
negated class or a backreference), or may be any space or word character, is returned
as it is. The analysis reads the parse tree of Python's own `re` module (`re._parser`,
Python 3.11 and later); should that change, every pattern is simply returned as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

try:
    from re import _constants as C  # noqa: N812
    from re import _parser

    _CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D",
                   C.CATEGORY_SPACE: r"\s", C.CATEGORY_NOT_SPACE: r"\S",
                   C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
except (ImportError, AttributeError):  # another Python: patterns are left as they are
    _parser = None


_BROAD = frozenset({r"\D", r"\s", r"\S", r"\w", r"\W"})  # too common to test for (not \d)


class _Unknown(Exception):
    """The pattern's first character cannot be told."""


class _Firsts:
    """The characters a match may start with: case-sensitive and case-insensitive parts."""

    def __init__(self) -> None:
        self.cased: set[str] = set()
        self.folded: set[str] = set()

    def add(self, item: str, ignorecase: bool) -> None:
        (self.folded if ignorecase else self.cased).add(item)

    def lookahead(self) -> str:
        parts = []
        if self.cased:
            parts.append("[" + "".join(sorted(self.cased)) + "]")
        if self.folded:
            parts.append("(?i:[" + "".join(sorted(self.folded)) + "])")
        return "(?=" + "|".join(parts) + ")"


def _class_items(items: list[tuple[Any, Any]]) -> list[str]:
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is C.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # a negated class, an unusual category
            raise _Unknown
    return out


def _sequence(items: Any, flags: int, firsts: _Firsts) -> bool:
    """Add the first characters of a sequence; True when it may match the empty string."""
    return all(_item(op, av, flags, firsts) for op, av in items)


def _item(op: Any, av: Any, flags: int, firsts: _Firsts) -> bool:
    """Add one item's first characters; True when it may match the empty string."""
    ignorecase = bool(flags & re.IGNORECASE)
    if op is C.LITERAL:
        firsts.add(re.escape(chr(av)), ignorecase)
        return False
    if op is C.IN:
        for item in _class_items(av):
            firsts.add(item, ignorecase)
        return False
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return True  # zero width: the next item starts the match
    if op is C.BRANCH:
        empty = False
        for branch in av[1]:
            empty = _sequence(branch, flags, firsts) or empty
        return empty
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        return _sequence(sub, (flags | add) & ~remove, firsts)
    if op is C.ATOMIC_GROUP:
        return _sequence(av, flags, firsts)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _sequence(sub, flags, firsts) or low == 0
    raise _Unknown  # ".", a negated literal, a backreference, a conditional group


@lru_cache(maxsize=512)
def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern behind a test of the characters its matches can start with (the same
    matches at the same places); the pattern itself when that cannot be told."""
    if _parser is None or not isinstance(pattern.pattern, str) or pattern.flags & re.VERBOSE:
        return pattern
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        firsts = _Firsts()
        if _sequence(parsed.data, parsed.state.flags, firsts):
            return pattern  # may match the empty string anywhere
        if any(item in _BROAD for item in firsts.cased | firsts.folded):
            return pattern  # a match may start with any space or letter: no gain
        return re.compile(firsts.lookahead() + pattern.pattern, pattern.flags)
    except (_Unknown, re.error, AttributeError, TypeError, ValueError):
        return pattern  # not told, or a parse tree of another shape


__all__ = ["with_first_chars"]
