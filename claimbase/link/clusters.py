"""Event clusters: records from different documents that report the same real-world event.

Sub-quadratic by blocking: each event is indexed under (type family, 3-day date bucket,
0.5° place cell) keys, and under (type family, date bucket, actor) keys, and only events
sharing a key are compared. `pair_score` is 0 for incompatible pairs (type families, dates
further apart than a day, places beyond a radius set by their precision, two places named
by one document) and otherwise weighs place (distance decay on the scale of the coarser
precision, times how specific that precision is), date (overlap, weaker for wide ranges and
for a day apart), sides, type and wording (across documents only).

Assignment is incremental (`EventIndex`): a new event joins the cluster it matches strongly
(half its best match, half the average over the members met); failing that, a vague report
(undated, or placed coarsely) that is consistent with exactly one cluster joins it, while
one that fits several is ambiguous and stays alone; clusters a new event matches strongly
alike are merged. New events are placed precise-first, so a batch gives the same clusters
in any input order.
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
RADIUS_KM = {1: 3.0, 2: 15.0, 3: 60.0}  # by the coarser precision: further is another place
PLACE_SCALE_KM = {1: 1.0, 2: 5.0, 3: 20.0}  # closeness halves over each such distance
PLACE_SPECIFICITY = {1: 1.0, 2: 0.9, 3: 0.6}  # a shared town says more than a shared region
FLAT_SHARE = 0.3  # closer than this share of the scale is one place (gazetteers differ)
SAME_PLACE_KM = 1.0  # one document naming places further apart names two events
GAP_FACTOR = 0.5  # date ranges a day apart (within the slack)
UNKNOWN = 0.5  # a feature one side lacks: neither for nor against
WEIGHTS = {"type": 0.1, "place": 0.35, "date": 0.35, "actors": 0.15, "text": 0.05}
THRESHOLD = 0.9  # a strong match joins its cluster
VAGUE_FLOOR = 0.65  # a vague but consistent report joins its only fitting cluster above this
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


def date_score(a: EventInfo, b: EventInfo) -> float:
    """Compatibility of two date ranges: 0 when they are further apart than the slack, else
    higher the more precise they are (two equal days beat a day inside a week)."""
    gap = max(a.day_start, b.day_start) - min(a.day_end, b.day_end)  # <= 0: they overlap
    if gap > DATE_SLACK:
        return 0.0
    span = max(a.day_end - a.day_start, b.day_end - b.day_start, 0)
    score = 1.0 / math.sqrt(1.0 + span)
    return score * GAP_FACTOR if gap > 0 else score


def place_score(a: EventInfo, b: EventInfo) -> float:
    """Closeness of two places, decaying on the scale of the coarser one's precision, times
    how specific that precision is. 0 when they are too far apart to be one place."""
    if a.lat is not None and b.lat is not None:
        prec = max(a.precision or 1, b.precision or 1)
        dist = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if dist > RADIUS_KM.get(prec, 150.0):
            return 0.0
        scale = PLACE_SCALE_KM.get(prec, 50.0)
        closeness = 0.5 ** (max(0.0, dist - scale * FLAT_SHARE) / scale)
        return closeness * PLACE_SPECIFICITY.get(prec, 0.4)
    if a.admin1 and b.admin1:
        return PLACE_SPECIFICITY[3] if a.admin1 == b.admin1 else 0.0
    return UNKNOWN


def actor_score(a: EventInfo, b: EventInfo) -> float:
    actors_a = {x for x in (a.actor_id, a.recipient_id) if x}
    actors_b = {x for x in (b.actor_id, b.recipient_id) if x}
    if actors_a and actors_b:
        return len(actors_a & actors_b) / len(actors_a | actors_b)
    return UNKNOWN


def text_score(a: EventInfo, b: EventInfo) -> float:
    """Shared wording of the evidence; two records of one document share their text
    whatever they report, so it says nothing there."""
    if a.doc_id == b.doc_id:
        return UNKNOWN
    union = a.words | b.words
    return min(1.0, 2 * len(a.words & b.words) / len(union)) if union else 0.0


def distinct_places_in_one_document(a: EventInfo, b: EventInfo) -> bool:
    """One document naming two precise places for two events reports two events."""
    return (a.doc_id == b.doc_id and a.lat is not None and b.lat is not None
            and max(a.precision or 1, b.precision or 1) <= 2
            and haversine_km(a.lat, a.lon, b.lat, b.lon) > SAME_PLACE_KM)


def pair_score(a: EventInfo, b: EventInfo) -> float:
    """0 when the pair cannot be the same event, else a similarity in (0, 1]."""
    if a.family != b.family or a.day_start is None or b.day_start is None:
        return 0.0
    dates = date_score(a, b)
    if not dates:
        return 0.0
    place = place_score(a, b)
    if not place or distinct_places_in_one_document(a, b):
        return 0.0
    kind = 1.0 if a.event_type == b.event_type else 0.6
    w = WEIGHTS
    return (w["type"] * kind + w["place"] * place + w["date"] * dates
            + w["actors"] * actor_score(a, b) + w["text"] * text_score(a, b))


def vagueness(e: EventInfo) -> tuple[int, int]:
    """How vague a report is: its date span, then its place precision (larger: vaguer)."""
    span = e.day_end - e.day_start if e.day_start is not None and e.day_end is not None else 1 << 20
    return span, e.precision or (3 if e.lat is not None else 6)


def consistent(a: EventInfo, b: EventInfo) -> bool:
    """No evidence against one event, only vagueness: date ranges overlap, places are one
    place at the coarser precision, and known sides are the same."""
    if a.day_start is None or b.day_start is None:
        return False
    if max(a.day_start, b.day_start) > min(a.day_end, b.day_end):
        return False
    if a.lat is None or b.lat is None:
        return False  # a province, or no place at all, is too wide to pin one event down
    prec = max(a.precision or 1, b.precision or 1)
    if haversine_km(a.lat, a.lon, b.lat, b.lon) > PLACE_SCALE_KM.get(prec, 50.0) / 2:
        return False
    return actor_score(a, b) >= UNKNOWN  # the same sides, or sides unknown


def fits(ev: EventInfo, pairs: list[tuple[float, EventInfo]]) -> bool:
    """A vague report fits a cluster when it is consistent with half the members met and no
    more precise than its best match (a precise report that meets only vaguer ones,
    ingested first, does not know yet which event they belong to)."""
    match = max(pairs, key=lambda p: p[0])[1]
    agree = sum(1 for _, other in pairs if consistent(ev, other))
    return 2 * agree >= len(pairs) and vagueness(ev) >= vagueness(match)


class EventIndex:
    """The blocking index over events already clustered; add events incrementally."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.blocks: dict[tuple, list[EventInfo]] = defaultdict(list)
        self.members: dict[str, list[EventInfo]] = defaultdict(list)
        self.comparisons = 0
        self.merges = 0

    def add(self, ev: EventInfo) -> None:
        for key in ev.block_keys():
            self.blocks[key].append(ev)
        if ev.cluster_id:
            self.members[ev.cluster_id].append(ev)

    def candidates(self, ev: EventInfo) -> dict[str, EventInfo]:
        found: dict[str, EventInfo] = {}
        for key in ev.probe_keys():
            for other in self.blocks.get(key, ()):
                found[other.event_id] = other
        found.pop(ev.event_id, None)
        return found

    def cluster_scores(self, ev: EventInfo,
                       ) -> list[tuple[float, str, list[tuple[float, EventInfo]]]]:
        """Candidate clusters of `ev`, best first: (score, cluster id, the members met with
        their pair scores). The score is half the best match and half the average over the
        members met: a strong match joins, without chaining."""
        by_cluster: dict[str, list[tuple[float, EventInfo]]] = defaultdict(list)
        for other in self.candidates(ev).values():
            self.comparisons += 1
            by_cluster[other.cluster_id].append((pair_score(ev, other), other))
        scored = []
        for cid, pairs in by_cluster.items():
            top = max(p[0] for p in pairs)
            scored.append(((top + sum(p[0] for p in pairs) / len(pairs)) / 2, cid, pairs))
        return sorted(scored, key=lambda t: t[0], reverse=True)

    def assign(self, ev: EventInfo) -> str:
        """Put `ev` in the cluster it matches strongly; failing that, in the one cluster it
        fits (see `fits`), if there is just one; else start a cluster. Clusters that `ev`
        matches strongly alike are one event told apart too early: they are merged."""
        scored = self.cluster_scores(ev)
        strong = [cid for score, cid, _ in scored if score >= self.threshold]
        if strong:
            ev.cluster_id = self.merge(strong) if len(strong) > 1 else strong[0]
        else:
            fitting = [cid for score, cid, pairs in scored
                       if score >= VAGUE_FLOOR and fits(ev, pairs)]
            ev.cluster_id = fitting[0] if len(fitting) == 1 else new_cluster_id(ev.event_id)
        self.add(ev)
        return ev.cluster_id

    def merge(self, cluster_ids: list[str]) -> str:
        """Merge clusters into the largest (the smallest id on a tie), so ids stay stable."""
        keep = min(cluster_ids, key=lambda c: (-len(self.members[c]), c))
        for cid in cluster_ids:
            if cid != keep:
                for other in self.members.pop(cid, []):
                    other.cluster_id = keep
                    self.members[keep].append(other)
                self.merges += 1
        return keep


def new_cluster_id(event_id: str) -> str:
    return f"C{event_id}"


def _specific_first(e: EventInfo) -> tuple:
    """Order of placement: precise dates first, then precise places, so vague reports meet
    the clusters."""
    if e.day_start is None:
        return (2, 0, e.precision or 9, e.event_id)
    span = e.day_end - e.day_start
    return (0 if span == 0 else 1, e.day_start, e.precision or 9, e.event_id)


def cluster_events(events: Iterable[EventInfo], index: EventIndex | None = None,
                   ) -> dict[str, str]:
    """Cluster events (those with a cluster_id are already placed). Returns event → cluster."""
    index = index or EventIndex()
    events = list(events)
    placed = [e for e in events if e.cluster_id]
    for ev in placed:
        index.add(ev)
    for ev in sorted((e for e in events if not e.cluster_id), key=_specific_first):
        index.assign(ev)
    return {e.event_id: e.cluster_id for e in events}


def day_iso(ordinal: int | None) -> str | None:
    return date.fromordinal(ordinal).isoformat() if ordinal is not None else None


def shift_days(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()
