"""Place names in conflict reporting that the NER and the gazetteer matcher miss.

War reports name towns in their own ways, and in many spellings of the same Arabic,
Kurdish or Turkish name. Each rule adds candidate spans to the geoparser's mention finding
(`geoparse.find_mentions`), always checked against the gazetteer:

- the target of an attack: "airstrikes on X", "shelling against X", "shells targeted X",
  "bombardment hit X" (the NER often reads such a name as a person: "Jisr al-Shughur");
- a name after a lower-case compass word: "clashes in eastern Ghouta" (the whole name when
  the gazetteer knows it so, "Eastern Ghouta", else the name after the compass word);
- a one-word transliteration the gazetteer knows only by its consonant skeleton ("Menbej"
  for Manbij, "Qameshly" for Qamishli), after a locative word or before a designator
  ("Qameshly city"), when that skeleton reads as a sizeable town or province of the
  Arabic-, Kurdish- and Turkish-speaking region, where such spellings vary;
- a longer name around a shorter match ("the town of Khan al-Sobol", not "Khan");
- a name before a designator ("Jendires town"), or a site's whole name with its kind
  ("Rokban camp", "Kweres military airport"); a camp named after its town with what it is
  for ("the al-Hawl refugee camp") is the camp the gazetteer knows as "<town> camp"
  (`camp_lookup`), else it lies at the town;
- the corners of an area ("the Shaer – Jeb al-Jarrah – Shomariyyeh triangle", "the
  junction of al-Tabaqa – Rasafa") and a name before the event it names ("the Salqin
  massacre"), read as after a locative word: the NER often takes
  such lists for one person's or organisation's name;
- in a story of the region, a name listed with a place already found ("Duma and Jesr
  al-Shughour", "Daraa and al-Suwaidaa"), read as after a locative word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from claimbase.first_chars import with_first_chars
from claimbase.geo.gazetteer import _HYPHEN_ARTICLE, RULER_COUNTRIES
from claimbase.geo.translit import ARTICLES, HYPHEN_ARTICLE, NAME_WORD, norm

if TYPE_CHECKING:
    from claimbase.geo.gazetteer import Gazetteer
    from claimbase.record import Document

_NAME = rf"(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}})"
_ATTACK_NOUN = (r"(?:air[ -]?strikes?|strikes?|raids?|shelling|shells|bombardment|bombings?"
                r"|attacks?|assaults?|offensives?|barrels?|missiles?|rockets?|fire|firing"
                r"|bombs?|mortars?|artillery|advances?|operations?|warplanes|jets|helicopters"
                r"|drones|aircraft)")
# Every trigger starts a word with a letter: the leading test spares the engine trying each
# trigger at every position (the same matches, about twice as fast).
_TARGET = re.compile(  # the trigger words in any case ("Airstrikes on X"), the name capitalised
    r"\b(?=(?i:[a-z]))"
    rf"(?i:(?P<attack>\b{_ATTACK_NOUN}\s+(?:on|upon|against))"
    r"|\b(?:targeted|targets?|targeting|hit|hits|hitting|struck|strikes|shell|shells|shelled"
    r"|bomb|bombs|bombed|pound|pounds|pounded|storm|storms|stormed|raid|raids|raided"
    r"|attack|attacks|attacked|besiege|besieges|besieged|recapture|recaptures|recaptured"
    r"|capture|captures|captured|seize|seizes|seized)"
    r"|\b(?:in|at|near|around|outside|into|towards?)|(?P<weak>\b(?:on|over|across|from))"
    r"|\b(?:countryside|outskirts|vicinity)"
    r"|\b(?:countryside|outskirts|vicinity|city|town|village|villages|area|areas|deserts?"
    r"|suburbs?|neighbou?rhood|countrysides|environs|airport|air[ -]?base|control)\s+(?:of|over))"
    rf"\s+(?i:the\s+)?(?i:(?:besieged|embattled|rebel-held|opposition-held)\s+)?{_NAME}")
# what a camp is for, between its town's name and "camp" ("al-Hawl refugee camp")
_CAMP_KIND = r"(?:(?:refugee|displacement|displaced[ \t]+persons?|IDP|detention)[ \t]+)?camp"
_DESIGNATOR = re.compile(r"[ \t]+(?:city|town|village|area|countryside|province|governorate"
                         rf"|district|{_CAMP_KIND}|outskirts|suburbs|military|airport|air[ \t]?base"
                         r"|base|field|oil[ \t]+field|gas[ \t]+field|crossing|dam)\b")
_BEFORE_DESIGNATOR = re.compile(rf"(?<![\w’'‘-]){_NAME}(?={_DESIGNATOR.pattern})")
_SITE_AFTER = re.compile(rf"[ \t]+(?:military[ \t]+)?(?:{_CAMP_KIND}|airport|air[ \t]?base|base"
                         r"|(?:oil[ \t]+|gas[ \t]+)?field|crossing|dam)\b")
# the end of the text before a word that opens a sentence, where a capital tells nothing
SENTENCE_START = re.compile(r"(?:\A|[.;:…!?\"“”]\s*|\n\s*)\Z")
_POSSESSIVE = re.compile(r"['’]s?$")
# verbs whose object is a place struck ("shells target Maskanah", "jets pounded Hajin")
_STRIKE_VERBS = (r"targeted|targets?|hit|hits|shell|shells|shelled|shelling|bombard|bombards"
                 r"|bombarded|pound|pounds|pounded|struck")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|around|outside|into|towards?|on|of|from"
                              rf"|{_STRIKE_VERBS}|bomb|bombs|bombed)\s+(?:the\s+)?\Z", re.I)

# a one-word loose spelling counts when it reads as a place at least this big
_LOOSE_MIN_POP = 10_000
_LOOSE_FEATURES = frozenset({"city", "capital", "admin1"})


def regional_story(text: str, gaz: Gazetteer, countries: Iterable[str],
                   taken: list[tuple[int, int]]) -> bool:
    """The text is about the conflict region: an actor or demonym of its countries
    (`countries`, ISO2), a name written with a hyphenated Arabic article ("al-Bab"), or a
    name already found that only towns of the region bear."""
    if any(c in RULER_COUNTRIES for c in countries) or _HYPHEN_ARTICLE.search(text):
        return True
    for a, b in taken[:8]:
        name = text[a:b]
        if len(name) < 4 or re.search(rf"\b{re.escape(name.lower())}\b", text):
            continue  # "Off": a word the text also writes in lower case
        exact = [c for c in gaz.candidates(name)[:10] if c.match == "exact"]
        if exact and exact[0].country in RULER_COUNTRIES and all(
                c.country in RULER_COUNTRIES for c in exact if c.population):
            return True  # "Aleppo", not "Alexandria" (Virginia or Egypt)
    return False


def conflict_spans(text: str, gaz: Gazetteer, taken: list[tuple[int, int]],
                   blocked: list[tuple[int, int]], persons: list[tuple[int, int]],
                   regional: bool) -> list[tuple[int, int, int]]:
    """(start, end, priority) of the place names the rules above find; `taken` are the spans
    already found (a new span may only contain them, as a longer name does), `blocked` the
    spans no place may overlap (dates, demonyms). The target of an attack that is no
    person's name may be any place the gazetteer knows by that exact name; other names must
    read as places of the conflict region, where the NER misses transliterated names (and
    often takes them for persons): any reading there in a `regional` story, else all of
    them."""
    out: list[tuple[int, int, int]] = []
    seen = list(taken)

    def free(s: int, e: int) -> bool:
        if any(a < e and s < b for a, b in blocked):
            return False
        return all(b <= s or e <= a or (s <= a and b <= e and (s, e) != (a, b))
                   for a, b in seen)

    for m in _TARGET.finditer(text):  # every story: a name only region towns bear counts
        start = m.start("name")
        person = any(a < m.end("name") and start < b for a, b in persons)
        if person and m.group("weak"):
            continue  # "a letter from Salah Amin"
        anywhere = m.group("attack") is not None and not person
        span = _known_run(text, start, m.group("name"), gaz, free, anywhere, regional,
                          strong=m.group("weak") is None)
        if span:
            out.append((*span, 1))
            seen.append(span)
    for m in with_first_chars(_BEFORE_DESIGNATOR).finditer(text):
        site = _SITE_AFTER.match(text, m.end())  # "Rokban camp": the site's whole name
        span = site and _known_run(text, m.start("name"), text[m.start("name"):site.end()],
                                   gaz, free, regional=regional, whole=True)
        span = span or _known_run(text, m.start("name"), m.group("name"), gaz, free,
                                  regional=regional, last_words=True, strong=True)
        if span:
            out.append((*span, 1))
            seen.append(span)
    for start, name, last in _corner_and_event_names(text):
        span = _known_run(text, start, name, gaz, free, regional=regional, last_words=last,
                          strong=True)
        if span:
            out.append((*span, 1))
            seen.append(span)
    if regional:
        out.extend(_listed_names(text, gaz, free, seen))
    return out


# a list of names: ", ", "and", "or", "&" or a spaced dash ("Sha'er – Jub Jerrah")
_LIST_SEP = r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+|[ \t]+[–—][ \t]*)"
_LISTED_AFTER = re.compile(rf"{_LIST_SEP}(?i:the[ \t]+)?{_NAME}")
_LISTED_BEFORE = re.compile(rf"(?<![\w’'‘-]){_NAME}{_LIST_SEP}(?i:the[ \t]+)?\Z")


# the corners of an area: "the triangle of A – B – C", "the A, B and C triangle"
_CORNER_KIND = r"(?i:triangle|junction)"
_NAME_RUN = rf"{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}}"
_CORNERS = re.compile(
    rf"{_CORNER_KIND}[ \t]+of[ \t]+(?i:the[ \t]+)?(?P<after>{_NAME_RUN}(?:{_LIST_SEP}{_NAME_RUN})+)"
    rf"|(?<![\w’'‘-])(?P<before>{_NAME_RUN}(?:{_LIST_SEP}{_NAME_RUN})+)[ \t]+{_CORNER_KIND}\b")
_CORNER_NAME = re.compile(_NAME_RUN)
# the event a place names: "the Salqin massacre"
_BEFORE_EVENT = re.compile(rf"(?<![\w’'‘-]){_NAME}(?=[ \t]+(?i:massacre)\b)")


_KIND_BEFORE_CORNERS = re.compile(rf"[ \t]+of[ \t]+(?i:the[ \t]+)?{_NAME_RUN}{_LIST_SEP}")


def corner_kind_word(text: str, start: int, end: int) -> bool:
    """The span is the capitalised kind word of an area named by its corners ("Triangle"
    of "the Triangle of Shaer – Jeb al-Jarrah"), no place itself."""
    return re.fullmatch(_CORNER_KIND, text[start:end]) is not None \
        and _KIND_BEFORE_CORNERS.match(text, end) is not None


def _corner_and_event_names(text: str) -> list[tuple[int, str, bool]]:
    """(start, name, read by its last words) of each corner of an area the text names by
    its corners, and of each name right before "massacre"."""
    out: list[tuple[int, str, bool]] = []
    lower = text.lower()
    if "triangle" in lower or "junction" in lower:
        for m in _CORNERS.finditer(text):
            group = "after" if m.group("after") is not None else "before"
            out.extend((n.start(), n.group(), group == "before")
                       for n in _CORNER_NAME.finditer(text, m.start(group), m.end(group)))
    if "massacre" in lower:
        out.extend((m.start("name"), m.group("name"), True) for m in _BEFORE_EVENT.finditer(text))
    return out


def _listed_names(text: str, gaz: Gazetteer, free: object,
                  seen: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """In a regional story, the names listed with a place already found ("targets Duma
    and Jesr al-Shughour", "the countryside of Daraa and al-Suwaidaa", "Ein Tarma and
    Douma"): a list of places is as strong a context as a locative word, so a name there
    counts as `_known_run` reads a town of the region after one. Repeats until the list is
    used up; `seen` grows with the names found."""
    out: list[tuple[int, int, int]] = []
    todo = list(seen)
    while todo:
        a, b = todo.pop()
        found = []
        right = _LISTED_AFTER.match(text, b)
        if right is not None:
            found.append(_known_run(text, right.start("name"), right.group("name"), gaz, free,
                                    strong=True))
        left = _LISTED_BEFORE.search(text, max(0, a - 60), a)
        if left is not None:
            found.append(_known_run(text, left.start("name"), left.group("name"), gaz, free,
                                    last_words=True, strong=True))
        for span in found:
            if span and span not in seen:
                out.append((*span, 1))
                seen.append(span)
                todo.append(span)
    return out


def _exactly_known(gaz: Gazetteer, name: str) -> bool:
    return any(c.match == "exact" for c in gaz.candidates(name)[:20])


def _known_run(text: str, start: int, name: str, gaz: Gazetteer, free: object,
               anywhere: bool = False, regional: bool = True,
               last_words: bool = False, whole: bool = False,
               strong: bool = False) -> tuple[int, int] | None:
    """The longest run of the name's first words (its last words when `last_words`: the
    name before a designator) that the gazetteer knows: exactly (any place when `anywhere`,
    else one of the conflict region), by its transliteration skeleton when it has two words
    or more (in the region; the whole name only when `whole`), or, in a `regional` story, one loose word as a sizeable place
    of the region (`_loose_word`), or any town of the region when the context is `strong`
    (the target of an attack, a locative word, a designator after it: `_region_town`;
    outside a regional story, when the region holds all its loose readings: "control of
    Tedef").
    Outside a regional story a name counts only when every reading of it lies in the region
    ("Maaret Misrin")."""
    words = list(re.finditer(r"\S+", name))
    owner = next((i for i, w in enumerate(words) if _POSSESSIVE.search(w.group())), None)
    if owner is not None and last_words:  # "Idlib's Khan Shaykhun town"
        words = words[owner + 1:]
    elif owner is not None:  # "Syria's al-Bab": the owner's name ends there
        words = words[:owner]
    if not words:
        return None
    if whole or (last_words and owner is None
                 and not SENTENCE_START.search(text, max(0, start - 5), start)):
        # "Qabtan al-Jabal town" is one name, not "al-Jabal"
        spans = [(start + words[0].start(), start + words[-1].end())]
    else:  # first words, or the last ones after a sentence's capitalised first word
        spans = [(start + words[i].start(), start + words[j - 1].end())
                 for n in range(len(words), 0, -1)
                 for i, j in ([(len(words) - n, len(words))] if last_words else [(0, n)])]
    for s, end in spans:
        surface = text[s:end].rstrip(".,;:’'")
        end = s + len(surface)
        if len(surface) < 3 or not free(s, end):  # type: ignore[operator]
            continue
        single = " " not in surface and "-" not in surface
        cands = gaz.candidates(surface)[:20]
        for match in ("exact", "fold"):
            found = [c for c in cands if c.match == match]
            if not found or (match == "fold" and single):
                continue
            if (match == "exact" and anywhere) or (
                    any(c.country in RULER_COUNTRIES for c in found) if regional
                    else all(c.country in RULER_COUNTRIES for c in found)):
                return s, end  # outside a regional story: only names of region towns alone
        whole_name = len(words) == 1  # not the first word of a longer name ("Maarrat al-…")
        if single and regional and _loose_word(surface, cands):
            return s, end
        if single and strong and whole_name and _region_town(surface, cands) and (
                regional or all(c.country in RULER_COUNTRIES for c in cands)):
            return s, end  # outside a regional story: only when every reading is there
    return None


def _loose_word(surface: str, cands: list) -> bool:
    """A one-word transliteration ("Menbej") whose best loose reading is a sizeable town or
    province of the conflict region."""
    if len(surface) < 5 or not surface[:1].isupper() or surface.isupper():
        return False
    loose = [c for c in cands if c.match == "fold"]
    if not loose:
        return False
    best = max(loose, key=lambda c: c.population)
    return best.country in RULER_COUNTRIES and best.feature in _LOOSE_FEATURES and (
        best.population >= _LOOSE_MIN_POP or best.feature == "admin1")


# the kinds of place a one-word loose spelling may name in a strong context; how close its
# spelling must stay to the town's (rapidfuzz ratio of the names without articles, 0..1)
_TOWN_FEATURES = frozenset({"city", "town", "village", "neighbourhood", "admin2"})
_TOWN_MIN_SIMILARITY = 0.75


def _region_town(surface: str, cands: list) -> bool:
    """A one-word transliteration ("Kafrnabal", "Shaddadi") that no place bears exactly and
    whose closest loose readings are all towns of the conflict region, however small: said
    as the target of an attack, after "in" or "around", or before "countryside" or "town",
    such a word names a town whose spelling varies, not a person or a thing."""
    if len(surface) < 4 or not surface[:1].isupper() or surface.isupper():
        return False
    loose = [c for c in cands if c.match == "fold"]
    if not loose or len(loose) < len(cands):
        return False  # an exact (or only a fuzzy) reading: not this rule's
    best = max(c.similarity for c in loose)
    if best < 0.9 * _TOWN_MIN_SIMILARITY:  # fold matches carry 0.9 x the names' ratio
        return False
    return all(c.country in RULER_COUNTRIES and c.feature in _TOWN_FEATURES
               for c in loose if c.similarity == best)


_QUALIFIER = re.compile(r"(?:(?:north|south)?(?:east|west)ern|northern|southern|central)[ \t]+"
                        r"(?=[A-Z]|(?:al|el|ad|as|ar|ash|az|an|at)-[A-Z])")


def lower_qualifier(text: str, start: int, end: int, gaz: Gazetteer) -> tuple[int, bool]:
    """(start, named) of an entity span that opens with a lower-case compass word: "eastern
    Ghouta" stays whole when the gazetteer knows it so (named: a proper name, though it does
    not look like one), else "eastern Qalamoun" becomes "Qalamoun" (the compass word is a
    part of the named place, read by the direction cue)."""
    m = _QUALIFIER.match(text, start, end)
    if m is None:
        return start, False
    if _exactly_known(gaz, text[start:end]):
        return start, True
    return m.end(), False


def loose_common_word(surface: str, lower_words: set[str] | frozenset[str],
                      gaz: Gazetteer) -> bool:
    """A one-word name the gazetteer knows only loosely that the text also writes in lower
    case: a common word opening a sentence or a merged headline ("Shells fall on…" is not
    Sells, Arizona)."""
    return " " not in surface and "-" not in surface and surface.lower() in lower_words \
        and not gaz.has_name(surface)


# "the city of X", "the capital X", "the capital, X"
_TOWN_OF = re.compile(r"\b(?:(?:city|town|village)\s+of\s+(?:the\s+)?|capital,?\s+)\Z", re.I)
_TOWN_AFTER = re.compile(r"[ \t]+(?:city|town|village|countryside)\b")  # "al-Mayadeen city"
# the object of a bombardment or blast verb is the town struck, not its government
# ("explosions rock Damascus", "shells target Damascus")
_STRUCK_BEFORE = re.compile(rf"\b(?:rock|rocks|rocked|shake|shakes|shook|{_STRIKE_VERBS}"
                            r"|targeting|hitting)\s+(?:the\s+)?\Z", re.I)
_ORG_PLACE_FEATURES = frozenset({"city", "capital", "town", "village", "admin1", "admin2",
                                 "neighbourhood", "region"})


def places_taken_for_orgs(doc: Document) -> set[tuple[int, int]]:
    """Spans the NER took for an organisation that the dictionary does not know, which are
    exactly a resolved town or area after a locative or target word ("clashes in al-Tabaqa",
    "raids on Maskanah"): a transliterated town, not a group; and any actor's name after
    "the city of" or before a lower-case "city", "town", "village" or "countryside" ("the
    city of Al-Mayadeen", "al-Mayadeen city": not the television channel); after "the
    capital" ("the capital Damascus") or a bombardment or blast verb ("explosions rock
    Damascus"): the town, not its government."""
    places = {(p.start, p.end) for p in doc.places
              if p.lat is not None and p.feature in _ORG_PLACE_FEATURES}
    return {(a.start, a.end) for a in doc.actors if (a.start, a.end) in places and (
        (a.kind == "organization" and a.id is None
         and (_LOCATIVE_BEFORE.search(doc.text, max(0, a.start - 25), a.start)
              or _DESIGNATOR.match(doc.text, a.end)))
        or _TOWN_OF.search(doc.text, max(0, a.start - 25), a.start)
        or _STRUCK_BEFORE.search(doc.text, max(0, a.start - 25), a.start)
        or _TOWN_AFTER.match(doc.text, a.end))}


_ARTICLED = re.compile(rf"{HYPHEN_ARTICLE}[A-Z]", re.I)
_ARTICLED_FEATURES = frozenset({"city", "capital", "town", "village", "admin1", "neighbourhood"})


def articled_town(text: str, start: int, end: int, gaz: Gazetteer) -> bool:
    """A one-word name with a hyphenated Arabic article ("al-Shadadi") after a locative or
    target word or before a designator ("in al-Shadadi countryside") whose exact reading is
    a town of the conflict region: a place, though it ends like a demonym or a family's
    nisba ("al-Halabi" after a first name stays a person's)."""
    surface = text[start:end]
    if not _ARTICLED.match(surface) or " " in surface:
        return False
    if not (_LOCATIVE_BEFORE.search(text, max(0, start - 25), start)
            or _DESIGNATOR.match(text, end)):
        return False
    return any(c.match == "exact" and c.country in RULER_COUNTRIES
               and c.feature in _ARTICLED_FEATURES for c in gaz.candidates(surface)[:10])


def loose_town_in_context(text: str, start: int, end: int, gaz: Gazetteer) -> bool:
    """A one-word name after a locative or target word or before a designator ("outskirts
    of Shaddadi", "Al-Shaddadi countryside") whose closest loose readings are all towns of
    the conflict region (`_region_town`): a place, though it ends like a demonym; a true
    demonym ("Iraqi") reads as its country, never as a town alone."""
    surface = text[start:end]
    if " " in surface or not (_LOCATIVE_BEFORE.search(text, max(0, start - 25), start)
                              or _DESIGNATOR.match(text, end)):
        return False
    cands = gaz.candidates(surface)[:20]
    if not _region_town(surface, cands):
        return False
    best = max(c.similarity for c in cands)
    # the town's own name is one word too: "Kurdi" is no town because "Kafr al Kurdi" is
    return all(len([w for w in norm(c.name).split() if w not in ARTICLES]) == 1
               for c in cands if c.similarity == best)


_DESERT_WORD = r"(?:desert|badia|badiya)"
_COMPASS_ADJ = r"(?:(?:north|south)?(?:east|west)ern|northern|southern|central)"
_DESERT_BEFORE = re.compile(rf"\b(?:{_COMPASS_ADJ}\s+)?{_DESERT_WORD}\s+(?:of|in)\s+(?:the\s+)?\Z",
                            re.I)
_DESERT_AFTER = re.compile(rf"(?:['’]s)?\s+(?:{_COMPASS_ADJ}\s+)?{_DESERT_WORD}\b", re.I)
_DESERT_FEATURES = frozenset({"desert", "region"})


def desert_lookup(text: str, start: int, end: int, gaz: Gazetteer) -> str | None:
    """The desert named after a town or province ("the eastern desert of Homs", "Homs
    desert", "Homs's eastern desert"): "<name> desert" when the gazetteer knows that area,
    whose events lie far out from the town; else None."""
    if not (_DESERT_BEFORE.search(text, max(0, start - 40), start)
            or _DESERT_AFTER.match(text, end)):
        return None
    name = f"{text[start:end]} desert"
    if any(c.match == "exact" and c.feature in _DESERT_FEATURES
           for c in gaz.candidates(name)[:5]):
        return name
    return None



_CAMP_AFTER = re.compile(rf"[ \t]+{_CAMP_KIND}\b", re.I)


def camp_lookup(text: str, start: int, end: int, gaz: Gazetteer) -> str | None:
    """The camp named after its town with what it is for ("the al-Hawl refugee camp", "the
    Rukban displacement camp"): "<name> camp" when the gazetteer knows that camp; else None
    (the town, where the camp lies, stands for it)."""
    if not _CAMP_AFTER.match(text, end):
        return None
    name = f"{text[start:end]} camp"
    if any(c.match in ("exact", "fold") and c.feature == "camp"
           for c in gaz.candidates(name)[:5]):
        return name
    return None
