"""Date expressions: find them, normalise them against the reference date (GUIDELINES §9).

Every expression becomes a `DateMention` with ISO `value_start`/`value_end` and a precision:
explicit dates -> day; "last week", "the past few days", "the weekend" -> week range;
"in October 2017", "last March", "recent", "last month" -> month; "2012", "last year" ->
year; "more than two years ago", "for over a month" -> end bound only; "in the near future"
-> start = reference date, end open, precision unknown. Ranges ("January – August 2018",
"the summer of 2013") -> month; spans told as durations ("killed in 7 days of fighting",
"during the past 24 hours") end on the reference date; "since the beginning of the year"
starts on its first day; "since this morning" and "in the recent hours" are the reference
day itself; "the first month of 2017", "the last week of March 2018" are that part of the
period. Numeric dates are day first unless the text or the reference date shows month
first. Relative expressions without a reference date keep their text with null values and
precision unknown. Counts from the date the text named before ("three days later", "six months
later", "the following year", "later that month", "that May") take that date's day, month or
year, never landing after the reference date from a past one; without such a date they give
none. "On the 14th" takes the month named before (else the reference month); holidays
(Christmas Day, Easter, Eid al-Adha, Ramadan, Nowruz …) are computed for their year
(`holidays.py`); counts from a named event ("a week after the attack") and deadline years
("until March") are settled with the parse (`event_counts.py`, `tense.py`). `date_for`
picks an event's date among the expressions whose syntactic scope contains the event word.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from claimbase.config import word_list
from claimbase.first_chars import with_first_chars
from claimbase.nlp.syntax import (
    first_conjunct,
    head_chain_reaches,
    sentence_start,
    sentence_starts,
)
from claimbase.record import DateMention, Document
from claimbase.text import anchor_offset, line_start
from claimbase.timex import event_counts, holidays, tense

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
_UNIT = r"(?P<unit>day|week|fortnight|month|year)s?"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON1 = _MON.replace("(?P<mon>", "(?P<mon1>")
_MON_UPPER = "(?P<mon>" + "|".join(m.upper() for m in calendar.month_name if m) + ")"
_MON_NAMES = "(?:" + "|".join(m for m in calendar.month_name if m) + ")"
_TO = r"\s*(?:and|or|-|–|—|/|to)\s*"
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
           "winter": (12, 2)}


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
    """The year of a month (and day) written without one: the most recent past one, except
    that a day up to a month after the reference date is this year's coming one (a meeting
    "on 20 September" told on 4 September; a past day so near a year ago would carry its
    year)."""
    if ref is None:
        return None
    ahead = timedelta(days=7 if day is None else 31)
    day = day or 1
    candidate = _safe_date(ref.year, month, min(day, 28)) or date(ref.year, month, 1)
    if future:
        return ref.year if candidate >= ref.replace(day=1) else ref.year + 1
    return ref.year if candidate <= ref + ahead else ref.year - 1


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


def _count_unit(n: int, unit: str) -> tuple[int, str]:
    """A fortnight counts as two weeks ("a fortnight ago", "the past fortnight")."""
    unit = unit.lower()
    return (2 * n, "week") if unit == "fortnight" else (n, unit)


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


def h_numeric(m: re.Match, ref: date | None, order: str | None = None) -> Value | None:
    """"16/03/2016": day first, unless only the second number can be a day ("03/16/2016"),
    the document writes month first elsewhere (`order` "md"), or only the month-first reading
    is not after the reference date."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    dm, md = _safe_date(year, b, a), _safe_date(year, a, b)
    if dm and md and dm != md and order is None and ref is not None:
        late = ref + timedelta(days=1)
        if (dm > late) != (md > late):
            order = "md" if dm > late else "dm"
    d = md if order == "md" and md else (dm or md)
    return Value(d, d, "day") if d else None


_NUMERIC = re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b")


def numeric_order(text: str) -> str | None:
    """"dm" or "md" when the text's numeric dates show their order (a first or second number
    above 12), else None."""
    orders = set()
    if "/" not in text:
        return None
    for m in _NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            orders.add("dm")
        elif b > 12 >= a:
            orders.add("md")
    return orders.pop() if len(orders) == 1 else None


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
        # "will meet on Thursday" told on a Thursday is that day; "next Thursday" a week on
        delta = (wd - ref.weekday()) % 7 or (7 if rel == "next" else 0)
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


