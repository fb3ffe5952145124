"""The reference date every relative expression is resolved against.

`doc.meta.published` when it parses; else a reference date the caller set on the document
itself (one undated article among others, e.g. an evaluation's per-article date); else the run's
`settings.reference_date` (the user's `--reference-date`); else the latest explicit full date in
the text that is not in the future; else None (relative dates then stay unresolved).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dateutil import parser as dateparser

from claimbase.record import Document


def parse_date(value: Any) -> date | None:
    """A `date` from an ISO string, a free-form date string, a date or a datetime."""
    if value is None:
        return None
    if isinstance(value, date):
        return value if type(value) is date else value.date()
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return dateparser.parse(text, fuzzy=False, default=None).date()
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None


def latest_explicit_date(doc: Document, today: date | None = None) -> date | None:
    """The latest full date (day, month, year) written in the text, not after today."""
    from claimbase.timex.dates import explicit_full_dates

    today = today or date.today()
    found = [d for d in explicit_full_dates(doc.analysis_text) if d <= today]
    return max(found) if found else None


def set_reference_date(doc: Document, res: Any = None) -> None:
    """Stage: fill `doc.reference_date`."""
    given = getattr(getattr(res, "settings", None), "reference_date", None)
    doc.reference_date = (parse_date(doc.meta.published) or doc.reference_date
                          or parse_date(given) or latest_explicit_date(doc))
