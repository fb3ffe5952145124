"""The extraction pipeline: a cascade of named stages over one `Document`.

    clean -> metadata -> parse (spaCy, batched) -> reference_date -> actors -> places
          -> dates -> attributions -> events -> finalize

Each stage is a function `stage(doc, resources) -> None` that fills in its own fields of the
document. Stages are named here as data (module path + function), so the order is visible
in one place and a user can replace or drop one (`Pipeline(stages=[...])`).
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from claimbase.config import Settings
from claimbase.record import (
    DocMeta,
    Document,
    assign_event_ids,
    attribution_records,
    event_records,
    place_records,
)

Stage = Callable[[Document, "Resources"], None]

# Garbage collection while documents stream through: the loaded resources (spaCy model,
# dictionaries, gazetteer caches) are frozen out of the collector once the first document
# is done, and the first generation is collected less often. The stages allocate many
# short-lived objects; with the stock settings full collections re-scanned every resource
# and cost about a tenth of the pipeline's time. Cyclic garbage is still collected.
GC_GEN0_THRESHOLD = 10_000
_frozen = False

# Stages before the spaCy parse (cheap, per document).
PRE_PARSE: list[tuple[str, str]] = [
    ("clean", "claimbase.ingest.clean:mark_boilerplate"),
    ("metadata", "claimbase.ingest.metadata:read_metadata"),
]
# Stages after the parse, in order.
POST_PARSE: list[tuple[str, str]] = [
    ("reference_date", "claimbase.timex.reference:set_reference_date"),
    ("actors", "claimbase.nlp.actors:find_actors"),
    ("places", "claimbase.geo.geoparse:find_places"),
    ("dates", "claimbase.timex.dates:find_dates"),
    ("attributions", "claimbase.extract.attribution:find_attributions"),
    ("events", "claimbase.extract.events:find_events"),
    ("statements", "claimbase.extract.attribution:keep_statements"),
]


def load_stage(path: str) -> Stage:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass
class Resources:
    """Heavy shared resources, loaded once per process on first use."""

    settings: Settings = field(default_factory=Settings)

    @cached_property
    def actors(self) -> Any:
        from claimbase.nlp.actors import ActorDictionary

        return ActorDictionary.load(extra=self.settings.actors_files)

    @cached_property
    def gazetteer(self) -> Any:
        from claimbase.geo.gazetteer import Gazetteer

        return Gazetteer.open(self.settings.gazetteer_path)

    @cached_property
    def nlp(self) -> Any:
        from claimbase.nlp.model import load_nlp

        return load_nlp(self.settings.spacy_model, resources=self)

    @cached_property
    def outlet_memory(self) -> Any:
        """What the run's stories taught about their outlets' home states and towns
        (`claimbase.geo.outlet_memory.OutletMemory`); None when the settings turn it off."""
        if not self.settings.outlet_memory:
            return None
        from claimbase.geo.outlet_memory import OutletMemory

        return OutletMemory()

    def forget_outlets(self) -> None:
        """Start the outlet memory afresh (made again on next use)."""
        self.__dict__.pop("outlet_memory", None)


class Pipeline:
    """Runs the stages over a stream of documents, parsing in batches with `nlp.pipe`."""

    def __init__(
        self,
        resources: Resources | None = None,
        pre: list[tuple[str, str]] | None = None,
        post: list[tuple[str, str]] | None = None,
    ) -> None:
        self.resources = resources or Resources()
        self.pre = [(name, load_stage(path)) for name, path in (pre or PRE_PARSE)]
        self.post = [(name, load_stage(path)) for name, path in (post or POST_PARSE)]

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Yield each document with every stage applied, in input order."""
        res = self.resources
        settings = res.settings
        prepared = (self._pre(doc) for doc in docs)
        nlp = res.nlp
        # as_tuples keeps each Document beside its parse. Parallel runs (--workers) split
        # the documents across processes that each run a whole Pipeline (store.runner).
        stream = ((doc.analysis_text, doc) for doc in prepared)
        threshold = gc.get_threshold()
        gc.set_threshold(max(threshold[0], GC_GEN0_THRESHOLD), *threshold[1:])
        try:
            for sdoc, doc in nlp.pipe(stream, as_tuples=True, batch_size=settings.batch_size):
                doc.spacy_doc = sdoc
                for _name, stage in self.post:
                    stage(doc, res)
                assign_event_ids(doc)
                _freeze_resources()
                yield doc
        finally:
            gc.set_threshold(*threshold)

    def _pre(self, doc: Document) -> Document:
        for _name, stage in self.pre:
            stage(doc, self.resources)
        doc.invalidate()
        return doc

    def process(self, doc: Document) -> Document:
        return next(self.run([doc]))


def _freeze_resources() -> None:
    """Once per process, after the first document (every resource a stage uses is loaded
    by then): collect, then move every live object out of the collector's reach."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """A process-wide pipeline with default settings (loaded on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def records(doc: Document, output: str = "events") -> list[dict[str, Any]]:
    """The RECORD.md records of one processed document."""
    if output == "events":
        return event_records(doc)
    if output == "attributions":
        return attribution_records(doc)
    if output == "places":
        return place_records(doc)
    raise ValueError(f"unknown output {output!r}: use events, attributions or places")


def extract_text(text: str, output: str = "events", **metadata: Any) -> list[dict[str, Any]]:
    """`claimbase.extract`: run the default pipeline on one text."""
    ref = metadata.pop("ref", None) or metadata.pop("id", None) or "<text>"
    known = {k: v for k, v in metadata.items() if k in DocMeta.__slots__}
    doc = Document(text=text, ref=str(ref), meta=DocMeta(**known))
    return records(default_pipeline().process(doc), output)
