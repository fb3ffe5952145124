"""A small, hand-annotated store for the export, serve and browser tests.

The documents are our own invented text; every span is found in the text by `find`, so the
offsets are exact. They are saved through the store API (`Store.save`), then linked by hand
(a cluster with a casualty contradiction, a re-post) with the store's write helpers.
"""

from __future__ import annotations

from pathlib import Path

from claimbase.record import (
    ActorMention,
    Attribution,
    DateMention,
    DocMeta,
    Document,
    Event,
    Place,
    Quantity,
    assign_event_ids,
)

IDLIB = dict(name="Idlib", gazetteer_id="geonames:169388", lat=35.93, lon=36.63, country="SY",
             admin1="Idlib", feature="city", precision=1)
KAFR = dict(name="Kafr Nabl", gazetteer_id="geonames:169000", lat=35.61, lon=36.56,
            country="SY", admin1="Idlib", feature="locality", precision=1)
ALEPPO = dict(name="Aleppo", gazetteer_id="geonames:170063", lat=36.20, lon=37.16,
              country="SY", admin1="Aleppo", feature="city", precision=1)


def span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def actor(text: str, needle: str, **kw: object) -> ActorMention:
    s, e = span(text, needle)
    return ActorMention(text=needle, start=s, end=e, **kw)  # type: ignore[arg-type]


def place(text: str, needle: str, info: dict) -> Place:
    s, e = span(text, needle)
    return Place(text=needle, start=s, end=e, **info)


def attribution(text: str, kind: str, source: str | None, cue: str, content: str,
                **kw: object) -> Attribution:
    cs, ce = span(text, content)
    ss, se = span(text, source) if source else (None, None)
    qs, qe = span(text, cue)
    return Attribution(source_kind=kind, source_text=source, source_start=ss, source_end=se,
                       cue=cue, cue_start=qs, cue_end=qe, content_start=cs, content_end=ce,
                       **kw)  # type: ignore[arg-type]


def event(text: str, sentence: str, trigger: str, etype: str, **kw: object) -> Event:
    ss, se = span(text, sentence)
    ts, te = span(text, trigger, ss)
    return Event(sentence_start=ss, sentence_end=se, trigger_start=ts, trigger_end=te,
                 event_type=etype, **kw)  # type: ignore[arg-type]


def quantity(text: str, kind: str, needle: str, n: int, of: str) -> Quantity:
    s, e = span(text, needle)
    return Quantity(kind=kind, text=needle, low=n, best=n, high=None, of=of, start=s, end=e)


def date(text: str, needle: str, iso: str) -> DateMention:
    s, e = span(text, needle)
    return DateMention(text=needle, start=s, end=e, value_start=iso, value_end=iso,
                       precision="day")


def doc_checkpoint() -> Document:
    text = ("Checkpoint falls\n\nRebel fighters attacked an army checkpoint near Idlib on "
            "Friday, killing four soldiers, local sources said. The defence ministry denied "
            "any losses.\n")
    doc = Document(text=text, ref="demo/checkpoint.txt", meta=DocMeta(
        title="Checkpoint falls", outlet="Northern Ledger", author="Dana Fields",
        published="2024-03-02", url="https://example.org/ledger/checkpoint"))
    att = attribution(text, "anonymous", "local sources", "said",
                      "Rebel fighters attacked an army checkpoint near Idlib on Friday, "
                      "killing four soldiers")
    doc.attributions = [att]
    doc.events = [event(
        text, "Rebel fighters attacked an army checkpoint near Idlib on Friday, killing four "
        "soldiers, local sources said.", "attacked", "ASSAULT", event_mode="firearms",
        acled_event_type="Battles", acled_sub_event_type="Armed clash",
        actor=actor(text, "Rebel fighters", id="NRF", name="Northern Rebel Front",
                    sector="REB"),
        recipient=actor(text, "army", id="SYR_MIL", name="Syrian Arab Army", sector="MIL",
                        country="SYR"),
        location=place(text, "Idlib", IDLIB), date=date(text, "on Friday", "2024-03-01"),
        quantities=[quantity(text, "killed", "four soldiers", 4, "soldiers")],
        attribution=att)]
    return doc


def doc_shelling(outlet: str, ref: str, figure: str, n: int, source: str, kind: str,
                 published: str) -> Document:
    text = (f"Shells hit Kafr Nabl\n\nGovernment forces shelled Kafr Nabl on Saturday, "
            f"{source} said, adding that {figure} civilians were killed.\n")
    doc = Document(text=text, ref=ref, meta=DocMeta(
        title="Shells hit Kafr Nabl", outlet=outlet, published=published,
        url=f"https://example.org/{ref}"))
    att = attribution(text, kind, source, "said",
                      "Government forces shelled Kafr Nabl on Saturday")
    doc.attributions = [att]
    doc.events = [event(
        text, "Government forces shelled Kafr Nabl on Saturday", "shelled", "ASSAULT",
        event_mode="artillery", acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack",
        actor=actor(text, "Government forces", id="SYR_MIL", name="Syrian Arab Army",
                    sector="MIL", country="SYR"),
        recipient=actor(text, "civilians", sector="CVL"),
        location=place(text, "Kafr Nabl", KAFR), date=date(text, "on Saturday", "2024-03-02"),
        quantities=[quantity(text, "killed", f"{figure} civilians", n, "civilians")],
        attribution=att, modality="asserted")]
    return doc


