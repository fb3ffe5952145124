"""Repeats of a place name that the statistical NER labels a person's name.

spaCy's small model often labels a town's name a PERSON where the sentence reads like one
("Hopkinton is the latest town hit", "at Carter's Lanexa home", "Glen Carbon’s budget")
although the same story names the town as a place elsewhere. The geoparser's one-sense-per-
document rule then skips that repeat, as person names block it. A PERSON span whose whole
text (less a possessive "'s") is a name the story already takes for a place, and the NER
too labels a place elsewhere in the story or the name has several words, no longer blocks
it, unless a word of the name is also part of a longer person's name in the story ("Lincoln"
after "Abraham Lincoln").
"""

from __future__ import annotations

import re
from typing import Any

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)\Z")


def _bare(name: str) -> str:
    return _POSSESSIVE.sub("", name).strip()


def person_blocks(ents: list[Any], trusted: set[str],
                  placed_by_context: frozenset[str] | set[str] = frozenset()
                  ) -> list[tuple[int, int]]:
    """Spans of the PERSON entities that should hide a repeated place name: all of them
    but those whose text is a `trusted` place name of the story and shares no word with a
    person's name that is not such a place name. `placed_by_context`: names the story's own
    wording makes places somewhere ("Lanexa, Va.", "drove to Lanexa", "the town of X"),
    as good as the NER's place label."""
    persons = [e for e in ents if e.label_ == "PERSON"]
    # the NER too takes the name for a place somewhere in the story (or its wording does),
    # or the name has more than one word ("Parkers Prairie": a one-word name may be a
    # surname, "Moore")
    ner = {e.text for e in ents if e.label_ in ("GPE", "LOC", "FAC")} | set(placed_by_context)
    trusted = {n for n in trusted if n in ner or " " in n}
    placed = [e for e in persons if _bare(e.text) in trusted]
    if not placed:
        return [(e.start_char, e.end_char) for e in persons]
    person_words = {w for e in persons if _bare(e.text) not in trusted
                    for w in _bare(e.text).split()}
    out = []
    for e in persons:
        name = _bare(e.text)
        if name in trusted and not any(w in person_words for w in name.split()):
            continue  # "Hopkinton is the latest town…" after "Hopkinton police"
        out.append((e.start_char, e.end_char))
    return out
