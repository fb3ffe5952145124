"""Event clusters: records from different documents that report the same real-world event.

Sub-quadratic by blocking: each event is indexed under (type family, 3-day date bucket,
0.5° place cell) keys, and under (type family, date bucket, actor) keys, and only events
sharing a key are compared. A pair is linked when its types are compatible, its date ranges
overlap, its places lie within a radius set by their precision, and the weighted score of
type, place, date, actors and wording clears the threshold. Linking is incremental: an
`EventIndex` holds the events already clustered and new events join the best cluster or
start one.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

DAY_BUCKET = 3  # days per date bucket
CELL_DEG = 0.5  # degrees per place cell (about 50 km)
DATE_SLACK = 1  # days of slack when comparing date ranges
UNDATED_WINDOW = 7  # an undated event happened within this many days before publication
RADIUS_KM = {1: 3.0, 2: 15.0, 3: 60.0}
THRESHOLD = 0.84
MAX_RANGE_DAYS = 45  # wider date ranges (month/year precision) are too vague to block on

# Type families: events of one family can describe the same occurrence.
TYPE_FAMILY = {
    "ASSAULT": "violence", "COERCE": "violence", "RETREAT": "violence",
    "PROTEST": "protest", "MOBILIZE": "mobilize",
    "AGREE": "agree", "CONCEDE": "agree", "CONSULT": "agree", "COOPERATE": "agree",
    "AID": "aid", "SUPPORT": "aid",
    "REQUEST": "verbal", "ACCUSE": "verbal", "REJECT": "verbal", "THREATEN": "verbal",
    "SANCTION": "sanction",
}
STOPWORDS = frozenset(
    "the a an of in on at to and or for by with from as that this these those is was were are "
    "be been has have had it its their they he she his her said says say also after before "
    "while during into over than more at least some which who".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _ordinal(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (t.lower() for t in _WORD.findall(text or ""))
                     if w not in STOPWORDS and len(w) > 2)


@dataclass(slots=True)
class EventInfo:
    """The fields of an event record that linking compares."""

    event_id: str
    doc_id: str
    event_type: str
    actor_id: str | None = None
    recipient_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None
    admin1: str | None = None
    day_start: int | None = None  # proleptic ordinals
    day_end: int | None = None
    killed: int | None = None
    words: frozenset[str] = field(default_factory=frozenset)
    cluster_id: str | None = None

    @classmethod
    def from_record(cls, rec: dict[str, Any], published: str | None = None) -> EventInfo:
        """Build from a RECORD.md event record (`published`: the document's date)."""
        loc = rec.get("location") or {}
        dt = rec.get("date") or {}
        start, end = _ordinal(dt.get("start")), _ordinal(dt.get("end"))
        pub = _ordinal(published or (rec.get("doc") or {}).get("published"))
        if start is None and end is None and pub is not None:
            start, end = pub - UNDATED_WINDOW, pub
        elif start is None:
            start = end - UNDATED_WINDOW * 4 if end is not None else None
        elif end is None:
            end = start if pub is None else max(start, pub)
        killed = None
        for q in rec.get("quantities") or []:
            if q.get("kind") == "killed":
                killed = q.get("best") if q.get("best") is not None else q.get("low")
                break
        actor = rec.get("actor") or {}
        recipient = rec.get("recipient") or {}
        return cls(
            event_id=rec["event_id"], doc_id=rec["doc_id"], event_type=rec["event_type"],
            actor_id=actor.get("id"), recipient_id=recipient.get("id"),
            lat=loc.get("lat"), lon=loc.get("lon"), precision=loc.get("precision"),
            admin1=loc.get("admin1"), day_start=start, day_end=end, killed=killed,
            words=content_words((rec.get("sentence") or {}).get("text", "")),
            cluster_id=rec.get("cluster_id"),
        )

    @property
    def family(self) -> str:
        return TYPE_FAMILY.get(self.event_type, self.event_type)

    def block_keys(self) -> Iterator[tuple]:
        """Blocking keys this event is indexed under."""
        if self.day_start is None or self.day_end is None:
            return
        if self.day_end - self.day_start > MAX_RANGE_DAYS:
            return  # a vague period (month, year) is no basis for linking
        fam = self.family
        buckets = range(self.day_start // DAY_BUCKET, self.day_end // DAY_BUCKET + 1)
        for b in buckets:
            if self.lat is not None and self.lon is not None:
                yield (fam, b, "cell", int(math.floor(self.lat / CELL_DEG)),
                       int(math.floor(self.lon / CELL_DEG)))
            for actor in (self.actor_id, self.recipient_id):
                if actor:
                    yield (fam, b, "actor", actor)

    def probe_keys(self) -> Iterator[tuple]:
        """Keys to look up: own buckets ±1 and the 3×3 neighbouring cells."""
        if self.day_start is None or self.day_end is None:
            return
        if self.day_end - self.day_start > MAX_RANGE_DAYS:
            return  # a vague period (month, year) is no basis for linking
        fam = self.family
        for b in range((self.day_start - DATE_SLACK) // DAY_BUCKET,
                       (self.day_end + DATE_SLACK) // DAY_BUCKET + 1):
            if self.lat is not None and self.lon is not None:
                ci = int(math.floor(self.lat / CELL_DEG))
                cj = int(math.floor(self.lon / CELL_DEG))
                for di in (-1, 0, 1):
                    for dj in (-1, 0, 1):
                        yield (fam, b, "cell", ci + di, cj + dj)
            for actor in (self.actor_id, self.recipient_id):
                if actor:
                    yield (fam, b, "actor", actor)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def pair_score(a: EventInfo, b: EventInfo) -> float:
    """0 when the pair cannot be the same event, else a similarity in (0, 1]."""
    if a.family != b.family:
        return 0.0
    if a.day_start is None or b.day_start is None:
        return 0.0
    if a.day_start > b.day_end + DATE_SLACK or b.day_start > a.day_end + DATE_SLACK:
        return 0.0
    type_score = 1.0 if a.event_type == b.event_type else 0.6
    if a.lat is not None and b.lat is not None:
        radius = RADIUS_KM.get(max(a.precision or 1, b.precision or 1), 150.0)
        dist = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if dist > radius:
            return 0.0
        place_score = 1.0 if dist <= 1.0 else 1.0 - 0.5 * dist / radius
    elif a.admin1 and b.admin1:
        place_score = 0.6 if a.admin1 == b.admin1 else 0.0
        if not place_score:
            return 0.0
    else:
        place_score = 0.3
    span = max(a.day_end - a.day_start, b.day_end - b.day_start, 0)
    if span == 0:  # two single days: the same day, or one apart (within the slack)
        date_score = 1.0 if a.day_start == b.day_start else 0.5
    else:
        date_score = 1.0 / (1.0 + span)
    actors_a = {x for x in (a.actor_id, a.recipient_id) if x}
    actors_b = {x for x in (b.actor_id, b.recipient_id) if x}
    if actors_a and actors_b:
        actor_score = len(actors_a & actors_b) / len(actors_a | actors_b)
    else:
        actor_score = 0.5
    union = a.words | b.words
    text_score = len(a.words & b.words) / len(union) if union else 0.0
    return (0.1 * type_score + 0.3 * place_score + 0.3 * date_score
            + 0.15 * actor_score + 0.15 * min(1.0, 2 * text_score))


class EventIndex:
    """The blocking index over events already clustered; add events incrementally."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.blocks: dict[tuple, list[EventInfo]] = defaultdict(list)
        self.comparisons = 0

    def add(self, ev: EventInfo) -> None:
        for key in ev.block_keys():
            self.blocks[key].append(ev)

    def candidates(self, ev: EventInfo) -> dict[str, EventInfo]:
        found: dict[str, EventInfo] = {}
        for key in ev.probe_keys():
            for other in self.blocks.get(key, ()):
                found[other.event_id] = other
        found.pop(ev.event_id, None)
        return found

    def assign(self, ev: EventInfo) -> str:
        """Put `ev` in the cluster of its best match above threshold, or a new cluster."""
        by_cluster: dict[str, list[float]] = defaultdict(list)
        for other in self.candidates(ev).values():
            self.comparisons += 1
            by_cluster[other.cluster_id].append(pair_score(ev, other))
        best_score, best_cluster = 0.0, None
        for cluster_id, scores in by_cluster.items():
            # half best match, half average: joins on a strong match, without chaining
            score = (max(scores) + sum(scores) / len(scores)) / 2
            if score >= self.threshold and score > best_score:
                best_score, best_cluster = score, cluster_id
        ev.cluster_id = best_cluster or new_cluster_id(ev.event_id)
        self.add(ev)
        return ev.cluster_id


def new_cluster_id(event_id: str) -> str:
    return f"C{event_id}"


def cluster_events(events: Iterable[EventInfo], index: EventIndex | None = None,
                   ) -> dict[str, str]:
    """Cluster events (those with a cluster_id are already placed). Returns event → cluster."""
    index = index or EventIndex()
    events = list(events)
    placed = [e for e in events if e.cluster_id]
    for ev in placed:
        index.add(ev)
    fresh = sorted((e for e in events if not e.cluster_id),
                   key=lambda e: (e.day_start if e.day_start is not None else 1 << 30,
                                  e.event_id))
    for ev in fresh:
        index.assign(ev)
    return {e.event_id: e.cluster_id for e in events}


def day_iso(ordinal: int | None) -> str | None:
    return date.fromordinal(ordinal).isoformat() if ordinal is not None else None


def shift_days(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()
