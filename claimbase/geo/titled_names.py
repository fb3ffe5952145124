"""Surnames a title or a given name and initial gives away: "Tyrise M. Bell", "Judge
Marshall", "President Lincoln".

One sense per story: once the text writes a name as a person's ("Tyrise M. Bell"), its bare
repeats ("Eggers shot Bell as the two struggled") are that person, not the town of the
name, wherever no locative preposition places them (`geoparse._person_name`).
"""

from __future__ import annotations

import re

# a title, or a given name and an initial ("Tyrise M."), before a person's name
TITLE = (r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Sgt|Cpl|Capt|Col|Gen|Rev|Prof|Supt|Det|Atty)\.?"
         r"|\b(?:President|Senator|Governor|Judge|Justice|Officer|Coach|Pastor|Bishop)"
         r"|\b[A-Z][a-z]+[ \t][A-Z]\.)")
_TITLED = re.compile(rf"{TITLE}[ \t]+(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){{0,2}})\b")


def titled_surnames(text: str) -> set[str]:
    """The last word of every name written after a title or a given name and initial."""
    return {m.group("name").rsplit(None, 1)[-1] for m in _TITLED.finditer(text)}
