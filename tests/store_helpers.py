"""Hand-built processed documents for store tests (no NLP needed to fill the record model)."""

from __future__ import annotations

from claimbase.record import (
    ActorMention,
    Attribution,
    DateMention,
    DocMeta,
    Document,
    Event,
    Place,
    Quantity,
)


def make_doc(text: str, ref: str = "story.txt", outlet: str = "Test Wire",
             event_types: tuple[str, ...] = ("ASSAULT", "ACCUSE")) -> Document:
    """A document whose stages have 'run': one event per type, a place, an attribution."""
    doc = Document(text=text, ref=ref, meta=DocMeta(title="A test story", outlet=outlet,
                                                    published="2019-03-01"))
    place = Place(text="Riverton", start=0, end=8, name="Riverton", gazetteer_id="test:1",
                  lat=35.0, lon=40.0, country="SY", precision=1)
    doc.places.append(place)
    att = Attribution(source_kind="organization", source_text="the ministry", source_start=0,
                      source_end=3, cue="said", cue_start=4, cue_end=8, content_start=0,
                      content_end=len(text), modality="hedged")
    doc.attributions.append(att)
    for n, etype in enumerate(event_types):
        doc.events.append(Event(
            sentence_start=0, sentence_end=len(text), trigger_start=n, trigger_end=n + 3,
            event_type=etype,
            actor=ActorMention("rebels", 0, 6, id="REB_X", name="Rebel Front", sector="REB"),
            recipient=ActorMention("army", 7, 11, id="ARMY_Y", name="Army of Y",
                                   sector="MIL", country="SYR"),
            location=place,
            date=DateMention("on Friday", 12, 21, "2019-02-22", "2019-02-22", "day"),
            quantities=[Quantity("killed", "at least 4", low=4, best=4),
                        Quantity("killed", "12 people", low=12, best=12),
                        Quantity("injured", "dozens", low=24)],
            attribution=att if n % 2 else None,
            modality="hedged" if n % 2 else "asserted",
        ))
    return doc
