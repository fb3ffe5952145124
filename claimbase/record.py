"""The record model: one `Document` flows through every pipeline stage.

Readers create a `Document`; each stage fills in its own fields (boilerplate spans, the spaCy
parse, actor mentions, places, dates, attributions, events); `event_records`,
`attribution_records` and `place_records` turn the result into the dicts defined in
RECORD.md. Offsets are always code-point offsets into `Document.text`, the text exactly as
given (or as extracted from HTML/WARC), never into a cleaned copy.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from claimbase import __version__

# zero-width spaces and joiners, direction marks, word joiner, byte-order mark, soft hyphen
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\u202a-\u202e]")
# a run of them touching a space, a line's end or the text's ends
_INVISIBLE_RUN = re.compile("(?:(?<=\\s)|^)[\u200b-\u200f\u2060\ufeff\u00ad\u202a-\u202e]+"
                            "|[\u200b-\u200f\u2060\ufeff\u00ad\u202a-\u202e]+(?=\\s|$)",
                            re.MULTILINE)

EXTRACTOR = f"claimbase {__version__}"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
SOURCE_KINDS = ("author", "person", "organization", "media", "anonymous", "rumor")
MODALITIES = ("asserted", "hedged", "future", "hypothetical", "negated", "question")
STANCES = ("endorses", "disputes", "neutral")
QUANTITY_KINDS = (
    "killed", "injured", "captured", "surrendered", "arrested", "displaced", "participants",
)
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")


def text_hash(text: str) -> str:
    """`doc_id`: the first 16 hex digits of SHA-256 over the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class DocMeta:
    """Document metadata, from the header, the reader or the caller."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD"
    url: str | None = None
    original_outlet: str | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title, "outlet": self.outlet, "author": self.author,
            "published": self.published, "url": self.url,
            "original_outlet": self.original_outlet,
        }


@dataclass(slots=True)
class Boilerplate:
    """A span that no extraction reads (menus, appeals, disclaimers, bylines…)."""

    start: int
    end: int
    kind: str  # e.g. "header", "appeal", "disclaimer", "copyright", "navigation", "bio"


@dataclass(slots=True)
class ActorMention:
    """A span that refers to an actor, resolved against the actor dictionary when possible."""

    text: str
    start: int
    end: int
    id: str | None = None
    name: str | None = None
    sector: str | None = None  # PLOVER/CAMEO sector: GOV MIL REB UAF SPY LEG CVL JRN UNK …
    country: str | None = None  # ISO3 or None
    kind: str = "actor"  # actor | person | organization | media | generic | pronoun

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "id": self.id,
                "name": self.name, "sector": self.sector, "country": self.country}


@dataclass(slots=True)
class Place:
    """A place mention, resolved against the gazetteer when possible."""

    text: str
    start: int
    end: int
    name: str | None = None
    gazetteer_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO alpha-2
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None
    precision: int | None = None  # ACLED geo_precision 1-3
    score: float | None = None
    # how an event's place was found when the text does not name it: "reference" = a
    # description ("the village") that refers back to a place named before it
    inferred: str | None = None

    def as_location(self) -> dict[str, Any]:
        """The `location` object of an event record."""
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name,
                "gazetteer_id": self.gazetteer_id, "lat": self.lat, "lon": self.lon,
                "country": self.country, "admin1": self.admin1, "admin2": self.admin2,
                "feature": self.feature, "precision": self.precision,
                "inferred": self.inferred}


@dataclass(slots=True)
class DateMention:
    """A normalised temporal expression. `value_start`/`value_end` are ISO dates."""

    text: str | None
    start: int | None  # character offsets of the expression (None when inferred)
    end: int | None
    value_start: str | None
    value_end: str | None
    precision: str = "unknown"

    def as_date(self) -> dict[str, Any]:
        """The `date` object of an event record (start/end are the normalised dates)."""
        return {"text": self.text, "start": self.value_start, "end": self.value_end,
                "precision": self.precision}


@dataclass(slots=True)
class Quantity:
    kind: str
    text: str
    low: int | None = None
    best: int | None = None
    high: int | None = None
    of: str | None = None
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "low": self.low, "best": self.best,
                "high": self.high, "of": self.of, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Attribution:
    """A reported statement: source + cue + content, with its chain of outer sources."""

    source_kind: str  # one of SOURCE_KINDS
    source_text: str | None
    source_start: int | None
    source_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    content_start: int
    content_end: int
    source_id: str | None = None
    modality: str = "asserted"
    author_stance: str = "neutral"
    scope: str = "explicit"  # explicit | block | carried
    parent: Attribution | None = None  # the outer attribution for nested chains
    event_ids: list[str] = field(default_factory=list)
    cue_class: str | None = None  # report, belief, intention, support, … (cues.yaml)

    def chain(self, doc: Document) -> list[dict[str, Any]]:
        """Outermost first: the author, then every enclosing source, then this one."""
        links: list[dict[str, Any]] = []
        node: Attribution | None = self
        while node is not None:
            links.append({"source_kind": node.source_kind, "source_text": node.source_text})
            node = node.parent
        links.append({"source_kind": "author", "source_text": doc.author_label})
        return links[::-1]


@dataclass(slots=True)
class Event:
    """One event as asserted in one document."""

    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    event_type: str
    event_mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor: ActorMention | None = None
    recipient: ActorMention | None = None
    co_actors: list[ActorMention] = field(default_factory=list)
    co_recipients: list[ActorMention] = field(default_factory=list)
    location: Place | None = None
    date: DateMention | None = None
    quantities: list[Quantity] = field(default_factory=list)
    attribution: Attribution | None = None  # None = the author's own voice
    modality: str = "asserted"
    author_stance: str = "neutral"
    event_id: str | None = None
    cluster_id: str | None = None
    corroboration: dict[str, Any] | None = None


@dataclass
class Document:
    """The one object every stage reads and writes."""

    text: str
    ref: str
    meta: DocMeta = field(default_factory=DocMeta)
    source_format: str = "txt"
    boilerplate: list[Boilerplate] = field(default_factory=list)
    markup: list[tuple[int, int]] = field(default_factory=list)  # syntax to blank, e.g. "](#)"
    reference_date: date | None = None
    spacy_doc: Any = None
    actors: list[ActorMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cleaned_for: tuple | None = field(default=None, repr=False)  # what the marks were made for
    _analysis_text: str | None = field(default=None, repr=False)
    _doc_id: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def doc_id(self) -> str:
        """`text_hash(text)`, computed once per text (every record asks for it)."""
        cached = self._doc_id
        if cached is None or cached[0] is not self.text:
            cached = self._doc_id = (self.text, text_hash(self.text))
        return cached[1]

    @property
    def author_label(self) -> str | None:
        """Who speaks in the author's voice: the byline, else the outlet."""
        return self.meta.author or self.meta.outlet

    @property
    def analysis_text(self) -> str:
        """The text the NLP reads: same length as `text`, boilerplate and markup blanked.

        Characters inside boilerplate or markup spans become spaces (newlines are kept), so
        every offset into the analysis text is an offset into `text`; so do invisible format
        characters next to a space or a line's end ("in \u200b\u200bDeir Ezzor", "from
        \u200eBanyas"), which would otherwise glue themselves to the word they touch.
        """
        if self._analysis_text is None:
            chars = list(self.text)
            spans = [(b.start, b.end) for b in self.boilerplate] + list(self.markup)
            if _INVISIBLE.search(self.text):
                spans += [m.span() for m in _INVISIBLE_RUN.finditer(self.text)]
            for start, end in spans:
                for i in range(max(0, start), min(end, len(chars))):
                    if chars[i] != "\n":
                        chars[i] = " "
            self._analysis_text = "".join(chars)
        return self._analysis_text

    def invalidate(self) -> None:
        """Forget the cached analysis text after boilerplate or markup changed."""
        self._analysis_text = None

    def in_boilerplate(self, start: int, end: int) -> bool:
        return any(b.start < end and start < b.end for b in self.boilerplate)

    def doc_dict(self) -> dict[str, Any]:
        """The `doc` object shared by every record of this document."""
        return {"ref": self.ref, **self.meta.as_dict()}


