"""Geoparsing and dating scorers: `claimbase eval places` and `claimbase eval ucdp`.

- places: LGL / TR-News style JSONL (`text`, `toponyms` with start/end/lat/lon; the record's
  `url` or `domain`, `title` and `outlet` become the document's metadata, as ingest gives
  them for a real article, so the outlet's home counts as it would there; the outlet memory
  starts empty and learns from the file's stories in their order, as in a stream). Recognition
  precision/recall/F1 on exact spans, and accuracy@161 km over every gold toponym that has
  coordinates, counting unrecognised or unresolved toponyms as wrong; also mean error (km)
  and AUC of the log error curve over the toponyms we did resolve. Gold demonyms
  ("Russian"), which claimbase never outputs as places, count wrong there;
  `accuracy_161km_place_names` scores the other gold toponyms alone.
- ucdp: UCDP GED headlines (`text`, `published`, `gold`): share of headlines whose chosen
  event place lies within 50 km of the gold point, and share whose date equals the gold
  date range. The event place is the headline's place (`claimbase.geo.event_place.headline_place`); a province is
  placed at its seat when its centre lies far from it (`seat_point`) and moved toward a
  named compass part ("the northern countryside of Hama", `toward_part`). The date
  (`headline_date`): each source headline of a merged record is dated by its own date
  expression, resolved against its own article's date (`source_date`), or else by that
  date; a toll over a span ending on the report day dates the report day; the record takes
  the earliest single day its sources give. In `date_exact` a headline with no date
  expression is dated by its `published` day; `date_exact_expressions` scores only the
  headlines that carry their own date expression. As `published` is GED's own date_start,
  `date_exact_source_dated` also scores all headlines with the undated ones dated by their
  sources' own dates instead (no gold information used).
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Iterator
from copy import copy
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import typer

from claimbase.geo.event_place import headline_place
from claimbase.geo.gazetteer import haversine_km
from claimbase.geo.regions import _states
from claimbase.geo.speakers import demonym_words
from claimbase.record import DocMeta, Document
from claimbase.text import decode_entities


def load_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file; a clear error naming the file and line when one is bad."""
    if not path.exists():
        raise typer.BadParameter(f"{path}: no such file")
    with path.open(encoding="utf-8") as fh:
        n = 0
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise typer.BadParameter(f"{path}:{lineno}: not JSON ({exc.msg})") from None
            if not isinstance(rec, dict) or "text" not in rec:
                raise typer.BadParameter(f"{path}:{lineno}: a record needs a 'text' field")
            yield rec
            n += 1
            if limit is not None and n >= limit:
                return


def _resources() -> Any:
    from claimbase.pipeline import Resources

    return Resources()


def spacy_model(res: Any) -> Any:
    """The pipeline's spaCy model; a plain spaCy load when the NLP module is not there."""
    try:
        return res.nlp
    except ModuleNotFoundError:
        import spacy

        nlp = spacy.load(res.settings.spacy_model)
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
        ruler.add_patterns(res.gazetteer.ruler_patterns())
        return nlp


def _parse(nlp: Any, docs: list[Document]) -> None:
    for doc, sdoc in zip(docs, nlp.pipe([d.analysis_text for d in docs], batch_size=32),
                         strict=True):
        doc.spacy_doc = sdoc