_FROM_NOW = re.compile(r"\b(?:in|over|within|during|for|into|throughout)\s+$", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def _next_of_then(m: re.Match, start: int) -> bool:
    """"the next year" told of a past episode ("in 2014 …; the next year, …", "until early the
    next year"): the year after the one named before, not the coming one ("in the next year",
    "over the next month" count from now)."""
    before = m.string[max(0, start - 24):start]
    the = _THE_BEFORE.search(before)
    return the is not None and not _FROM_NOW.search(before, 0, the.start())


def h_relative_period(m: re.Match, ref: date | None) -> Value | None:
    if ref is None:
        return Value(None, None, "unknown")
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel == "next" and unit != "weekend" and _next_of_then(m, m.start()):
        return None  # "the next year": told from the date named before (`_anaphoric_value`)
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
    if unit == "day" and not words and not m.group().lower().endswith("s"):
        # "in the past day": the last 24 hours; a bare "the last day" or "the last day of the
        # truce" is no span ending now
        if not _STARTS_WITH_PREP.match(m.group().lstrip()) or re.match(r"\s+of\b", m.string[m.end():]):
            return None
        return Value(ref, ref, "day")
    n = 1 if vague and unit != "day" else (7 if vague else _number(words))
    n, unit = _count_unit(n, unit)
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
    n, unit = _count_unit(_number(words), m["unit"])
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
    return Value(None, ref, _count_unit(1, m["unit"])[1])


def h_recent(m: re.Match, ref: date | None) -> Value | None:
    if ref is None:
        return Value(None, None, "unknown")
    return Value(ref.replace(day=1), ref, "month")


def h_this_month_earlier(m: re.Match, ref: date | None) -> Value | None:
    """"earlier this month", "earlier in the week": from the period's start to the reference
    date; "later this month", "later in the year": from the reference date to its end."""
    if ref is None:
        return Value(None, None, "unknown")
    unit = m["unit"].lower()
    if unit == "week":
        start, end, precision = ref - timedelta(days=ref.weekday()), \
            ref - timedelta(days=ref.weekday()) + timedelta(days=6), "week"
    elif unit == "month":
        start, end, precision = ref.replace(day=1), _month_range(ref.year, ref.month)[1], "month"
    else:
        start, end, precision = date(ref.year, 1, 1), date(ref.year, 12, 31), "year"
    if m.group().lower().lstrip().startswith("later"):
        return Value(ref, end, precision)
    return Value(start, ref, precision)


def h_future(m: re.Match, ref: date | None) -> Value | None:
    return Value(ref, None, "unknown")


def h_named_event(m: re.Match, ref: date | None) -> Value | None:
    return Value(date(2001, 9, 11), date(2001, 9, 11), "day")


def h_month_range(m: re.Match, ref: date | None) -> Value | None:
    """"January – August 2018", "from March to May 2017": whole months; a first month after
    the second belongs to the previous year ("November – February 2018")."""
    year, first, last = int(m["year"]), MONTHS[_mon(m["mon1"])], MONTHS[_mon(m["mon"])]
    start = _month_range(year - 1 if first > last else year, first)[0]
    return Value(start, _month_range(year, last)[1], "month")


def h_season(m: re.Match, ref: date | None) -> Value | None:
    """"the summer of 2013": its months (winter runs from the December before)."""
    year = int(m["year"])
    first, last = SEASONS[m["season"].lower()]
    start = _month_range(year - 1 if first > last else year, first)[0]
    return Value(start, _month_range(year, last)[1], "month")


def h_today(m: re.Match, ref: date | None) -> Value | None:
    """"since dawn", "today's morning": the reference day."""
    if ref is None:
        return Value(None, None, "unknown")
    return Value(ref, ref, "day")


def h_last_night(m: re.Match, ref: date | None) -> Value | None:
    if ref is None:
        return Value(None, None, "unknown")
    d = ref - timedelta(days=1)
    return Value(d, d, "day")


def h_hours(m: re.Match, ref: date | None) -> Value | None:
    """"during the past 24 hours", "within 48 hours": as many calendar days as the hours
    fill, ending on the reference day (24 hours -> that day, 48 -> it and the day before)."""
    if ref is None:
        return Value(None, None, "unknown")
    word = m["num"].lower()
    hours = {"twenty-four": 24, "forty-eight": 48}.get(word) or _number(word)
    days = max(1, -(-hours // 24))
    return Value(ref - timedelta(days=days - 1), ref, "day" if days <= 2 else "week")


def h_in_a_row(m: re.Match, ref: date | None) -> Value | None:
    """"for the third day in a row": the occurrence reported is the reference day's."""
    return h_today(m, ref)


def h_span_of(m: re.Match, ref: date | None) -> Value | None:
    """"killed in 7 days of fighting", "in 6 months of escalation": a span ending at the
    reference date (N days count the reference day: "62 days" = ref - 61 .. ref)."""
    if ref is None:
        return Value(None, None, "unknown")
    if _is_future(m):
        return None
    if m["unit"].lower() == "day":
        n = _number(m["num"])
        return Value(ref - timedelta(days=max(n - 1, 0)), ref, "week" if n <= 7 else "month")
    return h_past_days(m, ref)


def h_beginning(m: re.Match, ref: date | None) -> Value | None:
    """"since the beginning of the year / this month / 2019 / March": from its first day
    to the reference date ("since" then leaves the end open)."""
    unit = (m.groupdict().get("unit") or "").lower()
    if m.groupdict().get("mon"):
        month = MONTHS[_mon(m["mon"])]
        year = int(m["year"]) if m.groupdict().get("year") else \
            _infer_year(month, None, ref, future=False)
        if year is None:
            return Value(None, None, "unknown")
        start = date(year, month, 1)
    elif m.groupdict().get("yonly"):
        start = date(int(m["yonly"]), 1, 1)
    elif ref is None:
        return Value(None, None, "unknown")
    elif unit == "month":
        start = ref.replace(day=1)
    elif unit == "week":
        start = ref - timedelta(days=ref.weekday())
    else:
        start = date(ref.year, 1, 1)
    end = ref if ref is not None and ref >= start else None
    return Value(start, end, "month" if unit != "week" else "week")


def h_part_of(m: re.Match, ref: date | None) -> Value | None:
    """"the first month of 2017", "the last month of the year", "the first week of March
    2018": that month of the year, or those seven days of the month."""
    which, unit = m["which"].lower(), m["unit"].lower()
    written = m["year"] or m["yonly"]
    year = int(written) if written else (ref.year if ref else None)
    if year is None:
        return Value(None, None, "unknown")
    if unit == "month":
        if m["mon"]:
            return None
        month = {"first": 1, "second": 2, "third": 3, "last": 12}[which]
        start, end = _month_range(year, month)
        return Value(start, end, "month")
    if not m["mon"]:
        return None
    first, last = _month_range(year, MONTHS[_mon(m["mon"])])
    if which == "last":
        return Value(last - timedelta(days=6), last, "week")
    start = first + timedelta(weeks={"first": 0, "second": 1, "third": 2}[which])
    return Value(start, start + timedelta(days=6), "week")


def h_day_shift(m: re.Match, ref: date | None) -> Value | None:
    """"the previous day", "a day later": one day off the day the text last named; resolved in
    `normalise`, which knows that day (no day named before: no date)."""
    return None


def _shift_days(m: re.Match) -> int:
    """How many days, and which way, a day shift moves ("two days later" -> +2)."""
    word = (m["which"] or m["ba"] or m["el"] or m["el2"]).lower()
    if m["hours"]:  # "24 hours later": whole days
        hours = {"twenty-four": 24, "forty-eight": 48}.get(m["hours"].lower()) or int(m["hours"])
        return (-1 if word == "earlier" else 1) * hours // 24
    n = _number(m["num"]) if m["num"] else 1
    return -n if word in ("previous", "before", "earlier") else n


def h_anaphoric(m: re.Match, ref: date | None) -> Value | None:
    """"that year", "later that month", "the following year", "the previous week", "that May":
    told from the period the text last named; resolved in `normalise` (`_anaphoric_value`)."""
    return None


def h_event_shift(m: re.Match, ref: date | None) -> Value | None:
    """"three days after the attack", "the day before the vote": counted from the date of the
    event named, which needs the parse (`event_counts.resolve`); until then no value. An
    approximate count ("nearly 14 months after") is none."""
    if event_counts.APPROXIMATE.search(m.string, max(0, m.start() - 16), m.start()):
        return None
    return Value(None, None, "unknown")


def h_day_of_month(m: re.Match, ref: date | None) -> Value | None:
    """"on the 14th", "by the 3rd": that day of the month the text last named (else of the
    reference month); resolved in `normalise` (`_day_of_month`)."""
    return None


def h_recent_hours(m: re.Match, ref: date | None) -> Value | None:
    """"in the recent hours", "over the past few hours": the reference day."""
    return h_today(m, ref)


def _mon(word: str) -> str:
    return word.lower().rstrip(".")


# "early 2019" is its first third, "mid-2019" the middle one, "late 2019" the last one
PART_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def _named_year(m: re.Match, ref: date | None) -> int | None:
    """The year a match names: written ("2019") or relative ("last/this/next year")."""
    if m.groupdict().get("year"):
        return int(m["year"])
    if ref is None:
        return None
    rel = (m.groupdict().get("rel") or "").lower()
    return ref.year + {"last": -1, "next": 1}.get(rel, 0)


def h_part_of_year(m: re.Match, ref: date | None) -> Value | None:
    """"in mid-2019", "late last year", "early this year": that third of the year, in whole
    months."""
    year = _named_year(m, ref)
    if year is None:
        return Value(None, None, "unknown")
    first, last = PART_OF_YEAR[m["part"].lower()]
    return Value(_month_range(year, first)[0], _month_range(year, last)[1], "month")


def h_season_relative(m: re.Match, ref: date | None) -> Value | None:
    """"in the summer", "last winter", "this spring": the latest such season begun by the
    reference date ("last" during that season: the one before; "next" or a future cue: the
    coming one), in whole months."""
    if ref is None:
        return Value(None, None, "unknown")
    first, last = SEASONS[m["season"].lower()]

    def bounds(end_year: int) -> tuple[date, date]:
        return (_month_range(end_year - 1 if first > last else end_year, first)[0],
                _month_range(end_year, last)[1])

    rel = (m.groupdict().get("rel") or "").lower()
    year = ref.year if bounds(ref.year)[0] <= ref else ref.year - 1
    if rel in ("next", "coming") or not rel and _is_future(m):
        year += 1
    elif rel in ("last", "past") and ref <= bounds(year)[1]:
        year -= 1
    start, end = bounds(year)
    return Value(start, end, "month")


def h_months_after(m: re.Match, ref: date | None) -> Value | None:
    """"Months after losing the town, the group is …" (fronted, no count): the thing the
    months follow lies some months before the reference date; its year (that of three months
    earlier)."""
    before = m.string[max(0, m.start() - 3):m.start()]
    if before.strip() and before.strip()[-1] not in ".;:,!?\"“”'‘’(":
        return None  # "kills 11 … months after 230 were killed": not fronted, not ours
    if ref is None:
        return Value(None, None, "unknown")
    year = _shift_months(ref, 3).year
    return Value(date(year, 1, 1), min(date(year, 12, 31), ref), "year")


_NUMBER_WORD = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                "fourteen": 14, "fifteen": 15, "twenty": 20}


def h_long_war(m: re.Match, ref: date | None) -> Value | None:
    """"throughout the 8 year proxy war", "during the seven-year conflict": a conflict still
    going on at the reference date, begun that many years before."""
    if ref is None:
        return Value(None, None, "unknown")
    word = m["num"].lower()
    n = int(word) if word.isdigit() else _NUMBER_WORD.get(word)
    if not n or n > 60:
        return None
    return Value(date(ref.year - n, 1, 1), ref, "year")


def h_end_of(m: re.Match, ref: date | None) -> Value | None:
    """"at the end of last year" -> its December; "the end of April 2018", "the end of the
    month" -> its last ten days (week); "by the end of 2017" is a deadline: an end bound only.
    ("the end of April" without a year stays the month: linking open "since the end of April"
    tolls with a single strike needs care first.)"""
    rel = (m.groupdict().get("rel") or "").lower()
    if m.groupdict().get("mon"):
        month = MONTHS[_mon(m["mon"])]
        year = int(m["year"]) if m.groupdict().get("year") else \
            _infer_year(month, None, ref, future=_is_future(m))
        if year is None:
            return Value(None, None, "unknown")
        last = _month_range(year, month)[1]
        value = Value(last.replace(day=21), last, "week")
    elif (m.groupdict().get("unit") or "").lower() == "month":
        if ref is None:
            return Value(None, None, "unknown")
        first = _shift_months(ref.replace(day=1), {"last": 1}.get(rel, 0))
        last = _month_range(first.year, first.month)[1]
        value = Value(last.replace(day=21), last, "week")
    else:
        if m.groupdict().get("yonly"):
            year = int(m["yonly"])
        elif ref is None:
            return Value(None, None, "unknown")
        else:
            year = ref.year - (1 if rel == "last" else 0)
        value = Value(date(year, 12, 1), date(year, 12, 31), "month")
    deadline = (m.groupdict().get("by") or "").lower() == "by"
    if ref is not None and value.start > ref and rel in ("the", "this") and not deadline \
            and not _is_future(m):
        # "fighting intensified towards the end of the year", told in February: last year's
        if (m.groupdict().get("unit") or "").lower() == "month":
            last = ref.replace(day=1) - timedelta(days=1)
            value = Value(last.replace(day=21), last, "week")
        else:
            value = Value(date(ref.year - 1, 12, 1), date(ref.year - 1, 12, 31), "month")
    if deadline:
        return Value(None, value.end, value.precision)
    return value


def h_half(m: re.Match, ref: date | None) -> Value | None:
    """"the first half of 2018", "the second half of last year": six whole months."""
    year = _named_year(m, ref)
    if year is None:
        return Value(None, None, "unknown")
    first = 1 if m["which"].lower() == "first" else 7
    return Value(date(year, first, 1), _month_range(year, first + 5)[1], "month")


def h_decade(m: re.Match, ref: date | None) -> Value | None:
    """"the 1990s": its ten years."""
    y = int(m["decade"])
    return Value(date(y, 1, 1), date(y + 9, 12, 31), "year")


def h_decade_ago(m: re.Match, ref: date | None) -> Value | None:
    """"a decade ago": the year ten years before; "over the past decade": ten years up to the
    reference date."""
    if ref is None:
        return Value(None, None, "unknown")
    word = m.groupdict().get("num") or m.groupdict().get("num2")
    n = _number(word) if word else 1
    if m.groupdict().get("ago"):
        y = ref.year - 10 * n
        return Value(date(y, 1, 1), date(y, 12, 31), "year")
    return Value(_shift_years(ref, 10 * n), ref, "year")


def h_month_rel_year(m: re.Match, ref: date | None) -> Value | None:
    """"in March last year", "May this year": that month of the year told ("Theresa May last
    year" is no date: "May" and "March" need a preposition before them)."""
    if _mon(m["mon"]) in ("may", "march", "mar") and not re.search(
            r"\b(?:in|since|during|until|by|early|late|mid|of|from|was|is)[\s-]*$",
            m.string[max(0, m.start() - 12):m.start()], re.I):
        return None
    year = _named_year(m, ref)
    if year is None:
        return Value(None, None, "unknown")
    return Value(*_month_range(year, MONTHS[_mon(m["mon"])]), "month")


# a time preposition before a holiday's name ("during Ramadan", "ahead of Eid al-Adha")
_HOLIDAY_LEAD = re.compile(r"\b(?:at|on|over|during|before|after|since|until|till|by|from|"
                           r"around|for|throughout|into|in|ahead\s+of)\s+$", re.I)
# words after the name that show it is the holiday ("the Eid al-Fitr holiday")
_HOLIDAY_TAIL = re.compile(r"\s+(?:holidays?|celebrations?|festivities|festival|feast|prayers|"
                           r"weekend|break|truce|ceasefire|eve)\b", re.I)
_HOLIDAY_WHOLE = re.compile(r"\b(?:during|over|throughout)\s+$|^\s+(?:holidays|celebrations|"
                            r"festivities|break|truce|ceasefire)\b", re.I)
_NOT_NAME_BEFORE = frozenset({"the", "this", "last", "next", "that"})
_PART_DAY = {"first": 0, "second": 1, "third": 2, "fourth": 3}
# a coming holiday: up to a month ahead when told as a deadline ("ahead of Eid", "until
# Easter"), else up to a week (a report of "Eid prayers" a month before Eid is of the last one)
_HOLIDAY_AHEAD = timedelta(days=31)
_HOLIDAY_NEAR = timedelta(days=7)
_HOLIDAY_DEADLINE = re.compile(r"\b(?:before|until|till|by|ahead\s+of)\s+$", re.I)
_BARE_EID_REACH = timedelta(days=45)  # a bare "Eid" is the one of the weeks around the report


def _holiday_part(part: str, first: date, last: date, whole: bool) -> tuple[date, date]:
    """The days of one occurrence a phrase names: "the first day of Eid", "the eve of …",
    "the end of Ramadan"; the whole holiday "during" it (or Ramadan), else its first day."""
    words = part.lower().split()
    if not words:
        return (first, last) if whole else (first, first)
    if "eve" in words:
        return first - timedelta(days=1), first - timedelta(days=1)
    if words[1] in _PART_DAY:
        day = min(first + timedelta(days=_PART_DAY[words[1]]), last)
        return day, day
    if words[1] == "last" or words[1] == "end":
        return last, last
    if words[1] in ("start", "beginning"):
        return first, first
    return first, last  # "the holy month of Ramadan"


def h_holiday(m: re.Match, ref: date | None) -> Value | None:
    """"on Christmas Day", "at Easter", "during Eid al-Adha", "the first day of Ramadan",
    "Nowruz": that holiday of the year written, else the latest one (a coming one up to a
    month ahead, or with a future cue); Islamic holidays and Nowruz as a range of the days
    they may be kept (claimbase/timex/holidays.py). A capitalised name only, and not part of
    another name ("Easter Ghouta", "Tariq Ramadan", the "Battle of Ashura")."""
    name = m["name"]
    if not name[0].isupper():
        return None
    holiday = holidays.holidays().get(holidays.key(name))
    if holiday is None:
        return None
    text, part = m.string, (m["part"] or "")
    before, after = text[max(0, m.start() - 30):m.start()], text[m.end():m.end() + 30]
    lead = _HOLIDAY_LEAD.search(before)
    prev = re.search(r"(\S+)\s+$", before)
    if not part and (re.match(r"[\s-]+[A-Z]", after) or prev and prev.group(1)[0].isupper()
                     and not lead and prev.group(1).lower() not in _NOT_NAME_BEFORE):
        return None
    tail = _HOLIDAY_TAIL.match(after)
    if holiday.rule != "fixed" and not (part or lead or tail):
        return None  # a bare "Ramadan" or "Easter" may be a name of something else
    if tail and tail.group().split()[0].lower() in ("holidays", "break") \
            and holiday.rule not in ("hijri", "eid"):
        return None  # "the Easter break", "the Christmas holidays": weeks that vary
    whole = holiday.days == 0 or "weekend" in name.lower() or bool(
        _HOLIDAY_WHOLE.search(before) or _HOLIDAY_WHOLE.search(after))
    written = int(m["year"]) if m["year"] else None
    around = written or (ref.year if ref else None)
    if around is None:
        return Value(None, None, "unknown")
    spans = [_holiday_part(part, first, last, whole) for first, last in
             holidays.occurrences(holiday, range(around - 1, around + 2))]
    if written:
        spans = [sp for sp in spans if sp[0].year == written]
        if len(spans) != 1:
            return None  # two Eids in one year (2000, 2033): which one is not told
        start, end = spans[0]
    elif ref is None:
        return Value(None, None, "unknown")
    elif _is_future(m):
        start, end = min((sp for sp in spans if sp[1] >= ref), default=(None, None))
    else:
        ahead = _HOLIDAY_AHEAD if _HOLIDAY_DEADLINE.search(before) else _HOLIDAY_NEAR
        start, end = max((sp for sp in spans if sp[0] <= ref + ahead), default=(None, None))
    if start is None or holiday.rule == "eid" and ref is not None and not written and \
            abs(start - ref) > _BARE_EID_REACH:
        return None
    margin = holidays.uncertainty(holiday)
    start, end = start - margin, end + margin + holidays.late_days(holiday)
    return Value(start, end, "day" if start == end else
                 "week" if (end - start).days < 7 else "month")


def h_weekday_range(m: re.Match, ref: date | None) -> Value | None:
    """"from Monday to Wednesday", "between Friday and Sunday": the days from the first to the
    second, both read as "on <day>" (a first day after the second lies a week earlier)."""
    last = h_weekday(m, ref)
    if last is None or last.start is None:
        return last
    back = (WEEKDAYS[m["wd"].lower()] - WEEKDAYS[m["wd1"].lower()]) % 7
    return Value(last.start - timedelta(days=back), last.end, "day")


def h_before_last(m: re.Match, ref: date | None) -> Value | None:
    """"the week before last", "the weekend before last": a week before "last week" /
    "last weekend"."""
    if ref is None:
        return Value(None, None, "unknown")
    if m["unit"].lower() == "week":
        monday = ref - timedelta(days=ref.weekday()) - timedelta(weeks=2)
        return Value(monday, monday + timedelta(days=6), "week")
    sat = ref - timedelta(days=(ref.weekday() - 5) % 7 or 7) - timedelta(days=7)
    return Value(sat, sat + timedelta(days=1), "week")


def h_hours_ago(m: re.Match, ref: date | None) -> Value | None:
    """"23 hours ago", "a few hours ago": the reference day. A day or more of hours ("36
    hours ago") reaches back to a day the report's hour decides: no date."""
    words = m["num"].lower()
    hours = 0 if words in VAGUE or words in ("a", "an") else _number(words)
    if hours >= 24:
        return None
    if ref is None:
        return Value(None, None, "unknown")
    return Value(ref, ref, "day")


def h_period_shift(m: re.Match, ref: date | None) -> Value | None:
    """"Six months later", "a week earlier", "two years later": that many weeks, months or
    years off the last period the text named; resolved in `normalise` (`_shifted_period`)."""
    return None


# ------------------------------------------------------------------ rules

_REL = r"(?P<rel>last|next|this|past|previous|coming|current)"
_HOURS = r"(?P<num>\d+|twenty-four|forty-eight)\s+hours"
RULES: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(r"\bthe\s+(?P<which>first|second|third|last)\s+(?P<unit>month|week)\s+of\s+"
                rf"(?:the\s+year\b|{_MON}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b|"
                r"(?P<yonly>(?:19|20)\d\d)\b)", re.I), h_part_of),
    (re.compile(rf"\b(?:(?:from|between)\s+)?{_MON1}\s*(?:-|–|—|to|and|until|through)\s*"
                rf"{_MON},?\s+{_YEAR}\b", re.I), h_month_range),
    (re.compile(r"\b(?:(?P<by>by|at|towards?|until|since)\s+)?the\s+end\s+of\s+(?:"
                r"(?P<rel>last|this|the)\s+(?P<unit>year|month)\b(?!\s+of\b)|"
                rf"{_MON},?\s+{_YEAR}\b|(?P<yonly>(?:19|20)\d\d)\b)", re.I), h_end_of),
    (re.compile(r"\b(?:(?:in|during|over)\s+)?the\s+(?P<which>first|second)\s+half\s+of\s+(?:"
                rf"(?P<rel>last|this|next)\s+year\b|{_YEAR}\b)", re.I), h_half),
    (re.compile(r"\b(?:(?:in|during|throughout)\s+)?the\s+(?P<decade>(?:19|20)\d0)['’]?s\b"),
     h_decade),
    (re.compile(r"\b(?:(?P<num>a|one|two|three)\s+decades?\s+(?P<ago>ago)|"
                r"(?:over|during|in)\s+the\s+(?:past|last)\s+(?:(?P<num2>two|three)\s+)?"
                r"decades?|(?:(?:over|during|in)\s+)?recent\s+decades)\b", re.I), h_decade_ago),
    (re.compile(rf"\b(?P<part>early|mid|late)[\s-]+(?:(?P<rel>last|this|next)\s+year\b|"
                rf"{_YEAR}\b(?!\s*(?:-|–)\s*\d))", re.I), h_part_of_year),
    (re.compile(r"\b(?:(?:in|during|over|through)\s+)?(?:the|(?P<rel>last|this|next|past|coming))"
                r"\s+(?P<season>spring|summer|autumn|winter)\b(?!\s+(?:of\s+)?(?:19|20)\d\d)",
                re.I), h_season_relative),
    (re.compile(r"\b(?:(?:several|a few|many|some)\s+)?months\s+after\b", re.I), h_months_after),
    (re.compile(r"\b(?:throughout|during|over|in)\s+(?:the|its|a|this)\s+(?P<num>\d{1,2}|two|three|"
                r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"twenty)[\s-]+years?(?:[\s-]+(?:long|old))?(?:\s+[a-z]+){0,2}?\s+"
                r"(?:war|conflict|crisis|occupation|siege|insurgency|uprising|blockade)\b"),
     h_long_war),
    (re.compile(rf"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?"
                rf"{_YEAR}\b", re.I), h_season),
    (re.compile(r"\b(?:(?:since|from)\s+)?the\s+(?:beginning|start)\s+of\s+(?:(?:the|this)\s+"
                rf"(?P<unit>year|month|week)\b|(?P<yonly>(?:19|20)\d\d)\b|{_MON}(?:,?\s+{_YEAR})?\b)",
                re.I),
     h_beginning),
    (re.compile(rf"\b{_MON}\s+{_DAY}(?:{_TO}{_DAY2})?,?\s+{_YEAR}\b", re.I), h_full),
    (re.compile(rf"\b{_DAY}(?:{_TO}{_DAY2})?\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.I), h_full),
    (re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), h_iso),
    (_NUMERIC, h_numeric),
    (re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)/"), h_iso),
    (re.compile(rf"\b{_MON}\s+{_DAY}(?:{_TO}{_DAY2})?\b(?![,.]?\s*\d)"), h_month_day),
    # "on 16 and 17 July 36 civilians were killed": a count after the month is no year
    (re.compile(rf"\b{_DAY}(?:{_TO}{_DAY2})?\s+(?:of\s+)?{_MON}\b(?!\s*,?\s*\d(?!\d*\s+[a-z]))"),
     h_month_day),
    (re.compile(rf"\b(?:(?:early|mid|late)[\s-]+)?{_MON}(?:\s+of)?,?\s+{_YEAR}\b"), h_month_year),
    (re.compile(rf"\b{_MON_UPPER}\s+{_DAY},?\s+{_YEAR}\b"), h_full),  # "JUNE 3, 2019"
    (re.compile(rf"\b{_MON_UPPER},?\s+{_YEAR}\b"), h_month_year),  # "JUNE 2019"
    (re.compile(rf"\b(?:{_REL}\s+)?{_MON}\b(?!\s+\d)", re.I), h_month),
    (re.compile(r"\b(?:in|since|during|by|of|until|from|before|after|early|late|mid|the|since)"
                rf"[\s-]+{_YEAR}\b(?!\s*(?:-|–)\s*\d)", re.I), h_year),
    (re.compile(rf"(?<![\d,.$£€])\b{_YEAR}\b(?![\d,.%]\d|\s*(?:percent|%|hours\b|hrs\b))"),
     h_year),
    (re.compile(rf"\b(?:(?P<rel>last|next|this|on)\s+)?{_WD}\b", re.I), h_weekday),
    (re.compile(r"\b(?:(?:since|from)\s+)?(?:(?:the\s+)?(?:early\s+)?(?:dawn|morning)\s+"
                r"(?:of\s+)?today|today(?:'s|’s)?\s+(?:dawn|morning)|(?<=since )(?:the\s+)?"
                r"(?:early\s+)?(?:dawn|morning))\b", re.I), h_today),
    (re.compile(r"\b(?:(?:during|over)\s+)?(?:the\s+)?last\s+night\b", re.I), h_last_night),
    (re.compile(rf"\b(?:(?:during|over|in|within|for)\s+(?:the\s+)?(?:(?:past|last|recent)\s+)?|"
                rf"the\s+(?:past|last|recent)\s+){_HOURS}\b(?!\s+(?:later|after|before|ago))", re.I),
     h_hours),
    (re.compile(r"\b(?:(?:during|over|in|within)\s+)?the\s+(?:past|last|recent)\s+(?:few\s+)?"
                r"hours\b", re.I), h_recent_hours),
    (re.compile(r"\bfor\s+the\s+\w+\s+(?:(?:consecutive|straight)\s+day|day\s+in\s+a\s+row)\b",
                re.I), h_in_a_row),
    (re.compile(r"\b(?:in|during|within|over)\s+(?:(?:the\s+)?(?:past|last)\s+)?"
                r"(?P<num>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                r"(?P<unit>day|week|month|year)s?(?=\s+of\b(?!\s+(?:the\s+(?:year|month)\b|"
                rf"{_MON_NAMES}\b|(?:19|20)\d\d)))", re.I), h_span_of),
    (re.compile(r"\b(?P<word>the day before yesterday|yesterday|today|tonight|tomorrow|"
                r"this morning|this afternoon|this evening|overnight|earlier today)\b", re.I),
     h_named_day),
    (re.compile(r"\b(?:during|over|at|on)?\s*(?:the\s+)?(?P<rel>last|past|this|next|coming)?\s*"
                r"weekend\b", re.I), h_weekend),
    (re.compile(r"\b(?:(?:during|over|in|within)\s+)?(?:the|this)\s+(?:past|last|recent)\s+"
                r"(?P<num>(?:a\s+)?few|couple of|several|\d+|two|three|four|five|six|seven|eight|"
                r"nine|ten|eleven|twelve)?\s*(?P<unit>day|week|fortnight|month|year)s?\b"
                rf"(?!\s+of\s+(?:the\s+(?:year|month)\b|{_MON_NAMES}\b|(?:19|20)\d\d))", re.I),
     h_past_days),
    (re.compile(r"\b(?:(?:in|over|during)\s+)?recent\s+(?P<unit>day|week|month|year)s\b", re.I),
     h_past_days),
    (re.compile(rf"\b(?P<bound>more than|over|at least)?\s*{_NUM}\s+{_UNIT}\s+ago\b", re.I), h_ago),
    (re.compile(rf"\bfor\s+(?:over|more than|nearly|almost|about)\s+{_NUM}\s+{_UNIT}\b", re.I), h_duration),
    (re.compile(rf"\b(?:over|more than)\s+(?P<num>a|one)\s+{_UNIT}\b", re.I), h_duration),
    (re.compile(rf"\b{_REL}\s+(?P<unit>week|month|year|weekend)\b", re.I), h_relative_period),
    (re.compile(r"\b(?:(?:earlier|later)\s+this|earlier\s+in\s+the)\s+(?P<unit>week|month|year)\b",
                re.I),
     h_this_month_earlier),
    (re.compile(r"\b(?:recent|recently|in recent weeks)\b(?!\s+(?:history|memory|times|"
                r"generations?|centur(?:y|ies)|past)\b)", re.I), h_recent),
    (re.compile(rf"\b{_MON}\s+(?P<rel>last|this|next)\s+year\b", re.I), h_month_rel_year),
    (re.compile(r"\b(?:(?P<part>the\s+(?:(?:first|second|third|fourth|last)\s+days?|eve|start|"
                r"beginning|end|(?:holy\s+)?month))\s+of\s+)?"
                rf"(?P<name>{holidays.name_pattern()})(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I),
     h_holiday),
    (re.compile(rf"\b(?:from|between)\s+{_WD.replace('(?P<wd>', '(?P<wd1>')}\s+"
                rf"(?:to|and|until|till|through)\s+{_WD}\b", re.I), h_weekday_range),
    (re.compile(r"\bthe\s+(?P<unit>week|weekend)\s+before\s+last\b", re.I), h_before_last),
    (re.compile(r"\b(?P<num>\d{1,2}|a|an|a few|few|several|a couple of|two|three|four|five|six|"
                r"seven|eight|nine|ten|eleven|twelve)\s+hours?\s+ago\b", re.I), h_hours_ago),
    (re.compile(r"\b(?P<num>a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"\d{1,2})\s+(?P<unit>week|month|year)s?\s+(?P<el>earlier|later)\b(?!\s+than\b)",
                re.I),
     h_period_shift),
    (re.compile(r"\b(?:the\s+(?P<which>previous|next|following)\s+(?:day|morning|afternoon|"
                r"evening|night)|the\s+day\s+(?P<ba>before|after)(?=\s*[,.;:])|"
                r"(?P<num>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+"
                r"(?P<el>earlier|later)|(?P<hours>24|48|72|twenty-four|forty-eight)\s+hours\s+"
                r"(?P<el2>earlier|later))"
                r"\b", re.I), h_day_shift),
    (re.compile(r"\b(?:(?:(?P<lead>later|earlier)\s+)?(?:that(?:\s+same)?|the\s+same)\s+"
                r"(?P<unit>week|month|year)|(?:(?:later|earlier)\s+that|(?:that|the)\s+same)\s+"
                r"(?P<unit3>day)|(?:(?P<mon2>(?-i:January|February|March|April|May|June|July|August|"
                r"September|October|November|December))\s+(?:of\s+)?)?the\s+"
                r"(?P<which>following|previous|preceding|next)\s+(?P<unit2>week|month|year)|"
                r"(?P<mon3>(?-i:January|February|March|April|May|June|July|August|September|"
                r"October|November|December))\s+(?:of\s+)?(?:that|the\s+same)\s+year|"
                r"(?P<lead2>later)\s+in\s+the\s+(?P<unit4>month|year)|"
                r"that\s+(?P<mon>(?-i:January|February|March|April|May|"
                r"June|July|August|September|October|November|December))(?=\s*[,.;:!?)”\"]|"
                r"\s+(?:when|as|while|day|morning|afternoon|evening|night)\b))\b(?!,?\s*\d)", re.I),
     h_anaphoric),
    (re.compile(r"\b(?:in\s+the\s+(?:near|coming|foreseeable)\s+future|(?:in|over|within|during)\s+"
                r"the\s+coming\s+(?:few\s+|several\s+)?(?:days|weeks|months))\b", re.I), h_future),
    (re.compile(r"(?<![\d/])9/11(?![\d/])"), h_named_event),
    (event_counts.EVENT_COUNT, h_event_shift),
    # "on the 14th," (not "on the 3rd floor", "by the 20th century")
    (re.compile(r"\b(?:on|by|until|till|since|from|before|after)\s+the\s+"
                r"(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?=\s*(?:[,.;:)!?]|$)|\s+(?:and|or|"
                r"when|as|at|in|to|until|after|before|but)\b)", re.I), h_day_of_month),
]

_FIRST_FULL = next(i for i, (_p, h) in enumerate(RULES) if h is h_full)

# "next to" is a place, "than we expected" a comparison: no future cues
_FUTURE = re.compile(r"\b(?:will|would|shall|plans?\s+to|planned|going to|next(?!\s+to\b)|"
                     r"upcoming|scheduled|expected(?=\s+to\b)|(?:is|are|was|were|be)\s+expected|"
                     r"intends?\s+to)\b", re.I)
# a sentence end, with a closing quotation mark ("… them.” Earlier on Sunday")
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s")


def _is_future(m: re.Match) -> bool:
    """A future cue in the 60 characters before the expression ("will meet in October")."""
    before = m.string[max(0, m.start() - 60):m.start()]
    sent = _SENTENCE_END.split(before)[-1]
    return bool(_FUTURE.search(sent))


# ------------------------------------------------------------------ finding


# Words one of which a rule's match always contains: a rule is skipped, unscanned, on a text
# without any of them (most of the time a date rule costs is spent scanning).
NEEDS: dict[Handler, tuple[str, ...]] = {
    h_ago: ("ago",), h_weekend: ("weekend",), h_today: ("today", "dawn", "morning"),
    h_last_night: ("night",), h_hours: ("hour",),
    h_in_a_row: ("consecutive", "straight", "in a row"),
    h_named_day: ("yesterday", "today", "tonight", "tomorrow", "morning", "afternoon",
                  "evening", "overnight"),
    h_past_days: ("past", "last", "recent"), h_recent: ("recent",),
    h_day_shift: tuple(f"{which} {part}" for which in ("previous", "next", "following")
                       for part in ("day", "morning", "afternoon", "evening", "night")) +
    ("day before", "day after", "day earlier", "days earlier", "day later", "days later",
     "hours earlier", "hours later"),
    h_anaphoric: ("that year", "that month", "that week", "that same", "same day", "same week",
                  "same month", "same year", "later in the", "later that", "earlier that") +
    tuple(f"{which} {unit}" for which in ("following", "previous", "preceding", "the next")
          for unit in ("week", "month", "year")) +
    tuple(f"that {m.lower()}" for m in calendar.month_name if m),
    h_month_rel_year: ("last year", "this year", "next year"),
    h_holiday: holidays.needs(), h_weekday_range: tuple(WEEKDAYS),
    h_before_last: ("before last",), h_hours_ago: ("hours ago", "hour ago"),
    h_period_shift: tuple(f"{unit} {el}" for unit in ("week", "weeks", "month", "months", "year",
                                                       "years") for el in ("earlier", "later")),
    h_duration: ("over", "more than", "nearly", "almost", "about"),
    h_this_month_earlier: ("earlier", "later"), h_future: ("future", "coming"),
    h_named_event: ("9/11",), h_event_shift: tuple(f"{last} {ba}" for last in "sykhrt" for ba in ("after", "before")), h_day_of_month: tuple(f"the {i}" for i in range(1, 10)), h_season: ("spring", "summer", "autumn", "fall", "winter"),
    h_beginning: ("beginning", "start"),
    h_part_of: ("first month", "second month", "third month", "last month", "first week",
                "second week", "third week", "last week"),
    h_recent_hours: ("past hours", "last hours", "recent hours", "few hours"),
    h_weekday: tuple(WEEKDAYS), h_span_of: (" of",),
    h_part_of_year: ("early", "mid", "late"), h_months_after: ("months after",),
    h_end_of: ("end of",), h_half: ("half of",), h_decade: ("0s", "0’s", "0's"),
    h_decade_ago: ("decade",),
    h_season_relative: ("spring", "summer", "autumn", "winter"),
    h_long_war: ("war", "conflict", "crisis", "occupation", "siege", "insurgency", "uprising",
                 "blockade"),
}


# Rules whose matches all end in a short tail found faster than the whole pattern: the
# pattern is tried only in a window before each tail ("three days after" <- "days after").
TAILS: dict[Handler, re.Pattern[str]] = {
    h_event_shift: with_first_chars(event_counts.EVENT_TAIL),
    h_day_of_month: with_first_chars(re.compile(r"\bthe\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b",
                                                re.I))}
_TAIL_REACH = 40  # how far before its tail a match can start
_TAIL_LOOKAHEAD = 16  # characters after the tail a pattern's lookahead reads
# Holiday names as whole words ("Easter", not "eastern"): the holiday rule's prefilter
_HOLIDAY_WORDS = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in holidays.needs()) +
                            r")\b")


def _tail_matches(pattern: re.Pattern[str], tail: re.Pattern[str],
                  text: str) -> Iterator[re.Match]:
    """The matches of `pattern` that end where a match of `tail` ends."""
    for t in tail.finditer(text):
        for m in pattern.finditer(text, max(0, t.start() - _TAIL_REACH),
                                  min(len(text), t.end() + _TAIL_LOOKAHEAD)):
            if m.end() == t.end():
                yield m
                break


def _matches(text: str) -> Iterator[tuple[int, int, re.Match, Handler]]:
    lowered = text.lower()
    for pattern, handler in RULES:
        needs = NEEDS.get(handler)
        if needs and not any(map(lowered.__contains__, needs)) or \
                handler is h_holiday and not _HOLIDAY_WORDS.search(lowered):
            continue
        tail = TAILS.get(handler)
        found = _tail_matches(pattern, tail, text) if tail is not None else \
            with_first_chars(pattern).finditer(text)  # the same matches, sooner
        for m in found:
            s, e = m.span()
            while s < e and text[s].isspace():
                s += 1
            if e > s:
                yield s, e, m, handler


# Calendar periods ("in 2017", "this month", "in October") that a report may be written
# in the middle of: what it tells of the past ends on the reference date.
_PERIODS = frozenset({h_year, h_month_year, h_month, h_month_range, h_season, h_part_of,
                      h_relative_period, h_part_of_year, h_season_relative, h_half,
                      h_decade, h_end_of, h_holiday})
_MONTHLY = frozenset({h_month, h_month_day})
_DAILY = frozenset({h_weekday, h_named_day, h_month_day, h_full})
_SINCE = re.compile(r"\bsince\s+(?:(?:early|mid|late)[\s-]+)?(?=\S*$)", re.I)
_PREP = re.compile(r"\b(?:on|in|during)\s+(?=\S*$)", re.I)
_STARTS_WITH_PREP = re.compile(r"(?:on|in|during|over|at|since|within|for|from|by|until|"
                               r"throughout|through)\b", re.I)
_PART_LEAD = re.compile(r"\b(?:early|mid|late)[\s-]+(?=\S*$)", re.I)
# "in the early hours of Tuesday", "late on Monday", "on the night of 4 March": the day's part
# belongs to the expression (the same day)
_DAY_PART_LEAD = re.compile(r"\b(?:(?:(?:in|during)\s+)?the\s+(?:early|small|first)\s+hours\s+of|"
                            r"(?:on\s+)?the\s+(?:night|morning|evening|afternoon)\s+of|"
                            r"(?:late|early)(?:\s+on)?)\s+$", re.I)
_DAY_PART = re.compile(r"(?:(?:'s|’s)\s+(?:late[\s-]+|early\s+)?|\s+)(?:morning|afternoon|evening|"
                       r"night)\b", re.I)


def normalise(text: str, ref: date | None) -> list[DateMention]:
    """Every date expression in a text, normalised against `ref` (non-overlapping)."""
    found = sorted(_matches(text), key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[DateMention] = []
    last_end = -1
    order = numeric_order(text)
    for s, e, m, handler in found:
        if s < last_end:
            continue
        value = h_numeric(m, ref, order) if handler is h_numeric else handler(m, ref)
        if handler is h_day_shift:
            value = _after_last_day(out, _shift_days(m), s)
        elif handler is h_anaphoric:
            value = _anaphoric_value(out, m, s, ref)
        elif handler is h_period_shift:
            value = _shifted_period(out, m, s, ref)
        elif handler is h_day_of_month:
            value = _day_of_month(out, m, s, ref)
        if value is None:
            continue
        if handler is h_year and not _plausible_year(text, s, e):
            continue
        if handler is h_month and _ambiguous_month(m):
            continue
        if handler is h_weekday and _named_weekday(text, m):
            continue
        part = _PART_LEAD.search(text, max(0, s - 7), s)
        if part and part.end() == s and part.start() >= last_end and handler in _MONTHLY:
            s = part.start()  # "early January", "mid-March": the month, as written
        lead = _PREP.search(text, max(0, s - 9), s)
        if lead and lead.end() == s and lead.start() >= last_end \
                and not _STARTS_WITH_PREP.match(text, s):
            s = lead.start()
        if handler in _DAILY:
            part = _DAY_PART_LEAD.search(text, max(0, s - 40), s)
            if part and part.start() >= last_end:
                s = part.start()
            tail = _DAY_PART.match(text, e)
            if tail:
                e = tail.end()  # "on Tuesday night", "yesterday's late-night"
        since = _SINCE.search(text, max(0, s - 13), s)
        if since and since.end() == s and since.start() >= last_end and value.start:
            s = since.start()
        if ref is not None and handler in _PERIODS and value.start is not None \
                and value.end is not None and value.start <= ref < value.end \
                and not _is_future(m):
            # not after the report (a holiday's possible days up to the report: one is sure)
            value = Value(value.start, ref, "day" if handler is h_holiday and value.start == ref
                          else value.precision)
        if text[s:e].lower().startswith("since") and value.start and value.start != ref:
            value = Value(value.start, None, value.precision)  # "since 2013": open end
        out.append(DateMention(
            text=text[s:e], start=s, end=e,
            value_start=value.start.isoformat() if value.start else None,
            value_end=value.end.isoformat() if value.end else None,
            precision=value.precision))
        last_end = e
    return out


_SHIFT_WINDOW = 800  # about a paragraph: farther back, the day named is another story's


def _after_last_day(found: list[DateMention], days: int, pos: int) -> Value | None:
    """The day `days` off the last day (or run of days) found in the _SHIFT_WINDOW characters
    before `pos` ("On Monday ... The next day"; "on 10 and 11 May, followed three days later":
    counted from the run's last day, or back from its first)."""
    last = next((d for d in reversed(found) if d.precision == "day" and d.value_start
                 and d.value_end), None)
    if last is None or last.start < pos - _SHIFT_WINDOW:
        return None
    day = date.fromisoformat(last.value_end if days > 0 else last.value_start) + \
        timedelta(days=days)
    return Value(day, day, "day")


# how far back a period named before an anaphoric "that year" / "the following month" may be
_ANAPHORA_WINDOW = {"day": _SHIFT_WINDOW, "week": _SHIFT_WINDOW, "month": 2 * _SHIFT_WINDOW,
                    "year": 2 * _SHIFT_WINDOW}
# which precisions can anchor each unit (a single day anchors "that week", a month "that year")
_ANCHOR_PRECISIONS = {"day": ("day",), "week": ("day", "week"),
                      "month": ("day", "week", "month"), "year": ("day", "week", "month", "year")}


def _period_of(day: date, unit: str) -> tuple[date, date]:
    """The calendar day, week (Monday-Sunday), month or year containing `day`."""
    if unit == "day":
        return day, day
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return _month_range(day.year, day.month)
    return date(day.year, 1, 1), date(day.year, 12, 31)


def _anchor(found: list[DateMention], unit: str, pos: int,
            window: int | None = None) -> tuple[date, date] | None:
    """The last closed date found before `pos` (within `window` characters, by default the
    unit's) that lies inside one `unit` period: what "that month" / "the following year"
    count from."""
    for d in reversed(found):
        if d.start is not None and d.start < pos - (window or _ANAPHORA_WINDOW[unit]):
            return None
        if not d.value_start or not d.value_end or d.precision not in _ANCHOR_PRECISIONS[unit]:
            continue
        start, end = date.fromisoformat(d.value_start), date.fromisoformat(d.value_end)
        if _period_of(start, unit) == _period_of(end, unit):
            return start, end
    return None


def _anaphoric_value(found: list[DateMention], m: re.Match, pos: int,
                     ref: date | None) -> Value | None:
    """"that year" (the year of the last date named), "later that month" (from that date to
    the month's end), "the following year", "the previous week", "that May" (May of the last
    year named). Without a date named before, "the previous week/month/year" counts from the
    reference date, as "last week" does, and "later in the year" runs from it; the others give
    no date."""
    mon = m["mon"] or m["mon3"]  # "that May", "August that year"
    unit = (m["unit"] or m["unit2"] or m["unit3"] or m["unit4"] or
            ("year" if mon else "")).lower()
    anchor = _anchor(found, unit, pos)
    which = (m["which"] or "").lower()
    if which == "next" and not _next_of_then(m, m.start("which")):
        return None  # "in the next year": from now (`h_relative_period`)
    if anchor is None:
        if (which in ("previous", "preceding") or m["lead2"]) and ref is not None:
            anchor = (ref, ref)  # "the previous week", "later in the year": from now
        else:
            return None
    first, last = _period_of(anchor[0], unit)
    precision = unit if unit != "year" or not mon else "month"
    if mon:
        return Value(*_month_range(first.year, MONTHS[mon.lower()]), "month")
    if which:
        step = -1 if which in ("previous", "preceding") else 1
        if m["mon2"] and unit == "year":  # "in May the following year"
            shifted_year = first.year + step
            return _not_past_ref(Value(*_month_range(shifted_year, MONTHS[m["mon2"].lower()]),
                                       "month"), anchor, m, ref)
        if unit == "week":
            shifted = first + timedelta(weeks=step)
        elif unit == "month":
            shifted = _shift_months(first, -step)
        else:
            shifted = first.replace(year=first.year + step)
        return _not_past_ref(Value(*_period_of(shifted, unit), precision), anchor, m, ref)
    lead = (m["lead"] or m["lead2"] or "").lower()
    if anchor == (first, last):
        return Value(first, last, precision)  # "in 2015 … later that year": the whole year
    if lead == "later" and unit != "day":
        return Value(anchor[1], last, precision)
    if lead == "earlier" and unit != "day":
        return Value(first, anchor[0], precision)
    return Value(first, last, precision)


def _shifted_period(found: list[DateMention], m: re.Match, pos: int,
                    ref: date | None) -> Value | None:
    """"Six months later" (after "in January 2018": July 2018), "a week earlier", "two years
    later": the period the count reaches from the last date named that lies within one such
    unit; no such date named: no date."""
    unit = m["unit"].lower()
    anchor = _anchor(found, unit, pos, _SHIFT_WINDOW)
    if anchor is None:
        return None
    n = _number(m["num"]) * (-1 if m["el"].lower() == "earlier" else 1)
    day = anchor[0] if n < 0 else anchor[1]
    if unit == "week":
        shifted = day + timedelta(weeks=n)
    elif unit == "month":
        shifted = _shift_months(day, -n)
    else:
        shifted = _shift_years(day, -n)
    return _not_past_ref(Value(*_period_of(shifted, unit), unit), anchor, m, ref)


_MONTH_AHEAD = re.compile(rf"[^.;]*?\b{_MON_NAMES}\b")


def _day_of_month(found: list[DateMention], m: re.Match, pos: int,
                  ref: date | None) -> Value | None:
    """"On 12 March … on the 14th": the day of the month of the last date named (within one
    month). With no date named in the paragraphs before, the reference month's day (a day
    after the reference day: the previous month's, or with a future cue the coming one); a
    date of another period named before gives none."""
    day = int(m["day"])
    if _MONTH_AHEAD.match(m.string, m.end(), m.end() + 30):
        return None  # "from the 5th to the 9th of March": the month comes after
    anchor = _anchor(found, "month", pos)
    if anchor is not None:
        if day < anchor[0].day:
            return None  # "on 30 January … on the 2nd": this month's or the next one's
        month = anchor[0]
    elif ref is None or any(d.start is not None and d.start >= pos - _ANAPHORA_WINDOW["month"]
                            and (d.value_start or d.value_end) for d in found):
        return None
    elif _is_future(m):
        month = ref if day >= ref.day else _shift_months(ref.replace(day=1), -1)
    else:
        month = ref if day <= ref.day else _shift_months(ref.replace(day=1), 1)
    d = _safe_date(month.year, month.month, day)
    if d is None:
        return None
    return _not_past_ref(Value(d, d, "day"), anchor, m, ref) if anchor else Value(d, d, "day")


def _not_past_ref(value: Value, anchor: tuple[date, date], m: re.Match,
                  ref: date | None) -> Value | None:
    """None for a count from a past date that lands after the reference date without a
    future cue ("seven years later" told of an earlier episode than the nearest date)."""
    if ref is not None and value.start is not None and value.start > ref >= anchor[1] \
            and not _is_future(m):
        return None
    return value


_NOT_YEAR = re.compile(r"(?:no\.|number|#|route|highway|flight|room|\$|more than|less than|"
                       r"fewer than|about|around|nearly|almost|over|some|at least|up to|with|"
                       r"approximately|estimated|total of)\s*$")


def _plausible_year(text: str, s: int, e: int) -> bool:
    """Not a count ("more than 2000 raids", "with 1939 casualties") or a number label."""
    before = text[max(0, s - 16):s].lower()
    return not _NOT_YEAR.search(before)


def _named_weekday(text: str, m: re.Match) -> bool:
    """A weekday naming an event or a practice, not a day: "Black Tuesday", "Friday prayers"."""
    if m.groupdict().get("rel"):
        return False
    after = text[m.end():m.end() + 12].lower()
    word = re.match(r"\s+([a-z]+)", after)
    if word and word.group(1) in word_list("date_weekday_practices.txt"):
        return True
    before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 20):m.start()])
    return bool(before and before.group(1)[0].isupper()
                and before.group(1).lower() in word_list("date_day_name_adjectives.txt"))


