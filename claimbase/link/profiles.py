"""Source profiles: neutral figures per outlet and per author.

Documents, events, the share of claims by source kind, the hedged share, how often the
outlet disputes other outlets' claims (and whose), and its re-posting ties. claimbase never
rates outlets: these are counts a reader can check against the records behind them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimbase.record import SOURCE_KINDS


@dataclass
class Profile:
    kind: str  # outlet | author
    name: str
    documents: set[str] = field(default_factory=set)
    events: int = 0
    by_source_kind: Counter = field(default_factory=Counter)
    hedged: int = 0
    disputes: Counter = field(default_factory=Counter)  # disputed source -> count
    reposts_of: Counter = field(default_factory=Counter)  # outlets this one copies
    reposted_by: Counter = field(default_factory=Counter)  # outlets copying this one

    def as_dict(self) -> dict[str, Any]:
        n = self.events or 1
        return {
            "kind": self.kind, "name": self.name, "documents": len(self.documents),
            "events": self.events,
            "source_kind_share": {k: round(self.by_source_kind[k] / n, 3) for k in SOURCE_KINDS},
            "hedged_share": round(self.hedged / n, 3),
            "disputes": sum(self.disputes.values()),
            "disputed_sources": dict(self.disputes.most_common()),
            "reposts_of": dict(self.reposts_of), "reposted_by": dict(self.reposted_by),
        }


def source_profiles(documents: Iterable[dict[str, Any]], events: Iterable[dict[str, Any]],
                    reposts: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Profiles from document rows, event records and re-post rows of the store."""
    docs = {d["doc_id"]: d for d in documents}
    profiles: dict[tuple[str, str], Profile] = {}

    def get(kind: str, name: str | None) -> Profile | None:
        if not name:
            return None
        key = (kind, name)
        if key not in profiles:
            profiles[key] = Profile(kind, name)
        return profiles[key]

    for d in docs.values():
        for p in (get("outlet", d.get("outlet")), get("author", d.get("author"))):
            if p:
                p.documents.add(d["doc_id"])
    for rec in events:
        d = docs.get(rec["doc_id"], {})
        att = rec.get("attribution") or {}
        for p in (get("outlet", d.get("outlet")), get("author", d.get("author"))):
            if not p:
                continue
            p.events += 1
            p.by_source_kind[att.get("source_kind") or "author"] += 1
            if rec.get("modality") == "hedged":
                p.hedged += 1
            if rec.get("author_stance") == "disputes":
                p.disputes[att.get("source_id") or att.get("source_text") or "?"] += 1
    ties: dict[str, Counter] = defaultdict(Counter)
    for r in reposts:
        copy = docs.get(r["doc_id"], {}).get("outlet")
        original = docs.get(r["original_doc_id"], {}).get("outlet")
        if copy and original and copy != original:
            ties[copy][original] += 1
    for d in docs.values():  # re-posts whose original is known only from metadata
        outlet, original = d.get("outlet"), d.get("original_outlet")
        if outlet and original and original != outlet and not ties[outlet][original]:
            ties[outlet][original] += 1
    for copy, originals in ties.items():
        for original, n in originals.items():
            get("outlet", copy).reposts_of[original] += n
            get("outlet", original).reposted_by[copy] += n
    ordered = sorted(profiles.values(), key=lambda p: (p.kind != "outlet", -len(p.documents),
                                                        p.name))
    return [p.as_dict() for p in ordered]
