"""The other half of two places joined by a hyphen.

Local news joins two towns by a hyphen to name what they share: a school district
("Logan-Rogersville"), a team ("Watertown-Mayer Lutheran"), an airport ("Greenville-
Spartanburg"), a county pair ("Paris-Henry County"). The NER often takes only the first
half for a place, or finds the whole once and then only the first half in later repeats,
and repeats of a name are not sought right after a hyphen. When one half is a place
mention, the other half is one too if the gazetteer knows it exactly as a place of its own
(not only a zip-code hamlet), it is no person's name word nor a word the story writes in
lower case, and the joined whole is no name the gazetteer knows ("Winston-Salem").

A hyphen left hanging after a name before a lower-case word is a dash typed short
("deployed in northern Syria- without permission"): the
tokenizer keeps it on the word ("Syria-"), so neither the NER nor the gazetteer matcher
sees the name; `hanging_hyphen_spans` finds it (not the first half of a suspended compound,
"US- and UK-led").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimbase.first_chars import with_first_chars
from claimbase.geo.conflict_names import SENTENCE_START
from claimbase.geo.spans import _known

if TYPE_CHECKING:
    from claimbase.geo.gazetteer import Gazetteer
    from claimbase.geo.geoparse import Mention

# the half after a place mention: "-Rogersville", "- Spartanburg", "–Mayer"
_AFTER = re.compile(r"[-–][ \t]?(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)")
# the half before a place mention: "Logan-", "Greenville- "
_BEFORE = re.compile(r"(?<![\w.'’-])(?P<name>(?:[A-Z][a-z]+[ \t])?[A-Z][a-z]+)[-–][ \t]?\Z")
_MIN_LEN = 4
# a name with a hyphen hanging before a space or a line break, not a suspended compound
_HANGING = re.compile(r"(?<![\w.'’-])(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[-–]"
                      r"(?=[ \t]+[a-z])(?![ \t]+(?:and|or|to)\s)")


def hanging_hyphen_spans(text: str, gaz: Gazetteer) -> list[tuple[int, int, int]]:
    """(start, end, priority) of the names the gazetteer knows exactly with a hyphen left
    hanging after them before a lower-case word ("northern Syria- without"; "Der- Ezzor" is
    one name broken), not opening a sentence, where a capital tells nothing."""
    return [(m.start("name"), m.end("name"), 3) for m in with_first_chars(_HANGING).finditer(text)
            if not SENTENCE_START.search(text, max(0, m.start() - 5), m.start())
            and _known(gaz, m.group("name"))]  # "Garden- goers" opening a sentence


def hyphen_partners(text: str, mentions: list[Mention], gaz: Gazetteer,
                    blocked_words: set[str], lower_words: set[str]) -> list[Mention]:
    """The mentions plus the half of each hyphenated pair of places the mentions lack.
    `blocked_words`: words of the story's person names; `lower_words`: its lower-case
    words."""
    from claimbase.geo.geoparse import Mention

    taken = [(m.start, m.end) for m in mentions]
    added: list[Mention] = []
    for m in mentions:
        if m.lookup is not None or m.modifier or not _known(gaz, m.text):
            continue
        for start, name in _halves(text, m):
            end = start + len(name)
            if len(name) < _MIN_LEN or any(a < end and start < b for a, b in taken) \
                    or any(w in blocked_words or w.lower() in lower_words
                           for w in name.split()) \
                    or not _known(gaz, name) or gaz.has_name(_joined(text, m, start, end)):
                continue
            added.append(Mention(start=start, end=end, text=name))
            taken.append((start, end))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda x: x.start)


def _halves(text: str, m: Mention) -> list[tuple[int, str]]:
    """(start, name) of the capitalised words joined to the mention by a hyphen, either
    side; a longer name is cut back to its first word when the whole is unknown later."""
    out = []
    after = _AFTER.match(text, m.end)
    if after is not None:
        out.append((after.start("name"), after.group("name")))
        if " " in after.group("name"):
            out.append((after.start("name"), after.group("name").split()[0]))
    before = _BEFORE.search(text, max(0, m.start - 40), m.start)
    if before is not None:
        out.append((before.start("name"), before.group("name")))
        if " " in before.group("name"):
            word = before.group("name").split()[-1]
            out.append((before.end("name") - len(word), word))
    return out


def _joined(text: str, m: Mention, start: int, end: int) -> str:
    """The two halves written as one name ("Winston-Salem")."""
    return text[min(m.start, start):max(m.end, end)]
