"""Scores for re-post detection and event clustering.

- `claimbase eval reposts FILE.jsonl`: edited copies (new headline, trimmed paragraphs,
  changed boilerplate, light rewording) are made of a sample of the articles with a seeded
  random generator; pairwise precision/recall of re-post detection over originals, copies and
  every other article of the file (same-topic articles are the hard negatives).
- `claimbase eval linking GED.csv [--years 2018-2019]`: a labelled linking set from UCDP GED.
  Every distinct source article of an event (parsed from `source_article`; an article listed
  twice is one report) becomes one report record carrying that article's headline, the date
  an extractor would get from an article published on that source's date (the event day
  when the article is from the same or next day, else only "in the week before
  publication"), the event's place at its GED precision, and its two sides; ids are opaque
  and no casualty figure is given (GED's `best` is reconciled across reports, so it would
  leak the gold). Reports of the same GED event are the gold clusters (GED events on one
  day at one point between the same sides are one gold event); thousands of other events
  nearby in time and space are the negatives. The linker was tuned on 2016-2017, so
  `--years 2018-2019` is the held-out half.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import random
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:  # datasketch (scipy) is slow to import: load it when a scorer runs
    from claimbase.link.clusters import EventInfo
    from claimbase.link.reposts import DocInfo


@dataclass
class PairScores:
    precision: float
    recall: float
    f1: float
    tp: int
    predicted_pairs: int
    gold_pairs: int

    def as_dict(self) -> dict[str, Any]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in vars(self).items()}


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> PairScores:
    """Pairwise precision/recall of a clustering (item → cluster) against gold."""
    items = [i for i in gold if i in predicted]
    joint = Counter((predicted[i], gold[i]) for i in items)
    tp = sum(_pairs(n) for n in joint.values())
    pred = sum(_pairs(n) for n in Counter(predicted[i] for i in items).values())
    gold_n = sum(_pairs(n) for n in Counter(gold[i] for i in items).values())
    p = tp / pred if pred else 1.0
    r = tp / gold_n if gold_n else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PairScores(p, r, f, tp, pred, gold_n)


# -- re-posts -----------------------------------------------------------------------------

_SENT = re.compile(r"(?<=[.!?])\s+")
APPEALS = [
    "Support independent journalism: become a member today.",
    "Share this article with your friends and subscribe to our newsletter.",
    "Comments are closed.",
]


def edited_copy(text: str, rng: random.Random) -> str:
    """A re-post as outlets make them: new headline, trimmed, reworded here and there."""
    sentences = _SENT.split(text)
    keep = [s for i, s in enumerate(sentences) if i < 2 or rng.random() > 0.2]
    if len(keep) > 6 and rng.random() < 0.5:
        keep = keep[: int(len(keep) * rng.uniform(0.7, 0.95))]  # the tail cut off
    words = " ".join(keep).split(" ")
    for _ in range(max(1, len(words) // 80)):  # a few small edits
        i = rng.randrange(len(words))
        words[i] = rng.choice(["the", "reportedly", "also", words[i].upper()])
    headline = rng.choice(["Exclusive: ", "Analysis: ", "Report: ", ""]) + " ".join(
        words[: rng.randint(5, 9)])
    return headline + "\n\n" + " ".join(words) + "\n\n" + rng.choice(APPEALS)


def repost_set(path: Path, copies: int, seed: int = 13) -> tuple[list[DocInfo], dict[str, str]]:
    from claimbase.link.reposts import DocInfo

    rng = random.Random(seed)
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    docs: list[DocInfo] = []
    gold: dict[str, str] = {}
    for row in rows:
        docs.append(DocInfo(doc_id=row["id"], content=row["text"],
                            outlet=row.get("outlet"), published=row.get("published")))
        gold[row["id"]] = row["id"]
    for n, row in enumerate(rng.sample(rows, min(copies, len(rows)))):
        for k in range(rng.choice([1, 1, 2])):
            cid = f"{row['id']}#copy{n}.{k}"
            docs.append(DocInfo(doc_id=cid, content=edited_copy(row["text"], rng),
                                outlet=f"Reposter {rng.randint(1, 9)}",
                                published=row.get("published")))
            gold[cid] = row["id"]
    return docs, gold


def score_reposts(docs: list[DocInfo], gold: dict[str, str]) -> PairScores:
    from claimbase.link.reposts import find_reposts

    reposts = find_reposts(docs)
    parent = {r.doc_id: r.original_doc_id for r in reposts if r.original_doc_id}
    # predicted groups by union-find over the detected pairs
    root: dict[str, str] = {d.doc_id: d.doc_id for d in docs}

    def find(x: str) -> str:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for a, b in parent.items():
        root[find(a)] = find(b)
    return pairwise({d.doc_id: find(d.doc_id) for d in docs}, gold)


# -- event clustering ---------------------------------------------------------------------


def ged_reports(path: Path, limit: int | None = None, years: tuple[int, int] | None = None,
                ) -> tuple[list[EventInfo], dict[str, str]]:
    """Report records and gold clusters from a UCDP GED CSV (`years`: an inclusive range)."""
    events: list[EventInfo] = []
    gold: dict[str, str] = {}
    same = _indistinct(path)
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            if limit is not None and n >= limit:
                break
            if years and not years[0] <= int(row["year"]) <= years[1]:
                continue
            for record in _reports(row):
                # GED events on the same day, at the same coordinates, between the same sides
                # cannot be told apart by any report: they form one gold event.
                gold[record["event_id"]] = same[row["id"]]
                events.append(_info(record))
    return events, gold


def _info(record: dict[str, Any]) -> EventInfo:
    from claimbase.link.clusters import EventInfo

    return EventInfo.from_record(record)


def _indistinct(path: Path) -> dict[str, str]:
    first: dict[tuple, str] = {}
    out: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = (row["date_start"], row["date_end"], row["latitude"], row["longitude"],
                   row["side_a"], row["side_b"])
            out[row["id"]] = first.setdefault(key, row["id"])
    return out


_ARTICLE_SEP = re.compile(r'"\s*;\s*"')


def ged_sources(row: dict[str, str]) -> list[tuple[str, str, str]]:
    """The distinct (office, date, headline) articles of a GED event.

    `source_article` holds `"office,date,headline"` items joined by `;` between quotes;
    splitting `source_headline` on `;` instead would cut headlines at HTML entities
    (`&#8220;`). An article listed twice for one event is one report.
    """
    out: list[tuple[str, str, str]] = []
    for item in _ARTICLE_SEP.split(row["source_article"].strip().strip('"')):
        office, _, rest = item.partition(",")
        published, _, headline = rest.partition(",")
        source = (office.strip(), published.strip(), html.unescape(headline).strip())
        if source not in out:
            out.append(source)
    return out


def _opaque(*parts: str) -> str:
    return "r" + hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def _reports(row: dict[str, str]) -> Iterable[dict[str, Any]]:
    """One record per source article, with only what an extractor would get from it.

    Ids are opaque (no GED id, so record order says nothing about the gold event); the
    article is one document across the GED events it reports. No casualty figure: GED's
    `best` is the figure reconciled across reports, not what any one report says.
    """
    start, end = row["date_start"][:10], row["date_end"][:10]
    prec = int(row["where_prec"] or 6)
    lat = float(row["latitude"]) if prec <= 4 else None
    lon = float(row["longitude"]) if prec <= 4 else None
    for office, published, headline in ged_sources(row):
        published = published[:10] or end
        try:
            lag = (date.fromisoformat(published) - date.fromisoformat(end)).days
        except ValueError:
            lag = 99
        doc_id = _opaque(office, published, headline)
        yield {
            "event_id": _opaque(doc_id, row["id"]), "doc_id": doc_id,
            "event_type": "ASSAULT",
            "actor": {"id": row["side_a"]}, "recipient": {"id": row["side_b"]},
            "location": {"lat": lat, "lon": lon, "precision": min(prec, 3),
                         "admin1": row["adm_1"] or None},
            # same- or next-day articles say "today"/"yesterday"; within a week an extractor
            # may only know the publication week; later write-ups state the date.
            "date": ({} if 1 < lag <= 7 else {"start": start, "end": end}),
            "doc": {"published": published, "outlet": office},
            "sentence": {"text": headline},
            "quantities": [],
        }


# -- the demo corpus ------------------------------------------------------------------------


def _file_key(ref: str) -> str:
    """The label name of a stored document: its file name, or `file#id` for JSON Lines."""
    name = ref.replace("\\", "/").rsplit("/", 1)[-1]
    return name


def _label_key(label: str) -> str:
    return label.split("#", 1)[1] if "#" in label else label


def score_demo(store: Any, labels: dict[str, Any]) -> dict[str, Any]:
    """Document-pair scores of re-posts and event clusters on a linked demo store.

    Two documents are predicted to report the same event when one cluster holds events of
    both; gold pairs are the files of each labelled event (and where it is mentioned).
    """
    by_key = {_file_key(d["ref"]): d["doc_id"] for d in store.iter_rows("documents")}
    doc_of = {lbl: by_key.get(_label_key(lbl)) for lbl in labels["documents"]}
    missing = sorted(k for k, v in doc_of.items() if v is None)
    gold_pairs: set[frozenset[str]] = set()
    for ev in labels["same_event"]:
        files = [doc_of[f] for f in ev["files"] + (ev.get("also_mentioned_in") or [])
                 if doc_of.get(f)]
        gold_pairs |= {frozenset((a, b)) for i, a in enumerate(files) for b in files[i + 1:]}
    members: dict[str, set[str]] = {}
    for rec in store.iter_event_records():
        if rec.get("cluster_id"):
            members.setdefault(rec["cluster_id"], set()).add(rec["doc_id"])
    predicted = {frozenset((a, b)) for docs in members.values() for a in docs for b in docs
                 if a < b}
    gold_reposts = {frozenset((doc_of[a], doc_of[b])) for a, b in labels["reposts"]
                    if doc_of.get(a) and doc_of.get(b)}
    from claimbase.link.reposts import Repost, repost_roots

    rows = [Repost(r["doc_id"], r["original_doc_id"], None, 0.0, r["similarity"] or 0.0,
                   r["method"]) for r in store.iter_rows("reposts")]
    roots = repost_roots(by_key.values(), rows)  # copies of one original form one group
    found_reposts = {frozenset((a, b)) for a in roots for b in roots
                     if a < b and roots[a] == roots[b]}
    return {"documents": len(by_key), "unmatched_labels": missing,
            "clusters": _prf(predicted, gold_pairs), "reposts": _prf(found_reposts,
                                                                     gold_reposts)}


def _prf(predicted: set, gold: set) -> dict[str, float | int]:
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(gold) if gold else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "tp": tp,
            "predicted": len(predicted), "gold": len(gold)}


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("reposts")
    def reposts_cmd(
        corpus: Path = typer.Argument(..., help="JSON Lines articles (id, text, outlet, published)."),
        copies: int = typer.Option(80, help="How many articles get edited copies."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """Re-post detection precision/recall on edited copies of real articles."""
        t0 = time.perf_counter()
        docs, gold = repost_set(corpus, copies)
        scores = score_reposts(docs, gold)
        out = {"documents": len(docs), **scores.as_dict(),
               "seconds": round(time.perf_counter() - t0, 2)}
        _print(out, as_json, "re-post detection")

    @eval_app.command("linking")
    def linking_cmd(
        ged: Path = typer.Argument(..., help="UCDP GED CSV (events with several sources)."),
        limit: int = typer.Option(None, help="Only the first N GED events."),
        years: str = typer.Option(None, help="Only GED years in this range, e.g. 2018-2019."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """Event clustering pairwise precision/recall on a UCDP-derived linking set."""
        from claimbase.link.clusters import EventIndex, cluster_events

        t0 = time.perf_counter()
        events, gold = ged_reports(ged, limit, _year_range(years))
        index = EventIndex()
        predicted = cluster_events(events, index)
        scores = pairwise(predicted, gold)
        out = {"reports": len(events), "gold_events": len(set(gold.values())),
               **scores.as_dict(), "comparisons": index.comparisons,
               "seconds": round(time.perf_counter() - t0, 2)}
        _print(out, as_json, "event clustering")


    @eval_app.command("demo-linking")
    def demo_linking_cmd(
        db: str = typer.Option(None, "--db", help="A store holding the linked demo corpus."),
        labels: Path = typer.Option(Path("examples/corpus_labels.json"), "--labels",
                                    help="The demo corpus labels."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """Re-post and event-cluster scores on the demo corpus (after `claimbase demo`)."""
        from claimbase.cli.link import open_existing

        store = open_existing(db)
        out = score_demo(store, json.loads(labels.read_text(encoding="utf-8")))
        store.close()
        if as_json:
            typer.echo(json.dumps(out))
            return
        flat = {f"{part} {k}": v for part in ("clusters", "reposts")
                for k, v in out[part].items()}
        _print({"documents": out["documents"], **flat}, False, "demo corpus linking")


def _year_range(text: str | None) -> tuple[int, int] | None:
    """`2018-2019` or `2018` → an inclusive year range."""
    if not text:
        return None
    first, _, last = text.partition("-")
    try:
        return int(first), int(last or first)
    except ValueError:
        raise typer.BadParameter(f"--years {text!r}: expected YEAR or YEAR-YEAR") from None


def _print(out: dict[str, Any], as_json: bool, title: str) -> None:
    if as_json:
        typer.echo(json.dumps(out))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for k, v in out.items():
        table.add_row(k, str(v))
    Console().print(table)
