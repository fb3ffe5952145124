"""Ingest documents into a store: skip known texts before any NLP, process, save each one.

Each document is saved in its own transaction as soon as it is processed, so an interrupted
run keeps what it finished and a rerun does only the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from claimbase.config import Settings
from claimbase.pipeline import Pipeline, Resources
from claimbase.record import Document
from claimbase.store.db import Store
from claimbase.store.runner import Outcome, make_pipeline, process_documents


@dataclass
class IngestReport:
    """What one ingest run did."""

    documents: int = 0          # documents read from the inputs
    stored: int = 0             # new documents written
    already_stored: int = 0     # texts the store already had (no NLP run)
    duplicates: int = 0         # the same text twice in this run
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    events: int = 0
    attributions: int = 0
    places: int = 0
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0


def select_new(store: Store, docs: Iterable[Document],
               report: IngestReport) -> list[Document]:
    """The documents whose text is not stored yet, each text once, in input order."""
    docs = list(docs)
    report.documents += len(docs)
    known = store.known(d.doc_id for d in docs)
    seen: set[str] = set()
    todo = []
    for doc in docs:
        doc_id = doc.doc_id
        if doc_id in known:
            report.already_stored += 1
        elif doc_id in seen:
            report.duplicates += 1
        else:
            seen.add(doc_id)
            todo.append(doc)
    return todo


def ingest_documents(
    store: Store,
    docs: list[Document],
    settings: Settings,
    workers: int = 1,
    report: IngestReport | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    pipeline: Pipeline | None = None,
) -> IngestReport:
    """Process and save new documents (already filtered by `select_new`)."""
    report = report or IngestReport()
    if workers <= 1 and docs and pipeline is None:
        pipeline = make_pipeline(settings)
        pipeline.resources.nlp  # load the model before the clock starts  # noqa: B018
    start = time.perf_counter()
    for outcome in process_documents(docs, settings, workers=workers, pipeline=pipeline):
        if outcome.ok and outcome.rows is not None:
            if store.save_rows(outcome.rows):
                report.stored += 1
                report.events += len(outcome.rows.events)
                report.attributions += len(outcome.rows.attributions)
                report.places += len(outcome.rows.places)
            else:
                report.already_stored += 1
        else:
            report.failed.append((outcome.ref, outcome.error or "failed"))
        if on_outcome is not None:
            on_outcome(outcome)
    report.seconds += time.perf_counter() - start
    if report.stored:
        resources = pipeline.resources if pipeline is not None else Resources(settings)
        store.sync_actors(resources.actors)
        store.optimize()  # planner statistics for the explorer's facet queries
    return report