def _ambiguous_month(m: re.Match) -> bool:
    """"May" and "March" are often not months: keep them only with a date cue."""
    word = m["mon"].lower()
    if word in ("may", "march", "mar", "jan", "jun", "aug", "dec", "oct", "sep", "nov", "feb",
                "apr", "jul") and not m.groupdict().get("rel"):
        before = m.string[max(0, m.start() - 12):m.start()].lower()
        paired = re.search(rf"\b{_MON_NAMES}\s+(?:and|or|to|until|through)\s+$",
                           m.string[max(0, m.start() - 24):m.start()])
        return not (paired or re.search(
            r"\b(?:in|since|during|until|by|early|late|mid|of|from|last)[\s-]*$", before)) \
            or (word == "may" and m["mon"][0].islower())
    return m["mon"][0].islower()


# rules listed before the first full-date rule that are no written dates of their own
_NOT_FULL = frozenset({h_part_of_year, h_end_of, h_half, h_decade, h_decade_ago,
                       h_season_relative, h_months_after, h_long_war})


def explicit_full_dates(text: str) -> list[date]:
    """Dates written with day, month and year."""
    out = []
    for pattern, handler in RULES[:_FIRST_FULL + 1]:
        if handler in _NOT_FULL:
            continue
        for m in pattern.finditer(text):
            v = handler(m, None)
            if v and v.start:
                out.append(v.start)
    return out


