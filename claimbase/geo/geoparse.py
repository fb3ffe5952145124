"""The geoparser stage: find place mentions, resolve them, pick an event's location.

Mentions come from spaCy GPE/LOC/FAC entities (NORP demonyms never count) and from a
phrase matcher over the gazetteer's ruler patterns (curated sites such as "Omar oil field",
countries, admin areas, prominent towns), so multiword sites are found even when the
statistical NER splits or mislabels them, plus "X County"-style admin names, capitalised
datelines ("MOUNT GILEAD (AP) --"), party-home districts ("D-Kanawha") and the places
institutions are named after ("McMinn County Sheriff"), county lists ("Clay and Wilkin
counties", "Loudon Co."), towns named by who lives there ("a Crafton man", data file
place_resident_nouns.txt), a named person's home town ("Mindy Miller of Ravenel"), names
listed with a place ("Monroe, Trenton and Seven Mile") and the place in "U.S.-led". A mention
takes the whole town or area name the gazetteer knows around it ("North Las Vegas", "Gun" +
"Barrel City"); a lower-case designator stays out of the span ("Kermanshah province"). One-word
names after a title ("Mrs. Lincoln"), names the gazetteer knows in no spelling ("Kristina
said") and zip-code hamlets without their state named ("United" of United Russia) are
not places. A name taken as a place once is a
place wherever the text repeats it; one-word names that are a person's surname in the
story ("Bush" after "George W. Bush") or mostly common words ("Superior Court",
place_common_words.txt) are not, unless a locative preposition precedes them. Spans the
gazetteer does not know as a whole are trimmed to the name inside ("Northeast Georgia",
"Fargo City Council"); a cut-off name head ("Tal" of "Tal Abyad") takes the rest of the
name. Resolution runs twice: first every name's candidate readings vote softly for the
document's countries, states and counties (clear readings also give anchor points), and
the document's actors (their ISO3 country in the actor dictionary; not a capital standing
for its government), demonyms and locale cues ("$", "sheriff", "RCMP":
place_locale_cues.tsv) vote for their countries; then
every mention is ranked with that focus (leaving out its own vote and its own anchor),
nearby places, "City, State" pairs and cue words ("province", "village", "mine"), and once
more with the states and countries the other names were resolved to. A small
namesake abroad is left unresolved when the actors and places point elsewhere; one sense
per name and document when a "City, State" pair fixed it. `settings.place_focus`
($CLAIMBASE_PLACE_FOCUS, --focus; ISO3 or ISO2) adds a strong user hint. `place_for` turns
"eastern Syria" or "the Idlib countryside" into a derived region without coordinates
(GUIDELINES §8) and widens "the outskirts of the city of X".
"""

from __future__ import annotations

import csv
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from claimbase.config import DATA_DIR, word_list
from claimbase.first_chars import with_first_chars
from claimbase.geo.bare_counties import county_readings
from claimbase.geo.capitals import capitals_of_named_countries
from claimbase.geo.city_abbreviations import city_abbreviation_spans
from claimbase.geo.codes import iso2_of_iso3, postal_codes
from claimbase.geo.conflict_names import (
    articled_town,
    camp_lookup,
    conflict_spans,
    desert_lookup,
    loose_common_word,
    loose_town_in_context,
    lower_qualifier,
    places_taken_for_orgs,
    regional_story,
)
from claimbase.geo.cut_names import whole_articled_names
from claimbase.geo.designated import designated_spans
from claimbase.geo.designators import titled_designator_end
from claimbase.geo.elided import elided_names
from claimbase.geo.feature_names import feature_name_spans, keep_feature_names
from claimbase.geo.gazetteer import (
    AREA_FEATURES,
    CUE_FEATURES,
    RULER_COUNTRIES,
    SITE_FEATURES,
    Context,
    Gazetteer,
    haversine_km,
    small_other_name,
)
from claimbase.geo.headlines import without_headline_persons
from claimbase.geo.hyphen_pairs import hanging_hyphen_spans, hyphen_partners
from claimbase.geo.institution_tails import trim_institution_tails
from claimbase.geo.landmarks import with_landmarks
from claimbase.geo.listed import place_in_siblings_province
from claimbase.geo.lone_states import discount_lone_states
from claimbase.geo.loose_readings import near_anchors
from claimbase.geo.name_parts import attach_phone_states, capital_county_names, country_initials
from claimbase.geo.near_namesakes import BESIDE_CUES
from claimbase.geo.nearby import cut_feature_word, named_after_town, place_near_towns
from claimbase.geo.nearby import firm as close_reading
from claimbase.geo.nonplaces import drop_non_places, read_with_article
from claimbase.geo.outlet import (
    clear_readings,
    home_readings,
    outlet_home,
    outlet_prior,
    remembered_readings,
)
from claimbase.geo.outlet_memory import (
    MEMORY_KEY,
    OutletMemory,
    memory_of,
    outlet_key,
    story_state,
)
from claimbase.geo.owned_districts import owned_district_spans, place_owned_districts
from claimbase.geo.persons import place_led_persons
from claimbase.geo.phones import area_votes
from claimbase.geo.precision import lower_case_words, refine_places
from claimbase.geo.province_words import province_word
from claimbase.geo.regions import _states, find_regions
from claimbase.geo.repeats import person_blocks
from claimbase.geo.saint_names import saint_buildings
from claimbase.geo.seat_votes import seated_areas, state_factor
from claimbase.geo.short_forms import county_short_forms, listed_counties
from claimbase.geo.siblings import listed_in_state, mislabelled_areas
from claimbase.geo.span_trim import cut_designator_of, split_joined
from claimbase.geo.spans import motion_spans, repair_mentions, town_state_spans
from claimbase.geo.speakers import demonym_spans, speaker_spans
from claimbase.geo.state_lists import states_among_states
from claimbase.geo.street_names import widen_to_streets
from claimbase.geo.titled_names import TITLE, title_led, titled_surnames
from claimbase.geo.town_use import dateline, town_use
from claimbase.geo.translit import norm
from claimbase.geo.unplaced_names import drop_unplaced_institutions
from claimbase.geo.zones import find_capital, find_zones
from claimbase.nlp.syntax import entities, head_chain_reaches, span_at
from claimbase.record import Document, Place
from claimbase.text import anchor_offset, line_start

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# designator words after a name: cue for ranking, and precision
AFTER_CUES = {
    "province": 3, "governorate": 3, "state": 3, "county": 3, "parish": 3, "region": 3,
    "countryside": 3, "desert": 3, "district": 3, "city": 1, "town": 1, "village": 1,
    "hamlet": 1,
    "area": 2, "pocket": 2, "outskirts": 2, "camp": 1, "base": 1, "airport": 1, "mine": 1,
    "field": 1, "fields": 1, "crossing": 2, "road": 2, "highway": 2, "suburbs": 2,
}
BEFORE_CUES = {
    "outskirts": 2, "vicinity": 2, "area": 2, "suburbs": 2, "environs": 2, "countryside": 3,
    "province": 3, "governorate": 3, "state": 3, "city": 1, "town": 1, "village": 1,
    "hamlet": 1, "region": 3,
    "district": 3, "county": 3, "desert": 3, "near": 2, "around": 2, "outside": 2,
    "north": 2, "south": 2, "east": 2, "west": 2, "northeast": 2, "northwest": 2,
    "southeast": 2, "southwest": 2,
}
_LEFT_EXPR = re.compile(
    r"(?:\bthe\s+)?(?:[A-Za-z][\w-]*\s+)?"
    r"(?P<cue>outskirts|vicinity|city|town|village|hamlet|area|countryside|province|governorate|region"
    r"|suburbs|district|desert|environs|county|state)\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
_DIR = (r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
        r"|central")
_DIRECTION = re.compile(rf"(?:\bthe\s+)?\b(?P<dir>{_DIR})(?:\s+(?P<cs>countryside|part|parts)"
                        rf"\s+of)?\s+$", re.IGNORECASE)
_DIRECTION_OF = re.compile(rf"\bthe\s+(?P<dir>{_DIR})(?:\s+of)\s+$", re.IGNORECASE)
_NEAR = re.compile(r"\b(?P<cue>near|around|outside|north|south|east|west|northeast|northwest"
                   r"|southeast|southwest)(?:\s+of)?\s+(?:the\s+)?$", re.IGNORECASE)
_ADMIN_NAME = re.compile(r"\b(?:[A-Z][a-z]+\.?\s){1,2}(?:County|Parish|Governorate|Province|"
                         r"Township|District)\b")
_DEMONYM = re.compile(r"(?:ian|ians|ese|ish|i|is|an|ans|ic|ean|eans)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_NAME_WORD_RE = r"(?:(?:al|el|ad|as|ar|ash|az|an|at)-)?[A-Z][\w’'‘]*"


@dataclass
class Mention:
    """A candidate place span before resolution."""

    start: int
    end: int
    text: str
    cue: str | None = None
    precision: int | None = None
    expr_start: int | None = None
    expr_end: int | None = None
    admin_hint: str | None = None
    country_hint: str | None = None
    derived: str | None = None  # "eastern", "countryside": a region derived from the name
    modifier: bool = False  # "US-backed", "Turkish-led": a sponsor, not a location
    lookup: str | None = None  # the name inside to resolve ("Kishwaukee" of "… River")
    province_word: bool = False  # "Hama provinces", "northern Hama": province_words
    town_use: bool = False  # "a Lebanon teenager": town_use.town_use
    beside: bool = False  # "three miles north of Brandon", "ELMDALE --": near_namesakes


_MATCHERS: dict[tuple[int, int], Any] = {}


def gazetteer_matcher(nlp_vocab: Any, gaz: Gazetteer) -> Any:
    """A spaCy PhraseMatcher (on lower-case text) over the gazetteer's ruler patterns."""
    key = (id(nlp_vocab), id(gaz))
    if key not in _MATCHERS:
        import spacy
        from spacy.matcher import PhraseMatcher

        tokenizer = spacy.blank("en", vocab=nlp_vocab).tokenizer
        matcher = PhraseMatcher(nlp_vocab, attr="LOWER")
        docs = [tokenizer(p) for p in gaz.matcher_patterns()]
        matcher.add("PLACE", docs)
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


# ------------------------------------------------------------------ mention finding


# a lower-case word before a name in an NER span, not a direction ("the eastern Ghouta" is
# left to the direction rules)
_LOWER_LEAD = re.compile(r"(?!(?:north|south|east|west|central|upper|lower)[a-z-]*[ \t])"
                         r"[a-z][\w-]*[ \t]+(?=[A-Z])")


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading "the", lower-case words before the name ("occupied Golan", "rebel-held
    Idlib"; not an Arabic article) and a trailing possessive or punctuation from a span."""
    span = text[start:end]
    if span.lower().startswith("the "):
        start += 4
    while (m := _LOWER_LEAD.match(text, start, end)) is not None and \
            not _ARTICLE_PREFIX.match(text[start:end]):
        start = m.end()
    m = _POSSESSIVE.search(text[start:end])
    if m:
        end = start + m.start()
    while end > start and text[end - 1] in ".,;:)\"'”’" and not text[start:end].endswith(
            (".C.", ".Y.", ".J.", ".S.", ".A.", ".K.")):
        if text[end - 1] == "." and re.search(r"\b[A-Z][a-z]{0,4}\.$", text[start:end]):
            break  # abbreviations such as "Ill." or "Calif."
        end -= 1
    return start, end


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ar|at|ash|az|an|ad-d|ed|es|et)[-\s’']", re.I)
_GENERIC = frozenset({"north", "south", "east", "west", "central", "western", "eastern",
                      "northern", "southern", "downtown", "midwest", "earth", "world"})


def _looks_like_name(surface: str) -> bool:
    """Capitalised (or an Arabic article before a capital), not a bare direction word."""
    if not any(ch.isalpha() for ch in surface) or surface.lower() in _GENERIC:
        return False
    if surface[:1].isupper() or surface[:1].isdigit():
        return True
    rest = _ARTICLE_PREFIX.sub("", surface)
    return rest != surface and rest[:1].isupper()


OTHER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                          "QUANTITY", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})


# labels the NER also gives to a place after "in" or "around" ("around Chattanooga" PRODUCT)
_SOFT_LABELS = frozenset({"PRODUCT", "EVENT", "LAW"})
# labels the NER gives to unfamiliar one-word names (towns among them): no date or number
_NAME_LIKE_LABELS = frozenset({"PRODUCT", "LANGUAGE", "WORK_OF_ART"})


def _buried_in_name(span: Any, names: list[Any], gaz: Gazetteer) -> bool:
    """A match inside a longer ORG/FAC name (`names`) that is neither its first word nor after
    "of": "Texas Department of Health" and "University of Texas" name Texas, "Gainesville
    Police" does not name a town called Police. A state or big city closing a short name
    is named too ("CBC Toronto", "Education Minnesota"; not "Taco Bell")."""
    ent = next((e for e in names if e.start <= span.start and span.end <= e.end
                and len(e) > len(span)), None)
    if ent is None:
        return False
    first = ent.start + (1 if ent[0].lower_ == "the" else 0)
    prev = span.doc[span.start - 1].lower_
    if span.start == first or prev in _OPENERS or (
            prev in _QUALIFIERS and (span.start - 1 == first or span.doc[span.start - 2].lower_
                                     in _OPENERS)):
        return False
    return not (span.end == ent.end and len(ent) <= 3 and _major_place(gaz, span.text))


def _major_place(gaz: Gazetteer, name: str) -> bool:
    """The name's first exact reading is a country, a state or a city of 100,000 or more."""
    if not gaz.has_name(name):
        return False
    cands = [c for c in gaz.candidates(name)[:5] if c.match == "exact"]
    return bool(cands) and (cands[0].feature in ("country", "admin1") or (
        cands[0].feature in _TOWN_FEATURES and cands[0].population >= 100_000))


# words after which a place inside an organisation's name is that place ("University of
# Nebraska-Lincoln", "Association of Western Pennsylvania", "Metro Vancouver")
_OPENERS = frozenset({"of", "-", "metropolitan"})


def _common_word(span: Any, surnames: set[str], lower_words: set[str]) -> bool:
    """A one-word match that is a person's surname here, a word the text also writes in
    lower case, or not tagged as a proper noun."""
    if len(span) > 1:
        return False
    tok = span[0]
    return (tok.text in surnames or tok.text.lower() in lower_words
            or (tok.pos_ not in ("PROPN", "") and not tok.text.isupper()))


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|into|outside|from|to|toward|towards|"
                              r"around|of|across|through)\s+(?:the\s+)?$", re.IGNORECASE)


def _person_name(text: str, start: int, surface: str, names: set[str],
                 gaz: Gazetteer) -> bool:
    """A one-word name that is a person's given name or surname elsewhere in the document
    ("Bush" after "George Bush"), not after a locative preposition, and not a country's or
    state's name."""
    if " " in surface or surface not in names \
            or _LOCATIVE_BEFORE.search(text, max(0, start - 20), start):
        return False
    return not any(c.feature in ("country", "admin1") and c.match == "exact"
                   for c in gaz.candidates(surface)[:5])


_TITLE_BEFORE = re.compile(rf"{TITLE}[ \t]+\Z")


def _titled_person(text: str, start: int, surface: str) -> bool:
    """A one-word name after a title or a given name and initial is a person: "Mrs.
    Lincoln", "Judge Marshall", "Tyrise M. Bell"; so is a name led by a title, "Ms Raggi"."""
    return title_led(surface) or (
        " " not in surface and bool(_TITLE_BEFORE.search(text, max(0, start - 30), start)))


def _unknown_word(text: str, start: int, surface: str, gaz: Gazetteer) -> bool:
    """A one-word name the gazetteer knows in no spelling, not after a locative preposition:
    a person or a brand the NER took for a place ("Kristina said", "Petrojet")."""
    return " " not in surface and "-" not in surface and not gaz.has_name(surface) \
        and not _LOCATIVE_BEFORE.search(text, max(0, start - 20), start) \
        and not gaz.candidates(surface)


def _split_surnames(sdoc: Any, ents: list[Any]) -> set[str]:
    """Surnames the NER cut off a person's name as a place: "George W." PERSON right before
    a one-word GPE "Bush"."""
    out = set()
    for ent in ents:
        if ent.label_ != "PERSON" or ent.end >= len(sdoc):
            continue
        nxt = sdoc[ent.end]
        if nxt.ent_type_ in PLACE_LABELS and nxt.ent_iob_ == "B" and nxt.is_title and (
                ent.end + 1 >= len(sdoc) or sdoc[ent.end + 1].ent_iob_ != "I"):
            out.add(nxt.text)
    return out


_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "'s", "’s", ","})


