"""Attribution scorers: `claimbase eval attribution --gold DIR` and `claimbase eval polnear FILE`.

Spans are compared per role (source, cue, content) with one-to-one matching: a predicted
span matches an unused gold span of the same document that it overlaps (`overlap`) or
equals (`exact`). Source kind (and modality, stance) accuracy is measured over attribution
records matched by overlapping content and cue.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimbase.record import DocMeta, Document, attribution_records

Span = tuple[int, int]


@dataclass
class SpanScore:
    """Counts for one role: predicted, gold, overlap matches, exact matches."""

    pred: int = 0
    gold: int = 0
    overlap: int = 0
    exact: int = 0

    def add(self, gold: list[Span], pred: list[Span]) -> None:
        self.pred += len(pred)
        self.gold += len(gold)
        self.overlap += _match(gold, pred, exact=False)
        self.exact += _match(gold, pred, exact=True)

    def prf(self, exact: bool = False) -> dict[str, float]:
        tp = self.exact if exact else self.overlap
        p = tp / self.pred if self.pred else 0.0
        r = tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _match(gold: list[Span], pred: list[Span], exact: bool) -> int:
    """Greedy one-to-one matching, largest overlaps first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if exact:
                if g == p:
                    pairs.append((g[1] - g[0], i, j))
            else:
                ov = min(g[1], p[1]) - max(g[0], p[0])
                if ov > 0:
                    pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    n = 0
    for _ov, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        n += 1
    return n


@dataclass
class CharScore:
    """Character-level P/R/F1 of a role (how much of the gold extents is covered)."""

    pred: int = 0
    gold: int = 0
    both: int = 0

    def add(self, gold: list[Span], pred: list[Span]) -> None:
        g = _chars(gold)
        p = _chars(pred)
        self.gold += len(g)
        self.pred += len(p)
        self.both += len(g & p)

    def prf(self) -> dict[str, float]:
        p = self.both / self.pred if self.pred else 0.0
        r = self.both / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _chars(spans: list[Span]) -> set[int]:
    out: set[int] = set()
    for a, b in spans:
        out.update(range(a, b))
    return out


@dataclass
class Report:
    """Scores over a set of documents."""

    source: SpanScore = field(default_factory=SpanScore)
    cue: SpanScore = field(default_factory=SpanScore)
    content: SpanScore = field(default_factory=SpanScore)
    content_chars: CharScore = field(default_factory=CharScore)
    matched: int = 0
    kind_ok: int = 0
    modality_ok: int = 0
    stance_ok: int = 0
    docs: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        def acc(n: int) -> float:
            return round(n / self.matched, 4) if self.matched else 0.0

        return {
            "docs": self.docs,
            "source": {**self.source.prf(), "exact": self.source.prf(True),
                       "pred": self.source.pred, "gold": self.source.gold},
            "cue": {**self.cue.prf(), "exact": self.cue.prf(True),
                    "pred": self.cue.pred, "gold": self.cue.gold},
            "content": {**self.content.prf(), "exact": self.content.prf(True),
                        "chars": self.content_chars.prf(),
                        "pred": self.content.pred, "gold": self.content.gold},
            "matched_records": self.matched,
            "source_kind_accuracy": acc(self.kind_ok),
            "modality_accuracy": acc(self.modality_ok),
            "stance_accuracy": acc(self.stance_ok),
            "seconds": round(self.seconds, 2),
        }


# --------------------------------------------------------------------------------------
# Running the extractor


def _load(path: str) -> Any:
    from claimbase.pipeline import load_stage

    try:
        return load_stage(path)
    except (ImportError, AttributeError):  # a stage another engineer has not written yet
        return None


def _run_optional(stage: Any, doc: Document, res: Any) -> None:
    """Cleaning, metadata and actors help attribution but must not stop its evaluation."""
    if stage is None:
        return
    try:
        stage(doc, res)
    except Exception as exc:  # noqa: BLE001 - reported on the document, scoring goes on
        doc.errors.append(f"{getattr(stage, '__name__', stage)}: {exc}")


def prepare(docs: list[Document], res: Any) -> list[Any]:
    """Cleaning and metadata on each document (before the parse); returns the post-parse
    stages attribution reads (reference date, actors)."""
    from claimbase.pipeline import POST_PARSE, PRE_PARSE

    pre = [_load(p) for _n, p in PRE_PARSE]
    for doc in docs:
        for stage in pre:
            _run_optional(stage, doc, res)
        doc.invalidate()
    return [_load(p) for n, p in POST_PARSE if n in ("reference_date", "actors")]


