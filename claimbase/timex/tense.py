"""The year (or week) of a date written without one, settled by the tense of its clause.

The normaliser reads a month or day without a year ("until March", "on 20 January", "on
Tuesday") as the latest past one unless a future cue stands before it in the sentence. With
the parse, two readings it cannot see are set right (`settle`):
- a deadline ("by February", "until March") or a month "in"/"during" which something happens
  ("elections are due to be held in December", "talks will reconvene in October") of a clause
  told in the present tense, with a modal, as an infinitive (not a perfect one: "is believed to
  have fallen in March" is past), or by a verb that sets a time to come ("extended the
  mandate until March", data/date_future_verbs.txt) is the coming one, not last year's;
- a coming day or month read from a cue that is not the clause's own ("who's going to fire?
  Then, on 20 January, rebels attacked") is the past one when the clause it dates is told
  in the simple past.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from claimbase.config import word_list
from claimbase.record import DateMention, Document

_DEADLINE = re.compile(r"\b(?:by|until|till|through|before)\s+(?:(?:early|mid|late)[\s-]+)?$",
                       re.I)
_IN_MONTH = re.compile(r"(?:in|during)\s", re.I)
_WRITTEN_YEAR = re.compile(r"\d{4}|\b(?:next|coming|upcoming|tomorrow|tonight|last|this)\b", re.I)
_MONTH_ONLY = re.compile(r"(?:(?:in|during|early|mid|late)[\s-]+)?(?:" +
                         "|".join(m for m in calendar.month_name if m) + ")", re.I)


def _verb(span: Any) -> Any:
    """The verb the date expression hangs from (through its preposition), or None."""
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and not span.start <= tok.i < span.end:
            return tok
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def _future_clause(verb: Any) -> bool:
    """Told as still to come: present tense, a modal, an infinitive, or a verb that sets a
    time to come ("extended … until March", "agreed to withdraw by June")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ == "have" for a in aux):
        return False  # a perfect: "is believed to have fallen in March", "would have won"
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in aux):
        return True
    if verb.lemma_.lower() in word_list("date_future_verbs.txt"):
        return True
    finite = aux[0] if aux else verb
    return finite.tag_ in ("VBZ", "VBP")


def _simple_past(verb: Any) -> bool:
    """A clause told in the simple past, with no modal or infinitive marker, by a verb that
    does not set a time to come."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in aux) or \
            verb.lemma_.lower() in word_list("date_future_verbs.txt"):
        return False
    finite = aux[0] if aux else verb
    return finite.tag_ == "VBD" and finite.lower_ not in ("was", "were") or \
        verb.tag_ == "VBD" and not aux


def _month_to_come(span: Any, verb: Any) -> bool:
    """A month "in" which the clause's own event is still to come: the month hangs from the
    verb itself ("elections approach in May"), not from a noun ("an announcement in December
    that troops would leave"), and an infinitive is no purpose of a past deed ("visited Ankara
    to row back in December")."""
    if span.root.head != verb:
        return False
    head = verb.head
    return not (verb.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in verb.children)
                and head.tag_ == "VBD" and head.lemma_.lower()
                not in word_list("date_future_verbs.txt"))


def _replace(doc: Document, i: int, start: date, end: date) -> None:
    dm = doc.dates[i]
    doc.dates[i] = DateMention(text=dm.text, start=dm.start, end=dm.end,
                               value_start=start.isoformat(), value_end=end.isoformat(),
                               precision=dm.precision)


def _year_moved(d: date, year: int) -> date:
    try:
        return d.replace(year=year)
    except ValueError:  # 29 February
        return d.replace(year=year, day=28)


def settle(doc: Document) -> None:
    """Set the year of deadlines and of misread coming dates by their clause's tense."""
    from claimbase.timex.dates import normalise

    sdoc, ref = doc.spacy_doc, doc.reference_date
    if sdoc is None or ref is None:
        return
    text = doc.analysis_text
    for i, dm in enumerate(doc.dates):
        if not dm.text or dm.start is None or not dm.value_start or not dm.value_end \
                or dm.precision not in ("day", "month") or _WRITTEN_YEAR.search(dm.text):
            continue
        start, end = date.fromisoformat(dm.value_start), date.fromisoformat(dm.value_end)
        past_deadline = start.year == ref.year - 1 and _year_moved(start, ref.year) > ref \
            and dm.precision == "month" and _MONTH_ONLY.fullmatch(dm.text)
        deadline = past_deadline and _DEADLINE.search(text, max(0, dm.start - 16), dm.start)
        past_deadline = deadline or past_deadline and _IN_MONTH.match(dm.text)
        coming = start > ref
        if not past_deadline and not coming:
            continue
        span = sdoc.char_span(dm.start, dm.end, alignment_mode="expand")
        verb = _verb(span) if span is not None and len(span) else None
        if verb is None:
            continue
        if past_deadline and _future_clause(verb) and (deadline or _month_to_come(span, verb)):
            _replace(doc, i, _year_moved(start, ref.year), _year_moved(end, ref.year))
        elif coming and _simple_past(verb):
            past = normalise(dm.text, ref)
            if len(past) == 1 and past[0].value_start and past[0].value_end \
                    and past[0].value_start <= ref.isoformat():
                _replace(doc, i, date.fromisoformat(past[0].value_start),
                         date.fromisoformat(past[0].value_end))