def find_dates(doc: Document, res: Any = None) -> None:
    """Stage: fill `doc.dates` (boilerplate is blank in the analysis text, so never read)."""
    doc.dates = normalise(doc.analysis_text, doc.reference_date)
    just = just_mentions(doc)
    if just:
        doc.dates = sorted(doc.dates + just, key=lambda d: d.start or 0)
    event_counts.resolve(doc)
    tense.settle(doc)


# "just as", "just like", "just before", "just 10 km": not the recent-past "just"
_JUST_NOT_BEFORE = frozenset({"as", "like", "before", "after", "when", "because", "over",
                              "under", "about", "around", "a", "an", "the", "one", "to",
                              "outside", "inside", "north", "south", "east", "west"})


def _in_quotation(text: str, pos: int) -> bool:
    """An opening quotation mark before `pos` in its paragraph is not closed yet."""
    para = text[line_start(text, pos):pos]
    return para.rfind("“") > para.rfind("”") or para.count('"') % 2 == 1


_JUST = re.compile(r"\bjust\b", re.I)


def just_mentions(doc: Document) -> list[DateMention]:
    """"The helicopters just dropped leaflets", "the army has just retaken the town": the
    recent-past "just" on a past verb names the reference month, the whole of it (precision
    month, GUIDELINES §2: "just" -> the month); needs the parse."""
    sdoc = doc.spacy_doc
    if sdoc is None or doc.reference_date is None or "just" not in doc.analysis_text.lower():
        return []
    ref = doc.reference_date
    taken = [(d.start, d.end) for d in doc.dates]
    out = []
    words = (sdoc.char_span(m.start(), m.end()) for m in _JUST.finditer(doc.analysis_text))
    for t in (span[0] for span in words if span is not None and len(span) == 1):
        if t.lower_ != "just" or t.dep_ != "advmod" or t.head.tag_ not in ("VBD", "VBN") \
                or not 0 < t.head.i - t.i <= 2 or t.i + 1 >= len(sdoc) \
                or sdoc[t.i + 1].lower_ in _JUST_NOT_BEFORE or sdoc[t.i + 1].like_num:
            continue
        if t.head.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have"
                                            for c in t.head.children):
            continue  # "a just signed deal": a participle adjective, no tense
        start, end = t.idx, t.idx + len(t)
        if any(s <= start < e for s, e in taken if s is not None) \
                or _in_quotation(doc.analysis_text, start):
            continue  # a speaker's "they just picked up and left" is "simply" as often
        first, last = _month_range(ref.year, ref.month)
        out.append(DateMention(text=t.text, start=start, end=end,
                               value_start=first.isoformat(),
                               value_end=last.isoformat(), precision="month"))
    return out