def _surname(ent: Any) -> str:
    """The surname of a PERSON entity ("Bush" of "George Bush Jr", "Marshall" of "Michael
    Marshall's")."""
    words = [t.text for t in ent if t.text not in _SUFFIXES]
    return words[-1] if words else ent[-1].text


def _given_names(ents: list[Any]) -> set[str]:
    """The given names of the story's PERSON entities of two to four capitalised words
    ("Perry" of "Perry Chu"; not "Clinton" of a "Clinton St." the NER took for a person)."""
    streets = word_list("place_street_type_words.txt")
    return {ent[0].text for ent in ents if ent.label_ == "PERSON" and 1 < len(ent) <= 4
            and all(t.is_title and {t.text, t.text.rstrip(".")}.isdisjoint(streets)
                    for t in ent if t.text not in _SUFFIXES)}


def _named_person(text: str, start: int, end: int, persons: set[tuple[int, int]],
                  given: set[str], gaz: Gazetteer) -> bool:
    """A one-word mention the NER calls a person here whose word is the given name of a
    person the story names in full ("Perry" after "Perry Chu"), not after a locative
    preposition; a name of the conflict region keeps its reading (the NER often takes a
    transliterated village for a person)."""
    surface = text[start:end]
    if (start, end) not in persons or surface not in given \
            or _LOCATIVE_BEFORE.search(text, max(0, start - 20), start):
        return False
    return not any(c.country in RULER_COUNTRIES or c.feature in ("country", "admin1")
                   for c in gaz.candidates(surface)[:10] if c.match == "exact")


def _common_place_words() -> frozenset[str]:
    return word_list("place_common_words.txt")


_STRICT_LOCATIVE = re.compile(r"\b(?:in|near|at|into|outside|from|to|toward|towards|around"
                              r"|across|through)\s+$", re.IGNORECASE)
_STATE_AFTER = re.compile(r",\s*[A-Z][a-z]*\.?(?:\s?[A-Z][a-z]*\.)?")


def _common_place_word(text: str, start: int, end: int, surface: str) -> bool:
    """A one-word name that is mostly a common word ("Police", "Commerce", "Superior"),
    unless a locative preposition comes before it or "City, State" follows."""
    if surface not in _common_place_words():
        return False
    return not (_STRICT_LOCATIVE.search(text, max(0, start - 15), start)
                or _STATE_AFTER.match(text, end))


def _is_demonym(text: str, gaz: Gazetteer) -> bool:
    """A one-word name with a demonym's ending that the gazetteer knows in no spelling of a
    town ending the same way ("Iraqi" only folds to "Iraq"; "Qamishli" is Al Qāmishlī)."""
    return (" " not in text and bool(_DEMONYM.search(text)) and not gaz.has_name(text)
            and not _spelled_town(gaz, text))


def _spelled_town(gaz: Gazetteer, name: str) -> bool:
    """Another spelling of a town of 1,000 people or more, or of a curated site, that ends
    with the name's last two letters ("Qamishli" for Al Qāmishlī; not "Iraqi" for Iraq,
    "Idlibi" for Idlib)."""
    end = norm(name)[-2:]
    return any(c.match == "fold" and norm(c.name)[-2:] == end and (
        (c.feature in _TOWN_FEATURES and c.population >= 1000) or c.feature in SITE_FEATURES)
        for c in gaz.candidates(name)[:5])


def _demonym_like(text: str, gaz: Gazetteer) -> bool:
    """A NORP entity that really is a demonym or group name ("Syrian", "Kurds"), not a town
    the NER mislabelled ("in Pewaukee")."""
    demonyms, _names = _states()
    return (text in demonyms or text.rstrip("s") in demonyms or " " in text
            or (bool(_DEMONYM.search(text)) and not _sizeable_place(gaz, text))
            or not gaz.has_name(text))


def _sizeable_place(gaz: Gazetteer, name: str) -> bool:
    """The name's first exact reading is a country, an admin area or a town of 10,000 or
    more: "Sochi" or "Dagestan" only look like demonyms."""
    if not name[:1].isupper() or not gaz.has_name(name):
        return False
    cands = [c for c in gaz.candidates(name)[:5] if c.match == "exact" and norm(c.name) == norm(name)]
    return bool(cands) and (cands[0].feature in ("country", "admin1", "admin2") or (
        cands[0].feature in _TOWN_FEATURES and cands[0].population >= 10_000))


def _weak_name(gaz: Gazetteer, name: str) -> bool:
    """Every exact reading of the name is a zip-code locality (a US place below 500 people,
    often named like a common word: "House", "United", "Institute"): a place where the NER,
    a dateline or a locative preposition says so, never the place inside a longer name."""
    exact = [c for c in gaz.candidates(name) if c.match == "exact"]
    return bool(exact) and all(c.feature == "locality" and (c.gid or "").startswith("zip:")
                               for c in exact)


