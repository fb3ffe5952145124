"""Re-posts and near-duplicates: copies of one article across outlets.

Candidates come from MinHash LSH over word 5-gram shingles of each document's content
(boilerplate excluded); every candidate pair is then verified exactly on the shingle sets.
A copy may have a new headline, trimmed paragraphs or different boilerplate, so the test is
containment (shared shingles over the smaller document), not only Jaccard. `original_outlet`
metadata ("The original source of this article is …") marks re-posts even when the original
is not in the collection, and orients the pair: the re-post points at its original.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

SHINGLE = 5
NUM_PERM = 128
LSH_THRESHOLD = 0.3  # Jaccard at which LSH proposes a pair (a trimmed copy has low Jaccard)
MIN_CONTAINMENT = 0.6  # share of the smaller document's shingles found in the larger one
MIN_CONTAINMENT_WITH_METADATA = 0.3  # when original_outlet names the other document's outlet
MIN_SHINGLES = 20  # documents shorter than this are too short to call copies

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(slots=True)
class DocInfo:
    """What re-post detection needs of a stored document."""

    doc_id: str
    content: str  # the text with boilerplate removed
    outlet: str | None = None
    original_outlet: str | None = None
    published: str | None = None
    shingles: set[int] = field(default_factory=set)


@dataclass(slots=True)
class Repost:
    """`doc_id` republishes `original_doc_id` (None when only metadata names the original)."""

    doc_id: str
    original_doc_id: str | None
    original_outlet: str | None
    jaccard: float
    containment: float
    method: str  # "text" | "metadata" | "text+metadata"


def shingles(text: str, k: int = SHINGLE) -> set[int]:
    """Hashed word k-grams of the lower-cased text (CRC32: stable across runs)."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + k]).encode()) for i in range(len(words) - k + 1)}


def _minhash(sh: set[int]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([str(h).encode() for h in sh])
    return m


def _norm_outlet(name: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (name or "").lower())


def _orient(a: DocInfo, b: DocInfo) -> tuple[DocInfo, DocInfo]:
    """(copy, original): metadata first, then the later publication date, then length."""
    if a.original_outlet and _norm_outlet(a.original_outlet) == _norm_outlet(b.outlet):
        return a, b
    if b.original_outlet and _norm_outlet(b.original_outlet) == _norm_outlet(a.outlet):
        return b, a
    if a.published and b.published and a.published != b.published:
        return (a, b) if a.published > b.published else (b, a)
    if len(a.shingles) != len(b.shingles):  # the trimmed copy is the shorter one
        return (a, b) if len(a.shingles) < len(b.shingles) else (b, a)
    return (a, b) if a.doc_id > b.doc_id else (b, a)


def find_reposts(docs: Iterable[DocInfo]) -> list[Repost]:
    """All re-post relations among `docs` (each copy points at one original)."""
    docs = list(docs)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    by_id: dict[str, DocInfo] = {}
    for d in docs:
        if not d.shingles:
            d.shingles = shingles(d.content)
        by_id[d.doc_id] = d
        if len(d.shingles) >= MIN_SHINGLES:
            lsh.insert(d.doc_id, _minhash(d.shingles))
    best: dict[str, Repost] = {}
    seen: set[tuple[str, str]] = set()
    for d in docs:
        if len(d.shingles) < MIN_SHINGLES:
            continue
        for other_id in lsh.query(_minhash(d.shingles)):
            pair = tuple(sorted((d.doc_id, other_id)))
            if other_id == d.doc_id or pair in seen:
                continue
            seen.add(pair)
            rep = _verify(d, by_id[other_id])
            if rep is not None and (rep.doc_id not in best
                                    or rep.containment > best[rep.doc_id].containment):
                best[rep.doc_id] = rep
    for d in docs:  # metadata-only re-posts: the original is not in the collection
        if d.original_outlet and d.doc_id not in best and (
                _norm_outlet(d.original_outlet) != _norm_outlet(d.outlet)):
            best[d.doc_id] = Repost(d.doc_id, None, d.original_outlet, 0.0, 0.0, "metadata")
    return sorted(best.values(), key=lambda r: r.doc_id)


def _verify(a: DocInfo, b: DocInfo) -> Repost | None:
    inter = len(a.shingles & b.shingles)
    if not inter:
        return None
    smaller = min(len(a.shingles), len(b.shingles))
    containment = inter / smaller
    jaccard = inter / len(a.shingles | b.shingles)
    copy, original = _orient(a, b)
    by_metadata = bool(copy.original_outlet) and (
        _norm_outlet(copy.original_outlet) == _norm_outlet(original.outlet))
    if containment >= MIN_CONTAINMENT:
        method = "text+metadata" if by_metadata else "text"
    elif by_metadata and containment >= MIN_CONTAINMENT_WITH_METADATA:
        method = "metadata"
    else:
        return None
    return Repost(copy.doc_id, original.doc_id, original.outlet, round(jaccard, 4),
                  round(containment, 4), method)


def repost_roots(doc_ids: Iterable[str], reposts: Iterable[Repost]) -> dict[str, str]:
    """Map every document to the root of its copy group (the original of originals)."""
    parent = {r.doc_id: r.original_doc_id for r in reposts if r.original_doc_id}
    roots: dict[str, str] = {}
    for doc_id in doc_ids:
        node, hops = doc_id, 0
        while node in parent and hops < 50:  # guard against cycles
            node = parent[node]
            hops += 1
        roots[doc_id] = node
    return roots


def effective_outlets(docs: Iterable[DocInfo], reposts: Iterable[Repost]) -> dict[str, str]:
    """The outlet each document's text really comes from, after collapsing re-posts.

    Two documents count as independent only when their effective outlets differ.
    """
    docs = list(docs)
    reposts = list(reposts)
    by_id = {d.doc_id: d for d in docs}
    roots = repost_roots(by_id, reposts)
    meta_original = {r.doc_id: r.original_outlet for r in reposts if r.original_doc_id is None}
    out: dict[str, str] = {}
    for d in docs:
        root = by_id.get(roots[d.doc_id], d)
        name = meta_original.get(root.doc_id) or root.original_outlet or root.outlet
        out[d.doc_id] = _norm_outlet(name) or f"doc:{root.doc_id}"
    return out
