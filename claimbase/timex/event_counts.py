"""Counts from a named event: "three days after the attack", "a week before the election",
"the day after the bombing".

The normaliser finds such an expression and leaves it without a value (`dates.h_event_shift`);
here, with the parse, it is counted from the date of the event its complement names:
- a date inside the complement itself ("two days after the 12 May raid", "a week after the
  attack on 3 June");
- else, for a definite or possessed noun ("the attack", "its capture", "the Kabul assault"),
  the date of the earlier mentions of that word or a word of its kind (the same lemma, as
  noun or verb: "the bombing" refers back to "bombed", "the strike" to "attacked";
  data/date_event_kin.txt) in the document, when those that are dated all agree and their
  sentences name no other date of that kind;
- else, for a clause ("a day after Trump said …", "two days after rebels seized the town"),
  the date of the earlier mentions of its verb told of the same subject.
Nothing found, an approximate count ("about a week after") or a result after the reference
date: the expression keeps no value, so no wrong date is told and no earlier date is carried
over it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from claimbase.config import word_list
from claimbase.record import DateMention, Document

EVENT_COUNT = re.compile(
    r"\b(?:(?P<q>just|only|exactly|almost\s+exactly|less\s+than|within|under|barely)\s+)?"
    r"(?P<num>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?P<unit>hour|day|week|fortnight|month|year)s?\s+(?P<ba>after|before)\b(?!\s*[,.;:!?])|"
    r"\bthe\s+(?P<unit2>day|week|month|year)\s+(?P<ba2>after|before)\b"
    r"(?!\s*[,.;:!?]|\s+(?:last|yesterday)\b)", re.I)
# what every match of EVENT_COUNT ends with (a faster first search)
EVENT_TAIL = re.compile(r"(?:hour|day|week|fortnight|month|year)s?\s+(?:after|before)\b", re.I)
# an approximate count ("nearly 14 months after") or a duration ("trained for five weeks
# before", "for the first time in a year after"): no date of its own
APPROXIMATE = re.compile(r"\b(?:more\s+than|over|nearly|almost|about|around|some|roughly|"
                         r"at\s+least|up\s+to|for|in|within|during)\s+$", re.I)
_WITHIN = frozenset({"less than", "within", "under", "barely"})
_DEFINITE = frozenset({"the", "this", "that", "its", "his", "her", "their", "our", "these"})
# which anchor precisions each unit can count from
_ANCHOR_PRECISIONS = {"day": ("day",), "month": ("day", "week", "month"),
                      "year": ("day", "week", "month", "year")}


def _count(m: re.Match) -> tuple[int, str] | None:
    """(days or months or years, unit) the expression counts, signed; None for an hour count
    that is no whole number of days."""
    from claimbase.timex.dates import NUMBER_WORDS

    unit = (m["unit"] or m["unit2"]).lower()
    n = 1 if m["unit2"] else (int(m["num"]) if m["num"].isdigit() else NUMBER_WORDS[m["num"].lower()])
    sign = -1 if (m["ba"] or m["ba2"]).lower() == "before" else 1
    if unit == "hour":
        if n % 24:
            return None
        n, unit = n // 24, "day"
    if unit in ("week", "fortnight"):
        n, unit = n * (7 if unit == "week" else 14), "day"
    return sign * n, unit


def _one_period(dm: DateMention, unit: str) -> tuple[date, date] | None:
    """The date's (start, end) when it lies in one day / month / year fit to count `unit`."""
    if not dm.value_start or not dm.value_end or dm.precision not in _ANCHOR_PRECISIONS[unit]:
        return None
    start, end = date.fromisoformat(dm.value_start), date.fromisoformat(dm.value_end)
    same = {"day": start == end, "month": (start.year, start.month) == (end.year, end.month),
            "year": start.year == end.year}[unit]
    return (start, end) if same else None


def _shift(anchor: tuple[date, date], n: int, unit: str) -> tuple[date, date, str]:
    from claimbase.timex.dates import _month_range, _shift_months

    if unit == "day":
        day = anchor[0] + timedelta(days=n)
        return day, day, "day"
    if unit == "month":
        first = _shift_months(anchor[0].replace(day=1), -n)
        return (*_month_range(first.year, first.month), "month")
    year = anchor[0].year + n
    return date(year, 1, 1), date(year, 12, 31), "year"


def _key(tok: Any) -> str:
    """A word's event key: its lemma, a gerund without "-ing" ("bombing" ~ "bomb")."""
    lemma = tok.lemma_.lower()
    return lemma[:-3] if tok.pos_ == "NOUN" and lemma.endswith("ing") and len(lemma) > 6 \
        else lemma