@lru_cache(maxsize=1)
def _state_abbreviations() -> dict[str, tuple[str, ...]]:
    """US state -> its abbreviations ("Virginia" -> "Va.") from place_aliases.tsv."""
    out: dict[str, tuple[str, ...]] = {}
    with (DATA_DIR / "place_aliases.tsv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            if r["country"] == "US" and r["admin1"] and r["kind"] == "abbr":
                out[r["admin1"]] = tuple(a for a in r["aliases"].split("|") if a)
    return out


def _state_named(text: str, gaz: Gazetteer, name: str) -> bool:
    """The text names the state (in full or abbreviated) of one of the name's readings: the
    local evidence a hamlet's name needs outside the NER ("drove to Lanexa" in a story that
    says "Va.")."""
    abbr = _state_abbreviations()
    states = {c.admin1 for c in gaz.candidates(name) if c.match == "exact" and c.admin1}
    return any(re.search(rf"(?<![\w.]){re.escape(form)}(?![\w])", text)
               for st in states for form in (st, *abbr.get(st, ())))


def _known_name(gaz: Gazetteer, name: str) -> bool:
    """`gaz.has_name`, less the names only zip-code localities bear."""
    return gaz.has_name(name) and not _weak_name(gaz, name)


def find_mentions(doc: Document, gaz: Gazetteer,
                  actor_votes: Counter | None = None) -> list[Mention]:
    """Place spans from NER and the gazetteer matcher, longest first on overlap.
    `actor_votes`: the document's actor and demonym votes (`document_votes`), worked out
    here when not given."""
    sdoc = doc.spacy_doc
    text = doc.text
    ents = without_headline_persons(text, list(entities(sdoc)))  # "… Joins Sochi Mayor Race"
    names = [e for e in ents if e.label_ in ("ORG", "FAC")]
    spans: list[tuple[int, int, int]] = []  # (start, end, priority)
    blocked: list[tuple[int, int]] = []  # demonyms and person names hide a matched name
    lower_words = set(lower_case_words(doc.analysis_text))
    placed = place_led_persons(ents, gaz, "PERSON", lower_words)  # "Greer Station" PERSON
    spans.extend((a, b, 2) for a, b in placed.values())
    spans.extend((a, b, 2) for a, b in place_led_persons(ents, gaz, "ORG", lower_words).values())
    ents = [e for e in ents if (e.start_char, e.end_char) not in placed]
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            spans.append((ent.start_char, ent.end_char, 2))
        elif ent.label_ in ("NORP", "PERSON"):
            blocked.append((ent.start_char, ent.end_char))
    nonperson = [(e.start_char, e.end_char) for e in ents
                 if e.label_ == "NORP" and _demonym_like(e.text, gaz)]
    surnames = {_surname(ent) for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    person_names = {_surname(ent) for ent in ents if ent.label_ == "PERSON"
                    and 1 < len(ent) <= 4 and all(t.is_title for t in ent if t.text not in _SUFFIXES)}
    given = _given_names(ents)
    one_word_persons = {(e.start_char, e.end_char) for e in ents
                        if e.label_ == "PERSON" and len(e) == 1}
    person_names |= _split_surnames(sdoc, ents)
    person_names |= titled_surnames(doc.analysis_text)  # "Bell" after "Tyrise M. Bell"
    other = [(e.start_char, e.end_char) for e in ents if e.label_ in OTHER_LABELS
             and not (e.label_ in _SOFT_LABELS and not any(ch.isdigit() for ch in e.text)
                      and _STRICT_LOCATIVE.search(text, max(0, e.start_char - 15), e.start_char)
                      and gaz.has_name(e.text))]
    matcher = gazetteer_matcher(sdoc.vocab, gaz)
    for _mid, s, e in matcher(sdoc):
        span = sdoc[s:e]
        if not _looks_like_name(span.text) or (_common_word(span, surnames, lower_words)
                                                and not country_initials(span, gaz)) \
                or (len(span.text) <= 3 and not span.text.isupper()):
            continue  # "Moore" after "John Moore"; "Police" when "police" is used too; "Us"
        if any(a < span.end_char and span.start_char < b for a, b in other):
            continue  # "March 9" is a date
        if _buried_in_name(span, names, gaz):
            continue  # "Police" in "Gainesville Police Department"
        start, end = span.start_char, span.end_char
        inside = [b for b in blocked if b[0] <= start and end <= b[1]]
        if any((b[1] - b[0]) > (end - start) for b in inside):
            continue  # "Paris Hilton", "the Syrian Arab Army"; "Texas" in an ORG stays
        spans.append((start, end, 3))
    spans.extend(hanging_hyphen_spans(doc.analysis_text, gaz))  # "northern Syria- without"
    for m in with_first_chars(_ADMIN_NAME).finditer(doc.analysis_text):
        if gaz.has_name(m.group(0)):
            spans.append((m.start(), m.end(), 3))  # "Laurel County", "Rapides Parish"
    spans.extend(_sponsor_places(doc.analysis_text, gaz))
    spans.extend(city_abbreviation_spans(doc.analysis_text, gaz))  # "Phila.", "L.A."
    spans.extend(mislabelled_areas(ents, gaz, lower_words))  # "Limpopo" DATE
    paired = town_state_spans(doc.analysis_text, gaz)  # "Hugo, Oklahoma", "Edmonton, Ky"
    spans.extend(paired)
    paired_states = {(a, b) for a, b, _p in paired}  # a state after its town: "Ky" is one
    designated = designated_spans(doc.analysis_text, gaz)  # "the towns of Haris and Varzaqan"
    spans.extend(designated)
    owned = owned_district_spans(doc.analysis_text, gaz)  # "Cairo's Shubra neighbourhood"
    spans.extend(owned)
    said_towns = {(a, b) for a, b, _p in designated + owned}
    doc.__dict__["owned_districts"] = {(a, b) for a, b, _p in owned}
    counties = _county_names(doc.analysis_text, gaz)
    person_words = {w for e in ents if e.label_ == "PERSON" and len(e) > 1 for w in e.text.split()}
    person_words |= surnames | person_names
    for short in (county_short_forms, listed_counties):  # "Gwinnett" after "Gwinnett County"
        counties.update({span: full for span, full in short(
            doc.analysis_text, gaz, person_words, lower_words).items() if span not in counties})
    elided = elided_names(doc.analysis_text, gaz)  # "North and South Korea"
    if elided:
        spans = [sp for sp in spans if not any(a < sp[1] and sp[0] < b for a, b in elided)]
        counties.update(elided)
    spans.extend((a, b, 4) for a, b in counties)
    spans.extend(_institution_places(doc.analysis_text, gaz))
    spans.extend(_dateline_and_district_places(doc.analysis_text, gaz))
    persons = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"]
    spans.extend(_resident_places(doc.analysis_text, gaz, surnames | person_names,
                                  lower_words))
    spans.extend(_locative_names(doc.analysis_text, gaz, spans, nonperson + other, persons,
                                 lower_words))
    spans.extend(_home_towns(doc.analysis_text, gaz, persons, lower_words))
    motions = motion_spans(doc.analysis_text, gaz, lower_words)  # "drove to Lanexa"
    spans.extend(motions)
    placed_by_context = {text[a:b] for a, b, _p in paired + designated + motions}
    features = feature_name_spans(doc.analysis_text, gaz, [(a, b) for a, b, _p in spans],
                                  persons, lower_words)  # "along Anthony Creek"
    spans.extend(features)
    doc.__dict__["feature_spans"] = {(a, b) for a, b, _p in features}
    taken = [(a, b) for a, b, _p in spans]
    if actor_votes is None:
        actor_votes = document_votes(doc, gaz)
    # what a story of the region takes for granted ("regime forces") tells it as its actors do
    regional = regional_story(doc.analysis_text, gaz,
                              actor_votes + _locale_votes(doc.analysis_text), taken)
    # a one-word transliterated town the NER took for a product or a language ("shelling
    # on Kafrnabal" PRODUCT) hides nothing from the region's rules, which check the gazetteer
    hard = [(e.start_char, e.end_char) for e in ents
            if e.label_ in OTHER_LABELS and (e.label_ not in _NAME_LIKE_LABELS or len(e) > 1)]
    spans.extend(conflict_spans(doc.analysis_text, gaz, taken, nonperson + hard, persons,
                                regional))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0]), -s[2]))
    mentions: list[Mention] = []
    last_end = -1
    for start, end, _prio in spans:
        if start < last_end:
            continue
        for sub_start, sub_end in [p for a, b in _split_commas(text, start, end)
                                   for p in split_joined(text, a, b, gaz)]:
            s, e = _clean_span(text, sub_start, sub_end)
            s = cut_designator_of(text, s, e)  # "City of Norfolk": Norfolk
            s, named = lower_qualifier(text, s, e, gaz)  # "eastern Ghouta"
            if e <= s or doc.in_boilerplate(s, e):
                continue
            s, e, inner = (s, e, counties[(s, e)]) if (s, e) in counties \
                else _trim_to_name(text, s, e, gaz)
            surface = text[s:e]
            if (s, e) in elided:  # "North" of "North and South Korea": North Korea
                mentions.append(Mention(start=s, end=e, text=surface, lookup=inner))
                continue
            if (_is_demonym(surface, gaz) and not articled_town(text, s, e, gaz)
                    and not loose_town_in_context(text, s, e, gaz)) \
                    or not (named or _looks_like_name(surface)) \
                    or (len(surface) <= 2 and not surface.isupper()
                        and (s, e) not in paired_states) \
                    or not _ARTICLE_PREFIX.sub("", surface + " ").strip():
                continue  # "Al-" alone: a name cut after its article
            if _person_name(text, s, surface, person_names, gaz) \
                    or _named_person(text, s, e, one_word_persons, given, gaz) \
                    or _common_place_word(text, s, e, surface) or _titled_person(text, s, surface):
                continue  # "Bush" after "George Bush"; "Perry" after "Perry Chu"; "Mrs. Lincoln"
            if (s, e) in said_towns:
                pass  # the designator says it is a town: no further evidence needed
            elif not inner and _unknown_word(text, s, surface, gaz):
                continue  # "Kristina said", "the Obama administration": no place at all
            elif not inner and loose_common_word(surface, lower_words, gaz):
                continue  # "Shells fall on…": a common word, not Sells
            elif not inner and " " not in surface and _weak_name(gaz, surface) and (
                    surface.lower() in lower_words or not (
                        _state_named(text, gaz, surface)
                        or listed_in_state(text, s, e, gaz, surface))):
                continue  # "United" (Russia), "Street": a one-word hamlet needs its state
            mentions.append(Mention(start=s, end=e, text=surface, lookup=inner,
                                    precision=2 if inner else None,
                                    modifier=bool(_MODIFIER_SUFFIX.match(text, e))))
        last_end = end
    mentions = _extend_heads(text, mentions, gaz)
    mentions = _extend_to_known_names(text, mentions, gaz)
    mentions = _coordinated_places(text, mentions, gaz, person_names, lower_words, nonperson + [
        (e.start_char, e.end_char) for e in ents if e.label_ in ("DATE", "TIME", "ORG")])
    _drop_designators(text, mentions, gaz)
    _extend_admin_words(text, mentions, gaz)
    trim_institution_tails(text, mentions, gaz)  # "University of Michigan Center for …"
    whole_articled_names(text, mentions)  # "Khan al" of "Khan al-Sobol": the whole name
    for m in mentions:  # "the eastern desert of Homs" is the Homs desert
        m.lookup = m.lookup or desert_lookup(text, m.start, m.end, gaz) or \
            camp_lookup(text, m.start, m.end, gaz)  # "the al-Hawl refugee camp"
    trusted = {m.text for m in mentions} - person_names - {w.capitalize() for w in lower_words}
    # the analysis text: a name repeated in blanked boilerplate (a page header's
    # "Baghdad | Wednesday …") is no mention
    mentions = _propagate(doc.analysis_text, mentions, gaz,
                          person_blocks(ents, trusted, placed_by_context) + nonperson, trusted)
    mentions = hyphen_partners(text, mentions, gaz, person_words, lower_words)  # "Logan-Rogersville"
    mentions = widen_to_streets(text, mentions)  # "Taylor" of "Taylor Street"
    mentions = saint_buildings(text, mentions, gaz)  # "St. Michael's Hospital", not a town
    _attach_cues(text, mentions)
    _attach_postal(text, mentions)
    attach_phone_states(text, mentions, gaz)
    return mentions


# "Becker, Clay and Otter Tail counties": every name of the list is a county
_LIST_NAME = r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?"
_COUNTY_LIST = re.compile(
    rf"(?P<names>(?:{_LIST_NAME}(?:,[ \t]+(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+))+"
    rf"{_LIST_NAME})"
    r"[ \t]+(?P<kind>counties|parishes|Counties|Parishes)\b")
_LIST_SEP = re.compile(r",[ \t]+(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+")
# "Loudon Co.": the abbreviated designator
_COUNTY_ABBR = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]Co\.")


_SPONSOR_PLACE = re.compile(r"(?<![\w.])(?P<name>U\.S\.|U\.K\.|[A-Z][A-Za-z]+)\Z")


_SPONSOR_WORD = re.compile(r"[-‐](?:led|based|backed|sponsored|supported|funded|allied"
                           r"|aligned|loyal)\b")


def _sponsor_places(text: str, gaz: Gazetteer) -> list[tuple[int, int, int]]:
    """The place in "U.S.-led", "Russia-backed" or "Ankara-loyal" (the tokenizer keeps it in
    one word); it stays a modifier, never an event's location."""
    out: list[tuple[int, int, int]] = []
    for hit in _SPONSOR_WORD.finditer(text):
        m = _SPONSOR_PLACE.search(text, max(0, hit.start() - 40), hit.start())
        if m is None:
            continue
        name = m.group("name")
        if gaz.has_name(name) and any(c.match == "exact" and c.feature in (
                "country", "admin1", "capital", "city") for c in gaz.candidates(name)[:5]):
            out.append((m.start("name"), m.end("name"), 3))
    return out


def _county_names(text: str, gaz: Gazetteer) -> dict[tuple[int, int], str]:
    """Spans of county names the designator does not follow directly ("Clay" in "Clay and
    Wilkin counties", "Loudon Co."), mapped to the full name to look up ("Clay County")."""
    out: dict[tuple[int, int], str] = {}
    if "ounties" in text or "arishes" in text:
        for m in _COUNTY_LIST.finditer(text):
            word = "Parish" if m.group("kind").lower() == "parishes" else "County"
            pos = m.start("names")
            for part in _LIST_SEP.split(m.group("names")):
                start = text.index(part, pos)
                pos = start + len(part)
                full = f"{part} {word}"
                if gaz.has_name(full):
                    out[(start, pos)] = full
    for m in _party_homes(text):  # "D-Kanawha": a delegate's home county
        name = m.group("name").rstrip(".")  # "D-McDowell." ends a sentence
        full = f"{name} County"
        if gaz.has_name(full) and not any(
                c.match == "exact" and c.feature in _TOWN_FEATURES and c.population >= 100_000
                for c in gaz.candidates(name)[:5]):
            out[(m.start("name"), m.start("name") + len(name))] = full
    if " Co." in text:
        for m in _COUNTY_ABBR.finditer(text):
            full = f"{m.group('name')} County"
            if gaz.has_name(full):
                out[(m.start("name"), m.end())] = full
    out.update(capital_county_names(text, gaz))
    return out


def _propagate(text: str, mentions: list[Mention], gaz: Gazetteer,
               blocked: list[tuple[int, int]], trusted: set[str]) -> list[Mention]:
    """One sense per document: a name the NER and the gazetteer both take for a place
    (`trusted`) is a place wherever else the text writes it the same way ("Sochi mayoral
    election" after "in Sochi"), except inside a person's name or a group name."""
    names = {m.text for m in mentions if len(m.text) >= 4 and not m.lookup
             and m.text in trusted and m.text not in _common_place_words()
             and m.text.lower() not in _QUALIFIERS and not _DEMONYM_END.search(m.text)
             and gaz.has_name(m.text)}
    # an upper-case dateline's town ("ROCKY HILL -") in the usual case elsewhere
    names |= {n.title() for n in names if n.isupper() and n.title() not in _common_place_words()
              and gaz.has_name(n.title())}
    if not names:
        return mentions
    taken = bytearray(len(text) + 1)
    for a, b in [(m.start, m.end) for m in mentions] + blocked:
        taken[a:b] = b"\x01" * (b - a)
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = rf"(?<![\w.'’-])(?:{alts})(?![\w’-]|'\w)"
    # a possessive is the place too ("Hounslow’s lead member") when the name is a sizeable
    # place's and no word of a person's name ("Moore’s lawyer" after "Tom Moore")
    pwords = {w for a, b in blocked for w in text[a:b].split()}
    if owned := [n for n in names if n not in pwords and _sizeable_place(gaz, n)]:
        alts = "|".join(re.escape(n) for n in sorted(owned, key=len, reverse=True))
        pattern = rf"{pattern}|(?<![\w.'’-])(?:{alts})(?=['’]s\b)"
    rx = re.compile(pattern)  # compiled once: a long alternation costs more to compile
    found = [Mention(start=m.start(), end=m.end(), text=m.group())
             for m in rx.finditer(text) if not any(taken[m.start():m.end()])]
    if not found:
        return mentions
    return sorted(mentions + found, key=lambda m: m.start)


# a town or area whose whole name a mention is only part of
_WHOLE_NAME_FEATURES = frozenset({"city", "capital", "village", "town", "locality", "admin1",
                                  "admin2", "admin3"})
_LEFT_WORDS = re.compile(r"(?<![\w.'’-])((?:[A-Z][\w'’]*|[A-Z][a-z]?t\.)[ \t]){1,2}\Z")
_RIGHT_WORD = re.compile(r"(?:[ \t]|-)[A-Z][\w'’]*(?![\w-])")


def _whole_name(gaz: Gazetteer, name: str) -> bool:
    """The gazetteer knows the name exactly as a town's or an admin area's."""
    return gaz.has_name(name) and any(c.match == "exact" and c.feature in _WHOLE_NAME_FEATURES
                                      for c in gaz.candidates(name)[:20])