def doc_protest() -> Document:
    text = ("Rally in Aleppo\n\nHundreds of protesters rallied in Aleppo on Sunday, the "
            "Valley Herald reported. Turkey may send more troops, an official said.\n")
    doc = Document(text=text, ref="demo/protest.txt", meta=DocMeta(
        title="Rally in Aleppo", outlet="Northern Ledger", published="2024-03-04",
        url="https://example.org/ledger/rally"))
    att = attribution(text, "media", "the Valley Herald", "reported",
                      "Hundreds of protesters rallied in Aleppo on Sunday")
    hedge = attribution(text, "person", "an official", "said",
                        "Turkey may send more troops", modality="hedged")
    doc.attributions = [att, hedge]
    doc.events = [
        event(text, "Hundreds of protesters rallied in Aleppo on Sunday, the Valley Herald "
              "reported.", "rallied", "PROTEST", acled_event_type="Protests",
              acled_sub_event_type="Peaceful protest",
              actor=actor(text, "protesters", sector="CVL"),
              location=place(text, "Aleppo", ALEPPO),
              date=date(text, "on Sunday", "2024-03-03"),
              quantities=[quantity(text, "participants", "Hundreds of protesters", 200,
                                   "protesters")],
              attribution=att),
        event(text, "Turkey may send more troops", "send more troops", "MOBILIZE",
              actor=actor(text, "Turkey", id="TUR", name="Turkey", sector="GOV",
                          country="TUR"),
              attribution=hedge, modality="hedged"),
    ]
    return doc


def demo_documents() -> list[Document]:
    docs = [
        doc_checkpoint(),
        doc_shelling("Coastal Wire", "demo/shelling-wire.txt", "eleven", 11,
                     "the Syrian Observatory", "organization", "2024-03-03"),
        doc_shelling("Harbour Daily", "demo/shelling-daily.txt", "three", 3,
                     "a local doctor", "person", "2024-03-03"),
        doc_protest(),
    ]
    for doc in docs:
        doc.places = [e.location for e in doc.events if e.location is not None]
        assign_event_ids(doc)
    return docs


def build_store(path: Path, extra: list[Document] | None = None) -> Path:
    """Save the demo documents (plus `extra`) and the hand-made links into `path`."""
    from claimbase.store import Store

    docs = demo_documents() + list(extra or [])
    store = Store(path)
    for doc in docs:
        store.save(doc)
    wire, daily = docs[1], docs[2]
    a, b = wire.events[0].event_id, daily.events[0].event_id
    store.write_rows("clusters", [{
        "cluster_id": "c1", "event_type": "ASSAULT", "summary": {"events": [a, b]},
        "date_start": "2024-03-02", "date_end": "2024-03-02", "location_name": "Kafr Nabl",
        "latitude": 35.61, "longitude": 36.56, "country": "SY", "fatalities_low": 3,
        "fatalities_best": 7, "fatalities_high": 11, "documents": 2,
        "independent_sources": 2, "corroboration": {"documents": 2}}])
    store.set_event_clusters({a: "c1", b: "c1"})
    store.write_rows("contradictions", [{
        "cluster_id": "c1", "kind": "casualties", "event_a": a, "event_b": b,
        "detail": {"kind": "killed", "a": 11, "b": 3}}])
    store.write_rows("reposts", [{"doc_id": daily.doc_id, "original_doc_id": wire.doc_id,
                                  "similarity": 0.91, "method": "minhash"}])
    store.close()
    return path


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    """`claimbase serve` on a free 127.0.0.1 port as a subprocess, for `with` blocks."""

    def __init__(self, db: Path, timeout: float = 60.0) -> None:
        self.db, self.timeout = db, timeout
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = None
        self.log = db.with_suffix(".serve.log")

    def __enter__(self) -> Served:
        import subprocess
        import sys
        import time

        import httpx

        self._log = open(self.log, "w")  # noqa: SIM115 - closed in __exit__
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "claimbase", "serve", "--db", str(self.db),
             "--port", str(self.port)], stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"claimbase serve exited: {self.log.read_text()}")
            try:
                if httpx.get(self.base + "/-/versions.json", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"claimbase serve did not start: {self.log.read_text()}")

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except Exception:
                self.proc.kill()
        self._log.close()
