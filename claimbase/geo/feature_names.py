"""Names of lakes, rivers, hills and parks that neither the NER nor the gazetteer finds.

The offline gazetteer has no natural features, and spaCy's small model often labels them a
person or an organisation ("Freeborn Lake" PERSON, "Kanawha River" ORG). A capitalised name
ending in a feature word ("Anthony Creek", "Squirrel Hill", "Puget Sound") or led by one
("Lake Mary", "River Moy") is a place mention when the gazetteer does not know it exactly
(a known town such as "Chapel Hill" is left to the usual look-up), no capitalised word
follows it ("Cedar River Seafood", "Goose Creek High School" are organisations), it is not
a generic name ("City Park") and, if the NER took it for a person, a locative preposition
stands before it ("by Freeborn Lake", "Grodin of Squirrel Hill"; not "said Angela Hill").
Such mentions stay unresolved by the gazetteer and take the point of their town
(claimbase.geo.nearby). Word lists: claimbase/data/place_feature_heads.txt.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimbase.config import word_list
from claimbase.geo.gazetteer import Gazetteer
from claimbase.record import Place

_NAME_WORD = r"[A-Z][a-z]+(?:['’][a-z]+)?"
# after the name: nothing that makes it an organisation's or a street's name
_AFTER_BAD = re.compile(r"[ \t]*(?:[-‐][A-Za-z]|[A-Z]|(?:apartments?|complex|school|"
                        r"students?|senior|high|elementary)\b)")
# "National Wildlife Refuge" after "Neches River" names the river's refuge: the river stays
_AFTER_NATIONAL = re.compile(r"[ \t]+National[ \t]+(?:Wildlife|Forest|Park|Recreation)")
_LOCATIVE = re.compile(r"\b(?:in|at|near|along|by|from|to|into|across|over|around|on|of|"
                       r"off|between|through|outside)[ \t]+(?:the[ \t]+)?\Z", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"[A-Z][\w.'’]*[ \t]+\Z")
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n\"“]\s*)\Z")
# "of" makes a home place only after a person's name: "Grodin of", not "the body of"
_NAME_OF = re.compile(r"[A-Z][a-z]+,?[ \t]+of[ \t]+\Z")


def _placed_by(before: str) -> bool:
    """A locative preposition ends `before`; an "of" only after a capitalised name."""
    m = _LOCATIVE.search(before)
    if m is None:
        return False
    return not m.group(0).lower().startswith("of") or bool(_NAME_OF.search(before))


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(feature words that end a name, words that lead one, generic first words)."""
    tails: set[str] = set()
    heads: set[str] = set()
    generic: set[str] = set()
    for line in word_list("place_feature_heads.txt"):
        kind, word = line.split("\t")
        {"tail": tails, "head": heads, "generic": generic}[kind].add(word.strip())
    return frozenset(tails), frozenset(heads), frozenset(generic)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    tails, heads, _generic = _lists()
    tail = "|".join(sorted(map(re.escape, tails), key=len, reverse=True))
    head = "|".join(sorted(map(re.escape, heads), key=len, reverse=True))
    ending = re.compile(rf"(?<![\w.'’-])(?:{_NAME_WORD}[ \t]){{1,3}}(?:{tail})(?![\w'’-])")
    leading = re.compile(rf"(?<![\w.'’-])(?:{head})[ \t]{_NAME_WORD}(?![\w'’-])")
    return ending, leading


def feature_name_spans(text: str, gaz: Gazetteer, taken: list[tuple[int, int]],
                       persons: list[tuple[int, int]], lower_words: set[str]
                       ) -> list[tuple[int, int, int]]:
    """(start, end, priority) of the feature names in `text` that no other span covers;
    `lower_words` are the words the text also writes in lower case."""
    _tails, _heads, generic = _lists()
    out: list[tuple[int, int, int]] = []
    ending, leading = _patterns()
    for pattern in (ending, leading):
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if _NAME_BEFORE.search(text, max(0, start - 30), start):
                continue  # "St. Marys River Celebration", "Six Flags Hurricane Harbor"
            words = m.group(0).split()
            while words and (words[0] in generic or (  # "City Park"; "Both Sun Valley"
                    words[0].lower() in lower_words and _SENTENCE_START.search(text, 0, start))):
                start += len(words[0]) + 1
                words = words[1:]
            if len(words) < 2 or any(a < end and start < b for a, b in taken):
                continue
            if _AFTER_BAD.match(text, end) and not _AFTER_NATIONAL.match(text, end):
                continue
            before = text[max(0, start - 25):start]
            if any(a < end and start < b for a, b in persons) and not _placed_by(before):
                continue  # "said Angela Hill": a person; "Grodin of Squirrel Hill": a place
            name = text[start:end]
            if any(c.match == "exact" for c in gaz.candidates(name)):
                continue  # a town the gazetteer knows ("Chapel Hill"): the usual look-up
            out.append((start, end, 1))
    return out


def keep_feature_names(before: list[Place], after: list[Place],
                       spans: set[tuple[int, int]]) -> list[Place]:
    """`after` (the places a precision pass kept) with the feature names of `spans` it
    dropped put back: a name the NER took for a person or an organisation and the
    gazetteer does not know is no place for that pass, but these passed this module's own
    tests."""
    kept = {(p.start, p.end) for p in after}
    back = [p for p in before if (p.start, p.end) in spans and (p.start, p.end) not in kept]
    if not back:
        return after
    return sorted(after + back, key=lambda p: (p.start, -p.end))


__all__ = ["feature_name_spans", "keep_feature_names"]