def _extend_to_known_names(text: str, mentions: list[Mention],
                           gaz: Gazetteer) -> list[Mention]:
    """A mention that is part of a longer town or area name the gazetteer knows exactly takes
    the whole name, up to two capitalised words on either side: "North Las Vegas", "New
    Concord", "West Virginia" (of "West Virginia Democratic Party"), "Belle Plaine",
    "Batesburg-Leesville", also across two mentions the NER split ("Gun" + "Barrel City")."""
    out: list[Mention] = []
    tails = _name_tails()
    for i, m in enumerate(mentions):
        if not m.text:
            continue  # swallowed by an earlier extension
        if m.lookup or m.modifier:
            out.append(m)
            continue
        lefts = [m.start]
        lw = _LEFT_WORDS.search(text, max(0, m.start - 40), m.start)
        if lw is not None:
            words = list(re.finditer(r"\S+", lw.group(0)))
            lefts += [lw.start() + w.start() for w in reversed(words)]
        rights = [m.end]
        for _ in range(2):
            r = _RIGHT_WORD.match(text, rights[-1])
            if r is None:
                break
            rights.append(r.end())
        floor = out[-1].end if out else 0
        best = None
        for s in lefts:
            for e in rights:
                if (s, e) == (m.start, m.end) or s < floor:
                    continue
                name = text[s:e]
                last = name.rsplit(None, 1)[-1]
                if (best is None or e - s > best[1] - best[0]) and _whole_name(gaz, name) \
                        and not (s < m.start and _weak_name(gaz, name)) \
                        and not (last in tails and _whole_name(gaz, name[:-len(last)].strip())):
                    best = (s, e)  # not "East Texas", a hamlet; not "Dublin City" (Council)
        if best is not None:
            m.start, m.end = best
            m.text = text[m.start:m.end]
            m.precision = None
            for nxt in mentions[i + 1:]:
                if nxt.start < m.end:
                    nxt.text = ""  # "Barrel City" of "Gun Barrel City"
        out.append(m)
    return out


_LIST_WORD = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?"
_COORD_NAME = rf"{_LIST_WORD}(?:[ \t]{_LIST_WORD}){{0,2}}"
_COORD_RIGHT = re.compile(rf"(?P<sep>,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)"
                          rf"(?P<name>{_COORD_NAME})")
_COORD_LEFT = re.compile(rf"(?<![\w.'’-])(?P<name>{_COORD_NAME})"
                         rf"(?P<sep>,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)\Z")
_LIST_GO_ON = re.compile(r",|[ \t]+(?:and|or)\b")
# after a listed name: more of a person's or a street's name, or the kind of the list
_NOT_LIST_END = re.compile(r"['’]?[ \t]*(?:[A-Z]|(?:avenues|streets|roads|drives|lanes|counties"
                           r"|parishes|townships|elementary|high|middle|schools?)\b)")


_PRONOUNS = frozenset({"She", "He", "They", "We", "It", "I", "You", "Her", "His", "Their"})


def _coordinated_places(text: str, mentions: list[Mention], gaz: Gazetteer,
                        person_names: set[str], lower_words: set[str],
                        blocked: list[tuple[int, int]]) -> list[Mention]:
    """Towns and areas listed with a place ("Decatur and Avondale Estates", "Monroe, Trenton
    and Seven Mile", "Clarke and Oconee"): a name coordinated with a mention by "and", "or"
    or a comma inside a list is a place when the gazetteer knows it exactly as a town's or
    an area's. Repeats until the list is used up."""
    taken = [(m.start, m.end) for m in mentions] + blocked
    found: list[Mention] = []
    todo = [m for m in mentions if not m.modifier]

    def ok(start: int, end: int, name: str, listed: bool) -> bool:
        if not listed or _NOT_LIST_END.match(text, end) or name in _PRONOUNS \
                or any(a < end and start < b for a, b in taken) \
                or name in person_names or name.lower() in _GENERIC or len(name) < 3:
            return False
        if any(w.lower() in lower_words for w in name.split()) and " " not in name:
            return False
        return _whole_name(gaz, name) and not (
            " " not in name and _weak_name(gaz, name) and not _state_named(text, gaz, name))

    while todo:
        m = todo.pop()
        r = _COORD_RIGHT.match(text, m.end)
        if r is not None:
            sep, name = r.group("sep"), r.group("name")
            listed = "and" in sep or "or" in sep or bool(_LIST_GO_ON.match(text, r.end()))
            # longest known prefix of the capitalised words
            words = list(re.finditer(r"\S+", name))
            for n in range(len(words), 0, -1):
                end = r.start("name") + words[n - 1].end()
                sub = text[r.start("name"):end]
                if ok(r.start("name"), end, sub, listed):
                    new = Mention(start=r.start("name"), end=end, text=sub)
                    found.append(new)
                    taken.append((new.start, new.end))
                    todo.append(new)
                    break
        lo = max(0, m.start - 60)
        left = _COORD_LEFT.search(text, lo, m.start)
        if left is not None:
            sep = left.group("sep")
            before = text[max(0, left.start() - 2):left.start()]
            listed = "and" in sep or "or" in sep or before.endswith(", ")
            words = list(re.finditer(r"\S+", left.group("name")))
            for n in range(len(words)):
                start = left.start("name") + words[n].start()
                sub = text[start:left.end("name")]
                if ok(start, left.end("name"), sub, listed):
                    new = Mention(start=start, end=left.end("name"), text=sub)
                    found.append(new)
                    taken.append((new.start, new.end))
                    todo.append(new)
                    break
    if not found:
        return mentions
    return sorted(mentions + found, key=lambda m: m.start)


_DESIGNATOR_END = re.compile(r"[ \t]+(?:province|governorate|district|region|city|county"
                             r"|state|area|town|village|parish)\Z")


def _drop_designators(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """"Kermanshah province" -> "Kermanshah": a lower-case designator is not part of the
    name (the cue and the expression keep it)."""
    for m in mentions:
        d = _DESIGNATOR_END.search(m.text)
        if d is not None and d.start() > 0 and gaz.has_name(m.text[:d.start()]):
            m.end = m.start + d.start()
            m.text = text[m.start:m.end]


_DEMONYM_END = re.compile(r"(?:ic|ish|ese|ian|ians|i)$")
_ADMIN_WORD = re.compile(r"[ \t](County|Parish|Township\b|Twp\.)(?![\w-])")


def _extend_admin_words(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """"Butler" right before "County" is Butler County when the gazetteer knows that name;
    a township's designator is part of its name in any case ("Madison Township", "Tewksbury
    Twp."), which is then looked up by the name before it unless the gazetteer knows it."""
    for i, m in enumerate(mentions):
        after = _ADMIN_WORD.match(text, m.end)
        if after is None or m.lookup or (i + 1 < len(mentions)
                                         and mentions[i + 1].start < after.end()):
            continue
        full = text[m.start:after.end()]
        if gaz.has_name(full):
            m.end, m.text = after.end(), full
        elif after.group(1).startswith(("Township", "Twp")):
            m.lookup, m.precision = m.text, 2
            m.end, m.text = after.end(), full


def _name_tails() -> frozenset[str]:
    return word_list("place_name_tails.txt")


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("place_name_heads.txt"))


_NEXT_WORDS = re.compile(rf"[\s-]+({_NAME_WORD_RE}(?:[\s-]+{_NAME_WORD_RE})?)")


def _extend_heads(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """A mention cut after the first word of a longer name ("Tal" of "Tal Abyad", "Der" of
    "Der- Ezzor") takes the following capitalised words when the gazetteer knows the whole;
    else it is dropped (the head word alone is not the place)."""
    heads = _name_heads()
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        if norm(m.text) not in heads:
            out.append(m)
            continue
        nxt = _NEXT_WORDS.match(text, m.end)
        if nxt is None:
            out.append(m)
            continue
        limit = mentions[i + 1].end if i + 1 < len(mentions) else len(text)
        words = list(re.finditer(r"[^\s-]+", nxt.group(1)))
        for n in range(len(words), 0, -1):
            end = nxt.start(1) + words[n - 1].end()
            name = text[m.start:end]
            if end <= limit and any(c.match in ("exact", "fold") for c in gaz.candidates(name)):
                out.append(Mention(start=m.start, end=end, text=name))
                if i + 1 < len(mentions) and mentions[i + 1].start < end:
                    mentions[i + 1].text = ""  # swallowed by the extension
                break
    return [m for m in out if m.text]


_QUALIFIERS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northern", "southern", "eastern", "western", "northeastern", "northwestern",
    "southeastern", "southwestern", "central", "metro", "greater", "downtown",
    "historic", "upstate", "rural", "suburban", "coastal", "inner", "far"})
_TOWN_FEATURES = frozenset({"city", "capital", "village", "town", "locality"})
# generic words of longer names, never the place inside them ("Lake" of "Lake Hartwell")
_FEATURE_WORDS = frozenset({
    "lake", "lakes", "river", "creek", "park", "island", "islands", "valley", "bay", "gulf",
    "sea", "ocean", "mount", "mountain", "mountains", "harbor", "harbour", "square", "town",
    "city", "court", "county", "township", "twp", "port", "point", "beach", "forest", "hill",
    "hills", "springs", "falls", "canyon", "cape", "fort", "camp", "station", "state",
    "national", "university", "college", "hospital", "airport", "international", "saint", "st",
    "street", "avenue", "road", "drive", "lane", "boulevard", "side", "hall", "house",
    "center", "centre", "church", "school"})


# after a name: punctuation, a joining word or the end of the text, not a noun of its own
_NAME_CLOSED = re.compile(r"[ \t]*(?:[,.;:!?)\n]|(?:and|or)\b|\Z)")


def _trim_to_name(text: str, start: int, end: int,
                  gaz: Gazetteer) -> tuple[int, int, str | None]:
    """The gazetteer name inside a span the gazetteer does not know as a whole: "Northeast
    Georgia" -> "Georgia", "Henderson County Jail" -> "Henderson County", "Fargo City" ->
    "Fargo" (unless "X City" is itself a town: "Kansas City"). A span that names a distinct
    feature ("Kishwaukee River") stays whole, with the inner name to look up (approximate)."""
    span = text[start:end]
    words = list(re.finditer(r"[^\s]+", span))
    if len(words) < 2:
        return start, end, None
    if (named_end := titled_designator_end(text, start, end, gaz)) is not None:
        return start, named_end, None  # "Qameshly City": the designator is no part of it
    cands = gaz.candidates(span)
    exact = [c for c in cands if c.match == "exact"]
    city_form = False
    # "Dublin City" adds nothing to "Dublin", and "Dublin City Council" or "London City
    # airport" names an institution; but "Quebec City" closing a phrase is the town's name
    if words[-1].group() in ("City", "city") and not _NAME_CLOSED.match(text, end):
        bare = {c.id for c in gaz.candidates(span[:words[-1].start()].strip())
                if c.match == "exact"}
        city_form = bool(bare) and all(c.id in bare for c in exact
                                       if c.feature in _TOWN_FEATURES) \
            and not any(norm(c.name) == norm(span) and c.feature in _TOWN_FEATURES
                        for c in exact)  # "New York City" is a town's own name
    if exact and not city_form:
        return start, end, None  # known as a whole
    lead = 0
    while lead < len(words) - 1 and words[lead].group().lower() in _QUALIFIERS:
        lead += 1
    if cands and not city_form:  # a loose spelling of a known name: only "Far North" may go
        rest = text[start + words[lead].start():end]
        if lead and gaz.has_name(rest) and rest.lower().rstrip(".") not in _FEATURE_WORDS:
            return start + words[lead].start(), end, None  # not "Street" of "North Street"
        return start, end, None
    inner = None
    tails = _name_tails()
    # a name that keeps its leading qualifier comes first: "West Virginia" of "West Virginia
    # State Police", "East Hampton" of "East Hampton Police", not "Virginia" or "Hampton"
    for first in dict.fromkeys((0, lead)):
        for last in range(len(words), first, -1):
            if first == 0 and last == len(words):
                continue
            s, e = start + words[first].start(), start + words[last - 1].end()
            name = text[s:e]
            if not _looks_like_name(name) or name.lower() in _QUALIFIERS \
                    or name.lower().rstrip(".") in _FEATURE_WORDS or not _known_name(gaz, name):
                continue
            if last == len(words) or words[last].group() in tails:
                return s, e, None
            if inner is None and _generic_rest(words[last:]):
                inner = name  # "Kishwaukee River": not an institution of a place
    if (area := _trailing_area(text, start, words, gaz)) is not None:
        return area[0], area[1], None  # "Recovery Day B.C.": an organisation of the province
    return start, end, inner


_REST_WORDS = _FEATURE_WORDS | {"village", "villages", "green", "mall", "plaza", "quarter"}


def _generic_rest(words: list[re.Match]) -> bool:
    """The words after a known name are generic feature or street words ("River", "Rd."),
    so the name is the feature's own; a further proper word ("Flat" of "Cedar Flat Rd.")
    makes a longer name the gazetteer does not know, not the shorter one."""
    street = word_list("place_street_words.txt")
    return all(w.group().lower().rstrip(".") in _REST_WORDS or w.group() in street
               or w.group().rstrip(".") in street or not w.group()[:1].isalpha()
               for w in words)


def _trailing_area(text: str, start: int, words: list[re.Match],
                   gaz: Gazetteer) -> tuple[int, int] | None:
    """The longest run of a span's last words that is exactly a state's or a province's name
    ("B.C." of "Recovery Day B.C."), as a span, or None. A country closing a name is a
    club's or a pageant's ("Club America", "Team USA"), not where the story is."""
    if words[0].group().lower() in _FEATURE_WORDS:
        return None  # "Lake Vermont", "Fort Washington": a feature of its own
    for k in range(1, len(words)):
        s, e = start + words[k].start(), start + words[-1].end()
        name = text[s:e]
        if name.lower() in _QUALIFIERS:
            continue  # "Columbus North", "Jackson County Central": a school's side, not a region
        if name[:1].isupper() and any(c.match == "exact" and c.feature == "admin1"
                                      for c in gaz.candidates(name)[:5]):
            return s, e
    return None


