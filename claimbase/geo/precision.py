"""Precision rules for places in real news, applied to the resolved places of a document.

The geoparser's cascade finds and ranks names; real conflict reporting then trips it in a few
recurring ways this module undoes, each in its own function:

- `_in_persons_name`, `_organisation_head`: a place name that is only a part of a longer
  capitalised name no gazetteer knows: a person ("Ben Keith", "Selahattin Demirtaş"), an
  institution ("Centre for Global Policy"). Such a place is not where anything happened.
  (A street's designator, "Street" of "Downing Street", never gets this far:
  `span_trim.split_joined` drops it when the mention is found.)
- `_operation_names`: military operations named like places ("Operation Olive Branch"),
  everywhere the document repeats the name.
- `strays.namesakes_abroad`, first: a small namesake abroad in a country neither the
  story's actors nor its other places point at: the home namesake ("Ras al-Ayn" in a Syrian
  story), else, in the conflict region, unresolved ("al-Marj" near Damascus, not Libya's).
- `_unsupported_namesake`: a small foreign namesake no other place of the story supports
  ("Anna" -> Anna, Texas in a Syrian story; "Gulf states" -> Gulf, Papua New Guinea): the
  famous namesake when one is much larger ("a pilgrimage to Mecca"), else the name stays
  unresolved. Unlike `namesakes_abroad` it weighs the story's places by distance and
  country share, not by votes, and leaves the conflict region's own-name readings to it;
  unlike `gazetteer._off_focus` it acts on the reading made, after the person and
  organisation filters, with the whole story's places.

Readings a cue word decides are made in the ranking itself: a bare name shared by a city and
the province around it ("fighting in Raqqa") is the city (`gazetteer._seat_over_province`),
"the village of Susa" is no large town elsewhere (`gazetteer._settlement_readings`).

Word lists are data files: `data/place_name_run_words.txt` (capitalised words that may stand
next to a place name without hiding it) and the existing tails and demonym lists.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from claimbase.config import word_list
from claimbase.first_chars import with_first_chars
from claimbase.geo.gazetteer import (
    RULER_COUNTRIES,
    Candidate,
    Gazetteer,
    haversine_km,
    name_fold,
)
from claimbase.geo.nearby import has_feature_word, has_street_word, has_township_word
from claimbase.geo.state_acronyms import without_lone_state_acronyms
from claimbase.geo.strays import loose_reading, namesakes_abroad
from claimbase.geo.translit import norm
from claimbase.nlp.syntax import entities
from claimbase.record import Document, Place

_AREA_FEATURES = frozenset({"country", "continent", "water", "region", "desert", "border",
                            "river", "mountain", "sea"})
_TOWN_FEATURES = frozenset({"city", "village", "town", "locality", "admin2", "admin3",
                            "neighbourhood", "capital", "admin1"})
_WORD_RIGHT = re.compile(r"[ \t]([A-Z][\w’'-]*)")
_WORD_LEFT = re.compile(r"([A-Z][\w’'-]*)[ \t]\Z")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')\Z")


@lru_cache(maxsize=1)
def _run_words() -> frozenset[str]:
    """Words that may stand next to a place name inside its own expression."""
    return (word_list("place_name_run_words.txt") | word_list("place_name_tails.txt")
            | word_list("place_after_words.txt")
            | word_list("place_demonym_words.txt"))


def refine_places(doc: Document, places: list[Place], gaz: Gazetteer,
                  votes: Counter | None = None) -> list[Place]:
    """The places without names that belong to longer non-place names or to operations,
    with unsupported foreign namesakes corrected: first the namesakes abroad the story's
    actors and places do not point at (`strays.namesakes_abroad`, `votes`: the country votes
    of the document's actors and demonyms), then the small ones no other place supports."""
    places = namesakes_abroad(places, gaz, votes or Counter())
    text = doc.analysis_text
    lower = lower_case_words(text)
    spans = {(p.start, p.end) for p in places}
    operations = _operation_names(text)
    support = _anchors(places, gaz)
    # the states and countries the story names, also by a short form ("W.Va.")
    named = {name_fold(p.text) for p in support if p.feature in ("admin1", "country")} | {
        name_fold(p.name) for p in places
        if p.name and p.lat is not None and p.feature in ("admin1", "country")}
    ents = _entities(doc)
    out: list[Place] = []
    for p in places:
        if p.text in operations or _unresolved_non_place(doc, ents, p, gaz) \
                or _organisation_head(doc, ents, p):
            continue
        if not _province_name(gaz, p) and _in_persons_name(doc, ents, p, spans, lower) \
                and not _plausible(gaz, p, support, named):
            continue
        out.append(p)
    support = _anchors(out, gaz)
    fixed: list[Place] = []
    for p in out:
        q = _unsupported_namesake(text, p, gaz, support, named)
        if q.lat is None and p.lat is not None and _acronym(q.text):
            continue  # "The NGO said": unresolved now, and no name a place bears
        fixed.append(q)
    return without_lone_state_acronyms(fixed)  # "took the ACT" in an Ohio story


def _anchors(places: list[Place], gaz: Gazetteer) -> list[Place]:
    """The resolved places read by their own names: what other readings lean on (a street
    read by an alias as a town abroad supports nothing)."""
    return [p for p in places if p.lat is not None and _own_reading(gaz, p)]


def _own_reading(gaz: Gazetteer, p: Place) -> bool:
    """The place is read by its own name, or by a curated name of it (town_aliases.tsv:
    "Ras al-Ayn" of Ra's al 'Ayn, "Serê Kaniyê"), which is as good."""
    return own_name(p.text, p.name or "") or gaz.curated_name(p.text, p.gazetteer_id)


# ------------------------------------------------------------------ longer names


_WORDS = re.compile(r"[^\W\d_]+")
_SKIP = frozenset({"January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December", "Monday", "Tuesday",
                   "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


@lru_cache(maxsize=8)
def lower_case_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case (kept for a few texts: the mention finder
    asks for the same document's)."""
    return frozenset(w for w in _WORDS.findall(text) if w.islower())


class _Ent(NamedTuple):
    start: int
    end: int
    label: str


def _entities(doc: Document) -> list[_Ent]:
    """The parser's entities, read once per document (each `Doc.ents` builds new spans)."""
    sdoc = doc.spacy_doc
    return [] if sdoc is None else [_Ent(e.start_char, e.end_char, e.label_)
                                    for e in entities(sdoc)]


def _entity_at(ents: list[_Ent], start: int, end: int) -> _Ent | None:
    return next((e for e in ents if e.start <= start and end <= e.end), None)


def _glued(doc: Document, start: int, word: str, lower: frozenset[str]) -> bool:
    """A capitalised word that belongs to a name: a proper noun, not a common word written
    lower-case elsewhere in the story, not a month or weekday, not a designator or demonym,
    not an acronym, not a compound with a lower-case part ("Isis-controlled")."""
    bare = _POSSESSIVE.sub("", word)
    if bare in _SKIP or bare.lower() in lower or bare in _run_words() or bare.isupper() \
            or bare.rstrip(".") in word_list("person_titles.txt") \
            or bare in word_list("org_name_heads.txt") \
            or any(part.islower() for part in bare.split("-")):
        return False
    sdoc = doc.spacy_doc
    span = sdoc.char_span(start, start + len(bare), alignment_mode="expand") \
        if sdoc is not None else None
    return span is None or any(t.pos_ == "PROPN" for t in span)


_ADDRESS_AFTER = re.compile(r"[ \t]*(?:•|,[ \t]*[A-Z][\w’'-]*(?:[ \t][A-Z][\w’'-]*)?[ \t]*(?:•|,|\n|\Z))")
MAJOR_PLACE = 1_000_000  # a city this large is not read as part of a person's name


def _major(gaz: Gazetteer, p: Place) -> bool:
    """A big place read by its own name ("London", "Damascus"), not by an alias."""
    return _key(p.name or "") == _key(p.text) and _population(gaz, p) >= MAJOR_PLACE


def _in_persons_name(doc: Document, ents: list[_Ent], p: Place, spans: set[tuple[int, int]],
                     lower: frozenset[str]) -> bool:
    """The place name stands next to another capitalised name word the parser does not
    take for an organisation: a given name or a surname ("Ben Keith", "Selahattin
    Demirtaş"). Words of organisations ("Mansfield Police"), titles ("Vermont Sen."),
    designators and places do not count."""
    if p.feature in _AREA_FEATURES or p.feature == "admin1" or " " in p.text.strip() \
            or p.text.endswith("."):
        return False  # "Guernsey County Court", "Harrisburg, Pa. Smith": no one's name
    text = doc.analysis_text
    if _ADDRESS_AFTER.match(text, p.end):
        return False  # a letter's signature or an address: "Zev Moses Vancouver, Canada •"
    own = _entity_at(ents, p.start, p.end)
    if own is not None and own.label not in ("GPE", "PERSON"):
        return False
    right = _WORD_RIGHT.match(text, p.end)
    if right is not None and _LOCATIVE.search(text, max(0, p.start - 12), p.start):
        right = None  # "in Coventry Husn Alsankari said": the name starts after "in"
    left = _WORD_LEFT.search(text, max(0, p.start - 40), p.start)
    for m in (right, left):
        if m is None:
            continue
        w_start, w_end = m.span(1)
        if any(a < w_end and w_start < b for a, b in spans):
            continue  # a place next to a place ("Syria’s Idlib province")
        if not _glued(doc, w_start, m.group(1), lower):
            continue
        ent = _entity_at(ents, w_start, w_end)
        if ent is not None and ent.label != "PERSON":
            continue
        return True
    return False


def _province_name(gaz: Gazetteer, p: Place) -> bool:
    """The seat city of a province that bears its name ("Idlib", "Raqqa"): a province's
    name, no more a part of a person's name than the province's own reading would be."""
    return p.feature in ("city", "capital") and p.lat is not None and any(
        c.feature == "admin1" and c.country == p.country and name_fold(c.name) == name_fold(p.name or "")
        for c in gaz.candidates(p.text))


def _plausible(gaz: Gazetteer, p: Place, support: list[Place], named: set[str]) -> bool:
    """A reading the story backs well enough to outweigh a person's name beside it: its
    own name (not an alias), and a big place, a place near the story's others, or one in
    the country holding half of the story's other places."""
    if p.lat is None or not _own_reading(gaz, p):
        return False
    if _population(gaz, p) >= MAJOR_PLACE or _near_support(p, support, named):
        return True
    others = [q for q in support if q.text != p.text and q.country]
    return bool(others) and 2 * sum(q.country == p.country for q in others) >= len(others)


_ACRONYM = re.compile(r"[A-Za-z]*[A-Z][a-z]*[A-Z][A-Za-z]*\Z")


def _acronym(text: str) -> bool:
    """A short word with two capitals or more ("NGO", "DfID")."""
    return len(text) <= 6 and " " not in text and _ACRONYM.match(text) is not None


def _unresolved_non_place(doc: Document, ents: list[_Ent], p: Place, gaz: Gazetteer) -> bool:
    """A name the gazetteer does not know that the parser took for an organisation or a
    person ("the Taliban", "Mr Assad"), or an acronym ("NGO", "DfID"), or a one-word name
    the parser took for a place that the gazetteer has in no exact spelling and no
    preposition places ("Danielle knows", "Hartmann's guilt": `_unknown_word`); a street's
    or a township's name ("Taylor Street", "Tewksbury Twp.", left unresolved as its town
    lies far off) stays a place."""
    if p.lat is not None or _LOCATIVE.search(doc.analysis_text, max(0, p.start - 12), p.start) \
            or has_street_word(p.text) or has_township_word(p.text):
        return False
    if _acronym(p.text):
        return True
    return any(e.start < p.end and p.start < e.end and (
        e.label in ("ORG", "PERSON", "NORP") or (e.label == "GPE" and _unknown_word(doc, gaz, p)))
        for e in ents)


def _unknown_word(doc: Document, gaz: Gazetteer, p: Place) -> bool:
    """One word without a feature word that the gazetteer has in no exact spelling, neither
    placed by "in the" ("in the Hardeetown area") nor listed with other names ("Qarfa,
    Abtah and Daraa"): what `nearby` would place at a town only for want of any reading."""
    text = doc.analysis_text
    return " " not in p.text and "-" not in p.text and not has_feature_word(p.text) \
        and not _LOCATIVE_THE.search(text, max(0, p.start - 16), p.start) \
        and not _LISTED_BEFORE.search(text, max(0, p.start - 6), p.start) \
        and not _LISTED_AFTER.match(text, p.end) \
        and not any(c.match == "exact" for c in gaz.candidates(p.text))


_FOR = re.compile(r"[ \t]+(?:for|of)[ \t]+[A-Z]")


def _organisation_head(doc: Document, ents: list[_Ent], p: Place) -> bool:
    """The place word opens an organisation's name as its head ("Centre for Global
    Policy"), not as the place the organisation belongs to."""
    ent = _entity_at(ents, p.start, p.end)
    return (ent is not None and ent.label == "ORG" and ent.start <= p.start
            and p.end < ent.end and _FOR.match(doc.analysis_text, p.end) is not None
            and p.text in word_list("org_name_heads.txt"))


_OPERATION = re.compile(r"\bOperation[ \t]+[“\"‘']?(?P<name>[A-Z][\w’'-]*(?:[ \t][A-Z][\w’'-]*){0,2})")


def _operation_names(text: str) -> frozenset[str]:
    """Names a military operation bears in the text ("Operation Olive Branch")."""
    return frozenset(m.group("name") for m in with_first_chars(_OPERATION).finditer(text))


# ------------------------------------------------------------------ readings

SMALL_PLACE = 100_000  # a namesake below this population needs support from the story
SMALL_PROVINCE = 50_000  # the same for a province
FAMOUS_RATIO = 5  # a namesake this many times larger is the famous one
FAMOUS_MIN = 100_000
FOCUS_SHARE = 0.2  # a country with this share of a story's places is one it is about
SUPPORT_KM = 300.0
CLOSER = 0.5  # the famous namesake must lie this much closer to the story's other places
NAMED_COUNTRY_TOWN = 20_000  # a town this large is supported by its country being named  # another place of the story this close supports a small reading
_LOCATIVE = re.compile(r"\b(?:in|near|at|from|into|outside|around|of|to|towards|toward)"
                       r"[ \t]+\Z")
# a list around a name: "Qarfa, Abtah and Daraa"
_LISTED_BEFORE = re.compile(r"(?:,|\band|\bor)[ \t]+\Z")
_LISTED_AFTER = re.compile(r"(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)[A-Z]")
# the same with an article: "in the Hardeetown area"
_LOCATIVE_THE = re.compile(r"\b(?:in|near|at|from|into|outside|around|of|to|towards|toward)"
                           r"[ \t]+the[ \t]+\Z", re.IGNORECASE)


def _words(name: str) -> list[str]:
    """A name's words without marks, case or punctuation ("‘Afrīn" -> ["afrin"])."""
    bare = unicodedata.normalize("NFKD", norm(name))
    return "".join(ch if ch.isalnum() else " " for ch in bare).split()


def _key(name: str) -> str:
    return "".join(_words(name))


def own_name(text: str, name: str) -> bool:
    """The surface is the reading's own name or a run of its words ("Guantánamo Bay" of
    "Naval Station Guantanamo Bay"), not an alias ("Salem" of Jerusalem)."""
    t, n = _words(text), _words(name)
    return bool(t) and any(n[i:i + len(t)] == t for i in range(len(n) - len(t) + 1))


def _own_candidates(gaz: Gazetteer, p: Place) -> list[Candidate]:
    return [c for c in gaz.candidates(p.text) if c.lat is not None]


def _near_support(p: Place, support: list[Place], named: set[str]) -> bool:
    """Another place of the story lies near it, or its province is named."""
    if p.admin1 and name_fold(p.admin1) in named and name_fold(p.admin1) != name_fold(p.text):
        return True
    for q in support:
        if q.text == p.text or q.feature in ("country", "continent", "water", "region"):
            continue
        if q.lat is not None and haversine_km(p.lat, p.lon, q.lat, q.lon) <= SUPPORT_KM:
            return True
    return False


def _country_support(p: Place, support: list[Place], pop: int) -> bool:
    """Its country is one the story is about (a fifth of its other resolved mentions), or
    a town of some size in a country the story names."""
    others = [q for q in support if q.text != p.text and q.country]
    share = sum(q.country == p.country for q in others)
    if others and share >= FOCUS_SHARE * len(others):
        return True
    return pop >= NAMED_COUNTRY_TOWN and any(q.feature == "country" and q.country == p.country
                                             for q in others)


def _population(gaz: Gazetteer, p: Place) -> int:
    if p.gazetteer_id is None:
        return 0
    c = gaz.get(p.gazetteer_id)
    return c.population if c is not None else 0


def _unsupported_namesake(text: str, p: Place, gaz: Gazetteer, support: list[Place],
                          named: set[str]) -> Place:
    """A small town reading (under SMALL_PLACE people, SMALL_PROVINCE for a province) no
    other place of the story supports: none within SUPPORT_KM, its province not named. The
    famous namesake when one is FAMOUS_RATIO times larger and lies clearly closer to the
    story's other places ("Mecca"); else kept when its country holds FOCUS_SHARE of the
    story's places (or is named, for a town of NAMED_COUNTRY_TOWN people), when it is read by
    one of its names in the conflict region, whose names are transliterated many ways
    ("Harem" for Harim; `strays.namesakes_abroad` judges those), or when it is a town of
    some size alone in bearing its name; else unresolved, unless read by its own name after
    a locative ("in Anna"). The story's places are its anchors after the person and
    organisation filters (`_anchors`), not the actors' votes."""
    if p.lat is None or p.feature not in _TOWN_FEATURES or p.feature == "capital" and \
            name_fold(p.name or "") == name_fold(p.text):
        return p
    pop = _population(gaz, p)
    alias = not _own_reading(gaz, p)
    if pop >= (SMALL_PROVINCE if p.feature == "admin1" else SMALL_PLACE) or \
            _near_support(p, support, named):
        return p
    if not any(q.text != p.text for q in support):
        return p  # nothing else in the story to weigh it against
    cands = _own_candidates(gaz, p)
    # a famous namesake under another name ("Mecca" -> Makkah) only when no town of some
    # size bears the name itself ("Salisbury" is not Harare)
    by_alias = not any(_key(c.name) == _key(p.text) and c.population >= NAMED_COUNTRY_TOWN
                       for c in cands)
    famous = [c for c in cands
              if c.feature in ("city", "capital") and c.population >= FAMOUS_RATIO * pop
              and (c.population >= FAMOUS_MIN if _key(c.name) == _key(p.text)
                   else by_alias and c.population >= MAJOR_PLACE)]
    if famous:
        best = max(famous, key=lambda c: c.population)
        if _median_km(best.lat, best.lon, p, support) < \
                CLOSER * _median_km(p.lat, p.lon, p, support):
            return best.to_place(p.text, p.start, p.end, score=p.score)
    if _country_support(p, support, pop) or p.country in RULER_COUNTRIES and (
            not alias or not loose_reading(gaz, p)):
        return p  # foreign forces act in the conflict region: "US-backed fighters stormed Hajin"
    if pop >= NAMED_COUNTRY_TOWN and len({c.gid for c in cands}) < 2:
        return p  # a town of some size alone in bearing its name ("Cannes") has no namesake
    if alias or not _LOCATIVE.search(text, max(0, p.start - 12), p.start):
        return _unresolved(p)
    return p


def _median_km(lat: float, lon: float, p: Place, support: list[Place]) -> float:
    """The median distance from a point to the story's other resolved places."""
    dists = sorted(haversine_km(lat, lon, q.lat, q.lon) for q in support
                   if q.text != p.text and q.lat is not None)
    return dists[len(dists) // 2] if dists else 0.0


def _unresolved(p: Place) -> Place:
    return replace(p, name=None, gazetteer_id=None, lat=None, lon=None, country=None,
                   admin1=None, admin2=None, feature=None, precision=None, score=None)
