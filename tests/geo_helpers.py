"""Shared helpers for the geo and time tests: the pre-parse stages plus the geo/time stages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimbase.geo.gazetteer import haversine_km
from claimbase.geo.geoparse import Mention
from claimbase.pipeline import PRE_PARSE, Pipeline
from claimbase.record import Document, Place

GEO_STAGES = [
    ("reference_date", "claimbase.timex.reference:set_reference_date"),
    ("places", "claimbase.geo.geoparse:find_places"),
    ("dates", "claimbase.timex.dates:find_dates"),
]

# the actors stage too: the actors' countries vote in place resolution
ACTOR_PLACE_STAGES = [
    ("reference_date", "claimbase.timex.reference:set_reference_date"),
    ("actors", "claimbase.nlp.actors:find_actors"),
    ("places", "claimbase.geo.geoparse:find_places"),
]


def places_by_text(resources: Any) -> Callable[[str], dict[str, Place]]:
    """A function giving a text's places (after the actors stage) by their surface text."""
    pipe = Pipeline(resources, pre=PRE_PARSE, post=ACTOR_PLACE_STAGES)
    return lambda text: {p.text: p for p in pipe.process(Document(text=text, ref="t")).places}


def mentions(*names: str) -> list[Mention]:
    """Bare mentions of `names`, laid out one after another as in a list."""
    out, pos = [], 0
    for name in names:
        out.append(Mention(start=pos, end=pos + len(name), text=name))
        pos += len(name) + 2
    return out


def event_by_trigger(doc: Document, events: list[Any], word: str) -> Any:
    """The first event whose trigger starts with `word`."""
    found = [e for e in events if doc.text[e.trigger_start:e.trigger_end].startswith(word)]
    assert found, (word, [doc.text[e.trigger_start:e.trigger_end] for e in events])
    return found[0]


def typed_event(doc: Document, events: list[Any], event_type: str, word: str) -> Any:
    """The first event of the type whose trigger contains `word`."""
    found = [e for e in events if e.event_type == event_type
             and word in doc.text[e.trigger_start:e.trigger_end]]
    assert found, [(e.event_type, doc.text[e.trigger_start:e.trigger_end]) for e in events]
    return found[0]


def mention_id(mention: Any) -> str | None:
    """The actor id of a mention, or None when there is no mention."""
    return mention.id if mention is not None else None


def where(event: Any) -> str | None:
    """The text of the event's location, if it has one."""
    return event.location.text if event.location is not None else None


def near(place: Any, lat: float, lon: float, km: float = 30.0) -> bool:
    """The place (or candidate) has a point within `km` of (lat, lon)."""
    return place.lat is not None and haversine_km(place.lat, place.lon, lat, lon) <= km


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