_ART = r"(?:al|el|ad|as|ar|ash|az|an|at|ad-d)[-\s]"
_NAME_WORD = rf"(?:{_ART})?[A-Z][\w’'‘]*(?:-(?:{_ART})?[\w’'‘]+)*"
_LOCATIVE = re.compile(
    r"(?P<trig>\b(?:in|at|near|around|outside|into|towards?|between|from|targeting|targets?"
    r"|shelled|shelling|bombarded|bombing|stormed|besieged|entered|captured|seized"
    r"|recaptured)"
    r"|\b(?:countryside|outskirts|vicinity|city|town|village|villages|neighbou?rhood|suburbs?"
    r"|area|areas|district|province|governorate|part|parts|fronts?|north|south|east|west"
    r"|north-?east|north-?west|south-?east|south-?west)\s+of)"
    rf"\s+(?:the\s+)?(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})")
# after these a name the NER took for a person is still a place ("in al-Sukhnah")
_STRONG_LOCATIVE = frozenset({"in", "near", "around", "outside", "into", "towards", "toward"})


SIZEABLE_SPELLING = 50_000  # a one-word variant spelling may name a town this large


def _sizeable_spelling(c: Any) -> bool:
    """A transliteration variant of a large town's or a province's name ("around Menbej":
    Manbij), close enough to be read as it after a strong locative preposition."""
    return c.similarity >= 0.75 and (c.feature == "admin1" or c.feature in _TOWN_FEATURES
                                     and c.population >= SIZEABLE_SPELLING)


def _locative_names(text: str, gaz: Gazetteer, spans: list[tuple[int, int, int]],
                    blocked: list[tuple[int, int]], persons: list[tuple[int, int]],
                    lower_words: frozenset[str] | set[str] = frozenset()
                    ) -> list[tuple[int, int, int]]:
    """Capitalised names after a locative preposition or "countryside of" that the
    gazetteer knows (exactly or by transliteration), when NER and the matcher missed them:
    "clashes in Der-Ezzor", "raids on the outskirts of Sheikh Meskin"."""
    out = []
    taken = [(a, b) for a, b, _p in spans] + blocked
    for m in with_first_chars(_LOCATIVE).finditer(text):
        trig = m.group("trig").lower()
        start = m.start("name")
        strong = (trig in _STRONG_LOCATIVE or trig.endswith(" of")
                  or bool(_ROUTE_END.search(text[max(0, start - 50):start])))
        words = list(re.finditer(r"\S+", m.group("name")))
        for n in range(len(words), 0, -1):
            end = start + words[n - 1].end()
            name = text[start:end]
            if any(a < end and start < b for a, b in taken):
                continue
            if not strong and any(a < end and start < b for a, b in persons):
                continue
            if name.lower() in _GENERIC or len(name) < 3:
                continue
            single = " " not in name and "-" not in name
            if any(c.match == "exact" or (c.match == "fold" and (
                    not single or trig in _STRONG_LOCATIVE and _sizeable_spelling(c)))
                   for c in gaz.candidates(name)[:20]):
                if _weak_name(gaz, name) and (
                        m.group(0)[:m.start("name") - m.start()].rstrip().lower().endswith(" the")
                        or any(a < end and start < b for a, b in persons)
                        or any(w.lower() in lower_words for w in name.split())
                        or not _state_named(text, gaz, name)):
                    continue  # "in the House", "at United Concrete", "in Max Poikonen"
                out.append((start, end, 1))
                break
    return out


# "Mindy Miller of Ravenel", "Jeremy Watson, 30, of Ten Mile": a person and the home town
_HOME_OF = re.compile(r",?(?:[ \t]\d{1,3},)?[ \t]of[ \t](?P<name>[A-Z][\w'’]*(?:[ \t-][A-Z][\w'’]*)?)"
                      r"(?![\w'’-]|[ \t]+[A-Z])")


def _home_towns(text: str, gaz: Gazetteer, persons: list[tuple[int, int]],
                lower_words: set[str]) -> list[tuple[int, int, int]]:
    """The town a named person is from, in local news' "Name, age, of Town" style, when the
    gazetteer knows it exactly as a town's or an area's name."""
    out = []
    for _a, b in persons:
        m = _HOME_OF.match(text, b)
        if m is None:
            continue
        name = m.group("name")
        if name.lower() in _GENERIC or len(name) < 3 or (
                " " not in name and (name.lower() in lower_words or (
                    _weak_name(gaz, name) and not _state_named(text, gaz, name)))):
            continue
        if _whole_name(gaz, name):
            out.append((m.start("name"), m.end("name"), 1))
    return out


@lru_cache(maxsize=1)
def _resident_re() -> re.Pattern:
    alts = "|".join(sorted(map(re.escape, word_list("place_resident_nouns.txt")),
                           key=len, reverse=True))
    return re.compile(rf"[ \t](?:{alts})\b")


# the capitalised name right before a resident noun (searched in the 60 characters before)
_NAME_BEFORE = re.compile(r"(?<![\w.'’-])(?P<name>[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?)\Z")


# capitalised words that may open a sentence before "X man" ("The Crafton man")
_LEAD_WORDS = _QUALIFIERS | {"the", "a", "an", "former", "local", "longtime", "young", "two",
                             "three", "several", "many", "some", "both", "all"}
_RESIDENT_FEATURES = frozenset({"city", "capital", "admin2", "admin1"})


def _resident_places(text: str, gaz: Gazetteer, person_names: set[str],
                     lower_words: set[str]) -> list[tuple[int, int, int]]:
    """A town named as where people or things belong: "a Crafton man", "Lovejoy senior",
    "Grovetown police", "Saratoga native" (the gazetteer must know the town exactly)."""
    out = []
    for noun in _resident_re().finditer(text):
        lo = max(0, noun.start() - 60)
        m = _NAME_BEFORE.search(text, lo, noun.start())
        if m is None:
            continue
        name = m.group("name")
        words = name.split()
        firsts = range(2) if len(words) > 1 and words[0].lower() in _LEAD_WORDS else range(1)
        for k in firsts:
            sub = " ".join(words[k:])
            start = m.end("name") - len(sub)
            if sub in person_names or sub.lower() in lower_words or sub.lower() in _GENERIC \
                    or len(sub) < 3:
                continue
            if gaz.has_name(sub) and any(c.match == "exact" and (
                    c.feature in _RESIDENT_FEATURES or (c.feature == "locality" and " " in sub))
                    for c in gaz.candidates(sub)[:10]):
                out.append((start, m.end("name"), 1))
                break
    return out


def _institution_places(text: str, gaz: Gazetteer) -> list[tuple[int, int, int]]:
    """The place an institution is named after, when an institution word follows it:
    "Byesville Volunteer Fire Department", "McMinn County Sheriff", "Litchfield Fire Chief"."""
    out = []
    tails = _name_tails()
    for m in _institution_re().finditer(text):
        words = list(re.finditer(r"\S+", m.group("name")))
        ends = [j for j in range(len(words))
                if j == len(words) - 1 or words[j + 1].group() in tails]
        found = None
        for j in ends:
            for k in range(j + 1):
                start, end = m.start("name") + words[k].start(), m.start("name") + words[j].end()
                name = text[start:end]
                if _looks_like_name(name) and name.lower() not in _GENERIC \
                        and name.lower().rstrip(".") not in _FEATURE_WORDS \
                        and _known_name(gaz, name):
                    found = (start, end, 3)
                    break
            if found:
                break
        if found:
            out.append(found)
    return out


@lru_cache(maxsize=1)
def _institution_re() -> re.Pattern:
    tails = "|".join(sorted(map(re.escape, _name_tails()), key=len, reverse=True))
    return re.compile(rf"(?P<name>[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){{0,2}})[ \t]"
                      rf"(?:{tails})\b")


# "DANIELSVILLE - ", "MOUNT GILEAD (AP) -- ": a dateline opening a story or sentence
_CAPS_DATELINE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?P<name>[A-Z][A-Z'’-]+\.?(?:\s[A-Z][A-Z'’-]+\.?){0,3})"
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([^)\n]{1,30}\)\s*)?(?:-{1,2}|[–—])")
# "Rep. Carrie Webster, D-Kanawha": a legislator's party and home district
_PARTY_HOME = re.compile(r"\b(?:D|R|I|DFL)-(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:\.(?=[\s,;)])|"
                         r"(?:\s[A-Z][a-z]+)?\b))")


def _party_homes(text: str) -> list[re.Match]:
    """"D-Kanawha", "R-Pa." matches (the regex runs only when a party letter and a hyphen
    occur at all)."""
    if "D-" not in text and "R-" not in text and "I-" not in text and "DFL-" not in text:
        return []
    return list(_PARTY_HOME.finditer(text))


def _dateline_and_district_places(text: str, gaz: Gazetteer) -> list[tuple[int, int, int]]:
    """Capitalised datelines and party-home districts that the gazetteer knows by name."""
    out = []
    for matches in (_CAPS_DATELINE.finditer(text), _party_homes(text)):
        for m in matches:
            name = m.group("name")
            if len(name) >= 3 and name.lower() not in _GENERIC and gaz.has_name(name):
                out.append((m.start("name"), m.end("name"), 3))
    return out