def score_places(path: Path, limit: int | None = None, res: Any = None) -> dict[str, Any]:
    """Recognition P/R/F1 and accuracy@161 km on a toponym-annotated JSONL file."""
    from claimbase.geo.geoparse import find_places
    from claimbase.geo.outlet_memory import forget

    res = res or _resources()
    forget(res)  # the outlet memory learns from this file's stories in order, from nothing
    nlp = spacy_model(res)
    records = list(load_jsonl(path, limit))
    docs = [Document(text=r["text"], ref=str(r.get("id", i)), meta=record_meta(r))
            for i, r in enumerate(records)]
    t0 = time.perf_counter()
    _parse(nlp, docs)
    tp = fp = fn = 0
    gold_geo = correct = 0
    demonyms = demonyms_correct = 0
    errors: list[float] = []
    demonym = demonym_words()
    for rec, doc in zip(records, docs, strict=True):
        _find_actors(doc, res)
        find_places(doc, res)
        pred = {(p.start, p.end): p for p in doc.places}
        gold = {(t["start"], t["end"]): t for t in rec.get("toponyms", [])}
        tp += len(pred.keys() & gold.keys())
        fp += len(pred.keys() - gold.keys())
        fn += len(gold.keys() - pred.keys())
        for span, t in gold.items():
            if t.get("lat") is None:
                continue
            gold_geo += 1
            is_demonym = _is_demonym(rec["text"][span[0]:span[1]], demonym)
            demonyms += is_demonym
            p = pred.get(span) or _overlapping(pred, span)
            if p is None or p.lat is None:
                continue
            d = haversine_km(p.lat, p.lon, float(t["lat"]), float(t["lon"]))
            errors.append(d)
            correct += d <= 161
            demonyms_correct += is_demonym and d <= 161
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec_ = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0
    return {
        "file": str(path), "documents": len(docs), "gold_toponyms": tp + fn,
        "precision": round(prec, 4), "recall": round(rec_, 4), "f1": round(f1, 4),
        "gold_with_coordinates": gold_geo, "resolved": len(errors),
        "accuracy_161km": round(correct / gold_geo, 4) if gold_geo else 0.0,
        "accuracy_161km_resolved": round(correct / len(errors), 4) if errors else 0.0,
        "gold_demonyms": demonyms,
        "accuracy_161km_place_names": round((correct - demonyms_correct) / names, 4)
        if (names := gold_geo - demonyms) else 0.0,
        "mean_error_km": round(sum(errors) / len(errors), 1) if errors else None,
        "auc": round(_auc(errors), 4) if errors else None,
        "seconds": round(time.perf_counter() - t0, 1),
    }


def _is_demonym(text: str, demonym: frozenset[str]) -> bool:
    """Whether a gold toponym is a people's name ("Russian", "Syrians"), which claimbase
    never outputs as a place; a country's own name or abbreviation used as an adjective
    ("New Zealand national", "U.S. officials") is a place name."""
    word = text.strip()
    if "." in word or word.isupper() or word.lower() in _states()[1]:
        return False
    return word in demonym or word.rstrip("s") in demonym


def record_meta(rec: dict[str, Any]) -> DocMeta:
    """The metadata a benchmark record carries, as ingest would give it for the article: its
    url (else its bare `domain`), title and outlet."""
    url = rec.get("url") or (f"http://{rec['domain']}/" if rec.get("domain") else None)
    return DocMeta(url=url or None, title=rec.get("title") or None,
                   outlet=rec.get("outlet") or None)


def _overlapping(pred: dict, span: tuple[int, int]) -> Any:
    """A predicted place overlapping the gold span (for geocoding credit only)."""
    for (s, e), p in pred.items():
        if s < span[1] and span[0] < e:
            return p
    return None


def _auc(errors: list[float]) -> float:
    """Area under the curve of log(1 + error km), normalised to the Earth's half span
    (0 = perfect, 1 = worst), as in Gritta et al."""
    top = math.log(20039 + 1)
    return sum(math.log(1 + e) for e in errors) / (len(errors) * top)


# ------------------------------------------------------------------ UCDP


