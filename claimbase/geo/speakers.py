"""Place mentions that are people or peoples: speakers and demonyms used as adjectives.

The geoparser leaves speakers out before resolution (`speaker_spans`: a surname's namesake
towns must not vote for the story's state) and drops the places of demonyms used as
adjectives after it (`demonym_spans`: they vote for their country). The NER tags
many people's names as places ("Memo Wan" -> "Wan", "Ahmed Ali said" -> "Ali"), and the
gazetteer knows towns named like demonyms ("Canadian", Texas; "Arab", Alabama; "German",
Isle of Man). Two general rules:

- a name the story makes speak (the subject of a reporting verb of `cues.yaml`: "Wan said",
  "said Saratova", "Bali tweeted") is a person in the whole story, and so is a capitalised
  name written next to it ("Kheda" of "Kheda Saratova"); countries and capitals speak for
  their governments ("Tbilisi says") and keep their reading, and so does a state or
  province unless the NER also calls that speaker a person; a name after a locative word
  or as the object of an attack ("shells target Maskanah") is no speaker;
- a one-word name attributing a direct quotation ('…," Petrova said') speaks too, and a
  name given kin or written before "herself" ("Georgia's father", `data/person_kin_nouns.txt`)
  is a person in every repeat, even one the gazetteer knows as a country;
- a demonym ("Canadian", "Arab", `states.tsv` and `data/place_demonym_words.txt`) is not the
  town named like it, unless it stands alone after a locative preposition or before ", State"
  ("in Arab, Ala."); a demonym whose readings include its own country ("Sri Lankan") is
  left to the resolver as before.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.attrs import IS_TITLE

from claimbase.config import word_list
from claimbase.geo.translit import norm

if TYPE_CHECKING:
    from claimbase.geo.gazetteer import Gazetteer
    from claimbase.geo.geoparse import Mention
    from claimbase.record import Document

_GOVERNMENT_SEATS = frozenset({"country", "capital"})  # "Damascus said", "Turkey said"
_STATES = frozenset({"admin1", "admin2"})  # "Texas said" (its government), unless a person
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_GROUP_LABELS = frozenset({"ORG", "NORP", "FAC"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_LOCATIVE = re.compile(r"\b(?:in|near|at|into|outside|from|around|across|through)[ \t]+\Z",
                       re.IGNORECASE)  # not "to": "appealed to Saratova"
# the object of an attack is a place, not a speaker ("Airstrikes target Maskanah and clashes
# continue": the parser may make it the next verb's subject)
_ATTACKED = re.compile(r"\b(?:target(?:s|ed|ing)?|shell(?:s|ed|ing)?|bomb(?:s|ed|ing)?|hit|hits"
                       r"|struck|pound(?:s|ed)?|storm(?:s|ed)?|besiege[sd]?|raid(?:s|ed)?"
                       r"|(?:raids|strikes|shelling|bombardment|attacks?)[ \t]+on)[ \t]+\Z",
                       re.IGNORECASE)
_STATE_AFTER = re.compile(r",[ \t]*[A-Z][a-z]*\.?")
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    """Lemmas of the verbs that report speech (class "report" in cues.yaml)."""
    from claimbase.extract.attribution_cues import load_cues

    return frozenset(k for k, v in load_cues().reporting_verbs.items() if v == "report")


@lru_cache(maxsize=1)
def demonym_words() -> frozenset[str]:
    """Country demonyms (states.tsv) and the names of peoples and regions' inhabitants that
    no country owns (place_demonym_words.txt)."""
    from claimbase.geo.regions import _states

    demonyms, _names = _states()
    return frozenset(demonyms) | word_list("place_demonym_words.txt")


def _name_tokens(subject: Any) -> list[Any]:
    """The capitalised words of a subject's own name, back to a title: "Memo Wan" for the
    head "Wan", "Dennis Walaker" of "Fargo Mayor Dennis Walaker"."""
    words = [subject]
    sdoc = subject.doc
    i = subject.i - 1
    titles = word_list("person_titles.txt")
    while i >= 0 and sdoc[i].is_title and sdoc[i].head.i == subject.i \
            and sdoc[i].dep_ in ("compound", "flat") and sdoc[i].text.rstrip(".") not in titles:
        words.insert(0, sdoc[i])
        i -= 1
    return words


def _mostly_person(sdoc: Any, toks: list[Any]) -> bool:
    """The NER tags the word (its tokens `toks`) as a person more often than as a place in
    the document, and the document never names people after it ("Gainesville residents")."""
    labels = Counter(t.ent_type_ for t in toks)
    if labels["PERSON"] <= labels["GPE"] + labels["LOC"]:
        return False
    residents = word_list("place_resident_nouns.txt")
    return not any(t.i + 1 < len(sdoc) and sdoc[t.i + 1].lower_ in residents for t in toks)


def speaker_names(doc: Document, gaz: Gazetteer) -> tuple[set[str], set[str]]:
    """(names the story makes speak, the subset the NER also tags as a person). A one-word
    speaker counts only when the NER calls it a person more often than a place ("Bali
    tweeted"): a town may speak for its people ("Gainesville says no"); a longer name counts
    unless it names an organisation or opens with a word the NER calls a place ("Columbia
    City Council")."""
    sdoc = doc.spacy_doc
    names: set[str] = set()
    persons: set[str] = set()
    if sdoc is None:
        return names, persons
    lemmas = _speech_lemmas()
    heads = word_list("org_name_heads.txt")
    # one walk over the words: the title-case ones by text (a speaker's name is one, and so
    # is every word written like it), and the proper-noun subjects among them
    by_text: dict[str, list[Any]] = {}
    subjects: list[Any] = []
    # (IS_TITLE read from the parse's array: a Token object is made only for those words)
    titles = sdoc.to_array(IS_TITLE).tolist() if len(sdoc) else []
    for tok in (sdoc[i] for i, title in enumerate(titles) if title):
        by_text.setdefault(tok.text, []).append(tok)
        if tok.pos_ == "PROPN" and tok.dep_ in _SUBJECTS:
            subjects.append(tok)
    for tok in subjects:
        if tok.head.lemma_.lower() not in lemmas or tok.head.pos_ != "VERB":
            continue
        words = _name_tokens(tok)
        if len(words) == 1 and (tok.ent_type_ != "PERSON"
                                or not _mostly_person(sdoc, by_text[tok.text])) \
                or len(words) > 1 and (
                tok.ent_type_ in _GROUP_LABELS or any(t.text in heads for t in words)
                or words[0].ent_type_ in _PLACE_LABELS):
            continue  # "Afrin Liberation Forces announced", "Columbia City Council said"
        for t in words:
            names.add(t.text)
            if t.ent_type_ == "PERSON":
                persons.add(t.text)
    return names, persons


# a quotation's closing mark, with the punctuation before it: '," ', '?” '
_QUOTE_END = r"[,?!.]?[ \t]*[\"”][ \t]*"
_SPEECH = (r"(?:said|says|told|tells|added|adds|explained|explains|noted|notes|stated|wrote"
           r"|writes|asked|asks|continued|recalled|insisted|insists|argued|argues)")
_AFTER_QUOTE = re.compile(_QUOTE_END + r"\Z")
_SPEECH_AFTER = re.compile(r"[ \t]+" + _SPEECH + r"\b")
_QUOTE_SPEECH_BEFORE = re.compile(_QUOTE_END + _SPEECH + r"[ \t]+\Z")
_NAME_END = re.compile(r"[ \t]*(?:[.,;:!?]|\Z)")


def quoted_speakers(text: str, mentions: list[Mention]) -> set[str]:
    """One-word names that attribute a direct quotation: right after its closing mark and
    before a verb of speech ('…," Petrova said'), or after the mark and the verb, ending
    the clause ('…," said Logan.'). Such a name is a person whatever the NER and the parse
    make of it; a name with more words after it ("said Avondale Mayor Ed Rieker") is not
    taken."""
    out: set[str] = set()
    for m in mentions:
        if " " in m.text or m.text.endswith(".") or m.text in out:
            continue
        before = text[max(0, m.start - 20):m.start]
        if (_AFTER_QUOTE.search(before) and _SPEECH_AFTER.match(text, m.end)) \
                or (_QUOTE_SPEECH_BEFORE.search(before) and _NAME_END.match(text, m.end)):
            out.add(m.text)
    return out


_KIN_AFTER = re.compile(r"(?:'s|’s)[ \t]+(?P<noun>[a-zé]+)\b|[ \t]+(?:herself|himself)\b")


def kin_names(text: str, mentions: list[Mention]) -> set[str]:
    """One-word names the story gives kin ("Mason's father", `data/person_kin_nouns.txt`)
    or writes before "herself" / "himself": a person's, in every repeat, whatever the
    gazetteer knows by the name (a skater called Georgia)."""
    nouns = word_list("person_kin_nouns.txt")
    out: set[str] = set()
    for m in mentions:
        if " " in m.text or m.text in out:
            continue
        hit = _KIN_AFTER.match(text, m.end)
        if hit is not None and (hit.group("noun") is None or hit.group("noun") in nouns):
            out.add(m.text)
    return out


def _next_to_speaker(text: str, m: Mention, names: set[str]) -> bool:
    """A one-word name written right before or after a speaker's name ("Kheda Saratova")."""
    after = re.match(r"[ \t]+([A-Z][\w'’-]*)", text[m.end:m.end + 40])
    before = re.search(r"([A-Z][\w'’-]*)[ \t]+\Z", text[max(0, m.start - 40):m.start])
    return bool(after and after.group(1) in names or before and before.group(1) in names)


def _exact_readings(gaz: Gazetteer, name: str) -> set[str]:
    """The features of the name's first five exact readings ("Tbilisi": capital, admin1)."""
    return {c.feature for c in gaz.candidates(name)[:5] if c.match == "exact"}


def _first_reading(gaz: Gazetteer, name: str) -> str | None:
    cands = [c for c in gaz.candidates(name)[:5] if c.match == "exact"]
    return cands[0].feature if cands else None


def _reads_as_own_country(gaz: Gazetteer, word: str) -> bool:
    """The demonym's readings include the country it names ("Sri Lankan": Sri Lanka): the
    geoparser's earlier reading, left as it was; only town namesakes are dropped here."""
    from claimbase.geo.regions import _states

    country = _states()[0].get(word)
    return country is not None and any(
        c.feature == "country" and norm(c.name) == norm(country) for c in gaz.candidates(word)[:10])


def _adjective_demonym(doc: Document, m: Mention, gaz: Gazetteer) -> bool:
    """A demonym that is no town's name here: a modifier ("Arab states", "the Arab press",
    "a Canadian woman"), or not after a locative preposition; never a country's name
    ("Myanmar") nor a name before ", State" ("Arab, Ala.")."""
    text = doc.text
    if m.text not in demonym_words() or _STATE_AFTER.match(text, m.end) \
            or _first_reading(gaz, m.text) == "country" or _reads_as_own_country(gaz, m.text):
        return False
    sdoc = doc.spacy_doc
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand") if sdoc is not None else None
    modifier = span is not None and len(span) > 0 and span[-1].dep_ in _MODIFIER_DEPS
    return modifier or not _LOCATIVE.search(text, max(0, m.start - 15), m.start)


def speaker_spans(doc: Document, mentions: list[Mention], gaz: Gazetteer) -> set[tuple[int, int]]:
    """The (start, end) spans of the mentions that are the names of people the story makes
    speak ("Wan said", "Hopkins said", "Kheda Saratova"). They are no places, so they are
    left out before resolution: a surname's namesake towns must not vote for a state or
    lend a point to the story's other names."""
    text = doc.text
    names, persons = speaker_names(doc, gaz)
    names |= quoted_speakers(text, mentions)
    kin = kin_names(text, mentions)
    out: set[tuple[int, int]] = set()
    if not names and not kin:
        return out
    for m in mentions:
        if m.text in kin:
            out.add((m.start, m.end))  # "Georgia's father", so "Georgia began skating"
            continue
        if " " not in m.text and not m.text.endswith(".") and (
                m.text in names or _next_to_speaker(text, m, names)) \
                and not _LOCATIVE.search(text, max(0, m.start - 15), m.start) \
                and not _ATTACKED.search(text, max(0, m.start - 20), m.start):
            features = _exact_readings(gaz, m.text)
            seat = bool(features & _GOVERNMENT_SEATS)
            speaks_for_state = bool(features & _STATES) and m.text in names \
                and m.text not in persons
            if not seat and not speaks_for_state:
                out.add((m.start, m.end))  # "Wan said", "Kheda Saratova"
    return out


def demonym_spans(doc: Document, mentions: list[Mention], gaz: Gazetteer) -> set[tuple[int, int]]:
    """The (start, end) spans of the mentions that are demonyms used as adjectives ("Arab
    states", "a Canadian woman"). The caller drops their places after resolution, so the
    candidate readings they bring still vote for their country as before."""
    return {(m.start, m.end) for m in mentions if _adjective_demonym(doc, m, gaz)}


__all__ = ["demonym_spans", "demonym_words", "kin_names", "quoted_speakers", "speaker_names",
           "speaker_spans"]
