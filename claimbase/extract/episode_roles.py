"""Which event mentions without an actor of their own continue the episode told just before
and take its actor (`events._continue_episodes`):

- `back_reference`: a definite event noun ("the attack", "these clashes"), a bare plural
  event noun that is a clause's subject ("clashes in the area are still going on"), or a
  verb whose subject is such a noun ("The attacks targeted two vehicles"); not a named
  event ("the 9/11 attack", "the Tet offensive": a number or a name among its modifiers);
- `agentless_passive`: a passive in the simple past with no by-agent ("Seven fighters were
  injured"), which takes the named attacker of the sentence just before.
"""

from __future__ import annotations

from typing import Any

DETERMINERS = frozenset({"the", "this", "these", "that", "those"})
# modifiers that say where, when or how hard, not who
NEUTRAL_MODIFIERS = frozenset({"fierce", "heavy", "latest", "recent", "ongoing", "in", "at",
                               "near", "around", "during"})
ROLE_DEPS = ("poss", "prep", "compound", "amod", "nmod", "nummod", "acl")


def back_reference(tok: Any) -> str | None:
    """How the trigger token refers back to an event already told (see the module doc):
    "definite", "bare" (a bare plural subject, which only continues the sentence just
    before) or None."""
    if tok.pos_ in ("VERB", "AUX"):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return _plain_event_noun(subj, True) if subj is not None and subj.pos_ == "NOUN" \
            else None
    return _plain_event_noun(tok, tok.dep_ == "nsubj") if tok.pos_ == "NOUN" else None


def _plain_event_noun(tok: Any, subject: bool) -> str | None:
    """A noun with no role-giving or naming modifier: definite, or a bare plural subject."""
    if any(c.dep_ in ROLE_DEPS and c.lower_ not in NEUTRAL_MODIFIERS or
           c.pos_ in ("PROPN", "NUM") for c in tok.children if c.i < tok.i or c.dep_ in ("prep", "acl")):
        return None
    dets = [c for c in tok.children if c.dep_ == "det"]
    if dets:
        return "definite" if dets[0].lower_ in DETERMINERS else None
    return "bare" if subject and tok.tag_ == "NNS" else None


def agentless_passive(tok: Any) -> bool:
    """Is the trigger a passive verb in the simple past without a by-agent ("were
    injured"; not "have been killed since January", a summing up, nor "are being held")?"""
    return tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "conj", "ccomp") and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in tok.children) and not any(
        c.dep_ in ("agent", "aux") for c in tok.children)
