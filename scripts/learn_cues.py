"""Learn attribution cue frames from the PolNeAR training split.

    .venv/bin/python scripts/learn_cues.py ../shared/data/attribution/polnear_train.jsonl

For every verb, noun and adjective of the parsed training articles the script counts how
often a (lemma, POS, frame) triple heads a gold attribution cue; the frame is the word's
strongest complement (`claimbase.extract.attribution_cues.frame_of`). It writes only lemmas
and counts to claimbase/data/learned_cues.tsv (no text of the corpus). The dev split is never
read: it stays for model selection.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from claimbase.extract.attribution_cues import LEARNED_PATH, frame_of

POS = ("VERB", "NOUN", "ADJ")


def cue_heads(sdoc: Any, spans: list[list[int]]) -> set[int]:
    """Token index of the syntactic head of each cue fragment, and of the adjective of a
    'be + adjective' cue ("is afraid that", "was critical of")."""
    heads: set[int] = set()
    for a, b in spans:
        span = sdoc.char_span(a, b, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        heads.add(span.root.i)
        heads.update(t.i for t in span if t.pos_ == "ADJ" and t.dep_ == "acomp")
    return heads


def count(path: Path, model: str | None) -> tuple[Counter[tuple[str, str, str]], Counter[tuple[str, str, str]]]:
    from claimbase.nlp.model import load_nlp

    nlp = load_nlp(model)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    seen: Counter[tuple[str, str, str]] = Counter()
    cue: Counter[tuple[str, str, str]] = Counter()
    for sdoc, row in zip(nlp.pipe((r["text"] for r in rows), batch_size=32), rows, strict=True):
        heads: set[int] = set()
        for att in row["attributions"]:
            heads |= cue_heads(sdoc, att.get("cue_spans") or [])
        for tok in sdoc:
            if tok.pos_ not in POS:
                continue
            key = (tok.lemma_.lower(), tok.pos_, frame_of(tok))
            seen[key] += 1
            cue[key] += tok.i in heads
    return seen, cue


def write(out: Path, seen: Counter[tuple[str, str, str]], cue: Counter[tuple[str, str, str]],
          min_count: int, min_rate: float, source: str) -> int:
    rows = []
    for key, n in seen.items():
        k = cue[key]
        rate = (k + 0.5) / (n + 1.0)  # smoothed: rare words need several cue uses
        if n >= min_count and k >= 2 and rate >= min_rate:
            rows.append((*key, n, k, round(rate, 3)))
    rows.sort(key=lambda r: (-r[5], r[0]))
    with out.open("w", encoding="utf-8") as fh:
        fh.write(f"# Learned attribution cue frames: scripts/learn_cues.py over {source}\n")
        fh.write("# rate = (cue + 0.5) / (n + 1): how often the triple heads a gold cue\n")
        fh.write("lemma\tpos\tframe\tn\tcue\trate\n")
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path, help="polnear_train.jsonl")
    ap.add_argument("--out", type=Path, default=LEARNED_PATH)
    ap.add_argument("--model", default=None, help="spaCy model (default: claimbase's)")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-rate", type=float, default=0.15)
    args = ap.parse_args(argv)
    if not args.train.exists():
        print(f"{args.train}: training file not found", file=sys.stderr)
        return 2
    seen, cue = count(args.train, args.model)
    n = write(args.out, seen, cue, args.min_count, args.min_rate, args.train.name)
    print(f"{args.out}: {n} cue frames")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
