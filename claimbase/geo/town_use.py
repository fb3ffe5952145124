"""Wording that makes a name a town's, not a country's, and the ranking it decides.

Local news names towns that share a country's name: Lebanon (Pennsylvania, Ohio,
Tennessee), Palestine (Texas), Malta (Illinois), Jordan (Minnesota). By size alone the
country wins, and a country is what such a name means in most stories. The story's own
wording says otherwise when it uses the name as only a town's can be used:

- a town's institutions right after it ("the Lebanon City Council", "the Malta Fire
  Department", "the Palestine mayor": data/place_town_use_words.txt);
- one resident after "a"/"an" ("a Lebanon teenager", "a Jordan couple":
  data/place_resident_nouns.txt, not "native": "a Peru native" may be the country's) --
  a country's people are named by its demonym;
- a street address before it ("18 N. Elm St., Lebanon");
- a named person's home ("Rita Ames of Palestine", "Jo Smith, 42, of Malta"): the
  person's name not led by a title ("King Abdullah of Jordan" is the country);
- an upper-case dateline ("JORDAN --" opening a line): datelines name towns.

Such a mention ranks every country reading below the best town or state reading of its
name (`countries_below_towns`); which namesake town it is stays the document's evidence
(states, counties, nearby places, the outlet). States keep their rank: "a Georgia man" is
the state.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from claimbase.config import word_list

# features of a reading that a town use may mean (a town, a county, a state)
LOCAL_FEATURES = frozenset({"city", "town", "village", "locality", "admin1", "admin2",
                            "admin3"})
_AFTER_MAX = 40  # characters after the name searched for an institution word


def _after_words() -> list[str]:
    return sorted(word_list("place_town_use_words.txt"), key=len, reverse=True)


# nouns naming where one was born, which may be a country ("a Peru native", "a Cuba native")
_BIRTHPLACE_NOUNS = frozenset({"native"})
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(\"“])(?:a|an|A|An)[ \t]+\Z")
_HOME_BEFORE = re.compile(r"(?:,[ \t]\d{1,3},)?[ \t]of[ \t]+\Z")
# a dateline's dash (a closing quote is an em dash mis-decoded in scraped pages)
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([A-Za-z .]+\)[ \t]*)?(?:[-–—”]|--|,)")


@cache
def _address_before() -> re.Pattern[str]:
    """A street address ending right before a name ("18 N. Elm St., "); its street words
    are data/place_street_type_words.txt's, each also without its dot."""
    words = sorted({w.rstrip(".") for w in word_list("place_street_type_words.txt")},
                   key=len, reverse=True)
    return re.compile(
        r"\b\d{1,6}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z0-9][\w'’.-]*[ \t]+){1,4}"
        rf"(?:{'|'.join(map(re.escape, words))})\.?,[ \t]*\Z")


def _institution_after(text: str, end: int) -> bool:
    tail = text[end:end + _AFTER_MAX]
    if not tail[:1].isspace():
        return False
    tail = tail.lstrip(" \t")
    return any(tail.startswith(w) and (len(tail) == len(w) or not tail[len(w)].isalnum())
               for w in _after_words())


def _resident_after(text: str, start: int, end: int) -> bool:
    word = re.match(r"[ \t]+([a-z]+)\b", text[end:end + 20])
    return word is not None and word.group(1) in word_list("place_resident_nouns.txt") \
        and not word.group(1).endswith("s") and word.group(1) not in _BIRTHPLACE_NOUNS \
        and _ARTICLE_BEFORE.search(text, max(0, start - 6), start) is not None


def _home_of(text: str, start: int, persons: list[tuple[int, int]]) -> bool:
    """"Rita Ames of Palestine": the name after "of" right behind a person's name of
    two words or more that no title leads."""
    m = _HOME_BEFORE.search(text, max(0, start - 12), start)
    if m is None:
        return False
    titles = word_list("person_titles.txt")
    for a, b in persons:
        if b <= m.start() and text[b:m.start()].strip(" \t") == "":
            words = text[a:b].split()
            before = text[max(0, a - 30):a].split()
            led = bool(before) and (before[-1][:1].isupper() or before[-1].rstrip(".") in titles)
            return len(words) >= 2 and not led and words[0].rstrip(".") not in titles
    return False


def dateline(text: str, start: int, end: int) -> bool:
    """The mention is an upper-case dateline's town ("JORDAN --", "ELMDALE (AP) -")
    opening a line or following a headline's full stop."""
    surface = text[start:end]
    lead = text[text.rfind("\n", 0, start) + 1:start]
    opening = lead.strip() == "" or lead.rstrip().endswith(".")
    return surface.isupper() and len(surface) > 2 and opening \
        and _DATELINE_AFTER.match(text, end) is not None


def town_use(text: str, start: int, end: int,
             persons: list[tuple[int, int]] | None = None) -> bool:
    """The mention `text[start:end]` is used as only a town's name can be (see the module
    docstring); `persons`: the (start, end) spans of the document's PERSON entities."""
    return _institution_after(text, end) or _resident_after(text, start, end) \
        or _address_before().search(text, max(0, start - 80), start) is not None \
        or _home_of(text, start, persons or []) or dateline(text, start, end)


def countries_below_towns(scored: list[tuple[Any, float]],
                          own_name: Callable[[Any], bool]) -> None:
    """A name used as a town's (`town_use`): every country reading ranks just below the
    best town, county or state reading that bears the name as its own (`own_name(c)`; not
    a town that merely has it among its alternate names, as Arak has "Iraq") (in place)."""
    local = [sc for c, sc in scored if c.feature in LOCAL_FEATURES and c.match == "exact"
             and own_name(c)]
    if not local:
        return
    best = max(local)
    for i, (c, sc) in enumerate(scored):
        if c.feature == "country" and sc >= best:
            scored[i] = (c, best - 0.1)


__all__ = ["LOCAL_FEATURES", "countries_below_towns", "dateline", "town_use"]