# ------------------------------------------------------------------ event date

_CARRY = frozenset({"day", "week"})
_CARRY_SENTENCES = 4  # how far a date carries into the sentences after its own


def _governs(doc: Document, dm: DateMention, pos: int) -> bool:
    """The date's syntactic head chain reaches the anchor token."""
    return head_chain_reaches(doc.spacy_doc, dm.start, dm.end, pos, hops=5)


_MODIFIER_DEPS = frozenset({"amod", "acl", "compound"})
_CLAUSE_LINKS = frozenset({"advcl", "conj", "xcomp"})
_LINK_POS = frozenset({"ADP", "ADV", "PART", "SCONJ"})
# "after a month of clashes, X announced": the date is the clashes', not X's
_RELATIONAL = frozenset({"after", "before", "following", "prior"})


def _token_at(doc: Document, pos: int) -> Any:
    sdoc = doc.spacy_doc
    span = sdoc.char_span(pos, pos + 1, alignment_mode="expand") if sdoc is not None else None
    return span.root if span is not None and len(span) else None


def _in_scope(doc: Document, dm: DateMention, anchor: Any) -> bool:
    """The date modifies a constituent containing the anchor: the anchor lies in the subtree
    of the word the expression attaches to ("memos dating back to 2012" dates the memos, not
    the rest of the sentence; "a recent deployment" dates the deployment). A date on a noun
    dates that noun, its "of" complements and its own relative clauses, not the other events
    named inside it ("a recent deployment amid the ongoing offensive"). True when there is
    no parse or the two are in different parsed sentences."""
    span = doc.spacy_doc.char_span(dm.start, dm.end, alignment_mode="expand")
    if span is None or not len(span) or \
            sentence_start(span.doc, span.root.i) != sentence_start(span.doc, anchor.i):
        return True
    head, clause = _date_head(span)
    if head is None:  # "Months after X": the date is X's
        return _after_complement(span, anchor)
    if _in_counted_from(span, anchor):
        return False
    if clause is not None and clause.left_edge.i <= anchor.i <= clause.right_edge.i:
        return False  # the progressive clause whose date was moved to its noun phrase
    while head.pos_ in ("VERB", "AUX") and head.dep_ in _CLAUSE_LINKS and head.head != head \
            and not any(c.dep_ == "mark" and c.lower_ in _OTHER_TIME_MARKS
                        for c in head.children):
        head = head.head  # "…, killing 20 during the past few days": the whole clause chain
    if not head.left_edge.i <= anchor.i <= head.right_edge.i:
        return _when_clause_of(anchor, head)
    if head.pos_ in _NOUNS and not _noun_scope(anchor, head):
        return False
    if head.pos_ in ("VERB", "AUX") and _in_relative_clause_below(anchor, head, span):
        return False
    return not _in_purpose_clause(anchor, head, span)


