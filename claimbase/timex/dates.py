"""Date expressions: find them, normalise them against the reference date (GUIDELINES §9).

Every expression becomes a `DateMention` with ISO `value_start`/`value_end` and a precision:
explicit dates -> day; "last week", "the past few days", "the weekend" -> week range;
"in October 2017", "last March", "recent", "last month" -> month; "2012", "last year" ->
year; "more than two years ago", "for over a month" -> end bound only; "in the near future"
-> start = reference date, end open, precision unknown. Relative expressions without a
reference date keep their text with null values and precision unknown.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from claimbase.nlp.syntax import head_chain_reaches
from claimbase.record import DateMention, Document

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "couple of": 2, "a few": 3, "few": 3, "several": 3,
}
VAGUE = frozenset({"a couple of", "couple of", "a few", "few", "several"})

_MON = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
        r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = (r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"a couple of|couple of|a few|few|several)")
_UNIT = r"(?P<unit>day|week|month|year)s?"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


@dataclass(frozen=True)
class Value:
    start: date | None
    end: date | None
    precision: str


Handler = Callable[[re.Match, date | None], Value | None]


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int | None, ref: date | None, future: bool) -> int | None:
    """The year of a month (and day) written without one: the most recent past one."""
    if ref is None:
        return None
    day = day or 1
    candidate = _safe_date(ref.year, month, min(day, 28)) or date(ref.year, month, 1)
    if future:
        return ref.year if candidate >= ref.replace(day=1) else ref.year + 1
    return ref.year if candidate <= ref + timedelta(days=7) else ref.year - 1


def _shift_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:
        return d.replace(year=d.year - years, day=28)


def _shift_months(d: date, months: int) -> date:
    m = d.month - 1 - months
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _number(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBER_WORDS.get(w, 1)


# ------------------------------------------------------------------ handlers


def h_full(m: re.Match, ref: date | None) -> Value | None:
    d = _safe_date(int(m["year"]), MONTHS[m["mon"].lower().rstrip(".")], int(m["day"]))
    if d is None:
        return None
    end = d
    if m.groupdict().get("day2"):
        end = _safe_date(d.year, d.month, int(m["day2"])) or d
    return Value(d, end, "day")


def h_iso(m: re.Match, ref: date | None) -> Value | None:
    d = _safe_date(int(m["year"]), int(m["m"]), int(m["d"]))
    return Value(d, d, "day") if d else None


def h_numeric(m: re.Match, ref: date | None) -> Value | None:
    """"16/03/2016": day first, unless only the second number can be a day ("03/16/2016")."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    day, month = (b, a) if b > 12 >= a else (a, b)
    d = _safe_date(year, month, day)
    return Value(d, d, "day") if d else None


def h_month_day(m: re.Match, ref: date | None) -> Value | None:
    month, day = MONTHS[m["mon"].lower().rstrip(".")], int(m["day"])
    year = _infer_year(month, day, ref, future=_is_future(m))
    if year is None:
        return Value(None, None, "unknown")
    d = _safe_date(year, month, day)
    if d is None:
        return None
    end = d
    if m.groupdict().get("day2"):
        end = _safe_date(year, month, int(m["day2"])) or d
    return Value(d, end, "day")


def h_month_year(m: re.Match, ref: date | None) -> Value | None:
    start, end = _month_range(int(m["year"]), MONTHS[m["mon"].lower().rstrip(".")])
    return Value(start, end, "month")


def h_month(m: re.Match, ref: date | None) -> Value | None:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    rel = (m.groupdict().get("rel") or "").lower()
    if ref is None:
        return Value(None, None, "unknown")
    if rel == "next":
        year = ref.year if month > ref.month else ref.year + 1
    elif rel == "last":
        year = ref.year if month < ref.month else ref.year - 1
    elif rel == "this":
        year = ref.year
    else:
        year = _infer_year(month, None, ref, future=_is_future(m)) or ref.year
        if not _is_future(m) and month > ref.month:
            year = ref.year - 1
    start, end = _month_range(year, month)
    return Value(start, end, "month")


def h_year(m: re.Match, ref: date | None) -> Value | None:
    y = int(m["year"])
    return Value(date(y, 1, 1), date(y, 12, 31), "year")


def h_weekday(m: re.Match, ref: date | None) -> Value | None:
    if ref is None:
        return Value(None, None, "unknown")
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m.groupdict().get("rel") or "").lower()
    if rel == "next" or _is_future(m):
        delta = (wd - ref.weekday()) % 7 or 7
        d = ref + timedelta(days=delta)
    else:
        delta = (ref.weekday() - wd) % 7
        if rel == "last" and delta == 0:
            delta = 7
        d = ref - timedelta(days=delta)
    return Value(d, d, "day")