def _attribution_dict(doc: Document, att: Attribution | None) -> dict[str, Any]:
    if att is None:
        return {"source_kind": "author", "source_text": None, "source_start": None,
                "source_end": None, "source_id": None, "cue": None, "cue_start": None,
                "cue_end": None, "scope": "author",
                "chain": [{"source_kind": "author", "source_text": doc.author_label}]}
    return {"source_kind": att.source_kind, "source_text": att.source_text,
            "source_start": att.source_start, "source_end": att.source_end,
            "source_id": att.source_id, "cue": att.cue, "cue_start": att.cue_start,
            "cue_end": att.cue_end, "scope": att.scope, "chain": att.chain(doc)}


def _actor(m: ActorMention | None) -> dict[str, Any] | None:
    return m.as_dict() if m is not None else None


def assign_event_ids(doc: Document) -> None:
    """Number events 1.. by trigger offset: same input + same version -> same ids."""
    doc.events.sort(key=lambda e: (e.trigger_start, e.trigger_end, e.event_type))
    for n, ev in enumerate(doc.events, 1):
        ev.event_id = f"{doc.doc_id}:{n}"


def event_record(doc: Document, ev: Event) -> dict[str, Any]:
    """One event as the RECORD.md dict."""
    text = doc.text
    return {
        "event_id": ev.event_id,
        "doc_id": doc.doc_id,
        "doc": doc.doc_dict(),
        "sentence": {"text": text[ev.sentence_start:ev.sentence_end],
                     "start": ev.sentence_start, "end": ev.sentence_end},
        "trigger": {"text": text[ev.trigger_start:ev.trigger_end],
                    "start": ev.trigger_start, "end": ev.trigger_end},
        "event_type": ev.event_type,
        "event_mode": ev.event_mode,
        "acled_event_type": ev.acled_event_type,
        "acled_sub_event_type": ev.acled_sub_event_type,
        "actor": _actor(ev.actor),
        "co_actors": [m.as_dict() for m in ev.co_actors],
        "recipient": _actor(ev.recipient),
        "co_recipients": [m.as_dict() for m in ev.co_recipients],
        "location": ev.location.as_location() if ev.location else None,
        "date": (ev.date.as_date() if ev.date else
                 {"text": None, "start": None, "end": None, "precision": "unknown"}),
        "quantities": [q.as_dict() for q in ev.quantities],
        "attribution": _attribution_dict(doc, ev.attribution),
        "modality": ev.modality,
        "author_stance": ev.author_stance,
        "cluster_id": ev.cluster_id,
        "corroboration": ev.corroboration,
        "extractor": EXTRACTOR,
    }