def process(docs: list[Document], broad: bool = False) -> Iterator[Document]:
    """Run cleaning, the parse, actors and attribution over documents (in order); broad:
    also the wills, positions and model cues (settings.broad_attributions)."""
    from claimbase.extract.attribution import find_attributions
    from claimbase.pipeline import Resources

    res = Resources()
    res.settings.broad_attributions = broad
    try:
        nlp = res.nlp
    except Exception:  # noqa: BLE001 - the project's model wrapper is optional here
        import spacy

        nlp = spacy.load(res.settings.spacy_model)
        res.__dict__["nlp"] = nlp
    post = prepare(docs, res)
    stream = ((doc.analysis_text, doc) for doc in docs)
    for sdoc, doc in nlp.pipe(stream, as_tuples=True, batch_size=res.settings.batch_size):
        doc.spacy_doc = sdoc
        for stage in post:
            _run_optional(stage, doc, res)
        find_attributions(doc, res)
        yield doc


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
    return rows


# --------------------------------------------------------------------------------------
# Seed gold


def _span(obj: dict[str, Any] | None) -> Span | None:
    if not obj or obj.get("start") is None:
        return None
    return int(obj["start"]), int(obj["end"])


def _seed_pairs(gold_dir: Path, texts_dir: Path | None) -> list[tuple[Path, Path]]:
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"{gold_dir}: gold directory not found")
    pairs = []
    for g in sorted(gold_dir.glob("*.attributions.jsonl")):
        stem = g.name[: -len(".attributions.jsonl")]
        candidates = [d / f"{stem}.txt" for d in
                      ([texts_dir] if texts_dir else []) + [gold_dir, gold_dir.parent.parent / "seeds",
                                                            gold_dir.parent / "seeds"]]
        text = next((c for c in candidates if c.exists()), None)
        if text is None:
            raise FileNotFoundError(f"{g}: no text {stem}.txt found (use --texts DIR)")
        pairs.append((g, text))
    if not pairs:
        raise FileNotFoundError(f"{gold_dir}: no *.attributions.jsonl files")
    return pairs


def score_records(report: Report, gold: list[dict[str, Any]],
                  pred: list[dict[str, Any]]) -> None:
    """Add one document's gold and predicted attribution records to the report."""
    report.docs += 1
    for role, score in (("source", report.source), ("cue", report.cue),
                        ("content", report.content)):
        gs = [s for s in (_span(r.get(role)) for r in gold) if s]
        ps = [s for s in (_span(r.get(role)) for r in pred) if s]
        score.add(gs, ps)
        if role == "content":
            report.content_chars.add(gs, ps)
    for g, p in _record_pairs(gold, pred):
        report.matched += 1
        gk = (g.get("source") or {}).get("kind")
        pk = (p.get("source") or {}).get("kind")
        report.kind_ok += gk == pk
        report.modality_ok += g.get("modality") == p.get("modality")
        report.stance_ok += g.get("author_stance") == p.get("author_stance")


