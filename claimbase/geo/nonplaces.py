"""Place mentions that are not places: institutions, people's names, organisations, acronyms.

A filter run over the geoparser's mentions before resolution. Each rule is general and its
word lists are data files:

- a name that in news stands for an institution ("the White House said", "UN-led talks",
  "Congress"): place_institution_names.txt;
- a given name or surname: after a title ("Rep. Adam Kinzinger", "Mr Assad",
  person_titles.txt), before a person's surname ("Donald Trump"), after a given name and
  "ibn"/"bin" ("Khalid ibn al-Walid", "Usama bin Ladin": the father's name, in a person's
  or a group's name), or a person in the actor dictionary ("Assad");
- the first word of an organisation's name ("Home Office", "Hamza Division", "Human Rights
  Watch", "King's College": place_org_followers.txt), or a name opening a longer
  dictionary actor's name ("the Hamza Division"); countries and states keep their reading;
- the kind word of an area named by its corners ("Triangle" of "the Triangle of A – B – C");
- an acronym in parentheses after a multi-word name whose initials spell it ("Defense
  Intelligence Agency (DIA)"), when that name is not a place, and its repeats.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import TYPE_CHECKING, Any

from spacy.attrs import IDX

from claimbase.config import word_list
from claimbase.geo.conflict_names import corner_kind_word
from claimbase.geo.persons import place_led_persons
from claimbase.nlp.syntax import entities

if TYPE_CHECKING:
    from claimbase.geo.gazetteer import Gazetteer
    from claimbase.geo.geoparse import Mention
    from claimbase.record import Document

_AREAS = frozenset({"country", "admin1", "continent"})
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "&", "de", "du", "la", "al"})
_POSSESSIVE = re.compile(r"(?:'s|’s)[ \t]+(?P<word>[A-Z][\w]*)")
_NEXT_WORD = re.compile(r"[ \t]+(?P<word>[A-Z][\w]*)")
_GROUP_SECTORS = frozenset({"REB", "UAF"})  # armed groups named after a person or a word
_ACRONYM = re.compile(r"\((?P<acr>[A-Z]{2,6})\)")


def _area(gaz: Gazetteer, name: str, features: tuple[str, ...] | frozenset[str] = _AREAS
          ) -> bool:
    """The name's first exact reading is a country, a state or a continent."""
    if not gaz.has_name(name):
        return False
    cands = [c for c in gaz.candidates(name)[:5] if c.match == "exact"]
    return bool(cands) and cands[0].feature in features


def _after_title(text: str, start: int) -> bool:
    """A title right before the name: "Mr Assad", "Rep. Adam", "Rep.-elect Alexandria"; a
    long title needs no full stop, so "... Judge. Columbus" ends a sentence instead."""
    m = re.search(r"(?P<title>[A-Z][\w.-]*?)(?P<dot>\.?)[ \t]+\Z", text[max(0, start - 20):start])
    if m is None or m.group("title") not in word_list("person_titles.txt"):
        return False
    return not m.group("dot") or len(m.group("title")) <= 4


# a capitalised given name and a patronymic word right before a name: "Khaled Ibn ",
# "Muhammad bin ", "Fatima bint "
_PATRONYM_BEFORE = re.compile(r"\b[A-Z][\w’'-]+[ \t]+(?:[Ii]bn|[Bb]in|[Bb]int)[ \t]+\Z")


def _patronym(text: str, start: int) -> bool:
    """The name is a father's name in a person's name: "Khalid ibn al-Walid"."""
    return _PATRONYM_BEFORE.search(text, max(0, start - 40), start) is not None


def _given_name(m: Mention, text: str, sdoc: Any, starts: list[int], surnames: Counter) -> bool:
    """A one-word name right before a surname the story gives a person at least twice:
    "Donald Trump", "Ben Wallace" ("Trump said"), not "Huntsville Fire Chief". `starts` are
    the token offsets of `sdoc`, in order."""
    if " " in m.text:
        return False
    i = bisect_left(starts, m.end)
    if i >= len(starts) or text[m.end:starts[i]] != " ":
        return False
    tok = sdoc[i]
    return tok.is_title and surnames[tok.text] >= 2


def _org_name(text: str, m: Mention) -> bool:
    """The name opens an organisation's name: "Home Office", "King's College"."""
    followers = word_list("place_org_followers.txt")
    if (nxt := _NEXT_WORD.match(text, m.end)) is not None:
        return nxt.group("word") in followers
    nxt = _POSSESSIVE.match(text, m.end)
    return nxt is not None and (nxt.group("word") in followers
                                or "'s " + nxt.group("word") in followers)


_WORD_BEFORE = re.compile(r"(?<![\w.'’-])(?P<word>[A-Z][\w]*)\s+\Z")


def _club_name(text: str, start: int) -> bool:
    """The name follows a word that opens a sports club's name ("Real Madrid", "AC Milan",
    `data/place_club_words.txt`)."""
    before = _WORD_BEFORE.search(text, max(0, start - 25), start)
    return before is not None and before.group("word") in word_list("place_club_words.txt")