def _split_commas(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Springfield, Ill." -> two spans."""
    parts, pos = [], start
    for m in re.finditer(r",\s*", text[start:end]):
        parts.append((pos, start + m.start()))
        pos = start + m.end()
    parts.append((pos, end))
    return [p for p in parts if p[1] > p[0]]


# a place named as the end of a route is a town, not the province of the same name
_ROUTE_END = re.compile(
    r"(?:\b(?:road|roads|highway|motorway|route|convoy|convoys|journey|drive|way)\s+"
    r"(?:to|from|towards?|linking|connecting|between|into)\s+"
    r"|\bbetween\s+|\bbetween\s+(?:the\s+)?(?:(?:al|el|ad|as|ar|ash|az|an|at)[-\s])?[A-Z]"
    r"[\w’'-]*(?:\s+[\w’'-]+){0,2}\s+and\s+"
    r"|\bfrom\s+(?:the\s+)?(?:(?:al|el|ad|as|ar|ash|az|an|at)[-\s])?[A-Z][\w’'-]*"
    r"(?:\s+[\w’'-]+){0,2}\s+to\s+)"
    r"(?:the\s+(?:city|town)\s+of\s+)?$")


def _attach_cues(text: str, mentions: list[Mention]) -> None:
    for i, m in enumerate(mentions):
        m.expr_start, m.expr_end = m.start, m.end
        after = re.match(r"\s+([A-Za-z]+)\b", text[m.end:m.end + 20])
        word = after.group(1).lower() if after else ""
        if word in AFTER_CUES:
            m.cue, m.precision = word, AFTER_CUES[word]
            m.expr_end = m.end + after.end()
        before = text[max(0, m.start - 60):m.start]
        left = _LEFT_EXPR.search(before) if _ends_with_of(before) else None
        if left:
            cue = left.group("cue").lower()
            m.expr_start = m.start - (len(before) - left.start())
            if m.cue is None or BEFORE_CUES.get(cue, 1) > (m.precision or 1):
                m.cue, m.precision = cue, BEFORE_CUES.get(cue, 2)
        elif near := _NEAR.search(before):
            cue = near.group("cue").lower()
            m.cue, m.precision = m.cue or cue, max(m.precision or 1, 2)
        if m.cue is None and _ROUTE_END.search(before[-50:]):
            # "the highway to X", "between X and Y": a town, but a weaker cue than "the town
            # of X" ("drive to Florida" is still the state)
            m.cue, m.precision = "route", 1
        _attach_direction(text, m, before)
        # "City, State" / "City, Country": the next mention right after a comma
        if i + 1 < len(mentions):
            nxt = mentions[i + 1]
            between = text[m.end:nxt.start]
            if re.fullmatch(r",\s*", between):
                m.admin_hint = nxt.text


def _ends_with_of(before: str) -> bool:
    """The text ends with "of" and a space, as every `_LEFT_EXPR` match does: a cheap test
    before the search (which tries each of its start positions)."""
    tail = before.rstrip()
    return len(tail) < len(before) and tail[-2:].lower() == "of"


# what every `_DIRECTION` and `_DIRECTION_OF` match ends with before its final spaces
_DIRECTION_ENDS = ("north", "south", "east", "west", "ern", "central", "of")


def _attach_direction(text: str, m: Mention, before: str) -> None:
    """"eastern Syria", "the south of Syria", "the northern Idlib countryside", "the eastern
    countryside of Deir ez-Zor": a region derived from the name, not the named place."""
    d = (_DIRECTION_OF.search(before) or _DIRECTION.search(before)) \
        if before.rstrip().casefold().endswith(_DIRECTION_ENDS) else None
    if d is not None:
        m.derived = d.group("dir").lower()
        m.expr_start = min(m.expr_start or m.start, m.start - (len(before) - d.start()))
    if m.cue == "countryside":
        m.derived = " ".join(x for x in (m.derived, "countryside") if x)
        after = re.match(r"\s+countryside\b", text[m.end:m.end + 15])
        if after:
            m.expr_end = m.end + after.end()


def _attach_postal(text: str, mentions: list[Mention]) -> None:
    """"Springfield, IL": a two-letter postal code after a comma is a state hint."""
    postal = postal_codes()
    for m in mentions:
        if m.admin_hint:
            continue
        after = re.match(r",\s*([A-Z]{2})\b", text[m.end:m.end + 6])
        if after and after.group(1) in postal:
            m.country_hint, m.admin_hint = postal[after.group(1)]


# ------------------------------------------------------------------ resolution


@dataclass
class Focus:
    """Country and admin-1 votes of the clear mentions, per name (for leave-one-out)."""

    countries: dict[str, Counter]
    admins: dict[str, Counter]
    points: dict[str, tuple[float, float]]  # name key -> point of its clear reading
    counties: dict[str, set] = field(default_factory=dict)  # name key -> (admin1, admin2)

    def counties_without(self, name: str) -> frozenset:
        """The admin-2 areas (counties, districts) other names of the document may be."""
        return frozenset(c for key, found in self.counties.items() if key != name
                         for c in found)

    def without(self, name: str) -> tuple[Counter, Counter]:
        """The document's focus not counting the votes of this name itself (new counters:
        the caller may add to them)."""
        size = (len(self.countries), len(self.admins))
        if self._totals is None or self._totals[0] != size:
            self._totals = (size, _summed(self.countries), _summed(self.admins), {})
        _size, countries, admins, done = self._totals
        if name not in done:  # each name is asked once per mention, with the same votes
            done[name] = (_minus(countries, self.countries.get(name)),
                          _minus(admins, self.admins.get(name)))
        left_countries, left_admins = done[name]
        return Counter(left_countries), Counter(left_admins)

    def vote(self, key: str, countries: Counter | None = None, admins: Counter | None = None,
             point: tuple[float, float] | None = None) -> None:
        """Set one key's votes (a name, or a document-wide signal: actors, the outlet),
        replacing what it voted before."""
        if countries is not None:
            self.countries[key] = countries
        if admins is not None:
            self.admins[key] = admins
        if point is not None:
            self.points[key] = point
        self._totals = None

    _totals: tuple | None = None


def _summed(votes: dict[str, Counter]) -> Counter:
    total: Counter = Counter()
    for counter in votes.values():
        total.update(counter)
    return total


def _minus(total: Counter, own: Counter | None) -> Counter:
    """The total votes less one name's own (shares left by rounding dropped)."""
    if not own:
        return Counter(total)
    out = Counter({k: v - own.get(k, 0.0) for k, v in total.items()})
    return Counter({k: v for k, v in out.items() if v > 1e-9})


def _vote_key(m: Mention) -> str:
    """The name a mention votes under: the full name it is looked up by when it has one, so
    a short form ("Forsyth" read as Forsyth County) and the full name share one vote and
    leave it out together."""
    return norm(m.lookup or m.text)


def street_named_after(m: Mention) -> bool:
    """The mention is a town's street read by the town name inside it ("Memphis St." looked
    up as "Memphis", "North Nokomis Street"; `data/place_grid_street_words.txt`, not roads:
    "Hertford Road" leads to Hertford): such a street may be named after any town of its
    country, far or near, so it votes for the country only, not for a state, and lends no
    point to the story's other names."""
    if m.lookup is None or m.lookup == m.text:
        return False
    words = word_list("place_grid_street_words.txt")
    return any(w in words for w in m.text.split()) \
        and not any(w in words for w in m.lookup.split())


def weak_reading(gaz: Gazetteer, name: str, place: Place) -> bool:
    """The name was read as a place found only loosely (a close spelling: "Kingsmills" as
    Kings Mills) or, for a small town, by another of its names ("Brandon" as Winder,
    "North Side" as Oildale): a guess, which must not anchor the story's other names (no
    point, no consensus vote); its own reading stands."""
    if place.gazetteer_id is None:
        return False
    key = norm(name)
    for c in gaz.candidates(name)[:READINGS_SCANNED]:
        if c.gid == place.gazetteer_id:
            return c.match != "exact" or small_other_name(key, c)
    return False


READINGS_SCANNED = 30  # how many of a name's candidates `weak_reading` looks through


def _first_pass(gaz: Gazetteer, mentions: list[Mention],
                actor_votes: Counter | None = None, backing: Counter | None = None) -> Focus:
    """Votes for countries and admin-1 areas from every name's candidate readings (a soft
    vote: each reading weighted by its share of the name's prior, so towns of the same
    state reinforce each other), and anchor points from the names with one clear reading
    (clear given the countries the document's actors belong to). A state reading whose
    country neither another name nor `backing` (the countries of the actors, the outlet's
    domain, the locale and phone cues) points at votes as a town (`lone_states`)."""
    focus = Focus(countries={}, admins={}, points={})
    done: set[str] = set()
    counts = Counter(_vote_key(m) for m in mentions if not m.modifier)
    extra: dict[str, list[tuple[str, str, float]]] = {}  # a state reading's extra weight
    for m in mentions:
        key = _vote_key(m)
        name = m.lookup or m.text
        if m.modifier:
            continue  # "US-backed": a sponsor, not where the story is
        admin1, country = _hint(gaz, m)
        ranked = gaz.rank_plain(name, m.cue, admin1, country, m.town_use)[:15]
        if not ranked or ranked[0][0].match != "exact":
            continue
        best, top = ranked[0]
        street = street_named_after(m)  # "Memphis St.": its country's, not its state's
        if key not in done:
            done.add(key)
            weights = [math.exp(2.0 * (sc - top)) for _c, sc in ranked]
            total = sum(weights)
            countries = focus.countries.setdefault(key, Counter())
            admins = focus.admins.setdefault(key, Counter())
            focus.counties[key] = {(c.admin1, norm(c.name)) for c, _s in ranked
                                   if c.feature == "admin2" and c.match == "exact"}
            seated = seated_areas(name, ranked)  # "Alexandria": a province read with its seat
            often = _repeat_weight(counts[key]) if state_factor(best, seated) > 1.0 else 1.0
            for (cand, _sc), w in zip(ranked, weights, strict=True):
                factor = state_factor(cand, seated) * often
                share = w / total * factor
                if cand.country:
                    countries[cand.country] += share
                if cand.admin1 and cand.feature != "country" and not street:
                    admins[cand.admin1] += share
                    if cand.feature == "admin1" and cand.country and factor > 1.0:
                        extra.setdefault(key, []).append(
                            (cand.country, cand.admin1, share - w / total))
        if actor_votes:
            ranked = gaz.rank(name, Context(countries=actor_votes, cue=m.cue,
                                              admin1=admin1, country=country))[:15]
            best, top = ranked[0]
        margin = top - ranked[1][1] if len(ranked) > 1 else 9.0
        if margin >= 0.5 and best.lat is not None and best.feature not in (
                "country", "continent") and not named_after_town(m.text, m.lookup):
            focus.points.setdefault(key, (best.lat, best.lon))
    discount_lone_states(focus, extra, backing)  # "Rivers Avenue": no Nigerian story
    return focus


REPEAT_WEIGHT = 0.5  # how much each doubling of a name's mentions adds to its focus vote


def _repeat_weight(n: int) -> float:
    """A state's or country's focus vote grows with how often the document names it: a
    state named six times ("Indiana's rate ...") is the story's state, not one named once in
    passing."""
    return 1.0 + REPEAT_WEIGHT * math.log2(n) if n > 1 else 1.0


def _hint(gaz: Gazetteer, m: Mention) -> tuple[str | None, str | None]:
    """(admin1, country) named right after the mention, if it is one."""
    if m.country_hint:
        return m.admin_hint, m.country_hint
    if not m.admin_hint:
        return None, None
    for cand in gaz.candidates(m.admin_hint)[:5]:
        if cand.feature == "admin1" and cand.match == "exact":
            return cand.name, cand.country
        if cand.feature == "country" and cand.match == "exact":
            if any(c.feature == "country" and c.match == "exact"
                   for c in gaz.candidates(m.text)[:5]):
                return None, None  # "Russia, U.S. officials said": a list of countries
            return None, cand.country
    return None, None


def _precision(m: Mention, feature: str | None, base: int | None) -> int:
    """ACLED geo-precision: the entry's own level, widened by cue words ("near", "area")."""
    if feature in ("country", "continent", "admin1", "admin2", "admin3", "admin"):
        return 3
    level = base or (3 if feature in AREA_FEATURES else 1)
    if m.precision is not None and m.cue not in ("city", "town", "village", "hamlet", "route"):
        level = max(level, m.precision)
    return min(level, 3)


_CUES = frozenset({"province", "governorate", "state", "county", "city", "town", "village",
                   "hamlet", "route", "mine", "field", "base", "airport", "camp", "crossing", "desert",
                   "countryside", "region"})


_ACTOR_KEY = "\0actors"  # the focus votes of the document's actors and demonyms
_LOCALE_KEY = "\0locale"  # the focus votes of currency signs and institution words
_PHONE_KEY = "\0phone"  # the focus votes of the area codes of phone numbers
AREA_CODE_WEIGHT = 1.0  # an area code counts like a state named once (its soft vote)


@lru_cache(maxsize=1)
def _locale_cues() -> tuple[tuple[str, str, float, re.Pattern], ...]:
    """(cue, ISO2, weight, pattern) rows of place_locale_cues.tsv."""
    rows = []
    with (DATA_DIR / "place_locale_cues.tsv").open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            cue = rec["cue"]
            flags = 0 if cue.isupper() else re.IGNORECASE
            body = re.escape(cue)
            rx = re.compile(rf"\b{body}\b" if cue[:1].isalpha() else body, flags)
            rows.append((cue, rec["country"], float(rec["weight"]), rx))
    return tuple(rows)


def _locale_votes(text: str) -> Counter:
    """Weak country votes from what a local story takes for granted: its currency ("$",
    "£") and institutions ("sheriff", "township", "RCMP"); each cue counts once."""
    votes: Counter = Counter()
    lower = None
    for cue, country, weight, rx in _locale_cues():
        if cue.isupper() or not cue[:1].isalpha():
            found = cue in text
        else:
            lower = lower if lower is not None else text.lower()
            found = cue.lower() in lower
        if found and rx.search(text):
            votes[country] += weight
    return votes


def document_votes(doc: Document, gaz: Gazetteer | None = None,
                   focus_hint: str | None = None) -> Counter:
    """Country votes from who acts in the document ("regime forces" -> SY, "PMU" -> IQ;
    one vote per distinct actor) and from demonyms ("Syrian", "Iraqi": half a vote each),
    plus a strong vote for a user's focus hint (ISO2 or ISO3). A capital named for its
    government ("Dublin", "Washington") does not vote: its namesakes are what is asked.
    `find_places` counts them once and hands each step its own copy."""
    iso2 = iso2_of_iso3()
    votes: Counter = Counter()
    seen: set[str] = set()
    for a in getattr(doc, "actors", None) or []:
        cc = iso2.get(a.country or "")
        key = a.id or a.text.lower()
        if gaz is not None and cc and (_town_name(gaz, a.text)
                                       or _foreign_state_name(gaz, a.text, cc)):
            continue
        if cc and key not in seen and a.kind != "pronoun":
            seen.add(key)
            votes[cc] += 1.0
    if doc.spacy_doc is not None:
        demonyms, names = _states()
        codes = _country_codes()
        for ent in entities(doc.spacy_doc):
            if ent.label_ != "NORP" or ent.text in seen:
                continue
            country = demonyms.get(ent.text) or demonyms.get(ent.text.rstrip("s"))
            cc = codes.get(country.lower()) if country else None
            if cc:
                seen.add(ent.text)
                votes[cc] += 0.5
    if focus_hint:
        hint = focus_hint.upper()
        cc = iso2.get(hint, hint if len(hint) == 2 else None)
        if cc:
            votes[cc] += 5.0
    return votes


def _town_name(gaz: Gazetteer, text: str) -> bool:
    """The text is a town's name (its first exact reading is a city, not a country)."""
    if not text[:1].isupper() or not gaz.has_name(text):
        return False
    cands = [c for c in gaz.candidates(text)[:5] if c.match == "exact"]
    return bool(cands) and cands[0].feature in _TOWN_FEATURES


def _foreign_state_name(gaz: Gazetteer, text: str, cc: str) -> bool:
    """The actor's name is also the name of a state of another country ("Georgia's
    regulators" in an Atlanta story): which of the two it is, is the place reading's to
    decide, so the actor does not vote for its country."""
    if not text[:1].isupper() or not gaz.has_name(text):
        return False
    return any(c.feature == "admin1" and c.match == "exact" and c.country != cc
               and norm(c.name) == norm(text) for c in gaz.candidates(text)[:5])


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Lower-case country name (states.tsv) -> ISO2."""
    iso2 = iso2_of_iso3()
    out: dict[str, str] = {}
    with (DATA_DIR / "states.tsv").open(encoding="utf-8", newline="") as fh:
        for line in fh:
            row = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(row) < 3 or row[0] not in iso2:
                continue
            out[row[2].lower()] = iso2[row[0]]
    return out


def resolve_mentions(doc: Document, gaz: Gazetteer, mentions: list[Mention],
                     focus_hint: str | None = None,
                     memory: OutletMemory | None = None,
                     actor_votes: Counter | None = None) -> list[Place]:
    """Resolve every mention in its document context; one sense per name and document,
    taken from the mention with the strongest evidence ("Dublin, Ohio" fixes "Dublin").
    `memory`: the states the outlet's earlier stories pointed at (read, then fed with the
    state this story's own names point at); `actor_votes`: `document_votes` with the focus
    hint, worked out here when not given."""
    if actor_votes is None:
        actor_votes = document_votes(doc, gaz, focus_hint)
    persons = _person_spans(doc)
    for m in mentions:
        m.province_word = province_word(doc.analysis_text, m.start, m.end)
        m.town_use = town_use(doc.analysis_text, m.start, m.end, persons)
        m.beside = m.cue in BESIDE_CUES or dateline(doc.analysis_text, m.start, m.end)
    # a name used as a town's once ("a Lebanon teenager") is a town's wherever it is repeated
    towns = {norm(m.text) for m in mentions if m.town_use}
    for m in mentions:
        m.town_use = m.town_use or norm(m.text) in towns
    cut = [m for m in mentions if cut_feature_word(doc.analysis_text, m.start, m.end)]
    if cut:  # "Islands" of "Farallon Islands": found, but no gazetteer reading
        mentions = [m for m in mentions if all(m is not c for c in cut)]
    locale = _locale_votes(doc.analysis_text)
    phone_countries, phone_admins = area_votes(doc.analysis_text, AREA_CODE_WEIGHT)
    home = outlet_home(doc.meta, gaz)  # the outlet's domain: its country and home town
    backing = actor_votes + locale + (phone_countries if phone_admins else Counter())
    if home and home.country:
        backing[home.country] += 1.0
    focus = _first_pass(gaz, mentions, actor_votes, backing)
    if actor_votes:
        focus.vote(_ACTOR_KEY, actor_votes)
    if locale:
        focus.vote(_LOCALE_KEY, locale)
    if phone_admins:  # "call 304-399-6500": a West Virginia story
        focus.vote(_PHONE_KEY, phone_countries, phone_admins)
    hinted = {norm(m.text) for m in mentions if any(_hint(gaz, m))}
    outlet = outlet_key(doc.meta) if memory is not None else None
    learned: dict[str, Any] = {}
    if memory is not None:  # the outlet's usual state, then this story's own one
        memory.record(outlet, story_state(focus.without(MEMORY_KEY)[1]))
        learned = clear_readings(gaz, mentions, focus, actor_votes)
        if recalled := memory.votes(outlet):
            focus.vote(MEMORY_KEY, admins=recalled)
    outlet_prior(home, focus)
    homes = home_readings(gaz, home, mentions, focus, actor_votes, hinted)
    if memory is not None:
        homes.update(remembered_readings(gaz, memory, outlet, mentions, focus, actor_votes,
                                         hinted | set(homes)))
        memory.learn(outlet, learned)
    resolved_points: list[tuple[str, tuple[float, float]]] = list(focus.points.items())
    results: list[tuple[Mention, Place | None, bool]] = []
    for m in mentions:
        admin1, country = _hint(gaz, m)
        cue = "field" if m.cue == "fields" else (m.cue if m.cue in _CUES else None)
        key = _vote_key(m)
        countries, admins = focus.without(key)
        points = [pt for k, pt in resolved_points if k != key][-8:]  # not its own reading
        ctx = Context(countries=countries, admin1=admin1, country=country,
                      points=points, cue=cue, admins=admins, actors=actor_votes,
                      counties=focus.counties_without(key), province_word=m.province_word,
                      feature_of=named_after_town(m.text, m.lookup), town_use=m.town_use,
                      beside=m.beside)
        place = gaz.resolve(m.lookup or m.text, ctx)
        if key in homes and not m.modifier:
            place = homes[key].to_place(text=m.text)
        results.append((m, place, bool(admin1 or country)))
        if place is not None and place.lat is not None and place.feature not in (
                "country", "continent") and not street_named_after(m) \
                and not weak_reading(gaz, m.lookup or m.text, place):
            resolved_points.append((key, (place.lat, place.lon)))
    results = _consensus_pass(gaz, focus, results, actor_votes)
    if homes:
        results = [(m, homes[norm(m.text)].to_place(text=m.text)
                    if norm(m.text) in homes and not m.modifier else p, strong)
                   for m, p, strong in results]
    hinted = {norm(m.text): p for m, p, strong in results if strong and p is not None}
    sense = _one_sense(results)
    places: list[Place] = []
    for m, place, strong in results:
        if not strong and norm(m.text) in hinted:
            place = replace(hinted[norm(m.text)])
        elif not strong and _elsewhere(m, place, sense.get(norm(m.text))):
            place = replace(sense[norm(m.text)])
        if place is None:
            places.append(Place(text=m.text, start=m.start, end=m.end))
            continue
        place.text, place.start, place.end = m.text, m.start, m.end
        place.precision = _precision(m, place.feature, place.precision)
        places.append(place)
    places = county_readings(places, {(m.start, m.end) for m, _p, strong in results if strong})
    _near_list_siblings(doc.analysis_text, mentions, places, gaz)
    states_among_states(_list_runs(doc.analysis_text, mentions), mentions, places, gaz)
    place_in_siblings_province(doc.analysis_text, _list_runs(doc.analysis_text, mentions),
                               mentions, places)
    if cut:
        places = sorted(places + [Place(text=m.text, start=m.start, end=m.end) for m in cut],
                        key=lambda p: p.start)
    return places


def _person_spans(doc: Document) -> list[tuple[int, int]]:
    """The (start, end) character spans of the parse's PERSON entities."""
    if doc.spacy_doc is None:
        return []
    return [(e.start_char, e.end_char) for e in doc.spacy_doc.ents if e.label_ == "PERSON"]


LIST_KM = 400.0  # how far apart the members of one list of towns may lie
_SEP = r"\s*(?:,|,?\s+(?:and|or|&))\s*"
# between two listed names: a comma or "and", or one unrecognised name between two of them
# ("Yarmouk, Hajar al-Aswad, Saham")
_LIST_GAP = re.compile(rf"{_SEP}(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){{0,2}}{_SEP})?\Z")
_LIST_EXEMPT = frozenset({"country", "continent", "capital", "water", "region", "desert"})


def _list_runs(text: str, mentions: list[Mention]) -> list[list[int]]:
    """Runs of mentions written as one list ("Basri, Saida and Daraa"), as indices."""
    runs: list[list[int]] = []
    for i, m in enumerate(mentions):
        if i and runs and runs[-1][-1] == i - 1 and \
                _LIST_GAP.match(text[mentions[i - 1].end:m.start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [r for r in runs if len(r) >= 2]


def _near_list_siblings(text: str, mentions: list[Mention], places: list[Place],
                        gaz: Gazetteer) -> None:
    """A town listed with others is in their country: in "the road linking Basri, Saida and
    Daraa" the members lie together. The list's anchor is the member with most others within
    LIST_KM (ties: one in the document's leading country, then the earliest); when the
    anchor's group lies in the document's leading country, a member read in another country
    and farther than LIST_KM from the group takes a reading near the group, or is left
    unresolved when the gazetteer has none there (no point rather than one abroad; a small
    town bearing the name only among its other names is none: "Maan" beside Idlib). Lists
    spanning one country ("Vancouver, Toronto and Montreal") are left alone, as are
    countries, capitals, wide areas and cities of a million people ("flights between New
    York and St. Petersburg": a route's ends). A member read only loosely (not `nearby.firm`:
    "al-Sakhur" as Sakhrah, Jordan) anchors no list when one read by its name can ("Sheikh
    Maqsood and al-Sakhur" lie in Aleppo), which leads it even against the leading country
    when every member outside its group is such a guess."""
    leading = _leading_country(places)
    for run in _list_runs(text, mentions):
        members = [i for i in run if places[i].lat is not None
                   and places[i].feature not in _LIST_EXEMPT]
        if len(members) < 2:
            continue

        def close(i: int, j: int) -> bool:
            a, b = places[i], places[j]
            return haversine_km(a.lat, a.lon, b.lat, b.lon) <= LIST_KM

        firm = {i: close_reading(gaz, places[i]) for i in members}
        anchor = max(members, key=lambda i: (sum(close(i, j) for j in members if j != i),
                                             firm[i], places[i].country == leading, -i))
        group = [j for j in members if j == anchor or close(anchor, j)]
        home = places[anchor].country
        if home != leading and not (firm[anchor] and not any(
                firm[i] for i in members if i not in group)):
            continue
        for i in members:
            if places[i].country == home or any(close(i, j) for j in group) \
                    or _qualified_by_next(text, mentions, places, i) \
                    or _metropolis(gaz, places[i]):
                continue  # "… and Nanjing, China": the member's own country is named
            sibs = [places[j] for j in group]
            name = mentions[i].lookup or mentions[i].text
            near = [c for c in gaz.candidates(name)
                    if c.lat is not None and not small_other_name(norm(name), c)
                    and min(haversine_km(c.lat, c.lon, q.lat, q.lon) for q in sibs) <= LIST_KM]
            p = places[i]
            if near:
                best = near[0].to_place(text=p.text)
                best.start, best.end = p.start, p.end
                best.precision = _precision(mentions[i], best.feature, best.precision)
                places[i] = best
            else:
                places[i] = Place(text=p.text, start=p.start, end=p.end)


METROPOLIS_POPULATION = 1_000_000  # a city this large is itself beside any list


def _metropolis(gaz: Gazetteer, place: Place) -> bool:
    """The place is read as a city of METROPOLIS_POPULATION people or more: a route's end
    ("flights between New York and St. Petersburg"), not a namesake of a listed town."""
    cand = gaz.get(place.gazetteer_id) if place.gazetteer_id else None
    return cand is not None and cand.population >= METROPOLIS_POPULATION


def _qualified_by_next(text: str, mentions: list[Mention], places: list[Place],
                      i: int) -> bool:
    """The mention is followed by a comma and a country or state its reading lies in
    ("Nanjing, China")."""
    if i + 1 >= len(mentions) or text[mentions[i].end:mentions[i + 1].start].strip() != ",":
        return False
    nxt, own = places[i + 1], places[i]
    return nxt.feature in ("country", "admin1") and nxt.country == own.country and (
        nxt.feature == "country" or nxt.name == own.admin1)


def _leading_country(places: list[Place]) -> str | None:
    """The country most places are read in; a tie goes to the country read more confidently
    (summed scores): "Maan and Idlib countryside" is not led by a namesake read loosely."""
    counts: Counter = Counter()
    confidence: Counter = Counter()
    for p in places:
        if p.country:
            counts[p.country] += 1
            confidence[p.country] += p.score or 0.0
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], confidence[c]))


