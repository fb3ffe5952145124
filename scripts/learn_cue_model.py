"""Train the attribution cue-head model on the PolNeAR training split.

    .venv/bin/python scripts/learn_cue_model.py ../shared/data/attribution/polnear_train.jsonl

Every verb, noun and adjective whose lemma heads at least `--min-cues` gold cues in the
training articles becomes a candidate; its features (`claimbase.extract.attribution_cues.
cue_features`: lemma, frame, dependency, subject type, negation, quotation …) feed an
L2-regularised logistic regression that predicts whether the token heads a cue. The script
writes only feature names (lemmas and tags) and weights to claimbase/data/cue_model.tsv, no
text of the corpus. The dev split is never read: it stays for model selection (the threshold).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from claimbase.extract.attribution_cues import MODEL_PATH, MODEL_POS, cue_features, in_quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from learn_cues import cue_heads  # noqa: E402

Sample = tuple[list[str], int, str]


def prepared(path: Path, parsed: Path | None) -> tuple[list[Any], list[dict[str, Any]], Any]:
    """The training rows as Documents, cleaned, parsed (from a DocBin of their analysis
    texts when given) and with actors found, as `claimbase eval polnear` prepares them."""
    from claimbase.eval.attribution import _polnear_docs, _read_jsonl, _run_optional, prepare
    from claimbase.pipeline import Resources

    rows = _read_jsonl(path)
    docs = _polnear_docs(rows, path)
    res = Resources()
    res.settings.broad_attributions = True
    nlp = res.nlp
    post = prepare(docs, res)
    if parsed is not None:
        from spacy.tokens import DocBin

        sdocs = list(DocBin().from_bytes(parsed.read_bytes()).get_docs(nlp.vocab))
        if len(sdocs) != len(rows):
            raise ValueError(f"{parsed}: {len(sdocs)} parses for {len(rows)} rows")
    else:
        sdocs = list(nlp.pipe((d.analysis_text for d in docs), batch_size=32))
    for doc, sdoc in zip(docs, sdocs, strict=True):
        doc.spacy_doc = sdoc
        for stage in post:
            _run_optional(stage, doc, res)
    return docs, rows, res


def samples(docs: list[Any], rows: list[dict[str, Any]], res: Any) -> list[Sample]:
    """Features and label of every candidate the rules leave (not inside a rule cue)."""
    from claimbase.extract.attribution import cover_of, rule_coverage

    out: list[Sample] = []
    for doc, row in zip(docs, rows, strict=True):
        sdoc = doc.spacy_doc
        heads: set[int] = set()
        for att in row["attributions"]:
            heads |= cue_heads(sdoc, att.get("cue_spans") or [])
        cue_toks, contents = rule_coverage(doc, res)
        text = doc.analysis_text
        for tok in sdoc:
            if tok.pos_ in MODEL_POS and tok.i not in cue_toks:
                feats = cue_features(tok, cover_of(tok, contents), in_quote(text, tok.idx))
                out.append((feats, int(tok.i in heads),
                            f"{tok.lemma_.lower()}|{tok.pos_}"))
    return out


def train(data: list[Sample], min_cues: int, min_feat: int, l2: float, iters: int,
          threshold: float, min_yield: float) -> tuple[dict[str, float], set[str]]:
    """Fit the weights with full-batch Adam; returns the weights and the candidate lemmas:
    those whose training tokens are found cues (score >= threshold) often enough to be
    worth scoring (min_yield; "have", "state" are scored for too little)."""
    cues: Counter[str] = Counter()
    for _f, y, lp in data:
        cues[lp] += y
    lemmas = {lp for lp, k in cues.items() if k >= min_cues}
    data = [d for d in data if d[2] in lemmas]
    if not data:
        raise ValueError(f"no lemma heads {min_cues} or more cues the rules leave")
    counts: Counter[str] = Counter(f for feats, _y, _lp in data for f in feats)
    index = {f: i for i, f in enumerate(sorted(f for f, k in counts.items() if k >= min_feat))}
    rows, cols = [], []
    for r, (feats, _y, _lp) in enumerate(data):
        for f in feats:
            j = index.get(f)
            if j is not None:
                rows.append(r)
                cols.append(j)
    ri, ci = np.array(rows), np.array(cols)
    y = np.array([d[1] for d in data], dtype=float)
    w = np.zeros(len(index))
    m, v = np.zeros_like(w), np.zeros_like(w)
    lr, b1, b2 = 0.1, 0.9, 0.999
    for t in range(1, iters + 1):
        z = np.bincount(ri, weights=w[ci], minlength=len(y))
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = np.bincount(ci, weights=(p - y)[ri], minlength=len(w)) / len(y) + l2 * w
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w -= lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + 1e-8)
    loss = -np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))
    print(f"{len(y)} candidates, {int(y.sum())} cue heads, {len(w)} features, "
          f"log-loss {loss:.4f}", file=sys.stderr)
    names = sorted(index, key=index.get)
    seen: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for r, (_f, label, lp) in enumerate(data):
        seen[lp] += 1
        hits[lp] += int(label and z[r] >= threshold)
    return {f: float(w[index[f]]) for f in names if abs(w[index[f]]) >= 1e-3}, \
        {lp for lp in lemmas if hits[lp] / seen[lp] >= min_yield}


def write(out: Path, weights: dict[str, float], lemmas: set[str], threshold: float,
          source: str) -> None:
    with out.open("w", encoding="utf-8") as fh:
        fh.write(f"# Attribution cue-head model: scripts/learn_cue_model.py over {source}\n")
        fh.write("# logistic regression: a token heads a cue when the summed weights of its\n")
        fh.write("# features (attribution_cues.cue_features) reach @threshold\n")
        fh.write(f"@threshold\t{threshold}\n")
        for lemma in sorted(lemmas):
            fh.write(f"@lemma\t{lemma}\n")
        for f, wt in sorted(weights.items()):
            fh.write(f"{f}\t{wt:.4f}\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path, help="polnear_train.jsonl")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--parsed", type=Path, default=None,
                    help="a spaCy DocBin of the same rows (skips parsing)")
    ap.add_argument("--min-cues", type=int, default=2)
    ap.add_argument("--min-feat", type=int, default=3)
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--iters", type=int, default=800)
    ap.add_argument("--threshold", type=float, default=0.25, help="decision log-odds")
    ap.add_argument("--min-yield", type=float, default=0.03,
                    help="score only lemmas whose training tokens are found cues this often")
    args = ap.parse_args(argv)
    if not args.train.exists():
        print(f"{args.train}: training file not found", file=sys.stderr)
        return 2
    docs, rows, res = prepared(args.train, args.parsed)
    try:
        weights, lemmas = train(samples(docs, rows, res), args.min_cues, args.min_feat,
                                args.l2, args.iters, args.threshold, args.min_yield)
    except ValueError as exc:
        print(f"{args.train}: {exc}", file=sys.stderr)
        return 2
    write(args.out, weights, lemmas, args.threshold, args.train.name)
    print(f"{args.out}: {len(weights)} weights, {len(lemmas)} lemmas")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
