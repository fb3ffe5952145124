"""Author stance toward an attributed claim (GUIDELINES §13): endorses | disputes | neutral.

- Author voice (no attribution) is always `neutral`.
- `disputes`: the author distances or contradicts — a distancing modifier on the cue
  ("uncritically claims"), a distancing cue verb ("attempting to hail"), or a contradiction
  marker in the attribution's sentence or the next sentence of the paragraph ("in reality",
  "so-called", "supposed", "despite", "omits"); per event also scare quotes or "supposed"
  on the trigger itself.
- `endorses`: the author builds on the claim — an endorsement phrase right after it ("these
  claims are supported by", "this confirms"), a factive cue ("revealed", "confirmed"), or the
  source-kind prior of cues.yaml (unnamed sources, hearsay, quoted witnesses and other
  outlets cited without distancing are the author's evidence).
- else `neutral`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimbase.extract.attribution_cues import cues
from claimbase.record import Attribution, Document
from claimbase.text import paragraph_at

_SENT_END = re.compile(r"[.!?][\"”’)]?\s")
_QUOTED = re.compile(r"[\"“][^\"“”\n]{0,400}[\"”]")
# "was supposed to be announced" states a plan or duty, not the author's doubt.
_DEONTIC = re.compile(r"\bsupposed(?=\s+to\s)")


@dataclass(frozen=True)
class _StanceLex:
    cue_modifiers: frozenset[str]
    cue_verbs: frozenset[str]
    dispute: tuple[re.Pattern[str], ...]
    dispute_words: re.Pattern[str]
    endorse: re.Pattern[str]
    factive: frozenset[str]
    prior: dict[str, str]


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    words = sorted((re.escape(p.lower()) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _lex() -> _StanceLex:
    c = cues()
    raw = c.raw
    return _StanceLex(
        cue_modifiers=c.set("dispute_cue_modifiers"),
        cue_verbs=c.set("dispute_cue_verbs"),
        dispute=(_alternation(raw["dispute_phrases"]),),
        dispute_words=_alternation(["so-called", "supposed", "supposedly", "alleged",
                                    "allegedly", "purported", "purportedly"]),
        endorse=_alternation(raw["endorse_phrases"]),
        factive=c.set("factive_cue_verbs"),
        prior=c.stance_prior,
    )


def _sentence_bounds(text: str, pos: int, p0: int, p1: int) -> tuple[int, int]:
    """The sentence of the paragraph [p0, p1) that holds pos (a light splitter)."""
    ends = _sentence_ends(text, p0, p1)
    i = bisect_right(ends, pos)
    return (ends[i - 1] if i else p0), (ends[i] if i < len(ends) else p1)


@lru_cache(maxsize=64)  # recent paragraphs only: the cache keeps their texts alive
def _sentence_ends(text: str, p0: int, p1: int) -> tuple[int, ...]:
    """Where the sentences of the paragraph [p0, p1) end (a string's hash is computed once,
    so the text is a cheap key)."""
    return tuple(m.end() for m in _SENT_END.finditer(text, p0, p1))


def _without_quotes(s: str) -> str:
    return _QUOTED.sub(" ", s)


def _frame_text(doc: Document, att: Attribution) -> tuple[str, str, str]:
    """(framing text of the attribution sentence outside the content, content outside
    direct quotes, the next sentence of the same paragraph)."""
    text = doc.analysis_text
    anchor = att.cue_start if att.cue_start is not None else att.content_start
    p0, p1 = paragraph_at(text, anchor)
    s0, s1 = _sentence_bounds(text, anchor, p0, p1)
    lo, hi = min(s0, att.content_start), max(s1, att.content_end)
    frame = (text[lo:att.content_start] + " " + text[att.content_end:hi]).lower()
    content = _without_quotes(text[att.content_start:att.content_end]).lower()
    end = max(hi, att.content_end)
    q0, q1 = paragraph_at(text, att.content_end)
    nxt = ""
    if end < q1:
        n0, n1 = _sentence_bounds(text, min(end + 1, q1 - 1), q0, q1)
        nxt = text[max(n0, end):n1].lower()
    return frame, content, nxt


def _next_paragraph_opening(doc: Document, att: Attribution) -> str:
    text = doc.analysis_text
    _p0, p1 = paragraph_at(text, att.content_end)
    m = re.search(r"\S", text[p1:p1 + 400])
    if m is None:
        return ""
    start = p1 + m.start()
    q0, q1 = paragraph_at(text, start)
    s0, s1 = _sentence_bounds(text, start, q0, q1)
    return text[s0:s1].lower()


def _cue_words(att: Attribution) -> list[str]:
    return re.findall(r"[a-z-]+", (att.cue or "").lower())


# The record stance of the attributions of the document last seen: the attribution stage
# computes it for every record, and each event the record covers asks again.
_seen: list[Any] = [None, None, None, {}]  # doc, its analysis text, its spaCy doc, memo


def _record_stance(doc: Document, att: Attribution) -> str:
    """`_stance` of the record, computed once per record while its fields stay the same."""
    text, sdoc = doc.analysis_text, doc.spacy_doc
    if _seen[0] is not doc or _seen[1] is not text or _seen[2] is not sdoc:
        _seen[:] = [doc, text, sdoc, {}]
    key = (att.cue, att.cue_start, att.cue_end, att.content_start, att.content_end,
           att.scope, att.source_kind)
    memo = _seen[3]
    hit = memo.get(id(att))
    if hit is not None and hit[0] is att and hit[1] == key:
        return hit[2]
    stance = _stance(doc, att)
    memo[id(att)] = (att, key, stance)
    return stance


def _stance(doc: Document, att: Attribution) -> str:
    lx = _lex()
    words = _cue_words(att)
    if any(w in lx.cue_modifiers for w in words):
        return "disputes"
    lemmas = _cue_lemmas(doc, att)
    if lemmas & lx.cue_verbs:
        return "disputes"
    frame, content, nxt = (_DEONTIC.sub("meant", t) for t in _frame_text(doc, att))
    if lx.dispute[0].search(frame) or lx.dispute[0].search(nxt):
        return "disputes"
    if lx.dispute_words.search(content):
        return "disputes"
    opening = _next_paragraph_opening(doc, att) if att.scope != "carried" else ""
    if lx.endorse.search(nxt) or re.match(r"\s*(these|this|such|the) (claims?|reports?|"
                                           r"accounts?|rumou?rs?) (are|is|was|were) "
                                           r"(supported|confirmed|corroborated|backed)",
                                           opening):
        return "endorses"
    if lemmas & lx.factive:
        return "endorses"
    return lx.prior.get(att.source_kind, "neutral")


def _cue_lemmas(doc: Document, att: Attribution) -> set[str]:
    if att.cue_start is None or doc.spacy_doc is None:
        return set()
    span = doc.spacy_doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
    if span is None:
        return set()
    return {t.lemma_.lower() for t in span}


def _token_disputed(token: Any, text: str) -> bool:
    """'supposed'/'so-called' on the trigger (quotation marks alone may be the source's own
    words, so they do not count)."""
    del text
    return any(c.dep_ == "amod" and c.lower_ in ("supposed", "so-called", "alleged",
                                                 "purported") for c in token.children)


def stance_of(doc: Document, attribution: Attribution | None, token: Any) -> str:
    """The author's stance toward the claim `attribution` makes about the event at `token`
    (token may be None for the record as a whole)."""
    if attribution is None or attribution.source_kind == "author":
        return "neutral"
    stance = _record_stance(doc, attribution)
    if token is not None and stance != "disputes" and _token_disputed(token, doc.analysis_text):
        return "disputes"
    return stance


def headline_overlap(doc: Document, att: Attribution) -> float:
    """Share of the title's content words that the attributed content repeats (0..1)."""
    title = (doc.meta.title or "").lower()
    if not title:
        return 0.0
    words = {w for w in re.findall(r"[a-z][a-z-]{3,}", title)}
    if not words:
        return 0.0
    content = doc.text[att.content_start:att.content_end].lower()
    return sum(1 for w in words if w in content) / len(words)