def _one_sense(results: list[tuple[Mention, Place | None, bool]]) -> dict[str, Place]:
    """One reading per name and document when its mentions were read differently (their
    neighbours differ): the reading most of them got, ties going to the more confident one;
    mentions whose cue word ("city", "province") chose their reading neither vote nor follow. "Springfield" read as Ohio in seven mentions and Massachusetts
    in one is Ohio in all eight."""
    readings: dict[str, dict[tuple, list]] = {}
    for m, place, _strong in results:
        if place is None or m.modifier or _read_by_cue(m, place):
            continue  # "the city of Daraa" and "Daraa province" are two readings
        ident = (place.gazetteer_id, place.name, place.lat, place.lon)
        entry = readings.setdefault(norm(m.text), {}).setdefault(ident, [0, 0.0, place])
        entry[0] += 1
        entry[1] += place.score or 0.0
    out: dict[str, Place] = {}
    for key, found in readings.items():
        if len(found) > 1:
            out[key] = max(found.values(), key=lambda e: (e[0], e[1]))[2]
    return out


def _read_by_cue(m: Mention, place: Place | None) -> bool:
    """The mention's own cue word chose its kind of place ("the city of X": a city)."""
    feats = CUE_FEATURES.get("field" if m.cue == "fields" else m.cue or "")
    return place is not None and feats is not None and place.feature in feats


def _elsewhere(m: Mention, place: Place | None, sense: Place | None) -> bool:
    """The mention was read as another place than the name's reading in the document, and
    no cue word of its own chose that reading."""
    if sense is None or _read_by_cue(m, place):
        return False
    return place is None or (place.name, place.lat, place.lon) != (sense.name, sense.lat,
                                                                   sense.lon)


CONSENSUS_WEIGHT = 1.0  # how much the first pass's chosen readings count in the second


def _consensus_pass(gaz: Gazetteer, focus: Focus,
                    results: list[tuple[Mention, Place | None, bool]],
                    actor_votes: Counter) -> list[tuple[Mention, Place | None, bool]]:
    """Resolve every mention once more with the states and countries the other names of the
    document were resolved to in the first pass (one vote per distinct name), and the points
    of all of them, not only the ones before it: "Jackson County" early in a story whose
    later towns are all in Minnesota is the Minnesota one. Each name's new reading replaces
    its first-pass one as soon as it is made, so two names that misread each other in the
    first pass ("Walker County" in Alabama, "Huntsville" in Texas) do not simply swap."""
    chosen: dict[str, Place] = {}
    read: set[str] = set()  # every name read; a guessed reading is asked again, not heard
    streets: set[str] = set()  # names read in a street's name vote only for their country
    for m, place, _strong in results:
        key = _vote_key(m)
        if place is None or key in read or m.modifier:
            continue
        read.add(key)
        if not weak_reading(gaz, m.lookup or m.text, place):
            chosen[key] = place
            if street_named_after(m):
                streets.add(key)
    if len(read) < 2:
        return results
    out: list[tuple[Mention, Place | None, bool]] = []
    for m, _place, strong in results:
        key = _vote_key(m)
        countries, admins = focus.without(key)
        points = []
        for k, p in chosen.items():
            if k == key:
                continue
            if p.country:
                countries[p.country] += CONSENSUS_WEIGHT
            if k in streets:
                continue
            if p.admin1 and p.feature != "country":
                admins[p.admin1] += CONSENSUS_WEIGHT
            if p.lat is not None and p.feature not in ("country", "continent"):
                points.append((p.lat, p.lon))
        admin1, country = _hint(gaz, m)
        cue = "field" if m.cue == "fields" else (m.cue if m.cue in _CUES else None)
        ctx = Context(countries=countries, admin1=admin1, country=country,
                      points=points[-8:], cue=cue, admins=admins, actors=actor_votes,
                      counties=focus.counties_without(key), province_word=m.province_word,
                      feature_of=named_after_town(m.text, m.lookup), town_use=m.town_use,
                      beside=m.beside)
        place = gaz.resolve(m.lookup or m.text, ctx)
        if place is not None and key in chosen and not m.modifier:
            chosen[key] = place  # later names see this reading, not its first-pass one
        out.append((m, place, strong))
    return out