_WHEN = frozenset({"when", "as", "while"})
# subordinators whose clause's date does not date the main clause ("… since X left in May")
_OTHER_TIME_MARKS = frozenset({"since", "after", "before", "until", "till", "once"})


def _in_relative_clause_below(anchor: Any, head: Any, span: Any) -> bool:
    """The anchor sits in a relative clause on one of the verb's arguments ("protests since
    the spring in the towns which the SDF captured"): background with a time of its own,
    unless the date is inside that clause too."""
    tok = anchor
    while tok != head and tok.head != tok:
        if tok.dep_ == "relcl":
            if span.start <= tok.head.i < span.end and tok.left_edge.lower_ in _WHEN:
                return False  # "in 2014 when the group stormed …": a clause on the date
            return not tok.left_edge.i <= span.start <= tok.right_edge.i
        tok = tok.head
    return False


_NOUNS = frozenset({"NOUN", "PROPN"})
# how an event word may sit under a dated noun and share its date: conjoined or compounded
# with it, its "of" complement ("a recent wave of attacks") or an apposition
_NOUN_SCOPE_DEPS = frozenset({"conj", "compound", "appos", "pobj", "amod", "nmod", "nummod"})


def _date_head(span: Any) -> tuple[Any, Any]:
    """The word a date expression attaches to, through the expression and its preposition;
    None for a relational expression ("Months after …"), which dates its complement only.
    Two parser slips are repaired: a bare time noun phrase hung on an object noun ("lost its
    last spot in the town last March") modifies the verb, and a date closing a progressive
    relative clause ("the massacre of soldiers who were guarding the crossing two days ago")
    dates the noun phrase the clause hangs from (returned second: that clause)."""
    head = span.root
    if _RELATIONAL_DATE.search(span.text):
        return None, None
    while head.head != head and (span.start <= head.i < span.end or head.pos_ in _LINK_POS
                                 and head.lower_ not in _RELATIONAL):
        head = head.head  # through the expression and its preposition ("dating back to 2012")
    if span.root.dep_ == "npadvmod" and head.pos_ in _NOUNS:
        up = head.head if head.dep_ in ("dobj", "attr", "oprd") else \
            head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else None
        if up is not None and up.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
            return up, None  # "lost its last spot last March" -> lost; "discovery in a
            # camp last week" -> discovery
    if head.dep_ == "relcl" and head.tag_ == "VBG" and _ends_clause(span, head) and any(
            c.dep_ == "aux" and c.lemma_ == "be" for c in head.children):
        noun = head.head
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in _NOUNS:
            noun = noun.head.head
        return noun, head
    return head, None


