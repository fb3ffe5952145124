"""Run the pipeline over many documents, in one process or several, one outcome per document.

A document that makes a stage fail becomes an error outcome; the others go on. With
`workers > 1`, each worker process loads the pipeline once and turns chunks of documents into
`DocRows` (plain data), which come back in input order, so the results (and the order the
store writes them in) are the same as with one worker.
"""

from __future__ import annotations

import copy
import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain, islice
from typing import TYPE_CHECKING

from claimbase.config import Settings
from claimbase.record import Document
from claimbase.store.rows import DocRows, document_rows

if TYPE_CHECKING:
    from claimbase.pipeline import Pipeline


@dataclass
class Outcome:
    """What happened to one document: its rows, or why it failed."""

    ref: str
    doc_id: str
    rows: DocRows | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def chunked(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def single_process_settings(settings: Settings) -> Settings:
    """The settings each pipeline runs with: parallelism is ours, not spaCy's n_process."""
    return replace(settings, workers=1)


_PIPELINES: dict[tuple[object, ...], Pipeline] = {}


def make_pipeline(settings: Settings) -> Pipeline:
    """A pipeline for these settings: the heavy resources (model, dictionaries, gazetteer) are
    loaded once per process and reused; the light settings (focus, reference date, …) are
    this run's."""
    from claimbase.pipeline import Pipeline, Resources

    key = (settings.spacy_model, tuple(str(p) for p in settings.actors_files),
           str(settings.gazetteer_path), settings.max_bytes, settings.batch_size)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(Resources(single_process_settings(settings)))
    pipeline = _PIPELINES[key]
    pipeline.resources.settings = single_process_settings(settings)
    return pipeline


def _done(doc: Document) -> Outcome:
    try:
        rows = document_rows(doc)
    except Exception as exc:  # a record that cannot be built is this document's error
        return Outcome(doc.ref, doc.doc_id, error=f"cannot build records: {_reason(exc)}")
    finally:
        doc.spacy_doc = None
    return Outcome(doc.ref, doc.doc_id, rows=rows)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def run_chunk(pipeline: Pipeline, docs: list[Document]) -> list[Outcome]:
    """Process a chunk in one batched pass; if a stage fails, redo the rest one by one."""
    pristine = [copy.deepcopy(d) for d in docs]
    out: list[Outcome] = []
    try:
        for doc in pipeline.run(docs):
            out.append(_done(doc))
    except Exception:
        for doc in pristine[len(out):]:
            try:
                out.append(_done(pipeline.process(doc)))
            except Exception as exc:
                out.append(Outcome(doc.ref, doc.doc_id,
                                   error=f"extraction failed: {_reason(exc)}"))
    return out


# -- worker processes -------------------------------------------------------------------------

_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = make_pipeline(settings)
    _WORKER_PIPELINE.resources.nlp  # load the model now, not inside the first chunk  # noqa: B018


def _work(docs: list[Document]) -> list[Outcome]:
    assert _WORKER_PIPELINE is not None
    return run_chunk(_WORKER_PIPELINE, docs)


def process_documents(docs: Iterable[Document], settings: Settings, workers: int = 1,
                      pipeline: Pipeline | None = None) -> Iterator[Outcome]:
    """One `Outcome` per document, in input order."""
    size = max(1, settings.batch_size)
    chunks = chunked(docs, size)
    if workers <= 1:
        for chunk in chunks:  # the model loads with the first chunk, not before
            pipeline = pipeline or make_pipeline(settings)
            yield from run_chunk(pipeline, chunk)
        return
    first = next(chunks, None)
    if first is None:  # nothing to do: start no worker
        return
    chunks = chain([first], chunks)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker,
                  initargs=(single_process_settings(settings),)) as pool:
        for outcomes in pool.imap(_work, chunks):
            yield from outcomes
