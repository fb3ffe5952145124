"""Shared helpers for the geo and time tests: the pre-parse stages plus the geo/time stages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimbase.pipeline import PRE_PARSE, Pipeline
from claimbase.record import Document

GEO_STAGES = [
    ("reference_date", "claimbase.timex.reference:set_reference_date"),
    ("places", "claimbase.geo.geoparse:find_places"),
    ("dates", "claimbase.timex.dates:find_dates"),
]


def geo_pipeline(resources: Any) -> Callable[[Path | str], Document]:
    """A function running clean + metadata + parse + reference date + places + dates on a
    file path or a text (results cached per input)."""
    pipe = Pipeline(resources, pre=PRE_PARSE, post=GEO_STAGES)
    cache: dict[str, Document] = {}

    def run(source: Path | str) -> Document:
        key = str(source)
        if key not in cache:
            if isinstance(source, Path):
                doc = Document(text=source.read_text(encoding="utf-8"), ref=source.name)
            else:
                doc = Document(text=source, ref="<text>")
            cache[key] = pipe.process(doc)
        return cache[key]

    return run
