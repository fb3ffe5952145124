"""schema.org ClaimReview JSON-LD: one ClaimReview per attributed claim.

Each reported statement (a row of `attributions` whose source is not the author) becomes a
ClaimReview whose `claimReviewed` is the reported content and whose `itemReviewed` is the
Claim: its claimant (`author`, a Person or an Organization), the publication date and the
article it appeared in (`appearance`, a CreativeWork with url, headline and publisher).

claimbase does not check facts, so no `reviewRating` is ever written (and no reviewer
`author`): these are ClaimReview skeletons for a fact-checker to complete. claimbase's own
reading of the claim travels in `claimbase:`-prefixed properties (source kind, modality,
author stance, event ids).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

CONTEXT = ["https://schema.org", {"claimbase": "https://claimbase.org/ns#"}]
PERSON_KINDS = {"person"}
ORGANIZATION_KINDS = {"organization", "media"}


def claimant(source: dict[str, Any]) -> dict[str, Any] | None:
    """The Claim's author: a Person or Organization; None for anonymous sources and rumor."""
    kind, name = source.get("kind"), source.get("text")
    if not name or kind not in PERSON_KINDS | ORGANIZATION_KINDS:
        return None
    node: dict[str, Any] = {"@type": "Person" if kind in PERSON_KINDS else "Organization",
                            "name": name}
    if source.get("id"):
        node["identifier"] = source["id"]
    return node


def appearance(doc: dict[str, Any]) -> dict[str, Any]:
    """The article as a CreativeWork (only the fields the store knows)."""
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if doc.get("url"):
        work["url"] = doc["url"]
    if doc.get("title"):
        work["headline"] = doc["title"]
    if doc.get("outlet"):
        work["publisher"] = {"@type": "Organization", "name": doc["outlet"]}
    if doc.get("author"):
        work["author"] = {"@type": "Person", "name": doc["author"]}
    if doc.get("published"):
        work["datePublished"] = doc["published"]
    return work


def claim_review(att: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any] | None:
    """One attribution record (RECORD.md) as a ClaimReview, None for the author's voice."""
    source = att.get("source") or {}
    if source.get("kind") in (None, "author"):
        return None
    content = (att.get("content") or {}).get("text")
    if not content:
        return None
    claim: dict[str, Any] = {"@type": "Claim", "appearance": appearance(doc)}
    author = claimant(source)
    if author is not None:
        claim["author"] = author
    if doc.get("published"):
        claim["datePublished"] = doc["published"]
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": " ".join(content.split()),
        "itemReviewed": claim,
        "claimbase:sourceKind": source.get("kind"),
        "claimbase:sourceText": source.get("text"),
        "claimbase:cue": (att.get("cue") or {}).get("text"),
        "claimbase:modality": att.get("modality"),
        "claimbase:authorStance": att.get("author_stance"),
        "claimbase:eventIds": att.get("event_ids") or [],
        "claimbase:docId": att.get("doc_id"),
    }
    if doc.get("url"):
        review["url"] = doc["url"]
    return {k: v for k, v in review.items() if v is not None}


def write_claimreview(items: Iterable[tuple[dict[str, Any], dict[str, Any]]],
                      out: IO[str]) -> int:
    """Write `{"@context", "@graph": [ClaimReview…]}` for (attribution, document) pairs."""
    out.write('{"@context": ' + json.dumps(CONTEXT) + ', "@graph": [\n')
    n = 0
    for att, doc in items:
        review = claim_review(att, doc)
        if review is None:
            continue
        out.write((",\n" if n else "") + json.dumps(review, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