def _ends_clause(span: Any, clause: Any) -> bool:
    """Nothing but punctuation follows the span up to the clause's end."""
    return all(t.is_punct or t.is_space for t in span.doc[span.end:clause.right_edge.i + 1])


def _noun_scope(anchor: Any, noun: Any) -> bool:
    """The anchor is the dated noun, or reaches it as a conjunct, compound, "of" complement or
    apposition, or inside a relative clause of the noun itself."""
    path = []
    tok = anchor
    while tok != noun:
        if tok.head == tok:
            return False
        path.append(tok)
        tok = tok.head
    if path and path[-1].dep_ in ("relcl", "acl"):
        return all(t.dep_ == "conj" for t in path[:-1])
    return all(t.dep_ in _NOUN_SCOPE_DEPS or t.dep_ == "prep" and t.lower_ == "of"
               for t in path)


_RELATIONAL_DATE = re.compile(r"\bmonths\s+after$", re.I)


def _after_complement(span: Any, anchor: Any) -> bool:
    """"Months after losing ground and the killing of its leader, …": the anchor lies in the
    complement of the expression's relational word (a fronted one runs to the first comma)."""
    rel = span[-1]
    for child in rel.children:
        if child.i >= span.end and child.left_edge.i <= anchor.i <= child.right_edge.i:
            return True
    if anchor.i < span.end or _last_word_before(span.doc, span.start) >= span.sent.start:
        return False
    comma = next((t.i for t in span.doc[span.end:span.sent.end] if t.text in (",", ";")), None)
    return comma is not None and anchor.i < comma


def _in_counted_from(span: Any, anchor: Any) -> bool:
    """The anchor is the event an expression counts from ("killed a week after the city
    fell"): "the city fell" is not dated by "a week after"."""
    rel = span[-1]
    if rel.lower_ not in ("after", "before"):
        return False
    return any(c.i >= span.end and c.left_edge.i <= anchor.i <= c.right_edge.i
               for c in rel.children)


def _when_clause_of(anchor: Any, head: Any) -> bool:
    """"the 2015 intervention when air power cut the supply lines": a "when" clause right
    after the dated phrase tells of the same time, wherever the parser hung it."""
    clause = first_conjunct(anchor)
    first = clause.left_edge
    if first.lower_ != "when" or clause.pos_ not in ("VERB", "AUX"):
        return False
    return _last_word_before(first.doc, first.i) == _last_word_before(first.doc,
                                                                        head.right_edge.i + 1)


def _last_word_before(doc: Any, i: int) -> int:
    """The index of the last token before `i` that is neither punctuation nor space."""
    i -= 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    return i


def _series_partner(anchor: Any) -> Any:
    """"assets it had harbored, protected, armed and funded throughout the war" parsed as two
    clauses: the last conjunct of the rest of the series, which carries the shared date."""
    if anchor.dep_ not in ("relcl", "acl") or anchor.tag_ not in ("VBN", "VBD"):
        return None
    doc = anchor.doc
    comma = anchor.right_edge.i if doc[anchor.right_edge.i].text == "," \
        else anchor.right_edge.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    nxt = doc[comma + 1]
    if nxt.tag_ != "VBN" or not any(t.dep_ == "cc" for t in nxt.subtree):
        return None
    last = nxt
    while any(c.dep_ == "conj" for c in last.children):
        last = [c for c in last.children if c.dep_ == "conj"][-1]
    return last if last is not nxt else None


def _coordinated_partner(anchor: Any) -> Any:
    """The participle the anchor is really coordinated with when the parser hung it on a
    farther word ("the zone negotiated last year and agreed by both" with "agreed" joined to
    the main verb): the nearest preceding verb whose phrase ends right before the "and"."""
    series = _series_partner(anchor)
    if series is not None:
        return series
    if anchor.dep_ != "conj" or anchor.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children) \
            or anchor.head.pos_ == "VERB":
        return None  # joined to a full verb ("has vowed … and warned"): the parse holds
    doc = anchor.doc
    i = anchor.i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i < 1 or doc[i].lower_ not in ("and", "or"):
        return None
    i -= 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    tok = doc[i]
    while tok.head != tok and tok.i != anchor.head.i:
        if tok.tag_ == "VBN" and tok.right_edge.i == i and tok.i > anchor.head.i:
            return tok
        tok = tok.head
    return None


def _in_purpose_clause(anchor: Any, head: Any, span: Any) -> bool:
    """The anchor sits in an infinitive below the date's word ("deployed troops this week to
    block the border"): an aim, not something that happened at that date."""
    tok = anchor
    while tok != head and tok.head != tok:
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to"
                                               for c in tok.children):
            return not tok.left_edge.i <= span.start < tok.right_edge.i + 1
        tok = tok.head
    return False


