"""Measurements for the NLP layer: ruler cost and actor-resolution accuracy on gold data.

    python -m claimbase.nlp.bench [--shared ../shared] [--guardian 100]

Prints (1) docs/s of bare spaCy vs. spaCy + the claimbase ruler (+ the actors stage) on the
seeds and on Guardian articles, (2) for every gold actor/recipient span with an id, whether
`ActorDictionary.lookup(span)` and `find_actors` (+ `coref.resolve`) give the gold id.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from claimbase.nlp.actors import ActorDictionary
from claimbase.record import ActorMention, Document

ROLES = ("actor", "recipient")


def prepare(text: str, ref: str) -> Document:
    """A document with boilerplate marked when the ingest stage is available."""
    doc = Document(text=text, ref=ref)
    try:
        from claimbase.ingest.clean import mark_boilerplate

        mark_boilerplate(doc, None)
        doc.invalidate()
    except Exception:  # noqa: BLE001 - the ingest module is optional here
        pass
    return doc


def gold_spans(gold_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Unique gold actor/recipient objects with an id, by seed file name."""
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(gold_dir.glob("*.events.jsonl")):
        seen: set[tuple[int, int, str]] = set()
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            for role in ROLES:
                obj = rec.get(role)
                if not obj or not obj.get("id") or obj.get("start") is None:
                    continue
                key = (obj["start"], obj["end"], obj["id"])
                if key not in seen:
                    seen.add(key)
                    rows.append(obj)
        out[path.name.replace(".events.jsonl", ".txt")] = rows
    return out


def _overlapping(mentions: list[ActorMention], start: int, end: int) -> ActorMention | None:
    best, best_len = None, 0
    for m in mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > best_len:
            best, best_len = m, overlap
    return best


def actor_accuracy(nlp: Any, book: ActorDictionary, seeds: Path, gold: Path,
                   misses: list[str] | None = None) -> dict[str, float]:
    """Share of gold spans whose id `lookup`, `find_actors`, `find_actors`+coref reproduce."""
    from claimbase.nlp.coref import resolve
    from claimbase.nlp.mentions import find_mentions

    hits: Counter[str] = Counter()
    total = 0
    for name, rows in gold_spans(gold).items():
        doc = prepare((seeds / name).read_text(encoding="utf-8"), name)
        doc.spacy_doc = nlp(doc.analysis_text)
        doc.actors = find_mentions(doc, book)
        for obj in rows:
            total += 1
            found = book.lookup(obj["text"])
            hits["lookup"] += found is not None and found.id == obj["id"]
            m = _overlapping(doc.actors, obj["start"], obj["end"])
            hits["find_actors"] += m is not None and m.id == obj["id"]
            r = resolve(doc, m) if m is not None else None
            if r is None:
                from claimbase.nlp.coref import antecedent

                r = antecedent(doc, obj["start"], obj["end"])
            ok = r is not None and r.id == obj["id"]
            hits["with_coref"] += ok
            if not ok and misses is not None:
                got = f"{r.text!r}->{r.id}" if r is not None else "none"
                misses.append(f"{name[:3]} {obj['text']!r} gold={obj['id']} got={got}")
    return {k: round(hits[k] / total, 3) if total else 0.0 for k in
            ("lookup", "find_actors", "with_coref")} | {"spans": total}