def _kin(key: str) -> frozenset[str]:
    """The event keys that name the same kind of event as `key` (itself included)."""
    for line in word_list("date_event_kin.txt"):
        group = frozenset(line.split())
        if key in group:
            return group
    return frozenset({key})


def _complement(span: Any) -> Any:
    """The object of the expression's "after"/"before", or the verb of the clause it
    introduces ("a day after Trump said")."""
    rel = next((t for t in reversed(span) if t.lower_ in ("after", "before")), None)
    if rel is None:
        return None
    if rel.dep_ == "mark" and rel.head.pos_ in ("VERB", "AUX") and rel.head.i > rel.i:
        return rel.head
    return next((c for c in rel.children if c.dep_ in ("pobj", "pcomp")), None)


def _subject(tok: Any) -> str | None:
    """The lowered lemma of a verb's subject head, None without one."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj.lemma_.lower() if subj is not None else None


def _dates_event(doc: Document, dm: DateMention, comp: Any) -> bool:
    """The date hangs from the complement's word itself ("the 3 June raid", "the attack on 3
    June", "after it fell on 3 June"), not from a clause further inside it."""
    span = doc.spacy_doc.char_span(dm.start, dm.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(3):
        if tok == comp:
            return True
        if tok.head == tok or not (span.start <= tok.i < span.end or tok.pos_ == "ADP"):
            return False
        tok = tok.head
    return tok == comp


def _date_inside(doc: Document, comp: Any, unit: str, after: int) -> tuple[date, date] | None:
    """The one date of the complement itself, written after the count (offset `after`): a
    clause's subtree may reach back over a date of the main clause ("On Monday, three days
    after the two leaders spoke")."""
    lo, hi = max(comp.left_edge.idx, after), comp.right_edge.idx + len(comp.right_edge)
    inside = [d for d in doc.dates if d.start is not None and lo <= d.start and d.end <= hi
              and _dates_event(doc, d, comp)]
    periods = {p for d in inside if (p := _one_period(d, unit)) is not None}
    return periods.pop() if len(periods) == 1 else None


def _earlier_event_date(doc: Document, comp: Any, unit: str) -> tuple[date, date] | None:
    """The one date the earlier mentions of the complement's event word carry: a noun's
    word or its kin, a clause's verb told of the same subject."""
    from claimbase.timex.dates import date_for

    if comp.pos_ == "VERB":
        subject = _subject(comp)
        if subject is None:
            return None
        keys, tags = frozenset({_key(comp)}), ("VERB",)
    elif comp.pos_ == "NOUN" and any(
            c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in _DEFINITE for c in comp.children):
        subject, keys, tags = None, _kin(_key(comp)), ("NOUN", "VERB")
    else:
        return None
    periods = set()
    for tok in comp.doc[:comp.i]:
        if tok.pos_ not in tags or _key(tok) not in keys \
                or subject is not None and _subject(tok) != subject:
            continue
        dm = date_for(doc, tok.sent.start_char, tok.sent.end_char, tok)
        period = _one_period(dm, unit) if dm is not None else None
        if period is not None:
            periods.add(period)
            # "attacked a convoy on 1 May and another on 20 May": which one is "the attack"?
            periods.update(p for d in doc.dates if d.start is not None
                           and tok.sent.start_char <= d.start < tok.sent.end_char
                           and (p := _one_period(d, unit)) is not None)
    return periods.pop() if len(periods) == 1 else None


def resolve(doc: Document) -> None:
    """Give each event count of `doc.dates` the value its event's date yields (in place)."""
    sdoc, ref = doc.spacy_doc, doc.reference_date
    if sdoc is None or ref is None:
        return
    for i, dm in enumerate(doc.dates):
        if dm.value_start or dm.value_end or not dm.text or dm.start is None:
            continue
        m = EVENT_COUNT.search(dm.text)
        count = _count(m) if m else None
        if count is None:
            continue
        span = sdoc.char_span(dm.start, dm.end, alignment_mode="expand")
        comp = _complement(span) if span is not None else None
        if comp is None:
            continue
        n, unit = count
        anchor = _date_inside(doc, comp, unit, dm.end) or _earlier_event_date(doc, comp, unit)
        if anchor is None:
            continue
        start, end, precision = _shift(anchor, n, unit)
        if " ".join((m["q"] or "").lower().split()) in _WITHIN:  # "less than a week after"
            start, end = (anchor[0], end) if n >= 0 else (start, anchor[1])
            precision = "week" if (end - start).days <= 7 else "month"
        if start > ref:
            continue  # counted past the report from a past event: not this event
        doc.dates[i] = DateMention(text=dm.text, start=dm.start, end=dm.end,
                                   value_start=start.isoformat(), value_end=end.isoformat(),
                                   precision=precision)