def h_named_day(m: re.Match, ref: date | None) -> Value | None:
    if ref is None:
        return Value(None, None, "unknown")
    word = m["word"].lower()
    offset = {"yesterday": -1, "tomorrow": 1}.get(word.split()[0], 0)
    if "before yesterday" in word:
        offset = -2
    d = ref + timedelta(days=offset)
    return Value(d, d, "day")


def h_relative_period(m: re.Match, ref: date | None) -> Value | None:
    if ref is None:
        return Value(None, None, "unknown")
    rel, unit = m["rel"].lower(), m["unit"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1,
            "coming": 1, "current": 0}[rel]
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        end = ref if step == 0 else monday + timedelta(days=6)
        return Value(monday, end, "week")
    if unit == "month":
        first = _shift_months(ref.replace(day=1), -step)
        start, end = _month_range(first.year, first.month)
        return Value(start, ref if step == 0 else end, "month")
    if unit == "year":
        y = ref.year + step
        return Value(date(y, 1, 1), ref if step == 0 else date(y, 12, 31), "year")
    if unit == "weekend":
        return h_weekend(m, ref)
    return None


def h_weekend(m: re.Match, ref: date | None) -> Value | None:
    if ref is None:
        return Value(None, None, "unknown")
    rel = (m.groupdict().get("rel") or "").lower()
    if rel in ("next", "coming") or _is_future(m):
        sat = ref + timedelta(days=(5 - ref.weekday()) % 7)
    else:
        back = (ref.weekday() - 5) % 7
        sat = ref - timedelta(days=back)
        if back == 0 and rel == "last":
            sat -= timedelta(days=7)
    return Value(sat, sat + timedelta(days=1), "week")


def h_past_days(m: re.Match, ref: date | None) -> Value | None:
    if ref is None:
        return Value(None, None, "unknown")
    unit = m["unit"].lower()
    words = (m.groupdict().get("num") or "").lower()
    vague = not words or words in VAGUE
    n = 1 if vague and unit != "day" else (7 if vague else _number(words))
    if unit == "day":
        return Value(ref - timedelta(days=n), ref, "week" if n <= 7 else "month")
    if unit == "week":
        return Value(ref - timedelta(weeks=n), ref, "week" if n <= 1 else "month")
    if unit == "month":
        return Value(_shift_months(ref, n), ref, "month")
    return Value(_shift_years(ref, n), ref, "year")


def h_ago(m: re.Match, ref: date | None) -> Value | None:
    if ref is None:
        return Value(None, None, "unknown")
    words = (m["num"] or "").lower()
    n, unit = _number(words), m["unit"].lower()
    bound = (m.groupdict().get("bound") or "").lower()
    if unit == "day":
        d = ref - timedelta(days=n)
        if words in VAGUE:
            return Value(ref - timedelta(days=6), ref - timedelta(days=1), "week")
        point = Value(d, d, "day")
    elif unit == "week":
        d = ref - timedelta(weeks=n)
        monday = d - timedelta(days=d.weekday())
        point = Value(monday, monday + timedelta(days=6), "week")
    elif unit == "month":
        d = _shift_months(ref, n)
        s, e = _month_range(d.year, d.month)
        point = Value(s, e, "month")
    else:
        d = _shift_years(ref, n)
        point = Value(date(d.year, 1, 1), date(d.year, 12, 31), "year")
    if bound:  # "more than two years ago": only an end bound
        return Value(None, d, point.precision)
    return point


def h_duration(m: re.Match, ref: date | None) -> Value | None:
    """"for over a month", "for more than two years": ongoing until the reference date."""
    if ref is None:
        return Value(None, None, "unknown")
    return Value(None, ref, m["unit"].lower())


def h_recent(m: re.Match, ref: date | None) -> Value | None:
    if ref is None:
        return Value(None, None, "unknown")
    return Value(ref.replace(day=1), ref, "month")


def h_this_month_earlier(m: re.Match, ref: date | None) -> Value | None:
    if ref is None:
        return Value(None, None, "unknown")
    unit = m["unit"].lower()
    if unit == "week":
        return Value(ref - timedelta(days=ref.weekday()), ref, "week")
    if unit == "month":
        return Value(ref.replace(day=1), ref, "month")
    return Value(date(ref.year, 1, 1), ref, "year")


