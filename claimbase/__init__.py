"""claimbase: sourced event data from conflict and geopolitical news."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "extract"]


def extract(text: str, output: str = "events", **metadata: Any) -> list[dict[str, Any]]:
    """Extract records (events, attributions or places) from one article's text.

    Metadata keywords (title, outlet, author, published, url, ref) override what the header
    parser finds. Returns RECORD.md dicts.
    """
    from claimbase.pipeline import extract_text

    return extract_text(text, output=output, **metadata)