def score_ucdp(path: Path, limit: int | None = None, res: Any = None) -> dict[str, Any]:
    """Place within 50 km and date exactness on UCDP GED headlines."""
    from claimbase.geo.geoparse import find_places, place_for
    from claimbase.timex.dates import date_for, find_dates
    from claimbase.timex.reference import set_reference_date

    res = res or _resources()
    nlp = spacy_model(res)
    records = list(load_jsonl(path, limit))
    docs = [Document(text=decode_entities(r["text"]), ref=str(r.get("id", i)),
                     meta=DocMeta(published=_article_date(r)))
            for i, r in enumerate(records)]
    t0 = time.perf_counter()
    _parse(nlp, docs)
    n = placed = within = dated = exact = with_expr = exact_expr = exact_source = 0
    within_plain = exact_plain = 0
    for rec, doc in zip(records, docs, strict=True):
        set_reference_date(doc, res)
        _find_actors(doc, res)
        find_places(doc, res)
        find_dates(doc, res)
        gold = rec.get("gold") or {}
        n += 1
        extracted = headline_place(doc, place_for)
        place = toward_part(doc, seat_point(extracted, res.gazetteer))
        if place is not None and place.lat is not None:
            placed += 1
            within += _within_50km(place, gold)
            within_plain += _within_50km(extracted, gold)
        start, end, expressed = headline_date(doc, rec, date_for)
        own = start == gold.get("date_start") and end == gold.get("date_end")
        if not expressed:  # a headline with no date expression reports the day it is dated
            start = end = rec.get("published")
        if start is not None:
            dated += 1
        exact += start == gold.get("date_start") and end == gold.get("date_end")
        exact_source += own  # `published` is GED's own date_start: the sources' dates too
        if expressed:
            with_expr += 1
            exact_expr += own
        plain = headline_date(doc, rec, date_for, incident_days=False)[:2] if expressed \
            else (start, end)
        exact_plain += plain == (gold.get("date_start"), gold.get("date_end"))
    return {
        "file": str(path), "headlines": n, "placed": placed,
        "place_within_50km": round(within / n, 4) if n else 0.0,
        "dated": dated, "date_exact": round(exact / n, 4) if n else 0.0,
        "with_date_expression": with_expr,
        "date_exact_expressions": round(exact_expr / with_expr, 4) if with_expr else None,
        "date_exact_source_dated": round(exact_source / n, 4) if n else 0.0,
        # The same without the GED conventions (seat/part points, a span's report day):
        # the place and date as the pipeline's own records give them.
        "place_within_50km_as_extracted": round(within_plain / n, 4) if n else 0.0,
        "date_exact_as_extracted": round(exact_plain / n, 4) if n else 0.0,
        "seconds": round(time.perf_counter() - t0, 1),
    }


def _article_date(rec: dict[str, Any]) -> str | None:
    """The date relative expressions refer to: the (first) source article's date when the
    record has one, else `published`."""
    first = str(rec.get("source_date") or "").split(";")[0].strip()
    return first or rec.get("published")


def _segments(rec: dict[str, Any]) -> list[tuple[int, str]]:
    """(start offset, source date) of each source headline in a merged record: GED joins the
    headlines and the dates of an event's source articles with ";" in the same order. Empty
    when the two lists do not line up."""
    text = rec["text"]
    dates = [d.strip() for d in str(rec.get("source_date") or "").split(";")]
    if len(dates) < 2:
        return []
    bare = [m.end() for m in re.finditer(r"&#?\w+;|;", text) if m.group() == ";"]
    tight = [e for e in bare if e == len(text) or not text[e].isspace()]
    for ends in (tight, bare):
        if len(ends) + 1 == len(dates):
            return list(zip([0, *ends], dates, strict=True))
    return []


def _within_50km(place: Any, gold: dict[str, Any]) -> bool:
    return place is not None and place.lat is not None and gold.get("latitude") is not None \
        and haversine_km(place.lat, place.lon, float(gold["latitude"]),
                         float(gold["longitude"])) <= 50


def headline_date(doc: Document, rec: dict[str, Any], date_for: Any,
                  incident_days: bool = True) -> tuple[str | None, str | None, bool]:
    """(start, end, has an expression): the date of the event a (merged) GED headline
    reports. Each source headline is dated by its own date expression, resolved against its
    own article's date, or else by that date (a report with no date tells the day it is
    published); a toll counted over a span ending on the report day ("killed in 7 days of
    fighting", "during the past 48 hours") dates its latest incident, the report day, as GED
    codes one incident per day. Several sources report one event: the earliest single day
    among them (later reports are follow-ups), else the earliest span."""
    segments = _segments(rec) or [(0, _article_date(rec))]
    ends = [s for s, _ in segments[1:]] + [len(doc.text)]
    values: list[tuple[str, str]] = []
    expressed = False
    plausible = _plausible_sources([source for _, source in segments])
    for (start, source), end in zip(segments, ends, strict=True):
        if source not in plausible:
            continue
        dm = _segment_date(doc, start, end, source, date_for)
        # an expression left without a value ("two days after the raid", its event unknown)
        # tells no date
        expressed = expressed or dm is not None and bool(dm.value_start or dm.value_end)
        if dm is not None and dm.value_start and dm.value_end:
            values.append(_incident_span(dm, source) if incident_days
                          else (dm.value_start, dm.value_end))
        elif source:
            values.append((source, source))
    if not values:
        return None, None, expressed
    days = [v for v in values if v[0] == v[1]]
    first, last = min(days or values)
    return first, last, expressed


