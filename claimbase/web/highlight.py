"""Cut a document into labelled segments for the event page, never into markup.

The text is untrusted: this module only returns (text, roles) pieces; the template escapes
every piece (Jinja autoescape), so no character of an article ever becomes HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Display order of roles when spans overlap (outermost first).
ROLES = ("sentence", "source", "cue", "actor", "recipient", "co_actor", "place", "date",
         "quantity", "trigger")
WINDOW = 20_000  # characters shown either side of the sentence of a very long document


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    role: str
    label: str


@dataclass(slots=True)
class Segment:
    text: str
    roles: list[str] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)  # labels of spans that begin here

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "roles": self.roles, "starts": self.starts}


def _offset_span(obj: dict[str, Any] | None, role: str, label: str, n: int,
                 start_key: str = "start", end_key: str = "end") -> Span | None:
    if not obj:
        return None
    start, end = obj.get(start_key), obj.get(end_key)
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= n:
        return None
    return Span(start, end, role, label)


def _find_in_sentence(text: str, needle: str | None, sentence: tuple[int, int]) -> Span | None:
    """The date has no offsets in the record: find its text inside the sentence."""
    if not needle:
        return None
    pos = text.find(needle, sentence[0], sentence[1] + len(needle))
    if pos < 0:
        return None
    return Span(pos, pos + len(needle), "date", "date")


def event_spans(text: str, record: dict[str, Any]) -> list[Span]:
    """Every labelled span of an event record, checked against the text's length."""
    n = len(text)
    att = record.get("attribution") or {}
    sentence = record.get("sentence") or {}
    found = [
        _offset_span(sentence, "sentence", "sentence", n),
        _offset_span(record.get("trigger"), "trigger", f"trigger: {record.get('event_type')}", n),
        _offset_span(record.get("actor"), "actor", "actor", n),
        _offset_span(record.get("recipient"), "recipient", "recipient", n),
        _offset_span(record.get("location"), "place", "place", n),
        _offset_span(att, "source", f"source: {att.get('source_kind')}", n,
                     "source_start", "source_end"),
        _offset_span(att, "cue", "cue", n, "cue_start", "cue_end"),
    ]
    found += [_offset_span(a, "co_actor", "co-actor", n) for a in record.get("co_actors") or []]
    found += [_offset_span(a, "co_actor", "co-recipient", n)
              for a in record.get("co_recipients") or []]
    found += [_offset_span(q, "quantity", f"quantity: {q.get('kind')}", n)
              for q in record.get("quantities") or []]
    if isinstance(sentence.get("start"), int) and isinstance(sentence.get("end"), int):
        found.append(_find_in_sentence(text, (record.get("date") or {}).get("text"),
                                       (sentence["start"], sentence["end"])))
    return [s for s in found if s is not None]


def segments(text: str, spans: list[Span], lo: int = 0, hi: int | None = None) -> list[Segment]:
    """Split text[lo:hi] at every span boundary; each piece lists the roles covering it."""
    hi = len(text) if hi is None else hi
    cuts = {lo, hi}
    for s in spans:
        cuts.update(p for p in (s.start, s.end) if lo < p < hi)
    bounds = sorted(cuts)
    order = {role: i for i, role in enumerate(ROLES)}
    out: list[Segment] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        covering = [s for s in spans if s.start <= a and b <= s.end]
        roles = sorted({s.role for s in covering}, key=lambda r: order.get(r, 99))
        starts = [s.label for s in sorted(covering, key=lambda s: order.get(s.role, 99))
                  if s.start == a and s.role != "sentence"]
        out.append(Segment(text[a:b], roles, starts))
    return out


def window(text: str, record: dict[str, Any]) -> tuple[int, int]:
    """The part of a long document to show: the sentence and WINDOW characters around it."""
    sentence = record.get("sentence") or {}
    start = sentence.get("start") if isinstance(sentence.get("start"), int) else 0
    end = sentence.get("end") if isinstance(sentence.get("end"), int) else start
    if len(text) <= 2 * WINDOW:
        return 0, len(text)
    return max(0, start - WINDOW), min(len(text), end + WINDOW)