def h_future(m: re.Match, ref: date | None) -> Value | None:
    return Value(ref, None, "unknown")


def h_named_event(m: re.Match, ref: date | None) -> Value | None:
    return Value(date(2001, 9, 11), date(2001, 9, 11), "day")


# ------------------------------------------------------------------ rules

_REL = r"(?P<rel>last|next|this|past|previous|coming|current)"
RULES: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(rf"\b{_MON}\s+{_DAY}(?:\s*(?:and|-|–|to)\s*{_DAY2})?,?\s+{_YEAR}\b", re.I), h_full),
    (re.compile(rf"\b{_DAY}(?:\s*(?:and|-|–|to)\s*{_DAY2})?\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.I), h_full),
    (re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), h_iso),
    (re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"), h_numeric),
    (re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)/"), h_iso),
    (re.compile(rf"\b{_MON}\s+{_DAY}(?:\s*(?:and|-|–|to)\s*{_DAY2})?\b(?![,.]?\s*\d)"), h_month_day),
    (re.compile(rf"\b{_DAY}(?:\s*(?:and|-|–|to)\s*{_DAY2})?\s+(?:of\s+)?{_MON}\b(?!\s*,?\s*\d)"), h_month_day),
    (re.compile(rf"\b(?:(?:early|mid|late)[\s-]+)?{_MON}(?:\s+of)?,?\s+{_YEAR}\b"), h_month_year),
    (re.compile(rf"\b(?:{_REL}\s+)?{_MON}\b(?!\s+\d)", re.I), h_month),
    (re.compile(r"\b(?:in|since|during|by|of|until|from|before|after|early|late|mid|the|since)"
                rf"[\s-]+{_YEAR}\b(?!\s*(?:-|–)\s*\d)", re.I), h_year),
    (re.compile(rf"(?<![\d,.$£€])\b{_YEAR}\b(?![\d,.%]\d|\s*(?:percent|%))"), h_year),
    (re.compile(rf"\b(?:(?P<rel>last|next|this|on)\s+)?{_WD}\b", re.I), h_weekday),
    (re.compile(r"\b(?P<word>the day before yesterday|yesterday|today|tonight|tomorrow|"
                r"this morning|this afternoon|this evening|overnight|earlier today)\b", re.I),
     h_named_day),
    (re.compile(r"\b(?:during|over|at|on)?\s*(?:the\s+)?(?P<rel>last|past|this|next|coming)?\s*"
                r"weekend\b", re.I), h_weekend),
    (re.compile(r"\b(?:(?:during|over|in|within)\s+)?the\s+(?:past|last)\s+(?P<num>(?:a\s+)?few|"
                r"couple of|several|\d+|two|three|four|five|six|seven|ten)?\s*"
                r"(?P<unit>day|week|month|year)s?\b", re.I), h_past_days),
    (re.compile(r"\bin\s+recent\s+(?P<unit>day|week)s\b", re.I), h_past_days),
    (re.compile(rf"\b(?P<bound>more than|over|at least)?\s*{_NUM}\s+{_UNIT}\s+ago\b", re.I), h_ago),
    (re.compile(rf"\bfor\s+(?:over|more than|nearly|almost|about)\s+{_NUM}\s+{_UNIT}\b", re.I), h_duration),
    (re.compile(rf"\b(?:over|more than)\s+(?P<num>a|one)\s+{_UNIT}\b", re.I), h_duration),
    (re.compile(rf"\b{_REL}\s+(?P<unit>week|month|year|weekend)\b", re.I), h_relative_period),
    (re.compile(r"\b(?:earlier|later)\s+this\s+(?P<unit>week|month|year)\b", re.I), h_this_month_earlier),
    (re.compile(r"\b(?:recent|recently|in recent weeks)\b", re.I), h_recent),
    (re.compile(r"\bin\s+the\s+(?:near|coming|foreseeable)\s+future\b", re.I), h_future),
    (re.compile(r"(?<![\d/])9/11(?![\d/])"), h_named_event),
]

_FUTURE = re.compile(r"\b(?:will|would|shall|plans?\s+to|planned|going to|next|upcoming|"
                     r"scheduled|expected|intends?\s+to)\b", re.I)


def _is_future(m: re.Match) -> bool:
    """A future cue in the 60 characters before the expression ("will meet in October")."""
    before = m.string[max(0, m.start() - 60):m.start()]
    sent = re.split(r"[.!?]\s", before)[-1]
    return bool(_FUTURE.search(sent))


# ------------------------------------------------------------------ finding


def _matches(text: str) -> Iterator[tuple[int, int, re.Match, Handler]]:
    for pattern, handler in RULES:
        for m in pattern.finditer(text):
            s, e = m.span()
            while s < e and text[s].isspace():
                s += 1
            if e > s:
                yield s, e, m, handler


_SINCE = re.compile(r"\bsince\s+(?=\S*$)", re.I)
_PREP = re.compile(r"\b(?:on|in|during)\s+(?=\S*$)", re.I)


def normalise(text: str, ref: date | None) -> list[DateMention]:
    """Every date expression in a text, normalised against `ref` (non-overlapping)."""
    found = sorted(_matches(text), key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[DateMention] = []
    last_end = -1
    for s, e, m, handler in found:
        if s < last_end:
            continue
        value = handler(m, ref)
        if value is None:
            continue
        if handler is h_year and not _plausible_year(text, s, e):
            continue
        if handler is h_month and _ambiguous_month(m):
            continue
        lead = _PREP.search(text, max(0, s - 9), s)
        if lead and lead.end() == s and lead.start() >= last_end:
            s = lead.start()
        since = _SINCE.search(text, max(0, s - 7), s)
        if since and since.end() == s and since.start() >= last_end and value.start:
            s = since.start()
        if text[s:e].lower().startswith("since") and value.start:
            value = Value(value.start, None, value.precision)  # "since 2013": open end
        out.append(DateMention(
            text=text[s:e], start=s, end=e,
            value_start=value.start.isoformat() if value.start else None,
            value_end=value.end.isoformat() if value.end else None,
            precision=value.precision))
        last_end = e
    return out


def _plausible_year(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 12):s].lower()
    return not re.search(r"(?:no\.|number|#|route|highway|flight|room|\$)\s*$", before)


def _ambiguous_month(m: re.Match) -> bool:
    """"May" and "March" are often not months: keep them only with a date cue."""
    word = m["mon"].lower()
    if word in ("may", "march", "mar", "jan", "jun", "aug", "dec", "oct", "sep", "nov", "feb",
                "apr", "jul") and not m.groupdict().get("rel"):
        before = m.string[max(0, m.start() - 12):m.start()].lower()
        return not re.search(r"\b(?:in|since|during|until|by|early|late|mid|of|from|last)\s*$",
                             before) or (word == "may" and m["mon"][0].islower())
    return m["mon"][0].islower()


def explicit_full_dates(text: str) -> list[date]:
    """Dates written with day, month and year."""
    out = []
    for pattern, handler in RULES[:5]:
        for m in pattern.finditer(text):
            v = handler(m, None)
            if v and v.start:
                out.append(v.start)
    return out


def find_dates(doc: Document, res: Any = None) -> None:
    """Stage: fill `doc.dates` (boilerplate is blank in the analysis text, so never read)."""
    doc.dates = normalise(doc.analysis_text, doc.reference_date)


# ------------------------------------------------------------------ event date

_CARRY = frozenset({"day", "week"})


def _paragraph_start(text: str, pos: int) -> int:
    i = text.rfind("\n", 0, pos)
    return 0 if i < 0 else i + 1


def _anchor_offset(anchor: Any) -> int:
    if isinstance(anchor, int):
        return anchor
    if isinstance(anchor, tuple):
        return int(anchor[0])
    return int(getattr(anchor, "idx", getattr(anchor, "start_char", 0)))


def _governs(doc: Document, dm: DateMention, pos: int) -> bool:
    """The date's syntactic head chain reaches the anchor token."""
    return head_chain_reaches(doc.spacy_doc, dm.start, dm.end, pos, hops=5)


def date_for(doc: Document, sent_start: int, sent_end: int, anchor: Any) -> DateMention | None:
    """The date expression governing an event: in the sentence (attached to or nearest the
    anchor), else a day/week date carried from earlier in the same paragraph; else None."""
    pos = _anchor_offset(anchor)
    inside = [d for d in doc.dates if d.start is not None and sent_start <= d.start
              and d.end <= sent_end]
    if inside:
        return min(inside, key=lambda d: (0 if _governs(doc, d, pos) else 1,
                                          abs(d.start - pos)))
    para = _paragraph_start(doc.text, sent_start)
    before = [d for d in doc.dates if d.start is not None and para <= d.start < sent_start
              and d.precision in _CARRY]
    return max(before, key=lambda d: d.start) if before else None
