"""Event scores: `claimbase eval events --gold DIR` and `claimbase eval plover FILE`.

Events are matched within a document by sentence overlap and event type (strict; a lenient
match also accepts the gold `alt_event_types`), greedily one-to-one by trigger overlap, then
by trigger distance. On the strict matches we score the actor id, recipient id, location
(same gazetteer id or within 25 km), date (start and end equal), quantities (same kinds and
numbers), source kind, modality and author stance; the attribution source spans of the
events are scored by overlap.

PLOVER 0.5b1 labels of the PLOVER gold-standard records are mapped to the current types:
DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, FIGHT -> ASSAULT, INVESTIGATE -> ACCUSE (PLOVER
folded investigations into ACCUSE); the other labels are unchanged.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

PLOVER_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
              "INVESTIGATE": "ACCUSE"}
FIELDS = ("actor", "recipient", "location", "date", "quantities", "source_kind", "modality",
          "stance", "acled")
NEAR_KM = 25.0


# -- pipeline -------------------------------------------------------------------------------
def _available(stages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for name, path in stages:
        module = path.partition(":")[0]
        try:
            if importlib.util.find_spec(module) is not None:
                out.append((name, path))
        except ModuleNotFoundError:
            continue
    return out


SKIPPED: set[str] = set()


def _guarded(name: str, stage: Any) -> Any:
    """A stage that is skipped (once reported) while a claimbase module it needs is missing."""

    def run(doc: Any, res: Any) -> None:
        try:
            stage(doc, res)
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("claimbase."):
                raise
            if name not in SKIPPED:
                SKIPPED.add(name)
                typer.echo(f"claimbase: stage {name} skipped: {exc.name} is missing", err=True)

    return run


def build_pipeline() -> Any:
    """The default pipeline; stages of modules not written yet are skipped."""
    from claimbase.pipeline import POST_PARSE, PRE_PARSE, Pipeline, Resources

    res = Resources()
    if importlib.util.find_spec("claimbase.nlp.model") is None:
        import spacy

        res.__dict__["nlp"] = spacy.load(res.settings.spacy_model)
    pipe = Pipeline(res, pre=_available(PRE_PARSE) or [("clean", "claimbase.record:Document")],
                    post=_available(POST_PARSE))
    pipe.pre = [(n, _guarded(n, s)) for n, s in pipe.pre if n in dict(_available(PRE_PARSE))]
    pipe.post = [(n, _guarded(n, s)) for n, s in pipe.post]
    return pipe


def run_documents(docs: list[Any], pipeline: Any = None) -> list[Any]:
    pipe = pipeline or build_pipeline()
    return list(pipe.run(docs))


# -- matching -------------------------------------------------------------------------------
@dataclass
class Match:
    gold: dict[str, Any]
    pred: dict[str, Any]


@dataclass
class DocResult:
    ref: str
    gold: list[dict[str, Any]]
    pred: list[dict[str, Any]]
    strict: list[Match] = field(default_factory=list)
    lenient: list[Match] = field(default_factory=list)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _types(gold: dict[str, Any], lenient: bool) -> set[str]:
    types = {gold["event_type"]}
    if lenient:
        types.update(gold.get("alt_event_types") or [])
    return types


def match_events(gold: list[dict[str, Any]], pred: list[dict[str, Any]],
                 lenient: bool = False) -> list[Match]:
    """Greedy one-to-one matching by sentence overlap + type, best trigger overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        gs, gt = g["sentence"], g["trigger"]
        types = _types(g, lenient)
        for pi, p in enumerate(pred):
            ps, pt = p["sentence"], p["trigger"]
            if p["event_type"] not in types:
                continue
            if _overlap(gs["start"], gs["end"], ps["start"], ps["end"]) <= 0:
                continue
            ov = _overlap(gt["start"], gt["end"], pt["start"], pt["end"])
            dist = abs(gt["start"] - pt["start"])
            exact = p["event_type"] == g["event_type"]
            pairs.append((-ov, not exact, dist, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _ov, _exact, _dist, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append(Match(gold[gi], pred[pi]))
    return out


# -- field scores ---------------------------------------------------------------------------
def _id(role: dict[str, Any] | None) -> str | None:
    return role.get("id") if role else None


def _km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * \
        math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def location_ok(gold: dict[str, Any] | None, pred: dict[str, Any] | None) -> bool:
    """Same gazetteer entry, within NEAR_KM, or (when the gold has no gazetteer id and one side
    has no coordinates) the same place expression."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold.get("gazetteer_id") and gold.get("gazetteer_id") == pred.get("gazetteer_id"):
        return True
    km = _km(gold, pred)
    if km is not None:
        return km <= NEAR_KM
    if gold.get("gazetteer_id") is None:  # gold names the place without resolving it
        return _overlap(gold.get("start") or 0, gold.get("end") or 0,
                        pred.get("start") or 0, pred.get("end") or 0) > 0
    return False


def _date(rec: dict[str, Any]) -> tuple[Any, Any]:
    d = rec.get("date") or {}
    return d.get("start"), d.get("end")


def _quantities(rec: dict[str, Any]) -> list[tuple[Any, ...]]:
    return sorted((q["kind"], q.get("low"), q.get("best"), q.get("high"))
                  for q in rec.get("quantities") or [])


def field_ok(name: str, g: dict[str, Any], p: dict[str, Any]) -> bool:
    """Is one field of a matched pair right?"""
    if name == "actor":
        return _id(g.get("actor")) == _id(p.get("actor"))
    if name == "recipient":
        return _id(g.get("recipient")) == _id(p.get("recipient"))
    if name == "location":
        return location_ok(g.get("location"), p.get("location"))
    if name == "date":
        return _date(g) == _date(p)
    if name == "quantities":
        return _quantities(g) == _quantities(p)
    if name == "source_kind":
        return g["attribution"]["source_kind"] == p["attribution"]["source_kind"]
    if name == "modality":
        return g.get("modality") == p.get("modality")
    if name == "stance":
        return g.get("author_stance") == p.get("author_stance")
    if name == "acled":
        return (g.get("acled_event_type"), g.get("acled_sub_event_type")) == \
            (p.get("acled_event_type"), p.get("acled_sub_event_type"))
    raise ValueError(f"unknown field {name!r}")


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _source_spans(records: Iterable[dict[str, Any]]) -> set[tuple[int, int]]:
    out = set()
    for r in records:
        a = r.get("attribution") or {}
        if a.get("source_start") is not None and a.get("source_end") is not None:
            out.add((a["source_start"], a["source_end"]))
    return out


def _span_tp(gold: set[tuple[int, int]], pred: set[tuple[int, int]]) -> int:
    used: set[tuple[int, int]] = set()
    tp = 0
    for g in sorted(gold):
        hit = next((p for p in sorted(pred) if p not in used and _overlap(*g, *p) > 0), None)
        if hit is not None:
            used.add(hit)
            tp += 1
    return tp


def score(results: list[DocResult]) -> dict[str, Any]:
    """Aggregate scores over documents."""
    n_gold = sum(len(r.gold) for r in results)
    n_pred = sum(len(r.pred) for r in results)
    strict = [m for r in results for m in r.strict]
    lenient_tp = sum(len(r.lenient) for r in results)
    out: dict[str, Any] = {
        "documents": len(results), "gold_events": n_gold, "predicted_events": n_pred,
        "matched": len(strict),
        "events": _prf(len(strict), n_pred, n_gold),
        "events_lenient": _prf(lenient_tp, n_pred, n_gold),
        "fields": {},
    }
    for name in FIELDS:
        right = sum(field_ok(name, m.gold, m.pred) for m in strict)
        out["fields"][name] = round(right / len(strict), 4) if strict else 0.0
    tp = g_n = p_n = 0
    for r in results:
        gs, ps = _source_spans(r.gold), _source_spans(r.pred)
        tp += _span_tp(gs, ps)
        g_n += len(gs)
        p_n += len(ps)
    out["attribution_source_span"] = _prf(tp, p_n, g_n)
    by_type: dict[str, dict[str, int]] = {}
    for r in results:
        for g in r.gold:
            by_type.setdefault(g["event_type"], {"gold": 0, "pred": 0, "tp": 0})["gold"] += 1
        for p in r.pred:
            by_type.setdefault(p["event_type"], {"gold": 0, "pred": 0, "tp": 0})["pred"] += 1
        for m in r.strict:
            by_type[m.gold["event_type"]]["tp"] += 1
    out["by_type"] = {t: {**c, **_prf(c["tp"], c["pred"], c["gold"])}
                      for t, c in sorted(by_type.items())}
    return out


# -- gold loading ---------------------------------------------------------------------------
def shared_dir() -> Path:
    root = Path(__file__).resolve().parents[2]
    return Path(os.environ.get("CLAIMBASE_SHARED", root.parent / "shared")).resolve()


def load_gold(gold_dir: Path, docs_dir: Path | None = None,
              reference_dates: bool = False) -> list[tuple[Any, list[dict]]]:
    """(Document, gold records) for each `<stem>.events.jsonl` in gold_dir. With
    `reference_dates`, each document gets the gold's `doc.reference_date` as the date its
    relative expressions resolve against when it has no publication date of its own (what a
    user passes as --reference-date for an undated article)."""
    from claimbase.record import Document

    if not gold_dir.is_dir():
        raise ValueError(f"{gold_dir}: not a directory of <stem>.events.jsonl gold files")
    files = sorted(gold_dir.glob("*.events.jsonl"))
    if not files:
        raise ValueError(f"{gold_dir}: no <stem>.events.jsonl gold files")
    candidates = [docs_dir] if docs_dir else [gold_dir.parent.parent / "seeds",
                                               shared_dir() / "seeds", gold_dir]
    out = []
    for f in files:
        stem = f.name[: -len(".events.jsonl")]
        path = next((d / f"{stem}.txt" for d in candidates if d and (d / f"{stem}.txt").exists()),
                    None)
        if path is None:
            raise ValueError(f"{f}: no article {stem}.txt in {', '.join(map(str, candidates))}")
        gold = []
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    gold.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{f}:{n}: not JSON: {exc.msg}") from None
        text = path.read_text(encoding="utf-8")
        doc = Document(text=text, ref=path.name)
        if reference_dates:
            doc.reference_date = _gold_reference_date(gold)
        out.append((doc, gold))
    return out


def _gold_reference_date(gold: list[dict[str, Any]]) -> Any:
    from claimbase.timex.reference import parse_date

    return next((parse_date(g["doc"]["reference_date"]) for g in gold
                 if (g.get("doc") or {}).get("reference_date")), None)


def evaluate_events(gold_dir: Path, docs_dir: Path | None = None, pipeline: Any = None,
                    reference_dates: bool = False) -> tuple[dict[str, Any], list[DocResult]]:
    """Run the pipeline on the gold articles and score the events (`reference_dates`: see
    `load_gold`)."""
    from claimbase.record import event_records

    pairs = load_gold(gold_dir, docs_dir, reference_dates)
    docs = run_documents([d for d, _ in pairs], pipeline)
    results = []
    for doc, (_d, gold) in zip(docs, pairs, strict=True):
        pred = event_records(doc)
        res = DocResult(doc.ref, gold, pred)
        res.strict = match_events(gold, pred)
        res.lenient = match_events(gold, pred, lenient=True)
        results.append(res)
    return score(results), results


# -- PLOVER GSR -----------------------------------------------------------------------------
def evaluate_plover(path: Path, pipeline: Any = None, limit: int | None = None) -> dict[str, Any]:
    """Event-type agreement on the PLOVER gold-standard sentences, and actor/recipient
    agreement with their gold source/target spans (`_score_plover_roles`)."""
    from claimbase.record import Document

    if not path.is_file():
        raise ValueError(f"{path}: no such PLOVER gold file")
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON: {exc.msg}") from None
    if limit:
        rows = rows[:limit]
    docs = [Document(text=r["text"], ref=r.get("id") or str(i)) for i, r in enumerate(rows)]
    done = run_documents(docs, pipeline)
    hit = first_ok = with_pred = 0
    per_type: dict[str, dict[str, int]] = {}
    roles = {"actor": [0, 0], "recipient": [0, 0]}  # [hits, sentences with a gold role]
    for row, doc in zip(rows, done, strict=True):
        gold = PLOVER_MAP.get(row["event"], row["event"])
        events = sorted(doc.events, key=lambda e: e.trigger_start)
        _score_plover_roles(row, doc, [e for e in events if e.event_type == gold], roles)
        types = [e.event_type for e in events]
        c = per_type.setdefault(gold, {"n": 0, "hit": 0})
        c["n"] += 1
        if gold in types:
            hit += 1
            c["hit"] += 1
        if types:
            with_pred += 1
            first_ok += types[0] == gold
    n = len(rows)
    return {
        "sentences": n,
        "gold_type_among_predicted": round(hit / n, 4) if n else 0.0,
        "first_type_precision": round(first_ok / with_pred, 4) if with_pred else 0.0,
        "sentences_with_events": with_pred,
        "by_type": {t: {**c, "share": round(c["hit"] / c["n"], 4)}
                    for t, c in sorted(per_type.items())},
        "actor_agreement": round(roles["actor"][0] / roles["actor"][1], 4)
        if roles["actor"][1] else 0.0,
        "recipient_agreement": round(roles["recipient"][0] / roles["recipient"][1], 4)
        if roles["recipient"][1] else 0.0,
        "role_sentences": {k: v[1] for k, v in roles.items()},
        "mapping": PLOVER_MAP,
    }


_PLOVER_ROLE = {"actor": "SRC", "recipient": "TAR"}


def _score_plover_roles(row: dict[str, Any], doc: Any, events: list[Any],
                        roles: dict[str, list[int]]) -> None:
    """Role agreement on one PLOVER sentence, counted where a predicted event has the gold
    type: of the events of that type, the one agreeing best; a role agrees when its span
    overlaps a gold source (SRC) / target (TAR) span, or when it carries the id of an actor
    mention overlapping one (a pronoun resolved to the gold actor)."""
    if not events:
        return
    gold_spans = {name: [(s["start"], s["end"]) for s in row.get("spans") or []
                         if tag in s["role"].split("/") and s.get("start") is not None]
                  for name, tag in _PLOVER_ROLE.items()}

    def agrees(m: Any, spans: list[tuple[int, int]]) -> bool:
        if m is None:
            return False
        if any(_overlap(m.start, m.end, a, b) > 0 for a, b in spans):
            return True
        return m.id is not None and any(
            a.id == m.id and _overlap(a.start, a.end, s, e) > 0
            for a in doc.actors for s, e in spans)

    best = max(events, key=lambda e: sum(agrees(getattr(e, n), gold_spans[n]) for n in roles))
    for name, spans in gold_spans.items():
        if spans:
            roles[name][1] += 1
            roles[name][0] += agrees(getattr(best, name), spans)


# -- CLI ------------------------------------------------------------------------------------
def _print_events(scores: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"events: {scores['documents']} documents, "
                        f"{scores['gold_events']} gold, {scores['predicted_events']} predicted")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key in ("events", "events_lenient", "attribution_source_span"):
        s = scores[key]
        table.add_row(f"{key} P/R/F1",
                      f"{s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f}")
    for name, value in scores["fields"].items():
        table.add_row(f"{name} accuracy (matched)", f"{value:.3f}")
    Console().print(table)
    types = Table(title="by PLOVER type")
    for col in ("type", "gold", "pred", "tp", "P", "R", "F1"):
        types.add_column(col, justify="right" if col != "type" else "left")
    for t, c in scores["by_type"].items():
        types.add_row(t, str(c["gold"]), str(c["pred"]), str(c["tp"]), f"{c['precision']:.2f}",
                      f"{c['recall']:.2f}", f"{c['f1']:.2f}")
    Console().print(types)


def _die(message: str) -> None:
    typer.echo(f"claimbase: {message}", err=True)
    raise typer.Exit(1)


def register(eval_app: typer.Typer) -> None:
    """Add `eval events` and `eval plover` to the eval command group."""

    @eval_app.command("events")
    def events_cmd(
        gold: Path = typer.Option(..., "--gold", help="Folder of <stem>.events.jsonl files."),
        docs: Path = typer.Option(None, "--docs", help="Folder of <stem>.txt articles."),
        as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
        misses: bool = typer.Option(False, "--misses", help="List unmatched gold/predicted."),
        gold_reference_dates: bool = typer.Option(
            False, "--gold-reference-dates",
            help="Resolve relative dates in articles without a publication date against the "
                 "gold records' doc.reference_date (as --reference-date would)."),
    ) -> None:
        """Score event extraction against gold event records."""
        try:
            scores, results = evaluate_events(gold, docs, reference_dates=gold_reference_dates)
        except ValueError as exc:
            _die(str(exc))
        if as_json:
            typer.echo(json.dumps(scores, indent=2))
        else:
            _print_events(scores)
        if misses:
            _print_misses(results)

    @eval_app.command("plover")
    def plover_cmd(
        file: Path = typer.Argument(..., help="plover_gsr.jsonl"),
        as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    ) -> None:
        """Event-type agreement on the PLOVER gold-standard sentences."""
        try:
            scores = evaluate_plover(file)
        except ValueError as exc:
            _die(str(exc))
        if as_json:
            typer.echo(json.dumps(scores, indent=2))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"PLOVER GSR: {scores['sentences']} sentences")
        table.add_column("type")
        table.add_column("n", justify="right")
        table.add_column("gold type predicted", justify="right")
        for t, c in scores["by_type"].items():
            table.add_row(t, str(c["n"]), f"{c['share']:.2f}")
        table.add_row("all", str(scores["sentences"]),
                      f"{scores['gold_type_among_predicted']:.3f}")
        Console().print(table)
        typer.echo(f"first predicted type precision: {scores['first_type_precision']:.3f} "
                   f"({scores['sentences_with_events']} sentences with events)")
        typer.echo(f"actor agreement: {scores['actor_agreement']:.3f}, recipient agreement: "
                   f"{scores['recipient_agreement']:.3f} (sentences with a gold source/target "
                   f"and an event of the gold type: {scores['role_sentences']['actor']}/"
                   f"{scores['role_sentences']['recipient']})")


def _print_misses(results: list[DocResult]) -> None:
    for r in results:
        matched_g = {id(m.gold) for m in r.strict}
        matched_p = {id(m.pred) for m in r.strict}
        for g in r.gold:
            if id(g) not in matched_g:
                typer.echo(f"MISS {r.ref} {g['event_type']:9} {g['trigger']['text']!r} | "
                           f"{g['sentence']['text'][:110]!r}")
        for p in r.pred:
            if id(p) not in matched_p:
                typer.echo(f"FP   {r.ref} {p['event_type']:9} {p['trigger']['text']!r} | "
                           f"{p['sentence']['text'][:110]!r}")