def _describes_participant(anchor: Any) -> bool:
    """An anchor that characterises a participant ("Turkish-backed militants", "the
    Turkish-occupied area", "fighters, backed by jets") states a standing relation, which
    takes no date of the clause around it."""
    return anchor.dep_ in _MODIFIER_DEPS and anchor.tag_ in ("VBN", "JJ") and \
        anchor.head.pos_ in ("NOUN", "PROPN")


def date_for(doc: Document, sent_start: int, sent_end: int, anchor: Any,
             scoped: bool = True) -> DateMention | None:
    """The date expression governing an event: in the sentence (attached to or nearest the
    anchor, among those whose scope contains it), else a day/week date carried from earlier
    in the same paragraph; else None. `scoped=False` skips the syntactic scope checks (an
    anchor that is no event word, e.g. a whole headline)."""
    pos = anchor_offset(anchor)
    tok = _token_at(doc, pos) if scoped else None
    inside = [d for d in doc.dates if d.start is not None and sent_start <= d.start
              and d.end <= sent_end]
    inside = [d for d in inside if not _first_since(doc, sent_start, d)]
    if tok is not None:
        partner = _coordinated_partner(tok)
        inside = [d for d in inside if _in_scope(doc, d, tok)
                  or partner is not None and _in_scope(doc, d, partner)]
        if _describes_participant(tok):
            inside = [d for d in inside if tok.left_edge.idx <= d.start
                      and d.end <= tok.right_edge.idx + len(tok.right_edge)]
            return min(inside, key=lambda d: abs(d.start - pos)) if inside else None
        cleft = _not_until_date(doc, sent_start, sent_end, tok)
        if cleft is not None:
            return cleft
        if not inside:
            since = _since_date(doc, sent_start, sent_end, tok)
            if since is not None:
                return since
    if inside:  # an expression with a value before one without ("On Monday, a day after …")
        return min(inside, key=lambda d: (0 if _governs(doc, d, pos) else 1,
                                          0 if d.value_start or d.value_end else 1,
                                          abs(d.start - pos)))
    if any(d.start is not None and sent_start <= d.start and d.end <= sent_end
           for d in doc.dates):
        return None  # the sentence's own dates do not reach this event
    para = line_start(doc.text, sent_start)
    before = [d for d in doc.dates if d.start is not None and para <= d.start < sent_start
              and d.precision in _CARRY]
    if not before:
        return None
    last = max(before, key=lambda d: d.start)
    if not _dates_a_statement(doc, last):
        # an open "since Wednesday" tells how long something lasts, not when the next
        # sentences happened; and a run of text without paragraph breaks ends an episode
        # after a few sentences
        if last.value_end is None or \
                _sentences_between(doc, last.end or 0, sent_start) > _CARRY_SENTENCES:
            return None
        return last
    if tok is not None and _told_as_past(tok) and last.value_end \
            and _sentences_between(doc, last.end or 0, sent_start) <= _REPORT_SENTENCES \
            and not _other_statement(doc, last, pos):
        # what the dated statement goes on to report had happened by then (GUIDELINES §9)
        return DateMention(text=None, start=None, end=None, value_start=None,
                           value_end=last.value_end, precision="unknown")
    return None


_FIRST = re.compile(r"\b(?:first|only)\b", re.I)


def _first_since(doc: Document, sent_start: int, dm: DateMention) -> bool:
    """"the first convoy to reach the camp since the spring": the span counts how long there
    was none; the event itself is not dated by it."""
    return bool(dm.text and dm.text.lower().startswith("since")
                and _FIRST.search(doc.text, sent_start, dm.start or sent_start))


def _dated_spans(doc: Document, sent_start: int, sent_end: int) -> Iterator[tuple[DateMention,
                                                                                 Any]]:
    """The sentence's dates with a start value, each with its parser span."""
    sdoc = doc.spacy_doc
    for dm in doc.dates:
        if dm.start is None or not (sent_start <= dm.start and dm.end <= sent_end) \
                or not dm.value_start:
            continue
        span = sdoc.char_span(dm.start, dm.end, alignment_mode="expand")
        if span is not None and len(span):
            yield dm, span


def _since_date(doc: Document, sent_start: int, sent_end: int, tok: Any) -> DateMention | None:
    """"the blows the group has received since losing the town last March": a date inside a
    "since" phrase starts what the phrase's verb tells, open-ended — for that verb's clause
    and for the noun it is a relative clause on when the noun is its object."""
    for dm, span in _dated_spans(doc, sent_start, sent_end):
        since = span.root
        for _ in range(6):
            mark = next((c for c in since.children if c.lower_ == "since" and c.dep_ == "mark"),
                        None)
            if mark is not None:
                since = mark  # "since the rebels took the hill in May"
            if since.head == since or since.lower_ == "since":
                break
            since = since.head
        if since.lower_ != "since" or since.dep_ not in ("prep", "mark"):
            continue
        phrase = since.head if since.dep_ == "mark" else since  # "since the rebels took …"
        if since.dep_ == "prep" and not any(c.dep_ == "pcomp" for c in since.children):
            continue  # "since the end of April": a time phrase, the normaliser's business
        if phrase.left_edge.i <= tok.i <= phrase.right_edge.i or phrase.head == phrase:
            continue
        if _FIRST.search(doc.text, sent_start, since.idx):
            continue  # "the first convoy since the rebels left in May"
        verb = phrase.head
        gap = verb.dep_ == "relcl" and verb.head.i == tok.i and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
        if gap or verb.left_edge.i <= tok.i <= verb.right_edge.i and verb.pos_ == "VERB":
            start = since.idx
            return DateMention(text=doc.text[start:dm.end], start=start, end=dm.end,
                               value_start=dm.value_start, value_end=None,
                               precision=dm.precision)
    return None


_NEGATORS = frozenset({"not", "n't", "n’t", "never"})


def _not_until_date(doc: Document, sent_start: int, sent_end: int,
                    tok: Any) -> DateMention | None:
    """"It wasn't until 2015 (when …) that the group began losing ground": the cleft's "that"
    clause starts at the date and stays open (start bound only, the date's precision); what
    the "until" phrase itself tells keeps the date's whole range."""
    for dm, span in _dated_spans(doc, sent_start, sent_end):
        if dm.end > tok.idx:
            continue
        until = span.root
        for _ in range(4):
            if until.lower_ in ("until", "till") or until.head == until:
                break
            until = until.head
        cleft = until.head
        if until.lower_ not in ("until", "till") or until.dep_ != "prep" \
                or cleft.lemma_ != "be" or not any(c.lower_ in _NEGATORS for c in cleft.children):
            continue
        that = next((t for t in span.doc[span.end:tok.i] if t.lower_ == "that" and t.dep_ == "mark"),
                    None)
        if that is None or not cleft.left_edge.i <= tok.i <= cleft.right_edge.i:
            continue
        return DateMention(text=dm.text, start=dm.start, end=dm.end,
                           value_start=dm.value_start, value_end=None, precision=dm.precision)
    return None


_DEICTIC_PRECISIONS = frozenset({"day", "week"})
_NAMED_TIME = re.compile(r"\d|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) +
                         r")\b", re.IGNORECASE)


def as_of_quoted_piece(dm: DateMention, attribution: Any) -> DateMention:
    """A day or week told relative to now ("this week", "yesterday", "on Tuesday") inside a
    quoted block of a published piece (a media source, block scope) counts from that piece's
    own date, which only precedes ours: the event gets the end bound alone (GUIDELINES §9,
    "this week" of an undated quoted article). Other dates are returned unchanged."""
    if attribution is None or attribution.source_kind != "media" or attribution.scope != "block" \
            or dm.precision not in _DEICTIC_PRECISIONS or not dm.text or not dm.value_end \
            or _NAMED_TIME.search(dm.text):
        return dm
    return DateMention(text=dm.text, start=dm.start, end=dm.end, value_start=None,
                       value_end=dm.value_end, precision="unknown")


# how many sentences after a dated statement still tell what it reported
_REPORT_SENTENCES = 2


def _sentences_between(doc: Document, start: int, end: int) -> int:
    """Sentences beginning in (start, end]: 1 for the sentence right after `start`'s."""
    sdoc = doc.spacy_doc
    if sdoc is None:
        return 0
    starts = sentence_starts(sdoc)
    return bisect.bisect_right(starts, end) - bisect.bisect_right(starts, start)


_NEGATIVE_SUBJECTS = frozenset({"nobody", "nothing", "none", "neither", "noone"})


def _told_as_past(anchor: Any) -> bool:
    """The anchor's clause is told in the past tense ("repelled the attack", "came in
    response to an attack"), with no future or modal auxiliary."""
    verb = anchor
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in aux) or any(
            c.dep_ == "neg" or c.lower_ in _NEGATIVE_SUBJECTS for c in verb.children):
        return False  # not told as having happened
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux)


def _other_statement(doc: Document, dm: DateMention, pos: int) -> bool:
    """The anchor is a reporting cue itself, or told by another statement than the one `dm`
    dates ("…, the minister said" a sentence later)."""
    dated = _dated_statement(doc, dm)
    for a in doc.attributions:
        if a is dated or a.cue_start is None:
            continue
        if a.cue_start <= pos < (a.cue_end or 0) or (a.content_start or 0) <= pos < (
                a.content_end or 0):
            return True
    return False


def _dates_a_statement(doc: Document, dm: DateMention) -> bool:
    """The date attaches to a reporting cue ("On February 9, the SDF announced …"): it dates
    the statement, not the episode the next sentences go on to tell."""
    return _dated_statement(doc, dm) is not None


def _dated_statement(doc: Document, dm: DateMention) -> Any:
    """The attribution whose cue the date attaches to, or None."""
    sdoc = doc.spacy_doc
    span = sdoc.char_span(dm.start, dm.end, alignment_mode="expand") if sdoc is not None \
        else None
    if span is None or not len(span):
        return None
    head = span.root
    while head.head != head and (span.start <= head.i < span.end or head.pos_ in _LINK_POS):
        head = head.head
    return next((a for a in doc.attributions if a.cue_start is not None
                 and a.cue_start <= head.idx < (a.cue_end or 0)), None)
