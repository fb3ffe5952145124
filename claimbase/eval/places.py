"""Geoparsing and dating scorers: `claimbase eval places` and `claimbase eval ucdp`.

- places: LGL / TR-News style JSONL (`text`, `toponyms` with start/end/lat/lon). Recognition
  precision/recall/F1 on exact spans, and accuracy@161 km over every gold toponym that has
  coordinates, counting unrecognised or unresolved toponyms as wrong; also mean error (km)
  and AUC of the log error curve over the toponyms we did resolve.
- ucdp: UCDP GED headlines (`text`, `published`, `gold`): share of headlines whose chosen
  event place lies within 50 km of the gold point, and share whose date equals the gold
  date range. Relative expressions ("yesterday") are resolved against the source article's
  date (`source_date`; in a record merging several sources, the date of the source whose
  headline holds the expression), a headline with no date expression is dated by its
  `published` day
  (how a report dates the event it reports); `date_exact_expressions` scores only the
  headlines that carry their own date expression. As `published` is GED's own date_start,
  `date_exact_source_dated` also scores all headlines with the undated ones dated by their
  source article's date instead (no gold information used).
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from claimbase.geo.gazetteer import haversine_km
from claimbase.record import DocMeta, Document


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

    res = res or _resources()
    nlp = spacy_model(res)
    records = list(load_jsonl(path, limit))
    docs = [Document(text=r["text"], ref=str(r.get("id", i))) for i, r in enumerate(records)]
    t0 = time.perf_counter()
    _parse(nlp, docs)
    tp = fp = fn = 0
    gold_geo = correct = 0
    errors: list[float] = []
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
            p = pred.get(span) or _overlapping(pred, span)
            if p is None or p.lat is None:
                continue
            d = haversine_km(p.lat, p.lon, float(t["lat"]), float(t["lon"]))
            errors.append(d)
            correct += d <= 161
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec_ = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0
    return {
        "file": str(path), "documents": len(docs), "gold_toponyms": tp + fn,
        "precision": round(prec, 4), "recall": round(rec_, 4), "f1": round(f1, 4),
        "gold_with_coordinates": gold_geo, "resolved": len(errors),
        "accuracy_161km": round(correct / gold_geo, 4) if gold_geo else 0.0,
        "accuracy_161km_resolved": round(correct / len(errors), 4) if errors else 0.0,
        "mean_error_km": round(sum(errors) / len(errors), 1) if errors else None,
        "auc": round(_auc(errors), 4) if errors else None,
        "seconds": round(time.perf_counter() - t0, 1),
    }


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
    docs = [Document(text=r["text"], ref=str(r.get("id", i)),
                     meta=DocMeta(published=_article_date(r)))
            for i, r in enumerate(records)]
    t0 = time.perf_counter()
    _parse(nlp, docs)
    n = placed = within = dated = exact = with_expr = exact_expr = exact_source = 0
    for rec, doc in zip(records, docs, strict=True):
        set_reference_date(doc, res)
        _find_actors(doc, res)
        find_places(doc, res)
        find_dates(doc, res)
        gold = rec.get("gold") or {}
        n += 1
        place = _headline_place(doc, place_for)
        if place is not None and place.lat is not None:
            placed += 1
            if gold.get("latitude") is not None and haversine_km(
                    place.lat, place.lon, float(gold["latitude"]),
                    float(gold["longitude"])) <= 50:
                within += 1
        dm = _segment_dated(doc, rec, date_for(doc, 0, len(doc.text), 0, scoped=False))
        start = dm.value_start if dm and dm.value_start else None
        end = dm.value_end if dm and dm.value_end else None
        if dm is None:  # a headline with no date expression reports the day it is dated
            start = end = rec.get("published")
        if start is not None:
            dated += 1
        hit = start == gold.get("date_start") and end == gold.get("date_end")
        exact += hit
        if dm is None:  # `published` is GED's date_start: also score the source's own date
            source = _article_date(rec)
            hit = source == gold.get("date_start") and source == gold.get("date_end")
        exact_source += hit
        if dm is not None:
            with_expr += 1
            exact_expr += hit
    return {
        "file": str(path), "headlines": n, "placed": placed,
        "place_within_50km": round(within / n, 4) if n else 0.0,
        "dated": dated, "date_exact": round(exact / n, 4) if n else 0.0,
        "with_date_expression": with_expr,
        "date_exact_expressions": round(exact_expr / with_expr, 4) if with_expr else None,
        "date_exact_source_dated": round(exact_source / n, 4) if n else 0.0,
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


def _segment_dated(doc: Document, rec: dict[str, Any], dm: Any) -> Any:
    """The chosen date expression resolved against the date of the source article whose
    headline contains it (a merged record's first source date is another article's)."""
    if dm is None or dm.start is None:
        return dm
    ref = next((d for s, d in reversed(_segments(rec)) if s <= dm.start), None)
    if not ref or ref == str(doc.meta.published):
        return dm
    from claimbase.timex.dates import normalise
    from claimbase.timex.reference import parse_date

    day = parse_date(ref)
    if day is None:
        return dm
    again = [d for d in normalise(doc.analysis_text, day) if d.start == dm.start]
    return again[0] if again else dm


def _find_actors(doc: Document, res: Any) -> None:
    """The actors stage, as the pipeline runs it before places (the geoparser reads the
    actors' countries as the document's focus and never takes a place inside an actor)."""
    from claimbase.nlp.actors import find_actors

    find_actors(doc, res)


_NOT_EVENT_PLACE = frozenset({"country", "continent", "river", "water"})


def _headline_place(doc: Document, place_for: Any) -> Any:
    """The headline's event place: among the resolved places below country level that are
    not part of an actor's name ("Fath al-Sham Front") nor a river, the one most of the
    others lie near (a headline listing "Aleppo ... Khan Tuman" is about that area), towns
    and sites before wider areas, earlier first; else any resolved place."""
    from claimbase.geo.geoparse import usable_places

    resolved = [p for p in usable_places(doc) if p.lat is not None]
    local = [p for p in resolved if p.feature not in _NOT_EVENT_PLACE]
    if local:
        def rank(i: int) -> tuple:
            p = local[i]
            near = sum(1 for q in local if q is not p
                       and haversine_km(p.lat, p.lon, q.lat, q.lon) <= 60)
            return (-near, p.precision not in (1, 2), i)
        return local[min(range(len(local)), key=rank)]
    return resolved[0] if resolved else place_for(doc, 0, len(doc.text), 0)


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
