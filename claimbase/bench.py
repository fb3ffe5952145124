"""Throughput benchmark: the full pipeline against a bare `nlp.pipe` of the same spaCy model.

Both runs read the same raw texts with the same batch size, after loading (and warming up)
their models. Their ratio is the #3 target: the pipeline against spaCy as users run it. As the
pipeline's parser is faster than stock spaCy (`nlp.fastpipes`, same annotations), a third run
parses with that faster parser alone: the pipeline against it is what the stages beyond the
parse cost (`stages_ratio`).
Peak memory is the process's peak resident set size during each run (Linux `VmHWM`, reset
between runs; elsewhere the process-wide `ru_maxrss`).
"""

from __future__ import annotations

import gc
import resource
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from claimbase.config import Settings
from claimbase.record import Document

TARGET_RATIO = 0.75
_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


@dataclass
class RunResult:
    """One timed run over the texts."""

    name: str
    documents: int
    tokens: int
    seconds: float
    peak_rss_mb: float | None
    cpu_seconds: float = 0.0  # this process's CPU time: steadier on a busy machine

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "docs_per_s": round(self.docs_per_s, 3),
                "tokens_per_s": round(self.tokens_per_s, 1)}


@dataclass
class BenchResult:
    source: str
    model: str
    batch_size: int
    characters: int
    bare: RunResult
    pipeline: RunResult
    events: int = 0
    parser: RunResult | None = None  # the pipeline's own (faster) parser, no stages
    errors: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        """Pipeline docs/s over bare spaCy docs/s (1.0 = the stages cost nothing)."""
        return self.pipeline.docs_per_s / self.bare.docs_per_s if self.bare.docs_per_s else 0.0

    @property
    def cpu_ratio(self) -> float:
        """The same ratio on CPU time (what other processes on the machine do not change)."""
        full, bare = self.pipeline.cpu_seconds, self.bare.cpu_seconds
        return bare / full if full and bare else 0.0

    @property
    def stages_ratio(self) -> float:
        """Pipeline docs/s over its own parser's docs/s: what the stages cost (1.0 = nothing)."""
        if self.parser is None or not self.parser.docs_per_s:
            return 0.0
        return self.pipeline.docs_per_s / self.parser.docs_per_s

    @property
    def meets_target(self) -> bool:
        return self.ratio >= TARGET_RATIO

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "model": self.model, "batch_size": self.batch_size,
                "documents": self.bare.documents, "characters": self.characters,
                "events": self.events, "bare_spacy": self.bare.as_dict(),
                "pipeline": self.pipeline.as_dict(), "ratio": round(self.ratio, 3),
                "cpu_ratio": round(self.cpu_ratio, 3),
                "parser_only": self.parser.as_dict() if self.parser else None,
                "stages_ratio": round(self.stages_ratio, 3),
                "target_ratio": TARGET_RATIO, "meets_target": self.meets_target,
                "errors": self.errors}


# -- memory -----------------------------------------------------------------------------------

def reset_peak_rss() -> bool:
    """Reset the kernel's peak-RSS mark for this process (Linux >= 4.0); False if unsupported."""
    try:
        _CLEAR_REFS.write_text("5")
        return True
    except OSError:
        return False


def peak_rss_mb() -> float | None:
    """Peak resident set size in MB: VmHWM when available, else ru_maxrss."""
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


# -- texts ------------------------------------------------------------------------------------

def default_source() -> Path:
    from claimbase.cli.demo import find_corpus

    corpus = find_corpus()
    if corpus is None:
        raise FileNotFoundError("no demo corpus found; give a PATH to benchmark")
    return corpus


def load_documents(source: str | Path, settings: Settings, limit: int | None = None,
                   on_error: Callable[[str, str], None] | None = None) -> list[Document]:
    """The documents of a file or folder (any format the readers accept), first `limit`."""
    from claimbase.cli.common import describe_input_error
    from claimbase.ingest.readers import read_inputs

    docs: list[Document] = []
    for item in read_inputs([str(source)], settings):
        if isinstance(item, Document):
            docs.append(item)
            if limit is not None and len(docs) >= limit:
                break
        elif on_error is not None:
            on_error(*describe_input_error(item))
    return docs


def _fresh(doc: Document) -> Document:
    """An unprocessed copy: each run starts from the same reader output."""
    return Document(text=doc.text, ref=doc.ref, meta=replace(doc.meta),
                    source_format=doc.source_format, boilerplate=list(doc.boilerplate),
                    markup=list(doc.markup))