_AMPERSAND_AFTER = re.compile(r"[ \t]*&[ \t]*[A-Z]")
_AMPERSAND_BEFORE = re.compile(r"[A-Z][\w'’.]*[ \t]*&[ \t]*\Z")


def _firm_words(text: str, mentions: list[Mention], gaz: Gazetteer) -> set[str]:
    """One-word names the story joins by "&" to a name that is no place mention: a firm's
    partners ("Stevens & Wilkinson", "McPherson & Jacobsen LLC") or a venue ("Church &
    State"), in every repeat; "Trinidad & Tobago", both places, stays."""
    spans = {m.start for m in mentions}
    out: set[str] = set()
    for m in mentions:
        if " " in m.text or m.text in out or _area(gaz, m.text):
            continue
        after = _AMPERSAND_AFTER.match(text, m.end)
        if after is not None and after.end() - 1 not in spans:  # the next name's start
            out.add(m.text)
            continue
        before = _AMPERSAND_BEFORE.search(text, max(0, m.start - 30), m.start)
        if before is not None and before.start() not in spans:
            out.add(m.text)
    return out


def _in_actor(doc: Document, m: Mention) -> bool:
    """Inside a longer actor of the dictionary ("Hamza Division"), or a person of it."""
    for a in getattr(doc, "actors", None) or []:
        if a.id is None or not (a.start <= m.start and m.end <= a.end):
            continue
        if a.kind == "person" or (a.sector in _GROUP_SECTORS
                                  and _NEXT_WORD.match(doc.text[:a.end], m.end)):
            return True  # "Assad"; "Hamza Division", not "an Edmonton resident"
    return False


def _acronym_names(text: str, mentions: list[Mention], gaz: Gazetteer) -> set[str]:
    """Acronyms defined in parentheses after a multi-word name that is not a place:
    "Defense Intelligence Agency (DIA)"; "United Arab Emirates (UAE)" stays a place."""
    starts = {(m.start, m.end) for m in mentions}
    out: set[str] = set()
    for hit in _ACRONYM.finditer(text):
        acr = hit.group("acr")
        words = list(re.finditer(r"[\w’'-]+", text[max(0, hit.start() - 120):hit.start()]))
        base = max(0, hit.start() - 120)
        caps = [w for w in words if w.group(0).lower() not in _SMALL_WORDS]
        if len(caps) < len(acr):
            continue
        long = caps[-len(acr):]
        if "".join(w.group(0)[0] for w in long).upper() != acr \
                or not all(w.group(0)[:1].isupper() for w in long):
            continue
        s, e = base + long[0].start(), base + long[-1].end()
        if (s, e) in starts or gaz.has_name(text[s:e]):
            continue  # "United Arab Emirates (UAE)"
        out.add(acr)
    return out


def drop_non_places(doc: Document, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The mentions without institutions, people's names, organisations and acronyms that
    name no place."""
    text = doc.text
    sdoc = doc.spacy_doc
    institutions = word_list("place_institution_names.txt")
    if sdoc is not None:
        ents = entities(sdoc)
        placed = place_led_persons(list(ents), gaz)  # "Greer Station" is no person
        surnames = Counter(ent[-1].text for ent in ents if ent.label_ == "PERSON"
                           and (ent.start_char, ent.end_char) not in placed)
    else:
        surnames = Counter()
    acronyms = _acronym_names(text, mentions, gaz)
    starts = sdoc.to_array(IDX).tolist() if sdoc is not None and surnames and len(sdoc) \
        else []
    firms = _firm_words(text, mentions, gaz)
    kept: list[Mention] = []
    for m in mentions:
        if m.text in institutions or m.text in acronyms or m.text in firms \
                or _club_name(text, m.start) or corner_kind_word(text, m.start, m.end):
            continue  # "UN-led", "(DIA)", "Triangle" of "the Triangle of A – B – C"
        if (_in_actor(doc, m) or _patronym(text, m.start)) and not _area(gaz, m.text):
            continue
        if " " not in m.text and not _area(gaz, m.text) and (
                _after_title(text, m.start) or _org_name(text, m)
                or (starts and _given_name(m, text, sdoc, starts, surnames))):
            continue
        kept.append(m)
    return kept


_THE_BEFORE = re.compile(r"\bthe[ \t]+\Z", re.IGNORECASE)
_GROUP_AFTER = re.compile(r"[ \t]+(?:states|countries|monarchies|nations)\b")  # "Gulf states"


def read_with_article(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Read "the Gulf", "the Levant" or "Gulf states" as the name with its article when the
    gazetteer knows that name ("the Gulf" is the Persian Gulf, not Gulf province of Papua
    New Guinea); sets each such mention's `lookup`."""
    for m in mentions:
        if m.lookup is None and (_THE_BEFORE.search(text, max(0, m.start - 5), m.start)
                                 or _GROUP_AFTER.match(text, m.end)) \
                and gaz.has_name("the " + m.text):
            m.lookup = "the " + m.text
