"""Holidays as dates: fixed ones (Christmas Day), moving ones computed for any year (Easter by
the Gregorian computus, Orthodox Easter by the Julian one, US Thanksgiving), Islamic ones by the
tabular (arithmetical) Islamic calendar, and Nowruz.

The names, rules and lengths are data (claimbase/data/holidays.tsv). The tabular Islamic
calendar (30-year cycle with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29, civil
epoch 16 July 622 Julian) is the documented arithmetical approximation of the observed one:
observance, which follows the sighting of the new moon and differs between countries, falls on
the tabular day or a day before or after it (checked against the observed Saudi dates of Eid
al-Fitr, Eid al-Adha and the start of Ramadan 2000-2025). So an Islamic holiday gives a range
from the day before to the day after its tabular day(s) with precision "week", never a single
day; Nowruz (the day of the March equinox, 20 or 21 March by where it is kept and the
equinox's hour) gives 20-21 March. Easter, Thanksgiving and the fixed holidays are exact days.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from claimbase.config import DATA_DIR

# the tabular day differs from the observed one by up to a day either way
HIJRI_MARGIN = timedelta(days=1)
_HIJRI_EPOCH = 1948439.5  # Julian day of 1 Muharram AH 1 (civil epoch), midnight
_ORDINAL_JD = 1721424.5  # Julian day of the midnight before date.fromordinal(1)


@dataclass(frozen=True)
class Holiday:
    rule: str
    arg: str
    days: int  # 0: the whole month (Ramadan)


@cache
def holidays() -> dict[str, Holiday]:
    """The holiday names of claimbase/data/holidays.tsv (lower case) -> their rule."""
    out = {}
    for line in (DATA_DIR / "holidays.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, rule, arg, days = line.split("\t")
        out[name] = Holiday(rule, arg, 0 if days == "month" else int(days))
    return out


def name_pattern() -> str:
    """A regex alternation of every holiday name, longest first ("-" and spaces alike)."""
    names = sorted(holidays(), key=len, reverse=True)
    return "|".join(re.sub(r"(?:\\ |\\-)", r"[\\s-]+", re.escape(n)) for n in names)


def key(name: str) -> str:
    """The table key of a matched name ("Eid-al-Adha" -> "eid al-adha")."""
    folded = re.sub(r"[\s-]+", " ", name.lower())
    for n in holidays():
        if re.sub(r"[\s-]+", " ", n) == folded:
            return n
    return folded


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: the Julian computus, moved to the Gregorian calendar (13 days
    from 1900 to 2099)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=13)


def thanksgiving(year: int) -> date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def hijri_to_date(year: int, month: int, day: int) -> date:
    """The Gregorian date of a day of the tabular Islamic calendar."""
    jd = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 \
        + _HIJRI_EPOCH - 1
    return date.fromordinal(int(jd - _ORDINAL_JD))


def _hijri_years(year: int) -> range:
    """Islamic years that may have a day in the Gregorian `year` (and the one before/after)."""
    approx = int((year - 622) * 33 / 32)
    return range(approx - 1, approx + 3)


def occurrences(holiday: Holiday, years: range) -> list[tuple[date, date]]:
    """(first day, last day) of each occurrence of the holiday around the Gregorian `years`,
    exact (tabular for the Islamic ones, 20 March for Nowruz), in order."""
    out = []
    length = timedelta(days=max(holiday.days, 1) - 1)
    if holiday.rule == "eid":  # either Eid, in order
        return sorted(occurrences(holidays()["eid al-fitr"], years) +
                      occurrences(holidays()["eid al-adha"], years))
    if holiday.rule == "hijri":
        month, day = (int(x) for x in holiday.arg.split("-"))
        for hy in range(_hijri_years(years.start)[0], _hijri_years(years.stop - 1)[-1] + 1):
            first = hijri_to_date(hy, month, day)
            if holiday.days == 0:  # the whole month: to the day before the next one
                nxt = hijri_to_date(hy + month // 12, month % 12 + 1, 1)
                out.append((first, nxt - timedelta(days=1)))
            else:
                out.append((first, first + length))
        return out
    for y in years:
        if holiday.rule == "fixed":
            month, day = (int(x) for x in holiday.arg.split("-"))
            first = date(y, month, min(day, calendar.monthrange(y, month)[1]))
        elif holiday.rule in ("easter", "orthodox_easter"):
            base = easter(y) if holiday.rule == "easter" else orthodox_easter(y)
            first = base + timedelta(days=int(holiday.arg))
        elif holiday.rule == "thanksgiving":
            first = thanksgiving(y)
        else:  # nowruz
            first = date(y, 3, 20)
        out.append((first, first + length))
    return out


def uncertainty(holiday: Holiday) -> timedelta:
    """How far the observed days may lie from the computed ones (either way)."""
    return HIJRI_MARGIN if holiday.rule in ("hijri", "eid") else timedelta(0)


def late_days(holiday: Holiday) -> timedelta:
    """Days the observance may run past the computed last day on its own (Nowruz: the 21st)."""
    return timedelta(days=1) if holiday.rule == "nowruz" else timedelta(0)


_COMMON_FIRST = frozenset({"new", "good", "palm", "boxing"})


def needs() -> tuple[str, ...]:
    """Lower-case words one of which a text must contain to name a holiday (a prefilter)."""
    words = set()
    for name in holidays():
        first = re.split(r"[\s-]", name)[0]
        words.add(" ".join(name.split()[:2]) if first in _COMMON_FIRST else first)
    return tuple(sorted(words))
