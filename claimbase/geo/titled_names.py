"""Surnames a title, a given name and initial or a generational suffix gives away: "Tyrise
M. Bell", "Judge Marshall", "President Lincoln", "George Bush Jr".

One sense per story: once the text writes a name as a person's ("Tyrise M. Bell"), its bare
repeats ("Eggers shot Bell as the two struggled") are that person, not the town of the
name, wherever no locative preposition places them (`geoparse._person_name`).
"""

from __future__ import annotations

import re

from claimbase.first_chars import with_first_chars

_ABBREVIATED = r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Sgt|Cpl|Capt|Col|Gen|Rev|Prof|Supt|Det|Atty)\.?"
# a title, or a given name and an initial ("Tyrise M."), before a person's name
TITLE = (rf"(?:{_ABBREVIATED}"
         r"|\b(?:President|Senator|Governor|Judge|Justice|Officer|Coach|Pastor|Bishop)"
         r"|\b[A-Z][a-z]+[ \t][A-Z]\.)")
# a mention that itself opens with a courtesy title: "Ms Raggi"
_TITLE_LED = re.compile(r"(?:Mr|Mrs|Ms|Mme)\.?[ \t]+[A-Z]")
_TITLED = re.compile(rf"{TITLE}[ \t]+(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){{0,2}})\b")


_QUOTES = "'\"‘’“”"
# a given name, then a surname and a generational suffix: "George Bush Jr", "Martin Luther
# King, Jr."; not a school's "Lincoln Jr. High"
_SUFFIXED = re.compile(r"\b[A-Z][a-z]+\.?[ \t]+(?P<name>[A-Z][a-z]+),?[ \t]+(?:Jr|Sr|II|III|IV)\b"
                       r"(?!\.?[ \t]+High\b)")


def titled_surnames(text: str) -> set[str]:
    """The last word of every name written after a title or a given name and initial, not
    a nickname in quotes ("known as 'Mr. Arlington'"), and every surname before a
    generational suffix ("Bush" of "George Bush Jr")."""
    titled = {m.group("name").rsplit(None, 1)[-1]
              for m in with_first_chars(_TITLED).finditer(text)
              if not (m.start() > 0 and text[m.start() - 1] in _QUOTES)
              and not text.startswith(tuple(_QUOTES), m.end())}
    return titled | {m.group("name") for m in with_first_chars(_SUFFIXED).finditer(text)}


def title_led(surface: str) -> bool:
    """The mention opens with a courtesy title ("Ms Raggi", "Mr. Haley"): a person."""
    return _TITLE_LED.match(surface) is not None
