"""Small questions about the dependency parse that several stages ask."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from claimbase.config import word_list

_SPANS: dict[str, Any] = {"doc": None, "spans": {}}


def span_at(sdoc: Any, start: int, end: int) -> Any:
    """`sdoc.char_span(start, end, alignment_mode="expand")`, memoised for the document in
    hand: the event, coreference and stance stages ask for the same spans many times."""
    if _SPANS["doc"] is not sdoc:
        _SPANS["doc"], _SPANS["spans"] = sdoc, {}
    spans = _SPANS["spans"]
    key = (start, end)
    if key not in spans:
        spans[key] = sdoc.char_span(start, end, alignment_mode="expand")
    return spans[key]


_ENTS: dict[str, Any] = {"doc": None, "ents": ()}


def entities(sdoc: Any) -> tuple[Any, ...]:
    """`tuple(sdoc.ents)`, memoised for the document in hand: each `Doc.ents` builds new
    spans, and the actor and place stages read the entities many times."""
    if _ENTS["doc"] is not sdoc:
        _ENTS["doc"], _ENTS["ents"] = sdoc, tuple(sdoc.ents)
    return _ENTS["ents"]


_SENT_STARTS = "claimbase.sentence_starts"


def first_conjunct(tok: Any) -> Any:
    """The first of the conjuncts `tok` stands in ("raids" for "shelling" in "the raids and
    shelling"); `tok` itself when it is no conjunct."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def sentence_starts(sdoc: Any) -> list[int]:
    """The character offsets where the parse's sentences begin, in order, kept in the
    document's `user_data` (the date and place-reference stages ask for them often)."""
    starts = sdoc.user_data.get(_SENT_STARTS)
    if starts is None:
        starts = sdoc.user_data[_SENT_STARTS] = [s.start_char for s in sdoc.sents]
    return starts


_SENT_TOKEN_STARTS = "claimbase.sentence_token_starts"


def sentence_start(sdoc: Any, i: int) -> int:
    """`sdoc[i].sent.start` (the index of the first token of token i's sentence) from the
    sentence starts kept in the document's `user_data`: spaCy's `Token.sent` walks back
    through the words and scans the whole document for sentence marks on every call."""
    starts = sdoc.user_data.get(_SENT_TOKEN_STARTS)
    if starts is None:
        starts = sdoc.user_data[_SENT_TOKEN_STARTS] = [s.start for s in sdoc.sents]
    return starts[bisect_right(starts, i) - 1]


def head_chain_reaches(sdoc: Any, start: int, end: int, anchor_pos: int, hops: int) -> bool:
    """True when the syntactic head chain of the text span [start, end) reaches the token at
    character `anchor_pos` within `hops` steps (the span depends on the anchor's clause)."""
    if sdoc is None or start is None:
        return False
    span = span_at(sdoc, start, end)
    anchor = span_at(sdoc, anchor_pos, anchor_pos + 1)
    if span is None or anchor is None:
        return False
    head, target = span.root, anchor.root
    for _ in range(hops):
        if head == target:
            return True
        if head.head == head:
            break
        head = head.head
    return False


def small_clause_undergoer(verb: Any) -> Any | None:
    """The subject of a bare passive participle complement ("want to see it defeated",
    "found the village destroyed"): it undergoes the act, it does not do it. A past form
    tagged VBD counts only after a verb of wanting, which takes no finite clause without
    "that" ("want to see it defeated" vs "find out how she fled"), and without an object."""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("ccomp", "xcomp", "oprd"):
        return None
    if any(c.dep_ in ("aux", "auxpass", "mark") or c.tag_ in ("WRB", "WP", "WDT") or
           verb.tag_ == "VBD" and c.dep_ in ("dobj", "obj", "dative", "ccomp")
           for c in verb.children):  # not "find out how they fled"
        return None
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in word_list(
            "small_clause_verbs.txt"):
        return None
    if verb.tag_ == "VBD" and not _after_wanting(head):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _after_wanting(verb: Any) -> bool:
    """Is the verb (or the verb it completes: "want to see") one of wanting?"""
    wanting = word_list("wanting_verbs.txt")
    return verb.lemma_.lower() in wanting or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in wanting)