def _record_pairs(gold: list[dict[str, Any]], pred: list[dict[str, Any]]
                  ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Records matched one-to-one by overlapping content and overlapping cue (or source)."""
    cands = []
    for i, g in enumerate(gold):
        gc = _span(g.get("content"))
        for j, p in enumerate(pred):
            pc = _span(p.get("content"))
            if not gc or not pc:
                continue
            ov = min(gc[1], pc[1]) - max(gc[0], pc[0])
            if ov <= 0:
                continue
            link = _overlap(_span(g.get("cue")), _span(p.get("cue"))) or _overlap(
                _span(g.get("source")), _span(p.get("source")))
            if link:
                cands.append((ov, i, j))
    cands.sort(reverse=True)
    ug: set[int] = set()
    up: set[int] = set()
    out = []
    for _ov, i, j in cands:
        if i in ug or j in up:
            continue
        ug.add(i)
        up.add(j)
        out.append((gold[i], pred[j]))
    return out


def _overlap(a: Span | None, b: Span | None) -> bool:
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


def evaluate_seeds(gold_dir: Path, texts_dir: Path | None = None,
                   all_classes: bool = False) -> dict[str, Any]:
    from claimbase.extract.attribution import keep_statements

    pairs = _seed_pairs(gold_dir, texts_dir)
    docs = [Document(text=t.read_text(encoding="utf-8"), ref=t.name) for _g, t in pairs]
    report = Report()
    t0 = time.perf_counter()
    for (g, _t), doc in zip(pairs, process(docs, broad=all_classes), strict=True):
        if not all_classes:  # the seed scheme annotates reported statements only (§11)
            keep_statements(doc, None)
        score_records(report, _read_jsonl(g), attribution_records(doc))
    report.seconds = time.perf_counter() - t0
    return report.as_dict()


# --------------------------------------------------------------------------------------
# PolNeAR


def _polnear_docs(rows: Iterable[dict[str, Any]], path: Path) -> list[Document]:
    docs = []
    for n, r in enumerate(rows, 1):
        if "text" not in r or "attributions" not in r:
            raise ValueError(f"{path}:{n}: a PolNeAR row needs 'text' and 'attributions'")
        meta = DocMeta(title=r.get("title"), author=r.get("author"), outlet=r.get("publisher"),
                       published=r.get("published"))
        docs.append(Document(text=r["text"], ref=str(r.get("id", n)), meta=meta))
    return docs


def polnear_gold(row: dict[str, Any]) -> list[dict[str, Any]]:
    """PolNeAR attributions as minimal attribution records (extents)."""
    out = []
    for a in row["attributions"]:
        rec: dict[str, Any] = {}
        for role in ("source", "cue", "content"):
            ext = a.get(role)
            rec[role] = {"start": ext[0], "end": ext[1]} if ext else None
        out.append(rec)
    return out


def merge_relations(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per source + cue (PolNeAR's unit): the sentence-level records of a block or
    a speaker turn become one relation whose content is their extent."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for r in records:
        cue, src = _span(r.get("cue")), _span(r.get("source"))
        key = (cue, src) if cue else (id(r),)
        if key in merged:
            c = merged[key]["content"]
            rc = r["content"]
            c["start"], c["end"] = min(c["start"], rc["start"]), max(c["end"], rc["end"])
            continue
        copy = {**r, "content": dict(r["content"])}
        merged[key] = copy
        out.append(copy)
    return out


def evaluate_polnear(path: Path, limit: int | None = None,
                     include_carried: bool = False, include_nested: bool = False
                     ) -> dict[str, Any]:
    """PolNeAR has no carried scope and is univocal (no attributions nested inside another
    one's content): carried and nested records are left out unless asked for."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: PolNeAR file not found")
    rows = _read_jsonl(path)[: limit or None]
    docs = _polnear_docs(rows, path)
    report = Report()
    t0 = time.perf_counter()
    for row, doc in zip(rows, process(docs, broad=True), strict=True):
        pred = merge_relations([r for r in attribution_records(doc)
                                if (include_carried or r.get("scope") != "carried")
                                and (include_nested or len(r.get("chain", [])) <= 2)])
        score_records(report, polnear_gold(row), pred)
    report.seconds = time.perf_counter() - t0
    out = report.as_dict()
    for key in ("source_kind_accuracy", "modality_accuracy", "stance_accuracy"):
        out.pop(key)  # PolNeAR has no kinds, modality or stance
    return out


# --------------------------------------------------------------------------------------
# CLI


def _print(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, indent=2))
        return
    for role in ("source", "cue", "content"):
        r = result[role]
        ex = r["exact"]
        line = (f"{role:8s} overlap P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f}   "
                f"exact P {ex['p']:.3f} R {ex['r']:.3f} F1 {ex['f1']:.3f}   "
                f"(pred {r['pred']}, gold {r['gold']})")
        print(line)
    if "chars" in result["content"]:
        c = result["content"]["chars"]
        print(f"content  chars   P {c['p']:.3f} R {c['r']:.3f} F1 {c['f1']:.3f}")
    if "source_kind_accuracy" in result:
        print(f"matched records {result['matched_records']}: source_kind "
              f"{result['source_kind_accuracy']:.3f}  modality {result['modality_accuracy']:.3f}"
              f"  stance {result['stance_accuracy']:.3f}")
    print(f"docs {result['docs']}  seconds {result['seconds']}")


def register(eval_app: Any) -> None:
    import typer

    @eval_app.command("attribution")
    def attribution_cmd(
        gold: Path = typer.Option(..., "--gold", help="Directory of <stem>.attributions.jsonl"),
        texts: Path | None = typer.Option(None, "--texts", help="Directory of <stem>.txt"),
        all_classes: bool = typer.Option(
            False, "--all-classes",
            help="Also score wills/attitudes/positions (the seed scheme has statements only)."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """Score attribution records against seed gold (source/cue/content span F1)."""
        try:
            result = evaluate_seeds(gold, texts, all_classes)
        except (FileNotFoundError, ValueError) as exc:
            raise typer.BadParameter(str(exc)) from None
        _print(result, as_json)

    @eval_app.command("polnear")
    def polnear_cmd(
        file: Path = typer.Argument(..., help="PolNeAR jsonl (polnear_dev.jsonl)"),
        limit: int | None = typer.Option(None, "--limit", help="Only the first N articles."),
        carried: bool = typer.Option(False, "--carried", help="Also score carried records."),
        nested: bool = typer.Option(False, "--nested", help="Also score nested records."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """Score attribution against PolNeAR (source/cue span F1 with overlap, content F1)."""
        try:
            result = evaluate_polnear(file, limit, carried, nested)
        except (FileNotFoundError, ValueError) as exc:
            raise typer.BadParameter(str(exc)) from None
        _print(result, as_json)