# -- runs -------------------------------------------------------------------------------------

def _timed(name: str, run: Callable[[], Iterator[int]], documents: int) -> RunResult:
    gc.collect()
    measured = reset_peak_rss()
    start, cpu = time.perf_counter(), time.process_time()
    tokens = sum(run())
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return RunResult(name, documents, tokens, seconds, peak_rss_mb() if measured else None,
                     cpu)


def bare_runner(texts: list[str], model: str, batch_size: int,
                fast: bool = False) -> Callable[[], Iterator[int]]:
    """A bare `spacy.load(model).pipe(texts)`: the speed the pipeline is measured against;
    `fast`: with the pipeline's faster attribute ruler and lemmatizer (`nlp.fastpipes`)."""
    import spacy

    nlp = spacy.load(model)
    if fast:
        from claimbase.nlp.fastpipes import speed_up

        speed_up(nlp)
    list(nlp.pipe(texts[:2], batch_size=batch_size))  # warm up

    def run() -> Iterator[int]:
        for sdoc in nlp.pipe(texts, batch_size=batch_size):
            yield len(sdoc)

    return run


def pipeline_runner(docs: list[Document], settings: Settings,
                    counts: dict[str, int]) -> Callable[[], Iterator[int]]:
    """The full claimbase pipeline (every stage, records built) over the same documents."""
    from claimbase.pipeline import Pipeline, Resources
    from claimbase.store.rows import document_rows

    pipeline = Pipeline(Resources(replace(settings, workers=1)))
    if docs:  # warm up: load the model, dictionaries and gazetteer outside the clock
        pipeline.process(_fresh(docs[0]))

    def run() -> Iterator[int]:
        counts["events"] = 0
        for doc in pipeline.run([_fresh(d) for d in docs]):
            n = len(doc.spacy_doc)
            counts["events"] += len(document_rows(doc).events)
            doc.spacy_doc = None
            yield n

    return run


def _faster(first: RunResult, other: RunResult) -> RunResult:
    """The faster of two runs; the peak memory stays the first run's (see `run_bench`)."""
    return replace(first, seconds=min(first.seconds, other.seconds),
                   cpu_seconds=min(first.cpu_seconds, other.cpu_seconds))


def run_bench(source: str | Path | None = None, model: str | None = None,
              limit: int | None = None, batch_size: int | None = None,
              on_error: Callable[[str, str], None] | None = None,
              repeat: int = 1) -> BenchResult:
    """Time bare spaCy and the full pipeline on the same texts; see `BenchResult`.

    The bare run comes first, before the pipeline's model is loaded, and its model is freed
    before the pipeline loads (the allocator may keep some of that memory). With
    `repeat > 1` the two runs alternate and the fastest time of each counts (less noise on a
    busy machine); both models then stay loaded, so the pipeline's peak includes the bare
    model.
    """
    settings = Settings()
    if model:
        settings.spacy_model = model
    if batch_size:
        settings.batch_size = batch_size
    src = Path(source) if source is not None else default_source()
    docs = load_documents(src, settings, limit=limit, on_error=on_error)
    if not docs:
        raise ValueError(f"{src}: no documents to benchmark")
    texts = [d.text for d in docs]
    n = len(texts)
    run_bare = bare_runner(texts, settings.spacy_model, settings.batch_size)
    bare = _timed("bare spaCy", run_bare, n)
    run_parser = bare_runner(texts, settings.spacy_model, settings.batch_size, fast=True)
    parser = _timed("pipeline's parser alone", run_parser, n)
    if repeat <= 1:
        del run_bare, run_parser  # free the bare models before the pipeline's loads
    counts = {"events": 0}
    run_full = pipeline_runner(docs, settings, counts)
    full = _timed("claimbase pipeline", run_full, n)
    for _ in range(repeat - 1):
        bare = _faster(bare, _timed("bare spaCy", run_bare, n))
        parser = _faster(parser, _timed("pipeline's parser alone", run_parser, n))
        full = _faster(full, _timed("claimbase pipeline", run_full, n))
    # Token counts differ slightly (the pipeline reads blanked boilerplate); rates are
    # per raw-text token for both, so they compare the same work.
    full.tokens = bare.tokens
    return BenchResult(source=str(src), model=settings.spacy_model,
                       batch_size=settings.batch_size,
                       characters=sum(len(t) for t in texts), bare=bare, pipeline=full,
                       events=counts["events"], parser=parser)