def _plausible_sources(sources: list[str]) -> set[str]:
    """The source dates within a year of the record's median one (a date typed a year or a
    century off, "1753-07-29", is no evidence); all of them when none parses."""
    days = sorted(d for d in (_iso(s) for s in sources) if d is not None)
    if not days:
        return set(sources)
    middle = days[len(days) // 2]
    return {s for s in sources if (d := _iso(s)) is not None and abs((d - middle).days) <= 366}


def _iso(text: str | None) -> date | None:
    try:
        return date.fromisoformat(str(text or "").strip())
    except ValueError:
        return None


def _incident_span(dm: Any, source: str | None) -> tuple[str, str]:
    """A span told as a duration ending on the report day ("in 7 days of fighting") is the
    toll's period: its incident is that day's. Calendar months and years stay whole."""
    start, end = dm.value_start, dm.value_end
    if not source or end != source or start >= end or _calendar_period(start, end) \
            or (dm.precision in ("month", "year") and start.endswith("-01")):
        return start, end  # also a calendar period cut at the report day ("in 2017")
    return end, end


def _calendar_period(start: str, end: str) -> bool:
    """Whole months or years ("in 2016", "March 2017", "January - August 2018")."""
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return first.day == 1 and (last + timedelta(days=1)).day == 1


# A fronted phrase telling the earlier event a headline follows up ("After X…", "Following
# X,"): up to the first comma, ellipsis, dash or colon.
_PRIOR_EVENT = re.compile(r"\s*(?:after|following|in the wake of)\b[^,;:…–—]*?(?:,|…|\.\.\.|–|—|:)",
                          re.I)


def _segment_date(doc: Document, start: int, end: int, source: str | None,
                  date_for: Any) -> Any:
    """The date expression of one source headline (offsets start-end) resolved against that
    source's date; None when the headline has none."""
    lead = _PRIOR_EVENT.match(doc.text, start, end)
    if lead:  # "After yesterday's massacre, jets kill 5": that date is the earlier event's
        start = lead.end()
    own = [d for d in doc.dates if d.start is not None and start <= d.start and d.end <= end
           and not _earlier_reference(doc.text, start, d)]
    if not own:
        return None
    if len(own) < sum(1 for d in doc.dates if d.start is not None and start <= d.start
                      and d.end <= end):
        doc = copy(doc)
        doc.dates = own
    dm = date_for(doc, start, end, start, scoped=False)
    if dm is None or dm.start is None or not source or source == str(doc.meta.published):
        return dm
    from claimbase.timex.dates import normalise
    from claimbase.timex.reference import parse_date

    day = parse_date(source)
    if day is None:
        return dm
    again = [d for d in normalise(doc.analysis_text, day) if d.start == dm.start]
    return again[0] if again else dm


# "killed since the 20th of February", "lost a few days ago", "after kidnapping him a week
# ago": in its clause, a date after "since" starts a count and an "ago" after "after" /
# "following" / a past "lost"/"kidnapped"… tells an earlier event; neither dates the report.
_SINCE_BEFORE = re.compile(r"\bsince\b[^;:,…]*$", re.I)
_EARLIER_AGO = re.compile(r"\b(?:after|following|since|lost|kidnapp?ed|kidnapp?ing|arrested"
                          r"|abducted|captured)\b[^;:,…]*$", re.I)
_SAME_DAY = re.compile(r"\b(?:yesterday|today|morning|dawn|night|hours)\b", re.I)


def _earlier_reference(text: str, start: int, dm: Any) -> bool:
    """The date tells when a count began or an earlier episode happened, not the event a
    headline reports."""
    before = text[max(start, dm.start - 80):dm.start]
    if _SINCE_BEFORE.search(before):
        return not _SAME_DAY.search(dm.text)  # "since the dawn of yesterday" is the toll's day
    return dm.text.lower().endswith("ago") and bool(_EARLIER_AGO.search(before))


def _find_actors(doc: Document, res: Any) -> None:
    """The actors stage, as the pipeline runs it before places (the geoparser reads the
    actors' countries as the document's focus and never takes a place inside an actor)."""
    from claimbase.nlp.actors import find_actors

    find_actors(doc, res)


# How far an admin-1 area's centre may lie from its seat before the seat stands for it.
_SEAT_KM = 30.0


def seat_point(place: Any, gazetteer: Any) -> Any:
    """The point an event "in Homs province" or "in the countryside of Homs" is best placed
    at: the area's centre, unless that lies far from the area's seat (the same-named city),
    as in a province stretching into the desert; its people, and so its events, cluster
    round the seat, which then stands for it. Other places are returned as they are."""
    if place is None or place.feature != "admin1" or place.lat is None or gazetteer is None:
        return place
    seats = [c for c in gazetteer.candidates(place.text) if c.feature in _SEAT_FEATURES
             and c.lat is not None and c.country == place.country
             and haversine_km(c.lat, c.lon, place.lat, place.lon) <= 150]
    if not seats:
        return place
    seat = max(seats, key=lambda c: c.population)
    if haversine_km(seat.lat, seat.lon, place.lat, place.lon) <= _SEAT_KM:
        return place
    return replace(place, lat=seat.lat, lon=seat.lon)


_SEAT_FEATURES = frozenset({"city", "capital", "town"})

# "the northern countryside of Hama", "east of Deir Ezzor", "Idlib's southern countryside":
# a part of a province lies off its point in that direction, by about this much.
_PART_KM = 20.0
_COMPASS = {"north": (1.0, 0.0), "south": (-1.0, 0.0), "east": (0.0, 1.0), "west": (0.0, -1.0)}
_DIR = r"(?P<d1>north|south|east|west)(?:[- ]?(?P<d2>east|west))?(?:ern)?"
_PART_NOUN = (r"(?:countryside|parts?|outskirts|suburbs|desert|sector|side|areas?|villages?|"
              r"towns?|fronts?|neighbou?rhoods?)")
_PART_BEFORE = re.compile(rf"\b{_DIR}\s+(?:{_PART_NOUN}\s+)?(?:of\s+|in\s+)?(?:the\s+)?"
                          r"(?:(?:city|province|governorate)\s+of\s+)?$", re.I)
_PART_AFTER = re.compile(rf"(?:['’]s)?\s+(?:city\s+)?{_DIR}\s+{_PART_NOUN}\b", re.I)


def toward_part(doc: Document, place: Any) -> Any:
    """A province named with a compass part ("the northern countryside of Hama", "south of
    Idlib", "Hama's eastern countryside") placed _PART_KM off its point that way; any other
    place as it is."""
    if place is None or place.lat is None or place.feature != "admin1":
        return place
    m = _PART_BEFORE.search(doc.text, max(0, place.start - 60), place.start) or \
        _PART_AFTER.match(doc.text, place.end)
    if not m:
        return place
    north, east = _COMPASS[m["d1"].lower()]
    if m["d2"]:
        east += _COMPASS[m["d2"].lower()][1]
    norm = math.hypot(north, east)
    lat = place.lat + north / norm * _PART_KM / 111.0
    lon = place.lon + east / norm * _PART_KM / (111.0 * math.cos(math.radians(place.lat)))
    return replace(place, lat=lat, lon=lon)


def _focused(focus: str | None) -> Any:
    """Resources whose geoparser favours a country (`--focus SYR`), or None for defaults."""
    if not focus:
        return None
    res = _resources()
    res.settings.place_focus = focus  # read by claimbase.geo.geoparse.find_places
    return res


def _print(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(result))
        return
    for key, value in result.items():
        typer.echo(f"{key:28} {value}")


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("places")
    def places_cmd(
        file: Path = typer.Argument(..., help="LGL / TR-News style JSONL with toponyms"),
        limit: int = typer.Option(None, "--limit", help="only the first N documents"),
        as_json: bool = typer.Option(False, "--json", help="print one JSON object"),
        focus: str = typer.Option(None, "--focus", help="country focus hint (ISO3/ISO2)"),
    ) -> None:
        """Geoparsing: recognition P/R/F1 and accuracy within 161 km."""
        _print(score_places(file, limit, res=_focused(focus)), as_json)

    @eval_app.command("ucdp")
    def ucdp_cmd(
        file: Path = typer.Argument(..., help="UCDP GED headlines JSONL"),
        limit: int = typer.Option(None, "--limit", help="only the first N headlines"),
        as_json: bool = typer.Option(False, "--json", help="print one JSON object"),
        focus: str = typer.Option(None, "--focus", help="country focus hint (ISO3/ISO2)"),
    ) -> None:
        """Event place within 50 km and date exactness on UCDP GED headlines."""
        _print(score_ucdp(file, limit, res=_focused(focus)), as_json)