def event_records(doc: Document) -> list[dict[str, Any]]:
    if any(ev.event_id is None for ev in doc.events):
        assign_event_ids(doc)
    return [event_record(doc, ev) for ev in doc.events]


def attribution_records(doc: Document) -> list[dict[str, Any]]:
    """Every reported statement, with the ids of the events it is the innermost source of."""
    if any(ev.event_id is None for ev in doc.events):
        assign_event_ids(doc)
    ids: dict[int, list[str]] = {}
    for ev in doc.events:
        if ev.attribution is not None:
            ids.setdefault(id(ev.attribution), []).append(ev.event_id or "")
    out = []
    text = doc.text
    for att in doc.attributions:
        src = None
        if att.source_start is not None:
            src = {"text": text[att.source_start:att.source_end], "start": att.source_start,
                   "end": att.source_end, "kind": att.source_kind, "id": att.source_id}
        else:
            src = {"text": att.source_text, "start": None, "end": None,
                   "kind": att.source_kind, "id": att.source_id}
        cue = None
        if att.cue_start is not None:
            cue = {"text": text[att.cue_start:att.cue_end], "start": att.cue_start,
                   "end": att.cue_end}
        out.append({
            "doc": {"ref": doc.ref}, "doc_id": doc.doc_id,
            "source": src, "cue": cue,
            "content": {"text": text[att.content_start:att.content_end],
                        "start": att.content_start, "end": att.content_end},
            "modality": att.modality, "author_stance": att.author_stance,
            "scope": att.scope, "chain": att.chain(doc),
            "event_ids": ids.get(id(att), []), "cue_class": att.cue_class,
        })
    return out


def place_records(doc: Document) -> list[dict[str, Any]]:
    return [{"doc": {"ref": doc.ref}, "doc_id": doc.doc_id, "text": p.text, "start": p.start,
             "end": p.end, "name": p.name, "gazetteer_id": p.gazetteer_id, "lat": p.lat,
             "lon": p.lon, "country": p.country, "admin1": p.admin1, "admin2": p.admin2,
             "feature": p.feature, "precision": p.precision, "score": p.score}
            for p in doc.places]
