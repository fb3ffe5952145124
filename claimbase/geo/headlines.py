"""Title Case headlines, where the NER's PERSON label is no evidence of a person.

A story's opening headline capitalises every word ("Freemason Bogdanov Joins Sochi Mayor
Race"), and spaCy's small model then labels runs of capitalised words a PERSON. Such an
entity would hide the place inside it from the gazetteer matcher and make its last word a
surname, so that the place is not taken anywhere else in the story either. Inside a
Title Case headline a PERSON entity is ignored by mention finding.
"""

from __future__ import annotations

import re
from typing import Any

# the headline: the text's first sentence or line, if short
# (not cut at an initial or a title: "George W. Bush", "Mr. Smith")
_FIRST = re.compile(r"[^\n]{8,200}?(?:(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)"
                    r"(?<!\bJr)(?<!\bSr)[.!?](?=\s)|\n|\Z)")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL_WORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by",
    "from", "as", "is", "are", "was", "be", "vs", "after", "over", "into", "up", "out", "off"})


def titled_headline(text: str) -> tuple[int, int] | None:
    """The span of the text's opening headline when it is written in Title Case (four or
    more words other than short function words, three in four of them capitalised)."""
    m = _FIRST.match(text.lstrip())
    if m is None:
        return None
    offset = len(text) - len(text.lstrip())
    words = [w for w in _WORD.findall(m.group()) if w.lower() not in _SMALL_WORDS]
    if len(words) < 4 or sum(w[0].isupper() for w in words) * 4 < len(words) * 3:
        return None
    return offset, offset + m.end()


def without_headline_persons(text: str, ents: list[Any]) -> list[Any]:
    """The entities less the PERSON entities inside a Title Case opening headline, unless
    the headline is no more than that name ("Beverly Ann Rivera." opening an obituary)."""
    head = titled_headline(text)
    if head is None:
        return ents
    line = text[head[0]:head[1]]
    return [e for e in ents if not (
        e.label_ == "PERSON" and head[0] <= e.start_char and e.end_char <= head[1]
        and len(_WORD.findall(line)) > len(_WORD.findall(e.text)))]


__all__ = ["titled_headline", "without_headline_persons"]