def re3d_coverage(nlp: Any, book: ActorDictionary, re3d: Path) -> dict[str, float]:
    """Share of re3d Organisation/Person/Nationality entities that overlap an actor mention
    (pronouns excluded), and share of actor mentions overlapping any re3d entity."""
    from claimbase.nlp.mentions import find_mentions

    docs = [json.loads(line) for line in (re3d / "documents.jsonl").open(encoding="utf-8")]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for line in (re3d / "entities.jsonl").open(encoding="utf-8"):
        ent = json.loads(line)
        by_doc.setdefault(ent["documentId"], []).append(ent)
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    overlapping = mentions = 0
    pronouns = {"he", "she", "we", "they", "i", "him", "his", "her", "them", "our", "their",
                "us", "it", "its", "me", "my", "you"}
    for rec in docs:
        doc = Document(text=rec["text"], ref=rec["id"])
        doc.spacy_doc = nlp(rec["text"])
        found = find_mentions(doc, book)
        gold = by_doc.get(rec["id"], [])
        for ent in gold:
            if ent["type"] in ("Organisation", "Person", "Nationality") and \
                    ent["value"].lower() not in pronouns:
                total[ent["type"]] += 1
                hit[ent["type"]] += any(m.start < ent["end"] and ent["begin"] < m.end
                                        for m in found)
        for m in found:
            mentions += 1
            overlapping += any(m.start < e["end"] and e["begin"] < m.end for e in gold)
    out = {k: round(hit[k] / total[k], 3) for k in total}
    out["mentions_on_entities"] = round(overlapping / mentions, 3) if mentions else 0.0
    return out


def docs_per_second(nlp: Any, texts: list[str], repeat: int = 1) -> float:
    """Documents per CPU second of this process (robust on a shared, busy machine)."""
    start = time.process_time()
    n = 0
    for _ in range(repeat):
        for _doc in nlp.pipe(texts, batch_size=32):
            n += 1
    return n / (time.process_time() - start)


def timing(texts: list[str], book: ActorDictionary, resources: Any = None) -> dict[str, float]:
    """docs per CPU second: bare spaCy, + the ruler, + the ruler and the actors stage.

    Bare and full pipelines alternate and the best of two runs is kept; the actors stage is
    timed alone over the parsed documents and added to the full pipeline's time.
    """
    import spacy

    from claimbase.nlp.mentions import find_mentions
    from claimbase.nlp.model import DEFAULT_MODEL, add_ruler

    bare = spacy.load(DEFAULT_MODEL)
    full = spacy.load(DEFAULT_MODEL)
    add_ruler(full, resources)
    docs_per_second(bare, texts[:3])  # warm up
    docs_per_second(full, texts[:3])
    base = ruled = 0.0
    for _ in range(2):
        base = max(base, docs_per_second(bare, texts))
        ruled = max(ruled, docs_per_second(full, texts))
    parsed = list(full.pipe(texts, batch_size=32))
    start = time.process_time()
    for text, sdoc in zip(texts, parsed, strict=True):
        doc = Document(text=text, ref="bench")
        doc.spacy_doc = sdoc
        find_mentions(doc, book)
    per_doc = (time.process_time() - start) / len(texts)
    staged = 1.0 / (1.0 / ruled + per_doc)
    return {"bare": round(base, 2), "ruler": round(ruled, 2),
            "ruler+actors": round(staged, 2), "actors_ms_per_doc": round(per_doc * 1000, 2),
            "ratio": round(ruled / base, 3), "ratio_with_actors": round(staged / base, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).parents[3] / "shared")
    parser.add_argument("--guardian", type=int, default=100)
    parser.add_argument("--gazetteer", action="store_true", help="include gazetteer patterns")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    from claimbase.nlp.model import load_nlp
    from claimbase.pipeline import Resources

    res = Resources() if args.gazetteer else None
    book = res.actors if res is not None else ActorDictionary.load()
    seeds = sorted((args.shared / "seeds").glob("*.txt"))
    seed_texts = [prepare(p.read_text(encoding="utf-8"), p.name).analysis_text for p in seeds]
    guardian = args.shared / "data" / "corpora" / "guardian_sdf.jsonl"
    lines = guardian.read_text(encoding="utf-8").splitlines()[: args.guardian]
    g_texts = [json.loads(line)["text"] for line in lines]
    print("seeds   ", timing(seed_texts, book, res))
    print("guardian", timing(g_texts, book, res))
    nlp = load_nlp(None, res)
    misses: list[str] = []
    acc = actor_accuracy(nlp, book, args.shared / "seeds", args.shared / "gold" / "seeds",
                         misses)
    print("actor accuracy", acc)
    re3d = args.shared / "data" / "re3d"
    if re3d.exists():
        print("re3d coverage", re3d_coverage(nlp, book, re3d))
    if args.misses:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
