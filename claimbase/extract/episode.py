"""How a deed told long into a single-scene episode is told: the tests `events._sole_scene`
uses to let such a deed keep the episode's town beyond `events.EPISODE_SENTENCES`.

- `told_deed`: a deed told as having happened or as going on at the scene: a verb in a past
  tense ("stormed", "had fled"), a deed noun or gerund that is the subject of a verb in the
  past tense or of a present progressive ("the shelling of the camp continued", "clashes are
  continuing"), a verb in the present progressive ("fighters are pushing into …"), or a
  verb in the present simple told live of a definite participant (`live_present`: "the SDF
  advances", "government forces shell the town", "they bomb us every night"; not a habit of
  a kind, "snipers shoot at anyone who …", "such groups capture hostages").
- `same_voice`: the place and the deed are told by one voice: the narrator, one quotation,
  or consecutive quotations of one speaker ("“We took the village,” he said. “We found …”").
- `predicated_relation`: a relation noun said of a participant ("were supporters of …") is
  not a deed of the episode and takes no carried place.
"""

from __future__ import annotations

from typing import Any

from claimbase.geo.place_reference import quotation_at
from claimbase.record import Attribution, Document

# the auxiliaries of a deed told as going on now ("fighters are pushing into the town")
_PROGRESSIVE_AUX = frozenset({"is", "are", "'re", "’re"})


def told_deed(verb: Any) -> bool:
    """Is the trigger a deed told as done or as going on (see the module docstring), not a
    noun in a claim, an infinitive, a present-tense habit or a present perfect summing up
    ("the fight against X", "seek to return", "attack convoys", "have killed dozens")?"""
    if not hasattr(verb, "tag_"):
        return False
    if told_in_past(verb):
        return True
    if verb.dep_ == "nsubj" and verb.head.pos_ == "VERB" and (
            verb.pos_ == "NOUN" or verb.tag_ == "VBG"):
        # "the shelling of the camp continued", "fighting raged", "clashes are continuing"
        return verb.head.tag_ == "VBD" or _progressive(verb.head)
    return verb.pos_ == "VERB" and verb.dep_ in ("ROOT", "ccomp", "conj") and (
        _progressive(verb) or live_present(verb))


# determiners of a definite participant ("the SDF", "these fighters", "their jets")
_DEFINITE = frozenset({"the", "this", "these", "that", "those", "its", "their", "his", "her",
                       "our", "my", "your"})
_PERSONAL = frozenset({"they", "we", "he", "she", "i", "you", "it", "them", "us", "him", "me"})


def live_present(verb: Any) -> bool:
    """Is the verb in the present simple told live of a definite participant: its subject
    or its object is a name, a personal pronoun or a noun with a definite determiner ("the
    SDF advances", "government forces shell the town", "they bomb us every night")? A
    present simple said of a kind is a habit or a claim ("snipers shoot at anyone who
    crosses", "such groups capture hostages"), and a negated one tells nothing done."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("neg", "aux") for c in verb.children):
        return False
    return any(c.dep_ in ("nsubj", "dobj") and _definite(c) for c in verb.children)


def _definite(tok: Any) -> bool:
    """A name, a personal pronoun, or a noun with a definite determiner."""
    if tok.lower_ in _PERSONAL:
        return True
    if tok.pos_ == "PROPN":
        return True
    return tok.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE
                                      and c.i < tok.i for c in tok.children)


def _progressive(verb: Any) -> bool:
    """Is the verb in the present progressive ("are pushing", "is continuing")?"""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in _PROGRESSIVE_AUX
                                      for c in verb.children)


def told_in_past(verb: Any) -> bool:
    """Is the trigger a verb in a past tense ("stormed", "had fled", "were killed"), not a
    noun, an infinitive, a present-tense claim or a present perfect summing up ("the fight
    against X", "seek to return", "have killed dozens over the years")?"""
    if not hasattr(verb, "tag_") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                      for c in verb.children)


def predicated_relation(anchor: Any) -> bool:
    """Is the trigger a noun predicated of a participant by a copula ("the detainees may have
    been supporters of the deal", "they are allies of Damascus")? It says who someone is,
    not a deed of the episode, so it takes no place carried from an earlier sentence."""
    return getattr(anchor, "pos_", None) == "NOUN" and anchor.dep_ == "attr" and \
        anchor.head.lemma_ == "be"


def same_voice(doc: Document, first: int, later: int) -> bool:
    """Are the positions `first` and `later` told by one voice: both by the narrator, both in
    one quotation, or in two quotations of one speaker (`_speaker`: the same actor id or
    name, or a pronoun taking up the last speaker with no other named speaker between)?"""
    opened, here = quotation_at(doc.text, first), quotation_at(doc.text, later)
    if opened == here:
        return True
    if opened is None or here is None or here < opened or doc.spacy_doc is None:
        return False
    one, other = _quote_source(doc, opened), _quote_source(doc, here)
    if one is None or other is None:
        return False
    speaker = _speaker(doc, one)
    if speaker is None or speaker == _PRONOUN:
        return False
    for att in doc.attributions:  # the named speakers of the quotations in between
        if att is not one and att is not other and opened < att.content_start < here and \
                _speaker(doc, att) not in (speaker, _PRONOUN):
            return False
    return _speaker(doc, other) in (speaker, _PRONOUN)


_PRONOUN = "<pronoun>"
_PRONOUNS = frozenset({"he", "she", "they", "we"})
_CLOSING = {"“": "”", '"': '"'}


def _quote_source(doc: Document, opened: int) -> Attribution | None:
    """The explicit attribution of the quotation that opens at `opened` (a quotation of
    several sentences attributes its last one); one only carried over is a guess."""
    close = doc.text.find(_CLOSING.get(doc.text[opened], "”"), opened + 1)
    close = len(doc.text) if close < 0 else close + 1
    found = [a for a in doc.attributions if a.scope == "explicit" and a.source_kind not in (
        "author", "anonymous", "rumor") and a.content_start < close and opened < a.content_end]
    return min(found, key=lambda a: a.content_end - a.content_start) if found else None


def _speaker(doc: Document, att: Attribution) -> str | None:
    """Who an attribution quotes: its actor id, else the last word of its source's name or
    of the name in apposition to it ("the commander, Adnan Afrini" -> "afrini"), or
    `_PRONOUN` for "he", "she", "they", "we"."""
    if att.source_id is not None:
        return att.source_id
    if att.source_start is None or att.source_end is None:
        return None
    if (att.source_text or "").lower() in _PRONOUNS:
        return _PRONOUN
    span = doc.spacy_doc.char_span(att.source_start, att.source_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    named = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    tok = named[-1] if named else root
    return tok.lower_ if tok.pos_ == "PROPN" else None