def find_places(doc: Document, res: Any) -> None:
    """Stage: fill `doc.places` with every place mention, resolved when possible."""
    if doc.spacy_doc is None:
        doc.places = []
        return
    gaz = res.gazetteer
    hint = getattr(getattr(res, "settings", None), "place_focus", None)
    own = document_votes(doc, gaz)  # the actors' and demonyms' countries, counted once
    votes = document_votes(doc, gaz, hint) if hint else own
    found = find_mentions(doc, gaz, Counter(own))
    mentions = repair_mentions(doc.text, drop_non_places(doc, found, gaz), gaz)
    read_with_article(doc.text, mentions, gaz)
    speakers = speaker_spans(doc, mentions, gaz)  # "Hopkins said": no place, and no vote
    placed = [m for m in mentions if (m.start, m.end) not in speakers] if speakers else mentions
    places = resolve_mentions(doc, gaz, placed, hint, memory_of(res), Counter(votes))
    places = place_owned_districts(doc.analysis_text, places,  # "Cairo's X neighbourhood"
                                   doc.__dict__.get("owned_districts", set()))
    places = capitals_of_named_countries(doc.analysis_text, places, gaz)
    places = keep_feature_names(places, refine_places(doc, places, gaz, Counter(votes)),
                                doc.__dict__.get("feature_spans", set()))
    people = demonym_spans(doc, placed, gaz)  # "a Canadian woman": it voted for Canada
    places = [p for p in places if (p.start, p.end) not in people]
    places = near_anchors(doc.analysis_text, places, gaz)  # "X neighbourhood of Aleppo"
    places = drop_unplaced_institutions(places, doc.spacy_doc, gaz)  # "the Highway Patrol"
    places = place_near_towns(doc.analysis_text, places, gaz)  # "Lake Lanier": near its town
    places = with_landmarks(doc.analysis_text, places, doc.spacy_doc)  # "Stade de France"
    regions = [r for r in find_regions(doc.analysis_text, gaz)
               + _unnamed_places(doc, gaz, places, Counter(votes))
               if not doc.in_boilerplate(r.start, r.end)]
    doc.places = sorted(places + regions, key=lambda p: (p.start, -p.end))
    doc.__dict__["place_expressions"] = {
        (m.start, m.end): (m.expr_start, m.expr_end, m.derived) for m in mentions}


def _unnamed_places(doc: Document, gaz: Gazetteer, places: list[Place],
                    actor_votes: Counter) -> list[Place]:
    """Places named without a place name: agreement zones ("the Putin-Erdogan area") and
    "the capital" of the document's country (claimbase.geo.zones)."""
    zones = find_zones(doc.analysis_text, gaz, doc.reference_date)
    named = [p for p in places + zones if p.lat is not None]
    return zones + find_capital(doc.analysis_text, gaz, named, actor_votes)


# ------------------------------------------------------------------ event location


def _previous_paragraph(text: str, para: int) -> int:
    """The start of the paragraph before the one starting at `para` (blank lines skipped)."""
    j = para - 1
    while j > 0 and text[j - 1] in "\n \t\r":
        j -= 1
    return line_start(text, j) if j > 0 else para


def _expression(doc: Document, place: Place) -> Place:
    """A copy of the place whose span covers its whole expression ("the city of Raqqa")."""
    spans = doc.__dict__.get("place_expressions", {})
    start, end, derived = spans.get((place.start, place.end), (place.start, place.end, None))
    if start is None:
        start, end = place.start, place.end
    if derived and place.feature not in SITE_FEATURES and \
            not _direction_in_name(derived, place.name or ""):
        # a region derived from a named place has no gazetteer point of its own (§8)
        return replace(place, text=doc.text[start:end], start=start, end=end,
                       name=_derived_name(derived, place.name or place.text),
                       gazetteer_id=None, lat=None, lon=None, feature="region", precision=3)
    return replace(place, text=doc.text[start:end], start=start, end=end)


def _direction_in_name(derived: str, name: str) -> bool:
    """The direction is part of the place's own name: "the eastern Ghouta" is Eastern
    Ghouta, not a region east of it."""
    word = _derived_name(derived, "").split()
    return " " not in derived and bool(word) and name.lower().startswith(word[0] + " ")


def _derived_name(derived: str, name: str) -> str:
    """"south" + "Syria" -> "southern Syria"; "eastern countryside" + "Deir ez-Zor" ->
    "eastern countryside of Deir ez-Zor"."""
    words = derived.split()
    if words and words[0] not in ("countryside", "central") and not words[0].endswith("ern"):
        words[0] += "ern"
    if words and words[-1] == "countryside":
        return " ".join([*words, "of", name])
    return " ".join([*words, name])


def _attached(doc: Document, place: Place, anchor_pos: int) -> bool:
    """True when the place sits in a prepositional phrase headed by the anchor's clause."""
    return head_chain_reaches(doc.spacy_doc, place.start, place.end, anchor_pos, hops=6)


_NOT_ACTOR_KINDS = frozenset({"generic", "pronoun", "person"})  # NER persons: often towns


def _actor_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of named actor, outlet and organisation mentions (cached per document)."""
    key = "_geo_actor_spans"
    spans = doc.__dict__.get(key)
    if spans is None or spans[0] != len(doc.actors):
        towns = places_taken_for_orgs(doc)  # "in al-Tabaqa" tagged ORG
        spans = (len(doc.actors), sorted((a.start, a.end) for a in doc.actors
                                         if a.kind not in _NOT_ACTOR_KINDS
                                         and (a.start, a.end) not in towns))
        doc.__dict__[key] = spans
    return spans[1]


_LONGEST_ACTOR = 300  # characters: an actor mention starting farther back cannot hold a place


def _in_actor(place: Place, spans: list[tuple[int, int]]) -> bool:
    """A place name used as (or inside) an actor: "the US demanded", "Levant Wire". `spans`
    are sorted by start (as `_actor_spans` gives them)."""
    i = bisect_right(spans, place.start, key=lambda s: s[0])
    while i > 0 and spans[i - 1][0] >= place.start - _LONGEST_ACTOR:
        i -= 1
        if place.end <= spans[i][1]:
            return True
    return False


_SPONSOR = r"(?:backed|led|sponsored|supported|funded|allied|aligned|loyal|armed|trained)"
_MODIFIER_TRIGGER = re.compile(rf"[\w.]+[-‐]{_SPONSOR}", re.IGNORECASE)
_MODIFIER_SUFFIX = re.compile(rf"[-‐]{_SPONSOR}\b", re.IGNORECASE)


def _word_at(text: str, pos: int) -> str:
    """The whitespace-delimited word around a character offset, without punctuation."""
    start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [i for i in (text.find(" ", pos), text.find("\n", pos)) if i >= 0]
    return text[start:min(ends) if ends else len(text)].strip(".,;:()\"'“”‘’")


def _outermost(places: list[Place]) -> list[Place]:
    """Drop places nested in a longer one ("Syria" in "the borders with Syria")."""
    return [p for p in places if not any(
        q is not p and q.start <= p.start and p.end <= q.end and (q.end - q.start) >
        (p.end - p.start) for q in places)]


_ACTOR_DEPS = frozenset({"compound", "poss", "amod", "nmod", "nsubj"})


def _country_as_actor(doc: Document, place: Place) -> bool:
    """A country named as a doer or a modifier ("the US offensive", "Turkey shelled"),
    not as where something happened; "Idlib province"-style designators stay places."""
    if place.feature != "country" or doc.spacy_doc is None:
        return False
    span = span_at(doc.spacy_doc, place.start, place.end)  # memoised: asked per event
    if span is None:
        return False
    root = span.root
    return root.dep_ in _ACTOR_DEPS and root.head.lower_ not in AFTER_CUES


def place_for(doc: Document, sent_start: int, sent_end: int, anchor: Any,
              exclude: Callable[[int, int], bool] | None = None) -> Place | None:
    """The event location: a place of the sentence (attached to / nearest the anchor), else
    the nearest town or site earlier in the same paragraph, or in the previous one when the
    sentence refers back to "the attack" (episode carry-over; countries and regions are not
    carried). A place inside an actor, an outlet credit or an organisation's name never
    counts, nor one `exclude(start, end)` rejects (e.g. the event's participants)."""
    pos = anchor_offset(anchor)
    lo = _window_start(doc.text, sent_start, sent_end)
    near = [p for p in doc.places if lo <= p.start and p.end <= sent_end]  # all it may choose
    return _place_for(doc, near, sent_start, sent_end, pos, _actor_spans(doc), exclude)


def _window_start(text: str, sent_start: int, sent_end: int) -> int:
    """Where the places an event may take begin: its paragraph, or the one before when the
    sentence refers back to an episode ("the attack")."""
    para = line_start(text, sent_start)
    if _EPISODE.search(text, sent_start, sent_end):
        para = _previous_paragraph(text, para)
    return para


def _place_for(doc: Document, places: list[Place], sent_start: int, sent_end: int, pos: int,
               actors: list[tuple[int, int]],
               exclude: Callable[[int, int], bool] | None = None) -> Place | None:
    if _MODIFIER_TRIGGER.fullmatch(_word_at(doc.text, pos)):
        return None  # "US-backed forces": a standing relation, not a located event
    credits, datelines = _credits(doc)

    def kept(p: Place) -> bool:  # asked last: `exclude` may cost the most
        return exclude is None or not exclude(p.start, p.end)

    inside = _outermost([p for p in places if sent_start <= p.start and p.end <= sent_end
                         and _usable(doc, p, actors, credits)
                         and not _country_as_actor(doc, p) and kept(p)])
    if inside:
        def rank(p: Place) -> tuple:
            attached = _attached(doc, p, pos)
            level = {None: 1, 1: 0, 2: 0, 3: 1}.get(p.precision, 1) + \
                (p.feature == "country")  # "into Iraq, in particular into Anbar"
            dateline = any(a <= p.start and p.end <= b for a, b in datelines)
            return (dateline, 0 if attached else 1, level, abs(p.start - pos))
        return _expression(doc, min(inside, key=rank))
    para = _window_start(doc.text, sent_start, sent_end)  # "the attack": the one before too
    before = [p for p in places if para <= p.start and p.end <= sent_start
              and p.gazetteer_id is not None and (p.precision or 3) <= 2
              and _usable(doc, p, actors, credits)
              and not any(a <= p.start and p.end <= b for a, b in datelines) and kept(p)]
    if before:
        best = max(before, key=lambda p: p.start)
        return _expression(doc, best)
    return None


# a definite reference back to an episode or area told earlier ("the attack", "the area",
# "the ISIS-held pocket")
_EPISODE = re.compile(
    r"\b(?:the|this|that)\s+(?:attack|ambush|assault|clashes|fighting|battle|bombing|blast"
    r"|explosion|raid|strike|strikes|offensive|shelling|operation|area|town|city|village"
    r"|region|convoy|incident)\b"
    r"|\b(?:the|this|that)\s+(?:[\w-]+-held\s+|last\s+|remaining\s+)?(?:pocket|enclave)\b",
    re.IGNORECASE)
_DATELINE = re.compile(
    r"^[ \t]*(?P<dl>[A-Z][A-Z.'’ -]{2,40}?(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?)\s*"
    r"(?P<credit>\([^)\n]{1,40}\))?\s*[-–—]{1,2}\s", re.MULTILINE)


def _credits(doc: Document) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(outlet credit spans, dateline spans) of "BEIRUT (Levant Wire) - " openings."""
    key = "_geo_credits"
    if key not in doc.__dict__:
        credits, datelines = [], []
        for m in _DATELINE.finditer(doc.text):
            datelines.append(m.span("dl"))
            if m.group("credit"):
                credits.append(m.span("credit"))
        doc.__dict__[key] = (credits, datelines)
    return doc.__dict__[key]


def usable_places(doc: Document) -> list[Place]:
    """The document's places that are not part of an actor, an outlet credit or an
    organisation's name."""
    credits, _datelines = _credits(doc)
    actors = _actor_spans(doc)
    return [p for p in doc.places if _usable(doc, p, actors, credits)]


def _usable(doc: Document, place: Place, actors: list[tuple[int, int]],
            credits: list[tuple[int, int]]) -> bool:
    """Not part of an actor, an outlet credit or an organisation's name ("Levant Wire")."""
    if _in_actor(place, actors) or any(a <= place.start and place.end <= b
                                       for a, b in credits):
        return False
    if _MODIFIER_SUFFIX.match(doc.text, place.end):
        return False  # "US-backed", "Turkish-occupied": a sponsor, not a place
    nxt = re.match(r"[ \t]+([A-Z][\w]*)", doc.text[place.end:place.end + 30])
    return not (nxt and nxt.group(1) in word_list("org_name_heads.txt"))


__all__ = ["find_places", "place_for", "usable_places", "find_mentions", "resolve_mentions", "Mention",
           "SITE_FEATURES"]
