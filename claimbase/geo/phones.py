"""Area codes of North American phone numbers as a local story's state.

A local news story that gives a phone number ("call 304-399-6500") usually gives a local one:
its area code names the state or province (`data/place_area_codes.tsv`, generated from the
geocoding data of the phonenumbers package). Toll-free and non-geographic codes name none.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache

from claimbase.config import DATA_DIR
from claimbase.first_chars import with_first_chars

# "(304) 399-6500", "304-399-6500", "304.399.6500": area code, exchange, line
_PHONE = re.compile(r"(?<![\w-])\(?([2-9]\d{2})\)?[-.\s]?[2-9]\d{2}[-.]\d{4}(?![\w-])")


@lru_cache(maxsize=1)
def _area_codes() -> dict[str, tuple[str, str]]:
    """Area code -> (ISO2 country, admin-1 name)."""
    with (DATA_DIR / "place_area_codes.tsv").open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")),
                              delimiter="\t")
        return {r["code"]: (r["country"], r["admin1"]) for r in rows}


def area_votes(text: str, weight: float = 1.0) -> tuple[Counter, Counter]:
    """(country votes, admin-1 votes) of the distinct area codes of the text's phone
    numbers, `weight` each."""
    countries: Counter = Counter()
    admins: Counter = Counter()
    if "-" not in text and "." not in text:
        return countries, admins
    codes = _area_codes()
    for code in {m.group(1) for m in with_first_chars(_PHONE).finditer(text)}:
        if code in codes:
            country, admin1 = codes[code]
            countries[country] += weight
            admins[admin1] += weight
    return countries, admins


# "in Huntington at 304-399-6500", "Thomas Memorial Hospital, (304) 766-3413": the number
# right after a name (a few linking words between), before any other capitalised word
_LINK_TO_PHONE = re.compile(r"(?:,|\s)*(?:(?:at|on|by|call|calling|phone|tel\.?|:)[\s,:]*)*"
                            r"(?=\(?[2-9]\d{2}\)?[-.\s]?[2-9]\d{2}[-.]\d{4}(?![\w-]))")


def phone_state_after(text: str, end: int) -> tuple[str, str] | None:
    """(ISO2 country, admin-1 name) of the area code of a phone number written right after
    position `end` ("... in Huntington at 304-399-6500"), or None."""
    link = _LINK_TO_PHONE.match(text, end, min(len(text), end + 24))
    if link is None:
        return None
    phone = _PHONE.match(text, link.end())
    return _area_codes().get(phone.group(1)) if phone else None
